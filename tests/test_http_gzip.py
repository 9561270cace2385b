"""Request bodies sent with ``Content-Encoding: gzip``: read as the text they inflate to.

The size limits hold for the inflated text, which is inflated in bounded steps, so a small
body that would inflate to gigabytes (a "zip bomb") is refused with 413 without being inflated
in memory; a coding other than gzip is a 415 that names the one the server reads.
"""

import gzip
import json
import tracemalloc
import zlib

import pytest

from service.limits import Limits

TEXT = "Officials said about 3,000 people fled, more than 40% of the town."
SEED_LIKE = "The council said 12 homes burned; some 40 people left."


def gz(data: bytes) -> bytes:
    return gzip.compress(data, mtime=0)


def json_bytes(payload) -> bytes:
    return json.dumps(payload).encode()


# (id, path, content type, Content-Encoding, the body as sent, the uncompressed body it stands for)
ACCEPTED = [
    ("json", "/v1/extract", "application/json", "gzip", gz(json_bytes({"text": TEXT})), None),
    ("text-plain", "/v1/extract", "text/plain; charset=utf-8", "gzip", gz(TEXT.encode()), None),
    ("x-gzip", "/v1/extract", "text/plain; charset=utf-8", "x-gzip", gz(TEXT.encode()), None),
    ("upper-case", "/v1/extract", "text/plain; charset=utf-8", "GZIP", gz(TEXT.encode()), None),
    (
        "with-identity",
        "/v1/extract",
        "application/json",
        "identity, gzip",
        gz(json_bytes({"text": TEXT})),
        None,
    ),
    ("identity-alone", "/v1/extract", "text/plain; charset=utf-8", "identity", TEXT.encode(), None),
    # Two gzip members one after the other are one body (RFC 1952 2.2), as gzip(1) reads them.
    (
        "two-members",
        "/v1/extract",
        "text/plain; charset=utf-8",
        "gzip",
        gz(TEXT[:20].encode()) + gz(TEXT[20:].encode()),
        TEXT.encode(),
    ),
    (
        "batch",
        "/v1/extract/batch",
        "application/json",
        "gzip",
        gz(json_bytes({"documents": [{"id": "a", "text": TEXT}, {"id": "b", "text": SEED_LIKE}]})),
        None,
    ),
]


@pytest.mark.parametrize(
    ("path", "content_type", "encoding", "body", "plain"),
    [pytest.param(*row[1:], id=row[0]) for row in ACCEPTED],
)
def test_gzip_body_answers_as_the_plain_body(client, path, content_type, encoding, body, plain):
    plain = (
        plain
        if plain is not None
        else (zlib.decompress(body, 47) if encoding != "identity" else body)
    )
    answer = client.post(
        path, data=body, headers={"Content-Type": content_type, "Content-Encoding": encoding}
    )
    expected = client.post(path, data=plain, headers={"Content-Type": content_type})
    assert answer.status_code == 200, answer.get_json()
    assert answer.get_json() == expected.get_json()
    assert expected.status_code == 200


# (id, Content-Encoding, body, status, what the detail says)
REFUSED = [
    ("deflate", "deflate", zlib.compress(TEXT.encode()), 415, 'Content-Encoding "deflate"'),
    ("brotli", "br", b"\x0b\x02\x80abc\x03", 415, 'Content-Encoding "br"'),
    ("twice", "gzip, gzip", gz(gz(TEXT.encode())), 415, 'Content-Encoding "gzip, gzip"'),
    ("zstd-after-gzip", "gzip, zstd", gz(TEXT.encode()), 415, "not supported"),
    ("not-gzip", "gzip", TEXT.encode(), 400, "not valid gzip"),
    ("empty", "gzip", b"", 400, "not valid gzip"),
    ("truncated", "gzip", gz(TEXT.encode())[:-12], 400, "ends before its end of stream"),
    ("garbage-after", "gzip", gz(TEXT.encode()) + b"trailing", 400, "not valid gzip"),
    (
        "bad-checksum",
        "gzip",
        gz(TEXT.encode())[:-8] + b"\0\0\0\0" + gz(TEXT.encode())[-4:],
        400,
        "not valid gzip",
    ),
]


@pytest.mark.parametrize(
    ("encoding", "body", "status", "says"),
    [pytest.param(*row[1:], id=row[0]) for row in REFUSED],
)
def test_other_codings_and_broken_gzip_are_problems(client, encoding, body, status, says):
    response = client.post(
        "/v1/extract",
        data=body,
        headers={"Content-Type": "text/plain; charset=utf-8", "Content-Encoding": encoding},
    )
    assert response.status_code == status
    assert response.mimetype == "application/problem+json"
    problem = response.get_json()
    assert problem["status"] == status
    assert says in problem["detail"]
    if status == 415:
        assert response.headers["Accept-Encoding"] == "gzip"


@pytest.mark.parametrize(
    ("size", "status"),
    [
        pytest.param(100, 200, id="at-the-limit"),
        pytest.param(101, 413, id="one-byte-over"),
        pytest.param(5_000, 413, id="far-over"),
    ],
)
def test_the_text_limit_holds_for_the_inflated_text(make_app, size, status):
    client = make_app({"TESTING": True, "FIGURES_MAX_TEXT_BYTES": 100}).test_client()
    response = client.post(
        "/v1/extract",
        data=gz(b"7" * size),  # compresses to a few dozen bytes, far under the limit
        headers={"Content-Type": "text/plain; charset=utf-8", "Content-Encoding": "gzip"},
    )
    assert response.status_code == status
    if status == 413:
        assert (
            "inflates (Content-Encoding: gzip) to more than the limit of 100 bytes"
            in (response.get_json()["detail"])
        )


def bomb(megabytes: int) -> bytes:
    """Gzip ``megabytes`` MB of zeros, a megabyte at a time: about 1 KB per MB."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = bytes(1 << 20)
    return b"".join([*(packer.compress(block) for _ in range(megabytes)), packer.flush()])


@pytest.mark.parametrize(
    ("path", "content_type", "limit"),
    [
        pytest.param("/v1/extract", "text/plain; charset=utf-8", "max_text_body_bytes", id="text"),
        pytest.param("/v1/extract", "application/json", "max_json_body_bytes", id="json"),
        pytest.param("/v1/extract/batch", "application/json", "max_batch_body_bytes", id="batch"),
    ],
)
def test_a_zip_bomb_is_refused_without_being_inflated(client, path, content_type, limit):
    body = bomb(300)  # 300 MB once inflated, about 300 KB as sent
    assert len(body) < 1_000_000
    tracemalloc.start()
    try:
        response = client.post(
            path, data=body, headers={"Content-Type": content_type, "Content-Encoding": "gzip"}
        )
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert response.status_code == 413
    assert "inflates (Content-Encoding: gzip)" in response.get_json()["detail"]
    # The largest limit (a batch body: 6 x 5 MB + 128 KiB) and its copies, never 300 MB.
    # Memory goes with the body's limit (1, 6 or 30 MB by default), never with the 300 MB.
    bound = getattr(Limits.from_settings({}), limit)
    assert peak < 1.5 * bound + 2_000_000, (peak, bound)
