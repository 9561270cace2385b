"""Write output rows as JSON Lines or Parquet, deterministically.

Rows are encoded in the worker that extracted them (``encode``) and written, in input order,
by one writer in the main process, so the bytes of the output depend only on the input.
JSON Lines can be cut back to a checkpoint and continued (``--resume``); a Parquet file has
its index at the end, so an interrupted one is unreadable and the run must start again.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from functools import cache
from typing import IO, Any, Literal, Protocol

from service import EXTRA_HINT
from service.shape import Field

from . import spools
from .rows import COLUMNS, SUMMARY_COLUMNS, Row

Format = Literal["jsonl", "parquet"]
FORMATS: tuple[Format, ...] = ("jsonl", "parquet")
# Rows gathered into one Parquet row group: big enough to compress and scan well.
ROW_GROUP_ROWS = 64 * 1024
PARQUET_MISSING = "Parquet output needs pyarrow: " + EXTRA_HINT.format(
    extra="parquet", package="pyarrow"
)


class Writer(Protocol):
    """Where the ordered, encoded chunks of a job go."""

    def write(self, payload: Any) -> None:
        """Append one encoded chunk."""

    def sync(self) -> int:
        """Make everything written durable; return the output's size in bytes."""

    def close(self) -> None:
        """Finish the file."""


def format_of(path: str) -> Format:
    """Guess the format from the output's name: ``*.parquet`` is Parquet, the rest JSON Lines."""
    return "parquet" if path.endswith(".parquet") else "jsonl"


def encode(rows: Sequence[Row], format: Format, summary: bool = False) -> Any:
    """Encode rows for ``format`` (JSON Lines: bytes; Parquet: an Arrow record batch).

    ``summary``: rows of the per-document summary (``rows.SUMMARY_COLUMNS``), not claim rows.
    """
    if format == "jsonl":
        return encode_json_lines(rows)
    import pyarrow as pa

    schema = summary_schema() if summary else parquet_schema()
    return pa.RecordBatch.from_pylist(list(rows), schema=schema)


def encode_json_lines(rows: Sequence[Row]) -> bytes:
    """Write one compact JSON object per row, keys in ``FIELDS`` order, UTF-8, no ASCII escapes."""
    lines = [
        json.dumps(row, ensure_ascii=False, allow_nan=False, separators=(",", ":")) for row in rows
    ]
    return "".join(line + "\n" for line in lines).encode("utf-8")


def open_writer(path: str, format: Format, offset: int = 0, summary: bool = False) -> Writer:
    """Open ``path`` for ``format``; JSON Lines continue after ``offset`` bytes (0: start anew).

    ``summary``: the per-document summary's file (its own Parquet schema).
    """
    if format == "jsonl":
        return JsonLinesWriter(path, offset)
    if offset:
        raise ValueError("a Parquet file cannot be continued")
    return ParquetWriter(path, summary_schema() if summary else parquet_schema())


class JsonLinesWriter:
    """Append encoded lines to a file, cutting it back to ``offset`` first."""

    def __init__(self, path: str, offset: int = 0) -> None:
        self._file: IO[bytes] = open(path, "r+b" if offset else "wb")  # noqa: SIM115
        if offset:
            size = os.fstat(self._file.fileno()).st_size
            if size < offset:
                self._file.close()
                raise ValueError(f"{path} has {size} bytes, fewer than the {offset} checkpointed")
            self._file.truncate(offset)
            self._file.seek(offset)

    def write(self, payload: bytes) -> None:
        """Append one encoded chunk."""
        self._file.write(payload)

    def append(self, fd: int) -> None:
        """Append one encoded chunk held in the file open at ``fd`` (``spools``)."""
        spools.append(self._file, fd)

    def sync(self) -> int:
        """Flush and fsync; return the size so far."""
        self._file.flush()
        os.fsync(self._file.fileno())
        return self._file.tell()

    def close(self) -> None:
        """Flush, fsync and close."""
        self.sync()
        self._file.close()


class ParquetWriter:
    """Write Arrow record batches to one Parquet file with an explicit schema."""

    def __init__(self, path: str, schema: Any = None) -> None:
        import pyarrow.parquet as pq

        schema = schema if schema is not None else parquet_schema()
        self._path = path
        self._schema = schema
        self._writer = pq.ParquetWriter(path, schema)
        self._pending: list[Any] = []
        self._rows = 0

    def write(self, payload: Any) -> None:
        """Gather batches into row groups of exactly ``ROW_GROUP_ROWS`` rows (the last: fewer)."""
        self._pending.append(payload)
        self._rows += payload.num_rows
        if self._rows >= ROW_GROUP_ROWS:
            self._flush(whole_groups_only=True)

    def sync(self) -> int:
        """Report the size so far (Parquet cannot resume, so nothing is made durable here)."""
        return os.path.getsize(self._path)

    def close(self) -> None:
        """Write the last row group and the footer."""
        self._flush(whole_groups_only=False)
        self._writer.close()

    def _flush(self, whole_groups_only: bool) -> None:
        """Write full row groups; the layout depends on the rows only, not on how they came."""
        import pyarrow as pa

        table = pa.Table.from_batches(self._pending, schema=self._schema)
        ready = table.num_rows // ROW_GROUP_ROWS * ROW_GROUP_ROWS if whole_groups_only else None
        if ready is None or ready:
            self._writer.write_table(table.slice(0, ready), row_group_size=ROW_GROUP_ROWS)
        rest = table.slice(ready) if ready is not None else table.slice(table.num_rows)
        self._pending, self._rows = rest.to_batches(), rest.num_rows


@cache
def parquet_schema():
    """Return the Arrow schema of the output: ``rows.COLUMNS``, derived from the claim model."""
    return arrow_schema(COLUMNS)


@cache
def summary_schema():
    """Return the Arrow schema of the per-document summary: ``rows.SUMMARY_COLUMNS``."""
    return arrow_schema(SUMMARY_COLUMNS)


def arrow_schema(columns: Sequence[Field]):
    """Return the Arrow schema of ``columns``, nested dataclasses as structs.

    Every column and struct field is nullable, whatever the model says: an error row leaves
    every claim column null, and Parquet files written so far say so in their footer.
    """
    import pyarrow as pa

    return pa.schema([(column.name, _arrow_type(column)) for column in columns])


def _arrow_type(field: Field):
    import pyarrow as pa

    if field.nested is not None:
        return pa.struct([(inner.name, _arrow_type(inner)) for inner in field.nested.fields])
    return {str: pa.string, int: pa.int64, float: pa.float64, bool: pa.bool_}[field.type]()
