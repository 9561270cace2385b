"""One run at a time per output: an exclusive lock on ``OUT.lock`` for the whole run.

Two runs writing the same output would interleave their rows in one ``OUT.partial`` and each
replace the other's checkpoint, leaving one that blocks ``--resume``. The second run stops at
once instead, naming the first. The lock is ``flock(2)`` on a file beside the output: the
system drops it when its process ends, however it ends, so a killed run never leaves a lock
that blocks the next. A finished run removes the file.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager


class Busy(Exception):
    """Another process holds the output's lock."""


def lock_path(output: str) -> str:
    """Name the lock file of an output (a file, or the directory a Spark run writes)."""
    return os.path.normpath(output) + ".lock"


@contextmanager
def held(output: str) -> Iterator[str]:
    """Hold the lock of ``output`` while the block runs; raise ``Busy`` if another holds it."""
    path = lock_path(output)
    descriptor = _acquire(path, output)
    try:
        os.ftruncate(descriptor, 0)
        os.write(descriptor, f"{os.getpid()}\n".encode("ascii"))
        yield path
    finally:
        os.remove(path)  # while still locked, so no other run locks a file about to vanish
        os.close(descriptor)


def _acquire(path: str, output: str) -> int:
    """Lock the file at ``path`` (made if missing); return its descriptor."""
    while True:
        descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.read(descriptor, 32).decode("ascii", "replace").strip()
            os.close(descriptor)
            raise Busy(
                f"another figures batch{f' (process {holder})' if holder else ''} is writing"
                f" {output} (it holds {path}); wait for it to finish, or give this run another"
                " --output"
            ) from None
        except BaseException:  # a signal: leave no lock file that this run made
            _drop(descriptor, path)
            raise
        try:
            if _still_there(descriptor, path):
                return descriptor
        except BaseException:
            _drop(descriptor, path)
            raise
        os.close(descriptor)  # the run that held it finished and removed it: lock the new one


def _drop(descriptor: int, path: str) -> None:
    """Remove the lock file if no other run holds it, and close it."""
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        if _still_there(descriptor, path):
            os.remove(path)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def _still_there(descriptor: int, path: str) -> bool:
    try:
        return os.path.samestat(os.fstat(descriptor), os.stat(path))
    except FileNotFoundError:
        return False
