"""Numbers put together wrongly (tests/fuzz_numbers.py), read with the per-figure guard off.

Hypothesis drives the generator through ``st.randoms()``, so a failure shrinks to a short text;
a seeded run of 2000 texts checks what scripts/stress checks over 100 000. Both count an error
the guard would have hidden as an error: no reader may raise, no claim may state a number that
is not finite, and every claim's text is the input's at its offsets.
"""

import pytest
from fuzz_numbers import FuzzReport, check_text, fuzz, random_text, unguarded
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from service.core import explain, pipeline


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.randoms(use_true_random=False))
def test_no_reader_raises_on_mixed_numbers(rng):
    text = random_text(rng)
    report = FuzzReport()
    check_text(text, report, reference_date="2024-02-29")
    assert not report.failed, (report.examples, text)


def test_a_seeded_run_is_clean_and_real():
    report = fuzz(2000, seed=0)
    assert report.inputs == 2000
    assert (report.exceptions, report.non_finite, report.unlocated) == (0, 0, 0), report.examples
    assert report.claims > 1000  # the texts hold numbers the core reads …
    assert report.malformed > 100  # … and numbers it must refuse


def test_the_guard_is_off_only_inside_unguarded(monkeypatch):
    """The fuzz's counts mean something only if ``unguarded`` really lets errors out."""

    def broken(*_):
        raise ArithmeticError("a reader's bug")

    # The rules' table, not a function: a module compiled with mypyc calls its neighbours'
    # functions directly, past a patched name, but reads a module-level table at run time.
    monkeypatch.setattr(pipeline, "_APPLY", ((broken, None),))
    assert [r.reason for r in explain("about 12 people").rejected] == ["malformed"]
    with unguarded(), pytest.raises(ArithmeticError):
        explain("about 12 people")
    assert [r.reason for r in explain("about 12 people").rejected] == ["malformed"]
