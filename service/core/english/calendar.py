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

# Minute words before "past" in a clock time in words: "half past six", "ten past 9",
# "twenty-five past seven" (the mask reaches back over "twenty-five" from "five"). Lower case;
# the masks match each capitalised too.
CLOCK_MINUTE_WORDS = ("quarter", "half", "ten", "five", "twenty")
