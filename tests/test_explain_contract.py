"""The contract of ``explain``, whatever finds the reasons: the claims are ``extract``'s, and the
numbers left out are exact spans, in text order, clear of the claims, each with a known reason.
"""

import json
from itertools import pairwise
from pathlib import Path

import pytest

from service.core import Explanation, ExtractionError, Rejection, explain
from service.core.reasons import REASONS

CASES = Path(__file__).parent / "data"


def _texts(path):
    return [row["text"] for row in json.loads(path.read_text(encoding="utf-8"))]


# The case tables of claims and of non-claims: every kind of figure and of number left out.
TEXTS = [
    *(text for path in sorted((CASES / "claims").glob("*.json")) for text in _texts(path)),
    *_texts(CASES / "negatives.json"),
]


def check(text, result, limit=None):
    assert isinstance(result, Explanation)
    assert all(isinstance(r, Rejection) for r in result.rejected)
    starts = [r.start for r in result.rejected]
    assert starts == sorted(starts)
    for before, after in pairwise(result.rejected):
        assert before.end <= after.start
    for rejection in result.rejected:
        assert text[rejection.start : rejection.end] == rejection.text
        assert rejection.start < rejection.end
        assert rejection.reason in REASONS
        for claim in result.claims:
            assert rejection.end <= claim.start or claim.end <= rejection.start
    if limit is not None:
        assert len(result.rejected) <= limit


def test_every_table_text(extract):
    assert len(TEXTS) > 300
    reasons = set()
    for text in TEXTS:
        result = explain(text)
        assert result.claims == extract(text), text
        check(text, result)
        reasons.update(r.reason for r in result.rejected)
    assert {"year", "date", "clock_time", "ordinal"} <= reasons


def test_the_seed_article(extract, seed_text):
    result = explain(seed_text)
    assert result.claims == extract(seed_text)
    check(seed_text, result)


@pytest.mark.parametrize(
    ("text", "part", "reason", "exact"),
    [
        pytest.param("Sales fell in 2019, the firm said.", "2019", "year", True, id="year"),
        pytest.param(
            "It opened on 14 October 2017 to no fanfare.",
            "14 October 2017",
            "date",
            True,
            id="date",
        ),
        pytest.param(
            "The last bus leaves at 9:30 p.m. on weekdays.", "9:30", "clock_time", False, id="time"
        ),
        pytest.param("The team lost for the 14th time.", "14", "ordinal", False, id="ordinal"),
    ],
)
def test_reading(text, part, reason, exact):
    result = explain(text)
    check(text, result)
    start = text.index(part)
    end = start + len(part)
    covering = [r for r in result.rejected if r.start <= start and end <= r.end]
    assert [r.reason for r in covering] == [reason], result.rejected
    if exact:
        assert [r for r in result.rejected if r.start < end and start < r.end] == covering
        assert covering[0].text == part


@pytest.mark.parametrize("limit", [0, 1, 2, 5, None], ids=lambda limit: f"limit-{limit}")
def test_limit(extract, limit):
    text = "In 2019 about 300 people and 40 dogs came; in 2020, 12 more. In 2021 none."
    result = explain(text, limit=limit)
    assert result.claims == extract(text, limit=limit)
    check(text, result, limit)


@pytest.mark.parametrize(
    ("text", "limit"),
    [
        pytest.param(b"2019", None, id="bytes"),
        pytest.param(None, None, id="none"),
        pytest.param("2019", -1, id="negative-limit"),
        pytest.param("2019", 1.5, id="float-limit"),
        pytest.param("2019", "3", id="string-limit"),
    ],
)
def test_misuse_raises_as_extract_does(extract, text, limit):
    with pytest.raises(ExtractionError):
        extract(text, limit=limit)
    with pytest.raises(ExtractionError):
        explain(text, limit=limit)


def test_nothing_to_explain():
    assert explain("") == Explanation((), ())
    assert explain("No digits here.") == Explanation((), ())
