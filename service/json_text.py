"""Write model values (``Claim``) straight to JSON text, with functions written once from the shape.

Why: ``POST /v1/extract`` turned every claim into a dict (``service.dicts``) and then the dicts
into JSON (``json.dumps``, through Flask's provider): about 200 µs for the 29 claims of a 3 KB
article, a twentieth of the request, spent walking each field twice. ``json_writer`` writes,
as ``service.dicts`` does, one function per model from ``service.shape`` and compiles it once
at import: one f-string per object, the keys and punctuation already in its literal parts, so
that a claim costs one call and no dict (about half the time of the two steps; see
docs/performance.md, "HTTP"). A generated function's ``__doc__`` is its source.

The text is exactly what ``json.dumps`` writes of ``converter(model, floats=True)(value)`` with
Flask's compact settings (``separators=(",", ":")``, ``ensure_ascii=True``, ``allow_nan=False``):
strings through the encoder's own C function, floats as ``float.__repr__`` (an int the core
gives where the model says float becomes ``2.0``, as marshmallow's ``fields.Float`` dumps it),
a NaN or an infinity a ``ValueError`` as ``json.dumps`` raises. ``tests/test_json_text.py``
holds it to that, byte for byte, on every claim of the case tables.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable, Iterable
from json.encoder import encode_basestring_ascii
from typing import Any

from .shape import Field, Shape, shape_of

# The reprs of the floats JSON has no way to write (RFC 8259): json.dumps(allow_nan=False) refuses.
_NONFINITE = frozenset({"nan", "inf", "-inf"})
_BOOLEANS = {True: "true", False: "false"}  # a non-bool in a bool field: KeyError, never a guess


# Values written to one string before it joins the answer: see json_parts.
_RUN = 64


def _nonfinite(shown: str) -> str:
    raise ValueError(f"Out of range float values are not JSON compliant: {shown}")


# What the generated functions call, by the names they call it.
_NAMESPACE = {
    "_str": encode_basestring_ascii,  # the quoted, escaped string json.dumps writes
    "_int": int.__repr__,
    "_float": float.__repr__,
    "_bools": _BOOLEANS,
    "_NONFINITE": _NONFINITE,
    "_nonfinite": _nonfinite,
}


def json_writer(model: type) -> Callable[[Any], str]:
    """Return ``f(value) -> str``, the compact JSON object of every field of ``model``, in order."""
    lines: list[str] = []
    made = _object(shape_of(model), "value", lines, itertools.count(), "    ")
    source = "def write(value):\n" + "".join(lines) + f"    return {made}\n"
    namespace = dict(_NAMESPACE)
    exec(compile(source, f"<JSON writer of {model.__name__}>", "exec"), namespace)
    function = namespace["write"]
    function.__doc__ = source
    return function


def json_array(write: Callable[[Any], str], values: Iterable[Any]) -> str:
    """Return the compact JSON array of ``values``, each written by ``write``."""
    parts: list[str] = []
    json_parts(write, values, parts)
    return "".join(parts)


def json_parts(write: Callable[[Any], str], values: Iterable[Any], parts: list[str]) -> None:
    """Append the pieces of the compact JSON array of ``values`` to ``parts``, to join once.

    Why pieces, each of ``_RUN`` values already joined: an answer of 1 MB of text is about
    5.5 MB of JSON; joining each array and then the answer around it held two or three copies
    of it at once, and keeping one string per value until the end held thousands of blocks
    the allocator could not give back (together about 10 MB of a worker's peak RSS).
    """
    parts.append("[")
    run: list[str] = []
    for value in values:
        run.append(write(value))
        if len(run) == _RUN:
            parts.append(",".join(run))
            parts.append(",")
            run.clear()
    if run:
        parts.append(",".join(run))
    elif parts[-1] == ",":
        parts.pop()
    parts.append("]")


def json_string(value: str | None) -> str:
    """Return ``json.dumps(value)`` of a string or None, as the writers write strings."""
    return "null" if value is None else encode_basestring_ascii(value)


def _object(shape: Shape, owner: str, lines: list[str], names: itertools.count, pad: str) -> str:
    """Write an f-string of ``shape``'s object read from ``owner``; nested ones go to ``lines``.

    A nested object is built by statements before the f-string that uses it (a nullable one
    under an ``if``), so that no f-string nests in another one.
    """
    parts = []
    for index, field in enumerate(shape.fields):
        key = ("{{" if index == 0 else ",") + json.dumps(field.name) + ":"
        parts.append(key + "{" + _value(field, f"{owner}.{field.name}", lines, names, pad) + "}")
    return "f'" + "".join(parts) + "}}'"


def _value(field: Field, read: str, lines: list[str], names: itertools.count, pad: str) -> str:
    """Write the expression of one field's JSON text (inside an f-string: double quotes only)."""
    if field.nested is not None:
        number = next(names)
        local, text = f"_v{number}", f"_j{number}"
        lines.append(f"{pad}{local} = {read}\n")
        inner = pad
        if field.nullable:
            lines.append(f'{pad}if {local} is None:\n{pad}    {text} = "null"\n{pad}else:\n')
            inner = pad + "    "
        made = _object(field.nested, local, lines, names, inner)
        lines.append(f"{inner}{text} = {made}\n")
        return text
    scalar = _scalar(field, "_n" if field.nullable else read)
    return f'"null" if (_n := {read}) is None else {scalar}' if field.nullable else scalar


def _scalar(field: Field, read: str) -> str:
    if field.type is str:
        return f"_str({read})"
    if field.type is bool:
        return f"_bools[{read}]"
    if field.type is int:
        return f"_int({read})"
    # float: as json.dumps writes float(x), refusing what JSON cannot carry
    return f"(_r if (_r := _float(float({read}))) not in _NONFINITE else _nonfinite(_r))"
