"""The frame stage: each claim's change, source, time and subject, read per sentence.

After the claims of a sentence are built and joined, their frames are read together: a change
gives roles to several claims at once ("rose from 4.1% to 4.4%"), one attribution and one time
serve every figure of the sentence. A sentence's tokens are found from its claims' (the claims
stand inside it), so no sentence is tokenised for the frames that was not for the claims.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .build import claim
from .changes import ChangeFound, changes
from .context import Context
from .dating import claim_times
from .model import Claim, Source, Span
from .readings import Placed
from .sources import Attribution, attributions, source_of
from .subjects import subject_of
from .time_limit import check
from .times import times


def framed(ctx: Context, placed: Iterable[Placed]) -> Iterator[Claim]:
    """Yield the claims with their frames, reading one sentence's claims at a time."""
    group: list[Placed] = []
    sentence: Span | None = None
    start = end = -1  # the sentence's offsets: equal offsets, equal sentences (no __eq__ call)
    for item in placed:
        here = item.sentence
        if group and here is not sentence and (here.start != start or here.end != end):
            for framed_claim in _frame(ctx, group):  # a list: a native loop when compiled
                yield framed_claim
            group = []
        if not group:
            sentence, start, end = here, here.start, here.end
        group.append(item)
    if group:
        for framed_claim in _frame(ctx, group):
            yield framed_claim


def _frame(ctx: Context, group: list[Placed]) -> list[Claim]:
    """Frame the claims of one sentence; a sentence whose frames cannot be read keeps none.

    The core never raises (see ``pipeline._read``): should a frame reader fail on a sentence no
    rule foresaw, its claims are given as they are, without frames.
    """
    try:
        return _frames(ctx, group)
    except _READING_ERRORS:
        return [claim(item, None, None, None, None) for item in group]


# What reading a sentence's frames may raise on input no rule foresaw (any tuple of exception
# types, as in pipeline.py, so that a compiled build lets a test change it).
_READING_ERRORS: tuple[type[Exception], ...] = (
    ArithmeticError,
    ValueError,
    TypeError,
    IndexError,
    KeyError,
)


def _frames(ctx: Context, group: list[Placed]) -> list[Claim]:
    """Read the frames of one sentence's claims and make the claims, in order.

    A list, not a generator: a sentence is framed whole, and a list is handed on for less.
    """
    head, tail = group[0], group[-1].last
    sentence = head.sentence
    bottom, top = sentence.start, sentence.end  # a Span's fields are read once: a Python class
    tokens = ctx.tokens
    # The sentence's tokens: out from its claims' to its ends (tokens near in the text are
    # near in memory: cheaper than a bisection over every token's start).
    first = head.first
    while first > 0 and tokens[first - 1].start >= bottom:
        first -= 1
    last, n = tail, len(tokens)
    if tokens[last].start >= top:
        last -= 1  # never so for a claim inside its sentence; as a bisection would have it
    else:
        while last + 1 < n and tokens[last + 1].start < top:
            last += 1
    while last > tail and tokens[last].end > top:
        last -= 1  # a token cut by the sentence's end is not the sentence's
    lowers = [tok.lower for tok in tokens[first : last + 1]]  # read once, shared by the readers
    words = frozenset(lowers)
    found_changes = changes(ctx, group, words)
    found_attributions = attributions(ctx, first, last, words, lowers)
    claims = [(item.first, item.last) for item in group]  # the tokens of the sentence's claims
    found_times = times(ctx, first, last, claims)
    subjects = _subjects(ctx, group, found_changes, first)
    moves = [f.change for f in found_changes]
    dated = claim_times(ctx, found_times, group, moves, (first, last), lowers)
    sources: dict[Attribution, Source] = {}
    ends = ctx.deadline
    made: list[Claim] = []
    # Loops by index, here and below: ``zip(..., strict=True)`` and ``enumerate(x, start)`` are
    # generic iterators in the compiled core, a plain ``enumerate`` and indexing are native.
    for k, item in enumerate(group):
        if ends is not None:
            check(ends)  # a caller's time limit: a sentence may hold 100 000 claims
        source = None
        if found_attributions:
            source = source_of(ctx, found_attributions, item.first, item.last, sources)
        made.append(claim(item, moves[k], source, dated[k], subjects[k]))
    return made


def _subjects(
    ctx: Context, group: list[Placed], found_changes: list[ChangeFound], floor: int
) -> list[Span | None]:
    """Read the subject of each claim of a sentence, in order, then share a change's.

    A claim may take the subject of the one before ("212 seats, while the opposition took
    148") or the noun of the one after ("6 and 12 protesters").
    """
    subjects: list[Span | None] = []
    for k, item in enumerate(group):
        previous = group[k - 1] if k else None
        following = group[k + 1] if k + 1 < len(group) else None
        before = subjects[-1] if subjects else None
        trigger = found_changes[k].trigger
        subjects.append(subject_of(ctx, item, trigger, floor, previous, before, following))
    if any(found.change is not None for found in found_changes):
        _share_subjects(found_changes, subjects)  # nothing to share in a sentence of no change
    return subjects


def _share_subjects(found_changes: list[ChangeFound], subjects: list[Span | None]) -> None:
    """Give the claims of one change one subject ("rose from 4.1% to 4.4%": Unemployment).

    The first subject a claim of the change found is every one's ("raised interest rates by
    0.25 points to 5.25%": interest rates, twice); a claim of a change that found none takes
    that of the claim just before it in the sentence ("41%, compared with 48%").
    """
    # A change is known by its trigger's offsets (a ``Span``'s hash is a Python call).
    by_trigger: dict[tuple[int, int], Span] = {}
    for k, found in enumerate(found_changes):
        subject = subjects[k]
        if found.change is not None and subject is not None:
            trigger = found.change.trigger
            by_trigger.setdefault((trigger.start, trigger.end), subject)
    previous: Span | None = None
    for k, found in enumerate(found_changes):
        change = found.change
        if change is not None:
            trigger = change.trigger
            subjects[k] = by_trigger.get((trigger.start, trigger.end), subjects[k] or previous)
        if subjects[k] is not None:
            previous = subjects[k]  # "34%, down 5 points": the share the 34% measures
