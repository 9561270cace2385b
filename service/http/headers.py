"""The headers every response carries: security headers, and Cache-Control on API answers.

One Content-Security-Policy for every response, built from one table (``POLICY``): the pages
the service serves (Swagger UI at ``/docs``; a playground page later) each need what is listed
there, and a page that needs more adds it to the table, with the reason beside it. An API answer
is not a page, and the strictest policy would do for it, but one policy everywhere leaves no
response without one.
"""

from __future__ import annotations

from flask import Flask, Response
from werkzeug.datastructures import Headers

# Content-Security-Policy: directive -> the sources it allows, and why.
POLICY = {
    "default-src": ("'none'",),  # anything not listed below: nothing
    "script-src": ("'self'",),  # our files only: no inline script, no eval (Swagger UI needs none)
    # Our style sheets only. Swagger UI sets its inline styles through the DOM (element.style),
    # which style-src does not govern: checked in headless Chromium, with every operation and
    # model opened and "Try it out" run, no violation (docs/reliability.md).
    "style-src": ("'self'",),
    "img-src": ("'self'", "data:"),  # the favicon; Swagger UI's icons are data: URIs in its CSS
    "connect-src": ("'self'",),  # the page fetches /openapi.json and sends "Try it out" here
    "object-src": ("'none'",),
    "base-uri": ("'none'",),  # no <base> to repoint the page's relative URLs
    "form-action": ("'none'",),  # no page here submits a form
    "frame-ancestors": ("'none'",),  # never inside another site's frame (clickjacking)
}
SECURITY_HEADERS = {
    "Content-Security-Policy": "; ".join(
        " ".join((directive, *sources)) for directive, sources in POLICY.items()
    ),
    "X-Content-Type-Options": "nosniff",  # never guess a type other than the one declared
    "X-Frame-Options": "DENY",  # frame-ancestors for browsers that predate CSP 2
    "Referrer-Policy": "no-referrer",  # the docs page's URL goes nowhere
}
# Answers are never stored by a browser or a proxy: they are one client's texts and claims. A
# view that sets its own Cache-Control (the static files of /docs) keeps it.
NO_STORE = "no-store"
_SECURITY_ITEMS = tuple(SECURITY_HEADERS.items())
_SECURITY_NAMES = frozenset(name.lower() for name in SECURITY_HEADERS)


def secure(headers: Headers) -> None:
    """Set the security headers, and Cache-Control unless there is one: in one pass.

    The same list as ``headers.update(SECURITY_HEADERS)`` then ``setdefault("Cache-Control",
    NO_STORE)``, which looked each name up in the list again (13 µs of every request; 8 so).
    When none of them is there, as on nearly every answer, they are appended in one go.
    """
    present = {name.lower() for name, _ in headers}  # Headers iterate as (name, value)
    if present.isdisjoint(_SECURITY_NAMES):
        headers.extend(_SECURITY_ITEMS)
    else:
        headers.update(SECURITY_HEADERS)
    if "cache-control" not in present:
        headers.add("Cache-Control", NO_STORE)


def install(app: Flask) -> None:
    """Add the security headers, and Cache-Control when the view set none, to every response."""

    @app.after_request
    def _secure(response: Response) -> Response:
        secure(response.headers)
        return response
