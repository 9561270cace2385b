"""The subject frame: what a figure measures or counts, as a noun phrase of its sentence.

For a count it is the counted thing ("300 to 400 militants", "members of parliament"); for a
change the subject of its verb ("Unemployment rose"); for a level the subject of the verb that
states it ("Turnout was 67%"); after "in" the thing that changed ("a rise of 3% in sales").
Readings in docs/frames.md.
"""

from __future__ import annotations

from . import phrases
from .context import Context
from .english.calendar import MONTH_NUMBERS, TIME_UNITS
from .english.changes import CHANGE_ADVERBS, CHANGE_NOUNS, CHANGE_WORDS
from .english.phrases import AUXILIARIES, CHANGE_UNITS, LEVEL_FILLERS, LEVEL_VERBS
from .model import Span
from .readings import Placed

# Adverbs that may stand between a verb and its object: "cut sharply the".
_SKIPPED = frozenset({"back"})


def subject_of(ctx: Context, item: Placed, trigger: int | None, floor: int) -> Span | None:
    """Return what the claim measures or counts, or None when its sentence does not say.

    A change's subject comes first ("approval slid 6 points": the approval, not the points),
    then the counted thing, the thing after "in" ("a rise of 3% in sales"), and the subject of
    a verb that states a level ("Turnout was 67%").
    """
    tokens = ctx.tokens
    claim = item.claim
    if trigger is not None and trigger < item.first and tokens[trigger].lower in CHANGE_WORDS:
        between = _object(ctx, trigger, item.first)
        if between is not None:
            return between  # "raised interest rates by 0.25 points": what was raised
        entity = claim.entity
        if entity is not None and trigger == item.first - 1 and entity.text not in CHANGE_UNITS:
            return _counted(ctx, item)  # "added 200,000 jobs": the jobs; not "slid 6 points"
        subject = _before_verb(ctx, trigger, floor)
        if subject is not None:
            return subject
    if trigger is not None and trigger == item.last + 1 and ctx.word(trigger + 1) == "in":
        after = phrases.after(ctx, trigger + 2)  # "a 12% jump in measles cases"
        if after is not None and not _timely(ctx, after):
            return phrases.span(ctx, *after)
    if claim.entity is not None and not (trigger is not None and claim.entity.text in CHANGE_UNITS):
        return _counted(ctx, item)  # but "down 5 points": the points are the change's unit
    if (
        ctx.word(item.first - 1) in ("a", "an", "the")
        and _word_ok_after(ctx, item.last + 1)
        and ctx.word(item.last + 1) not in CHANGE_NOUNS  # "after a 3% drop": no thing
    ):
        after = phrases.after(ctx, item.last + 1)  # "a $2bn deal", "The 10km race"
        if after is not None:
            return phrases.span(ctx, *after)
    if trigger is not None and ctx.word(item.last + 1) == "in":
        after = phrases.after(ctx, item.last + 2)  # "a rise of 3% in sales"
        if after is not None and not _timely(ctx, after):
            return phrases.span(ctx, *after)
    k = item.first - 1
    while k > floor and ctx.word(k) in LEVEL_FILLERS:
        k -= 1
    if ctx.word(k) in LEVEL_VERBS or ctx.word(k) in CHANGE_WORDS:
        return _before_verb(ctx, k, floor)  # "Turnout was 67%", "The mission will cost $1bn"
    return None


def _counted(ctx: Context, item: Placed) -> Span | None:
    """Return the counted thing after a count, with its words: "40 junior whips"."""
    j = item.last + 1 + (ctx.word(item.last + 1) == "of")
    found = phrases.after(ctx, j)
    return phrases.span(ctx, *found) if found is not None else item.claim.entity


def _object(ctx: Context, verb: int, claim_first: int) -> Span | None:
    """Return the object between a change verb and its amount: "cut the risk by a quarter"."""
    end = claim_first - 1
    if ctx.word(end) not in ("by", "to", "from"):
        return None
    found = phrases.before(ctx, end - 1, verb + 1) if end - 1 > verb else None
    if found is None or found[0] != verb + 1 + (ctx.word(verb + 1) in _SKIPPED):
        return None  # the phrase must fill the gap: "raised interest rates by"
    return phrases.span(ctx, *found)


# Pronouns that stand for the subject of the sentence before: "They fell 3%".
_PRONOUNS = frozenset({"it", "they"})
# Marks that end a sentence.
_SENTENCE_ENDS = frozenset({".", "!", "?"})
# Words between a subject and its verb: auxiliaries, level verbs, adverbs.
_BEFORE_A_VERB = AUXILIARIES | LEVEL_VERBS | CHANGE_ADVERBS


def _timely(ctx: Context, found: tuple[int, int]) -> bool:
    """Tell a phrase that names a time ("the third quarter", "the first half"): no subject."""
    return any(
        ctx.tokens[k].lower in TIME_UNITS or ctx.tokens[k].lower in MONTH_NUMBERS
        for k in range(found[0], found[1] + 1)
    )


def _word_ok_after(ctx: Context, k: int) -> bool:
    """Tell whether a word follows the figure directly, as a noun it modifies would."""
    return k < len(ctx.tokens) and ctx.tokens[k].kind == "w" and ctx.spaced(k)


def _before_verb(ctx: Context, verb: int, floor: int) -> Span | None:
    """Return the noun phrase before a verb, over auxiliaries: "Spending was cut", "has risen"."""
    k = verb - 1
    while k > floor and (
        ctx.word(k) in AUXILIARIES or ctx.word(k) in LEVEL_VERBS or ctx.word(k) in CHANGE_ADVERBS
    ):
        k -= 1  # "has risen", "closed down 25 points", "sharply fell"
    if k == floor and ctx.word(k) in _PRONOUNS:
        return _antecedent(ctx, floor)  # "Sales disappointed. They fell 3%": the sales
    found = phrases.before(ctx, k, floor) if k >= floor else None
    return None if found is None else phrases.span(ctx, *found)


def _antecedent(ctx: Context, first: int) -> Span | None:
    """Return the subject of the sentence before the one opening at token ``first``.

    Its first noun phrase ("Consumer confidence improved in June."), when that sentence's
    tokens are at hand (the sentences next to a figure's are tokenised as its context).
    """
    tokens = ctx.tokens
    if first == 0 or tokens[first - 1].text not in _SENTENCE_ENDS:
        return None
    previous = ctx.sentences.around(tokens[first - 1].start, tokens[first - 1].end)
    k = first - 1
    while k > 0 and tokens[k - 1].start >= previous.start:
        k -= 1
    if tokens[k].start != previous.start:
        return None  # the sentence before was not tokenised whole
    found = phrases.after(ctx, k)
    return None if found is None else phrases.span(ctx, *found)
