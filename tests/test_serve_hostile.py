"""Slow clients, gunicorn's own refusals and a stop, against the real ``figures serve``.

One worker of 4 threads, with timeouts of 1 s for headers and body and 0.5 s of extraction
(set by the environment, as an operator would), so that each bound is reached in a second or
two. What is asserted is what happens (a 408, a 503, a problem, an answer), never how fast.
"""

import json
import select
import signal
import socket
import time

import pytest
import raw_http

HOST = "127.0.0.1"
TIMEOUTS = {
    "FIGURES_HEADER_TIMEOUT": "1",
    "FIGURES_BODY_TIMEOUT": "1",
    "FIGURES_EXTRACTION_TIMEOUT": "0.5",
}
THREADS = 4  # one worker's (service/http/server.py)
WAIT = 30  # seconds a test waits for an answer that must come
GOOD = b'{"text": "Officials said about 3,000 people fled."}'


@pytest.fixture(scope="module")
def server(stress):
    with stress.Server(workers=1, env=TIMEOUTS) as running:
        yield running


def post(body, length=None, content_type=b"application/json", path=b"/v1/extract"):
    """The bytes of a POST whose Content-Length is ``length`` (default: the truth)."""
    length = len(body) if length is None else length
    return (
        b"POST %s HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n"
        % (path, content_type, length)
        + body
    )


def read_answer(sock):
    """Read the answer until the server closes (waiting at most ``WAIT`` s)."""
    return raw_http.read_answer(sock, WAIT)


def exchange(port, data):
    with socket.create_connection((HOST, port), timeout=WAIT) as sock:
        sock.sendall(data)
        return read_answer(sock)


def trickle(sock, piece=b"a", every=0.1):
    """Send ``piece`` every ``every`` s until the server answers; bounded in count."""
    for _ in range(int(WAIT / every)):
        if select.select([sock], [], [], every)[0]:
            return
        try:
            sock.sendall(piece)
        except OSError:
            return  # closed meanwhile: the answer (if any) is read next


def assert_problem(status, headers, body, expected):
    assert status == expected, body[:300]
    assert headers["content-type"] == "application/problem+json"
    assert headers["x-content-type-options"] == "nosniff"
    problem = json.loads(body)
    assert problem["status"] == expected
    return problem


def test_headers_trickled_get_a_408(server):
    with socket.create_connection((HOST, server.port), timeout=WAIT) as sock:
        sock.sendall(b"POST /v1/extract HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        trickle(sock)
        problem = assert_problem(*read_answer(sock), 408)
    assert "headers" in problem["detail"]
    assert server.extract("about 12 people")[0] == 200


def test_a_body_shorter_than_its_length_gets_a_408(server):
    with socket.create_connection((HOST, server.port), timeout=WAIT) as sock:
        sock.sendall(post(b'{"text": "about 12', length=1000))  # and then nothing, not closed
        problem = assert_problem(*read_answer(sock), 408)
    assert "body" in problem["detail"]


def test_a_body_trickled_gets_a_408(server):
    with socket.create_connection((HOST, server.port), timeout=WAIT) as sock:
        sock.sendall(post(b'{"text": "', length=100_000))
        trickle(sock, b"1 ")
        assert_problem(*read_answer(sock), 408)


def test_more_slow_clients_than_threads_let_go_of_them(server):
    """Every thread held by a slow client: each is let go, and the service answers again."""
    slow = []
    try:
        for k in range(THREADS + 2):
            sock = socket.create_connection((HOST, server.port), timeout=WAIT)
            slow.append(sock)
            sock.sendall(b"P" if k % 2 else post(b"{", length=500))
        for sock in slow:
            assert read_answer(sock)[0] == 408
    finally:
        for sock in slow:
            sock.close()
    status, _, data = server.request("GET", "/healthz", timeout=WAIT)
    assert status == 200, data


def test_extraction_past_its_time_gets_a_503(server):
    text = "1 apple, " * 110_000  # about 3 s of extraction, far past 0.5 s
    status, headers, body = server.extract(text, timeout=WAIT)
    problem = assert_problem(status, {k.lower(): v for k, v in headers.items()}, body, 503)
    assert "longer than this service gives one request" in problem["detail"]
    assert server.extract("about 12 people")[0] == 200


# Requests gunicorn refuses before the app sees them: id, bytes, status.
REFUSED = [
    ("long-url", b"GET /" + b"a" * 5000 + b" HTTP/1.1\r\nHost: x\r\n\r\n", 414),
    (
        "many-headers",
        b"GET /healthz HTTP/1.1\r\nHost: x\r\n"
        + b"".join(b"X-%d: a\r\n" % i for i in range(200))
        + b"\r\n",
        431,
    ),
    ("long-header", b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-A: " + b"a" * 9000 + b"\r\n\r\n", 431),
    (
        "length-and-chunked",
        b"POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n"
        b"Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
        400,
    ),
    (
        "length-not-a-number",
        b"POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n",
        400,
    ),
    (
        "length-twice",
        b"POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n"
        b"Content-Length: 5\r\n\r\nabcde",
        400,
    ),
    ("not-http", b"NOT A REQUEST\r\n\r\n", 400),
    ("space-in-header-name", b"GET /healthz HTTP/1.1\r\nHost: x\r\nX A: b\r\n\r\n", 400),
]


@pytest.mark.parametrize(("data", "status"), [pytest.param(*r[1:], id=r[0]) for r in REFUSED])
def test_gunicorn_s_refusals_are_problems(server, data, status):
    got, headers, body = exchange(server.port, data)
    problem = assert_problem(got, headers, body, status)
    assert headers["cache-control"] == "no-store"
    assert headers["connection"] == "close"
    assert problem["title"]
    assert problem["detail"]
    assert server.extract("about 12 people")[0] == 200


def test_sigterm_answers_the_connections_queued_in_the_backlog(stress):
    """Connections the kernel accepted before the stop are answered, not reset.

    Slow clients take every thread of the one worker, which then accepts no more: the next
    connections wait in the listen backlog, their requests sent. The master is told to stop;
    the slow clients are let go after the header timeout, and the queued requests answered.
    """
    queued = 6
    with stress.Server(workers=1, env={"FIGURES_HEADER_TIMEOUT": "3"}) as server:
        socks = []
        try:
            for _ in range(THREADS):
                socks.append(socket.create_connection((HOST, server.port), timeout=WAIT))
                socks[-1].sendall(b"P")  # a request that never ends
            for _ in range(queued):
                socks.append(socket.create_connection((HOST, server.port), timeout=WAIT))
                socks[-1].sendall(post(GOOD))
            server.process.send_signal(signal.SIGTERM)
            statuses = []
            for sock in socks:
                try:
                    statuses.append(read_answer(sock)[0])
                except (OSError, IndexError, ValueError) as error:
                    statuses.append(type(error).__name__)
                sock.close()  # at once: the server lingers until the client closes
        finally:
            for sock in socks:
                sock.close()
        assert server.process.wait(timeout=WAIT) == 0
        assert sorted(statuses, key=str) == [200] * queued + [408] * THREADS, server.log_tail()


def test_clients_that_keep_their_end_open_do_not_stall_the_worker(stress):
    """A connection is closed by the thread that answered it, not by the worker's main loop.

    Each close lingers until the client closes its end (at most 2 s). Lingering in the main
    loop, 12 such clients stopped the worker's heartbeat for 24 s, and the master killed it
    as hung (``--timeout 5``); lingering in threads, it never stops.
    """
    with stress.Server(workers=1, timeout=5) as server:
        (worker,) = server.worker_pids()
        held = []
        try:
            for _ in range(12):
                held.append(socket.create_connection((HOST, server.port), timeout=WAIT))
                held[-1].sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            for sock in held:
                assert read_answer(sock)[0] == 200  # answered; the server closed its end …
            status, _, _ = server.request("GET", "/healthz", timeout=WAIT)  # … we did not
            assert status == 200
        finally:
            for sock in held:
                sock.close()
        assert server.worker_pids() == {worker}, server.log_tail()
        assert "WORKER TIMEOUT" not in server.log_tail(200)


def test_a_reload_keeps_taking_connections(stress):
    """On SIGHUP the old workers stop, the socket stays open: no filter may stop new handshakes."""
    with stress.Server(workers=1) as server:
        (old,) = server.worker_pids()
        server.process.send_signal(signal.SIGHUP)
        for _ in range(WAIT * 10):  # until the new worker has replaced the old
            workers = server.worker_pids()
            if workers and old not in workers:
                break
            time.sleep(0.1)
        assert old not in server.worker_pids(), server.log_tail()
        for _ in range(20):
            assert server.request("GET", "/healthz", timeout=5)[0] == 200
