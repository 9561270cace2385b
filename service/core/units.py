"""The unit lexicon, built once from quantulum3's unit tables, with news-text traps fixed.

quantulum3 knows ~400 units (with SI prefixes ~1,400 surfaces), but building its own ``Units``
object costs ~2 s (it pluralises every surface with inflect). We read the same JSON tables from
the installed package and index them ourselves, which takes a few milliseconds. This is the only
module that touches quantulum3's data, so its names never leak further than ``UnitInfo``.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import Final, TypedDict

from .english.currencies import (
    CURRENCY_NAMES,
    CURRENCY_READINGS,
    CURRENCY_SIGNS_AFTER,
    CURRENCY_SPELLINGS,
    NEWS_CURRENCIES,
)
from .english.measures import (
    KEPT_DIMENSIONLESS,
    METRIC_PREFIXES,
    NEWS_SURFACES,
    NEWS_SYMBOLS,
    NOT_UNITS,
    PREFERRED_READINGS,
    UNIT_PLURALS,
)

# Re-exported: the unit reader reads it from here, beside the lexicon it qualifies.
from .english.measures import SPACED_LETTER_OK as SPACED_LETTER_OK
from .numbers import tokenize

# quantulum3 entity names renamed to the API's dimension vocabulary.
_DIMENSION_NAMES: Final = {"data storage": "data", "data transfer rate": "data rate"}

# When one surface names several units, news text means the first of these dimensions.
_DIMENSION_PREFERENCE: Final = (
    "currency",
    "percentage",
    "length",
    "mass",
    "time",
    "temperature",
    "volume",
    "area",
    "speed",
    "energy",
    "power",
    "data",
    "data rate",
    "pressure",
    "force",
    "frequency",
)

# Surfaces whose reading in news text is fixed regardless of quantulum3's other candidates.
_PREFERRED: Final = {**PREFERRED_READINGS, **CURRENCY_READINGS}

# Dimensions of quotient units composed from two symbols ("km/s", "MB/s").
_QUOTIENT_DIMENSIONS: Final = {
    ("length", "time"): "speed",
    ("data", "time"): "data rate",
    ("mass", "volume"): "density",
    ("volume", "time"): "volumetric flow",
    ("mass", "time"): "mass flow",
    ("speed", "time"): "acceleration",
    ("length", "time^2"): "acceleration",
    ("dimensionless", "time"): "frequency",  # "four times per week": count per week
}

# Denominators of a price or a wage ("$15 an hour", "$100 a barrel") → the rate's dimension.
# A money rate keeps ``kind == "money"``; its dimension says what the money is paid for.
MONEY_RATE_DIMENSIONS: Final = {
    dimension: f"currency per {dimension}"
    for dimension in ("time", "length", "area", "volume", "mass", "energy", "data")
}


@dataclass(frozen=True, slots=True)
class UnitInfo:
    """One unit as the extractor needs it; built from a quantulum3 table entry."""

    name: str  # quantulum3's unit name
    symbol: str | None  # first conventional symbol
    dimension: str  # the API's dimension name
    currency_code: str | None  # ISO 4217 code for currencies
    base: tuple[tuple[str, int], ...]  # quantulum3 base units and powers, for pint

    def __hash__(self) -> int:
        """Hash the name and dimension only (equal units have equal ones).

        ``normalize.converter`` is cached by unit and asked once a claim: the generated hash
        walked the base units' nested tuples each time, 2.6% of a run.
        """
        return hash((self.name, self.dimension))


class _Base(TypedDict):
    """One base unit of a quantulum3 unit: "metre" to the power 1."""

    base: str
    power: int


class _Entry(TypedDict, total=False):
    """One unit of quantulum3's JSON tables, with the keys this module reads."""

    entity: str  # quantulum3's dimension name
    surfaces: list[str]  # the unit's names in words
    symbols: list[str]  # its symbols, exact case
    dimensions: list[_Base]  # its base units, empty for a base unit
    prefixes: list[str]  # the metric prefixes it takes
    currency_code: str  # ISO 4217 code for currencies


def _quantulum3_data() -> Path:
    """Return quantulum3's package folder, where its JSON tables are, without importing it.

    Importing quantulum3 (``importlib.resources.files`` does) runs its ``__init__``, which
    reads its version with ``importlib.metadata``: 40 ms of the core's cold start for a path.
    """
    spec = find_spec("quantulum3")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("quantulum3 is not installed: the unit lexicon is built from its tables")
    return Path(next(iter(spec.submodule_search_locations)))


def _load_tables() -> dict[str, _Entry]:
    """Merge quantulum3's general and English unit tables as its own loader does."""
    package = _quantulum3_data()
    merged: dict[str, _Entry] = defaultdict(_Entry)
    for path in (package / "units.json", package / "_lang" / "en_US" / "units.json"):
        table: dict[str, _Entry] = json.loads(path.read_text(encoding="utf-8"))
        for name, unit in table.items():
            merged[name].update(unit)
            for prefix in unit.get("prefixes", ()):
                merged[METRIC_PREFIXES[prefix] + name].update(
                    _Entry(
                        surfaces=[METRIC_PREFIXES[prefix] + s for s in unit.get("surfaces", ())],
                        entity=unit["entity"],
                        symbols=[prefix + s for s in unit.get("symbols", ())],
                        dimensions=[],
                    )
                )
    return {name: unit for name, unit in merged.items() if "entity" in unit}


def _pluralize(phrase: str) -> tuple[str, ...]:
    """Return the plural forms of a unit phrase: the head noun takes the ending."""
    words = phrase.split(" ")
    head = words.index("per") - 1 if "per" in words[1:] else len(words) - 1
    if words[0] in {"degree", "degrees"} and len(words) > 1:
        head = 0
    word = words[head]
    if word in UNIT_PLURALS:
        plural = UNIT_PLURALS[word]
    elif word.endswith(("s", "x", "z", "ch", "sh")):
        plural = word + "es"
    elif word.endswith("y") and not word.endswith(("ay", "ey", "oy", "uy")):
        plural = word[:-1] + "ies"
    else:
        plural = word + "s"
    return (" ".join([*words[:head], plural, *words[head + 1 :]]),)


def _dimension(name: str, unit: _Entry) -> str:
    if name in {"percentage", "percentage point"}:
        return "percentage"
    return _DIMENSION_NAMES.get(unit["entity"], unit["entity"])


def _rank(info: UnitInfo) -> tuple[int, int, str]:
    try:
        by_dimension = _DIMENSION_PREFERENCE.index(info.dimension)
    except ValueError:
        by_dimension = len(_DIMENSION_PREFERENCE)
    return (by_dimension, len(info.base), info.name)


class Lexicon:
    """Surface and symbol indexes: exact-case symbols, lower-case word surfaces."""

    def __init__(self) -> None:
        tables = _load_tables()
        self.units: dict[str, UnitInfo] = {}
        symbols: dict[str, list[UnitInfo]] = defaultdict(list)
        surfaces: dict[str, list[UnitInfo]] = defaultdict(list)
        for name, unit in tables.items():
            if unit["entity"] == "dimensionless" and name not in KEPT_DIMENSIONLESS:
                # "pairs", "times", "dozens" are counted things or number words, not units.
                continue
            base = tuple((d["base"], d["power"]) for d in unit.get("dimensions", ())) or (
                (name, 1),
            )
            unit_symbols = unit.get("symbols", ())
            info = UnitInfo(
                name=name,
                symbol=unit_symbols[0] if unit_symbols else None,
                dimension=_dimension(name, unit),
                currency_code=unit.get("currency_code"),
                base=base,
            )
            self.units[name] = info
            for symbol in unit_symbols:
                symbols[symbol].append(info)
            for surface in unit.get("surfaces", ()):
                for form in (surface, *_pluralize(surface)):
                    surfaces[form.lower()].append(info)
        self.symbols = {k: self._choose(k, v) for k, v in symbols.items() if k not in NOT_UNITS}
        self.surfaces = {k: self._choose(k, v) for k, v in surfaces.items() if k not in NOT_UNITS}
        self._add_news_forms()
        self.max_words = max(k.count(" ") + 1 for k in self.surfaces)
        # The first token of every symbol and surface: most words after a number open none,
        # and the look-up can stop there.
        self.openers = frozenset(
            tokenize(k)[0].text for k in self.symbols if k.strip()
        ) | frozenset(tokenize(k)[0].lower for k in self.surfaces if k.strip())
        # Every beginning of a symbol (as written) and of a surface (lower case): a phrase that
        # begins none of them cannot grow into a unit, so the look-up stops extending it. (A
        # capital sigma lowers to "ς" at a phrase's end and "σ" inside: both are kept.)
        begins = {k[:end] for k in (*self.symbols, *self.surfaces) for end in range(1, len(k) + 1)}
        self.prefixes = frozenset(begins | {b[:-1] + "ς" for b in begins if b[-1] == "σ"})
        self._currencies: dict[str, UnitInfo] = {}
        for info in sorted(
            self.units.values(),
            key=lambda u: (u.name != CURRENCY_NAMES.get(u.currency_code or "", ""), u.name),
        ):
            if info.currency_code and info.currency_code not in self._currencies:
                self._currencies[info.currency_code] = info
        words = json.loads(
            (_quantulum3_data() / "_lang" / "en_US" / "common-words.json").read_text(
                encoding="utf-8"
            )
        )
        self.common_words = frozenset(w for group in words.values() for w in group)

    magnitude = UnitInfo("magnitude", "M", "dimensionless", None, (("magnitude", 1),))
    # "1 in 5", "one out of three": a share of a whole, normalised to per cent (``normalize``).
    share = UnitInfo("share", None, "percentage", None, (("share", 1),))
    # "the FTSE 100 closed at 4,512.3 points": an index's level or move, with no SI unit.
    index_point = UnitInfo("index point", "pt", "index", None, (("index point", 1),))

    def power(self, base: UnitInfo, power: int) -> UnitInfo:
        """Return the square or cube of a unit ("km2" → square kilometre, "s2" in "km/s2")."""
        name = ("square " if power == 2 else "cubic ") + base.name
        if name in self.units:
            return self.units[name]
        symbol = f"{base.symbol}^{power}" if base.symbol else None
        if base.dimension == "length":
            dimension = "area" if power == 2 else "volume"
        else:
            dimension = f"{base.dimension}^{power}"  # only ever a denominator: "km/s2"
        info = UnitInfo(name, symbol, dimension, None, ((base.base[0][0], power),))
        self.units[name] = info
        return info

    def per(self, top: UnitInfo, bottom: UnitInfo) -> UnitInfo:
        """Return the quotient unit "top per bottom" ("km/s"), named as quantulum3 would."""
        name = f"{top.name} per {bottom.name}"
        if name in self.units:
            return self.units[name]
        dimension = _QUOTIENT_DIMENSIONS.get((top.dimension, bottom.dimension), "derived")
        symbol = f"{top.symbol}/{bottom.symbol}" if top.symbol and bottom.symbol else None
        base = (*top.base, *((b, -p) for b, p in bottom.base))
        if top.dimension == "currency" and bottom.dimension in MONEY_RATE_DIMENSIONS:
            # "dollar per hour": the numerator's base is its ISO code (or its minor unit's
            # name, "cent"), which ``normalize`` keeps as the normalised unit's numerator.
            dimension = MONEY_RATE_DIMENSIONS[bottom.dimension]
            base = ((top.currency_code or top.name, 1), *base[len(top.base) :])
        info = UnitInfo(name, symbol, dimension, None, base)
        self.units[name] = info
        return info

    def currency(self, code: str) -> UnitInfo:
        """Return the currency with ISO 4217 ``code``, made up when quantulum3 lacks it."""
        info = self._currencies.get(code)
        if info is None:
            info = UnitInfo(code, None, "currency", code, ((code, 1),))
            self._currencies[code] = info
        return info

    def _choose(self, key: str, candidates: list[UnitInfo]) -> UnitInfo:
        preferred = _PREFERRED.get(key)
        if preferred in self.units:
            return self.units[preferred]
        return min(candidates, key=_rank)

    def _add_news_forms(self) -> None:
        """Add spellings common in news copy that quantulum3's tables lack or misread."""
        for surface, name in {**NEWS_SURFACES, **CURRENCY_SPELLINGS}.items():
            if name in self.units:
                self.surfaces[surface] = self.units[name]
        self.units.setdefault(
            "millibar", UnitInfo("millibar", "mbar", "pressure", None, (("millibar", 1),))
        )
        for symbol, info in list(self.symbols.items()):
            if "µ" in symbol:  # quantulum3 writes the micro sign; texts often the Greek mu
                self.symbols.setdefault(symbol.replace("µ", "μ"), info)
        for prefix in ("", "mega", "giga", "tera"):
            name = f"{prefix}watt hour"
            if name not in self.units:
                self.units[name] = UnitInfo(
                    name, None, "energy", None, ((f"{prefix}watt", 1), ("hour", 1))
                )
        for surface, (name, code) in NEWS_CURRENCIES.items():
            info = self.units.get(name) or UnitInfo(name, None, "currency", code, ((name, 1),))
            self.units[name] = info
            self.surfaces[surface] = info
        for symbol, (name, code) in CURRENCY_SIGNS_AFTER.items():
            info = self.units.get(name) or UnitInfo(name, symbol, "currency", code, ((name, 1),))
            self.units[name] = info
            self.symbols[symbol] = info
        for symbol, name in NEWS_SYMBOLS.items():
            if name in self.units:
                self.symbols[symbol] = self.units[name]
        if "percentage point" not in self.units:
            self.units["percentage point"] = UnitInfo(
                "percentage point", "pp", "percentage", None, (("percentage point", 1),)
            )
            self.surfaces["percentage point"] = self.units["percentage point"]
            self.surfaces["percentage points"] = self.units["percentage point"]

    def by_name(self, name: str) -> UnitInfo:
        """Return the unit called ``name`` in quantulum3's tables."""
        return self.units[name]


@cache
def lexicon() -> Lexicon:
    """Build the lexicon once per process (a few milliseconds)."""
    return Lexicon()
