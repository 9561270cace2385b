"""Security: nosniff everywhere, no debug mode in production, API keys, rate limits, non-root."""

import hmac
import json
import logging
import re
from pathlib import Path

import pytest

KEYS = ("k-alpha-0123456789", "k-beta-9876543210", "k-gamma-5555555555")
ROOT = Path(__file__).parent.parent

# One request per kind of answer, errors included: each must carry nosniff.
NOSNIFF_CASES = [
    ("healthz", "GET", "/healthz", {}, 200),
    ("readyz", "GET", "/readyz", {}, 200),
    ("metrics", "GET", "/metrics", {}, 200),
    ("openapi", "GET", "/openapi.json", {}, 200),
    ("docs", "GET", "/docs", {}, 200),
    ("docs-asset", "GET", "/docs/swagger-ui.css", {}, 200),
    ("head", "HEAD", "/healthz", {}, 200),
    ("extract", "POST", "/v1/extract", {"json": {"text": "12 people"}}, 200),
    ("batch", "POST", "/v1/extract/batch", {"json": {"documents": []}}, 200),
    ("not-found", "GET", "/nope", {}, 404),
    ("no-such-asset", "GET", "/docs/nope.js", {}, 404),
    ("method", "DELETE", "/v1/extract", {}, 405),
    ("bad-json", "POST", "/v1/extract", {"data": "{", "content_type": "application/json"}, 400),
    ("media-type", "POST", "/v1/extract", {"data": "x", "content_type": "text/xml"}, 415),
    ("schema", "POST", "/v1/extract", {"json": {"txt": ""}}, 422),
]


@pytest.mark.parametrize(
    ("method", "path", "kwargs", "status"),
    [pytest.param(*case[1:], id=case[0]) for case in NOSNIFF_CASES],
)
def test_every_answer_carries_nosniff(client, method, path, kwargs, status):
    with client.open(path, method=method, **kwargs) as response:  # closes a file it streams
        assert response.status_code == status
        assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_nosniff_on_413_and_500(make_app, monkeypatch):
    app = make_app({"FIGURES_MAX_TEXT_BYTES": 4})
    client = app.test_client()
    too_large = client.post("/v1/extract", data="12 people", content_type="text/plain")
    assert too_large.status_code == 413
    assert too_large.headers["X-Content-Type-Options"] == "nosniff"

    def broken(text):
        raise RuntimeError("boom")

    monkeypatch.setattr("service.http.extraction.extract", broken)
    fault = client.post("/v1/extract", data="12", content_type="text/plain")
    assert fault.status_code == 500
    assert fault.headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("value", ["1", "true"])
def test_flask_debug_is_ignored_in_production(make_app, monkeypatch, value):
    monkeypatch.setenv("FLASK_DEBUG", value)
    assert make_app({}).debug is False
    assert make_app({"DEBUG": True}).debug is False
    assert make_app({"TESTING": True}).debug is True  # tests may still debug


def test_production_error_carries_no_internals(make_app, monkeypatch):
    monkeypatch.setenv("FLASK_DEBUG", "1")
    app = make_app({})

    def broken(text):
        raise RuntimeError("secret internals")

    monkeypatch.setattr("service.http.extraction.extract", broken)
    response = app.test_client().post("/v1/extract", json={"text": "12"})
    assert response.status_code == 500
    assert response.mimetype == "application/problem+json"
    assert "secret" not in response.text
    assert "Traceback" not in response.text


# Paths a server could "tidy" with a redirect: doubled slashes anywhere, a trailing slash, dot
# segments. Werkzeug merged doubled slashes with a 308 whose Location it built from the Host
# header, an open redirect (Host: evil.example.com -> http://evil.example.com/docs/x).
UNTIDY_PATHS = [
    "/docs//x",
    "/docs//swagger-ui.css",
    "/v1//extract",
    "/v1//extract/batch",
    "/v1/extract//batch",
    "//v1/extract",
    "//healthz",
    "/healthz//",
    "///evil.example.com/docs",
    "/docs//evil.example.com",
    "/v1/extract/",
    "/./healthz",
    "/healthz/../metrics",
]


@pytest.mark.parametrize("path", UNTIDY_PATHS)
@pytest.mark.parametrize("method", ["GET", "POST", "HEAD"])
def test_no_redirect_whatever_the_path(client, path, method):
    # PATH_INFO as a server hands it over: the test client would read "//x" as a host.
    response = client.open(
        "/",
        method=method,
        headers={"Host": "evil.example.com"},
        environ_overrides={"PATH_INFO": path},
    )
    assert "Location" not in response.headers
    assert not 300 <= response.status_code < 400
    assert response.status_code in {200, 404, 405, 415}, response.status_code
    if response.status_code >= 400 and method != "HEAD":
        assert response.mimetype == "application/problem+json"
    response.close()


def _vendor_files():
    from swagger_ui_bundle import swagger_ui_path

    root = Path(swagger_ui_path)
    return sorted(str(path.relative_to(root)) for path in root.rglob("*") if path.is_file())


def _page_assets(client):
    page = client.get("/docs").text
    return {asset.removeprefix("/docs/") for asset in re.findall(r'(?:src|href)="([^"]+)"', page)}


# The vendored Swagger UI folder holds a stock index.html and swagger-initializer.js that load
# the petstore spec from the internet, templates and source maps: none of that is served.
@pytest.mark.parametrize("name", _vendor_files())
def test_docs_serve_only_the_assets_the_page_uses(client, name):
    used = _page_assets(client)
    response = client.get(f"/docs/{name}")
    if name in used:
        assert response.status_code == 200
    else:
        assert response.status_code == 404, name
        assert response.mimetype == "application/problem+json"
    response.close()


@pytest.mark.parametrize(
    "path",
    [
        "/docs/index.html",
        "/docs/swagger-initializer.js",
        "/docs/index.j2",
        "/docs/swagger-ui-bundle.js.map",
        "/docs/oauth2-redirect.html",
        "/docs/../__init__.py",
        "/docs/%2e%2e/__init__.py",
        "/docs/SWAGGER-UI.CSS",
        "/docs/swagger-ui.css/",
        "/docs/swagger-ui.css.",
        "/docs/./swagger-ui.css",
    ],
)
def test_docs_refuse_other_names(client, path):
    response = client.get(path)
    assert response.status_code == 404, path
    assert response.mimetype == "application/problem+json"


def test_docs_page_uses_few_assets(client):
    assert len(_page_assets(client)) <= 4  # the page, not the folder


def test_container_runs_as_non_root():
    users = re.findall(r"^USER\s+(\S+)", (ROOT / "Dockerfile").read_text(), re.MULTILINE)
    assert users, "the Dockerfile names no USER"
    user = users[-1].split(":")[0]
    assert user not in {"root", "0"}


@pytest.fixture
def keyed(make_app, monkeypatch):
    """Build an app with API keys on, from the environment as an operator sets them."""
    monkeypatch.setenv("FIGURES_API_KEYS", " , ".join(KEYS) + ",")
    return make_app({}).test_client()


def bearer(key):
    return {"Authorization": f"Bearer {key}"}


@pytest.mark.parametrize(
    "headers",
    [
        pytest.param({}, id="no-header"),
        pytest.param(bearer("k-alpha"), id="prefix-of-a-key"),
        pytest.param(bearer(KEYS[0] + "x"), id="key-plus-one"),
        pytest.param(bearer(KEYS[0].upper()), id="wrong-case"),
        pytest.param({"Authorization": KEYS[0]}, id="no-scheme"),
        pytest.param({"Authorization": f"Basic {KEYS[0]}"}, id="basic-scheme"),
        pytest.param({"Authorization": "Bearer "}, id="empty-token"),
        pytest.param({"Authorization": "Bearer \u00e9t\u00e9"}, id="latin-1-token"),
        pytest.param({"X-Api-Key": KEYS[0]}, id="other-header"),
    ],
)
def test_request_without_a_valid_key_is_401(keyed, headers):
    response = keyed.post("/v1/extract", json={"text": "12 people"}, headers=headers)
    assert response.status_code == 401
    assert response.mimetype == "application/problem+json"
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    problem = response.get_json()
    assert problem["status"] == 401
    assert problem["title"] == "Unauthorized"
    assert KEYS[0] not in response.text


@pytest.mark.parametrize("key", KEYS)
@pytest.mark.parametrize("scheme", ["Bearer", "bearer", "BEARER"])
def test_each_key_is_accepted(keyed, key, scheme):
    response = keyed.post(
        "/v1/extract", json={"text": "12 people"}, headers={"Authorization": f"{scheme} {key}"}
    )
    assert response.status_code == 200
    assert response.get_json()["claims"]


@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
def test_probes_need_no_key(keyed, path):
    assert keyed.get(path).status_code == 200


@pytest.mark.parametrize(
    ("method", "path"),
    [("GET", "/metrics"), ("GET", "/openapi.json"), ("GET", "/docs"), ("GET", "/nope")],
)
def test_everything_else_needs_a_key(keyed, method, path):
    assert keyed.open(path, method=method).status_code == 401
    assert keyed.open(path, method=method, headers=bearer(KEYS[1])).status_code != 401


def test_keys_are_compared_in_constant_time_with_every_key(make_app, monkeypatch):
    calls = []
    compare = hmac.compare_digest

    def counting(a, b):
        calls.append((type(a), type(b)))
        return compare(a, b)

    monkeypatch.setattr("service.http.auth.hmac.compare_digest", counting)
    client = make_app({"FIGURES_API_KEYS": list(KEYS)}).test_client()
    assert client.get("/metrics", headers=bearer(KEYS[0])).status_code == 200
    assert calls == [(bytes, bytes)] * len(KEYS)  # no early exit on the first match


def test_keys_are_never_logged(make_app, caplog):
    caplog.set_level(logging.DEBUG)
    client = make_app({"FIGURES_API_KEYS": ",".join(KEYS), "FIGURES_RATE_LIMIT": "2/minute"})
    client = client.test_client()
    for _ in range(4):  # over the limit, so that the limiter logs the breach
        client.post("/v1/extract", json={"text": "12"}, headers=bearer(KEYS[2]))
    client.post("/v1/extract", json={"text": "12"}, headers=bearer("guess-" + KEYS[2]))
    assert "exceeded" in caplog.text
    for key in KEYS:
        assert key not in caplog.text


def test_no_keys_means_no_authentication(make_app):
    client = make_app({"FIGURES_API_KEYS": " , "}).test_client()
    assert client.post("/v1/extract", json={"text": "12"}).status_code == 200


def test_document_lists_the_key_scheme_and_401(keyed):
    spec = keyed.get("/openapi.json", headers=bearer(KEYS[0])).get_json()
    assert spec["components"]["securitySchemes"]["apiKey"] == {"type": "http", "scheme": "bearer"}
    extract = spec["paths"]["/v1/extract"]["post"]
    assert extract["security"] == [{"apiKey": []}]
    assert "401" in extract["responses"]
    healthz = spec["paths"]["/healthz"]["get"]
    assert "security" not in healthz
    assert "401" not in healthz["responses"]


def test_document_without_keys_lists_no_401(client):
    spec = client.get("/openapi.json").get_json()
    assert "securitySchemes" not in spec.get("components", {})
    assert "401" not in spec["paths"]["/v1/extract"]["post"]["responses"]
    assert "429" not in spec["paths"]["/v1/extract"]["post"]["responses"]


def limited(make_app, limit="3/minute", **config):
    return make_app({"FIGURES_RATE_LIMIT": limit, **config}).test_client()


def test_over_the_rate_limit_is_429_with_retry_after(make_app):
    client = limited(make_app)
    statuses = [client.post("/v1/extract", json={"text": "12"}).status_code for _ in range(3)]
    assert statuses == [200, 200, 200]
    response = client.post("/v1/extract", json={"text": "12"})
    assert response.status_code == 429
    assert response.mimetype == "application/problem+json"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert 1 <= int(response.headers["Retry-After"]) <= 60
    problem = response.get_json()
    assert (problem["status"], problem["title"]) == (429, "Too Many Requests")
    assert "3 per 1 minute" in problem["detail"]


def test_the_limit_spans_every_route_but_the_probes(make_app):
    client = limited(make_app)
    client.get("/metrics")
    client.get("/openapi.json")
    client.post("/v1/extract/batch", json={"documents": []})
    assert client.post("/v1/extract", json={"text": "12"}).status_code == 429
    for _ in range(5):
        assert client.get("/healthz").status_code == 200
        assert client.get("/readyz").status_code == 200


# Requests that match no route, or no method of their route: each spends the budget like any
# other, so that a client cannot guess keys (or probe) without limit on a path that is not served.
UNSERVED = [
    ("unknown path", "GET", "/nope"),
    ("unknown nested path", "POST", "/v1/nope/extract"),
    ("trailing slash", "POST", "/v1/extract/"),
    ("wrong method", "DELETE", "/v1/extract"),
    ("made-up method", "FROB", "/v1/extract"),
    ("made-up method, unknown path", "FROB", "/nope"),
    ("unknown docs asset", "GET", "/docs/nope.js"),
]


@pytest.mark.parametrize(
    ("method", "path"), [pytest.param(*row[1:], id=row[0]) for row in UNSERVED]
)
@pytest.mark.parametrize("keys", [pytest.param(True, id="keys"), pytest.param(False, id="no-keys")])
def test_unserved_requests_spend_the_budget(make_app, method, path, keys):
    client = limited(make_app, "2/minute", FIGURES_API_KEYS=",".join(KEYS) if keys else "")
    headers = bearer("guess-0") if keys else {}
    refused = 401 if keys else None
    statuses = [client.open(path, method=method, headers=headers).status_code for _ in range(3)]
    assert statuses[2] == 429, statuses
    assert refused is None or statuses[:2] == [refused, refused]
    response = client.open(path, method=method, headers=headers)
    assert response.mimetype == "application/problem+json"
    assert int(response.headers["Retry-After"]) >= 1
    # The budget is one per client: the served routes are spent too, the probes never.
    assert client.get("/metrics", headers=headers).status_code == 429
    assert client.get("/healthz").status_code == 200


def test_clients_are_limited_apart_by_address(make_app):
    client = limited(make_app, "1/minute")
    first = {"REMOTE_ADDR": "127.0.0.2"}
    second = {"REMOTE_ADDR": "127.0.0.3"}
    assert client.get("/metrics", environ_base=first).status_code == 200
    assert client.get("/metrics", environ_base=first).status_code == 429
    assert client.get("/metrics", environ_base=second).status_code == 200


def test_clients_are_limited_apart_by_key(make_app):
    client = limited(make_app, "1/minute", FIGURES_API_KEYS=",".join(KEYS))
    assert client.get("/metrics", headers=bearer(KEYS[0])).status_code == 200
    assert client.get("/metrics", headers=bearer(KEYS[0])).status_code == 429
    assert client.get("/metrics", headers=bearer(KEYS[1])).status_code == 200


def test_guessing_keys_is_limited_by_address(make_app):
    client = limited(make_app, "2/minute", FIGURES_API_KEYS=",".join(KEYS))
    guesses = [client.get("/metrics", headers=bearer(f"guess-{i}")).status_code for i in range(4)]
    assert guesses == [401, 401, 429, 429]
    assert client.get("/metrics", headers=bearer(KEYS[0])).status_code == 200  # its own bucket


def test_document_lists_429_when_limited(make_app):
    spec = limited(make_app, "100/minute").get("/openapi.json").get_json()
    assert "429" in spec["paths"]["/v1/extract"]["post"]["responses"]
    assert "429" not in spec["paths"]["/healthz"]["get"]["responses"]


def test_rate_limit_comes_from_the_environment(make_app, monkeypatch):
    monkeypatch.setenv("FIGURES_RATE_LIMIT", "1/hour")
    client = make_app({}).test_client()
    client.get("/metrics")
    assert client.get("/metrics").status_code == 429


@pytest.mark.parametrize("value", ["lots", "100/fortnight", "-1/minute"])
def test_a_bad_rate_limit_stops_the_start(make_app, value):
    with pytest.raises(ValueError, match="FIGURES_RATE_LIMIT"):
        make_app({"FIGURES_RATE_LIMIT": value, "FIGURES_WARM": False})


def test_problem_bodies_are_json_objects(keyed):
    body = json.loads(keyed.get("/metrics").data)
    assert set(body) == {"type", "title", "status", "detail"}


def test_document_with_keys_and_limit_is_valid_openapi(make_app):
    from openapi_spec_validator import validate

    client = limited(make_app, "100/minute", FIGURES_API_KEYS=KEYS[0])
    validate(client.get("/openapi.json", headers=bearer(KEYS[0])).get_json())
