"""Inputs that once raised inside the core: each must now give claims or nothing, never an error.

The guarantee holds by construction at the stage that reads one figure (``pipeline._read``): a
figure whose reading raises is left out as ``malformed``; and the build stage builds no claim
whose numbers are not finite. These rows are the inputs that found the gaps, kept as
regressions; tests/test_number_edges.py reads them with the guard off, where each root cause
is fixed.
"""

import math

import pytest

from service.core import explain, extract

INPUTS = [
    pytest.param("It was one and hundred fifths of it.", id="fraction-after-and-hundred"),
    pytest.param("five and hundred half", id="half-after-and-hundred"),
    pytest.param("3 x 10⁻⁻5 metres", id="double-superscript-minus"),
    pytest.param("9" * 400 + " and a half", id="digits-past-float-and-a-half"),
    pytest.param("9" * 309 + " 1/2", id="digits-past-float-and-a-fraction"),
    pytest.param("1" + "0" * 309 + " and x y", id="digits-past-float-and-words"),
    pytest.param("3-1 300 300 pm", id="spaced-thousands-before-pm"),
    pytest.param("1 000 pm", id="grouped-digits-before-pm"),
    pytest.param("1e308 hours 5 minutes", id="compound-overflows-to-infinity"),
]


@pytest.mark.parametrize("text", INPUTS)
def test_never_raises_and_stays_finite(text):
    claims = extract(text)
    assert explain(text).claims == claims
    for claim in claims:
        for number in (claim.value, claim.low, claim.high):
            assert number is None or math.isfinite(number), claim


@pytest.mark.parametrize("reference_date", ["0001-01-01", "9999-12-31"])
def test_times_at_the_calendar_s_ends_are_left_unresolved(reference_date):
    text = (
        "Sales rose 5% next year, 3% yesterday, 2% last month, 4% next week, 1% in the third "
        "quarter, 6% over the past decade, 7% a year ago and 8% since 2015."
    )
    for claim in extract(text, reference_date=reference_date):
        assert claim.time is None or claim.time.resolved is None or claim.time.resolved.start
