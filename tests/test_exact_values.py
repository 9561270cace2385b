"""Scaled figures carry the decimal value the text states, to the last bit.

"$4.1bn" must be 4100000000.0, the float a reader would type, not 4.1 × 1e9 computed in binary
(4099999999.9999995): a fact-checker comparing figures for equality would otherwise see two
different numbers. The claim tables compare within a relative tolerance, so this table compares
exactly: one claim a row, its ``low`` and ``high``.
"""

from pathlib import Path

import pytest
from tables import load_table

CASES = load_table(
    Path(__file__).parent / "data" / "exact_values.json", {"id", "text", "low", "high"}, {"why"}
)


@pytest.mark.parametrize("case", [pytest.param(c, id=c["id"]) for c in CASES])
def test_scaled_value_is_exact(extract, case):
    (claim,) = extract(case["text"])
    assert (claim.low, claim.high) == (case["low"], case["high"])
    if claim.value is not None:
        assert claim.value == claim.low
