"""CORS: off by default; ``FIGURES_CORS_ORIGINS`` lets listed origins' pages call the API.

Each row is a request and the CORS headers its answer must (or must not) carry. The traps sit
beside the allowed rows: an origin that differs by scheme, port or a suffix, or no origin.
"""

import pytest

LISTED = "https://newsroom.example, http://localhost:5173/"
JSON = {"Content-Type": "application/json"}
BODY = b'{"text": "About 3,000 people fled."}'

# (id, Origin, whether the answer names it)
ACTUAL = [
    ("listed", "https://newsroom.example", True),
    ("listed-with-port", "http://localhost:5173", True),
    ("listed-any-case", "HTTPS://Newsroom.Example", True),
    ("other-scheme", "http://newsroom.example", False),
    ("other-port", "http://localhost:5174", False),
    ("no-port", "http://localhost", False),
    ("suffix-attack", "https://newsroom.example.evil.test", False),
    ("prefix-attack", "https://evil-newsroom.example", False),
    ("null-origin", "null", False),
    ("no-origin", None, False),
]


@pytest.fixture(scope="module")
def cors_app():
    from service.http import create_app

    return create_app({"TESTING": True, "FIGURES_CORS_ORIGINS": LISTED})


def headers_for(origin, extra=None):
    headers = dict(extra or {})
    if origin is not None:
        headers["Origin"] = origin
    return headers


@pytest.mark.parametrize(
    ("origin", "allowed"), [pytest.param(*row[1:], id=row[0]) for row in ACTUAL]
)
@pytest.mark.parametrize(
    ("method", "path", "body", "status"),
    [
        pytest.param("POST", "/v1/extract", BODY, 200, id="extract"),
        pytest.param("POST", "/v1/extract", b"[1]", 422, id="problem-422"),
        pytest.param("GET", "/nowhere", None, 404, id="problem-404"),
        pytest.param("GET", "/healthz", None, 200, id="probe"),
    ],
)
def test_answers_name_listed_origins_only(cors_app, origin, allowed, method, path, body, status):
    response = cors_app.test_client().open(
        path, method=method, data=body, headers=headers_for(origin, JSON)
    )
    assert response.status_code == status
    assert "Origin" in response.vary  # the answer depends on the origin, whatever it is
    if allowed:
        assert response.headers["Access-Control-Allow-Origin"] == origin
        assert "Retry-After" in response.headers["Access-Control-Expose-Headers"]
    else:
        assert "Access-Control-Allow-Origin" not in response.headers
    assert "Access-Control-Allow-Credentials" not in response.headers


def preflight(client, path, origin, method="POST", request_headers="content-type"):
    headers = {"Access-Control-Request-Method": method}
    if request_headers:
        headers["Access-Control-Request-Headers"] = request_headers
    return client.options(path, headers=headers_for(origin, headers))


@pytest.mark.parametrize(
    ("origin", "allowed"), [pytest.param(*row[1:], id=row[0]) for row in ACTUAL]
)
@pytest.mark.parametrize("path", ["/v1/extract", "/v1/extract/batch"])
def test_preflight_from_a_listed_origin(cors_app, origin, allowed, path):
    response = preflight(cors_app.test_client(), path, origin)
    if not allowed:
        assert "Access-Control-Allow-Origin" not in response.headers
        assert "Access-Control-Allow-Methods" not in response.headers
        return
    assert response.status_code == 204
    assert response.data == b""
    assert response.headers["Access-Control-Allow-Origin"] == origin
    assert {m.strip() for m in response.headers["Access-Control-Allow-Methods"].split(",")} >= {
        "POST"
    }
    allowed_headers = {
        h.strip().lower() for h in response.headers["Access-Control-Allow-Headers"].split(",")
    }
    assert allowed_headers >= {"content-type", "authorization", "content-encoding"}
    assert int(response.headers["Access-Control-Max-Age"]) > 0
    assert {"Origin", "Access-Control-Request-Method"} <= set(response.vary)


@pytest.mark.parametrize(
    ("path", "method", "status"),
    [
        pytest.param("/v1/extract", "DELETE", None, id="method-the-path-does-not-take"),
        pytest.param("/healthz", "POST", None, id="get-only-path"),
        pytest.param("/nowhere", "POST", 404, id="no-such-path"),
    ],
)
def test_preflight_for_what_the_api_does_not_answer(cors_app, path, method, status):
    response = preflight(cors_app.test_client(), path, "https://newsroom.example", method)
    assert "Access-Control-Allow-Methods" not in response.headers
    if status is not None:
        assert response.status_code == status
        assert response.mimetype == "application/problem+json"


def test_off_by_default(client):
    for response in (
        client.post(
            "/v1/extract", data=BODY, headers=headers_for("https://newsroom.example", JSON)
        ),
        preflight(client, "/v1/extract", "https://newsroom.example"),
    ):
        assert not [
            name for name, _ in response.headers.items() if name.startswith("Access-Control")
        ]


def test_any_origin(make_app):
    client = make_app({"TESTING": True, "FIGURES_CORS_ORIGINS": "*"}).test_client()
    for origin in ("https://a.example", "http://127.0.0.1:8080"):
        response = client.post("/v1/extract", data=BODY, headers=headers_for(origin, JSON))
        assert response.headers["Access-Control-Allow-Origin"] == origin
        assert preflight(client, "/v1/extract", origin).status_code == 204
    response = client.post("/v1/extract", data=BODY, headers=JSON)
    assert "Access-Control-Allow-Origin" not in response.headers


def test_preflight_needs_no_key_and_is_not_rate_limited(make_app):
    """A browser sends no key with a preflight: answer it; the request itself still needs one."""
    client = make_app(
        {
            "TESTING": True,
            "FIGURES_CORS_ORIGINS": LISTED,
            "FIGURES_API_KEYS": "secret-key",
            "FIGURES_RATE_LIMIT": "2/minute",
        }
    ).test_client()
    origin = "https://newsroom.example"
    for _ in range(4):
        assert (
            preflight(client, "/v1/extract", origin, request_headers="authorization").status_code
            == 204
        )
    refused = client.post("/v1/extract", data=BODY, headers=headers_for(origin, JSON))
    assert refused.status_code == 401
    assert refused.mimetype == "application/problem+json"
    assert refused.headers["Access-Control-Allow-Origin"] == origin  # the page can read why
    keyed = headers_for(origin, {**JSON, "Authorization": "Bearer secret-key"})
    assert client.post("/v1/extract", data=BODY, headers=keyed).status_code == 200


@pytest.mark.parametrize(
    "setting",
    [
        "https://newsroom.example/app",
        "newsroom.example",
        "ftp://newsroom.example",
        "null",
        "https://",
        "https://user@newsroom.example",
        "https://newsroom.example?x=1",
    ],
)
def test_a_setting_that_is_not_an_origin_stops_the_start(make_app, setting):
    with pytest.raises(ValueError, match="FIGURES_CORS_ORIGINS"):
        make_app({"TESTING": True, "FIGURES_CORS_ORIGINS": setting})


@pytest.mark.parametrize(
    "setting", ["", " , ", "https://a.example,https://b.example:8443", "http://[::1]:8000", "*"]
)
def test_settings_that_are_origins(make_app, setting):
    make_app({"TESTING": True, "FIGURES_CORS_ORIGINS": setting, "FIGURES_WARM": False})
