"""The time frame, reading by reading: each class of time language with traps beside it.

A row gives a text, its reference date, a claim and the time it must take: the time's text (or
None for no time) and its resolved days (start, end), or None when the days are unknown. The
sentences are our own; the classes are those of ``tests/data/frames/README.md`` ("time"):
which time is a figure's, statements' and others' times, comparison bases, durations, spans
to a date, parts of a year, events and vague spans, the tense of a time's own clause.
"""

import pytest

from service.core import extract

# (id, text, reference date, claim, time text or None, (start, end) or None)
ROWS = [
    # A statement's time dates what holds when it is made (a present state; a simple past in the
    # clause it reports), never what was done before it ("had flooded") or a past event stated
    # before the attribution.
    ("said-present", "The agency said on Tuesday that 3.1 million people are out of work.",
     "2024-03-14", "3.1 million", "on Tuesday", ("2024-03-12", "2024-03-12")),
    ("said-present-remains", "Officials said on Friday that the rate remains at 4%.",
     "2024-03-15", "4%", "on Friday", ("2024-03-15", "2024-03-15")),
    ("trap-said-past-event", "The agency said on Tuesday that 400 homes had flooded.",
     "2024-03-14", "400", None, None),
    ("said-simple-past-reported", "On Tuesday, an official said 60 fighters surrendered.",
     "2024-03-14", "60", "On Tuesday", ("2024-03-12", "2024-03-12")),
    ("said-simple-past-after-verb", "Police said on Sunday that 35 people were arrested.",
     "2024-03-14", "35", "on Sunday", ("2024-03-10", "2024-03-10")),
    ("trap-said-after-figure", "The rover found 12 craters, scientists announced on Monday.",
     "2024-03-14", "12", None, None),
    ("trap-fronted-statement", "On Monday the ministry said it had treated 900 patients.",
     "2024-03-14", "900", None, None),
    ("trap-fronted-statement-perfect", "Last month the bank said it had hired 120 staff.",
     "2024-03-14", "120", None, None),
    ("trap-fronted-statement-comma", "Last week, the union said 2,000 members had resigned.",
     "2024-03-14", "2,000", None, None),
    ("fronted-span-is-no-statement", "Since January, the union says, 2,000 members have left.",
     "2024-03-14", "2,000", "Since January", ("2024-01-01", "2024-03-14")),
    ("passive-forecast-is-no-statement", "Up to 40 mm of rain is expected on Saturday.",
     "2024-03-14", "Up to 40 mm", "on Saturday", ("2024-03-16", "2024-03-16")),
    # An aside about a noun dates that noun; an adverbial set off by commas is the figure's.
    ("trap-aside-participle", "The bridge, opened in 1998, carries 40,000 cars a day.",
     "2024-03-14", "40,000", None, None),
    ("trap-aside-relative", "The fund, which launched in May, now holds $2 billion.",
     "2024-09-14", "$2 billion", "now", ("2024-09-14", "2024-09-14")),
    ("trap-aside-adjective", "The cartel, active since 2015, smuggled 8 tonnes of cocaine.",
     "2024-03-14", "8 tonnes", None, None),
    ("adverbial-between-commas", "Exports, in March, rose 4%.",
     "2024-05-14", "4%", "in March", ("2024-03-01", "2024-03-31")),
    ("aside-with-own-figure", "Prices, which rose 3% in May, fell 1% in June.",
     "2024-07-14", "3%", "in May", ("2024-05-01", "2024-05-31")),
    ("trap-figure-in-aside", "The dam, built for $90 million, will open in 2026.",
     "2024-03-14", "$90 million", None, None),
    # "since" after a superlative or "than" qualifies a record; a figure's own "since" does not.
    ("trap-record-highest", "Inflation hit 9%, the highest since 1982.",
     "2024-03-14", "9%", None, None),
    ("trap-record-first-time", "The index closed above 5,000 for the first time since 2021.",
     "2024-03-14", "above 5,000", None, None),
    ("trap-record-than", "Turnout was 71%, higher than in any vote since 1992.",
     "2024-03-14", "71%", None, None),
    ("own-since-after-more-than", "Shares have risen more than 40% since 2019.",
     "2024-03-14", "more than 40%", "since 2019", ("2019-01-01", "2024-03-14")),
    ("own-since-after-forest", "Half the rainforest, 30%, has been cleared since 1990.",
     "2024-03-14", "30%", "since 1990", ("1990-01-01", "2024-03-14")),
    # Each figure its own time; one time serves a figure without one when it is the only one.
    ("two-figures-two-times", "The council approved 300 permits in 2022 and 410 permits in 2023.",
     "2024-03-14", "300", "in 2022", ("2022-01-01", "2022-12-31")),
    ("two-figures-two-times-second", "The council approved 300 permits in 2022 and 410 permits "
     "in 2023.", "2024-03-14", "410", "in 2023", ("2023-01-01", "2023-12-31")),
    ("time-after-another-figure", "The rate rose to 5% from 4% in 2021.",
     "2024-03-14", "5%", None, None),
    ("one-time-for-two", "Rain fell to 3 mm overnight, and 40 flights were cancelled.",
     "2024-03-14", "40", "overnight", ("2024-03-13", "2024-03-14")),
    ("clause-divide", "A year ago the club had 300 members; today it has 450.",
     "2024-03-14", "300", "A year ago", ("2023-01-01", "2023-12-31")),
    ("clause-divide-second", "A year ago the club had 300 members; today it has 450.",
     "2024-03-14", "450", "today", ("2024-03-14", "2024-03-14")),
    # Comparison bases: the earlier figure's, counted back from the time they are anchored to.
    ("anchored-month", "Orders fell to 820 in May from 900 a month earlier.",
     "2024-07-14", "900", "a month earlier", ("2024-04-01", "2024-04-30")),
    ("anchored-week-before", "Cases rose to 40 last week from 25 the week before.",
     "2024-07-17", "25", "the week before", ("2024-07-01", "2024-07-07")),
    ("anchored-year-before", "Output was 9.1 tonnes in 2023, against 8.4 tonnes the year before.",
     "2024-07-17", "8.4 tonnes", "the year before", ("2022-01-01", "2022-12-31")),
    ("anchored-same-period", "Thefts fell to 700 in the first quarter from 760 in the same period "
     "of 2023.", "2024-05-17", "760", "in the same period of 2023", ("2023-01-01", "2023-03-31")),
    ("anchored-same-month-last-year", "Visitors reached 2,100 in June, up from 1,800 in the same "
     "month last year.", "2024-07-17", "1,800", "in the same month last year",
     ("2023-06-01", "2023-06-30")),
    ("trap-same-time-is-no-base", "At the same time, the firm cut its debt from $90 million.",
     "2024-03-18", "$90 million", None, None),
    ("trap-change-takes-current", "Profit rose 12% in the second quarter from a year earlier.",
     "2024-08-17", "12%", "in the second quarter", ("2024-04-01", "2024-06-30")),
    ("trap-change-on-month", "Arrests reached 510 in April, a 9% rise on March.",
     "2024-05-17", "9%", "in April", ("2024-04-01", "2024-04-30")),
    ("trap-change-than-last-season", "The crowd on Saturday was 31,000, about 2,000 more than "
     "last season.", "2024-03-18", "about 2,000", "on Saturday", ("2024-03-16", "2024-03-16")),
    ("change-amount-takes-level-time", "Revenue rose 8% to $4.1bn in the quarter.",
     "2024-03-18", "8%", "in the quarter", None),
    ("trap-no-anchor-no-time", "Rents were 6% higher than a year earlier.",
     "2024-03-18", "6%", None, None),
    # Durations: a claim inside a span of time is not dated; the figure takes the whole span.
    ("past-hours", "In the past 48 hours, 19 people have been rescued.",
     "2024-03-18", "19", "In the past 48 hours", ("2024-03-16", "2024-03-18")),
    ("trap-past-hours-duration", "In the past 48 hours, 19 people have been rescued.",
     "2024-03-18", "48 hours", None, None),
    ("past-months-same-day", "Rents rose 7% over the past 6 months.",
     "2024-08-31", "7%", "over the past 6 months", ("2024-02-29", "2024-08-31")),
    ("years-ago", "Three years ago the firm employed 80 staff.",
     "2024-03-18", "80", "Three years ago", ("2021-01-01", "2021-12-31")),
    ("days-ago", "Prices peaked at $95 two days ago.",
     "2024-03-18", "$95", "two days ago", ("2024-03-16", "2024-03-16")),
    ("trap-duration-within", "The bank said it would cut 500 jobs within three years.",
     "2024-03-18", "within three years", None, None),
    ("trap-duration-after", "Two days after the vote, 300 protesters gathered.",
     "2024-03-18", "Two days", None, None),
    ("trap-duration-record", "The storm on Friday was the worst in 30 years.",
     "2024-03-18", "30 years", None, None),
    ("result-duration-dated", "She ran the course in 2 hours 9 minutes on Sunday.",
     "2024-03-18", "2 hours 9 minutes", "on Sunday", ("2024-03-17", "2024-03-17")),
    # Spans that end at a date.
    ("year-to-month", "House prices rose 3.2% in the year to April.",
     "2024-06-18", "3.2%", "in the year to April", ("2023-05-01", "2024-04-30")),
    ("months-to-month", "Wages grew 5% in the three months to May.",
     "2024-06-18", "5%", "in the three months to May", ("2024-03-01", "2024-05-31")),
    ("week-ending-date", "Sales reached 9,000 units in the week ending March 10.",
     "2024-03-18", "9,000", "in the week ending March 10", ("2024-03-04", "2024-03-10")),
    ("fiscal-year-to", "For the financial year to June 2024, the club lost $30 million.",
     "2024-09-18", "$30 million", "For the financial year to June 2024",
     ("2023-07-01", "2024-06-30")),
    ("fiscal-year-unknown", "The group expects a profit of $2bn in fiscal 2025.",
     "2024-09-18", "$2bn", "in fiscal 2025", None),
    # Parts of a year.
    ("part-attributive", "Halden posted first-quarter sales of $800 million.",
     "2024-05-18", "$800 million", "first-quarter", ("2024-01-01", "2024-03-31")),
    ("part-letter", "Q2 revenue was $1.4bn.",
     "2024-08-18", "$1.4bn", "Q2", ("2024-04-01", "2024-06-30")),
    ("part-final-of-last-year", "GDP grew 0.4% in the final quarter of last year.",
     "2024-03-18", "0.4%", "in the final quarter of last year", ("2023-10-01", "2023-12-31")),
    ("part-months-of-year", "Exports fell 2% in the first six months of the year.",
     "2024-08-18", "2%", "in the first six months of the year", ("2024-01-01", "2024-06-30")),
    ("part-months-duration", "Exports fell 2% in the first six months of the year.",
     "2024-08-18", "six months", None, None),
    ("trap-match-half", "Okafor scored 2 goals in the second half.",
     "2024-08-18", "2", "in the second half", None),
    ("year-thirds", "The plant will employ 600 people by late 2025.",
     "2024-08-18", "600", "by late 2025", ("2024-08-18", "2025-12-31")),
    ("end-of-year-deadline", "The jobless rate will reach 6% by the end of the year.",
     "2024-08-18", "6%", "by the end of the year", ("2024-08-18", "2024-12-31")),
    ("end-of-past-year", "At the end of 2023, the fund held $3 billion.",
     "2024-08-18", "$3 billion", "At the end of 2023", ("2023-12-31", "2023-12-31")),
    # Events and vague spans: the text is kept, the days are not known.
    ("event-during", "During the lockdown, online sales rose 40%.",
     "2024-08-18", "40%", "During the lockdown", None),
    ("since-event-with-date", "The club has sold 12 players since the owner arrived in 2022.",
     "2024-08-18", "12", "since the owner arrived in 2022", ("2022-01-01", "2024-08-18")),
    ("vague-recent", "Fraud has cost banks $4 billion in recent years.",
     "2024-08-18", "$4 billion", "in recent years", None),
    ("vague-recently-weak", "Petrol prices recently hit $2 a litre.",
     "2024-08-18", "$2 a litre", "recently", None),
    ("trap-recently-other-clause", "The shop opened recently, and 300 people queued on Sunday.",
     "2024-08-18", "300", "on Sunday", ("2024-08-18", "2024-08-18")),
    # The tense of a time's own clause: past in one, ahead in the other.
    ("tense-past-clause", "Rain reached 30 mm on Monday and will top 50 mm by Friday.",
     "2024-08-14", "30 mm", "on Monday", ("2024-08-12", "2024-08-12")),
    ("tense-future-clause", "Rain reached 30 mm on Monday and will top 50 mm by Friday.",
     "2024-08-14", "50 mm", "by Friday", ("2024-08-14", "2024-08-16")),
    ("tense-fronted", "In November, the board expects 1,500 applications.",
     "2024-08-14", "1,500", "In November", ("2024-11-01", "2024-11-30")),
    ("tense-season-ahead", "The clinic will hire 20 nurses in the spring.",
     "2024-08-14", "20", "in the spring", ("2025-03-01", "2025-05-31")),
    ("by-past-is-as-of", "By Tuesday evening, 90 flights had been cancelled.",
     "2024-08-14", "90", "By Tuesday evening", ("2024-08-13", "2024-08-13")),
    ("by-morning-ahead", "Up to 20 cm of snow could fall by morning.",
     "2024-08-14", "Up to 20 cm", "by morning", ("2024-08-14", "2024-08-15")),
    # "now", datelines, questions, ages, a month as a subject.
    ("now-weak", "The team now has 14 players.",
     "2024-08-14", "14", "now", ("2024-08-14", "2024-08-14")),
    ("trap-now-in-aside", "The mayor, now retired, says 40 homes were lost.",
     "2024-08-14", "40", None, None),
    ("trap-forecast-is-no-statement", "Next year, analysts expect 2% growth.",
     "2024-08-14", "2%", "Next year", ("2025-01-01", "2025-12-31")),
    ("trap-dateline", "OSLO, 12 May (Reuters) — The krone fell 1.1% against the euro.",
     "2024-05-12", "1.1%", None, None),
    ("trap-how-many", "How many of the 90 stations will still run in the winter?",
     "2024-05-12", "90", None, None),
    ("trap-age-aside", "A woman, 58, was fined $400 on Monday.",
     "2024-05-15", "58", None, None),
    ("month-as-subject", "April was 1.3C warmer than average.",
     "2024-05-15", "1.3C", "April", ("2024-04-01", "2024-04-30")),
    ("trap-month-not-subject", "May Davies scored 21 points.",
     "2024-05-15", "21", None, None),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "reference", "claim", "expected", "days"),
    [pytest.param(*row[1:], id=row[0]) for row in ROWS],
)
def test_time(text, reference, claim, expected, days):
    found = {c.text: c for c in extract(text, reference_date=reference)}
    assert claim in found, sorted(found)
    time = found[claim].time
    assert (time and time.text) == expected
    if time is not None:
        resolved = time.resolved and (time.resolved.start, time.resolved.end)
        assert resolved == days


def test_every_row_id_is_new():
    assert len({row[0] for row in ROWS}) == len(ROWS)
