"""Calendar words: months, weekdays, clock words, and the prepositions that make a year."""

from __future__ import annotations

MONTHS = frozenset(
    """
    January February March April May June July August September October November December
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
    """.split()
)

WEEKDAYS = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon Tue Tues Wed Thu Thurs Fri "
    "Sat Sun".split()
)

# Prepositions before a bare four-digit number that make it a year.
YEAR_PREPOSITIONS = frozenset("in since by until till through during of from before after".split())
# Years past 2100, up to LATE_YEAR_LIMIT, are years only after one of these ("by 2120", "until
# 2150"; "up from 2940" is a count); a year said in words after a preposition of a year or "the
# year" ("in two thousand and five", "the year two thousand").
LATE_YEAR_PREPOSITIONS = frozenset("by until till in before after beyond".split())
LATE_YEAR_LIMIT = 2500
WRITTEN_YEAR_BEFORE = YEAR_PREPOSITIONS | {"year"}
# Eras beside a number that make it a year whatever its size: "A.D. 1000", "300 BC", "476 CE";
# dotted forms are read letter by letter ("B.C." is "BC").
ERAS = frozenset({"AD", "BC", "BCE", "CE"})

# Minute words before "past" in a clock time in words: "half past six", "ten past 9",
# "twenty-five past seven" (the mask reaches back over "twenty-five" from "five"). Lower case;
# the masks match each capitalised too.
CLOCK_MINUTE_WORDS = ("quarter", "half", "ten", "five", "twenty")

# Calendar words read as times of a figure (``service/core/times.py``), with their numbers.
MONTH_NUMBERS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}  # fmt: skip
WEEKDAY_NUMBERS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            ("monday", "mon"), ("tuesday", "tue", "tues"), ("wednesday", "wed"),
            ("thursday", "thu", "thurs"), ("friday", "fri"), ("saturday", "sat"),
            ("sunday", "sun"),
        )
    )
    for name in names
}  # fmt: skip
# Prepositions that open a time: "in March", "on Friday", "by 2030", "since 2015".
TIME_PREPOSITIONS = frozenset(
    "in on by since until till during from before after through throughout over at for".split()
)
# Words of a sentence that put its times ahead: "will reach 5% in November" is next November.
FUTURE_WORDS = frozenset(
    """
    will would shall 'll could might expects expect forecast forecasts plans planned aims
    """.split()
)
# Words before a unit of time that make it a time: "last year", "this month", "the past decade".
RELATIVE_WORDS = frozenset({"last", "this", "next", "past", "previous", "coming"})
# Units of time a relative word names: "last week", "this quarter", "last summer".
TIME_UNITS = frozenset(
    "day week month year quarter decade weekend night summer winter spring autumn season".split()
)
# Seasons, meteorological, northern hemisphere: first month and length in months.
SEASONS: dict[str, int] = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}
# Days named by a word: the first day's offset from the reference date, and how many days.
DAY_WORDS: dict[str, tuple[int, int]] = {
    "yesterday": (-1, 1), "today": (0, 1), "tonight": (0, 1), "overnight": (-1, 2),
    "noon": (0, 1), "midday": (0, 1), "midnight": (0, 1),
}  # fmt: skip
# Ordinal words of quarters and halves: "the third quarter", "the first half".
PART_ORDINALS: dict[str, int] = {"first": 1, "second": 2, "third": 3, "fourth": 4}
# Words after a span of time that count back: "a year ago", "two days earlier".
AGO_WORDS = frozenset({"ago", "earlier", "before"})
# Parts of a day after a day: "on Thursday morning", "by Wednesday evening".
PARTS_OF_DAY = frozenset({"morning", "afternoon", "evening", "night"})
# Past participles that, right before a time, date an event rather than a figure: "the law,
# passed in 2010", "a paper published in 2022", "the war, which began in 2014" (those ending
# in "-ed" are read as such too, unless they are verbs of change or of reporting).
EVENT_PARTICIPLES = frozenset(
    "set began begun built held born won took made broke broken ran shot struck".split()
)

# Words after a span of time that make it a point in time, not an amount: "two months ago", "3
# minutes from now", "3 minutes later" (not "3 months later than planned": a delay).
RELATIVE_AFTER: frozenset[tuple[str, ...]] = frozenset(
    {("ago",), ("earlier",), ("later",), ("hence",), ("from", "now")}
)
# Verbs before a span that make it the amount they take, whatever follows: "had taken 20
# minutes earlier in the day", "lasted 3 hours later than planned".
DURATION_VERBS = frozenset(
    "take takes took taken taking last lasts lasted spend spends spent wait waits waited".split()
)
# Words before a number of hours that make it a clock time, with a time of day after it: "at 7
# tonight", "by 9 this morning".
CLOCK_BEFORE = frozenset({"at", "by", "until", "till", "from", "after", "before"})
# Times of day after a small number that make it a clock time: "at 7 tonight", "between 7 and 9
# last night".
TIMES_OF_DAY: frozenset[tuple[str, ...]] = frozenset(
    {
        ("tonight",), ("sharp",), ("last", "night"), ("this", "morning"), ("this", "afternoon"),
        ("this", "evening"), ("tomorrow", "morning"), ("tomorrow", "night"), ("local", "time"),
    }
)  # fmt: skip
# The words before a period named by a number: "the last 2 quarters", "its first 6 months".
PERIOD_OPENERS = frozenset({"last", "past", "next", "previous", "coming", "first", "final"})
PERIOD_DETERMINERS = frozenset({"the", "its", "their", "his", "her", "our", "these", "those"})
# Plural periods after such a number: "the last 2 quarters" (a length of time with a unit, "the
# past three years", stays a figure).
PERIOD_WORDS = frozenset({"quarters", "seasons", "sessions", "terms", "semesters", "halves"})
