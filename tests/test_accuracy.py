"""Accuracy on the peers' own suites never drops below the floor in tests/data/accuracy_floor.json.

Runs our extractor only (quantulum3's row is measured by ``python -m benchmarks.accuracy``).
When a change raises a figure, raise the floor with ``python -m benchmarks.accuracy
--write-floor``; a figure below its floor fails its own test case, named suite-metric.
"""

import json
from pathlib import Path

import pytest

from benchmarks.accuracy import FLOOR, OURS, evaluate
from benchmarks.suite_rules import Q3_ITEM_SKIPS, RT_CASE_SKIPS
from benchmarks.suites import SuiteError, errors_inputs, load, load_quantulum3, load_recognizers

FLOORS = json.loads(Path(FLOOR).read_text(encoding="utf-8"))[OURS]


@pytest.fixture(scope="module")
def measured():
    return evaluate(systems=(OURS,))


@pytest.mark.parametrize(
    ("suite", "metric", "floor"),
    [
        pytest.param(suite, metric, floor, id=f"{suite}-{metric}")
        for suite, metrics in FLOORS.items()
        for metric, floor in metrics.items()
    ],
)
def test_figure_at_or_above_floor(measured, suite, metric, floor):
    value = measured["suites"][suite]["systems"][OURS][metric]
    assert value is not None, f"{suite} {metric} was not measured"
    assert value >= floor - 1e-9, f"{suite} {metric}: {value} < floor {floor}"  # float noise


def test_every_suite_has_a_floor(measured):
    assert set(measured["suites"]) == set(FLOORS)


def test_extract_never_raised_on_a_suite(measured):
    raised = {
        name: entry["systems"][OURS]["errors"]
        for name, entry in measured["suites"].items()
        if entry["systems"][OURS]["errors"]
    }
    assert raised == {}


@pytest.mark.parametrize(
    ("where", "piece"), [pytest.param(*key, id=key[1][:30]) for key in RT_CASE_SKIPS]
)
def test_every_case_skip_names_one_case(where, piece):
    suites, _ = load()
    ruled = [s for s in suites if where in (s.scope, s.name)]
    for suite in ruled:
        hits = [case for case in suite.cases if piece in case.text]
        assert len(hits) <= 1, f"ambiguous rule: {[case.id for case in hits]}"
        assert all(case.skip == RT_CASE_SKIPS[where, piece] for case in hits)
    assert any(piece in case.text for s in ruled for case in s.cases), "a stale rule"


@pytest.mark.parametrize(
    ("text", "surface"), [pytest.param(*key, id=key[1]) for key in Q3_ITEM_SKIPS]
)
def test_every_quantulum3_skip_names_an_item(text, surface):
    suites, _ = load()
    cases = [c for s in suites if s.source == "quantulum3" for c in s.cases if c.text == text]
    assert any(text[start:end] == surface for c in cases for start, end in c.ignored)


@pytest.mark.parametrize("text", errors_inputs())
def test_quantulum3_error_inputs_do_not_raise(extract, text):
    for claim in extract(text):
        assert text[claim.start : claim.end] == claim.text


MALFORMED_RT = {
    "end-past-input": [{"Input": "12", "Results": [{"Text": "12", "TypeName": "number",
                        "Resolution": {"value": "12"}, "Start": 0, "End": 2}]}],
    "text-not-at-offsets": [{"Input": "a 12", "Results": [{"Text": "12", "TypeName": "number",
                             "Resolution": {"value": "12"}, "Start": 0, "End": 1}]}],
    "value-not-a-number": [{"Input": "12", "Results": [{"Text": "12", "TypeName": "number",
                            "Resolution": {"value": "twelve"}, "Start": 0, "End": 1}]}],
    "no-results": [{"Input": "12"}],
}  # fmt: skip
MALFORMED_RANGE = {
    "bad-notation": [{"Input": "over 5", "Results": [{"Text": "over 5", "TypeName":
                      "numberrange", "Resolution": {"value": "5+"}, "Start": 0, "End": 5}]}],
    "no-end": [{"Input": "over 5", "Results": [{"Text": "over 5", "TypeName": "numberrange",
                "Resolution": {"value": "(,)"}, "Start": 0, "End": 5}]}],
}  # fmt: skip
MALFORMED_Q3 = {
    "surface-not-in-input": [{"req": "2 km", "res": [{"value": 2, "unit": "metre",
                              "surface": "2 m"}]}],
    "value-missing": [{"req": "2 km", "res": [{"unit": "kilometre", "surface": "2 km"}]}],
    "not-an-object": ["2 km"],
}  # fmt: skip


@pytest.mark.parametrize(
    ("stem", "rows"),
    [pytest.param("NumberModel", rows, id=name) for name, rows in MALFORMED_RT.items()]
    + [pytest.param("NumberRangeModel", rows, id=name) for name, rows in MALFORMED_RANGE.items()],
)
def test_recognizers_loader_raises_on_a_malformed_row(tmp_path, stem, rows):
    path = tmp_path / f"{stem}.json"
    path.write_text(json.dumps(rows), encoding="utf-8")
    with pytest.raises(SuiteError):
        load_recognizers(path)


@pytest.mark.parametrize("rows", [pytest.param(r, id=n) for n, r in MALFORMED_Q3.items()])
def test_quantulum3_loader_raises_on_a_malformed_row(tmp_path, rows):
    path = tmp_path / "quantities.json"
    path.write_text(json.dumps(rows), encoding="utf-8")
    with pytest.raises(SuiteError):
        load_quantulum3(path)
