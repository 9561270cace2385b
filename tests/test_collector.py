"""The core pauses the cyclic garbage collector while it reads, and leaves no cycle behind.

Pausing is only sound because reference counting frees everything a run makes: were a reading
to hold a cycle, memory would grow while the collector is off. The first test fails if one does.
"""

import gc
import threading

import pytest

from benchmarks.corpus import generate
from service.core import collector, explain, extract, warm
from service.core import extractor as extractor_module

TEXTS = [
    generate(60_000, 3),
    "The coalition estimated that 300 to 400 militants remained. On Friday 13 October a local "
    "official said an estimated 100 were left.",
    "Unemployment rose from 4.1% to 4.4% in March, the statistics office said.",
    # Inputs that once raised inside a stage (caught there): an exception's traceback is a
    # cycle only if it is kept.
    "1 000 pm, five and hundred half, 1e308 hours 5 minutes, " + "9" * 309 + " 1/2",
]


@pytest.fixture
def collector_off():
    was = gc.isenabled()
    warm()  # the first run builds tables (pint's registry holds cycles): not the run's own
    explain("Shares rose 3% last year.", reference_date="2024-05-01")
    gc.collect()
    gc.disable()
    yield
    if was:
        gc.enable()


@pytest.mark.parametrize("text", TEXTS, ids=["corpus", "seed", "change", "hostile"])
def test_a_run_leaves_no_cycle(collector_off, text):
    extract(text)
    extract(text, reference_date="2024-05-01")
    explain(text)
    assert gc.collect() == 0


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_left_as_it_was(enabled):
    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        extract("Shares fell 3% to $41.20.")
        explain("Shares fell 3% to $41.20.")
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


def test_the_collector_is_on_again_when_a_run_fails(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("a stage broke")

    monkeypatch.setattr(extractor_module, "text_claims", broken)
    assert gc.isenabled()
    with pytest.raises(RuntimeError):
        extract("Shares fell 3%.")
    assert gc.isenabled()


def test_concurrent_runs_turn_it_on_once_the_last_is_done():
    assert gc.isenabled()
    seen_off: list[bool] = []
    start = threading.Barrier(4)

    def run():
        start.wait()
        with collector.collector_paused():
            seen_off.append(not gc.isenabled())
            extract(TEXTS[0][:20_000])

    threads = [threading.Thread(target=run) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert seen_off == [True] * 4
    assert gc.isenabled()
