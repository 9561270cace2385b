"""Read request bodies: content types, size limits and decoding, each failure its own status.

Bodies are read by hand rather than with ``request.get_json`` so that every failure maps to the
status the API documents (400 malformed, 413 too large, 415 unsupported) with a useful detail.
"""

from __future__ import annotations

import json
import zlib

from flask import request
from marshmallow import Schema, ValidationError
from werkzeug.exceptions import BadRequest, RequestEntityTooLarge, UnsupportedMediaType

from .problems import ValidationProblem

JSON = "application/json"
TEXT = "text/plain"
# Charsets a text/plain body may declare: UTF-8 and its subset ASCII.
_UTF8_CHARSETS = frozenset({"utf-8", "utf8", "us-ascii", "ascii"})
# The most characters of a client's key an error message repeats.
MAX_KEY_SHOWN = 64
# The most unknown fields of one object a 422 names; it counts the others.
MAX_UNKNOWN_SHOWN = 20
# Content-Encodings a body may come in besides none ("identity"): gzip, and its old name.
GZIP = frozenset({"gzip", "x-gzip"})
IDENTITY = "identity"
# Bytes inflated at a time: a gzip body grows in steps this size, never past its limit + one.
INFLATE_STEP = 64 * 1024
# zlib's window bits for a gzip stream (header and trailer): 16 + the largest window.
_GZIP_WBITS = 16 + zlib.MAX_WBITS


NO_CONTENT_TYPE = f"Send a Content-Type header: {JSON} or {TEXT}; charset=utf-8."


def media_type() -> str:
    """Return the request's media type, refusing a body that declares none."""
    if not request.mimetype:
        raise UnsupportedMediaType(NO_CONTENT_TYPE)
    return request.mimetype


def unsupported(*accepted: str, given: str | None = None) -> UnsupportedMediaType:
    """Build the 415 for a media type (``given``, else the request's) other than ``accepted``."""
    return UnsupportedMediaType(
        f"Content-Type {given or request.mimetype or '(none)'} is not supported here; "
        f"send {' or '.join(accepted)}."
    )


class UnsupportedEncoding(UnsupportedMediaType):
    """A Content-Encoding other than gzip: 415 with the ``Accept-Encoding`` it would take."""

    def get_headers(self, environ=None, scope=None) -> list[tuple[str, str]]:
        """Say which coding the server reads, as RFC 9110 (15.5.16) asks of this 415."""
        return [*super().get_headers(environ, scope), ("Accept-Encoding", "gzip")]


def content_encoding() -> str | None:
    """Return "gzip" for a gzipped body, None for a body sent as it is; refuse any other coding."""
    header = request.headers.get("Content-Encoding", "")
    codings = [c.strip().lower() for c in header.split(",") if c.strip().lower() != IDENTITY]
    codings = [c for c in codings if c]
    if not codings:
        return None
    if len(codings) == 1 and codings[0] in GZIP:
        return "gzip"
    shown = json.dumps(header.strip()[:MAX_KEY_SHOWN])
    raise UnsupportedEncoding(
        f"Content-Encoding {shown} is not supported; send the body as it is, or compressed once"
        " with Content-Encoding: gzip."
    )


def read_body(limit: int) -> bytes:
    """Read the body, refusing one over ``limit`` bytes (before reading, when declared).

    A gzipped body (``Content-Encoding: gzip``) is held to ``limit`` as sent and again as
    inflated, which it is in bounded steps: a small body that inflates to gigabytes is refused
    once it passes ``limit``, without being inflated further.
    """
    encoding = content_encoding()
    declared = request.content_length
    if declared is not None and declared > limit:
        raise too_large("request body", declared, limit)
    data = request.get_data(cache=False)
    if len(data) > limit:
        raise too_large("request body", len(data), limit)
    if declared is not None and len(data) < declared:
        # The client closed early: a server that marks its input terminated (gunicorn) hands
        # over what came, and answering a truncated text as if whole would be wrong.
        raise BadRequest(
            f"The body ended after {len(data)} of the {declared} bytes its Content-Length declared."
        )
    return gunzip(data, limit) if encoding == "gzip" else data


def gunzip(data: bytes, limit: int) -> bytes:
    """Inflate a gzip body of one or more members (RFC 1952), refusing it past ``limit`` bytes."""
    inflated = bytearray()
    rest = data
    while True:
        inflater = zlib.decompressobj(_GZIP_WBITS)
        tail = rest
        try:
            while not inflater.eof:
                step = inflater.decompress(tail, INFLATE_STEP)
                if not step and len(inflater.unconsumed_tail) == len(tail):
                    break  # no progress: the stream ends before its end
                tail = inflater.unconsumed_tail
                inflated += step
                if len(inflated) > limit:
                    raise RequestEntityTooLarge(
                        f"The request body inflates (Content-Encoding: gzip) to more than the"
                        f" limit of {limit} bytes; it was refused there, unread beyond it."
                    )
        except zlib.error as error:
            raise BadRequest(f"The body is not valid gzip ({error}).") from None
        if not inflater.eof:
            raise BadRequest("The body is not valid gzip: it ends before its end of stream.")
        rest = inflater.unused_data
        if not rest:
            return bytes(inflated)


def too_large(what: str, size: int, limit: int) -> RequestEntityTooLarge:
    """Build the 413 that tells the client by how much it went over."""
    return RequestEntityTooLarge(f"The {what} is {size} bytes; the limit is {limit} bytes.")


class DuplicateKey(ValueError):
    """A JSON object that names one key twice."""


def _unique_keys(pairs: list[tuple[str, object]]) -> dict:
    """Build a JSON object, refusing a repeated key: parsers disagree on which one wins."""
    result = dict(pairs)
    if len(result) != len(pairs):
        seen = set()
        repeated = next(key for key, _ in pairs if key in seen or seen.add(key))
        shown = json.dumps(repeated[:MAX_KEY_SHOWN]) + (
            "…" if len(repeated) > MAX_KEY_SHOWN else ""
        )
        raise DuplicateKey(f"The body repeats the key {shown} in one object.")
    return result


def json_body(limit: int) -> object:
    """Parse a UTF-8 JSON body (RFC 8259) of at most ``limit`` bytes, each key once per object."""
    return parse_json(read_body(limit))


def parse_json(data: bytes) -> object:
    """Parse UTF-8 JSON, each key once per object; anything else is a 400 that says why."""
    try:
        return json.loads(data.decode("utf-8"), object_pairs_hook=_unique_keys)
    except UnicodeDecodeError as error:
        raise BadRequest(f"The body is not valid UTF-8 (byte {error.start}).") from None
    except DuplicateKey as error:
        raise BadRequest(str(error)) from None
    except ValueError as error:
        raise BadRequest(f"The body is not valid JSON: {error}.") from None
    except RecursionError:
        raise BadRequest("The body is not valid JSON: it nests too deeply.") from None


def text_body(limit: int) -> str:
    """Decode a ``text/plain`` body, which must be UTF-8 whatever charset it declares."""
    charset = request.mimetype_params.get("charset", "utf-8").lower()
    if charset not in _UTF8_CHARSETS:
        raise UnsupportedMediaType(f"Send text/plain as charset=utf-8, not {charset}.")
    data = read_body(limit)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise BadRequest(f"The body is not valid UTF-8 (byte {error.start}).") from None


# JSON's names of the types a parsed body can have, for messages.
_JSON_TYPES = ((dict, "an object"), (list, "an array"), (str, "a string"), (bool, "a boolean"))


def json_type(value: object) -> str:
    """Name the JSON type of a parsed value ("an array", "a string", "null" and so on)."""
    if value is None:
        return "null"
    return next((name for kind, name in _JSON_TYPES if isinstance(value, kind)), "a number")


def load(schema: Schema, payload: object, wanted: str) -> dict:
    """Validate ``payload`` against ``schema``; any violation is a 422 with per-field messages.

    A payload that is not a JSON object at all gets ``wanted`` (what to send instead, e.g.
    'a JSON object with a "text" field') as its detail, not marshmallow's "Invalid input type.".
    """
    loaded, messages = validate(schema, payload, wanted)
    if messages:
        detail = None if isinstance(payload, dict) else messages["_schema"][0]
        raise ValidationProblem(messages, detail)
    return loaded


def validate(schema: Schema, payload: object, wanted: str) -> tuple[dict, dict]:
    """Load ``payload`` by ``schema``: ``(loaded, {})``, or ``({}, messages by field)``.

    An object's fields are named in its own order. Of its unknown fields only the first
    ``MAX_UNKNOWN_SHOWN`` are named and the rest counted (under ``_schema``), and only those are
    handed to marshmallow: 600,000 made-up keys made a 15 MB answer in 3 s. A payload that is
    not an object gets ``wanted`` under ``_schema``: what to send instead.
    """
    if not isinstance(payload, dict):
        return {}, {"_schema": [f"Send {wanted}, not {json_type(payload)}."]}
    payload, dropped = _trimmed(schema, payload)
    try:
        loaded = schema.load(payload)
    except ValidationError as error:
        messages = _in_order(messages_of(error), payload)
    else:
        if not dropped:
            return loaded, {}
        messages = {}
    if dropped:
        messages.setdefault("_schema", []).append(f"And {dropped} more unknown fields.")
    return {}, messages


def _trimmed(schema: Schema, payload: object) -> tuple[object, int]:
    """Return ``payload`` with at most ``MAX_UNKNOWN_SHOWN`` unknown keys, and how many went."""
    if not isinstance(payload, dict):
        return payload, 0
    known = {field.data_key or name for name, field in schema.load_fields.items()}
    unknown = [key for key in payload if key not in known]
    if len(unknown) <= MAX_UNKNOWN_SHOWN:
        return payload, 0
    dropped = set(unknown[MAX_UNKNOWN_SHOWN:])
    return {key: value for key, value in payload.items() if key not in dropped}, len(dropped)


def _in_order(messages: dict, payload: object) -> dict:
    """Order ``messages`` as the fields came: missing fields and ``_schema`` first."""
    if not isinstance(payload, dict):
        return messages
    place = {key: index for index, key in enumerate(payload)}
    return dict(sorted(messages.items(), key=lambda item: place.get(item[0], -1)))


def messages_of(error: ValidationError) -> dict:
    """Return a violation's messages by field; one that is not about a field goes under _schema."""
    return error.messages if isinstance(error.messages, dict) else {"_schema": error.messages}
