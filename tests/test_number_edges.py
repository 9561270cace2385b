"""Numbers at the edges of the readers: each stage reads them without raising, and sensibly.

The pipeline's per-figure guard turns an error in a reader into a ``malformed`` rejection, so
the service never fails on one; these rows are read with the guard off (``unguarded``), so each
fails on its root cause, not on the guard. The classes, each with traps beside it:

- digits grouped in thousands before a clock word ("1 000 pm") are a length, not a time;
- "and" right before a scale word inside a fraction run ("five and hundred half");
- digits past a float's range (309 of them), then words that would continue the number;
- more digits than ``int()`` converts (4300), before a word that asks how big they are;
- an exponent with two minus signs, or a superscript where digits belong ("10⁻⁻⁵", "x ²^5");
- two units that add up past a float ("1e308 hours 5 minutes");
- a currency before digits that end the text under a mask ("$6 000 500 000");
- a figure whose interval leaves a float's range ("1e308 ± 1e308 kg"): no claim (build).
"""

import math
from typing import NamedTuple

import pytest
from fuzz_numbers import unguarded

from service.core import explain
from service.core.fractions import _denominator
from service.core.numbers import digits_value, is_whole


class Row(NamedTuple):
    id: str
    text: str
    claims: list[tuple[str, float | None, str | None]]  # text, value, unit name
    malformed: bool = False  # a "malformed" rejection must be among the rejections


ROWS = [
    # Grouped thousands before "pm" / "am": past any hour, so the unit is a length.
    Row("spaced-thousands-pm", "1 000 pm", [("1 000 pm", 1000, "picometre")]),
    Row("spaced-thousands-in-a-phrase", "a gap of 40 000 pm", [("40 000 pm", 40000, "picometre")]),
    Row("comma-thousands-pm", "1,000 pm", [("1,000 pm", 1000, "picometre")]),
    Row("thin-space-thousands-am", "1\u202f000 am", [("1\u202f000 am", 1000, "attometre")]),
    Row("thousands-and-decimals-pm", "1,000.5 pm", [("1,000.5 pm", 1000.5, "picometre")]),
    Row("trap-hour-pm", "2 pm", []),
    Row("trap-hour-and-minutes-pm", "9.30 pm", []),
    Row("trap-noon", "the train left at 12 pm", []),
    Row("trap-no-hour-past-twelve", "14 pm", [("14 pm", 14, "picometre")]),
    # "and" before a scale inside a fraction run: no fraction, the first number alone.
    Row("and-hundred-half", "five and hundred half", [("five", 5, None)]),
    Row("and-hundred-thirds", "two and hundred thirds", [("two", 2, None)]),
    Row("and-hundred-fifths-after-one", "one and hundred fifths", []),
    Row(
        "trap-hundred-and-quarters",
        "one hundred and three quarters",
        [("one hundred and three quarters", 100.75, None)],
    ),
    Row("trap-and-quarters", "two and three quarters", [("two and three quarters", 2.75, None)]),
    Row("trap-twenty-firsts", "three twenty-firsts", [("three twenty-firsts", 3 / 21, None)]),
    # Digits past a float's range, then a continuation: the digits are malformed, the rest read.
    Row("past-float-and-words", "1" + "0" * 309 + " and x y", [], malformed=True),
    Row("past-float-fraction", "9" * 309 + " 1/2", [("1/2", 0.5, None)], malformed=True),
    Row("past-float-and-a-half", "9" * 400 + " and a half", [("a half", 0.5, None)], True),
    Row("past-int-limit-m-is", "9" * 5000 + "m is", [], malformed=True),
    Row("past-int-limit-alone", "9" * 5000 + " people", [], malformed=True),
    Row("trap-and-a-half", "2 and a half years", [("2 and a half years", 2.5, "year")]),
    Row("trap-mixed-fraction", "10 1/2 miles", [("10 1/2 miles", 10.5, "mile")]),
    Row("trap-slash-fraction", "3/4 of voters", [("3/4", 0.75, None)]),
    # Exponents: two minus signs are no exponent; a superscript is no base.
    Row("double-superscript-minus", "3 x 10⁻⁻⁵ metres", [("3", 3, None), ("10", 10, None)]),
    Row("superscript-after-minus", "3x10−²⁸³ m", []),
    Row("superscript-base", "3 x ²^5 people", [("3", 3, None), ("5", 5, None)]),
    Row("trap-superscript-power", "3 x 10⁻⁵ metres", [("3 x 10⁻⁵ metres", 3e-5, "metre")]),
    Row("trap-glued-minus-power", "2.48×10−5 m", [("2.48×10−5 m", 2.48e-5, "metre")]),
    Row("trap-caret-power", "3 x 2^5 people", [("3 x 2^5", 96, None)]),
    Row("trap-ten-to-the", "6.02 x 10^23 atoms", [("6.02 x 10^23", 6.02e23, None)]),
    # Compounds past a float: two figures instead of one infinite count of minutes.
    Row(
        "hours-minutes-past-float",
        "1e308 hours 5 minutes",
        [("1e308 hours", 1e308, "hour"), ("5 minutes", 5, "minute")],
    ),
    Row(
        "feet-inches-past-float",
        "1e308 feet 5 inches",
        [("1e308 feet", 1e308, "foot"), ("5 inches", 5, "inch")],
    ),
    Row("trap-hours-minutes", "2 hours 5 minutes", [("2 hours 5 minutes", 125, "minute")]),
    Row("trap-feet-inches", "5 feet 10 inches", [("5 feet 10 inches", 70, "inch")]),
    # A currency before digits that end the text, under a mask: no unit after them to read.
    Row("currency-before-masked-digits", "$6 000 500 000", []),
    Row("trap-currency-before-digits", "it cost $12.30", [("$12.30", 12.3, "dollar")]),
    # An interval past a float's range builds no claim; its whole span is malformed.
    Row("interval-past-float", "1e308 ± 1e308 kg", [], malformed=True),
    Row("trap-interval", "9.83 ± 0.01 kg", [("9.83 ± 0.01 kg", None, "kilogram")]),
]


@pytest.mark.parametrize("row", [pytest.param(row, id=row.id) for row in ROWS])
def test_read_without_the_guard(row):
    with unguarded():
        result = explain(row.text)
    got = [
        (claim.text, claim.value, claim.unit.name if claim.unit else None)
        for claim in result.claims
    ]
    assert [(text, unit) for text, _, unit in got] == [(text, unit) for text, _, unit in row.claims]
    for (_, value, _), (_, expected, _) in zip(got, row.claims, strict=True):
        assert value == pytest.approx(expected) if expected is not None else value is None
    malformed = [r for r in result.rejected if r.reason == "malformed"]
    assert bool(malformed) == row.malformed, malformed


def test_an_interval_past_a_float_is_malformed_whole():
    result = explain("1e308 ± 1e308 kg")
    assert [(r.text, r.reason) for r in result.rejected] == [("1e308 ± 1e308 kg", "malformed")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("9" * 308, 10.0**308),
        ("9" * 309, None),  # past a float's range: no number
        ("9" * 5000, None),
        ("1" + "0" * 400 + ".5", None),
        ("1,000", 1000.0),
        ("1 000", 1000.0),
        ("40\u2009000", 40000.0),
        ("1,30", None),
        ("٣٠٠", 300.0),
    ],
)
def test_digits_value(text, value):
    got = digits_value(text)
    assert got == pytest.approx(value) if value is not None else got is None


@pytest.mark.parametrize(
    ("value", "whole"),
    [
        (2.0, True),
        (-3.0, True),
        (1e300, True),
        (0.0, True),
        (2.5, False),
        (-0.5, False),
        (math.inf, False),
        (-math.inf, False),
        (math.nan, False),
    ],
)
def test_is_whole(value, whole):
    assert is_whole(value) is whole


@pytest.mark.parametrize(
    ("items", "ordinal", "expected"),
    [
        ([5.0, None, 100.0], 2.0, (2.0, 3)),  # "five and hundred half": the half alone
        ([1.0, None, 100.0, None], 5.0, (5.0, 4)),  # "one and hundred and fifths"
        ([1.0, 100.0, 30.0], 5.0, (35.0, 2)),  # "one hundred thirty fifths": 100/35
        ([3.0, 20.0], 1.0, (21.0, 1)),  # "three twenty-firsts"
        ([1.0, 1.0, 100.0], 5.0, (105.0, 1)),  # "one one hundred fifth"
    ],
)
def test_denominator(items, ordinal, expected):
    assert _denominator(items, ordinal) == expected
