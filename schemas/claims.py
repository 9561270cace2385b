"""Response schemas that mirror ``service.core.model`` field for field.

The core's field names are the public contract, so these schemas add no field and rename none;
``tests/test_http_extract.py`` checks that they match the dataclasses. Keep in sync with
``service/core/model.py``.
"""

from typing import get_args

from marshmallow import Schema, fields, validate

from service.core.model import Claim, Kind, Relation


class SpanSchema(Schema):
    """A located piece of the input: ``input[start:end] == text`` (offsets in code points)."""

    text = fields.String(required=True, metadata={"description": "The exact characters."})
    start = fields.Integer(required=True, metadata={"description": "Offset of the first one."})
    end = fields.Integer(required=True, metadata={"description": "Offset one past the last."})


class UnitSchema(Schema):
    """The unit as stated in the text."""

    name = fields.String(required=True, metadata={"description": 'e.g. "kilometre"'})
    symbol = fields.String(required=True, allow_none=True, metadata={"description": 'e.g. "km"'})
    dimension = fields.String(required=True, metadata={"description": 'e.g. "length"'})
    surface = fields.String(required=True, metadata={"description": "The unit as written."})


class NormalizedSchema(Schema):
    """The claim in SI base or coherent derived units; currencies as ISO 4217 codes."""

    value = fields.Float(required=True, allow_none=True, metadata={"description": "null: range"})
    low = fields.Float(required=True, allow_none=True, metadata={"description": "null: open"})
    high = fields.Float(required=True, allow_none=True, metadata={"description": "null: open"})
    unit = fields.String(required=True, metadata={"description": '"m", "kg", "USD", "%", …'})


class ClaimSchema(Schema):
    """One numeric claim: an amount of something, with where it stands in the text."""

    text = fields.String(required=True, metadata={"description": "input[start:end]"})
    start = fields.Integer(
        required=True, metadata={"description": "Offset of the first code point."}
    )
    end = fields.Integer(required=True, metadata={"description": "Offset one past the last."})
    value = fields.Float(
        required=True, allow_none=True, metadata={"description": "The stated number; null: range."}
    )
    low = fields.Float(
        required=True, allow_none=True, metadata={"description": "Lower bound; null when open."}
    )
    high = fields.Float(
        required=True, allow_none=True, metadata={"description": "Upper bound; null when open."}
    )
    relation = fields.String(required=True, validate=validate.OneOf(get_args(Relation)))
    approximate = fields.Boolean(required=True, metadata={"description": 'Hedged ("about").'})
    unit = fields.Nested(UnitSchema, required=True, allow_none=True)
    normalized = fields.Nested(NormalizedSchema, required=True, allow_none=True)
    entity = fields.Nested(
        SpanSchema,
        required=True,
        allow_none=True,
        metadata={"description": "The counted or measured thing, when the sentence names it."},
    )
    kind = fields.String(required=True, validate=validate.OneOf(get_args(Kind)))
    sentence = fields.Nested(SpanSchema, required=True)


def dump_claim(claim: Claim) -> dict:
    """Return ``ClaimSchema().dump(claim)``, built directly: the same keys, order and values.

    Why not the schema: marshmallow walks 30 field objects per claim, 20 µs each time, which
    was a seventh of a 3 KB request's cost in ``benchmarks.perf`` and most of what kept its p99
    above five times ``/healthz``'s. The schemas stay the contract (OpenAPI, validation);
    ``tests/test_http_extract.py`` checks this twin against ``ClaimSchema`` on every claim of
    the case tables, so a field added to one and not the other fails there.
    """
    unit, normalized, entity, sentence = (
        claim.unit,
        claim.normalized,
        claim.entity,
        claim.sentence,
    )
    return {
        "text": claim.text,
        "start": claim.start,
        "end": claim.end,
        "value": _float(claim.value),
        "low": _float(claim.low),
        "high": _float(claim.high),
        "relation": claim.relation,
        "approximate": claim.approximate,
        "unit": None
        if unit is None
        else {
            "name": unit.name,
            "symbol": unit.symbol,
            "dimension": unit.dimension,
            "surface": unit.surface,
        },
        "normalized": None
        if normalized is None
        else {
            "value": _float(normalized.value),
            "low": _float(normalized.low),
            "high": _float(normalized.high),
            "unit": normalized.unit,
        },
        "entity": None
        if entity is None
        else {"text": entity.text, "start": entity.start, "end": entity.end},
        "kind": claim.kind,
        "sentence": {"text": sentence.text, "start": sentence.start, "end": sentence.end},
    }


def _float(number: float | None) -> float | None:
    """As ``fields.Float`` dumps: None stays None, an int becomes a float ("2.0" in JSON)."""
    return None if number is None else float(number)
