"""Score ``figures`` and quantulum3 on the peers' own test suites, side by side.

    python -m benchmarks.accuracy                      # every suite, ours and quantulum3
    python -m benchmarks.accuracy --suite NumberRangeModel --failures
    python -m benchmarks.accuracy --json accuracy.json
    python -m benchmarks.accuracy --write-floor        # raise tests/data/accuracy_floor.json

Suites are Microsoft Recognizers-Text's English specs and quantulum3's English tests, copied
under ``tests/data/peers/``. The matching rules are in ``benchmarks.scoring``; the cases we map
or skip on purpose, and why, are in ``benchmarks.suite_rules`` (counted and printed per suite).
quantulum3 runs its own ``parser.parse`` on the same inputs in the same run. After the suites,
the same run scores our own table rows per error class of issue 15 (``benchmarks.classes``).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import sys
import time
import warnings
from pathlib import Path

from . import suite_rules as rules
from .classes import evaluate as evaluate_classes
from .classes import format_classes
from .provenance import provenance, rounded_down
from .scoring import Prediction, Score, score_case
from .suites import SuiteError, errors_inputs, load, si_value

ROOT = Path(__file__).resolve().parent.parent
FLOOR = ROOT / "tests" / "data" / "accuracy_floor.json"
OURS, PEER = "figures", "quantulum3"
# The figures the floor holds, per suite: the ratios that can only go up as we improve.
FLOOR_METRICS = ("precision", "recall", "f1", "interval", "unit", "entity", "strict")


def ours(text: str) -> list[Prediction]:
    """Run our extractor and express its claims as predictions."""
    from service.core import extract

    return [
        Prediction(
            c.text, c.start, c.end, c.value, c.low, c.high, c.relation, c.kind,
            c.unit.dimension if c.unit else None,
            c.unit.name if c.unit else None,
            c.normalized.unit if c.normalized else None,
            c.normalized.value if c.normalized and c.kind == "measurement" else None,
        )
        for c in extract(text)
    ]  # fmt: skip


@contextlib.contextmanager
def _quiet():
    """Silence quantulum3: it warns about its missing classifier and configures root logging."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    q3 = logging.getLogger("quantulum3")  # its modules' loggers inherit this level
    q3_level = q3.level
    q3.setLevel(logging.CRITICAL + 1)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        q3.setLevel(q3_level)
        root.handlers[:] = handlers
        root.setLevel(level)


def peer(text: str) -> list[Prediction]:
    """Run quantulum3's own parser and express its quantities in our claim model's terms."""
    with _quiet():
        from quantulum3 import parser

        quantities = parser.parse(text)
    return [_from_quantulum3(q) for q in quantities]


def _from_quantulum3(q) -> Prediction:
    value, name = float(q.value), q.unit.name
    entity = q.unit.entity.name
    if name in rules.COUNT_UNITS:
        value, name = value * rules.COUNT_UNITS[name], "dimensionless"
    spread = float(q.uncertainty or 0)
    low, high = value - spread, value + spread
    relation = "between" if spread else "equal"
    if name == "dimensionless":
        kind, dimension, unit, normalized = "count", None, None, None
    elif name == "percentage":
        kind, dimension, unit, normalized = "percentage", "percentage", name, "%"
    elif entity == "currency":
        code = q.unit.currency_code or rules.MINOR_CURRENCIES.get(name)
        kind, dimension, unit, normalized = "money", "currency", name, code
    else:
        dimension = rules.ENTITY_NAMES.get(entity, entity)
        kind, unit, normalized = "measurement", name, rules.SI_BY_DIMENSION.get(dimension)
    start, end = q.span
    si = si_value(value, name) if kind == "measurement" and not spread else None
    return Prediction(
        q.surface, start, end, None if spread else value, low, high, relation, kind,
        dimension, unit, normalized, si,
    )  # fmt: skip


SYSTEMS = {OURS: ours, PEER: peer}


def evaluate(suite_names=None, systems=(OURS, PEER)) -> dict:
    """Score each system on each suite; return the figures as plain data (see ``--json``).

    :param suite_names: suite file stems to run; all when None.
    :param systems: which of ``figures`` and ``quantulum3`` to run.
    """
    suites, skipped_suites = load(suite_names)
    report = {"measured_at": provenance(), "suites": {}, "skipped_suites": {}, "raised": {}}
    for name, (cases, reason) in skipped_suites.items():
        report["skipped_suites"][name] = {"cases": cases, "reason": reason}
    for system in systems:  # warm outside the timings: quantulum3 builds its tables (~5 s)
        SYSTEMS[system]("Warm up with 3 km and $5.")
    for suite in suites:
        entry = {
            "source": suite.source,
            "cases": len(suite.cases),
            "skipped": dict(suite.skipped),
            "mapped": dict(suite.mapped),
            "peer_reported": _peer_reported(suite),
            "systems": {},
        }
        for system in systems:
            score, started = Score(), time.perf_counter()
            for case in suite.scored:
                try:
                    predictions = SYSTEMS[system](case.text)
                except Exception as error:  # a crash is scored as finding nothing
                    score.errors += 1
                    score.failures.append((case.id, case.text, "raised", repr(error), []))
                    predictions = []
                score_case(score, suite, case, predictions)
            metrics = score.metrics()
            metrics["seconds"] = round(time.perf_counter() - started, 3)
            metrics["failures"] = score.failures
            entry["systems"][system] = metrics
        report["suites"][suite.name] = entry
    for system in systems:  # quantulum3's errors.json: inputs that once crashed it
        report["raised"][system] = [text for text in errors_inputs() if _raises(system, text)]
    if OURS in systems:  # our own rows, per class of issue 15 (``benchmarks.classes``)
        report["classes"] = evaluate_classes()
    return report


def _raises(system: str, text: str) -> bool:
    try:
        SYSTEMS[system](text)
    except Exception:
        return True
    return False


def _peer_reported(suite) -> dict | None:
    """Return the share of scored cases Recognizers-Text marks as passing, per port."""
    if suite.source != "recognizers-text" or not suite.scored:
        return None
    scored = suite.scored
    return {
        port: sum(port not in case.peer_fails for case in scored) / len(scored)
        for port in ("dotnet", "python")
    }


_COLUMNS = (
    ("cases", "cases", "{:>5}"),
    ("items", "items", "{:>5}"),
    ("predicted", "pred", "{:>5}"),
    ("precision", "P", "{:>6}"),
    ("recall", "R", "{:>6}"),
    ("f1", "F1", "{:>6}"),
    ("interval", "interval", "{:>8}"),
    ("unit", "unit", "{:>6}"),
    ("entity", "entity", "{:>6}"),
    ("strict", "strict", "{:>6}"),
    ("exact", "exact", "{:>6}"),
    ("errors", "errors", "{:>6}"),
)


def _cell(value, spec: str) -> str:
    if value is None:
        return spec.format("–")
    if isinstance(value, float):
        return spec.format(f"{value:.3f}")
    return spec.format(value)


def format_report(report: dict, failures: bool = False) -> str:
    """Render the report as the tables the README section shows."""
    lines = [
        f"Measured {report['measured_at']['date']} at {report['measured_at']['commit']}.",
        "P/R/F1 on values; interval, unit, entity: share of found items right on that "
        "(– not annotated);",
        "strict: share of expected items found with right value, interval and unit; "
        "exact: cases wholly right.",
    ]
    header = "  ".join(spec.format(title) for _, title, spec in _COLUMNS)
    for name, entry in report["suites"].items():
        lines += ["", f"{name} ({entry['source']}, {entry['cases']} cases)"]
        lines.append(f"  {'system':<11}{header}")
        for system, metrics in entry["systems"].items():
            cells = "  ".join(_cell(metrics[key], spec) for key, _, spec in _COLUMNS)
            lines.append(f"  {system:<11}{cells}")
        if entry["peer_reported"]:
            ports = ", ".join(f"{p} {v:.3f}" for p, v in entry["peer_reported"].items())
            lines.append(f"  Recognizers-Text self-reported share of these cases passed: {ports}")
        for label in ("skipped", "mapped"):
            if entry[label]:
                counts = "; ".join(f"{reason} ×{n}" for reason, n in entry[label].items())
                lines.append(f"  {label}: {counts}")
        for system, metrics in entry["systems"].items():
            lines.append(
                f"  {system}: {metrics['out_of_scope_matched']} found by a claim outside "
                f"the peer model, {metrics['out_of_scope_ignored']} such claims ignored"
            )
            if failures:
                lines += [f"    {f[0]} {f[2]}: {f[3]}  | {f[4]}  | {f[1][:100]!r}"
                          for f in metrics["failures"]]  # fmt: skip
    lines.append("")
    for name, skipped in report["skipped_suites"].items():
        lines.append(f"{name}: not scored ({skipped['cases']} cases): {skipped['reason']}")
    for system, raised in report["raised"].items():
        lines.append(f"errors.json: {system} raised on {len(raised)} input(s) {raised}")
    if report.get("classes"):
        lines += ["", format_classes(report["classes"], failures)]
    return "\n".join(lines)


def format_markdown(report: dict) -> str:
    """Render one Markdown table, ours and quantulum3's rows per suite, for the README."""
    keys = [key for key, _, _ in _COLUMNS if key not in ("predicted", "errors")]
    titles = [title for key, title, _ in _COLUMNS if key in keys]
    lines = [
        "| suite | system | " + " | ".join(titles) + " | skipped |",
        "|---|---|" + "---:|" * len(titles) + "---:|",
    ]
    for name, entry in report["suites"].items():
        skipped = sum(entry["skipped"].values())
        for system, metrics in entry["systems"].items():
            cells = " | ".join(_cell(metrics[key], "{}") for key in keys)
            lines.append(f"| {name} | {system} | {cells} | {skipped} |")
        for port, share in (entry["peer_reported"] or {}).items():
            cells = " | ".join(_cell(share if key == "exact" else None, "{}") for key in keys)
            lines.append(f"| {name} | Recognizers-Text {port} (self-reported) | {cells} | |")
    return "\n".join(lines)


def floor_of(report: dict, system: str = OURS) -> dict:
    """Return the floor a report sets: each ratio rounded down to three decimals."""
    return {
        name: {
            metric: rounded_down(value)
            for metric in FLOOR_METRICS
            if (value := entry["systems"][system].get(metric)) is not None
        }
        for name, entry in report["suites"].items()
        if system in entry["systems"]
    }


def write_floor(report: dict, path: Path = FLOOR) -> list[str]:
    """Raise the floor file to this report's figures; never lower one. Return what dropped."""
    old = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    ours_floor, peer_floor = old.get(OURS, {}), old.get(PEER, {})
    dropped = []
    for suite, metrics in floor_of(report).items():
        for metric, value in metrics.items():
            before = ours_floor.get(suite, {}).get(metric)
            if before is not None and before > value:
                dropped.append(f"{suite} {metric}: {value} < floor {before}")
                metrics[metric] = before
        ours_floor[suite] = metrics
    peer_floor.update(floor_of(report, PEER))
    data = {
        "about": "Minimum figures of `python -m benchmarks.accuracy`, rounded down to three "
        "decimals; tests/test_accuracy.py enforces the figures row, the quantulum3 row is "
        "for information. Raise with `python -m benchmarks.accuracy --write-floor`.",
        "measured_at": report["measured_at"],
        OURS: ours_floor,
        PEER: peer_floor,
    }
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return dropped


def main(argv=None) -> int:
    """Run the harness from the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--suite", action="append", help="a suite file stem (repeatable)")
    parser.add_argument(
        "--json", metavar="PATH", help="also write the report as JSON ('-': stdout)"
    )
    parser.add_argument("--ours-only", action="store_true", help="do not run quantulum3")
    parser.add_argument("--failures", action="store_true", help="list every miss and extra")
    parser.add_argument("--markdown", action="store_true", help="print one Markdown table")
    parser.add_argument("--write-floor", action="store_true", help=f"raise {FLOOR.name}")
    args = parser.parse_args(argv)
    systems = (OURS,) if args.ours_only else (OURS, PEER)
    try:
        report = evaluate(args.suite, systems)
    except SuiteError as error:
        parser.error(str(error))
    if args.json == "-":
        json.dump(report, sys.stdout, indent=2, ensure_ascii=False)
    elif args.markdown:
        print(format_markdown(report))
    else:
        print(format_report(report, args.failures))
        if args.json:
            Path(args.json).write_text(json.dumps(report, indent=2, ensure_ascii=False))
    if args.write_floor:
        for line in write_floor(report):
            print(f"kept the floor, the figure dropped: {line}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
