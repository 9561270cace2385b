"""The time frame: when a figure holds, as its sentence states it ("in March", "last year").

The dates and years that are not claims serve the claims they date. A sentence's times are
found once, left to right, each from a preposition or a relative word ("in", "on", "by",
"last", "earlier in the week") to the calendar words after it; each figure takes the nearest.
With a reference date (the text's dateline) a time is resolved to the days it denotes, read as
news is written: in the past ("in March" is the last March that began by the reference date).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import NamedTuple

from .context import Context
from .english.calendar import (
    AGO_WORDS,
    DAY_WORDS,
    EVENT_PARTICIPLES,
    FUTURE_WORDS,
    MONTH_NUMBERS,
    PART_ORDINALS,
    PARTS_OF_DAY,
    RELATIVE_WORDS,
    SEASONS,
    TIME_PREPOSITIONS,
    TIME_UNITS,
    WEEKDAY_NUMBERS,
)
from .english.changes import CHANGE_WORDS
from .english.reporting import REPORTING_VERBS
from .model import DateRange, Time
from .numbers import Token

Days = tuple[date, date]
Resolver = Callable[[date], Days | None]

# A date as the masks find it: "14 October 2017", "October 14, 2017", "June 2017", "2017-10-14".
_DAY_MONTH = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s(?:of\s)?([A-Za-z]+)\.?(?:,?\s(\d{4}))?$")
_MONTH_DAY = re.compile(r"([A-Za-z]+)\.?\s(\d{1,2})(?:st|nd|rd|th)?(?:,?\s(\d{4}))?$")
_MONTH_YEAR = re.compile(r"([A-Za-z]+)\.?,?\s(\d{4})$")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


class _Tense:
    """Whether a sentence speaks of the future, read from its words once, when first asked."""

    __slots__ = ("_ctx", "_first", "_future", "_last")

    def __init__(self, ctx: Context, first: int, last: int) -> None:
        self._ctx, self._first, self._last = ctx, first, last
        self._future: bool | None = None

    def future(self) -> bool:
        if self._future is None:
            words = {tok.lower for tok in self._ctx.tokens[self._first : self._last + 1]}
            self._future = not FUTURE_WORDS.isdisjoint(words)
        return self._future


class Opening(NamedTuple):
    """What stands before a time's calendar words: its preposition, and the sentence's tense."""

    preposition: str  # "in", "by", "since", …; "" for none
    tense: _Tense  # asked only when a time is resolved (never without a reference date)

    @property
    def future(self) -> bool:
        """Tell whether the sentence speaks of the future ("will"): a month is the next one."""
        return self.tense.future()


class TimeFound(NamedTuple):
    """A time of a sentence: its tokens and how to resolve it given a reference date."""

    first: int
    last: int
    resolve: Resolver
    base: bool = False  # a comparison base ("a year earlier"): the earlier figure's time only
    said: bool = False  # when a statement was made ("said on Tuesday"): the figure's, failing all
    event: bool = False  # when something else happened ("the law, passed in 2010"): never


def times(ctx: Context, first: int, last: int, taken: list[tuple[int, int]]) -> list[TimeFound]:
    """Return the times of the tokens ``first`` to ``last``, none inside a claim (``taken``).

    A time right after a reporting verb dates the statement, not its figures ("said on
    Monday"), so it is left out; "a year earlier" counts back from the time before it.
    """
    tokens = ctx.tokens
    found: list[TimeFound] = []
    tense = _Tense(ctx, first, last)
    k = first
    while k <= last:
        tok = tokens[k]
        if tok.kind == "n" and not ctx.masks.covers(tok.start, tok.end):
            k += 1  # digits open a time only inside a date ("14 October"); years follow "in"
            continue
        if tok.kind != "n" and tok.lower not in _OPENERS:
            k += 1  # most words open no time: one look-up rules them out
            continue
        if tok.lower in TIME_PREPOSITIONS and not _may_follow(tokens, k + 1, last):
            k += 1  # "in the city", "on a visit": no calendar word after the preposition
            continue
        here = _time_at(ctx, k, last, tense)
        if here is None or any(a <= here.last and here.first <= b for a, b in taken):
            k += 1
            continue
        if k > first and tokens[k - 1].lower in REPORTING_VERBS:
            here = here._replace(said=True)  # "said on Monday": when it was said
        elif _dates_an_event(ctx, k, first):
            here = here._replace(event=True)  # "the law, passed in 2010": the law's time
        if found and ctx.word(here.last) in ("earlier", "before"):
            here = _counted_back(here, found[-1])
        found.append(here)
        k = here.last + 1
    return found


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


def _counted_back(here: TimeFound, before: TimeFound) -> TimeFound:
    """Resolve "a year earlier" from the time before it ("in June …, a year earlier")."""

    def resolve(r: date) -> Days | None:
        days = before.resolve(r)
        if days is None:
            return here.resolve(r)
        start = _safe_date(days[0].year - 1, days[0].month, days[0].day)
        end = _safe_date(days[1].year - 1, days[1].month, days[1].day)
        return None if start is None or end is None else (start, end)

    return TimeFound(here.first, here.last, resolve, base=True)


def _may_follow(tokens: list[Token], k: int, last: int) -> bool:
    """Tell whether a time's calendar words may start at token ``k`` (or after "the")."""
    if k <= last and tokens[k].lower == "the":
        k += 1
    if k > last:
        return False
    tok = tokens[k]
    return tok.kind == "n" or tok.lower in _CORE_WORDS or tok.lower in _RECENT_UNITS


def time_of(
    ctx: Context,
    found: list[TimeFound],
    first: int,
    last: int,
    claim_role: str | None,
    made: dict[tuple[int, int], Time],
    claims: list[tuple[int, int]],
) -> Time | None:
    """Return the time of the claim whose tokens are ``first`` to ``last``: the nearest.

    A time right after another figure is that figure's ("61.4%, down from 66% in 2019": 2019
    is the 66%'s); an event's time is only the figure's whose noun the event's verb follows
    ("22 trucks arrived on Monday", not "the law, passed in 2010, caps fees at $50").
    ``made`` holds the times already built for this sentence: its figures share them.
    """
    found = [
        t
        for t in found
        if (not t.event or 1 <= t.first - 1 - last <= 3)  # "22 trucks arrived on Monday"
        and (t.first - last <= 1 or not any(0 <= t.first - b <= 1 for _, b in claims))
    ]
    if not found:
        return None
    stated = [t for t in found if not t.said]
    if stated:
        found = stated  # "said on Tuesday" dates a figure only when nothing else does
    current = [t for t in found if not t.base]
    if current and (claim_role != "from" or len(current) == len(found)):
        found = current  # "up 3 ppm in May on a year earlier": the change's time is May
    best = min(found, key=lambda t: max(t.first - last, first - t.last, 0))
    time = made.get((best.first, best.last))
    if time is None:
        time = made[best.first, best.last] = _time(ctx, best)
    return time


def _time(ctx: Context, best: TimeFound) -> Time:
    """Build the time of the claims a found time dates, resolved if there is a reference date."""
    tokens = ctx.tokens
    start, end = tokens[best.first].start, tokens[best.last].end
    resolved = None
    if ctx.reference is not None:
        try:
            days = best.resolve(ctx.reference)
        except (ValueError, OverflowError):
            days = None  # "next year" from 9999-12-31: past the calendar, no days to give
        if days is not None:
            resolved = DateRange(days[0].isoformat(), days[1].isoformat())
    return Time(ctx.text[start:end], start, end, resolved)


def _time_at(ctx: Context, k: int, last: int, tense: _Tense) -> TimeFound | None:
    """Read a time opening at token ``k``, with its preposition if it has one.

    In a sentence about the future ("will reach"), a month or a quarter is the next one.
    """
    word = ctx.word(k)
    if word == "between":
        return _between(ctx, k, last, tense)
    if word in TIME_PREPOSITIONS:
        m = k + 1 + (ctx.word(k + 1) == "the")
        if m == k + 2 and m <= last and ctx.word(m) in _RECENT_UNITS:
            unit = ctx.word(m)  # "over the weekend", "since the summer": the last one
            return TimeFound(k, m, lambda r: _unit_within(unit, r, "last", word))
        core = _core(ctx, m, last, Opening(word, tense))
        return None if core is None else TimeFound(k, core.last, core.resolve)
    if word == "the":
        return None  # "the past decade" is read from its preposition, or not at all
    return _core(ctx, k, last, Opening("", tense))


def _between(ctx: Context, k: int, last: int, tense: _Tense) -> TimeFound | None:
    """Read "between 2019 and 2021", "between March and June next year": one span of days."""
    first = _core(ctx, k + 1, last, Opening("in", tense))
    if first is None or ctx.word(first.last + 1) != "and":
        return None
    second = _core(ctx, first.last + 2, last, Opening("in", tense))
    if second is None:
        return None
    end = second.last
    if ctx.word(end + 1) in ("next", "last", "this") and ctx.word(end + 2) == "year":
        end += 2
        step = {"next": 1, "last": -1, "this": 0}[ctx.word(end - 1)]

        def resolve(r: date) -> Days | None:
            a, b = first.resolve(r), second.resolve(r)
            if a is None or b is None:
                return None
            year = r.year + step
            start = _safe_date(year, a[0].month, a[0].day)
            end = _safe_date(year, b[1].month, b[1].day) or date(year, b[1].month, 28)
            if start is None:
                return None
            if start > end:  # "between November and February next year": across New Year
                start = _safe_date(year - 1, a[0].month, a[0].day)
            return None if start is None else (start, end)

        return TimeFound(k, end, resolve)

    def span(r: date) -> Days | None:
        a, b = first.resolve(r), second.resolve(r)
        return None if a is None or b is None or a[0] > b[1] else (a[0], b[1])

    return TimeFound(k, end, span)


def _core(ctx: Context, k: int, last: int, opening: Opening) -> TimeFound | None:
    """Read the calendar words of a time at token ``k`` (after any preposition).

    The first word tells which reader can apply, so each token is tried by one or two.
    """
    if k > last:
        return None
    tok = ctx.tokens[k]
    word = tok.lower
    if tok.kind == "n":
        return _masked_date(ctx, k, last, opening) or _year(ctx, k, last, opening)
    if word in MONTH_NUMBERS or word in WEEKDAY_NUMBERS:
        return _masked_date(ctx, k, last, opening) or _named(ctx, k, last, opening)
    reader = _READERS.get(word)
    return None if reader is None else reader(ctx, k, last, opening)


def _masked_date(ctx: Context, k: int, last: int, opening: Opening) -> TimeFound | None:
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
    return TimeFound(k, end, lambda r: _date_days(text, r, preposition))


def _is_year_token(tok: Token) -> bool:
    """Tell four digits that may be a year: 1800 to 2100."""
    return (
        tok.kind == "n"
        and len(tok.text) == 4
        and tok.text.isdigit()
        and 1800 <= int(tok.text) <= 2100
    )


def _year(ctx: Context, k: int, last: int, opening: Opening) -> TimeFound | None:
    preposition = opening.preposition
    tok = ctx.tokens[k]
    if not preposition or tok.kind != "n" or len(tok.text) != 4 or not tok.text.isdigit():
        return None
    year = int(tok.text)
    if not 1800 <= year <= 2100:
        return None
    if ctx.word(k + 1) == "s" and ctx.attached(k + 1) and year % 10 == 0:
        decade = (date(year, 1, 1), date(year + 9, 12, 31))  # "in the 1990s"
        return TimeFound(k, k + 1, lambda r: _with_preposition(decade, r, preposition))
    return TimeFound(
        k, k, lambda r: _with_preposition((date(year, 1, 1), date(year, 12, 31)), r, preposition)
    )


def _named(ctx: Context, k: int, last: int, opening: Opening) -> TimeFound | None:
    """Read "in March", "on Friday", "last year", "this month", "the past decade"."""
    preposition = opening.preposition
    tokens = ctx.tokens
    relative = ctx.word(k) if ctx.word(k) in RELATIVE_WORDS else ""
    m = k + 1 if relative else k
    if m > last or not (preposition or relative):
        return None
    word = ctx.word(m)
    if word in _ABBREVIATED and not (m + 1 <= last and tokens[m + 1].text == "."):
        return None  # "in Mar del Plata", "in Sun City": names; "Mar." is March
    if word in MONTH_NUMBERS and tokens[m].text[:1].isupper():
        month = MONTH_NUMBERS[word]
        return TimeFound(
            k,
            m,
            lambda r: _with_preposition(
                _month_days(month, r, relative or _ahead(opening)), r, preposition
            ),
        )
    if word in WEEKDAY_NUMBERS and tokens[m].text[:1].isupper():
        weekday = WEEKDAY_NUMBERS[word]
        end = m + 1 if m + 1 <= last and ctx.word(m + 1) in PARTS_OF_DAY else m
        return TimeFound(
            k,
            end,
            lambda r: _with_preposition(
                _weekday_days(weekday, r, relative or _weekday_ahead(opening)),
                r,
                preposition,
            ),
        )
    if relative and word in TIME_UNITS:
        return TimeFound(k, m, lambda r: _unit_within(word, r, relative, preposition))
    return None


def _earlier(ctx: Context, k: int, last: int, opening: Opening) -> TimeFound | None:
    """Read "earlier in the week", "earlier this month", "later this year"."""
    if ctx.word(k) not in ("earlier", "later") or ctx.word(k + 1) not in ("in", "this"):
        return None
    m = k + 2 + (ctx.word(k + 2) == "the")
    unit = ctx.word(m)
    if m > last or unit not in ("week", "month", "year"):
        return None
    later = ctx.word(k) == "later"
    return TimeFound(k, m, lambda r: _earlier_days(unit, r, later))


def _day_word(ctx: Context, k: int, last: int, opening: Opening) -> TimeFound | None:
    word = ctx.word(k)
    if word not in DAY_WORDS:
        return None
    offset, days = DAY_WORDS[word]
    return TimeFound(k, k, lambda r: (r + timedelta(offset), r + timedelta(offset + days - 1)))


def _ago(ctx: Context, k: int, last: int, opening: Opening) -> TimeFound | None:
    """Read "a year ago", "a week earlier": one unit back from the reference date."""
    unit = ctx.word(k + 1)
    if ctx.word(k) not in ("a", "an", "one") or unit not in TIME_UNITS:
        return None
    if k + 2 > last or ctx.word(k + 2) not in AGO_WORDS:
        return None
    return TimeFound(k, k + 2, lambda r: _ago_days(unit, r))


def _part(ctx: Context, k: int, last: int, opening: Opening) -> TimeFound | None:
    """Read "the third quarter", "the first half" (after "in the"), with "of 2024" if given."""
    preposition = opening.preposition
    if not preposition or ctx.word(k) not in PART_ORDINALS:
        return None
    unit = ctx.word(k + 1)
    if unit not in ("quarter", "half") or k + 1 > last:
        return None
    number = PART_ORDINALS[ctx.word(k)]
    if unit == "half" and number > 2:
        return None
    end, year = k + 1, 0
    tok = ctx.tokens[k + 3] if k + 3 <= last else None
    if ctx.word(k + 2) == "of" and tok is not None and _is_year_token(tok):
        end, year = k + 3, int(tok.text)  # "the first half of 2024", never "of 1.25 billion"
    months = 3 if unit == "quarter" else 6
    return TimeFound(
        k - 1 if ctx.word(k - 1) == "the" else k,
        end,
        lambda r: _part_days(number, months, year, r, opening.future),
    )


# The reader of a time by its first word (digits and calendar names are read in ``_core``).
_READERS: dict[str, Callable[[Context, int, int, Opening], TimeFound | None]] = {
    **dict.fromkeys(RELATIVE_WORDS, _named),
    **dict.fromkeys(("earlier", "later"), _earlier),
    **dict.fromkeys(DAY_WORDS, _day_word),
    **dict.fromkeys(("a", "an", "one"), _ago),
    **dict.fromkeys(PART_ORDINALS, _part),
}
# Every word the calendar words of a time may open with, after any preposition.
_CORE_WORDS = frozenset({*_READERS, *MONTH_NUMBERS, *WEEKDAY_NUMBERS})
# Every word a time may open with, its preposition included.
_OPENERS = frozenset({*_CORE_WORDS, *TIME_PREPOSITIONS, "between"})


# -- resolution: the days a time denotes, given the reference date ``r`` ---------------------


def _month_range(year: int, month: int) -> Days:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _shift_months(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + by
    return index // 12, index % 12 + 1


def _ahead(opening: Opening) -> str:
    """Read a month without a relative word as the next one after "by" or in the future.

    Never after "since", "before" or "after": they look back from the reference date.
    """
    if opening.preposition in _LOOKING_BACK:
        return ""
    return "next" if opening.preposition in _DEADLINES or opening.future else ""


def _weekday_ahead(opening: Opening) -> str:
    """Read a weekday as the next one only in a sentence about the future ("on Thursday")."""
    return "next" if opening.future and opening.preposition not in _LOOKING_BACK else ""


# Units that "the" names as the last one: "over the weekend", "since the summer".
_RECENT_UNITS = frozenset({"weekend", "summer", "winter", "spring", "autumn"})
# Words before a participle that make it the figure's own verb: "was raised in", "has
# grown since".
_NOT_NOUNS = frozenset(
    "was were is are be been has have had will would could also not never just".split()
)
# Month names as short as an abbreviation.
_SHORT_NAMES = frozenset({"may", "june", "july"})
# Month and weekday abbreviations, read as such only before a full stop ("on Sun.").
_ABBREVIATED = frozenset(
    w
    for w in (*MONTH_NUMBERS, *WEEKDAY_NUMBERS)
    if len(w) <= 4 and w not in ("may", "june", "july")
)
# Prepositions that look back from the reference date, whatever the sentence's tense.
_LOOKING_BACK = frozenset({"since", "before", "after"})
# Prepositions of a deadline ahead: "by March" is the next March, from the reference date.
_DEADLINES = frozenset({"by", "until", "till"})


def _with_preposition(days: Days, r: date, preposition: str) -> Days:
    """Apply "since 2015" (to the reference date) and "by 2030" (a deadline ahead)."""
    if preposition == "since":
        return days[0], r
    if preposition in ("by", "until", "till") and days[1] > r:
        return r, days[1]
    return days


def _date_days(text: str, r: date, preposition: str) -> Days | None:
    """Resolve a masked date: a day, or a month ("June 2017"), in the past without a year."""
    iso = _ISO.match(text)
    if iso:
        day = _safe_date(int(iso[1]), int(iso[2]), int(iso[3]))
        return None if day is None else _with_preposition((day, day), r, preposition)
    for pattern, order in ((_DAY_MONTH, "dm"), (_MONTH_DAY, "md")):
        match = pattern.match(text)
        if match:
            day_text, month_text = (match[1], match[2]) if order == "dm" else (match[2], match[1])
            month = MONTH_NUMBERS.get(month_text.lower())
            if month is None:
                return None
            year = int(match[3]) if match[3] else _latest_year(month, int(day_text), r)
            day = _safe_date(year, month, int(day_text))
            return None if day is None else _with_preposition((day, day), r, preposition)
    match = _MONTH_YEAR.match(text)
    month = MONTH_NUMBERS.get(match[1].lower()) if match else None
    if match is None or month is None:
        return None
    return _with_preposition(_month_range(int(match[2]), month), r, preposition)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None  # "31 February"


def _latest_year(month: int, day: int, r: date) -> int:
    """Return the year of the last such day on or before ``r`` ("13 October" in news)."""
    return r.year if (month, day) <= (r.month, r.day) else r.year - 1


def _month_days(month: int, r: date, relative: str) -> Days:
    year = r.year if month <= r.month else r.year - 1
    if relative == "next":
        year = r.year if month > r.month else r.year + 1
    elif relative == "this":
        year = r.year
    return _month_range(year, month)


def _weekday_days(weekday: int, r: date, relative: str) -> Days:
    back = (r.weekday() - weekday) % 7
    if relative == "next":
        day = r + timedelta((weekday - r.weekday()) % 7 or 7)
    elif relative == "last" and back == 0:
        day = r - timedelta(7)
    else:
        day = r - timedelta(back)
    return day, day


def _unit_days(unit: str, r: date, relative: str) -> Days | None:
    step = {"last": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}.get(relative)
    if relative == "past":
        return _past_days(unit, r)
    if step is None:
        return None
    if unit == "year":
        return date(r.year + step, 1, 1), date(r.year + step, 12, 31)
    if unit == "month":
        return _month_range(*_shift_months(r.year, r.month, step))
    if unit == "week":
        monday = r - timedelta(r.weekday()) + timedelta(7 * step)
        return monday, monday + timedelta(6)
    if unit == "quarter":
        year, month = _shift_months(r.year, (r.month - 1) // 3 * 3 + 1, 3 * step)
        return _month_range(year, month)[0], _month_range(*_shift_months(year, month, 2))[1]
    if unit == "weekend":
        saturday = r - timedelta((r.weekday() - 5) % 7) + timedelta(7 * max(step, 0))
        return saturday, saturday + timedelta(1)
    if unit in ("night", "day"):
        return (r - timedelta(1), r) if step < 0 else (r, r + timedelta(step))
    if unit in SEASONS:
        return _season_days(unit, r, step)
    return None  # "last decade": which one is unclear


def _unit_within(unit: str, r: date, relative: str, preposition: str) -> Days | None:
    """Resolve "last year", and "since last summer" on to the reference date."""
    days = _unit_days(unit, r, relative)
    return None if days is None else _with_preposition(days, r, preposition)


def _past_days(unit: str, r: date) -> Days | None:
    back = {"day": 1, "week": 7, "month": 30, "year": 365, "decade": 3652, "quarter": 91}
    if unit not in back:
        return None
    if unit in ("year", "decade"):
        years = 1 if unit == "year" else 10
        start = _safe_date(r.year - years, r.month, r.day) or date(r.year - years, r.month, 28)
        return start, r
    return r - timedelta(back[unit]), r


def _season_days(season: str, r: date, step: int) -> Days:
    """Return the season ending before ``r`` (step -1), the one of ``r``'s year, or the next."""
    first = SEASONS[season]
    start_year = r.year if (first, 1) <= (r.month, 1) else r.year - 1
    start = date(start_year, first, 1)
    end_year, end_month = _shift_months(start_year, first, 2)
    end = _month_range(end_year, end_month)[1]
    shift = -1 if step < 0 and end >= r else 1 if step > 0 and start <= r else 0
    if shift:  # the season before or after, its end read from the calendar (29 February)
        start = date(start_year + shift, first, 1)
        end = _month_range(end_year + shift, end_month)[1]
    return start, end


def _earlier_days(unit: str, r: date, later: bool) -> Days | None:
    if unit == "week":
        start = r - timedelta(r.weekday())
        end = start + timedelta(6)
    elif unit == "month":
        start, end = _month_range(r.year, r.month)
    else:
        start, end = date(r.year, 1, 1), date(r.year, 12, 31)
    if later:
        return (r + timedelta(1), end) if r < end else None
    return (start, r - timedelta(1)) if r > start else None


def _ago_days(unit: str, r: date) -> Days | None:
    if unit in ("day", "night"):
        return r - timedelta(1), r - timedelta(1)
    if unit in ("week", "weekend"):
        return r - timedelta(7), r - timedelta(7)
    if unit in ("month", "quarter"):
        return _month_range(*_shift_months(r.year, r.month, -1 if unit == "month" else -3))
    if unit in ("year", "decade"):
        year = r.year - (1 if unit == "year" else 10)
        return date(year, 1, 1), date(year, 12, 31)
    return None


def _part_days(number: int, months: int, year: int, r: date, future: bool) -> Days:
    """Return the quarter or half of ``year``; without one, the last that began by ``r``.

    In a sentence about the future, the next one that has not ended.
    """
    first_month = (number - 1) * months + 1
    if not year:
        year = r.year if (first_month, 1) <= (r.month, r.day) else r.year - 1
        if future and _shift_months(year, first_month, months) <= (r.year, r.month):
            year += 1
    end_year, end_month = _shift_months(year, first_month, months - 1)
    return date(year, first_month, 1), _month_range(end_year, end_month)[1]
