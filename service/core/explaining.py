"""Why each number left out is not a claim: the rejections of the pipeline, located.

``explain`` runs the same pipeline as ``extract`` and keeps what it rejected, each with its
reason code (``reasons.REASONS``). A number inside a date, a clock time or an address is given
the whole masked stretch ("14 October 2017", not "14"); an ordinal its suffix ("14th"). Any
numeral no rule spoke about (the reader found no quantity there) gets ``malformed`` or the
fallback ``not_an_amount``, so every number of the text is accounted for.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Iterator
from itertools import islice
from typing import Final

from .context import Context
from .english.numbers import ORDINAL_ENDINGS
from .model import Claim, Rejection
from .numbers import VULGAR_FRACTIONS, digits_value
from .readings import Rejected

# Reasons that come from the masks: their span is the whole masked stretch.
_MASK_REASONS: Final = frozenset({"date", "clock_time", "phone", "decade", "url", "email"})


def rejections(
    ctx: Context, claims: tuple[Claim, ...], rejected: list[Rejected], limit: int | None
) -> tuple[Rejection, ...]:
    """Locate the rejections, add the numerals nothing spoke about, drop what a claim took."""
    found: dict[tuple[int, int], Rejection] = {}
    for item in rejected:
        start, end = _span(ctx, item)
        found.setdefault((start, end), Rejection(ctx.text[start:end], start, end, item.reason))
    reach = claims[-1].end if limit is not None and len(claims) >= limit else len(ctx.text)
    for rejection in _unspoken(ctx, claims, found, reach):
        found.setdefault((rejection.start, rejection.end), rejection)
    starts = [claim.start for claim in claims]
    kept = sorted(
        (r for r in found.values() if r.start < reach and not _overlaps(claims, starts, r)),
        key=lambda r: (r.start, r.end),
    )
    return tuple(_disjoint(kept) if limit is None else islice(_disjoint(kept), limit))


def _span(ctx: Context, item: Rejected) -> tuple[int, int]:
    tokens = ctx.tokens
    first, last = item.first, item.last
    start, end = tokens[first].start, tokens[last].end
    if item.reason in _MASK_REASONS:
        stretch = ctx.masks.stretch(start, end)
        if stretch is not None:
            return stretch[0], stretch[1]
    if item.reason == "ordinal" and last + 1 < len(tokens) and ctx.attached(last + 1):
        if tokens[last + 1].lower in ORDINAL_ENDINGS:
            end = tokens[last + 1].end  # "14th"
    return start, end


def _unspoken(
    ctx: Context, claims: tuple[Claim, ...], found: dict[tuple[int, int], Rejection], reach: int
) -> list[Rejection]:
    """Return a rejection for every numeral that neither a claim nor a rejection covers."""
    covered = sorted([(c.start, c.end) for c in claims] + list(found))
    starts = [start for start, _ in covered]
    out = []
    for tok in ctx.tokens:
        if tok.start >= reach:
            break
        if tok.kind != "n" and tok.text not in VULGAR_FRACTIONS:
            continue
        k = bisect_right(starts, tok.start) - 1
        if k >= 0 and covered[k][1] > tok.start:
            continue
        if any(s < tok.end and tok.start < e for s, e in covered[max(0, k - 3) : k + 4]):
            continue
        stretch = ctx.masks.stretch(tok.start, tok.end)
        if stretch is not None:
            start, end, reason = stretch
        else:
            start, end = tok.start, tok.end
            value = digits_value(tok.text) if tok.kind == "n" else 0.0
            malformed = value is None or not math.isfinite(value)
            reason = "malformed" if malformed else "not_an_amount"
        out.append(Rejection(ctx.text[start:end], start, end, reason))
    return out


def _overlaps(claims: tuple[Claim, ...], starts: list[int], r: Rejection) -> bool:
    k = bisect_right(starts, r.end - 1) - 1
    return any(c.start < r.end and r.start < c.end for c in claims[max(0, k - 3) : k + 1])


def _disjoint(kept: list[Rejection]) -> Iterator[Rejection]:
    """Yield rejections in order, each starting after the last one ended."""
    end = -1
    for r in kept:
        if r.start >= end:
            yield r
            end = r.end
