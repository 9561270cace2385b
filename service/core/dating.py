"""Which time of a sentence dates which of its figures ("320 permits in 2022 and 275 in 2023").

A time right after a figure is that figure's own ("61.4%, down from 66% in 2019": 2019 is the
66%'s); a figure with none of its own takes the nearest time before it, else the nearest after
it. A comparison base ("a year earlier") dates only the earlier figure of a change; a
statement's time ("said on Tuesday") dates a figure only when it states a present state and
nothing else dates it; "now" only when nothing else does. Times never cross a clause divide
(";", "but", "while") and never date a duration inside them ("the past 48 hours"), an age or a
term ("Cherono, 31,"; "jailed for 12 years").
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Final, NamedTuple

from . import model_builders as make
from .context import Context
from .english.calendar import (
    APPOSITION_WORDS,
    CLAUSE_DIVIDES,
    EVENT_PARTICIPLES,
    PERFECT_WORDS,
    PRESENT_WORDS,
)
from .english.common import CLAUSE_MARKS
from .english.units import AGE_WORDS
from .model import Change, Time
from .readings import Placed
from .time_words import REACH, TimeFound
from .times import after_record, aside_bounds

Span = tuple[int, int]


class _Sentence(NamedTuple):
    """A sentence's times and claims, with where its clause divides and marks stand."""

    ctx: Context
    first: int
    last: int
    found: list[TimeFound]
    spans: list[Span]  # the claims' first and last tokens
    starts: list[int]  # the times' first tokens, in order
    ends: frozenset[int]  # the claims' last tokens
    asides: list[Span | None]  # the commas around a claim in an aside ("The lander, built for")
    divides: list[int]  # the clause divides' tokens, in order (most sentences hold none)
    marks: list[int]  # the clause marks' tokens, in order
    owned: dict[int, int]  # by claim, the index of its own time (see ``_owners``)


# ``_between(s.divides, i, j)``: a clause divide (";", "but") between tokens ``i`` and ``j``;
# ``_between(s.marks, i, j)``: a clause mark (a comma, a bracket). Functions, not methods of
# the named tuple: a compiled call rather than a Python one.
_TUPLE_NEW: Final = tuple.__new__


def _between(at: list[int], i: int, j: int) -> bool:
    """Tell whether one of the tokens ``at`` (in order) stands strictly between ``i`` and ``j``."""
    lo, hi = (i, j) if i < j else (j, i)
    k = bisect_right(at, lo)
    return k < len(at) and at[k] < hi


def claim_times(
    ctx: Context,
    found: list[TimeFound],
    group: list[Placed],
    changes: list[Change | None],
    sentence: Span,
    words: list[str],
) -> list[Time | None]:
    """Return the time of each claim of a sentence (``group``), given the sentence's times.

    :param changes: each claim's change, or None: the amount of a change ("rose 63% to $63.9bn
        in the quarter") takes the time of its new level when it has none of its own.
    :param sentence: the first and last token of the sentence.
    :param words: the sentence's tokens in lower case (the frame stage reads them once).
    """
    first, last = sentence
    if not found or all(time.never for time in found) or _asks_how_many(ctx, first, last):
        return [None] * len(group)  # no time, or none that may date a figure (``_fits``)
    spans = [(item.first, item.last) for item in group]
    owned: dict[int, int] = {}  # filled in below, once the owners are known
    marks = _found(words, first, CLAUSE_MARKS)
    # ``tuple.__new__``, not the named tuple's ``__new__`` (a generic Python call when compiled)
    s: _Sentence = _TUPLE_NEW(
        _Sentence,
        (
            ctx,
            first,
            last,
            found,
            spans,
            [time.first for time in found],
            frozenset(b for _, b in spans),
            # An aside is set off by commas: a sentence with no clause mark holds none.
            [_aside(ctx, a, b, first, last) for a, b in spans] if marks else [None] * len(spans),
            _found(words, first, CLAUSE_DIVIDES),
            marks,
            owned,
        ),
    )
    counted = [time for time in found if time.counts]
    skip = [
        undated(ctx, item, first) or (bool(counted) and _inside(spans[i], counted))
        for i, item in enumerate(group)
    ]
    owners = _owners(s, skip)
    owned.update({claim: t for t, claim in owners.items()})
    chosen = [
        None if skip[i] else _chosen(s, owners, i, change) for i, change in enumerate(changes)
    ]
    _share_with_amounts(changes, chosen)
    made: dict[Span, Time] = {}
    return [None if best is None else _built(ctx, best, made) for best in chosen]


def _found(words: list[str], first: int, marks: frozenset[str]) -> list[int]:
    """Return the tokens of ``words`` (the sentence's, from token ``first``) that are ``marks``.

    A bisection over them tells a mark between two tokens (``_between``): one pass a sentence
    (most hold no divide and few commas), none over the words again for each claim.
    """
    return [k + first for k, word in enumerate(words) if word in marks]


def _owners(s: _Sentence, skip: list[bool]) -> dict[int, int]:
    """Return, by time index, the claim whose own time it is.

    A claim's own time is the first time after it, before the next claim and within its
    clause ("320 permits in 2022"). Times of statements, asides and records are no one's.
    """
    owners: dict[int, int] = {}
    stated = [t for t, time in enumerate(s.found) if not _no_ones(time)]
    kept = [i for i, dropped in enumerate(skip) if not dropped]
    at = 0
    for n, i in enumerate(kept):
        end = s.spans[i][1]
        limit = s.spans[kept[n + 1]][0] if n + 1 < len(kept) else s.last + 1
        aside = s.asides[i]
        if aside is not None:
            limit = min(limit, aside[1])  # "The lander, built for $450 million, will …"
        while at < len(stated) and s.found[stated[at]].first <= end:
            at += 1  # the claims and the times both run left to right
        if at < len(stated):
            time = s.found[stated[at]]
            if time.first < limit and not _between(s.divides, end, time.first):
                owners.setdefault(stated[at], i)
    return owners


def _no_ones(time: TimeFound) -> bool:
    """Tell a time that is no figure's own: a statement's, an event's, a record's, "now"."""
    return time.said or time.event or time.never or time.weak


def _aside(ctx: Context, a: int, b: int, first: int, last: int) -> Span | None:
    """Return the commas around a claim in a relative or participle clause about a noun.

    "The lander, built for $450 million, will touch down in 2026": the time outside is not
    the cost's. An aside that is a clause of its own ("Over the past year, prices rose 6%,
    the agency said") is no such aside.
    """
    bounds = aside_bounds(ctx, a, b, first, last)
    if bounds is None:
        return None
    opener = ctx.word(bounds[0] + 1)
    participle = opener in EVENT_PARTICIPLES or (opener.endswith("ed") and len(opener) > 4)
    return bounds if participle or opener in ("which", "who", "whose") else None


def _chosen(
    s: _Sentence, owners: dict[int, int], i: int, change: Change | None
) -> TimeFound | None:
    """Return the time of claim ``i``.

    Its own time; else the nearest before it that is no other claim's (unless the sentence has
    one such time, or the claim is a change's amount or an apposition: "in March, a 30%
    increase"); else the nearest after it; failing those, a statement's time if the claim
    states a present state; else "now" in its clause. The times are walked out from the claim
    and the walk stops at a clause divide, so a claim looks at its neighbours only.
    """
    found, (a, b) = s.found, s.spans[i]
    role = None if change is None else change.role
    split = bisect_left(s.starts, a)
    own = s.owned.get(i)
    if own is not None and _stated(found[own], role, role is None):
        return found[own]
    shared = role == "by" or sum(not found[t].base for t in owners) < 2
    kept: list[int] = []  # statements' times and "now", nearest first on each side
    for t in range(split - 1, -1, -1):
        time = found[t]
        if a - time.last > _FAR or _between(s.divides, time.last, a):
            break
        if not _fits(s, time, i):
            continue
        if time.said or time.weak:
            kept.append(t)
        elif _stated(time, role, owners.get(t) == i):
            if t not in owners or shared or _apposition(s, time.last, a):
                return time
    for t in range(split, len(found)):
        time = found[t]
        if time.first - b > _FAR or _between(s.divides, b, time.first):
            break
        if not _fits(s, time, i):
            continue
        if time.said or time.weak:
            kept.append(t)
        elif _stated(time, role, owners.get(t) == i):
            if not _after_another(s, time, b):
                return time
    said = [t for t in kept if found[t].said and _as_of_statement(s, found[t], a, b)]
    weak = [t for t in kept if found[t].weak and not _apart(s, found[t], a, b)]
    for pick in (said, weak):
        if pick:
            return _nearest(found, pick, a, b)
    return None


def _nearest(found: list[TimeFound], pick: list[int], a: int, b: int) -> TimeFound:
    """Return the time of ``pick`` nearest to tokens ``a`` to ``b``, the first of equals.

    A loop, not ``min`` with a ``key`` lambda: the lambda would make ``_chosen`` a closure,
    an environment object per claim in the compiled core.
    """
    best, distance = pick[0], _distance(found[pick[0]], a, b)
    for t in pick:
        here = _distance(found[t], a, b)
        if here < distance:
            best, distance = t, here
    return found[best]


# How far, in tokens, a time may stand from the figure it dates.
_FAR: Final = 2 * REACH


def _stated(time: TimeFound, role: str | None, own: bool) -> bool:
    """Tell a time a figure may take as stated: no statement's, no "now", no base but its own.

    A base ("a year earlier") is the time of the earlier figure of a change only: of a "from"
    claim, or of a claim with no change role that it directly follows.
    """
    if time.said or time.weak:
        return False
    return not time.base or role == "from" or (role is None and own)


def _fits(s: _Sentence, time: TimeFound, i: int) -> bool:
    """Tell a time that may date claim ``i`` at all: not a record's, inside the claim's aside."""
    b = s.spans[i][1]
    if time.never or (time.event and not 1 <= time.first - 1 - b <= 3):
        return False  # an event's time dates "22 trucks arrived on Monday" only
    aside = s.asides[i]
    return aside is None or (aside[0] < time.first and time.last < aside[1])


def _after_another(s: _Sentence, time: TimeFound, b: int) -> bool:
    """Tell a time right after another claim ("down from 66% in 2019"): that claim's."""
    return any(end in s.ends and end != b for end in (time.first - 1, time.first))


def _apart(s: _Sentence, time: TimeFound, a: int, b: int) -> bool:
    """Tell a time set apart from the claim by a clause mark ("as currently framed, …")."""
    if time.last < a:
        return _between(s.marks, time.last, a)
    return _between(s.marks, b, time.first)


def _apposition(s: _Sentence, end: int, a: int) -> bool:
    """Tell a figure in apposition to the figure and time before it (the time is its too).

    "16.9 million square km in July, about 1.5 million square km below the average";
    "1,900 reports in March, a 30% increase on February".
    """
    if a - end > 4:
        return False
    between = [s.ctx.word(k) for k in range(end + 1, a)]
    return bool(between) and between[0] == "," and set(between[1:]) <= APPOSITION_WORDS


def _distance(time: TimeFound, a: int, b: int) -> int:
    return max(time.first - b, a - time.last, 0)


def _as_of_statement(s: _Sentence, said: TimeFound, a: int, b: int) -> bool:
    """Tell a figure the statement's time dates: what holds when it is made.

    A present state ("said on Tuesday that 2.3 million people are now out of work"), and, in
    the clause the reporting verb reports, a simple past read as of the statement ("On Friday
    13 October, a local official said an estimated 100 militants surrendered"). Not what was
    done before it ("said on Monday that it had recruited 8,000"), nor a past event stated
    before the attribution ("The telescope spotted a galaxy …, astronomers announced on
    Monday").
    """
    tokens = s.ctx.tokens
    reported = said.last < a
    lo = said.last + 1 if reported else max(s.first, a - REACH)
    hi, end = b + 1, min(s.last, b + REACH)
    while hi <= end and tokens[hi].text not in CLAUSE_MARKS:
        hi += 1
    words = {tokens[k].lower for k in range(lo, hi)}
    if not words.isdisjoint(PERFECT_WORDS):
        return False
    return reported or not words.isdisjoint(PRESENT_WORDS)


def _share_with_amounts(changes: list[Change | None], chosen: list[TimeFound | None]) -> None:
    """Give the amount of a change with no time the time of its new level ("to").

    A change is known by its trigger's offsets (its text is the input's there): a ``Span``'s
    hash is a Python call, even in the compiled core.
    """
    levels: dict[Span, TimeFound] = {}
    for i, change in enumerate(changes):
        time = chosen[i]
        if change is not None and change.role == "to" and time is not None:
            trigger = change.trigger
            levels[trigger.start, trigger.end] = time
    for i, change in enumerate(changes):
        if change is not None and change.role == "by" and chosen[i] is None:
            trigger = change.trigger
            chosen[i] = levels.get((trigger.start, trigger.end))


def _inside(span: Span, counted: list[TimeFound]) -> bool:
    """Tell a duration claim inside a time ("In the past 24 hours"): the time is not its."""
    return any(t.first <= span[0] and span[1] <= t.last for t in counted)


def _asks_how_many(ctx: Context, first: int, last: int) -> bool:
    """Tell "How many of the 300 beds will be open in the spring?": the time is the asked's."""
    tokens = ctx.tokens
    return (
        ctx.word(first) == "how"
        and ctx.word(first + 1) in ("many", "much")
        and any(tok.text == "?" for tok in tokens[max(first, last - 1) : last + 1])
    )


def undated(ctx: Context, item: Placed, first: int) -> bool:
    """Tell an age or a term, never dated.

    "a 7-year-old", "aged 31", "Cherono, 31,", "for 12 years", "two days after", "the
    strongest in 20 years". A duration that is a result is dated ("ran 2 hours 18 minutes on
    Sunday").
    """
    claim = item
    before = ctx.word(item.first - 1) if item.first > 0 else ""
    if claim.unit is None:
        return _age_aside(ctx, item)
    if claim.unit.dimension != "time" or claim.kind == "money":
        return False
    if claim.text.endswith("old") or claim.unit.surface.lower() in AGE_WORDS or before == "for":
        return True
    if ctx.word(item.last + 1) in ("after", "before", "later", "earlier"):
        return True
    return before in ("in", "over", "within") and after_record(ctx, item.first - 1, first)


def _age_aside(ctx: Context, item: Placed) -> bool:
    """Tell an age set off by commas after a name or a noun: "A man, 42, was jailed"."""
    tokens, text = ctx.tokens, item.text
    return (
        item.first == item.last
        and text.isdigit()
        and 0 < int(text) <= 120
        and item.first >= 2
        and tokens[item.first - 1].text == ","
        and tokens[item.first - 2].kind == "w"
        and ctx.word(item.last + 1) == ","
    )


def _built(ctx: Context, best: TimeFound, made: dict[Span, Time]) -> Time:
    """Build a found time as the claims it dates carry it: once, shared, resolved if it can be."""
    time = made.get((best.first, best.last))
    if time is not None:
        return time
    tokens = ctx.tokens
    start, end = tokens[best.first].start, tokens[best.last].end
    resolved = None
    if ctx.reference is not None:
        try:
            days = best.resolve(ctx.reference)
        except (ValueError, OverflowError):
            days = None  # "next year" from 9999-12-31: past the calendar, no days to give
        if days is not None:
            resolved = make.date_range(days[0].isoformat(), days[1].isoformat())
    time = made[best.first, best.last] = make.time(ctx.text[start:end], start, end, resolved)
    return time
