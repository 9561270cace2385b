r"""The letter and digit tables (``letters``): the same characters as the classes, and when.

The tables replace ``[^\W\d_]`` and ``[\d`` in the tokenizer, the candidate test and the masks'
digit scan for speed only, so they must match exactly the characters the classes match: every
code point of the Basic Multilingual Plane is checked, as this Python's ``re`` reads them, and
each tabled pattern against its original. A text with an astral character, or a short one,
keeps the category classes.
"""

from __future__ import annotations

import random
import re

import pytest

from benchmarks.corpus import generate
from service.core import letters
from service.core.candidates import _NUMERAL_CHARACTER, _WORD, figure_spans
from service.core.letters import LETTER, TABLE_CHARS, plain, tabled
from service.core.masks import _DIGITS, Masks
from service.core.numbers import _TOKEN
from service.core.sentences import SentenceIndex

PLANE = "".join(map(chr, range(0x10000)))


@pytest.mark.parametrize("category", [LETTER, r"\d"])
def test_a_table_holds_exactly_its_class_in_the_plane(category: str) -> None:
    table = re.compile(f"[{letters._table(category)}]")
    assert table.findall(PLANE) == re.findall(category, PLANE)


def test_no_character_of_the_plane_lowers_past_it() -> None:
    """``plain`` looks at the text only: its lower case, which the candidate test reads,
    must then hold no astral character either."""
    assert all(ord(c) <= 0xFFFF for c in PLANE.lower())


PATTERNS = [_TOKEN, _WORD, _NUMERAL_CHARACTER, _DIGITS]


@pytest.mark.parametrize("pattern", PATTERNS, ids=["token", "word", "numeral", "digit masks"])
def test_tabled_patterns_read_as_the_category_patterns(pattern: re.Pattern[str]) -> None:
    fast = tabled(pattern)
    assert LETTER not in fast.pattern
    assert r"[\d" not in fast.pattern
    assert fast.flags == pattern.flags
    rng = random.Random(19)
    pieces = ["a", "Z", "é", "ß", "İ", "Σ", "ж", "ا", "中", "ｶ", "²", "½", "Ⅻ", "_", "1", "٣", "'",
              "’", " ", ",", ".", "/", ":", "-", "\u202f", "\u2009", "€", "\u0301", "\ufeff",
              "2017", "10", "14", "s", "T", "١٢"]  # fmt: skip
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 40))) for _ in range(2000)]
    texts.append(PLANE)
    for text in texts:
        assert _found(fast, text) == _found(pattern, text), text


def _found(pattern: re.Pattern[str], text: str) -> list[tuple[int, int, str | None]]:
    return [(*m.span(), m.lastgroup) for m in pattern.finditer(text)]


@pytest.mark.parametrize(
    ("pattern", "why"),
    [(r"\w+", "holds neither"), (r"\[\d]", "escaped bracket")],
    ids=["no class", "an escaped bracket"],
)
def test_tabled_refuses(pattern: str, why: str) -> None:
    with pytest.raises(ValueError, match=why):
        tabled(re.compile(pattern))


PLAIN_ROWS = [
    # (text, may use the tables, why)
    ("1,200 people " * 200, True, "long, all in the plane"),
    ("Prices rose 4% in €, “quoted” " * 100, True, "long, curly quotes and the euro sign"),
    ("1,200 people", False, "short: not worth the tables"),
    ("x" * (TABLE_CHARS - 1), False, "one character short"),
    ("x" * TABLE_CHARS, True, "exactly long enough"),
    ("1,200 people 🎉 " * 200, False, "an emoji"),
    ("the 𝐀 grade went to 12 pupils " * 100, False, "a mathematical letter"),
    ("people " * 400 + "\U00010400", False, "an astral letter at the very end"),
]


@pytest.mark.parametrize(
    ("text", "expected", "why"), PLAIN_ROWS, ids=[why for *_, why in PLAIN_ROWS]
)
def test_plain(text: str, expected: bool, why: str) -> None:
    assert plain(text) is expected


LONG = [
    generate(100_000, 5),
    "Roads melted. Nobody came. " * 300 + "Two came.",
    "On 2017-10-14 and 10/14/2017, at 14.10.17, in the 1990s and 80's, 3 people. " * 60,
]


@pytest.mark.parametrize("text", LONG, ids=["corpus", "one figure", "dates"])
def test_figure_spans_and_masks_alike_either_way(text: str) -> None:
    lowered, bounds = text.lower(), SentenceIndex(text).bounds
    assert figure_spans(text, lowered, bounds, True) == figure_spans(text, lowered, bounds)
    tabled_masks, masks = Masks(text, True), Masks(text)
    assert (tabled_masks._starts, tabled_masks._ends, tabled_masks._kinds) == (
        masks._starts,
        masks._ends,
        masks._kinds,
    )
