"""The fast builders of the per-number named tuples make exactly what the named constructor does.

``numerals._numeral``, ``quantities.quantity`` and ``rules._reading`` call ``tuple.__new__``
with the fields in order (a named tuple's own ``__new__`` is a Python lambda, a generic call in
the compiled core), which checks neither their number nor their order: these rows do.
"""

from typing import Any

import pytest

from service.core.changes import ChangeFound, _change_found, _Found, _found
from service.core.context import Context
from service.core.numbers import Numeral
from service.core.numerals import _numeral
from service.core.quantities import Quantity, quantity
from service.core.readings import Reading
from service.core.rules import _reading
from service.core.sources import Attribution, _attribution
from service.core.time_words import Opening, Tense, TimeFound, _opening, time_found
from service.core.times import _flagged
from service.core.units import lexicon

_Q = Quantity(3, 5, 2.5e6, 2.5, True, False, None, None, None, 4)
_R = Quantity(7, 7, 10.0, 10.0, False, True, (10.0, 20.0), None, None, 7, age=True)


def _assert_same(built: Any, expected: Any) -> None:
    """The fast builder made the named tuple's type, with every field, each as named."""
    assert type(built) is type(expected)
    assert built._asdict() == expected._asdict()
    assert len(built) == len(type(expected)._fields)


NUMERALS = [
    # (arguments of _numeral, the Numeral the named constructor makes)
    ((4.0, 1, 1, False, 4.0), Numeral(4.0, 1, 1, raw=4.0)),
    ((2.4e6, 0, 1, True, 2.4), Numeral(2.4e6, 0, 1, scaled=True, raw=2.4)),
    ((3e6, 2, 4, True, 3.0, True), Numeral(3e6, 2, 4, True, True, None, 3.0)),
    ((0.5, 6, 6, False, 0.5, True), Numeral(0.5, 6, 6, written=True, raw=0.5)),
]


@pytest.mark.parametrize(("args", "expected"), NUMERALS)
def test_numeral(args: tuple, expected: Numeral) -> None:
    built = _numeral(*args)
    _assert_same(built, expected)


def _quantities() -> list[tuple[tuple, Quantity]]:
    usd = lexicon().currency("USD")
    return [
        (
            (0, 0, 5.0, 5.0, False, False, None, None, None, 0),
            Quantity(0, 0, 5.0, 5.0, False, False, None, None, None, 0),
        ),
        (
            (1, 3, 1.5e9, 1.5, True, False, None, usd, "$", 2),
            Quantity(1, 3, 1.5e9, 1.5, True, False, None, usd, "$", 2),
        ),
        (
            (4, 6, 23.0, 23.0, False, False, None, usd, "year-old", 4, True, False),
            Quantity(4, 6, 23.0, 23.0, False, False, None, usd, "year-old", 4, age=True),
        ),
        (
            (2, 3, 10.0, 10.0, False, True, (10.0, 20.0), None, None, 2, False, True),
            Quantity(2, 3, 10.0, 10.0, False, True, (10.0, 20.0), None, None, 2, adjectival=True),
        ),
    ]


def test_quantity() -> None:
    for args, expected in _quantities():
        built = quantity(*args)
        _assert_same(built, expected)


READINGS = [
    ((_Q, 3, 5, 6, 0, False, "equal", False), Reading(_Q, 3, 5, 6, 0, False)),
    (
        (_Q, 2, 5, 6, 1, True, "between", True, _Q, _R),
        Reading(_Q, 2, 5, 6, 1, True, "between", True, _Q, _R),
    ),
    (
        (_R, 7, 9, 8, 2, False, "more_than", False, None, None, True),
        Reading(_R, 7, 9, 8, 2, False, relation="more_than", alone=True),
    ),
]


@pytest.mark.parametrize(("args", "expected"), READINGS)
def test_reading(args: tuple, expected: Reading) -> None:
    built = _reading(*args)
    _assert_same(built, expected)


# --- The frame stage's named tuples -------------------------------------------------------------


def _resolve(r: object) -> None:
    return None


def _back(days: object) -> None:
    return None


_TENSE = Tense(Context.of("Sales rose in May."), 0, 4)

FRAME_TUPLES = [
    # (the fast builder's result, what the named constructor makes)
    (time_found(2, 4, _resolve), TimeFound(2, 4, _resolve)),
    (time_found(1, 3, _resolve, counts=True), TimeFound(1, 3, _resolve, counts=True)),
    (time_found(0, 0, _resolve, weak=True), TimeFound(0, 0, _resolve, weak=True)),
    (
        time_found(5, 7, _resolve, True, False, True, False, False, _back, True),
        TimeFound(5, 7, _resolve, base=True, event=True, back=_back, counts=True),
    ),
    (
        time_found(5, 9, _resolve, said=True, never=True),
        TimeFound(5, 9, _resolve, said=True, never=True),
    ),
    (_opening("in", _TENSE), Opening("in", _TENSE)),  # a real Tense: compiled, the type is checked
    (_change_found(None, None), ChangeFound(None, None)),
    (_change_found(None, 3), ChangeFound(None, 3)),
    (_found("up", "by", (2, 2)), _Found("up", "by", (2, 2))),
    (_found(None, "to", (4, 5)), _Found(None, "to", (4, 5))),
    (_attribution((0, 1), (2, 2)), Attribution((0, 1), (2, 2))),
]


@pytest.mark.parametrize(("built", "expected"), FRAME_TUPLES)
def test_frame_tuples(built: tuple, expected: tuple) -> None:
    _assert_same(built, expected)


def test_flagged_sets_only_the_flags_given() -> None:
    here = TimeFound(3, 5, _resolve, weak=True, back=_back, counts=True)
    assert _flagged(here, said=True) == here._replace(said=True)
    assert _flagged(here, base=True, never=True) == here._replace(base=True, never=True)
    assert _flagged(here) == here
