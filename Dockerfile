# The figures service: gunicorn serving service.http.wsgi:app on port 8000.
# Build: docker build -t figures .   Run: docker run --rm -p 8000:8000 figures
# scripts/smoke-container-cmd builds a venv the same way and runs this CMD: keep them in sync.
# scripts/container-test builds and runs this image for real (podman; see docs/container.md).
ARG BASE=python:3.12-slim

FROM ${BASE} AS build
# PIP_CERT (optional): a CA bundle for pip, mounted into the build, never copied into an image.
# A build argument of this stage only, so the runtime image has no trace of it.
ARG PIP_CERT
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONDONTWRITEBYTECODE=1
# A C compiler for mypyc (below), in this stage only: the runtime image copies /opt/venv from
# here and carries no compiler. The base image brings Python's headers (python:3.12-slim does).
# hadolint ignore=DL3008
RUN apt-get update \
 && apt-get install -y --no-install-recommends gcc libc6-dev \
 && rm -rf /var/lib/apt/lists/*
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
WORKDIR /src
# Dependencies first, read from pyproject.toml: this layer is rebuilt only when they change.
COPY pyproject.toml README.md ./
RUN python -c "import tomllib; print(*tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies'], sep='\n')" > requirements.txt \
 && pip install --no-cache-dir -r requirements.txt
# Then the source, installed without dependencies (they are all there already), with the core
# compiled by mypyc (hatch_build.py; about 1.5 times faster, docs/performance.md).
# FIGURES_MYPYC=require: a core that does not compile fails the build, never falls back to pure
# Python unnoticed.
COPY hatch_build.py ./
COPY service ./service
COPY schemas ./schemas
RUN FIGURES_MYPYC=require pip install --no-cache-dir --no-deps .

FROM ${BASE}
# WEB_CONCURRENCY: gunicorn's worker count. XDG_RUNTIME_DIR: where gunicorn (25.1 and later)
# puts its control socket, as the user has no home directory.
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    WEB_CONCURRENCY=2 \
    XDG_RUNTIME_DIR=/tmp
RUN groupadd --system --gid 10001 figures \
 && useradd --system --uid 10001 --gid 10001 --no-create-home --shell /usr/sbin/nologin figures
COPY --from=build /opt/venv /opt/venv
WORKDIR /srv
USER 10001:10001
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"]
# --config: service/gunicorn_config.py gives the workers a fresh directory for their metrics
# before the app loads (emptied on every start), so /metrics adds up every worker's counts.
# --preload: warm the extractor once in the master, before the workers fork. The rest as
# `figures serve` sets it (service/http/server.py: keep in sync): gthread workers (timed, with
# problem+json refusals: service/http/worker.py) of 4 threads, each taking at most 4
# connections, no keep-alive. On SIGTERM a worker answers every connection it has taken, and
# those still queued in the listen backlog, before it exits, within --graceful-timeout.
CMD ["gunicorn", "--config", "python:service.gunicorn_config", "--preload", "--bind", "0.0.0.0:8000", "--worker-class", "service.http.worker.Worker", "--threads", "4", "--worker-connections", "4", "--keep-alive", "0", "--worker-tmp-dir", "/dev/shm", "--timeout", "120", "--graceful-timeout", "30", "service.http.wsgi:app"]
