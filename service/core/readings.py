"""The readings the claim rules pass along: immutable, each rule returning a new one.

A ``Reading`` is a figure on its way to becoming a claim: the quantity the reader found, how
far the claim reaches, and what the bounds and hedges have said so far. A ``Rejected`` ends the
way: the tokens it covers are not a claim, for the reason it gives.
"""

from __future__ import annotations

from typing import NamedTuple

from .model import Kind, Normalized, Relation, Span, Unit
from .quantities import Quantity


class Reading(NamedTuple):
    """A figure being read; token indexes are inclusive.

    A named tuple rather than a frozen dataclass: every number of a text makes one and most
    rules make a new one, and a tuple is built four times faster (``_replace`` three times),
    which kept the staged core as fast as the one it replaced. It is as immutable.
    """

    q: Quantity  # the figure (a range's first end); its unit may come from the other end
    first: int  # the claim's first token (bound words included)
    last: int  # the claim's last token
    j: int  # the token after the number, where a connector ("to", "-", "±") may stand
    floor: int  # the first token no earlier claim took: look-behinds stop there
    between: bool  # "between" or "from" opens a range here
    relation: Relation = "equal"
    approximate: bool = False  # hedged so far
    low: Quantity | None = None  # a range's or a spread's low end; None: ``q`` itself
    high: Quantity | None = None  # its high end
    alone: bool = False  # one figure of a change ("rose from 4.1% to 4.4%"): no more widening


class Rejected(NamedTuple):
    """Tokens that are not a claim, and why (a named tuple, as ``Reading`` is)."""

    reason: str  # a code of ``reasons.REASONS``
    first: int  # the first token it covers
    last: int  # the last token it covers
    resume: int  # the scan goes on after this token


class Placed(NamedTuple):
    """A claim as build made it, before its frame, with its first and last token.

    The join and frame stages read around it; the frame stage then makes the ``Claim`` once,
    with its frame (``build.claim``). Its fields up to ``sentence`` are ``Claim``'s, by the same
    names: a ``Claim`` is a frozen dataclass (1.75 µs to build, even in the compiled core) and
    was built twice, first without its frame and then with it; a named tuple costs a fraction.
    """

    text: str  # input[start:end]
    start: int
    end: int
    value: float | None
    low: float | None
    high: float | None
    relation: Relation
    approximate: bool
    unit: Unit | None
    normalized: Normalized | None
    entity: Span | None
    kind: Kind
    sentence: Span
    first: int  # the claim's first token
    last: int  # its last token
