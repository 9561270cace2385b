"""Words around a unit: what makes a glued letter a metre, a degree a temperature, a number a name.

The unit readers (``unit_reading``, ``numerals``, ``capital_m``, ``quantities``) read with these
tables; the units themselves are quantulum3's (see ``units``). Some rows can never match (see
``METRE_CONTEXT`` and ``AGE_ABBREVIATIONS``): they are kept as they were, to be fixed on purpose.
"""

from __future__ import annotations

from typing import Final

# Race distances: a glued "m" or "M" after them is a metre ("the 400m", "100M hurdles").
RACE_DISTANCES: Final = frozenset({"50", "60", "100", "110", "200", "400", "800", "1500", "3000"})
# The words of a race: a capital "M" before them is a metre ("400M hurdles").
RACE_WORDS: Final = frozenset(
    "hurdles sprints relays finals heats medals records metres meters laps".split()
)
# Context that keeps a glued "m" metres: race words and words of height and depth.
METRE_CONTEXT: Final = frozenset(
    """
    tall high long wide deep away above below sprint race hurdles freestyle backstroke
    breaststroke butterfly dash relay final finals record jump drop fall waves wave
    underground depth deep-sea high-rise tower ladder
    """.split()
)  # "deep-sea" and "high-rise" are three tokens each: looked up as one, they never match
# Nouns of money after "a 30m": the glued "m" is a million ("a 30m deal"); before another
# singular noun, after an article, a small number is metres ("a 3m wall", "a 10m crane").
MONEY_NOUNS: Final = frozenset(
    """
    deal contract fine loan budget bid investment payout bonus salary fee grant sale profit
    loss debt fund package settlement transfer move stake donation prize bill payment increase
    rise boost cut shortfall deficit surplus takeover valuation revenue turnover
    """.split()
)
# The largest number an article's glued "m" before a singular noun is read as metres.
ARTICLE_METRES_BELOW: Final = 100
# Verbs right after a glued "m": "1m is" is a metre, "232.2m was" a million when ten or more.
COPULAS: Final = frozenset({"is", "isn't", "was", "wasn't"})
# Words ending in "s" that are verbs after a company name ("10M says", "3M plans").
COMPANY_VERBS: Final = frozenset("says reports plans expects sees makes wants adds".split())

# Words that make a bare "degrees" a temperature.
TEMPERATURE_WORDS: Final = frozenset(
    """
    temperature temperatures thermostat hot heat heatwave cold colder warm warmer weather
    forecast boils boil freezes freezing fever celsius fahrenheit high highs low lows
    thermometer mercury degrees oven chill warming sweltered sweltering scorching shade
    heatwaves hotter hottest coldest chilly frost frosty snow humid balmy sunshine thermometers
    """.split()
)
# How many tokens before and after a bare degree the weather words are looked for.
TEMPERATURE_REACH_BEFORE: Final = 10
TEMPERATURE_REACH_AFTER: Final = 5
# Scale names that make a bare degree before them a temperature on that scale ("−459.67° on
# the Fahrenheit scale"), looked for over a few words, not past a clause's end.
TEMPERATURE_SCALES: Final = {"fahrenheit": "degree fahrenheit", "celsius": "degree Celsius"}
# Words near "13F" or "10C" that make it a regulatory form, not a temperature.
FILING_WORDS: Final = frozenset("file files filed filing filings filer filers".split())
# Nouns right after "13F" that make it a form's name: "a 13F form" (not "ice forms at 0C").
FORM_NOUNS: Final = frozenset({"form", "forms", *FILING_WORDS})

# Words that make a number an age without "years": "aged 65", "age 87".
AGE_WORDS: Final = frozenset({"aged", "age"})
# Abbreviations of "years old" after the number: "an 87 yo man".
AGE_ABBREVIATIONS: Final = frozenset({"yo", "y/o"})  # "y/o" is three tokens: it never matches
# Words after a length unit that raise it to a power: "10 km squared".
POWER_WORDS: Final = {"squared": 2, "cubed": 3}
# Words between two units that make a rate: "km per hour", "miles an hour".
RATE_WORDS: Final = frozenset({"per", "an", "a"})
# Words after a spaced single-letter unit that keep it one: "4 L of wine", "2 m x 3 m".
LETTER_FOLLOWERS: Final = frozenset({"of", "x", "by"})

# Capitalised words after a number that make it a model's name, even before a plural noun:
# "the 737 Max jets", "the 15 Pro phones" (not "460 Kia and Hyundai vehicles": a count).
MODEL_WORDS: Final = frozenset(
    "Max Pro Plus Ultra Mini Neo Lite Air Dreamliner Series Edition Classic".split()
)
# Words after a number that make it a code: "the 90210 postcode".
NAME_FOLLOWERS: Final = frozenset({"postcode", "postcodes", "zip", "zipcode", "code", "hotline"})
# Capitalised words after a number that do not make it a name: "5 May", "3 Monday".
CALENDAR: Final = frozenset(
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
)
