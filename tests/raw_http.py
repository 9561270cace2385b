"""Read an HTTP/1.1 answer off a raw socket, for the tests that talk to ``figures serve`` bare.

Those tests send what ``http.client`` would never send (a lying ``Content-Length``, headers a
byte at a time), so they read the answer by hand too: until the server closes the connection
(``figures serve`` keeps none alive), bounded in time so that a server that never closes fails
the test instead of hanging it.
"""

import time


def read_answer(sock, seconds: float) -> tuple[int, dict[str, str], bytes]:
    """Read until the server closes or ``seconds`` pass; return status, headers, body.

    Header names come lower-case; a header given twice keeps its last value.
    """
    sock.settimeout(seconds)
    data = b""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        chunk = sock.recv(65536)
        if not chunk:
            break
        data += chunk
    return parse_answer(data)


def parse_answer(data: bytes) -> tuple[int, dict[str, str], bytes]:
    """Split a whole answer into its status, headers (lower-case names) and body."""
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines)}
    return int(lines[0].split()[1]), headers, body
