"""The extraction core: a pure library (no HTTP, no schema library), usable in batch jobs."""

from .model import Claim, ExtractionError, Normalized, Span, Unit

__all__ = ["Claim", "ExtractionError", "Normalized", "Span", "Unit"]
