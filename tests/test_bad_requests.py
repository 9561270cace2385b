"""Bad requests over a real socket against ``figures serve``, and duplicate JSON keys.

tests/test_http_errors.py checks each error status in process; here the same kinds of bad
request (and the ones only a socket can send: a ``Content-Length`` that lies, a body cut short)
go through gunicorn, and after each one the server must still answer a good request.

Duplicate keys in one JSON object are refused with 400: parsers disagree on which one wins
(Python's keeps the last, others the first), so a proxy that checks the first ``text`` could
pass a body whose last ``text`` the service would read.
"""

import json
import socket

import pytest
from raw_http import read_answer

# The text limit of the server started here: small, so that going over it is cheap.
TEXT_LIMIT = 100_000
GOOD_TEXT = "Officials said about 3,000 people fled, more than 40% of the town."
READ_SECONDS = 15


def raw_request(path, content_type, body, length=None, extra=b""):
    """Build the bytes of a POST whose Content-Length is ``length`` (default: the truth)."""
    length = len(body) if length is None else length
    head = f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: {length}\r\n"
    if content_type:
        head += f"Content-Type: {content_type}\r\n"
    return head.encode() + b"\r\n" + body + extra


def exchange(port, data, half_close=True):
    """Send ``data``, close our side when asked, and read the answer until the server closes."""
    with socket.create_connection(("127.0.0.1", port), timeout=READ_SECONDS) as sock:
        sock.sendall(data)
        if half_close:
            sock.shutdown(socket.SHUT_WR)
        return read_answer(sock, READ_SECONDS)


@pytest.fixture(scope="module")
def server(stress):
    with stress.Server(workers=2, env={"FIGURES_MAX_TEXT_BYTES": str(TEXT_LIMIT)}) as running:
        yield running


@pytest.fixture(scope="module")
def good_answer(server):
    status, _, data = server.extract(GOOD_TEXT)
    assert status == 200
    return json.loads(data)


def json_body(value):
    return json.dumps(value).encode()


def chunked(piece, times):
    """Encode ``piece`` × ``times`` as chunks, so that no Content-Length announces the size."""
    chunks = b"".join(b"%x\r\n%s\r\n" % (len(piece), piece) for _ in range(times))
    head = b"POST /v1/extract HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n"
    return head + b"Transfer-Encoding: chunked\r\n\r\n" + chunks + b"0\r\n\r\n"


DUPLICATE = b'{"text": "12 people", "text": "about 300 km"}'
# id, request bytes, expected status, expected words in the problem's detail.
SOCKET_CASES = [
    (
        "text-plain-invalid-utf8",
        raw_request("/v1/extract", "text/plain; charset=utf-8", b"Caf\xe9 12"),
        400,
        "UTF-8",
    ),
    ("json-array", raw_request("/v1/extract", "application/json", b'["12 people"]'), 422, ""),
    ("json-number", raw_request("/v1/extract", "application/json", b"42"), 422, ""),
    ("json-null", raw_request("/v1/extract", "application/json", b"null"), 422, ""),
    (
        "text-of-wrong-type",
        raw_request("/v1/extract", "application/json", json_body({"text": {"a": 1}})),
        422,
        "schema",
    ),
    ("duplicate-keys", raw_request("/v1/extract", "application/json", DUPLICATE), 400, "repeats"),
    (
        "content-length-longer-than-body",
        raw_request("/v1/extract", "text/plain", b"about 12 people", length=40),
        400,
        "ended after 15 of the 40 bytes",
    ),
    (
        "declared-over-the-limit-no-body-sent",
        raw_request("/v1/extract", "text/plain", b"", length=TEXT_LIMIT + 1),
        413,
        f"the limit is {TEXT_LIMIT}",
    ),
    (
        "json-declared-over-its-limit",
        raw_request("/v1/extract", "application/json", b"", length=50_000_000),
        413,
        "The request body is 50000000 bytes",
    ),
    ("chunked-over-the-limit", chunked(b"1 " * 5_000, 11), 413, "the limit is"),
    (
        "batch-declared-over-its-limit",
        raw_request("/v1/extract/batch", "application/json", b"", length=10**9),
        413,
        "",
    ),
]


@pytest.mark.parametrize(
    ("data", "status", "detail"),
    [pytest.param(*case[1:], id=case[0]) for case in SOCKET_CASES],
)
def test_bad_request_gets_its_problem_and_the_server_goes_on(
    server, good_answer, data, status, detail
):
    got, headers, body = exchange(server.port, data)
    assert got == status, body[:300]
    assert headers["content-type"] == "application/problem+json"
    assert headers["x-content-type-options"] == "nosniff"
    problem = json.loads(body)
    assert problem["status"] == status
    assert detail in problem["detail"]
    after, _, data = server.extract(GOOD_TEXT)
    assert after == 200
    assert json.loads(data) == good_answer


def test_body_longer_than_content_length_is_read_to_the_declared_length(server, good_answer):
    body = GOOD_TEXT.encode()
    data = raw_request("/v1/extract", "text/plain", body, extra=b"\x00 and 999 more bytes\r\n\r\n")
    status, headers, answer = exchange(server.port, data)
    assert status == 200
    assert headers["connection"] == "close"  # the rest is never read as another request
    assert json.loads(answer) == good_answer
    assert server.extract(GOOD_TEXT)[0] == 200


def test_client_that_vanishes_mid_body_costs_nothing_else(server, good_answer):
    for _ in range(5):
        with socket.create_connection(("127.0.0.1", server.port), timeout=5) as sock:
            sock.sendall(raw_request("/v1/extract", "text/plain", b"about", length=1000))
    status, _, data = server.extract(GOOD_TEXT)
    assert status == 200
    assert json.loads(data) == good_answer


@pytest.mark.parametrize(
    "header",
    [b"Content-Length: abc", b"Content-Length: -5", b"Content-Length: 3\r\nContent-Length: 5"],
)
def test_malformed_content_length_is_refused_by_gunicorn(server, good_answer, header):
    data = b"POST /v1/extract HTTP/1.1\r\nHost: 127.0.0.1\r\n" + header + b"\r\n\r\nabcde"
    status, headers, body = exchange(server.port, data)
    assert status == 400  # gunicorn's own refusal: the app never sees the request …
    assert headers["content-type"] == "application/problem+json"  # … but it is a problem
    assert headers["x-content-type-options"] == "nosniff"
    assert json.loads(body)["status"] == 400
    assert server.extract(GOOD_TEXT)[0] == 200


@pytest.mark.parametrize(
    ("body", "key"),
    [
        pytest.param('{"text": "a", "text": "b"}', "text", id="text-twice"),
        pytest.param('{"id": "a", "text": "", "id": "b"}', "id", id="id-twice"),
        pytest.param('{"text": "a", "t\\u0065xt": "b"}', "text", id="same-once-unescaped"),
        pytest.param('{"documents": [], "documents": []}', "documents", id="batch-key-twice"),
        pytest.param(
            '{"documents": [{"text": "a", "text": "b"}]}', "text", id="inside-a-batch-document"
        ),
    ],
)
def test_duplicate_json_keys_are_refused(client, body, key):
    path = "/v1/extract/batch" if "documents" in body else "/v1/extract"
    response = client.post(path, data=body, content_type="application/json")
    assert response.status_code == 400
    assert response.mimetype == "application/problem+json"
    assert response.get_json()["detail"] == f'The body repeats the key "{key}" in one object.'


def test_a_long_duplicate_key_is_shown_cut(client):
    key = "k" * 10_000
    body = json.dumps({"text": ""})[:-1] + f', "{key}": 1, "{key}": 2}}'
    response = client.post("/v1/extract", data=body, content_type="application/json")
    assert response.status_code == 400
    assert len(response.get_json()["detail"]) < 200


def test_keys_differing_in_case_are_not_duplicates(client):
    response = client.post(
        "/v1/extract", data='{"text": "a", "Text": "b"}', content_type="application/json"
    )
    assert response.status_code == 422
    assert sorted(response.get_json()["errors"]) == ["Text"]
