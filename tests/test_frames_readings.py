"""Frame readings that a review found wrong, each pinned by a row (sentences in our own words).

A row gives a text, a reference date, the claim and what its frame must (or must not) be;
``None`` means the field must be null. The tables under ``tests/data/frames/`` measure the
frames as a whole; these rows keep single defects from coming back.
"""

import pytest

from service.core import explain, extract

REFERENCE = "2024-05-15"

# (id, text, claim text, field, expected): expected is the field's text, or None for null.
ROWS = [
    ("part-of-a-non-year", "The bank made a profit in the first half of 1.25 billion euros.",
     "1.25 billion euros", "time", "in the first half"),
    ("full-stop-not-in-date", "Sales rose 5% on 14 October.", "5%", "time", "on 14 October"),
    ("hedge-verb-is-no-source", "The damage was estimated at $3bn.", "estimated at $3bn",
     "source", None),
    ("passive-reporting-verb", "Growth is expected to reach 3% next year.", "3%", "source", None),
    ("name-is-no-verb", "The United States sent 300 troops.", "300", "source", None),
    ("doing-is-not-saying", "The economy added 200,000 jobs in April.", "200,000", "source", None),
    ("found-that-says", "A survey found that 30% of firms were hiring.", "30%", "source",
     "A survey"),
    ("made-up-is-no-change", "Women made up 52% of the electorate.", "52%", "change", None),
    ("ly-noun-is-no-adverb", "Output in Italy rose 2%.", "2%", "subject", "Output in Italy"),
    ("verb-ends-the-phrase", "1 person died in the storm.", "1", "subject", "person"),
    ("since-looks-back", "Prices have risen 3% since May and are expected to rise further.", "3%",
     "time", "since May"),
    ("points-then-comparative", "The index closed 142 points lower at 8,310.", "142 points",
     "change",
     "lower"),
    ("level-after-points-and-comparative", "The index closed 142 points lower at 8,310.",
     "8,310", "change", "lower"),
    ("thinned-is-a-change", "The ice shelf has thinned by 25 metres since 2010.", "25 metres",
     "change", "thinned"),
    ("base-form-double", "Fines for littering will double to £300 from April.", "£300",
     "change", "double"),
    ("crossing-bound-is-no-amount", "Oil fell below $70 on Friday.", "below $70", "change", None),
    ("second-change-recovering", "Bitcoin lost 9% before recovering to $61,200.", "$61,200",
     "change", "recovering"),
    # Traps beside the rows above: the readings the fixes must not take away.
    ("trap-bound-of-an-amount", "Sales rose more than 5% in May.", "more than 5%", "change",
     "rose"),
    ("trap-points-without-comparative", "Smith scored 30 points at the arena.", "30", "change",
     None),
    ("trap-double-as-adjective", "Analysts expect a double-digit rise of 12% this year.", "12%",
     "change", "rise"),
    ("trap-at-far-after-the-amount", "The index fell 142 points in a session that ended at "
     "8,310.", "8,310", "change", None),
    ("trap-a-year-after-half", "The bank made 3% more in the first half of 2024.", "3%", "time",
     "in the first half of 2024"),
    ("trap-date-keeps-its-year", "Sales rose 5% on 14 October 2023.", "5%", "time",
     "on 14 October 2023"),
    ("trap-active-reporting-verb", "Economists expected 3% growth next year.", "3%", "source",
     "Economists"),
    ("trap-doing-is-no-source", "Police found 3 bodies in the river.", "3", "source", None),
    ("trap-listed-adverb-is-skipped", "Output sharply rose 2%.", "2%", "subject", "Output"),
    ("trap-plural-head-keeps-its-complement", "40 members of parliament voted against.", "40",
     "subject", "members of parliament"),
    ("trap-by-looks-ahead", "Prices will rise 3% by March.", "3%", "time", "by March"),
]  # fmt: skip


def _text(frame):
    if frame is None:
        return None
    return frame.text if hasattr(frame, "text") else frame.trigger.text


@pytest.mark.parametrize(("text", "claim", "field", "expected"), [
    pytest.param(text, claim, field, expected, id=name)
    for name, text, claim, field, expected in ROWS
])  # fmt: skip
def test_reading(text, claim, field, expected):
    found = {c.text: c for c in extract(text, reference_date=REFERENCE)}
    assert claim in found, sorted(found)
    assert _text(getattr(found[claim], field)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Prices have risen 3% since May and are expected to rise further.",
        "Rents have climbed 9% since June, and analysts expect more increases.",
        "Between November and February next year the airline will add 40 flights.",
        "Sales fell 4% last winter and 2% in the first half of 2024.",
    ],
)
@pytest.mark.parametrize("reference", ["2024-02-29", "2024-01-15", "2023-12-31", REFERENCE])
def test_resolved_days_run_forward(text, reference):
    for claim in extract(text, reference_date=reference):
        if claim.time is not None and claim.time.resolved is not None:
            assert claim.time.resolved.start <= claim.time.resolved.end, claim.time
        assert explain(text, reference_date=reference).claims  # and explain agrees
