"""Response body schemas (dump only: the service never reads them back)."""

from marshmallow import Schema, fields

from .claims import ClaimSchema
from .problems import ProblemSchema
from .rejections import RejectionSchema

_REJECTED = (
    "Only with `?explain=true`: every number of the text that is not a claim, with the reason, "
    "in text order; none overlaps a claim."
)


class ExtractResponseSchema(Schema):
    """The claims of one text, in text order."""

    id = fields.String(required=True, allow_none=True, metadata={"description": "As sent."})
    claims = fields.List(fields.Nested(ClaimSchema), required=True)
    rejected = fields.List(fields.Nested(RejectionSchema), metadata={"description": _REJECTED})


class BatchResultSchema(Schema):
    """One document's answer: its claims, or the problem that kept it from being read."""

    id = fields.String(required=True, allow_none=True, metadata={"description": "As sent."})
    claims = fields.List(fields.Nested(ClaimSchema), metadata={"description": "Absent on error."})
    rejected = fields.List(
        fields.Nested(RejectionSchema),
        metadata={"description": _REJECTED + " Absent on error."},
    )
    error = fields.Nested(ProblemSchema, metadata={"description": "Present only on error."})


class BatchResponseSchema(Schema):
    """One result per document, in the order they were sent."""

    results = fields.List(fields.Nested(BatchResultSchema), required=True)


class HealthSchema(Schema):
    """A probe's answer."""

    status = fields.String(required=True, metadata={"example": "ok"})
