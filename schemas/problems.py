"""The RFC 9457 problem details body that every error response carries."""

from marshmallow import Schema, fields


class ProblemSchema(Schema):
    """An RFC 9457 problem: ``application/problem+json``."""

    type = fields.String(
        required=True,
        metadata={"description": 'Always "about:blank": the status says what went wrong.'},
    )
    title = fields.String(required=True, metadata={"description": "The HTTP status phrase."})
    status = fields.Integer(required=True, metadata={"description": "The HTTP status code."})
    detail = fields.String(required=True, metadata={"description": "What to fix, for a person."})
    # No example here: Swagger UI would show it in every status's made-up example. Each error
    # response of the document carries a true example of its own (service/http/examples.py).
    errors = fields.Dict(
        keys=fields.String(),
        metadata={
            "description": "Only on 422: the messages for each offending field, by field name; "
            "a batch's bad documents under `documents`, then each one's index.",
        },
    )
