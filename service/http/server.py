"""Run the app under gunicorn from Python, for ``figures serve``.

It loads ``service.http.wsgi:app`` with the settings of the container's ``CMD`` (``--preload``:
warm once in the master, then fork). Keep in sync with the ``Dockerfile``'s ``CMD`` and
docs/reliability.md "Timeouts".

Workers are threaded (``gthread``): a client that sends its request slowly holds one thread,
not a whole worker, as it would with sync workers (one connection at a time, held until
``timeout`` kills the worker). A worker takes no more connections than it has threads, so one
whose threads are all held by slow clients leaves new connections to the others, and no
connection lingers idle after its answer (no keep-alive). Extraction is CPU-bound and holds the
GIL, so threads add no throughput: ``workers`` sets that.

The worker class is gthread's with request timeouts, problem+json for gunicorn's own refusals
and a drain of the listen backlog on SIGTERM (``worker.py``); its timeouts are read from the
environment (``FIGURES_HEADER_TIMEOUT``, ``FIGURES_BODY_TIMEOUT``, ``FIGURES_EXTRACTION_TIMEOUT``),
so the container's own gunicorn command reads them too.
"""

from __future__ import annotations

import os

from gunicorn.app.base import BaseApplication

from .. import metrics_dir


class _Gunicorn(BaseApplication):
    """gunicorn with its settings from a dict instead of its own command line."""

    def __init__(self, options: dict[str, object]) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for name, value in self.options.items():
            if name in self.cfg.settings:  # skip what this gunicorn version does not know
                self.cfg.set(name, value)

    def load(self):
        from .wsgi import app

        return app


# The worker class: gthread's, timed (see the docstring).
WORKER_CLASS = "service.http.worker.Worker"
# Threads per worker: the connections one worker reads and answers at once. Each may hold a
# large text and its claims in memory, so more threads cost memory, not just sockets.
THREADS = 4
# Seconds a stopping worker may finish its requests before it is killed.
GRACEFUL_TIMEOUT = 30
# gunicorn's advice for containers: heartbeat files in memory, not on the image's disk.
WORKER_TMP_DIR = "/dev/shm"
# Seconds an idle connection stays open after an answer: none, so idle clients hold no thread
# slot (each request opens its connection; a reverse proxy in front keeps its own alive).
KEEPALIVE = 0


def serve(*, host: str, port: int, workers: int, timeout: int, threads: int = THREADS) -> None:
    """Serve until stopped (SIGINT or SIGTERM stop it gracefully)."""
    _Gunicorn(
        {
            "bind": f"[{host}]:{port}" if ":" in host else f"{host}:{port}",
            "workers": workers,
            "worker_class": WORKER_CLASS,
            "threads": threads,
            "worker_connections": threads,  # a busy worker leaves new connections to the others
            "timeout": timeout,
            "graceful_timeout": GRACEFUL_TIMEOUT,
            "keepalive": KEEPALIVE,
            "preload_app": True,
            "proc_name": "figures",
            # The heartbeat file each worker touches once a loop: on tmpfs, a syscall that
            # costs nothing; on a disk (ext4 /tmp here) it was 5% of a 3 KB request's time.
            "worker_tmp_dir": WORKER_TMP_DIR if os.path.isdir(WORKER_TMP_DIR) else None,
            # gunicorn 25.1+ opens a control socket at one fixed path per user, which two
            # servers on one machine (a test run beside a dev server) would fight over.
            "control_socket_disable": True,
            # /metrics adds up every worker's counts (the CLI prepares their directory first).
            "child_exit": metrics_dir.child_exit,
            "on_exit": metrics_dir.on_exit,
        }
    ).run()
