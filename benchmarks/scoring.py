"""Match predicted quantities to a suite's expected items and add up the scores.

Matching rules (the same for ``figures`` and quantulum3):

- A prediction matches an expected item when their spans overlap and their values agree:
  the single value for an exact figure (a bound's stated number counts: "more than $247
  million" agrees with 247000000), both ends for a range or bound (an open end must be open on
  both sides), each within a relative tolerance of 1e-6. Each prediction matches at most one
  item; among candidates the one overlapping most wins.
- A single value stated in another unit of the same quantity agrees too, compared in SI
  units: "5 ft 2 in" is the same length whether a system states it as 5.1667 ft or as 62 in,
  and which unit a mixed-unit figure is given in is not what the suites test. Both sides carry
  their SI value (``Item.si``, ``Prediction.si``) only where the unit converts; the *unit*
  check below still compares the kinds of unit.
- *interval* is scored where the suite asserts an interval (Recognizers-Text NumberRange,
  quantulum3's ± ranges): the relation must agree too (``more_than`` vs ``at_least``).
- *unit* is scored where the suite names a unit: our normalised unit (SI symbol, ISO 4217
  code, ``%``) against Recognizers-Text's unit through ``suite_rules``; the unit name against
  quantulum3's (both come from quantulum3's unit tables), ignoring case, since quantulum3's own
  tests spell one unit both "degree Fahrenheit" and "degree fahrenheit". A bare count is unit
  ``None``.
- *entity* is scored where quantulum3 names the kind of quantity ("length", "currency"):
  against our ``unit.dimension``. No suite annotates the counted thing (our ``entity``).
- A prediction outside the peer model's scope (a count in the Currency suite, a figure with
  a unit in the Number suite, an exact figure in the NumberRange suite) is not a false
  positive; if it matches, it counts as found. Predictions over a skipped item are ignored,
  unless they match an expected item ("37.8 microgrammes per gramme" reaches over a skipped
  bare "gramme" and still finds "37.8 microgrammes").
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from .suites import Case, Item, Suite

REL_TOL = 1e-6


@dataclass(frozen=True, slots=True)
class Prediction:
    """One quantity found by a system, in our claim model's terms."""

    text: str  # the surface found
    start: int  # offset of its first code point
    end: int  # offset one past its last code point
    value: float | None  # the single number, None for a range
    low: float | None  # lower end, None when open
    high: float | None  # upper end, None when open
    relation: str  # as ``Claim.relation``
    kind: str  # "count", "measurement", "percentage", "money"
    dimension: str | None  # "length", "currency", …; None for a count
    name: str | None  # the unit's name in quantulum3's vocabulary; None for a count
    normalized: str | None  # the normalised unit: SI symbol, ISO code or "%"
    si: float | None = None  # the single value in SI units, where the unit converts


def in_scope(scope: str, p: Prediction) -> bool:
    """Say whether the peer's model would report this kind of quantity at all."""
    if scope == "number":
        return p.kind == "count"
    if scope == "range":
        return p.relation != "equal"
    if scope == "dimension":
        return p.kind == "measurement" and p.dimension not in ("time", "temperature")
    if scope == "age":
        return p.dimension == "time"
    if scope == "temperature":
        return p.dimension == "temperature"
    if scope in ("percentage", "money"):
        return p.kind == scope
    return True


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=REL_TOL, abs_tol=1e-12)


def agrees(item: Item, p: Prediction) -> bool:
    """Say whether the prediction states the item's value(s)."""
    if item.relation == "equal":
        if p.value is None:
            return False
        if _close(p.value, item.value):
            return True
        return item.si is not None and p.si is not None and _close(p.si, item.si)
    return _close(p.low, item.low) and _close(p.high, item.high)


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return min(a_end, b_end) - max(a_start, b_start)


@dataclass
class Score:
    """Counts for one system on one suite; the ratios are properties."""

    cases: int = 0
    items: int = 0
    tp: int = 0
    fp: int = 0
    exact_cases: int = 0  # every item found, nothing extra
    errors: int = 0  # inputs on which the system raised
    out_of_scope_matched: int = 0  # found by a prediction the peer's model would not make
    out_of_scope_ignored: int = 0  # predictions the peer's model would not make, unmatched
    checks: dict = field(default_factory=dict)  # "interval"/"unit"/"entity" → [right, scored]
    strict: int = 0  # found with the right value, interval and unit
    failures: list = field(default_factory=list)  # (case id, text, kind, detail)

    @property
    def precision(self) -> float | None:
        """Return the share of in-scope predictions that found an item."""
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        """Return the share of expected items found with the right value(s)."""
        return _ratio(self.tp, self.items)

    @property
    def f1(self) -> float | None:
        """Return the harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return None if p is None or r is None else (2 * p * r / (p + r) if p + r else 0.0)

    def share(self, check: str) -> float | None:
        """Return the share of found items right on ``check``, None when none was scored."""
        right, scored = self.checks.get(check, (0, 0))
        return _ratio(right, scored)

    def metrics(self) -> dict:
        """Return the figures the floor and the table use (None where nothing was scored)."""
        return {
            "cases": self.cases,
            "items": self.items,
            "predicted": self.tp + self.fp,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "interval": self.share("interval"),
            "unit": self.share("unit"),
            "entity": self.share("entity"),
            "strict": _ratio(self.strict, self.items),
            "exact": _ratio(self.exact_cases, self.cases),
            "errors": self.errors,
            "out_of_scope_matched": self.out_of_scope_matched,
            "out_of_scope_ignored": self.out_of_scope_ignored,
        }


def _ratio(a: int, b: int) -> float | None:
    return a / b if b else None


def _tally(score: Score, check: str, ok: bool | None) -> bool:
    if ok is None:
        return True
    right, scored = score.checks.get(check, (0, 0))
    score.checks[check] = (right + ok, scored + 1)
    return ok


def score_case(score: Score, suite: Suite, case: Case, predictions) -> None:
    """Add one case's matches, misses and false positives to ``score``."""
    preds = list(predictions)
    used: set[int] = set()
    score.cases += 1
    score.items += len(case.items)
    missed = 0
    for item in case.items:
        best, best_overlap = None, 0
        for k, p in enumerate(preds):
            overlap = _overlap(item.start, item.end, p.start, p.end)
            if k not in used and overlap > best_overlap and agrees(item, p):
                best, best_overlap = k, overlap
        if best is None:
            missed += 1
            near = [p.text for p in preds if _overlap(item.start, item.end, p.start, p.end) > 0]
            score.failures.append((case.id, case.text, "missed", _describe(item), near))
            continue
        used.add(best)
        _judge(score, suite, case, item, preds[best])
    extra = 0
    for k, p in enumerate(preds):
        if k in used or any(_overlap(p.start, p.end, s, e) > 0 for s, e in case.ignored):
            continue
        if in_scope(suite.scope, p):
            extra += 1
            score.failures.append((case.id, case.text, "extra", p.text, _show(p)))
        else:
            score.out_of_scope_ignored += 1
    score.fp += extra
    score.exact_cases += not missed and not extra


def _unit_in(unit: str | None, units: frozenset, suite: Suite) -> bool:
    """Tell whether ``unit`` is one of ``units``; unit names compare without case (see above)."""
    if suite.unit_key != "name" or unit is None:
        return unit in units
    return unit.casefold() in {u.casefold() for u in units if u is not None}


def _judge(score: Score, suite: Suite, case: Case, item: Item, p: Prediction) -> None:
    score.tp += 1
    score.out_of_scope_matched += not in_scope(suite.scope, p)
    interval = p.relation == item.relation if item.interval else None
    unit = None if item.units is None else _unit_in(getattr(p, suite.unit_key), item.units, suite)
    entity = None if item.entity is None else p.dimension == item.entity
    ok = _tally(score, "interval", interval)
    ok = _tally(score, "unit", unit) and ok
    _tally(score, "entity", entity)
    score.strict += ok
    wrong = [name for name, right in (("interval", interval), ("unit", unit)) if right is False]
    if wrong:
        detail = f"{_describe(item)} got {_show(p)}"
        score.failures.append((case.id, case.text, "wrong " + "+".join(wrong), detail, [p.text]))


def _describe(item: Item) -> str:
    units = "" if item.units is None else " " + "|".join(sorted(map(str, item.units)))
    if item.relation == "equal":
        return f"{item.text!r} = {item.value:g}{units}"
    return f"{item.text!r} {item.relation} [{item.low}, {item.high}]{units}"


def _show(p: Prediction) -> str:
    numbers = f"{p.value:g}" if p.relation == "equal" else f"{p.relation} [{p.low}, {p.high}]"
    return f"{p.text!r} {numbers} {p.name or 'count'} → {p.normalized}"
