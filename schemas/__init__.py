"""Marshmallow schemas of the HTTP API: they import marshmallow, the core and nothing else.

The claim's schemas and dump derive from the core's model through ``service.shape`` and
``service.dicts`` (pure Python, no framework).
"""

from .claims import (
    ClaimSchema,
    NormalizedSchema,
    SpanSchema,
    UnitSchema,
    dump_claim,
    write_claim,
    write_claims,
)
from .problems import ProblemSchema
from .rejections import RejectionSchema, dump_rejection, write_rejection, write_rejections
from .requests import (
    MAX_ID_LENGTH,
    BatchRequestSchema,
    DocumentSchema,
    ExtractQuerySchema,
    ExtractRequestSchema,
)
from .responses import (
    BatchResponseSchema,
    BatchResultSchema,
    ExtractResponseSchema,
    HealthSchema,
)

__all__ = [
    "MAX_ID_LENGTH",
    "BatchRequestSchema",
    "BatchResponseSchema",
    "BatchResultSchema",
    "ClaimSchema",
    "DocumentSchema",
    "ExtractQuerySchema",
    "ExtractRequestSchema",
    "ExtractResponseSchema",
    "HealthSchema",
    "NormalizedSchema",
    "ProblemSchema",
    "RejectionSchema",
    "SpanSchema",
    "UnitSchema",
    "dump_claim",
    "dump_rejection",
    "write_claim",
    "write_claims",
    "write_rejection",
    "write_rejections",
]
