"""The Flask app factory."""

from __future__ import annotations

import os
from collections.abc import Mapping

from flask import Flask, Response

from . import problems
from .limits import DEFAULTS, Limits
from .metrics import Metrics
from .routes import BLUEPRINTS
from .state import Figures, install


def create_app(config: Mapping[str, object] | None = None) -> Flask:
    """Build the app: limits from ``FIGURES_MAX_*`` (environment, overridden by ``config``).

    The extractor is warmed before this returns, so that ``/readyz`` is ready at once, unless
    ``config`` sets ``FIGURES_WARM`` false (then call ``app.extensions["figures"].warm()``).
    """
    app = Flask(__name__, static_folder=None)
    app.config.update({name: os.environ.get(name, default) for name, default in DEFAULTS.items()})
    app.config["FIGURES_WARM"] = True
    app.config.update(config or {})
    limits = Limits.from_settings(app.config)
    app.config["MAX_CONTENT_LENGTH"] = limits.max_content_length
    app.json.sort_keys = False  # keep the schemas' field order: text, start, end, …

    state = Figures(limits=limits, metrics=Metrics())
    install(app, state)
    problems.install(app)
    state.metrics.install(app)
    app.after_request(_nosniff)
    for blueprint in BLUEPRINTS:
        app.register_blueprint(blueprint)
    if app.config["FIGURES_WARM"]:
        state.warm()
    return app


def _nosniff(response: Response) -> Response:
    """Forbid browsers to guess a content type other than the one declared."""
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response
