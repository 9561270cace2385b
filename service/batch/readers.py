"""Read the documents of a batch job one at a time: JSON Lines, plain text files, directories.

Nothing here holds more than one document in memory. ``read`` yields a line of JSON Lines as
it is (a ``Line``), unparsed: the local engine's workers parse it (``document_of``), so that
the main process, which feeds every worker, only cuts lines and never decodes JSON. A
document the core cannot take (no id, a text that is not a string, too big, not UTF-8, a line
that is not JSON) still becomes a document, with the reason, so that it becomes an error row
instead of failing the job. The parsing
functions (``parse_json_line``, ``parse_text_file``, ``parse_record``,
``parse_reference_date``) are shared with the Spark job, so both engines judge a document the
same way.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import re
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import BinaryIO, Literal, NamedTuple

from ..limits import DEFAULTS, ENVELOPE_BYTES, JSON_ESCAPE_FACTOR

STDIN = "-"
JSON_LINES_SUFFIXES = (".jsonl", ".ndjson")
TEXT_SUFFIXES = (".txt",)
GZIP_SUFFIX = ".gz"  # JSON Lines may be gzipped: archive.jsonl.gz
# The HTTP API's limit on one text, read from the same variable with the same default.
MAX_TEXT_BYTES_VARIABLE = "FIGURES_MAX_TEXT_BYTES"
DEFAULT_MAX_TEXT_BYTES = DEFAULTS[MAX_TEXT_BYTES_VARIABLE]
_READ_BLOCK = 1 << 20
# A reference date as the batch job takes it: exactly YYYY-MM-DD, as the HTTP API does.
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

Kind = Literal["jsonl", "text"]


@dataclass(frozen=True, slots=True)
class Document:
    """One input document, good (``text`` set) or bad (``error`` set)."""

    id: str | None  # the document's id; None when the input gives none
    text: str | None  # the text to extract from; None for a bad document
    size: int  # bytes of input it was read from, for throughput
    error: str | None = None  # why the document is bad, for its error row
    reference_date: str | None = None  # its own date, "YYYY-MM-DD"; None: the job's default


@dataclass(frozen=True, slots=True)
class Source:
    """One input file (or standard input) and how to read it."""

    path: str  # as given, or joined to the directory as given; "-" for standard input
    kind: Kind  # "jsonl": one document a line; "text": the whole file is one document


@dataclass(frozen=True, slots=True)
class Position:
    """Where reading stopped: the next byte to read of the ``source``-th source."""

    source: int  # index into the job's sources
    offset: int = 0  # bytes of that source already read
    line: int = 0  # lines of that source already read, to name a bad line by its number


class Line(NamedTuple):
    """A non-blank line of JSON Lines, read but not parsed yet (``document_of`` parses it)."""

    data: bytes  # the line as read, its line break included
    number: int  # its line number in its source, from 1
    name: str  # its source as messages name it: the path, or "standard input"

    @property
    def size(self) -> int:
        """Bytes of input, as the document parsed from it will count."""
        return len(self.data)


Item = Document | Line  # what ``read`` yields: a document, or a line to parse into one


def document_of(item: Item, limit: int) -> Document:
    """Return the document ``item`` is: parse a line, pass a document through."""
    if isinstance(item, Document):
        return item
    document = parse_json_line(item.data, f"line {item.number} of {item.name}", limit)
    assert document is not None, "read skips blank lines"
    return document


def max_text_bytes(environ: Mapping[str, str] = os.environ) -> int:
    """Read the largest text a document may have, in UTF-8 bytes."""
    raw = environ.get(MAX_TEXT_BYTES_VARIABLE, str(DEFAULT_MAX_TEXT_BYTES))
    try:
        value = int(raw)
    except ValueError:
        value = 0
    if value <= 0:
        raise ValueError(f"{MAX_TEXT_BYTES_VARIABLE} must be a positive integer, not {raw!r}")
    return value


def parse_reference_date(value: object) -> str:
    """Return a reference date as "YYYY-MM-DD"; raise ``ValueError`` saying why it is not one.

    A string must be exactly YYYY-MM-DD and a real day (the core also takes "20240331" and
    "2024-W13-7"; the batch job, as the HTTP API, does not). A ``datetime.date`` (a Spark
    source's date column) is taken as it is; a timestamp is not a day.
    """
    if isinstance(value, date) and not isinstance(value, datetime):
        return value.isoformat()
    if not isinstance(value, str):
        raise ValueError(f"not a string but {_json_type(value)}")
    if _ISO_DATE.fullmatch(value):
        try:
            return date.fromisoformat(value).isoformat()
        except ValueError:
            pass
    shown = json.dumps(value[:64]) + ("…" if len(value) > 64 else "")
    raise ValueError(f"not a date as YYYY-MM-DD: {shown}")


def reference_date_argument(value: str) -> str:
    """Read ``--reference-date`` for argparse: "YYYY-MM-DD", else a usage error (exit 2)."""
    try:
        return parse_reference_date(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{error}; give a real day, e.g. 2017-10-14") from None


def sources(inputs: Sequence[str]) -> tuple[Source, ...]:
    """Expand the inputs into files, in a stable order; raise ``FileNotFoundError`` for a typo.

    A directory contributes its ``*.jsonl``, ``*.ndjson`` (either maybe ``.gz``) and ``*.txt``
    files, recursively, sorted by path, skipping hidden ones. A named file is JSON Lines by its
    suffix, else text.
    """
    found: list[Source] = []
    for name in inputs:
        if name == STDIN:
            found.append(Source(STDIN, "jsonl"))
            continue
        path = Path(name)
        if path.is_dir():
            found.extend(_directory(name, path))
        elif path.exists():
            found.append(Source(name, _kind(path)))
        else:
            raise FileNotFoundError(f"{name}: no such file or directory")
    return tuple(found)


def total_bytes(found: Sequence[Source]) -> int | None:
    """Sum the sizes of the sources; None when one is a stream or gzipped (size unknown)."""
    if any(source.path == STDIN or source.path.endswith(GZIP_SUFFIX) for source in found):
        return None
    return sum(os.stat(source.path).st_size for source in found)


def fingerprint(found: Sequence[Source]) -> str:
    """Digest the sources' paths, sizes and modification times, to notice a change between runs."""
    digest = hashlib.sha256()
    for source in found:
        stat = None if source.path == STDIN else os.stat(source.path)
        size, modified = (stat.st_size, stat.st_mtime_ns) if stat else (None, None)
        digest.update(json.dumps([source.path, size, modified]).encode("utf-8", "surrogateescape"))
    return f"{len(found)} sources, sha256 {digest.hexdigest()}"


def read(
    found: Sequence[Source], limit: int, start: Position = Position(0)
) -> Iterator[tuple[Item, Position]]:
    """Yield each document (a line of JSON Lines unparsed) with the position just after it.

    From ``start`` on; ``document_of`` turns each into a ``Document``.
    """
    for index in range(start.source, len(found)):
        source = found[index]
        if source.kind == "text":  # read whole: a position is never inside a text file
            yield _text_file(source.path, limit), Position(index + 1)
            continue
        resume = start if index == start.source else Position(index)
        yield from _json_lines(source.path, limit, resume)


def parse_json_line(line: bytes, where: str, limit: int) -> Document | None:
    """Read one line of JSON Lines into a document; None for a blank line (not a document)."""
    size = len(line)
    if is_blank(line):
        return None
    try:
        decoded = line.decode("utf-8")
    except UnicodeDecodeError as error:
        return Document(None, None, size, f"{where}: not UTF-8 (byte {error.start})")
    try:  # without the line break, so that a column number means the same on Spark
        record = json.loads(decoded.lstrip("\ufeff").rstrip("\r\n"))
    except json.JSONDecodeError as error:
        return Document(None, None, size, f"{where}: not JSON ({error.msg}, column {error.colno})")
    if not isinstance(record, dict):
        return Document(None, None, size, f"{where}: not a JSON object")
    document_id, problem = _identify(record.get("id"))
    if problem:
        return Document(None, None, size, f"{where}: {problem}")
    if "text" not in record:
        return Document(document_id, None, size, "missing text")
    if record["text"] is None:
        return Document(document_id, None, size, "text is not a string but null")
    return parse_record(document_id, record["text"], limit, size, record.get("reference_date"))


def is_blank(line: bytes) -> bool:
    """Tell a line that is no document: empty, or ASCII white space only."""
    return not line.strip()


def parse_text_file(path: str, data: bytes | None, limit: int, size: int = 0) -> Document:
    """Decode the bytes of one text file into a document named by its path.

    ``data`` is None when the file was not read because its ``size`` is over the limit.
    """
    if data is None or len(data) > limit:
        size = size if data is None else len(data)
        return Document(path, None, size, _too_big(size, limit))
    try:
        return Document(path, data.decode("utf-8"), len(data))
    except UnicodeDecodeError as error:
        return Document(path, None, len(data), f"not UTF-8 (byte {error.start})")


def parse_record(
    document_id: object,
    text: object,
    limit: int,
    size: int | None = None,
    reference_date: object = None,
) -> Document:
    """Check an id, a text and a reference date from a structured source (a JSON object, a row).

    A None date is none given: the job's default applies.
    """
    identified, problem = _identify(document_id)
    if problem:
        return Document(None, None, size or 0, problem)
    if text is None:
        return Document(identified, None, size or 0, "missing text")
    if not isinstance(text, str):
        return Document(identified, None, size or 0, f"text is not a string but {_json_type(text)}")
    try:
        length = len(text.encode("utf-8"))
    except UnicodeEncodeError as error:
        return Document(identified, None, size or 0, f"text has a lone surrogate at {error.start}")
    if length > limit:
        return Document(identified, None, size or length, _too_big(length, limit))
    size = size if size is not None else length
    if reference_date is None:
        return Document(identified, text, size)
    try:
        day = parse_reference_date(reference_date)
    except ValueError as error:
        return Document(identified, None, size, f"reference_date is {error}")
    return Document(identified, text, size, reference_date=day)


def _identify(document_id: object) -> tuple[str | None, str | None]:
    """Accept a non-empty string or an integer (as its decimal string) as a document id."""
    if document_id is None or document_id == "":
        return None, "missing id"
    if isinstance(document_id, bool) or not isinstance(document_id, str | int):
        return None, f"id is not a string or an integer but {_json_type(document_id)}"
    if isinstance(document_id, int):
        return str(document_id), None
    try:
        document_id.encode("utf-8")
    except UnicodeEncodeError as error:
        return None, f"id has a lone surrogate at {error.start}"
    return document_id, None


def _json_type(value: object) -> str:
    names = {bool: "a boolean", int: "a number", float: "a number", list: "an array"}
    names |= {dict: "an object", type(None): "null", bytes: "bytes", bytearray: "bytes"}
    names |= {datetime: "a timestamp"}
    return names.get(type(value), type(value).__name__)


def _too_big(size: int, limit: int) -> str:
    return f"text is {size:,} bytes, over the limit of {limit:,} ({MAX_TEXT_BYTES_VARIABLE})"


def _directory(name: str, path: Path) -> Iterator[Source]:
    found = []
    for root, directories, files in os.walk(path):
        directories[:] = [d for d in directories if not d.startswith(".")]
        for file in files:
            child = Path(root, file)
            if not file.startswith(".") and (
                _json_lines_name(child) or child.suffix in TEXT_SUFFIXES
            ):
                found.append(child.relative_to(path).as_posix())
    for relative in sorted(found):
        yield Source(os.path.join(name, relative), _kind(Path(relative)))


def _kind(path: Path) -> Kind:
    return "jsonl" if _json_lines_name(path) else "text"


def _json_lines_name(path: Path) -> bool:
    """Tell JSON Lines by name: ``a.jsonl``, ``a.ndjson``, ``a.jsonl.gz``."""
    suffixes = path.suffixes[-2:] if path.suffix == GZIP_SUFFIX else path.suffixes[-1:]
    return bool(suffixes) and suffixes[0] in JSON_LINES_SUFFIXES


def _text_file(path: str, limit: int) -> Document:
    """Read a text file, or only its size when it is over the limit (never load a huge file)."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:  # an id must be text: show the name's bytes escaped instead
        shown = os.fsencode(path).decode("utf-8", "backslashreplace")
        return Document(shown, None, 0, "file name is not UTF-8")
    try:
        with open(path, "rb") as file:
            data = file.read(limit + 1)
            if len(data) > limit:
                return parse_text_file(path, None, limit, os.fstat(file.fileno()).st_size)
    except OSError as error:
        return Document(path, None, 0, error.strerror or str(error))
    return parse_text_file(path, data, limit)


def _json_lines(path: str, limit: int, start: Position) -> Iterator[tuple[Item, Position]]:
    """Yield the lines of a JSON Lines file from ``start``, with the position after each.

    A line too long to hold a document is yielded as the bad document it is; a blank line
    (``is_blank``) is no document and not yielded.
    """
    # A longer line cannot carry a text within the limit, so it is skipped unread.
    cap = limit * JSON_ESCAPE_FACTOR + ENVELOPE_BYTES
    name = "standard input" if path == STDIN else path
    with _open_binary(path) as file:
        offset, number = _seek(file, start.offset), start.line
        while line := file.readline(cap + 1):
            number += 1
            offset += len(line)
            if len(line) > cap and not line.endswith(b"\n"):
                skipped = _skip_line(file)
                offset += skipped
                problem = f"line {number} of {name}: line over {cap:,} bytes"
                yield (
                    Document(None, None, len(line) + skipped, problem),
                    Position(start.source, offset, number),
                )
                continue
            if not is_blank(line):
                yield Line(line, number, name), Position(start.source, offset, number)


def _open_binary(path: str) -> BinaryIO:
    """Open a source; a buffer of ``_READ_BLOCK`` (lines are kilobytes: 8 KiB refills often)."""
    if path == STDIN:
        return os.fdopen(os.dup(sys.stdin.fileno()), "rb", buffering=_READ_BLOCK)
    if path.endswith(GZIP_SUFFIX):
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return open(path, "rb", buffering=_READ_BLOCK)


def _seek(file: BinaryIO, offset: int) -> int:
    """Move to ``offset``: seek a file, read and drop the bytes of a stream."""
    if offset and file.seekable():
        file.seek(offset)
        return offset
    left = offset
    while left:
        block = file.read(min(left, _READ_BLOCK))
        if not block:
            break
        left -= len(block)
    return offset - left


def _skip_line(file: BinaryIO) -> int:
    """Read and drop the rest of an overlong line; return how many bytes that was."""
    skipped = 0
    while True:
        block = file.readline(_READ_BLOCK)
        skipped += len(block)
        if not block or block.endswith(b"\n"):
            return skipped
