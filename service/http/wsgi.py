"""The WSGI entry point, ``service.http.wsgi:app``, warmed at import.

Run it with ``gunicorn --preload`` so that the warm-up happens once, in the master, before the
workers fork and share the warm tables.
"""

from .app import create_app
from .process import fix_mmap_threshold, freeze_startup_objects

app = create_app()
freeze_startup_objects()
fix_mmap_threshold()
