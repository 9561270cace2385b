"""Words that attribute a figure to a speaker: "said", "according to", "told reporters".

See ``service/core/frames/sources.py`` for how the speaker is found around them.
"""

from __future__ import annotations

# Reporting verbs: the speaker stands before ("the ministry said") or after ("said the
# ministry") them.
REPORTING_VERBS = frozenset(
    """
    said says say estimated estimates estimate reported reports announced announces stated
    states claimed claims added adds noted notes wrote writes warned warns predicted predicts
    forecast forecasts projected projects confirmed confirms told tells reckoned reckons
    calculated calculates counted believes believed insisted insists argued argues explained
    explains acknowledged admitted revealed disclosed put expects expected found finds showed
    shows promised promises
    """.split()
)
# Objects that a reporting verb takes before its clause: "told reporters", "told the BBC".
TOLD_OBJECTS = frozenset({"reporters", "journalists"})
# Phrases whose speaker follows them: "according to the health ministry".
ACCORDING_TO = ("according", "to")
# Prepositions a speaker's phrase may hold: "a study by the Marlow Institute", "figures from the
# Interior Department", "Kofi Asante of the transport agency".
SPEAKER_JOINS = ("of", "for", "by", "from", "at")
# Auxiliaries after "it" that make a reporting verb passive, with no speaker: "It was reported".
PASSIVE_AUXILIARIES = frozenset({"is", "was", "were", "are", "been", "be"})
# Words that may open a speaker's noun phrase, besides capitalised words.
SPEAKER_DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "one"})
# Pronouns that are speakers: "he said", "they estimated".
SPEAKER_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})
# Words that end a speaker's noun phrase when read leftwards from the verb.
SPEAKER_STOPS = frozenset(
    """
    that which who and but or as while when where if because after before since than then so
    also however said says
    """.split()
)
