"""Start the real ``figures serve`` (gunicorn) and talk to it over loopback."""

import contextlib
import json
import os
import platform
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from service.http.process import fix_mmap_threshold

STARTUP_SECONDS = 90
FIGURES = Path(sys.executable).parent / "figures"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def call(request, timeout=30):
    """Send ``request``; return status, headers and body, error statuses included."""
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, error.headers, error.read()


@contextlib.contextmanager
def running(workdir, workers=2, env=None):
    """Run ``figures serve`` from ``workdir`` until the block ends; yield its URL and process."""
    port = free_port()
    log = workdir / "server.log"
    # The server's temporary directory (its metrics directory goes there): the tests look in it.
    environment = {k: v for k, v in os.environ.items() if k != "PROMETHEUS_MULTIPROC_DIR"}
    environment.update({"TMPDIR": str(workdir), **(env or {})})
    with log.open("wb") as out:
        process = subprocess.Popen(
            [str(FIGURES), "serve", "--port", str(port), "--workers", str(workers), "--timeout=60"],
            stdout=out,
            stderr=subprocess.STDOUT,
            cwd=workdir,
            env=environment,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            assert process.poll() is None, log.read_text()
            try:
                call(base + "/healthz", timeout=2)
                break
            except (urllib.error.URLError, ConnectionError):
                assert time.monotonic() < deadline, log.read_text()
                time.sleep(0.25)
        yield base, process, log
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with running(tmp_path_factory.mktemp("serve")) as started:
        yield started


def test_healthz_and_readyz(server):
    base, _, _ = server
    for path, body in [("/healthz", {"status": "ok"}), ("/readyz", {"status": "ready"})]:
        status, headers, data = call(base + path)
        assert status == 200
        assert headers["Content-Type"] == "application/json"
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert json.loads(data) == body


def test_extract_json(server, seed_text):
    base, _, _ = server
    request = urllib.request.Request(
        base + "/v1/extract",
        data=json.dumps({"id": "seed", "text": seed_text}).encode(),
        headers={"Content-Type": "application/json"},
    )
    status, headers, data = call(request)
    assert status == 200
    assert headers["Content-Type"] == "application/json"
    body = json.loads(data)
    assert body["id"] == "seed"
    assert body["claims"]
    for claim in body["claims"]:
        assert seed_text[claim["start"] : claim["end"]] == claim["text"]


def test_extract_text_plain(server, seed_text):
    base, _, _ = server
    request = urllib.request.Request(
        base + "/v1/extract",
        data=seed_text.encode(),
        headers={"Content-Type": "text/plain; charset=utf-8"},
    )
    status, _, data = call(request)
    assert status == 200
    assert json.loads(data)["claims"]


def test_errors_are_problems_through_gunicorn(server):
    base, _, _ = server
    status, headers, data = call(base + "/nope")
    assert status == 404
    assert headers["Content-Type"] == "application/problem+json"
    assert json.loads(data)["status"] == 404
    bad = urllib.request.Request(
        base + "/v1/extract", data=b"{", headers={"Content-Type": "application/json"}
    )
    status, headers, data = call(bad)
    assert status == 400
    assert headers["Content-Type"] == "application/problem+json"


def scrape(base):
    """Read /metrics: {(name, labels): value} of every sample."""
    status, _, data = call(base + "/metrics")
    assert status == 200
    samples = {}
    for line in data.decode().splitlines():
        if line and not line.startswith("#"):
            name, _, value = line.rpartition(" ")
            samples[name] = float(value)
    return samples


CLAIMS = "figures_claims_extracted_total"
EXTRACTED = 'figures_http_requests_total{endpoint="/v1/extract",method="POST",status="200"}'
# A text with three claims, long enough that concurrent requests overlap.
TEXT = "About 3,000 people fled; 40% of homes burned and 12 boats sank. " * 400


def extract_burst(base, requests=16, clients=8):
    """Send ``requests`` extractions from ``clients`` at once: more than one worker takes them."""
    request = lambda _: call(  # noqa: E731
        urllib.request.Request(
            base + "/v1/extract",
            data=json.dumps({"text": TEXT}).encode(),
            headers={"Content-Type": "application/json"},
        ),
        timeout=60,
    )
    with ThreadPoolExecutor(clients) as pool:
        answers = list(pool.map(request, range(requests)))
    assert [status for status, _, _ in answers] == [200] * requests
    return sum(len(json.loads(data)["claims"]) for _, _, data in answers)


def test_metrics_add_up_every_worker(server):
    """Each scrape, whichever worker answers it, shows the counts of all of them."""
    base, _, _ = server
    before = [scrape(base) for _ in range(6)]
    assert len({s.get(CLAIMS) for s in before}) == 1, [s.get(CLAIMS) for s in before]
    claims = extract_burst(base)
    assert claims == 16 * 1200
    after = [scrape(base) for _ in range(8)]
    assert [s[CLAIMS] for s in after] == [before[0].get(CLAIMS, 0) + claims] * 8
    assert [s[EXTRACTED] for s in after] == [before[0].get(EXTRACTED, 0) + 16] * 8


def test_metrics_directory_is_made_for_the_server(server):
    _, _, log = server
    made = list(log.parent.glob("figures-metrics-*"))
    assert len(made) == 1, made
    assert list(made[0].glob("counter_*.db"))


def test_metrics_start_at_zero_on_restart(tmp_path):
    """An operator's directory, with the counts of an earlier run in it, is cleared at start."""
    shared = tmp_path / "metrics"
    env = {"PROMETHEUS_MULTIPROC_DIR": str(shared)}
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    with running(first, env=env) as (base, _, _):
        assert extract_burst(base, requests=4, clients=4) == 4 * 1200
        assert scrape(base)[CLAIMS] == 4 * 1200
    assert list(shared.glob("counter_*.db"))  # the earlier run's counts, left behind
    with running(second, env=env) as (base, _, _):
        assert scrape(base).get(CLAIMS, 0) == 0
        assert extract_burst(base, requests=2, clients=2) == 2 * 1200
        assert scrape(base)[CLAIMS] == 2 * 1200
    assert shared.is_dir()  # the operator's directory stays


def test_stops_cleanly_on_sigterm(server):
    _, process, log = server
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=30) == 0, log.read_text()
    assert not list(log.parent.glob("figures-metrics-*"))  # the directory it made is gone


def test_large_blocks_go_back_to_the_system():
    """On glibc (this project's images and CI) the mmap threshold is fixed, not adaptive."""
    if platform.libc_ver()[0] != "glibc":
        pytest.skip("another C library: nothing to tune")
    assert fix_mmap_threshold() is True
