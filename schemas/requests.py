"""Request body schemas; unknown fields are refused (marshmallow's default ``RAISE``)."""

from marshmallow import Schema, fields, validate

MAX_ID_LENGTH = 256


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
