"""Tokens and numerals: digits with separators, written numbers, scale words, fractions.

Everything here is a single left-to-right pass over a token list, so run time stays linear in the
input. A numeral is read from a token index and reports where it stopped; the extractor then
looks around it for bounds, ranges, units and the counted thing.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import Final, NamedTuple

# The number words live in ``english.numbers``; the readers across the core import them from here.
from .english.numbers import BIG_SCALES
from .english.numbers import DOZENS as DOZENS
from .english.numbers import FRACTION_WORDS as FRACTION_WORDS
from .english.numbers import SCALE_WORDS as SCALE_WORDS
from .english.numbers import TENS_VALUES as TENS_VALUES
from .english.numbers import TENS_WORDS as TENS_WORDS
from .english.numbers import UNITS_WORDS as UNITS_WORDS
from .english.numbers import VAGUE_WORDS as VAGUE_WORDS
from .english.numbers import VULGAR_FRACTIONS as VULGAR_FRACTIONS
from .english.numbers import WORD_STARTERS as WORD_STARTERS
from .english.numbers import ZEROS as ZEROS
from .letters import tabled

# One token: a word, a run of digits (with , and . inside), or any other single character,
# after the white space before it. Words come first because most tokens are words (a tenth
# faster than digits first). The groups are the white space, then the token as a word ("w"),
# a number ("n") or another character ("s"): ``findall`` hands them over as strings, with no
# match object per token, and the offsets follow from their lengths (see ``tokenize``).
_TOKEN: Final = re.compile(
    r"""
    (\s*)                                  # the white space before the token
    (?:([^\W\d_]+(?:['’][^\W\d_]+)*)       # words, with inner apostrophes (o'clock)
    |(\d{1,3}(?:(?:\x20\d{3}){2,8}|\x20000)(?![\d]|[.,]\d)  # 1 234 567, 40 000: plain
    # spaces group thousands only two groups deep or before "000", so "May 5 300" stays apart
    |\d+(?:[.,]\d+|[\u202f\u00a0\u2009]\d{3}(?!\d))*)  # 1,300.5  40 000 (thin space)
    |(\S))                                 # anything else, one character at a time
    """,
    re.VERBOSE,
)


class Token:
    """A token of the input: its characters, offsets and class ("n", "w" or "s").

    A plain class with slots, not a named tuple or a frozen dataclass: a text of 1 MB has some
    175,000 tokens, and the compiled core (mypyc, see hatch_build.py) builds a native instance
    faster than a tuple and reads its fields straight from the struct (the whole compiled core
    1.05× faster on 1 MB; plain Python builds both alike, 1.02×). Read-only all the same: the
    fields are ``Final``, so the type checker refuses any assignment after ``__init__``.
    """

    __slots__ = ("end", "kind", "lower", "start", "text")

    def __init__(self, text: str, start: int, end: int, kind: str, lower: str) -> None:
        self.text: Final = text
        self.start: Final = start
        self.end: Final = end
        self.kind: Final = kind
        self.lower: Final = lower

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start}, {self.end}, {self.kind!r}, {self.lower!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Token) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def _key(self) -> tuple[str, int, int, str, str]:
        return (self.text, self.start, self.end, self.kind, self.lower)


def tokenize(
    text: str,
    spans: Iterable[tuple[int, int]] | None = None,
    lowered: str | None = None,
    tables: bool = False,
) -> list[Token]:
    """Split ``text`` into tokens in one regex scan (the hottest loop: kept to bare calls).

    ``findall`` gives each token's white space and text as strings, and the offsets are counted
    from their lengths: no match object per token, nor a method call on one to read it (on 1 MB,
    the whole core 1.04× faster compiled and 1.08× pure than with ``finditer``).

    :param spans: only these ``(start, end)`` stretches, in order, each split as the whole text
        would be there (the extractor passes the sentences that can hold a figure; sentences
        are cut at white space, which no token spans). Offsets stay the text's own.
    :param lowered: ``text.lower()``, when the caller has it already.
    :param tables: read letters from a table (``letters``), for a text ``letters.plain`` allows:
        the same tokens, a quarter less time in the regex.

    The lower-case forms are sliced from the text lower-cased once, a tenth faster than one
    ``lower()`` a token, unless lowering changes the length ("İ" becomes two code points) or
    depends on what stands beyond the token (a capital sigma: "Σ" is "ς" at a word's end). A
    token that is its own lower case ("the", "2.5", ",") keeps one string for both: the core's
    peak memory on 1 MB rises 41 MB instead of 48 (and 62 with the tokens as named tuples).
    """
    findall = (tabled(_TOKEN) if tables else _TOKEN).findall
    ranges = ((0, len(text)),) if spans is None else spans
    lowered = text.lower() if lowered is None else lowered
    same = same_length_lowered(text, lowered)
    tokens: list[Token] = []
    append = tokens.append
    for start, end in ranges:
        at = start
        for space, word, number, other in findall(text, start, end):
            at += len(space)
            if word:
                last = at + len(word)
                low = lowered[at:last] if same else word.lower()
                # Most words ("the", "rose") are their own lower case: one string serves both.
                append(Token(word, at, last, "w", word if low == word else low))
            elif number:
                last = at + len(number)
                append(Token(number, at, last, "n", number))  # digits have no case
            else:
                last = at + 1
                low = lowered[at:last] if same else other.lower()
                append(Token(other, at, last, "s", other if low == other else low))
            at = last
    return tokens


def scaled(value: float, factor: float) -> float:
    """Return ``value × factor`` as decimal arithmetic would: "4.1bn" is 4.1e9 exactly.

    Scale words are powers of ten, and the binary float 4.1 times 1e9 is 4099999999.9999995,
    while reading "4.1e9" gives the float nearest to the decimal value. Other factors (a dozen)
    multiply as they are.
    """
    if value and math.isfinite(value) and factor > 1:
        exponent = round(math.log10(factor))
        if exponent <= 15 and math.isclose(factor, 10.0**exponent, rel_tol=1e-12):
            return times_ten_to(value, exponent)
    return value * factor


def times_ten_to(value: float, exponent: int) -> float:
    """Return ``value × 10**exponent`` as "2.48e-5" reads, not as 2.4800000000000003e-05."""
    digits = repr(value)
    if "e" in digits or not math.isfinite(value):
        return value * 10.0**exponent
    return float(f"{digits}e{exponent}")


def same_length_lowered(text: str, lowered: str) -> bool:
    """Tell whether offsets into ``lowered`` are offsets into ``text`` (see ``tokenize``)."""
    return len(lowered) == len(text) and "Σ" not in text


# Slash fractions are read only with these denominators: "9/11" and "24/7" are names.
FRACTION_DENOMINATORS: Final = frozenset({2, 3, 4, 5, 8, 10, 16, 100})


class Numeral(NamedTuple):
    """A number read from the tokens; ``first``/``last`` are token indexes, inclusive.

    Immutable, and a named tuple for the reason ``quantities.Quantity`` is one: it is built
    for every number, four times faster than a frozen dataclass.
    """

    value: float
    first: int
    last: int
    written: bool = False  # spelled out in words ("seventy-five")
    scaled: bool = False  # carries a scale word or abbreviation ("million", "bn")
    vague: tuple[float, float] | None = None  # the interval of "dozens", "thousands", …
    raw: float = 0.0  # the value before any scale word


def digits_value(text: str) -> float | None:
    """Read "1,300.5" or "3.5"; None for shapes that are not one number ("1.2.3", "1,30").

    None too for digits past a float's range (400 nines would read as infinity): no stage that
    reads on from a number ("and a half", "1/2", "pm") then meets a value it cannot compare or
    convert to ``int``.
    """
    if text.isdecimal():
        value = float(text)  # plain digits, most numbers in news: nothing to take apart
        return value if value != math.inf else None
    for space in "\u202f\u00a0\u2009 ":
        text = text.replace(space, ",")  # "40 000" with a thin or no-break space
    if "," in text:
        head, _, tail = text.partition(".") if text.count(".") == 1 else (text, "", "")
        if "." in tail or "." in head:
            return None
        groups = head.split(",")
        if not (1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])):
            return None
        text = "".join(groups) + ("." + tail if tail else "")
    elif text.count(".") > 1:
        return None
    try:
        value = float(text)
    except ValueError:
        return None
    return value if value != math.inf else None


def is_whole(value: float) -> bool:
    """Tell whether ``value`` is whole: False for infinity and NaN, where ``int()`` would raise."""
    return value % 1 == 0


def _spaced_pair(tokens: list[Token], j: int) -> bool:
    """Tell whether token ``j`` stands between its neighbours with one space on each side."""
    return tokens[j - 1].end + 1 == tokens[j].start and tokens[j].end + 1 == tokens[j + 1].start


def read_words(tokens: list[Token], i: int, implicit_one: bool = False) -> Numeral | None:
    """Read a written number starting at token ``i``: "seventy-five", "two hundred and ten".

    The grammar is enforced as it reads ("hundred" only after 1-99, scale words in falling
    order), so a run like "one hundred and one hundred and …" stops after one number instead
    of being read, rejected and re-read from every later token.
    """
    total = 0.0
    current = 1.0 if implicit_one else 0.0  # "a hundred and two" starts from one
    last_scale = math.inf
    j = i
    last = i - 1 if implicit_one else -1
    n = len(tokens)
    while j < n:
        word = tokens[j].lower
        if word in UNITS_WORDS or word in TENS_WORDS:
            small = UNITS_WORDS.get(word, 0) + TENS_WORDS.get(word, 0)
            if last >= 0 and (current % 100 >= 10 or (current % 100 and word in UNITS_WORDS)):
                if not (word in UNITS_WORDS and current % 100 in TENS_VALUES and small < 10):
                    break  # "one two" or "twenty thirty" are two numbers
            current += small
        elif word == "hundred" and last >= 0 and 0 < current < 100:
            current *= 100
        elif word in BIG_SCALES and last >= 0 and SCALE_WORDS[word] < last_scale and current:
            total += current * SCALE_WORDS[word]
            last_scale = SCALE_WORDS[word]
            current = 0.0
        elif word in DOZENS and last >= 0 and current % 100 > 0 and current < 1000 and not total:
            current += current % 100 * 11  # "two dozen"; "three hundred and two dozens" is 324
            last = j
            break
        else:
            break
        last = j
        j += 1
        # Joiners inside one number: "seventy-five", "two hundred and ten".
        if j + 1 < n and tokens[j].text in "-‐" and tokens[j].start == tokens[j - 1].end:
            if tokens[j + 1].lower in UNITS_WORDS and tokens[j + 1].start == tokens[j].end:
                j += 1
        elif j + 1 < n and tokens[j].text in "-‐" and tokens[j - 1].lower in TENS_WORDS:
            # "fifty - two": spaced, as in transcripts; a range never falls, so no "50 to 2"
            if 0 < UNITS_WORDS.get(tokens[j + 1].lower, 10) < 10 and _spaced_pair(tokens, j):
                j += 1
        elif j + 1 < n and tokens[j].lower == "and" and tokens[j - 1].lower in SCALE_WORDS:
            if tokens[j + 1].lower in UNITS_WORDS or tokens[j + 1].lower in TENS_WORDS:
                j += 1
    if last < 0:
        return None
    value = total + current
    scaled = any(tokens[k].lower in SCALE_WORDS for k in range(i, last + 1))
    raw = _before_scale(tokens, value, i, last)
    return Numeral(value, i, last, written=True, scaled=scaled, raw=raw)


def _before_scale(tokens: list[Token], value: float, i: int, last: int) -> float:
    """Return a written number's value before the scale words that end it: 5 of "five thousand".

    As "5 thousand" keeps 5 as its raw value, so that a range's first end takes the same scale:
    "four to five thousand", "six to seven hundred", "two or three million".
    """
    factor = 1.0
    k = last
    while k > i and tokens[k].lower in SCALE_WORDS:
        factor *= SCALE_WORDS[tokens[k].lower]
        k -= 1
    if factor == 1 or any(tokens[m].lower in SCALE_WORDS for m in range(i, k + 1)):
        return value  # "two thousand five hundred": no one scale for the whole
    return value / factor
