"""Marshmallow schemas derived from a model dataclass: one schema class per dataclass.

The core's field names, order, types and nullability are the public contract, so the schemas
take them from ``service.core.model`` (through ``service.shape``) rather than repeat them:
str, int, float and bool become ``String``, ``Integer``, ``Float`` and ``Boolean``, a
``Literal`` a ``String`` with ``OneOf`` (an ``enum`` in OpenAPI), a dataclass ``Nested``;
``X | None`` allows null. Every field is required, as every claim has every field. What the
OpenAPI document says of a field (description, example) comes from a table beside the schemas
(``claims.ABOUT``), checked against the model by ``tests/test_shape.py``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from marshmallow import Schema, fields, validate

from service.shape import Field, Shape, shape_of

# For each model, for each of its fields: a description, or the field's OpenAPI metadata.
About = Mapping[type, Mapping[str, str | Mapping[str, Any]]]

_SCALARS: dict[type, type[fields.Field]] = {
    str: fields.String,
    int: fields.Integer,
    float: fields.Float,
    bool: fields.Boolean,
}


def schemas_of(model: type, about: About) -> dict[type, type[Schema]]:
    """Return a schema class named ``<Model>Schema`` for ``model`` and each nested dataclass.

    Each dataclass gets one class, however often it is nested (``Span`` for ``entity`` and
    ``sentence``), so that the OpenAPI document has one component for it.
    """
    made: dict[type, type[Schema]] = {}

    def schema(shape: Shape) -> type[Schema]:
        if shape.model not in made:
            said = about.get(shape.model, {})
            declared = {f.name: _field(f, said.get(f.name), schema) for f in shape.fields}
            made[shape.model] = Schema.from_dict(declared, name=f"{shape.model.__name__}Schema")
            made[shape.model].__doc__ = shape.model.__doc__
        return made[shape.model]

    schema(shape_of(model))
    return made


def _field(field: Field, said: str | Mapping[str, Any] | None, schema) -> fields.Field:
    """Return the marshmallow field of one model field."""
    options: dict[str, Any] = {"required": True}
    if field.nullable:
        options["allow_none"] = True
    if field.choices:
        options["validate"] = validate.OneOf(field.choices)
    if said is not None:
        options["metadata"] = {"description": said} if isinstance(said, str) else dict(said)
    if field.nested is not None:
        return fields.Nested(schema(field.nested), **options)
    return _SCALARS[field.type](**options)
