"""The calendar words of a time, read from the word that opens it ("in March", "last year").

Each reader takes the token where a time's calendar words may start (after its preposition,
and after "the" if there is one) and returns the time with a resolver: the days it denotes
given the reference date, worked out in ``days``. The first word tells which reader can apply,
so each token is tried by one or two. The readings and their examples are in
``tests/data/frames/README.md`` ("time") and ``docs/frames.md``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from itertools import pairwise
from typing import Final, NamedTuple

from . import days as d
from .context import Context
from .english.calendar import (
    AGO_WORDS,
    ANAPHORIC_UNITS,
    CLAUSE_BREAKS,
    CLAUSE_OPENERS,
    COUNTED_UNITS,
    DAY_PARTS_AHEAD,
    DAY_WORDS,
    EVENT_NOUNS,
    FISCAL_WORDS,
    FUTURE_PHRASES,
    FUTURE_WORDS,
    MATCH_WORDS,
    MONTH_NUMBERS,
    MONTH_SUBJECT_VERBS,
    NOW_WORDS,
    PART_LETTERS,
    PART_ORDINALS,
    PARTS_OF_DAY,
    RELATIVE_WORDS,
    SAME_UNITS,
    SEASONS,
    SPAN_ENDS,
    TIME_EDGES,
    TIME_PREPOSITIONS,
    TIME_UNITS,
    VAGUE_OPENERS,
    VAGUE_UNITS,
    WEEKDAY_NUMBERS,
    YEAR_BEFORE,
    YEAR_THIRDS,
)
from .english.numbers import TENS_WORDS, UNITS_WORDS
from .english.phrases import DETERMINERS
from .numbers import Token

Days = d.Days
Resolver = Callable[[date], Days | None]
Back = Callable[[Days], Days | None]


def _unknown(r: date) -> Days | None:
    """Resolve a time whose days are not known: "this season", "During the pandemic"."""
    return None


class Tense:
    """Whether a time's clause speaks of the future, read from its words once, when asked.

    The clause runs from the time out to the nearest break (a comma, "but", "and" before a
    verb): in "reached 38C on Tuesday and are forecast to top 40C by the weekend", Tuesday is
    past and the weekend ahead. A time that opens the sentence takes the clause after it.
    """

    __slots__ = ("_ctx", "_first", "_future", "_hi", "_last", "_lo")

    def __init__(self, ctx: Context, lo: int, hi: int) -> None:
        self._ctx, self._lo, self._hi = ctx, lo, hi
        self._first, self._last = lo, hi
        self._future: bool | None = None

    def place(self, first: int, last: int) -> None:
        """Set the tokens of the time, once read: its clause is around them."""
        self._first, self._last = first, last

    def settle_past(self) -> None:
        """Read the time in the past whatever its clause: a statement's ("said on Thursday")."""
        self._future = False

    def starts(self, k: int) -> bool:
        """Tell whether token ``k`` opens the sentence."""
        return k == self._lo

    def mentions(self, words: frozenset[str], k: int) -> bool:
        """Tell whether the sentence holds one of ``words`` near token ``k`` ("goals")."""
        tokens = self._ctx.tokens
        lo, hi = max(self._lo, k - REACH), min(self._hi, k + REACH)
        return any(tokens[i].lower in words for i in range(lo, hi + 1))

    def future(self) -> bool:
        """Tell whether the time's clause speaks of the future ("will", "is expected")."""
        if self._future is None:
            tokens, lo, hi = self._ctx.tokens, self._first - 1, self._last + 1
            start, end = max(self._lo, self._first - REACH), min(self._hi, self._last + REACH)
            while lo >= start and not self._breaks(lo):
                lo -= 1
            if self._first == self._lo and hi <= end and tokens[hi].text == ",":
                hi += 1  # "In November, the commission expects": the clause after it
            while hi <= end and not self._breaks(hi):
                hi += 1
            words = [tok.lower for tok in tokens[lo + 1 : hi]]
            self._future = not FUTURE_WORDS.isdisjoint(words) or any(
                pair in FUTURE_PHRASES for pair in pairwise(words)
            )
        return self._future

    def _breaks(self, i: int) -> bool:
        word = self._ctx.tokens[i].lower
        return word in CLAUSE_BREAKS or (word == "and" and self._ctx.word(i + 1) in CLAUSE_OPENERS)


class Opening(NamedTuple):
    """What stands before a time's calendar words: its preposition, and its clause's tense."""

    preposition: str  # "in", "by", "since", …; "" for none
    tense: Tense  # asked only when a time is resolved (never without a reference date)

    @property
    def future(self) -> bool:
        """Tell whether the clause speaks of the future ("will"): a month is the next one."""
        return self.tense.future()


class TimeFound(NamedTuple):
    """A time of a sentence: its tokens, how to resolve it, and what it dates."""

    first: int
    last: int
    resolve: Resolver
    base: bool = False  # a comparison base ("a year earlier"): the earlier figure's time only
    said: bool = False  # when a statement was made ("said on Tuesday"): the figure's, failing all
    event: bool = False  # when something else happened ("the law, passed in 2010")
    never: bool = False  # qualifies a record, or stands in an aside: never a figure's time
    weak: bool = False  # "now": the figure's only when nothing else dates it
    back: Back | None = None  # counts back from the time before it ("a year earlier")
    counts: bool = False  # holds a counted span, which may be a duration claim ("past 48 hours")


# A named tuple's generated ``__new__`` is a Python lambda: in the compiled core a generic
# Python call for every time. ``tuple.__new__`` with the fields in order builds the same tuple;
# the builders below type them (tests/test_tuple_builders.py holds them to the constructors).
_TUPLE_NEW: Final = tuple.__new__


def time_found(
    first: int,
    last: int,
    resolve: Resolver,
    base: bool = False,
    said: bool = False,
    event: bool = False,
    never: bool = False,
    weak: bool = False,
    back: Back | None = None,
    counts: bool = False,
) -> TimeFound:
    """Build a ``TimeFound`` (its fields in order) without its named tuple's ``__new__``."""
    return _TUPLE_NEW(
        TimeFound, (first, last, resolve, base, said, event, never, weak, back, counts)
    )


def _opened_at(here: TimeFound, first: int) -> TimeFound:
    """Return the time opening at token ``first`` (its preposition's, its "the"'s).

    A function, not a method of the named tuple: a compiled call rather than a Python one.
    """
    return time_found(
        first, here.last, here.resolve, here.base, here.said, here.event, here.never,
        here.weak, here.back, here.counts,
    )  # fmt: skip


def _opening(preposition: str, tense: Tense) -> Opening:
    """Build an ``Opening`` without its named tuple's ``__new__``."""
    return _TUPLE_NEW(Opening, (preposition, tense))


Reader = Callable[[Context, int, int, Opening], TimeFound | None]
# How many tokens the clause of a time, an aside or a cue is looked for on either side: clauses
# are short, and a bound keeps a sentence of thousands of tokens linear.
REACH: Final = 40


def time_at(ctx: Context, k: int, last: int, tense: Tense) -> TimeFound | None:
    """Read a time opening at token ``k``, with its preposition if it has one."""
    word = ctx.word(k)
    if word == "between":
        return _between(ctx, k, last, tense)
    if word in TIME_PREPOSITIONS:
        opening = _opening(word, tense)
        m = k + 1
        core = _the(ctx, m, last, opening) if ctx.word(m) == "the" else _core(ctx, m, last, opening)
        if core is None and word == "since":
            core = _since_event(ctx, k, last, opening)
        return None if core is None else _opened_at(core, k)
    if word == "the":
        return _the(ctx, k, last, _opening("", tense))  # "the week before", "the previous year"
    return _core(ctx, k, last, _opening("", tense))


def may_follow(ctx: Context, k: int) -> bool:
    """Tell whether a time's calendar words may start at token ``k`` (after any "the")."""
    if k >= len(ctx.tokens):
        return False
    tok = ctx.tokens[k]
    if tok.kind == "n":
        return True
    return tok.lower in _CORE_WORDS or tok.lower in _THE_READERS


def counted_span(ctx: Context, k: int) -> bool:
    """Tell digits that may open a span of time on their own ("2 days ago")."""
    return ctx.word(k + 1) in COUNTED_UNITS


def _core(ctx: Context, k: int, last: int, opening: Opening) -> TimeFound | None:
    """Read the calendar words of a time at token ``k`` (after any preposition)."""
    if k > last:
        return None
    tok = ctx.tokens[k]
    word = tok.lower
    if tok.kind == "n":
        return (
            _masked_date(ctx, k, last, opening)
            or _year(ctx, k, last, opening)
            or _counted(ctx, k, last, opening)
        )
    if word in MONTH_NUMBERS or word in WEEKDAY_NUMBERS:
        return _masked_date(ctx, k, last, opening) or _named(ctx, k, last, opening)
    reader = _READERS.get(word)
    return None if reader is None else reader(ctx, k, last, opening)


def _the(ctx: Context, m: int, last: int, opening: Opening) -> TimeFound | None:
    """Read the words after "the" (token ``m``).

    "the week to Sunday", "the same period of 2023", "the end of the year", "the summer", "the
    1990s", "the first half".
    """
    n = m + 1
    if n > last:
        return None
    reader = _THE_READERS.get(ctx.word(n))
    if reader is not None:
        found = reader(ctx, n, last, opening)
    elif opening.preposition:
        found = _core(ctx, n, last, opening)
    else:
        return None  # "the past decade" is read from its preposition, or not at all
    return None if found is None else _opened_at(found, m)


def _number(ctx: Context, k: int) -> int | None:
    """Return the count a token states ("12", "three", "a"), or None."""
    tok = ctx.tokens[k] if 0 <= k < len(ctx.tokens) else None
    if tok is None:
        return None
    if tok.kind == "n":
        return int(tok.text) if tok.text.isdigit() and len(tok.text) <= 3 else None
    if tok.lower in ("a", "an", "one"):
        return 1
    return UNITS_WORDS.get(tok.lower) or TENS_WORDS.get(tok.lower)


def _masked_date(ctx: Context, k: int, last: int, opening: Opening) -> TimeFound | None:
    """Read a date the masks found: "14 October", "Friday 13 October", "June 2017"."""
    preposition = opening.preposition
    tokens = ctx.tokens
    m = k + 1 if ctx.word(k) in WEEKDAY_NUMBERS and k + 1 <= last else k
    stretch = ctx.masks.stretch(tokens[m].start, tokens[m].end)
    if stretch is None or stretch[2] != "date" or tokens[m].start < stretch[0]:
        return None
    end = m
    while end + 1 <= last and tokens[end + 1].end <= stretch[1]:
        end += 1
    if end > m and tokens[end].text == "." and (end == last or ctx.word(end - 1).isdigit()):
        end -= 1  # "on 14 October." ends the sentence: the full stop is not the date's
    text = ctx.text[tokens[m].start : tokens[end].end]

    def resolve(r: date) -> Days | None:
        days = d.date_days(text, r)
        return None if days is None else d.with_preposition(days, r, preposition)

    return time_found(k, end, resolve)


def is_year_token(tok: Token) -> bool:
    """Tell four digits that may be a year: 1800 to 2100."""
    return (
        tok.kind == "n"
        and len(tok.text) == 4
        and tok.text.isdigit()
        and 1800 <= int(tok.text) <= 2100
    )


def _year(ctx: Context, k: int, last: int, opening: Opening) -> TimeFound | None:
    """Read "in 2019", "in the 1990s", "in the 2023-24 season" (its days unknown)."""
    preposition = opening.preposition
    tok = ctx.tokens[k]
    if not preposition or not is_year_token(tok):
        return None
    year = int(tok.text)
    if ctx.word(k + 1) == "s" and ctx.attached(k + 1) and year % 10 == 0:
        decade = (date(year, 1, 1), date(year + 9, 12, 31))  # "in the 1990s"
        return time_found(k, k + 1, lambda r: d.with_preposition(decade, r, preposition))
    end = k
    if ctx.word(k + 1) in ("-", "/", "–") and ctx.attached(k + 1) and ctx.attached(k + 2):
        end = k + 2 if k + 2 <= last and ctx.tokens[k + 2].kind == "n" else k
    if ctx.word(end + 1) in ("season", "campaign"):
        return time_found(k, end + 1, _unknown)  # "the 2023-24 season", "the 2022 season"
    if end > k and is_year_token(ctx.tokens[end]) and int(ctx.tokens[end].text) > year:
        years = (date(year, 1, 1), date(int(ctx.tokens[end].text), 12, 31))  # "in 2019-2021"
        return time_found(k, end, lambda r: d.with_preposition(years, r, preposition))
    if end > k:
        return time_found(k, end, _unknown)  # "in 2023-24": a season or a fiscal year
    if ctx.word(k - 1) == "the":
        return None  # "in the 2019 election": the year names the election
    days = (date(year, 1, 1), date(year, 12, 31))
    return time_found(k, k, lambda r: d.with_preposition(days, r, preposition))


def _counted(ctx: Context, k: int, last: int, opening: Opening) -> TimeFound | None:
    """Read "two years ago", "a year earlier", "the week before"'s kin, "the 12 months to July".

    "earlier"/"before" make a comparison base, counted back from the time before it when the
    sentence has one ("in October …, a month earlier" is September).
    """
    count = _number(ctx, k)
    unit = COUNTED_UNITS.get(ctx.word(k + 1))
    if count is None or unit is None or k + 2 > last:
        return None
    after = ctx.word(k + 2)
    if after in AGO_WORDS:
        base = after != "ago"
        return time_found(
            k,
            k + 2,
            lambda r: d.ago_days(unit, count, r),
            base=base,
            back=(lambda days: d.shifted(days, unit, count)) if base else None,
            counts=True,
        )
    if after in SPAN_ENDS and ctx.word(k - 1) == "the":
        return _span_to(ctx, k, k + 3, last, opening, unit, count)
    return None


def _span_to(
    ctx: Context, k: int, x: int, last: int, opening: Opening, unit: str, count: int
) -> TimeFound | None:
    """Read the end of "the year to June", "the 12 months to July", "the week to Sunday"."""
    end = _core(ctx, x, last, _opening("in", opening.tense))
    if end is None:
        return None

    def resolve(r: date) -> Days | None:
        days = end.resolve(r)
        return None if days is None else d.span_to(days, unit, count)

    return time_found(k, end.last, resolve, counts=True)


def _named(ctx: Context, k: int, last: int, opening: Opening) -> TimeFound | None:
    """Read "in March", "on Friday", "last year", "this month", "the past 20 years"."""
    preposition = opening.preposition
    tokens = ctx.tokens
    relative = ctx.word(k) if ctx.word(k) in RELATIVE_WORDS else ""
    m = k + 1 if relative else k
    if m > last:
        return None
    if relative:
        span = _relative_span(ctx, k, m, relative)
        if span is not None:
            return span
        if relative == "last" and ctx.word(m) in ("quarter", "half") and ctx.word(m + 1) == "of":
            return _part(ctx, k, last, opening)  # "the last quarter of 2023"
    word = ctx.word(m)
    if not (preposition or relative or _month_subject(ctx, k, opening)):
        return None
    if word in _ABBREVIATED and not (m + 1 <= last and tokens[m + 1].text == "."):
        return None  # "in Mar del Plata", "in Sun City": names; "Mar." is March
    if word in MONTH_NUMBERS and tokens[m].text[:1].isupper():
        month = MONTH_NUMBERS[word]
        return time_found(
            k,
            m,
            lambda r: d.with_preposition(
                d.month_days(month, r, relative or _ahead(opening)), r, preposition
            ),
        )
    if word in WEEKDAY_NUMBERS and tokens[m].text[:1].isupper():
        weekday = WEEKDAY_NUMBERS[word]
        end = m + 1 if m + 1 <= last and ctx.word(m + 1) in PARTS_OF_DAY else m
        return time_found(
            k,
            end,
            lambda r: d.with_preposition(
                d.weekday_days(weekday, r, relative or _weekday_ahead(opening)), r, preposition
            ),
        )
    if relative and word in TIME_UNITS:
        return time_found(k, m, lambda r: _unit_within(word, r, relative, preposition))
    return None


def _month_subject(ctx: Context, k: int, opening: Opening) -> bool:
    """Tell a month that opens a sentence as its subject: "March was 2.1C warmer"."""
    return (
        opening.tense.starts(k)
        and ctx.word(k) in MONTH_NUMBERS
        and ctx.word(k + 1) in MONTH_SUBJECT_VERBS
    )


def _relative_span(ctx: Context, k: int, m: int, relative: str) -> TimeFound | None:
    """Read "the past 48 hours", "the next five years", "the past few weeks", "the coming months".

    The last two are vague: their days are not known.
    """
    unit = COUNTED_UNITS.get(ctx.word(m + 1))
    count = _number(ctx, m)
    if unit is not None and count is not None and ctx.word(m) not in ("a", "an"):
        if relative in ("past", "last", "previous"):
            return time_found(k, m + 1, lambda r: d.past_days(unit, count, r), counts=True)
        if relative in ("next", "coming"):
            return time_found(k, m + 1, lambda r: d.next_days(unit, count, r), counts=True)
    if ctx.word(m) in ("few", "several") and unit is not None:
        return time_found(k, m + 1, _unknown)
    if ctx.word(m) in VAGUE_UNITS:
        return time_found(k, m, _unknown)
    return None


def _unit_within(unit: str, r: date, relative: str, preposition: str) -> Days | None:
    """Resolve "last year", and "since last summer" on to the reference date."""
    days = d.unit_days(unit, r, relative)
    return None if days is None else d.with_preposition(days, r, preposition)


def _ahead(opening: Opening) -> str:
    """Read a month as the earliest not ended after "by", or in a clause about the future.

    Never after "since", "before" or "after": they look back from the reference date.
    """
    if opening.preposition in _LOOKING_BACK:
        return ""
    return "ahead" if opening.preposition in d.DEADLINES or opening.future else ""


def _weekday_ahead(opening: Opening) -> str:
    """Read a weekday as the next one only in a clause about the future ("on Thursday")."""
    return "ahead" if opening.future and opening.preposition not in _LOOKING_BACK else ""


def _earlier(ctx: Context, k: int, last: int, opening: Opening) -> TimeFound | None:
    """Read "earlier in the week", "earlier this month", "later this year"."""
    if ctx.word(k) not in ("earlier", "later") or ctx.word(k + 1) not in ("in", "this"):
        return None
    m = k + 2 + (ctx.word(k + 2) == "the")
    unit = ctx.word(m)
    if m > last or unit not in ("week", "month", "year"):
        return None
    later = ctx.word(k) == "later"
    return time_found(k, m, lambda r: d.earlier_days(unit, r, later))


def _day_word(ctx: Context, k: int, last: int, opening: Opening) -> TimeFound | None:
    """Read "yesterday (morning)", "today", "overnight", "by noon", "By midday on Saturday"."""
    word = ctx.word(k)
    if word not in DAY_WORDS:
        return None
    if word in ("noon", "midday", "midnight") and ctx.word(k + 1) == "on":
        day = _core(ctx, k + 2, last, opening)  # "By midday on Saturday": that day
        if day is not None:
            return time_found(k, day.last, day.resolve)
    offset, length = DAY_WORDS[word]
    end = k + 1 if k + 1 <= last and ctx.word(k + 1) in PARTS_OF_DAY else k
    return time_found(k, end, lambda r: (r + timedelta(offset), r + timedelta(offset + length - 1)))


def _now(ctx: Context, k: int, last: int, opening: Opening) -> TimeFound | None:
    """Read "now", "currently": the reference date, when nothing else dates the figure."""
    return time_found(k, k, lambda r: (r, r), weak=True)


def _day_part(ctx: Context, k: int, last: int, opening: Opening) -> TimeFound | None:
    """Read "by morning", "by nightfall": the next one in a clause about the future."""
    if opening.preposition not in d.DEADLINES:
        return None
    ahead = DAY_PARTS_AHEAD[ctx.word(k)]

    def resolve(r: date) -> Days | None:
        day = r + timedelta(ahead if opening.future else 0)
        return d.with_preposition((day, day), r, "by")

    return time_found(k, k, resolve)


def _part(ctx: Context, k: int, last: int, opening: Opening) -> TimeFound | None:
    """Read "the third quarter", "the first half of 2024", "third-quarter revenue".

    Also "the final quarter of last year", "the first three months of the year".

    Without a year, the last one that began by the reference date (the next in a clause about
    the future); in a sentence about a match ("scored 2 goals in the first half"), a part of
    the game, its days unknown.
    """
    word = ctx.word(k)
    number = 0 if word == "last" else PART_ORDINALS.get(word)
    attributive = ctx.word(k + 1) == "-" and ctx.attached(k + 1) and ctx.attached(k + 2)
    j = k + 2 if attributive else k + 1
    if number is None or not (opening.preposition or attributive) or j > last:
        return None
    unit, count = ctx.word(j), 1
    if unit not in ("quarter", "half"):
        count = _number(ctx, j) or 0
        if attributive or count < 1 or ctx.word(j + 1) != "months" or word not in _MONTHS_FROM:
            return None
        unit, j = "months", j + 1
    months = {"quarter": 3, "half": 6}.get(unit, count)
    number = number or 12 // months
    if number * months > 12:
        return None
    end, year_of = _of_year(ctx, j + 1, last)
    if ctx.word(j + 1) == "of" and ctx.word(j + 2) in FISCAL_WORDS and end == j + 1:
        year_end = j + 3 + (ctx.word(j + 3) == "year")
        if year_end <= last and is_year_token(ctx.tokens[year_end]):
            return time_found(k, year_end, _unknown)  # "the first half of fiscal 2021"
    if year_of is None and unit != "months" and opening.tense.mentions(MATCH_WORDS, k):
        return time_found(k, j, _unknown)

    def resolve(r: date) -> Days | None:
        year = year_of(r) if year_of is not None else 0
        if unit == "months":
            first_month = 1 if word == "first" else 13 - count
            days = d.months_of(first_month, count, year or r.year)
        else:
            days = d.part_days(number, months, year, r, opening.future)
        return d.with_preposition(days, r, opening.preposition)

    return time_found(k, end if year_of is not None else j, resolve, counts=unit == "months")


# Ordinals of "the first three months", "the last six months of 2023".
_MONTHS_FROM: Final = frozenset({"first", "last", "final"})


def _of_year(ctx: Context, k: int, last: int) -> tuple[int, Callable[[date], int] | None]:
    """Read "of 2024", "of the year", "of year" (a headline), "of last year" after a part."""
    if ctx.word(k) != "of" or k + 1 > last:
        return k, None
    tok = ctx.tokens[k + 1]
    if is_year_token(tok):
        year = int(tok.text)
        return k + 1, lambda r: year
    m = k + 1 + (tok.lower == "the")
    if ctx.word(m) == "year" and m <= last:
        return m, lambda r: r.year
    step = {"last": -1, "this": 0, "next": 1}.get(tok.lower)
    if step is not None and ctx.word(k + 2) == "year":
        return k + 2, lambda r: r.year + step
    return k, None


def _letter_part(ctx: Context, k: int, last: int, opening: Opening) -> TimeFound | None:
    """Read "Q3", "H1", "Q4 2023": a quarter or a half, as "the third quarter" is read."""
    tokens = ctx.tokens
    months = PART_LETTERS.get(ctx.word(k))
    if months is None or k + 1 > last or not tokens[k].text.isupper() or not ctx.attached(k + 1):
        return None
    digit = tokens[k + 1].text
    if not digit.isdigit() or not 1 <= int(digit) <= 12 // months or ctx.attached(k + 2):
        return None
    number, end, year = int(digit), k + 1, 0
    if k + 2 <= last and is_year_token(tokens[k + 2]):
        end, year = k + 2, int(tokens[k + 2].text)
    return time_found(k, end, lambda r: d.part_days(number, months, year, r, opening.future))


def _third(ctx: Context, k: int, last: int, opening: Opening) -> TimeFound | None:
    """Read "early 2024", "mid-2024", "late 2023": January–April, May–August, September–December."""
    tokens = ctx.tokens
    m = k + 1 + (ctx.word(k + 1) == "-" and ctx.attached(k + 1))
    if m > last or not is_year_token(tokens[m]):
        return None
    year, (first_month, last_month) = int(tokens[m].text), YEAR_THIRDS[ctx.word(k)]
    days = (date(year, first_month, 1), d.month_range(year, last_month)[1])
    return time_found(k, m, lambda r: d.with_preposition(days, r, opening.preposition))


def _fiscal(ctx: Context, k: int, last: int, opening: Opening) -> TimeFound | None:
    """Read "fiscal 2024" (its months unknown: its days too), "the fiscal year to March 2024"."""
    tokens = ctx.tokens
    m = k + 1
    if not opening.preposition and ctx.word(k - 1) != "the":
        return None  # "of fiscal 2021" is read with what it qualifies ("the first half of")
    if m <= last and is_year_token(tokens[m]):
        return time_found(k, m, _unknown)
    if ctx.word(m) != "year":
        return None
    if ctx.word(m + 1) in SPAN_ENDS:
        return _span_to(ctx, k, m + 2, last, opening, "year", 1)
    if m + 1 <= last and is_year_token(tokens[m + 1]):
        return time_found(k, m + 1, _unknown)
    return time_found(k, m, _unknown) if opening.preposition else None


def _unit_after_the(ctx: Context, k: int, last: int, opening: Opening) -> TimeFound | None:
    """Read "the year to June", "the week before", "the quarter", "over the years".

    "the week before" is a base; "the quarter" is known from the text around (its days are not
    known here); "over the years" is vague.
    """
    word = ctx.word(k)
    unit = COUNTED_UNITS.get(word)
    after = ctx.word(k + 1)
    if unit is not None and after in SPAN_ENDS:
        return _span_to(ctx, k, k + 2, last, opening, unit, 1)
    if unit is not None and after in ("before", "earlier") and not word.endswith("s"):
        return time_found(
            k,
            k + 1,
            lambda r: d.unit_days(unit, r, "last"),
            base=True,
            back=lambda days: d.shifted(days, unit, 1),
        )
    if opening.preposition in _WITHIN and (word in ANAPHORIC_UNITS or word in VAGUE_UNITS):
        return time_found(k, k, _unknown)
    return None


def _previous(ctx: Context, k: int, last: int, opening: Opening) -> TimeFound | None:
    """Read "the previous year", "the prior month".

    The one before the time before it, or before the reference date when the sentence has none.
    """
    unit = COUNTED_UNITS.get(ctx.word(k + 1))
    if unit is None or ctx.word(k + 1).endswith("s"):
        return None
    return time_found(
        k,
        k + 1,
        lambda r: d.unit_days(unit, r, "last"),
        back=lambda days: d.shifted(days, unit, 1),
    )


def _same(ctx: Context, k: int, last: int, opening: Opening) -> TimeFound | None:
    """Read "the same period of 2023", "the same quarter a year earlier".

    A base: the time before it, moved to that year ("the same month last year" too).
    """
    if ctx.word(k + 1) not in SAME_UNITS:
        return None
    j, back = k + 1, None
    tok = ctx.tokens[j + 2] if j + 2 <= last else None
    if ctx.word(j + 1) in ("of", "in") and tok is not None and is_year_token(tok):
        year = int(tok.text)
        j, back = j + 2, lambda days: d.shifted(days, "month", 12 * (days[0].year - year))
    else:
        words = (ctx.word(j + 1), ctx.word(j + 2), ctx.word(j + 3))
        for phrase in YEAR_BEFORE:
            if words[: len(phrase)] == phrase:
                j, back = j + len(phrase), lambda days: d.shifted(days, "year", 1)
                break
    return time_found(k, j, _unknown, base=True, back=back or (lambda days: None))


def _edge(ctx: Context, k: int, last: int, opening: Opening) -> TimeFound | None:
    """Read "by the end of the year", "since the start of 2023", "at the end of March".

    The last (or first) day of that time.
    """
    if ctx.word(k + 1) != "of" or not opening.preposition:
        return None
    inner = _opening("in", opening.tense)
    unit = ctx.word(k + 3)
    if ctx.word(k + 2) == "the" and unit in ("year", "month", "week", "quarter"):
        of = time_found(k + 2, k + 3, lambda r: d.unit_days(unit, r, "this"))
    else:
        found = _core(ctx, k + 2, last, inner)
        if found is None:
            return None
        of = found
    end = ctx.word(k) == "end"

    def resolve(r: date) -> Days | None:
        days = of.resolve(r)
        if days is None:
            return None
        day = days[1] if end else days[0]
        return d.with_preposition((day, day), r, opening.preposition)

    return time_found(k, of.last, resolve)


def _recent(ctx: Context, k: int, last: int, opening: Opening) -> TimeFound | None:
    """Read "over the weekend", "since the summer", "by the weekend", "in the spring".

    The last one begun by the reference date, or the next one not ended in a clause about the
    future.
    """
    unit, preposition = ctx.word(k), opening.preposition
    if not preposition:
        return None

    def resolve(r: date) -> Days | None:
        ahead = preposition not in _LOOKING_BACK and (preposition in d.DEADLINES or opening.future)
        if unit == "weekend":
            days = d.weekend_days(r, 1 if ahead else 0)
        else:
            days = d.coming_season(unit, r) if ahead else d.season_days(unit, r, 0)
        return d.with_preposition(days, r, preposition)

    return time_found(k, k, resolve)


def _event(ctx: Context, k: int, last: int, opening: Opening) -> TimeFound | None:
    """Read "During the pandemic", "since the war": an event, its days not known."""
    return time_found(k, k, _unknown) if opening.preposition in _EVENT_SPANS else None


def _vague(ctx: Context, k: int, last: int, opening: Opening) -> TimeFound | None:
    """Read "For decades", "for years", "in recent months": a span whose days are not known."""
    word = ctx.word(k)
    if word in VAGUE_OPENERS and ctx.word(k + 1) in VAGUE_UNITS and opening.preposition:
        return time_found(k, k + 1, _unknown)
    if word in VAGUE_UNITS and opening.preposition in ("for", "over"):
        return time_found(k, k, _unknown)
    return None


def _recently(ctx: Context, k: int, last: int, opening: Opening) -> TimeFound | None:
    """Read "recently": vague, so it dates a figure of its clause only when nothing else does.

    Never "the recently opened clinic" (a participle's adverb).
    """
    return None if ctx.word(k - 1) in DETERMINERS else time_found(k, k, _unknown, weak=True)


def _between(ctx: Context, k: int, last: int, tense: Tense) -> TimeFound | None:
    """Read "between 2019 and 2021", "between March and June next year": one span of days."""
    first = _core(ctx, k + 1, last, _opening("in", tense))
    if first is None or ctx.word(first.last + 1) != "and":
        return None
    second = _core(ctx, first.last + 2, last, _opening("in", tense))
    if second is None:
        return None
    end = second.last
    if ctx.word(end + 1) in ("next", "last", "this") and ctx.word(end + 2) == "year":
        step = {"next": 1, "last": -1, "this": 0}[ctx.word(end + 1)]
        return time_found(k, end + 2, lambda r: _months_in_year(first, second, r.year + step, r))

    def span(r: date) -> Days | None:
        a, b = first.resolve(r), second.resolve(r)
        return None if a is None or b is None or a[0] > b[1] else (a[0], b[1])

    return time_found(k, end, span)


def _months_in_year(first: TimeFound, second: TimeFound, year: int, r: date) -> Days | None:
    """Resolve "between March and June next year": the two months moved to that year."""
    a, b = first.resolve(r), second.resolve(r)
    if a is None or b is None:
        return None
    start = d.safe_date(year, a[0].month, a[0].day)
    end = d.safe_date(year, b[1].month, b[1].day) or date(year, b[1].month, 28)
    if start is None:
        return None
    if start > end:  # "between November and February next year": across New Year
        start = d.safe_date(year - 1, a[0].month, a[0].day)
    return None if start is None else (start, end)


def _since_event(ctx: Context, k: int, last: int, opening: Opening) -> TimeFound | None:
    """Read "since the company listed in 2021", "since its launch in 2015".

    From the date of the event on to the reference date.
    """
    tokens = ctx.tokens
    for j in range(k + 2, min(k + 9, last)):
        tok = tokens[j]
        if tok.kind != "w" or tok.lower in _EVENT_STOPS:
            return None
        if tok.lower in ("in", "on"):
            found = _core(ctx, j + 1, last, opening)
            return None if found is None else time_found(k, found.last, found.resolve)
    return None


# Words a clause of "since" stops at before its date: another clause, another figure.
_EVENT_STOPS: Final = frozenset(
    {"and", "but", "or", "which", "who", "when", "while", "said", "says"}
)
# Prepositions that look back from the reference date, whatever the clause's tense.
_LOOKING_BACK: Final = frozenset({"since", "before", "after"})
# Prepositions of a time "the quarter", "the years" stand in: "fell 2.1% in the quarter".
_WITHIN: Final = frozenset({"in", "during", "for", "over", "through", "throughout"})
# Prepositions of an event as a time: "During the pandemic", "since the war".
_EVENT_SPANS: Final = frozenset({"during", "since", "throughout", "through"})
# Month and weekday abbreviations, read as such only before a full stop ("on Sun.").
_ABBREVIATED: Final = frozenset(
    w
    for w in (*MONTH_NUMBERS, *WEEKDAY_NUMBERS)
    if len(w) <= 4 and w not in ("may", "june", "july")
)
# Units that "the" names as the last one: "over the weekend", "since the summer".
_RECENT_UNITS: Final = frozenset({"weekend", *SEASONS})

# The reader of a time by its first word (digits and calendar names are read in ``_core``).
_READERS: Final[dict[str, Reader]] = {
    **dict.fromkeys(RELATIVE_WORDS, _named),
    **dict.fromkeys(("earlier", "later"), _earlier),
    **dict.fromkeys(DAY_WORDS, _day_word),
    **dict.fromkeys(NOW_WORDS, _now),
    **dict.fromkeys((*UNITS_WORDS, *TENS_WORDS, "a", "an"), _counted),
    **dict.fromkeys(PART_ORDINALS, _part),
    **dict.fromkeys(PART_LETTERS, _letter_part),
    **dict.fromkeys(YEAR_THIRDS, _third),
    **dict.fromkeys(FISCAL_WORDS, _fiscal),
    **dict.fromkeys((*VAGUE_UNITS, *VAGUE_OPENERS), _vague),
    **dict.fromkeys(DAY_PARTS_AHEAD, _day_part),
    "recently": _recently,
}
# The readers of the word after "the" that are not read without it.
_THE_READERS: Final[dict[str, Reader]] = {
    **dict.fromkeys((*COUNTED_UNITS, *ANAPHORIC_UNITS), _unit_after_the),
    **dict.fromkeys(_RECENT_UNITS, _recent),
    **dict.fromkeys(TIME_EDGES, _edge),
    **dict.fromkeys(EVENT_NOUNS, _event),
    **dict.fromkeys(("previous", "prior"), _previous),
    **dict.fromkeys(DAY_PARTS_AHEAD, _day_part),
    "same": _same,
}
# Openers that read a time only before certain words, as the claim rules' ``next_words``: the
# sentence scan skips "the", "a", "two" at the cost of one look-up when the next word cannot
# continue a time (the readers would return None there), which is most of the time.
NEXT_WORDS: Final[dict[str, frozenset[str]]] = {
    **{word: frozenset(COUNTED_UNITS) for word, read in _READERS.items() if read is _counted},
    "the": frozenset(_THE_READERS),
}
# Every word the calendar words of a time may open with, after any preposition.
_CORE_WORDS: Final = frozenset({*_READERS, *MONTH_NUMBERS, *WEEKDAY_NUMBERS})
# Every word a time may open with, its preposition included.
OPENERS: Final = frozenset({*_CORE_WORDS, *TIME_PREPOSITIONS, "between", "the"})
