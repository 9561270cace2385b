"""``GET /openapi.json`` and ``GET /docs``: the API described, and browsable offline.

Swagger UI's assets come from the swagger-ui-bundle package, never from a CDN, so the page works
on a machine without internet. ``validatorUrl: null`` keeps it from sending the spec to
validator.swagger.io, which it does by default when the page is opened from a non-local host.
"""

from flask import Blueprint, current_app, send_from_directory, url_for
from swagger_ui_bundle import swagger_ui_path

from ..bodies import JSON
from ..openapi import build_spec, documented
from ..state import figures

bp = Blueprint("docs", __name__)

_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>figures API</title>
<link rel="stylesheet" href="{css}">
<link rel="icon" type="image/png" href="{icon}">
</head>
<body>
<div id="swagger-ui"></div>
<script src="{js}"></script>
<script>
window.ui = SwaggerUIBundle({{
  url: "{spec}", dom_id: "#swagger-ui", deepLinking: true, validatorUrl: null
}});
</script>
</body>
</html>
"""


@bp.get("/openapi.json")
@documented(
    tag="documentation",
    responses={
        200: {"description": "OpenAPI 3.0.", "content": {JSON: {"schema": {"type": "object"}}}}
    },
)
def openapi():
    """Describe the API as an OpenAPI 3 document."""
    state = figures()
    if state.openapi is None:
        state.openapi = build_spec(current_app, state)
    return state.openapi


@bp.get("/docs")
@documented(
    tag="documentation",
    responses={
        200: {
            "description": "Swagger UI.",
            "content": {"text/html": {"schema": {"type": "string"}}},
        }
    },
)
def docs():
    """Browse and try the API (Swagger UI, served offline)."""
    page = _PAGE.format(
        css=url_for("docs.asset", filename="swagger-ui.css"),
        js=url_for("docs.asset", filename="swagger-ui-bundle.js"),
        icon=url_for("docs.asset", filename="favicon-32x32.png"),
        spec=url_for("docs.openapi"),
    )
    return page, 200, {"Content-Type": "text/html; charset=utf-8"}


@bp.get("/docs/<path:filename>")
def asset(filename: str):
    """Serve a Swagger UI asset from the installed package."""
    return send_from_directory(swagger_ui_path, filename)
