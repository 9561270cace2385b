"""``plain_request`` reads the common body of ``POST /v1/extract`` as the schema loads it.

The twin takes only bodies the schema takes as they are; for every other body it returns None,
and the schema loads it (or refuses it, with its own messages). Each row is run through both.
"""

import pytest

from schemas import MAX_ID_LENGTH, ExtractRequestSchema
from service.http.extraction import PLAIN_FIELDS, plain_request

SCHEMA = ExtractRequestSchema()

# Bodies the twin reads: (id, text, reference_date) as the schema loads them.
READ = [
    pytest.param({"text": "Prices rose 4%."}, id="text-only"),
    pytest.param({"text": ""}, id="empty-text"),
    pytest.param({"text": "x", "id": None}, id="null-id"),
    pytest.param({"text": "x", "id": ""}, id="empty-id"),
    pytest.param({"id": "doc-7", "text": "x"}, id="id-first"),
    pytest.param({"text": "x", "id": "i" * MAX_ID_LENGTH}, id="longest-id"),
    pytest.param({"text": "x", "id": "\u2014" * MAX_ID_LENGTH}, id="longest-id-non-ascii"),
    pytest.param({"text": "x", "reference_date": None}, id="null-date"),
    pytest.param({"text": "x", "id": "a", "reference_date": None}, id="every-field"),
    pytest.param({"text": "lone \ud800 surrogate \U0001f600"}, id="odd-characters"),
]

# Bodies the twin leaves to the schema: errors, and what only the schema reads (a date).
LEFT = [
    pytest.param(None, id="null"),
    pytest.param([], id="array"),
    pytest.param("text", id="string"),
    pytest.param({}, id="no-text"),
    pytest.param({"text": None}, id="null-text"),
    pytest.param({"text": 4}, id="number-text"),
    pytest.param({"text": ["a"]}, id="array-text"),
    pytest.param({"text": True}, id="boolean-text"),
    pytest.param({"id": "a"}, id="id-without-text"),
    pytest.param({"text": "x", "id": 7}, id="number-id"),
    pytest.param({"text": "x", "id": False}, id="boolean-id"),
    pytest.param({"text": "x", "id": "i" * (MAX_ID_LENGTH + 1)}, id="id-too-long"),
    pytest.param({"text": "x", "reference_date": "2020-05-01"}, id="a-date"),
    pytest.param({"text": "x", "reference_date": "2020-02-30"}, id="not-a-day"),
    pytest.param({"text": "x", "reference_date": ""}, id="empty-date"),
    pytest.param({"text": "x", "reference_date": 0}, id="number-date"),
    pytest.param({"text": "x", "extra": 1}, id="unknown-field"),
    pytest.param({"text": "x", "Text": "y"}, id="field-in-other-case"),
]


def schema_load(body):
    loaded = SCHEMA.load(body)
    return loaded["id"], loaded["text"], loaded["reference_date"]


@pytest.mark.parametrize("body", READ)
def test_the_twin_reads_what_the_schema_loads(body):
    assert plain_request(body) == schema_load(body)


@pytest.mark.parametrize("body", LEFT)
def test_the_twin_leaves_every_other_body_to_the_schema(body):
    assert plain_request(body) is None


def test_the_twin_knows_every_field_of_the_schema_and_its_checks():
    """A field or a check added to the schema must be taught to plain_request too."""
    fields = SCHEMA.load_fields
    assert set(fields) == PLAIN_FIELDS
    assert not any(SCHEMA._hooks.values())  # no pre_load, post_load or schema validator
    assert [type(field).__name__ for field in fields.values()] == [
        "String",
        "String",
        "ReferenceDate",
    ]
    assert fields["text"].required
    assert not fields["text"].allow_none
    assert not fields["text"].validators
    assert not fields["reference_date"].validators
    assert fields["id"].allow_none
    assert fields["id"].load_default is None
    assert [(type(v).__name__, v.min, v.max) for v in fields["id"].validators] == [
        ("Length", None, MAX_ID_LENGTH)
    ]
    assert fields["reference_date"].allow_none
    assert fields["reference_date"].load_default is None


@pytest.mark.parametrize(
    ("body", "status"),
    [
        pytest.param({"text": "It rose 4%.", "id": "a"}, 200, id="read-by-the-twin"),
        pytest.param({"text": "It rose 4%.", "reference_date": "2020-05-01"}, 200, id="schema"),
        pytest.param({"text": "x", "id": "i" * (MAX_ID_LENGTH + 1)}, 422, id="long-id"),
        pytest.param({"text": "x", "extra": 1}, 422, id="unknown-field"),
        pytest.param({"text": 4}, 422, id="number-text"),
    ],
)
def test_over_http_either_way(client, body, status):
    response = client.post("/v1/extract", json=body)
    assert response.status_code == status
    if status == 200:
        assert response.get_json()["id"] == body.get("id")
