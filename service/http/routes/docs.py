"""``GET /openapi.json`` and ``GET /docs``: the API described, and browsable offline.

Swagger UI's assets come from the swagger-ui-bundle package, never from a CDN, so the page works
on a machine without internet. ``validatorUrl: null`` keeps it from sending the spec to
validator.swagger.io, which it does by default when the page is opened from a non-local host.

Only the assets the page loads are served (ASSETS): the package's folder also holds a stock
index.html and swagger-initializer.js that load the petstore spec from the internet, templates
and source maps. Swagger UI is started by a script of ours (START), a file rather than an inline
script, so that the Content-Security-Policy (service/http/headers.py) can forbid inline scripts.
"""

from flask import Blueprint, current_app, send_from_directory, url_for
from swagger_ui_bundle import swagger_ui_path
from werkzeug.exceptions import NotFound

from ..bodies import JSON
from ..openapi import build_spec, documented
from ..state import figures

bp = Blueprint("docs", __name__)

# The files of the swagger-ui-bundle package the page loads; any other name under /docs/ is a 404.
ASSETS = ("swagger-ui.css", "swagger-ui-bundle.js", "favicon-32x32.png")
# The files may be cached, and are asked for again with their ETag (send_from_directory's default).
REVALIDATE = {"Cache-Control": "no-cache"}
# Our script that starts Swagger UI on the spec the page names (data-spec), served as START.
START = "start.js"
_START_JS = """\
// Start Swagger UI on the spec the page names. validatorUrl: null: never send the spec out.
window.ui = SwaggerUIBundle({
  url: document.getElementById("swagger-ui").dataset.spec,
  dom_id: "#swagger-ui",
  deepLinking: true,
  validatorUrl: null
});
"""

_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>figures API</title>
<link rel="stylesheet" href="{css}">
<link rel="icon" type="image/png" href="{icon}">
</head>
<body>
<div id="swagger-ui" data-spec="{spec}"></div>
<script src="{js}"></script>
<script src="{start}"></script>
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
        start=url_for("docs.asset", filename=START),
        spec=url_for("docs.openapi"),
    )
    return page, 200, {"Content-Type": "text/html; charset=utf-8"}


@bp.get("/docs/<filename>")
def asset(filename: str):
    """Serve an asset the page loads: ours, or Swagger UI's from the installed package."""
    if filename == START:
        return _START_JS, 200, {"Content-Type": "text/javascript; charset=utf-8", **REVALIDATE}
    if filename not in ASSETS:
        raise NotFound()
    return send_from_directory(swagger_ui_path, filename)
