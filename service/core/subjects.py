"""The subject frame: what a figure measures or counts, as a noun phrase of its sentence.

For a count it is the counted thing ("300 to 400 militants", "members of parliament"); for a
change the subject of its verb ("Unemployment rose"); for a level the subject of the verb that
states it ("Turnout was 67%"); after "in" the thing that changed ("a rise of 3% in sales").
The readings are rules, in order, each with the examples that motivated it
(``SUBJECT_RULES``; ``tests/test_subject_rules.py`` runs them); the first rule that decides
gives the subject, or decides that the figure has none. Readings in docs/frames.md.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Final, NamedTuple

from . import model_builders as make
from . import phrases
from .antecedents import antecedent
from .context import Context
from .english.calendar import MONTH_NUMBERS, MONTHS, RELATIVE_WORDS, TIME_UNITS, WEEKDAYS
from .english.changes import (
    CHANGE_ADVERBS,
    CHANGE_COMPARATIVES,
    CHANGE_NOUNS,
    CHANGE_WORDS,
    MARGIN_VERBS,
    PARTICLE_VERBS,
)
from .english.phrases import (
    ABSOLUTE_PARTICIPLES,
    ADJUNCT_PREPOSITIONS,
    AGENT_MONEY_VERBS,
    AUXILIARIES,
    BASELINE_NOUNS,
    BE_FORMS,
    CHANGE_UNITS,
    COMPLEMENT_JOINS,
    COORDINATORS,
    DETERMINERS,
    DISTANCE_WORDS,
    LEVEL_ADVERBS,
    LEVEL_FILLERS,
    LEVEL_NOUN_OPENERS,
    LEVEL_NOUNS,
    LEVEL_VERBS,
    MEASURE_ADJECTIVES,
    PARENTHETICAL_ADVERBS,
    PARTITIVE_PRONOUNS,
    PLURAL_PRONOUNS,
    RAISING_WORDS,
    SETTING_VERBS,
    SINGULAR_PRONOUNS,
    TAKING_VERBS,
)
from .model import Span
from .readings import Placed
from .words import is_plural_noun


class Around(NamedTuple):
    """What a subject rule reads: a claim in its sentence, and the claim before it there."""

    ctx: Context
    item: Placed
    trigger: int | None  # the first token of the claim's change trigger
    floor: int  # the first token of the sentence
    previous: Placed | None  # the claim before in the sentence
    previous_subject: Span | None  # its subject, as read (before the claims of a change share)
    following: Placed | None  # the claim after in the sentence
    before: str  # the word right before the claim, in lower case ("" at the text's start)
    after: str  # the word right after it ("" at the text's end)


_TUPLE_NEW: Final = tuple.__new__
# A rule's verdict that the figure has no subject ("raised $2.1m"); None: the rule does not apply.
NO_SUBJECT: Final = Span("", 0, 0)


class Example(NamedTuple):
    """A sentence, one of its claims, and the subject that claim must have (None: none)."""

    text: str  # written for this project, never copied from an article or a data set
    claim: str
    subject: str | None


@dataclass(frozen=True, slots=True)
class SubjectRule:
    """One way a sentence names what a figure measures, with the examples that motivated it."""

    name: str
    read: Callable[[Around], Span | None]  # the subject, ``NO_SUBJECT``, or None: not this
    examples: tuple[Example, ...]


def subject_of(
    ctx: Context,
    item: Placed,
    trigger: int | None,
    floor: int,
    previous: Placed | None = None,
    previous_subject: Span | None = None,
    following: Placed | None = None,
) -> Span | None:
    """Return what the claim measures or counts, or None when its sentence does not say.

    :param floor: the first token of the claim's sentence.
    :param previous: the claim before in the sentence, and ``previous_subject`` its subject;
        ``following`` the claim after.
    """
    before, after = ctx.word(item.first - 1), ctx.word(item.last + 1)  # read by most rules
    # ``tuple.__new__``, not the named tuple's ``__new__`` (a generic Python call when compiled)
    around: Around = _TUPLE_NEW(
        Around, (ctx, item, trigger, floor, previous, previous_subject, following, before, after)
    )
    for rule in SUBJECT_RULES:
        found = rule.read(around)
        if found is not None:
            return None if found is NO_SUBJECT else found
    return None


# --- The rules ----------------------------------------------------------------------------------


def _nothing_measured(a: Around) -> Span | None:
    """Decide that a figure measures no thing: a margin, a distance, a movement, spent money."""
    ctx, claim, first = a.ctx, a.item, a.item.first
    before = a.before
    bare = claim.unit is None and claim.entity is None
    if bare and before == "by" and ctx.word(_skip(ctx, first - 2, CHANGE_ADVERBS)) in MARGIN_VERBS:
        return NO_SUBJECT  # "the Hawks won by 4"
    if before in DISTANCE_WORDS or ctx.word(first) in DISTANCE_WORDS:
        return NO_SUBJECT  # "came within 6,200 km of the surface" (the bound in the claim or not)
    unit = claim.unit
    if before in ("up", "down") and ctx.word(first - 2) in PARTICLE_VERBS:
        if unit is not None and unit.dimension == "length":
            return NO_SUBJECT  # "The team came down 400 metres"
    if claim.kind == "money" and before in AGENT_MONEY_VERBS and a.trigger is None:
        if ctx.word(first - 2) not in BE_FORMS and a.after != "of":
            return NO_SUBJECT  # "The fraudster took $3.4m"; but "was raised to $6m"
    if unit is not None and unit.dimension == "time" and before in TAKING_VERBS:
        if a.after == "to":
            return NO_SUBJECT  # "took 10 years to build": how long an action took
    return None


def _changed(a: Around) -> Span | None:
    """Read what a change verb before the figure changes: its object, else its subject."""
    ctx, item, trigger = a.ctx, a.item, a.trigger
    if trigger is None or trigger >= item.first or ctx.word(trigger) not in CHANGE_WORDS:
        return None
    between = _object(ctx, trigger, item.first)
    if between is not None:
        return between  # "raised interest rates by 0.25 points": what was raised
    entity = item.entity
    if entity is not None and _right_after(a, trigger) and entity.text not in CHANGE_UNITS:
        return _counted(ctx, item)  # "added 200,000 jobs": the jobs; not "slid 6 points"
    if _right_after(a, trigger):
        shared = _shared_noun(a)
        if shared is not None:
            return shared  # "would cut 44 to 87 jobs": the jobs, for the 44 too
    return _before_verb(a, trigger)


def _changed_in(a: Around) -> Span | None:
    """Read the thing after a change noun's "in": "a 12% jump in measles cases"."""
    ctx, item, trigger = a.ctx, a.item, a.trigger
    if trigger is None:
        return None
    if trigger == item.last + 1 and ctx.word(trigger + 1) == "in":
        return _phrase_after(ctx, trigger + 2)
    if trigger < item.first and a.after == "in":
        return _phrase_after(ctx, item.last + 2)  # "a rise of 3% in sales"
    return None


def _partitive(a: Around) -> Span | None:
    """Read "N of them/whom": the noun after the pronoun, else the counted thing before."""
    ctx, item = a.ctx, a.item
    if a.after != "of" or ctx.word(item.last + 2) not in PARTITIVE_PRONOUNS:
        return None
    found = phrases.after(ctx, item.last + 3, ("of",))
    if found is not None and is_plural_noun(ctx.word(found[1])):
        return phrases.span(ctx, found[0], found[1])  # "9 of them women": the members named
    return a.previous_subject  # "3 of whom were charged", "a quarter of them abroad"


def _counted_thing(a: Around) -> Span | None:
    """Read the counted thing after a count: "40 junior whips", "3% of voters"."""
    ctx, item, claim = a.ctx, a.item, a.item
    entity = claim.entity
    if entity is None:
        return None
    if entity.text in CHANGE_UNITS and (a.trigger is not None or _unit_of_a_change(ctx, item)):
        return None  # "down 5 points", "closed 142 points lower": the points are the unit
    if a.after == "of" and _baseline(ctx, item.last + 2):
        return None  # "38% of the average": said of another phrase
    return _counted(ctx, item)


def _compared_thing(a: Around) -> Span | None:
    """Read the noun after "more"/"less"/"fewer": "uses 40% less power than the old one"."""
    ctx, item = a.ctx, a.item
    if a.after not in ("more", "less", "fewer"):
        return None
    return _phrase_after(ctx, item.last + 2, ("of",))


def _attributive(a: Around) -> Span | None:
    """Read the head noun after a figure between it and its determiner: "a $2bn deal"."""
    ctx, item = a.ctx, a.item
    k = item.last + 1
    if a.before not in ("a", "an", "the") or ctx.word(k) in CHANGE_NOUNS:
        return None  # "after a 3% drop": no thing
    if k >= len(ctx.tokens) or ctx.tokens[k].kind != "w" or not ctx.spaced(k):
        return None
    return _phrase_after(ctx, k, ("of",))


def _valued(a: Around) -> Span | None:
    """Read the thing valued: "cocaine worth an estimated $30m"."""
    ctx, first = a.ctx, a.item.first
    if a.before != "worth":
        return None
    found = phrases.before(ctx, first - 2, a.floor)
    return phrases.span(ctx, found[0], found[1]) if found is not None else None


def _measured_after_noun(a: Around) -> Span | None:
    """Read the noun before a measurement of it: "Snow up to 30cm deep".

    Also "Hailstones as big as 5cm", "objects up to 13 billion light years away".
    """
    ctx, item = a.ctx, a.item
    if item.unit is None:
        return None
    k = item.first - 1
    compared = ctx.word(k) == "as" and ctx.word(k - 2) == "as"
    if compared:
        k -= 3  # "as big as"
    elif a.after not in MEASURE_ADJECTIVES:
        return None
    if ctx.word(k) in LEVEL_VERBS:
        return None  # "a lake that averages two feet deep": the verb's, read by ``_level``
    found = phrases.before(ctx, k, a.floor)
    return phrases.span(ctx, found[0], found[1]) if found is not None else None


def _named_by_of(a: Around) -> Span | None:
    """Read the noun before "of" and the figure: "Winds of up to 120km/h".

    Also "a dividend of 42 cents", "Her winning time of 2 hours"; "The fall, of 7%" and "The
    increase, $4bn," stand for a quantity met before.
    """
    ctx, item = a.ctx, a.item
    k = item.first - 1
    of = ctx.word(k) == "of"
    k -= of
    comma = ctx.word(k) == ","
    if not of and not (comma and a.after == ","):
        return None
    found = phrases.before(ctx, k - comma, a.floor)
    head = ctx.word(found[1]) if found is not None else ""
    if found is None or head in LEVEL_NOUNS or head in ctx.lex.surfaces:
        return None  # "fell to an average of 18,500" (read from the verb), "percent of 10"
    if ctx.word(found[1]) in CHANGE_NOUNS:
        return _change_noun(a, found)
    return phrases.span(ctx, found[0], found[1]) if of else None


def _set_at(a: Around) -> Span | None:
    """Read what a verb of setting sets: "held its main rate at 5.25%"."""
    ctx, first = a.ctx, a.item.first
    if a.before != "at":
        return None
    found = phrases.before(ctx, first - 2, a.floor)
    if found is None or ctx.word(found[0] - 1) not in SETTING_VERBS:
        return None
    return phrases.span(ctx, found[0], found[1])


def _elided(a: Around) -> Span | None:
    """Read the elided noun of a bare count: "212 seats, while the opposition took 148".

    Also "by 312 votes to 198", "6 and 12 protesters" (the noun after the next figure), "with
    1,200 reported" (the clause's subject).
    """
    ctx, item, claim = a.ctx, a.item, a.item
    if claim.kind != "count" or claim.unit is not None or claim.entity is not None:
        return None
    if a.before == "," and a.after == ",":
        return None  # "Mendes, 31, scored": an apposition (an age)
    shared = _shared_noun(a)
    if shared is not None:
        return shared  # "after 6 and 12 protesters gathered": the protesters
    if ctx.word(_skip(ctx, item.first - 1, _COPULA_FILLERS)) in BE_FORMS:
        return None  # "a gross is 144": a level of the subject, read by ``_level``
    previous = a.previous
    if previous is not None and previous.kind == "count" and a.previous_subject:
        return a.previous_subject
    if a.before == "with" and a.after in ABSOLUTE_PARTICIPLES:
        found = phrases.after(ctx, a.floor, COMPLEMENT_JOINS)
        plural = found is not None and is_plural_noun(ctx.word(found[1]))
        return phrases.span(ctx, found[0], found[1]) if found is not None and plural else None
    return None


def _level(a: Around) -> Span | None:
    """Read the subject of the verb that states a level: "Turnout was 67%".

    Also "hit a record $2,400", "Rainfall in July was 40% below", and the figure before's
    subject in "rose 1.1% last year to a record 37.4bn tonnes".
    """
    ctx, floor = a.ctx, a.floor
    k = a.item.first - 1
    word = ctx.word(k)
    while k > floor and (
        word in LEVEL_FILLERS
        or word in LEVEL_ADVERBS
        or (word in LEVEL_NOUNS and ctx.word(k - 1) in LEVEL_NOUN_OPENERS)
    ):
        k -= 1  # "stood at a new high of", "fell to an average of"; but "is expected to peak at"
        word = ctx.word(k)
    if word in LEVEL_VERBS or word in CHANGE_WORDS:
        return _before_verb(a, k)  # "Turnout was 67%", "The mission will cost $1bn"
    k = _skip_time(ctx, k, floor)
    if a.previous is not None and a.previous.first <= k <= a.previous.last:
        return a.previous_subject  # "rose 1.1% last year to a record ...": the same subject
    return None


def _apposed(a: Around) -> Span | None:
    """Read a figure set after the one before by a comma: "There were 48,000, some 20% fewer"."""
    previous = a.previous
    if previous is None or a.item.first != previous.last + 2:
        return None
    return a.previous_subject if a.ctx.word(previous.last + 1) == "," else None


# --- Helpers ------------------------------------------------------------------------------------


def _skip(ctx: Context, k: int, words: frozenset[str]) -> int:
    """Step back from token ``k`` over ``words`` (no table holds "", so the text's end stops)."""
    tokens = ctx.tokens
    while 0 < k < len(tokens) and tokens[k].lower in words:  # ``ctx.word(k)``, inline
        k -= 1
    return k


def _phrase_after(ctx: Context, k: int, joins: tuple[str, ...] = COMPLEMENT_JOINS) -> Span | None:
    found = phrases.after(ctx, k, joins)
    if found is None or _timely(ctx, found):
        return None  # "in the third quarter": a time, no thing
    return phrases.span(ctx, found[0], found[1])


def _counted(ctx: Context, item: Placed) -> Span | None:
    """Return the counted thing after a count, with its words: "40 junior whips"."""
    j = item.last + 1 + (ctx.word(item.last + 1) == "of")
    found = phrases.after(ctx, j, ("of",))
    entity = item.entity
    if found is None:
        return entity
    start, end = ctx.tokens[found[0]].start, ctx.tokens[found[1]].end
    if entity is not None and entity.start == start and entity.end == end:
        return entity  # most often the words build read: its span (a Span costs 0.4 µs)
    return make.span(ctx.text[start:end], start, end)


def _right_after(a: Around, trigger: int) -> bool:
    """Tell a figure right after its change verb, or after the figure before it there.

    "added 200,000 jobs", "cut 44 to 87 jobs", "cut from 6 to 10 jobs"; not "dropped to 54%".
    """
    ctx, k, previous = a.ctx, a.item.first - 1, a.previous
    if previous is not None and _joined_figures(ctx, previous, a.item):
        k = previous.first - 1
    return k - (ctx.word(k) in ("from", "between")) == trigger


def _joined_figures(ctx: Context, one: Placed, other: Placed) -> bool:
    """Tell two figures of one range or list: "44 to 87", "6 and 12", "750 or 1100"."""
    return other.first == one.last + 2 and ctx.word(one.last + 1) in ("and", "or", "to")


def _shared_noun(a: Around) -> Span | None:
    """Return the counted noun of the next figure of a range or a list: "6 and 12 protesters".

    "44 to 87 jobs": the jobs, for the 44 too.
    """
    following = a.following
    if following is None or following.entity is None:
        return None
    return _counted(a.ctx, following) if _joined_figures(a.ctx, a.item, following) else None


def _unit_of_a_change(ctx: Context, item: Placed) -> bool:
    """Tell "142 points lower" or "closed 25 points": points that count a change, not things."""
    after = ctx.word(item.last + 2)
    return after in CHANGE_COMPARATIVES or ctx.word(item.first - 1) in ("closed", "ended")


def _baseline(ctx: Context, k: int) -> bool:
    """Tell a reference after "N% of" ("the average", "GDP", "capacity"), not a whole."""
    k += ctx.word(k) in ("the", "its", "their", "a")
    while ctx.word(k + 1) and ctx.tokens[k + 1].kind == "w" and ctx.spaced(k + 1):
        if ctx.word(k) in BASELINE_NOUNS:
            return True
        k += 1  # "the long-term average"
        if ctx.tokens[k].text == "-":
            k += 1
    return ctx.word(k) in BASELINE_NOUNS


def _object(ctx: Context, verb: int, claim_first: int) -> Span | None:
    """Return the object between a change verb and its amount: "cut the risk by a quarter"."""
    end = claim_first - 1
    if ctx.word(end) not in ("by", "to", "from"):
        return None
    found = phrases.before(ctx, end - 1, verb + 1) if end - 1 > verb else None
    if found is None or found[0] != verb + 1 + (ctx.word(verb + 1) == "back"):
        return None  # the phrase must fill the gap: "raised interest rates by"
    return phrases.span(ctx, found[0], found[1])


def _timely(ctx: Context, found: tuple[int, int]) -> bool:
    """Tell a phrase that names a time ("the third quarter", "the first half"): no subject."""
    return any(
        ctx.tokens[k].lower in TIME_UNITS or ctx.tokens[k].lower in MONTH_NUMBERS
        for k in range(found[0], found[1] + 1)
    )


# Words between a copula and its figure: "is only 144", "was at least".
_COPULA_FILLERS: Final = LEVEL_FILLERS | LEVEL_ADVERBS
# Words a subject is read back over to its verb: auxiliaries, level verbs, adverbs.
_BEFORE_A_VERB: Final = AUXILIARIES | LEVEL_VERBS | CHANGE_ADVERBS
_PRONOUNS: Final = SINGULAR_PRONOUNS | PLURAL_PRONOUNS
_CALENDAR: Final = MONTHS | WEEKDAYS


def _before_verb(a: Around, verb: int) -> Span | None:
    """Return the noun phrase before a verb, over auxiliaries: "Spending was cut", "has risen".

    Steps over ", however," and an adjunct of time or place ("Rainfall in July was", "Average
    sea temperatures off the coast were"); a pronoun takes its antecedent; a verb with no
    subject of its own after "and" or a figure takes the subject of the figure before.
    """
    ctx, floor = a.ctx, a.floor
    k = _skip(ctx, verb - 1, _BEFORE_A_VERB)
    word = ctx.word(k)
    if word == "," and ctx.word(k - 1) in PARENTHETICAL_ADVERBS and ctx.word(k - 2) == ",":
        k = _skip(ctx, k - 3, _BEFORE_A_VERB)  # "Robberies, however, fell by 12%"
        word = ctx.word(k)
    while word == "to" and ctx.word(k - 1) in RAISING_WORDS:
        k = _skip(ctx, k - 2, _BEFORE_A_VERB)  # "is expected to peak"
        word = ctx.word(k)
    if k < floor:
        return None
    if word in COORDINATORS or word == "to" or _in_previous(a, k):
        return _coordinated(a, k)  # "rose 2 metres and is expected to peak at 5.6 metres"
    if word in _PRONOUNS and (k == floor or word not in ("that", "this")):
        return antecedent(ctx, k, floor, word in PLURAL_PRONOUNS)  # "They fell 3%"
    found = phrases.before(ctx, k, floor)
    if found is None:
        found = _before_a_time(ctx, k, floor)  # "Rainfall in July was"
    elif ctx.word(found[0] - 1) in ADJUNCT_PREPOSITIONS:
        found = phrases.before(ctx, found[0] - 2, floor) or found  # "... off the coast were"
    if found is None:
        return None
    if ctx.word(found[1]) in CHANGE_NOUNS:
        return _change_noun(a, found)
    return phrases.span(ctx, found[0], found[1])


def _in_previous(a: Around, k: int) -> bool:
    """Tell whether token ``k`` is one of the previous claim's."""
    return a.previous is not None and a.previous.first <= k <= a.previous.last


def _coordinated(a: Around, k: int) -> Span | None:
    """Return the subject of a verb that has none of its own, after "and" or a figure.

    "Gold added $32 to close at $2,410": the sentence's subject, when the figure before took
    it; not an object ("protects 4,000 homes and took six years": not the homes), nor the
    subject of another verb before "to" ("stopped eating to drop 25 pounds").
    """
    subject, ctx = a.previous_subject, a.ctx
    if ctx.word(k) == "to" and not _in_previous(a, k - 1):
        return None
    if subject is None or subject.start != ctx.tokens[a.floor].start:
        return None
    return subject


def _change_noun(a: Around, found: tuple[int, int]) -> Span | None:
    """Return what a phrase headed by a change noun stands for.

    A definite one, the quantity changed before ("Flu cases rose. The increase was 35%": the
    flu cases); an indefinite one names no thing ("a drop of 9%"); a bare one names a quantity
    ("Growth slowed to 0.2%").
    """
    opener = a.ctx.word(found[0])
    if opener in ("the", "this", "that"):
        return antecedent(a.ctx, found[0], a.floor, None)
    return (
        None if opener in DETERMINERS else phrases.span(a.ctx, found[0], found[1])
    )  # "Growth slowed"


def _skip_time(ctx: Context, k: int, floor: int) -> int:
    """Step back over a time ("last year", "in July", "on Friday") that ends at token ``k``."""
    start, timely = k, False
    while k > floor and start - k < 4 and _time_word(ctx, k):
        timely = timely or ctx.word(k) != "the"
        k -= 1
    if not timely:
        return start  # "on the 32": no time
    if ctx.word(k) in ("in", "on", "during", "over", "since"):
        k -= 1
    return k


def _time_word(ctx: Context, k: int) -> bool:
    tok = ctx.tokens[k]
    if tok.kind == "n":
        return len(tok.text) == 4 and tok.text.isdigit()  # a year
    return (
        tok.text in _CALENDAR
        or tok.lower in TIME_UNITS
        or tok.lower in RELATIVE_WORDS
        or tok.lower in ("the", "overnight", "yesterday", "today")
    )


def _before_a_time(ctx: Context, k: int, floor: int) -> tuple[int, int] | None:
    """Return the phrase before a time that ends at token ``k``: "Rainfall in July"."""
    j = _skip_time(ctx, k, floor)
    return phrases.before(ctx, j, floor) if floor <= j < k else None


# --- The rules, in order ------------------------------------------------------------------------

SUBJECT_RULES: Final[tuple[SubjectRule, ...]] = (
    SubjectRule(
        "no thing measured: a margin, a distance, a movement, money moved, time taken",
        _nothing_measured, (
        Example("Smith scored 30 points as the Hawks won by 4.", "4", None),
        Example("The bridge took 6 years to build.", "6 years", None),
        Example("The probe came within 6,200 km of the surface.", "within 6,200 km", None),
        Example("The team came down 400 metres to the base camp.", "400 metres", None),
        Example("The fraudster took $3.4m from 600 investors.", "$3.4m", None),
        Example("The senator's campaign raised $2.1m in May.", "$2.1m", None),
        Example("The budget was raised to $6m after last winter.", "$6m", "The budget"),
        Example("The mission will cost $1.4bn.", "$1.4bn", "The mission"),
        Example("Labour lost by 12 points.", "12", "points"),
    )),
    SubjectRule("a change verb before the figure: its object, else its subject", _changed, (
        Example("Unemployment rose from 4.1% to 4.4% in March.", "4.1%", "Unemployment"),
        Example("The bank raised interest rates by 0.25 points.", "0.25", "interest rates"),
        Example("The drug cut the risk of a relapse by a third.", "a third",
                "the risk of a relapse"),
        Example("The firm would cut 44 to 87 jobs.", "44 to 87", "jobs"),
        Example("The queue has grown to 45 patients.", "45", "The queue"),
        Example("The economy added 200,000 jobs in April.", "200,000", "jobs"),
        Example("Robberies, however, fell by 12% last year.", "12%", "Robberies"),
        Example("Sales disappointed. They fell 3% in May.", "3%", "Sales"),
        Example("The heatwave pushed demand for electricity up 12%.", "12%",
                "demand for electricity"),
    )),
    SubjectRule("a change noun's 'in': the thing that changed", _changed_in, (
        Example("Doctors reported a 12% jump in measles cases.", "12%", "measles cases"),
        Example("An increase of $2bn in spending on schools was approved.", "$2bn",
                "spending on schools"),
        Example("Sales posted a 5% rise in the third quarter.", "5%", None),
    )),
    SubjectRule("'N of them/whom': the counted thing", _partitive, (
        Example("Officers arrested 14 people, 3 of whom were later charged.", "3", "people"),
        Example("The cabinet has 22 ministers, 9 of them women.", "9", "women"),
        Example("About 1.2 million people fled, and a third of them crossed the border.",
                "a third", "people"),
    )),
    SubjectRule("a count: the counted thing after it", _counted_thing, (
        Example("Up to 40 members of parliament could rebel.", "Up to 40",
                "members of parliament"),
        Example("The hospital treated 340 patients for heatstroke.", "340", "patients"),
        Example("Only 3% of voters said the economy mattered most.", "3%", "voters"),
        Example("Rainfall in March was just 38% of the average.", "38%", "Rainfall"),
        Example("The index closed 142 points lower at 8,310.", "142 points", "The index"),
    )),
    SubjectRule("a comparative: the noun after 'more'/'less'", _compared_thing, (
        Example("The lab's new chip uses 40% less power than the old one.", "40%", "power"),
        Example("That was 2,300 fewer than the year before.", "2,300", None),
    )),
    SubjectRule("an attributive figure: the head noun after it", _attributive, (
        Example("The firm agreed a $2bn deal to buy a rival.", "$2bn", "deal"),
        Example("The 10km race drew 3,000 runners.", "10km", "race"),
        Example("Police chiefs reported a 15% increase in drink-driving arrests.", "15%",
                "drink-driving arrests"),
    )),
    SubjectRule("'worth': the thing valued", _valued, (
        Example("The gang stole jewellery worth £1.2m from the shop.", "£1.2m", "jewellery"),
        Example("Police seized 400kg of cocaine worth $30m.", "$30m", "cocaine"),
    )),
    SubjectRule("a measurement after its noun: the noun", _measured_after_noun, (
        Example("Snow up to 30cm deep is forecast for the hills.", "up to 30cm", "Snow"),
        Example("Hailstones as big as 5cm fell on the town.", "5cm", "Hailstones"),
        Example("The telescope can detect objects up to 13 billion light years away.",
                "up to 13 billion light years", "objects"),
    )),
    SubjectRule("a noun before 'of' and the figure: the noun", _named_by_of, (
        Example("Winds of up to 120km/h battered the coast.", "up to 120km/h", "Winds"),
        Example("The bank will pay a dividend of 42 cents a share.", "42 cents", "a dividend"),
        Example("Exports had a difficult year. The fall, of 7%, was the steepest since 2009.",
                "7%", "Exports"),
        Example("Spending on defence goes up. The increase, $4bn, is the largest.", "$4bn",
                "Spending on defence"),
    )),
    SubjectRule("a verb of setting: its object", _set_at, (
        Example("The central bank held its main rate at 5.25%.", "5.25%", "its main rate"),
        Example("The government will freeze fuel prices at 150 cents a litre.",
                "150 cents a litre", "fuel prices"),
        Example("The IPO priced at $18 a share, valuing the firm at $2.3bn.", "$2.3bn",
                "the firm"),
    )),
    SubjectRule("a bare count: the elided noun of the count before", _elided, (
        Example("The party won 212 seats, while the opposition took 148.", "148", "seats"),
        Example("The bill passed by 312 votes to 198.", "198", "votes"),
        Example("Of the town's 9,000 homes, some 3,000 were destroyed.", "some 3,000", "homes"),
        Example("Measles cases hit a high, with 1,200 reported.", "1,200", "Measles cases"),
        Example("Mendes, 31, scored 12 points.", "31", None),
    )),
    SubjectRule("a level: the subject of the verb that states it", _level, (
        Example("Turnout was 67.3 per cent.", "67.3 per cent", "Turnout"),
        Example("House prices are now 12% below their peak.", "12%", "House prices"),
        Example("Average sea temperatures off the coast were 1.8C higher than last summer.",
                "1.8C", "Average sea temperatures"),
        Example("Snowfall was light. It totalled just 80cm over the winter.", "80cm",
                "Snowfall"),
        Example("The mirror is 6.5 metres across, and it weighs 705kg.", "705kg", "The mirror"),
        Example("The river rose 2 metres and is expected to peak at 5.6 metres.", "5.6 metres",
                "The river"),
        Example("Car thefts have become rarer. There were 31,000 last year.", "31,000",
                "Car thefts"),
        Example("Flu cases rose sharply in December. The increase was 35% on November.", "35%",
                "Flu cases"),
        Example("It was 94% accurate, the study found.", "94%", None),
    )),
    SubjectRule("a figure set after another by a comma: the same subject", _apposed, (
        Example("The survey counted the island's puffins. There were 48,000, some 20% fewer "
                "than in 2015.", "some 20%", "the island's puffins"),
    )),
)  # fmt: skip
