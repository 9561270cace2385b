"""What one app instance carries besides Flask's config: limits, metrics and readiness."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from flask import Flask, current_app

from service.core import warm

from ..limits import Limits
from .metrics import Metrics

EXTENSION = "figures"


@dataclass
class Figures:
    """Per-app state, so that two apps in one process (as in the tests) never share counters."""

    limits: Limits
    metrics: Metrics
    ready: threading.Event = field(default_factory=threading.Event)
    authenticated: bool = False  # FIGURES_API_KEYS is set: every route but the probes needs a key
    rate_limited: bool = False  # FIGURES_RATE_LIMIT is set: 429 beyond it
    openapi: dict | None = None  # the OpenAPI document, built on first request

    def warm(self) -> None:
        """Build the extractor's tables now, then report ready; the core makes this idempotent."""
        warm()
        self.ready.set()


def install(app: Flask, state: Figures) -> None:
    """Attach ``state`` to ``app`` where views find it."""
    app.extensions[EXTENSION] = state


def figures() -> Figures:
    """Return the state of the app serving the current request."""
    return current_app.extensions[EXTENSION]
