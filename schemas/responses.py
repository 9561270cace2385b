"""Response body schemas (dump only: the service never reads them back)."""

from marshmallow import Schema, fields

from .claims import ClaimSchema
from .problems import ProblemSchema


class ExtractResponseSchema(Schema):
    """The claims of one text, in text order."""

    id = fields.String(required=True, allow_none=True, metadata={"description": "As sent."})
    claims = fields.List(fields.Nested(ClaimSchema), required=True)


class BatchResultSchema(Schema):
    """One document's answer: its claims, or the problem that kept it from being read."""

    id = fields.String(required=True, allow_none=True, metadata={"description": "As sent."})
    claims = fields.List(fields.Nested(ClaimSchema), metadata={"description": "Absent on error."})
    error = fields.Nested(ProblemSchema, metadata={"description": "Present only on error."})


class BatchResponseSchema(Schema):
    """One result per document, in the order they were sent."""

    results = fields.List(fields.Nested(BatchResultSchema), required=True)


class HealthSchema(Schema):
    """A probe's answer."""

    status = fields.String(required=True, metadata={"example": "ok"})
