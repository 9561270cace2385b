"""The bound stage: the words that bound or hedge a figure ("more than", "or more", "estimated").

Each reader looks a few tokens to one side of a figure and returns how many tokens the bound
takes and what it says, or nothing; the claim rules (``rules.py``) decide what to do with it.
The phrases themselves are data (``english.bounds``).
"""

from __future__ import annotations

from typing import Final

from .context import Context
from .english.bounds import AFTER, BEFORE, BEFORE_HEADS, BEFORE_TAILS, HEDGE_VERBS, MAX_BEFORE
from .english.common import CLAUSE_MARKS
from .numbers import WORD_STARTERS, Token
from .quantities import Quantity
from .words import is_plural_noun

# What a bound phrase says: the relation it states and whether it hedges ("up to": at most, and
# approximate); with the number of tokens it takes.
Bound = tuple[int, tuple[str, bool]]

# Words after "or more than" or "or equal to" that point back to the number: "or more than that".
_THAN_PRONOUNS: Final = frozenset({"it", "that", "this", "them"})
# Nouns that "equal" qualifies rather than closing a bound: "or equal pay".
_EQUAL_NOUNS: Final = frozenset({"pay", "number", "amount", "share", "footing", "terms", "measure"})
# The first words of the AFTER phrases ("or more", "plus", "+").
_AFTER_OPENERS: Final = frozenset(phrase[0] for phrase in AFTER)
# Words before "over" that make "over 10 years" a bound ("jailed for over 10 years").
_BOUNDING_OVER: Final = frozenset({"for", "after", "of", "than", "by"})


def opens_number(token: Token) -> bool:
    """Tell whether a token can begin a number: digits, or a word like "seventy"."""
    return token.kind == "n" or (token.kind == "w" and token.lower in WORD_STARTERS)


def clause_ends(ctx: Context, k: int) -> bool:
    """Tell whether the clause ends before token ``k``: no token, or a clause mark."""
    return k >= len(ctx.tokens) or ctx.tokens[k].text in CLAUSE_MARKS


def bound_before(ctx: Context, first: int, floor: int) -> Bound | None:
    """Read the longest bound phrase right before token ``first``: "more than", "an estimated".

    Never reaches back past ``floor``, the first token no earlier claim took.
    """
    tokens = ctx.tokens
    best = None
    phrase: tuple[str, ...] = ()
    for size in range(1, min(MAX_BEFORE, first - floor) + 1):
        k = first - size
        phrase = (tokens[k].lower, *phrase)
        if phrase not in BEFORE_TAILS:
            break
        if not (ctx.spaced(k + 1) or ctx.attached(k + 1)):
            break
        if phrase in BEFORE:
            best = (size, BEFORE[phrase])
    return best


def bound_after(ctx: Context, last: int) -> Bound | None:
    """Read a bound phrase right after token ``last``: "or more", "-odd", "100+"."""
    tokens = ctx.tokens
    n = len(tokens)
    if last + 1 >= n or tokens[last + 1].lower not in _AFTER_OPENERS:
        return None  # the common case: no bound phrase opens with the next word
    best = None
    for size in (1, 2):
        if last + size >= n:
            break
        k = last + size
        if not (ctx.spaced(k) or ctx.attached(k)):
            break
        phrase = tuple(tokens[m].lower for m in range(last + 1, k + 1))
        if phrase in AFTER and (phrase != ("+",) or ctx.attached(k)):
            if _bounds_the_next(ctx, phrase, k):
                continue
            best = (size, AFTER[phrase])  # "+" counts only glued: "100+"
    return best


def _bounds_the_next(ctx: Context, phrase: tuple[str, ...], k: int) -> bool:
    """Tell whether the phrase ending at token ``k`` bounds the number after it instead.

    "3 plus 4" is a sum and "above 1000 and below 1500" bounds the next number; "200 or more
    than 190", "larger than 20 and less or equal than 35" give the next number its bound, but
    at a clause's end ("200 or greater than.") the bound is ours.
    """
    tokens = ctx.tokens
    follower = tokens[k + 1] if k + 1 < len(tokens) else None
    if follower is None:
        return False
    if opens_number(follower) and ctx.spaced(k + 1):
        return True
    return (
        (follower.lower == "than" or (phrase[-1], follower.lower) in BEFORE_HEADS)
        and not clause_ends(ctx, k + 2)
        and tokens[k + 2].lower not in _THAN_PRONOUNS
    )


def or_equal(ctx: Context, last: int) -> int:
    """Count the tokens of "or equal (to)" closing a strict bound: "less than 5000 or equal".

    Not before a number or a noun: "more than 10 or equal to 20" joins two figures, and
    "fewer than 50 or equal numbers", "or equal pay" say something else.
    """
    tokens = ctx.tokens
    n = len(tokens)
    if last + 2 >= n or tokens[last + 1].lower != "or" or tokens[last + 2].lower != "equal":
        return 0
    size = 3 if last + 3 < n and tokens[last + 3].lower == "to" else 2
    if not all(ctx.spaced(last + m) for m in range(1, size + 1)):
        return 0
    k = last + size + 1
    if clause_ends(ctx, k) or tokens[k].lower in _THAN_PRONOUNS:
        return size
    if opens_number(tokens[k]) or is_plural_noun(tokens[k].lower):
        return 0  # "or equal to 20", "or equal numbers of men"
    return size if tokens[k].lower not in _EQUAL_NOUNS else 0


def hedge_verb_before(ctx: Context, first: int) -> bool:
    """Tell whether "estimated (that)" stands a few words before, in the same clause."""
    tokens = ctx.tokens
    for k in range(first - 1, max(-1, first - 5), -1):
        tok = tokens[k]
        if tok.lower in HEDGE_VERBS:
            return True
        if tok.kind == "s" or tok.kind == "n":
            return False
    return False


def is_period(ctx: Context, q: Quantity, first: int, size: int) -> bool:
    """Tell "phased in over 10 years" (a period) from "jailed for over 10 years" (a bound)."""
    tokens = ctx.tokens
    if tokens[first - size].lower != "over" or q.unit is None or q.age:
        return False
    if q.unit.dimension != "time":
        return False
    k = first - size - 1
    return k < 0 or tokens[k].lower not in _BOUNDING_OVER
