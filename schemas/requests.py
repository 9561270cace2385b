"""Request schemas; unknown fields of a body are refused (marshmallow's default ``RAISE``).

The query string's schema is read for the parameters it names; others are ignored.
"""

from marshmallow import Schema, fields, validate

MAX_ID_LENGTH = 256
# The values ``?explain=`` takes, as OpenAPI writes a boolean in a query string.
TRUE, FALSE = "true", "false"


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


class DocumentSchema(Schema):
    """One text of a batch."""

    id = _id_field()
    text = fields.String(required=True, metadata={"description": "The text, possibly empty."})


class DeferredNested(fields.Nested):
    """Document a nested schema but load the raw value.

    The view validates each batch document on its own, so that one bad document gets an error
    entry instead of failing the whole batch.
    """

    def _deserialize(self, value, attr, data, partial=None, **kwargs):
        return value


class BatchRequestSchema(Schema):
    """Several texts, answered in the same order."""

    documents = fields.List(DeferredNested(DocumentSchema), required=True)


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
