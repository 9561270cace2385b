"""Words that attribute a figure to a speaker: "said", "according to", "told reporters".

See ``service/core/sources.py`` for how the speaker is found around them.
"""

from __future__ import annotations

from typing import Final

# Reporting verbs: the speaker stands before ("the ministry said") or after ("said the
# ministry") them.
REPORTING_VERBS: Final = frozenset(
    """
    said says say estimated estimate reported announced announces stated claimed added adds
    noted wrote writes warned warns predicted predicts forecast projected confirmed confirms
    told tells reckoned reckons calculated counted believes believed insisted insists argued
    argues explained explains acknowledged admitted revealed disclosed put expects expected
    found finds showed promised promises
    """.split()
)
# Reporting verbs of a forecast: a time before them is the forecast's ("In November, the board
# expects 1,500 applications"), not the statement's.
FORECAST_VERBS: Final = frozenset(
    "expects expect expected forecast forecasts predicted predicts projected projects".split()
)
# Reporting verbs that are also everyday verbs ("added 200,000 jobs", "found 3 bodies"): they
# attribute only before "that", a quote or a comma.
CLAUSE_VERBS: Final = frozenset({"added", "adds", "found", "finds", "put", "counted"})
# Speakers that find and show figures: "a survey by Graywood University found 35% of …".
FINDING_NOUNS: Final = frozenset(
    """
    study studies survey surveys report reports analysis poll polls research review audit
    census data figures statistics estimate estimates paper trial trials
    """.split()
)
# Objects that a reporting verb takes before its clause: "told reporters", "told the BBC".
TOLD_OBJECTS: Final = frozenset({"reporters", "journalists"})
# Prepositions a speaker's phrase may hold: "a study by the Marlow Institute", "figures from the
# Interior Department", "Kofi Asante of the transport agency".
SPEAKER_JOINS: Final = ("of", "for", "by", "from", "at")
# Auxiliaries after "it" that make a reporting verb passive, with no speaker: "It was reported".
PASSIVE_AUXILIARIES: Final = frozenset({"is", "was", "were", "are", "been", "be"})
# Pronouns that are speakers: "he said", "they estimated".
SPEAKER_PRONOUNS: Final = frozenset({"he", "she", "they", "it", "we", "i"})
