"""The OpenAPI document's examples: the sample article's real answer, one true problem per status.

Swagger UI makes an example up from a schema when a response has none: the claim's nullable
objects came out as ``"unit": {}`` and ``"normalized": {}``, and every error showed a 422's
field errors. So every JSON response carries an example of its own, built by the code that
answers: the 200s from the core's output on the user's sample article (the playground's
``seed.txt``, a copy of ``seeds/``'s, with its dateline as the reference date), each problem from
the exception and message the service raises for that status. Built when the document is
(the first ``GET /openapi.json``), not at import: the core warms first. The test
``tests/test_openapi_examples.py`` sends each example's request and gets exactly the example.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import cache
from importlib.resources import files

from werkzeug.exceptions import (
    HTTPException,
    InternalServerError,
    MethodNotAllowed,
    NotFound,
    ServiceUnavailable,
    TooManyRequests,
)

from schemas import ExtractRequestSchema, dump_claim
from service.core import extract

from ..limits import Limits
from .auth import MissingKey
from .bodies import JSON, TEXT, load, parse_json, too_large, unsupported
from .extraction import WANTED_TEXT
from .problems import problem_body
from .timeouts import ReadTimeout

SEED_ID = "seed"
SEED_DATE = "2017-10-14"  # the article's dateline
SEED_TEXT = files(__package__).joinpath("playground", "seed.txt").read_text(encoding="utf-8")
# A second, short document of the batch example, and its own date.
SHORT = {
    "id": "short",
    "text": "About 3,000 people fled on Friday.",
    "reference_date": "2017-10-20",
}

EXTRACT_REQUEST = {"id": SEED_ID, "text": SEED_TEXT, "reference_date": SEED_DATE}
BATCH_REQUEST = {
    "reference_date": SEED_DATE,
    "documents": [{"id": SEED_ID, "text": SEED_TEXT}, SHORT],
}
# The requests behind the problem examples that cannot be built without a server's state.
MALFORMED_JSON = b'{"text": "About 3,000 people fled.}'
UNKNOWN_FIELD = {"txt": "About 3,000 people fled."}
# What curl -d sends without a Content-Type of its own: the commonest 415.
FORM = "application/x-www-form-urlencoded"
RATE_LIMIT = "Over the rate limit of 100 per 1 minute: retry in 42 s."
WARMING = "The extractor is still warming up."


def _claims(text: str, reference_date: str) -> list[dict]:
    day = date.fromisoformat(reference_date)
    return [dump_claim(claim) for claim in extract(text, reference_date=day)]


@cache
def extract_answer() -> dict:
    """Answer ``EXTRACT_REQUEST`` as the service does."""
    return {"id": SEED_ID, "claims": _claims(SEED_TEXT, SEED_DATE)}


@cache
def batch_answer() -> dict:
    """Answer ``BATCH_REQUEST`` as the service does: the seed at the batch's date, one at its."""
    return {
        "results": [
            {"id": SEED_ID, "claims": _claims(SEED_TEXT, SEED_DATE)},
            {"id": SHORT["id"], "claims": _claims(SHORT["text"], SHORT["reference_date"])},
        ]
    }


def problems(limits: Limits) -> dict[int, dict]:
    """One problem per error status, as the service words it (413: at this server's limit)."""
    raised: dict[int, Callable[[], HTTPException]] = {
        400: lambda: _raised(lambda: parse_json(MALFORMED_JSON)),
        401: MissingKey,
        404: NotFound,
        405: lambda: MethodNotAllowed(["POST"]),
        408: lambda: ReadTimeout("body", 30),
        413: lambda: too_large("text", limits.max_text_bytes + 1, limits.max_text_bytes),
        415: lambda: unsupported(JSON, f"{TEXT}; charset=utf-8", given=FORM),
        422: lambda: _raised(lambda: load(ExtractRequestSchema(), UNKNOWN_FIELD, WANTED_TEXT)),
        429: lambda: TooManyRequests(RATE_LIMIT),
        500: InternalServerError,
        503: lambda: ServiceUnavailable(WARMING),
    }
    return {status: problem_body(make()) for status, make in raised.items()}


def _raised(call: Callable[[], object]) -> HTTPException:
    try:
        call()
    except HTTPException as error:
        return error
    raise AssertionError("the example's request was answered, not refused")
