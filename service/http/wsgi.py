"""The WSGI entry point, ``service.http.wsgi:app``, warmed at import.

Run it with ``gunicorn --preload`` so that the warm-up happens once, in the master, before the
workers fork and share the warm tables.
"""

from .app import create_app

app = create_app()
