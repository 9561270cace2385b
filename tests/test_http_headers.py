"""Headers on every response: the security headers, Cache-Control and X-Request-ID.

Every kind of answer is a row, errors included (a 500, a 429, a 401, routing's 404 and 405):
each must carry them all, whatever produced it.
"""

import logging
import re

import pytest
from werkzeug.datastructures import Headers

from service.http.headers import NO_STORE, SECURITY_HEADERS, secure

KEY = "k-headers-0123456789"
# (id, config, method, path, request keyword arguments, status)
ANSWERS = [
    ("healthz", {}, "GET", "/healthz", {}, 200),
    ("readyz", {}, "GET", "/readyz", {}, 200),
    ("readyz-cold", {"FIGURES_WARM": False}, "GET", "/readyz", {}, 503),
    ("metrics", {}, "GET", "/metrics", {}, 200),
    ("openapi", {}, "GET", "/openapi.json", {}, 200),
    ("docs", {}, "GET", "/docs", {}, 200),
    ("head", {}, "HEAD", "/healthz", {}, 200),
    ("extract", {}, "POST", "/v1/extract", {"json": {"text": "12 people"}}, 200),
    ("batch", {}, "POST", "/v1/extract/batch", {"json": {"documents": []}}, 200),
    ("not-found", {}, "GET", "/nope", {}, 404),
    ("no-such-asset", {}, "GET", "/docs/index.html", {}, 404),
    ("method", {}, "DELETE", "/v1/extract", {}, 405),
    ("made-up-method", {}, "FROB", "/v1/extract", {}, 405),
    ("bad-json", {}, "POST", "/v1/extract", {"data": "{", "content_type": "application/json"}, 400),
    ("media-type", {}, "POST", "/v1/extract", {"data": "x", "content_type": "text/xml"}, 415),
    ("schema", {}, "POST", "/v1/extract", {"json": {"txt": ""}}, 422),
    ("too-large", {"FIGURES_MAX_TEXT_BYTES": 2}, "POST", "/v1/extract", {"json": {"text": "123"}},
     413),
    ("no-key", {"FIGURES_API_KEYS": KEY}, "GET", "/metrics", {}, 401),
    ("rate-limited", {"FIGURES_RATE_LIMIT": "1/hour"}, "GET", "/metrics", {}, 429),
]  # fmt: skip
# Answers a browser may cache (and revalidate): the static files of the docs page.
ASSETS = ["/docs/swagger-ui.css", "/docs/swagger-ui-bundle.js", "/docs/start.js"]
SANE_ID = re.compile(r"[A-Za-z0-9._:/+=-]{1,128}")


def answer(make_app, config, method, path, kwargs):
    client = make_app({"TESTING": True, **config}).test_client()
    if "FIGURES_RATE_LIMIT" in config:
        client.open(path, method=method, **kwargs)  # spend the budget
    return client.open(path, method=method, **kwargs)


def csp(response):
    """Read the Content-Security-Policy header as directive -> sources."""
    directives = {}
    for part in response.headers["Content-Security-Policy"].split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


@pytest.mark.parametrize(
    ("config", "method", "path", "kwargs", "status"),
    [pytest.param(*row[1:], id=row[0]) for row in ANSWERS],
)
def test_every_answer_carries_the_headers(make_app, config, method, path, kwargs, status):
    response = answer(make_app, config, method, path, kwargs)
    assert response.status_code == status
    headers = response.headers
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert csp(response)["frame-ancestors"] == ["'none'"]
    assert headers["Cache-Control"] == "no-store"
    assert SANE_ID.fullmatch(headers["X-Request-ID"])


def test_a_fault_carries_the_headers(make_app, monkeypatch):
    def broken(text, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("service.http.extraction.extract", broken)
    response = make_app({}).test_client().post("/v1/extract", json={"text": "12"})
    assert response.status_code == 500
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert "Content-Security-Policy" in response.headers
    assert SANE_ID.fullmatch(response.headers["X-Request-ID"])


@pytest.mark.parametrize("path", ASSETS)
def test_docs_assets_may_be_cached_and_revalidated(client, path):
    with client.get(path) as response:
        assert response.status_code == 200
        assert response.headers["Cache-Control"] == "no-cache"
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert "Content-Security-Policy" in response.headers


def test_the_policy_allows_only_what_the_docs_page_needs(client):
    policy = csp(client.get("/docs"))
    assert policy["default-src"] == ["'none'"]
    assert policy["script-src"] == ["'self'"]  # no inline script, no eval
    assert policy["style-src"] == ["'self'"]
    assert policy["img-src"] == ["'self'", "data:"]  # Swagger UI's icons
    assert policy["connect-src"] == ["'self'"]  # the spec, and "Try it out"
    assert policy["base-uri"] == ["'none'"]
    assert policy["form-action"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    for sources in policy.values():
        for source in sources:
            assert source in {"'self'", "'none'", "data:"}, source  # nothing unsafe-*


# --- X-Request-ID ----------------------------------------------------------------------------

# (id, the request's X-Request-ID, whether it is kept)
REQUEST_IDS = [
    ("uuid", "0f8fad5b-d9cb-469f-a165-70867728950e", True),
    ("hex", "a" * 32, True),
    ("word", "req-42", True),
    ("punctuated", "web.7:a/b+c=d_e", True),
    ("at-the-limit", "x" * 128, True),
    ("one-character", "7", True),
    ("over-the-limit", "x" * 129, False),
    ("empty", "", False),
    ("space", "req 42", False),
    ("tab", "req\t42", False),
    ("quote", 'req"42', False),
    ("semicolon", "a;b", False),
    ("comma", "a,b", False),
    ("braces", "{a}", False),
    ("html", "<script>", False),
    ("latin-1", "caf\u00e9", False),
]


@pytest.mark.parametrize(
    ("sent", "kept"), [pytest.param(*row[1:], id=row[0]) for row in REQUEST_IDS]
)
def test_a_sane_request_id_is_echoed_else_one_is_made(client, sent, kept):
    response = client.get("/healthz", headers={"X-Request-ID": sent})
    given = response.headers["X-Request-ID"]
    assert (given == sent) == kept
    assert SANE_ID.fullmatch(given)


def test_each_request_gets_its_own_id(client):
    ids = {client.get("/healthz").headers["X-Request-ID"] for _ in range(20)}
    assert len(ids) == 20


def test_the_request_id_is_in_the_error_log(make_app, monkeypatch, caplog):
    def broken(text, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("service.http.extraction.extract", broken)
    client = make_app({}).test_client()
    caplog.set_level(logging.ERROR)
    response = client.post("/v1/extract", json={"text": "12"}, headers={"X-Request-ID": "r-500"})
    assert response.headers["X-Request-ID"] == "r-500"
    (record,) = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert record.request_id == "r-500"


# Headers a view may have set before the security headers are added: (id, headers).
SET_BEFORE = [
    ("none", []),
    ("content-type", [("Content-Type", "application/json"), ("Content-Length", "16")]),
    ("own-cache-control", [("Content-Type", "text/css"), ("Cache-Control", "no-cache")]),
    ("cache-control-in-lower-case", [("cache-control", "max-age=60")]),
    ("one-security-header", [("X-Frame-Options", "SAMEORIGIN"), ("Vary", "Origin")]),
    ("security-header-in-other-case", [("x-content-type-options", "sniff")]),
    ("security-header-twice", [("Referrer-Policy", "origin"), ("Referrer-Policy", "same-origin")]),
    ("all-of-them", [(name, "x") for name in SECURITY_HEADERS] + [("Cache-Control", "x")]),
]


@pytest.mark.parametrize("before", [pytest.param(row[1], id=row[0]) for row in SET_BEFORE])
def test_the_headers_are_added_as_update_and_setdefault_add_them(before):
    """secure() in one pass gives the list, order included, of the two steps it replaced."""
    expected = Headers(before)
    expected.update(SECURITY_HEADERS)
    expected.setdefault("Cache-Control", NO_STORE)
    headers = Headers(before)
    secure(headers)
    assert headers.to_wsgi_list() == expected.to_wsgi_list()
