"""Read one quantity at a token: currency prefix, sign, numeral, scale and unit.

A quantity is a number with what is glued to it ("$1.5bn", "-12C", "2.4m", "25 minutes");
bounds, ranges and the counted thing are the extractor's business. ``QuantityReader`` reads the
prefix, sign and what follows the number here; the numeral itself comes from ``NumeralReading``
(``numerals.py``) and the unit from ``UnitReading`` (``unit_reading.py``), its two halves.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .english.common import STOPWORDS
from .english.currencies import (
    CODE_PREFIXES,
    DOLLAR_PREFIXES,
    SPACED_DOLLAR_PREFIXES,
    SYMBOL_CURRENCIES,
)
from .numbers import (
    SCALE_WORDS,
    Numeral,
    Token,
    attached,
    scaled,
    spaced,
)
from .numerals import NumeralReading
from .unit_reading import ORDINAL_SUFFIXES, UnitReading
from .units import Lexicon, UnitInfo
from .words import is_plural_noun

if TYPE_CHECKING:
    from .context import Context

# Lower-case words that are also ISO 4217 codes: never read as currencies.
_WORD_CODES = frozenset({"try", "cad", "bob", "mop", "top", "all", "php", "sos", "cup", "gel"})
# Words after a number that make it a code: "the 90210 postcode".
_NAME_FOLLOWERS = frozenset({"postcode", "postcodes", "zip", "zipcode", "code", "hotline"})
_CALENDAR = frozenset(
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
)
_SIGNS = frozenset({"-", "−", "–"})


@dataclass(slots=True)
class Quantity:
    """A number with its sign, scale, currency and unit; token indexes are inclusive."""

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


class QuantityReader(NumeralReading, UnitReading):
    """Read quantities over one text's tokens."""

    def __init__(self, text: str, tokens: list[Token], lexicon: Lexicon) -> None:
        self.text = text
        self.tokens = tokens
        self.lex = lexicon
        self.floor = 0  # the first token not yet taken by an earlier claim

    def read(self, i: int) -> Quantity | None:
        """Read the quantity that starts at token ``i``, or None."""
        tokens = self.tokens
        n = len(tokens)
        first = i
        currency: UnitInfo | None = None
        surface = None
        sign = 1.0
        tok = tokens[i]
        if tok.kind == "n":  # digits: no prefix or sign to read (most calls), straight on
            return self._quantity(first, i, None, None, 1.0)
        # Currency prefixes: "$5", "US$5", "USD 5", "Rs 500".
        prefix = DOLLAR_PREFIXES.get(tok.text) or (
            CODE_PREFIXES.get(tok.text.upper()) if len(tok.text) == 3 else None
        )
        if (
            i + 2 < n
            and tokens[i + 1].text == "$"
            and (
                (prefix and attached(tokens, i + 1))
                or (tok.text in SPACED_DOLLAR_PREFIXES and self._spaced_prefix(i))
            )
        ):
            # "US$5", "HK$10bn", "MXN$ 15", "C $300 million"
            if tokens[i + 2].kind == "n" and (
                attached(tokens, i + 2) or spaced(self.text, tokens, i + 2)
            ):
                currency = self._currency(prefix or SPACED_DOLLAR_PREFIXES[tok.text])
                surface = self.text[tok.start : tokens[i + 1].end]
                i += 2
        elif tok.text in SYMBOL_CURRENCIES and i + 1 < n:
            if tokens[i + 1].kind == "n" or tokens[i + 1].text in _SIGNS:
                if attached(tokens, i + 1) or spaced(self.text, tokens, i + 1):
                    currency = self._currency(SYMBOL_CURRENCIES[tok.text])
                    surface = tok.text
                    i += 1
        elif (
            (
                tok.text in CODE_PREFIXES
                or (
                    tok.text.islower()
                    and tok.text.upper() in CODE_PREFIXES
                    and tok.text not in _WORD_CODES
                )
            )
            and i + 1 < n
            and tokens[i + 1].kind == "n"
        ):
            if spaced(self.text, tokens, i + 1) or attached(tokens, i + 1):
                currency = self._currency(
                    CODE_PREFIXES[tok.text.upper() if tok.text.islower() else tok.text]
                )
                surface = tok.text
                i += 1
        # Signs: "-12C", "minus five", "−3.5%".
        tok = tokens[i]
        if tok.text in _SIGNS and i + 1 < n and attached(tokens, i + 1):
            glued_to_word = i > 0 and attached(tokens, i) and tokens[i - 1].kind in "nw"
            if tokens[i + 1].kind != "n" or (glued_to_word and i != first + 1):
                return None  # "F-16", "300-400": a hyphen, not a sign
            sign = -1.0
            i += 1
        elif tok.lower in ("minus", "negative") and i + 1 < n and tokens[i + 1].kind in "nw":
            sign = -1.0
            i += 1
        return self._quantity(first, i, currency, surface, sign)

    def _spaced_prefix(self, i: int) -> bool:
        """Tell "HK $10bn" and "c $ 16.4 million" from "Vitamin C $30" (see the prefix table).

        The caller has checked that a "$" and one more token follow token ``i``.
        """
        tokens, text = self.tokens, self.text
        if not spaced(text, tokens, i + 1):
            return False
        if len(tokens[i].text) == 1 and not spaced(text, tokens, i + 2):
            return False  # a lone letter only in spaced, tokenised copy
        if i == 0:
            return True
        before = tokens[i - 1]
        return not (before.kind == "w" and (before.text[:1].isupper() or attached(tokens, i)))

    def _quantity(
        self, first: int, i: int, currency: UnitInfo | None, surface: str | None, sign: float
    ) -> Quantity | None:
        """Read the numeral at token ``i`` and what follows it, after any prefix and sign."""
        numeral = self._numeral(i)
        if numeral is None or not math.isfinite(numeral.value):
            return None
        first = min(first, numeral.first)  # ".08": the point opens the number
        found = self._currency_after(numeral) if currency is None else None
        quantity = Quantity(
            first=first,
            last=numeral.last,
            value=sign * numeral.value,
            raw=sign * numeral.raw,
            scaled=numeral.scaled,
            written=numeral.written,
            vague=numeral.vague,
            unit=currency,
            unit_surface=surface,
            number_last=numeral.last,
        )
        if found is not None:
            quantity.unit, quantity.unit_surface, quantity.last = found
            self._scale_after_code(quantity)
        elif currency is None and numeral.vague is None:
            self._unit_after(quantity)
            if quantity.unit is None:
                self._magnitude(quantity)
            if quantity.unit is None:
                self._age(quantity)
            if quantity.unit is None and quantity.written and quantity.value == 0:
                self._absolute_zero(quantity)
        elif numeral.vague is not None:
            self._vague_unit(quantity)
        return quantity

    def _scale_after_code(self, quantity: Quantity) -> None:
        """Apply the million of "30 MUSD" and the scale word of "75 USD million"."""
        tokens = self.tokens
        code = quantity.unit_surface or ""
        if len(code) == 4 and code[0] in "Mm" and not quantity.scaled:
            quantity.value = scaled(quantity.value, 1e6)
            quantity.scaled = True
            return
        j = quantity.last + 1
        if j < len(tokens) and tokens[j].lower in SCALE_WORDS and not quantity.scaled:
            if spaced(self.text, tokens, j) and tokens[j].lower != "hundred":
                quantity.value = scaled(quantity.value, SCALE_WORDS[tokens[j].lower])
                quantity.scaled = True
                quantity.last = j

    def _vague_unit(self, quantity: Quantity) -> None:
        """Read "millions of dollars", "thousands of tonnes": the unit follows "of"."""
        tokens = self.tokens
        j = quantity.last + 1
        if j + 1 < len(tokens) and tokens[j].lower == "of" and spaced(self.text, tokens, j):
            if spaced(self.text, tokens, j + 1) and tokens[j + 1].kind == "w":
                match = self._lookup(j + 1, False)
                if match is not None and match[0] is not None and len(tokens[j + 1].text) > 2:
                    info, last = match
                    if info.dimension == "currency" and tokens[j + 1].lower in ("pounds", "pound"):
                        info = self.lex.currency("GBP")
                    quantity.unit = info
                    quantity.unit_surface = self.text[tokens[j + 1].start : tokens[last].end]
                    quantity.last = last

    def _age(self, quantity: Quantity) -> None:
        """Read ages without "years": "aged 65", "age 87", "an 87 yo man"."""
        tokens = self.tokens
        k, j = quantity.first - 1, quantity.last + 1
        if j < len(tokens) and tokens[j].lower in ("yo", "y/o") and spaced(self.text, tokens, j):
            quantity.unit, quantity.unit_surface, quantity.last = (
                self.lex.units["year"],
                tokens[j].text,
                j,
            )
            quantity.age = True
        elif (
            k >= self.floor
            and tokens[k].lower in ("aged", "age")
            and spaced(self.text, tokens, k + 1)
        ):
            if not quantity.scaled and 0 <= quantity.value < 130:
                quantity.unit, quantity.unit_surface = self.lex.units["year"], tokens[k].text
                quantity.first = k  # "aged 65": the word that makes it an age is its unit
                quantity.age = True

    def _absolute_zero(self, quantity: Quantity) -> None:
        """Read "absolute zero" as 0 K: a temperature stated in words."""
        k = quantity.first - 1
        if k >= self.floor and self.tokens[k].lower == "absolute":
            if spaced(self.text, self.tokens, quantity.first):
                quantity.unit, quantity.first = self.lex.units["kelvin"], k
                quantity.unit_surface = self.tokens[k].text

    def _magnitude(self, quantity: Quantity) -> None:
        """Read earthquake magnitudes: "magnitude 6.8", "a 6.8-magnitude quake"."""
        tokens = self.tokens
        k = quantity.first - 1
        if k > self.floor and tokens[k].text == "-" and attached(tokens, k + 1):
            if tokens[k - 1].lower == "magnitude" and attached(tokens, k):
                k -= 1  # "magnitude-5.2"
        elif k >= self.floor and not spaced(self.text, tokens, k + 1):
            k = -1
        if k >= self.floor and tokens[k].lower == "magnitude":
            quantity.first = k
            quantity.unit = self.lex.magnitude
            quantity.unit_surface = tokens[k].text
            return
        j = quantity.last + 1
        if j + 1 < len(tokens) and tokens[j].text == "-" and attached(tokens, j):
            j += 1
        if j < len(tokens) and tokens[j].lower == "magnitude":
            if attached(tokens, j) or spaced(self.text, tokens, j):
                quantity.unit = self.lex.magnitude
                quantity.unit_surface = tokens[j].text
                quantity.last = j

    def _currency(self, code: str) -> UnitInfo:
        return self.lex.currency(code)

    def _currency_after(self, numeral: Numeral) -> tuple[UnitInfo, str, int] | None:
        """Currency words after the amount: "500 dollars", "3m euros", "20 million pounds"."""
        tokens = self.tokens
        j = numeral.last + 1
        if j >= len(tokens) or not spaced(self.text, tokens, j):
            return None
        word = tokens[j].lower
        if (
            word in ("pound", "pounds")
            and numeral.scaled
            and not (j + 1 < len(tokens) and tokens[j + 1].lower == "sterling")
        ):
            return (self.lex.currency("GBP"), tokens[j].text, j)
        if (
            word in ("pound", "pounds")
            and j + 1 < len(tokens)
            and tokens[j + 1].lower == "sterling"
        ):
            return (self.lex.currency("GBP"), self.text[tokens[j].start : tokens[j + 1].end], j + 1)
        code = tokens[j].text
        if code in CODE_PREFIXES:
            return (self.lex.currency(CODE_PREFIXES[code]), code, j)
        if len(code) == 4 and code[0] in "Mm" and code[1:].upper() in CODE_PREFIXES:
            if code[1:].isupper() or code.islower():  # "30 MUSD", "120 MEUR": millions
                return (self.lex.currency(CODE_PREFIXES[code[1:].upper()]), code, j)
        if code.islower() and code.upper() in CODE_PREFIXES and len(code) == 3:
            if code not in _WORD_CODES:  # "20 usd", "10 rmb"; never "10 try"
                return (self.lex.currency(CODE_PREFIXES[code.upper()]), code, j)
        return None

    def ordinal_or_name_after(self, quantity: Quantity) -> bool:
        """Tell whether letters glued to the number make it an ordinal or a name ("14th", "5G")."""
        tokens = self.tokens
        j = quantity.number_last + 1
        if quantity.unit is not None or quantity.scaled or j >= len(tokens):
            return False
        if attached(tokens, j) and (tokens[j].kind == "w" or tokens[j].lower in ORDINAL_SUFFIXES):
            return True
        if tokens[j].text == "-" and attached(tokens, j) and j + 1 < len(tokens):
            # "7-Eleven", "3-Series": a capitalised word glued on names something.
            return attached(tokens, j + 1) and tokens[j + 1].text[:1].isupper()
        if spaced(self.text, tokens, j) and tokens[j].kind == "w":
            word = tokens[j].text
            if word.lower() in _NAME_FOLLOWERS:
                return True  # "the 90210 postcode"
            if word.lower() in STOPWORDS:
                return False
            # "the 737 Max", "10 Downing Street": a capitalised singular word, not an acronym.
            after = tokens[j + 1].lower if j + 1 < len(tokens) else ""
            return (
                word[0].isupper()
                and not word.isupper()
                and "," not in tokens[quantity.number_last].text
                and not is_plural_noun(word.lower())
                and not is_plural_noun(after)  # "5 Syrian refugees"
                and word not in _CALENDAR
            )
        return False


# -- the reading stage's interface: functions over the read-only context ---------------------


def read_quantity(ctx: Context, i: int, floor: int) -> Quantity | None:
    """Read the quantity that starts at token ``i``, looking no further back than ``floor``.

    ``floor`` is the first token no earlier claim took: "aged 65" and "magnitude 6.8" read a
    word before the number only from there.
    """
    reader = QuantityReader(ctx.text, ctx.tokens, ctx.lex)
    reader.floor = floor
    return reader.read(i)


def lookup_unit(ctx: Context, j: int, glued: bool) -> tuple[UnitInfo, int] | None:
    """Return the longest unit phrase at token ``j`` and its last token, or None."""
    return QuantityReader(ctx.text, ctx.tokens, ctx.lex)._lookup(j, glued)


def names_after(ctx: Context, quantity: Quantity) -> bool:
    """Tell whether letters glued to the number make it an ordinal or a name ("14th", "5G")."""
    return QuantityReader(ctx.text, ctx.tokens, ctx.lex).ordinal_or_name_after(quantity)
