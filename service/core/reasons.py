"""Why a number is not a claim: the reason codes ``explain`` gives, each with what it means.

The codes are part of the API (``rejected[].reason``) and the README's table lists them; a test
keeps the two in step and checks that every code the pipeline gives is here.
"""

from __future__ import annotations

from typing import Final

REASONS: Final[dict[str, str]] = {
    "year": 'a year: "in 2019", "2019-20", "below 1990 levels"',
    "date": 'part of a date: "14 October 2017", "2017-10-14", "Friday 13", "June 2017"',
    "clock_time": 'a time of day: "9:30 p.m.", "0600 GMT", "10 o\'clock", "half past six"',
    "decade": 'a decade: "the 1990s", "the \'90s"',
    "phone": 'a telephone number: "212-555-1234", "+44 20 7946 0958"',
    "url": "part of a web address",
    "email": "part of an e-mail address",
    "ordinal": 'an ordinal: "14th", "the 21st"',
    "identifier": 'a number that names something: "Article 5", "Boeing 737", "COVID-19", "G20"',
    "code": 'digits with a leading zero: "0800", "007"',
    "name": 'part of a name: "7-Eleven", "9/11", "the Group of Seven", "ten-year bonds"',
    "score": 'a score or a tally: "won 3-1", "passed 218-214"',
    "pronoun_one": '"one" alone, a pronoun or an article: "one of them", "at one point"',
    "idiom": 'an idiom, no amount: "one day"',
    "condition": 'a condition, no amount: "<>30", "≠ 30%"',
    "malformed": 'digits that are not one finite number: "1,30", "1.2.3", 400 nines',
    "not_an_amount": "a numeral that no rule reads as an amount (the fallback: please report)",
}
