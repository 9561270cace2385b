"""``benchmarks.batch`` judges the speed-up from its runs as documented: pooled over 1, 2, 2, 1.

The arithmetic only, on made-up runs: no timing here (the benchmark itself is run on demand).
"""

import pytest

from benchmarks.batch import cpu_lines, ratios, run_rows

ONE, TWO, SPARK = "figures batch, 1 worker", "figures batch, 2 workers", "Spark local[2]"


def run(name, seconds, main_cpu=None, workers_cpu=None, megabytes=200.0):
    """A run as ``measure`` records it (only the fields ``ratios`` and ``run_rows`` read)."""
    return {
        "name": name,
        "megabytes": megabytes,
        "seconds": seconds,
        "rate": megabytes / seconds,
        "digest": "same",
        "cpu_seconds": None if main_cpu is None else main_cpu + (workers_cpu or 0),
        "main_cpu_seconds": main_cpu,
        "workers_cpu_seconds": workers_cpu,
        "main_peak_mb": 60.0,
        "worker_peak_mb": [70.0, 71.0] if name == TWO else [],
    }


# (what it shows, runs in the order they ran, speed-up, each round's speed-up)
SPEED_UPS = [
    (
        "one pair, as results before the rounds recorded it",
        [run(ONE, 100.0), run(TWO, 52.0)],
        100 / 52,
        [100 / 52],
    ),
    (
        "a machine slowing 5% a run: each round is off, the pooled ratio is not",
        [run(ONE, 100.0), run(TWO, 52.5), run(TWO, 55.0), run(ONE, 115.0)],
        2.0,
        [100 / 52.5, 115 / 55],
    ),
    (
        "a slow second 1-worker run counts, it is not dropped",
        [run(ONE, 100.0), run(TWO, 50.0), run(TWO, 50.0), run(ONE, 80.0)],
        1.8,
        [2.0, 1.6],
    ),
    (
        "quarter-size runs are left out of the ratios",
        [run(ONE, 100.0), run(TWO, 50.0), run(TWO, 40.0, megabytes=50.0)],
        2.0,
        [2.0],
    ),
]


@pytest.mark.parametrize(
    ("runs", "speed_up", "rounds"),
    [case[1:] for case in SPEED_UPS],
    ids=[case[0] for case in SPEED_UPS],
)
def test_speed_up_is_pooled_over_the_rounds(runs, speed_up, rounds):
    found = ratios({"runs": runs})
    assert found["speed_up"] == pytest.approx(speed_up)
    assert found["round_speed_ups"] == pytest.approx(rounds)


def test_spark_is_compared_with_the_mean_of_the_two_worker_runs():
    runs = [run(ONE, 100.0), run(TWO, 50.0), run(TWO, 60.0), run(ONE, 100.0), run(SPARK, 66.0)]
    assert ratios({"runs": runs})["spark_ratio"] == pytest.approx(1.2)


def test_cpu_bound_and_main_share_are_pooled_alike():
    runs = [
        run(ONE, 100.0, main_cpu=100.0, workers_cpu=0.0),
        run(TWO, 50.0, main_cpu=2.0, workers_cpu=98.0),
        run(TWO, 52.0, main_cpu=4.0, workers_cpu=106.0),
        run(ONE, 104.0, main_cpu=110.0, workers_cpu=0.0),
    ]
    found = ratios({"runs": runs})
    assert found["cpu_speed_up"] == pytest.approx(2 * 105 / 105)
    assert found["main_share"] == pytest.approx(3 / 105)


def test_the_rounds_are_printed_beside_the_pooled_ratio():
    runs = [run(ONE, 100.0), run(TWO, 52.5), run(TWO, 55.0), run(ONE, 115.0)]
    lines = cpu_lines(ratios({"runs": runs}))
    assert lines == [
        "2 workers ÷ 1 by round (1 then 2, 2 then 1): 1.90×, 2.09×; pooled over both: 2.00×"
    ]


def test_rows_show_system_time_and_the_rest_of_the_machine_when_recorded():
    older, newer = run(ONE, 100.0, 99.0, 0.0), run(TWO, 50.0, 2.0, 98.0)
    newer |= {"system_seconds": {"main": 1.5, "workers": 0.9}, "others_cpu_seconds": 3.31}
    header, first, second, _ = run_rows({"runs": [older, newer]})
    assert "others" in header
    assert "99.0 " in first
    assert "(" not in first  # an older result: no system time recorded
    assert "2.0 (1.5)" in second
    assert "98.0 (0.9)" in second
    assert " 3.3 " in second
