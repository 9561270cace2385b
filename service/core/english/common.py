"""Common English words: stop words that end a search, plurals, marks that end a clause."""

from __future__ import annotations

from typing import Final

# Plural nouns without a final "s", and words ending in "s" that are not plurals.
IRREGULAR_PLURALS: Final = frozenset(
    """
    people children men women police staff personnel cattle sheep fish deer troops livestock
    militia youth clergy crew folk geese mice teeth feet aircraft swine offspring bacteria
    data media criteria phenomena fungi alumni larvae vertebrae salmon trout poultry
    """.split()
)

NOT_PLURALS: Final = frozenset(
    """
    is was has his this its us as thus news bus plus gas yes less unless across various
    previous famous serious numerous analysis basis crisis status virus series species campus
    bonus census process access business address always perhaps sometimes afterwards towards
    besides whereas nevertheless mass glass class pass boss loss miss cross press stress
    measles diabetes rabies mumps herpes
    """.split()
)

# Words that end a search for the counted thing.
STOPWORDS: Final = frozenset(
    """
    a an the of to in on at by for with from and or but nor as than that which who whom whose
    this these those it its is are was were be been being has have had do does did will would
    shall should can could may might must not no said says say per each every their his her
    our your my we they he she i you them him there here when where while if then so also
    more less fewer most least about around over under after before since until during into
    out up down off via including among between against without within across
    """.split()
)

# Marks that end a clause: the look-arounds that reach a few words do not cross them.
CLAUSE_MARKS: Final = frozenset(",;:.!?()")
