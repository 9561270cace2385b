"""Request schemas; unknown fields of a body are refused (marshmallow's default ``RAISE``).

The query string's schema is read for the parameters it names; others are ignored.
"""

import re
from datetime import date
from typing import ClassVar

from marshmallow import Schema, fields, validate

MAX_ID_LENGTH = 256
# The values ``?explain=`` takes, as OpenAPI writes a boolean in a query string.
TRUE, FALSE = "true", "false"
# A reference date as the API takes it: exactly YYYY-MM-DD (RFC 3339 full-date), ASCII digits.
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
NOT_A_DATE = "Not a valid date: give a real day as YYYY-MM-DD."


class ReferenceDate(fields.Date):
    """A calendar day written exactly ``YYYY-MM-DD``; loads as a ``datetime.date``.

    Stricter than ``fields.Date``, whose ``date.fromisoformat`` also takes ``20240331`` and
    ``2024-W13-7``: the OpenAPI document says ``format: date`` (RFC 3339), and that is all.
    """

    default_error_messages: ClassVar[dict[str, str]] = {"invalid": NOT_A_DATE, "format": NOT_A_DATE}

    def _deserialize(self, value, attr, data, **kwargs) -> date:
        if not isinstance(value, str) or not ISO_DATE.fullmatch(value):
            raise self.make_error("invalid")
        return super()._deserialize(value, attr, data, **kwargs)


def _reference_date_field(description: str) -> ReferenceDate:
    return ReferenceDate(
        allow_none=True,
        load_default=None,
        metadata={"description": description, "example": "2017-10-14"},
    )


_REFERENCE_DATE = (
    "The text's own date (its dateline), YYYY-MM-DD: each claim's `time.resolved` gives the "
    'days its time stands for ("last year", "on Friday") counted from it. '
)


def _id_field() -> fields.String:
    return fields.String(
        allow_none=True,
        load_default=None,
        validate=validate.Length(max=MAX_ID_LENGTH),
        metadata={"description": "The client's own name for the text, echoed in the answer."},
    )


class ExtractRequestSchema(Schema):
    """One text to extract claims from."""

    text = fields.String(required=True, metadata={"description": "The text, possibly empty."})
    id = _id_field()
    reference_date = _reference_date_field(
        _REFERENCE_DATE + "Absent or null: the `reference_date` query parameter, if given; "
        "else no time is resolved (`time.resolved` is null)."
    )


class DocumentSchema(Schema):
    """One text of a batch."""

    id = _id_field()
    text = fields.String(required=True, metadata={"description": "The text, possibly empty."})
    reference_date = _reference_date_field(
        _REFERENCE_DATE + "Absent or null: the batch's `reference_date`, else the query "
        "parameter's. A bad value refuses the whole batch (422)."
    )


class DeferredNested(fields.Nested):
    """Document a nested schema but load the raw value, null included.

    The view checks the number of batch documents before it reads any, then loads each with
    ``DocumentSchema`` and names every bad one (a null document too) in one 422.
    """

    def deserialize(self, value, attr=None, data=None, **kwargs):
        """Return ``value`` as sent, for the view to load."""
        return value


class BatchRequestSchema(Schema):
    """Several texts, answered in the same order."""

    documents = fields.List(DeferredNested(DocumentSchema), required=True)
    reference_date = _reference_date_field(
        "The date, YYYY-MM-DD, of every document that gives none of its own (a document's "
        "own `reference_date` wins). Absent or null: the `reference_date` query parameter, if "
        "given. A bad value refuses the whole batch (422)."
    )


class ExtractQuerySchema(Schema):
    """The query string of both extraction endpoints; other parameters are ignored."""

    explain = fields.Boolean(
        load_default=False,
        truthy={TRUE},
        falsy={FALSE},
        error_messages={"invalid": f'Must be "{TRUE}" or "{FALSE}", given once.'},
        metadata={
            "description": "`true`: add `rejected`, every number of the text that is not a "
            "claim with the reason why (a year, a date, a clock time, an ordinal, …). "
            "`false` or absent: no `rejected` key. Any other value is a 422."
        },
    )
    reference_date = ReferenceDate(
        error_messages={"invalid": "Must be a real day as YYYY-MM-DD, given once."},
        metadata={
            "description": "The texts' date, YYYY-MM-DD, for a `text/plain` body (which has no "
            "field to carry it), or for every JSON text that gives no `reference_date` of its "
            "own (the body's field wins). Each claim's `time.resolved` is counted from it. "
            "Absent: no time is resolved. A bad value is a 422.",
            "example": "2017-10-14",
        },
    )
