"""Rates after an amount of money or a count: "$15.4/hour", "$100 a barrel", "four times a week".

In news a price or a wage is one figure with what it pays for ("the minimum wage rises to $15
an hour", "Brent fell to $80 a barrel"); reporting "$15" alone would lose half of it. The claim
keeps ``kind == "money"`` and spans the rate, and its unit is the quotient ``Lexicon.per`` builds
("dollar per hour"), normalised as every other quotient is (see ``normalize``).

The denominator must be a unit we know, so "$45 a share", "$3 a pop" and "$200 a night" stay
plain amounts. "per" and "/" take any unit of time, length, area, volume, mass, energy or data
("$5/kg", "$4 per square foot"); the article ("a", "an") is far more often something else
("$232.2m a year earlier", "$5m a second time"), so after it only the time units of wages and
budgets and the units commodities are priced in count, and never before a word that makes the
phrase a point in time ("a year ago", "a day after", "a month's rent").
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from .quantities import lookup_unit
from .units import MONEY_RATE_DIMENSIONS, UnitInfo

if TYPE_CHECKING:
    from .context import Context

# Units a price or a budget is stated "a"/"an" of: wages and budgets, commodities, property.
_ARTICLE_UNITS: Final = frozenset(
    {
        "minute", "hour", "day", "week", "month", "year",
        "barrel", "litre", "gallon", "tonne", "short ton", "long ton", "ounce", "kilogram",
        "pound-mass", "square foot", "square metre", "kilowatt hour", "megawatt hour",
        "mega british thermal unit",
    }
)  # fmt: skip
# Units of time a count may be "a"/"an" of: "three times a day", "four times a week".
_ARTICLE_TIMES: Final = frozenset({"hour", "day", "week", "month", "year"})
# Words after "a year" that make it a point in time, not a rate: "$232.2m a year earlier".
_NOT_RATE_AFTER: Final = frozenset(
    {"earlier", "ago", "before", "later", "after", "previously", "prior", "since", "back"}
)
# Glued after the unit, these make it a word of another phrase: "a month's rent", "a day-long".
_NOT_RATE_GLUED: Final = frozenset({"'s", "’s", "'", "’", "-", "‐"})
# "times" as counted events: "used four times per week".
COUNT: Final = UnitInfo("count", None, "dimensionless", None, (("count", 1),))


def rate_after(
    ctx: Context, unit: UnitInfo | None, surface: str | None, last: int
) -> tuple[UnitInfo, str, int] | None:
    """Return the rate unit, its surface and the rate's last token, after token ``last``.

    The surface joins the amount's unit as written and the rate as written, with the gap
    between them: "$/hour", "$ an hour", "dollars per hour", "times per week".

    :param ctx: the text's context.
    :param unit: the amount's unit: a currency, or None for a count ("four times a week").
    :param surface: the amount's unit as written ("$", "dollars"), None for a count.
    :param last: the amount's last token (a range's second end).
    """
    tokens, text = ctx.tokens, ctx.text
    n = len(tokens)
    j = last + 1
    if unit is None:
        # "four times per week": "times" names counted events only before a rate.
        if j + 2 >= n or tokens[j].lower != "times" or not _one_space(ctx, j):
            return None
        found = _spelled(ctx, j + 1, _ARTICLE_TIMES, ("time",))
        if found is None:
            return None
        bottom, end = found
        return (ctx.lex.per(COUNT, bottom), text[tokens[j].start : tokens[end].end], end)
    if surface is None:
        return None
    if unit.dimension != "currency" or j + 1 >= n:
        return None
    if tokens[j].text == "/" and ctx.attached(j) and ctx.attached(j + 1):
        found = _slashed(ctx, j + 1)
    elif _one_space(ctx, j):
        found = _spelled(ctx, j, _ARTICLE_UNITS, tuple(MONEY_RATE_DIMENSIONS))
    else:
        found = None
    if found is None:
        return None
    bottom, end = found
    written = surface + text[tokens[last].end : tokens[end].end]
    return (ctx.lex.per(unit, bottom), written, end)


def _slashed(ctx: Context, k: int) -> tuple[UnitInfo, int] | None:
    """Read the denominator of "$15.4/hour", "$80/bbl", "$500/t": one symbol or unit word."""
    tokens = ctx.tokens
    word = tokens[k].text
    if tokens[k].kind != "w":
        return None
    info = ctx.lex.symbols.get(word)
    if info is None and len(word) > 2:
        info = ctx.lex.surfaces.get(word.lower())
    if info is None or info.dimension not in MONEY_RATE_DIMENSIONS:
        return None
    if k + 1 < len(tokens) and ctx.attached(k + 1) and tokens[k + 1].kind in "nw":
        return None  # "$5/kg2", "/hours-long": not a unit ending here
    return info, k


def _spelled(
    ctx: Context, j: int, article_units: frozenset[str], dimensions: tuple[str, ...]
) -> tuple[UnitInfo, int] | None:
    """Read "per hour", "an hour", "a barrel" at token ``j`` (the "per" or the article)."""
    tokens = ctx.tokens
    word = tokens[j].lower
    if word not in ("per", "a", "an") or j + 1 >= len(tokens) or not _one_space(ctx, j + 1):
        return None
    found = lookup_unit(ctx, j + 1, False)
    if found is None:
        return None
    info, end = found
    if info.dimension not in dimensions:
        return None
    if word != "per":
        if info.name not in article_units or len(tokens[j + 1].text) < 3:
            return None  # "a m", "a t": letters after an article are no units
        after = tokens[end + 1] if end + 1 < len(tokens) else None
        if after is not None and (
            after.lower in _NOT_RATE_AFTER
            or (after.text in _NOT_RATE_GLUED and ctx.attached(end + 1))
        ):
            return None  # "a year earlier", "a month's rent", "a day-long"
    return info, end


def _one_space(ctx: Context, i: int) -> bool:
    """Tell whether tokens ``i - 1`` and ``i`` stand one space apart (a rate is never wrapped).

    Stricter than ``Context.spaced``, which also takes a line break or two blanks.
    """
    tokens = ctx.tokens
    return tokens[i].start - tokens[i - 1].end == 1 and ctx.text[tokens[i - 1].end] == " "
