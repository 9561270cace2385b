"""The claim data model: immutable values that never carry parser internals.

Field names are part of the public contract: the HTTP API serialises them as they are.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Relation = Literal["equal", "more_than", "at_least", "less_than", "at_most", "between"]
Kind = Literal["count", "measurement", "percentage", "money"]
Direction = Literal["up", "down"]
ChangeRole = Literal["by", "from", "to"]


class ExtractionError(ValueError):
    """Raised only on misuse of the core (wrong argument type), never for "nothing found"."""


class ExtractionTimeout(Exception):
    """Raised when the time a caller gave with ``time_limit`` ran out during an extraction."""


@dataclass(frozen=True, slots=True)
class Span:
    """A located piece of the input: ``input[start:end] == text``."""

    text: str  # the exact characters of the input
    start: int  # offset of the first code point
    end: int  # offset one past the last code point


@dataclass(frozen=True, slots=True)
class Unit:
    """The unit as stated in the text, named from quantulum3's unit knowledge."""

    name: str  # quantulum3's unit name, e.g. "kilometre", "pound sterling"
    symbol: str | None  # a conventional symbol, e.g. "km", "£"; None when the unit has none
    dimension: str  # "length", "currency", "percentage", "time", …
    surface: str  # the unit as written in the text, e.g. "km", "per cent", "$"


@dataclass(frozen=True, slots=True)
class Normalized:
    """The claim converted to SI base or coherent derived units (currencies: ISO 4217 code)."""

    value: float | None  # the single value, or None for a range
    low: float | None  # lower bound, None when open
    high: float | None  # upper bound, None when open
    unit: str  # "m", "kg", "K", "m/s", "J", "W", "bit", "USD", "%", …


@dataclass(frozen=True, slots=True)
class Change:
    """The figure takes part in a stated change: "rose from 4.1% to 4.4%", "fell 3%"."""

    direction: Direction  # "up" or "down", from the trigger (or from the two values)
    role: ChangeRole  # "by" the amount of change, "from" the earlier level, "to" the new one
    trigger: Span  # the word or phrase that states the change: "rose", "a fall of", "up"


@dataclass(frozen=True, slots=True)
class Source:
    """Who states the figure, when its sentence attributes it: "the coalition estimated"."""

    text: str  # the speaker as written: "the coalition", "a local official", "he"
    start: int
    end: int
    cue: Span  # the reporting verb or phrase: "said", "estimated", "according to"


@dataclass(frozen=True, slots=True)
class DateRange:
    """Calendar days, both included, as ISO 8601 dates."""

    start: str  # "YYYY-MM-DD"
    end: str  # "YYYY-MM-DD"


@dataclass(frozen=True, slots=True)
class Time:
    """The time the figure refers to, when its sentence states one: "in March", "last year"."""

    text: str  # as written, with its preposition: "on Friday 13 October", "earlier in the week"
    start: int
    end: int
    resolved: DateRange | None  # the days it denotes, given a reference date; else None


@dataclass(frozen=True, slots=True)
class Claim:
    """One numeric claim: an amount of something, with where it stands in the text."""

    text: str  # input[start:end]: hedge and bound words, number(s) and unit
    start: int  # offset of the claim's first code point
    end: int  # offset one past its last code point
    value: float | None  # the single stated number, or None for a range
    low: float | None  # lower end of the asserted interval, None when open
    high: float | None  # upper end of the asserted interval, None when open
    relation: Relation  # how the number bounds the amount
    approximate: bool  # True when hedged ("about", "an estimated", "dozens")
    unit: Unit | None  # None for bare counts
    normalized: Normalized | None  # None for bare counts
    entity: Span | None  # the counted or measured thing, when the sentence names it
    kind: Kind  # "count" | "measurement" | "percentage" | "money"
    sentence: Span  # the sentence that contains the claim
    # The claim's frame: how it changed, who states it, when it holds, what it measures.
    change: Change | None = None  # a stated change the figure takes part in
    source: Source | None = None  # who states it
    time: Time | None = None  # when it holds
    subject: Span | None = None  # what it measures or counts: "Unemployment", "militants"


@dataclass(frozen=True, slots=True)
class Rejection:
    """A number-like span of the input that is not a claim, and why (``explain``)."""

    text: str  # input[start:end]: the number, or the whole date or time it stands in
    start: int
    end: int
    reason: str  # a code of ``reasons.REASONS``: "year", "date", "ordinal", …


@dataclass(frozen=True, slots=True)
class Explanation:
    """What ``explain`` returns: the claims, and every number left out with its reason."""

    claims: tuple[Claim, ...]  # exactly what ``extract`` returns
    rejected: tuple[Rejection, ...]  # in text order; none overlaps a claim
