"""The playground page (``GET /``, ``GET /playground``) and its files, through Flask's client.

What a browser does with them is tests/test_playground_browser.py; here: the page and each file
it loads are served with their types, it needs nothing from another host (it works offline),
it holds nothing a strict Content-Security-Policy would block, and it never writes text as HTML.
"""

import html.parser
import json
import re
from pathlib import Path

import pytest

from service.core.reasons import REASONS
from service.http.routes import playground

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_0e619e2cee358dda.txt"
PAGES = ("/", "/playground")
# The types of the files the page loads, by extension.
TYPES = {".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml"}
# URLs that name something without loading it: an XML namespace.
NAMESPACES = {"http://www.w3.org/2000/svg"}
# Ways of writing markup into the page: the script builds nodes and sets textContent only.
HTML_SINKS = (
    "innerHTML",
    "outerHTML",
    "insertAdjacentHTML",
    "document.write",
    "eval(",
    "Function(",
)


class Page(html.parser.HTMLParser):
    """The parts of the page these tests read: what it loads, its scripts, its text area."""

    def __init__(self):
        super().__init__()
        self.loads = []  # (tag, url) of every script, style sheet and icon
        self.inline_scripts = []  # (type, content) of each <script> without src
        self.attributes = []  # every (tag, name, value)
        self.textarea = None
        self.inputs = {}
        self._in = None
        self._script_type = None
        self._buffer = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.attributes.extend((tag, name, value) for name, value in attrs.items())
        if tag == "script" and attrs.get("src"):
            self.loads.append((tag, attrs["src"]))
        elif tag == "script":
            self._in, self._script_type, self._buffer = "script", attrs.get("type"), []
        elif tag == "link" and attrs.get("href"):
            self.loads.append((tag, attrs["href"]))
        elif tag == "textarea":
            self._in, self._buffer = "textarea", []
        elif tag == "input" and attrs.get("id"):
            self.inputs[attrs["id"]] = attrs

    def handle_data(self, data):
        if self._in:
            self._buffer.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._in == "script":
            self.inline_scripts.append((self._script_type, "".join(self._buffer)))
        elif tag == "textarea" and self._in == "textarea":
            self.textarea = "".join(self._buffer)
        if tag in ("script", "textarea"):
            self._in = None


def parse(page_text):
    page = Page()
    page.convert_charrefs = True
    page.feed(page_text)
    return page


@pytest.fixture(scope="module")
def served(make_app):
    client = make_app({"TESTING": True}).test_client()
    page = client.get("/")
    assert page.status_code == 200
    files = {url: fetched(client, url) for _, url in parse(page.text).loads}
    return client, page, files


def fetched(client, url):
    """Get ``url`` and read it whole, closing the file it was sent from."""
    response = client.get(url)
    response.get_data()
    response.close()
    return response


@pytest.mark.parametrize("path", PAGES)
def test_page_is_served_as_html(served, path):
    client = served[0]
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/html; charset=utf-8"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.text == served[1].text
    assert "<title>figures playground</title>" in response.text


def test_page_loads_a_script_a_style_sheet_and_an_icon(served):
    _, page, files = served
    loads = parse(page.text).loads
    assert sorted(tag for tag, _ in loads) == ["link", "link", "script"]
    assert {Path(url).suffix for _, url in loads} == set(TYPES)
    for url, response in files.items():
        assert url.startswith("/playground/"), url  # same origin, under the page's path
        assert response.status_code == 200, url
        assert response.mimetype == TYPES[Path(url).suffix], url
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.data


def test_text_area_holds_the_seed_article_and_its_date(served):
    page = parse(served[1].text)
    seed = SEED.read_text(encoding="utf-8")
    # The HTML parser drops the one newline that follows <textarea>; a browser does too.
    assert page.textarea.removeprefix("\n") == seed
    assert page.inputs["reference-date"]["value"] == "2017-10-14"
    assert page.inputs["reference-date"]["type"] == "date"


def test_package_copy_of_the_seed_is_the_seed():
    """The package ships its own copy (seeds/ is not installed): the two must not drift."""
    assert playground.SEED.read_bytes() == SEED.read_bytes()


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        (" date 2017-10-14 The US-led coalition says", "2017-10-14"),
        ("date 2024-02-29 Officials said", "2024-02-29"),
        ("The coalition said on 2017-10-14 that", ""),  # a date in the text is not a dateline
        ("dated 2017-10-14 by", ""),
        ("", ""),
    ],
)
def test_dateline_is_read_from_the_start_only(text, dateline, tmp_path, monkeypatch):
    path = tmp_path / "seed.txt"
    path.write_text(text, encoding="utf-8")
    monkeypatch.setattr(playground, "SEED", path)
    playground.seed.cache_clear()
    try:
        assert playground.seed() == (text, dateline)
    finally:
        playground.seed.cache_clear()


def test_text_is_escaped_in_the_page(make_app, tmp_path, monkeypatch):
    """A seed holding markup reaches the text area as text, never as elements."""
    hostile = "</textarea><script>alert(1)</script><img src=x onerror=alert(2)> about 300 people"
    path = tmp_path / "seed.txt"
    path.write_text(hostile, encoding="utf-8")
    monkeypatch.setattr(playground, "SEED", path)
    playground.seed.cache_clear()
    try:
        text = make_app({"TESTING": True}).test_client().get("/").text
    finally:
        playground.seed.cache_clear()
    page = parse(text)
    assert page.textarea.removeprefix("\n") == hostile
    assert [kind for kind, _ in page.inline_scripts] == ["application/json"]
    assert ("img", "src", "x") not in page.attributes


def test_reason_codes_ride_in_a_json_data_block(served):
    """The page explains each reason code with the core's own table, not a copy of it."""
    scripts = parse(served[1].text).inline_scripts
    assert len(scripts) == 1
    kind, content = scripts[0]
    assert kind == "application/json"  # a data block: never run, allowed by any CSP
    assert json.loads(content) == REASONS


def test_nothing_inline_that_a_strict_csp_would_block(served):
    """No inline script (but the data block), no event handler attribute, no style attribute."""
    _, page, files = served
    parsed = parse(page.text)
    assert [kind for kind, _ in parsed.inline_scripts] == ["application/json"]
    assert [(tag, name) for tag, name, _ in parsed.attributes if name.startswith("on")] == []
    assert [(tag, name) for tag, name, _ in parsed.attributes if name == "style"] == []
    assert "<style" not in page.text
    assert "javascript:" not in page.text
    script = next(r.text for url, r in files.items() if url.endswith(".js"))
    assert 'setAttribute("style"' not in script
    assert ".cssText" not in script


def test_script_writes_no_markup(served):
    script = next(r.text for url, r in served[2].items() if url.endswith(".js"))
    assert [sink for sink in HTML_SINKS if sink in script] == []
    assert "textContent" in script  # the way it writes text


@pytest.mark.parametrize("suffix", [".html", ".js", ".css", ".svg"])
def test_works_offline(served, suffix):
    """Nothing is loaded from another host: no absolute URL but a namespace, no //host."""
    _, page, files = served
    texts = (
        [page.text]
        if suffix == ".html"
        else [r.text for u, r in files.items() if u.endswith(suffix)]
    )
    assert texts
    for text in texts:
        urls = set(re.findall(r"https?://[^\s\"'<>)]+", text))
        assert urls <= NAMESPACES, urls
        assert not re.search(r"""(src|href)\s*=\s*["']?//""", text)
        assert not re.search(r"""url\(\s*["']?(//|https?:|data:)""", text)
        assert "@import" not in text


@pytest.mark.parametrize(
    "path",
    [
        "/playground/seed.txt",  # read by the view, not sent as a file
        "/playground/playground.html",  # the template
        "/playground/missing.js",
        "/playground/../routes/playground.py",
        "/playground/%2e%2e/app.py",
    ],
)
def test_only_the_pages_files_are_served(served, path):
    response = served[0].get(path)
    assert response.status_code == 404
    assert response.mimetype == "application/problem+json"


def test_page_points_the_script_at_the_extract_endpoint(served):
    assert 'data-extract-url="/v1/extract"' in served[1].text
