"""Word-level tests on single lower-case words, read from the tables in ``english``.

They sit apart from the readers so that any module may ask "is this a plural noun?" without
importing a reader (which once made an import cycle through ``capital_m``).
"""

from __future__ import annotations

from .english.common import IRREGULAR_PLURALS, NOT_PLURALS


def is_plural_noun(word: str) -> bool:
    """Guess whether a lower-case word is a plural noun ("homes", "people")."""
    if word in IRREGULAR_PLURALS:
        return True
    return (
        len(word) > 3
        and word.endswith("s")
        and not word.endswith(("ss", "us", "is", "'s", "’s"))
        and word not in NOT_PLURALS
    )


def is_acronym_plural(word: str) -> bool:
    """Tell whether a word as written is an acronym's plural: "TDs", "MPs", "SUVs" (not "Ms")."""
    return len(word) > 2 and word[-1] == "s" and word[:-1].isupper() and word[:-1].isalpha()
