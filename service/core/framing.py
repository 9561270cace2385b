"""The frame stage: each claim's change, source, time and subject, read per sentence.

After the claims of a sentence are built and joined, their frames are read together: a change
gives roles to several claims at once ("rose from 4.1% to 4.4%"), one attribution and one time
serve every figure of the sentence. A sentence's tokens are found from its claims' (the claims
stand inside it), so no sentence is tokenised for the frames that was not for the claims.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .changes import ChangeFound, changes
from .context import Context
from .english.units import AGE_WORDS
from .model import Change, Claim, Source, Span, Time
from .readings import Placed
from .sources import Attribution, attributions, source_of
from .subjects import subject_of
from .time_limit import check
from .times import time_of, times


def framed(ctx: Context, placed: Iterable[Placed]) -> Iterator[Claim]:
    """Yield the claims with their frames, reading one sentence's claims at a time."""
    group: list[Placed] = []
    for item in placed:
        if group and item.claim.sentence != group[0].claim.sentence:
            yield from _frame(ctx, group)
            group = []
        group.append(item)
    if group:
        yield from _frame(ctx, group)


def _frame(ctx: Context, group: list[Placed]) -> Iterator[Claim]:
    """Frame the claims of one sentence; a sentence whose frames cannot be read keeps none.

    The core never raises (see ``pipeline._read``): should a frame reader fail on a sentence no
    rule foresaw, its claims are given as they are, without frames.
    """
    try:
        framed_claims = list(_frames(ctx, group))
    except _READING_ERRORS:
        framed_claims = [item.claim for item in group]
    yield from framed_claims


# What reading a sentence's frames may raise on input no rule foresaw.
_READING_ERRORS = (ArithmeticError, ValueError, TypeError, IndexError, KeyError)


def _frames(ctx: Context, group: list[Placed]) -> Iterator[Claim]:
    tokens = ctx.tokens
    sentence = group[0].claim.sentence
    # The sentence's tokens, walked out from its claims' (a bisect with a key costs more).
    first, last = group[0].first, group[-1].last
    while first > 0 and tokens[first - 1].start >= sentence.start:
        first -= 1
    while last + 1 < len(tokens) and tokens[last + 1].end <= sentence.end:
        last += 1
    found_changes = changes(ctx, group)
    found_attributions = attributions(ctx, first, last)
    claims = [(item.first, item.last) for item in group]  # the tokens of the sentence's claims
    found_times = times(ctx, first, last, claims)
    subjects = [
        subject_of(ctx, item, found.trigger, first)
        for item, found in zip(group, found_changes, strict=True)
    ]
    _share_subjects(found_changes, subjects)
    sources: dict[Attribution, Source] = {}
    made_times: dict[tuple[int, int], Time] = {}
    for item, found, subject in zip(group, found_changes, subjects, strict=True):
        check(ctx.deadline)  # a caller's time limit: a sentence may hold 100 000 claims
        change = found.change
        source = source_of(ctx, found_attributions, item.first, item.last, sources)
        role = None if change is None else change.role
        time = None
        if not _undated(ctx, item):  # "jailed for 12 years in 2019": the time is the jailing's
            time = time_of(ctx, found_times, item.first, item.last, role, made_times, claims)
        if change is None and source is None and time is None and subject is None:
            yield item.claim
        else:
            yield _with_frame(item.claim, change, source, time, subject)


def _undated(ctx: Context, item: Placed) -> bool:
    """Tell an age or a term ("a 7-year-old", "aged 31", "for 12 years"): never dated.

    A duration that is a result is dated ("ran 2 hours 18 minutes on Sunday").
    """
    claim = item.claim
    if claim.unit is None or claim.unit.dimension != "time" or claim.kind == "money":
        return False
    before = ctx.tokens[item.first - 1].lower if item.first > 0 else ""
    return claim.text.endswith("old") or claim.unit.surface.lower() in AGE_WORDS or before == "for"


def _with_frame(
    c: Claim, change: Change | None, source: Source | None, time: Time | None, subject: Span | None
) -> Claim:
    """Return the claim with its frame, built field by field (``replace`` costs 11 µs)."""
    return Claim(
        c.text, c.start, c.end, c.value, c.low, c.high, c.relation, c.approximate, c.unit,
        c.normalized, c.entity, c.kind, c.sentence, change, source, time, subject,
    )  # fmt: skip


def _share_subjects(found_changes: list[ChangeFound], subjects: list[Span | None]) -> None:
    """Give the claims of one change one subject ("rose from 4.1% to 4.4%": Unemployment).

    The first subject a claim of the change found is every one's ("raised interest rates by
    0.25 points to 5.25%": interest rates, twice); a claim of a change that found none takes
    that of the claim just before it in the sentence ("41%, compared with 48%").
    """
    by_trigger: dict[Span, Span] = {}
    for found, subject in zip(found_changes, subjects, strict=True):
        if found.change is not None and subject is not None:
            by_trigger.setdefault(found.change.trigger, subject)
    previous: Span | None = None
    for k, found in enumerate(found_changes):
        change = found.change
        if change is not None:
            subjects[k] = by_trigger.get(change.trigger, subjects[k] or previous)
        if subjects[k] is not None:
            previous = subjects[k]  # "34%, down 5 points": the share the 34% measures
