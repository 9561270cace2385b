"""The schema of a number left out (``?explain=true``): ``service.core.model.Rejection``.

The reason codes and their meanings come from ``service.core.reasons.REASONS`` alone, so the
OpenAPI enum, its description and the README's table cannot drift apart.
"""

from marshmallow import Schema, fields, validate

from service.core.model import Rejection
from service.core.reasons import REASONS
from service.json_text import json_texts, json_writer

REASON_DESCRIPTION = "Why the number is not a claim:\n\n" + "\n".join(
    f"- `{code}`: {meaning}" for code, meaning in REASONS.items()
)


class RejectionSchema(Schema):
    """A number of the input that is not a claim, and why; ``input[start:end] == text``."""

    text = fields.String(
        required=True,
        metadata={"description": "input[start:end]: the number, or the whole date or time."},
    )
    start = fields.Integer(
        required=True, metadata={"description": "Offset of the first code point."}
    )
    end = fields.Integer(required=True, metadata={"description": "Offset one past the last."})
    reason = fields.String(
        required=True,
        validate=validate.OneOf(list(REASONS)),
        metadata={"description": REASON_DESCRIPTION},
    )


def dump_rejection(rejection: Rejection) -> dict:
    """Return ``RejectionSchema().dump(rejection)``, built directly (as ``dump_claim``)."""
    return {
        "text": rejection.text,
        "start": rejection.start,
        "end": rejection.end,
        "reason": rejection.reason,
    }


# The JSON text of dump_rejection(rejection), compact, without the dict (as write_claim).
write_rejection = json_writer(Rejection)
write_rejections = json_texts(Rejection)  # of each of many, as write_claims
