"""Load the peers' own test suites into one shape: cases of text with the quantities expected.

Two formats, both copied verbatim under ``tests/data/peers/``:

- Recognizers-Text specs: ``[{Input, Results: [{Text, TypeName, Resolution, Start, End}]}]``
  with ``End`` inclusive and ``Resolution.value`` a string (``"[20,30)"`` for ranges).
- quantulum3 tests: ``[{req, res: [{value, unit, surface, uncertainty?, entity?}]}]`` with no
  offsets (we locate each ``surface`` left to right) and ranges as midpoint ± half-width.

The loaders raise ``SuiteError`` on a malformed row rather than dropping it: a silently
shrinking suite would pass every floor. Mapping and skipping rules live in ``suite_rules``.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from . import suite_rules as rules

PEERS = Path(__file__).resolve().parent.parent / "tests" / "data" / "peers"
RT_DIR = PEERS / "recognizers-text"
Q3_DIR = PEERS / "quantulum3"
Q3_SUITES = ("quantities", "quantities.ambiguity")

_RANGE = re.compile(r"^([\[(])\s*([^,\s]*)\s*,\s*([^,\s]*)\s*([\])])$")


class SuiteError(ValueError):
    """A suite file has a row we cannot read: fix the file or the loader, never skip it."""


@dataclass(frozen=True, slots=True)
class Item:
    """One quantity a suite expects, in our claim model's terms."""

    text: str  # the annotated surface
    start: int  # offset of its first code point
    end: int  # offset one past its last code point
    value: float | None  # the single number, None for a range or bound
    low: float | None  # lower end, None when open
    high: float | None  # upper end, None when open
    relation: str  # "equal", "more_than", "at_least", "less_than", "at_most", "between"
    interval: bool  # the suite asserts an interval here, so its ends and kind are scored
    units: frozenset[str | None] | None  # acceptable units (None in it: a bare count)
    entity: str | None = None  # the kind of quantity (quantulum3's "entity"), in our names
    si: float | None = None  # the single value in SI units, where the unit converts


@dataclass(frozen=True, slots=True)
class Case:
    """One input text with everything the suite expects of it."""

    id: str  # "<suite>#<row>"
    text: str  # the input
    items: tuple[Item, ...]  # what must be found
    ignored: tuple[tuple[int, int], ...] = ()  # skipped items' spans: predictions there don't count
    skip: str | None = None  # why the whole case is left out, if it is
    peer_fails: frozenset[str] = frozenset()  # Recognizers-Text ports marked NotSupported


@dataclass(frozen=True)
class Suite:
    """One suite file, read and mapped."""

    name: str  # the file's stem, e.g. "NumberRangeModel"
    source: str  # "recognizers-text" or "quantulum3"
    scope: str  # which of our claims the peer's model covers (see ``scoring.in_scope``)
    unit_key: str  # compare units as "normalized" (ours: SI symbol or ISO code) or "name"
    cases: tuple[Case, ...]
    skipped: Counter = field(default_factory=Counter)  # reason → cases or items left out
    mapped: Counter = field(default_factory=Counter)  # reason → items translated

    @property
    def scored(self) -> tuple[Case, ...]:
        """Return the cases that are scored."""
        return tuple(case for case in self.cases if case.skip is None)


def load(names=None, root: Path = PEERS) -> tuple[list[Suite], dict[str, tuple[int, str]]]:
    """Return the suites to score and those skipped whole (name → (cases, reason)).

    :param names: suite names (file stems) to keep; all when None. Unknown names raise.
    """
    suites, skipped = [], {}
    rt_dir, q3_dir = root / RT_DIR.name, root / Q3_DIR.name
    for path in sorted(rt_dir.glob("*.json")):
        reason = next(
            (r for p, r in rules.RT_SKIPPED_MODELS.items() if path.stem.startswith(p)), None
        )
        if reason:
            skipped[path.stem] = (len(_read(path)), reason)
        else:
            suites.append(load_recognizers(path))
    suites += [load_quantulum3(q3_dir / f"{name}.json") for name in Q3_SUITES]
    if names is None:
        return suites, skipped
    wanted = {name.lower() for name in names}
    known = {s.name.lower() for s in suites} | {n.lower() for n in skipped}
    if unknown := wanted - known:
        raise SuiteError(f"unknown suite(s): {', '.join(sorted(unknown))}")
    return [s for s in suites if s.name.lower() in wanted], {
        n: v for n, v in skipped.items() if n.lower() in wanted
    }


def _read(path: Path) -> list:
    rows = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(rows, list):
        raise SuiteError(f"{path.name}: expected a JSON array")
    return rows


def _need(row: dict, key: str, kind, where: str):
    value = row.get(key)
    if not isinstance(value, kind) or isinstance(value, bool):
        raise SuiteError(f"{where}: {key!r} must be {kind}, got {value!r}")
    return value


def _number(text, where: str) -> float:
    try:
        value = float(text)
    except (TypeError, ValueError):
        raise SuiteError(f"{where}: not a number: {text!r}") from None
    if not math.isfinite(value):
        raise SuiteError(f"{where}: not a finite number: {text!r}")
    return value


def load_recognizers(path: Path) -> Suite:
    """Read one Recognizers-Text spec file (English) and map it onto our claim model."""
    model = next((m for p, m in rules.RT_MODELS.items() if path.stem.startswith(p)), None)
    if model is None:
        raise SuiteError(f"{path.name}: no mapping for this Recognizers-Text model")
    skipped, mapped, cases = Counter(), Counter(), []
    for n, row in enumerate(_read(path)):
        where = f"{path.name} row {n}"
        if not isinstance(row, dict):
            raise SuiteError(f"{where}: expected an object")
        text = _need(row, "Input", str, where)
        results = _need(row, "Results", list, where)
        items, ignored = [], []
        for k, result in enumerate(results):
            item, reason = _rt_item(result, text, model, path.stem, f"{where} result {k}")
            if item is None:
                skipped[reason] += 1
                ignored.append((result["Start"], result["End"] + 1))
                continue
            if reason:
                mapped[reason] += 1
            items.append(item)
        skip = _case_skip(model, path.stem, text)
        if "python" in row.get("NotSupportedByDesign", "").lower():
            skip = rules.BY_DESIGN
        if skip:
            skipped[skip] += 1
        fails = frozenset(p.strip().lower() for p in row.get("NotSupported", "").split(","))
        cases.append(
            Case(f"{path.stem}#{n}", text, tuple(items), tuple(ignored), skip, fails - {""})
        )
    unit_key = "normalized" if model not in ("number", "range") else "name"
    return Suite(path.stem, "recognizers-text", model, unit_key, tuple(cases), skipped, mapped)


def _case_skip(model: str, stem: str, text: str) -> str | None:
    """Return why a Recognizers-Text case is declined by design, if it is."""
    for (where, piece), reason in rules.RT_CASE_SKIPS.items():
        if where in (model, stem) and piece in text:
            return reason
    return None


def _rt_item(result, text: str, model: str, stem: str, where: str) -> tuple[Item | None, str]:
    """Return the expected item (or None and why it is skipped), and why it was mapped."""
    if not isinstance(result, dict):
        raise SuiteError(f"{where}: expected an object")
    surface = _need(result, "Text", str, where)
    type_name = _need(result, "TypeName", str, where)
    resolution = _need(result, "Resolution", dict, where)
    start, last = _need(result, "Start", int, where), _need(result, "End", int, where)
    if not 0 <= start <= last < len(text) or text[start : last + 1].lower() != surface.lower():
        raise SuiteError(f"{where}: Start/End {start}/{last} do not frame {surface!r}")
    raw = resolution.get("value")
    if type_name.startswith("ordinal"):
        return None, rules.ORDINAL
    if raw in (None, "null"):
        return None, rules.UNIT_ONLY
    if model == "range" and rules.RT_ORDINAL.search(surface):
        return None, rules.ORDINAL
    if model == "percentage" and rules.RT_PERCENT_OF.search(surface):
        return None, rules.PERCENT_OF
    for family, pattern, reason in rules.RT_NOTATION_SKIPS:
        if family in (None, model) and pattern.search(text[start : last + 1]):
            return None, reason
    end, reason = last + 1, ""
    if model == "range":
        value, low, high, relation, reason = _rt_range(raw, where)
        return Item(surface, start, end, value, low, high, relation, True, None), reason
    if model == "percentage":
        value = _number(raw.rstrip("%"), where)
        units = frozenset({"%"})
        if "PercentMode" in stem and not rules.RT_STATES_PERCENT.search(surface):
            # a share: unitless for us ("1/4 of"), or in per cent for a ratio ("one in two")
            share_unit = "%" if rules.RT_RATIO.search(surface) else None
            value, units, reason = value / 100, frozenset({share_unit}), rules.SHARE
    else:
        value = _number(raw, where)
        units = _rt_units(model, resolution, where)
    si = si_value(value, resolution.get("unit")) if model == "dimension" else None
    return Item(surface, start, end, value, value, value, "equal", False, units, si=si), reason


def si_value(value: float, unit: str | None) -> float | None:
    """Return ``value`` in SI units if ``unit`` names a measurement unit our tables convert.

    Names are quantulum3's ("kilometre") or Recognizers-Text's ("Foot", found among our
    lower-case surfaces); both systems' predictions are converted the same way.
    """
    from service.core.normalize import converter
    from service.core.units import lexicon

    if not unit:
        return None
    lex = lexicon()
    info = lex.units.get(unit) or lex.surfaces.get(unit.lower())
    if info is None or info.currency_code or info.dimension in ("currency", "percentage"):
        return None
    conversion = converter(info)
    return None if conversion is None else conversion[0](value)


def _rt_range(raw: str, where: str):
    """Translate ``[a,b)``-style notation: ``(a,`` more_than, ``[a,`` at_least, etc."""
    match = _RANGE.match(raw) if isinstance(raw, str) else None
    if not match:
        raise SuiteError(f"{where}: not a range: {raw!r}")
    opening, a, b, closing = match.groups()
    low = _number(a, where) if a else None
    high = _number(b, where) if b else None
    if low is None and high is None:
        raise SuiteError(f"{where}: a range with no end: {raw!r}")
    if high is None:
        return None, low, None, "more_than" if opening == "(" else "at_least", ""
    if low is None:
        return None, None, high, "less_than" if closing == ")" else "at_most", ""
    if low == high and opening + closing == "[]":
        return low, low, high, "equal", ""
    reason = "" if opening + closing == "[]" else rules.HALF_OPEN
    return None, low, high, "between", reason


def _rt_units(model: str, resolution: dict, where: str) -> frozenset[str | None] | None:
    """Return our normalised units that fit the annotated unit (None: not checked)."""
    if model == "number":
        return None
    unit = resolution.get("unit")
    if model == "money":
        iso = resolution.get("isoCurrency")
        codes = {iso} if iso else rules.RT_CURRENCIES.get(unit)
    elif model == "temperature":
        codes = {rules.RT_TEMPERATURE_UNITS.get(unit)} - {None}
    else:
        codes = {rules.RT_UNITS.get(unit)} - {None}
    if not codes:
        raise SuiteError(f"{where}: no mapping for unit {unit!r}; add it to suite_rules")
    return frozenset(codes)


def load_quantulum3(path: Path) -> Suite:
    """Read one quantulum3 test file, locating each surface and translating ± to low/high."""
    skipped, mapped, cases = Counter(), Counter(), []
    for n, row in enumerate(_read(path)):
        where = f"{path.name} row {n}"
        if not isinstance(row, dict):
            raise SuiteError(f"{where}: expected an object")
        text = _need(row, "req", str, where)
        items, ignored, cursor = [], [], 0
        for k, expected in enumerate(_need(row, "res", list, where)):
            item, reason = _q3_item(expected, text, cursor, f"{where} result {k}")
            cursor = item.end
            if reason in (rules.COUNT_UNIT, ""):
                items.append(item)
                if reason:
                    mapped[reason] += 1
            else:
                skipped[reason] += 1
                ignored.append((item.start, item.end))
        cases.append(Case(f"{path.stem}#{n}", text, tuple(items), tuple(ignored)))
    return Suite(path.stem, "quantulum3", "all", "name", tuple(cases), skipped, mapped)


def _q3_item(expected, text: str, cursor: int, where: str) -> tuple[Item, str]:
    """Return the expected item and why it is mapped or skipped ("" when neither)."""
    if not isinstance(expected, dict):
        raise SuiteError(f"{where}: expected an object")
    surface = _need(expected, "surface", str, where)
    unit = _need(expected, "unit", str, where)
    value = _number(_need(expected, "value", (int, float), where), where)
    spread = expected.get("uncertainty")
    if spread is not None:
        spread = _number(spread, where)
    start = text.find(surface, cursor)
    if start < 0:
        start = text.find(surface)
    if start < 0:
        raise SuiteError(f"{where}: surface {surface!r} is not in the input")
    end, reason = start + len(surface), ""
    if unit in rules.COUNT_UNITS:
        value, unit, reason = value * rules.COUNT_UNITS[unit], "dimensionless", rules.COUNT_UNIT
    if (text, surface) in rules.Q3_ITEM_SKIPS:
        reason = rules.Q3_ITEM_SKIPS[text, surface]
    elif unit == "dimensionless" and spread is None and rules.Q3_YEAR.match(surface):
        reason = rules.DATE
    entity = expected.get("entity")
    entity = None if entity in rules.VAGUE_ENTITIES else rules.ENTITY_NAMES.get(entity, entity)
    units = frozenset({None if unit == "dimensionless" else unit})
    if spread:
        low, high = value - spread, value + spread
        return Item(surface, start, end, None, low, high, "between", True, units, entity), reason
    si = None if unit == "dimensionless" else si_value(value, unit)
    return (
        Item(surface, start, end, value, value, value, "equal", False, units, entity, si),
        reason,
    )


def errors_inputs(root: Path = PEERS) -> list[str]:
    """Return quantulum3's ``errors.json``: inputs that must not make an extractor raise."""
    rows = _read(root / Q3_DIR.name / "errors.json")
    for n, row in enumerate(rows):
        if not isinstance(row, str):
            raise SuiteError(f"errors.json row {n}: expected a string, got {row!r}")
    return rows
