"""``?explain=true`` on both extraction endpoints: the numbers left out, and why.

The expectations hold for any faithful ``explain``: the claims are ``extract``'s, the spans are
exact, in order and clear of the claims, and a few readings no implementation can miss (a year,
a date, a clock time, an ordinal) carry their reason. Errors of the parameter are rows of
``tests/data/http_errors.json``.
"""

import dataclasses
import json
from itertools import pairwise

import pytest

from schemas import RejectionSchema, dump_rejection
from service.core.model import Rejection
from service.core.reasons import REASONS

# A text with a claim and the four readings below: written for these tests.
MIXED = (
    "In 2019 the ferry ran late; on 14 October 2017 it left at 9:30 p.m. for the 14th time, "
    "with about 80 passengers."
)
REJECTION_FIELDS = ["text", "start", "end", "reason"]

# (id, text, the part of the text a rejection must cover, its reason, whether its span is exactly
# that part). The texts are the tests' own.
READINGS = [
    ("year", "The mill closed in 2019 after a long strike.", "2019", "year", True),
    (
        "date",
        "The vote was held on 14 October 2017 in the old hall.",
        "14 October 2017",
        "date",
        True,
    ),
    ("clock-time", "The doors opened at 9:30 p.m. for late visitors.", "9:30", "clock_time", False),
    ("ordinal", "The river broke its banks for the 14th time.", "14", "ordinal", False),
]


def post(client, path, text, kind="json"):
    if kind == "json":
        return client.post(path, json={"id": "t", "text": text})
    return client.post(path, data=text.encode(), content_type="text/plain; charset=utf-8")


def check_rejected(text, answer):
    """Assert what holds for any rejected numbers of any text, whatever the core finds."""
    rejected = answer["rejected"]
    assert [r["start"] for r in rejected] == sorted(r["start"] for r in rejected)
    for before, after in pairwise(rejected):
        assert before["end"] <= after["start"]
    for rejection in rejected:
        assert list(rejection) == REJECTION_FIELDS
        assert text[rejection["start"] : rejection["end"]] == rejection["text"]
        assert rejection["reason"] in REASONS
        for claim in answer["claims"]:
            assert rejection["end"] <= claim["start"] or claim["end"] <= rejection["start"]


@pytest.mark.parametrize("kind", ["json", "text-plain"])
@pytest.mark.parametrize(
    ("query", "explained"),
    [
        pytest.param("", False, id="absent"),
        pytest.param("?explain=false", False, id="false"),
        pytest.param("?explain=true", True, id="true"),
        pytest.param("?explain=true&lang=en", True, id="true-other-parameter-ignored"),
    ],
)
def test_explain_parameter(client, kind, query, explained):
    plain = post(client, "/v1/extract", MIXED, kind)
    response = post(client, "/v1/extract" + query, MIXED, kind)
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    answer = response.get_json()
    if not explained:
        assert response.get_data() == plain.get_data()  # byte for byte, no "rejected"
        assert "rejected" not in answer
        return
    assert list(answer) == ["id", "claims", "rejected"]
    assert answer["claims"] == plain.get_json()["claims"]
    assert answer["id"] == ("t" if kind == "json" else None)
    check_rejected(MIXED, answer)
    assert {r["reason"] for r in answer["rejected"]} >= {"year", "date", "clock_time", "ordinal"}


def test_claims_are_the_cores(client, extract, seed_text):
    answer = post(client, "/v1/extract?explain=true", seed_text).get_json()
    plain = post(client, "/v1/extract", seed_text).get_json()
    assert answer["claims"] == plain["claims"]
    assert [c["text"] for c in answer["claims"]] == [c.text for c in extract(seed_text)]
    check_rejected(seed_text, answer)
    assert any(r["reason"] == "date" for r in answer["rejected"])  # the article's dates


@pytest.mark.parametrize(
    ("text", "part", "reason", "exact"),
    [pytest.param(*row[1:], id=row[0]) for row in READINGS],
)
def test_reading(client, text, part, reason, exact):
    answer = post(client, "/v1/extract?explain=true", text).get_json()
    check_rejected(text, answer)
    start = text.index(part)
    end = start + len(part)
    covering = [r for r in answer["rejected"] if r["start"] <= start and end <= r["end"]]
    assert [r["reason"] for r in covering] == [reason], answer["rejected"]
    if exact:
        assert covering[0]["text"] == part
        overlapping = [r for r in answer["rejected"] if r["start"] < end and start < r["end"]]
        assert overlapping == covering  # one rejection for the whole date, not one per number


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("", id="empty"),
        pytest.param("No figures at all here.", id="no-digits"),
    ],
)
def test_nothing_to_explain(client, text):
    answer = post(client, "/v1/extract?explain=true", text).get_json()
    assert answer == {"id": "t", "claims": [], "rejected": []}


def test_batch(client):
    documents = [
        {"id": "mixed", "text": MIXED},
        {"id": "empty", "text": ""},
        {"id": "year", "text": READINGS[0][1]},
    ]
    plain = client.post("/v1/extract/batch", json={"documents": documents})
    response = client.post("/v1/extract/batch?explain=true", json={"documents": documents})
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    results = response.get_json()["results"]
    assert [r["id"] for r in results] == ["mixed", "empty", "year"]
    for result, before in zip(results, plain.get_json()["results"], strict=True):
        assert list(result) == ["id", "claims", "rejected"]
        assert result["claims"] == before["claims"]
    for result, document in zip(results, documents, strict=True):
        check_rejected(document["text"], result)
        single = post(client, "/v1/extract?explain=true", document["text"]).get_json()
        assert result["rejected"] == single["rejected"]
    assert results[1] == {"id": "empty", "claims": [], "rejected": []}


@pytest.mark.parametrize("query", ["", "?explain=false"], ids=["absent", "false"])
def test_batch_without_explain_is_unchanged(client, query):
    documents = [{"id": "mixed", "text": MIXED}, {"id": "empty", "text": ""}]
    plain = client.post("/v1/extract/batch", json={"documents": documents})
    response = client.post("/v1/extract/batch" + query, json={"documents": documents})
    assert response.status_code == 200
    assert response.get_data() == plain.get_data()
    assert all("rejected" not in r for r in response.get_json()["results"])


# Four years and no claim: the claim cap bounds "rejected" as it bounds "claims".
FOUR_YEARS = "In 2019, in 2020, in 2021 and in 2022 nothing changed."


@pytest.mark.parametrize(
    ("cap", "query", "status"),
    [
        pytest.param(3, "", 200, id="cap-3-without-explain"),
        pytest.param(3, "?explain=true", 413, id="cap-3-explained"),
        pytest.param(4, "?explain=true", 200, id="cap-4-explained"),
    ],
)
def test_claim_cap_bounds_rejected(make_app, cap, query, status):
    client = make_app({"TESTING": True, "FIGURES_MAX_CLAIMS": cap}).test_client()
    response = post(client, "/v1/extract" + query, FOUR_YEARS)
    assert response.status_code == status
    if status == 413:
        assert response.mimetype == "application/problem+json"
        problem = response.get_json()
        assert f"more than {cap} numbers that are not claims" in problem["detail"]
        assert "FIGURES_MAX_CLAIMS" in problem["detail"]
    elif query:
        assert [r["reason"] for r in response.get_json()["rejected"]] == ["year"] * 4


def test_claim_cap_in_a_batch_refuses_only_that_document(make_app):
    client = make_app({"TESTING": True, "FIGURES_MAX_CLAIMS": 3}).test_client()
    documents = [{"id": "many", "text": FOUR_YEARS}, {"id": "one", "text": READINGS[0][1]}]
    response = client.post("/v1/extract/batch?explain=true", json={"documents": documents})
    assert response.status_code == 200
    many, one = response.get_json()["results"]
    assert many["id"] == "many"
    assert many["error"]["status"] == 413
    assert "rejected" not in many
    assert [r["reason"] for r in one["rejected"]] == ["year"]


def test_the_cap_stops_reading_one_past_it(make_app, monkeypatch):
    """The core is asked for one claim and one rejection past the cap, never for all of them."""
    from service.core import explain

    asked = []

    def spy(text, *, limit=None, reference_date=None):
        asked.append(limit)
        return explain(text, limit=limit, reference_date=reference_date)

    monkeypatch.setattr("service.http.extraction.explain", spy)
    client = make_app({"TESTING": True, "FIGURES_MAX_CLAIMS": 7}).test_client()
    assert post(client, "/v1/extract?explain=true", FOUR_YEARS).status_code == 200
    assert asked == [8]


def test_rejection_schema_mirrors_the_core():
    assert list(RejectionSchema().fields) == [f.name for f in dataclasses.fields(Rejection)]


@pytest.mark.parametrize("reason", list(REASONS))
def test_dump_rejection_is_the_schema_dump(reason):
    rejection = Rejection("2019", 3, 7, reason)
    dumped = dump_rejection(rejection)
    assert json.dumps(dumped) == json.dumps(RejectionSchema().dump(rejection))
    assert RejectionSchema().validate(dumped) == {}


def test_rejection_schema_refuses_an_unknown_reason():
    assert "reason" in RejectionSchema().validate(dump_rejection(Rejection("7", 0, 1, "lucky")))


def test_openapi_documents_explain(client):
    spec = client.get("/openapi.json").get_json()
    for path in ("/v1/extract", "/v1/extract/batch"):
        parameters = spec["paths"][path]["post"]["parameters"]
        names = [(p["name"], p["in"]) for p in parameters]
        assert names == [("explain", "query"), ("reference_date", "query")]
        assert parameters[0]["schema"] == {"type": "boolean", "default": False}
        assert parameters[0]["required"] is False
        assert "rejected" in parameters[0]["description"]
    schemas = spec["components"]["schemas"]
    rejection = schemas["Rejection"]
    assert list(rejection["properties"]) == REJECTION_FIELDS
    assert sorted(rejection["required"]) == sorted(REJECTION_FIELDS)
    reason = rejection["properties"]["reason"]
    assert reason["enum"] == list(REASONS)
    for code, meaning in REASONS.items():
        assert f"`{code}`: {meaning}" in reason["description"]
    for name in ("ExtractResponse", "BatchResult"):
        rejected = schemas[name]["properties"]["rejected"]
        assert rejected["items"] == {"$ref": "#/components/schemas/Rejection"}
        assert "explain=true" in rejected["description"]
        assert "rejected" not in schemas[name].get("required", [])
