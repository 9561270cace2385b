"""A time limit on extraction, set by the caller around its calls (the HTTP worker, per request).

Why a context variable, not an argument of ``extract``: the limit is one request's, and a
request may call the core once or a hundred times (a batch) through code that has no business
passing it on. A context variable is per thread (and per asyncio task), so each request a
threaded server answers sees its own limit only. The clock starts at the first text read under
the limit, not when it is set, so the time spent reading a request's body does not count.

Without a limit nothing is timed: ``extract`` in a batch job or a notebook runs to the end.
The stages look at the clock once a piece of a text is tokenised (``context``), then once a
figure (``pipeline``) and once a claim (``framing``): a limit is overrun by at most the time it
takes to tokenise one piece (``Context.pieces``: some 64,000 characters, a few milliseconds;
more where one stretch of figure sentences is longer) or, for ``explain``, one whole text (about
a second for a megabyte of dense figures on a busy 2-core machine).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from time import monotonic
from typing import Final

from .model import ExtractionTimeout


class _Clock:
    """The seconds a limit gives, and when they run out once the first text starts.

    A plain class, not a frozen dataclass: the deadline is set once, at the first text, and
    every later text of the same request shares it.
    """

    __slots__ = ("deadline", "seconds")

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.deadline: float | None = None


_LIMIT: Final[ContextVar[_Clock | None]] = ContextVar("figures_time_limit", default=None)


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Give every extraction inside the block ``seconds`` in all; None gives no limit.

    Past it the extraction under way raises ``ExtractionTimeout``.
    """
    token = _LIMIT.set(None if seconds is None else _Clock(seconds))
    try:
        yield
    finally:
        _LIMIT.reset(token)


def deadline() -> float | None:
    """Return the ``time.monotonic()`` by which extraction must end, or None without a limit.

    The first call under a limit starts its clock.
    """
    clock = _LIMIT.get()
    if clock is None:
        return None
    if clock.deadline is None:
        clock.deadline = monotonic() + clock.seconds
    return clock.deadline


def check(deadline: float | None) -> None:
    """Raise ``ExtractionTimeout`` when ``deadline`` (from ``deadline()``) has passed."""
    if deadline is not None and monotonic() >= deadline:
        raise ExtractionTimeout("the time limit of this extraction ran out")
