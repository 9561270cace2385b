"""gunicorn's own refusals, written as problems by the worker class (service/http/worker.py).

Through a real server: tests/test_serve_hostile.py. Here the bytes the worker writes.
"""

import json

import pytest

from service.http.worker import MAX_DETAIL, NO_DETAIL, problem_bytes


def parse(data):
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in lines[1:])
    return lines[0], headers, body


@pytest.mark.parametrize(
    ("status", "reason", "detail"),
    [
        (414, "URI Too Long", "Request Line is too large (5014 > 4094)"),
        (
            431,
            "Request Header Fields Too Large",
            "Error parsing headers: 'limit request headers fields'",
        ),
        (400, "Bad Request", "Invalid HTTP Header: 'CONTENT-LENGTH'"),
        (408, "Request Timeout", "The request's headers did not arrive within 10 s."),
    ],
)
def test_a_refusal_is_a_whole_problem_answer(status, reason, detail):
    line, headers, body = parse(problem_bytes(status, reason, detail))
    assert line == f"HTTP/1.1 {status} {reason}"
    assert headers["Content-Type"] == "application/problem+json"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Cache-Control"] == "no-store"
    assert headers["Connection"] == "close"
    assert int(headers["Content-Length"]) == len(body)
    assert json.loads(body) == {
        "type": "about:blank",
        "title": reason,
        "status": status,
        "detail": detail,
    }


def test_what_the_client_sent_is_cut_and_escaped():
    sent = "GET /<script>" + "a" * 5000 + '" \u2028'
    _, _, body = parse(problem_bytes(400, "Bad Request", f"Invalid Request Line '{sent}'"))
    detail = json.loads(body)["detail"]
    assert len(detail) == MAX_DETAIL + 1
    assert detail.endswith("…")


def test_no_message_gets_a_fixed_detail():
    _, _, body = parse(problem_bytes(500, "Internal Server Error", ""))
    assert json.loads(body)["detail"] == NO_DETAIL
