r"""The letter and digit classes of the hot regular expressions, spelt out as tables.

The tokenizer and the candidate test read words as ``[^\W\d_]`` (a letter in any script), and
the scans for a digit (the masks' dates, the candidate test) open with ``[\d``. For each
character they test, ``re`` then asks the Unicode database (is it alphanumeric? a decimal
digit?), a call or two a character over most of the text. The same classes written as ranges of
code points compile to a bitmap of the Basic Multilingual Plane, one look-up a character: the
tokenizer's ``findall`` takes a quarter less time, the candidate test's digit search half.

The tables are read from ``re`` itself, once per process: the runs of each class over every code
point of the plane. So they match exactly the characters the category classes match, in the
running Python's Unicode version (``tests/test_letters.py`` checks every one). They hold no
character past U+FFFF: ``re`` would test astral ranges one after another, slower than the
categories. A text with an astral character (an emoji, a mathematical letter or digit) keeps the
category classes: ``plain`` tells which texts may use the tables.

Compiling the tables takes some 50 ms, so a process pays it once (``warm`` does, before any
request), and only for texts of ``TABLE_CHARS`` characters or more: a short text read in a
fresh process (a cold start) never waits for it.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Final

# The classes ``tabled`` spells out: letters, and a class that opens with the decimal digits
# ("[\d]", "[\d½¼]"), whose other members stay as they are.
LETTER: Final = r"[^\W\d_]"
DIGITS: Final = r"[\d"
_DIGIT: Final = r"\d"
# Texts shorter than this read with the category classes: the tables pay off over many words.
TABLE_CHARS: Final = 2000
# Any character past the Basic Multilingual Plane.
_ASTRAL: Final = re.compile("[\U00010000-\U0010ffff]")


def plain(text: str) -> bool:
    """Tell whether ``text`` may be read with the tables: long enough, and no astral character."""
    return len(text) >= TABLE_CHARS and _ASTRAL.search(text) is None


@cache
def tabled(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """Return ``pattern`` with its ``LETTER`` and ``DIGITS`` classes spelt out (compiled once)."""
    text = pattern.pattern
    if LETTER not in text and DIGITS not in text:
        raise ValueError(f"{text!r} holds neither {LETTER} nor {DIGITS}")
    if "\\" + DIGITS in text:
        raise ValueError(f"{text!r}: an escaped bracket before \\d reads as a class here")
    letters, digits = _table(LETTER), _table(_DIGIT)
    text = text.replace(LETTER, f"[{letters}]").replace(DIGITS, f"[{digits}")
    return re.compile(text, pattern.flags)


@cache
def _table(category: str) -> str:
    """Return the ranges of the BMP's characters ``category`` matches, as ``re`` reads them."""
    plane = "".join(map(chr, range(0x10000)))
    runs = re.finditer(category + "+", plane)
    return "".join(
        rf"\u{start:04x}" if end - start == 1 else rf"\u{start:04x}-\u{end - 1:04x}"
        for start, end in (run.span() for run in runs)
    )
