"""Written fractions with an ordinal denominator: "two thirds", "three twenty-firsts".

Also the mixed numbers built on them: "one hundred and three quarters", "two and fifty-four
hundredths", "six million and two thirds", "one billion and a half million".

Why a module of its own: the denominator is an ordinal phrase at the *end* of a run of number
words, and where it starts is a choice ("one hundred thirty fifths" is 100/35, "one hundred
thirty two fifths" 132/5, "one hundred and thirty fifths" 130/5). That choice needs the whole
run, so it cannot be made while ``read_words`` reads left to right. The run is short and read
once, only when the token after a written number can continue one, so news text, where "third"
and "fifth" are nearly always ordinals, pays next to nothing.

Readings follow Microsoft Recognizers-Text where they are unambiguous. A singular ordinal is a
fraction only before "of", punctuation or the end ("one fifth of", but not "a fifth term" or
"the one hundredth anniversary"), and "second" is never a denominator ("twenty seconds").
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from .english.numbers import ARTICLES, ORDINALS, RANGE_OPENERS, RUN_WORDS, UNIT_ORDINALS
from .numbers import SCALE_WORDS, TENS_VALUES, TENS_WORDS, Numeral

if TYPE_CHECKING:
    from .context import Context
    from .numbers import Token

_BIG: Final = 1e6  # "million" and above: "six million and two thirds" is 6 2/3 million
_ARTICLE: Final = -1.0  # "a" / "an" opening the run: one, as in "a hundred trillionths"
_MAX_RUN: Final = 16  # words in one run; longer runs are not fractions anyone writes


def _gap(text: str, tokens: list[Token], k: int) -> str | None:
    """Return the gap between tokens ``k - 1`` and ``k`` if it may join one number, else None."""
    gap = text[tokens[k - 1].end : tokens[k].start]
    return gap if gap in ("", " ", "  ") else None


def _cardinal(values: list[float]) -> float | None:
    """Value of number words in order ("one hundred and three"), None if they are not one."""
    total, current, prev, last_scale = 0.0, 0.0, "", float("inf")
    for v in values:
        if v == _ARTICLE:
            current, prev = 1.0, "article"
        elif v < 100:
            kind = "unit" if v < 10 else "teen" if v < 20 else "tens"
            if prev in ("unit", "teen", "article") or (prev == "tens" and kind != "unit"):
                return None  # "one two", "twenty thirty", "a two": two numbers
            current += v
            prev = kind
        elif v == 100:
            if not prev or prev in ("hundred",) or not 0 < current < 100:
                return None
            current *= 100
            prev = "hundred"
        else:
            if not prev or v >= last_scale or not current:
                return None
            total += current * v
            current, prev, last_scale = 0.0, "scale", v
    return total + current if prev else None


def read_fraction(ctx: Context, i: int) -> Numeral | None:
    """Read a fraction whose run of number words starts at token ``i`` and ends in an ordinal.

    Returns None unless an ordinal closes the run, so callers may try it on any written number.
    """
    text, tokens = ctx.text, ctx.tokens
    n = len(tokens)
    items: list[float | None] = []  # number word values; None for "and"
    k = i
    if tokens[i].lower in ARTICLES:
        items.append(_ARTICLE)
        k += 1
    end = min(n, i + _MAX_RUN)
    while k < end:
        tok = tokens[k]
        if k > i and _gap(text, tokens, k) is None:
            return None
        word = tok.lower
        if word in ORDINALS and items:
            break
        previous = items[-1] if items else None
        if word in RUN_WORDS:
            items.append(RUN_WORDS[word])
        elif word == "and" and previous is not None and previous != _ARTICLE:
            items.append(None)
        elif tok.text in "-‐" and previous is not None and k + 1 < n:
            # "twenty-fifth", "fifty - two", "hundred-fifths", "five - eighths": a hyphen
            # after tens or a scale, or before the denominator
            if (
                previous not in TENS_VALUES
                and previous < 100
                and tokens[k + 1].lower not in ORDINALS
            ):
                return None
        else:
            return None
        k += 1
    else:
        return None
    return _split(ctx, i, k, items)


def _split(ctx: Context, i: int, k: int, items: list[float | None]) -> Numeral | None:
    """Split the run ``items`` before the ordinal at token ``k``: whole, numerator, denominator.

    The split is the one Recognizers-Text makes; see the module docstring for examples.
    """
    tokens = ctx.tokens
    word = tokens[k].lower
    plural = word.endswith("s")
    den, s = _denominator(items, ORDINALS[word])
    if den == 1 or items[s - 1] is None:
        return None  # "first" alone is an ordinal; "three and fifths" is not a number
    numerator = items[:s]
    if None in numerator:
        if i > 0 and tokens[i - 1].lower in RANGE_OPENERS:
            return None  # "between two and three fifths": a range, not 2 3/5
        return _mixed(ctx, i, k, numerator, den, plural)
    count = _cardinal([v for v in numerator if v is not None])
    if not count or (count == 1) == plural:
        return None
    follower = tokens[k + 1] if k + 1 < len(tokens) else None
    if not plural and follower is not None and follower.kind != "s" and follower.lower != "of":
        return None  # "a fifth term", "one hundredth anniversary": ordinals
    value = count / den
    times = of_a_scale(ctx, k)
    if times is None:
        return Numeral(value, i, k, written=True, raw=value)
    value *= times[0]
    return Numeral(value, i, times[1], written=True, scaled=True, raw=value)


def _denominator(items: list[float | None], d: float) -> tuple[float, int]:
    """Return the denominator that ordinal ``d`` closes, and where the numerator ends in ``items``.

    The ordinal may take words before it into the denominator: "three twenty-firsts",
    "one hundred thirty fifths", "one one hundred (and) fifth".
    """
    m = len(items)
    tens = items[-1]
    if d < 10 and m >= 2 and tens is not None and tens in TENS_VALUES and items[-2] is not None:
        return tens + d, m - 1
    if d < 100:
        t = m - 2 if items[-1] is None else m - 1
        if t >= 2:
            top = items[t]  # never None: "and" follows a number word
            small = items[t - 1]  # None in "one and hundred fifths": no "one hundred" there
            before = items[t - 2]
            assert top is not None
            if top >= 100 and small is not None and 1 <= small < 10 and before is not None:
                if 0 <= before < 10 or 100 <= before < top:
                    return small * top + d, t - 1
    return d, m


def _mixed(
    ctx: Context, i: int, k: int, numerator: list[float | None], den: float, plural: bool
) -> Numeral | None:
    """Read a mixed number, a whole and a fraction joined by "and": "two and three quarters".

    The last "and" of ``numerator`` splits the whole from the fraction's count; the ordinal is
    at token ``k``.
    """
    p = len(numerator) - 1 - numerator[::-1].index(None)
    whole = _cardinal([v for v in numerator[:p] if v is not None])
    part = _cardinal([v for v in numerator[p + 1 :] if v is not None])
    if whole is None or part is None or not part or (part == 1) == plural:
        return None
    if part >= den:
        value = (whole + part) / den  # "one hundred and thirty fifths": 130/5
    else:
        scale = numerator[p - 1]
        if scale is not None and scale >= _BIG:
            # "five billion and three quarters" is 5.75 billion; "one billion and three
            # quarters million" adds three quarters of a million.
            tokens = ctx.tokens
            nxt = tokens[k + 1].lower if k + 1 < len(tokens) else ""
            if SCALE_WORDS.get(nxt, scale) < scale and _gap(ctx.text, tokens, k + 1) == " ":
                scale, k = SCALE_WORDS[nxt], k + 1
            value = whole + part / den * scale
        else:
            value = whole + part / den
    scaled = max(v for v in numerator if v is not None) >= 100
    return Numeral(value, i, k, written=True, scaled=scaled, raw=value)


def of_a_scale(ctx: Context, last: int) -> tuple[float, int] | None:
    """Read "of a million" after a fraction that ends at token ``last``: its scale and last token.

    So "two thirds of a million" is 666,667.
    """
    text, tokens = ctx.text, ctx.tokens
    j = last + 1
    if j + 2 < len(tokens) and tokens[j].lower == "of" and tokens[j + 1].lower in ARTICLES:
        scale = SCALE_WORDS.get(tokens[j + 2].lower, 0)
        if scale >= 1e3 and all(_gap(text, tokens, m) == " " for m in (j, j + 1, j + 2)):
            return scale, j + 2
    return None


def starts_fraction(tokens: list[Token], j: int) -> bool:
    """Tell whether token ``j``, right after a written number, may continue it into a fraction."""
    if j >= len(tokens):
        return False
    word = tokens[j].lower
    return word in ORDINALS or word in RUN_WORDS or word == "and" or tokens[j].text in "-‐"


def is_ordinal_tail(tokens: list[Token], j: int) -> bool:
    """Tell whether "-first" … "-ninth" follows tens at token ``j``: "twenty-first" is an ordinal.

    Also spaced, "the twenty first century"; a plural ("twenty fifths") is a fraction instead.
    """
    if not (j < len(tokens) and tokens[j - 1].lower in TENS_WORDS):
        return False
    if tokens[j].lower in UNIT_ORDINALS:  # not "second": "a twenty second delay"
        return tokens[j].start == tokens[j - 1].end + 1
    return (
        j + 1 < len(tokens)
        and tokens[j].text in "-‐"
        and tokens[j].start == tokens[j - 1].end
        and tokens[j + 1].start == tokens[j].end
        and (tokens[j + 1].lower in UNIT_ORDINALS or tokens[j + 1].lower == "second")
    )
