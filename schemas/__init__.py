"""Marshmallow schemas of the HTTP API: they import only marshmallow and the core's types."""

from .claims import ClaimSchema, NormalizedSchema, SpanSchema, UnitSchema, dump_claim
from .problems import ProblemSchema
from .requests import BatchRequestSchema, DocumentSchema, ExtractRequestSchema
from .responses import (
    BatchResponseSchema,
    BatchResultSchema,
    ExtractResponseSchema,
    HealthSchema,
)

__all__ = [
    "BatchRequestSchema",
    "BatchResponseSchema",
    "BatchResultSchema",
    "ClaimSchema",
    "DocumentSchema",
    "ExtractRequestSchema",
    "ExtractResponseSchema",
    "HealthSchema",
    "NormalizedSchema",
    "ProblemSchema",
    "SpanSchema",
    "UnitSchema",
    "dump_claim",
]
