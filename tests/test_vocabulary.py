"""The word tables keep their promises to each other (``service/core/vocabulary.py``)."""

from service.core.english.bounds import BEFORE, COUNTING_BOUNDS


def test_counting_bounds_are_bound_phrases():
    # A counting bound the bound reader cannot read would never make a year a count.
    assert BEFORE.keys() >= COUNTING_BOUNDS
