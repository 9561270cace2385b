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


# A document that breaks DocumentSchema, as the OpenAPI document describes it: the whole batch is
# refused (422), its errors under documents -> the document's index -> the field. (id, document,
# the fields named.)
BAD_DOCUMENTS = [
    ("text-a-number", {"id": "number", "text": 12}, ["text"]),
    ("text-null", {"id": "null", "text": None}, ["text"]),
    ("no-text", {"id": "missing"}, ["text"]),
    ("misspelt-text", {"txt": "12 people"}, ["text", "txt"]),
    ("unknown-field", {"id": "extra", "text": "", "lang": "en"}, ["lang"]),
    ("a-string", "just a string", ["_schema"]),
    ("null", None, ["_schema"]),
    ("a-list", [{"text": "12 people"}], ["_schema"]),
    ("id-a-number", {"id": 7, "text": ""}, ["id"]),
    ("id-too-long", {"id": "x" * 257, "text": ""}, ["id"]),
    ("date-not-a-day", {"text": "12 people", "reference_date": "2017-02-29"}, ["reference_date"]),
    ("date-a-number", {"text": "12 people", "reference_date": 20170228}, ["reference_date"]),
]
# Documents beside them that are good, and answered: nulls where the schema allows them.
GOOD_DOCUMENTS = [
    ("plain", {"text": "About 12 people came."}),
    ("null-id", {"id": None, "text": "About 12 people came."}),
    ("null-date", {"id": "d", "text": "12 boats", "reference_date": None}),
    ("id-at-the-limit", {"id": "x" * 256, "text": ""}),
    ("empty-text", {"text": ""}),
]


@pytest.fixture
def core_calls(monkeypatch):
    """Count the texts handed to the core."""
    import service.http.extraction as http

    calls = []
    real = http.extract

    def spy(text, **kwargs):
        calls.append(text)
        return real(text, **kwargs)

    monkeypatch.setattr(http, "extract", spy)
    return calls


@pytest.mark.parametrize(
    ("document", "fields"), [pytest.param(*row[1:], id=row[0]) for row in BAD_DOCUMENTS]
)
def test_a_bad_document_refuses_the_batch(client, core_calls, document, fields):
    good = {"id": "ok", "text": "About 12 people came."}
    response = post_batch(client, [good, document, good])
    assert response.status_code == 422
    assert response.mimetype == "application/problem+json"
    problem = response.get_json()
    assert (problem["title"], problem["status"]) == ("Unprocessable Entity", 422)
    assert list(problem["errors"]) == ["documents"]
    assert list(problem["errors"]["documents"]) == ["1"]
    assert sorted(problem["errors"]["documents"]["1"]) == fields
    assert core_calls == []  # nothing extracted for a batch refused


@pytest.mark.parametrize(
    ("document", "named"), [("just a string", "a string"), (None, "null"), ([1], "an array")]
)
def test_a_document_that_is_not_an_object_is_told_what_to_be(client, document, named):
    """Not marshmallow's "Invalid input type.": what a document is, and what it was."""
    response = post_batch(client, [{"text": "12 boats"}, document])
    assert response.get_json()["errors"]["documents"]["1"] == {
        "_schema": [
            'Send each document as a JSON object with a "text" field: {"id": "…", "text": "…"},'
            f" not {named}."
        ]
    }


def test_every_bad_document_is_named(client):
    documents = [row[1] for row in BAD_DOCUMENTS] + [row[1] for row in GOOD_DOCUMENTS]
    problem = post_batch(client, documents).get_json()
    named = problem["errors"]["documents"]
    assert list(named) == [str(index) for index in range(len(BAD_DOCUMENTS))]
    for index, (_, _, fields) in enumerate(BAD_DOCUMENTS):
        assert sorted(named[str(index)]) == fields


@pytest.mark.parametrize("document", [pytest.param(row[1], id=row[0]) for row in GOOD_DOCUMENTS])
def test_good_documents_are_answered(client, document):
    response = post_batch(client, [document])
    assert response.status_code == 200
    (result,) = response.get_json()["results"]
    assert result["id"] == document.get("id")
    assert isinstance(result["claims"], list)


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


def test_too_many_documents_is_refused_before_they_are_read(limited):
    response = post_batch(limited, [{"txt": ""}] * 4)  # four bad documents, over the count
    assert response.status_code == 413
    assert response.get_json()["detail"] == "The batch has 4 documents; the limit is 3."


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


# --- FIGURES_MAX_BATCH_CLAIMS: the claims of a whole batch answer ----------------------------

FOUR = "About 12 people, 14 cars, 3 boats and 9 dogs came."  # four claims
ONE = "Some 40 boats sank."  # one claim
YEARS = "In 2019 and 2020 about 7 people came."  # one claim, two numbers left out

# (id, FIGURES_MAX_BATCH_CLAIMS, FIGURES_MAX_CLAIMS, texts, query, status, results: claims per
# document, or "413" for a document's own error entry). Claims of the answer count; with
# ?explain=true its rejected numbers count with them.
BATCH_CAPS = [
    ("under", 9, 100, [FOUR, FOUR], "", 200, [4, 4]),
    ("at-the-cap", 8, 100, [FOUR, FOUR], "", 200, [4, 4]),
    ("one-over", 7, 100, [FOUR, FOUR], "", 413, None),
    ("over-in-the-first", 3, 100, [FOUR, ONE], "", 413, None),
    ("many-small-over", 5, 100, [ONE] * 6, "", 413, None),
    ("many-small-at", 6, 100, [ONE] * 6, "", 200, [1] * 6),
    ("empty-texts-cost-nothing", 1, 100, ["", ONE, "", "no figures"], "", 200, [0, 1, 0, 0]),
    ("explain-counts-rejected", 3, 100, [YEARS], "?explain=true", 200, [1]),
    ("explain-over-by-rejected", 2, 100, [YEARS], "?explain=true", 413, None),
    ("explain-off-same-text", 2, 100, [YEARS], "", 200, [1]),
    # A document over the per-text cap gets its own entry; its claims are not in the answer.
    ("per-text-cap-entry", 5, 3, [FOUR, ONE, ONE], "", 200, ["413", 1, 1]),
]


@pytest.mark.parametrize(
    ("cap", "per_text", "texts", "query", "status", "want"),
    [pytest.param(*row[1:], id=row[0]) for row in BATCH_CAPS],
)
def test_batch_claim_cap(make_app, cap, per_text, texts, query, status, want):
    config = {"TESTING": True, "FIGURES_MAX_BATCH_CLAIMS": cap, "FIGURES_MAX_CLAIMS": per_text}
    client = make_app(config).test_client()
    response = client.post(
        "/v1/extract/batch" + query, json={"documents": [{"text": text} for text in texts]}
    )
    assert response.status_code == status
    if status == 413:
        assert response.mimetype == "application/problem+json"
        detail = response.get_json()["detail"]
        assert f"more than {cap} " in detail
        assert "FIGURES_MAX_BATCH_CLAIMS" in detail
        return
    got = [
        "413" if "error" in result and result["error"]["status"] == 413 else len(result["claims"])
        for result in response.get_json()["results"]
    ]
    assert got == want


def test_batch_over_the_cap_stops_extracting(make_app, core_calls, monkeypatch):
    """Over the cap the core has been asked for cap + 1 claims in all, and no more."""
    import service.http.extraction as http

    returned = []
    spy = http.extract

    def counting(text, **kwargs):
        claims = spy(text, **kwargs)
        returned.append(len(claims))
        return claims

    monkeypatch.setattr(http, "extract", counting)
    client = make_app({"TESTING": True, "FIGURES_MAX_BATCH_CLAIMS": 10}).test_client()
    documents = [{"text": "1 " * 50}] * 5  # 250 claims
    response = client.post("/v1/extract/batch", json={"documents": documents})
    assert response.status_code == 413
    assert sum(returned) == 11
    assert len(core_calls) == 1  # the first text went over: the others were never read


def test_batch_claim_cap_default_and_setting(make_app, monkeypatch):
    limits = make_app({"FIGURES_WARM": False}).extensions["figures"].limits
    assert limits.max_batch_claims == 50_000
    monkeypatch.setenv("FIGURES_MAX_BATCH_CLAIMS", "12")
    assert make_app({"FIGURES_WARM": False}).extensions["figures"].limits.max_batch_claims == 12
    for bad in ("0", "-5", "many"):
        monkeypatch.setenv("FIGURES_MAX_BATCH_CLAIMS", bad)
        with pytest.raises(ValueError, match="FIGURES_MAX_BATCH_CLAIMS"):
            make_app({"FIGURES_WARM": False})


def test_openapi_states_the_batch_claim_cap(make_app):
    client = make_app({"TESTING": True, "FIGURES_MAX_BATCH_CLAIMS": 1234}).test_client()
    description = client.get("/openapi.json").get_json()["info"]["description"]
    assert "1234 claims in the answer for one batch" in description
    assert "FIGURES_MAX_BATCH_CLAIMS" in description
