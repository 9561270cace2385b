import pytest


def post_batch(client, documents):
    return client.post("/v1/extract/batch", json={"documents": documents})


def test_results_in_order(client, seed_text):
    documents = [
        {"id": "seed", "text": seed_text},
        {"id": "empty", "text": ""},
        {"id": "plain", "text": "No figures here at all."},
    ]
    response = post_batch(client, documents)
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    results = response.get_json()["results"]
    assert [r["id"] for r in results] == ["seed", "empty", "plain"]
    assert results[0]["claims"]
    for claim in results[0]["claims"]:
        assert seed_text[claim["start"] : claim["end"]] == claim["text"]
    assert results[1] == {"id": "empty", "claims": []}
    assert results[2] == {"id": "plain", "claims": []}


def test_same_claims_as_single_extract(client, seed_text):
    single = client.post("/v1/extract", json={"text": seed_text}).get_json()["claims"]
    batch = post_batch(client, [{"text": seed_text}]).get_json()["results"]
    assert batch == [{"id": None, "claims": single}]


def test_empty_batch(client):
    response = post_batch(client, [])
    assert response.status_code == 200
    assert response.get_json() == {"results": []}


def test_bad_documents_get_error_entries(client):
    documents = [
        {"id": "ok", "text": "About 12 people came."},
        {"id": "number", "text": 12},
        {"id": "missing"},
        {"id": "extra", "text": "", "lang": "en"},
        "just a string",
        {"id": 7, "text": ""},
        {"id": "last", "text": ""},
    ]
    response = post_batch(client, documents)
    assert response.status_code == 200
    results = response.get_json()["results"]
    assert [r["id"] for r in results] == ["ok", "number", "missing", "extra", None, None, "last"]
    assert "error" not in results[0]
    assert isinstance(results[0]["claims"], list)
    assert results[6] == {"id": "last", "claims": []}
    expected_fields = {1: ["text"], 2: ["text"], 3: ["lang"], 4: ["_schema"], 5: ["id"]}
    for index, fields in expected_fields.items():
        assert "claims" not in results[index]
        error = results[index]["error"]
        assert error["status"] == 422
        assert error["type"] == "about:blank"
        assert error["title"] == "Unprocessable Entity"
        assert sorted(error["errors"]) == fields


@pytest.fixture
def limited(make_app):
    app = make_app(
        {
            "TESTING": True,
            "FIGURES_MAX_TEXT_BYTES": 20,
            "FIGURES_MAX_BATCH_DOCUMENTS": 3,
            "FIGURES_MAX_BATCH_BYTES": 50,
        }
    )
    return app.test_client()


def test_document_over_the_text_limit_gets_an_error_entry(limited):
    documents = [{"id": "long", "text": "x" * 21}, {"id": "short", "text": "12 people"}]
    response = post_batch(limited, documents)
    assert response.status_code == 200
    long, short = response.get_json()["results"]
    assert long["id"] == "long"
    assert long["error"]["status"] == 413
    assert long["error"]["detail"] == "The text is 21 bytes; the limit is 20 bytes."
    assert short["id"] == "short"
    assert isinstance(short["claims"], list)


def test_limits_on_the_whole_batch(limited):
    at_limit = [{"text": "x" * 20}, {"text": "x" * 20}, {"text": "x" * 10}]
    assert post_batch(limited, at_limit).status_code == 200
    too_many = post_batch(limited, [{"text": ""}] * 4)
    assert too_many.status_code == 413
    assert too_many.mimetype == "application/problem+json"
    too_much = post_batch(limited, [*at_limit[:2], {"text": "x" * 11}])
    assert too_much.status_code == 413
    assert too_much.get_json()["detail"] == "The batch's text is 51 bytes; the limit is 50 bytes."


def test_batch_counts_in_the_metrics(app, client):
    post_batch(client, [{"text": "About 12 people came."}, {"text": "Ab"}])
    metrics = client.get("/metrics").text
    assert "figures_text_bytes_processed_total 23.0" in metrics
