"""Calendar words: months, weekdays, clock words, and the prepositions that make a year."""

from __future__ import annotations

from typing import Final

MONTHS: Final = frozenset(
    """
    January February March April May June July August September October November December
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
    """.split()
)

WEEKDAYS: Final = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon Tue Tues Wed Thu Thurs Fri "
    "Sat Sun".split()
)

# Prepositions before a bare four-digit number that make it a year.
YEAR_PREPOSITIONS: Final = frozenset(
    "in since by until till through during of from before after".split()
)
# Years past 2100, up to LATE_YEAR_LIMIT, are years only after one of these ("by 2120", "until
# 2150"; "up from 2940" is a count); a year said in words after a preposition of a year or "the
# year" ("in two thousand and five", "the year two thousand").
LATE_YEAR_PREPOSITIONS: Final = frozenset("by until till in before after beyond".split())
LATE_YEAR_LIMIT: Final = 2500
WRITTEN_YEAR_BEFORE: Final = YEAR_PREPOSITIONS | {"year"}
# Eras beside a number that make it a year whatever its size: "A.D. 1000", "300 BC", "476 CE";
# dotted forms are read letter by letter ("B.C." is "BC").
ERAS: Final = frozenset({"AD", "BC", "BCE", "CE"})

# Minute words before "past" in a clock time in words: "half past six", "ten past 9",
# "twenty-five past seven" (the mask reaches back over "twenty-five" from "five"). Lower case;
# the masks match each capitalised too.
CLOCK_MINUTE_WORDS: Final = ("quarter", "half", "ten", "five", "twenty")

# Calendar words read as times of a figure (``service/core/times.py``), with their numbers.
MONTH_NUMBERS: Final[dict[str, int]] = {
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
WEEKDAY_NUMBERS: Final[dict[str, int]] = {
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
TIME_PREPOSITIONS: Final = frozenset(
    "in on by since until till during from before after through throughout over at for".split()
)
# Words of a clause that put its times ahead: "will reach 5% in November" is next November.
FUTURE_WORDS: Final = frozenset(
    """
    will would shall 'll could might expects expect forecast forecasts plans planned aims
    """.split()
)
# Two words that put a clause ahead: "is expected on Saturday", "are forecast to top 40C by the
# weekend". A reporting verb after "is"/"are" states no one's statement: its time is the
# figure's.
FUTURE_PHRASES: Final = frozenset(
    (be, verb)
    for be in ("is", "are")
    for verb in ("expected", "forecast", "predicted", "projected", "due", "set", "likely")
) | {("going", "to")}
# What ends a clause, for the tense of a time read from its own clause ("reached 38C on
# Tuesday and are forecast to top 40C by the weekend": Tuesday is past, the weekend ahead).
CLAUSE_BREAKS: Final = frozenset(
    ", ; : ( ) — – but while whereas after although though because unless".split()
)
# Words after "and" that open a clause of its own: "and are forecast", "and will drill".
CLAUSE_OPENERS: Final = frozenset(
    "will would could can may might should is are was were has have had it they he she we".split()
)
# Words that divide a sentence's clauses for their figures: a time does not cross them to date
# a figure ("A decade ago the lab employed 45 people; today it has 310").
CLAUSE_DIVIDES: Final = frozenset({";", "but", "while", "whereas"})
# Words that make a figure's clause a present state, dated by the statement that gives it:
# "said on Tuesday that 2.3 million people are now out of work"; and words of a past perfect,
# what was done before the statement, which its time does not date ("said on Monday that it
# had recruited 8,000").
PRESENT_WORDS: Final = frozenset("is are am remain remains stand stands now currently".split())
PERFECT_WORDS: Final = frozenset({"had"})
# Words for the reference date itself that date a figure only when nothing else does ("now
# commands 5,000 troops"; "said on Tuesday that 2.3 million are now out of work": Tuesday).
NOW_WORDS: Final = frozenset({"now", "currently"})
# Words before a unit of time that make it a time: "last year", "this month", "the past decade".
RELATIVE_WORDS: Final = frozenset({"last", "this", "next", "past", "previous", "coming"})
# Units of time a relative word names: "last week", "this quarter", "last summer".
TIME_UNITS: Final = frozenset(
    """
    day week month year quarter decade weekend night summer winter spring autumn season
    morning afternoon evening
    """.split()
)
# Units counted in a span: "the past 48 hours", "two years ago", "the 12 months to July".
COUNTED_UNITS: Final[dict[str, str]] = {
    "hour": "hour", "hours": "hour", "day": "day", "days": "day", "week": "week",
    "weeks": "week", "month": "month", "months": "month", "quarter": "quarter",
    "quarters": "quarter", "year": "year", "years": "year", "decade": "decade",
    "decades": "decade",
}  # fmt: skip
# Seasons, meteorological, northern hemisphere: first month and length in months.
SEASONS: Final[dict[str, int]] = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}
# Days named by a word: the first day's offset from the reference date, and how many days.
DAY_WORDS: Final[dict[str, tuple[int, int]]] = {
    "yesterday": (-1, 1), "today": (0, 1), "tonight": (0, 1), "overnight": (-1, 2),
    "noon": (0, 1), "midday": (0, 1), "midnight": (0, 1),
}  # fmt: skip
# Ordinal words of quarters and halves: "the third quarter", "the first half".
PART_ORDINALS: Final[dict[str, int]] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "final": 0,
}
# Words for a part of a year: "the first half of 2024", "the final quarter of last year"
# (0 above: the last part), "the first three months of the year"; "Q3", "H1" (a letter and a
# digit) with the months of one part.
PART_LETTERS: Final[dict[str, int]] = {"q": 3, "h": 6}
# Units after "the same" in a comparison base: "the same period of 2023", "the same quarter a
# year earlier", and the words after them that move it a year back ("the same month last
# year").
SAME_UNITS: Final = frozenset({"period", "quarter", "month", "week", "day", "season", "half"})
YEAR_BEFORE: Final = (
    ("a", "year", "earlier"), ("a", "year", "before"), ("a", "year", "ago"), ("last", "year"),
    ("the", "previous", "year"), ("the", "year", "before"), ("the", "prior", "year"),
)  # fmt: skip
# Words between the comma of an apposition and its figure, which takes the time of the figure
# before it: "1,900 reports in March, a 30% increase on February".
APPOSITION_WORDS: Final = frozenset({"a", "an", "the", "some", "up", "down", "about", "around"})
# Words that open a clause set off by commas that is no aside about a noun: "…, and in May, …".
NOT_ASIDE_OPENERS: Final = frozenset({"and", "but", "or", "as", "while", "when", "then", "so"})
# "early/mid/late 2024": the months of the year each covers.
YEAR_THIRDS: Final[dict[str, tuple[int, int]]] = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}
# Words after "the" for the start or end of a time: "by the end of the year", "since the start
# of 2023" (the first or the last day of it).
TIME_EDGES: Final = frozenset({"end", "start", "beginning"})
# Words between "the" and a unit that ends at a date: "in the year to June", "for the week to
# Sunday", "in the fiscal year to March 2024", "in the 12 months ending March 2024".
FISCAL_WORDS: Final = frozenset({"fiscal", "financial"})
SPAN_ENDS: Final = frozenset({"to", "ending", "ended", "through"})
# Units "the" names as known from the text around ("fell 2.1% in the quarter"): the time is
# kept, its days are not known.
ANAPHORIC_UNITS: Final = frozenset({"quarter", "month", "week", "year", "period", "half"})
# Events that date a figure without days: "During the pandemic", "since the war".
EVENT_NOUNS: Final = frozenset(
    """
    pandemic lockdown lockdowns war recession crisis outbreak heatwave drought strike strikes
    ceasefire truce siege occupation election campaign tournament
    """.split()
)
# Plural units that make a vague span after "for", "in recent", "in the coming", "over the":
# "For decades", "in recent years", "in the coming weeks".
VAGUE_UNITS: Final = frozenset({"decades", "years", "months", "weeks", "days", "centuries"})
VAGUE_OPENERS: Final = frozenset({"recent", "coming"})
# Verbs after a month that open a sentence: the month is the time ("March was 2.1C warmer").
MONTH_SUBJECT_VERBS: Final = frozenset(
    "was is has had saw brought became ended proved were".split()
)
# Words of a sentence about a match: its "first half" or "third quarter" is a part of the
# game, not of the year.
MATCH_WORDS: Final = frozenset(
    """
    scored score goal goals match matches tries innings penalty penalties touchdowns wickets
    possession halftime rebounds assists
    """.split()
)
# Words that make what follows a record or a comparison, whose "since" is not a time of the
# figure ("its worst day since March", "her fastest time since 2016", "the first time since
# 2019", "more than in any season since 2015"): superlatives in "-est" are read as such too,
# after a determiner.
RECORD_WORDS: Final = frozenset(
    {"best", "worst", "most", "least", "fewest", "first", "record", "than"}
)
# Words in "-est" that are no superlatives: "the rainforest has been lost since 1970".
NOT_SUPERLATIVES: Final = frozenset(
    """
    forest rainforest interest protest request contest harvest arrest west test chest guest
    nest quest manifest inquest conquest behest southwest northwest midwest honest modest
    earnest digest suggest invest
    """.split()
)
# Words before a time that make it a comparison base ("than last season", "on February",
# "compared with last year"): the time of the base figure, never of a change.
BASE_OPENERS: Final = frozenset({"than", "versus", "vs"})
# Words after a span of time that count back: "a year ago", "two days earlier".
AGO_WORDS: Final = frozenset({"ago", "earlier", "before"})
# Parts of a day read alone after "by" or "until" ("by morning"): the days ahead they fall,
# in a clause about the future ("could see 10 cm of ice by morning": the next morning).
DAY_PARTS_AHEAD: Final[dict[str, int]] = {
    "morning": 1, "dawn": 1, "daybreak": 1, "afternoon": 0, "evening": 0, "nightfall": 0,
}  # fmt: skip
# Parts of a day after a day: "on Thursday morning", "by Wednesday evening".
PARTS_OF_DAY: Final = frozenset({"morning", "afternoon", "evening", "night"})
# Past participles that, right before a time, date an event rather than a figure: "the law,
# passed in 2010", "a paper published in 2022", "the war, which began in 2014" (those ending
# in "-ed" are read as such too, unless they are verbs of change or of reporting).
EVENT_PARTICIPLES: Final = frozenset(
    "set began begun built held born won took made broke broken ran shot struck".split()
)

# Words after a span of time that make it a point in time, not an amount: "two months ago", "3
# minutes from now", "3 minutes later" (not "3 months later than planned": a delay).
RELATIVE_AFTER: Final[frozenset[tuple[str, ...]]] = frozenset(
    {("ago",), ("earlier",), ("later",), ("hence",), ("from", "now")}
)
# Verbs before a span that make it the amount they take, whatever follows: "had taken 20
# minutes earlier in the day", "lasted 3 hours later than planned".
DURATION_VERBS: Final = frozenset(
    "take takes took taken taking last lasts lasted spend spends spent wait waits waited".split()
)
# Words before a number of hours that make it a clock time, with a time of day after it: "at 7
# tonight", "by 9 this morning".
CLOCK_BEFORE: Final = frozenset({"at", "by", "until", "till", "from", "after", "before"})
# Times of day after a small number that make it a clock time: "at 7 tonight", "between 7 and 9
# last night".
TIMES_OF_DAY: Final[frozenset[tuple[str, ...]]] = frozenset(
    {
        ("tonight",), ("sharp",), ("last", "night"), ("this", "morning"), ("this", "afternoon"),
        ("this", "evening"), ("tomorrow", "morning"), ("tomorrow", "night"), ("local", "time"),
    }
)  # fmt: skip
# The words before a period named by a number: "the last 2 quarters", "its first 6 months".
PERIOD_OPENERS: Final = frozenset({"last", "past", "next", "previous", "coming", "first", "final"})
PERIOD_DETERMINERS: Final = frozenset(
    {"the", "its", "their", "his", "her", "our", "these", "those"}
)
# Plural periods after such a number: "the last 2 quarters" (a length of time with a unit, "the
# past three years", stays a figure).
PERIOD_WORDS: Final = frozenset({"quarters", "seasons", "sessions", "terms", "semesters", "halves"})
