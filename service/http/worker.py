"""The gunicorn worker of ``figures serve`` and of the image: gthread, with four changes.

``--worker-class service.http.worker.Worker``. gunicorn's threaded worker (``gthread``) is the
right base (a slow client holds one thread, not a whole process; see server.py); this class
changes what a hostile or unlucky client could do to it:

- **Timeouts.** Each request's headers, body and answer get a deadline (``timeouts.py``), and
  its extraction a time limit (``service.core.time_limit``): a client that trickles its
  headers, or sends a body shorter than its Content-Length, gets a 408 and loses its thread
  after ``FIGURES_HEADER_TIMEOUT`` / ``FIGURES_BODY_TIMEOUT`` seconds instead of keeping it;
  extraction past ``FIGURES_EXTRACTION_TIMEOUT`` ends in a 503 (problems.py).
- **Problems, not HTML.** gunicorn answers what it refuses itself (a request line over 4094
  bytes: 414; too many or too long headers: 431; a malformed request or Content-Length: 400)
  with an HTML page and no ``nosniff``. Here those answers are ``application/problem+json``,
  with ``nosniff`` and ``no-store``.
- **Lingering in the thread.** A connection is closed (lingering until the client closes its
  end, at most 2 s) by the thread that answered it, not by the worker's one main loop.
- **A drain on stop.** On SIGTERM gthread stops accepting and closes its listening socket
  when its last connection is answered; connections the kernel had already accepted into the
  listen backlog (the client sees them connected, and may have sent its request) were then
  reset: 31 or 32 of them in each of three runs of 32 clients under load. This worker takes
  the backlog before it closes, and answers it within ``--graceful-timeout``; when the whole
  server stops, its listening socket first stops taking new handshakes (``drain.py``), so
  that none slips in between the last accept and the close.
"""

from __future__ import annotations

import json
import os
import time
from typing import Any

from gunicorn import util
from gunicorn.workers.gthread import ThreadWorker

from service.core import time_limit

from .drain import master_holds, refuse_new_connections
from .timeouts import ReadTimeout, TimedSocket, Timeouts

PROBLEM_JSON = "application/problem+json"
# The headers of gunicorn's own answers: nosniff, and what fits an error nobody should cache,
# render or frame.
SECURITY_HEADERS = (
    ("X-Content-Type-Options", "nosniff"),
    ("Cache-Control", "no-store"),
    ("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"),
    ("X-Frame-Options", "DENY"),
)
# gunicorn's messages repeat what the client sent (a request line, a header): cut long ones.
MAX_DETAIL = 300
# Seconds a stopping server waits, new handshakes refused, for those under way to complete
# (a client's last ACK is one trip away: microseconds on a loopback, rarely 0.25 s on a WAN).
HANDSHAKE_SECONDS = 0.25
# A gunicorn error with no message (a fault of the server, 500).
NO_DETAIL = "The server could not read or answer this request."


def problem_bytes(status: int, reason: str, detail: str) -> bytes:
    """Build a whole HTTP/1.1 answer carrying an RFC 9457 problem, closing the connection."""
    detail = detail or NO_DETAIL
    if len(detail) > MAX_DETAIL:
        detail = detail[:MAX_DETAIL] + "…"
    body = json.dumps(
        {"type": "about:blank", "title": reason, "status": status, "detail": detail}
    ).encode()
    head = [
        f"HTTP/1.1 {status} {reason}",
        "Connection: close",
        f"Content-Type: {PROBLEM_JSON}",
        f"Content-Length: {len(body)}",
        *(f"{name}: {value}" for name, value in SECURITY_HEADERS),
    ]
    return ("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + body


def write_problem(sock: Any, status: int, reason: str, detail: str) -> None:
    """Write gunicorn's own refusal as a problem: ``gunicorn.util.write_error``, in JSON."""
    util.write_nonblock(sock, problem_bytes(status, reason, detail))


class Worker(ThreadWorker):
    """gthread with request timeouts, problem+json refusals and a drain of the backlog on stop."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.timeouts = Timeouts.from_environ(os.environ)
        self._drained = False

    @classmethod
    def check_config(cls, cfg: Any, log: Any) -> None:
        """Refuse to start with a timeout that cannot be read (in the master, before forking)."""
        super().check_config(cfg, log)
        Timeouts.from_environ(os.environ)

    def init_process(self) -> None:
        """Set the worker up (in its own process, after the fork), then run it."""
        # gunicorn writes every refusal of its own through this one function (base.py's
        # handle_error): in this worker process it writes problem+json instead of HTML.
        util.write_error = write_problem
        super().init_process()

    def handle(self, conn: Any) -> Any:
        """Read and answer one connection in a thread, its reads and writes timed; close it."""
        if not isinstance(conn.sock, TimedSocket):
            conn.sock = TimedSocket(conn.sock, self.timeouts)
        conn.sock.start()
        try:
            result = super().handle(conn)
        finally:
            conn.sock.done()
        if result is False:
            # gthread closes in its main loop, lingering up to 2 s for the client to close its
            # end (RFC 9112 9.6): one loop for all of the worker's connections, so 8 clients
            # that keep their end open after the answer stalled accepting, answering and the
            # heartbeat for 16 s. Here the lingering costs this thread only; the main loop's
            # close then finds the socket closed and does nothing.
            util.close_graceful(conn.sock)
        return result

    def handle_request(self, req: Any, conn: Any) -> bool:
        """Answer a request whose headers are read: time its body and its extraction."""
        conn.sock.body()
        with time_limit(self.timeouts.extraction):
            return bool(super().handle_request(req, conn))

    def handle_error(self, req: Any, client: Any, addr: Any, exc: BaseException) -> None:
        """Answer a request gunicorn could not read: a 408 for headers too slow, else its own."""
        if isinstance(exc, ReadTimeout):
            ip = addr[0] if addr else ""
            self.log.warning("Request timed out from ip=%s: %s", ip, exc.description)
            try:
                write_problem(client, 408, "Request Timeout", exc.description or "")
            except OSError:
                self.log.debug("Failed to send the timeout's answer.")
            return
        super().handle_error(req, client, addr, exc)

    def set_accept_enabled(self, enabled: bool) -> None:
        """Stop accepting; when stopping for good, take the listen backlog first, then close."""
        if enabled or self.alive or self._drained:
            super().set_accept_enabled(enabled)
            return
        self._drained = True
        if not any(master_holds(self.ppid, listener) for listener in self.sockets):
            # The whole server stops (on a reload the master keeps its sockets): no new
            # handshakes from now on, and those under way a moment to join the backlog.
            if all(refuse_new_connections(listener) for listener in self.sockets):
                time.sleep(HANDSHAKE_SECONDS)
        taken = self._take_backlog()
        super().set_accept_enabled(False)
        for listener in self.sockets:
            listener.close()  # no more connections queue here: another worker, or a refusal
        if taken:
            self.log.info("Took %d queued connection(s) to answer before stopping", taken)

    def _take_backlog(self) -> int:
        """Accept every connection queued on the listening sockets; return how many."""
        taken = 0
        for listener in self.sockets:
            for _ in range(self.cfg.backlog):  # bounded: the backlog holds no more
                before = self.nr_conns
                self.accept(listener)  # gthread's: queues the connection for a thread
                if self.nr_conns == before:
                    break  # the backlog is empty
                taken += 1
        return taken
