"""Prometheus metrics of one app: requests, latency, claims and text volume.

Each app gets its own ``CollectorRegistry`` so that apps built by tests never clash. Under
gunicorn every worker counts on its own, so a scrape sees one worker only, unless
``PROMETHEUS_MULTIPROC_DIR`` names an empty writable directory: prometheus_client then shares
the counts through files there and ``/metrics`` adds up every worker's. ``figures serve`` and the
image always run so (``service/metrics_dir.py``).
"""

from __future__ import annotations

import os
import time

from flask import Flask, Response, g, request
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
)
from prometheus_client.multiprocess import MultiProcessCollector

# Extraction time grows with text length: reach from milliseconds up to a worker's timeout.
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120)
# The endpoint label of requests that matched no route, so unknown paths add no label values.
UNMATCHED = "unmatched"
# The methods HTTP defines (RFC 9110, and PATCH from RFC 5789): each keeps its own label value.
# Any other name a client makes up is counted as OTHER, so that made-up names (10,000 of them made
# a 23 MB scrape) add no series.
KNOWN_METHODS = frozenset(
    {"GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"}
)
OTHER = "other"


class Metrics:
    """The collectors of one app, and how to expose them."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        labels = ("endpoint", "method", "status")
        self.requests = Counter(
            "figures_http_requests",
            "HTTP requests answered, by route, method and status.",
            labels,
            registry=self.registry,
        )
        self.latency = Histogram(
            "figures_http_request_duration_seconds",
            "Time to answer an HTTP request, by route, method and status.",
            labels,
            buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.claims = Counter(
            "figures_claims_extracted", "Claims found in texts.", registry=self.registry
        )
        self.text_bytes = Counter(
            "figures_text_bytes_processed",
            "UTF-8 bytes of text given to the extractor.",
            registry=self.registry,
        )
        # The request counter's and the latency histogram's children of each label triple, found
        # once: ``labels()`` checks, locks and looks up each time (15 µs a request both). There
        # are as few triples as prometheus_client itself keeps children: routes × methods × codes.
        self._children: dict[tuple[str, str, str], tuple[Counter, Histogram]] = {}

    def record_extraction(self, text_bytes: int, claims: int) -> None:
        """Count one text given to the extractor and the claims it yielded."""
        self.text_bytes.inc(text_bytes)
        self.claims.inc(claims)

    def exposition(self) -> tuple[bytes, str]:
        """Render the metrics in Prometheus text format, summed over workers when shared."""
        if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
            registry = CollectorRegistry()
            MultiProcessCollector(registry)
            return generate_latest(registry), CONTENT_TYPE_LATEST
        return generate_latest(self.registry), CONTENT_TYPE_LATEST

    def install(self, app: Flask) -> None:
        """Time and count every request ``app`` answers, errors included."""

        @app.before_request
        def _start_timer() -> None:
            g.figures_started = time.perf_counter()

        @app.after_request
        def _observe(response: Response) -> Response:
            started = g.pop("figures_started", None)
            if started is not None:
                labels = (_endpoint(), _method(), str(response.status_code))
                count, latency = self._labelled(labels)
                count.inc()
                latency.observe(time.perf_counter() - started)
            return response

    def _labelled(self, labels: tuple[str, str, str]) -> tuple[Counter, Histogram]:
        """Return the request counter's and latency histogram's children of ``labels``."""
        children = self._children.get(labels)
        if children is None:  # two threads may both get here: labels() gives both the same
            children = (self.requests.labels(*labels), self.latency.labels(*labels))
            self._children[labels] = children
        return children


def _endpoint() -> str:
    """Name the route a request matched, or UNMATCHED: as many label values as routes."""
    return request.url_rule.rule if request.url_rule else UNMATCHED


def _method() -> str:
    """Name the request's method when HTTP defines it, else OTHER."""
    return request.method if request.method in KNOWN_METHODS else OTHER
