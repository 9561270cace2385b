"""Words around the noun phrases that name a speaker or what a figure measures.

Read by ``service/core/phrases.py``: a noun phrase is read word by word from its head, and these
tables say which words it may hold and which end it.
"""

from __future__ import annotations

from typing import Final

# Determiners and possessives that open a noun phrase: "the death toll", "its revenue".
DETERMINERS: Final = frozenset(
    "the a an its their his her our this that these those each every some any".split()
)
# Prepositions a noun phrase may hold between two of its words: "Shares in Norrow Foods",
# "Labour's lead over the Conservatives", "members of parliament", "Smoking rates among adults".
INNER_PREPOSITIONS: Final = frozenset(
    {"of", "in", "for", "over", "on", "at", "from", "to", "among"}
)
# Auxiliaries and adverbs between a subject and its verb: "has risen", "was cut", "also fell".
AUXILIARIES: Final = frozenset(
    """
    has have had was were is are be been being will would could may might should can did does
    do also still already further now just then again not never
    """.split()
)
# Verbs that state a level rather than a change: "Turnout was 67%", "the bill came to $5m".
LEVEL_VERBS: Final = frozenset(
    """
    was were is are be been stood stands reached reaches hit hits totalled totaled totals
    cost costs came comes amounted amounts numbered numbers topped tops peaked
    closed ended finished traded trades sat sits remained remains averaged averages
    measured measures weighed weighs ran runs won wins took takes recorded records reach
    total running standing trading hovering sitting priced valued stretched stretches spanned
    spans peak peaks close closes settled settle stand
    """.split()
)
# Words between a level verb and its figure: "hit a record $2,400", "stood at a new high of".
LEVEL_FILLERS: Final = frozenset(
    {"to", "at", "by", "from", "of", "about", "around", "up", "down", "a", "an", "record", "new"}
)
# Count words that are units of a change, not what it measures: "slid 6 points".
CHANGE_UNITS: Final = frozenset({"points", "point", "places", "notches", "spots", "pence", "cents"})

# --- What a figure measures (``service/core/subjects.py``) -------------------------------------

# Prepositions that open a complement saying which quantity a subject is: "Smoking rates among
# adults", "spending on schools"; read after a change noun's "in" ("a rise of $2bn in spending
# on schools") and in the phrase that a pronoun stands for ("Spending on defence goes up").
COMPLEMENT_JOINS: Final = ("of", "for", "on", "among")
# Prepositions that open an adjunct of place next to a subject, left out of it: "Average sea
# temperatures off the coast were 1.8C higher" (the temperatures, not the coast).
ADJUNCT_PREPOSITIONS: Final = frozenset(
    "off near across along around outside inside beyond throughout beside underneath".split()
)
# Verb forms that end a noun phrase though nothing marks them as verbs (no "-ed"): "The 10km
# race drew 3,000 runners", "Some 210mm of rain fell", "The gang stole jewellery worth £1.2m";
# "worth" ends the phrase of the thing valued ("400kg of cocaine worth $30m"). Past forms and
# verbs that are seldom nouns: not "cuts", "wins", "stores", "left", "used".
PHRASE_ENDING_VERBS: Final = frozenset(
    """
    drew drawn fell rose won lost took taken made came went gone held kept sold bought paid spent
    stole stolen gave brought caught ran found told said got grew sank shrank slid struck stood
    reached topped remained carried counted says comes goes gives brings grows seems remains
    stands looks appears becomes continues hit worth
    """.split()
)
# Words in "-ed" that are no verbs: "two hundred people", "the red zone".
NOT_VERBS: Final = frozenset(
    {"hundred", "red", "bed", "shed", "sacred", "naked", "kindred", "aged"}
)
# Auxiliaries and modals after which a word is a verb: "will stand", "can detect objects".
MODALS: Final = frozenset(
    """
    will would could can may might must shall should did does do has have had is are was were
    be been being
    """.split()
)
# Contractions of a pronoun and a verb: never a word of a noun phrase ("I'm 1.8m tall").
CONTRACTIONS: Final = frozenset(
    """
    i'm i’m it's it’s he's he’s she's she’s we're we’re they're they’re you're you’re that's
    that’s there's there’s
    """.split()
)
# Auxiliaries before a passive participle: "was raised to $6m" (the thing raised is named);
# before a figure, a copula: "a gross is 144".
BE_FORMS: Final = frozenset({"was", "were", "is", "are", "been", "be", "being"})
# Verbs of a duration spent on an action: "The bridge took 6 years to build".
TAKING_VERBS: Final = frozenset({"took", "take", "takes", "taking", "taken"})
# Words before a noun of ``LEVEL_NOUNS`` that make it one ("a peak of"), not a verb ("to peak").
LEVEL_NOUN_OPENERS: Final = frozenset({"a", "an", "the", "new", "record", "its", "their"})
# Adverbs that may stand between a level verb and its figure: "are now 12% below", "totalled
# just 80cm", "was only 3%", "were flat at 180,000", "stood unchanged at 5.25%".
LEVEL_ADVERBS: Final = frozenset(
    """
    now just only nearly almost roughly about around some still currently flat unchanged
    steady stable level barely well
    """.split()
)
# Nouns that name a level or a part, not a thing, before "of" and a figure: "fell to an average
# of 18,500", "a total of $5m", "a record of 9.58 seconds"; what the figure measures is elsewhere.
LEVEL_NOUNS: Final = frozenset(
    """
    average total sum high low record peak maximum minimum figure level tally count order part
    share portion half rest bulk
    """.split()
)  # and parts of a whole: "part of $1 billion", "of the order of 20 billion francs"
# Nouns of a reference that a percentage is taken against, not a whole it is a part of:
# "Rainfall was 38% of the average", "4.5% of GDP", "54% of capacity" (the rainfall, the deficit,
# the reservoirs); unlike "3% of voters", "58% of the vote".
BASELINE_NOUNS: Final = frozenset("average normal norm capacity gdp target peak usual mean".split())
# Adjectives after a measurement that make it a property of the noun before it: "Snow up to
# 30cm deep", "objects up to 13 billion light years away", "a crater 3 km wide".
MEASURE_ADJECTIVES: Final = frozenset(
    "deep wide long high tall thick away across big large heavy old thin".split()
)
# Verbs that set a quantity, named by their object, at a level: "held its main rate at 5.25%",
# "will freeze fuel prices at 150 cents a litre", "valuing the firm at $2.3bn".
SETTING_VERBS: Final = frozenset(
    """
    held hold holds holding kept keep keeps keeping set sets setting capped cap caps capping
    froze freeze freezes freezing frozen fixed fix fixes fixing valued value values valuing
    pegged peg pegs put puts putting left leave leaves priced price prices pricing
    """.split()
)
# Verbs by which an agent moves money: the money has no subject unless a noun names it ("The
# senator's campaign raised $2.1m", "The fraudster took $3.4m", "The government borrowed
# £14.2bn"); but "The mission will cost $1.4bn", and the passive "was raised to $6m".
AGENT_MONEY_VERBS: Final = frozenset(
    """
    raised raise raises raising spent spend spends spending paid pay pays paying stole steal
    steals took take takes taking borrowed borrow borrows borrowing donated donate donates gave
    give gives collected collect collects lent lend lends embezzled pledged pledge pledges
    invested invest invests received receive receives
    """.split()
)
# Words before a figure that make it a distance from a thing, not a measure of one: "came
# within 6,200 km of the surface".
DISTANCE_WORDS: Final = frozenset({"within"})
# Words before "to" that give the verb after it the clause's subject: "rose 2 metres and is
# expected to peak at 5.6 metres" (the river peaks).
RAISING_WORDS: Final = frozenset(
    "expected likely set due forecast projected predicted going seen thought able".split()
)
# Words that join a second clause whose subject is the first one's: "and is expected to peak".
COORDINATORS: Final = frozenset({"and", "but", "then", "or", ","})
# Adverbs set off by commas between a subject and its verb: "Robberies, however, fell by 12%".
PARENTHETICAL_ADVERBS: Final = frozenset(
    "however though meanwhile too also instead overall moreover nonetheless".split()
)
# Pronouns that stand for a noun phrase met before, by number: "It shed 6%" (one thing), "They
# fell 3%" (several); "That was 2,300 fewer" stands for an earlier figure's thing. "There" in
# "There were 48,000" is no pronoun, but the count's noun is still met before (several).
SINGULAR_PRONOUNS: Final = frozenset({"it", "this", "that"})
PLURAL_PRONOUNS: Final = frozenset({"they", "these", "those", "there"})
# Pronouns after "N of" that stand for the counted thing before: "14 people, 3 of whom",
# "a third of them", "22 ministers, 9 of them women".
PARTITIVE_PRONOUNS: Final = frozenset({"them", "whom", "those", "these", "which"})
# Participles after "with N" that elide the counted noun of the clause: "Measles cases hit
# their highest level, with 1,200 reported"; "Flights were disrupted, with 40 cancelled".
ABSOLUTE_PARTICIPLES: Final = frozenset(
    """
    reported recorded confirmed registered counted cancelled delayed killed injured hurt
    missing destroyed damaged arrested charged detained sold affected infected
    """.split()
)
