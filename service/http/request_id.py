"""``X-Request-ID``: one id per request, on its response and in every log line it causes.

A client (or the proxy in front) may send its own id, which is kept when it is sane: 1 to 128
characters of letters, digits and ``. _ : / + = -`` (a UUID, a trace id, base64). Anything else,
longer or with spaces, quotes, separators or bytes outside ASCII, could forge or break a log
line, so it is replaced, as a missing id is, by a new random one.
"""

from __future__ import annotations

import logging
import re
import uuid

from flask import Flask, Response, g, has_request_context, request

HEADER = "X-Request-ID"
SANE = re.compile(r"[A-Za-z0-9._:/+=-]{1,128}")


def current() -> str:
    """Return the current request's id, choosing it on first use."""
    chosen = g.get("figures_request_id")  # one look-up: this runs for every log line too
    if chosen is None:
        sent = request.headers.get(HEADER, "")
        chosen = g.figures_request_id = sent if SANE.fullmatch(sent) else uuid.uuid4().hex
    return chosen


class RequestIdFilter(logging.Filter):
    """Give each log record the id of the request it was logged in (None outside one)."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Set ``record.request_id``; never drops a record."""
        if not hasattr(record, "request_id"):
            record.request_id = current() if has_request_context() else None
        return True


def install(app: Flask) -> None:
    """Choose each request's id before anything else runs, and send it back on the response."""
    app.logger.addFilter(RequestIdFilter())

    @app.before_request
    def _choose() -> None:
        current()

    @app.after_request
    def _send(response: Response) -> Response:
        response.headers[HEADER] = current()
        return response
