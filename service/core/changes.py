"""The change frame: how a figure takes part in a stated change ("rose from 4.1% to 4.4%").

Read from the tokens around each claim of a sentence, in order, since the roles hang together:
in "fell 3% to $41.20" the 3% is the amount (``by``) because the verb stands right before it,
and $41.20 the new level (``to``) because "to" follows that amount. The words are data
(``english.changes``); the readings chosen are in docs/frames.md.
"""

from __future__ import annotations

from typing import Final, NamedTuple

from . import model_builders as make
from .context import Context
from .english.changes import (
    CHANGE_ADVERBS,
    CHANGE_COMPARATIVES,
    CHANGE_NOUNS,
    CHANGE_WORDS,
    CROSSING_BOUNDS,
    MARGIN_VERBS,
    NEUTRAL_CHANGE_VERBS,
    PARTICLE_VERBS,
    SUM_VERBS,
)
from .english.phrases import CHANGE_UNITS
from .model import Change
from .readings import Placed


class _Found(NamedTuple):
    direction: str | None  # None: from the values (a neutral verb, "compared with")
    role: str
    trigger: tuple[int, int]  # first and last token of the trigger


# Tokens a change's words are looked for across, at most, and the marks they never cross.
_REACH: Final = 6
_CLAUSE_ENDS: Final = frozenset({".", ";", ":", "!", "?", "(", ")"})
_YEAR_OPENERS: Final = frozenset({"since", "in", "by", "from", "until"})


# Every word a change is stated with: a sentence holding none of them states no change, and its
# claims are not looked at one by one (most sentences with a figure state none).
CUES: Final = frozenset(
    {*CHANGE_WORDS, *NEUTRAL_CHANGE_VERBS, *CHANGE_NOUNS, *CHANGE_COMPARATIVES, "compared"}
)


class ChangeFound(NamedTuple):
    """A claim's change and the token its trigger opens at (the subject stands before it)."""

    change: Change | None
    trigger: int | None


_NO_CHANGE: Final = ChangeFound(None, None)

# A named tuple's generated ``__new__`` is a Python lambda, a generic call in the compiled core:
# ``tuple.__new__`` with the fields in order builds the same tuple (tests/test_tuple_builders.py).
_TUPLE_NEW: Final = tuple.__new__


def _change_found(change: Change | None, trigger: int | None) -> ChangeFound:
    """Build a ``ChangeFound`` without its named tuple's ``__new__``."""
    return _TUPLE_NEW(ChangeFound, (change, trigger))


def _found(direction: str | None, role: str, trigger: tuple[int, int]) -> _Found:
    """Build a ``_Found`` without its named tuple's ``__new__``."""
    return _TUPLE_NEW(_Found, (direction, role, trigger))


def changes(ctx: Context, placed: list[Placed], words: frozenset[str]) -> list[ChangeFound]:
    """Read the change of each claim of one sentence, in order; ``words``: the sentence's."""
    if CUES.isdisjoint(words):
        return [_NO_CHANGE] * len(placed)
    found: list[_Found | None] = []
    for index, item in enumerate(placed):
        previous = placed[index - 1] if index else None
        here = _before(ctx, item, previous, found[-1] if found else None)
        if here is None:
            here = _after(ctx, item)
        found.append(here)
    _agree(ctx, placed, found)
    out = []
    for k, here in enumerate(found):
        change = _change(ctx, placed, found, k)
        out.append(
            _change_found(change, None if change is None or here is None else here.trigger[0])
        )
    return out


def _skip_adverbs(ctx: Context, k: int) -> int:
    word = ctx.word(k)
    while word in CHANGE_ADVERBS or (word.endswith("ly") and k > 0):
        k -= 1
        word = ctx.word(k)
    return k


def _verb(ctx: Context, k: int) -> str | None:
    """Return the direction of a change verb at token ``k`` ("neutral" for "went"), or None."""
    word = ctx.word(k)
    if word in NEUTRAL_CHANGE_VERBS:
        return "neutral"
    direction = CHANGE_WORDS.get(word)
    if direction is not None and word in ("up", "down") and ctx.word(k - 1) in PARTICLE_VERBS:
        return None  # "shot down", "set up"
    return direction


def _governing(ctx: Context, k: int, previous: Placed | None) -> int | None:
    """Return the change verb a few tokens left of token ``k``, over the previous claim.

    "slid 6 points to 31%", "climbed from 120 in March to 310", "raised interest rates by
    0.25 points": the verb may stand a few words back, and the claim before (the amount or
    the earlier level) may stand between. Not past a sentence mark or another number.
    """
    tokens = ctx.tokens
    m, steps = k, 0
    while m >= 0 and steps < _REACH:
        if previous is not None and previous.first <= m <= previous.last:
            m = previous.first - 1
            continue
        tok = tokens[m]
        if _verb(ctx, m) is not None:
            return m
        if tok.kind == "n" and m > 0 and tokens[m - 1].lower in _YEAR_OPENERS:
            m -= 2  # "halved since 2000, to 12%": a year of the time, not a figure
            steps += 1
            continue
        if tok.kind == "n" or tok.text in _CLAUSE_ENDS:
            return None
        m -= 1
        steps += 1
    return None


def _before(
    ctx: Context, item: Placed, previous: Placed | None, found_before: _Found | None
) -> _Found | None:
    """Read the role from the words before the claim: "to 4.4%", "from 4.1%", "fell 3%"."""
    k = item.first - 1
    word = ctx.word(k)
    if word in ("to", "from", "by"):
        m = _governing(ctx, k - 1, previous)
        if m is None or (word == "by" and ctx.word(m) in MARGIN_VERBS):
            return None
        if word == "to" and m == k - 1 and ctx.word(m) in ("up", "down"):
            return None  # "up to 40": a bound, read by the claim itself
        direction = _verb(ctx, m)
        role = {"to": "to", "from": "from", "by": "by"}[word]
        return _found(None if direction == "neutral" else direction, role, (m, m))
    if word == "at" and previous is not None and found_before and _just_after(ctx, previous, k):
        return _found(found_before.direction, "to", found_before.trigger)  # "down 25 at 15,410"
    if word in ("with", "to") and ctx.word(k - 1) == "compared":
        return _found(None, "from", (k - 1, k))  # "compared with 12% a year earlier"
    if word == "of" and ctx.word(k - 1) in CHANGE_NOUNS:
        return _found(CHANGE_NOUNS[ctx.word(k - 1)], "by", (k - 1, k - 1))  # "a fall of 3%"
    m = _skip_adverbs(ctx, k)
    direction = _verb(ctx, m)
    if direction is None or direction == "neutral":
        return None
    if ctx.word(item.first) in CROSSING_BOUNDS:
        return None  # "fell below $70": a level crossed, not an amount
    if ctx.word(m) in SUM_VERBS and item.kind == "money":
        return None  # "raised $5m", "lost $2bn": a sum, not a change of one
    return _found(direction, "by", (m, m))  # "fell 3%", "up 25 points", "added 200,000 jobs"


def _just_after(ctx: Context, previous: Placed, k: int) -> bool:
    """Tell an "at" (token ``k``) right after an amount of change: "down 25 points at 15,410".

    Also after its comparative: "142 points lower at 8,310".
    """
    gap = k - previous.last
    return gap <= 2 or (gap == 3 and ctx.word(k - 1) in CHANGE_COMPARATIVES)


def _after(ctx: Context, item: Placed) -> _Found | None:
    """Read the role from the words after the claim: "a 3% fall", ", up from 61.1%".

    A level before ", up from", ", compared with" or ", a drop of" is the new level, also
    when a few words stand between ("120,000 homes without power, down from 300,000").
    """
    j = item.last + 1
    word = ctx.word(j)
    if word in CHANGE_NOUNS:
        return _found(CHANGE_NOUNS[word], "by", (j, j))  # "a 3% fall"
    if word in CHANGE_UNITS and ctx.word(j + 1) in CHANGE_COMPARATIVES:
        j += 1  # "closed 142 points lower": the points count the change
        word = ctx.word(j)
    if word in CHANGE_COMPARATIVES:
        return _found(CHANGE_COMPARATIVES[word], "by", (j, j))  # "closed 3% higher"
    tokens = ctx.tokens
    for m in range(j, min(len(tokens), j + _REACH)):
        if tokens[m].kind == "n" or tokens[m].text in _CLAUSE_ENDS:
            return None
        if tokens[m].text == ",":
            return _apposed(ctx, m + 1)
    return None


def _apposed(ctx: Context, k: int) -> _Found | None:
    """Read ", up from …", ", compared with …", ", a drop of …" at token ``k`` (after ",")."""
    word = ctx.word(k)
    if word in ("up", "down") and ctx.word(k + 1) in ("from", "on"):
        return _found(CHANGE_WORDS[word], "to", (k, k))  # "67.3%, up from 61.1%"
    if word == "compared" and ctx.word(k + 1) in ("with", "to"):
        return _found(None, "to", (k, k + 1))  # "41% in June, compared with 48%"
    if word in ("a", "an") and ctx.word(k + 1) in CHANGE_NOUNS and ctx.word(k + 2) == "of":
        return _found(CHANGE_NOUNS[ctx.word(k + 1)], "to", (k + 1, k + 1))  # ", a drop of 9%"
    return None


def _agree(ctx: Context, placed: list[Placed], found: list[_Found | None]) -> None:
    """Give the claims of one change one trigger: a verb governs what "up from" restates.

    "eased to 2.9% in May, down from 3.4%": both take "eased"; "jumped to 11.2 million,
    compared with 8.9 million": both take "jumped". Only for neighbours in one clause.
    """
    tokens = ctx.tokens
    for k in range(1, len(found)):
        here, before = found[k], found[k - 1]
        if here is None or before is None or here.trigger == before.trigger:
            continue
        restated = tokens[here.trigger[0]].lower in ("up", "down", "compared")
        verb = (
            tokens[before.trigger[0]].lower in CHANGE_WORDS and before.trigger[0] < here.trigger[0]
        )
        between = range(placed[k - 1].last + 1, placed[k].first)
        one_clause = not any(tokens[m].text in _CLAUSE_ENDS for m in between)
        if (
            restated
            and verb
            and one_clause
            and tokens[before.trigger[0]].lower not in ("up", "down")
        ):
            found[k] = _found(before.direction, here.role, before.trigger)


def _change(
    ctx: Context, placed: list[Placed], found: list[_Found | None], k: int
) -> Change | None:
    here = found[k]
    if here is None:
        return None
    direction = here.direction or _from_values(placed, found, k)
    if direction is None:
        return None
    first, last = ctx.tokens[here.trigger[0]], ctx.tokens[here.trigger[1]]
    trigger = make.span(ctx.text[first.start : last.end], first.start, last.end)
    return make.change(direction, here.role, trigger)  # type: ignore[arg-type]


def _from_values(placed: list[Placed], found: list[_Found | None], k: int) -> str | None:
    """Tell the direction of "went from 4 seats to 11" or "compared with 12%" from the values.

    The earlier level is the ``from`` claim; the later one is the ``to`` claim of the same
    trigger, or, after "compared with", the claim just before. Both in the same unit.
    """
    here = found[k]
    if here is None:
        return None
    if here.role == "to" and k + 1 < len(found) and found[k + 1] is not None:
        after = found[k + 1]
        pair = (k + 1, k) if after is not None and after.trigger == here.trigger else (k - 1, k)
    elif here.role == "to":
        pair = (k - 1, k)  # from the claim before to this one
    elif k + 1 < len(found) and (after := found[k + 1]) is not None and after.role == "to":
        pair = (k, k + 1) if after.trigger == here.trigger else (k, -1)
    else:
        pair = (k, k - 1)  # "41%, compared with 48%": the level before, compared with this
    if min(pair) < 0:
        return None
    earlier, later = placed[pair[0]], placed[pair[1]]
    if earlier.unit != later.unit or earlier.value is None or later.value is None:
        return None
    if earlier.value == later.value:
        return None
    return "up" if later.value > earlier.value else "down"
