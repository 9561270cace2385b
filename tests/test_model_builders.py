"""The model's fast builders make exactly what the class's constructor does.

``service.core.model_builders`` sets each field through its slot, which checks neither the
fields' number nor their order: these rows do, with a distinct value in every field, None in
every optional one and the defaults left out, and each builder's field list is the model's,
in order, so that a field added to ``model.py`` fails here rather than being left unset.
"""

import dataclasses
import pickle
from collections.abc import Callable
from typing import Any

import pytest

from service.core import model_builders as make
from service.core.model import (
    Change,
    Claim,
    DateRange,
    Normalized,
    Source,
    Span,
    Time,
    Unit,
)

_SAID = Span("said", 40, 44)
_ROSE = Span("rose", 10, 14)
_SENTENCE = Span("Sales rose 5% to $3bn, the firm said.", 0, 38)
_UNIT = Unit("dollar", "$", "currency", "$")
_NORMALIZED = Normalized(3e9, 3e9, 3e9, "USD")
_RANGE = DateRange("2024-03-01", "2024-03-31")
_CHANGE = Change("up", "to", _ROSE)
_SOURCE = Source("the firm", 23, 31, _SAID)
_TIME = Time("in March", 45, 53, _RANGE)

# (the class, the arguments, the keyword arguments: its builder and constructor get both)
ROWS: list[tuple[type, tuple[Any, ...], dict[str, Any]]] = [
    (Span, ("rose", 10, 14), {}),
    (Span, ("", 0, 0), {}),  # subjects.NO_SUBJECT
    (Span, ("£1.5bn", 1_000_000, 1_000_006), {}),
    (Normalized, (5.0, 5.0, 5.0, "m"), {}),
    (Normalized, (None, 1.0, 2.5, "kg"), {}),  # a range: no single value
    (Normalized, (None, None, 3.0, "%"), {}),  # open below
    (Normalized, (None, 4.0, None, "USD"), {}),  # open above
    (Change, ("up", "by", _ROSE), {}),
    (Change, ("down", "from", Span("a fall of", 3, 12)), {}),
    (Source, ("the firm", 23, 31, _SAID), {}),
    (Source, ("he", 0, 2, Span("according to", 5, 17)), {}),
    (DateRange, ("2024-03-01", "2024-03-31"), {}),
    (DateRange, ("1999-12-31", "1999-12-31"), {}),
    (Time, ("in March", 45, 53, _RANGE), {}),
    (Time, ("last year", 7, 16, None), {}),  # no reference date: unresolved
    # A claim with every field given, distinct where the types allow.
    (
        Claim,
        ("$3bn", 17, 21, 3e9, 3e9, 3e9, "equal", False, _UNIT, _NORMALIZED, Span("sales", 0, 5)),
        {
            "kind": "money",
            "sentence": _SENTENCE,
            "change": _CHANGE,
            "source": _SOURCE,
            "time": _TIME,
            "subject": Span("Sales", 0, 5),
        },
    ),
    # A bare count: no unit, no SI value, no entity, and the frame left to its defaults.
    (Claim, ("12", 0, 2, 12.0, 12.0, 12.0, "equal", True, None, None, None), {}),
    # A range, open at the top, hedged, with a frame but no subject.
    (
        Claim,
        ("more than 4%", 3, 15, None, 4.0, None, "more_than", True, None, None, None),
        {"kind": "percentage", "sentence": _SENTENCE, "source": _SOURCE, "time": _TIME},
    ),
]


def _claim_defaults(cls: type, kwargs: dict[str, Any]) -> dict[str, Any]:
    """A claim's ``kind`` and ``sentence`` have no defaults: rows that leave them out give them."""
    if cls is Claim:
        return {"kind": "count", "sentence": _SENTENCE} | kwargs
    return kwargs


def _builders(cls: type) -> list[Callable[..., Any]]:
    """The builder the core calls, and the function behind it (the same, when compiled)."""
    function = make.BUILDERS[cls]
    return [getattr(make, function.__name__), function]


@pytest.mark.parametrize(("cls", "args", "kwargs"), ROWS)
def test_builder_makes_what_the_constructor_does(
    cls: type, args: tuple[Any, ...], kwargs: dict[str, Any]
) -> None:
    kwargs = _claim_defaults(cls, kwargs)
    expected = cls(*args, **kwargs)
    first = dataclasses.fields(cls)[0].name
    for builder in _builders(cls):
        built = builder(*args, **kwargs)
        assert type(built) is cls
        assert built == expected
        assert repr(built) == repr(expected)
        assert hash(built) == hash(expected)
        assert dataclasses.astuple(built) == dataclasses.astuple(expected)
        assert pickle.loads(pickle.dumps(built)) == expected
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(built, first, getattr(built, first))  # frozen, as the constructor's


@pytest.mark.parametrize(("cls", "args", "kwargs"), ROWS)
def test_builder_takes_every_field_by_its_name(
    cls: type, args: tuple[Any, ...], kwargs: dict[str, Any]
) -> None:
    """Each field given by name lands in that field (a name the builder lacks raises)."""
    expected = cls(*args, **_claim_defaults(cls, kwargs))
    named = {field.name: getattr(expected, field.name) for field in dataclasses.fields(cls)}
    for builder in _builders(cls):
        assert builder(**named) == expected


@pytest.mark.parametrize("cls", list(make.FIELDS))
def test_fields_are_the_models_in_order(cls: type) -> None:
    assert make.FIELDS[cls] == tuple(field.name for field in dataclasses.fields(cls))


def test_every_class_built_has_rows_and_fields() -> None:
    assert {row[0] for row in ROWS} == set(make.FIELDS) == set(make.BUILDERS)


def test_the_compiled_core_builds_through_the_functions() -> None:
    """Compiled, the core calls the builders; pure, the classes (faster there: see the module)."""
    compiled = not make.__file__.endswith(".py")
    assert make.COMPILED is compiled
    for cls, function in make.BUILDERS.items():
        assert (getattr(make, function.__name__) is cls) is not compiled
