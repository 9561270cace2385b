"""Convert stated amounts to SI base or coherent derived units, with pint doing the arithmetic.

Currencies keep their amounts and take their ISO 4217 code (no exchange rates); percentages stay
as they are. Each unit's conversion is worked out once (pint's registry loads lazily, on the first
measurement) and cached, so the hot path is one multiplication and one addition.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Final

from .english.currencies import MINOR_CURRENCY
from .numbers import times_ten_to
from .units import MONEY_RATE_DIMENSIONS, UnitInfo

if TYPE_CHECKING:
    import pint
    from pint.util import UnitsContainer

# The coherent SI units we report, as (pint unit, reported symbol); one per dimensionality.
_TARGETS: Final = (
    ("meter", "m"),
    ("meter ** 2", "m^2"),
    ("meter ** 3", "m^3"),
    ("kilogram", "kg"),
    ("second", "s"),
    ("kelvin", "K"),
    ("meter / second", "m/s"),
    ("meter / second ** 2", "m/s^2"),
    ("joule", "J"),
    ("watt", "W"),
    ("newton", "N"),
    ("pascal", "Pa"),
    ("hertz", "Hz"),
    ("ampere", "A"),
    ("volt", "V"),
    ("ohm", "ohm"),
    ("coulomb", "C"),
    ("farad", "F"),
    ("mole", "mol"),
    ("kilogram / meter ** 3", "kg/m^3"),
    ("meter ** 3 / second", "m^3/s"),
    ("kilogram / second", "kg/s"),
    ("candela", "cd"),
    ("lux", "lx"),
)

# quantulum3 base-unit names that pint spells differently.
_PINT_NAMES: Final = {
    "pound-mass": "pound",
    "degree fahrenheit": "degree_Fahrenheit",
    "degree Celsius": "degree_Celsius",
    "short ton": "short_ton",
    "long ton": "long_ton",
    "nautical mile": "nautical_mile",
    "british thermal unit": "BTU",
    "knot": "knot",
    "litre": "liter",
    # In news a barrel is oil's: 42 US gallons (159 L), not pint's 31.5-gallon "barrel".
    "barrel": "oil_barrel",
    "kilowatt hour": "kilowatt_hour",
    "watt second": "watt_second",
    "light-year": "light_year",
    "degree angle": "degree",
    "minute of arc": "arcminute",
    "second of arc": "arcsecond",
    "pound per square inch": "psi",
    "millimeter of mercury": "mmHg",
    "decade": "decade",
    "quintal": "quintal",
}

Converter = Callable[[float], float]

_MONEY_RATES: Final = frozenset(MONEY_RATE_DIMENSIONS.values())


@cache
def _registry() -> pint.UnitRegistry[float]:
    import pint  # deferred: counts and money never need the registry

    return pint.UnitRegistry()


@cache
def _targets() -> dict[UnitsContainer, tuple[str, str]]:
    ureg = _registry()
    return {ureg.parse_units(unit).dimensionality: (unit, symbol) for unit, symbol in _TARGETS}


def _pint_expression(info: UnitInfo) -> str:
    parts = []
    for base, power in info.base:
        name = _PINT_NAMES.get(base, base.replace(" ", "_"))
        parts.append(name if power == 1 else f"{name} ** {power}")
    return " * ".join(parts)


@cache
def converter(info: UnitInfo) -> tuple[Converter, str] | None:
    """Return a function to the reported SI unit and that unit's symbol; None if pint can't."""
    if info.currency_code:
        return (float, info.currency_code)
    if info.dimension in _MONEY_RATES:
        return _money_rate(info)
    if info.name == "share":
        return (_per_cent, "%")  # "1 in 5" is 20%
    if info.dimension == "percentage":
        return (float, "%")  # percentage points too: unit.name tells them apart
    if info.dimension == "index":
        return None  # index points: no SI unit
    if info.name == "magnitude":
        return (float, "magnitude")  # a logarithmic scale: no SI unit to convert to
    if info.name in MINOR_CURRENCY:
        code, factor = MINOR_CURRENCY[info.name]
        return (lambda value, _f=factor: value * _f, code)
    if info.dimension == "angle":
        ureg = _registry()
        try:
            factor = ureg.Quantity(1.0, _pint_expression(info)).to("radian").magnitude
        except Exception:  # pint raises several unrelated types for unknown names
            return None
        return (lambda value, _f=float(factor): value * _f, "rad")
    if info.dimension in {"data", "data rate"}:
        # pint treats information as dimensionless, so its dimensionality can't pick the target.
        target_unit, symbol = ("bit", "bit") if info.dimension == "data" else ("bit/s", "bit/s")
        ureg = _registry()
        try:
            factor = ureg.Quantity(1.0, _pint_expression(info)).to(target_unit).magnitude
        except Exception:  # pint raises several unrelated types for unknown names
            return None
        return (lambda value, _f=float(factor): value * _f, symbol)
    ureg = _registry()
    try:
        source = ureg.parse_units(_pint_expression(info))
    except Exception:  # pint raises several unrelated types for unknown names
        return None
    target = _targets().get(source.dimensionality)
    if target is None:
        return None
    pint_target = ureg.parse_units(target[0])
    if source.dimensionality == ureg.kelvin.dimensionality and str(source) != "kelvin":
        return (_temperature(ureg, source, pint_target), target[1])
    factor = float(ureg.Quantity(1.0, source).to(pint_target).magnitude)
    return (lambda value, _f=factor: value * _f, target[1])


# Values a temperature's affine converter is checked on against pint, to the bit, before it is
# used: zero, signs, fractions, the scales' landmarks and a float's extremes.
_PROBES: Final = (
    0.0,
    -0.0,
    1.0,
    -1.0,
    0.1,
    0.5,
    37.5,
    -40.0,
    98.6,
    100.0,
    -273.15,
    -459.67,
    451.0,
    1e6,
    1e300,
)


def _temperature(ureg: pint.UnitRegistry[float], source: pint.Unit, target: pint.Unit) -> Converter:
    """Convert a temperature as pint does, without pint's 40 µs a value.

    pint converts an offset unit ("degree_Fahrenheit") by its affine map to kelvin, ``value ×
    scale + offset``, then multiplies by the factor from kelvin to the target (one): the same
    arithmetic, in the same order, is done here with the map's numbers read once a unit. It is
    used only if it gives pint's floats to the bit on ``_PROBES``; otherwise pint runs per value.
    """

    def exact(value: float) -> float:
        return float(ureg.Quantity(value, source).to(target).magnitude)

    affine = _affine(ureg, source, target)
    if affine is not None and all(_same(affine(v), exact(v)) for v in _PROBES):
        return affine
    return exact


def _affine(
    ureg: pint.UnitRegistry[float], source: pint.Unit, target: pint.Unit
) -> Converter | None:
    """Return pint's map from ``source`` to ``target`` as ``(value × scale + offset) × factor``."""
    definition = ureg._units.get(str(source))  # pint keeps a unit's offset only here
    if definition is None:
        return None
    scale = getattr(definition.converter, "scale", None)
    offset = getattr(definition.converter, "offset", 0)
    if not isinstance(scale, (int, float)) or not isinstance(offset, (int, float)) or not offset:
        return None  # kelvin and rankine are no offset units: the plain factor is theirs
    factor = ureg.Quantity(1, ureg.kelvin).to(target).magnitude
    if not isinstance(factor, (int, float)):
        return None

    def convert(value: float) -> float:
        return float((value * scale + offset) * factor)

    return convert


def _same(a: float, b: float) -> bool:
    """Tell whether two floats are the same to the bit (-0.0 is not 0.0)."""
    return a.hex() == b.hex()


def _per_cent(value: float) -> float:
    """Return a share in per cent as decimals would: 0.2 is 20.0, not 20.000000000000004."""
    return times_ten_to(value, 2)


def _money_rate(info: UnitInfo) -> tuple[Converter, str] | None:
    """Convert a price or a wage to its currency per SI unit: "$15 an hour" → 0.00417 USD/s.

    The same rule as every other quotient ("km/h" → m/s, "barrels a day" → m^3/s): the
    denominator goes to SI, so "$15 an hour" and "$2,600 a month" compare on one scale, as do
    "$80 a barrel" and "$0.50 a litre" (USD/m^3). The currency stays as it is, with no exchange
    rate, and a minor unit counts in its major one ("50 cents a litre" → USD/m^3). What the text
    said ("an hour", "a month") stays in the claim's value and ``unit.name``.
    """
    (top, _), *bottom = info.base
    code, factor = MINOR_CURRENCY.get(top, (top, 1.0))
    per = converter(UnitInfo("", None, "", None, tuple((b, -p) for b, p in bottom)))
    if per is None or "/" in per[1]:
        return None
    factor /= per[0](1.0)
    return (lambda value, _f=factor: value * _f, f"{code}/{per[1]}")
