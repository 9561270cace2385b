"""Read one quantity at a token: currency prefix, sign, numeral, scale and unit.

A quantity is a number with what is glued to it ("$1.5bn", "-12C", "2.4m", "25 minutes");
bounds, ranges and the counted thing are the extractor's business.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .capital_m import capital_m_is_million
from .fractions import (
    ARTICLE_FOLLOWERS,
    ORDINALS,
    is_ordinal_tail,
    read_fraction,
    starts_fraction,
)
from .numbers import (
    DOZENS,
    FRACTION_DENOMINATORS,
    FRACTION_WORDS,
    SCALE_ABBREVIATIONS,
    SCALE_WORDS,
    SPACED_SCALE_ABBREVIATIONS,
    TENS_WORDS,
    UNITS_WORDS,
    VAGUE_WORDS,
    VULGAR_FRACTIONS,
    Numeral,
    Token,
    digits_value,
    read_words,
)
from .spoken import ZEROS, continue_scaled, read_point, read_power
from .unit_context import CONTEXT_SYMBOLS, context_unit, data_context
from .units import SPACED_LETTER_OK, Lexicon, UnitInfo
from .vocabulary import (
    CODE_PREFIXES,
    DOLLAR_PREFIXES,
    IRREGULAR_PLURALS,
    NOT_PLURALS,
    STOPWORDS,
    SYMBOL_CURRENCIES,
)

_ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th", "s"})
# Single-letter symbols read as units when glued to digits.
_GLUED_LETTERS = frozenset("mgshCFKtlLWVJNp")
# Single letters read as units after a spaced digit-grouped whole number: commodity copy writes
# "278,000 t valued"; "m" stays out ("1,000 m people" would be millions).
_GROUPED_LETTERS = frozenset("t")
# Capital scale letters, read only right after a currency amount ("€10M", "$2.174T").
_CURRENCY_SCALES = {
    "M": 1e6, "B": 1e9, "T": 1e12, "MN": 1e6, "BN": 1e9, "Bn": 1e9, "K": 1e3, "MM": 1e6,
}  # fmt: skip
# Lower-case words that are also ISO 4217 codes: never read as currencies.
_WORD_CODES = frozenset({"try", "cad", "bob", "mop", "top", "all", "php", "sos", "cup", "gel"})
# Words that make a bare "degrees" a temperature.
_TEMPERATURE_WORDS = frozenset(
    """
    temperature temperatures thermostat hot heat heatwave cold colder warm warmer weather
    forecast boils boil freezes freezing fever celsius fahrenheit high highs low lows
    thermometer mercury degrees oven chill warming
    """.split()
)
# South Asian scale words, common in Indian and Pakistani English news.
_INDIAN_SCALES = {"lakh": 1e5, "lakhs": 1e5, "lac": 1e5, "crore": 1e7, "crores": 1e7}
# Context that keeps a glued "m" metres: race distances and words of height and depth.
_RACE_DISTANCES = frozenset({"50", "60", "100", "110", "200", "400", "800", "1500", "3000"})
_METRE_CONTEXT = frozenset(
    """
    tall high long wide deep away above below sprint race hurdles freestyle backstroke
    breaststroke butterfly dash relay final finals record jump drop fall waves wave
    underground depth deep-sea high-rise tower ladder
    """.split()
)
_SUPERSCRIPTS = dict(zip("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-", strict=True))
# Words after a number that make it a code: "the 90210 postcode".
_NAME_FOLLOWERS = frozenset({"postcode", "postcodes", "zip", "zipcode", "code", "hotline"})
_CALENDAR = frozenset(
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
)
_SIGNS = frozenset({"-", "−", "–"})
# Quote marks that double as feet and inches: after a written or quoted number they close a quote.
_QUOTE_MARKS = frozenset({'"', "'", "”", "’", "“", "‘"})
# A unit may stand in brackets right after its number: "20 (kg)", "20 [kg]".
_BRACKETS = {"(": ")", "[": "]", "{": "}", "<": ">"}


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


def attached(tokens: list[Token], i: int) -> bool:
    """Tell whether token ``i`` touches token ``i - 1`` (no space between)."""
    return 0 < i < len(tokens) and tokens[i].start == tokens[i - 1].end


def spaced(text: str, tokens: list[Token], i: int) -> bool:
    """Tell whether tokens ``i - 1`` and ``i`` are separated by a little white space only."""
    if not 0 < i < len(tokens):
        return False
    a, b = tokens[i - 1].end, tokens[i].start
    if b - a == 1:
        return text[a].isspace()  # the common case: one space
    if b - a != 2:
        return False
    gap = text[a:b]
    # One line break may fall inside a sentence of wrapped text; a blank line never does.
    return gap.isspace() and gap.count("\n") + gap.count("\r") <= 1


def is_plural_noun(word: str) -> bool:
    """Guess whether a lower-case word is a plural noun ("homes", "people")."""
    if word in IRREGULAR_PLURALS:
        return True
    return (
        len(word) > 3
        and word.endswith("s")
        and not word.endswith(("ss", "us", "is", "'s", "’s"))
        and word not in NOT_PLURALS
    )


class QuantityReader:
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
        if prefix and i + 2 < n and tokens[i + 1].text == "$" and attached(tokens, i + 1):
            # "US$5", "HK$10bn", "MXN$ 15"
            if tokens[i + 2].kind == "n" and (
                attached(tokens, i + 2) or spaced(self.text, tokens, i + 2)
            ):
                currency = self._currency(prefix)
                surface = tok.text + "$"
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
            quantity.value *= 1e6
            quantity.scaled = True
            return
        j = quantity.last + 1
        if j < len(tokens) and tokens[j].lower in SCALE_WORDS and not quantity.scaled:
            if spaced(self.text, tokens, j) and tokens[j].lower != "hundred":
                quantity.value *= SCALE_WORDS[tokens[j].lower]
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

    def _numeral(self, i: int) -> Numeral | None:
        tokens = self.tokens
        n = len(tokens)
        tok = tokens[i]
        if tok.kind == "n":
            value = digits_value(tok.text)
            if value is None:
                return None
            numeral = Numeral(value, i, i, raw=value)
            if i > self.floor and tokens[i - 1].text == "." and attached(tokens, i):
                if tok.text.isdigit() and not attached(tokens, i - 1):
                    # ".08", ".23456000": a decimal without its leading zero
                    numeral.value = numeral.raw = float("." + tok.text)
                    numeral.first = i - 1
            self._extend_digits(numeral)
        elif tok.text in VULGAR_FRACTIONS:
            value = VULGAR_FRACTIONS[tok.text]
            numeral = Numeral(value, i, i, raw=value)
        elif tok.kind == "w":
            numeral = self._words(i)
            if numeral is None:
                return None
        else:
            return None
        # Scale words after digits or words: "1.3 million", "2.4m", "$1.5bn", "10k".
        j = numeral.last + 1
        if j < n and numeral.vague is None:
            nxt = tokens[j]
            factor = None
            if nxt.lower in SCALE_WORDS and not numeral.scaled and nxt.lower != "hundred":
                factor = SCALE_WORDS[nxt.lower] if spaced(self.text, tokens, j) else None
            elif nxt.lower in SCALE_WORDS and nxt.lower == "hundred" and not numeral.written:
                factor = 100.0 if spaced(self.text, tokens, j) else None
            elif nxt.text in SCALE_ABBREVIATIONS and attached(tokens, j) and not numeral.written:
                factor = SCALE_ABBREVIATIONS[nxt.text]
                if nxt.text == "m" and not self._m_is_million(j):
                    factor = None
                elif nxt.text == "b" and numeral.value >= 1000 and not self._after_currency(j):
                    factor = None  # "1500b" is bits; "$5b" and "1.2b users" are billions
                elif nxt.text == "K" and len(tokens[j - 1].text.partition(".")[2]) == 2:
                    factor = None  # "573.15K" is kelvin
            elif nxt.text in _CURRENCY_SCALES and attached(tokens, j) and self._after_currency(j):
                factor = _CURRENCY_SCALES[nxt.text]  # "€10M", "$2.174T", "£3B"
            elif nxt.text == "M" and capital_m_is_million(self.text, tokens, j):
                factor = 1e6  # "10M users", "I can give you 10M."
            elif nxt.lower in SPACED_SCALE_ABBREVIATIONS and spaced(self.text, tokens, j):
                factor = SCALE_ABBREVIATIONS[nxt.lower]
            elif nxt.lower in DOZENS and spaced(self.text, tokens, j) and not numeral.written:
                factor = 12.0
            elif nxt.text == "k" and not numeral.written and spaced(self.text, tokens, j):
                if j + 1 >= n or tokens[j + 1].kind == "s":
                    factor = 1e3  # "2.33 k" at the end of a phrase
            elif nxt.lower in _INDIAN_SCALES and spaced(self.text, tokens, j):
                factor = _INDIAN_SCALES[nxt.lower]  # "13 lakh", "₹5 crore"
                if j + 1 < n and tokens[j + 1].lower in ("crore", "crores"):
                    if spaced(self.text, tokens, j + 1):
                        factor *= 1e7  # "three lakh crore"
                        j += 1
            if factor is not None:
                numeral.value *= factor
                numeral.scaled = True
                numeral.last = j
                if nxt.lower in SCALE_WORDS and not numeral.written:
                    continue_scaled(self.text, tokens, numeral, factor)  # "4 thousand 3 hundred"
                if factor >= 1e6:
                    self.and_a_fraction(numeral)  # "3 million and a half"
        return numeral

    def _after_currency(self, j: int) -> bool:
        """Tell whether the digits before token ``j`` follow a currency symbol or code."""
        k = j - 1
        while k > 0 and attached(self.tokens, k) and self.tokens[k - 1].kind != "w":
            k -= 1
        return self.tokens[k].text in SYMBOL_CURRENCIES or (
            k > 0 and self.tokens[k - 1].text in SYMBOL_CURRENCIES
        )

    def _m_is_million(self, j: int) -> bool:
        """Decide "2.4m homes" (million) against "100m sprint" (metres): what follows decides."""
        tokens = self.tokens
        if tokens[j - 1].start > 0 and self.text[tokens[j - 1].start - 1] in SYMBOL_CURRENCIES:
            return True
        k = j - 1
        while k > 0 and attached(tokens, k):
            k -= 1
        if tokens[k].text in SYMBOL_CURRENCIES or tokens[k].text in CODE_PREFIXES:
            return True
        number = tokens[j - 1].text
        if number in _RACE_DISTANCES:
            return False  # "the 400m", "100m sprint"
        if j + 1 < len(tokens) and tokens[j + 1].kind == "w":
            # "232.2m a year earlier", "2.4m homes"; but "2.4m tall", "a 10m drop", "1m is"
            word = tokens[j + 1].lower
            if word in ("is", "isn't", "was", "wasn't") and tokens[j - 1].text.isdigit():
                return int(tokens[j - 1].text) >= 10
            return word not in _METRE_CONTEXT
        return "." in number and not number.startswith("0.") and len(number) > 3

    def _extend_digits(self, numeral: Numeral) -> None:
        """Absorb fractions and exponents glued to the digits: "1/2", "2½", "1.5e6", "3 x 10^6"."""
        tokens = self.tokens
        n = len(tokens)
        j = numeral.last + 1
        if j < n and tokens[j].text in VULGAR_FRACTIONS and attached(tokens, j):
            numeral.value += VULGAR_FRACTIONS[tokens[j].text]
            numeral.raw = numeral.value
            numeral.last = j
            return
        power = read_power(tokens, j) if j < n and tokens[j].text == "^" else None
        if power is not None:  # "1.1^23", "2.5^-1", "10^6"
            try:
                numeral.value = numeral.raw = numeral.value ** power[0]
            except (OverflowError, ZeroDivisionError):
                numeral.value = numeral.raw = math.inf
            numeral.last = power[1]
            return
        if j + 2 < n and tokens[j].lower == "and" and numeral.value == int(numeral.value):
            self.and_a_fraction(numeral)  # "2 and a half years"
            if numeral.last != j - 1:
                return
        if (
            j + 2 < n
            and tokens[j].kind == "n"
            and tokens[j + 1].text == "/"
            and spaced(self.text, tokens, j)
        ):
            # "2 1/2 in", "10 1/2 miles": a whole number and a proper fraction
            part = Numeral(digits_value(tokens[j].text) or 0.0, j, j)
            self._extend_digits(part)
            if part.last == j + 2 and 0 < part.value < 1 and numeral.value == int(numeral.value):
                numeral.value = numeral.raw = numeral.value + part.value
                numeral.last = part.last
            return
        if j + 1 < n and tokens[j].text == "/" and attached(tokens, j) and attached(tokens, j + 1):
            denominator = digits_value(tokens[j + 1].text) if tokens[j + 1].kind == "n" else None
            of = j + 3 < n and tokens[j + 2].lower == "of" and spaced(self.text, tokens, j + 2)
            if (
                (denominator in FRACTION_DENOMINATORS or (of and denominator))
                and numeral.value < denominator
                and numeral.value == int(numeral.value)
            ):
                numeral.value = numeral.raw = numeral.value / denominator
                numeral.last = j + 1
            return
        if j + 1 < n and tokens[j].text in ("e", "E") and attached(tokens, j):
            k = j + 1
            sign = 1
            if tokens[k].text in "+-" and attached(tokens, k) and k + 1 < n:
                sign = -1 if tokens[k].text == "-" else 1
                k += 1
            if tokens[k].kind == "n" and attached(tokens, k) and tokens[k].text.isdigit():
                exponent = sign * int(tokens[k].text[:6])
                try:
                    numeral.value = numeral.raw = numeral.value * 10.0**exponent
                except OverflowError:
                    numeral.value = numeral.raw = math.inf
                numeral.last = k
            return
        if j + 2 < n and tokens[j].text in ("x", "×", "*") and tokens[j + 1].text == "10":
            k = j + 2
            digits = ""
            while k < n and tokens[k].text in _SUPERSCRIPTS and attached(tokens, k):
                digits += _SUPERSCRIPTS[tokens[k].text]
                k += 1
            if digits.lstrip("-").isdigit():
                numeral.value = numeral.raw = numeral.value * 10.0 ** int(digits[:6])
                numeral.last = k - 1
                return
            # "2.48×10−5", "5.5x10-3": a glued minus sign before the exponent
            if (
                k + 1 < n
                and tokens[k].text in ("-", "−")
                and attached(tokens, k)
                and attached(tokens, k + 1)
                and tokens[k + 1].text.isdigit()
                and attached(tokens, j)
            ):
                numeral.value = numeral.raw = numeral.value * 10.0 ** -int(tokens[k + 1].text[:6])
                numeral.last = k + 1
                return
        if j + 3 < n and tokens[j].text in ("x", "×", "*") and tokens[j + 1].text.isdigit():
            power = read_power(tokens, j + 2)  # "3 x 10^6", "6.23x10^-4", "8x2^10"
            if power is not None:
                try:
                    base = float(tokens[j + 1].text[:6])
                    numeral.value = numeral.raw = numeral.value * base ** power[0]
                except (OverflowError, ZeroDivisionError):
                    numeral.value = numeral.raw = math.inf
                numeral.last = power[1]

    def _words(self, i: int) -> Numeral | None:
        tokens = self.tokens
        n = len(tokens)
        word = tokens[i].lower
        nxt = tokens[i + 1].lower if i + 1 < n else ""
        if word in ("tens", "hundreds") and nxt == "of" and i + 2 < n:
            scale = tokens[i + 2].lower
            if scale in ("thousands", "millions", "billions"):
                low = (20 if word == "tens" else 200) * SCALE_WORDS[scale[:-1]]
                high = (100 if word == "tens" else 1000) * SCALE_WORDS[scale[:-1]] - 1
                return Numeral(low, i, i + 2, vague=(low, high), raw=0.0)
        if word in VAGUE_WORDS:
            return Numeral(VAGUE_WORDS[word][0], i, i, vague=VAGUE_WORDS[word], raw=0.0)
        if word in ("a", "an") and nxt in ARTICLE_FOLLOWERS:
            fraction = read_fraction(self.text, tokens, i)
            if fraction is not None:
                return fraction  # "a trillionth", "a hundred trillionths", "a twenty-first"
        if word == "a" and nxt in ("baker's", "baker’s") and i + 2 < n:
            if tokens[i + 2].lower == "dozen":  # "a baker's dozen": thirteen
                return Numeral(13.0, i, i + 2, written=True, raw=13.0)
        if word in ("a", "an") and nxt in ("dozen", "hundred", "thousand", "million", "billion"):
            # "a hundred and two", "a million": the article stands for one
            numeral = read_words(tokens, i + 1, implicit_one=True) if nxt != "dozen" else None
            value = 12.0 if nxt == "dozen" else SCALE_WORDS[nxt]
            last = i + 1
            if numeral is not None and numeral.value > value:
                value, last = numeral.value, numeral.last
            return Numeral(value, i, last, written=True, scaled=nxt != "dozen", raw=value)
        if word in ("half", "quarter") and nxt in ("million", "billion", "trillion"):
            value = SCALE_WORDS[nxt] / (2 if word == "half" else 4)  # "half million"
            return Numeral(value, i, i + 1, written=True, scaled=True, raw=value)
        if word == "half" and nxt in ("a", "an") and i + 2 < n:
            scale = tokens[i + 2].lower
            if scale in ("dozen", "million", "billion", "thousand", "hundred"):
                value = 6.0 if scale == "dozen" else SCALE_WORDS[scale] / 2
                return Numeral(value, i, i + 2, written=True, scaled=scale != "dozen", raw=value)
            if self._lookup(i + 2, False) is not None:
                return Numeral(0.5, i, i + 1, written=True, raw=0.5)  # "half a percentage point"
            return None
        if word in ("a", "an", "one") and nxt in FRACTION_WORDS and not nxt.endswith("s"):
            # "a third of", "one sixth.": only before "of" or punctuation, so "a fifth term"
            # and "the third quarter" are not read.
            if i + 2 >= n or tokens[i + 2].lower == "of" or tokens[i + 2].kind == "s":
                value = 1 / FRACTION_WORDS[nxt]
                return Numeral(value, i, i + 1, written=True, raw=value)
            return None
        if word in UNITS_WORDS or word in TENS_WORDS or word in ZEROS:
            numeral = read_words(tokens, i)  # None for "nought", read only before "point"
            j = i + 1 if numeral is None else numeral.last + 1
            if j < n and tokens[j].lower == "point":
                decimal = read_point(self.text, tokens, i, numeral)
                if decimal is not None:
                    return decimal  # "two hundred point zero three"
            if numeral is None:
                return None
            if starts_fraction(tokens, j):
                fraction = read_fraction(self.text, tokens, i)
                if fraction is not None:
                    return fraction  # "one hundred and three quarters", "three twenty-firsts"
            if is_ordinal_tail(tokens, j):
                return None  # "the twenty-first century", "its thirty-second year"
            self._word_fraction(numeral)
            return numeral
        return None

    def _word_fraction(self, numeral: Numeral) -> None:
        """Extend a written number by a fraction: "two thirds", "two-thirds", "one and a half"."""
        tokens = self.tokens
        n = len(tokens)
        j = numeral.last + 1
        if j >= n:
            return
        if tokens[j].text in "-‐" and attached(tokens, j) and j + 1 < n and attached(tokens, j + 1):
            frac = tokens[j + 1].lower
            plural_ok = frac.endswith("s") == (numeral.value != 1)
            if frac in FRACTION_WORDS and plural_ok and numeral.value < 100:
                numeral.value = numeral.raw = numeral.value / FRACTION_WORDS[frac]
                numeral.last = j + 1
            return
        if not spaced(self.text, tokens, j):
            return
        frac = tokens[j].lower
        if frac in FRACTION_WORDS and numeral.value < 100 and not numeral.scaled:
            plural = frac.endswith("s")
            follower = tokens[j + 1] if j + 1 < n else None
            if (plural and numeral.value > 1) or (
                numeral.value == 1
                and not plural
                and (follower is None or follower.kind == "s" or follower.lower == "of")
            ):
                numeral.value = numeral.raw = numeral.value / FRACTION_WORDS[frac]
                numeral.last = j
            return
        self.and_a_fraction(numeral)

    def and_a_fraction(self, numeral: Numeral) -> None:
        """Extend a whole number by "and a half" / "and a quarter": "two and a half miles"."""
        tokens = self.tokens
        j = numeral.last + 1
        if j + 2 < len(tokens) and tokens[j].lower == "and" and tokens[j + 1].lower in ("a", "an"):
            frac = tokens[j + 2].lower
            single = frac[-1] != "s" and frac != "first"
            if frac in ORDINALS and single and spaced(self.text, tokens, j):
                # "and a thirtieth"; after millions the fraction is of the scale: "one million
                # and a half" is 1.5 million, "one billion and a half million" 1.0005 billion
                scale = SCALE_WORDS.get(tokens[numeral.last].lower, 1.0)
                scale = scale if scale >= 1e6 else 1.0
                last = j + 2
                nxt = tokens[last + 1].lower if last + 1 < len(tokens) else ""
                follower = SCALE_WORDS.get(nxt, 0)
                if 1e3 <= follower < scale and spaced(self.text, tokens, last + 1):
                    scale, last = follower, last + 1
                numeral.value += scale / ORDINALS[frac]
                numeral.raw = numeral.value
                numeral.last = last

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

    def _unit_after(self, quantity: Quantity) -> None:
        """Find the unit after the number, if any, and extend the quantity over it."""
        tokens = self.tokens
        n = len(tokens)
        j = quantity.last + 1
        if j >= n:
            return
        glued = attached(tokens, j)
        hyphenated = False
        if glued and tokens[j].text in ("-", "‐") and j + 1 < n and attached(tokens, j + 1):
            hyphenated = True  # "10-mile walk", "23-year-old"
            j += 1
        elif not glued and not spaced(self.text, tokens, j):
            return
        if glued and tokens[j].lower in _ORDINAL_SUFFIXES and tokens[j - 1].kind == "n":
            return  # "21st", "4th": ordinals, not steres or tonnes
        match = self._lookup(j, glued and not hyphenated)
        if match is None and not glued:
            match = self._unit_in_context(quantity, j)
        if match is None:
            return
        info, last = match
        if tokens[j].text in _QUOTE_MARKS and (quantity.written or self._quoted(quantity.first)):
            return  # 'told him: "one hundred and two"': a closing quote, not inches
        if info.name == "millibar" and tokens[j].text == "mb" and data_context(tokens, j, last):
            info = self.lex.units["megabyte"]  # "a 100 mb file"; "980 mb" stays a pressure
        if info.name == "degree angle" and (
            quantity.value < 0 or self._temperature_context(quantity.first)
        ):
            info = self.lex.units["degree Celsius"]  # "temperatures of 40 degrees", "85°"
        if info.dimension == "temperature" and not self._temperature_ok(quantity, j, last):
            return
        quantity.unit = info
        quantity.unit_surface = self.text[tokens[j].start : tokens[last].end]
        quantity.last = last
        if info.dimension == "time" and last + 1 < n:
            # Ages: "23-year-old", "an 18-month-old", "19 years old".
            if hyphenated and last + 2 < n and tokens[last + 1].text == "-":
                if tokens[last + 2].lower == "old" and attached(tokens, last + 2):
                    quantity.last = last + 2
                    quantity.age = True
            elif not hyphenated and tokens[last + 1].lower == "old":
                if spaced(self.text, tokens, last + 1):
                    quantity.last = last + 1
                    quantity.age = True
        quantity.adjectival = hyphenated and not quantity.age

    def _quoted(self, first: int) -> bool:
        """Tell whether an opening quote mark stands right before token ``first``: '"102"'.

        A mark glued to digits before it is a foot sign instead: the "'" of "6'2"".
        """
        tokens = self.tokens
        if first == 0 or tokens[first - 1].text not in _QUOTE_MARKS:
            return False
        return not (attached(tokens, first - 1) and tokens[first - 2].kind == "n")

    def _unit_in_context(self, quantity: Quantity, j: int) -> tuple[UnitInfo, int] | None:
        """Read "2.1 pm", "2 in." (see ``unit_context``) and a bracketed unit: "20 (kg)"."""
        tokens = self.tokens
        if tokens[j].lower in CONTEXT_SYMBOLS:
            return context_unit(tokens, self.lex, quantity.number_last, j)
        closer = _BRACKETS.get(tokens[j].text)
        if closer is None or j + 2 >= len(tokens) or not attached(tokens, j + 1):
            return None
        match = self._lookup(j + 1, False)
        if match is None or len(tokens[j + 1].text) < 2:
            return None  # "(a)", "(c)": list markers, not units
        last = match[1] + 1
        if last < len(tokens) and tokens[last].text == closer and attached(tokens, last):
            return match[0], last
        return None

    def _temperature_context(self, first: int) -> bool:
        """Tell whether a bare "degrees" or "°" is a temperature: weather words before it."""
        tokens = self.tokens
        return any(tokens[k].lower in _TEMPERATURE_WORDS for k in range(max(0, first - 10), first))

    def _temperature_ok(self, quantity: Quantity, j: int, last: int) -> bool:
        """Reject "13F filing", "Boeing 777F", "14.7C/", "PA 23456 F Block": names, not degrees."""
        tokens = self.tokens
        if tokens[j].text not in ("C", "F"):
            return True
        nxt = tokens[last + 1] if last + 1 < len(tokens) else None
        if nxt is not None and (nxt.text == "/" or nxt.lower in ("filing", "filings", "form")):
            return False
        if nxt is not None and not attached(tokens, j) and nxt.text[:1].isupper():
            return False
        k = quantity.first - 1
        if quantity.value < 0 or k < 0 or tokens[k].kind != "w" or not tokens[k].text[:1].isupper():
            return True  # "Moscow -12C" is a temperature; "Boeing 777F" a name
        return tokens[k].lower in STOPWORDS or tokens[k].lower in _TEMPERATURE_WORDS

    def _lookup(self, j: int, glued: bool) -> tuple[UnitInfo, int] | None:
        """Longest unit phrase at token ``j``: exact-case symbols first, then word surfaces."""
        tokens = self.tokens
        n = len(tokens)
        if tokens[j].text not in self.lex.openers and tokens[j].lower not in self.lex.openers:
            return None
        key = ""
        candidates = []
        for k in range(j, min(n, j + self.lex.max_words + 2)):
            if k > j:
                gap = self.text[tokens[k - 1].end : tokens[k].start]
                if gap == "":
                    key += tokens[k].text
                elif gap == " ":
                    key += " " + tokens[k].text
                else:
                    break
            else:
                key = tokens[k].text
            candidates.append((key, k))
        symbols, surfaces = self.lex.symbols, self.lex.surfaces
        for key, k in reversed(candidates):
            if key not in symbols and key.lower() not in surfaces:
                continue  # every reading below starts from a known unit: skip the rest at once
            if k + 2 < n and tokens[k + 1].text == "/" and attached(tokens, k + 1):
                per = self._per(key, k + 2)
                if per is not None:
                    return per
            power = self._power(k) if key[-1].isalpha() else None  # "6'2"" is no square foot
            if power is not None:
                base = self.lex.symbols.get(key) or self.lex.surfaces.get(key.lower())
                if base is not None and base.dimension == "length" and len(base.base) == 1:
                    return (self.lex.power(base, power[0]), power[1])
            inverse = self._inverse(key, k)
            if inverse is not None:
                return inverse
            if k + 1 < n and attached(tokens, k + 1) and tokens[k + 1].kind in "nw":
                if key not in ("'", "′") or tokens[k + 1].kind == "w":
                    continue  # the unit must end at a word boundary; the foot of "6'2"" may not
            if (
                k + 2 < n
                and tokens[k + 1].lower in ("per", "an", "a")
                and spaced(self.text, tokens, k + 1)
            ):
                top = self.lex.symbols.get(key) or self.lex.surfaces.get(key.lower())
                bottom = self._lookup(k + 2, False) if spaced(self.text, tokens, k + 2) else None
                if tokens[k + 1].lower != "per" and (
                    bottom is None or bottom[0].dimension != "time"
                ):
                    bottom = None  # "miles an hour", not "5 km a day's walk" … only times
                if (
                    top is not None
                    and bottom is not None
                    and len(key) > 1
                    and top.dimension not in ("currency", "percentage")
                ):
                    return (self.lex.per(top, bottom[0]), bottom[1])
            info = self.lex.symbols.get(key)
            if info is not None and self._symbol_allowed(key, j, k, glued):
                return (info, k)
            info = self.lex.surfaces.get(key.lower())
            if info is not None and (len(key) > 2 or glued):
                return (info, k)
        return None

    def _power(self, k: int) -> tuple[int, int] | None:
        """Read a power after a length unit: "km2", "km^3", "km²", "km squared"."""
        tokens = self.tokens
        n = len(tokens)
        if k + 1 >= n:
            return None
        nxt = tokens[k + 1]
        if attached(tokens, k + 1) and nxt.text in ("2", "3", "²", "³"):
            return (int(_SUPERSCRIPTS.get(nxt.text, nxt.text)), k + 1)
        if (
            attached(tokens, k + 1)
            and nxt.text == "^"
            and k + 2 < n
            and tokens[k + 2].text in ("2", "3")
        ):
            return (int(tokens[k + 2].text), k + 2)
        if spaced(self.text, tokens, k + 1) and nxt.lower in ("squared", "cubed"):
            return (2 if nxt.lower == "squared" else 3, k + 1)
        return None

    def _per(self, key: str, k: int) -> tuple[UnitInfo, int] | None:
        """Compose "km/s", "kg/m3", "km/s2", "centimeters/millisecond", "J/m^2 per year"."""
        tokens = self.tokens
        n = len(tokens)
        top = self._symbol_or_word(key)
        if top is None or not attached(self.tokens, k) or tokens[k].kind != "w":
            return None
        bottom = self._symbol_or_word(tokens[k].text)
        last = k
        power = self._power(k)
        if bottom is None and tokens[k].text[-1] in "²³":  # "kg/cm³": one word token
            bottom = self.lex.symbols.get(tokens[k].text[:-1])
            power = (2 if tokens[k].text[-1] == "²" else 3, k)
        if bottom is None:
            return None
        if power is not None:  # "km/s2", "J/m^2": a squared or cubed denominator
            bottom, last = self.lex.power(bottom, power[0]), power[1]
        if last + 1 < n and attached(tokens, last + 1) and tokens[last + 1].kind in "nw":
            return None
        unit = self.lex.per(top, bottom)
        if (
            last + 2 < n
            and tokens[last + 1].lower == "per"
            and spaced(self.text, tokens, last + 1)
            and spaced(self.text, tokens, last + 2)
        ):
            rate = self._lookup(last + 2, False)  # "20 J/m^2 per year": a rate of that
            if rate is not None and rate[0].dimension == "time":
                unit, last = self.lex.per(unit, rate[0]), rate[1]
        return (unit, last)

    def _symbol_or_word(self, key: str) -> UnitInfo | None:
        """Return the unit a symbol or a whole unit word names: "cm", "centimeters"."""
        info = self.lex.symbols.get(key)
        if info is None and len(key) > 2:
            info = self.lex.surfaces.get(key.lower())
        return info

    def _inverse(self, key: str, k: int) -> tuple[UnitInfo, int] | None:
        """Read "s-1" and "s⁻¹" as quantulum3's "inverse second", where its tables have one."""
        tokens = self.tokens
        n = len(tokens)
        if k + 2 >= n or not attached(tokens, k + 1):
            return None
        if (tokens[k + 1].text, tokens[k + 2].text) not in (("⁻", "¹"), ("-", "1"), ("−", "1")):
            return None
        last = k + 2
        if not attached(tokens, last) or (
            last + 1 < n and attached(tokens, last + 1) and tokens[last + 1].kind in "nw"
        ):
            return None
        info = self.lex.symbols.get(key)
        inverse = self.lex.units.get("inverse " + info.name) if info is not None else None
        return None if inverse is None else (inverse, last)

    def _symbol_allowed(self, key: str, j: int, k: int, glued: bool) -> bool:
        if glued and len(key) == 1 and key.isalpha() and key.isascii():
            # "221B", "5G", "3D" are names; "5m", "180C", "60W" are units.
            return key in _GLUED_LETTERS
        if glued or not key.isalpha() or key in SPACED_LETTER_OK:
            return True
        if len(key) > 1:
            # "GHz", "MW" are units; a lower-case symbol that is an English word is not ("ha").
            return not key.islower() or key not in self.lex.common_words
        # A spaced single letter ("ran 100 m.", "4 L of wine") counts only before punctuation,
        # the end, or "of"; "24703 L-202" is a code.
        nxt = self.tokens[k + 1] if k + 1 < len(self.tokens) else None
        if nxt is not None and nxt.text in "-‐" and attached(self.tokens, k + 1):
            return False
        number = self.tokens[j - 1].text
        if key in _GROUPED_LETTERS and "," in number and "." not in number:
            return True  # "278,000 t valued": tonnes
        return nxt is None or nxt.kind in "sn" or nxt.lower in ("of", "x", "by")

    def ordinal_or_name_after(self, quantity: Quantity) -> bool:
        """Tell whether letters glued to the number make it an ordinal or a name ("14th", "5G")."""
        tokens = self.tokens
        j = quantity.number_last + 1
        if quantity.unit is not None or quantity.scaled or j >= len(tokens):
            return False
        if attached(tokens, j) and (tokens[j].kind == "w" or tokens[j].lower in _ORDINAL_SUFFIXES):
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
