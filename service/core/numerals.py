"""Read the numeral at a token: digits with separators and scales, or words with fractions.

``NumeralReading`` is one part of ``QuantityReader`` (``service/core/quantities.py``): its
methods work on the reader's ``text``, ``tokens`` and ``lex``. Written numbers and fractions
come from ``numbers``, ``fractions`` and ``spoken``; this part joins them to what follows
("2.4m", "1.5bn", "three lakh crore", "4 thousand 3 hundred", "two and a half").
"""

from __future__ import annotations

import math

from .capital_m import capital_m_is_million
from .english.bounds import AFTER, BEFORE, MAX_BEFORE
from .english.currencies import CODE_PREFIXES, SYMBOL_CURRENCIES
from .english.numbers import SCALE_ABBREVIATIONS, SPACED_SCALE_ABBREVIATIONS
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
    SCALE_WORDS,
    TENS_WORDS,
    UNITS_WORDS,
    VAGUE_WORDS,
    VULGAR_FRACTIONS,
    ZEROS,
    Numeral,
    Token,
    attached,
    digits_value,
    read_words,
    scaled,
    spaced,
    times_ten_to,
)
from .spoken import continue_scaled, read_point, read_power
from .unit_reading import SUPERSCRIPTS
from .units import Lexicon

# Capital scale letters, read only right after a currency amount ("€10M", "$2.174T").
_CURRENCY_SCALES = {
    "M": 1e6, "B": 1e9, "T": 1e12, "MN": 1e6, "BN": 1e9, "Bn": 1e9, "K": 1e3, "MM": 1e6,
}  # fmt: skip
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


class NumeralReading:
    """The numeral half of ``QuantityReader``."""

    text: str
    tokens: list[Token]
    lex: Lexicon
    floor: int

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
                numeral.value = scaled(numeral.value, factor)
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
            while k < n and tokens[k].text in SUPERSCRIPTS and attached(tokens, k):
                digits += SUPERSCRIPTS[tokens[k].text]
                k += 1
            if digits.lstrip("-").isdigit():
                numeral.value = numeral.raw = times_ten_to(numeral.value, int(digits[:6]))
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
                exponent = -int(tokens[k + 1].text[:6])
                numeral.value = numeral.raw = times_ten_to(numeral.value, exponent)
                numeral.last = k + 1
                return
        if j + 3 < n and tokens[j].text in ("x", "×", "*") and tokens[j + 1].text.isdigit():
            power = read_power(tokens, j + 2)  # "3 x 10^6", "6.23x10^-4", "8x2^10"
            if power is not None:
                try:
                    base = float(tokens[j + 1].text[:6])
                    if base == 10 and float(power[0]).is_integer() and abs(power[0]) < 400:
                        value = times_ten_to(numeral.value, int(power[0]))  # "4.1 x 10^9"
                    else:
                        value = numeral.value * base ** power[0]
                    numeral.value = numeral.raw = value
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
        if word == "half" and _lone_half_is_share(tokens, i):
            return Numeral(0.5, i, i, written=True, raw=0.5)  # "more than half of voters"
        if word in ("a", "an", "one") and nxt in FRACTION_WORDS and not nxt.endswith("s"):
            # "a third of", "one sixth.", "between a third and a half": only before "of",
            # punctuation or another number, so "a fifth term", "a fifth and final term" and
            # "the third quarter" are not read.
            if (
                i + 2 >= n
                or tokens[i + 2].lower == "of"
                or tokens[i + 2].kind == "s"
                or (tokens[i + 2].lower in ("and", "or", "to") and _number_at(tokens, i + 3))
            ):
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
    n = len(tokens)
    if k >= n:
        return False
    word = tokens[k].lower
    if word == "half" or tokens[k].text in VULGAR_FRACTIONS:
        return True
    nxt = tokens[k + 1].lower if k + 1 < n else ""
    if nxt in ("-", "‐") and k + 2 < n:
        nxt = tokens[k + 2].lower  # "two-thirds"
    return (word in ("a", "an", "one") or word in UNITS_WORDS) and nxt in FRACTION_WORDS


def _lone_half_is_share(tokens: list[Token], i: int) -> bool:
    """Tell whether a "half" with no number word of its own states a share.

    Only with a bound ("more than half of voters", "half or more"), or as the first end of a
    range ("between half and two-thirds"); "the first half", "half the battle", "from 9 to half
    past 10" and "half-time" state none.
    """
    n = len(tokens)
    if i + 1 < n and tokens[i + 1].text in ("-", "‐") and attached(tokens, i + 1):
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
