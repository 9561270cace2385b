"""What a pronoun or a definite change noun stands for: the noun phrase met before it.

"Copper had a rough week. It shed 6%": the copper. The reading is a salience order, not a
parse: the subject of the pronoun's own sentence when the pronoun opens a second clause ("The
telescope's mirror is 6.5 metres across, and it weighs 705kg"), else the subject of the
sentence before, else that sentence's object ("Scientists measured the ozone layer over the
pole. It had thickened": the layer, since "It" is one thing and the scientists are several).
A phrase after a preposition is never taken ("Among children it is 19%"), nor a pronoun, nor
dummy "It"/"There" (they are stop words to the phrase reader). Readings in docs/frames.md.
"""

from __future__ import annotations

from typing import Final

from . import model_builders as make
from . import phrases
from .context import Context
from .english.changes import CHANGE_ADVERBS
from .english.phrases import AUXILIARIES, COMPLEMENT_JOINS
from .model import Span
from .numbers import tokenize
from .words import is_plural_noun

# Marks that end a sentence.
_SENTENCE_ENDS: Final = frozenset({".", "!", "?"})
# The longest sentence before a pronoun that is read for its antecedent, in characters.
_LONGEST: Final = 400


def antecedent(ctx: Context, at: int, floor: int, plural: bool | None) -> Span | None:
    """Return the noun phrase that the word at token ``at`` stands for, or None.

    :param floor: the first token of the word's sentence.
    :param plural: the number the phrase must have (None: either; "The increase was 35%"
        stands for a quantity, whatever its number).
    """
    if at > floor:
        own = _subject(ctx, floor, at)
        if own is not None and _agrees(ctx, own, plural):
            return phrases.span(ctx, own[0], own[1])
    previous = _previous_sentence(ctx, floor)
    if previous is None:
        return None
    start = _first_token(ctx, previous, floor)
    if start is not None:
        return _in_sentence(ctx, start, floor, plural)
    # Only its last words are tokenised (as a figure's context): tokenise it alone.
    text = ctx.text[previous.start : previous.end]
    alone = Context(text, tokenize(text), ctx.masks, ctx.sentences, ctx.lex, ctx.reference)
    found = _in_sentence(alone, 0, len(alone.tokens), plural)
    if found is None:
        return None
    return make.span(found.text, found.start + previous.start, found.end + previous.start)


def _in_sentence(ctx: Context, start: int, end: int, plural: bool | None) -> Span | None:
    """Return the subject of the sentence of tokens ``start`` to ``end`` (excluded).

    When the subject has not the number asked for, its object, if that has it.
    """
    found = _subject(ctx, start, end)
    if found is None:
        return None  # "It was the wettest March on record.": no phrase, no antecedent
    if _agrees(ctx, found, plural):
        return phrases.span(ctx, found[0], found[1])
    obj = _object(ctx, found[1] + 1, end)
    return (
        phrases.span(ctx, obj[0], obj[1]) if obj is not None and _agrees(ctx, obj, plural) else None
    )


def _subject(ctx: Context, first: int, end: int) -> tuple[int, int] | None:
    """Return the noun phrase that opens a sentence at token ``first``, before token ``end``."""
    found = phrases.after(ctx, first, COMPLEMENT_JOINS)
    return found if found is not None and found[1] < end else None


def _object(ctx: Context, k: int, end: int) -> tuple[int, int] | None:
    """Return the object after a subject's verb: "The survey counted the island's puffins"."""
    while k < end and (ctx.word(k) in AUXILIARIES or ctx.word(k) in CHANGE_ADVERBS):
        k += 1  # "has now counted"
    if k + 1 >= end or ctx.tokens[k].kind != "w":
        return None
    found = phrases.after(ctx, k + 1, COMPLEMENT_JOINS)  # the word at k is the verb
    return found if found is not None and found[1] < end else None


def _agrees(ctx: Context, found: tuple[int, int], plural: bool | None) -> bool:
    """Tell whether a phrase has the number asked for, by its head (before any "of")."""
    if plural is None:
        return True
    head = found[0]
    for k in range(found[0], found[1] + 1):
        if ctx.word(k) in COMPLEMENT_JOINS:
            break
        head = k
    return is_plural_noun(ctx.word(head)) == plural


def _previous_sentence(ctx: Context, first: int) -> Span | None:
    """Return the sentence before the one opening at token ``first``, if short enough to read."""
    tokens = ctx.tokens
    if first == 0 or tokens[first - 1].text not in _SENTENCE_ENDS:
        return None
    previous = ctx.sentences.around(tokens[first - 1].start, tokens[first - 1].end)
    return previous if previous.end - previous.start <= _LONGEST else None


def _first_token(ctx: Context, sentence: Span, first: int) -> int | None:
    """Return the first token of ``sentence`` (it ends at token ``first``).

    None when only its last words are tokenised (as the context of a figure after it).
    """
    tokens = ctx.tokens
    k = first - 1
    while k > 0 and tokens[k - 1].start >= sentence.start:
        k -= 1
    return k if tokens[k].start == sentence.start else None
