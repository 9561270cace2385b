"""Every error status, as a table of cases in tests/data/http_errors.json."""

import json
from pathlib import Path

import pytest
from tables import load_table

ROW_KEYS = {"id", "method", "path", "content_type", "status", "problem"}
OPTIONAL_KEYS = {"config", "body", "body_hex", "json", "errors", "detail_contains", "allow"}
BODY_KEYS = {"body", "body_hex", "json"}


def check_row(row, where):
    """Refuse a row with two bodies or a problem whose status disagrees with the response's."""
    if len(BODY_KEYS & set(row)) > 1:
        raise ValueError(f"{where}: give at most one of {sorted(BODY_KEYS)}")
    if row["problem"].get("status") != row["status"]:
        raise ValueError(f"{where}: problem.status differs from status")


def load_cases(path):
    """Load the error cases, raising on any malformed row rather than skipping it."""
    return load_table(path, ROW_KEYS, OPTIONAL_KEYS, check_row)


CASES = load_cases(Path(__file__).parent / "data" / "http_errors.json")


def body_of(row):
    """Build the raw request body: text, repeated pieces ([text, times] pairs), hex or JSON."""
    if "json" in row:
        return json.dumps(row["json"]).encode()
    if "body_hex" in row:
        return bytes.fromhex(row["body_hex"])
    body = row.get("body")
    if body is None:
        return None
    if isinstance(body, list):
        body = "".join(piece * times for piece, times in body)
    return body.encode("utf-8")


@pytest.fixture(scope="module")
def apps(make_app):
    """Build one app per distinct config, shared by the cases that use it."""
    built = {}

    def app_for(config):
        key = json.dumps(config, sort_keys=True)
        if key not in built:
            built[key] = make_app({"TESTING": True, **config})
        return built[key]

    return app_for


@pytest.mark.parametrize("row", [pytest.param(row, id=row["id"]) for row in CASES])
def test_error(apps, row):
    client = apps(row.get("config", {})).test_client()
    headers = {"Content-Type": row["content_type"]} if row["content_type"] else {}
    response = client.open(row["path"], method=row["method"], data=body_of(row), headers=headers)

    assert response.status_code == row["status"]
    assert response.mimetype == "application/problem+json"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    problem = response.get_json()
    assert problem["type"] == "about:blank"
    assert {k: problem[k] for k in row["problem"]} == row["problem"]
    assert isinstance(problem["detail"], str)
    assert problem["detail"]
    assert row.get("detail_contains", "") in problem["detail"]
    if "errors" in row:
        assert sorted(problem["errors"]) == row["errors"]
    else:
        assert "errors" not in problem
    if "allow" in row:
        assert set(row["allow"]) <= {m.strip() for m in response.headers["Allow"].split(",")}
    assert "Traceback" not in response.text
    assert "<html" not in response.text.lower()


def test_case_ids_cover_every_error_status():
    assert {row["status"] for row in CASES} == {400, 404, 405, 413, 415, 422}


def test_unexpected_exception_is_a_problem_without_its_text(make_app, caplog):
    app = make_app({"TESTING": True})

    @app.get("/boom")
    def boom():
        raise RuntimeError("secret internals /etc/passwd")

    response = app.test_client().get("/boom")
    assert response.status_code == 500
    assert response.mimetype == "application/problem+json"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.get_json() == {
        "type": "about:blank",
        "title": "Internal Server Error",
        "status": 500,
        "detail": response.get_json()["detail"],
    }
    assert "secret" not in response.text
    assert "RuntimeError" not in response.text
    assert "secret internals" in caplog.text  # the log has it, the client does not


def test_core_failure_is_a_500_problem(make_app, monkeypatch):
    app = make_app({"TESTING": True})

    def broken(text):
        raise ZeroDivisionError("core bug")

    monkeypatch.setattr("service.http.extraction.extract", broken)
    response = app.test_client().post("/v1/extract", json={"text": "12 people"})
    assert response.status_code == 500
    assert response.mimetype == "application/problem+json"
    assert "core bug" not in response.text


def test_declared_length_over_the_limit_is_refused_unread(make_app):
    app = make_app({"TESTING": True, "FIGURES_MAX_TEXT_BYTES": 10})
    response = app.test_client().post(
        "/v1/extract",
        data=b"about 12 people",
        headers={"Content-Type": "text/plain", "Content-Length": "15"},
    )
    assert response.status_code == 413
    assert response.get_json()["detail"] == "The request body is 15 bytes; the limit is 10 bytes."


def test_body_over_max_content_length_is_413(make_app):
    app = make_app({"TESTING": True, "FIGURES_MAX_TEXT_BYTES": 1, "FIGURES_MAX_BATCH_BYTES": 1})
    limit = app.config["MAX_CONTENT_LENGTH"]
    response = app.test_client().post(
        "/v1/extract/batch", data=b" " * (limit + 1), content_type="application/json"
    )
    assert response.status_code == 413
    assert response.mimetype == "application/problem+json"


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("FIGURES_MAX_TEXT_BYTES", "0"),
        ("FIGURES_MAX_BATCH_DOCUMENTS", "-1"),
        ("FIGURES_MAX_BATCH_BYTES", "lots"),
    ],
)
def test_bad_limit_settings_stop_the_start(make_app, monkeypatch, name, value):
    monkeypatch.setenv(name, value)
    with pytest.raises(ValueError, match=name):
        make_app({"FIGURES_WARM": False})


def test_limits_come_from_the_environment(make_app, monkeypatch):
    monkeypatch.setenv("FIGURES_MAX_TEXT_BYTES", "1_000")
    monkeypatch.setenv("FIGURES_MAX_BATCH_DOCUMENTS", "3")
    monkeypatch.setenv("FIGURES_MAX_BATCH_BYTES", "2000")
    limits = make_app({"FIGURES_WARM": False}).extensions["figures"].limits
    assert (limits.max_text_bytes, limits.max_batch_documents, limits.max_batch_bytes) == (
        1000,
        3,
        2000,
    )


# A body of made-up keys: the 422 names a few of them and counts the rest, so that its answer
# stays small however many there are (600,000 keys in 6 MB made a 15 MB answer, 3 s). (id, path,
# where the keys go, how many.)
MADE_UP_KEYS = [
    ("single-few", "/v1/extract", "top", 5),
    ("single-at-the-bound", "/v1/extract", "top", 20),
    ("single-one-past", "/v1/extract", "top", 21),
    ("single-many", "/v1/extract", "top", 100_000),
    ("batch-top-many", "/v1/extract/batch", "top", 100_000),
    ("batch-document-few", "/v1/extract/batch", "document", 3),
    ("batch-document-many", "/v1/extract/batch", "document", 100_000),
]


@pytest.mark.parametrize(
    ("path", "where", "count"), [pytest.param(*row[1:], id=row[0]) for row in MADE_UP_KEYS]
)
def test_made_up_keys_get_a_short_answer(client, path, where, count):
    made_up = {f"k{i}": 0 for i in range(count)}
    document = {"text": "12 people"}
    if path == "/v1/extract":
        body = {**document, **made_up}
    elif where == "top":
        body = {"documents": [document], **made_up}
    else:
        body = {"documents": [document, {**document, **made_up}]}
    response = client.post(path, json=body)
    assert response.status_code == 422
    errors = response.get_json()["errors"]
    if where == "document":
        errors = errors["documents"]["1"]
    named = [key for key in errors if key != "_schema"]
    assert named == [f"k{i}" for i in range(min(count, 20))]
    assert all(errors[key] == ["Unknown field."] for key in named)
    if count > 20:
        assert errors["_schema"] == [f"And {count - 20} more unknown fields."]
    else:
        assert "_schema" not in errors
    assert len(response.data) < 4000
