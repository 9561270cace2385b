"""Invariants that hold for any input, checked on arbitrary and number-heavy text."""

import math
from typing import get_args

from hypothesis import example, given, settings
from hypothesis import strategies as st

from service.core import Claim, Span
from service.core.model import Kind, Relation

RELATIONS = set(get_args(Relation))
KINDS = set(get_args(Kind))

# Pieces of news-like numbers and the characters that break naive scanners.
FRAGMENTS = (
    "3", "0", "27", "1,000", "12,345,678", "2.4", "0.5", ".5", "1.", "1,00", "007", "1e400",
    "1.5e6", "3 x 10^6", "2.5 × 10⁸", "½", "2½", "1/2", "two-thirds", "seventy-five",
    "one", "a dozen", "half a million", "minus ", "-", "−", "–", "—", "+", "/", ":", ".", ",",
    " to ", " and ", "between ", "from ", "about ", "some ", "an estimated ", "nearly ",
    "more than ", "at least ", "fewer than ", "up to ", "no more than ", "estimated at ",
    "dozens of ", "hundreds", "tens of thousands", " million", " billion", "bn", "m", "k",
    "%", " per cent", " percentage points", "$", "US$", "£", "€", "¥", " dollars", " euros",
    "km", " km/h", "mph", "°C", "C", "F", " minutes ", "1.03 seconds", "-year-old",
    "magnitude ", "6pm", " in ", "2017", "1990s", "14 October", "9/11", "COVID-19",
    "won 3-1", " militants", " people", " homes", " new ", ". ", "U.S. ", "Mr. ", "p.m. ",
    "\n", "\n\n", "\r\n", "\t", " ", "\u00a0", "\u2009", "\u200b", "\u2028", "\ufeff",
    "🙂", "👩\u200d👩\u200d👧", "e\u0301", "\u0301", "\u20dd", "مرحبا ", "١٢٣", "٫", "\u202e",
    "שלום ", "۵۰", "\x00", "\x1b", "\x7f", "\x85", "Ⅻ", "²", "３",
)  # fmt: skip

NUMBERISH = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=3)), max_size=40).map(
    "".join
)


def _finite(*numbers) -> bool:
    # Floats as the model declares them (Spark's schema takes an int bound for null), and finite.
    return all(n is None or (isinstance(n, float) and math.isfinite(n)) for n in numbers)


def _check_span(span: Span | Claim, text: str) -> None:
    assert 0 <= span.start < span.end <= len(text)
    assert text[span.start : span.end] == span.text


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(st.text(), NUMBERISH))
@example(text="")
@example(text="\x00")
@example(text="1e400 km")
@example(text="The coalition estimated that 300 to 400 militants remained in the city.")
@example(text="3magnitude 3")  # found by Hypothesis: two overlapping magnitude claims
@example(text="0\n\nAAAS")  # found by Hypothesis: an entity beyond a paragraph break
def test_invariants(extract, text):
    claims = extract(text)
    assert isinstance(claims, tuple)
    assert extract(text) == claims, "extraction must be deterministic"
    previous_end = 0
    for claim in claims:
        assert isinstance(claim, Claim)
        _check_span(claim, text)
        assert claim.start >= previous_end, "claims sorted by start and non-overlapping"
        previous_end = claim.end

        assert claim.relation in RELATIONS
        assert claim.kind in KINDS
        assert isinstance(claim.approximate, bool)
        assert _finite(claim.value, claim.low, claim.high)
        if claim.low is not None and claim.high is not None:
            assert claim.low <= claim.high
        if claim.relation == "between":
            assert claim.value is None
            assert claim.low is not None
            assert claim.high is not None
        elif claim.relation == "equal":
            assert claim.low == claim.high == claim.value is not None
        elif claim.relation in {"more_than", "at_least"}:
            assert claim.low is not None
            assert claim.high is None
        else:
            assert claim.low is None
            assert claim.high is not None

        if claim.unit is None:
            assert claim.kind == "count"
            assert claim.normalized is None
        if claim.kind == "count":
            assert claim.unit is None
        if claim.normalized is not None:
            norm = claim.normalized
            assert _finite(norm.value, norm.low, norm.high)
            assert (norm.value is None) == (claim.value is None)
            assert (norm.low is None) == (claim.low is None)
            assert (norm.high is None) == (claim.high is None)
            if norm.low is not None and norm.high is not None:
                assert norm.low <= norm.high

        sentence = claim.sentence
        assert isinstance(sentence, Span)
        _check_span(sentence, text)
        assert sentence.start <= claim.start <= claim.end <= sentence.end

        if claim.entity is not None:
            entity = claim.entity
            assert isinstance(entity, Span)
            _check_span(entity, text)
            assert entity.end <= claim.start or claim.end <= entity.start
            assert sentence.start <= entity.start <= entity.end <= sentence.end
