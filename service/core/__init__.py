"""The extraction core: a pure library (no HTTP, no schema library), usable in batch jobs.

``extract(text)`` returns every numeric claim in English text as immutable ``Claim`` values;
``explain(text)`` returns them with every number left out and the reason it is not a claim.
"""

from .explaining import explain
from .extractor import extract, warm
from .model import Claim, Explanation, ExtractionError, Normalized, Rejection, Span, Unit

__all__ = [
    "Claim",
    "Explanation",
    "ExtractionError",
    "Normalized",
    "Rejection",
    "Span",
    "Unit",
    "explain",
    "extract",
    "warm",
]
