"""Words that state a change of a figure: "rose", "fell 3%", "a 3% fall", "up from 61.1%".

A change verb or noun gives the direction; the words around the figure give its role (the
amount of change, the earlier level, the new level): see ``service/core/changes.py``.
"""

from __future__ import annotations

from typing import Final

# Verbs (and the adverbs "up" and "down") that state a change, with its direction.
CHANGE_WORDS: Final[dict[str, str]] = {
    **dict.fromkeys(
        """
        rose rise rises rising risen increased increase increases increasing grew grow grows
        growing grown climbed climb climbs climbing jumped jump jumps jumping surged surge surges
        surging soared soar soars soaring gained gain gains gaining added adding rallied rally
        rallies advanced advances widened widens improved boosted boost boosts raised raise
        raises lifted lifts expanded expands doubled doubling tripled tripling quadrupled spiked
        double doubles triple triples thickened thickens thickening recovered recover recovers
        recovering rebounded rebound rebounds rebounding
        up
        """.split(),
        "up",
    ),
    **dict.fromkeys(
        """
        fell fall falls falling fallen dropped drop drops dropping declined decline declines
        declining slid slide slides sliding slipped slip slips slipping tumbled tumbles plunged
        plunges plunging sank sinks shed sheds shedding lost loses losing decreased decrease
        decreases decreasing shrank shrinks shrinking shrunk contracted contracts eased eases
        dipped dips cut cuts cutting reduce reduced reduces reducing lowered lowers slashed
        slashes trimmed trims narrowed narrows halved halving halve halves slowed slows slowing
        thinned thins thinning down
        """.split(),
        "down",
    ),
}

# Nouns that state a change: "a 3% fall", "an increase of $2bn", "a rise of 3% in sales".
CHANGE_NOUNS: Final[dict[str, str]] = {
    **dict.fromkeys(
        "rise rises increase increases gain gains jump jumps surge growth climb hike hikes".split(),
        "up",
    ),
    **dict.fromkeys(
        """
        fall falls drop drops decline declines decrease decreases cut cuts reduction reductions
        loss losses slump plunge contraction
        """.split(),
        "down",
    ),
}

# Comparatives after an amount of change: "closed 3% higher", "2 points lower".
CHANGE_COMPARATIVES: Final[dict[str, str]] = {
    "higher": "up",
    "lower": "down",
    "more": "up",
    "less": "down",
}


# Words that may stand between a change verb and its amount: "rose sharply by 3%"; the
# adverbs are listed, not guessed from "-ly" ("Italy", "supply" are none).
CHANGE_ADVERBS: Final = frozenset(
    """
    sharply slightly steeply modestly about around nearly almost roughly some markedly
    significantly dramatically rapidly steadily marginally broadly largely only also further
    again already strongly slowly quickly gradually
    """.split()
)

# Verbs of change with no direction of their own: "went from 4 seats to 11" (from the values).
NEUTRAL_CHANGE_VERBS: Final = frozenset(
    {"went", "change", "changed", "moved", "shifted", "swung", "edged"}
)
# Every verb of change, with a direction or none: after one, "from 4.1% to 4.4%" and "by 50,000
# to 1.35 million" state two figures (a change and a level), not a range (``rules._change``).
CHANGE_VERBS: Final = frozenset(CHANGE_WORDS) | NEUTRAL_CHANGE_VERBS
# Verbs before "up" or "down" that make it a particle, not a change: "shot down", "set up".
PARTICLE_VERBS: Final = frozenset(
    """
    shot came come comes walked went set sets cut broke turned put took brought shut knocked
    pulled stepped backed ran run locked called picked signed wound washed burned burnt made
    make makes rounded snapped racked gave give gives ended end ends
    """.split()
)
# Bound words that place a level a change crossed, not its amount: "fell below $70", "rose above
# 5%" (but "rose more than 5%" is an amount).
CROSSING_BOUNDS: Final = frozenset({"below", "above", "beneath"})
# Verbs before "by" whose amount is a margin, not a change: "lost by 12 points".
MARGIN_VERBS: Final = frozenset(
    {"lost", "won", "led", "trailed", "beat", "passed", "leads", "wins"}
)
# Change verbs that, before an amount of money, state a sum and not a change: "raised $5m".
SUM_VERBS: Final = frozenset({"raised", "raises", "raise", "lost", "loses", "gained", "added"})
# The past forms among them: after one, "by" states an amount ("fell by 2150 last week"), where
# after "will rise by" it may state a deadline ("by 2120").
CHANGE_PAST: Final = frozenset(word for word in CHANGE_VERBS if word.endswith("ed")) | frozenset(
    "rose fell grew sank shrank slid shed lost cut went".split()
)
