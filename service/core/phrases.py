"""Noun phrases read from the tokens: the speaker of a figure, the thing it measures.

A phrase is read outwards from one end, word by word, and ends at punctuation, a number, a
calendar word, a word of ``english.common.STOPWORDS`` or a verb; it may hold a preposition
between two of its words ("Shares in Norrow Foods"), a determiner after one ("the risk of a
second stroke"), words joined by a hyphen ("snow-clearing") and a possessive ("The Lions'
budget"). Bounded by ``_REACH`` tokens, so the reading stays linear.

Verbs are told without a lexicon, from their form and place: a listed form that no "-ed"
marks ("race drew", "rain fell"), an "-ed" word after a noun ("The heatwave pushed demand":
after a determiner or an adverb it is an adjective, "the displaced people", "newly elected
members"), a word after a modal or an auxiliary ("can detect objects").
"""

from __future__ import annotations

from typing import Final

from . import model_builders as make
from .context import Context
from .english.calendar import MONTHS, WEEKDAYS
from .english.common import STOPWORDS
from .english.phrases import (
    AUXILIARIES,
    CONTRACTIONS,
    DETERMINERS,
    INNER_PREPOSITIONS,
    MODALS,
    NOT_VERBS,
    PHRASE_ENDING_VERBS,
)
from .model import Span
from .words import is_plural_noun

_REACH: Final = 8  # words in one phrase at most
_STOPS: Final = STOPWORDS - INNER_PREPOSITIONS - DETERMINERS
_APOSTROPHES: Final = frozenset({"'", "’"})


# Lower-case words that are never a word of a noun phrase (its determiner stands outside it):
# the stop words, determiners, contractions and inner prepositions, looked up in one set.
_NOT_WORDS: Final = _STOPS | DETERMINERS | CONTRACTIONS | INNER_PREPOSITIONS
_CALENDAR_NAMES: Final = MONTHS | WEEKDAYS


def _word_ok(ctx: Context, k: int) -> bool:
    """Tell whether token ``k`` may be a word of a noun phrase (not its determiner).

    Not a stop word, a determiner, a contraction, an inner preposition (it joins two words of a
    phrase; it is none of them) nor a month or a weekday's name.
    """
    tokens = ctx.tokens
    if not 0 <= k < len(tokens):
        return False
    tok = tokens[k]
    return tok.kind == "w" and tok.lower not in _NOT_WORDS and tok.text not in _CALENDAR_NAMES


def _listed_verb(ctx: Context, k: int) -> bool:
    """Tell a listed verb form in lower case ("drew", "fell"; "Rose" may be a name)."""
    tok = ctx.tokens[k]
    return tok.lower in PHRASE_ENDING_VERBS and tok.text[:1].islower()


def _verb_before(ctx: Context, k: int, floor: int) -> bool:
    """Tell whether word ``k``, read right to left, is a verb that ends the phrase there."""
    if _listed_verb(ctx, k):
        return True
    tok = ctx.tokens[k]
    word = tok.lower
    if not word.endswith("ed") or len(word) <= 3 or word in NOT_VERBS or tok.text[:1].isupper():
        return False  # "Manchester United": a name
    if k - 1 < floor or not _word_ok(ctx, k - 1) or not ctx.spaced(k):
        return False  # "the displaced people", "armed men": an adjective
    before = ctx.tokens[k - 1].lower
    return not before.endswith(("ly", "'s", "’s"))  # "newly elected", "the city's revised"


def _glued(ctx: Context, k: int, floor: int) -> bool:
    """Tell a hyphen or a possessive apostrophe at token ``k`` that joins the word before it.

    "snow-clearing budget", "ten-year bonds" (a hyphen touching two words), "The Lions'
    budget" (an apostrophe after a plural).
    """
    tokens = ctx.tokens
    if k - 1 < floor or tokens[k].kind != "s" or not ctx.attached(k) or not _word_ok(ctx, k - 1):
        return False
    if _after_a_number(ctx, k - 1):
        return False  # "827m-long bridge": "m" is the unit of an attributive figure
    if tokens[k].text == "-":
        return ctx.attached(k + 1) and k + 1 < len(tokens) and tokens[k + 1].kind == "w"
    return tokens[k].text in _APOSTROPHES and tokens[k - 1].lower.endswith("s")


def _after_a_modal(ctx: Context, k: int, floor: int) -> bool:
    """Tell a word after a modal or an auxiliary: a verb ("The tower will stand 300 metres")."""
    return k - 1 >= floor and ctx.word(k - 1) in MODALS and ctx.spaced(k)


def _after_a_number(ctx: Context, k: int) -> bool:
    """Tell a word right after a number: a unit or a counted noun ("400kg", "5 tonnes")."""
    return k > 0 and ctx.tokens[k - 1].kind == "n"


def before(
    ctx: Context,
    last: int,
    floor: int = 0,
    joins: frozenset[str] = INNER_PREPOSITIONS,
    measured: bool = True,
) -> tuple[int, int] | None:
    """Return the first and last token of the noun phrase ending at token ``last``, or None.

    ``joins`` are the prepositions it may hold; a number may stand after "of" inside it ("A
    study of 12,000 adults"). When ``measured`` (the thing a figure measures), the phrase stops
    at a unit or a counted noun after a number ("400kg of cocaine": the cocaine) and never ends
    in a verb ("Forecasters warned of"); a speaker's phrase may ("About 1.8 percent of the
    households surveyed said").
    """
    if not _word_ok(ctx, last):
        return None
    if measured and (_verb_before(ctx, last, floor) or _after_a_modal(ctx, last, floor)):
        return None  # "Forecasters warned of", "The convoy travelled 733 km", "will stand"
    tokens = ctx.tokens
    first = last
    k = last - 1
    while k >= floor and last - k < _REACH:
        if _glued(ctx, k, floor):
            first, k = k - 1, k - 2  # "snow-clearing", "The Lions' budget"
            continue
        if not ctx.spaced(k + 1):
            break
        word = tokens[k].lower
        if _word_ok(ctx, k):
            if _verb_before(ctx, k, floor):
                break  # "The heatwave pushed demand for electricity": the phrase is after it
            first = k
        elif word in joins and _joined(ctx, k, floor, measured):
            first = k  # "lead over the Conservatives": the preposition joins two parts
        elif tokens[k].kind == "n" and k - 1 >= floor and tokens[k - 1].lower == "of":
            first = k  # "A study of 12,000 adults"
        elif word in DETERMINERS:
            first = k
            if not _inner_determiner(ctx, k, floor, joins):
                break
        else:
            break
        k -= 1
    while tokens[first].lower in INNER_PREPOSITIONS or tokens[first].kind == "n":
        first += 1  # a phrase never opens with a preposition or a number
    if first < last and first > floor and tokens[first - 1].lower in AUXILIARIES:
        first += 1  # "can detect objects": the word after a modal is its verb
    if first < last and first - 1 > floor and tokens[first - 1].text == "-" and ctx.attached(first):
        first += 1  # "The 121-foot bridge": the word after a figure's hyphen is its unit
    return first, last


def _joined(ctx: Context, k: int, floor: int, measured: bool) -> bool:
    """Tell whether the preposition at token ``k`` joins a word before it into the phrase.

    When ``measured``, not a unit or a counted noun after a number: "400kg of cocaine", "5
    tonnes of grain" end at the preposition (the thing measured is "cocaine").
    """
    if k - 1 < floor or not _word_ok(ctx, k - 1) or not ctx.spaced(k):
        return False
    return not (measured and k - 2 >= floor and _after_a_number(ctx, k - 1))


def _inner_determiner(ctx: Context, k: int, floor: int, joins: frozenset[str]) -> bool:
    """Tell a determiner inside a phrase, after a join: "the risk of a second stroke".

    Also after a gerund that follows one: "the cost of sequencing a genome".
    """
    before = ctx.word(k - 1) if k - 1 >= floor else ""
    if before in joins:
        return True
    return before.endswith("ing") and k - 2 >= floor and ctx.word(k - 2) in joins


def after(
    ctx: Context, first: int, joins: tuple[str, ...] = ("of", "for")
) -> tuple[int, int] | None:
    """Return the first and last token of the noun phrase opening at token ``first``.

    Its words run to the first plural noun (the head: "armed men"); a phrase of one of
    ``joins`` may follow ("members of parliament", "support for the plan", and for a speaker
    "figures from the Interior Department"); a verb after the head ends it ("militants
    remained", "race drew").
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
    while k < n and k - first < _REACH:
        if tokens[k].text == "-" and _glued(ctx, k, first):
            last, k = k + 1, k + 2  # "drink-driving arrests"
            head = is_plural_noun(tokens[last].lower)
            continue
        if head and tokens[k].text in _APOSTROPHES and _glued(ctx, k, first):
            last, k, head = k, k + 1, False  # "The Lions' budget": the plural was an owner
            continue
        if not ctx.spaced(k):
            break
        word = tokens[k].lower
        if _word_ok(ctx, k) and not head:
            if (word.endswith("ed") and len(word) > 3) or _listed_verb(ctx, k):
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
    never a verb ("figures from the board showed" ends before "showed", "Spending on defence
    goes up" before "goes").
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
        if _listed_verb(ctx, last + 1):
            break
        last += 1
    return last


def span(ctx: Context, first: int, last: int) -> Span:
    """Return the text from token ``first`` to token ``last`` as a located span."""
    start, end = ctx.tokens[first].start, ctx.tokens[last].end
    return make.span(ctx.text[start:end], start, end)
