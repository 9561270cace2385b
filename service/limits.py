"""Size limits, read from the environment so an operator can tune them without a rebuild.

The HTTP service and the batch job read the same ``FIGURES_MAX_TEXT_BYTES``; this module imports
neither Flask nor the batch code, so both take their defaults from here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

# The longest JSON escape of one byte of UTF-8 text ("\u0001"): a JSON body that carries a text
# of N bytes is at most 6 N bytes plus its envelope, so limits on texts bound the bodies too.
JSON_ESCAPE_FACTOR = 6
# Room for the JSON around the text(s): keys, ids, brackets, white space.
ENVELOPE_BYTES = 64 * 1024

# Keep in sync with docs/http.md "Limits".
DEFAULTS = {
    "FIGURES_MAX_TEXT_BYTES": 1_000_000,
    "FIGURES_MAX_BATCH_DOCUMENTS": 100,
    "FIGURES_MAX_BATCH_BYTES": 5_000_000,
    "FIGURES_MAX_CLAIMS": 50_000,
    "FIGURES_MAX_BATCH_CLAIMS": 50_000,
}


@dataclass(frozen=True, slots=True)
class Limits:
    """How much one request may ask of the extractor."""

    max_text_bytes: int  # UTF-8 size of one text (a single request or one batch document)
    max_batch_documents: int  # documents in one batch
    max_batch_bytes: int  # UTF-8 size of all the texts of one batch
    max_claims: int  # claims in the answer for one text: a megabyte of bare numbers is refused
    # Claims in the answer for one batch, so that it is bounded like one text's: the per-text
    # cap alone let 16 documents of 50 KB of "1 " (400,000 claims) make a 228 MB answer.
    max_batch_claims: int

    @classmethod
    def from_settings(cls, settings: Mapping[str, object]) -> Limits:
        """Read the limits from ``FIGURES_MAX_*`` settings, refusing anything but a positive int."""
        values = [
            _positive(name, settings.get(name, default)) for name, default in DEFAULTS.items()
        ]
        return cls(*values)

    @property
    def max_text_body_bytes(self) -> int:
        """The largest ``text/plain`` body: the text itself."""
        return self.max_text_bytes

    @property
    def max_json_body_bytes(self) -> int:
        """The largest JSON body of ``/v1/extract`` that can carry a text within the limit."""
        return self.max_text_bytes * JSON_ESCAPE_FACTOR + ENVELOPE_BYTES

    @property
    def max_batch_body_bytes(self) -> int:
        """The largest body of ``/v1/extract/batch`` that can carry texts within the limit."""
        return self.max_batch_bytes * JSON_ESCAPE_FACTOR + ENVELOPE_BYTES * 2

    @property
    def max_content_length(self) -> int:
        """Flask's ``MAX_CONTENT_LENGTH``: no endpoint reads a larger body."""
        return max(self.max_text_body_bytes, self.max_json_body_bytes, self.max_batch_body_bytes)


def _positive(name: str, raw: object) -> int:
    try:
        value = int(str(raw))
    except ValueError:
        raise ValueError(f"{name} must be a positive integer, not {raw!r}") from None
    if value <= 0:
        raise ValueError(f"{name} must be a positive integer, not {raw!r}")
    return value


def utf8_size(text: str) -> int:
    """Count the UTF-8 bytes of ``text``; a lone surrogate (legal in JSON) counts as three."""
    return len(text.encode("utf-8", "surrogatepass"))
