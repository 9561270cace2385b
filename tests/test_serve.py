"""Start the real ``figures serve`` (gunicorn) and talk to it over loopback."""

import json
import platform
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
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


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    port = free_port()
    log = tmp_path_factory.mktemp("serve") / "server.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [str(FIGURES), "serve", "--port", str(port), "--workers", "2", "--timeout", "60"],
            stdout=out,
            stderr=subprocess.STDOUT,
            cwd=log.parent,
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


def test_stops_cleanly_on_sigterm(server):
    _, process, log = server
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=30) == 0, log.read_text()


def test_large_blocks_go_back_to_the_system():
    """On glibc (this project's images and CI) the mmap threshold is fixed, not adaptive."""
    if platform.libc_ver()[0] != "glibc":
        pytest.skip("another C library: nothing to tune")
    assert fix_mmap_threshold() is True
