"""``GET /`` and ``GET /playground``: a page to try the extractor in a browser.

The page, its script and its style sheet ship inside the package (``service/http/playground/``)
and load nothing from another host, so it works offline, as ``/docs`` does. It is written for a
strict Content-Security-Policy: no inline script, style or event handler; the only ``<script>``
in the page that is not a file is a JSON data block (the reason codes), which is never run.

The text area comes preloaded with the user's sample article (a copy of ``seeds/``'s, kept
identical by a test) and the reference date from its dateline, so the first thing a visitor
sees is a real answer.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from flask import Blueprint, render_template, send_from_directory, url_for
from werkzeug.exceptions import NotFound

from service.core.reasons import REASONS

from ..openapi import documented

ASSETS = Path(__file__).resolve().parent.parent / "playground"
PAGE = "playground.html"
SEED = ASSETS / "seed.txt"
# The files the page loads, with their types (werkzeug adds "; charset=utf-8"): nothing else in
# the folder is served (the page's template and the seed are read by the view, not sent as such).
TYPES = {
    "playground.js": "text/javascript",
    "playground.css": "text/css",
    "icon.svg": "image/svg+xml",
}
# The seeds' dateline: " date 2017-10-14 The US-led coalition …" starts the article.
_DATELINE = re.compile(r"\s*date (\d{4}-\d{2}-\d{2})\b")

bp = Blueprint("playground", __name__, template_folder=str(ASSETS))

_HTML = {
    200: {
        "description": "The playground, an HTML page.",
        "content": {"text/html": {"schema": {"type": "string"}}},
    }
}


@cache
def seed() -> tuple[str, str]:
    """Return the sample article and its dateline (``""`` when it has none)."""
    text = SEED.read_text(encoding="utf-8")
    dateline = _DATELINE.match(text)
    return text, dateline.group(1) if dateline else ""


@bp.get("/")
@documented(tag="documentation", responses=_HTML)
def home():
    """Try the extractor in a browser (the playground)."""
    return playground()


@bp.get("/playground")
@documented(tag="documentation", responses=_HTML)
def playground():
    """Try the extractor in a browser: claims highlighted, their frames, the numbers left out."""
    text, reference_date = seed()
    page = render_template(
        PAGE,
        text=text,
        reference_date=reference_date,
        reasons=REASONS,
        extract_url=url_for("extract.extract_one"),
    )
    return page, 200, {"Content-Type": "text/html; charset=utf-8"}


@bp.get("/playground/<path:filename>")
def asset(filename: str):
    """Serve one of the page's files from the installed package."""
    if filename not in TYPES:
        raise NotFound()
    return send_from_directory(ASSETS, filename, mimetype=TYPES[filename])
