"""Precision and recall per error class on our own tables: the rows tagged with a ``class``.

    python -m benchmarks.accuracy              # prints this table after the peers' suites
    python -m benchmarks.classes [--failures]  # this table alone

Issue 15 names the classes of values news text is still read wrongly in (currency prefixes,
ranges, names read as figures, …). Rows of ``tests/data/claims/*.json`` carry the class they
test (``"class": "currency"``); a row that checks a wrong reading stays out is a trap as well
(``"trap": true``). Known failures (``xfail``) are scored like any row, so that a table shows
what a fix gains before the mark comes off.

Scoring, per class: every claim the core returns for a row is a prediction; it is right when an
expected claim of the row has its text and every field that claim lists (numbers to a relative
1e-6), each expected claim matched once. Precision is right predictions over predictions,
recall right predictions over expected claims (None when there are none); a row is right when
its claims are exactly the expected ones.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TABLES = ROOT / "tests" / "data" / "claims"

# The classes of issue 15, most costly first, and what each is about.
CLASSES: dict[str, str] = {
    "currency": "currency prefixes and codes",
    "ranges": "ranges split or lost",
    "over-joining": "two figures joined as a range",
    "hyphen-prefixes": "prefixes glued with a hyphen",
    "scale-words": "scale words",
    "counts-before-names": "counts before a capitalised name",
    "names": "names emitted as claims",
    "years": "years emitted",
    "units": "units",
    "composites": "composite amounts in one claim",
    "article": "an article as the number with a unit",
    "negatives": "negatives",
    "proportions": "proportions and bounds",
    "dates-times": "dates and times that must stay out",
}
# Relative tolerance on numbers: scale words and unit conversions differ in the last bits.
_REL = 1e-6


def tagged_rows(directory: Path = TABLES) -> list[dict]:
    """Return every row of the claim tables that names a class, with its file's stem."""
    rows = []
    for path in sorted(directory.glob("*.json")):
        for row in json.loads(path.read_text(encoding="utf-8")):
            if "class" in row:
                rows.append({**row, "table": path.stem})
    return rows


def field_of(claim: dict | None, key: str) -> object:
    """Read ``key`` ("unit_name", "normalized_value", "entity") from a claim as plain data.

    A span (a dict with ``text``, ``start`` and ``end``) reads as its text; an object that is
    None reads None for every key under it, as the tables mean (``"unit_name": null``).
    """
    if claim is None:
        return None
    if key in claim:
        value = claim[key]
        if isinstance(value, dict) and {"text", "start", "end"} <= value.keys():
            return value["text"]
        return value
    for name, value in claim.items():
        if key.startswith(name + "_") and (value is None or isinstance(value, dict)):
            return field_of(value, key[len(name) + 1 :])
    raise KeyError(key)


def _same(want: object, got: object) -> bool:
    if isinstance(want, bool) or isinstance(got, bool) or want is None or got is None:
        return want == got
    if isinstance(want, int | float) and isinstance(got, int | float):
        return math.isclose(want, got, rel_tol=_REL, abs_tol=1e-12)
    return want == got


def matches(want: dict, claim: dict) -> bool:
    """Tell whether ``claim`` has the text and every field the expected claim lists."""
    return all(_same(value, field_of(claim, key)) for key, value in want.items())


def score_row(row: dict, claims: list[dict]) -> tuple[int, list[dict], list[dict]]:
    """Return the right predictions of a row, the expected claims missed and the extra claims."""
    missed = list(row["claims"])
    extra = []
    right = 0
    for claim in claims:
        hit = next((want for want in missed if matches(want, claim)), None)
        if hit is None:
            extra.append(claim)
        else:
            missed.remove(hit)
            right += 1
    return right, missed, extra


def evaluate(rows: list[dict] | None = None) -> dict[str, dict]:
    """Score the core on the tagged rows; return the figures per class, in the issue's order."""
    from service.core import extract

    rows = tagged_rows() if rows is None else rows
    figures: dict[str, dict] = {}
    for name in CLASSES:
        mine = [row for row in rows if row["class"] == name]
        if not mine:
            continue
        expected = predicted = right = whole = 0
        failures = []
        for row in mine:
            claims = [dataclasses.asdict(claim) for claim in extract(row["text"])]
            hits, missed, extra = score_row(row, claims)
            expected += len(row["claims"])
            predicted += len(claims)
            right += hits
            if not missed and not extra:
                whole += 1
            else:
                failures.append(
                    (f"{row['table']}/{row['id']}", [w["text"] for w in missed],
                     [c["text"] for c in extra])
                )  # fmt: skip
        figures[name] = {
            "rows": len(mine),
            "traps": sum(bool(row.get("trap")) for row in mine),
            "expected": expected,
            "predicted": predicted,
            "precision": right / predicted if predicted else None,
            "recall": right / expected if expected else None,
            "rows_right": whole,
            "failures": failures,
        }
    return figures


def _cell(value: object) -> str:
    return "–" if value is None else f"{value:.3f}" if isinstance(value, float) else str(value)


def format_classes(figures: dict[str, dict], failures: bool = False) -> str:
    """Render the per-class table: rows, traps, claims expected and predicted, P, R."""
    lines = [
        "Our tables per class of issue 15 (rows of tests/data/claims tagged with a class):",
        f"  {'class':<21}{'rows':>5}{'traps':>6}{'exp':>5}{'pred':>5}{'P':>7}{'R':>7}{'right':>7}",
    ]
    for name, entry in figures.items():
        lines.append(
            f"  {name:<21}{entry['rows']:>5}{entry['traps']:>6}{entry['expected']:>5}"
            f"{entry['predicted']:>5}{_cell(entry['precision']):>7}{_cell(entry['recall']):>7}"
            f"{entry['rows_right']:>7}"
        )
        if failures:
            lines += [f"      {where}: missed {missed}, extra {extra}"
                      for where, missed, extra in entry["failures"]]  # fmt: skip
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Print the per-class table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--failures", action="store_true", help="list every miss and extra")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    figures = evaluate()
    if args.json:
        json.dump(figures, sys.stdout, indent=2, ensure_ascii=False)
    else:
        print(format_classes(figures, args.failures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
