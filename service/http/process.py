"""Process-wide tuning for a long-lived server process: the garbage collector and the allocator.

Both run once, in the gunicorn master after the warm-up (``--preload``), and the forked workers
inherit them. ``service/http/wsgi.py`` calls them; a library user of the core needs neither.
"""

from __future__ import annotations

import ctypes
import gc

# glibc's mallopt parameter for the size above which a block is mapped on its own (malloc.h).
_M_MMAP_THRESHOLD = -3
MMAP_THRESHOLD = 128 * 1024


def freeze_startup_objects() -> None:
    """Move everything built so far out of the garbage collector's sight.

    The app, the unit tables and pint's registry (some 60,000 objects) live as long as the
    process. A full collection walked them all: 25-30 ms in a worker, a stall that every
    request in flight there waited out, and writes to shared pages that each forked worker
    then had to copy.
    """
    gc.collect()
    gc.freeze()


def fix_mmap_threshold() -> bool:
    """Map every block over 128 KiB on its own, so that freeing it gives it back to the system.

    glibc raises this threshold each time a large mapped block is freed, and later blocks of
    that size then come from a thread's arena, which keeps them. A gthread worker answering
    1 MB texts on different threads so grew from 115 MB to 146 MB peak RSS (benchmarks.perf);
    with the threshold fixed it stays at 115 MB. Returns False where the C library is not
    glibc (musl, macOS): another allocator, nothing to tune.
    """
    try:
        libc = ctypes.CDLL("libc.so.6")
        return libc.mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD) == 1
    except (OSError, AttributeError):
        return False
