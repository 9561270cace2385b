import dataclasses
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks.corpus import generate
from schemas import ClaimSchema, NormalizedSchema, SpanSchema, UnitSchema, dump_claim
from service.core.model import Claim, Normalized, Span, Unit

CASES = Path(__file__).parent / "data" / "claims"

# The keys of every claim of an answer, in order: the model's fields.
CLAIM_FIELDS = [field.name for field in dataclasses.fields(Claim)]


def check_claims(text, claims):
    """Assert what holds for any claims of any text, whatever the core finds."""
    assert [c["start"] for c in claims] == sorted(c["start"] for c in claims)
    for claim in claims:
        assert list(claim) == CLAIM_FIELDS
        assert text[claim["start"] : claim["end"]] == claim["text"]
        sentence = claim["sentence"]
        assert text[sentence["start"] : sentence["end"]] == sentence["text"]
        if claim["entity"] is not None:
            entity = claim["entity"]
            assert text[entity["start"] : entity["end"]] == entity["text"]


@pytest.mark.parametrize(
    ("schema", "model"),
    [
        pytest.param(ClaimSchema, Claim, id="claim"),
        pytest.param(SpanSchema, Span, id="span"),
        pytest.param(UnitSchema, Unit, id="unit"),
        pytest.param(NormalizedSchema, Normalized, id="normalized"),
    ],
)
def test_schema_mirrors_the_core(schema, model):
    assert list(schema().fields) == [f.name for f in dataclasses.fields(model)]


def _case_texts():
    for path in sorted(CASES.glob("*.json")):
        yield from (row["text"] for row in json.loads(path.read_text(encoding="utf-8")))
    yield generate(20_000, seed=7)


def test_dump_claim_is_the_schema_dump(extract):
    """The hot-path twin gives ClaimSchema's output, byte for byte, on every kind of claim."""
    schema = ClaimSchema()
    claims = [claim for text in _case_texts() for claim in extract(text)]
    assert len(claims) > 400
    assert {c.kind for c in claims} == {"count", "measurement", "percentage", "money"}
    assert {c.unit is None for c in claims} == {True, False}
    assert {c.entity is None for c in claims} == {True, False}
    for claim in claims:
        assert json.dumps(dump_claim(claim)) == json.dumps(schema.dump(claim))


def test_dump_claim_writes_floats_as_the_schema_does():
    """An int where the model says float still comes out as 2.0, as fields.Float writes it."""
    claim = Claim(
        "2 km", 0, 4, 2, 2, 2, "equal", False, Unit("kilometre", "km", "length", "km"),
        Normalized(2000, None, 2000, "m"), None, "measurement", Span("2 km", 0, 4),
    )  # fmt: skip
    assert json.dumps(dump_claim(claim)) == json.dumps(ClaimSchema().dump(claim))
    assert isinstance(dump_claim(claim)["value"], float)


def test_json_seed_article(client, seed_text):
    response = client.post("/v1/extract", json={"id": "seed-0", "text": seed_text})
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    body = response.get_json()
    assert list(body) == ["id", "claims"]
    assert body["id"] == "seed-0"
    assert body["claims"]
    check_claims(seed_text, body["claims"])


def test_answers_as_the_core_does(client, extract, seed_text):
    body = client.post("/v1/extract", json={"text": seed_text}).get_json()
    assert body["claims"] == [dataclasses.asdict(c) for c in extract(seed_text)]


def test_text_plain_seed_article(client, seed_text):
    response = client.post(
        "/v1/extract",
        data=seed_text.encode("utf-8"),
        content_type="text/plain; charset=utf-8",
    )
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    body = response.get_json()
    assert body["id"] is None
    assert body["claims"]
    check_claims(seed_text, body["claims"])


@pytest.mark.parametrize(
    "content_type",
    ["text/plain", "text/plain; charset=UTF-8", "text/plain;charset=utf8", "Text/Plain"],
)
def test_text_plain_charset_spellings(client, content_type):
    text = "Prices rose by 12% — “a record”, said the café’s owner."
    response = client.post("/v1/extract", data=text.encode(), content_type=content_type)
    assert response.status_code == 200
    check_claims(text, response.get_json()["claims"])


@pytest.mark.parametrize(
    "text",
    ["", "   ", "No figures here at all.", "The meeting is on 14 October 2017."],
    ids=["empty", "blank", "words", "date"],
)
def test_text_without_figures(client, text):
    response = client.post("/v1/extract", json={"text": text})
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    body = response.get_json()
    assert body["id"] is None
    check_claims(text, body["claims"])
    if text.strip() in {"", "No figures here at all."}:
        assert body["claims"] == []


def test_id_may_be_null(client):
    response = client.post("/v1/extract", json={"text": "", "id": None})
    assert response.status_code == 200
    assert response.get_json() == {"id": None, "claims": []}


def test_offsets_count_code_points(client):
    text = "😀😀 “Officials” said 3,000 people fled."
    response = client.post("/v1/extract", json={"text": text})
    assert response.status_code == 200
    check_claims(text, response.get_json()["claims"])


def test_lone_surrogate_is_not_a_server_error(client):
    body = b'{"text": "\\ud800 about 40 people"}'
    response = client.post("/v1/extract", data=body, content_type="application/json")
    assert response.status_code == 200
    check_claims("\ud800 about 40 people", response.get_json()["claims"])


@pytest.fixture
def small_app(make_app):
    return make_app({"TESTING": True, "FIGURES_MAX_TEXT_BYTES": 40})


def test_small_text_limit(small_app):
    client = small_app.test_client()
    at_limit = "About 12 people came. " + "x" * 18
    assert len(at_limit.encode()) == 40
    assert client.post("/v1/extract", json={"text": at_limit}).status_code == 200
    plain = client.post("/v1/extract", data=at_limit.encode(), content_type="text/plain")
    assert plain.status_code == 200
    over = client.post("/v1/extract", json={"text": at_limit + "é"})
    assert over.status_code == 413
    assert over.mimetype == "application/problem+json"
    assert over.get_json()["detail"] == "The text is 42 bytes; the limit is 40 bytes."
    plain_over = client.post(
        "/v1/extract", data=(at_limit + "!").encode(), content_type="text/plain"
    )
    assert plain_over.status_code == 413


def test_json_escapes_do_not_count_against_the_text_limit(small_app):
    # 40 bytes of text, escaped to 6 bytes each: the body is far over 40 bytes, the text is not.
    body = '{"text": "' + "\\u0001" * 40 + '"}'
    response = small_app.test_client().post(
        "/v1/extract", data=body, content_type="application/json"
    )
    assert response.status_code == 200


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(max_size=80))
def test_any_text_is_answered(client, text):
    response = client.post("/v1/extract", json={"text": text})
    assert response.status_code == 200
    check_claims(text, response.get_json()["claims"])


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    text=st.lists(
        st.sampled_from(
            ["about", "12", "3.5", "%", "km", "$", "£", "million", "to", "-", " ", "."]
        ),
        max_size=12,
    ).map("".join)
)
def test_figure_like_text_is_answered(client, text):
    response = client.post("/v1/extract", json={"text": text})
    assert response.status_code == 200
    check_claims(text, response.get_json()["claims"])
