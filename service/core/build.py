"""The build stage: a finished reading becomes a claim: interval, unit, SI value, entity.

The only place a ``Claim`` is made (``build`` reads it, ``claim`` makes it once its frame is
read), so the guarantees of the model hold here by construction: ``text == input[start:end]``,
finite numbers, the sentence around the claim. A
reading whose numbers are not all finite ("1e999", a product past a float's range) builds no
claim at all (JSON has no infinity, and no rule downstream need think of one); an SI value
that overflows ("1e308 km" in metres) is left out and the claim kept.
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Final

from . import model_builders as make
from .context import Context
from .english.common import STOPWORDS
from .model import Change, Claim, Kind, Normalized, Relation, Source, Span, Time, Unit
from .normalize import Converter, converter
from .numbers import Token
from .quantities import Quantity
from .readings import Placed, Reading
from .units import MONEY_RATE_DIMENSIONS, UnitInfo
from .words import is_acronym_plural, is_plural_noun

# A price or a wage ("$15 an hour", "currency per time") is money too.
_KIND_BY_DIMENSION: Final[dict[str, Kind]] = {
    "currency": "money",
    "percentage": "percentage",
    **dict.fromkeys(MONEY_RATE_DIMENSIONS.values(), "money"),
}
# Words between a count and its noun that neither name the thing nor end the search.
_ENTITY_SKIP: Final = frozenset({"more", "other", "additional", "further", "extra", "fewer"})
# Determiners after "of" before the counted thing: "hundreds of the protesters".
_OF_DETERMINERS: Final = frozenset({"the", "these", "those", "their", "its"})
# The words that join names before the counted thing: "Kia and Hyundai vehicles".
_NAME_JOINS: Final = frozenset({"and", "&"})
# How many words after a count the counted thing may stand: "40 more well-armed fighters".
_ENTITY_REACH: Final = 6


def build(ctx: Context, r: Reading) -> Placed | None:
    """Read the claim of a finished reading; None when a number it would state is not finite."""
    q = r.q
    relation: Relation = r.relation
    value: float | None
    low: float | None
    high: float | None
    if relation == "between" and r.low is not None and r.high is not None:
        low, high = sorted((r.low.value, r.high.value))
        value = None
    elif q.vague is not None:
        low, high = q.vague
        value, relation = None, "between"
    else:
        value = q.value
        low = value if relation in ("equal", "more_than", "at_least") else None
        high = value if relation in ("equal", "less_than", "at_most") else None
    if not (_finite(value) and _finite(low) and _finite(high)):
        return None
    start, end = ctx.tokens[r.first].start, ctx.tokens[r.last].end
    unit, normalized, kind = _unit(q, value, low, high)
    sentence = ctx.sentences.around(start, end)
    entity = _entity(ctx, r.last, kind, q)
    if entity is not None and entity.end > sentence.end:
        entity = None
    return Placed(
        ctx.text[start:end], start, end, value, low, high, relation, r.approximate, unit,
        normalized, entity, kind, sentence, r.first, r.last,
    )  # fmt: skip


def claim(
    c: Placed, change: Change | None, source: Source | None, time: Time | None, subject: Span | None
) -> Claim:
    """Make the ``Claim`` of a placed claim, with its frame: once (see ``model_builders``)."""
    return make.claim(
        c.text, c.start, c.end, c.value, c.low, c.high, c.relation, c.approximate, c.unit,
        c.normalized, c.entity, c.kind, c.sentence, change, source, time, subject,
    )  # fmt: skip


def _unit(
    q: Quantity, value: float | None, low: float | None, high: float | None
) -> tuple[Unit | None, Normalized | None, Kind]:
    """Name the unit, convert the numbers to SI and tell the claim's kind."""
    info: UnitInfo | None = q.unit
    if info is None:
        return None, None, "count"
    unit, kind, conversion = _unit_of(info, q.unit_surface or "")
    if conversion is None:
        return unit, None, kind
    convert, target = conversion
    si_value = None if value is None else convert(value)
    si_low = None if low is None else convert(low)
    si_high = None if high is None else convert(high)
    if not (_finite(si_value) and _finite(si_low) and _finite(si_high)):
        return unit, None, kind  # "1e308 km" overflows in metres: no SI value to give
    return unit, make.normalized(si_value, si_low, si_high, target), kind


# A text states the same few units many times: each unit and surface is worked out once (a
# bounded cache, so that a stream of odd surfaces cannot grow it for ever).
@lru_cache(maxsize=4096)
def _unit_of(info: UnitInfo, surface: str) -> tuple[Unit, Kind, tuple[Converter, str] | None]:
    """Return the ``Unit`` a claim states, its kind and the conversion to SI (None: none)."""
    symbol = info.symbol if info.currency_code is None else (info.symbol or None)
    return (
        Unit(info.name, symbol, info.dimension, surface),
        _KIND_BY_DIMENSION.get(info.dimension, "measurement"),
        converter(info),
    )


def _finite(number: float | None) -> bool:
    """Tell whether a number is finite (None, an open end, is)."""
    return number is None or math.isfinite(number)


def _entity(ctx: Context, last: int, kind: str, q: Quantity) -> Span | None:
    """Find the counted thing after the claim: "300 to 400 militants", "a dozen inspectors"."""
    tokens = ctx.tokens
    n = len(tokens)
    j = last + 1
    of = j < n and tokens[j].lower == "of" and ctx.spaced(j)
    if of:
        j += 1
        if j < n and tokens[j].lower in _OF_DETERMINERS:
            j += 1
    elif (kind != "count" and q.unit is not ctx.lex.share) or q.age:
        return None  # a share counts its whole: "1 in 5 adults"
    words: list[Token] = []
    k = j
    while k < min(n, j + _ENTITY_REACH):
        tok = tokens[k]
        if not ctx.spaced(k):
            break
        if tok.kind != "w":
            if tok.kind == "n" and words and words[-1].text[:1].isupper():
                k += 1
                continue  # "Model 3 sedans": a number in a run of names
            break
        if k + 2 < n and tokens[k + 1].text == "-" and ctx.attached(k + 1):
            if ctx.attached(k + 2) and tokens[k + 2].kind == "w":
                if is_plural_noun(tokens[k + 2].lower):  # "asylum-seekers"
                    end = tokens[k + 2].end
                    return make.span(ctx.text[tok.start : end], tok.start, end)
                k += 3  # "well-armed": a hyphenated adjective
                continue
        k += 1
        if tok.lower in _ENTITY_SKIP:
            continue  # "40 more bodies", "a dozen other inspectors"
        if tok.text[:1].isupper() and is_acronym_plural(tok.text):
            return make.span(tok.text, tok.start, tok.end)  # "2 TDs", "14 MPs"
        if tok.lower in _NAME_JOINS and words and words[-1].text[:1].isupper():
            continue  # "Kia and Hyundai vehicles": past the names
        if tok.lower in STOPWORDS:
            break
        if is_plural_noun(tok.lower):
            return make.span(tok.text, tok.start, tok.end)
        words.append(tok)
    # "one passenger", "two tonnes of cotton": a singular noun names the thing too.
    if words and (of or q.value == 1) and words[0].text.islower() and "'" not in words[0].text:
        return make.span(words[0].text, words[0].start, words[0].end)
    return None
