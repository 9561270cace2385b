"""The Flask app factory."""

from __future__ import annotations

import json
import os
from collections.abc import Mapping

from flask import Flask, Response
from flask.json.provider import DefaultJSONProvider

from ..limits import DEFAULTS, Limits
from . import auth, cors, headers, logs, problems, ratelimit, request_id
from .metrics import Metrics
from .routes import BLUEPRINTS
from .state import Figures, install

# Access settings, read from the environment like the limits. Keep in sync with
# docs/reliability.md.
ACCESS_DEFAULTS = {
    "FIGURES_API_KEYS": "",  # comma-separated; empty: no authentication
    "FIGURES_RATE_LIMIT": "",  # e.g. "100/minute"; empty: no rate limit
    "FIGURES_RATE_LIMIT_STORAGE": ratelimit.MEMORY,  # where the counts live
    cors.SETTING: "",  # comma-separated origins whose pages may call the API; empty: none
}


class StrictJSON(DefaultJSONProvider):
    """Flask's JSON, refusing NaN and infinities: they are not JSON (RFC 8259)."""

    sort_keys = False  # keep the schemas' field order: text, start, end, …

    def dumps(self, obj: object, **kwargs: object) -> str:
        """Serialise ``obj``; a non-finite number is a fault, never an invalid body."""
        kwargs.setdefault("allow_nan", False)
        return super().dumps(obj, **kwargs)

    def written(self, text: str) -> Response:
        """Answer JSON ``text`` already written compactly, as ``response`` answers its value.

        ``text`` ends with the newline ``response`` adds (so a large answer is not copied to
        add it). Compact is what ``response`` writes outside debug mode; in debug mode it
        indents, and so does this, from the parsed text (the same value: floats' reprs read
        back exactly).
        """
        if (self.compact is None and self._app.debug) or self.compact is False:
            return self.response(json.loads(text))
        return self._app.response_class(text, mimetype=self.mimetype)


def create_app(config: Mapping[str, object] | None = None) -> Flask:
    """Build the app: limits and access settings from ``FIGURES_*`` (environment, then ``config``).

    The extractor is warmed before this returns, so that ``/readyz`` is ready at once, unless
    ``config`` sets ``FIGURES_WARM`` false (then call ``app.extensions["figures"].warm()``).
    Debug mode stays off, whatever ``FLASK_DEBUG`` says, unless ``config`` sets ``TESTING``.
    """
    app = Flask(__name__, static_folder=None)
    # No redirects: Werkzeug merged doubled slashes with a 308 to an absolute URL built from the
    # Host header, an open redirect. A path that is not exactly a route's is a 404.
    app.url_map.merge_slashes = False
    app.json = StrictJSON(app)
    defaults = {**DEFAULTS, **ACCESS_DEFAULTS, **logs.LOG_DEFAULTS}
    app.config.update({name: os.environ.get(name, default) for name, default in defaults.items()})
    app.config["FIGURES_WARM"] = True
    app.config.update(config or {})
    if not app.config.get("TESTING"):
        app.debug = False  # the debugger would run code and show internals: never in production
    limits = Limits.from_settings(app.config)
    log_format = logs.log_format(app.config["FIGURES_LOG_FORMAT"])
    app.config["MAX_CONTENT_LENGTH"] = limits.max_content_length

    keys = auth.ApiKeys.from_setting(app.config["FIGURES_API_KEYS"])
    rate_limit = str(app.config["FIGURES_RATE_LIMIT"] or "").strip()
    state = Figures(limits=limits, metrics=Metrics(), authenticated=bool(keys))
    install(app, state)
    request_id.install(app)  # first: every later step, and its log lines, know the request's id
    logs.install(app, log_format)
    headers.install(app)
    problems.install(app)
    state.metrics.install(app)
    cors.install(app, cors.Origins.from_setting(app.config[cors.SETTING]))  # before keys, limits
    # The limiter runs before authentication, so that guessing keys counts against the guesser.
    storage = str(app.config["FIGURES_RATE_LIMIT_STORAGE"])
    state.rate_limited = ratelimit.install(app, rate_limit, storage, keys) is not None
    auth.install(app, keys)
    for blueprint in BLUEPRINTS:
        app.register_blueprint(blueprint)
    if app.config["FIGURES_WARM"]:
        state.warm()
    return app
