"""Numbers written the way they are said: "two hundred point zero three", "4 thousand 3 hundred".

Why apart from ``numbers.read_words``: these forms continue a number that is already read
(a whole part before "point", digits before a scale word, "and a half" after a whole number),
and each is tried only when the one token that can continue it follows, so ordinary prose
never reaches them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .english.numbers import ARTICLES, ONE_POINT_IDIOM, ORDINALS
from .numbers import SCALE_WORDS, TENS_WORDS, UNITS_WORDS, ZEROS, Numeral, read_words

if TYPE_CHECKING:
    from .context import Context
    from .numbers import Token


def _one_space(text: str, tokens: list[Token], k: int) -> bool:
    """Tell whether tokens ``k - 1`` and ``k`` are separated by exactly one space.

    Stricter than ``Context.spaced``, which also takes a line break or two blanks.
    """
    return 0 < k < len(tokens) and text[tokens[k - 1].end : tokens[k].start] == " "


def read_point(ctx: Context, i: int, whole: Numeral | None) -> Numeral | None:
    """Read "<whole> point <digits>": "minus five point five", "nought point eleven".

    ``whole`` is the written number read at ``i``, or None when token ``i`` is "nought".
    The digits after "point" are digit words ("zero three"), or one word of two digits
    ("seventy-one", "eleven"), read as the digits they say: "point seventy-one" is .71.
    """
    text, tokens = ctx.text, ctx.tokens
    n = len(tokens)
    if whole is None:
        if tokens[i].lower not in ZEROS:
            return None
        value, last = 0.0, i
    else:
        value, last = whole.value, whole.last
        if value == 1 and last == i and i > 0 and tokens[i - 1].lower in ONE_POINT_IDIOM:
            return None  # "at one point two boats sank"
    k = last + 1
    if not (k + 1 < n and tokens[k].lower == "point" and _one_space(text, tokens, k)):
        return None
    decimals = _decimals(text, tokens, k + 1)
    if decimals is None:
        return None
    digits, last = decimals
    value += float("0." + digits)
    return Numeral(value, i, last, written=True, raw=value)


def _decimals(text: str, tokens: list[Token], k: int) -> tuple[str, int] | None:
    """Return the digits said after "point" from token ``k`` and their last token, or None.

    One word of two digits is read as it sounds ("seventy-one" is "71"); otherwise digit words
    are read one by one ("zero three").
    """
    n = len(tokens)
    word = tokens[k].lower
    if _one_space(text, tokens, k) and (word in TENS_WORDS or UNITS_WORDS.get(word, 0) >= 10):
        small = TENS_WORDS.get(word) or UNITS_WORDS[word]
        if (
            word in TENS_WORDS
            and k + 2 < n
            and tokens[k + 1].text in "-‐"
            and tokens[k + 1].start == tokens[k].end == tokens[k + 2].start - 1
            and 0 < UNITS_WORDS.get(tokens[k + 2].lower, 0) < 10
        ):
            small += UNITS_WORDS[tokens[k + 2].lower]
            k += 2
        return str(small), k
    digits, last = "", k
    while k < n and _one_space(text, tokens, k):
        word = tokens[k].lower
        if word in ZEROS:
            digits += "0"
        elif UNITS_WORDS.get(word, 10) < 10:
            digits += str(UNITS_WORDS[word])
        else:
            break
        last = k
        k += 1
    return (digits, last) if digits else None


def continue_scaled(ctx: Context, value: float, last: int, scale: float) -> tuple[float, int]:
    """Extend digits with a scale word by what follows: "4 thousand 3 hundred and 21".

    Only a smaller scale group, or "and" with a number under a hundred after "hundred", is
    taken: "5 million 3 times" and "2 thousand and 3 thousand" stay as they are. Returns the
    value and the last token, extended or not.
    """
    text, tokens = ctx.text, ctx.tokens
    n = len(tokens)
    j = last + 1
    if j + 1 < n and tokens[j].kind == "n" and tokens[j].text.isdigit() and len(tokens[j].text) < 4:
        smaller = SCALE_WORDS.get(tokens[j + 1].lower, scale)
        if smaller < scale and _one_space(text, tokens, j) and _one_space(text, tokens, j + 1):
            value += int(tokens[j].text) * smaller
            last = j + 1
            scale, j = smaller, j + 2
    if scale != 100 or not (j + 1 < n and tokens[j].lower == "and" and _one_space(text, tokens, j)):
        return value, last
    part = _under_a_hundred(ctx, j + 1)
    if part is None or part[0] == 0:  # "4 thousand 3 hundred and 0 are two numbers"
        return value, last
    return value + part[0], part[1]


def _under_a_hundred(ctx: Context, k: int) -> tuple[float, int] | None:
    """Read the number under a hundred after "hundred and" at token ``k``, with its last token.

    None when there is none, or when a scale word follows it: "3 hundred and 21 thousand" is
    not 321 thousand.
    """
    tokens = ctx.tokens
    n = len(tokens)
    if not _one_space(ctx.text, tokens, k):
        return None
    part: float
    if tokens[k].kind == "n" and tokens[k].text.isdigit() and len(tokens[k].text) < 3:
        part, last = float(int(tokens[k].text)), k
    elif tokens[k].kind == "w":
        words = read_words(tokens, k)
        if words is None or words.scaled or words.value >= 100:
            return None
        part, last = words.value, words.last
    else:
        return None
    if last + 1 < n and tokens[last + 1].lower in SCALE_WORDS:
        return None
    return part, last


def and_a_fraction(ctx: Context, value: float, last: int) -> tuple[float, int] | None:
    """Extend a whole number by "and a half" / "and a quarter": "two and a half miles".

    Returns the value and last token of the extended number, or None when no fraction follows
    token ``last``.
    """
    tokens = ctx.tokens
    n = len(tokens)
    j = last + 1
    if not (j + 2 < n and tokens[j].lower == "and" and tokens[j + 1].lower in ARTICLES):
        return None
    frac = tokens[j + 2].lower
    single = frac[-1] != "s" and frac != "first"
    if not (frac in ORDINALS and single and ctx.spaced(j)):
        return None
    # "and a thirtieth"; after millions the fraction is of the scale: "one million and a half"
    # is 1.5 million, "one billion and a half million" 1.0005 billion
    scale = SCALE_WORDS.get(tokens[last].lower, 1.0)
    scale = scale if scale >= 1e6 else 1.0
    end = j + 2
    nxt = tokens[end + 1].lower if end + 1 < n else ""
    follower = SCALE_WORDS.get(nxt, 0)
    if 1e3 <= follower < scale and ctx.spaced(end + 1):
        scale, end = follower, end + 1
    return value + scale / ORDINALS[frac], end


def read_power(tokens: list[Token], j: int) -> tuple[int, int] | None:
    """Read a caret exponent glued to digits at token ``j``: "^23", "^-1", "^+23", "^--23".

    Returns the exponent (signs multiply, as in arithmetic) and the exponent's token index.
    """
    n = len(tokens)
    if not (0 < j < n - 1 and tokens[j].text == "^" and tokens[j].start == tokens[j - 1].end):
        return None
    k, sign = j + 1, 1
    while k < min(n, j + 3) and tokens[k].text in ("+", "-", "−"):
        if tokens[k].start != tokens[k - 1].end:
            return None
        sign = sign if tokens[k].text == "+" else -sign
        k += 1
    if k < n and tokens[k].kind == "n" and tokens[k].text.isdigit():
        if tokens[k].start == tokens[k - 1].end:
            return sign * int(tokens[k].text[:6]), k
    return None
