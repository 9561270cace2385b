"""Words around the noun phrases that name a speaker or what a figure measures.

Read by ``service/core/phrases.py``: a noun phrase is read word by word from its head, and these
tables say which words it may hold and which end it.
"""

from __future__ import annotations

# Determiners and possessives that open a noun phrase: "the death toll", "its revenue".
DETERMINERS = frozenset(
    "the a an its their his her our this that these those each every some any".split()
)
# Prepositions a noun phrase may hold between two of its words: "Shares in Norrow Foods",
# "Labour's lead over the Conservatives", "members of parliament".
INNER_PREPOSITIONS = frozenset({"of", "in", "for", "over", "on", "at", "from", "to"})
# Auxiliaries and adverbs between a subject and its verb: "has risen", "was cut", "also fell".
AUXILIARIES = frozenset(
    """
    has have had was were is are be been being will would could may might should can did does
    do also still already further now just then again not never
    """.split()
)
# Verbs that state a level rather than a change: "Turnout was 67%", "the bill came to $5m".
LEVEL_VERBS = frozenset(
    """
    was were is are be been stood stands reached reaches hit hits totalled totaled totals
    cost costs came comes amounted amounts numbered numbers topped tops peaked
    closed ended finished traded trades sat sits remained remains averaged averages
    measured measures weighed weighs ran runs won wins took takes recorded records reach
    total running standing trading hovering sitting
    """.split()
)
# Words between a level verb and its figure: "hit a record $2,400", "stood at a new high of".
LEVEL_FILLERS = frozenset(
    {"to", "at", "by", "from", "of", "about", "around", "up", "down", "a", "an", "record", "new"}
)
# Count words that are units of a change, not what it measures: "slid 6 points".
CHANGE_UNITS = frozenset({"points", "point", "places", "notches", "spots", "pence", "cents"})
