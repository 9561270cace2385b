"""The source frame: who states a figure, when its sentence attributes it.

A sentence's attributions are found once: a reporting verb ("said", "estimated") with its
speaker before it ("the coalition estimated") or after it (`"…," said the minister`), or
"according to" with the speaker after it. Each figure of the sentence takes the nearest
attribution. Words are data (``english.reporting``); readings in docs/frames.md.
"""

from __future__ import annotations

from typing import Final, NamedTuple

from . import model_builders as make
from . import phrases
from .context import Context
from .english.phrases import AUXILIARIES, INNER_PREPOSITIONS
from .english.reporting import (
    CLAUSE_VERBS,
    FINDING_NOUNS,
    PASSIVE_AUXILIARIES,
    REPORTING_VERBS,
    SPEAKER_JOINS,
    SPEAKER_PRONOUNS,
    TOLD_OBJECTS,
)
from .model import Source

# Words after a reporting verb that make it report no figure: "said nothing".
_NOTHING: Final = frozenset({"nothing", "no"})
# Words before a reporting verb that deny it: "has not said", "never said".
_NEGATIONS: Final = frozenset({"not", "never", "n't", "didn't", "hasn't", "haven't", "wasn't"})
# Prepositions a speaker's phrase may hold, read leftwards: "a survey by Graywood University".
_SPEAKER_JOINS: Final = INNER_PREPOSITIONS | frozenset(SPEAKER_JOINS)
# Quote marks that close a quotation before `said the minister`.
_CLOSING_QUOTES: Final = frozenset({'"', "”", "’", "'"})
# Words after a verb of doing that make it a verb of saying: "found that", `added: "…"`.
_CLAUSE_OPENERS: Final = frozenset({"that", ",", ":", '"', "“"})


class Attribution(NamedTuple):
    """One attribution of a sentence: the speaker's tokens and the cue's tokens."""

    speaker: tuple[int, int]
    cue: tuple[int, int]


# A named tuple's generated ``__new__`` is a Python lambda, a generic call in the compiled core:
# ``tuple.__new__`` with the fields in order builds the same tuple (tests/test_tuple_builders.py).
_TUPLE_NEW: Final = tuple.__new__


def _attribution(speaker: tuple[int, int], cue: tuple[int, int]) -> Attribution:
    """Build an ``Attribution`` without its named tuple's ``__new__``."""
    return _TUPLE_NEW(Attribution, (speaker, cue))


# Every word an attribution opens with: a sentence holding none of them attributes nothing.
CUES: Final = REPORTING_VERBS | {"according"}


def attributions(
    ctx: Context, first: int, last: int, words: frozenset[str], lowers: list[str]
) -> list[Attribution]:
    """Return the attributions of the sentence whose tokens are ``first`` to ``last``.

    ``words`` are the sentence's in lower case (most sentences with a figure hold no cue), and
    ``lowers`` its tokens in lower case, in order.
    """
    tokens = ctx.tokens
    if tokens[last].text == "?" or CUES.isdisjoint(words):
        return []  # a question attributes nothing
    found = []
    cues = CUES
    for k in [k + first for k, word in enumerate(lowers) if word in cues]:
        word = lowers[k - first]
        if word == "according" and k + 1 <= last and tokens[k + 1].lower == "to":
            speaker = phrases.after(ctx, k + 2, SPEAKER_JOINS)
            if speaker is not None:
                found.append(_attribution(speaker, (k, k + 1)))
        elif word in REPORTING_VERBS and tokens[k].kind == "w":
            attribution = _reported(ctx, k, first, last)
            if attribution is not None:
                found.append(attribution)
    return found


def _reported(ctx: Context, k: int, first: int, last: int) -> Attribution | None:
    tokens = ctx.tokens
    nxt = tokens[k + 1].lower if k + 1 <= last else ""
    if nxt in _NOTHING or (k > first and tokens[k - 1].lower in _NEGATIONS):
        return None
    if k > first and tokens[k - 1].lower in PASSIVE_AUXILIARIES:
        return None  # "Growth is expected to reach 3%": no speaker, whatever stands before
    doing = tokens[k].lower in CLAUSE_VERBS and nxt not in _CLAUSE_OPENERS
    if tokens[k].text[:1].isupper() and k > first:
        return None  # "The United States": a name, not a verb
    cue = (k, k + 1) if tokens[k].lower == "told" and nxt in TOLD_OBJECTS else (k, k)
    if k > first and not doing and _inverted(ctx, k, first, last):
        speaker = phrases.after(ctx, cue[1] + 1, SPEAKER_JOINS)  # `"…," said the minister`
        if speaker is not None and speaker[1] <= last:
            return _attribution(speaker, cue)
    m = k - 1
    while m > first and tokens[m].lower in AUXILIARIES:
        m -= 1  # "has said", "also estimated"
    if m >= first and tokens[m].lower in SPEAKER_PRONOUNS:
        if tokens[m].lower == "it" and tokens[m + 1].lower in PASSIVE_AUXILIARIES:
            return None  # "It was reported that": no speaker
        return _attribution((m, m), cue)  # "he said"
    if m > first and tokens[m].text == ",":
        m = _before_apposition(ctx, m, first)  # "The minister, Paola Serrat, told"
    speaker = phrases.before(ctx, m, first, _SPEAKER_JOINS, measured=False) if m >= first else None
    if speaker is None:
        return None
    if doing and not any(
        tokens[j].lower in FINDING_NOUNS for j in range(speaker[0], speaker[1] + 1)
    ):
        return None  # "The economy added 200,000 jobs", "Police found 3 bodies": doing
    return _attribution(speaker, cue)


def _inverted(ctx: Context, k: int, first: int, last: int) -> bool:
    """Tell whether the speaker follows the verb: `"…," said the minister`.

    Also "62% are vaccinated, says Dr Reyes"; not "The senator, who won, said spending would
    rise", whose speaker stands before.
    """
    tokens = ctx.tokens
    mark = tokens[k - 1].text
    if mark in _CLOSING_QUOTES:
        return True
    if mark != ",":
        return False
    if k - 2 >= first and tokens[k - 2].text in _CLOSING_QUOTES:
        return True
    nxt = tokens[k + 1] if k + 1 <= last else None
    return nxt is not None and (nxt.text[:1].isupper() or nxt.lower in ("the", "a", "an"))


def _before_apposition(ctx: Context, comma: int, first: int) -> int:
    """Step back over ", Paola Serrat," to the phrase it describes; or stay if none."""
    tokens = ctx.tokens
    for k in range(comma - 1, max(first - 1, comma - 10), -1):
        if tokens[k].text == ",":
            return k - 1
        if tokens[k].kind != "w":
            break
    return comma


def source_of(
    ctx: Context,
    found: list[Attribution],
    first: int,
    last: int,
    made: dict[Attribution, Source],
) -> Source | None:
    """Return the source of the claim whose tokens are ``first`` to ``last``: the nearest.

    ``made`` holds the sources already built for this sentence: its figures share them.
    """
    best = None
    distance = 0
    for attribution in found:
        speaker, cue_tokens = attribution.speaker, attribution.cue
        if speaker[0] <= last and first <= speaker[1]:
            continue  # the figure is part of the speaker: "A study of 12,000 adults found"
        if cue_tokens[0] <= last and first <= cue_tokens[1]:
            continue  # "was estimated at $3bn": the verb is the claim's own hedge
        gap = min(abs(attribution.cue[0] - last), abs(first - attribution.cue[1]))
        if best is None or gap < distance:
            best, distance = attribution, gap
    if best is None:
        return None
    source = made.get(best)
    if source is None:
        tokens = ctx.tokens
        start, end = tokens[best.speaker[0]].start, tokens[best.speaker[1]].end
        cue = phrases.span(ctx, best.cue[0], best.cue[1])
        source = made[best] = make.source(ctx.text[start:end], start, end, cue)
    return source
