"""Calendar arithmetic for the time frame: the days a time denotes, given the reference date.

Pure functions of dates and numbers, no text: ``times`` reads the words ("last week", "in the
year to June") and hands the numbers here. News is read as written: in the past unless the
clause speaks of the future, so "in March" is the last March that began by the reference date
``r`` and, in "will reach 5% in March", the next March that has not ended. The conventions are
those of ``tests/data/frames/README.md`` ("Resolution").
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import Final

from .english.calendar import MONTH_NUMBERS, SEASONS

Days = tuple[date, date]

# A date as the masks find it: "14 October 2017", "October 14, 2017", "June 2017", "2017-10-14".
_DAY_MONTH: Final = re.compile(
    r"(\d{1,2})(?:st|nd|rd|th)?\s(?:of\s)?([A-Za-z]+)\.?(?:,?\s(\d{4}))?$"
)
_MONTH_DAY: Final = re.compile(r"([A-Za-z]+)\.?\s(\d{1,2})(?:st|nd|rd|th)?(?:,?\s(\d{4}))?$")
_MONTH_YEAR: Final = re.compile(r"([A-Za-z]+)\.?,?\s(\d{4})$")
_ISO: Final = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
# Prepositions of a deadline: "by 2030" runs from the reference date to the end of 2030.
DEADLINES: Final = frozenset({"by", "until", "till"})


def safe_date(year: int, month: int, day: int) -> date | None:
    """Return the date, or None for one the calendar lacks ("31 February")."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def month_range(year: int, month: int) -> Days:
    """Return the first and last day of a month."""
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def shift_months(year: int, month: int, by: int) -> tuple[int, int]:
    """Return the (year, month) ``by`` months after (or before) the given one."""
    index = year * 12 + (month - 1) + by
    return index // 12, index % 12 + 1


def months_back(day: date, months: int) -> date:
    """Return the same day ``months`` months earlier, the month's last day if it has fewer."""
    year, month = shift_months(day.year, day.month, -months)
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def with_preposition(days: Days, r: date, preposition: str) -> Days:
    """Apply "since 2015" (on to the reference date) and "by 2030" (a deadline ahead).

    A "by" whose time is not ahead ("40 had signed by Wednesday evening") is the count as of
    that time: the days themselves.
    """
    if preposition == "since":
        return days[0], max(days[0], r)
    if preposition in DEADLINES and days[1] > r:
        return r, days[1]
    return days


def date_days(text: str, r: date) -> Days | None:
    """Resolve a masked date: a day, or a month ("June 2017"), in the past without a year."""
    iso = _ISO.match(text)
    if iso:
        day = safe_date(int(iso[1]), int(iso[2]), int(iso[3]))
        return None if day is None else (day, day)
    for pattern, order in ((_DAY_MONTH, "dm"), (_MONTH_DAY, "md")):
        match = pattern.match(text)
        if match:
            day_text, month_text = (match[1], match[2]) if order == "dm" else (match[2], match[1])
            month = MONTH_NUMBERS.get(month_text.lower())
            if month is None:
                return None
            year = int(match[3]) if match[3] else latest_year(month, int(day_text), r)
            day = safe_date(year, month, int(day_text))
            return None if day is None else (day, day)
    match = _MONTH_YEAR.match(text)
    month = MONTH_NUMBERS.get(match[1].lower()) if match else None
    if match is None or month is None:
        return None
    return month_range(int(match[2]), month)


def latest_year(month: int, day: int, r: date) -> int:
    """Return the year of the last such day on or before ``r`` ("13 October" in news)."""
    return r.year if (month, day) <= (r.month, r.day) else r.year - 1


def month_days(month: int, r: date, relative: str) -> Days:
    """Return a month: by default the last one begun by ``r``.

    "ahead" (a clause about the future): the earliest that has not ended; "next": the first
    that begins after ``r``; "this": the one of ``r``'s year.
    """
    year = r.year if month <= r.month else r.year - 1
    if relative in ("next", "ahead"):
        year = (
            r.year if month > r.month or (month == r.month and relative == "ahead") else r.year + 1
        )
    elif relative == "this":
        year = r.year
    return month_range(year, month)


def weekday_days(weekday: int, r: date, relative: str) -> Days:
    """Return a weekday: by default the last one on or before ``r``.

    "ahead" (a clause about the future): the first on or after ``r``; "next": the first after.
    """
    back = (r.weekday() - weekday) % 7
    if relative in ("next", "ahead"):
        day = r + timedelta((weekday - r.weekday()) % 7 or (7 if relative == "next" else 0))
    elif relative == "last" and back == 0:
        day = r - timedelta(7)
    else:
        day = r - timedelta(back)
    return day, day


def unit_days(unit: str, r: date, relative: str) -> Days | None:
    """Resolve "last year", "this month", "next week", "the past decade", "last summer"."""
    step = {"last": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}.get(relative)
    if relative == "past":
        return past_days(unit, 1, r)
    if step is None:
        return None
    if unit == "year":
        return date(r.year + step, 1, 1), date(r.year + step, 12, 31)
    if unit == "month":
        return month_range(*shift_months(r.year, r.month, step))
    if unit == "week":
        monday = r - timedelta(r.weekday()) + timedelta(7 * step)
        return monday, monday + timedelta(6)
    if unit == "quarter":
        year, month = shift_months(r.year, (r.month - 1) // 3 * 3 + 1, 3 * step)
        return month_range(year, month)[0], month_range(*shift_months(year, month, 2))[1]
    if unit == "weekend":
        return weekend_days(r, step)
    if unit in ("night", "day"):
        return (r - timedelta(1), r) if step < 0 else (r, r + timedelta(step))
    if unit in ("morning", "afternoon", "evening"):
        return (r, r) if step == 0 else None
    if unit in SEASONS:
        return season_days(unit, r, step)
    return None  # "last decade": which one is unclear


def weekend_days(r: date, step: int) -> Days:
    """Return the last weekend begun by ``r`` (step ≤ 0), or the next one not ended (step 1)."""
    saturday = r - timedelta((r.weekday() - 5) % 7)
    if step > 0 and saturday + timedelta(1) < r:
        saturday += timedelta(7)
    return saturday, saturday + timedelta(1)


def past_days(unit: str, count: int, r: date) -> Days | None:
    """Return "the past 20 years", "the past 48 hours": that span back from ``r``, to ``r``.

    Hours are counted in whole days (24 hours: the day before to ``r``); months, quarters,
    years and decades go back to the same day of the month.
    """
    if unit == "hour":
        return r - timedelta(-(-count // 24)), r
    if unit in ("day", "week"):
        return r - timedelta(count * (7 if unit == "week" else 1)), r
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120}.get(unit)
    if months is None:
        return None
    return months_back(r, months * count), r


def next_days(unit: str, count: int, r: date) -> Days | None:
    """Return "the next five years": from ``r`` to that span ahead."""
    if unit in ("day", "week"):
        return r, r + timedelta(count * (7 if unit == "week" else 1))
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120}.get(unit)
    if months is None:
        return None
    return r, months_back(r, -months * count)


def season_days(season: str, r: date, step: int) -> Days:
    """Return a season: the one begun by ``r`` (step 0), the last ended (-1), or the next (1).

    Meteorological seasons, northern hemisphere; the next one begins after ``r``.
    """
    first = SEASONS[season]
    start_year = r.year if (first, 1) <= (r.month, 1) else r.year - 1
    start = date(start_year, first, 1)
    end_year, end_month = shift_months(start_year, first, 2)
    end = month_range(end_year, end_month)[1]
    shift = -1 if step < 0 and end >= r else 1 if step > 0 and start <= r else 0
    if shift:  # the season before or after, its end read from the calendar (29 February)
        start = date(start_year + shift, first, 1)
        end = month_range(end_year + shift, end_month)[1]
    return start, end


def coming_season(season: str, r: date) -> Days:
    """Return the earliest such season that has not ended by ``r`` ("in the spring", future)."""
    days = season_days(season, r, 0)
    return days if days[1] >= r else season_days(season, r, 1)


def earlier_days(unit: str, r: date, later: bool) -> Days | None:
    """Resolve "earlier this month" (its first day to the day before ``r``), "later this year"."""
    if unit == "week":
        start = r - timedelta(r.weekday())
        end = start + timedelta(6)
    elif unit == "month":
        start, end = month_range(r.year, r.month)
    else:
        start, end = date(r.year, 1, 1), date(r.year, 12, 31)
    if later:
        return (r + timedelta(1), end) if r < end else None
    return (start, r - timedelta(1)) if r > start else None


def ago_days(unit: str, count: int, r: date) -> Days | None:
    """Resolve "3 days ago", "a week ago" (that day), "a month ago", "two years ago".

    Months and years back are whole calendar months and years.
    """
    if unit in ("day", "night"):
        return r - timedelta(count), r - timedelta(count)
    if unit in ("week", "weekend"):
        return r - timedelta(7 * count), r - timedelta(7 * count)
    if unit in ("month", "quarter"):
        return month_range(*shift_months(r.year, r.month, -count * (3 if unit == "quarter" else 1)))
    if unit in ("year", "decade"):
        year = r.year - count * (10 if unit == "decade" else 1)
        return date(year, 1, 1), date(year, 12, 31)
    return None


def shifted(days: Days, unit: str, count: int) -> Days | None:
    """Return ``days`` moved back ``count`` units: the base of "a year earlier", "the week before".

    Whole months stay whole months (June → May, the first quarter → the one a year before).
    """
    if unit in ("day", "night", "week"):
        back = timedelta(count * (7 if unit == "week" else 1))
        return days[0] - back, days[1] - back
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120}.get(unit)
    if months is None:
        return None
    months *= count
    whole = days[0].day == 1 and days[1] == month_range(days[1].year, days[1].month)[1]
    if whole:
        start = month_range(*shift_months(days[0].year, days[0].month, -months))[0]
        return start, month_range(*shift_months(days[1].year, days[1].month, -months))[1]
    return months_back(days[0], months), months_back(days[1], months)


def part_days(number: int, months: int, year: int, r: date, future: bool) -> Days:
    """Return the quarter or half of ``year``; without one, the last that began by ``r``.

    In a sentence about the future, the next one that has not ended.
    """
    first_month = (number - 1) * months + 1
    if not year:
        year = r.year if (first_month, 1) <= (r.month, r.day) else r.year - 1
        if future and shift_months(year, first_month, months) <= (r.year, r.month):
            year += 1
    end_year, end_month = shift_months(year, first_month, months - 1)
    return date(year, first_month, 1), month_range(end_year, end_month)[1]


def months_of(first_month: int, months: int, year: int) -> Days:
    """Return ``months`` months of ``year`` from ``first_month`` ("the first three months")."""
    end_year, end_month = shift_months(year, first_month, months - 1)
    return date(year, first_month, 1), month_range(end_year, end_month)[1]


def span_to(end: Days, unit: str, count: int) -> Days | None:
    """Return "the year to June", "the 12 months to July", "the week to Sunday".

    The span of ``count`` units that ends with the last day of ``end``.
    """
    last = end[1]
    if unit in ("day", "week"):
        return last - timedelta(count * (7 if unit == "week" else 1) - 1), last
    months = {"month": 1, "quarter": 3, "year": 12}.get(unit)
    if months is None:
        return None
    year, month = shift_months(last.year, last.month, 1 - months * count)
    return date(year, month, 1), last
