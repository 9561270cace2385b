"""``GET /metrics``: the Prometheus scrape target."""

from flask import Blueprint

from ..openapi import documented
from ..state import figures

bp = Blueprint("metrics", __name__)


@bp.get("/metrics")
@documented(
    tag="operations",
    responses={
        200: {
            "description": "Prometheus text format.",
            "content": {"text/plain": {"schema": {"type": "string"}}},
        }
    },
)
def metrics():
    """Expose request counts and latencies, claims extracted and text bytes processed."""
    body, content_type = figures().metrics.exposition()
    return body, 200, {"Content-Type": content_type}
