"""RFC 9457 problem details: the one shape of every error, so clients parse one thing.

Every ``HTTPException`` (routing's 404 and 405 included) and every unexpected exception becomes
``application/problem+json``. A 500 carries a fixed text, never the exception's: that goes to
the log only.
"""

from __future__ import annotations

import json

from flask import Flask, Response, current_app, request
from werkzeug.exceptions import (
    HTTPException,
    InternalServerError,
    ServiceUnavailable,
    UnprocessableEntity,
)

from service.core import ExtractionTimeout

from .logs import shown_path

PROBLEM_JSON = "application/problem+json"


class ValidationProblem(UnprocessableEntity):
    """A body that parsed but broke the schema, or a bad query parameter: per-field messages."""

    description = "The request body does not match the schema: see errors for each field."

    def __init__(self, errors: dict, description: str | None = None) -> None:
        super().__init__(description)  # None: the class's description
        self.errors = errors


def problem_body(error: HTTPException) -> dict:
    """Describe ``error`` as a problem object (used alone for batch entries)."""
    body = {
        "type": "about:blank",
        "title": error.name,
        "status": error.code,
        "detail": error.description,
    }
    errors = getattr(error, "errors", None)
    if errors:
        body["errors"] = errors
    return body


def problem_response(error: HTTPException) -> Response:
    """Answer with ``error`` as ``application/problem+json``, keeping headers such as ``Allow``."""
    response = current_app.response_class(
        json.dumps(problem_body(error)), status=error.code, mimetype=PROBLEM_JSON
    )
    for name, value in error.get_headers():
        if name.lower() != "content-type":
            response.headers[name] = value
    return response


def _handle_http_exception(error: HTTPException) -> Response | HTTPException:
    if error.code is None or error.code < 400:
        return error  # a routing redirect, not an error
    return problem_response(error)


def _handle_timeout(error: ExtractionTimeout) -> Response:
    """Answer an extraction that ran past ``FIGURES_EXTRACTION_TIMEOUT`` (worker.py): 503."""
    current_app.logger.warning("Extraction timed out on %s %s", request.method, request.path)
    return problem_response(
        ServiceUnavailable(
            "Extraction took longer than this service gives one request: send less text at a"
            " time, or try again when the service is less busy."
        )
    )


def _handle_unexpected(error: Exception) -> Response:
    current_app.logger.exception("Unhandled error on %s %s", request.method[:32], shown_path())
    return problem_response(InternalServerError())


def install(app: Flask) -> None:
    """Route every error of ``app`` through the problem handlers."""
    app.register_error_handler(HTTPException, _handle_http_exception)
    app.register_error_handler(ExtractionTimeout, _handle_timeout)
    app.register_error_handler(Exception, _handle_unexpected)
