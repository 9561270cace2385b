"""The keys an expected claim of the case tables may give, read from the claim model.

A key names one scalar of the model by its path, joined with "_" (``unit_name``,
``normalized_value``). A ``Span`` stands for its text (``entity``: the entity's words, not
where they are), since a case says what was found. A key's value is None when an object on its
path is None (``"unit_name": null`` means ``claim.unit is None``). So a field added to
``Claim`` is a key the tables may use at once, checked for its type like the others.
"""

from __future__ import annotations

from dataclasses import dataclass

from service.core.model import Span
from service.shape import Shape, shape_of


@dataclass(frozen=True, slots=True)
class Key:
    """One key of an expected claim: where it reads the claim, and what it may hold."""

    path: tuple[str, ...]  # the attributes to follow from the claim
    type: type  # str, int, float or bool
    choices: tuple[str, ...]  # a Literal's values; () for any
    nullable: bool  # something on the path may be None
    span: bool  # the text of a Span: it must occur in the row's text


def keys_of(model: type) -> dict[str, Key]:
    """Return every key of ``model``, by name, in field order."""
    return dict(_keys(shape_of(model), (), False))


def _keys(shape: Shape, path: tuple[str, ...], nullable: bool):
    for field in shape.fields:
        where, maybe = (*path, field.name), nullable or field.nullable
        if field.type is Span:
            yield "_".join(where), Key((*where, "text"), str, (), maybe, True)
        elif field.nested is not None:
            yield from _keys(field.nested, where, maybe)
        else:
            yield "_".join(where), Key(where, field.type, field.choices, maybe, False)


def observe(claim: object, key: Key) -> object:
    """Read ``key`` from ``claim``: None as soon as an object on its path is None."""
    value = claim
    for name in key.path:
        if value is None:
            return None
        value = getattr(value, name)
    return value
