"""The service's logs: one access line per request and its errors, as text or as JSON lines.

``FIGURES_LOG_FORMAT`` chooses: ``text`` (the default, for a person at a terminal) or ``json``
(one JSON object per line, for a log pipeline). Either way every line a request causes carries
its ``X-Request-ID``. The app writes the access log itself, because it knows the request's id
and the route it matched; gunicorn's own access log, which knows neither and cannot be written
as JSON safely, is switched off so that each request is logged once. Lines go to standard error,
as gunicorn's do, through one handler on the root logger, so the lines of libraries (the rate
limiter's) come out in the same format.
"""

from __future__ import annotations

import json
import logging
import sys
import time
from datetime import UTC, datetime
from urllib.parse import quote

from flask import Flask, Response, g, request
from flask.logging import default_handler

from .request_id import RequestIdFilter, current

FORMATS = ("text", "json")
LOG_DEFAULTS = {"FIGURES_LOG_FORMAT": "text"}  # keep in sync with docs/reliability.md "Logs"
ACCESS = logging.getLogger("figures.access")
# What a path may show as it is in a log line; anything else (a newline decoded from %0A, a
# quote, a control character) is percent-encoded, so that a path cannot forge a line.
_PATH_SAFE = "/:@!$&'()*+,;=-._~"
# The characters of a method name (an HTTP token) a log line shows as they are.
_METHOD_SAFE = "!#$%&'*+-.^_`|~"
# The text format: time, level, logger, request id, message.
_TEXT = "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"


def log_format(raw: object) -> str:
    """Read ``FIGURES_LOG_FORMAT``, refusing any other value, so that a typo stops the start."""
    value = str(raw or "text").strip().lower()
    if value not in FORMATS:
        raise ValueError(f"FIGURES_LOG_FORMAT must be one of {', '.join(FORMATS)}, not {raw!r}")
    return value


def shown_path() -> str:
    """Return the request's path as a log line may show it."""
    return quote(request.path, safe=_PATH_SAFE)


class JsonLines(logging.Formatter):
    """Format a record as one JSON object: time, level, logger, request id, message, extras."""

    def format(self, record: logging.LogRecord) -> str:
        """Return the record as one line of JSON; a traceback goes in ``exception``."""
        line = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "request_id": getattr(record, "request_id", None),
            "message": record.getMessage(),
            **getattr(record, "access", {}),
        }
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False, default=str)


class _Stderr(logging.StreamHandler):
    """Write to the standard error of the moment (a test may have replaced it since)."""

    def __init__(self) -> None:
        super().__init__()
        self.addFilter(RequestIdFilter())

    @property
    def stream(self):
        """Return ``sys.stderr`` as it is now: StreamHandler writes to ``self.stream``."""
        return sys.stderr

    @stream.setter
    def stream(self, value) -> None:
        pass


_HANDLER = _Stderr()


def install(app: Flask, fmt: str) -> None:
    """Log ``app``'s requests and errors in ``fmt`` through the one handler on the root logger."""
    _HANDLER.setFormatter(JsonLines() if fmt == "json" else logging.Formatter(_TEXT))
    root = logging.getLogger()
    if _HANDLER not in root.handlers:
        root.addHandler(_HANDLER)
    ACCESS.setLevel(logging.INFO)
    app.logger.removeHandler(default_handler)  # the root's handler writes its lines
    logging.getLogger("gunicorn.access").disabled = True  # ours replaces it: one line a request

    @app.before_request
    def _start() -> None:
        g.figures_log_started = time.perf_counter()

    @app.after_request
    def _access(response: Response) -> Response:
        started = g.pop("figures_log_started", None)
        took = 0.0 if started is None else (time.perf_counter() - started) * 1000
        fields = {
            "remote": request.remote_addr,
            "method": quote(request.method[:32], safe=_METHOD_SAFE),
            "path": shown_path(),
            "endpoint": request.endpoint,
            "status": response.status_code,
            "bytes": response.content_length,
            "duration_ms": round(took, 2),
        }
        ACCESS.info(
            '%s "%s %s" %s %s %.1fms',
            fields["remote"],
            fields["method"],
            fields["path"],
            fields["status"],
            fields["bytes"],
            took,
            # The id the handler's RequestIdFilter would look up again for this line.
            extra={"access": fields, "request_id": current()},
        )
        return response
