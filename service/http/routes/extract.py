"""``POST /v1/extract`` and ``POST /v1/extract/batch``: load, call the core, dump."""

from flask import Blueprint

from schemas import (
    BatchRequestSchema,
    BatchResponseSchema,
    ExtractQuerySchema,
    ExtractRequestSchema,
    ExtractResponseSchema,
)

from ..bodies import JSON, TEXT
from ..extraction import answer_of, batch_request, batch_result, explain_requested, single_request
from ..openapi import BODY_ERRORS, documented

bp = Blueprint("extract", __name__)

_EXAMPLE = "Officials said about 3,000 people fled, more than 40% of the town."


@bp.post("/v1/extract")
@documented(
    tag="extraction",
    request={
        JSON: {"schema": ExtractRequestSchema, "example": {"id": "a1", "text": _EXAMPLE}},
        f"{TEXT}; charset=utf-8": {"schema": {"type": "string"}, "example": _EXAMPLE},
    },
    query=ExtractQuerySchema,
    responses={
        200: {
            "description": "The claims, in text order; none for a text without figures. "
            "With `?explain=true`, also `rejected`: the numbers that are not claims, and why.",
            "content": {JSON: {"schema": ExtractResponseSchema}},
        }
    },
    errors=BODY_ERRORS,
)
def extract_one():
    """Extract the claims of one text.

    Send `{"text": ..., "id": ...}` as JSON, or the raw text as `text/plain; charset=utf-8`.
    Offsets count Unicode code points; `text == input[start:end]` for every claim.

    `?explain=true` adds `rejected`: every number of the text that is not part of a claim, with
    the reason it is not one (a year, a date, a clock time, an ordinal, …), in text order. The
    claim cap (`FIGURES_MAX_CLAIMS`) bounds `rejected` too: over it, 413.
    """
    explain = explain_requested()
    doc_id, text = single_request()
    # The answer is ExtractResponseSchema's shape, built without it: see dump_claim.
    return {"id": doc_id, **answer_of(text, explain)}


@bp.post("/v1/extract/batch")
@documented(
    tag="extraction",
    request={JSON: {"schema": BatchRequestSchema}},
    query=ExtractQuerySchema,
    responses={
        200: {
            "description": "One result per document, in order; a bad document gets an error.",
            "content": {JSON: {"schema": BatchResponseSchema}},
        }
    },
    errors=BODY_ERRORS,
)
def extract_batch():
    """Extract the claims of several texts.

    A document that breaks the schema or is over the text limit gets an `error` (a problem
    object) in place of `claims`, and the others are answered. Too many documents, or too much
    text in all, refuses the whole batch with 413. With `?explain=true` each answered document
    gets `rejected` too, as in `POST /v1/extract`; one over the cap gets a 413 error entry.
    """
    explain = explain_requested()
    documents = batch_request()
    return {"results": [batch_result(document, explain) for document in documents]}
