"""The OpenAPI 3 document, generated from the marshmallow schemas and the views themselves.

Each documented view carries its operation (``@documented``); the spec walks the app's URL map,
so a route cannot be served without being listed. A view's docstring gives the summary (first
line) and description (the rest), as in flask-smorest.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version

from apispec import APISpec
from apispec.ext.marshmallow import MarshmallowPlugin
from flask import Flask
from marshmallow import Schema

from schemas import ProblemSchema
from service import DISTRIBUTION

from . import examples
from .auth import OPEN_ENDPOINTS
from .problems import PROBLEM_JSON
from .state import Figures

# Swagger UI 4 (swagger-ui-bundle) renders OpenAPI 3.0, not 3.1.
OPENAPI_VERSION = "3.0.3"

# Every error status the API answers, as a reusable response. Keep in sync with docs/http.md.
ERROR_RESPONSES = {
    400: (
        "BadRequest",
        "The body is not valid JSON (or repeats a key in one object), not valid UTF-8, or "
        "(Content-Encoding: gzip) not valid gzip.",
    ),
    401: (
        "Unauthorized",
        "API keys are on (FIGURES_API_KEYS) and the request has no valid "
        "'Authorization: Bearer <key>'.",
    ),
    404: ("NotFound", "No such path: every path not listed in this document answers 404."),
    405: (
        "MethodNotAllowed",
        "The path does not take this method; the Allow header lists those it does.",
    ),
    408: (
        "RequestTimeout",
        "The request's headers or body did not arrive in time (FIGURES_HEADER_TIMEOUT, "
        "FIGURES_BODY_TIMEOUT).",
    ),
    413: (
        "ContentTooLarge",
        "A text, a body or a batch is over its limit, or a text or a batch holds more claims "
        "(or, with explain=true, more numbers left out) than one answer carries (see the "
        "detail).",
    ),
    415: (
        "UnsupportedMediaType",
        "The endpoint does not read this Content-Type (or charset), or this Content-Encoding "
        "(gzip is read; Accept-Encoding says so).",
    ),
    422: (
        "UnprocessableContent",
        "The body parsed but broke the schema, or a query parameter has a bad value "
        "(explain=maybe, reference_date=yesterday); errors lists the messages for each field or "
        "parameter.",
    ),
    429: (
        "TooManyRequests",
        "Over this client's rate limit (FIGURES_RATE_LIMIT); retry after Retry-After seconds.",
    ),
    500: ("InternalServerError", "A fault of the service; the detail never carries its cause."),
    503: (
        "ServiceUnavailable",
        "The extractor is still warming up (retry after Retry-After seconds), or extracting the "
        "request's texts took longer than FIGURES_EXTRACTION_TIMEOUT.",
    ),
}
# The groups operations are listed in, in this order.
TAGS = {
    "extraction": "Claims from text.",
    "operations": "Probes and metrics for the operator.",
    "documentation": "This document, and a page to browse it.",
}
# The name of the API-key security scheme, listed only when keys are on.
BEARER = "apiKey"
# Errors any operation can answer: a mistyped path, a wrong method, a fault of the service.
COMMON_ERRORS = (404, 405, 500)
# Errors of operations that read a body and extract its texts (408 and 503: their timeouts).
BODY_ERRORS = (400, 408, 413, 415, 422, 503)

DESCRIPTION = """\
Every numeric claim in English news text, normalised and located.

Errors are RFC 9457 problem details (`application/problem+json`). Every response carries
`X-Request-ID` (the request's own when it sends a sane one: 1-128 characters of letters, digits
and `._:/+=-`; else a new one), security headers (`Content-Security-Policy`,
`X-Frame-Options: DENY`, `X-Content-Type-Options: nosniff`, `Referrer-Policy: no-referrer`) and
`Cache-Control: no-store`. A request body may be gzip-compressed (`Content-Encoding: gzip`):
the limits hold for it as sent and once inflated.

Limits of this server (413 beyond them): {limits.max_text_bytes} bytes of UTF-8 per text
(`FIGURES_MAX_TEXT_BYTES`); {limits.max_batch_documents} documents per batch
(`FIGURES_MAX_BATCH_DOCUMENTS`); {limits.max_batch_bytes} bytes of text per batch
(`FIGURES_MAX_BATCH_BYTES`); {limits.max_claims} claims in the answer for one text
(`FIGURES_MAX_CLAIMS`), and as many numbers left out (`rejected`) with `?explain=true`;
{limits.max_batch_claims} claims in the answer for one batch (`FIGURES_MAX_BATCH_CLAIMS`; with
`?explain=true`, claims and numbers left out together).
"""


@dataclass(frozen=True, slots=True)
class Operation:
    """What the spec says about one view besides its docstring."""

    tag: str  # the group it is listed under
    responses: dict[int, dict]  # non-error responses: status → OpenAPI response object
    request: dict | None  # the request body's content: media type → media type object
    errors: tuple[int, ...]  # error statuses beyond COMMON_ERRORS
    query: type[Schema] | None  # the query string's parameters, one per field


def documented(
    *,
    tag: str,
    responses: dict[int, dict],
    request: dict | None = None,
    errors: tuple[int, ...] = (),
    query: type[Schema] | None = None,
) -> Callable:
    """Attach the operation's OpenAPI description to a view."""

    def attach(view: Callable) -> Callable:
        view.openapi = Operation(tag, responses, request, errors, query)
        return view

    return attach


def build_spec(app: Flask, state: Figures) -> dict:
    """Describe every documented route of ``app``, its limits and access rules, as OpenAPI 3."""
    spec = APISpec(
        title="figures",
        version=_version(),
        openapi_version=OPENAPI_VERSION,
        plugins=[MarshmallowPlugin()],
        info={"description": DESCRIPTION.format(limits=state.limits)},
    )
    if state.authenticated:
        spec.components.security_scheme(BEARER, {"type": "http", "scheme": "bearer"})
    for name, description in TAGS.items():
        spec.tag({"name": name, "description": description})
    problems = examples.problems(state.limits)
    for status, (name, description) in ERROR_RESPONSES.items():
        problem = {"schema": ProblemSchema, "example": problems[status]}
        spec.components.response(
            name, {"description": description, "content": {PROBLEM_JSON: problem}}
        )
    for rule in sorted(app.url_map.iter_rules(), key=lambda rule: rule.rule):
        view = app.view_functions[rule.endpoint]
        operation = getattr(view, "openapi", None)
        if operation is None:
            continue
        methods = sorted(rule.methods - {"HEAD", "OPTIONS"})
        spec.path(
            path=rule.rule,
            operations={
                m.lower(): _operation(rule.endpoint, view, operation, state) for m in methods
            },
        )
    return spec.to_dict()


def _operation(endpoint: str, view: Callable, operation: Operation, state: Figures) -> dict:
    summary, _, description = inspect.cleandoc(view.__doc__ or "").partition("\n")
    responses = {
        str(status): _with_examples(response) for status, response in operation.responses.items()
    }
    guarded = endpoint not in OPEN_ENDPOINTS
    access = {401} if guarded and state.authenticated else set()
    access |= {429} if guarded and state.rate_limited else set()
    for status in sorted({*COMMON_ERRORS, *operation.errors, *access}):
        responses[str(status)] = ERROR_RESPONSES[status][0]
    result = {
        "operationId": endpoint.replace(".", "_"),
        "summary": summary,
        "tags": [operation.tag],
        "responses": responses,
    }
    if description.strip():
        result["description"] = description.strip()
    if 401 in access:
        result["security"] = [{BEARER: []}]
    if operation.query is not None:
        result["parameters"] = [{"in": "query", "schema": operation.query}]
    if operation.request is not None:
        content = _with_examples({"content": operation.request})["content"]
        result["requestBody"] = {"required": True, "content": content}
    return result


def _with_examples(response: dict) -> dict:
    """Copy a response (or a body), calling each example given as a function: built on demand.

    An example that runs the core (the sample article's answer) is built with the document,
    once the extractor is warm, not when the routes are imported.
    """
    content = {
        media: {
            **media_type,
            **({"example": media_type["example"]()} if callable(media_type.get("example")) else {}),
        }
        for media, media_type in response.get("content", {}).items()
    }
    return {**response, "content": content} if content else dict(response)


def _version() -> str:
    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "0.0.0"
