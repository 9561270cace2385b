"""The extraction core: a pure library (no HTTP, no schema library), usable in batch jobs.

``extract(text)`` returns every numeric claim in English text as immutable ``Claim`` values.
"""

from .extractor import extract, warm
from .model import Claim, ExtractionError, Normalized, Span, Unit

__all__ = ["Claim", "ExtractionError", "Normalized", "Span", "Unit", "extract", "warm"]
