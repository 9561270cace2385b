"""The fast builders of the per-number named tuples make exactly what the named constructor does.

``numerals._numeral``, ``quantities.quantity`` and ``rules._reading`` call ``tuple.__new__``
with the fields in order (a named tuple's own ``__new__`` is a Python lambda, a generic call in
the compiled core), which checks neither their number nor their order: these rows do.
"""

import pytest

from service.core.numbers import Numeral
from service.core.numerals import _numeral
from service.core.quantities import Quantity, quantity
from service.core.readings import Reading
from service.core.rules import _reading
from service.core.units import lexicon

_Q = Quantity(3, 5, 2.5e6, 2.5, True, False, None, None, None, 4)
_R = Quantity(7, 7, 10.0, 10.0, False, True, (10.0, 20.0), None, None, 7, age=True)

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
    assert type(built) is Numeral
    assert built._asdict() == expected._asdict()
    assert len(built) == len(Numeral._fields)


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
        assert type(built) is Quantity
        assert built._asdict() == expected._asdict()
        assert len(built) == len(Quantity._fields)


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
    assert type(built) is Reading
    assert built._asdict() == expected._asdict()
    assert len(built) == len(Reading._fields)
