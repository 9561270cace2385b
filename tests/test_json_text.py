"""The JSON writers (``service.json_text``) write what ``json.dumps`` writes of the dicts.

``POST /v1/extract`` answers with text written straight from the core's values; the contract is
the text Flask's JSON provider wrote of the dicts before (``dump_claim``, ``dump_rejection``),
byte for byte: on every claim of the golden texts, on values at the edges of JSON (escapes,
non-ASCII, ints where the model says float, NaN), on models of every field kind, and on whole
HTTP answers, compact and (debug mode) indented.
"""

import dataclasses
import itertools
import json
import math
from dataclasses import dataclass
from datetime import date
from typing import Literal

import pytest
from golden_texts import texts

from schemas import (
    dump_claim,
    dump_rejection,
    write_claim,
    write_claims,
    write_rejection,
    write_rejections,
)
from service.core.model import Span
from service.dicts import converter
from service.json_text import _RUN, json_array, json_string, json_texts, json_writer

# Flask's compact settings, with StrictJSON's allow_nan=False.
COMPACT = {"separators": (",", ":"), "ensure_ascii": True, "allow_nan": False}


def dumped(value) -> str:
    return json.dumps(value, **COMPACT)


# A reference date, so that times are resolved and ``time.resolved`` is written too.
DAY = date(2020, 5, 1)


@pytest.fixture(scope="module")
def golden_texts():
    """Every text of the golden snapshot: the case tables, the seeds, the corpora."""
    return [text for _, text in texts()]


def test_every_claim_of_the_golden_texts_is_written_as_dumped(extract, golden_texts):
    claims = [claim for text in golden_texts for claim in extract(text, reference_date=DAY)]
    assert len(claims) > 1000
    kinds = {
        name: {getattr(claim, name) is None for claim in claims}
        for name in ("unit", "normalized", "entity", "change", "source", "time", "subject")
    }
    kinds["resolved"] = {claim.time.resolved is None for claim in claims if claim.time}
    assert all(kind == {True, False} for kind in kinds.values()), kinds  # both branches ran
    for claim in claims:
        assert write_claim(claim) == dumped(dump_claim(claim))


def test_the_claims_of_each_golden_text_are_written_together_as_dumped(extract, golden_texts):
    """write_claims reuses the text of a part shared with the claim before: same bytes."""
    shared = 0
    for text in golden_texts:
        claims = extract(text, reference_date=DAY)
        assert list(write_claims(claims)) == [dumped(dump_claim(claim)) for claim in claims]
        shared += sum(a.sentence is b.sentence for a, b in itertools.pairwise(claims))
    assert shared > 100  # the reuse ran


def test_every_rejection_is_written_as_dumped(golden_texts):
    from service.core import explain

    rejected = [r for text in golden_texts for r in explain(text).rejected]
    assert rejected
    for rejection in rejected:
        assert write_rejection(rejection) == dumped(dump_rejection(rejection))
    assert list(write_rejections(rejected)) == [dumped(dump_rejection(r)) for r in rejected]


@dataclass(frozen=True, slots=True)
class Inner:
    label: str
    size: int


@dataclass(frozen=True, slots=True)
class Every:
    """One field of each kind a model may have (service/shape.py)."""

    name: str
    maybe_name: str | None
    count: int
    maybe_count: int | None
    amount: float
    maybe_amount: float | None
    flag: bool
    maybe_flag: bool | None
    kind: Literal["up", "down"]
    inner: Inner
    maybe_inner: Inner | None


PLAIN = Every("a", None, 1, None, 1.5, None, True, None, "up", Inner("x", 0), None)
# Values at JSON's edges, each beside a plain value of the same field.
EDGES = [
    pytest.param({}, id="plain"),
    pytest.param({"name": 'quote " backslash \\ slash /'}, id="escapes"),
    pytest.param({"name": "tab\tnewline\ncontrol\x00\x1f"}, id="control-characters"),
    pytest.param({"name": "em dash \u2014, é, 3\u00a0km"}, id="non-ascii"),
    pytest.param({"name": "astral \U0001f600"}, id="astral-surrogate-pair"),
    pytest.param({"name": "", "maybe_name": ""}, id="empty-strings"),
    pytest.param({"amount": 2, "maybe_amount": 0}, id="int-where-float-is-written-as-float"),
    pytest.param({"amount": 1e16, "maybe_amount": 1e-7}, id="exponent-floats"),
    pytest.param({"amount": -0.0, "maybe_amount": 0.1 + 0.2}, id="negative-zero-and-long-repr"),
    pytest.param({"count": -(10**30), "maybe_count": 0}, id="big-and-zero-ints"),
    pytest.param({"flag": False, "maybe_flag": True}, id="booleans"),
    pytest.param({"maybe_inner": Inner("y\u2014", 7), "kind": "down"}, id="nested-present"),
]


@pytest.mark.parametrize("change", EDGES)
def test_a_model_of_every_field_kind_is_written_as_dumped(change):
    value = dataclasses.replace(PLAIN, **change)
    written = json_writer(Every)(value)
    assert written == dumped(converter(Every, floats=True)(value))
    assert json.loads(written)["amount"] == float(value.amount)
    # after the plain value and after itself: what is shared with the one before, and what not
    assert list(json_texts(Every)([PLAIN, value, value])) == [
        json_writer(Every)(PLAIN),
        *[written] * 2,
    ]


INNER = Inner("x", 0)
# Runs of values whose nested objects and floats are the same object, equal ones, or not: each
# value is written as on its own. (``0.0 == -0.0`` and ``1 == 1.0``, but their texts differ.)
RUNS = [
    pytest.param([PLAIN, PLAIN, PLAIN], id="one-object-thrice"),
    pytest.param(
        [
            dataclasses.replace(PLAIN, maybe_inner=INNER),
            dataclasses.replace(PLAIN, maybe_inner=INNER),
        ],
        id="a-shared-nested-object",
    ),
    pytest.param(
        [
            dataclasses.replace(PLAIN, maybe_inner=Inner("y", 1)),
            dataclasses.replace(PLAIN, maybe_inner=Inner("y", 2)),
            dataclasses.replace(PLAIN, maybe_inner=Inner("z", 2)),
        ],
        id="nested-objects-that-differ-by-one-field",
    ),
    pytest.param(
        [
            dataclasses.replace(PLAIN, maybe_inner=INNER),
            PLAIN,  # None after an object
            dataclasses.replace(PLAIN, maybe_inner=INNER),  # the object again after None
            dataclasses.replace(PLAIN, maybe_inner=Inner("x", 0)),  # an equal one, not the same
        ],
        id="none-between-objects",
    ),
    pytest.param(
        [
            dataclasses.replace(PLAIN, inner=Inner("x", 0)),
            dataclasses.replace(PLAIN, inner=Inner("x", 0)),
        ],
        id="equal-objects-not-the-same",
    ),
    pytest.param(
        [
            dataclasses.replace(PLAIN, amount=(zero := 0.0), maybe_amount=zero),
            dataclasses.replace(PLAIN, amount=0.0, maybe_amount=-0.0),
            dataclasses.replace(PLAIN, amount=-0.0, maybe_amount=0.0),
        ],
        id="zero-and-negative-zero",
    ),
    pytest.param(
        [
            dataclasses.replace(PLAIN, amount=(half := 2.5), maybe_amount=half),
            dataclasses.replace(PLAIN, amount=1, maybe_amount=1.0),
            dataclasses.replace(PLAIN, amount=1.0, maybe_amount=None),
            dataclasses.replace(PLAIN, amount=3, maybe_amount=3.0),
        ],
        id="floats-the-same-equal-or-ints",
    ),
]


@pytest.mark.parametrize("values", RUNS)
def test_a_run_of_values_is_written_value_by_value(values):
    one = json_writer(Every)
    assert list(json_texts(Every)(values)) == [
        dumped(converter(Every, floats=True)(v)) for v in values
    ]
    assert list(json_texts(Every)(values)) == [one(v) for v in values]
    assert list(json_texts(Every)(reversed(values))) == [one(v) for v in reversed(values)]


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
@pytest.mark.parametrize("field", ["amount", "maybe_amount"])
def test_a_float_json_cannot_carry_is_refused_as_json_dumps_refuses(field, bad):
    value = dataclasses.replace(PLAIN, **{field: bad})
    with pytest.raises(ValueError, match="not JSON compliant"):
        dumped(converter(Every, floats=True)(value))
    with pytest.raises(ValueError, match="not JSON compliant"):
        json_writer(Every)(value)
    with pytest.raises(ValueError, match="not JSON compliant"):
        list(json_texts(Every)([PLAIN, value]))


@pytest.mark.parametrize("bad", [None, 2, "yes"])
def test_a_non_bool_in_a_bool_field_is_an_error_not_a_guess(bad):
    with pytest.raises(KeyError):
        json_writer(Every)(dataclasses.replace(PLAIN, flag=bad))
    with pytest.raises(KeyError):
        list(json_texts(Every)([PLAIN, dataclasses.replace(PLAIN, flag=bad)]))


@pytest.mark.parametrize(
    "values",
    [
        pytest.param([], id="empty"),
        pytest.param([Span("a", 0, 1)], id="one"),
        pytest.param([Span("a", 0, 1), Span("\u2014", 2, 3)], id="two"),
        # json_parts joins runs of _RUN values: the commas at a run's edges
        *(
            pytest.param([Span(str(i), i, i + 1) for i in range(n)], id=f"{n}-values")
            for n in (_RUN - 1, _RUN, _RUN + 1, 2 * _RUN, 2 * _RUN + 1)
        ),
    ],
)
def test_arrays_and_strings_as_dumped(values):
    expected = dumped([dataclasses.asdict(v) for v in values])
    assert json_array(json_texts(Span)(values)) == expected
    assert json_array(map(json_writer(Span), values)) == expected
    for text in (None, "", "id-1", "caf\u00e9 \u2014"):
        assert json_string(text) == dumped(text)


ANSWERS = [
    pytest.param({"text": "Prices rose 4% in March, the ministry said."}, "", id="claims"),
    pytest.param({"text": "No figures here."}, "", id="no-claims"),
    pytest.param(
        {"text": "It fell to 3.5 kg in 2019 \u2014 about 2 m.", "id": "x\u2014"}, "", id="id"
    ),
    pytest.param({"text": "On 4 May 2019, 12 people came."}, "?explain=true", id="explain"),
    pytest.param(
        {"text": "Last year sales rose 7%.", "reference_date": "2020-05-01"}, "", id="resolved"
    ),
]


@pytest.mark.parametrize("debug", [False, True], ids=["compact", "indented"])
@pytest.mark.parametrize(("body", "query"), ANSWERS)
def test_the_answer_is_the_bytes_the_dicts_gave(make_app, body, query, debug):
    """What the route answered before: Flask's provider on {"id", **answer_of(...)}."""
    from service.http.extraction import answer_of, single_request

    app = make_app({"TESTING": True})
    app.debug = debug
    response = app.test_client().post(f"/v1/extract{query}", json=body)
    assert response.status_code == 200
    with app.test_request_context("/v1/extract", method="POST", json=body):
        doc_id, text, day = single_request()
        expected = app.json.response({"id": doc_id, **answer_of(text, bool(query), day)})
    assert response.get_data() == expected.get_data()
    assert response.mimetype == expected.mimetype == "application/json"
