"""Timeouts of one request: its headers, its body, its answer and the extraction it asks for.

gunicorn's threaded worker reads a request from a blocking socket with no deadline: a client
that trickles its headers a byte at a time, or sends a body shorter than its Content-Length
and waits, holds a thread for as long as it likes (150 s and more were measured; 8 such
sockets, as many as 2 workers have threads, made /healthz time out). ``TimedSocket`` puts a
deadline on each phase of a request, as gunicorn's parser and the app read it; the worker
(``worker.py``) moves it from phase to phase.

The settings come from the environment, so ``figures serve`` and the container's own gunicorn
command read the same (README, "Configuration"; docs/reliability.md, "Timeouts").
"""

from __future__ import annotations

import errno
import math
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from socket import socket
from typing import TypeVar

from werkzeug.exceptions import RequestTimeout

# Keep in sync with the README's configuration table and docs/reliability.md "Timeouts".
DEFAULTS = {
    # Seconds a client has to send the request line and headers, from their first byte (one
    # that sends nothing at all is let go after 5 s: gunicorn's own wait).
    "FIGURES_HEADER_TIMEOUT": 10.0,
    # Seconds it has to send the body, from the end of the headers; and again to take the answer.
    "FIGURES_BODY_TIMEOUT": 30.0,
    # Seconds of extraction one request may ask for, all its texts together (a batch too).
    "FIGURES_EXTRACTION_TIMEOUT": 60.0,
}


_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class Timeouts:
    """The seconds each phase of one request may take."""

    header: float  # the request line and headers
    body: float  # the body, and again the answer (the client must take it)
    extraction: float  # the core's work for the request

    @classmethod
    def from_environ(cls, environ: Mapping[str, str]) -> Timeouts:
        """Read ``FIGURES_*_TIMEOUT``; anything but a positive finite number stops the start."""
        given = (_seconds(name, environ.get(name), default) for name, default in DEFAULTS.items())
        return cls(*given)


def _seconds(name: str, given: str | None, default: float) -> float:
    if given is None or not given.strip():
        return default
    try:
        value = float(given)
    except ValueError:
        value = math.nan
    if not (math.isfinite(value) and value > 0):
        raise ValueError(f"{name} must be a positive number of seconds, not {given!r}")
    return value


class ReadTimeout(RequestTimeout):
    """The client did not send its request's headers or body in time: 408.

    An ``HTTPException``, so that one raised while the app reads the body becomes the app's
    problem+json 408 like any other; one raised while gunicorn reads the headers is answered
    by the worker (``worker.py``). Not an ``OSError``: werkzeug would take it for a vanished
    client (400), and gunicorn for a socket error worth a traceback in the log.
    """

    def __init__(self, what: str, seconds: float) -> None:
        super().__init__(f"The request's {what} did not arrive within {seconds:g} s.")


class SendTimeout(BrokenPipeError):
    """The client did not take its answer in time: the connection is given up, as if broken."""


class TimedSocket:
    """A connection's socket whose reads end at the deadline of the phase they belong to.

    Phases: the headers (from their first read, once gthread has seen a first byte: see
    ``start``), the body (from ``body``, the end of the headers), then none (``done``): once the
    answer is written, gunicorn's lingering close reads with its own timeouts. Sends of the
    answer get the body timeout, all together (``sendall`` counts the whole). Everything else
    is the socket's own (``__getattr__``).
    """

    __slots__ = ("_deadline", "_phase", "_seconds", "_sock", "_timeouts")

    def __init__(self, sock: socket, timeouts: Timeouts) -> None:
        self._sock = sock
        self._timeouts = timeouts
        self._phase = ""  # "", "headers" or "body"
        self._deadline: float | None = math.inf  # None: from the phase's first read
        self._seconds = 0.0

    def start(self) -> None:
        """Time the headers, from their first read: a thread has taken the connection."""
        self._phase, self._seconds, self._deadline = "headers", self._timeouts.header, None

    def body(self) -> None:
        """Start the body's clock: the headers are read."""
        self._enter("body", self._timeouts.body)

    def done(self) -> None:
        """Stop timing reads: the request is answered (or given up)."""
        self._phase, self._deadline = "", math.inf

    def _enter(self, phase: str, seconds: float) -> None:
        self._phase, self._seconds = phase, seconds
        self._deadline = time.monotonic() + seconds

    def recv(self, size: int, *flags: int) -> bytes:
        """Read from the socket by the deadline of the phase: ``ReadTimeout`` past it."""
        if not self._phase:
            return self._sock.recv(size, *flags)
        if self._deadline is None:
            self._deadline = time.monotonic() + self._seconds
        remaining = self._deadline - time.monotonic()
        if remaining <= 0:
            raise ReadTimeout(self._phase, self._seconds)
        self._sock.settimeout(remaining)
        try:
            return self._sock.recv(size, *flags)
        except TimeoutError:
            raise ReadTimeout(self._phase, self._seconds) from None
        finally:
            self._sock.settimeout(None)

    def sendall(self, data: bytes, *flags: int) -> None:
        """Send all of ``data`` within the body timeout, or give the connection up."""
        self._sending(self._sock.sendall, data, *flags)

    def send(self, data: bytes, *flags: int) -> int:
        """Send ``data`` whole ("100 Continue": a few bytes), within the body timeout."""
        self._sending(self._sock.sendall, data, *flags)
        return len(data)

    def sendfile(self, file: object, offset: int = 0, count: int | None = None) -> int:
        """Send a static file (/docs), each wait for the client within the body timeout."""
        return self._sending(self._sock.sendfile, file, offset, count)

    def _sending(self, send: Callable[..., _T], *args: object) -> _T:
        self._sock.settimeout(self._timeouts.body)
        try:
            return send(*args)
        except TimeoutError:
            seconds = self._timeouts.body
            raise SendTimeout(errno.EPIPE, f"the client took no answer for {seconds:g} s") from None
        finally:
            self._sock.settimeout(None)

    def setblocking(self, flag: bool) -> None:
        """Set the socket's mode; nothing once it is closed (the worker closes it in a thread)."""
        if self._sock.fileno() != -1:
            self._sock.setblocking(flag)

    def __getattr__(self, name: str) -> object:
        return getattr(self._sock, name)
