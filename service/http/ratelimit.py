"""Optional per-client rate limit (flask-limiter): ``FIGURES_RATE_LIMIT``, e.g. ``100/minute``.

One bucket per client over every request but the probes', a path or method that matches no
route included: the client is the digest of its API key when it sent a valid one, else its
remote address (so that guessing keys is limited too, on any path). Over the limit, 429
problem+json with ``Retry-After``. The counts live in ``FIGURES_RATE_LIMIT_STORAGE`` (default
``memory://``: each gunicorn worker counts on its own, so a client may get up to workers × the
limit; a shared store such as ``redis://host:6379`` makes it exact).
"""

from __future__ import annotations

import time

from flask import Flask, Response, request
from flask_limiter import Limiter
from flask_limiter.errors import RateLimitExceeded
from limits import parse_many
from werkzeug.exceptions import TooManyRequests

from .auth import OPEN_ENDPOINTS, ApiKeys, current_client
from .problems import problem_response

MEMORY = "memory://"
# What flask-limiter calls a request that matched no route. It exempts a request whose endpoint
# is empty, which let wrong-key requests to an unserved path or method go on forever (401, 401…).
UNSERVED = "unserved"


def check(limit: str) -> str:
    """Refuse a limit flask-limiter cannot read, so that a typo stops the start."""
    try:
        parse_many(limit)
    except ValueError:
        raise ValueError(f"FIGURES_RATE_LIMIT must read like '100/minute', not {limit!r}") from None
    return limit


def install(app: Flask, limit: str, storage: str, keys: ApiKeys) -> Limiter | None:
    """Limit each client of ``app`` to ``limit`` (no limit when it is empty)."""
    if not limit:
        return None

    def client() -> str:
        return current_client(keys) or f"addr:{request.remote_addr}"

    limiter = Limiter(
        client,
        application_limits=[check(limit)],
        request_identifier=lambda: request.endpoint or UNSERVED,
        storage_uri=storage or MEMORY,
        key_prefix="figures",
    )
    limiter.request_filter(lambda: request.endpoint in OPEN_ENDPOINTS)
    limiter.init_app(app)

    @app.errorhandler(RateLimitExceeded)
    def _too_many(error: RateLimitExceeded) -> Response:
        current = limiter.current_limit
        wait = max(1, int(current.reset_at - time.time())) if current is not None else 1
        response = problem_response(
            TooManyRequests(f"Over the rate limit of {error.limit.limit}: retry in {wait} s.")
        )
        response.headers["Retry-After"] = str(wait)
        return response

    return limiter
