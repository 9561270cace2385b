"""Read a number written in words: "seventy-five", "a dozen", "half a million", "two thirds".

Functions over the read-only ``Context``, for ``numerals``. The word that opens the number
decides what may follow it: a vague amount ("thousands", "tens of thousands"), an article
standing for one ("a hundred", "a third of"), a share ("half a million", "more than half"),
or number words with a fraction or a decimal after them ("two and a half", "nought point
five"). Runs of number words are read by ``numbers.read_words``, fractions by ``fractions``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .english.bounds import AFTER, BEFORE, MAX_BEFORE
from .english.numbers import (
    ARTICLE_FOLLOWERS,
    ARTICLE_MONEY_ENDS,
    ARTICLE_ONE_MONEY,
    ARTICLE_ONE_UNITS,
    ARTICLE_SCALES,
    ARTICLE_TIME_WORDS,
    ARTICLE_UNIT_WORDS,
    ARTICLES,
    BAKERS,
    HALF_A_SCALES,
    ONE_OF,
    SHARE_JOINERS,
    SHARE_SCALES,
    SHARES,
    VAGUE_MULTIPLES,
    VAGUE_SCALES,
)
from .fractions import is_ordinal_tail, read_fraction, starts_fraction
from .numbers import (
    FRACTION_WORDS,
    SCALE_WORDS,
    TENS_WORDS,
    UNITS_WORDS,
    VAGUE_WORDS,
    VULGAR_FRACTIONS,
    ZEROS,
    Numeral,
    read_words,
)
from .spoken import and_a_fraction, read_point
from .unit_reading import lookup_unit

if TYPE_CHECKING:
    from .context import Context
    from .numbers import Token


def read_written(ctx: Context, i: int) -> Numeral | None:
    """Read the number written in words from token ``i``, or None."""
    tokens = ctx.tokens
    word = tokens[i].lower
    nxt = tokens[i + 1].lower if i + 1 < len(tokens) else ""
    if word in VAGUE_MULTIPLES or word in VAGUE_WORDS:
        return _vague(ctx, i, word, nxt)
    if word in ARTICLES:
        return _after_article(ctx, i, word, nxt)
    if word in SHARES:
        return _share(ctx, i, word, nxt)
    if word == "one" and nxt in FRACTION_WORDS and not nxt.endswith("s"):
        return _one_share(ctx, i, nxt)  # "one sixth."
    if word in UNITS_WORDS or word in TENS_WORDS or word in ZEROS:
        return _number_words(ctx, i)
    return None


def _vague(ctx: Context, i: int, word: str, nxt: str) -> Numeral | None:
    """Read a vague amount: "thousands", "dozens", "tens of thousands", "hundreds of millions"."""
    tokens = ctx.tokens
    if word in VAGUE_MULTIPLES and nxt == "of" and i + 2 < len(tokens):
        scale = tokens[i + 2].lower
        if scale in VAGUE_SCALES:
            low = (20 if word == "tens" else 200) * SCALE_WORDS[scale[:-1]]
            high = (100 if word == "tens" else 1000) * SCALE_WORDS[scale[:-1]] - 1
            return Numeral(low, i, i + 2, vague=(low, high), raw=0.0)
    if word in VAGUE_WORDS:
        return Numeral(VAGUE_WORDS[word][0], i, i, vague=VAGUE_WORDS[word], raw=0.0)
    return None  # "tens" alone


def _after_article(ctx: Context, i: int, word: str, nxt: str) -> Numeral | None:
    """Read what an article opens: "a trillionth", "a baker's dozen", "a hundred and two"."""
    tokens = ctx.tokens
    if nxt in ARTICLE_FOLLOWERS:
        fraction = read_fraction(ctx, i)
        if fraction is not None:
            return fraction  # "a trillionth", "a hundred trillionths", "a twenty-first"
    if word == "a" and nxt in BAKERS and i + 2 < len(tokens):
        if tokens[i + 2].lower == "dozen":  # "a baker's dozen": thirteen
            return Numeral(13.0, i, i + 2, written=True, raw=13.0)
    if nxt in ARTICLE_SCALES:
        # "a hundred and two", "a million": the article stands for one
        numeral = read_words(tokens, i + 1, implicit_one=True) if nxt != "dozen" else None
        value = 12.0 if nxt == "dozen" else SCALE_WORDS[nxt]
        last = i + 1
        if numeral is not None and numeral.value > value:
            value, last = numeral.value, numeral.last
        return Numeral(value, i, last, written=True, scaled=nxt != "dozen", raw=value)
    if nxt in FRACTION_WORDS and not nxt.endswith("s"):
        return _one_share(ctx, i, nxt)  # "a third of"
    if (nxt in ARTICLE_UNIT_WORDS or nxt in ARTICLE_TIME_WORDS) and _article_as_one(ctx, i):
        return Numeral(1.0, i, i, written=True, raw=1.0)  # "a litre", "an hour and a half"
    return None


def _article_as_one(ctx: Context, i: int) -> bool:
    """Tell whether the article at token ``i`` stands for one before the unit after it.

    Before a unit of measure of ``ARTICLE_ONE_UNITS`` ("a litre of milk", "a hectare"); before
    money only where its phrase ends or a rate follows ("a dollar a day", "more than a
    dollar.", not "a dollar store"); before a unit of time only with a fraction after it ("an
    hour and a half"): alone, "an hour later" and "once a week" state no amount.
    """
    if len(ctx.tokens[i + 1].text) < 3 or not ctx.spaced(i + 1):
        return False  # "a m", "a l": letters after an article are no units
    found = lookup_unit(ctx, i + 1, False)
    if found is None:
        return False
    info, last = found
    if info.dimension == "time":
        after = tuple(ctx.word(k) for k in range(last + 1, last + 4))
        return after[0] == "and" and after[1] in ARTICLES and after[2] in FRACTION_WORDS
    if info.name in ARTICLE_ONE_MONEY:
        nxt = ctx.tokens[last + 1] if last + 1 < len(ctx.tokens) else None
        return nxt is None or nxt.kind == "s" or nxt.lower in ARTICLE_MONEY_ENDS
    return info.name in ARTICLE_ONE_UNITS


def _share(ctx: Context, i: int, word: str, nxt: str) -> Numeral | None:
    """Read "half million", "quarter billion", "half a dozen", "more than half of voters"."""
    tokens = ctx.tokens
    if nxt in SHARE_SCALES:
        value = SCALE_WORDS[nxt] / SHARES[word]  # "half million"
        return Numeral(value, i, i + 1, written=True, scaled=True, raw=value)
    if word != "half":
        return None
    if nxt in ("-", "‐") and i + 2 < len(tokens) and ctx.attached(i + 1) and ctx.attached(i + 2):
        if lookup_unit(ctx, i + 2, False) is not None:
            return Numeral(0.5, i, i, written=True, raw=0.5)  # "half-litre", "a half-hour"
        return None
    if nxt in ARTICLES and i + 2 < len(tokens):
        scale = tokens[i + 2].lower
        if scale in HALF_A_SCALES:
            value = 6.0 if scale == "dozen" else SCALE_WORDS[scale] / 2
            return Numeral(value, i, i + 2, written=True, scaled=scale != "dozen", raw=value)
        if lookup_unit(ctx, i + 2, False) is not None:
            return Numeral(0.5, i, i + 1, written=True, raw=0.5)  # "half a percentage point"
        return None
    if _lone_half_is_share(tokens, i):
        return Numeral(0.5, i, i, written=True, raw=0.5)  # "more than half of voters"
    return None


def _one_share(ctx: Context, i: int, nxt: str) -> Numeral | None:
    """Read "a third of", "one sixth.", "between a third and a half": one of a fraction.

    Only before "of", punctuation or another number, so "a fifth term", "a fifth and final
    term" and "the third quarter" are not read.
    """
    tokens = ctx.tokens
    n = len(tokens)
    if (
        i + 2 >= n
        or tokens[i + 2].lower == "of"
        or tokens[i + 2].kind == "s"
        or (tokens[i + 2].lower in SHARE_JOINERS and _number_at(tokens, i + 3))
    ):
        value = 1 / FRACTION_WORDS[nxt]
        return Numeral(value, i, i + 1, written=True, raw=value)
    return None


def _number_words(ctx: Context, i: int) -> Numeral | None:
    """Read number words with what may follow them: "two hundred point zero three", "two thirds".

    "nought" is read only before "point"; "the twenty-first century" is an ordinal, no number.
    """
    tokens = ctx.tokens
    numeral = read_words(tokens, i)  # None for "nought", read only before "point"
    j = i + 1 if numeral is None else numeral.last + 1
    if j < len(tokens) and tokens[j].lower == "point":
        decimal = read_point(ctx, i, numeral)
        if decimal is not None:
            return decimal  # "two hundred point zero three"
    if numeral is None:
        return None
    if starts_fraction(tokens, j):
        fraction = read_fraction(ctx, i)
        if fraction is not None:
            return fraction  # "one hundred and three quarters", "three twenty-firsts"
    if is_ordinal_tail(tokens, j):
        return None  # "the twenty-first century", "its thirty-second year"
    extended = _word_fraction(ctx, numeral)
    if extended is None:
        return numeral
    value, last = extended
    return Numeral(value, numeral.first, last, True, numeral.scaled, None, value)


def _word_fraction(ctx: Context, numeral: Numeral) -> tuple[float, int] | None:
    """Extend a written number by a fraction: "two thirds", "two-thirds", "one and a half".

    Returns the value and last token of the longer number, or None.
    """
    tokens = ctx.tokens
    n = len(tokens)
    value = numeral.value
    j = numeral.last + 1
    if j >= n:
        return None
    if tokens[j].text in "-‐" and ctx.attached(j) and j + 1 < n and ctx.attached(j + 1):
        frac = tokens[j + 1].lower
        plural_ok = frac.endswith("s") == (value != 1)
        if frac in FRACTION_WORDS and plural_ok and value < 100:
            return value / FRACTION_WORDS[frac], j + 1
        return None
    if not ctx.spaced(j):
        return None
    frac = tokens[j].lower
    if frac in FRACTION_WORDS and value < 100 and not numeral.scaled:
        plural = frac.endswith("s")
        follower = tokens[j + 1] if j + 1 < n else None
        if (plural and value > 1) or (
            value == 1
            and not plural
            and (follower is None or follower.kind == "s" or follower.lower == "of")
        ):
            return value / FRACTION_WORDS[frac], j
        return None
    return and_a_fraction(ctx, value, numeral.last)


def _number_at(tokens: list[Token], k: int) -> bool:
    """Tell whether a share, or a bound and a share, opens at token ``k``: "(and) a half".

    So "between a third and a half", "a third to two-thirds", "above one quarter and below a
    half" are ranges, and "a quarter to five", "a fourth and final term" are not.
    """
    for size in range(MAX_BEFORE + 1):
        if size and tuple(tok.lower for tok in tokens[k : k + size]) not in BEFORE:
            continue
        if _share_at(tokens, k + size):
            return True
    return False


def _share_at(tokens: list[Token], k: int) -> bool:
    """Tell whether a share opens at token ``k``: "half", "½", "a third", "two-thirds"."""
    n = len(tokens)
    if k >= n:
        return False
    word = tokens[k].lower
    if word == "half" or tokens[k].text in VULGAR_FRACTIONS:
        return True
    nxt = tokens[k + 1].lower if k + 1 < n else ""
    if nxt in ("-", "‐") and k + 2 < n:
        nxt = tokens[k + 2].lower  # "two-thirds"
    return (word in ONE_OF or word in UNITS_WORDS) and nxt in FRACTION_WORDS


def _lone_half_is_share(tokens: list[Token], i: int) -> bool:
    """Tell whether a "half" with no number word of its own states a share.

    Only with a bound ("more than half of voters", "half or more"), or as the first end of a
    range ("between half and two-thirds"); "the first half", "half the battle", "from 9 to half
    past 10" and "half-time" state none.
    """
    n = len(tokens)
    if i + 1 < n and tokens[i + 1].text in ("-", "‐") and tokens[i + 1].start == tokens[i].end:
        return False  # "half-time", "half-way"
    for size in range(1, min(MAX_BEFORE, i) + 1):
        if tuple(tok.lower for tok in tokens[i - size : i]) in BEFORE:
            return True
    after = tuple(tok.lower for tok in tokens[i + 1 : i + 3])
    if after in AFTER and AFTER[after][0] != "equal":
        return True  # "half or more of the staff"
    if i > 1 and tokens[i - 2].lower in FRACTION_WORDS:
        joined = tokens[i - 1].lower
        if joined == "to" or (
            joined == "and" and any(tok.lower == "between" for tok in tokens[max(0, i - 5) : i])
        ):
            return True  # the second end: "a quarter to half", "between a third and half"
    if i + 1 >= n or not _share_at(tokens, i + 2):
        return False
    if tokens[i + 1].lower == "to":
        return True  # "half to two-thirds of residents"
    return tokens[i + 1].lower == "and" and i > 0 and tokens[i - 1].lower == "between"
