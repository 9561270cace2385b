"""``GET /healthz`` (the process answers) and ``GET /readyz`` (the extractor is warm)."""

from flask import Blueprint
from werkzeug.exceptions import ServiceUnavailable

from schemas import HealthSchema

from ..bodies import JSON
from ..examples import WARMING
from ..openapi import documented
from ..state import figures

bp = Blueprint("health", __name__)


def _healthy(status: str) -> dict:
    example = {"status": status}
    return {
        200: {
            "description": "It is.",
            "content": {JSON: {"schema": HealthSchema, "example": example}},
        }
    }


# Seconds a client should wait before asking again while the extractor warms (it takes ~5 s).
RETRY_AFTER = 5


@bp.get("/healthz")
@documented(tag="operations", responses=_healthy("ok"))
def healthz():
    """Tell whether the process answers (liveness)."""
    return {"status": "ok"}


@bp.get("/readyz")
@documented(tag="operations", responses=_healthy("ready"), errors=(503,))
def readyz():
    """Tell whether the extractor is warm and requests will be answered quickly (readiness)."""
    if not figures().ready.is_set():
        raise ServiceUnavailable(WARMING, retry_after=RETRY_AFTER)
    return {"status": "ready"}
