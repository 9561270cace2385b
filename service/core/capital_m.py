"""A capital "M" after digits as million: "10M users", "I can give you 10M.", "1,674,200.5 M".

Headlines and tech copy write "10M users" and "$5M"; but "3M" is also a company ("3M said on
Tuesday"), "M" is a wrongly capitalised metre ("the 400M hurdles") and a model suffix ("the
Redmi 10M"). So the letter is a million only where nothing else reads it:

- after a currency sign ("$10M", read with the other currency scales), or
- glued to the digits and followed by the end, punctuation or a lower-case plural noun
  ("10M users", "10M."), never "3M" (the company: "3M shares", "sued 3M."), never a race
  distance unless a plural noun follows ("the 100M." but "100M users"), never a plural noun of
  a race ("400M hurdles") or a verb ("10M says"), never after a capitalised name ("Redmi 10M");
- spaced by one blank only at the end or before punctuation ("1,674,200.5 M.").

A capital "B" is a billion on the same terms, but only before a lower-case plural noun,
glued or one blank apart ("2.5B users", "8 B people"): "Plan B", "a 4B pencil", "Block 8 B"
and "class 10 B" name something. "G" stays no scale: "4G", "5G" and "10G" are network
generations in news.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from .english.common import STOPWORDS
from .english.names import IDENTIFIER_NOUNS
from .english.units import COMPANY_VERBS, RACE_DISTANCES, RACE_WORDS
from .words import is_plural_noun

if TYPE_CHECKING:
    from .context import Context

# Punctuation after which "10M" has ended.
_CLOSERS: Final = frozenset(".,;:!?)]\"'”’…")


def capital_m_is_million(ctx: Context, j: int) -> bool:
    """Tell whether the capital "M" at token ``j`` multiplies the digits before it by a million.

    The currency case ("$10M") is decided by the caller; this is the rule without a currency.
    """
    text, tokens = ctx.text, ctx.tokens
    number = tokens[j - 1]
    if number.kind != "n":
        return False
    glued = tokens[j].start == number.end
    if not glued and not (tokens[j].start - number.end == 1 and text[number.end] == " "):
        return False
    if glued and number.text == "3":
        return False  # "3M": the company
    if _after_name(ctx, j - 1):
        return False  # "Redmi 10M", "Galaxy A 10M"
    nxt = tokens[j + 1] if j + 1 < len(tokens) else None
    if nxt is None:
        return number.text not in RACE_DISTANCES
    if nxt.text in _CLOSERS and nxt.kind == "s":
        if nxt.text in ".," and j + 2 < len(tokens) and tokens[j + 2].start == nxt.end:
            return False  # "10M.jpg", "10M,5": a name or a code goes on
        return number.text not in RACE_DISTANCES
    if not glued or nxt.start - tokens[j].end != 1 or nxt.kind != "w":
        return False
    word = nxt.text
    return (
        word.islower()
        and is_plural_noun(word)
        and word not in RACE_WORDS
        and word not in COMPANY_VERBS
    )


def capital_b_is_billion(ctx: Context, j: int) -> bool:
    """Tell whether the capital "B" at token ``j`` makes the digits before it billions.

    Only before a lower-case plural noun, one blank after the "B", and never after a name or a
    naming noun ("Block 8 B residents", "class 10 B students").
    """
    text, tokens = ctx.text, ctx.tokens
    number = tokens[j - 1]
    if number.kind != "n" or j + 1 >= len(tokens):
        return False
    glued = tokens[j].start == number.end
    if not glued and not (tokens[j].start - number.end == 1 and text[number.end] == " "):
        return False
    if _after_name(ctx, j - 1) or (j > 1 and tokens[j - 2].lower in IDENTIFIER_NOUNS):
        return False
    nxt = tokens[j + 1]
    if nxt.kind != "w" or nxt.start - tokens[j].end != 1 or not nxt.text.islower():
        return False
    return is_plural_noun(nxt.text) and nxt.text not in COMPANY_VERBS


def _after_name(ctx: Context, i: int) -> bool:
    """Tell whether a capitalised word that does not open the sentence stands before token i."""
    tokens = ctx.tokens
    k = i - 1
    if k < 0 or tokens[i].start - tokens[k].end != 1 or tokens[k].kind != "w":
        return False
    word = tokens[k].text
    if not word[:1].isupper() or word.lower() in STOPWORDS:
        return False
    return k > 0 and tokens[k - 1].text not in '.!?"“”\n'
