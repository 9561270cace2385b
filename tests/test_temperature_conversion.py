"""Temperatures convert to kelvin by an affine map read once a unit: pint's floats to the bit.

The build stage used to call pint for every temperature (40 µs a value); ``normalize`` now
reads pint's scale and offset once and does pint's arithmetic in pint's order. Any difference
in the last bit would change the golden snapshot, so every unit is checked here on many values.
"""

from __future__ import annotations

import random

import pytest

from service.core.normalize import _registry, converter
from service.core.units import lexicon

# Values as news states them, the scales' landmarks, and a float's awkward corners.
STATED = [0.0, -0.0, 1.0, -1.0, 0.1, 0.2, 0.3, 12.5, 21.7, 37.0, 37.5, 98.6, 100.0, 212.0]
LANDMARKS = [-273.15, -459.67, -40.0, 451.0, 5778.0, 1e-300, 1e300, -1e300, 5e-324]
RANDOM = [r.uniform(-1000.0, 6000.0) for r in [random.Random(11)] for _ in range(3000)]
DECIMALS = [k / 10 for k in range(-3000, 3001)]

UNITS = ["degree Celsius", "degree fahrenheit", "kelvin"]


@pytest.mark.parametrize("name", UNITS)
def test_converter_gives_pints_floats(name: str) -> None:
    info = lexicon().units[name]
    found = converter(info)
    assert found is not None
    assert found[1] == "K"
    convert = found[0]
    ureg = _registry()
    source = ureg.parse_units(
        {"degree Celsius": "degree_Celsius", "degree fahrenheit": "degree_Fahrenheit"}.get(
            name, name
        )
    )
    for value in STATED + LANDMARKS + RANDOM + DECIMALS:
        expected = float(ureg.Quantity(value, source).to("kelvin").magnitude)
        assert convert(value).hex() == expected.hex(), (name, value)


@pytest.mark.parametrize(
    ("name", "value", "kelvin"),
    [
        ("degree Celsius", 0.0, 273.15),
        ("degree Celsius", -273.15, 0.0),
        ("degree fahrenheit", 32.0, 273.15),
        ("kelvin", 300.0, 300.0),
    ],
)
def test_landmarks(name: str, value: float, kelvin: float) -> None:
    found = converter(lexicon().units[name])
    assert found is not None
    assert found[0](value) == pytest.approx(kelvin, abs=1e-9)
