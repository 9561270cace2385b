"""Turn model values (``Claim``) into plain dicts, with functions written once from the shape.

Why generated code: the HTTP answer and the batch rows convert every claim on the hot path,
and a generic walk is slow there: ``dataclasses.asdict`` measured 12 times slower than a dict
display written out field by field (a quarter of the batch's extraction time), marshmallow's
dump 20 µs a claim against about 1 µs (docs/performance.md). So ``converter`` and
``list_converter`` write that dict display from ``service.shape`` (as ``dataclasses`` writes
``__init__``) and compile it once at import: it runs as fast as the hand-written code it
replaces, and follows every field added to the model. A generated function's ``__doc__`` is
its source: ``print(rows._claim_rows.__doc__)``.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from typing import Any

from .shape import Field, Shape, shape_of


def converter(model: type, *, floats: bool = False) -> Callable[[Any], dict[str, Any]]:
    """Return ``f(value) -> dict`` holding every field of ``model``, in declaration order.

    Nested dataclasses become nested dicts (None stays None).

    :param floats: write float fields as ``float(x)``, as marshmallow's ``fields.Float`` dumps
        them (an int the core gives where the model says float becomes ``2.0`` in JSON);
        False keeps the values as the core made them.
    """
    items = _items(shape_of(model), "value", floats, itertools.count())
    body = "".join(f"        {item},\n" for item in items)
    return _compile(model, "def convert(value):\n    return {\n" + body + "    }\n")


def list_converter(
    model: type, *, leading: Sequence[str] = (), position: str = "", floats: bool = False
) -> Callable[..., list[dict[str, Any]]]:
    """Return ``f(values, *leading_values) -> list[dict]``, one dict per value, as ``converter``.

    A whole list rather than a call of ``converter`` per value: the call alone made the batch
    rows a few per cent slower than the hand-written comprehension (10k claims of 1 MB).

    :param leading: keys put first in every dict, their values the further arguments (``"id"``).
    :param position: if given, the key put next, of the value's index in ``values``.
    """
    arguments = [f"_a{index}" for index in range(len(leading))]
    items = [f"{key!r}: {argument}" for key, argument in zip(leading, arguments, strict=True)]
    items += [f"{position!r}: _position"] if position else []
    items += _items(shape_of(model), "value", floats, itertools.count())
    parameters = "".join(f", {argument}" for argument in arguments)
    body = "".join(f"            {item},\n" for item in items)
    return _compile(
        model,
        f"def convert(values{parameters}):\n"
        f"    return [\n        {{\n{body}        }}\n"
        "        for _position, value in enumerate(values)\n    ]\n",
    )


def _compile(model: type, source: str) -> Callable[..., Any]:
    """Compile the generated ``convert``; its ``__doc__`` is its source, to read or debug."""
    namespace: dict[str, Any] = {}
    exec(compile(source, f"<converter of {model.__name__}>", "exec"), namespace)
    function = namespace["convert"]
    function.__doc__ = source
    return function


def _items(
    shape: Shape, owner: str, floats: bool, names: itertools.count, first: str = ""
) -> list[str]:
    """Write ``'name': expression`` for each field of ``shape``, read from the variable ``owner``.

    :param first: how the first field reads ``owner`` when it is not yet bound (a walrus).
    """
    readers = [first or owner, *[owner] * (len(shape.fields) - 1)]
    return [
        f"{field.name!r}: {_expression(field, reader, floats, names)}"
        for field, reader in zip(shape.fields, readers, strict=False)
    ]


def _expression(field: Field, owner: str, floats: bool, names: itertools.count) -> str:
    """Write the expression of one field's value, each attribute read once."""
    read = f"{owner}.{field.name}"
    if field.nested is None:
        if not (floats and field.type is float):
            return read
        if not field.nullable:
            return f"float({read})"
        local = f"_v{next(names)}"
        return f"(None if ({local} := {read}) is None else float({local}))"
    local = f"_v{next(names)}"
    if not field.nullable:  # bind the nested value where its first field reads it
        return (
            "{"
            + ", ".join(_items(field.nested, local, floats, names, f"({local} := {read})"))
            + "}"
        )
    made = "{" + ", ".join(_items(field.nested, local, floats, names)) + "}"
    return f"(None if ({local} := {read}) is None else {made})"
