"""``POST /v1/extract`` and ``POST /v1/extract/batch``: load, call the core, dump."""

from flask import Blueprint, current_app

from schemas import (
    BatchRequestSchema,
    BatchResponseSchema,
    ExtractQuerySchema,
    ExtractRequestSchema,
    ExtractResponseSchema,
)

from .. import examples
from ..bodies import JSON, TEXT
from ..extraction import answer_text, batch_answer, batch_request, query_options, single_request
from ..openapi import BODY_ERRORS, documented

bp = Blueprint("extract", __name__)


@bp.post("/v1/extract")
@documented(
    tag="extraction",
    request={
        JSON: {"schema": ExtractRequestSchema, "example": examples.EXTRACT_REQUEST},
        f"{TEXT}; charset=utf-8": {"schema": {"type": "string"}, "example": examples.SEED_TEXT},
    },
    query=ExtractQuerySchema,
    responses={
        200: {
            "description": "The claims, in text order; none for a text without figures. "
            "With `?explain=true`, also `rejected`: the numbers that are not claims, and why.",
            "content": {
                JSON: {"schema": ExtractResponseSchema, "example": examples.extract_answer}
            },
        }
    },
    errors=BODY_ERRORS,
)
def extract_one():
    """Extract the claims of one text.

    Send `{"text": ..., "id": ..., "reference_date": ...}` as JSON, or the raw text as
    `text/plain; charset=utf-8`. Offsets count Unicode code points; `text == input[start:end]`
    for every claim.

    `reference_date` (YYYY-MM-DD), the text's own date, in the body or as the query parameter
    (the body's wins): each claim's `time.resolved` is counted from it; without one it is null.
    A bad date is a 422 naming the field or the parameter.

    `?explain=true` adds `rejected`: every number of the text that is not part of a claim, with
    the reason it is not one (a year, a date, a clock time, an ordinal, …), in text order. The
    claim cap (`FIGURES_MAX_CLAIMS`) bounds `rejected` too: over it, 413.
    """
    query = query_options()
    doc_id, text, reference_date = single_request()
    if reference_date is None:  # the body's own date wins over the query parameter
        reference_date = query.reference_date
    # The answer is ExtractResponseSchema's shape, written without it: see answer_text.
    return current_app.json.written(answer_text(doc_id, text, query.explain, reference_date))


@bp.post("/v1/extract/batch")
@documented(
    tag="extraction",
    request={JSON: {"schema": BatchRequestSchema, "example": examples.BATCH_REQUEST}},
    query=ExtractQuerySchema,
    responses={
        200: {
            "description": "One result per document, in order; a document over the text limit "
            "or the claim cap gets an error entry.",
            "content": {JSON: {"schema": BatchResponseSchema, "example": examples.batch_answer}},
        }
    },
    errors=BODY_ERRORS,
)
def extract_batch():
    """Extract the claims of several texts.

    A document that breaks the schema refuses the whole batch (422, with its messages under
    `errors.documents` and its index). A document over the text limit gets an `error` (a problem
    object) in place of `claims`, and the others are answered. Too many documents, or too much
    text in all, refuses the whole batch with 413; so do more claims in the answer than
    `FIGURES_MAX_BATCH_CLAIMS` (with `?explain=true`, claims and `rejected` entries together).
    With `?explain=true` each answered document gets `rejected` too, as in `POST /v1/extract`;
    one over the per-text cap gets a 413 error entry.

    Each document may carry its own `reference_date` (YYYY-MM-DD); the batch's
    `reference_date` is the default of those that do not, and the query parameter the default
    of the batch. A bad date, a document's or the batch default, is a 422.
    """
    query = query_options()
    documents, reference_date = batch_request()
    if reference_date is None:  # the batch's default wins over the query parameter
        reference_date = query.reference_date
    return batch_answer(documents, query.explain, reference_date)
