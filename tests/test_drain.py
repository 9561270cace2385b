"""A listening socket that stops taking new connections but keeps its backlog (drain.py).

Against the real server, tests/test_serve_hostile.py and scripts/stress check the stop; here
the two pieces alone, on a socket of the test's own.
"""

import os
import socket
import subprocess
import sys

import pytest

from service.http.drain import master_holds, refuse_new_connections

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux's BPF")


@pytest.fixture
def listener():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(16)
        yield sock


def test_the_backlog_is_kept_and_new_handshakes_dropped(listener):
    address = listener.getsockname()
    with socket.create_connection(address) as queued:
        queued.sendall(b"sent before the stop")
        assert refuse_new_connections(listener)
        with pytest.raises(TimeoutError):  # the SYN is dropped: no answer, not a reset
            socket.create_connection(address, timeout=0.5)
        accepted, _ = listener.accept()
        with accepted:
            assert accepted.recv(100) == b"sent before the stop"
    listener.setblocking(False)
    with pytest.raises(BlockingIOError):
        listener.accept()  # nothing else queued


def test_who_holds_the_socket(listener):
    assert master_holds(0, listener)  # no such process to read: cannot tell, so assume so
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        assert not master_holds(child.pid, listener)  # a process without the socket
    finally:
        child.kill()
        child.wait()
    assert master_holds(os.getpid(), listener)  # this one has it open
