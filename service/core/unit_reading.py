"""Read the unit after a number: symbols, words, powers, quotients and units read by context.

``UnitReading`` is one part of ``QuantityReader`` (``service/core/quantities.py``): its methods
work on the reader's ``text``, ``tokens`` and ``lex``. It holds the longest-match look-up in
quantulum3's tables ("km", "square metres", "km/h", "J/m^2 per year", "s-1") and the checks
that keep a glued letter or a quote mark from being read as a unit where it is not one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .english.common import CLAUSE_MARKS, STOPWORDS
from .numbers import Token, attached, spaced
from .unit_context import CONTEXT_SYMBOLS, context_unit, data_context
from .units import SPACED_LETTER_OK, Lexicon, UnitInfo

# Letters glued to digits that make an ordinal or a plural, not a unit: "21st", "the 1990s".
ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th", "s"})
# Single-letter symbols read as units when glued to digits.
_GLUED_LETTERS = frozenset("mgshCFKtlLWVJNp")
# Single letters read as units after a spaced digit-grouped whole number: commodity copy writes
# "278,000 t valued"; "m" stays out ("1,000 m people" would be millions).
_GROUPED_LETTERS = frozenset("t")
# Words that make a bare "degrees" a temperature.
_TEMPERATURE_WORDS = frozenset(
    """
    temperature temperatures thermostat hot heat heatwave cold colder warm warmer weather
    forecast boils boil freezes freezing fever celsius fahrenheit high highs low lows
    thermometer mercury degrees oven chill warming
    """.split()
)
# Words near "13F" or "10C" that make it a regulatory form, not a temperature.
_FILING_WORDS = frozenset("file files filed filing filings filer filers".split())
# Nouns right after "13F" that make it a form's name: "a 13F form" (not "ice forms at 0C").
_FORM_NOUNS = frozenset({"form", "forms", *_FILING_WORDS})
# Scale names that make a bare degree before them a temperature on that scale ("−459.67° on
# the Fahrenheit scale"), looked for over a few words, not past a clause's end.
_TEMPERATURE_SCALES = {"fahrenheit": "degree fahrenheit", "celsius": "degree Celsius"}
_SCALE_REACH = 5
# Superscript digits of powers: "km²", "s⁻¹".
SUPERSCRIPTS = dict(zip("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-", strict=True))
# Quote marks that double as feet and inches: after a written or quoted number they close a quote.
_QUOTE_MARKS = frozenset({'"', "'", "”", "’", "“", "‘"})
# A unit may stand in brackets right after its number: "20 (kg)", "20 [kg]".
_BRACKETS = {"(": ")", "[": "]", "{": "}", "<": ">"}


if TYPE_CHECKING:
    from .quantities import Quantity


class UnitReading:
    """The unit half of ``QuantityReader``."""

    text: str
    tokens: list[Token]
    lex: Lexicon
    floor: int

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
        if glued and tokens[j].lower in ORDINAL_SUFFIXES and tokens[j - 1].kind == "n":
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
        if info.name == "degree angle":
            scale = self._scale_named_after(last)  # "−459.67° on the Fahrenheit scale"
            if scale is not None:
                info = self.lex.units[scale]
            elif quantity.value < 0 or self._temperature_context(quantity.first):
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

    def _scale_named_after(self, last: int) -> str | None:
        """Name the temperature scale a few words after a bare degree, in the same clause."""
        tokens = self.tokens
        for k in range(last + 1, min(len(tokens), last + 1 + _SCALE_REACH)):
            word = tokens[k].lower
            if word in _TEMPERATURE_SCALES:
                return _TEMPERATURE_SCALES[word]
            if word in CLAUSE_MARKS or tokens[k].kind == "n":
                return None  # "angled at 35 degrees and run at 60 Celsius": another figure's
        return None

    def _temperature_ok(self, quantity: Quantity, j: int, last: int) -> bool:
        """Reject "13F filing", "Boeing 777F", "14.7C/", "PA 23456 F Block": names, not degrees."""
        tokens = self.tokens
        if tokens[j].text not in ("C", "F"):
            return True
        nxt = tokens[last + 1] if last + 1 < len(tokens) else None
        if nxt is not None and (nxt.text == "/" or nxt.lower in _FORM_NOUNS):
            return False  # "14.7C/", "13F filings", "a 13F form"
        near = range(max(0, quantity.first - 2), min(len(tokens), last + 4))
        if any(tokens[k].lower in _FILING_WORDS for k in near):
            return False  # "When must 13F be filed?", "file a 10F": forms
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
            return (int(SUPERSCRIPTS.get(nxt.text, nxt.text)), k + 1)
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
