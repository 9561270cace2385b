"""Run the app under gunicorn from Python, for ``figures serve``.

It loads ``service.http.wsgi:app`` with the settings of the container's ``CMD`` (``--preload``:
warm once in the master, then fork). Keep in sync with the ``Dockerfile``'s ``CMD``.
"""

from __future__ import annotations

from gunicorn.app.base import BaseApplication


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


def serve(*, host: str, port: int, workers: int, timeout: int) -> None:
    """Serve until stopped (SIGINT or SIGTERM stop it gracefully)."""
    _Gunicorn(
        {
            "bind": f"[{host}]:{port}" if ":" in host else f"{host}:{port}",
            "workers": workers,
            "timeout": timeout,
            "preload_app": True,
            "proc_name": "figures",
            "accesslog": "-",
            # gunicorn 25.1+ opens a control socket at one fixed path per user, which two
            # servers on one machine (a test run beside a dev server) would fight over.
            "control_socket_disable": True,
        }
    ).run()
