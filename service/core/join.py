"""The join stage: a lower and an upper bound stated together are one range.

"above 1000 and below 1500" reads as two bounded claims, one after the other; joined they say
what the sentence says: between 1000 and 1500.
"""

from __future__ import annotations

from typing import Final

from . import model_builders as make
from .context import Context
from .readings import Placed

# What may stand between the two bounds: "above 1000 and below 1500", "over 5, under 10".
_JOINERS: Final = frozenset({"and", "but", ""})


def join_bounds(ctx: Context, a: Placed, b: Placed) -> Placed | None:
    """Join a lower and an upper bound stated together, or None when they are two claims."""
    if ctx.text[a.end : b.start].strip(" ,") not in _JOINERS:
        return None
    if a.unit != b.unit or "equal" in (a.relation, b.relation):
        return None
    if "between" in (a.relation, b.relation):
        return None
    lower, upper = (a, b) if a.high is None else (b, a)
    if lower.high is not None or upper.low is not None or lower.low is None:
        return None
    if upper.high is None or lower.low > upper.high:
        return None
    strict = lower.relation == "more_than" or upper.relation == "less_than"
    if strict and lower.low == upper.high:
        return None  # "less than 10, more than 10": no number is both
    normalized = None
    if lower.normalized is not None and upper.normalized is not None:
        normalized = make.normalized(
            None, lower.normalized.low, upper.normalized.high, lower.normalized.unit
        )
    return a._replace(
        text=ctx.text[a.start : b.end],
        end=b.end,
        value=None,
        low=lower.low,
        high=upper.high,
        relation="between",
        approximate=a.approximate or b.approximate,
        normalized=normalized,
        entity=b.entity or a.entity,
        sentence=ctx.sentences.around(a.start, b.end),
        last=b.last,
    )
