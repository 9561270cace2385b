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
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
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
    "_UNSEEN": object(),  # what no nested object is: the loop's first value writes all of its own
}


def json_writer(model: type) -> Callable[[Any], str]:
    """Return ``f(value) -> str``, the compact JSON object of every field of ``model``, in order."""
    return _compiled(model, each=False)


def json_texts(model: type) -> Callable[[Iterable[Any]], Iterator[str]]:
    """Return ``f(values)``, yielding what ``json_writer(model)`` writes of each value, in order.

    Why a second writer: the claims of one answer share their parts (the claims of a sentence
    hold the same ``sentence``, and often the same ``source``, ``time`` and ``subject``; a unit
    is one object for every claim that names it), and the core hands them out in text order.
    A nested object that *is* (identity, not equality: ``0.0 == -0.0``, ``1 == True``) the one
    of the value before reuses its text, read from a local kept across the loop; the values
    are immutable, and the loop holds the previous one, so its text cannot go stale.
    """
    return _compiled(model, each=True)


def json_parts(texts: Iterable[str], parts: list[str]) -> None:
    """Append the pieces of the compact JSON array of ``texts`` (each one value's) to ``parts``.

    Why pieces, each of ``_RUN`` values already joined: an answer of 1 MB of text is about
    5.5 MB of JSON; joining each array and then the answer around it held two or three copies
    of it at once, and keeping one string per value until the end held thousands of blocks
    the allocator could not give back (together about 10 MB of a worker's peak RSS).
    """
    parts.append("[")
    run: list[str] = []
    for text in texts:
        run.append(text)
        if len(run) == _RUN:
            parts.append(",".join(run))
            parts.append(",")
            run.clear()
    if run:
        parts.append(",".join(run))
    elif parts[-1] == ",":
        parts.pop()
    parts.append("]")


def json_array(texts: Iterable[str]) -> str:
    """Return the compact JSON array of ``texts``, each one value's JSON (see ``json_parts``)."""
    parts: list[str] = []
    json_parts(texts, parts)
    return "".join(parts)


def json_string(value: str | None) -> str:
    """Return ``json.dumps(value)`` of a string or None, as the writers write strings."""
    return "null" if value is None else encode_basestring_ascii(value)


@dataclass(frozen=True, slots=True)
class _Source:
    """The statements of a generated writer as they are written, and the names they use."""

    lines: list[str] = field(default_factory=list)  # statements, each with its indent
    names: Iterator[int] = field(default_factory=itertools.count)  # numbers of the locals
    # The locals holding the previous value's nested objects (``json_texts``); None: no loop.
    previous: list[str] | None = None


def _compiled(model: type, each: bool) -> Any:
    """Write the source of ``model``'s writer (one value, or a loop over values) and compile it."""
    source = _Source(previous=[] if each else None)
    pad = "        " if each else "    "
    made = _object(shape_of(model), "value", source, pad)
    body = "".join(source.lines)
    if each:
        starts = "".join(f"    {name} = _UNSEEN\n" for name in source.previous or ())
        text = f"def write(values):\n{starts}    for value in values:\n{body}{pad}yield {made}\n"
    else:
        text = f"def write(value):\n{body}{pad}return {made}\n"
    namespace = dict(_NAMESPACE)
    kind = "JSON texts" if each else "JSON writer"
    exec(compile(text, f"<{kind} of {model.__name__}>", "exec"), namespace)
    function = namespace["write"]
    function.__doc__ = text
    return function


def _object(shape: Shape, owner: str, source: _Source, pad: str) -> str:
    """Write an f-string of ``shape``'s object read from ``owner``; what it needs goes first.

    A nested object is built by statements before the f-string that uses it (a nullable one
    under an ``if``), so that no f-string nests in another one. So is a float: a float field
    that *is* the object's first float (a claim's ``low`` and ``high`` mostly are its
    ``value``) takes its text, since ``repr`` of a float is the dearest step of all.
    """
    parts = []
    first_float: str | None = None
    for index, one in enumerate(shape.fields):
        key = ("{{" if index == 0 else ",") + json.dumps(one.name) + ":"
        read = f"{owner}.{one.name}"
        if one.nested is not None:
            made = _nested(one, read, source, pad)
        elif one.type is float:
            made = _float_text(one, read, source, pad, first_float)
            first_float = first_float or made.removeprefix("_t")
        else:
            made = _scalar(one, read)
        parts.append(key + "{" + made + "}")
    return "f'" + "".join(parts) + "}}'"


def _nested(one: Field, read: str, source: _Source, pad: str) -> str:
    """Write the statements that build a nested object's text; return the local holding it."""
    assert one.nested is not None
    number = next(source.names)
    local, text = f"_v{number}", f"_j{number}"
    source.lines.append(f"{pad}{local} = {read}\n")
    inner = pad
    if source.previous is not None:  # a loop: the text stays from the value before when it may
        seen = f"_p{number}"
        source.previous.append(seen)
        source.lines.append(f"{pad}if {local} is not {seen}:\n{pad}    {seen} = {local}\n")
        inner = pad + "    "
    if one.nullable:
        source.lines.append(
            f'{inner}if {local} is None:\n{inner}    {text} = "null"\n{inner}else:\n'
        )
        inner = inner + "    "
    made = _object(one.nested, local, source, inner)
    source.lines.append(f"{inner}{text} = {made}\n")
    return text


def _float_text(one: Field, read: str, source: _Source, pad: str, first: str | None) -> str:
    """Write the statements of a float field's text; return the local holding it.

    As json.dumps writes ``float(x)``, refusing what JSON cannot carry; the text of the
    object's first float when this one is the same object.
    """
    number = next(source.names)
    local, text = f"_f{number}", f"_t{number}"
    written = f"(_r if (_r := _float(float({local}))) not in _NONFINITE else _nonfinite(_r))"
    if one.nullable:
        written = f'"null" if {local} is None else {written}'
    if first is not None:
        written = f"_t{first} if {local} is _f{first} else ({written})"
    source.lines.append(f"{pad}{local} = {read}\n{pad}{text} = {written}\n")
    return text


def _scalar(one: Field, read: str) -> str:
    """Write the expression of a str, bool or int field's text (inside an f-string: no quote ')."""
    if one.type is str:
        written = "_str(_n)" if one.nullable else f"_str({read})"
    elif one.type is bool:
        written = "_bools[_n]" if one.nullable else f"_bools[{read}]"
    else:
        written = "_int(_n)" if one.nullable else f"_int({read})"
    return f'"null" if (_n := {read}) is None else {written}' if one.nullable else written
