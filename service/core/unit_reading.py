"""Read the unit after a number: symbols, words, powers, quotients and units read by context.

Functions over the read-only ``Context``: the longest-match look-up in quantulum3's tables
("km", "square metres", "km/h", "J/m^2 per year", "s-1") and the checks that keep a glued
letter or a quote mark from being read as a unit where it is not one. What they find travels
back as a ``UnitFound``; ``quantities`` builds the quantity from it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final, NamedTuple

from .english.common import CLAUSE_MARKS, STOPWORDS
from .english.measures import EPONYM_UNITS
from .english.numbers import ORDINAL_SUFFIXES
from .english.units import (
    FILING_WORDS,
    FORM_NOUNS,
    LETTER_FOLLOWERS,
    POWER_WORDS,
    RATE_WORDS,
    TEMPERATURE_REACH_AFTER,
    TEMPERATURE_REACH_BEFORE,
    TEMPERATURE_SCALES,
    TEMPERATURE_WORDS,
)
from .unit_context import CONTEXT_SYMBOLS, context_unit, data_context
from .units import SPACED_LETTER_OK, UnitInfo

if TYPE_CHECKING:
    from .context import Context
    from .numbers import Numeral

# Single-letter symbols read as units when glued to digits.
_GLUED_LETTERS = frozenset("mgshCFKtlLWVJNp")
# Single letters read as units after a spaced digit-grouped whole number: commodity copy writes
# "278,000 t valued"; "m" stays out ("1,000 m people" would be millions).
_GROUPED_LETTERS = frozenset("t")
# How many words after a bare degree the name of its scale is looked for.
_SCALE_REACH = 5
# Words between the ends of a range after which a spaced letter may still be a unit.
_RANGE_WORDS = frozenset({"to", "and", "or", "-", "–"})
# Superscript digits of powers: "km²", "s⁻¹".
SUPERSCRIPTS = dict(zip("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-", strict=True))
# Quote marks that double as feet and inches: after a written or quoted number they close a quote.
_QUOTE_MARKS = frozenset({'"', "'", "”", "’", "“", "‘"})
# A unit may stand in brackets right after its number: "20 (kg)", "20 [kg]".
_BRACKETS = {"(": ")", "[": "]", "{": "}", "<": ">"}
# The marks of an inverse unit after its symbol: "s⁻¹", "s-1".
_INVERSE_MARKS = frozenset({("⁻", "¹"), ("-", "1"), ("−", "1")})


class UnitFound(NamedTuple):
    """A unit read around a number: the tokens it adds to the quantity and what it makes it."""

    unit: UnitInfo
    surface: str  # the unit as written
    first: int  # the quantity's first token ("aged 65" starts at "aged")
    last: int  # the quantity's last token ("23-year-old" ends at "old")
    age: bool = False  # "23-year-old", "aged 65"
    adjectival: bool = False  # "a 10-mile walk"


# ``tuple.__new__`` with the fields in order: a named tuple's ``__new__`` is a Python lambda
# called with keywords, a generic call for every unit in the compiled core.
_TUPLE_NEW: Final = tuple.__new__


def unit_after(ctx: Context, numeral: Numeral, first: int, value: float) -> UnitFound | None:
    """Find the unit after the numeral, if any: "25 minutes", "10-mile walk", "-12C".

    ``first`` is the quantity's first token (a sign or a currency prefix included) and
    ``value`` its signed value; both decide whether a letter or a degree is a unit.
    """
    tokens = ctx.tokens
    n = len(tokens)
    j = numeral.last + 1
    if j >= n:
        return None
    glued = ctx.attached(j)
    hyphenated = False
    if glued and tokens[j].text in ("-", "‐") and j + 1 < n and ctx.attached(j + 1):
        hyphenated = True  # "10-mile walk", "23-year-old"
        j += 1
    elif not glued and not ctx.spaced(j):
        return None
    if glued and tokens[j].lower in ORDINAL_SUFFIXES and tokens[j - 1].kind == "n":
        return None  # "21st", "4th": ordinals, not steres or tonnes
    match = lookup_unit(ctx, j, glued and not hyphenated)
    if match is None and not glued:
        match = _unit_in_context(ctx, numeral.last, j)
    if match is None:
        return None
    info, last = match
    if tokens[j].text in _QUOTE_MARKS and (numeral.written or _quoted(ctx, first)):
        return None  # 'told him: "one hundred and two"': a closing quote, not inches
    info = _as_meant(ctx, info, first, value, j, last)
    if info.dimension == "temperature" and not _temperature_ok(ctx, first, value, j, last):
        return None
    surface = ctx.text[tokens[j].start : tokens[last].end]
    old = _old_after(ctx, last, hyphenated) if info.dimension == "time" and last + 1 < n else None
    if old is not None:
        return _TUPLE_NEW(UnitFound, (info, surface, first, old, True, False))
    return _TUPLE_NEW(UnitFound, (info, surface, first, last, False, hyphenated))


def _as_meant(
    ctx: Context, info: UnitInfo, first: int, value: float, j: int, last: int
) -> UnitInfo:
    """Reread a unit that its context names otherwise: "100 mb file", "temperatures of 40°"."""
    if info.name == "millibar" and ctx.tokens[j].text == "mb" and data_context(ctx.tokens, j, last):
        return ctx.lex.units["megabyte"]  # "a 100 mb file"; "980 mb" stays a pressure
    if info.name == "degree angle":
        scale = scale_named_after(ctx, last)  # "−459.67° on the Fahrenheit scale"
        if scale is not None:
            return ctx.lex.units[scale]
        if value < 0 or _temperature_context(ctx, first, last):
            return ctx.lex.units["degree Celsius"]  # "temperatures of 40 degrees", "85°"
    return info


def _old_after(ctx: Context, last: int, hyphenated: bool) -> int | None:
    """Return the token of "old" after a time unit ending at ``last``, which makes an age.

    "23-year-old", "an 18-month-old" (hyphenated) and "19 years old" (spaced).
    """
    tokens = ctx.tokens
    if hyphenated:
        if last + 2 < len(tokens) and tokens[last + 1].text == "-":
            if tokens[last + 2].lower == "old" and ctx.attached(last + 2):
                return last + 2
    elif tokens[last + 1].lower == "old" and ctx.spaced(last + 1):
        return last + 1
    return None


def _quoted(ctx: Context, first: int) -> bool:
    """Tell whether an opening quote mark stands right before token ``first``: '"102"'.

    A mark glued to digits before it is a foot sign instead: the "'" of "6'2"".
    """
    tokens = ctx.tokens
    if first == 0 or tokens[first - 1].text not in _QUOTE_MARKS:
        return False
    return not (ctx.attached(first - 1) and tokens[first - 2].kind == "n")


def _unit_in_context(ctx: Context, number_last: int, j: int) -> tuple[UnitInfo, int] | None:
    """Read "2.1 pm", "2 in." (see ``unit_context``) and a bracketed unit: "20 (kg)"."""
    tokens = ctx.tokens
    if tokens[j].lower in CONTEXT_SYMBOLS:
        return context_unit(tokens, ctx.lex, number_last, j)
    closer = _BRACKETS.get(tokens[j].text)
    if closer is None or j + 2 >= len(tokens) or not ctx.attached(j + 1):
        return None
    match = lookup_unit(ctx, j + 1, False)
    if match is None or len(tokens[j + 1].text) < 2:
        return None  # "(a)", "(c)": list markers, not units
    last = match[1] + 1
    if last < len(tokens) and tokens[last].text == closer and ctx.attached(last):
        return match[0], last
    return None


def _temperature_context(ctx: Context, first: int, last: int) -> bool:
    """Tell whether a bare "degrees" or "°" is a temperature: weather words around it.

    "temperatures of 40 degrees", "Madrid sweltered at 40 degrees", "40 degrees in the shade".
    """
    tokens = ctx.tokens
    before = range(max(0, first - TEMPERATURE_REACH_BEFORE), first)
    if any(tokens[k].lower in TEMPERATURE_WORDS for k in before):
        return True
    for k in range(last + 1, min(len(tokens), last + 1 + TEMPERATURE_REACH_AFTER)):
        if tokens[k].text in CLAUSE_MARKS or tokens[k].kind == "n":
            return False  # "turns 40 degrees, and in Fahrenheit terms": another clause's
        if tokens[k].lower in TEMPERATURE_WORDS:
            return True
    return False


def scale_named_after(ctx: Context, last: int) -> str | None:
    """Name the temperature scale a few words after a bare degree, in the same clause."""
    tokens = ctx.tokens
    for k in range(last + 1, min(len(tokens), last + 1 + _SCALE_REACH)):
        word = tokens[k].lower
        if word in TEMPERATURE_SCALES:
            return TEMPERATURE_SCALES[word]
        if word in CLAUSE_MARKS or tokens[k].kind == "n":
            return None  # "angled at 35 degrees and run at 60 Celsius": another figure's
    return None


def _temperature_ok(ctx: Context, first: int, value: float, j: int, last: int) -> bool:
    """Reject "13F filing", "Boeing 777F", "14.7C/", "PA 23456 F Block": names, not degrees."""
    tokens = ctx.tokens
    if tokens[j].text not in ("C", "F"):
        return True
    nxt = tokens[last + 1] if last + 1 < len(tokens) else None
    if nxt is not None and (nxt.text == "/" or nxt.lower in FORM_NOUNS):
        return False  # "14.7C/", "13F filings", "a 13F form"
    near = range(max(0, first - 2), min(len(tokens), last + 4))
    if any(tokens[k].lower in FILING_WORDS for k in near):
        return False  # "When must 13F be filed?", "file a 10F": forms
    if nxt is not None and not ctx.attached(j) and nxt.text[:1].isupper():
        return False
    k = first - 1
    if value < 0 or k < 0 or tokens[k].kind != "w" or not tokens[k].text[:1].isupper():
        return True  # "Moscow -12C" is a temperature; "Boeing 777F" a name
    return tokens[k].lower in STOPWORDS or tokens[k].lower in TEMPERATURE_WORDS


def lookup_unit(ctx: Context, j: int, glued: bool) -> tuple[UnitInfo, int] | None:
    """Return the longest unit phrase at token ``j`` and its last token, or None.

    Exact-case symbols first, then word surfaces; ``glued`` says the phrase touches the number.
    """
    tokens, lex = ctx.tokens, ctx.lex
    if tokens[j].text not in lex.openers and tokens[j].lower not in lex.openers:
        return None
    symbols, surfaces = lex.symbols, lex.surfaces
    for key, k in reversed(_phrases(ctx, j)):
        if key not in symbols and key.lower() not in surfaces:
            continue  # every reading below starts from a known unit: skip the rest at once
        found = _unit_ending_at(ctx, key, j, k, glued)
        if found is not None:
            return found
    return None


def _phrases(ctx: Context, j: int) -> list[tuple[str, int]]:
    """List the phrases that may be units from token ``j`` on, with their last tokens.

    Tokens join with no gap or one space, up to the longest unit surface in the tables, and
    only while the phrase begins some symbol or surface (``Lexicon.prefixes``).
    """
    tokens, text, prefixes = ctx.tokens, ctx.text, ctx.lex.prefixes
    key = tokens[j].text
    phrases = [(key, j)]
    for k in range(j + 1, min(len(tokens), j + ctx.lex.max_words + 2)):
        if key not in prefixes and key.lower() not in prefixes:
            break  # no unit begins so: no longer phrase is one (the look-up skips them all)
        gap = text[tokens[k - 1].end : tokens[k].start]
        if gap == "":
            key += tokens[k].text
        elif gap == " ":
            key += " " + tokens[k].text
        else:
            break
        phrases.append((key, k))
    return phrases


def _unit_ending_at(
    ctx: Context, key: str, j: int, k: int, glued: bool
) -> tuple[UnitInfo, int] | None:
    """Read the unit phrase ``key`` (tokens ``j`` to ``k``) with what may extend it.

    A quotient ("km/s"), a power ("km²") or an inverse ("s-1") goes first; a rate with "per"
    ("km per hour") next; the plain symbol or word last.
    """
    tokens, lex = ctx.tokens, ctx.lex
    n = len(tokens)
    if k + 2 < n and tokens[k + 1].text == "/" and ctx.attached(k + 1):
        per = _per(ctx, key, k + 2)
        if per is not None:
            return per
    power = _power(ctx, k) if key[-1].isalpha() else None  # "6'2"" is no square foot
    if power is not None:
        base = lex.symbols.get(key) or lex.surfaces.get(key.lower())
        if base is not None and base.dimension == "length" and len(base.base) == 1:
            return (lex.power(base, power[0]), power[1])
    inverse = _inverse(ctx, key, k)
    if inverse is not None:
        return inverse
    if k + 1 < n and ctx.attached(k + 1) and tokens[k + 1].kind in "nw":
        if key not in ("'", "′") or tokens[k + 1].kind == "w":
            return None  # the unit must end at a word boundary; the foot of "6'2"" may not
    rate = _rate(ctx, key, k)
    if rate is not None:
        return rate
    info = lex.symbols.get(key)
    if info is not None and _symbol_allowed(ctx, key, j, k, glued):
        return (info, k)
    info = lex.surfaces.get(key.lower())
    if info is not None and (len(key) > 2 or glued):
        if key[:1].isupper() and key[1:].islower() and key.lower() in EPONYM_UNITS:
            return None  # "40 Tesla and BYD cars", "300 Siemens turbines": names
        return (info, k)
    return None


def _rate(ctx: Context, key: str, k: int) -> tuple[UnitInfo, int] | None:
    """Read "km per hour" and "miles an hour" after the unit ``key`` ending at token ``k``.

    With "a" or "an" only a time may follow: "5 km a day's walk" is no rate.
    """
    tokens, lex = ctx.tokens, ctx.lex
    if not (k + 2 < len(tokens) and tokens[k + 1].lower in RATE_WORDS and ctx.spaced(k + 1)):
        return None
    top = lex.symbols.get(key) or lex.surfaces.get(key.lower())
    bottom = lookup_unit(ctx, k + 2, False) if ctx.spaced(k + 2) else None
    if tokens[k + 1].lower != "per" and (bottom is None or bottom[0].dimension != "time"):
        bottom = None  # "miles an hour", not "5 km a day's walk" … only times
    if (
        top is not None
        and bottom is not None
        and len(key) > 1
        and top.dimension not in ("currency", "percentage")
    ):
        return (lex.per(top, bottom[0]), bottom[1])
    return None


def _power(ctx: Context, k: int) -> tuple[int, int] | None:
    """Read a power after a length unit: "km2", "km^3", "km²", "km squared"."""
    tokens = ctx.tokens
    n = len(tokens)
    if k + 1 >= n:
        return None
    nxt = tokens[k + 1]
    if ctx.attached(k + 1) and nxt.text in ("2", "3", "²", "³"):
        return (int(SUPERSCRIPTS.get(nxt.text, nxt.text)), k + 1)
    if ctx.attached(k + 1) and nxt.text == "^" and k + 2 < n and tokens[k + 2].text in ("2", "3"):
        return (int(tokens[k + 2].text), k + 2)
    if ctx.spaced(k + 1) and nxt.lower in POWER_WORDS:
        return (POWER_WORDS[nxt.lower], k + 1)
    return None


def _per(ctx: Context, key: str, k: int) -> tuple[UnitInfo, int] | None:
    """Compose "km/s", "kg/m3", "km/s2", "centimeters/millisecond", "J/m^2 per year"."""
    tokens, lex = ctx.tokens, ctx.lex
    n = len(tokens)
    top = _symbol_or_word(ctx, key)
    if top is None or not ctx.attached(k) or tokens[k].kind != "w":
        return None
    bottom = _symbol_or_word(ctx, tokens[k].text)
    last = k
    power = _power(ctx, k)
    if bottom is None and tokens[k].text[-1] in "²³":  # "kg/cm³": one word token
        bottom = lex.symbols.get(tokens[k].text[:-1])
        power = (2 if tokens[k].text[-1] == "²" else 3, k)
    if bottom is None:
        return None
    if power is not None:  # "km/s2", "J/m^2": a squared or cubed denominator
        bottom, last = lex.power(bottom, power[0]), power[1]
    if last + 1 < n and ctx.attached(last + 1) and tokens[last + 1].kind in "nw":
        return None
    unit = lex.per(top, bottom)
    if (
        last + 2 < n
        and tokens[last + 1].lower == "per"
        and ctx.spaced(last + 1)
        and ctx.spaced(last + 2)
    ):
        rate = lookup_unit(ctx, last + 2, False)  # "20 J/m^2 per year": a rate of that
        if rate is not None and rate[0].dimension == "time":
            unit, last = lex.per(unit, rate[0]), rate[1]
    return (unit, last)


def _symbol_or_word(ctx: Context, key: str) -> UnitInfo | None:
    """Return the unit a symbol or a whole unit word names: "cm", "centimeters"."""
    info = ctx.lex.symbols.get(key)
    if info is None and len(key) > 2:
        info = ctx.lex.surfaces.get(key.lower())
    return info


def _inverse(ctx: Context, key: str, k: int) -> tuple[UnitInfo, int] | None:
    """Read "s-1" and "s⁻¹" as quantulum3's "inverse second", where its tables have one."""
    tokens = ctx.tokens
    n = len(tokens)
    if k + 2 >= n or not ctx.attached(k + 1):
        return None
    if (tokens[k + 1].text, tokens[k + 2].text) not in _INVERSE_MARKS:
        return None
    last = k + 2
    if not ctx.attached(last) or (
        last + 1 < n and ctx.attached(last + 1) and tokens[last + 1].kind in "nw"
    ):
        return None
    info = ctx.lex.symbols.get(key)
    inverse = ctx.lex.units.get("inverse " + info.name) if info is not None else None
    return None if inverse is None else (inverse, last)


def _symbol_allowed(ctx: Context, key: str, j: int, k: int, glued: bool) -> bool:
    """Tell whether the symbol ``key`` (tokens ``j`` to ``k``) is a unit where it stands."""
    if glued and len(key) == 1 and key.isalpha() and key.isascii():
        # "221B", "5G", "3D" are names; "5m", "180C", "60W" are units.
        return key in _GLUED_LETTERS
    if glued or not key.isalpha() or key in SPACED_LETTER_OK:
        return True
    if len(key) > 1:
        # "GHz", "MW" are units; a lower-case symbol that is an English word is not ("ha").
        return not key.islower() or key not in ctx.lex.common_words
    # A spaced single letter ("ran 100 m.", "4 L of wine") counts only before punctuation,
    # the end, or "of"; "24703 L-202" is a code.
    tokens = ctx.tokens
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    if nxt is not None and nxt.text in "-‐" and ctx.attached(k + 1):
        return False
    number = tokens[j - 1].text
    if key in _GROUPED_LETTERS and "," in number and "." not in number:
        return True  # "278,000 t valued": tonnes
    if nxt is not None and nxt.lower in _RANGE_WORDS:
        return _letter_again(ctx, key, k)  # "between 2 l and about 7 l"
    return nxt is None or nxt.kind in "sn" or nxt.lower in LETTER_FOLLOWERS


def _letter_again(ctx: Context, key: str, k: int) -> bool:
    """Tell whether the letter ``key`` at token ``k`` stands again after the next number.

    "between 2 l and about 7 l", "5 m to 10 m": the first end of a range repeats the unit.
    """
    tokens = ctx.tokens
    for m in range(k + 3, min(len(tokens), k + 5)):
        if tokens[m].text == key and tokens[m - 1].kind == "n" and ctx.spaced(m):
            return True
    return False
