"""Read one quantity at a token: currency prefix, sign, numeral, scale and unit.

A quantity is a number with what is glued to it ("$1.5bn", "-12C", "2.4m", "25 minutes");
bounds, ranges and the counted thing are the extractor's business. The reading stage is three
functions over the read-only ``Context``: ``read_quantity``, ``lookup_unit`` and
``names_after``. The prefix, the sign and the words that make a unit ("aged 65", "magnitude
6.8") are read here; the numeral comes from ``numerals`` and the unit after it from
``unit_reading``. Each quantity is built once, from what they return.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Final, NamedTuple

from .english.common import STOPWORDS
from .english.currencies import (
    CODE_PREFIXES,
    DOLLAR_PREFIXES,
    DOTTED_CODES,
    SHARED_CURRENCY_WORDS,
    SPACED_DOLLAR_PREFIXES,
    SYMBOL_CURRENCIES,
    WORD_CODES,
)
from .english.names import INDEX_REACH, INDEX_WORDS, POINT_WORDS
from .english.numbers import MINUS_DUE, MINUS_WORDS, ORDINAL_SUFFIXES
from .english.units import AGE_ABBREVIATIONS, AGE_WORDS, CALENDAR, MODEL_WORDS, NAME_FOLLOWERS
from .numbers import SCALE_WORDS, scaled
from .numerals import read_numeral
from .unit_reading import UnitFound, unit_after
from .unit_reading import lookup_unit as lookup_unit  # part of this stage's interface
from .words import is_acronym_plural, is_plural_noun

if TYPE_CHECKING:
    from .context import Context
    from .numbers import Numeral
    from .units import UnitInfo

# Lower-case words that are also ISO 4217 codes: never read as currencies.
_SIGNS = frozenset({"-", "−", "–"})
# The tokens next to a number that the readers of units stated in words start from: one look
# tells whether to try them ("magnitude 6.8", "6.8-magnitude", "aged 65", "absolute zero").
_WORD_UNIT_CUES = frozenset(
    {"-", "magnitude", "absolute", *AGE_WORDS, *AGE_ABBREVIATIONS, *POINT_WORDS}
)
# The tokens that open a currency written with a glued second token: "$US", "Rs.".
_GLUED_OPENERS = frozenset({"$", *DOTTED_CODES})
# How far names may run before the plural noun they qualify: "Kia and Hyundai vehicles".
_NAME_RUN = 5
# The words that join names in such a run.
_NAME_JOINS = frozenset({"and", "&"})


class Quantity(NamedTuple):
    """A number with its sign, scale, currency and unit; token indexes are inclusive.

    Immutable: the widening rules make new ones (``_replace``). A named tuple rather than a
    frozen dataclass because every number of a text makes one or more, and a frozen dataclass
    is built four times slower (1.4 µs against 0.33 µs: 5% of the whole extraction, measured).
    """

    first: int  # first token (currency prefix or sign included)
    last: int  # last token (unit included)
    value: float  # the stated number with scale applied
    raw: float  # the number before any scale word
    scaled: bool  # carries a scale word
    written: bool  # spelled out in words
    vague: tuple[float, float] | None  # the interval of "dozens", "thousands", …
    unit: UnitInfo | None  # the unit or currency
    unit_surface: str | None  # the unit as written
    number_last: int  # last token of the numeral itself (before any unit)
    age: bool = False  # "23-year-old"
    adjectival: bool = False  # "a 10-mile walk", "ten-year bonds"

    @property
    def bare(self) -> bool:
        """Tell whether the number stands alone: no unit, no scale, not vague."""
        return self.unit is None and not self.scaled and self.vague is None


# A named tuple's generated ``__new__`` is a Python lambda: in the compiled core a generic
# Python call for every number. ``tuple.__new__`` with the fields in order builds the same
# tuple; ``quantity`` types them (tests/test_tuple_builders.py).
_TUPLE_NEW: Final = tuple.__new__


def quantity(
    first: int,
    last: int,
    value: float,
    raw: float,
    is_scaled: bool,
    written: bool,
    vague: tuple[float, float] | None,
    unit: UnitInfo | None,
    unit_surface: str | None,
    number_last: int,
    age: bool = False,
    adjectival: bool = False,
) -> Quantity:
    """Build a ``Quantity`` (its fields in order) without its named tuple's ``__new__``."""
    return _TUPLE_NEW(
        Quantity,
        (
            first,
            last,
            value,
            raw,
            is_scaled,
            written,
            vague,
            unit,
            unit_surface,
            number_last,
            age,
            adjectival,
        ),
    )


def read_quantity(ctx: Context, i: int, floor: int) -> Quantity | None:
    """Read the quantity that starts at token ``i``, looking no further back than ``floor``.

    ``floor`` is the first token no earlier claim took: "aged 65" and "magnitude 6.8" read a
    word before the number only from there.
    """
    if ctx.tokens[i].kind == "n":  # digits: no prefix or sign to read (most calls), straight on
        return _quantity(ctx, floor, i, i, None, None, 1.0)
    first = i
    currency: UnitInfo | None = None
    surface: str | None = None
    prefix = _currency_prefix(ctx, i)
    if prefix is not None:
        currency, surface, i = prefix
    signed = _sign(ctx, first, i)
    if signed is None:
        return None  # "F-16", "300-400": a hyphen, not a sign
    sign, i = signed
    return _quantity(ctx, floor, first, i, currency, surface, sign)


def _currency_prefix(ctx: Context, i: int) -> tuple[UnitInfo, str, int] | None:
    """Read a currency before the amount: "$5", "US$5", "$US5", "USD 5", "Rs 500", "Rs.20".

    Returns the currency, as written, and the token the amount (or its sign) starts at.
    """
    tokens, lex = ctx.tokens, ctx.lex
    n = len(tokens)
    tok = tokens[i]
    if tok.text in _GLUED_OPENERS and i + 2 < n and tokens[i + 2].kind == "n":
        if ctx.attached(i + 1):
            country = _country_after_dollar(ctx, i) or _dotted_code(ctx, i)
            if country is not None:
                return country
    prefix = DOLLAR_PREFIXES.get(tok.text) or (
        CODE_PREFIXES.get(tok.text.upper()) if len(tok.text) == 3 else None
    )
    if (
        i + 2 < n
        and tokens[i + 1].text == "$"
        and (
            (prefix and ctx.attached(i + 1))
            or (tok.text in SPACED_DOLLAR_PREFIXES and _spaced_prefix(ctx, i))
        )
    ):
        # "US$5", "HK$10bn", "MXN$ 15", "C $300 million"
        if tokens[i + 2].kind == "n" and (ctx.attached(i + 2) or ctx.spaced(i + 2)):
            code = prefix or SPACED_DOLLAR_PREFIXES[tok.text]
            return lex.currency(code), ctx.text[tok.start : tokens[i + 1].end], i + 2
    elif tok.text in SYMBOL_CURRENCIES and i + 1 < n:
        if tokens[i + 1].kind == "n" or tokens[i + 1].text in _SIGNS:
            if ctx.attached(i + 1) or ctx.spaced(i + 1):
                return lex.currency(SYMBOL_CURRENCIES[tok.text]), tok.text, i + 1
    elif (
        (
            tok.text in CODE_PREFIXES
            or (
                tok.text.islower()
                and tok.text.upper() in CODE_PREFIXES
                and tok.text not in WORD_CODES
            )
        )
        and i + 1 < n
        and tokens[i + 1].kind == "n"
    ):
        if ctx.spaced(i + 1) or ctx.attached(i + 1):
            code = CODE_PREFIXES[tok.text.upper() if tok.text.islower() else tok.text]
            return lex.currency(code), tok.text, i + 1
    return None


def _country_after_dollar(ctx: Context, i: int) -> tuple[UnitInfo, str, int] | None:
    """Read "$US42.7 million", "$A3.1bn", "$HK 2.3 billion": the country's letters after "$".

    The caller has checked that token ``i + 1`` is glued on and digits stand at ``i + 2``.
    """
    tokens = ctx.tokens
    if tokens[i].text != "$" or tokens[i + 1].text not in DOLLAR_PREFIXES:
        return None
    if not (ctx.attached(i + 2) or ctx.spaced(i + 2)):
        return None
    code = DOLLAR_PREFIXES[tokens[i + 1].text]
    return ctx.lex.currency(code), ctx.text[tokens[i].start : tokens[i + 1].end], i + 2


def _dotted_code(ctx: Context, i: int) -> tuple[UnitInfo, str, int] | None:
    """Read "Rs.20", "Rs. 4,500": a code written with a full stop before the amount.

    The caller has checked that token ``i + 1`` is glued on and digits stand at ``i + 2``.
    """
    tokens = ctx.tokens
    if tokens[i].text not in DOTTED_CODES or tokens[i + 1].text != ".":
        return None
    if not (ctx.attached(i + 2) or ctx.spaced(i + 2)):
        return None
    code = CODE_PREFIXES[tokens[i].text]
    return ctx.lex.currency(code), ctx.text[tokens[i].start : tokens[i + 1].end], i + 2


def _spaced_prefix(ctx: Context, i: int) -> bool:
    """Tell "HK $10bn" and "c $ 16.4 million" from "Vitamin C $30" (see the prefix table).

    The caller has checked that a "$" and one more token follow token ``i``.
    """
    tokens = ctx.tokens
    if not ctx.spaced(i + 1):
        return False
    if len(tokens[i].text) == 1 and not ctx.spaced(i + 2):
        return False  # a lone letter only in spaced, tokenised copy
    if i == 0:
        return True
    before = tokens[i - 1]
    return not (before.kind == "w" and (before.text[:1].isupper() or ctx.attached(i)))


def _sign(ctx: Context, first: int, i: int) -> tuple[float, int] | None:
    """Read a sign at token ``i``: "-12C", "minus five", "−3.5%"; return it and the number's token.

    None when the mark is a hyphen instead: "F-16", "300-400".
    """
    tokens = ctx.tokens
    n = len(tokens)
    tok = tokens[i]
    if tok.text in _SIGNS and i + 1 < n and ctx.attached(i + 1):
        glued_to_word = i > 0 and ctx.attached(i) and tokens[i - 1].kind in "nw"
        if tokens[i + 1].kind != "n" or (glued_to_word and i != first + 1):
            return None
        return -1.0, i + 1
    if tok.lower in MINUS_WORDS and i + 1 < n and tokens[i + 1].kind in "nw":
        return -1.0, i + 1
    if tok.text in _SIGNS and i + 1 < n and tokens[i + 1].kind == "n" and ctx.spaced(i + 1):
        if ctx.spaced(i) and tokens[i - 1].lower in MINUS_DUE:
            return -1.0, i + 1  # "the low was - 2 degrees"
    if tok.lower in MINUS_WORDS and i + 2 < n and tokens[i + 1].text in _SIGNS:
        if ctx.attached(i + 1) and ctx.attached(i + 2) and tokens[i + 2].kind == "n":
            return -1.0, i + 2  # "minus-5 yards"
    return 1.0, i


def _quantity(
    ctx: Context,
    floor: int,
    first: int,
    i: int,
    currency: UnitInfo | None,
    surface: str | None,
    sign: float,
) -> Quantity | None:
    """Read the numeral at token ``i`` and what follows it, after any prefix and sign."""
    numeral = read_numeral(ctx, i, floor)
    if numeral is None or not math.isfinite(numeral.value):
        return None
    first = min(first, numeral.first)  # ".08": the point opens the number
    value, raw = sign * numeral.value, sign * numeral.raw
    last = numeral.last
    if currency is None:
        found = _currency_after(ctx, numeral)
        if found is not None:
            return _with_code_after(ctx, numeral, first, value, raw, found)
        if numeral.vague is None:
            unit = _unit_of(ctx, floor, numeral, first, value)
            if unit is None:
                return quantity(
                    first, last, value, raw, numeral.scaled, numeral.written, None, None, None, last
                )
            return quantity(
                unit.first, unit.last, value, raw, numeral.scaled, numeral.written, None,
                unit.unit, unit.surface, last, unit.age, unit.adjectival,
            )  # fmt: skip
    if numeral.vague is not None:
        of = _vague_unit(ctx, last)
        if of is not None:
            currency, surface, last = of
    return quantity(
        first, last, value, raw, numeral.scaled, numeral.written, numeral.vague, currency,
        surface, numeral.last,
    )  # fmt: skip


def _unit_of(
    ctx: Context, floor: int, numeral: Numeral, first: int, value: float
) -> UnitFound | None:
    """Find the unit of a number with no currency: after it, or a word that names one.

    "25 minutes", "magnitude 6.8", "aged 65", "absolute zero", tried in that order.
    """
    found = unit_after(ctx, numeral, first, value)
    if found is not None:
        return found
    tokens, last = ctx.tokens, numeral.last
    before = tokens[first - 1].lower if first > floor else ""
    after = tokens[last + 1].lower if last + 1 < len(tokens) else ""
    if before not in _WORD_UNIT_CUES and after not in _WORD_UNIT_CUES:
        return None  # most numbers: none of the words below stands next to them
    if after in POINT_WORDS:
        return _index_points(ctx, floor, first, last)
    found = _magnitude(ctx, floor, first, last)
    if found is None:
        found = _age(ctx, floor, first, last, numeral.scaled, value)
    if found is None and numeral.written and value == 0:
        found = _absolute_zero(ctx, floor, first, last)
    return found


def _with_code_after(
    ctx: Context,
    numeral: Numeral,
    first: int,
    value: float,
    raw: float,
    found: tuple[UnitInfo, str, int],
) -> Quantity:
    """Build a quantity whose currency follows it, with the scale the code carries.

    The million of "30 MUSD" and the scale word of "75 USD million".
    """
    unit, code, last = found
    is_scaled = numeral.scaled
    if len(code) == 4 and code[0] in "Mm" and not is_scaled:
        value, is_scaled = scaled(value, 1e6), True
    else:
        tokens = ctx.tokens
        j = last + 1
        if j < len(tokens) and tokens[j].lower in SCALE_WORDS and not is_scaled:
            if ctx.spaced(j) and tokens[j].lower != "hundred":
                value = scaled(value, SCALE_WORDS[tokens[j].lower])
                is_scaled, last = True, j
    return quantity(
        first, last, value, raw, is_scaled, numeral.written, numeral.vague, unit, code,
        numeral.last,
    )  # fmt: skip


def _vague_unit(ctx: Context, last: int) -> tuple[UnitInfo, str, int] | None:
    """Read "millions of dollars", "thousands of tonnes": the unit follows "of"."""
    tokens = ctx.tokens
    j = last + 1
    if not (j + 1 < len(tokens) and tokens[j].lower == "of" and ctx.spaced(j)):
        return None
    if not (ctx.spaced(j + 1) and tokens[j + 1].kind == "w"):
        return None
    match = lookup_unit(ctx, j + 1, False)
    if match is None or match[0] is None or len(tokens[j + 1].text) <= 2:
        return None
    info, end = match
    if info.dimension == "currency" and tokens[j + 1].lower in SHARED_CURRENCY_WORDS:
        info = ctx.lex.currency(SHARED_CURRENCY_WORDS[tokens[j + 1].lower])  # "millions of pounds"
    return info, ctx.text[tokens[j + 1].start : tokens[end].end], end


def _age(
    ctx: Context, floor: int, first: int, last: int, is_scaled: bool, value: float
) -> UnitFound | None:
    """Read ages without "years": "aged 65", "age 87", "an 87 yo man"."""
    tokens = ctx.tokens
    k, j = first - 1, last + 1
    if j < len(tokens) and tokens[j].lower in AGE_ABBREVIATIONS and ctx.spaced(j):
        return UnitFound(ctx.lex.units["year"], tokens[j].text, first, j, age=True)
    if k >= floor and tokens[k].lower in AGE_WORDS and ctx.spaced(k + 1):
        if not is_scaled and 0 <= value < 130:
            # "aged 65": the word that makes it an age is its unit
            return UnitFound(ctx.lex.units["year"], tokens[k].text, k, last, age=True)
    return None


def _index_points(ctx: Context, floor: int, first: int, last: int) -> UnitFound | None:
    """Read "4,512.3 points" after an index: its level (or move) in index points.

    Only with an index word a few tokens before, in the sentence: "30 points" in a match count.
    """
    tokens = ctx.tokens
    j = last + 1
    if not ctx.spaced(j):
        return None
    for k in range(first - 1, max(floor, first - INDEX_REACH) - 1, -1):
        word = tokens[k].lower
        if word in INDEX_WORDS or (word == "p" and ctx.word(k - 1) == "&"):
            return UnitFound(ctx.lex.index_point, tokens[j].text, first, j)
        if tokens[k].text in ".!?":
            return None
    return None


def _absolute_zero(ctx: Context, floor: int, first: int, last: int) -> UnitFound | None:
    """Read "absolute zero" as 0 K: a temperature stated in words."""
    k = first - 1
    if k >= floor and ctx.tokens[k].lower == "absolute" and ctx.spaced(first):
        return UnitFound(ctx.lex.units["kelvin"], ctx.tokens[k].text, k, last)
    return None


def _magnitude(ctx: Context, floor: int, first: int, last: int) -> UnitFound | None:
    """Read earthquake magnitudes: "magnitude 6.8", "a 6.8-magnitude quake"."""
    tokens = ctx.tokens
    k = first - 1
    if k > floor and tokens[k].text == "-" and ctx.attached(k + 1):
        if tokens[k - 1].lower == "magnitude" and ctx.attached(k):
            k -= 1  # "magnitude-5.2"
    elif k >= floor and not ctx.spaced(k + 1):
        k = -1
    if k >= floor and tokens[k].lower == "magnitude":
        return UnitFound(ctx.lex.magnitude, tokens[k].text, k, last)
    j = last + 1
    if j + 1 < len(tokens) and tokens[j].text == "-" and ctx.attached(j):
        j += 1
    if j < len(tokens) and tokens[j].lower == "magnitude":
        if ctx.attached(j) or ctx.spaced(j):
            return UnitFound(ctx.lex.magnitude, tokens[j].text, first, j)
    return None


def _currency_after(ctx: Context, numeral: Numeral) -> tuple[UnitInfo, str, int] | None:
    """Currency words after the amount: "500 dollars", "3m euros", "20 million pounds"."""
    tokens, lex = ctx.tokens, ctx.lex
    j = numeral.last + 1
    if j >= len(tokens) or not ctx.spaced(j):
        return None
    word = tokens[j].lower
    sterling = j + 1 < len(tokens) and tokens[j + 1].lower == "sterling"
    shared = SHARED_CURRENCY_WORDS.get(word)  # "pounds": money only when scaled or "sterling"
    if shared is not None and numeral.scaled and not sterling:
        return (lex.currency(shared), tokens[j].text, j)
    if shared is not None and sterling:
        return (lex.currency(shared), ctx.text[tokens[j].start : tokens[j + 1].end], j + 1)
    code = tokens[j].text
    if code in CODE_PREFIXES:
        return (lex.currency(CODE_PREFIXES[code]), code, j)
    if len(code) == 4 and code[0] in "Mm" and code[1:].upper() in CODE_PREFIXES:
        if code[1:].isupper() or code.islower():  # "30 MUSD", "120 MEUR": millions
            return (lex.currency(CODE_PREFIXES[code[1:].upper()]), code, j)
    if code.islower() and code.upper() in CODE_PREFIXES and len(code) == 3:
        if code not in WORD_CODES:  # "20 usd", "10 rmb"; never "10 try"
            return (lex.currency(CODE_PREFIXES[code.upper()]), code, j)
    return None


def names_after(ctx: Context, quantity: Quantity) -> bool:
    """Tell whether letters glued to the number make it an ordinal or a name ("14th", "5G")."""
    tokens = ctx.tokens
    j = quantity.number_last + 1
    if quantity.unit is not None or quantity.scaled or j >= len(tokens):
        return False
    if ctx.attached(j) and (tokens[j].kind == "w" or tokens[j].lower in ORDINAL_SUFFIXES):
        return True
    if tokens[j].text == "-" and ctx.attached(j) and j + 1 < len(tokens):
        # "7-Eleven", "3-Series": a capitalised word glued on names something.
        return ctx.attached(j + 1) and tokens[j + 1].text[:1].isupper()
    if ctx.spaced(j) and tokens[j].kind == "w":
        return _name_word(ctx, quantity, j)
    return False


def _name_word(ctx: Context, quantity: Quantity, j: int) -> bool:
    """Tell whether the word at token ``j``, one space after the number, makes it a name.

    "the 90210 postcode", "the 737 Max jets", "10 Downing Street", "20 787 Dreamliner jets";
    not "5 Syrian refugees", "2 TDs", "about 460 Kia and Hyundai vehicles", "5 May".
    """
    tokens = ctx.tokens
    word = tokens[j].text
    if word.lower() in NAME_FOLLOWERS or word in MODEL_WORDS:
        return True  # "the 90210 postcode", "the 737 Max jets"
    if word.lower() in STOPWORDS or is_acronym_plural(word):
        return False  # "2 TDs", "14 MPs"
    if not word[0].isupper():
        return False
    first = quantity.first
    if first > 0 and tokens[first - 1].kind == "n" and ctx.spaced(first):
        return True  # "20 787 Dreamliner jets": a count, then a model's number
    if _names_a_plural(ctx, j):
        return False  # "460 Kia and Hyundai vehicles", "40 Tesla and BYD cars"
    # "the 737 Max", "10 Downing Street": a capitalised singular word, not an acronym.
    after = tokens[j + 1].lower if j + 1 < len(tokens) else ""
    return (
        word[0].isupper()
        and not word.isupper()
        and "," not in tokens[quantity.number_last].text
        and not is_plural_noun(word.lower())
        and not is_plural_noun(after)  # "5 Syrian refugees"
        and word not in CALENDAR
    )


def _names_a_plural(ctx: Context, j: int) -> bool:
    """Tell whether the names from token ``j`` qualify a lower-case plural noun after them.

    "Kia and Hyundai vehicles", "Model 3 sedans": capitalised words, acronyms, digits and
    "and" or "&" between them, then the counted thing, within a few words.
    """
    tokens = ctx.tokens
    for k in range(j + 1, min(len(tokens), j + _NAME_RUN)):
        tok = tokens[k]
        if not ctx.spaced(k):
            return False
        if tok.kind == "w" and tok.text.islower() and tok.lower not in _NAME_JOINS:
            return is_plural_noun(tok.lower)
        if not (tok.kind == "n" or tok.text[:1].isupper() or tok.lower in _NAME_JOINS):
            return False
    return False
