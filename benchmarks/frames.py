"""Score the claim frames (change, source, time, subject) on the annotated tables, per field.

    python -m benchmarks.frames                    # every field: P/R/F1, counts, failure classes
    python -m benchmarks.frames --field change --failures
    python -m benchmarks.frames --json frames.json
    python -m benchmarks.frames --write-floor      # raise tests/data/frames_floor.json

The tables are ``tests/data/frames/<field>.json`` (format and conventions in their README). Each
gold claim is matched to the core's claims by its exact text, in order; a gold claim the core no
longer returns is reported, and its non-null gold value counts as a false negative. Per claim:

- gold non-null, predicted equal: a true positive;
- gold non-null, predicted non-null but different: a false positive and a false negative;
- gold non-null, predicted null: a false negative; gold null, predicted non-null: a false
  positive; both null: nothing.

Equal means: change, the same direction, role and trigger text; source, the same speaker text
and cue text; time, the same text and the same ``resolved`` (both null, or the same start and
end); subject, the same text. ``time_text`` scores the time on its text alone. Precision (recall)
is 0.0 when nothing was predicted (expected), so that every figure is a number a floor can hold.
Core claims the table does not list are counted ("extra") but not scored.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .provenance import provenance, rounded_down

ROOT = Path(__file__).resolve().parent.parent
TABLES = ROOT / "tests" / "data" / "frames"
FLOOR = ROOT / "tests" / "data" / "frames_floor.json"
FIELDS = ("change", "source", "time", "subject")
# What is scored: each field, and the time once more on its text alone (read from time.json).
SCORED = ("change", "source", "time", "time_text", "subject")
TABLE_OF = {"change": "change", "source": "source", "time": "time", "time_text": "time",
            "subject": "subject"}  # fmt: skip
FLOOR_METRICS = ("precision", "recall", "f1")
TOPICS = frozenset(
    ("politics", "markets", "economy", "conflict", "health", "sport", "science", "weather", "crime")
)
DIRECTIONS, ROLES = frozenset(("up", "down")), frozenset(("by", "from", "to"))
NOT_RETURNED = "not returned by the core"
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class FrameTableError(ValueError):
    """A row of a frame table is malformed: the table is refused, never partly read."""


# --- Loading ------------------------------------------------------------------------------------


def load_frames(name: str, path: Path | None = None) -> list[dict]:
    """Return the rows of the frame table of field ``name``; raise on the first malformed row.

    Mirrors ``tests/tables.py`` ``load_table``: every required key, no unknown key, a new id;
    then the field's own checks (spans that occur in the text, valid dates, known values).

    :param name: one of ``FIELDS``.
    :param path: the table to read; ``tests/data/frames/<name>.json`` when None.
    """
    if name not in FIELDS:
        raise FrameTableError(f"unknown field {name!r}: one of {', '.join(FIELDS)}")
    path = path or TABLES / f"{name}.json"
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise FrameTableError(f"{path.name}: {error}") from error
    if not isinstance(rows, list):
        raise FrameTableError(f"{path.name}: not a JSON list of rows")
    required = {"id", "topic", "text", "claims"}
    optional = {"trap", "why", "reference_date"}
    if name in ("source", "time"):  # the README: reference_date is on every row of these two
        required, optional = required | {"reference_date"}, optional - {"reference_date"}
    ids: set[str] = set()
    for index, row in enumerate(rows):
        if not isinstance(row, dict):
            raise FrameTableError(f"{path.name}: row {index}: not an object")
        where = f"{path.name}: row {row.get('id', index)!r}"
        missing, unknown = required - set(row), set(row) - required - optional
        if missing or unknown:
            raise FrameTableError(f"{where}: missing {sorted(missing)}, unknown {sorted(unknown)}")
        _check_row(name, row, where)
        if row["id"] in ids:
            raise FrameTableError(f"{where}: duplicate id")
        ids.add(row["id"])
    return rows


def _check_row(name: str, row: dict, where: str) -> None:
    text = row["text"]
    if not isinstance(row["id"], str) or not isinstance(text, str) or not text:
        raise FrameTableError(f"{where}: id and text must be non-empty strings")
    if row["topic"] not in TOPICS or row["id"].split("-", 1)[0] != row["topic"]:
        raise FrameTableError(f"{where}: topic {row['topic']!r} unknown or not the id's first word")
    if "trap" in row and row["trap"] is not True:
        raise FrameTableError(f"{where}: trap is true or absent")
    if "why" in row and (not isinstance(row["why"], str) or not row["why"]):
        raise FrameTableError(f"{where}: why must be a non-empty string")
    if "reference_date" in row:
        _check_date(row["reference_date"], f"{where}: reference_date")
    if not isinstance(row["claims"], list):
        raise FrameTableError(f"{where}: claims must be a list")
    position = 0
    for claim in row["claims"]:
        if not isinstance(claim, dict) or set(claim) != {"text", name}:
            raise FrameTableError(f"{where}: a claim has exactly the keys 'text' and {name!r}")
        found = text.find(claim["text"], position) if isinstance(claim["text"], str) else -1
        if not claim["text"] or found < 0:
            raise FrameTableError(f"{where}: claim {claim['text']!r} not in the text, in order")
        position = found + 1
        _CHECKS[name](claim[name], text, f"{where}, claim {claim['text']!r}")


def _check_span(value: object, text: str, where: str) -> None:
    if not isinstance(value, str) or not value or value not in text:
        raise FrameTableError(f"{where}: {value!r} does not occur in the row's text")


def _check_keys(value: object, keys: set[str], where: str) -> dict:
    if not isinstance(value, dict) or set(value) != keys:
        raise FrameTableError(f"{where}: expected null or an object with keys {sorted(keys)}")
    return value


def _check_date(value: object, where: str) -> date:
    try:
        if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
            raise ValueError("not YYYY-MM-DD")
        return date.fromisoformat(value)
    except ValueError as error:
        raise FrameTableError(f"{where}: invalid date {value!r} ({error})") from error


def _check_change(value: object, text: str, where: str) -> None:
    if value is None:
        return
    change = _check_keys(value, {"direction", "role", "trigger"}, where)
    if change["direction"] not in DIRECTIONS:
        raise FrameTableError(f"{where}: direction {change['direction']!r} not up or down")
    if change["role"] not in ROLES:
        raise FrameTableError(f"{where}: role {change['role']!r} not by, from or to")
    _check_span(change["trigger"], text, f"{where}: trigger")


def _check_source(value: object, text: str, where: str) -> None:
    if value is None:
        return
    source = _check_keys(value, {"text", "cue"}, where)
    _check_span(source["text"], text, f"{where}: speaker")
    _check_span(source["cue"], text, f"{where}: cue")


def _check_time(value: object, text: str, where: str) -> None:
    if value is None:
        return
    time = _check_keys(value, {"text", "resolved"}, where)
    _check_span(time["text"], text, f"{where}: time")
    if time["resolved"] is not None:
        resolved = _check_keys(time["resolved"], {"start", "end"}, f"{where}: resolved")
        start = _check_date(resolved["start"], f"{where}: resolved start")
        end = _check_date(resolved["end"], f"{where}: resolved end")
        if start > end:
            raise FrameTableError(f"{where}: resolved start {start} after end {end}")


def _check_subject(value: object, text: str, where: str) -> None:
    if value is not None:
        _check_span(value, text, f"{where}: subject")


_CHECKS: dict[str, Callable[[object, str, str], None]] = {
    "change": _check_change,
    "source": _check_source,
    "time": _check_time,
    "subject": _check_subject,
}


# --- The core's claims in the tables' terms ---------------------------------------------------


def frames_of(claim) -> dict:
    """Return a core ``Claim`` as a table's claim: its text and its four frames as plain data."""
    change, source, time, subject = claim.change, claim.source, claim.time, claim.subject
    resolved = time.resolved if time else None
    return {
        "text": claim.text,
        "change": change
        and {"direction": change.direction, "role": change.role, "trigger": change.trigger.text},
        "source": source and {"text": source.text, "cue": source.cue.text},
        "time": time
        and {
            "text": time.text,
            "resolved": resolved and {"start": resolved.start, "end": resolved.end},
        },
        "subject": subject and subject.text,
    }


def core(text: str, reference_date: str | None) -> list[dict]:
    """Run the core on one row's text; return its claims as the tables write them."""
    from service.core import extract

    return [frames_of(claim) for claim in extract(text, reference_date=reference_date)]


# --- Scoring ------------------------------------------------------------------------------------


def _span_class(gold: str, predicted: str) -> str:
    if gold in predicted:
        return "longer"
    if predicted in gold:
        return "shorter"
    return "elsewhere"


def _value(name: str, frame: dict | str | None) -> object:
    """Return what is compared for ``name``, or None for a null frame.

    change: (direction, role, trigger); source: (speaker, cue); time: (text, (start, end) or
    None); time_text: the time's text alone; subject: its text.
    """
    if frame is None:
        return None
    if name == "change":
        return frame["direction"], frame["role"], frame["trigger"]
    if name == "source":
        return frame["text"], frame["cue"]
    if name == "time":
        resolved = frame["resolved"]
        return frame["text"], resolved and (resolved["start"], resolved["end"])
    if name == "time_text":
        return frame["text"]
    return frame


def judge(name: str, gold: object, predicted: object) -> tuple[int, int, int, str | None]:
    """Score one matched claim on one scored field: (TP, FP, FN, failure class or None).

    :param name: one of ``SCORED``; ``gold`` and ``predicted`` are the claim's values for its
        table's field (a dict, a string or None), as the tables write them.
    """
    gold_key, predicted_key = _value(name, gold), _value(name, predicted)
    if gold_key is None and predicted_key is None:
        return 0, 0, 0, None
    if gold_key is None:
        return 0, 1, 0, "spurious (gold null)"
    if predicted_key is None:
        return 0, 0, 1, "missing (predicted null)"
    if gold_key == predicted_key:
        return 1, 0, 0, None
    return 0, 1, 1, _wrong(name, gold_key, predicted_key)


def _wrong(name: str, gold, predicted) -> str:
    """Name what differs between two unequal values (as ``_value`` returns them)."""
    if name in ("change", "source"):
        parts = ("direction", "role", "trigger") if name == "change" else ("speaker", "cue")
        differ = zip(parts, gold, predicted, strict=True)
        return "wrong " + "+".join(part for part, g, p in differ if g != p)
    if name == "time":
        (text, resolved), (other_text, other_resolved) = gold, predicted
        if text == other_text:
            return "wrong resolution (text right)"
        where = _span_class(text, other_text)
        if resolved == other_resolved:
            return f"wrong text, {where} (resolution right)"
        return f"wrong text, {where}, and resolution"
    return f"wrong span, {_span_class(gold, predicted)}"  # time_text, subject


@dataclass
class FieldScore:
    """The counts of one scored field over its table."""

    rows: int = 0
    claims: int = 0  # gold claims
    gold: int = 0  # gold claims with a non-null value
    predicted: int = 0  # matched claims the core gave a non-null value
    tp: int = 0
    fp: int = 0
    fn: int = 0
    not_returned: int = 0  # gold claims the core no longer returns
    extra: int = 0  # core claims the table does not list (not scored)
    errors: int = 0  # rows on which the core raised (scored as returning nothing)
    classes: Counter = field(default_factory=Counter)
    failures: list[dict] = field(default_factory=list)
    topics: dict[str, FieldScore] = field(default_factory=dict)

    def add(self, tp: int, fp: int, fn: int) -> None:
        """Add one claim's outcome."""
        self.tp, self.fp, self.fn = self.tp + tp, self.fp + fp, self.fn + fn

    @property
    def precision(self) -> float:
        """TP / (TP + FP); 0.0 when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        """TP / (TP + FN); 0.0 when nothing was expected."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        """The harmonic mean of precision and recall; 0.0 when both are 0."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def metrics(self) -> dict:
        """Return the figures as plain data (``--json``)."""
        out = {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            **{key: getattr(self, key) for key in ("tp", "fp", "fn", "rows", "claims", "gold")},
            **{key: getattr(self, key) for key in ("predicted", "not_returned", "extra", "errors")},
            "classes": dict(self.classes.most_common()),
        }
        out["topics"] = {
            topic: {
                k: v
                for k, v in score.metrics().items()
                if k in ("precision", "recall", "f1", "claims")
            }
            for topic, score in sorted(self.topics.items())
        }
        out["failures"] = self.failures
        return out


def match(gold: list[dict], predicted: list[dict]) -> list[dict | None]:
    """Pair each gold claim with the next core claim of the same text, in order (None: none).

    A core claim pairs with at most one gold claim; once one is paired, only later core claims
    are looked at, so "3" then "3" in the gold pair with the first and the second "3" returned.
    """
    paired: list[dict | None] = []
    position = 0
    for claim in gold:
        at = next(
            (i for i in range(position, len(predicted)) if predicted[i]["text"] == claim["text"]),
            None,
        )
        paired.append(None if at is None else predicted[at])
        if at is not None:
            position = at + 1
    return paired


def score_field(
    name: str,
    rows: list[dict],
    predict: Callable[[str, str | None], list[dict]] = core,
) -> FieldScore:
    """Score one field (a name of ``SCORED``) over ``rows`` of its table.

    :param predict: given a row's text and reference date (or None), the claims found, each a
        dict with ``text`` and the four fields as the tables write them (see ``frames_of``).
    """
    table = TABLE_OF[name]
    total = FieldScore()
    for row in rows:
        topic = total.topics.setdefault(row["topic"], FieldScore())
        try:
            found = predict(row["text"], row.get("reference_date"))
        except Exception as error:  # a crash is scored as returning nothing
            found = []
            for score in (total, topic):
                score.errors += 1
            total.classes["raised"] += 1
            total.failures.append({"id": row["id"], "claim": None, "class": "raised",
                                   "gold": None, "predicted": repr(error)})  # fmt: skip
        paired = match(row["claims"], found)
        for score in (total, topic):
            score.rows += 1
            score.claims += len(row["claims"])
            score.extra += len(found) - sum(p is not None for p in paired)
        for claim, twin in zip(row["claims"], paired, strict=True):
            gold = claim[table]
            gold_value = _value(name, gold)
            if twin is None:
                outcome = (0, 0, 1 if gold_value is not None else 0, NOT_RETURNED)
                predicted = None
            else:
                predicted = twin.get(table)
                outcome = judge(name, gold, predicted)
            tp, fp, fn, failure = outcome
            for score in (total, topic):
                score.gold += gold_value is not None
                score.predicted += twin is not None and _value(name, predicted) is not None
                score.not_returned += twin is None
                score.add(tp, fp, fn)
            if fp or fn:
                total.classes[failure] += 1
                total.failures.append({"id": row["id"], "claim": claim["text"], "class": failure,
                                       "gold": gold, "predicted": predicted})  # fmt: skip
    return total


def evaluate(
    names: Iterable[str] = SCORED,
    predict: Callable[[str, str | None], list[dict]] = core,
    tables: dict[str, list[dict]] | None = None,
) -> dict:
    """Score each of ``names`` over its table; return the figures as plain data (``--json``).

    :param tables: rows per table field, instead of reading ``tests/data/frames``.
    """
    tables = tables if tables is not None else {}
    report: dict = {"measured_at": provenance(), "fields": {}}
    for name in names:
        if TABLE_OF[name] not in tables:
            tables[TABLE_OF[name]] = load_frames(TABLE_OF[name])
        report["fields"][name] = score_field(name, tables[TABLE_OF[name]], predict).metrics()
    return report


# --- Output ---------------------------------------------------------------------------------------


def _table(headers: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max(len(r[i]) for r in [headers, *rows]) for i in range(len(headers))]
    return [
        "  " + "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in
                         enumerate(zip(cells, widths, strict=True))).rstrip()
        for cells in [headers, *rows]
    ]  # fmt: skip


def format_report(report: dict, failures: bool = False) -> str:
    """Render the figures: one row per field, the failure classes, per-topic F1."""
    fields = report["fields"]
    lines = [
        f"Claim frames, measured {report['measured_at']['date']} at "
        f"{report['measured_at']['commit']}; tables under tests/data/frames/.",
        "Per gold claim: TP equal; FP+FN different; FN predicted null or claim not returned; "
        "FP gold null. time_text: the time on its text alone.",
        "",
    ]
    keys = ("precision", "recall", "f1", "tp", "fp", "fn", "rows", "claims", "gold",
            "predicted", "not_returned", "extra", "errors")  # fmt: skip
    titles = ["field", "P", "R", "F1", "TP", "FP", "FN", "rows", "claims", "gold", "pred",
              "not returned", "extra", "raised"]  # fmt: skip
    rows = [
        [name] + [f"{m[k]:.3f}" if isinstance(m[k], float) else str(m[k]) for k in keys]
        for name, m in fields.items()
    ]
    lines += _table(titles, rows)
    lines += ["", "  gold: claims with a non-null gold value; pred: matched claims the core gave "
              "one; extra: core claims not in the table (not scored)"]  # fmt: skip
    for name, m in fields.items():
        if m["classes"]:
            lines += ["", f"{name} failures by class"]
            lines += [f"  {count:>4}  {label}" for label, count in m["classes"].items()]
    topics = sorted({topic for m in fields.values() for topic in m["topics"]})
    lines += ["", "F1 per topic (claims in brackets: the field's table)"]
    rows = [
        [topic]
        + [
            f"{t['f1']:.3f} ({t['claims']})" if (t := m["topics"].get(topic)) else "–"
            for m in fields.values()
        ]
        for topic in topics
    ]
    lines += _table(["topic", *fields], rows)
    if failures:
        for name, m in fields.items():
            lines += ["", f"{name}: every failed claim (row id, claim, class: gold | predicted)"]
            lines += [
                f"  {f['id']}  {f['claim']!r}  {f['class']}: "
                f"{json.dumps(f['gold'], ensure_ascii=False)} | "
                f"{json.dumps(f['predicted'], ensure_ascii=False)}"
                for f in m["failures"]
            ]
    return "\n".join(lines)


# --- The floor ----------------------------------------------------------------------------------


def floor_of(report: dict) -> dict:
    """Return the floor a report sets: each ratio rounded down to three decimals."""
    return {
        name: {metric: rounded_down(metrics[metric]) for metric in FLOOR_METRICS}
        for name, metrics in report["fields"].items()
    }


def write_floor(report: dict, path: Path = FLOOR) -> list[str]:
    """Raise the floor file to this report's figures; never lower one. Return what dropped.

    A field's ``measured_at`` is the measurement that last raised one of its figures (or set
    it first); a field this report does not measure is kept as it is.
    """
    old = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    floors = old.get("fields", {})
    dropped = []
    for name, metrics in floor_of(report).items():
        before = floors.get(name, {})
        raised = not before
        for metric, value in metrics.items():
            kept = before.get(metric)
            if kept is not None and kept > value:
                dropped.append(f"{name} {metric}: {value} < floor {kept}")
                metrics[metric] = kept
            elif kept is None or value > kept:
                raised = True
        measured_at = report["measured_at"] if raised else before.get("measured_at")
        floors[name] = {**metrics, "measured_at": measured_at}
    data = {
        "about": "Minimum figures of `python -m benchmarks.frames`, rounded down to three "
        "decimals, per field; tests/test_frames_accuracy.py fails when a figure is more than "
        "0.005 below its floor. Raise (never lower) with `python -m benchmarks.frames "
        "--write-floor`; measured_at is the measurement that last raised the field.",
        "fields": {name: floors[name] for name in SCORED if name in floors},
    }
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return dropped


def main(argv=None) -> int:
    """Run the scorer from the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--field", action="append", choices=FIELDS,
                        help="one field (repeatable); time also scores time_text")  # fmt: skip
    parser.add_argument(
        "--json", metavar="PATH", help="also write the figures as JSON ('-': stdout)"
    )
    parser.add_argument("--failures", action="store_true", help="list every failed claim")
    parser.add_argument("--write-floor", action="store_true", help=f"raise {FLOOR.name}")
    args = parser.parse_args(argv)
    names = [name for name in SCORED if not args.field or TABLE_OF[name] in args.field]
    try:
        report = evaluate(names)
    except FrameTableError as error:
        parser.error(str(error))
    if args.json == "-":
        json.dump(report, sys.stdout, indent=2, ensure_ascii=False)
    else:
        print(format_report(report, args.failures))
        if args.json:
            Path(args.json).write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    if args.write_floor:
        for line in write_floor(report):
            print(f"kept the floor, the figure dropped: {line}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
