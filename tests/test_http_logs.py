"""The service's logs: an access line per request and its errors, as text or JSON lines.

``FIGURES_LOG_FORMAT=json`` makes every line one JSON object; both formats carry each request's
``X-Request-ID``, and no path or method a client sends can forge a line.
"""

import json
import logging

import pytest

KEY = "k-logs-0123456789"
# (id, method, path, request keyword arguments, status): kinds of request, each logged once.
REQUESTS = [
    ("ok", "GET", "/healthz", {}, 200),
    ("extract", "POST", "/v1/extract", {"json": {"text": "12 people"}}, 200),
    ("schema", "POST", "/v1/extract", {"json": {"txt": ""}}, 422),
    ("not-found", "GET", "/nope", {}, 404),
    ("made-up-method", "FROB", "/v1/extract", {}, 405),
    ("newline-in-path", "GET", "/he%0Aalthz%0D%0A1 INFO forged", {}, 404),
    ("quote-in-path", "GET", '/x"%22 200', {}, 404),
    ("no-key", "GET", "/metrics", {"headers": {"Authorization": "Bearer wrong-key"}}, 401),
]


def lines_of(capsys):
    return [line for line in capsys.readouterr().err.splitlines() if line]


@pytest.fixture
def json_client(make_app):
    return make_app({"FIGURES_LOG_FORMAT": "json", "FIGURES_API_KEYS": KEY}).test_client()


@pytest.fixture
def text_client(make_app):
    return make_app({"FIGURES_LOG_FORMAT": "text", "FIGURES_API_KEYS": KEY}).test_client()


def with_key(kwargs):
    headers = {"Authorization": f"Bearer {KEY}", **kwargs.get("headers", {})}
    return {**kwargs, "headers": headers}


@pytest.mark.parametrize(
    ("method", "path", "kwargs", "status"),
    [pytest.param(*row[1:], id=row[0]) for row in REQUESTS],
)
def test_json_access_line(json_client, capsys, method, path, kwargs, status):
    capsys.readouterr()
    response = json_client.open(path, method=method, **with_key(kwargs))
    assert response.status_code == status
    (line,) = lines_of(capsys)  # one line, however hostile the path
    record = json.loads(line)
    assert record["logger"] == "figures.access"
    assert record["level"] == "INFO"
    assert record["request_id"] == response.headers["X-Request-ID"]
    assert record["status"] == status
    assert record["method"] in {method, "FROB"}
    assert record["path"].startswith("/")
    assert "\n" not in record["path"]
    assert '"' not in record["path"]
    assert record["bytes"] == len(response.data)
    assert record["duration_ms"] >= 0
    assert record["time"].endswith("+00:00")
    assert KEY not in line


@pytest.mark.parametrize(
    ("method", "path", "kwargs", "status"),
    [pytest.param(*row[1:], id=row[0]) for row in REQUESTS],
)
def test_text_access_line(text_client, capsys, method, path, kwargs, status):
    capsys.readouterr()
    response = text_client.open(path, method=method, **with_key(kwargs))
    (line,) = lines_of(capsys)
    assert f"[{response.headers['X-Request-ID']}]" in line
    assert " INFO figures.access " in line
    assert f'" {status} ' in line
    assert line.count('"') == 2  # the request's own quotes only
    assert KEY not in line


def test_json_error_line_carries_the_traceback(make_app, monkeypatch, capsys):
    def broken(text, **kwargs):
        raise RuntimeError("the cause, for the log only")

    monkeypatch.setattr("service.http.extraction.extract", broken)
    client = make_app({"FIGURES_LOG_FORMAT": "json"}).test_client()
    capsys.readouterr()
    response = client.post("/v1/extract", json={"text": "12"}, headers={"X-Request-ID": "r-1"})
    assert response.status_code == 500
    assert "the cause" not in response.text
    error, access = (json.loads(line) for line in lines_of(capsys))
    assert (error["level"], error["request_id"]) == ("ERROR", "r-1")
    assert error["message"] == "Unhandled error on POST /v1/extract"
    assert "RuntimeError: the cause, for the log only" in error["exception"]
    assert (access["status"], access["request_id"]) == (500, "r-1")


def test_library_lines_come_out_in_the_same_format(make_app, capsys):
    app = make_app({"FIGURES_LOG_FORMAT": "json"})
    capsys.readouterr()
    with app.test_request_context("/metrics", headers={"X-Request-ID": "r-lib"}):
        logging.getLogger("flask-limiter").warning("Rate limit storage unreachable")
    logging.getLogger("flask-limiter").warning("outside a request")
    inside, outside = (json.loads(line) for line in lines_of(capsys))
    assert (inside["logger"], inside["level"]) == ("flask-limiter", "WARNING")
    assert inside["request_id"] == "r-lib"
    assert outside["request_id"] is None


def test_one_access_line_per_request(make_app, capsys):
    make_app({"FIGURES_LOG_FORMAT": "json"})  # a second app in the process adds no handler
    client = make_app({"FIGURES_LOG_FORMAT": "json"}).test_client()
    capsys.readouterr()
    client.get("/healthz")
    assert len(lines_of(capsys)) == 1
    assert logging.getLogger("gunicorn.access").disabled  # ours replaces gunicorn's


@pytest.mark.parametrize("value", ["JSON", " json ", "Text"])
def test_the_format_is_read_loosely(make_app, value):
    make_app({"FIGURES_LOG_FORMAT": value, "FIGURES_WARM": False})


@pytest.mark.parametrize("value", ["yaml", "jsonl", "1"])
def test_a_bad_format_stops_the_start(make_app, monkeypatch, value):
    monkeypatch.setenv("FIGURES_LOG_FORMAT", value)
    with pytest.raises(ValueError, match="FIGURES_LOG_FORMAT"):
        make_app({"FIGURES_WARM": False})
