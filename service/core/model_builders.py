"""Fast builders of the model's frozen dataclasses, for the values the core makes per claim.

Why: ``model.py`` stays pure Python in the compiled wheel (pyproject.toml says why), so
``Claim(...)`` from the compiled core is a generic call into a Python class whose dataclass
``__init__`` is a Python frame setting each field with ``object.__setattr__`` (the class is
frozen): 1.7 µs a ``Claim``, 0.42 µs a ``Span``. That ``__init__`` does nothing but set the
fields, so ``object.__new__`` and the same ``object.__setattr__`` per field make the same
object: an ordinary instance of the class, equal, hashed, printed and pickled as the
constructor's. Compiled, mypyc turns each ``object.__setattr__`` into one C call (no frame, no
argument tuple): 0.32 µs a ``Claim``, 0.15 µs a ``Span``, the core 1.08-1.09x faster on 1 MB
of news text. In pure Python the same functions are slower than the constructors, so there the
names below are the classes themselves (``COMPILED``). The model keeps its constructors for
everyone else; only the core's hot path builds through here.

Nothing here checks the fields as a constructor would: ``FIELDS`` names each builder's fields
in order, and tests/test_model_builders.py checks them against ``dataclasses.fields`` and each
builder (``BUILDERS``, in either build) against its class's constructor, so that a field added
to the model fails a test rather than being left unset.
"""

from __future__ import annotations

from types import FunctionType
from typing import Final

from .model import (
    Change,
    ChangeRole,
    Claim,
    DateRange,
    Direction,
    Kind,
    Normalized,
    Relation,
    Source,
    Span,
    Time,
    Unit,
)

# The fields each builder sets, in the model's order (the test compares them).
FIELDS: Final[dict[type, tuple[str, ...]]] = {
    Span: ("text", "start", "end"),
    Normalized: ("value", "low", "high", "unit"),
    Change: ("direction", "role", "trigger"),
    Source: ("text", "start", "end", "cue"),
    DateRange: ("start", "end"),
    Time: ("text", "start", "end", "resolved"),
    Claim: (
        "text", "start", "end", "value", "low", "high", "relation", "approximate", "unit",
        "normalized", "entity", "kind", "sentence", "change", "source", "time", "subject",
    ),
}  # fmt: skip

_NEW: Final = object.__new__


def span(text: str, start: int, end: int) -> Span:
    """``Span(text, start, end)``."""
    made: Span = _NEW(Span)
    object.__setattr__(made, "text", text)
    object.__setattr__(made, "start", start)
    object.__setattr__(made, "end", end)
    return made


def normalized(value: float | None, low: float | None, high: float | None, unit: str) -> Normalized:
    """``Normalized(value, low, high, unit)``."""
    made: Normalized = _NEW(Normalized)
    object.__setattr__(made, "value", value)
    object.__setattr__(made, "low", low)
    object.__setattr__(made, "high", high)
    object.__setattr__(made, "unit", unit)
    return made


def change(direction: Direction, role: ChangeRole, trigger: Span) -> Change:
    """``Change(direction, role, trigger)``."""
    made: Change = _NEW(Change)
    object.__setattr__(made, "direction", direction)
    object.__setattr__(made, "role", role)
    object.__setattr__(made, "trigger", trigger)
    return made


def source(text: str, start: int, end: int, cue: Span) -> Source:
    """``Source(text, start, end, cue)``."""
    made: Source = _NEW(Source)
    object.__setattr__(made, "text", text)
    object.__setattr__(made, "start", start)
    object.__setattr__(made, "end", end)
    object.__setattr__(made, "cue", cue)
    return made


def date_range(start: str, end: str) -> DateRange:
    """``DateRange(start, end)``."""
    made: DateRange = _NEW(DateRange)
    object.__setattr__(made, "start", start)
    object.__setattr__(made, "end", end)
    return made


def time(text: str, start: int, end: int, resolved: DateRange | None) -> Time:
    """``Time(text, start, end, resolved)``."""
    made: Time = _NEW(Time)
    object.__setattr__(made, "text", text)
    object.__setattr__(made, "start", start)
    object.__setattr__(made, "end", end)
    object.__setattr__(made, "resolved", resolved)
    return made


def claim(
    text: str,
    start: int,
    end: int,
    value: float | None,
    low: float | None,
    high: float | None,
    relation: Relation,
    approximate: bool,
    unit: Unit | None,
    normalized: Normalized | None,
    entity: Span | None,
    kind: Kind,
    sentence: Span,
    change: Change | None = None,
    source: Source | None = None,
    time: Time | None = None,
    subject: Span | None = None,
) -> Claim:
    """``Claim(text, start, ..., subject)``, the frame's fields None unless given."""
    made: Claim = _NEW(Claim)
    object.__setattr__(made, "text", text)
    object.__setattr__(made, "start", start)
    object.__setattr__(made, "end", end)
    object.__setattr__(made, "value", value)
    object.__setattr__(made, "low", low)
    object.__setattr__(made, "high", high)
    object.__setattr__(made, "relation", relation)
    object.__setattr__(made, "approximate", approximate)
    object.__setattr__(made, "unit", unit)
    object.__setattr__(made, "normalized", normalized)
    object.__setattr__(made, "entity", entity)
    object.__setattr__(made, "kind", kind)
    object.__setattr__(made, "sentence", sentence)
    object.__setattr__(made, "change", change)
    object.__setattr__(made, "source", source)
    object.__setattr__(made, "time", time)
    object.__setattr__(made, "subject", subject)
    return made


# The builder of each class (the tests run these in both builds, and compare them to FIELDS).
BUILDERS: Final = {
    Span: span,
    Normalized: normalized,
    Change: change,
    Source: source,
    DateRange: date_range,
    Time: time,
    Claim: claim,
}
# A compiled module's functions are built-in functions, a pure one's Python functions.
COMPILED: Final = not isinstance(span, FunctionType)
if not COMPILED:
    # In pure Python each ``object.__setattr__`` is a look-up and a call in the interpreter,
    # slower than the dataclass's own ``__init__`` (2.5 µs a ``Claim`` against 1.6): the
    # classes themselves build, as fast as before.
    span = Span
    normalized = Normalized
    change = Change
    source = Source
    date_range = DateRange
    time = Time
    claim = Claim
