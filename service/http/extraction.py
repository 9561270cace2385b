"""Carry texts from request bodies to the core: limits, per-document errors and metrics."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from flask import request
from marshmallow import ValidationError
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

from schemas import (
    MAX_ID_LENGTH,
    BatchRequestSchema,
    DocumentSchema,
    ExtractQuerySchema,
    ExtractRequestSchema,
    dump_claim,
    dump_rejection,
    write_claims,
    write_rejections,
)
from service.core import Claim, Explanation, explain, extract
from service.json_text import json_parts, json_string

from ..limits import utf8_size
from .bodies import (
    JSON,
    MAX_KEY_SHOWN,
    TEXT,
    json_body,
    load,
    media_type,
    text_body,
    too_large,
    unsupported,
    validate,
)
from .problems import ValidationProblem, problem_body
from .state import figures

_EXTRACT_REQUEST = ExtractRequestSchema()
_BATCH_REQUEST = BatchRequestSchema()
_DOCUMENT = DocumentSchema()
_QUERY = ExtractQuerySchema()
# What to send instead of a body (or a batch document) that is not a JSON object.
WANTED_TEXT = 'a JSON object with a "text" field: {"text": "…"}'
WANTED_BATCH = 'a JSON object with a "documents" array: {"documents": [{"id": "…", "text": "…"}]}'
WANTED_DOCUMENT = 'each document as a JSON object with a "text" field: {"id": "…", "text": "…"}'


@dataclass(frozen=True, slots=True)
class Query:
    """The query string of both extraction endpoints."""

    explain: bool  # ?explain=true: add the numbers left out
    reference_date: date | None  # ?reference_date=: the default date of the request's texts


def query_options() -> Query:
    """Read ``?explain=`` and ``?reference_date=``; a bad value of either is a 422.

    Read before the body, so that a bad query string is refused without reading it.
    """
    given = {
        name: values[0] if len(values) == 1 else values
        for name, values in request.args.lists()
        if name in _QUERY.fields
    }
    if not given:
        return _NO_QUERY
    try:
        loaded = _QUERY.load(given)
    except ValidationError as error:
        raise ValidationProblem(error.messages, _query_detail(given, error.messages)) from None
    return _query(loaded)


def _query(loaded: dict) -> Query:
    return Query(loaded["explain"], loaded.get("reference_date"))


# What the schema loads of a query string that names none of its parameters (nearly every
# request's), loaded once: 4 µs a request less.
_NO_QUERY = _query(_QUERY.load({}))


# What each query parameter must be, for the detail of a 422.
_QUERY_WANTS = {
    "explain": '"true" or "false"',
    "reference_date": "a real day as YYYY-MM-DD",
}


def _query_detail(given: dict, bad: dict) -> str:
    """Say what was wrong with each bad query parameter, in the schema's order."""
    said = []
    for name, wants in _QUERY_WANTS.items():
        if name not in bad:
            continue
        value = given[name]
        if isinstance(value, list):
            said.append(
                f"The query parameter {name} is given {len(value)} times; give it once, {wants}."
            )
        else:
            shown = json.dumps(value[:MAX_KEY_SHOWN]) + ("…" if len(value) > MAX_KEY_SHOWN else "")
            said.append(f"The query parameter {name} must be {wants}, not {shown}.")
    return " ".join(said)


def single_request() -> tuple[str | None, str, date | None]:
    """Read the id, text and reference date of ``POST /v1/extract`` (JSON or ``text/plain``).

    The reference date is the JSON body's, or None (a ``text/plain`` body carries none).
    """
    limits = figures().limits
    kind = media_type()
    if kind == TEXT:
        return None, text_body(limits.max_text_body_bytes), None
    if kind == JSON:
        body = json_body(limits.max_json_body_bytes)
        plain = plain_request(body)
        if plain is not None:
            return plain
        payload = load(_EXTRACT_REQUEST, body, WANTED_TEXT)
        return payload["id"], payload["text"], payload["reference_date"]
    raise unsupported(JSON, f"{TEXT}; charset=utf-8")


# The fields of ExtractRequestSchema, all that plain_request may see.
PLAIN_FIELDS = frozenset({"text", "id", "reference_date"})


def plain_request(body: object) -> tuple[str | None, str, None] | None:
    """Read the body most requests send as ``ExtractRequestSchema`` loads it, without it.

    Why: the schema's load (with ``bodies.validate``) is 7 µs of a request, this 0.2. The body
    read here is the one the schema takes as it is: an object of those fields only, a string
    ``text``, an ``id`` that is null, absent or a string of at most ``MAX_ID_LENGTH``
    characters, and no ``reference_date`` (or null). Anything else, a date included, returns
    None and goes to the schema, whose load and messages stay the contract
    (``tests/test_http_plain_request.py`` holds the two together).
    """
    if type(body) is not dict or not body.keys() <= PLAIN_FIELDS:
        return None
    text, doc_id = body.get("text"), body.get("id")
    if type(text) is not str or body.get("reference_date") is not None:
        return None
    if doc_id is not None and (type(doc_id) is not str or len(doc_id) > MAX_ID_LENGTH):
        return None
    return doc_id, text, None


def batch_request() -> tuple[list[dict], date | None]:
    """Read the documents of a batch, each loaded by ``DocumentSchema``, and its default date.

    Refused whole: over the document count (413, before a document is read), a document that
    breaks the schema (422, its errors under ``documents`` and the document's index, as the
    OpenAPI document says), over the batch's text (413), a bad default date (422).
    """
    limits = figures().limits
    if media_type() != JSON:
        raise unsupported(JSON)
    payload = load(_BATCH_REQUEST, json_body(limits.max_batch_body_bytes), WANTED_BATCH)
    if len(payload["documents"]) > limits.max_batch_documents:
        raise RequestEntityTooLarge(
            f"The batch has {len(payload['documents'])} documents; "
            f"the limit is {limits.max_batch_documents}."
        )
    documents = _load_documents(payload["documents"])
    total = sum(utf8_size(document["text"]) for document in documents)
    if total > limits.max_batch_bytes:
        raise too_large("batch's text", total, limits.max_batch_bytes)
    return documents, payload["reference_date"]


def _load_documents(documents: list[object]) -> list[dict]:
    """Load each document, or refuse the batch naming every bad one by its index."""
    loaded, errors = [], {}
    for index, document in enumerate(documents):
        good, messages = validate(_DOCUMENT, document, WANTED_DOCUMENT)
        if messages:
            errors[str(index)] = messages
        loaded.append(good)
    if errors:
        raise ValidationProblem({"documents": errors})
    return loaded


def claims_of(
    text: str, reference_date: date | None = None, room: int | None = None
) -> tuple[Claim, ...]:
    """Extract the claims of one text within the size limit, counting it in the metrics.

    ``room``: the claims a batch answer has left room for; the core reads one past it, no more.
    """
    state = figures()
    size = _checked_size(text)
    # One claim past the cap tells "too many" without reading the rest of the text.
    claims = extract(text, limit=_reach(room), reference_date=reference_date)
    _check_count(len(claims), "claims")
    state.metrics.record_extraction(size, len(claims))
    return claims


def explanation_of(
    text: str, reference_date: date | None = None, room: int | None = None
) -> Explanation:
    """As ``claims_of``, with the numbers left out; the claim cap bounds those too."""
    state = figures()
    size = _checked_size(text)
    # One claim or one rejection past the cap tells "too many", as in claims_of.
    explanation = explain(text, limit=_reach(room), reference_date=reference_date)
    _check_count(len(explanation.claims), "claims")
    _check_count(len(explanation.rejected), "numbers that are not claims (explain=true)")
    state.metrics.record_extraction(size, len(explanation.claims))
    return explanation


def answer_of(
    text: str, explain: bool, reference_date: date | None = None, room: int | None = None
) -> dict:
    """Answer one text: ``{"claims"}``, and ``"rejected"`` after it when ``explain``.

    The shape of ``ExtractResponseSchema`` (less the id), built directly: see ``dump_claim``.
    ``reference_date`` goes to the core, which resolves the claims' times against it; ``room``
    is ``claims_of``'s.
    """
    if not explain:
        claims = claims_of(text, reference_date, room)
        return {"claims": [dump_claim(claim) for claim in claims]}
    explanation = explanation_of(text, reference_date, room)
    return {
        "claims": [dump_claim(claim) for claim in explanation.claims],
        "rejected": [dump_rejection(rejection) for rejection in explanation.rejected],
    }


def answer_text(doc_id: str | None, text: str, explain: bool, reference_date: date | None) -> str:
    """Answer one text of ``POST /v1/extract`` as compact JSON text and a newline.

    ``{"id", "claims"}``, and ``"rejected"`` after them when ``explain``: the bytes Flask's
    JSON provider writes of ``{"id": doc_id, **answer_of(...)}``, written straight from the
    core's values (``write_claims``) without the dicts, the request's hot path. The pieces are
    joined once, after the core's values are gone: one copy of a large answer, not three.
    """
    parts = ['{"id":', json_string(doc_id), ',"claims":']
    if not explain:
        json_parts(write_claims(claims_of(text, reference_date)), parts)
    else:
        explanation = explanation_of(text, reference_date)
        json_parts(write_claims(explanation.claims), parts)
        parts.append(',"rejected":')
        json_parts(write_rejections(explanation.rejected), parts)
        del explanation
    parts.append("}\n")
    return "".join(parts)


def _reach(room: int | None) -> int:
    """Return how many claims to ask the core for: one past the cap, or past ``room``."""
    cap = figures().limits.max_claims
    return (cap if room is None else min(cap, room)) + 1


def _checked_size(text: str) -> int:
    """Return the UTF-8 size of ``text``, refusing it over the text limit."""
    limits = figures().limits
    size = utf8_size(text)
    if size > limits.max_text_bytes:
        raise too_large("text", size, limits.max_text_bytes)
    return size


def _check_count(count: int, what: str) -> None:
    """Refuse an answer with more than ``FIGURES_MAX_CLAIMS`` items of one list."""
    cap = figures().limits.max_claims
    if count > cap:
        raise RequestEntityTooLarge(
            f"The text holds more than {cap} {what}, the most one answer carries "
            "(FIGURES_MAX_CLAIMS): split it into smaller texts."
        )


def batch_answer(documents: list[dict], explain: bool, reference_date: date | None) -> dict:
    """Answer a loaded batch, ``{"results"}``, refusing it (413) past ``FIGURES_MAX_BATCH_CLAIMS``.

    The claims of the answer count, and with ``explain`` its rejected numbers with them. Each
    document is asked for one claim past the room left, so a batch over the cap is refused once
    the core has read cap + 1 claims in all: the rest is neither extracted nor built.
    """
    cap = figures().limits.max_batch_claims
    left = cap
    results = []
    for document in documents:
        result = batch_result(document, explain, reference_date, room=left)
        left -= len(result.get("claims", ())) + len(result.get("rejected", ()))
        if left < 0:
            raise RequestEntityTooLarge(
                f"The batch holds more than {cap} claims"
                + (" and numbers that are not claims (explain=true)" if explain else "")
                + ", the most one batch answer carries (FIGURES_MAX_BATCH_CLAIMS): "
                "split it into smaller batches."
            )
        results.append(result)
    return {"results": results}


def batch_result(
    document: dict,
    explain: bool = False,
    reference_date: date | None = None,
    room: int | None = None,
) -> dict:
    """Answer one loaded batch document: its claims, or an error entry that spares the others.

    An error entry is for what only extraction finds out: a text over the text limit or the
    claim cap (413). The entry has ``BatchResultSchema``'s shape, built directly (see
    ``dump_claim``); with ``explain`` it has ``rejected`` after ``claims``. The document's own
    ``reference_date`` wins over ``reference_date``, the batch's default; ``room`` is the
    claims the batch answer has room for (``claims_of``).
    """
    own = document["reference_date"]
    day = own if own is not None else reference_date
    try:
        answer = answer_of(document["text"], explain, day, room)
    except HTTPException as error:
        return {"id": document["id"], "error": problem_body(error)}
    return {"id": document["id"], **answer}
