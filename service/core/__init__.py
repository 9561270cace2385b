"""The extraction core: a pure library (no HTTP, no schema library), usable in batch jobs.

``extract(text)`` returns every numeric claim in English text as immutable ``Claim`` values;
``explain(text)`` also says why each number left out is not a claim.
"""

from .extractor import explain, extract, warm
from .model import (
    Claim,
    Explanation,
    ExtractionError,
    ExtractionTimeout,
    Normalized,
    Rejection,
    Span,
    Unit,
)
from .time_limit import time_limit

__all__ = [
    "Claim",
    "Explanation",
    "ExtractionError",
    "ExtractionTimeout",
    "Normalized",
    "Rejection",
    "Span",
    "Unit",
    "explain",
    "extract",
    "time_limit",
    "warm",
]
