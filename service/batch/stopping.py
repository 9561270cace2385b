"""Stop a batch run cleanly on SIGINT (Ctrl-C) or SIGTERM (``kill``, a service manager).

Both signals raise ``Interrupted`` in the main process, which stops its workers, checkpoints
what it has written and exits with 128 + the signal's number (130, 143), the shell's
convention. Writing a chunk and saving a checkpoint are ``critical``: a signal that comes then
takes effect once they are done, so the output and its checkpoint always agree.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Interrupted(BaseException):
    """A signal asked the run to stop.

    A ``BaseException``, as ``KeyboardInterrupt`` is: the per-document ``except Exception``
    that turns a failing text into an error row must not swallow it.
    """

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum

    @property
    def status(self) -> int:
        """The exit status a shell gives a process this signal ended: 128 + its number."""
        return 128 + self.signum


class Stopping:
    """Raise ``Interrupted`` on a signal, or as soon as a critical section ends."""

    def __init__(self) -> None:
        self._depth = 0
        self._pending: int | None = None

    def handle(self, signum: int, frame: FrameType | None) -> None:
        """Be the signal handler: raise now, or remember the signal for the section's end."""
        if self._depth:
            self._pending = signum
            return
        raise Interrupted(signum)

    @contextmanager
    def critical(self) -> Iterator[None]:
        """Hold signals off while the block runs; raise for one that came meanwhile."""
        self._depth += 1
        try:
            yield
        finally:
            self._depth -= 1
        if not self._depth and self._pending is not None:
            signum, self._pending = self._pending, None
            raise Interrupted(signum)


@contextmanager
def on_signals() -> Iterator[Stopping]:
    """Turn SIGINT and SIGTERM into ``Interrupted`` while the block runs.

    A signal its parent had this process ignore (``nohup``, a shell's background job) stays
    ignored, as Python leaves SIGINT then. Outside the main thread nothing is installed: only
    it can handle signals.
    """
    stopping = Stopping()
    if threading.current_thread() is not threading.main_thread():
        yield stopping
        return
    previous = {signum: signal.getsignal(signum) for signum in SIGNALS}
    for signum, handler in previous.items():
        if handler is not signal.SIG_IGN:
            signal.signal(signum, stopping.handle)
    try:
        yield stopping
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


@contextmanager
def sigint_ignored() -> Iterator[None]:
    """Ignore SIGINT while the block starts processes: they inherit it, and never see Ctrl-C.

    A terminal sends Ctrl-C to every process of the job; a worker that caught it would print
    a traceback while it starts up (before it could ignore the signal itself), and the main
    process stops the workers anyway. A signal handler does not pass to a started process (it
    is reset when the process runs Python anew), an ignored signal does. The signal is blocked
    meanwhile too, so that one sent to this process then is held, not lost (Linux never drops
    a blocked signal), and delivered to the handler once it is back.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    handler = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, handler)
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)  # a SIGINT held meanwhile comes now
