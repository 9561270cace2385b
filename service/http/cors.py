"""Cross-origin requests from browsers (CORS): off unless ``FIGURES_CORS_ORIGINS`` lists origins.

A page served from another origin (``https://newsroom.example``) may call the API from a
browser only if the answer names its origin in ``Access-Control-Allow-Origin``; for a POST of
JSON the browser first asks with a preflight ``OPTIONS`` request. Off by default: no answer
carries a CORS header, so browsers keep other origins' pages out, as they do without this
module. With a comma-separated allow-list, each answer to a listed origin echoes it (errors
included, so a page can read the problem), and a preflight from it gets 204 with the methods
of the path and the headers a client sends (``Content-Type``, ``Authorization``,
``Content-Encoding``). ``*`` allows every origin. No cookies are used, so credentials are never
allowed. Preflights are answered before the API key and the rate limit are checked: a browser
sends neither its key nor anything to count with them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from flask import Flask, Response, request

SETTING = "FIGURES_CORS_ORIGINS"
ANY = "*"
# The request headers a page may send: a JSON or text body, an API key, a gzipped body.
ALLOWED_HEADERS = ("Authorization", "Content-Type", "Content-Encoding")
# The answer headers a page may read beyond the safelisted ones (RFC 9110 names).
EXPOSED_HEADERS = ("Retry-After", "WWW-Authenticate", "X-Request-ID")
# Seconds a browser may reuse a preflight's answer.
MAX_AGE = 600
# An origin as a browser sends it: scheme, host and optional port, no path (RFC 6454).
_ORIGIN = re.compile(r"https?://[^\s/?#@]+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Origins:
    """The origins whose pages may call the API; empty: CORS is off."""

    listed: frozenset[str]  # lower-case scheme://host[:port]
    any: bool = False  # "*": every origin

    @classmethod
    def from_setting(cls, raw: object) -> Origins:
        """Read a comma-separated list; refuse anything that is not an origin, so a typo stops."""
        items = [item.strip() for item in str(raw or "").split(",") if item.strip()]
        listed = set()
        for item in items:
            if item == ANY:
                continue
            origin = item.removesuffix("/")
            if not _ORIGIN.fullmatch(origin):
                raise ValueError(
                    f"{SETTING} lists {item!r}, which is not an origin: give scheme://host[:port]"
                    " (http or https, no path), e.g. https://newsroom.example, or * for any"
                )
            listed.add(origin.lower())
        return cls(frozenset(listed), ANY in items)

    def __bool__(self) -> bool:
        return self.any or bool(self.listed)

    def allow(self, origin: str | None) -> bool:
        """Say whether a page of ``origin`` (the request's ``Origin`` header) may read answers."""
        if not origin:
            return False
        return self.any or origin.lower() in self.listed


def install(app: Flask, origins: Origins) -> None:
    """Answer preflights and mark answers for ``origins``; nothing at all when it is empty.

    Install it after the metrics (so preflights are counted) and before the rate limit and the
    API keys (which a preflight never carries).
    """
    if not origins:
        return

    @app.before_request
    def _preflight() -> Response | None:
        if request.method != "OPTIONS" or "Access-Control-Request-Method" not in request.headers:
            return None
        if not origins.allow(request.headers.get("Origin")) or request.url_rule is None:
            return None  # Flask's own answer (or the 404), without CORS headers: refused
        methods = sorted((request.url_rule.methods or set()) - {"OPTIONS"})
        if request.headers["Access-Control-Request-Method"] not in methods:
            return None
        response = app.response_class(status=204)
        response.headers["Access-Control-Allow-Methods"] = ", ".join(methods)
        response.headers["Access-Control-Allow-Headers"] = ", ".join(ALLOWED_HEADERS)
        response.headers["Access-Control-Max-Age"] = str(MAX_AGE)
        response.vary.update(("Access-Control-Request-Method", "Access-Control-Request-Headers"))
        return response

    @app.after_request
    def _allow(response: Response) -> Response:
        response.vary.add("Origin")  # the answer differs by origin: caches must keep them apart
        origin = request.headers.get("Origin")
        if origins.allow(origin):
            response.headers["Access-Control-Allow-Origin"] = origin
            response.headers["Access-Control-Expose-Headers"] = ", ".join(EXPOSED_HEADERS)
        return response
