"""Carry texts from request bodies to the core: limits, per-document errors and metrics."""

from __future__ import annotations

import json

from flask import request
from marshmallow import ValidationError
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

from schemas import (
    BatchRequestSchema,
    DocumentSchema,
    ExtractQuerySchema,
    ExtractRequestSchema,
    dump_claim,
    dump_rejection,
)
from service.core import Claim, Explanation, explain, extract

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
)
from .problems import ValidationProblem, problem_body
from .state import figures

_EXTRACT_REQUEST = ExtractRequestSchema()
_BATCH_REQUEST = BatchRequestSchema()
_DOCUMENT = DocumentSchema()
_QUERY = ExtractQuerySchema()


def explain_requested() -> bool:
    """Read ``?explain=``: true for ``true``, false for ``false`` or none, else a 422.

    Read before the body, so that a bad query string is refused without reading it.
    """
    given = {
        name: values[0] if len(values) == 1 else values
        for name, values in request.args.lists()
        if name in _QUERY.fields
    }
    try:
        return _QUERY.load(given)["explain"]
    except ValidationError as error:
        raise ValidationProblem(error.messages, _query_detail(given)) from None


def _query_detail(given: dict) -> str:
    """Say what was wrong with ``?explain=``, the one query parameter there is."""
    value = given["explain"]
    if isinstance(value, list):
        return (
            f"The query parameter explain is given {len(value)} times; "
            'give it once, "true" or "false".'
        )
    shown = json.dumps(value[:MAX_KEY_SHOWN]) + ("…" if len(value) > MAX_KEY_SHOWN else "")
    return f'The query parameter explain must be "true" or "false", not {shown}.'


def single_request() -> tuple[str | None, str]:
    """Read the id and text of ``POST /v1/extract`` from a JSON or a ``text/plain`` body."""
    limits = figures().limits
    kind = media_type()
    if kind == TEXT:
        return None, text_body(limits.max_text_body_bytes)
    if kind == JSON:
        payload = load(_EXTRACT_REQUEST, json_body(limits.max_json_body_bytes))
        return payload["id"], payload["text"]
    raise unsupported(JSON, f"{TEXT}; charset=utf-8")


def batch_request() -> list[object]:
    """Read the documents of a batch, refusing the whole batch only over its count or size."""
    limits = figures().limits
    if media_type() != JSON:
        raise unsupported(JSON)
    documents = load(_BATCH_REQUEST, json_body(limits.max_batch_body_bytes))["documents"]
    if len(documents) > limits.max_batch_documents:
        raise RequestEntityTooLarge(
            f"The batch has {len(documents)} documents; the limit is {limits.max_batch_documents}."
        )
    total = sum(
        utf8_size(document["text"])
        for document in documents
        if isinstance(document, dict) and isinstance(document.get("text"), str)
    )
    if total > limits.max_batch_bytes:
        raise too_large("batch's text", total, limits.max_batch_bytes)
    return documents


def claims_of(text: str) -> tuple[Claim, ...]:
    """Extract the claims of one text within the size limit, counting it in the metrics."""
    state = figures()
    size = _checked_size(text)
    # One claim past the cap tells "too many" without reading the rest of the text.
    claims = extract(text, limit=state.limits.max_claims + 1)
    _check_count(len(claims), "claims")
    state.metrics.record_extraction(size, len(claims))
    return claims


def explanation_of(text: str) -> Explanation:
    """As ``claims_of``, with the numbers left out; the claim cap bounds those too."""
    state = figures()
    size = _checked_size(text)
    # One claim or one rejection past the cap tells "too many", as in claims_of.
    explanation = explain(text, limit=state.limits.max_claims + 1)
    _check_count(len(explanation.claims), "claims")
    _check_count(len(explanation.rejected), "numbers that are not claims (explain=true)")
    state.metrics.record_extraction(size, len(explanation.claims))
    return explanation


def answer_of(text: str, explain: bool) -> dict:
    """Answer one text: ``{"claims"}``, and ``"rejected"`` after it when ``explain``.

    The shape of ``ExtractResponseSchema`` (less the id), built directly: see ``dump_claim``.
    """
    if not explain:
        return {"claims": [dump_claim(claim) for claim in claims_of(text)]}
    explanation = explanation_of(text)
    return {
        "claims": [dump_claim(claim) for claim in explanation.claims],
        "rejected": [dump_rejection(rejection) for rejection in explanation.rejected],
    }


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


def batch_result(document: object, explain: bool = False) -> dict:
    """Answer one batch document: its claims, or an error entry that spares the others.

    The entry has ``BatchResultSchema``'s shape, built directly (see ``dump_claim``); with
    ``explain`` it has ``rejected`` after ``claims``.
    """
    try:
        loaded = load(_DOCUMENT, document)
        return {"id": loaded["id"], **answer_of(loaded["text"], explain)}
    except HTTPException as error:
        return {"id": _id_of(document), "error": problem_body(error)}


def _id_of(document: object) -> str | None:
    """Echo a broken document's id when it has a usable one, so the client can match it."""
    if isinstance(document, dict) and isinstance(document.get("id"), str):
        return document["id"]
    return None
