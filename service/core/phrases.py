"""Noun phrases read from the tokens: the speaker of a figure, the thing it measures.

A phrase is read outwards from one end, word by word, and ends at punctuation, a number, a
calendar word or a word of ``english.common.STOPWORDS``; it may hold a preposition between
two of its words ("Shares in Norrow Foods") and opens with at most one determiner ("the").
Bounded by ``_REACH`` tokens, so the reading stays linear.
"""

from __future__ import annotations

from .context import Context
from .english.calendar import MONTHS, WEEKDAYS
from .english.common import STOPWORDS
from .english.phrases import DETERMINERS, INNER_PREPOSITIONS
from .model import Span
from .words import is_plural_noun

_REACH = 8  # words in one phrase at most
_STOPS = STOPWORDS - INNER_PREPOSITIONS - DETERMINERS


def _word_ok(ctx: Context, k: int) -> bool:
    """Tell whether token ``k`` may be a word of a noun phrase (not its determiner)."""
    if not 0 <= k < len(ctx.tokens):
        return False
    tok = ctx.tokens[k]
    if tok.kind != "w" or tok.lower in _STOPS or tok.lower in DETERMINERS:
        return False
    if tok.lower in INNER_PREPOSITIONS:
        return False  # a preposition joins two words of a phrase; it is none of them
    return tok.text not in MONTHS and tok.text not in WEEKDAYS


def before(
    ctx: Context, last: int, floor: int = 0, joins: frozenset[str] = INNER_PREPOSITIONS
) -> tuple[int, int] | None:
    """Return the first and last token of the noun phrase ending at token ``last``, or None.

    ``joins`` are the prepositions it may hold; a number may stand after "of" inside it ("A
    study of 12,000 adults").
    """
    if not _word_ok(ctx, last):
        return None
    tokens = ctx.tokens
    first = last
    k = last - 1
    while k >= floor and last - k < _REACH and ctx.spaced(k + 1):
        word = tokens[k].lower
        if _word_ok(ctx, k):
            first = k
        elif word in joins and k - 1 >= floor and _word_ok(ctx, k - 1) and ctx.spaced(k):
            first = k  # "lead over the Conservatives": the preposition joins two parts
        elif tokens[k].kind == "n" and k - 1 >= floor and tokens[k - 1].lower == "of":
            first = k  # "A study of 12,000 adults"
        elif word in DETERMINERS:
            first = k
            if not (word == "the" and k - 1 >= floor and tokens[k - 1].lower in joins):
                break
            # "members of the union": "the" inside the phrase, go on past "of"
        else:
            break
        k -= 1
    while tokens[first].lower in INNER_PREPOSITIONS or tokens[first].kind == "n":
        first += 1  # a phrase never opens with a preposition or a number
    return first, last


def after(
    ctx: Context, first: int, joins: tuple[str, ...] = ("of", "for")
) -> tuple[int, int] | None:
    """Return the first and last token of the noun phrase opening at token ``first``.

    Its words run to the first plural noun (the head: "armed men"); a phrase of one of
    ``joins`` may follow ("members of parliament", "support for the plan", and for a speaker
    "figures from the Interior Department"); a verb after the head ends it ("militants
    remained").
    """
    tokens = ctx.tokens
    n = len(tokens)
    k = first
    if k < n and tokens[k].lower in DETERMINERS:
        k += 1
    if not _word_ok(ctx, k) or (k > first and not ctx.spaced(k)):
        return None
    last = k
    head = is_plural_noun(tokens[k].lower)
    k += 1
    while k < n and k - first < _REACH and ctx.spaced(k):
        word = tokens[k].lower
        if _word_ok(ctx, k) and not head:
            if word.endswith("ed") and len(word) > 3:
                break  # "1 person died", "a deal signed on Monday": a verb ends the phrase
            last = k
            head = is_plural_noun(word)
        elif word in joins and k + 1 < n:
            end = _complement(ctx, k + 1)
            if end is None:
                break
            last = k = end  # "members of parliament", "support for the plan"
            head = True
        else:
            break
        k += 1
    return first, last


def _complement(ctx: Context, k: int) -> int | None:
    """Return the last token of the phrase after a preposition: "of the transport agency".

    Capitalised words run on ("the Interior Department"); lower-case ones, two at most and
    never a past form ("figures from the board showed" ends before "showed").
    """
    tokens = ctx.tokens
    if k < len(tokens) and tokens[k].lower in DETERMINERS:
        k += 1
    if not _word_ok(ctx, k):
        return None
    last = k
    capital = tokens[k].text[:1].isupper()
    while _word_ok(ctx, last + 1) and ctx.spaced(last + 1) and last - k < 3:
        nxt = tokens[last + 1]
        if capital != nxt.text[:1].isupper() or (not capital and nxt.lower.endswith("ed")):
            break
        last += 1
    return last


def span(ctx: Context, first: int, last: int) -> Span:
    """Return the text from token ``first`` to token ``last`` as a located span."""
    start, end = ctx.tokens[first].start, ctx.tokens[last].end
    return Span(ctx.text[start:end], start, end)
