"""Read the numeral at a token: digits with what is glued to them, and the scale that follows.

Functions over the read-only ``Context``. Digits take fractions and exponents glued to them
("2½", "1/2", "1.5e6", "3 x 10^6"); written numbers come from ``written``; either may take a
scale after it ("2.4m", "1.5bn", "three lakh crore", "4 thousand 3 hundred"). Each reading is
computed first and built once: most numbers in news are bare digits, read once each.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Final

from .capital_m import capital_b_is_billion, capital_m_is_million
from .english.common import STOPWORDS
from .english.currencies import CODE_PREFIXES, CURRENCY_SCALES, SYMBOL_CURRENCIES
from .english.numbers import (
    BIG_SCALES,
    CRORES,
    INDIAN_SCALES,
    PLURAL_SCALES,
    SCALE_ABBREVIATIONS,
    SPACED_SCALE_ABBREVIATIONS,
)
from .english.units import (
    ARTICLE_METRES_BELOW,
    COPULAS,
    METRE_CONTEXT,
    MONEY_NOUNS,
    RACE_DISTANCES,
)
from .numbers import (
    DOZENS,
    FRACTION_DENOMINATORS,
    SCALE_WORDS,
    VULGAR_FRACTIONS,
    Numeral,
    digits_value,
    is_whole,
    scaled,
    times_ten_to,
)
from .spoken import and_a_fraction, continue_scaled, read_power
from .unit_reading import SUPERSCRIPTS
from .words import is_plural_noun
from .written import read_written

if TYPE_CHECKING:
    from .context import Context

# Every token that may open a scale, as written and in lower case: one look rules out the rest.
_SCALES_AS_WRITTEN = frozenset({*SCALE_ABBREVIATIONS, *CURRENCY_SCALES, "M", "B", "k"})
_SCALES_LOWERED = frozenset(
    {*SCALE_WORDS, *SPACED_SCALE_ABBREVIATIONS, *DOZENS, *INDIAN_SCALES, *PLURAL_SCALES}
)
# A named tuple's generated ``__new__`` is a Python lambda (with keywords, slower still): in
# the compiled core a generic Python call for every number. ``tuple.__new__`` with the fields in
# order builds the same tuple; ``_numeral`` types them (tests/test_tuple_builders.py).
_TUPLE_NEW: Final = tuple.__new__


def _numeral(
    value: float, first: int, last: int, scaled: bool, raw: float, written: bool = False
) -> Numeral:
    """Build a ``Numeral`` that is not vague, without its named tuple's ``__new__``."""
    return _TUPLE_NEW(Numeral, (value, first, last, written, scaled, None, raw))


# Every token after digits that may continue them ("½", "^", "/", "e", "x"; "and"; digits).
_DIGIT_FOLLOWERS = frozenset({"^", "/", "e", "E", "x", "×", "*", *VULGAR_FRACTIONS})
# Signs of the exponent in "2.48×10−5".
_MINUS_SIGNS = frozenset({"-", "−"})
# Marks of multiplication before a power of ten: "3 x 10^6", "2.48×10⁻⁵".
_TIMES = frozenset({"x", "×", "*"})


def read_numeral(ctx: Context, i: int, floor: int) -> Numeral | None:
    """Read the numeral at token ``i`` with the scale after it, not looking back past ``floor``."""
    tok = ctx.tokens[i]
    if tok.kind == "n":
        return _digits(ctx, i, floor)
    if tok.text in VULGAR_FRACTIONS:  # "½" is a word character to the tokenizer: first
        value = VULGAR_FRACTIONS[tok.text]
        scale = scale_after(ctx, value, value, i, False, False)
        if scale is None:
            return _numeral(value, i, i, False, value)
        return _numeral(scale[0], i, scale[2], True, scale[1])
    if tok.kind == "w":
        numeral = read_written(ctx, i)
        if numeral is None or numeral.vague is not None:
            return numeral  # "thousands" takes no scale
        written = numeral.written
        scale = scale_after(ctx, numeral.value, numeral.raw, numeral.last, written, numeral.scaled)
        if scale is None:
            return numeral
        return _numeral(scale[0], numeral.first, scale[2], True, scale[1], written)
    return None


def _digits(ctx: Context, i: int, floor: int) -> Numeral | None:
    """Read the digits at token ``i``: "1,300.5", ".08", with what is glued on and the scale."""
    tokens = ctx.tokens
    tok = tokens[i]
    value = digits_value(tok.text)
    if value is None:
        return None
    first = i
    if i > floor and tokens[i - 1].text == "." and ctx.attached(i):
        if tok.text.isdigit() and not ctx.attached(i - 1):
            value = float("." + tok.text)  # ".08", ".23456000": no leading zero
            first = i - 1
    last = i
    extended = extend_digits(ctx, value, i)
    if extended is not None:
        value, last = extended
    scale = scale_after(ctx, value, value, last, False, False)
    if scale is None:
        return _numeral(value, first, last, False, value)
    return _numeral(scale[0], first, scale[2], True, scale[1])


def scale_after(
    ctx: Context, value: float, raw: float, last: int, written: bool, scaled_already: bool
) -> tuple[float, float, int] | None:
    """Apply the scale after the number ending at token ``last``: "1.3 million", "2.4m".

    Returns the scaled value, the raw value and the last token, or None when no scale follows.
    A scale word after digits may go on ("4 thousand 3 hundred"); a million or more may take
    "and a half", which makes the raw value the whole ("3 million and a half").
    """
    j = last + 1
    if j >= len(ctx.tokens):
        return None
    nxt = ctx.tokens[j]
    if nxt.text not in _SCALES_AS_WRITTEN and nxt.lower not in _SCALES_LOWERED:
        return None  # most words: no scale to look for
    found = _scale_factor(ctx, value, j, written, scaled_already)
    if found is None:
        return None
    factor, end = found
    value = scaled(value, factor)
    if nxt.lower in SCALE_WORDS and not written:
        larger = _larger_scale(ctx, end, factor)
        if larger is not None:
            value, end, factor = scaled(value, larger), end + 1, factor * larger
        else:
            value, end = continue_scaled(ctx, value, end, factor)  # "4 thousand 3 hundred"
    if factor >= 1e6:
        half = and_a_fraction(ctx, value, end)  # "3 million and a half"
        if half is not None:
            value, end = half
            raw = value
    return value, raw, end


def _larger_scale(ctx: Context, end: int, factor: float) -> float | None:
    """Return the larger scale word after the one ending at token ``end``: "4 hundred million"."""
    word = ctx.word(end + 1)
    if word in BIG_SCALES and SCALE_WORDS[word] > factor and ctx.spaced(end + 1):
        return SCALE_WORDS[word]
    return None


def _scale_factor(
    ctx: Context, value: float, j: int, written: bool, scaled_already: bool
) -> tuple[float, int] | None:
    """Return the factor of the scale word or letter at token ``j`` and the scale's last token.

    Scale words follow a space ("1.3 million", "13 lakh"), abbreviations are glued on ("2.4m",
    "10k") or spaced ("$5 bn"), capital letters only after a currency ("€10M"). A number with
    a scale word takes no second one ("three million billion"), but may take a spaced
    abbreviation or a South Asian scale.
    """
    tokens = ctx.tokens
    n = len(tokens)
    text, lower = tokens[j].text, tokens[j].lower
    if lower in SCALE_WORDS:
        if (lower != "hundred" and not scaled_already) or (lower == "hundred" and not written):
            return (SCALE_WORDS[lower], j) if ctx.spaced(j) else None
    elif text in SCALE_ABBREVIATIONS and ctx.attached(j) and not written:
        return _abbreviation(ctx, value, j)
    elif text in CURRENCY_SCALES and ctx.attached(j) and _after_currency(ctx, j):
        return CURRENCY_SCALES[text], j  # "€10M", "$2.174T", "£3B"
    elif text == "M" and capital_m_is_million(ctx, j):
        return 1e6, j  # "10M users", "I can give you 10M."
    elif text == "B" and not written and capital_b_is_billion(ctx, j):
        return 1e9, j  # "2.5B users", "8 B people"
    elif lower in PLURAL_SCALES and ctx.spaced(j) and not scaled_already:
        return PLURAL_SCALES[lower], j  # "three billions", "2 millions"
    elif lower in SPACED_SCALE_ABBREVIATIONS and ctx.spaced(j):
        return SCALE_ABBREVIATIONS[lower], j
    elif lower in DOZENS and ctx.spaced(j) and not written:
        return 12.0, j
    elif text == "k" and not written and ctx.spaced(j):
        if j + 1 >= n or tokens[j + 1].kind == "s":
            return 1e3, j  # "2.33 k" at the end of a phrase
    elif lower in INDIAN_SCALES and ctx.spaced(j):
        factor = INDIAN_SCALES[lower]  # "13 lakh", "₹5 crore"
        if j + 1 < n and tokens[j + 1].lower in CRORES and ctx.spaced(j + 1):
            return factor * 1e7, j + 1  # "three lakh crore"
        return factor, j
    return None


def _abbreviation(ctx: Context, value: float, j: int) -> tuple[float, int] | None:
    """Read a scale abbreviation glued to digits at token ``j``, unless it is a unit.

    "2.4m homes" and "$5b" are scales; "100m sprint", "1500b" (bits), "573.15K" (kelvin) not.
    """
    tokens = ctx.tokens
    text = tokens[j].text
    if text == "m" and not _m_is_million(ctx, j):
        return None
    if text == "b" and value >= 1000 and not _after_currency(ctx, j):
        return None  # "1500b" is bits; "$5b" and "1.2b users" are billions
    if text == "K" and len(tokens[j - 1].text.partition(".")[2]) == 2:
        return None  # "573.15K" is kelvin
    return SCALE_ABBREVIATIONS[text], j


def _after_currency(ctx: Context, j: int) -> bool:
    """Tell whether the digits before token ``j`` follow a currency symbol or code."""
    tokens = ctx.tokens
    k = j - 1
    while k > 0 and ctx.attached(k) and tokens[k - 1].kind != "w":
        k -= 1
    return tokens[k].text in SYMBOL_CURRENCIES or (
        k > 0 and tokens[k - 1].text in SYMBOL_CURRENCIES
    )


def _m_is_million(ctx: Context, j: int) -> bool:
    """Decide "2.4m homes" (million) against "100m sprint" (metres): what follows decides."""
    tokens = ctx.tokens
    if tokens[j - 1].start > 0 and ctx.text[tokens[j - 1].start - 1] in SYMBOL_CURRENCIES:
        return True
    k = j - 1
    while k > 0 and ctx.attached(k):
        k -= 1
    if tokens[k].text in SYMBOL_CURRENCIES or tokens[k].text in CODE_PREFIXES:
        return True
    number = tokens[j - 1].text
    if number in RACE_DISTANCES:
        return False  # "the 400m", "100m sprint"
    if j + 1 < len(tokens) and tokens[j + 1].kind == "w":
        # "232.2m a year earlier", "2.4m homes"; but "2.4m tall", "a 10m drop", "1m is"
        word = tokens[j + 1].lower
        if word in COPULAS and tokens[j - 1].text.isdecimal():
            return (digits_value(tokens[j - 1].text) or 0) >= 10
        if _article_measure(ctx, j):
            return False  # "a 3m wall", "a 10m crane"; not "a 30m deal"
        return word not in METRE_CONTEXT
    return "." in number and not number.startswith("0.") and len(number) > 3


def _article_measure(ctx: Context, j: int) -> bool:
    """Tell "a 3m wall" (metres) from "a 30m deal", "2.4m homes": the "m" at token ``j``.

    After an article, before a lower-case singular noun that is not a word of money, a number
    under ``ARTICLE_METRES_BELOW`` measures the thing.
    """
    tokens = ctx.tokens
    word = tokens[j + 1]
    if ctx.word(j - 2) not in ("a", "an") or not word.text.islower() or not ctx.spaced(j + 1):
        return False
    value = digits_value(tokens[j - 1].text)
    if value is None or value >= ARTICLE_METRES_BELOW:
        return False
    return not is_plural_noun(word.lower) and word.lower not in MONEY_NOUNS | STOPWORDS


def extend_digits(ctx: Context, value: float, i: int) -> tuple[float, int] | None:
    """Read fractions and exponents glued to the digits at token ``i``: "1/2", "2½", "1.5e6".

    Returns the value and last token of the longer number, or None when nothing extends it.
    """
    tokens = ctx.tokens
    n = len(tokens)
    j = i + 1
    if j >= n:
        return None
    nxt = tokens[j]
    if nxt.kind != "n" and nxt.text not in _DIGIT_FOLLOWERS and nxt.lower != "and":
        return None  # most tokens after digits: nothing to read on
    if nxt.text in VULGAR_FRACTIONS and ctx.attached(j):
        return value + VULGAR_FRACTIONS[nxt.text], j  # "2½"
    power = read_power(tokens, j) if nxt.text == "^" else None
    if power is not None:  # "1.1^23", "2.5^-1", "10^6"
        try:
            return value ** power[0], power[1]
        except (OverflowError, ZeroDivisionError):
            return math.inf, power[1]
    if j + 2 < n and nxt.lower == "and" and is_whole(value):
        half = and_a_fraction(ctx, value, i)  # "2 and a half years"
        if half is not None:
            return half
    if j + 2 < n and nxt.kind == "n" and tokens[j + 1].text == "/" and ctx.spaced(j):
        return _mixed_fraction(ctx, value, j)
    if j + 1 < n and nxt.text == "/" and ctx.attached(j) and ctx.attached(j + 1):
        return _slash_fraction(ctx, value, j)
    if j + 1 < n and nxt.text in ("e", "E") and ctx.attached(j):
        return _exponent(ctx, value, j)
    if j + 2 < n and nxt.text in _TIMES and tokens[j + 1].text == "10":
        found = _times_ten(ctx, value, j)
        if found is not None:
            return found
    if j + 3 < n and nxt.text in _TIMES and tokens[j + 1].text.isdecimal():
        return _times_power(ctx, value, j)
    return None


def _mixed_fraction(ctx: Context, value: float, j: int) -> tuple[float, int] | None:
    """Read "2 1/2 in", "10 1/2 miles": a whole number and a proper fraction from token ``j``."""
    tokens = ctx.tokens
    part = extend_digits(ctx, digits_value(tokens[j].text) or 0.0, j)
    if part is not None and part[1] == j + 2 and 0 < part[0] < 1 and is_whole(value):
        return value + part[0], part[1]
    return None


def _slash_fraction(ctx: Context, value: float, j: int) -> tuple[float, int] | None:
    """Read "1/2", "3/4 of": a slash fraction, only with the usual denominators ("9/11" is not).

    The slash is token ``j``.
    """
    tokens = ctx.tokens
    n = len(tokens)
    denominator = digits_value(tokens[j + 1].text) if tokens[j + 1].kind == "n" else None
    if denominator is None:
        return None
    of = j + 3 < n and tokens[j + 2].lower == "of" and ctx.spaced(j + 2)
    if (
        (denominator in FRACTION_DENOMINATORS or (of and denominator))
        and value < denominator
        and is_whole(value)
    ):
        return value / denominator, j + 1
    return None


def _exponent(ctx: Context, value: float, j: int) -> tuple[float, int] | None:
    """Read "1.5e6", "2E-3": a decimal exponent glued on at token ``j``."""
    tokens = ctx.tokens
    n = len(tokens)
    k = j + 1
    sign = 1
    if tokens[k].text in "+-" and ctx.attached(k) and k + 1 < n:
        sign = -1 if tokens[k].text == "-" else 1
        k += 1
    if tokens[k].kind == "n" and ctx.attached(k) and tokens[k].text.isdigit():
        exponent = sign * int(tokens[k].text[:6])
        try:
            return value * 10.0**exponent, k
        except OverflowError:
            return math.inf, k
    return None


def _times_ten(ctx: Context, value: float, j: int) -> tuple[float, int] | None:
    """Read "× 10⁶" and "×10−5" at token ``j``: a power of ten in superscript or after a minus."""
    tokens = ctx.tokens
    n = len(tokens)
    k = j + 2
    digits = ""
    while k < n and tokens[k].text in SUPERSCRIPTS and ctx.attached(k):
        digits += SUPERSCRIPTS[tokens[k].text]
        k += 1
    if digits.removeprefix("-").isdecimal():  # one minus at most: "10⁻⁻5" is no power
        return times_ten_to(value, int(digits[:6])), k - 1
    # "2.48×10−5", "5.5x10-3": a glued minus sign before the exponent
    if (
        k + 1 < n
        and tokens[k].text in _MINUS_SIGNS
        and ctx.attached(k)
        and ctx.attached(k + 1)
        and tokens[k + 1].text.isdecimal()
        and ctx.attached(j)
    ):
        return times_ten_to(value, -int(tokens[k + 1].text[:6])), k + 1
    return None


def _times_power(ctx: Context, value: float, j: int) -> tuple[float, int] | None:
    """Read "3 x 10^6", "6.23x10^-4", "8x2^10": a number times a power, from token ``j``."""
    tokens = ctx.tokens
    power = read_power(tokens, j + 2)
    if power is None:
        return None
    try:
        base = float(tokens[j + 1].text[:6])
        if base == 10 and float(power[0]).is_integer() and abs(power[0]) < 400:
            return times_ten_to(value, int(power[0])), power[1]  # "4.1 x 10^9"
        return value * base ** power[0], power[1]
    except (OverflowError, ZeroDivisionError):
        return math.inf, power[1]
