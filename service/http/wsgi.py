"""The WSGI entry point, ``service.http.wsgi:app``, warmed at import.

Run it with ``gunicorn --preload`` so that the warm-up happens once, in the master, before the
workers fork and share the warm tables.
"""

import gc

from .app import create_app

app = create_app()

# Everything built so far (Flask, the unit tables, pint's registry: some 60,000 objects) lives
# as long as the process. Frozen, the garbage collector no longer walks it: a full collection
# took 25-30 ms in a worker, a stall that every request in flight there waited out (and it
# wrote to shared pages, copying them in each forked worker).
gc.collect()
gc.freeze()
