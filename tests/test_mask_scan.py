"""The masks' scan for shapes that open with a digit finds what one plain scan per position does.

``masks._DIGITS`` consumes the digit it opens at (so that re skips from digit to digit) and
matches the shapes in a look-ahead there; ``_digit_masks`` keeps only the matches a scan for
the first shape at each position would find (non-overlapping, leftmost). The plain scan is the
specification: the two must agree mask for mask, kind for kind, on texts built to trip them,
with the scan's digits read by category and from the table (``letters``).
"""

import random
import re

import pytest

from benchmarks.corpus import generate
from service.core.masks import _DIGIT_LED, _digit_masks

# The specification: a word-boundary digit, then the first shape that matches; the date with
# one separator twice written with a back-reference, as it reads.
_SHAPES = [
    (kind, r"\d{1,2}(?P<sep>[/.-])\d{1,2}(?P=sep)(?:\d{4}|\d{2})\b" if n == 1 else pattern)
    for n, (kind, pattern) in enumerate(_DIGIT_LED)
]
_PLAIN = re.compile(
    r"(?=\d)\b(?:" + "|".join(f"(?P<{kind}_{n}>{p})" for n, (kind, p) in enumerate(_SHAPES)) + ")"
)


def _plain(text: str) -> list[tuple[int, int, str]]:
    return [
        (m.start(), m.end(), (m.lastgroup or "").rpartition("_")[0]) for m in _PLAIN.finditer(text)
    ]


TEXTS = [
    # dates with one separator twice, and mixed separators that are none
    "Filed 10/14/2017, amended 14.10.17 and 3-4-21; not 10/14-2017 or 10.14/17.",
    # masks with digits inside them: the digits after a mask's start open nothing
    "At 2017-10-14T09:30:00 and 20161016 the line 0800 555 0101 rang; 212-555-1234 too.",
    # digits glued to letters or other digits do not open a mask
    "Flight BA2017-10-14 left; A380s and F-16s flew; x12:30 is no time but (12:30) is.",
    # clock times and decades
    "Doors open at 9 p.m., 6pm or 10 o'clock; 25 past 11 in the 1990s, the 80's and '90s.",
    "It closes 10 in the morning, 7 at night, 1430 GMT and 0900 hours GMT.",
    # near misses
    "He scored 5 past the keeper; 3 past 10.5% and 300-1000 are no masks; 555-1234 is.",
    # other scripts' digits and edges of the text
    "٣ / ١٢ / ٢٠٢٠ and 12",
    "7",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("tables", [False, True], ids=["categories", "tables"])
def test_agrees_with_the_plain_scan(text: str, tables: bool) -> None:
    assert _digit_masks(text, tables) == _plain(text)


def test_agrees_on_the_corpus() -> None:
    text = generate(200_000, 3)
    assert _digit_masks(text, False) == _plain(text)
    assert _digit_masks(text, True) == _plain(text)


def test_agrees_on_random_mixes() -> None:
    pieces = [
        *"0123456789 -/.:,'’sndrtaApPmMo\n",
        "Oct",
        "nov",
        " past ",
        "half",
        "o'clock",
        "GMT",
        "1990s",
    ]
    rng = random.Random(18)
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 30)))
        assert _digit_masks(text, False) == _plain(text), text
        assert _digit_masks(text, True) == _plain(text), text
