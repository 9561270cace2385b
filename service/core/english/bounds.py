"""Phrases that bound or hedge a number, and the words that join two numbers.

Phrases are tuples of lower-case tokens, matched immediately before (or after) a number.
Keep in sync with the README's "Claim model" section, which documents these readings.
"""

from __future__ import annotations

from typing import Final

# Phrase before a number → (relation, approximate). Longest phrase wins.
BEFORE: Final[dict[tuple[str, ...], tuple[str, bool]]] = {
    ("more", "than"): ("more_than", False),
    ("over",): ("more_than", False),
    ("above",): ("more_than", False),
    ("exceeding",): ("more_than", False),
    ("in", "excess", "of"): ("more_than", False),
    ("upwards", "of"): ("more_than", False),
    ("upward", "of"): ("more_than", False),
    ("well", "over"): ("more_than", False),
    ("just", "over"): ("more_than", False),
    ("a", "little", "over"): ("more_than", False),
    ("well", "above"): ("more_than", False),
    ("at", "least"): ("at_least", False),
    ("no", "fewer", "than"): ("at_least", False),
    ("no", "less", "than"): ("at_least", False),
    ("not", "less", "than"): ("at_least", False),
    ("a", "minimum", "of"): ("at_least", False),
    ("fewer", "than"): ("less_than", False),
    ("less", "than"): ("less_than", False),
    ("under",): ("less_than", False),
    ("below",): ("less_than", False),
    ("just", "under"): ("less_than", False),
    ("just", "below"): ("less_than", False),
    ("well", "below"): ("less_than", False),
    ("well", "under"): ("less_than", False),
    ("up", "to"): ("at_most", True),
    ("as", "many", "as"): ("at_most", True),
    ("as", "much", "as"): ("at_most", True),
    ("no", "more", "than"): ("at_most", False),
    ("not", "more", "than"): ("at_most", False),
    ("at", "most"): ("at_most", False),
    ("a", "maximum", "of"): ("at_most", False),
    ("within",): ("at_most", False),  # "within 5 miles of the coast", "within 24 hours"
    ("about",): ("equal", True),
    ("around",): ("equal", True),
    ("roughly",): ("equal", True),
    ("approximately",): ("equal", True),
    ("approx",): ("equal", True),
    ("circa",): ("equal", True),
    ("some",): ("equal", True),
    ("nearly",): ("equal", True),
    ("almost",): ("equal", True),
    ("close", "to"): ("equal", True),
    ("an", "estimated"): ("equal", True),
    ("estimated", "at"): ("equal", True),
    ("an", "approximate"): ("equal", True),
    ("~",): ("equal", True),
    ("≈",): ("equal", True),
    ("more", "or", "less"): ("equal", True),
    ("over", "an", "estimated"): ("more_than", True),
    ("more", "than", "an", "estimated"): ("more_than", True),
    ("up", "to", "an", "estimated"): ("at_most", True),
    ("greater", "than"): ("more_than", False),
    ("larger", "than"): ("more_than", False),
    ("bigger", "than"): ("more_than", False),
    ("higher", "than"): ("more_than", False),
    ("exceed",): ("more_than", False),
    ("exceeds",): ("more_than", False),
    ("exceeded",): ("more_than", False),
    ("surpass",): ("more_than", False),
    ("surpassed",): ("more_than", False),
    ("surpassing",): ("more_than", False),
    ("topping",): ("more_than", False),
    ("smaller", "than"): ("less_than", False),
    ("lower", "than"): ("less_than", False),
    ("shy", "of"): ("less_than", False),
    ("greater", "than", "or", "equal", "to"): ("at_least", False),
    ("more", "than", "or", "equal", "to"): ("at_least", False),
    ("larger", "than", "or", "equal", "to"): ("at_least", False),
    ("greater", "or", "equal", "than"): ("at_least", False),
    ("greater", "or", "equal", "to"): ("at_least", False),
    ("higher", "or", "equal", "than"): ("at_least", False),
    ("bigger", "or", "equal", "than"): ("at_least", False),
    ("larger", "or", "equal", "than"): ("at_least", False),
    ("more", "or", "equal", "than"): ("at_least", False),
    ("equal", "to", "or", "more", "than"): ("at_least", False),
    ("equal", "to", "or", "greater", "than"): ("at_least", False),
    ("at", "least", "or", "equal", "to"): ("at_least", False),
    ("less", "than", "or", "equal", "to"): ("at_most", False),
    ("fewer", "than", "or", "equal", "to"): ("at_most", False),
    ("smaller", "than", "or", "equal", "to"): ("at_most", False),
    ("less", "or", "equal", "than"): ("at_most", False),
    ("less", "or", "equal", "to"): ("at_most", False),
    ("smaller", "or", "equal", "than"): ("at_most", False),
    ("lower", "or", "equal", "than"): ("at_most", False),
    ("equal", "to", "or", "less", "than"): ("at_most", False),
    ("equal", "to", "or", "smaller", "than"): ("at_most", False),
    ("equal", "to", "or", "fewer", "than"): ("at_most", False),
    ("at", "most", "or", "equal", "to"): ("at_most", False),
    (">", "="): ("at_least", False),
    ("=", ">"): ("at_least", False),
    ("<", "="): ("at_most", False),
    ("=", "<"): ("at_most", False),
    ("<",): ("less_than", False),
    (">",): ("more_than", False),
    ("≤",): ("at_most", False),
    ("≥",): ("at_least", False),
    # Glued with a hyphen: "sub-7 nanometre", "sub-$1,000 phones" (not "under-21": a team).
    ("sub", "-"): ("less_than", False),
}

MAX_BEFORE: Final = max(len(k) for k in BEFORE)

# Every tail of a BEFORE phrase: reading leftwards from a number, a phrase that is no tail of
# any entry can only grow into non-entries, so the search stops at once ("of 300" stops at "of").
BEFORE_TAILS: Final = frozenset(phrase[i:] for phrase in BEFORE for i in range(len(phrase)))

# Words glued by a hyphen to the figure they bound ("sub-7"): the hyphen makes no designation.
HYPHEN_BOUNDS: Final = frozenset(phrase[0] for phrase in BEFORE if phrase[1:] == ("-",))

# The last word of every BEFORE phrase: a figure after any other word has no bound before it.
BOUND_LAST_WORDS: Final = frozenset(phrase[-1] for phrase in BEFORE)
# The first two words of the longer BEFORE phrases: after "20 and less", an "or" that goes on
# to "or equal than 35" makes "less" the next number's bound.
BEFORE_HEADS: Final = frozenset(phrase[:2] for phrase in BEFORE if len(phrase) > 2)

# Phrase after a number (and its unit) → (relation, approximate).
AFTER: Final[dict[tuple[str, ...], tuple[str, bool]]] = {
    ("or", "more"): ("at_least", False),
    ("or", "above"): ("at_least", False),
    ("or", "over"): ("at_least", False),
    ("and", "above"): ("at_least", False),
    ("and", "over"): ("at_least", False),
    ("or", "greater"): ("at_least", False),
    ("or", "higher"): ("at_least", False),
    ("and", "more"): ("at_least", False),
    ("or", "larger"): ("at_least", False),
    ("or", "fewer"): ("at_most", False),
    ("or", "lower"): ("at_most", False),
    ("or", "smaller"): ("at_most", False),
    ("and", "less"): ("at_most", False),
    ("and", "below"): ("at_most", False),
    ("and", "under"): ("at_most", False),
    ("or", "below"): ("at_most", False),
    ("or", "less"): ("at_most", False),
    ("or", "under"): ("at_most", False),
    ("or", "so"): ("equal", True),
    ("-", "odd"): ("equal", True),
    ("-", "plus"): ("at_least", False),
    ("+",): ("at_least", False),
    ("plus",): ("at_least", False),
}

# Verbs that hedge a figure from a few words away: "estimated that 300 to 400 militants".
HEDGE_VERBS: Final = frozenset(
    "estimated estimates estimate estimating believed thought reckoned reckons guessed".split()
)

# Words that stand for a range connector between two numbers: "and" only after "between", "up"
# only as "from X up to Y", "or" only for neighbours ("three or four years"; see ``widen``).
RANGE_CONNECTORS: Final = frozenset(
    {"to", "-", "–", "—", "‐", "and", "through", "thru", "~", "or", "up"}
)

# Bound phrases before a bare four-digit number that make it a count, not a year: "more than
# 1500", "at least 2000 were killed", "some 1800". Left out: those that also bound or compare a
# year ("up to 2020", "about 2000", "around 1900", "circa 1500", "over 2020", "higher than
# 2019", "below 2019 levels", "surpassed 2019").
COUNTING_BOUNDS: Final = frozenset(
    {
        ("more", "than"), ("fewer", "than"), ("less", "than"), ("at", "least"), ("at", "most"),
        ("no", "more", "than"), ("not", "more", "than"), ("no", "fewer", "than"),
        ("no", "less", "than"), ("not", "less", "than"), ("as", "many", "as"),
        ("as", "much", "as"), ("upwards", "of"), ("upward", "of"), ("in", "excess", "of"),
        ("a", "minimum", "of"), ("a", "maximum", "of"), ("well", "over"), ("just", "over"),
        ("a", "little", "over"), ("just", "under"), ("well", "under"), ("some",), ("nearly",),
        ("almost",), ("roughly",), ("approximately",), ("approx",), ("close", "to"),
        ("an", "estimated"), ("estimated", "at"), ("an", "approximate"), ("more", "or", "less"),
        ("over", "an", "estimated"), ("more", "than", "an", "estimated"),
        ("up", "to", "an", "estimated"), ("~",), ("≈",), ("<",), (">",), ("≤",), ("≥",),
    }
)  # fmt: skip

# Prepositions before a bound that keep a four-digit number after it a year: "until at least
# 2025", "the worst since at least 1900". Not "by" ("fell by more than 2000") nor "from".
YEAR_BEFORE_BOUND: Final = frozenset("since until till through before after".split())

# Hedges that may stand before a range's second end: "between 2 l and about 7 l", "2 - ~7 g".
SECOND_END_HEDGES: Final = frozenset(
    {"about", "around", "roughly", "approximately", "nearly", "~", "≈"}
)
# The words that state a range's ends as alternatives: "three or four years".
ALTERNATIVE_CONNECTORS: Final = frozenset({"or"})
# A range of change ("fell by 1 to 1.5 degrees") has a second end at most this many times its
# first; beyond it the second is the new level ("fell by 12 to 3,350").
RANGE_OF_CHANGE_RATIO: Final = 3.0
