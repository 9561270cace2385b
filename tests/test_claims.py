"""Table-driven extraction cases: one JSON file per behaviour under tests/data/claims/.

A row is ``{"id", "text", "claims", "why"?, "xfail"?, "class"?, "trap"?}``. Each expected claim
lists ``text`` and only the fields that matter for the case; the extractor must return exactly
as many claims, in text order. Its keys are read from the claim model (``claim_keys``):
``unit_name``, ``normalized_value``, ``entity`` (the entity's text), …; ``"unit_name": null``
means ``claim.unit is None``. A row with ``"xfail": "reason"`` is a known failure, marked strict so
that it flips loudly once fixed. ``"class"`` names the error class of issue 15 the row tests
(``benchmarks.classes`` scores each class) and ``"trap": true`` says the row checks that a wrong
reading stays out.
"""

import json
import math
from pathlib import Path

import pytest
from claim_keys import Key, keys_of, observe

from benchmarks.classes import CLASSES
from service.core.model import Claim

DATA = Path(__file__).parent / "data" / "claims"

# The keys an expected claim may give, with their types: every scalar of the claim model.
KEYS = keys_of(Claim)
# Bounds given together must not cross: ("low", "high"), ("normalized_low", "normalized_high").
BOUNDS = tuple(
    (name, f"{name[:-3]}high")
    for name, key in KEYS.items()
    if key.path[-1] == "low" and f"{name[:-3]}high" in KEYS
)
ROW_REQUIRED = frozenset({"id", "text", "claims"})
ROW_OPTIONAL = frozenset({"why", "xfail", "class", "trap"})
ROW_TEXTS = frozenset({"why", "xfail"})  # optional keys that hold a sentence

# Scale words and float arithmetic may differ in the last bits ("4.2 billion"); conversions
# (pint factors, kelvin offsets: the normalized numbers) more.
REL_VALUE = 1e-9
REL_NORMALIZED = 1e-6


class CaseError(ValueError):
    """A malformed row in a case file: fix the data, never skip the row."""


def _is_number(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


# What a value of each type must be, and how to say so.
TYPES = {
    float: (_is_number, "a finite number"),
    int: (lambda value: isinstance(value, int) and not isinstance(value, bool), "an integer"),
    bool: (lambda value: isinstance(value, bool), "true or false"),
    str: (lambda value: isinstance(value, str) and value != "", "a non-empty string"),
}


def _check_value(where: str, name: str, key: Key, value) -> None:
    if value is None and key.nullable:
        return
    if key.choices:
        if value not in key.choices:
            raise CaseError(f"{where}: unknown {name} {value!r}")
        return
    fits, kind = TYPES[key.type]
    if not fits(value):
        raise CaseError(f"{where}: {name!r} must be {kind}{' or null' if key.nullable else ''}")


def _check_claim(where: str, text: str, claim, search_from: int) -> int:
    """Validate one expected claim and return where the next one may start in ``text``."""
    if not isinstance(claim, dict):
        raise CaseError(f"{where}: a claim must be an object, got {type(claim).__name__}")
    unknown = claim.keys() - KEYS.keys()
    if unknown:
        raise CaseError(f"{where}: unknown claim field(s) {sorted(unknown)}")
    if not isinstance(claim.get("text"), str) or not claim["text"]:
        raise CaseError(f"{where}: every claim needs a non-empty string 'text'")
    for name, value in claim.items():
        _check_value(where, name, KEYS[name], value)
    for low, high in BOUNDS:
        if claim.get(low) is not None and claim.get(high) is not None and claim[low] > claim[high]:
            raise CaseError(f"{where}: {low} > {high}")
    found = text.find(claim["text"], search_from)
    if found < 0:
        raise CaseError(f"{where}: claim text {claim['text']!r} not found in order in the row text")
    for name, value in claim.items():
        if KEYS[name].span and value and value not in text:
            raise CaseError(f"{where}: {name} {value!r} not found in the row text")
    return found + len(claim["text"])


def check_row(row, source: str, seen: set[str]) -> dict:
    """Validate one row and return it; raise CaseError on anything malformed."""
    if not isinstance(row, dict):
        raise CaseError(f"{source}: a row must be an object, got {type(row).__name__}")
    where = f"{source} row {row.get('id', '?')!r}"
    missing = ROW_REQUIRED - row.keys()
    if missing:
        raise CaseError(f"{where}: missing key(s) {sorted(missing)}")
    unknown = row.keys() - ROW_REQUIRED - ROW_OPTIONAL
    if unknown:
        raise CaseError(f"{where}: unknown key(s) {sorted(unknown)}")
    if not isinstance(row["id"], str) or not row["id"]:
        raise CaseError(f"{where}: 'id' must be a non-empty string")
    if row["id"] in seen:
        raise CaseError(f"{where}: duplicate id")
    seen.add(row["id"])
    if not isinstance(row["text"], str) or not row["text"]:
        raise CaseError(f"{where}: 'text' must be a non-empty string")
    if not isinstance(row["claims"], list):
        raise CaseError(f"{where}: 'claims' must be a list")
    for key in ROW_TEXTS & row.keys():
        if not isinstance(row[key], str) or not row[key].strip():
            raise CaseError(f"{where}: {key!r} must be a non-empty string")
    if "class" in row and row["class"] not in CLASSES:
        raise CaseError(f"{where}: unknown class {row['class']!r}")
    if "trap" in row and (row["trap"] is not True or "class" not in row):
        raise CaseError(f"{where}: 'trap' is true on a row with a class, or absent")
    position = 0
    for index, claim in enumerate(row["claims"]):
        position = _check_claim(f"{where} claim {index}", row["text"], claim, position)
    return row


def load_rows(path: Path, seen: set[str]) -> list[dict]:
    """Read one case file; raise CaseError rather than drop anything."""
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise CaseError(f"{path.name}: not valid JSON: {error}") from error
    if not isinstance(rows, list) or not rows:
        raise CaseError(f"{path.name}: must hold a non-empty list of rows")
    return [check_row(row, path.name, seen) for row in rows]


def load_cases(directory: Path = DATA) -> list:
    """Return one pytest.param per row of every case file, known failures marked strict."""
    files = sorted(directory.glob("*.json"))
    if not files:
        raise CaseError(f"no case files in {directory}")
    seen: set[str] = set()
    params = []
    for path in files:
        for row in load_rows(path, seen):
            marks = ()
            if "xfail" in row:
                marks = (pytest.mark.xfail(strict=True, reason=row["xfail"]),)
            params.append(pytest.param(row, id=f"{path.stem}/{row['id']}", marks=marks))
    return params


def _observed(claim, keys) -> dict:
    """Pick from ``claim`` the fields an expected row names, in the row's vocabulary."""
    return {name: observe(claim, KEYS[name]) for name in keys}


def _expected(claim: dict) -> dict:
    """Wrap numbers in pytest.approx; None stays None so an open side must really be open."""
    expected = {}
    for name, value in claim.items():
        key = KEYS[name]
        if value is not None and key.type is float:
            rel = REL_NORMALIZED if key.path[0] == "normalized" else REL_VALUE
            expected[name] = pytest.approx(value, rel=rel)
        else:
            expected[name] = value
    return expected


CASES = load_cases()


@pytest.mark.parametrize("case", CASES)
def test_claims(case, extract):
    text = case["text"]
    claims = extract(text)
    assert [c.text for c in claims] == [c["text"] for c in case["claims"]]
    assert [c.start for c in claims] == sorted(c.start for c in claims)
    for want, claim in zip(case["claims"], claims, strict=True):
        assert text[claim.start : claim.end] == claim.text
        assert _observed(claim, want.keys()) == _expected(want), claim


@pytest.mark.parametrize(
    ("row", "message"),
    [
        pytest.param({"id": "a", "text": "5 km"}, "missing key", id="missing-claims"),
        pytest.param({"text": "5 km", "claims": []}, "missing key", id="missing-id"),
        pytest.param({"id": "a", "text": "5", "claims": [], "note": "x"}, "unknown key", id="key"),
        pytest.param({"id": "", "text": "5", "claims": []}, "'id'", id="empty-id"),
        pytest.param({"id": "a", "text": 5, "claims": []}, "'text'", id="text-type"),
        pytest.param({"id": "a", "text": "5", "claims": {}}, "'claims'", id="claims-type"),
        pytest.param({"id": "a", "text": "5", "claims": [], "why": ""}, "'why'", id="empty-why"),
        pytest.param({"id": "a", "text": "5", "claims": [], "xfail": 1}, "'xfail'", id="xfail"),
        pytest.param({"id": "a", "text": "5", "claims": [], "class": "x"}, "class", id="class"),
        pytest.param(
            {"id": "a", "text": "5", "claims": [], "class": "years", "trap": 1}, "trap", id="trap"
        ),
        pytest.param({"id": "a", "text": "5", "claims": [], "trap": True}, "trap", id="trap-alone"),
        pytest.param({"id": "a", "text": "5", "claims": ["5"]}, "an object", id="claim-type"),
        pytest.param({"id": "a", "text": "5", "claims": [{}]}, "'text'", id="claim-no-text"),
        pytest.param(
            {"id": "a", "text": "5", "claims": [{"text": "5", "valu": 5}]},
            "unknown claim field",
            id="claim-typo",
        ),
        pytest.param(
            {"id": "a", "text": "5", "claims": [{"text": "5", "value": "5"}]},
            "'value'",
            id="value-string",
        ),
        pytest.param(
            {"id": "a", "text": "5", "claims": [{"text": "5", "value": True}]},
            "'value'",
            id="value-bool",
        ),
        pytest.param(
            {"id": "a", "text": "5", "claims": [{"text": "5", "approximate": "yes"}]},
            "'approximate'",
            id="approximate-type",
        ),
        pytest.param(
            {"id": "a", "text": "5", "claims": [{"text": "5", "relation": "over"}]},
            "relation",
            id="relation",
        ),
        pytest.param(
            {"id": "a", "text": "5", "claims": [{"text": "5", "kind": "number"}]},
            "kind",
            id="kind",
        ),
        pytest.param(
            {"id": "a", "text": "5", "claims": [{"text": "5", "entity": 3}]},
            "'entity'",
            id="entity-type",
        ),
        pytest.param(
            {"id": "a", "text": "5 to 3", "claims": [{"text": "5 to 3", "low": 5, "high": 3}]},
            "low > high",
            id="low-above-high",
        ),
        pytest.param(
            {"id": "a", "text": "5 km", "claims": [{"text": "6 km"}]},
            "not found",
            id="text-absent",
        ),
        pytest.param(
            {"id": "a", "text": "5 and 6", "claims": [{"text": "6"}, {"text": "5"}]},
            "not found in order",
            id="out-of-order",
        ),
    ],
)
def test_loader_rejects_malformed_rows(row, message):
    with pytest.raises(CaseError, match=message):
        check_row(row, "bad.json", set())


def test_every_class_has_positive_rows_and_traps():
    """A class is measured on rows that must read a figure and on traps beside them."""
    rows = [row for path in DATA.glob("*.json") for row in load_rows(path, set())]
    tagged = {row["class"] for row in rows if "class" in row}
    for name in tagged:
        mine = [row for row in rows if row.get("class") == name]
        assert any(row.get("trap") for row in mine), f"{name}: no trap"
        assert any(not row.get("trap") for row in mine), f"{name}: no positive row"


def test_loader_rejects_duplicate_ids():
    seen: set[str] = set()
    check_row({"id": "a", "text": "5", "claims": []}, "one.json", seen)
    with pytest.raises(CaseError, match="duplicate id"):
        check_row({"id": "a", "text": "6", "claims": []}, "two.json", seen)


def test_loader_rejects_empty_and_invalid_files(tmp_path):
    (tmp_path / "empty.json").write_text("[]", encoding="utf-8")
    with pytest.raises(CaseError, match="non-empty list"):
        load_cases(tmp_path)
    (tmp_path / "empty.json").write_text("[{", encoding="utf-8")
    with pytest.raises(CaseError, match="not valid JSON"):
        load_cases(tmp_path)
    with pytest.raises(CaseError, match="no case files"):
        load_cases(tmp_path / "missing")


def test_loader_marks_known_failures_strict(tmp_path):
    row = {"id": "a", "text": "5 km", "claims": [{"text": "5 km"}], "xfail": "not yet"}
    (tmp_path / "units.json").write_text(json.dumps([row]), encoding="utf-8")
    (param,) = load_cases(tmp_path)
    (mark,) = param.marks
    assert param.id == "units/a"
    assert mark.name == "xfail"
    assert mark.kwargs == {"strict": True, "reason": "not yet"}


def test_every_behaviour_has_its_file():
    names = {path.stem for path in DATA.glob("*.json")}
    assert names >= {
        "numbers", "words", "ranges", "bounds", "vague", "units",
        "money", "percent", "entities", "special",
    }  # fmt: skip
