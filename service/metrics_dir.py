"""Where gunicorn's workers keep their Prometheus counts, so that ``/metrics`` adds them all up.

Each gunicorn worker is a process with counters of its own: without a shared directory a
scrape sees only the worker that answered it, and consecutive scrapes disagree (7 claims, then
0). In prometheus_client's multiprocess mode every process writes its counts to files under
``PROMETHEUS_MULTIPROC_DIR`` and a scrape adds them up. prometheus_client picks its mode when
it is imported, so ``prepare`` runs before anything imports it: ``figures serve`` calls it
before it loads the app, and the image through gunicorn's configuration module
(``service.gunicorn_config``). For the same reason this module imports only the standard
library.

The directory must start empty, or counts of an earlier run would be added in: ``prepare``
makes a fresh one, or clears the one the operator names (its ``*.db`` files only), on every
start. A directory it made is removed when the server stops.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import MutableMapping

VARIABLE = "PROMETHEUS_MULTIPROC_DIR"
PREFIX = "figures-metrics-"
# prometheus_client's files: one per kind of metric and process, e.g. counter_4242.db.
SUFFIX = ".db"
# The directory prepare() made in this process, and the process that made it: removed when
# that process (gunicorn's master, not a forked worker) exits.
_made: dict[str, int] = {}


def prepare(environ: MutableMapping[str, str] = os.environ) -> str:
    """Give this server an empty directory for its workers' counts, and name it in ``environ``.

    An operator's ``PROMETHEUS_MULTIPROC_DIR`` is created if missing and cleared of the counts
    of the last run; else a fresh directory is made under the system's temporary directory.
    """
    given = environ.get(VARIABLE, "").strip()
    if not given and "prometheus_client" in sys.modules:
        # Too late: its metrics would count in this process only, and a scrape read nothing.
        raise RuntimeError("prepare() must run before prometheus_client is imported")
    if given:
        os.makedirs(given, exist_ok=True)
        for name in os.listdir(given):
            if name.endswith(SUFFIX):
                os.remove(os.path.join(given, name))
        return given
    made = tempfile.mkdtemp(prefix=PREFIX)
    environ[VARIABLE] = made
    _made[made] = os.getpid()
    return made


def child_exit(server: object, worker: object) -> None:
    """Retire an exited worker's live gauges (gunicorn's child_exit hook, in the master)."""
    if os.environ.get(VARIABLE):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)  # type: ignore[attr-defined]


def on_exit(server: object) -> None:
    """Run as gunicorn's master exits (its on_exit hook): remove the directory ``prepare`` made."""
    path = os.environ.get(VARIABLE, "")
    if _made.get(path) == os.getpid():
        shutil.rmtree(path, ignore_errors=True)
        del _made[path]
