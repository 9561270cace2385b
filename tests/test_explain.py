"""``explain``: the claims of ``extract``, and every number left out with a documented reason.

Rows of ``tests/data/explain.json`` are ``{"id", "text", "claims", "rejected"}``: the texts of
exactly the claims, and ``[text, reason]`` pairs the rejections must include. The invariants
(same claims as ``extract``, located spans, text order, no overlap with a claim, every numeral
accounted for) are checked on every text of the golden snapshot and on generated text.
"""

from pathlib import Path

import pytest
from golden_texts import texts
from hypothesis import given, settings
from hypothesis import strategies as st
from tables import load_table

from service.core import ExtractionError, explain, extract
from service.core.reasons import REASONS

ROWS = load_table(
    Path(__file__).parent / "data" / "explain.json", {"id", "text", "claims", "rejected"}, set()
)


@pytest.mark.parametrize("row", [pytest.param(row, id=row["id"]) for row in ROWS])
def test_row(row):
    result = explain(row["text"])
    assert [claim.text for claim in result.claims] == row["claims"]
    given_ = [[r.text, r.reason] for r in result.rejected]
    for expected in row["rejected"]:
        assert expected in given_
    if not row["rejected"]:
        assert given_ == []


def _check_invariants(text: str) -> None:
    result = explain(text)
    assert result.claims == extract(text)
    previous_end = -1
    for r in result.rejected:
        assert text[r.start : r.end] == r.text
        assert r.reason in REASONS
        assert r.start >= previous_end, "rejections are in text order and disjoint"
        previous_end = r.end
        for claim in result.claims:
            assert r.end <= claim.start or claim.end <= r.start, (r, claim.text)


def test_invariants_on_every_snapshot_text():
    for _, text in texts():
        _check_invariants(text)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["in", "2019", "14", "October", "one", "of", "them", "3-1", "about", "300", "to",
             "400", "9:30", "pm", "$", "5bn", "the", "21st", "Article", "5", ",", ".", "1.2.3",
             "half", "past", "six", "9/11", "G20", "or", "more", "0800"]
        ),
        max_size=30,
    ).map(" ".join)
)  # fmt: skip
def test_invariants_on_generated_text(text):
    _check_invariants(text)


def test_every_numeral_is_accounted_for():
    text = "Call 0800 123 4567 before 9:30 pm; in 2019 about 300 of 1,000 homes, the 3rd, Zone 4."
    result = explain(text)
    spans = [(c.start, c.end) for c in result.claims] + [(r.start, r.end) for r in result.rejected]
    for digit, char in enumerate(text):
        if char.isdigit():
            assert any(s <= digit < e for s, e in spans), (digit, text[digit - 5 : digit + 5])


def test_limit_bounds_both_lists():
    text = " ".join(f"{n} apples in {1990 + n}." for n in range(1, 40))
    full = explain(text)
    capped = explain(text, limit=5)
    assert capped.claims == full.claims[:5]
    assert len(capped.rejected) <= 5
    assert capped.rejected == full.rejected[: len(capped.rejected)]
    assert explain(text, limit=0).claims == ()


@pytest.mark.parametrize("bad", [None, b"2019", 42])
def test_misuse_raises(bad):
    with pytest.raises(ExtractionError):
        explain(bad)


def test_empty_text():
    result = explain("")
    assert (result.claims, result.rejected) == ((), ())
