"""Non-claim rules asked only beside their cues answer as they would if asked of every number.

``non_claims.why_not`` skips a cued rule for a number none of the rule's cues stands next to.
The "not equal" rule waits for "≠" or ">" before the number, the glued-slash rule for "/" after
it. Each row: a text, what ``explain`` says of it (claims, and numbers left out with their
reasons), and the same answer when every rule is asked of every number.
"""

from unittest import mock

import pytest

from service.core import explain, non_claims

ROWS = [
    # (text, claims as (text, value), rejections as (text, reason))
    ("Keep rows where score ≠ 30 only.", [], [("30", "condition")]),
    ("Keep rows where score <>30 only.", [], [("30", "condition")]),
    ("Values ≠30 and <> 45 were dropped.", [], [("30", "condition"), ("45", "condition")]),
    ("Rows where score > 30 were kept.", [("> 30", 30.0)], []),  # a bound, not a condition
    ("Some 40 people came, > 12 left.", [("Some 40", 40.0), ("> 12", 12.0)], []),
    ("The shop is open 24/7 now.", [], [("24", "name"), ("7", "identifier")]),
    ("Call the 9/11 line today.", [], [("9", "name"), ("11", "identifier")]),
    ("He scored 24 / 7 points.", [("24", 24.0), ("7", 7.0)], []),  # a spaced slash
    ("A 3/4 majority voted yes.", [("3/4", 0.75)], []),  # a fraction, read first
]


def _answer(text):
    found = explain(text)
    return (
        [(c.text, c.value) for c in found.claims],
        [(r.text, r.reason) for r in found.rejected],
    )


@pytest.mark.parametrize(("text", "claims", "rejected"), ROWS)
def test_cued_rules_answer_as_written(text, claims, rejected):
    assert _answer(text) == (claims, rejected)


@pytest.mark.parametrize(("text", "claims", "rejected"), ROWS)
def test_cues_skip_no_rule_that_would_answer(text, claims, rejected):
    with mock.patch.object(non_claims, "_UNCUED", non_claims._TESTS):
        assert _answer(text) == (claims, rejected)
