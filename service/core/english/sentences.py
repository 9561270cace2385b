"""Where a sentence does not end: abbreviations, and the words that open a sentence after one.

Both tables are matched lower-cased, without the final full stop.
"""

from __future__ import annotations

from typing import Final

# Words that end with a full stop without ending the sentence (compared lower-cased, no dot).
ABBREVIATIONS: Final = frozenset(
    """
    mr mrs ms dr prof sr jr st mt gen col lt sgt capt cmdr adm gov sen rep rev hon pres
    co corp inc ltd bros dept univ assn est approx vs etc al fig figs no nos vol vols op
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    a.m p.m u.s u.k u.n e.g i.e a.d b.c ph.d u.s.a d.c
    """.split()
)

# After a dotted acronym ("U.S.", "p.m.") a sentence ends only if one of these words follows.
SENTENCE_OPENERS: Final = frozenset(
    """
    the a an in it he she they we i this that these those but and on at as for however there
    his her its their our my after before when while if since by with from to of
    """.split()
)
