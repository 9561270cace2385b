"""Units read from what surrounds a symbol: "pm", "am", "in", "mb" and bracketed units.

In news "2 pm" is a clock time, "2 in the morning" a preposition and "980 mb" a pressure, so
the lexicon leaves "pm", "am" and "in" out and reads "mb" as millibars. The same symbols name
picometres, attometres, inches and megabytes when the number or a few words around it rule the
common reading out: "2.123 pm" is no clock time, "2 in." ends a sentence, "a 100 mb file" is
data. Each decision looks at a bounded handful of tokens, so reading stays linear in the text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

# CONTEXT_SYMBOLS is re-exported: the unit reader reads it from here.
from .english.measures import CONTEXT_SYMBOLS as CONTEXT_SYMBOLS
from .english.measures import (
    DATA_WORDS,
    EXTENT_ADJECTIVES,
    PHRASE_ENDS,
    SIZE_WORDS,
    SMALL_LENGTHS,
)
from .numbers import digits_value

if TYPE_CHECKING:
    from .numbers import Token
    from .units import Lexicon, UnitInfo


def _touching(tokens: list[Token], i: int) -> bool:
    return 0 < i < len(tokens) and tokens[i].start == tokens[i - 1].end


def context_unit(
    tokens: list[Token], lex: Lexicon, number: int, j: int
) -> tuple[UnitInfo, int] | None:
    """Read "pm", "am" or "in" at token ``j`` after the number ending at token ``number``.

    :return: the unit and its last token, or None when the symbol is not a unit here.
    """
    word = tokens[j].text
    if word in SMALL_LENGTHS:
        if _no_clock_time(tokens, number, j):
            return lex.units[SMALL_LENGTHS[word]], j
        return None
    if tokens[j].lower == "in" and _inches(tokens, j):
        return lex.units["inch"], j
    return None


def is_context_length(tokens: list[Token], unit_first: int, info: UnitInfo) -> bool:
    """Tell whether a quantity's unit is a clock look-alike read as a length ("2.1 pm").

    Such a quantity may lie under a clock-time mask; the reading above has ruled the time out.
    A unit that stands before its number ("HK$6 000") has no token after the number to look at.
    """
    if info.name not in SMALL_LENGTHS.values():
        return False
    return unit_first < len(tokens) and tokens[unit_first].text in SMALL_LENGTHS


def _no_clock_time(tokens: list[Token], number: int, j: int) -> bool:
    """Tell "2.123 pm", "2.1 pm", "14 pm" and "a size of 2 pm" from "2 pm" and "9.30 pm".

    Digits grouped in thousands ("1,000 pm", "1 000 pm") are past any hour: a length.
    """
    digits = tokens[number].text
    if tokens[number].kind != "n" or _touching(tokens, j) or digits_value(digits) is None:
        return False  # "1,30 pm" is no number at all
    whole, _, decimals = digits.partition(".")
    if not whole.isdecimal():
        return True  # "1,000 pm", "40 000 pm": thousands, no hour
    if decimals:
        return len(decimals) != 2 or int(decimals) >= 60 or int(whole) > 12
    if int(whole) > 12:
        return True
    # A whole number up to 12: a time unless a size word stands just before
    # ("a size of 2 pm") or the same length is spelled out just after ("2 pm is 2 picometer").
    before = range(max(0, number - 4), number)
    after = range(j + 1, min(len(tokens), j + 5))
    name = SMALL_LENGTHS[tokens[j].text][:-2]  # "picometre" → "picomet"
    return any(tokens[k].lower in SIZE_WORDS for k in before) or any(
        tokens[k].lower.startswith(name) for k in after
    )


def _inches(tokens: list[Token], j: int) -> bool:
    """Tell "2 in." (the end of a sentence) and "2 1/2 in thick," from "2 in the morning"."""
    n = len(tokens)
    if j + 1 >= n:
        return True  # "my pencil is 2 in"
    nxt = tokens[j + 1]
    if nxt.text in ".!?;)" and not _touching_word(tokens, j + 2):
        return True  # "2 in.", "(2 in)"; not "2 in.com"
    if nxt.lower in EXTENT_ADJECTIVES and tokens[j + 1].start == tokens[j].end + 1:
        after = tokens[j + 2] if j + 2 < n else None
        return after is None or after.kind == "s" or after.lower in PHRASE_ENDS
    return False


def _touching_word(tokens: list[Token], i: int) -> bool:
    return i < len(tokens) and _touching(tokens, i) and tokens[i].kind in "nw"


def data_context(tokens: list[Token], first: int, last: int) -> bool:
    """Tell whether a lower-case "mb" names megabytes: data words within a few tokens."""
    window = range(max(0, first - 8), min(len(tokens), last + 4))
    return any(tokens[k].lower in DATA_WORDS for k in window)
