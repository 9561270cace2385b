"""The times of a sentence: where each stands, and how to resolve it ("in March", "last year").

The dates and years that are not claims serve the claims they date. A sentence's times are
found once, left to right, each from a preposition or a relative word ("in", "on", "by",
"last", "earlier in the week") to the calendar words after it (``time_words`` reads those).
Each time is then marked for what it dates besides a figure: a statement ("said on Monday"),
something else ("the law, passed in 2010"; "its worst day since March"), or a comparison base
("a year earlier", "than last season"); ``dating`` chooses each figure's time among them.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date
from typing import Final

from .context import Context
from .english.calendar import (
    BASE_OPENERS,
    COUNTED_UNITS,
    EVENT_PARTICIPLES,
    FUTURE_PHRASES,
    MONTH_NUMBERS,
    NOT_ASIDE_OPENERS,
    NOT_SUPERLATIVES,
    PART_LETTERS,
    PART_ORDINALS,
    RECORD_WORDS,
    TIME_PREPOSITIONS,
)
from .english.changes import CHANGE_WORDS
from .english.common import CLAUSE_MARKS
from .english.phrases import DETERMINERS
from .english.reporting import CLAUSE_VERBS, FORECAST_VERBS, REPORTING_VERBS
from .time_words import (
    NEXT_WORDS,
    OPENERS,
    REACH,
    Days,
    Tense,
    TimeFound,
    is_year_token,
    may_follow,
    time_at,
    time_found,
)


def times(ctx: Context, first: int, last: int, taken: list[tuple[int, int]]) -> list[TimeFound]:
    """Return the times of the tokens ``first`` to ``last`` (a sentence), marked.

    A time may hold a duration claim of ``taken`` ("In the past 24 hours", "Two years ago"),
    never part of another claim. "a year earlier" counts back from the time before it.
    """
    tokens = ctx.tokens
    found: list[TimeFound] = []
    claimed: set[int] | None = None  # the claims' tokens, listed when a time is found
    starts = [a for a, _ in taken]
    n = len(tokens)
    resume = first  # the token after the last time found: times never overlap
    # Dates and clock times are masked: a sentence that holds none spares its digits the test.
    masks = ctx.masks if ctx.masks.covers(tokens[first].start, tokens[last].end) else None
    # The word tables, read once a sentence (a compiled module looks a global up each time).
    openers, counted_units, next_words = OPENERS, COUNTED_UNITS, NEXT_WORDS
    # Digits and the listed words are the only tokens that may open a time: the tests below
    # run on those few only (a range over the indices: no slice of the tokens, no list).
    for k in range(resume, last + 1):
        if k < resume:
            continue  # inside the last time found
        tok = tokens[k]
        if tok.kind != "n" and tok.lower not in openers:
            continue
        nxt = tokens[k + 1].lower if k + 1 < n else ""  # ``ctx.word(k + 1)``, looked up once
        if tok.kind == "n" and not (
            (masks is not None and masks.covers(tok.start, tok.end)) or nxt in counted_units
        ):
            continue  # digits open a time only in a date or a span (``counted_span``: "2 days ago")
        word = tok.lower
        gate = next_words.get(word)
        if gate is not None and nxt not in gate:
            continue  # "the city", "a man", "two people": no time opens here
        if (
            word in TIME_PREPOSITIONS
            and word != "since"  # "since the company listed in 2021": read to its date
            and not may_follow(ctx, k + 1 + (nxt == "the"))
        ):
            continue  # "in the city", "on a visit": no calendar word after the preposition
        tense = Tense(ctx, first, last)
        here = time_at(ctx, k, last, tense)
        if here is None or not _clear_of_claims(here, taken, starts):
            continue
        tense.place(here.first, here.last)
        if claimed is None:
            claimed = {k for a, b in taken for k in range(a, b + 1)}
        here = _marked(ctx, here, first, last, claimed)
        if here.said:
            tense.settle_past()  # a statement was made: "said on Thursday" is the last Thursday
        if here.back is not None:
            here = _anchored(here, found)
        found.append(here)
        resume = here.last + 1
    return found


def _clear_of_claims(here: TimeFound, taken: list[tuple[int, int]], starts: list[int]) -> bool:
    """Tell a time that holds no claim but durations wholly inside it ("the past 48 hours").

    The claims run left to right without overlapping: those that reach into the time are the
    last few that start before its end.
    """
    i = bisect_right(starts, here.last) - 1
    while i >= 0 and taken[i][1] >= here.first:
        if taken[i][0] < here.first or not here.counts:
            return False
        i -= 1
    return True


def _marked(ctx: Context, here: TimeFound, first: int, last: int, claimed: set[int]) -> TimeFound:
    """Mark a time that dates a statement, something else, or a comparison base."""
    k = here.first
    before = ctx.word(k - 1) if k > first else ""
    if _after_record(ctx, k, first) or _in_aside(ctx, here, first, last, claimed):
        return _flagged(here, never=True)  # "its worst day since March"; "Delia, which formed on"
    if _dateline(ctx, here, first):
        return _flagged(here, never=True)  # "HOUSTON, 21 August (Reuters) —": the text's date
    said = event = False
    if (
        before in REPORTING_VERBS
        and (ctx.word(k - 2), before) not in FUTURE_PHRASES
        and ctx.word(k) not in _ATTRIBUTIVE  # "reported third-quarter revenue": the revenue's
    ):
        said = True  # "said on Monday": when it was said
    elif _fronted_statement(ctx, here, first, last, claimed):
        said = True  # "Earlier this month the clinic said"
    elif ctx.word(k) not in _ATTRIBUTIVE and _dates_an_event(ctx, k, first):
        event = True  # "the law, passed in 2010": the law's time
    base = _base_opening(ctx, here, first)  # "than last season", "a 30% increase on February"
    return _flagged(here, base=base, said=said, event=event) if base or said or event else here


def _flagged(
    here: TimeFound,
    *,
    base: bool = False,
    said: bool = False,
    event: bool = False,
    never: bool = False,
) -> TimeFound:
    """Return the time with the flags given set (``time_found``: no Python call)."""
    return time_found(
        here.first, here.last, here.resolve, here.base or base, here.said or said,
        here.event or event, here.never or never, here.weak, here.back, here.counts,
    )  # fmt: skip


def _anchored(here: TimeFound, found: list[TimeFound]) -> TimeFound:
    """Resolve "a year earlier", "the week before" from the time before it ("in June …")."""
    back = here.back
    anchor = next(
        (t for t in reversed(found) if not (t.said or t.event or t.never or t.weak or t.base)),
        None,
    )
    if back is None or anchor is None:
        return time_found(
            here.first, here.last, here.resolve, here.base, here.said, here.event, here.never,
            here.weak, None, here.counts,
        )  # fmt: skip  # "the previous year" alone: the one before this
    own = here.resolve

    def resolve(r: date) -> Days | None:
        days = anchor.resolve(r)
        return own(r) if days is None else back(days)

    return time_found(
        here.first, here.last, resolve, True, here.said, here.event, here.never, here.weak, None,
        here.counts,
    )  # fmt: skip


def after_record(ctx: Context, k: int, first: int) -> bool:
    """Tell a time or span after a superlative: it qualifies a record, not the figure.

    "the highest since 1987", "the strongest in 20 years", "for the first time since 2019".
    """
    for j in range(k - 1, max(first, k - 5) - 1, -1):
        tok = ctx.tokens[j]
        if tok.text in CLAUSE_MARKS or tok.kind == "n":
            return False  # "risen more than 40% since 2019": the figure's own "since"
        word = tok.lower
        if word in RECORD_WORDS or (
            word.endswith("est")
            and word not in NOT_SUPERLATIVES
            and len(word) > 4
            and ctx.word(j - 1) in DETERMINERS
        ):
            return True
    return False


def _after_record(ctx: Context, k: int, first: int) -> bool:
    return ctx.word(k) == "since" and after_record(ctx, k, first)


def _in_aside(ctx: Context, here: TimeFound, first: int, last: int, claimed: set[int]) -> bool:
    """Tell a time inside an aside about a noun: it dates something else.

    "The senator, first elected in 1998, won …", "Hurricane Delia, which formed on Monday,
    is …", "The gang, active since 2018, is …".

    Between two commas, after a word, with words before the time and no claim: a relative
    clause or an apposition. An aside that opens with its time ("Exports, in March, rose") is
    the figure's adverbial; one with a reporting verb of its own is a statement.
    """
    bounds = aside_bounds(ctx, here.first, here.last, first, last)
    if bounds is None or bounds[0] == here.first - 1:
        return False
    if any(k in claimed for k in range(bounds[0], bounds[1])):
        return False  # "Prices, which rose 3% in May, …": the time of the figure beside it
    tokens = ctx.tokens
    for i in range(bounds[0] + 1, here.first):
        if tokens[i].lower in REPORTING_VERBS and ctx.word(i - 1) not in ("who", "which", "that"):
            return False  # ", a spokesman said on Monday,": the statement's time
    return True


def aside_bounds(ctx: Context, i: int, j: int, first: int, last: int) -> tuple[int, int] | None:
    """Return the commas around tokens ``i`` to ``j`` when they stand in an aside about a noun.

    "The lander, built for $450 million, will …": the comma after a word, the opening word
    neither a preposition nor a conjunction ("Exports, in March, rose …" is no aside), the
    closing comma before the end of the sentence, no other clause mark between.
    """
    tokens = ctx.tokens
    lo, start, end = i - 1, max(first, i - REACH), min(last, j + REACH)
    while lo > start:
        mark = tokens[lo].text
        if mark in CLAUSE_MARKS:  # a comma is a clause mark: one look-up for most tokens
            if mark != ",":
                return None
            break
        lo -= 1
    if lo <= first or tokens[lo].text != "," or tokens[lo - 1].kind != "w":
        return None
    opener = ctx.word(lo + 1)
    if opener in TIME_PREPOSITIONS or opener in NOT_ASIDE_OPENERS:
        return None
    hi = j + 1
    while hi < end:
        mark = tokens[hi].text
        if mark in CLAUSE_MARKS:
            if mark != ",":
                return None
            break
        hi += 1
    return (lo, hi) if hi < last and tokens[hi].text == "," else None


def _dateline(ctx: Context, here: TimeFound, first: int) -> bool:
    """Tell the date of a dateline ("HOUSTON, 21 August (Reuters) — …"): the text's date.

    The sentence opens with a place in capitals and a comma, and the time ends before a dash
    or an agency in brackets, within the first few words.
    """
    opener = ctx.tokens[first].text
    if here.first > first + 4 or len(opener) < 2 or not opener.isupper():
        return False
    if ctx.word(first + 1) != "," and ctx.word(here.first - 1) != ",":
        return False
    return ctx.word(here.last + 1) in ("(", "—", "–", "-")


def _fronted_statement(
    ctx: Context, here: TimeFound, first: int, last: int, claimed: set[int]
) -> bool:
    """Tell a time that opens the sentence before its speaker and reporting verb.

    It dates the statement: "Earlier this month the clinic said …", "On Monday, police said …".

    A span ("Since the offensive began …", "Over the past decade …") dates what is reported.
    """
    if here.first != first or ctx.word(first) in _SPANS or ctx.word(first + 1) in ("past", "last"):
        return False
    j = here.last + 1 + (ctx.word(here.last + 1) == ",")
    for i in range(j, min(j + 6, last + 1)):
        tok = ctx.tokens[i]
        if tok.text in CLAUSE_MARKS or i in claimed:
            return False
        if i > j and tok.lower in REPORTING_VERBS:
            return tok.lower not in CLAUSE_VERBS and tok.lower not in FORECAST_VERBS
    return False


# First words of a time that modifies a noun ("third-quarter revenue", "Q3 sales"): never the
# time of a statement, even right after its verb.
_ATTRIBUTIVE: Final = frozenset({*PART_ORDINALS, *PART_LETTERS})
# Prepositions of a span: the time of what is reported, even at the head of a sentence.
_SPANS: Final = frozenset({"since", "over", "during", "throughout", "for"})


def _base_opening(ctx: Context, here: TimeFound, first: int) -> bool:
    """Tell a time that is a comparison base by the words that open it.

    "than last season", "compared with last year", "on February" or "on the previous year" (a
    rise "on" a month or year), "from last year".
    """
    k = here.first
    before = ctx.word(k - 1) if k > first else ""
    if before in BASE_OPENERS or (before in ("with", "to") and ctx.word(k - 2) == "compared"):
        return True
    word, after = ctx.word(k), ctx.word(k + 1)
    if word == "on":
        tok = ctx.tokens[k + 1]
        if ctx.masks.covers(tok.start, tok.end):
            return False  # "on 14 October", "on October 14": a day
        if after in MONTH_NUMBERS or is_year_token(tok):
            return True
        return after in ("last", "a", "the") and ctx.word(here.last) in _BASE_UNITS
    return word == "from" and (after in ("last", "previous") or ctx.word(k + 2) == "previous")


# Last words of a time "on" makes a base: "on a year earlier", "on the previous month".
_BASE_UNITS: Final = frozenset({"year", "month", "quarter", "week", "earlier", "before", "period"})


def _dates_an_event(ctx: Context, k: int, first: int) -> bool:
    """Tell "the law, passed in 2010", "a paper published in 2022" from "rose 5% in 2010".

    The word before the time is a past participle standing after a noun, a comma or "which":
    a reduced or relative clause about something else, not the figure's own verb.
    """
    tokens = ctx.tokens
    if k - 2 < first:
        return False
    verb = tokens[k - 1].lower
    if verb in CHANGE_WORDS or verb in REPORTING_VERBS or tokens[k - 1].kind != "w":
        return False
    if not (verb in EVENT_PARTICIPLES or (verb.endswith("ed") and len(verb) > 4)):
        return False
    before = tokens[k - 2]
    return (
        before.text == ","
        or before.lower in ("which", "that", "who")
        or (before.kind == "w" and before.lower not in _NOT_NOUNS)
    )


# Words before a participle that make it the figure's own verb: "was raised in", "has grown
# since", "the bills it debated this autumn" (a pronoun's verb, not a participle).
_NOT_NOUNS: Final = frozenset(
    """
    was were is are be been has have had will would could also not never just it they he she
    we i you
    """.split()
)
