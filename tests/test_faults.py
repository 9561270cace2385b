"""Load and faults against the real ``figures serve``: the short run of scripts/stress.

32 clients post varied texts for 10 s while one gunicorn worker is killed; then slow clients
trickle headers beside normal ones. About 25 s; the script's full run goes on longer.
"""

import pytest


@pytest.fixture(scope="module")
def served(stress):
    """Start ``figures serve --workers 2`` and the single-request answers to compare with."""
    texts = stress.load_texts()
    with stress.Server(workers=2) as server:
        yield server, texts, stress.single_answers(server, texts)


def test_killed_worker_is_replaced_and_nothing_is_lost_or_mixed(stress, served):
    server, texts, expected = served
    report = stress.load_and_kill(server, texts, expected, clients=32, seconds=10)
    failures = []
    stress.judge_faults(report, failures)
    assert failures == [], report
    assert report["answered"] > 100, report  # the load was real
    assert server.process.poll() is None


def test_slow_clients_do_not_starve_the_others(stress, served):
    server, texts, expected = served
    report = stress.slow_clients(server, texts, expected, slow=6, clients=4, seconds=4)
    failures = []
    stress.judge_slow(report, failures)
    assert failures == [], report
    assert min(report["slow_bytes"]) >= 8, report  # they held their sockets throughout
    status, _, _ = server.request("GET", "/healthz")
    assert status == 200
