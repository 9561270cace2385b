"""Inputs that must yield no claim: dates, times, ordinals, identifiers, phone numbers, idioms."""

import json
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data" / "negatives.json"
KEYS = frozenset({"id", "text", "why"})
OPTIONAL = frozenset({"xfail"})


class CaseError(ValueError):
    """A malformed row in negatives.json: fix the data, never skip the row."""


def check_row(row, seen: set[str]) -> dict:
    """Validate one ``{"id", "text", "why", "xfail"?}`` row; raise CaseError if malformed."""
    if not isinstance(row, dict):
        raise CaseError(f"a row must be an object, got {type(row).__name__}")
    where = f"negatives.json row {row.get('id', '?')!r}"
    if KEYS - row.keys():
        raise CaseError(f"{where}: missing key(s) {sorted(KEYS - row.keys())}")
    if row.keys() - KEYS - OPTIONAL:
        raise CaseError(f"{where}: unknown key(s) {sorted(row.keys() - KEYS - OPTIONAL)}")
    for key in row:
        if not isinstance(row[key], str) or not row[key].strip():
            raise CaseError(f"{where}: {key!r} must be a non-empty string")
    if row["id"] in seen:
        raise CaseError(f"{where}: duplicate id")
    seen.add(row["id"])
    return row


def load_cases(path: Path = DATA) -> list:
    """Return one pytest.param per row, known failures marked strict."""
    rows = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(rows, list) or not rows:
        raise CaseError(f"{path.name}: must hold a non-empty list of rows")
    seen: set[str] = set()
    params = []
    for row in rows:
        check_row(row, seen)
        marks = ()
        if "xfail" in row:
            marks = (pytest.mark.xfail(strict=True, reason=row["xfail"]),)
        params.append(pytest.param(row, id=row["id"], marks=marks))
    return params


CASES = load_cases()


@pytest.mark.parametrize("case", CASES)
def test_no_claim(case, extract):
    claims = extract(case["text"])
    assert claims == (), [c.text for c in claims]


def test_enough_negatives():
    assert len(CASES) >= 80


@pytest.mark.parametrize(
    ("row", "message"),
    [
        pytest.param({"id": "a", "text": "14 October"}, "missing key", id="missing-why"),
        pytest.param({"id": "a", "text": "x", "why": "y", "claims": []}, "unknown key", id="key"),
        pytest.param({"id": "a", "text": "", "why": "y"}, "'text'", id="empty-text"),
        pytest.param({"id": "a", "text": "x", "why": 3}, "'why'", id="why-type"),
        pytest.param(["a", "x", "y"], "an object", id="not-an-object"),
    ],
)
def test_loader_rejects_malformed_rows(row, message):
    with pytest.raises(CaseError, match=message):
        check_row(row, set())


def test_loader_rejects_duplicate_ids():
    seen: set[str] = set()
    check_row({"id": "a", "text": "x", "why": "y"}, seen)
    with pytest.raises(CaseError, match="duplicate id"):
        check_row({"id": "a", "text": "z", "why": "y"}, seen)
