"""The cyclic garbage collector, paused while the core reads a text.

Reading a megabyte makes some 200,000 tokens and tens of thousands of readings, every one of
them acyclic (``tests/test_collector.py`` checks that a run leaves no cycle behind). CPython's
cyclic collector still scans those young objects every 700 allocations and, as they pile up,
the older generations too: about a tenth of the run time on news text, spent finding nothing.
Reference counting frees everything the core makes, so the collector is paused for the run.

The switch is process-wide, so it is counted: the first of several concurrent runs (threads of
a server) pauses the collector only if it was on, and the last one out turns it back on. A
caller that had it off finds it off.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_state = {"runs": 0, "resume": 0}  # runs in flight; 1 if the first one paused the collector


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run the block with the cyclic garbage collector off (as it was before, after)."""
    with _lock:
        if _state["runs"] == 0:
            _state["resume"] = int(gc.isenabled())
            gc.disable()
        _state["runs"] += 1
    try:
        yield
    finally:
        with _lock:
            _state["runs"] -= 1
            if _state["runs"] == 0 and _state["resume"]:
                gc.enable()
