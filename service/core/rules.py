"""The claim rules: what happens to a quantity, in order, until it is a claim or rejected.

The order is the knowledge: a change verb must be seen before a range is read ("rose from 4.1%
to 4.4%" is two figures, "from 300 to 400" one), a rate after the filters (a year is no price)
and the bounds last (they widen the claim's span). Each rule takes the read-only context and a
``Reading`` and returns a new ``Reading`` or a ``Rejected``; the examples beside each rule are
run by ``tests/test_rule_examples.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from .bounds import bound_after, bound_before, hedge_verb_before, is_period, or_equal
from .context import Context
from .english.bounds import (
    AFTER,
    ALTERNATIVE_CONNECTORS,
    BOUND_LAST_WORDS,
    HYPHEN_BOUNDS,
    RANGE_CONNECTORS,
    RANGE_OF_CHANGE_RATIO,
    SECOND_END_HEDGES,
)
from .english.changes import CHANGE_ADVERBS, CHANGE_VERBS
from .english.numbers import BELOW_ZERO
from .model import Relation
from .non_claims import why_not
from .quantities import Quantity, read_quantity
from .rates import rate_after
from .readings import Reading, Rejected
from .rulebook import Example
from .unit_reading import scale_named_after
from .widen import compound, plus_minus, range_end, ratio, shared_unit

# A strict bound closed by "or equal (to)" includes its number.
_INCLUSIVE: dict[Relation, Relation] = {"more_than": "at_least", "less_than": "at_most"}
# The words or signs right after a number that the widening rules look for; any other token
# there rules a rule out before it is called (most numbers are followed by none of them).
_RATIO_WORDS = frozenset({"in", "out", "over"})  # "one in five", "one over three"
_SPREAD_SIGNS = frozenset({"±", "+"})  # "9.83 ± 0.01", "45% +/- 3%"
_LIST_WORDS = frozenset({"and", "or"})  # "45 and 50 mg"
# The words after a figure that open a rate ("/hour", "per", "a barrel", "times a week").
_RATE_OPENERS = frozenset({"/", "per", "a", "an", "times"})
# The words after a figure that open a bound after it ("or more", "-odd", "+", "plus", and
# "or equal" closing a strict bound).
_AFTER_WORDS = frozenset({phrase[0] for phrase in AFTER} | {"or"})
# Units whose compounds are one figure: "5 feet 10 inches", "3 dollars 50 cents", "2 h 5 min".
_COMPOUND_DIMENSIONS = frozenset({"time", "length", "currency"})


@dataclass(frozen=True, slots=True)
class ClaimRule:
    """One step of reading a claim, with the examples that motivated it."""

    name: str
    apply: Callable[[Context, Reading], Reading | Rejected]
    examples: tuple[Example, ...]
    # The tokens (lower case) right after the number that the rule looks for; the pipeline
    # calls it only when one stands there. None: the rule reads every figure.
    next_words: frozenset[str] | None = None


def start(ctx: Context, q: Quantity, floor: int) -> Reading:
    """Open the reading of ``q``: a compound first, as every later rule sees the whole figure."""
    if q.unit is not None and q.unit.dimension in _COMPOUND_DIMENSIONS and not q.age:
        q = compound(ctx, q, floor)
    tokens = ctx.tokens
    first = q.first
    between = first > 0 and tokens[first - 1].lower in ("between", "from") and first - 1 >= floor
    return _reading(q, first, q.last, q.last + 1, floor, between, "equal", q.vague is not None)


# A named tuple's generated ``__new__`` is a Python lambda: in the compiled core a generic
# Python call for every number. ``tuple.__new__`` with the fields in order builds the same
# tuple; ``_reading`` types them (tests/test_tuple_builders.py).
_TUPLE_NEW: Final = tuple.__new__


def _reading(
    q: Quantity,
    first: int,
    last: int,
    j: int,
    floor: int,
    between: bool,
    relation: Relation,
    approximate: bool,
    low: Quantity | None = None,
    high: Quantity | None = None,
    alone: bool = False,
) -> Reading:
    """Build a ``Reading`` (its fields in order) without its named tuple's ``__new__``.

    The rules build a new reading so rather than with ``_replace``: a call with keywords into
    collections' pure-Python code, several times slower.
    """
    return _TUPLE_NEW(
        Reading, (q, first, last, j, floor, between, relation, approximate, low, high, alone)
    )


def _change(ctx: Context, r: Reading) -> Reading | Rejected:
    to = _to_after(ctx, r.j)
    first = r.first
    if to is None or first == 0:
        return r
    if ctx.word(first - 1) == "from":
        if _change_verb_before(ctx, first - 2, r.floor):
            return _alone(r)  # "cut its fares from €60 to €25"
        return r
    k = first - 2 if ctx.word(first - 1) == "by" else first - 1
    while k > r.floor and ctx.word(k) in CHANGE_ADVERBS and ctx.word(k) not in BOUND_LAST_WORDS:
        k -= 1  # "rose sharply by 3% to …"; a hedge ("grew about 18% to") stays the figure's
    if k < r.floor or ctx.word(k) not in CHANGE_VERBS or _range_of_change(ctx, r.q, to, r.floor):
        return r  # "fell by 1 to 1.5 degrees", "rose 3 to 4 percent": a range of change
    return _alone(r)


def _alone(r: Reading) -> Reading:
    """Return ``r`` as one figure of a change: no more widening, and not an estimate."""
    return _reading(
        r.q, r.first, r.last, r.j, r.floor, r.between, r.relation, False, r.low, r.high, True
    )


def _to_after(ctx: Context, j: int) -> int | None:
    """Return the token of "to" (or of "up to") at token ``j``, or None."""
    word = ctx.word(j)
    if word == "to":
        return j
    return j + 1 if word == "up" and ctx.word(j + 1) == "to" else None


def _change_verb_before(ctx: Context, k: int, floor: int) -> bool:
    """Tell whether a verb of change stands at token ``k`` or up to three words before it.

    "rose from", "cut its fares from", "doubled the fleet from": only words between.
    """
    for m in range(k, max(floor, k - 3) - 1, -1):
        tok = ctx.tokens[m]
        if tok.lower in CHANGE_VERBS:
            return True
        if tok.kind != "w":
            return False
    return False


def _range_of_change(ctx: Context, q: Quantity, to: int, floor: int) -> bool:
    """Tell "fell by 1 to 1.5 degrees" (one range) from "fell by 12 to 3,350" (a change, a level).

    A range's ends share a unit (or the first has none) and lie close: the second at most
    ``RANGE_OF_CHANGE_RATIO`` times the first, compared before a scale they share.
    """
    if to + 1 >= len(ctx.tokens):
        return False
    second = read_quantity(ctx, to + 1, floor)
    if second is None or second.vague is not None:
        return False
    if q.unit is not None and second.unit != q.unit:
        return False  # "gained 0.7 percent to 6,327.80", "fell 3% to $41.20"
    if second.scaled and not q.scaled and abs(q.raw) <= abs(second.raw):
        a, b = q.raw, second.raw
    else:
        a, b = q.value, second.value
    return 0 < a < b <= RANGE_OF_CHANGE_RATIO * a


def _suspended_hyphen(ctx: Context, r: Reading) -> Reading | Rejected:
    tokens, j = ctx.tokens, r.j
    if r.alone or r.q.unit is not None or j + 1 >= len(tokens):
        return r
    if tokens[j].text == "-" and ctx.attached(j) and tokens[j + 1].lower == "to":
        if ctx.spaced(j + 1):
            return r._replace(j=j + 1)
    return r


def _ratio(ctx: Context, r: Reading) -> Reading | Rejected:
    if r.alone or r.j >= len(ctx.tokens) or ctx.tokens[r.j].lower not in _RATIO_WORDS:
        return r
    q = ratio(ctx, r.q, r.j, r.floor)
    return r if q is None else r._replace(q=q, j=q.last + 1, last=q.last)


def _below_zero(ctx: Context, r: Reading) -> Reading | Rejected:
    j, q = r.j, r.q
    if r.alone or r.relation != "equal" or q.vague is not None or q.value <= 0:
        return r
    if (ctx.word(j), ctx.word(j + 1)) != BELOW_ZERO or not ctx.spaced(j + 1):
        return r
    unit, surface = q.unit, q.unit_surface
    if unit is None or unit.name == "degree angle":
        scale = scale_named_after(ctx, j + 1)  # "40 below zero on the Fahrenheit scale"
        if scale is not None:
            unit = ctx.lex.units[scale]
        elif unit is not None:
            unit = ctx.lex.units["degree Celsius"]  # "15 degrees below zero"
    q = q._replace(value=-q.value, raw=-q.raw, unit=unit, unit_surface=surface, last=j + 1)
    return r._replace(q=q, last=j + 1, j=j + 2)


def _spread(ctx: Context, r: Reading) -> Reading | Rejected:
    if r.alone or r.j >= len(ctx.tokens) or ctx.tokens[r.j].text not in _SPREAD_SIGNS:
        return r
    found = plus_minus(ctx, r.q, r.j, r.floor)
    if found is None:
        return r
    q, spread = found
    low, high = q._replace(value=q.value - spread.value), q._replace(value=q.value + spread.value)
    return r._replace(q=q, low=low, high=high, last=spread.last, relation="between")


def _range(ctx: Context, r: Reading) -> Reading | Rejected:
    tokens, j = ctx.tokens, r.j
    if r.alone or r.relation != "equal" or r.q.vague or j + 1 >= len(tokens):
        return r
    if tokens[j].lower not in RANGE_CONNECTORS:
        return r
    found = range_end(ctx, r.q, j, r.between, r.floor)
    if found is None or isinstance(found, Rejected):
        return r if found is None else found
    q, second = found
    first = r.first - 1 if r.between else r.first
    # "three or four years", "between 2 l and about 7 l": alternatives and hedges are estimates
    hedged = tokens[j].lower in ALTERNATIVE_CONNECTORS or ctx.word(second.first - 1) in (
        SECOND_END_HEDGES
    )
    return _reading(
        q, first, second.last, r.j, r.floor, r.between, "between", r.approximate or hedged, q,
        second, r.alone,
    )  # fmt: skip


def _shared_unit(ctx: Context, r: Reading) -> Reading | Rejected:
    if r.alone or r.relation != "equal" or not r.q.bare or r.between:
        return r
    if r.j >= len(ctx.tokens) or ctx.tokens[r.j].lower not in _LIST_WORDS:
        return r
    q = shared_unit(ctx, r.q, r.j, r.floor)
    return r if q is r.q else r._replace(q=q)


def _adjectival_time(ctx: Context, r: Reading) -> Reading | Rejected:
    q = r.q
    if r.alone or not q.adjectival or q.unit is None or q.unit.dimension != "time":
        return r
    k = r.first - 1
    if ctx.word(k) == "-" and ctx.word(k - 1) in HYPHEN_BOUNDS:
        k -= 2  # "a sub-10-second 100 metres"
    if ctx.word(k) not in ("a", "an"):
        return Rejected("name", q.first, q.last, q.last)  # "ten-year bond yields"
    return r


def _not_a_claim(ctx: Context, r: Reading) -> Reading | Rejected:
    if r.relation != "equal":
        return r
    q = r.q
    reason = why_not(ctx, q, r.floor)
    return r if reason is None else _TUPLE_NEW(Rejected, (reason, q.first, q.last, q.last))


def _rate(ctx: Context, r: Reading) -> Reading | Rejected:
    q = r.q
    if r.alone or q.vague is not None:
        return r
    k = r.last + 1
    if k >= len(ctx.tokens) or ctx.tokens[k].lower not in _RATE_OPENERS:
        return r  # the common case: no "/", "per", "a", "an" or "times" after the figure
    rate = rate_after(ctx, q.unit, q.unit_surface, r.last)
    if rate is None:
        return r
    unit, surface, last = rate
    return r._replace(q=q._replace(unit=unit, unit_surface=surface), last=last)


def _bound_before(ctx: Context, r: Reading) -> Reading | Rejected:
    if r.alone:
        return r
    q = r.q
    k = r.first - 1
    if k < r.floor or ctx.tokens[k].lower not in BOUND_LAST_WORDS:
        bound = None  # the common case: no bound phrase ends right before the figure
    else:
        bound = bound_before(ctx, r.first, r.floor)
    if bound is not None and is_period(ctx, q, r.first, bound[0]):
        bound = None
    if bound is None:
        if q.written and q.value == 1 and q.bare and r.relation == "equal":
            return Rejected("pronoun_one", q.first, q.last, q.last)  # "one of them"
        return r
    size, (relation, hedged) = bound
    return _reading(
        q, r.first - size, r.last, r.j, r.floor, r.between,
        relation if r.relation == "equal" else r.relation,  # type: ignore[arg-type]
        r.approximate or hedged, r.low, r.high, r.alone,
    )  # fmt: skip


def _bound_after(ctx: Context, r: Reading) -> Reading | Rejected:
    if r.alone:
        return r
    k = r.last + 1
    if k >= len(ctx.tokens) or ctx.tokens[k].lower not in _AFTER_WORDS:
        return r  # the common case: no "or", "and", "+", "-", "plus" after the figure
    after = bound_after(ctx, r.last)
    if after is not None:
        size, (relation, hedged) = after
        return _reading(
            r.q, r.first, r.last + size, r.j, r.floor, r.between,
            relation if r.relation == "equal" else r.relation,  # type: ignore[arg-type]
            r.approximate or hedged, r.low, r.high, r.alone,
        )  # fmt: skip
    if r.relation in _INCLUSIVE:
        size = or_equal(ctx, r.last)  # "more than 5000 or equal to": at least 5000
        if size:
            return r._replace(last=r.last + size, relation=_INCLUSIVE[r.relation])
    return r


def _hedge_verb(ctx: Context, r: Reading) -> Reading | Rejected:
    if r.alone or r.approximate or not hedge_verb_before(ctx, r.first):
        return r
    return _reading(r.q, r.first, r.last, r.j, r.floor, r.between, r.relation, True, r.low, r.high)


# The rules in the order they are applied; see the module docstring for why this order.
CLAIM_RULES: tuple[ClaimRule, ...] = (
    ClaimRule(
        "a change and a new level are two figures",
        _change,
        (
            Example("Unemployment rose from 4.1% to 4.4% in March.", ("4.1%", "4.4%")),
            Example("Shares fell 3% to $41.20 on Monday.", ("3%", "$41.20")),
            Example("Between 300 and 400 geese landed.", ("Between 300 and 400",)),
            Example("They cut the fare from €60 to €25.", ("€60", "€25")),
            Example("Seas rose by 20 to 30 cm.", ("20 to 30 cm",)),
            Example("The index fell by 12 to 3,350.", ("12", "3,350")),
        ),
        frozenset({"to", "up"}),
    ),
    ClaimRule(
        "a suspended hyphen opens a range",
        _suspended_hyphen,
        (Example("Boats of 8- to 16-metre length docked.", ("8- to 16-metre",)),),
        frozenset({"-"}),
    ),
    ClaimRule(
        "a ratio is one share",
        _ratio,
        (
            Example("One in five voters stayed home.", ("One in five",)),
            Example("Sales in 2021 over 2020 were flat.", (), (("2021", "year"),)),
            Example("They hired 275 in 2023.", ("275",), (("2023", "year"),)),
        ),
        _RATIO_WORDS,
    ),
    ClaimRule(
        '"below zero" makes a figure negative',
        _below_zero,
        (
            Example("It was 2 below zero at dawn.", ("2 below zero",)),
            Example("It fell to 15 degrees below zero.", ("15 degrees below zero",)),
            Example("Rates stayed below zero.", ("below zero",)),
        ),
        frozenset({"below"}),
    ),
    ClaimRule(
        "a spread makes an interval",
        _spread,
        (Example("The mass was 9.83 ± 0.01 kg in the test.", ("9.83 ± 0.01 kg",)),),
        _SPREAD_SIGNS,
    ),
    ClaimRule(
        "two numbers joined by a connector are a range, unless years, a score or names",
        _range,
        (
            Example("Some 300 to 400 sheep grazed.", ("Some 300 to 400",)),
            Example("It takes three or four days.", ("three or four days",)),
            Example("Was it 5,000 or 50,000?", ("5,000", "50,000")),
            Example("The vote was 52% to 48%.", ("52%", "48%")),
            Example("Flats run from 45 m² up to 90 m².", ("from 45 m² up to 90 m²",)),
            Example("It was extended by 18 months to 2026.", ("18 months",), (("2026", "year"),)),
            Example("The Stoxx 50 -1.3% at noon.", ("-1.3%",), (("50", "identifier"),)),
            Example("The 2019-20 season ended early.", (), (("2019-20", "year"),)),
            Example("The hosts won 3-1 at home.", (), (("3-1", "score"),)),
            Example("We bought milk at 7-Eleven today.", (), (("7-Eleven", "name"),)),
        ),
        RANGE_CONNECTORS,
    ),
    ClaimRule(
        "a list of numbers shares its last unit",
        _shared_unit,
        (Example("Doses of 45 and 50 mg were tried.", ("45", "50 mg")),),
        _LIST_WORDS,
    ),
    ClaimRule(
        "a duration used as an adjective names a thing",
        _adjectival_time,
        (
            Example("Ten-year bond yields rose.", (), (("Ten-year", "name"),)),
            Example("They agreed a 10-day truce.", ("10-day",)),
            Example("She ran a sub-10-second dash.", ("sub-10-second",)),
            Example("A now-18-month siege ended.", (), (("18-month", "name"),)),
        ),
    ),
    ClaimRule(
        "what is not a claim (the filter stage, non_claims.NON_CLAIM_RULES)",
        _not_a_claim,
        (Example("The bridge opened in 1932.", (), (("1932", "year"),)),),
    ),
    ClaimRule(
        "a price or a rate takes its denominator",
        _rate,
        (
            Example("The wage rises to $15 an hour.", ("$15 an hour",)),
            Example("They met four times a week.", ("four times a week",)),
        ),
    ),
    ClaimRule(
        'a bound or hedge before; "one" alone is no figure',
        _bound_before,
        (
            Example("More than 200 people came.", ("More than 200",)),
            Example("It sells sub-$900 phones.", ("sub-$900",)),
            Example("Results are due within 24 hours.", ("within 24 hours",)),
            Example("The team lost minus-5 yards.", ("minus-5 yards",)),
            Example("It was phased in over 10 years.", ("10 years",)),
            Example("He was one of them.", (), (("one", "pronoun_one"),)),
        ),
    ),
    ClaimRule(
        'a bound after: "or more", "-odd", "+"',
        _bound_after,
        (
            Example("We need 50 or more chairs.", ("50 or more",)),
            Example("It holds fewer than 5000 or equal.", ("fewer than 5000 or equal",)),
        ),
    ),
    ClaimRule(
        "a hedging verb a few words before",
        _hedge_verb,
        (Example("Police estimated that 300 rioters ran.", ("300",)),),
    ),
)
