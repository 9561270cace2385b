"""Invariants on hostile Unicode: marks, emoji, RTL, controls, odd newlines, lone surrogates.

The core must never raise, must finish, and must keep its claims located (``text ==
input[start:end]``), sorted, non-overlapping and finite. Through HTTP, a JSON body may carry a
lone surrogate as a ``\\ud800`` escape (legal JSON, RFC 8259 §8.2): the service answers 200 and
counts it as one code point, like any other; the answer is strict JSON that escapes it back.
"""

import json
import math
import time

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

# A hostile text must still be answered in about the time of a plain one (these are short): in
# CPU seconds, which other jobs on a shared machine do not stretch.
MAX_SECONDS = 5.0

COMBINING = st.characters(categories=["Mn", "Mc", "Me"])
CONTROLS = st.characters(categories=["Cc", "Cf"])  # NUL, escapes, bidi controls, ZW(N)J, BOM
SURROGATES = st.characters(categories=["Cs"])  # lone halves: a Python str can hold them
EMOJI = st.sampled_from(
    [
        "🙂", "👍🏽", "❤️", "🇫🇷", "🏳️‍🌈", "👩‍👩‍👧‍👦", "👨🏿‍🚀", "🧑‍🤝‍🧑", "1️⃣", "#️⃣", "🔟",
        "\u200d", "\ufe0f", "\U0001f3fb", "\U000e0067",
    ]
)  # fmt: skip
RTL = st.sampled_from(
    [
        "مرحبا", "٣٠٠", "١٢٫٥", "۴۵", "שלום", "‏", "‎", "\u202b", "\u202e", "\u202c", "\u2066",
        "\u2069", "ال٣ ملايين", "قتل 300 شخص",
    ]
)  # fmt: skip
NEWLINES = st.sampled_from(["\n", "\r", "\r\n", "\n\r", "\u2028", "\u2029", "\x85", "\v", "\f"])
NUMBERS = st.sampled_from(
    [
        "3", "300 to 400", "1,000", "2.4m", "$1.5bn", "about 12", "more than 40%", "9 km/s",
        "-12C", "½", "seventy-five", "a dozen", "between 10 and 15 percent", "1e999", " ",
        " people", ". ", "(", ")", "\"", "-", "–",
    ]
)  # fmt: skip

PIECES = st.one_of(
    NUMBERS, COMBINING, CONTROLS, EMOJI, RTL, NEWLINES, st.text(max_size=4), st.just("\x00")
)
HOSTILE = st.lists(PIECES, max_size=60).map("".join)
# Lone surrogates are kept apart: they cannot be UTF-8, so only JSON bodies carry them.
WITH_SURROGATES = st.lists(st.one_of(PIECES, SURROGATES), max_size=60).map("".join)


def finite(*numbers):
    return all(n is None or (isinstance(n, int | float) and math.isfinite(n)) for n in numbers)


def check_span(span, text):
    assert 0 <= span["start"] < span["end"] <= len(text)
    assert text[span["start"] : span["end"]] == span["text"]


def check_claims(claims, text):
    """Check located, sorted, non-overlapping and finite claims, as dicts (the API's shape)."""
    previous_end = 0
    for claim in claims:
        check_span(claim, text)
        assert claim["start"] >= previous_end, "claims sorted and non-overlapping"
        previous_end = claim["end"]
        assert finite(claim["value"], claim["low"], claim["high"])
        normalized = claim["normalized"]
        if normalized is not None:
            assert finite(normalized["value"], normalized["low"], normalized["high"])
        check_span(claim["sentence"], text)
        if claim["entity"] is not None:
            check_span(claim["entity"], text)


def as_dicts(claims):
    from dataclasses import asdict

    return [asdict(claim) for claim in claims]


def strict_json(data: bytes):
    """Parse JSON as strict parsers do: NaN and infinities are refused."""

    def refuse(name):
        raise AssertionError(f"not JSON: {name}")

    return json.loads(data, parse_constant=refuse)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(HOSTILE, WITH_SURROGATES))
@example(text="300\u0301 to 400 militants")
@example(text="\u202e300 to 400\u202c")
@example(text="👩‍👩‍👧 12 km\r\n\r\n5 people\r")
@example(text="12\x00000 people")
@example(text="\ud800300 to 400\udfff")
@example(text="\udbff\udfff 12")  # a surrogate pair spelt as two code points
@example(text="١٢٣ and 12")
def test_core_invariants(extract, text):
    started = time.process_time()
    claims = extract(text)
    assert time.process_time() - started < MAX_SECONDS
    assert isinstance(claims, tuple)
    check_claims(as_dicts(claims), text)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(text=WITH_SURROGATES)
@example(text="\ud800")
@example(text="about 12\udc00 people")
@example(text="\x00\r\n12\u2028km")
def test_json_with_escaped_surrogates_is_answered(client, text):
    body = json.dumps({"id": "h", "text": text})  # ensure_ascii: a surrogate goes as \udXXX
    sent = json.loads(body)["text"]  # a high and a low escape side by side read as one pair
    response = client.post("/v1/extract", data=body, content_type="application/json")
    assert response.status_code == 200, response.text
    assert response.mimetype == "application/json"
    answer = strict_json(response.data)
    assert answer["id"] == "h"
    check_claims(answer["claims"], sent)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(text=HOSTILE)
@example(text="\r\n300 to 400\r militants\u2028")
def test_text_plain_answers_as_json_does(client, text):
    plain = client.post("/v1/extract", data=text.encode("utf-8"), content_type="text/plain")
    as_json = client.post("/v1/extract", json={"text": text})
    assert plain.status_code == as_json.status_code == 200
    assert strict_json(plain.data)["claims"] == strict_json(as_json.data)["claims"]
    check_claims(strict_json(plain.data)["claims"], text)


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(texts=st.lists(WITH_SURROGATES, max_size=5))
def test_batch_of_hostile_texts(client, texts):
    documents = [{"id": str(i), "text": text} for i, text in enumerate(texts)]
    body = json.dumps({"documents": documents})
    sent = [document["text"] for document in json.loads(body)["documents"]]
    response = client.post("/v1/extract/batch", data=body, content_type="application/json")
    assert response.status_code == 200, response.text
    results = strict_json(response.data)["results"]
    assert [r["id"] for r in results] == [d["id"] for d in documents]
    for result, text in zip(results, sent, strict=True):
        check_claims(result["claims"], text)


def test_surrogate_comes_back_escaped(client):
    response = client.post(
        "/v1/extract",
        data='{"text": "\\ud800 about 12 people"}',
        content_type="application/json",
    )
    assert response.status_code == 200
    assert b"\\ud800" in response.data  # escaped, so the body stays valid UTF-8
    response.data.decode("utf-8")
    claims = strict_json(response.data)["claims"]
    assert [c["text"] for c in claims] == ["about 12"]
    assert claims[0]["start"] == 2  # the surrogate counts as one code point
