"""The claim frames' figures never drop below the floor in tests/data/frames_floor.json.

Scores the core on the annotated tables under tests/data/frames/ (``benchmarks.frames``). When
a change raises a figure, raise the floor with ``python -m benchmarks.frames --write-floor``
(it never lowers one); a figure more than 0.005 below its floor fails its own test case, named
field-metric.
"""

import json
from datetime import date
from pathlib import Path

import pytest

from benchmarks.frames import FLOOR, FLOOR_METRICS, SCORED, evaluate

FLOORS = json.loads(Path(FLOOR).read_text(encoding="utf-8"))["fields"]
TOLERANCE = 0.005  # a figure may dip this far below its floor before the test fails


@pytest.fixture(scope="module")
def measured():
    return evaluate()


@pytest.mark.parametrize(
    ("name", "metric", "floor"),
    [
        pytest.param(name, metric, entry[metric], id=f"{name}-{metric}")
        for name, entry in FLOORS.items()
        for metric in FLOOR_METRICS
    ],
)
def test_figure_at_or_above_floor(measured, name, metric, floor):
    value = measured["fields"][name][metric]
    assert value >= floor - TOLERANCE - 1e-9, f"{name} {metric}: {value:.4f} < floor {floor}"


def test_every_scored_field_has_a_floor():
    assert list(FLOORS) == list(SCORED)
    for name, entry in FLOORS.items():
        assert set(entry) == {*FLOOR_METRICS, "measured_at"}, name
        assert all(0.0 <= entry[metric] <= 1.0 for metric in FLOOR_METRICS), name
        assert set(entry["measured_at"]) == {"date", "commit"}, name
        date.fromisoformat(entry["measured_at"]["date"])


def test_extract_never_raised_on_a_table(measured):
    raised = {name: m["errors"] for name, m in measured["fields"].items() if m["errors"]}
    assert raised == {}
