"""Run ``figures serve`` on loopback and drive it with concurrent clients, for ``benchmarks.perf``.

The server runs as in production: gunicorn, app preloaded, sync workers. The load comes from wrk
when it is installed (written in C, it leaves the two cores to the server) or else from threads
of ``http.client``. Every loop here is bounded in time and in count, and the server is always
stopped.
"""

from __future__ import annotations

import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

LOOPBACK = ("127.0.0.1", "::1")
ROOT = Path(__file__).resolve().parent.parent
_START_TIMEOUT = 60.0  # seconds to wait for /healthz: preloading warms the core first
_REQUEST_TIMEOUT = 30.0  # seconds for one request; a late reply counts as an error
_MAX_REQUESTS = 500_000  # per run, whatever the duration: a bound in count, not only in time
# Where the measured `service` package is, when not this tree's: see use_installed.
_INSTALLED: list[Path] = []


def use_installed(folder: Path) -> None:
    """Measure the ``service`` installed in ``folder`` (a wheel's files) instead of this tree's.

    Why: ``benchmarks.perf --mypyc`` measures the core compiled as the container ships it, in
    this process and in every process the benchmarks start (servers, ``python -c`` snippets,
    batch jobs, Spark's workers). A child started with ``-c`` or ``-m`` puts its working
    directory first on its path, so the children start in ``folder``, and ``PYTHONPATH``
    puts it ahead of this tree for the rest (the benchmarks themselves are still read from
    here). Call it before anything imports ``service``.
    """
    if "service" in sys.modules:
        raise RuntimeError("service is imported already: use_installed must come first")
    _INSTALLED[:] = [folder]
    sys.path[:0] = [str(folder), str(ROOT)]
    os.environ["PYTHONPATH"] = os.pathsep.join([str(folder), str(ROOT)])
    os.chdir(folder)


def child_directory() -> Path:
    """Return the working directory for a process that imports ``service``: see use_installed."""
    return _INSTALLED[0] if _INSTALLED else ROOT


@dataclass(frozen=True, slots=True)
class Load:
    """What one load run measured."""

    clients: int  # concurrent connections, each sending its next request on the last reply
    requests: int  # completed with a 2xx status
    errors: int  # failed to connect, timed out, or answered with a non-2xx status
    seconds: float  # the run's duration
    p50: float  # latency percentiles of the completed requests, milliseconds
    p95: float
    p99: float
    tool: str  # "wrk" or "threads"

    @property
    def per_second(self) -> float:
        """Return completed requests per second."""
        return self.requests / self.seconds if self.seconds else 0.0


class Server:
    """``figures serve`` in a subprocess of its own session, stopped on leaving the ``with``."""

    def __init__(self, workers: int = 2, host: str = "127.0.0.1") -> None:
        if host not in LOOPBACK:
            raise ValueError(f"benchmarks serve on loopback only, not {host}")
        self.host, self.workers = host, workers
        self.port = _free_port(host)
        self._dir = tempfile.TemporaryDirectory(prefix="figures-bench-")
        self.log = Path(self._dir.name) / "server.log"
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        """Return the base URL, with brackets around an IPv6 address."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    def __enter__(self) -> Server:
        command = [*_figures(), "serve", "--host", self.host, "--port", str(self.port)]
        command += ["--workers", str(self.workers)]
        with self.log.open("wb") as log:  # the server keeps its own copy of the descriptor
            self.process = subprocess.Popen(
                command,
                cwd=child_directory(),
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        try:
            self._wait_until_healthy()
        except BaseException:
            self.__exit__()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
        self._dir.cleanup()

    def stop(self) -> None:
        """Stop gracefully (SIGTERM to the master); kill the session if it will not stop."""
        process = self.process
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)  # its own session: only what we started
            process.wait(timeout=15)

    def output(self) -> str:
        """Return the tail of the server's log, to explain a failure."""
        return self.log.read_text(encoding="utf-8", errors="replace")[-4000:]

    def worker_pids(self) -> list[int]:
        """Return the pids of the gunicorn workers (the master's children)."""
        assert self.process is not None
        path = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in path.read_text().split()]

    def request(self, method: str, path: str, body: bytes | None = None) -> tuple[int, bytes]:
        """Send one request and return its status and body."""
        conn = http.client.HTTPConnection(self.host, self.port, timeout=120)
        try:
            conn.request(method, path, body, {"Content-Type": "application/json"} if body else {})
            response = conn.getresponse()
            return response.status, response.read()
        finally:
            conn.close()

    def _wait_until_healthy(self) -> None:
        assert self.process is not None
        deadline = time.monotonic() + _START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"figures serve exited:\n{self.output()}")
            try:
                if self.request("GET", "/healthz")[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"figures serve not healthy after {_START_TIMEOUT:.0f} s")


def peak_rss_mb(pid: int) -> float:
    """Return a process's peak resident set size (VmHWM), in MB of 10^6 bytes."""
    return _status(pid, "VmHWM") * 1024 / 1e6


def thread_count(pid: int) -> int:
    """Return how many threads a process has now."""
    return _status(pid, "Threads")


def _status(pid: int, field: str) -> int:
    """Read one number from ``/proc/<pid>/status`` (sizes there are in KiB)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1])
    raise ValueError(f"no {field} for pid {pid}")


def drive(
    server: Server, path: str, clients: int, seconds: float, body: bytes | None = None
) -> Load:
    """Load ``path`` (POST ``body`` as JSON, or GET) with ``clients`` connections."""
    if shutil.which("wrk"):
        return _wrk(server, path, clients, seconds, body)
    return _threads(server, path, clients, seconds, body)


def _figures() -> list[str]:
    """Return the command that runs ``figures``: the venv's script, else the module."""
    script = Path(sys.executable).with_name("figures")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "import sys; from service.cli import main; sys.exit(main())"]


def _free_port(host: str) -> int:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


# wrk prints this line from its ``done`` hook; percentiles come from its full latency histogram.
_WRK_REPORT = """
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'FIGURES {"requests": %d, "us": %d, "errors": %d, "status": %d, '
    .. '"p50": %d, "p95": %d, "p99": %d}\\n',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
"""


def _wrk(server: Server, path: str, clients: int, seconds: float, body: bytes | None) -> Load:
    script = _WRK_REPORT
    if body is not None:
        level = "=" * next(n for n in range(1, 99) if b"]" + b"=" * n + b"]" not in body)
        script = (
            'wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\n'
            f"wrk.body = [{level}[{body.decode('utf-8')}]{level}]\n" + script
        )
    with tempfile.NamedTemporaryFile("w", suffix=".lua", encoding="utf-8") as lua:
        lua.write(script)
        lua.flush()
        command = ["wrk", "-t", str(min(clients, 2)), "-c", str(clients)]
        command += ["-d", f"{seconds:g}s", "--timeout", f"{_REQUEST_TIMEOUT:g}s"]
        command += ["-s", lua.name, server.url + path]
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=seconds + 60, check=True
        )
    line = next(x for x in done.stdout.splitlines() if x.startswith("FIGURES "))
    report = json.loads(line.removeprefix("FIGURES "))
    return Load(
        clients=clients,
        requests=report["requests"] - report["status"],
        errors=report["errors"] + report["status"],
        seconds=report["us"] / 1e6,
        p50=report["p50"] / 1000,
        p95=report["p95"] / 1000,
        p99=report["p99"] / 1000,
        tool="wrk",
    )


def _threads(server: Server, path: str, clients: int, seconds: float, body: bytes | None) -> Load:
    """Load with one thread per client, each on its own keep-alive connection when allowed."""
    method = "GET" if body is None else "POST"
    headers = {} if body is None else {"Content-Type": "application/json"}
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    start = time.perf_counter()
    deadline = start + seconds

    def client() -> None:
        conn: http.client.HTTPConnection | None = None
        mine, failed = [], 0
        while time.perf_counter() < deadline and len(mine) + failed < _MAX_REQUESTS // clients:
            sent = time.perf_counter()
            try:
                if conn is None:
                    conn = http.client.HTTPConnection(
                        server.host, server.port, timeout=_REQUEST_TIMEOUT
                    )
                conn.request(method, path, body, headers)
                response = conn.getresponse()
                response.read()
                if response.will_close:
                    conn.close()
                    conn = None
                ok = 200 <= response.status < 300
            except (OSError, http.client.HTTPException):
                ok = False
                if conn is not None:
                    conn.close()
                conn = None
            if ok:
                mine.append((time.perf_counter() - sent) * 1000)
            else:
                failed += 1
        if conn is not None:
            conn.close()
        with lock:
            latencies.extend(mine)
            errors[0] += failed

    threads = [threading.Thread(target=client, daemon=True) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + _REQUEST_TIMEOUT + 5)
    elapsed = time.perf_counter() - start
    latencies.sort()
    return Load(
        clients=clients,
        requests=len(latencies),
        errors=errors[0],
        seconds=elapsed,
        p50=_percentile(latencies, 50),
        p95=_percentile(latencies, 95),
        p99=_percentile(latencies, 99),
        tool="threads",
    )


def _percentile(ordered: list[float], percent: float) -> float:
    """Return the nearest-rank percentile of sorted values (0 for none)."""
    if not ordered:
        return 0.0
    rank = max(1, round(percent / 100 * len(ordered)))
    return ordered[min(rank, len(ordered)) - 1]
