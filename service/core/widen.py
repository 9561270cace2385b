"""The widen stage: a figure grows over what completes it.

"5 feet 10 inches" and "3 dollars 50 cents" are one figure; "one in five" is a share; "9.83 ±
0.01 kg" an interval; "300 to 400" a range; "45 and 50 mg" share a unit. Each reader takes the
read-only context and a quantity and returns a new quantity (or the second end of a range),
never changing the one it was given; the claim rules (``rules.py``) call them in order.
"""

from __future__ import annotations

import math
from typing import Final

from .context import Context
from .english.bounds import ALTERNATIVE_CONNECTORS, SECOND_END_HEDGES
from .english.calendar import YEAR_PREPOSITIONS
from .non_claims import (
    is_hour,
    is_identifier,
    is_score,
    is_year,
    time_of_day_after,
    why_not,
)
from .normalize import converter
from .numbers import is_whole, scaled
from .quantities import Quantity, read_quantity
from .readings import Rejected
from .units import UnitInfo

# Units whose compounds are one figure ("6 feet 2 inches", "3 yards 1 foot").
_IMPERIAL: Final = frozenset({"foot", "yard", "mile"})
# Words after "5 ft 2 in" that keep "in" a unit.
_AFTER_HEIGHT: Final = frozenset({"tall", "long", "wide", "high", "deep", "more", "or"})
# Marks after which a number is a foot and glued digits are its inches: "6'2"".
_FOOT_MARKS: Final = frozenset({"'", "’", "′"})
# How many parts fold into one figure: "3 years, 2 months, 14 days, and 16 hours" has four.
_MAX_PARTS: Final = 4
# Connectors that make "300-400" a range only when the sides touch or are spaced alike.
_HYPHENS: Final = frozenset({"-", "–", "—", "‐", "~"})


def _plain_words(q: Quantity) -> bool:
    """Tell whether ``q`` is a written whole number alone: "five hundred", not "five million"."""
    return q.written and q.unit is None and q.vague is None and abs(q.value) < 1000


def compound(ctx: Context, q: Quantity, floor: int) -> Quantity:
    """Fold the parts of one amount into one quantity, at most ``_MAX_PARTS`` of them.

    "29 minutes 1.03 seconds", "5 feet 10 inches", "2 hours, 10 minutes, 30 seconds", "an hour
    and a half".
    """
    listed = False  # parts so far apart by commas: a serial ", and" may add the last
    for _ in range(_MAX_PARTS):
        folded = _fold_part(ctx, q, floor, listed)
        if folded is q:
            break
        listed = ctx.tokens[q.last + 1].text == ","
        q = folded
    return q


def _fold_part(ctx: Context, q: Quantity, floor: int, listed: bool) -> Quantity:
    """Fold the next part into ``q``: a smaller unit, cents, or "and a half"; else ``q``.

    ``listed`` says the parts so far were apart by commas, so ", and" may open the last one
    ("3 years, 2 months, 14 days, and 16 hours"); after one part it is no join ("3 hours, and
    20 minutes later").
    """
    tokens = ctx.tokens
    j = q.last + 1
    joiner = ""
    if j < len(tokens) and tokens[j].text == "," and ctx.attached(j):
        if ctx.word(j + 1) != "and":
            j, joiner = j + 1, ","  # "7 feet, 10 inches"
        elif listed:
            j += 1  # the serial comma before the last part
    if j < len(tokens) and tokens[j].lower == "and" and ctx.spaced(j):
        j, joiner = j + 1, "and"
    glued_inches = q.unit_surface in _FOOT_MARKS and ctx.attached(j)  # "6'2""
    if j >= len(tokens) or not (ctx.spaced(j) or glued_inches) or tokens[j].kind not in "nw":
        return q
    part = read_quantity(ctx, j, floor)
    if part is None or q.unit is None:
        return q
    if joiner == "and" and part.written and part.bare and 0 < part.value < 1:
        value = q.value + part.value  # "an hour and a half", "a mile and a quarter"
        return q._replace(value=value, raw=value, last=part.last)
    if part.unit is None and q.unit.name == "foot":
        part = _inches_after_feet(ctx, part)
    if part.bare and q.unit.currency_code and q.unit.name != "penny" and joiner != ",":
        return _cents_after(ctx, q, part)
    if part.unit is None or part.unit.dimension != q.unit.dimension:
        return q
    return _smaller_unit(q, q.unit, part, part.unit)


def _smaller_unit(q: Quantity, unit: UnitInfo, part: Quantity, part_unit: UnitInfo) -> Quantity:
    """Fold a part in a smaller unit of the same kind: "5 ft 10 in", "3 dollars 50 cents".

    ``unit`` and ``part_unit`` are the units of ``q`` and ``part``, which the caller has read.
    """
    if unit.dimension == "length" and unit.name not in _IMPERIAL:
        return q  # "12 m 2 dm" are two figures; "5 ft 10 in" is one height
    if unit.dimension == "currency":
        # "3 dollars 50 cents": a major unit and its hundredth
        if unit.currency_code and part_unit.name in ("cent", "penny") and part.value < 100:
            value = q.value + part.value / 100
            return q._replace(value=value, raw=value, last=part.last)
        return q
    big, small = converter(unit), converter(part_unit)
    if big is None or small is None or big[0](1.0) <= small[0](1.0):
        return q
    # Rounded: "5 ft 2 in" is 62 inches, not 61.99999999999999.
    value = round(q.value * big[0](1.0) / small[0](1.0) + part.value, 9)
    if not math.isfinite(value):
        return q  # "1e308 hours 5 minutes" has no finite count of minutes: two figures
    return q._replace(
        value=value, raw=value, unit=part.unit, unit_surface=part.unit_surface, last=part.last
    )


def _inches_after_feet(ctx: Context, part: Quantity) -> Quantity:
    """Read the "in" of "6ft 2in" as inches: only right after feet is "in" a unit."""
    tokens = ctx.tokens
    k = part.last + 1
    after = tokens[k + 1] if k + 1 < len(tokens) else None
    loose = after is None or after.kind == "s" or after.lower in _AFTER_HEIGHT
    if (
        k < len(tokens)
        and tokens[k].lower in ("in", "ins")
        and (ctx.attached(k) or (ctx.spaced(k) and loose))
    ):
        return part._replace(unit=ctx.lex.units["inch"], unit_surface="in", last=k)
    return part


def _cents_after(ctx: Context, q: Quantity, part: Quantity) -> Quantity:
    """Read "15 dollars 50", "17 USD 25.": cents, when nothing follows the small number."""
    tokens = ctx.tokens
    after = tokens[part.last + 1] if part.last + 1 < len(tokens) else None
    if 0 < part.value < 100 and part.value.is_integer() and (after is None or after.kind == "s"):
        value = round(q.value + part.value / 100, 9)
        return q._replace(value=value, raw=value, last=part.last)
    return q


def ratio(ctx: Context, q: Quantity, j: int, floor: int) -> Quantity | None:
    """Fold "one in five" and "1 in 4" into one quantity: the share, like "two-thirds"."""
    tokens = ctx.tokens
    if j + 1 < len(tokens) and tokens[j].lower == "over":
        return _over(ctx, q, j, floor)
    if not (q.bare and j + 1 < len(tokens) and tokens[j].lower in ("in", "out")):
        return None
    if tokens[j].lower == "out":  # "one out of three"
        if not (j + 2 < len(tokens) and tokens[j + 1].lower == "of"):
            return None
        j += 1
    if not (ctx.spaced(j) and ctx.spaced(j + 1)):
        return None
    if not is_whole(q.value) or q.value <= 0:
        return None
    whole = read_quantity(ctx, j + 1, floor)
    if whole is None or not (whole.bare or _plain_words(whole)) or whole.value <= q.value:
        return None  # "two out of five hundred" is a share too
    if tokens[whole.first].kind != tokens[q.first].kind:
        return None  # "one in 2017", "5 in ten" are not how ratios are written
    if is_year(ctx, whole, floor):
        return None  # "hired 275 in 2023", "Voyager 2 in 1979": a figure, then a year
    value = q.value / whole.value
    return q._replace(
        value=value, raw=value, last=whole.last, number_last=whole.last, unit=ctx.lex.share
    )  # a share of the whole: kind percentage, 20% for "1 in 5"


def _over(ctx: Context, q: Quantity, j: int, floor: int) -> Quantity | None:
    """Fold "one over three", "2000 over 3" into one quantity: a fraction said aloud.

    Only whole numbers standing alone on both sides, and nothing but punctuation or the end
    after, so "over 20 people" and "2000 over 3 years" stay a bound and a period.
    """
    tokens = ctx.tokens
    if not (q.bare or _plain_words(q)) or not is_whole(q.value) or not q.value:
        return None
    if not (ctx.spaced(j) and ctx.spaced(j + 1)):
        return None
    whole = read_quantity(ctx, j + 1, floor)
    if whole is None or not (whole.bare or _plain_words(whole)) or whole.value <= 0:
        return None
    before = tokens[q.first - 1].lower if q.first > 0 else ""
    if is_year(ctx, whole, floor) or (is_year(ctx, q, floor) and before in YEAR_PREPOSITIONS):
        return None  # "sales in 2021 over 2020": a comparison of years
    after = tokens[whole.last + 1] if whole.last + 1 < len(tokens) else None
    if not is_whole(whole.value) or (after is not None and after.text not in ".,;:!?"):
        return None
    value = q.value / whole.value
    return q._replace(value=value, raw=value, last=whole.last, number_last=whole.last)


def shared_unit(ctx: Context, q: Quantity, j: int, floor: int) -> Quantity:
    """Give "45" the unit of "45 and 50 mg": a list of numbers shares its last one's unit.

    Only digits on both sides, and only a number that is a claim on its own; the claim stays
    "45" alone, and "50 mg" is read as its own claim.
    """
    tokens = ctx.tokens
    if not (
        j + 1 < len(tokens)
        and tokens[j].lower in ("and", "or")
        and tokens[q.first].kind == "n"
        and tokens[j + 1].kind == "n"
        and ctx.spaced(j)
        and ctx.spaced(j + 1)
    ):
        return q
    other = read_quantity(ctx, j + 1, floor)
    if other is None or other.unit is None or other.scaled or other.vague or other.age:
        return q
    if why_not(ctx, q, floor) or ctx.masks.covers(tokens[j + 1].start, tokens[other.last].end):
        return q  # "in 2019 and 50 km", "Boeing 737 and 20 km": no figure to give a unit
    return q._replace(unit=other.unit, unit_surface=other.unit_surface)


def plus_minus(ctx: Context, q: Quantity, j: int, floor: int) -> tuple[Quantity, Quantity] | None:
    """Read the spread after "±" or "+/-": "2,000.45±0.01 pounds", "45% +/- 3%".

    The unit may follow either number; both carry it. Returns the quantity (with the unit)
    and the spread, or None.
    """
    tokens = ctx.tokens
    n = len(tokens)
    if j >= n or q.vague or not (ctx.spaced(j) or ctx.attached(j)):
        return None
    if tokens[j].text == "±":
        k = j + 1
    elif (
        tokens[j].text == "+"
        and j + 3 < n
        and tokens[j + 1].text == "/"
        and tokens[j + 2].text in ("-", "−")
        and ctx.attached(j + 1)
        and ctx.attached(j + 2)
    ):
        k = j + 3
    else:
        return None
    if k >= n or not (ctx.spaced(k) or ctx.attached(k)):
        return None
    spread = read_quantity(ctx, k, floor)
    if spread is None or spread.vague or spread.value <= 0:
        return None
    if q.unit is None:
        q = q._replace(unit=spread.unit, unit_surface=spread.unit_surface)
    elif spread.unit is not None and spread.unit != q.unit:
        return None
    return q, spread


def range_end(
    ctx: Context, q: Quantity, j: int, between: bool, floor: int
) -> tuple[Quantity, Quantity] | Rejected | None:
    """Read the second end of "300 to 400", "300-400", "between 2,000 and 3,500".

    Returns both ends (the first with the unit or scale it shares with the second), a
    rejection when the pair is a name, a span of years or a score, or None for no range.
    """
    tokens = ctx.tokens
    connector = tokens[j].lower
    resume = max(j + 1, q.last)
    if connector == "and" and not between:
        return None
    if connector == "up":  # "from 450 sq ft up to 900 sq ft"
        if not (between and j + 2 < len(tokens) and tokens[j + 1].lower == "to"):
            return None
        j, connector = j + 1, "to"
    if q.first > 0 and ctx.attached(q.first) and tokens[q.first - 1].kind == "w":
        if connector in ALTERNATIVE_CONNECTORS:
            return None  # "G7 or G20": each is read alone
        return Rejected("identifier", q.first, j + 1, resume)  # "scp2-173m", "I7-860BOX"
    hyphen = connector in _HYPHENS
    if not (ctx.spaced(j) or (hyphen and ctx.attached(j))):
        return None
    if hyphen and ctx.spaced(j) and ctx.attached(j + 1) and is_identifier(ctx, q):
        return None  # "the Stoxx 50 -1.3%": a name, then a minus sign glued to its move
    if hyphen and ctx.attached(j) and tokens[j + 1].text[:1].isupper():
        return Rejected("name", q.first, j + 1, resume)  # "7-Eleven"
    k = j + 1
    if tokens[k].lower in SECOND_END_HEDGES and k + 1 < len(tokens):
        if ctx.spaced(k + 1) or ctx.attached(k + 1):
            k += 1  # "between 2 l and about 7 l", "2 - ~7 grams": a hedged second end
    second = read_quantity(ctx, k, floor)
    if second is None or second.vague:
        return None
    if connector in ALTERNATIVE_CONNECTORS and not _alternatives(q, second):
        return None  # "5,000 or 50,000", "7 or 9": two figures
    if second.bare and is_year(ctx, second, floor) and not is_year(ctx, q, floor):
        return None  # "extended by 18 months to 2026": a period and a year
    stretch = ctx.masks.stretch(tokens[q.first].start, tokens[second.last].end)
    if stretch is not None:
        return Rejected(stretch[2], q.first, second.last, resume)
    if q.unit is None and second.unit is not None:
        q = q._replace(unit=second.unit, unit_surface=second.unit_surface)
    elif second.unit is None and q.unit is not None:
        second = second._replace(unit=q.unit, unit_surface=q.unit_surface)
    elif q.unit is not None and second.unit is not None and q.unit != second.unit:
        return None  # "2 percentage points to 45%": two figures
    if q.unit is not None and q.unit.dimension == "percentage" and q.value > second.value > 0:
        return None  # "the vote was 52% to 48%": a result, two figures
    if second.scaled and not q.scaled and abs(q.raw) <= abs(second.raw) and q.raw:
        q = q._replace(value=scaled(q.raw, second.value / second.raw))
    if q.bare and second.bare:
        reason = _not_a_range(ctx, q, second, hyphen, floor)
        if reason is not None:
            return Rejected(reason, q.first, second.last, resume)
    return q, second


def _alternatives(q: Quantity, second: Quantity) -> bool:
    """Tell "three or four", "20 or 30", "5 or 10 minutes" (a range) from "7 or 9", "5 or 50".

    Neighbouring whole numbers, or round ones (multiples of five) at most twice apart; compared
    before the scale the second end gives both ("two or three million").
    """
    if second.scaled and not q.scaled:
        a, b = q.raw, second.raw
    else:
        a, b = q.value, second.value
    if not (a.is_integer() and b.is_integer() and 0 < a < b):
        return False
    return b == a + 1 or (a % 5 == 0 and b % 5 == 0 and b <= 2 * a)


def _not_a_range(
    ctx: Context, q: Quantity, second: Quantity, hyphen: bool, floor: int
) -> str | None:
    """Tell "2019-20" (years), "won 3-1" (a score), "Articles 3-5" (names) from a range."""
    if is_year(ctx, q, floor) and is_year(ctx, second, floor, allow_short=True):
        return "year"
    if is_hour(q) and is_hour(second) and time_of_day_after(ctx, second.last):
        return "clock_time"  # "between 7 and 9 last night"
    if hyphen and is_score(ctx, q, second):
        return "score"
    if is_identifier(ctx, q):
        return "identifier"
    return None
