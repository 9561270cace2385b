"""The shape of a model dataclass (``Claim`` and its parts), read once from its annotations.

``service.core.model`` is the one source of truth for what a claim holds. Everything that
writes a claim out derives from the shape read here instead of listing the fields again:
the marshmallow schemas (``schemas.claims``), the HTTP dump and the batch rows (``dicts``),
the Parquet and Spark schemas (``service.batch``). A field added to ``Claim`` then reaches
every output, and a field of a type no output can carry fails here, at import, by name.

Pure Python, no library: the core may not know about any of its writers.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass
from functools import cache

# The leaf types every output knows how to carry.
SCALARS = (str, int, float, bool)


@dataclass(frozen=True, slots=True)
class Field:
    """One field of a model: its name, what it holds and whether it may be None."""

    name: str
    type: type  # one of SCALARS, or a dataclass (then ``nested`` is its shape)
    nullable: bool  # annotated ``X | None``
    choices: tuple[str, ...] = ()  # the values of a ``Literal[...]`` (then ``type`` is str)
    nested: Shape | None = None  # the shape of a dataclass-typed field


@dataclass(frozen=True, slots=True)
class Shape:
    """A dataclass's fields, in declaration order (the order of every output)."""

    model: type
    fields: tuple[Field, ...]

    @property
    def names(self) -> tuple[str, ...]:
        """The field names, in order."""
        return tuple(field.name for field in self.fields)


@cache
def shape_of(model: type) -> Shape:
    """Read ``model``'s fields and their annotations, recursively for nested dataclasses.

    :raises TypeError: on a field type no output can carry (say what to support first).
    """
    if not dataclasses.is_dataclass(model):
        raise TypeError(f"{model!r} is not a dataclass")
    hints = typing.get_type_hints(model)  # resolves ``from __future__ import annotations``
    return Shape(
        model, tuple(_field(model, f.name, hints[f.name]) for f in dataclasses.fields(model))
    )


def _field(model: type, name: str, annotation: object) -> Field:
    nullable = False
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        others = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        nullable = len(others) < len(typing.get_args(annotation))
        if len(others) != 1:
            raise TypeError(f"{model.__name__}.{name}: only 'X | None' unions are supported")
        annotation = others[0]
    if typing.get_origin(annotation) is typing.Literal:
        choices = typing.get_args(annotation)
        if not all(isinstance(choice, str) for choice in choices):
            raise TypeError(f"{model.__name__}.{name}: only Literals of strings are supported")
        return Field(name, str, nullable, choices=choices)
    if annotation in SCALARS:
        return Field(name, annotation, nullable)
    if isinstance(annotation, type) and dataclasses.is_dataclass(annotation):
        return Field(name, annotation, nullable, nested=shape_of(annotation))
    raise TypeError(
        f"{model.__name__}.{name}: {annotation!r} is not str, int, float, bool, a Literal of "
        "strings or a dataclass (optionally '| None'); teach service/shape.py and its writers first"
    )
