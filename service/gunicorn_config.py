"""gunicorn's configuration module of the image: ``gunicorn -c python:service.gunicorn_config``.

gunicorn reads it before it loads the app (even with ``--preload``), which is when the workers'
shared metrics directory must be ready: see ``service.metrics_dir``. Every other setting stays
on the Dockerfile's ``CMD``, where an operator reads it; ``figures serve`` sets the same hooks
itself (``service.http.server``).
"""

from service import metrics_dir

metrics_dir.prepare()

# gunicorn reads these names as its settings.
child_exit = metrics_dir.child_exit
on_exit = metrics_dir.on_exit
