"""Golden test on the user's sample article: exactly its two claims and their frames, no dates.

The article's dateline is 2017-10-14: given as the reference date, "Earlier in the week" is
Monday 9 to Friday 13 October and "On Friday 13 October" that day.
"""

import dataclasses
import json
import re
from pathlib import Path

import pytest

SEEDS = Path(__file__).parent.parent / "seeds"
ARTICLE = SEEDS / "000_0e619e2cee358dda.txt"
EXPECTED = SEEDS / "000_0e619e2cee358dda.expected.json"

# The fields the golden file pins down; unit and normalized are None for both counts.
COMPARED = (
    "text", "start", "end", "value", "low", "high", "relation", "approximate", "kind",
    "entity", "sentence", "change", "source", "time", "subject",
)  # fmt: skip
DATELINE = "2017-10-14"

# Every date in the article: no claim may touch one.
DATES = ("2017-10-14", "Saturday 14 October", "Friday 13 October", "June 2017")


@pytest.fixture(scope="module")
def article() -> str:
    return ARTICLE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def expected() -> list[dict]:
    return json.loads(EXPECTED.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def claims(extract, article):
    return extract(article, reference_date=DATELINE)


def _pick(claim: dict) -> dict:
    return {key: claim[key] for key in COMPARED}


def test_golden_file_matches_the_article(article, expected):
    """Check the hand annotation itself, so a bad offset fails here and not as a core bug."""
    assert len(expected) == 2
    for claim in expected:
        frame = (claim["source"], claim["source"]["cue"], claim["time"], claim["subject"])
        for span in (claim, claim["entity"], claim["sentence"], *frame):
            assert article[span["start"] : span["end"]] == span["text"]
        assert claim["sentence"]["start"] <= claim["start"] < claim["end"]
        assert claim["end"] <= claim["sentence"]["end"]


def test_exactly_the_annotated_claims(claims, expected):
    assert [_pick(dataclasses.asdict(c)) for c in claims] == [_pick(c) for c in expected]


def test_range_of_militants(claims):
    first = claims[0]
    assert first.text == "300 to 400"
    assert (first.value, first.low, first.high) == (None, 300, 400)
    assert first.relation == "between"
    assert first.approximate, "hedged by 'the coalition estimated that'"
    assert first.entity is not None
    assert first.entity.text == "militants"


def test_estimated_hundred_militants(claims):
    second = claims[1]
    assert second.text == "an estimated 100"
    assert (second.value, second.low, second.high) == (100, 100, 100)
    assert (second.relation, second.approximate) == ("equal", True)
    assert second.entity is not None
    assert second.entity.text == "militants"


def test_no_claim_touches_a_date(claims, article):
    date_spans = [
        (m.start(), m.end()) for date in DATES for m in re.finditer(re.escape(date), article)
    ]
    assert len(date_spans) >= len(DATES)
    for claim in claims:
        for start, end in date_spans:
            assert claim.end <= start or end <= claim.start, (claim.text, article[start:end])


def test_frames_of_the_militants(claims):
    first, second = claims
    assert (first.source.text, first.source.cue.text) == ("the coalition", "estimated")
    assert first.time.text == "Earlier in the week"
    assert (first.time.resolved.start, first.time.resolved.end) == ("2017-10-09", "2017-10-13")
    assert (second.source.text, second.source.cue.text) == ("a local official", "said")
    assert second.time.text == "On Friday 13 October"
    assert second.time.resolved.start == second.time.resolved.end == "2017-10-13"
    assert first.subject.text == second.subject.text == "militants"
    assert first.change is None
    assert second.change is None


def test_without_a_reference_date_times_are_not_resolved(extract, article):
    assert [claim.time.resolved for claim in extract(article)] == [None, None]
