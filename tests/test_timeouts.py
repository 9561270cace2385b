"""Timeouts of one request, piece by piece: the settings, the timed socket, the time limit.

Against the real server they are tested in tests/test_serve_hostile.py; here each piece alone,
without waiting on a clock: a deadline that has passed already, or a peer that sends nothing
while a short deadline runs out.
"""

import socket
import time

import pytest
from gunicorn import util

from service.core import ExtractionTimeout, explain, extract, time_limit
from service.core.time_limit import deadline
from service.http.timeouts import (
    DEFAULTS,
    ReadTimeout,
    SendTimeout,
    TimedSocket,
    Timeouts,
)


def test_defaults():
    assert Timeouts.from_environ({}) == Timeouts(10.0, 30.0, 60.0)
    assert set(DEFAULTS) == {
        "FIGURES_HEADER_TIMEOUT",
        "FIGURES_BODY_TIMEOUT",
        "FIGURES_EXTRACTION_TIMEOUT",
    }


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"FIGURES_HEADER_TIMEOUT": "2.5"}, Timeouts(2.5, 30.0, 60.0)),
        ({"FIGURES_BODY_TIMEOUT": "120"}, Timeouts(10.0, 120.0, 60.0)),
        ({"FIGURES_EXTRACTION_TIMEOUT": "0.5"}, Timeouts(10.0, 30.0, 0.5)),
        ({"FIGURES_HEADER_TIMEOUT": " "}, Timeouts(10.0, 30.0, 60.0)),  # blank: the default
    ],
)
def test_settings_read(environ, expected):
    assert Timeouts.from_environ(environ) == expected


@pytest.mark.parametrize("value", ["0", "-1", "abc", "inf", "nan", "10s", "1e999"])
def test_bad_settings_stop_the_start(value):
    with pytest.raises(ValueError, match="FIGURES_BODY_TIMEOUT must be a positive number"):
        Timeouts.from_environ({"FIGURES_BODY_TIMEOUT": value})


@pytest.fixture
def pair():
    """A connected pair of sockets: the server's end, timed, and the client's."""
    server, client = socket.socketpair()
    with server, client:
        yield server, client


SHORT = Timeouts(header=0.2, body=0.2, extraction=1.0)


def test_headers_that_do_not_come_time_out(pair):
    server, client = pair
    timed = TimedSocket(server, SHORT)
    timed.start()
    client.sendall(b"GET / HT")
    assert timed.recv(100) == b"GET / HT"  # what comes is read …
    with pytest.raises(ReadTimeout) as caught:
        timed.recv(100)  # … and the rest never does
    assert caught.value.code == 408
    assert "headers" in caught.value.description


def test_a_body_that_does_not_come_times_out(pair):
    server, _ = pair
    timed = TimedSocket(server, SHORT)
    timed.body()
    with pytest.raises(ReadTimeout) as caught:
        timed.recv(100)
    assert "body" in caught.value.description


def test_a_phase_whose_deadline_passed_reads_nothing(pair):
    server, client = pair
    timed = TimedSocket(server, Timeouts(header=1.0, body=1e-9, extraction=1.0))
    timed.body()
    client.sendall(b"text")
    with pytest.raises(ReadTimeout):
        timed.recv(100)  # data waits, but the phase is over


def test_the_headers_clock_starts_at_their_first_read(pair):
    server, client = pair
    timed = TimedSocket(server, Timeouts(header=0.2, body=1.0, extraction=1.0))
    timed.start()
    time.sleep(0.3)  # longer than the timeout, before the first byte: not counted
    client.sendall(b"GET / HTTP/1.1\r\n")
    assert timed.recv(100) == b"GET / HTTP/1.1\r\n"


def test_untimed_once_done(pair):
    server, client = pair
    timed = TimedSocket(server, SHORT)
    timed.start()
    timed.done()
    server.settimeout(0.5)  # gunicorn's lingering close sets its own
    with pytest.raises(TimeoutError):  # the socket's own timeout, not a ReadTimeout
        timed.recv(100)
    client.sendall(b"x")
    assert timed.recv(100) == b"x"


def test_an_answer_nobody_takes_is_given_up(pair):
    server, _ = pair
    timed = TimedSocket(server, SHORT)
    with pytest.raises(SendTimeout):
        timed.sendall(b"x" * 50_000_000)  # far past what the socket buffers hold


def test_the_socket_s_own_calls_pass_through(pair):
    server, client = pair
    timed = TimedSocket(server, SHORT)
    assert timed.fileno() == server.fileno()
    timed.sendall(b"answer")
    assert client.recv(100) == b"answer"
    assert timed.send(b"more") == 4
    assert client.recv(100) == b"more"


TEXT = "About 300 to 400 people fled; 12 km away, 2.4m homes lost power."


def test_extraction_past_its_time_limit_raises():
    with time_limit(0), pytest.raises(ExtractionTimeout):
        extract(TEXT)
    with time_limit(0), pytest.raises(ExtractionTimeout):
        explain(TEXT)


def test_no_limit_no_clock():
    expected = extract(TEXT)
    with time_limit(None):
        assert extract(TEXT) == expected
    with time_limit(3600):
        assert extract(TEXT) == expected
    assert extract(TEXT) == expected  # the limit ended with its block


def test_the_limit_is_shared_by_every_text_of_the_block():
    """One request's texts (a batch) share one clock, started at the first text."""
    with time_limit(3600):
        first = deadline()
        extract(TEXT)
        assert deadline() == first


def test_http_answers_503_past_the_limit(client):
    with time_limit(0):
        response = client.post("/v1/extract", json={"text": TEXT})
    assert response.status_code == 503
    assert response.mimetype == "application/problem+json"
    assert "longer than this service gives one request" in response.get_json()["detail"]
    with time_limit(0):
        batch = client.post("/v1/extract/batch", json={"documents": [{"text": TEXT}] * 3})
    assert batch.status_code == 503  # the whole batch: the time is the request's
    assert client.post("/v1/extract", json={"text": TEXT}).status_code == 200


def test_closed_in_its_thread_the_main_loop_s_close_does_nothing(pair):
    """The worker closes a connection in its thread; gthread's main loop closes it again."""
    server, client = pair
    timed = TimedSocket(server, SHORT)
    client.close()
    util.close_graceful(timed)  # the thread's close: the client has gone, so at once
    timed.setblocking(True)  # the main loop's, on the closed socket: nothing, no error
    util.close_graceful(timed)
    assert server.fileno() == -1
