"""Words that make a number a name or a result: "Article 5", "won 3-1"."""

from __future__ import annotations

from typing import Final

# Nouns that name something by number: "Article 5", "room 101", "Boeing 737".
IDENTIFIER_NOUNS: Final = frozenset(
    """
    article articles gate room rooms section sections chapter chapters page pages line lines
    platform terminal flight route highway interstate exit lane bus track tracks episode season
    series volume vol no nos number version level phase stage grade class category type model
    mark apollo boeing airbus windows iphone ipad galaxy pixel python java playstation xbox
    formula war rule rules clause paragraph amendment proposition resolution psalm channel
    district ward zone block unit apartment apt suite floor pier berth dock bay precinct
    appendix annex exhibit squad regiment battalion brigade corps fleet division studio row seat
    covid sars mers hiv code zip postcode junction junctions gates districts terminals
    platforms stages phases zones flights routes wards lanes exits grades floors blocks
    episodes seats
    """.split()
)

# Words near a hyphenated pair of small numbers that make it a score, not a range. Each is one
# token: the tokeniser reads "win-loss" as "win", "-", "loss".
SCORE_WORDS: Final = frozenset(
    """
    won win wins beat beats beaten lost lose loses defeat defeated defeats victory draw drew
    drawn lead led leads trailed trail score scored scoreline match game final tie
    vote votes voted ruling majority decision
    """.split()
)

# Abbreviations before a dot and a number that name by number: "No. 5", "Vol. 3", "Art. 9".
NUMBERED_ABBREVIATIONS: Final = frozenset({"no", "nos", "vol", "art"})

# Verbs before a number that make it a number to dial: "call 911", "text 85258".
DIAL_WORDS: Final = frozenset({"call", "dial", "phone", "text"})

# Stock indexes whose number is part of the name, matched in lower case so that "Stoxx 50" at
# a sentence's start and copy in lower case ("the ftse 100", "the sp 500") are read alike;
# "s&p" is three tokens, its "p" after "s&" is checked apart.
INDEX_NAMES: Final = frozenset(
    "stoxx ftse nikkei dax cac nasdaq asx nifty sensex kospi topix hsi sp russell msci".split()
)

# Street words that end an address after a number: "9 E 71st St", "120 W. 45th Street".
STREET_WORDS: Final = frozenset(
    "St Street Ave Avenue Rd Road Blvd Boulevard Lane Ln Drive Dr Place Pl Square Sq Terrace "
    "Court Ct Hwy Highway Parkway Pkwy".split()
)
# Compass letters between the number and the street: "9 E 71st St", "120 W. 45th Street".
COMPASS_LETTERS: Final = frozenset("N S E W NE NW SE SW".split())
# How many tokens after the number the street word of an address may stand.
ADDRESS_REACH: Final = 6
# Marks after which a bracketed or closed number opens an item of a list: "(4) The last",
# "The plan: 1) cut costs; 2) hire".
LIST_OPENERS: Final = frozenset({".", "!", "?", ":", ";"})
# Words before a number that make "points" after it an index's unit: the index names and these
# ("the index closed at 4,512.3 points", "the Dow fell 350 points").
INDEX_WORDS: Final = INDEX_NAMES | {"index", "indices", "indexes", "dow", "benchmark"}
# The words of index points after a number.
POINT_WORDS: Final = frozenset({"points", "point", "pts"})
# How many tokens before the number an index word is looked for, within the sentence.
INDEX_REACH: Final = 12
# Words before "top" that make it a rank: "the top 5", "its top 10"; "Top 10" opening a
# sentence too. After a verb ("could top 5,000") it is the verb.
RANK_DETERMINERS: Final = frozenset("the a its their our his her my your".split())
