"""Carry texts from request bodies to the core: limits, per-document errors and metrics."""

from __future__ import annotations

from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

from schemas import BatchRequestSchema, DocumentSchema, ExtractRequestSchema, dump_claim
from service.core import Claim, extract

from ..limits import utf8_size
from .bodies import JSON, TEXT, json_body, load, media_type, text_body, too_large, unsupported
from .problems import problem_body
from .state import figures

_EXTRACT_REQUEST = ExtractRequestSchema()
_BATCH_REQUEST = BatchRequestSchema()
_DOCUMENT = DocumentSchema()


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
    size = utf8_size(text)
    if size > state.limits.max_text_bytes:
        raise too_large("text", size, state.limits.max_text_bytes)
    # One claim past the cap tells "too many" without reading the rest of the text.
    claims = extract(text, limit=state.limits.max_claims + 1)
    if len(claims) > state.limits.max_claims:
        raise RequestEntityTooLarge(
            f"The text holds more than {state.limits.max_claims} claims, the most one answer "
            "carries (FIGURES_MAX_CLAIMS): split it into smaller texts."
        )
    state.metrics.record_extraction(size, len(claims))
    return claims


def batch_result(document: object) -> dict:
    """Answer one batch document: its claims, or an error entry that spares the others.

    The entry has ``BatchResultSchema``'s shape, built directly (see ``dump_claim``).
    """
    try:
        loaded = load(_DOCUMENT, document)
        return {"id": loaded["id"], "claims": [dump_claim(c) for c in claims_of(loaded["text"])]}
    except HTTPException as error:
        return {"id": _id_of(document), "error": problem_body(error)}


def _id_of(document: object) -> str | None:
    """Echo a broken document's id when it has a usable one, so the client can match it."""
    if isinstance(document, dict) and isinstance(document.get("id"), str):
        return document["id"]
    return None
