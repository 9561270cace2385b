"""Run the batch job on Apache Spark: the same documents, rows and error rows as the local engine.

    spark-submit service/batch/spark.py INPUT... OUTPUT [--format parquet|jsonl|FORMAT]
                                        [--input-format auto|jsonl|text|FORMAT]
                                        [--reference-date YYYY-MM-DD]

Inputs are JSON Lines (read as raw lines, so a line that is not UTF-8 or not JSON becomes an
error row exactly as in the local engine), plain text files (one document each, named by the
URI Spark gives them) or any Spark source with columns ``id`` and ``text`` (Parquet, ORC, …)
and, optionally, ``reference_date`` (a string "YYYY-MM-DD" or a date), as a JSON line may carry
one; ``--reference-date`` is the default of documents without their own.
The core runs in ``mapPartitions``, warmed once per partition (its tables once per Python
worker). Output is Parquet (or any Spark format) with the explicit ``OUTPUT_SCHEMA``, or JSON
Lines whose lines are byte for byte those the local engine writes. Within a document claims
keep their order; across input files the order is Spark's.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from pyspark import RDD
from pyspark.sql import SparkSession
from pyspark.sql import functions as F
from pyspark.sql.types import (
    BooleanType,
    DataType,
    DoubleType,
    LongType,
    StringType,
    StructField,
    StructType,
)

# Absolute imports: spark-submit runs this file as a script, outside its package.
from service.batch.checkpoints import Counts
from service.batch.progress import summary
from service.batch.readers import (
    JSON_LINES_SUFFIXES,
    TEXT_SUFFIXES,
    Document,
    max_text_bytes,
    parse_json_line,
    parse_record,
    parse_reference_date,
    parse_text_file,
    reference_date_argument,
)
from service.batch.rows import COLUMNS, Row, rows_of
from service.batch.writers import encode_json_lines
from service.shape import Field


def spark_schema(columns: Sequence[Field]) -> StructType:
    """Return the Spark schema of ``columns``, nested dataclasses as structs, all nullable.

    Nullable whatever the model says, as the Parquet schema (``writers.arrow_schema``): an
    error row leaves every claim column null.
    """
    return StructType([StructField(c.name, _spark_type(c), nullable=True) for c in columns])


def _spark_type(field: Field) -> DataType:
    if field.nested is not None:
        return spark_schema(field.nested.fields)
    return {str: StringType, int: LongType, float: DoubleType, bool: BooleanType}[field.type]()


# The output's columns: rows.COLUMNS, derived from the claim model.
OUTPUT_SCHEMA = spark_schema(COLUMNS)
_SUFFIXES = {"jsonl": (*JSON_LINES_SUFFIXES, ".json"), "text": TEXT_SUFFIXES}
# Spark decompresses by name (a.jsonl.gz, a.jsonl.bz2): let a directory's compressed files in.
_JSON_LINES_GLOB = "*.{" + ",".join(s.lstrip(".") for s in _SUFFIXES["jsonl"]) + "}{,.gz,.bz2}"
_TEXT_GLOB = "*.{" + ",".join(s.lstrip(".") for s in TEXT_SUFFIXES) + "}"
# Local sessions: input partitions per core (a task's ~ms of overhead is nothing beside the
# seconds of extraction it holds), the largest partition, and the bytes a file counts for
# beyond its size when Spark packs files into partitions (its default is 4 MiB).
PARTITIONS_PER_CORE = 8
MAX_PARTITION_BYTES = 32 * 1024 * 1024
OPEN_COST_BYTES = 256 * 1024


def local_session(workers: int) -> SparkSession:
    """Start (or reuse) a Spark session on this machine with ``workers`` cores.

    Input is split into at least ``PARTITIONS_PER_CORE`` partitions per core (at most
    ``MAX_PARTITION_BYTES`` each), so the cores finish together. Spark's defaults split by
    bytes per core plus a 4 MiB "open cost" per file: 10 MB of JSON Lines on two cores became
    partitions of 7.1 and 2.9 MB, one core idle for the last 40% of the run.
    """
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # workers run this interpreter
    spark = (
        SparkSession.builder.master(f"local[{workers}]")
        .appName("figures batch")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", str(workers))
        .config("spark.sql.files.maxPartitionBytes", str(MAX_PARTITION_BYTES))
        .config("spark.sql.files.minPartitionNum", str(PARTITIONS_PER_CORE * workers))
        .config("spark.sql.files.openCostInBytes", str(OPEN_COST_BYTES))
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def run(
    spark: SparkSession,
    inputs: Sequence[str],
    output: str,
    output_format: str = "parquet",
    input_format: str = "auto",
    reference_date: str | None = None,
) -> Counts:
    """Extract the claims of every document of ``inputs`` into ``output``; return the counts.

    ``reference_date`` ("YYYY-MM-DD") is the date of the documents that give none of their
    own. Counts come from accumulators: a task Spark retries may count its documents twice.
    """
    if reference_date is not None:
        try:
            reference_date = parse_reference_date(reference_date)
        except ValueError as error:
            raise ValueError(f"--reference-date is {error}") from None
    _refuse_to_clobber(output)
    sc = spark.sparkContext
    counters = [sc.accumulator(0) for _ in range(5)]
    limit = max_text_bytes()
    documents = read_documents(spark, inputs, input_format, limit)
    json_lines = output_format == "jsonl"
    rows = documents.mapPartitions(
        lambda part: _extract(part, json_lines, counters, reference_date)
    )
    if json_lines:
        # Bytes, cast to a string in the JVM: the cast keeps the UTF-8 bytes as they are, where
        # a Python string would be decoded to Java's UTF-16 and encoded back for every line.
        frame = spark.createDataFrame(rows, "value binary")
        frame.select(F.col("value").cast("string")).write.mode("overwrite").text(output)
    else:
        frame = spark.createDataFrame(rows, OUTPUT_SCHEMA, verifySchema=False)
        frame.write.mode("overwrite").format(output_format).save(output)
    return Counts(*(counter.value for counter in counters))


def read_documents(
    spark: SparkSession, inputs: Sequence[str], input_format: str, limit: int
) -> RDD:
    """Read ``inputs`` into an RDD of ``Document``, judged as the local engine judges them."""
    parts = []
    for kind, paths in _group(inputs, input_format):
        if kind == "jsonl":
            lines = spark.read.option("lineSep", "\n")
            if any(Path(p).is_dir() for p in paths):
                lines = lines.option("recursiveFileLookup", "true").option(
                    "pathGlobFilter", _JSON_LINES_GLOB
                )
            frame = lines.text(list(paths)).select(
                F.col("value").cast("binary").alias("line"),
                F.col("_metadata.file_path").alias("file"),
            )
            parts.append(frame.rdd.mapPartitions(lambda part: _from_lines(part, limit)))
        elif kind == "text":
            files = spark.read.format("binaryFile").option("recursiveFileLookup", "true")
            if any(Path(p).is_dir() for p in paths):
                files = files.option("pathGlobFilter", _TEXT_GLOB)
            frame = files.load(list(paths)).select(
                "path",
                "length",
                F.when(F.col("length") <= limit, F.col("content")).alias("content"),
            )
            parts.append(frame.rdd.map(lambda row: _from_file(row, limit)))
        else:
            frame = spark.read.format(kind).load(list(paths))
            # A reference_date column is optional; its values are judged in Python, as JSON's.
            dated = "reference_date" in frame.columns
            date = F.col("reference_date") if dated else F.lit(None).cast("string")
            frame = frame.select(F.col("id").cast("string"), "text", date.alias("reference_date"))
            parts.append(
                frame.rdd.map(
                    lambda row: parse_record(
                        row.id, row.text, limit, reference_date=row.reference_date
                    )
                )
            )
    if not parts:
        raise ValueError("no inputs")
    return parts[0] if len(parts) == 1 else spark.sparkContext.union(parts)


def _group(inputs: Sequence[str], input_format: str) -> list[tuple[str, list[str]]]:
    """Sort the inputs by how to read them, keeping their order within each kind."""
    groups: dict[str, list[str]] = {}
    for path in inputs:
        for kind in [input_format] if input_format != "auto" else _kinds(path):
            groups.setdefault(kind, []).append(path)
    return list(groups.items())


def _kinds(path: str) -> list[str]:
    """Guess how to read a path: by its suffix, or by the files of a local directory."""
    suffix = Path(path.removesuffix(".gz").removesuffix(".bz2")).suffix
    if suffix in _SUFFIXES["jsonl"]:
        return ["jsonl"]
    if suffix in TEXT_SUFFIXES:
        return ["text"]
    if suffix in (".parquet", ".orc", ".avro"):
        return [suffix.lstrip(".")]
    if Path(path).is_dir():
        found = {Path(name).suffix for _, _, files in os.walk(path) for name in files}
        if ".parquet" in found:
            return ["parquet"]
        kinds = [kind for kind, suffixes in _SUFFIXES.items() if found & set(suffixes)]
        return kinds or ["jsonl"]
    return ["jsonl"]  # a remote directory or glob: JSON Lines, unless --input-format says


def _from_lines(rows: Iterable, limit: int) -> Iterator[Document]:
    for row in rows:
        document = parse_json_line(bytes(row.line), f"a line of {row.file}", limit)
        if document is not None:
            yield document


def _from_file(row, limit: int) -> Document:
    content = None if row.content is None else bytes(row.content)  # None: over the limit
    return parse_text_file(row.path, content, limit, row.length)


def _extract(
    documents: Iterable[Document],
    json_lines: bool,
    counters: list,
    reference_date: str | None = None,
) -> Iterator[tuple]:
    """Extract a partition's documents; warm the core first, once per partition.

    ``reference_date`` is the job's default, for documents without a date of their own.
    """
    from service.core import warm

    warm()
    documents_read, good, bad, claims, size = counters
    for document in documents:
        outcome = rows_of(document, reference_date)
        documents_read.add(1)
        (good if outcome.good else bad).add(1)
        claims.add(outcome.claims)
        size.add(document.size)
        if json_lines:
            if outcome.rows:  # one string of lines per document, as the local engine writes
                yield (encode_json_lines(outcome.rows).removesuffix(b"\n"),)
        else:
            yield from (_as_tuple(row) for row in outcome.rows)


def _as_tuple(row: Row) -> tuple:
    """Order a row's values as ``OUTPUT_SCHEMA``, nested dicts as tuples (rows.py's order).

    Each column's conversion is chosen once (``_CONVERSIONS``): this runs once per row on the
    Spark hot path, as fast as the hand-written version it replaces.
    """
    values = []
    for name, convert in _CONVERSIONS:
        value = row.get(name)
        values.append(value if convert is None or value is None else convert(value))
    return tuple(values)


def _conversion(field: Field) -> Callable[[Any], Any] | None:
    """How to give a ``field``'s (non-None) value to Spark; None: as it is.

    Numbers for double columns are made floats: the core may give an int (``low=200`` for
    "hundreds"), and Spark, not verifying the schema, would store null for it. A struct is a
    tuple in the field's order, which is the order ``rows`` writes its dicts in.
    """
    if field.nested is None:
        return float if field.type is float else None
    inner = [(f.name, _conversion(f)) for f in field.nested.fields]
    if all(convert is None for _, convert in inner):
        return _values

    def struct(value: dict) -> tuple:
        values = []
        for name, convert in inner:
            v = value[name]
            values.append(v if convert is None or v is None else convert(v))
        return tuple(values)

    return struct


def _values(value: dict) -> tuple:
    return tuple(value.values())


_CONVERSIONS = [(column.name, _conversion(column)) for column in COLUMNS]


def _refuse_to_clobber(output: str) -> None:
    """Overwrite earlier Spark output, never a local directory that holds something else."""
    path = Path(output)
    if "://" in output or not path.exists():
        return
    if path.is_file() or (any(path.iterdir()) and not (path / "_SUCCESS").exists()):
        raise ValueError(f"{output} exists and is not the output of an earlier Spark run")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the job under ``spark-submit``, which sets the master and the resources."""
    parser = argparse.ArgumentParser(prog="spark.py", description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", metavar="INPUT... OUTPUT")
    parser.add_argument("--format", default="parquet", help="parquet, jsonl or a Spark format")
    parser.add_argument("--input-format", default="auto", help="auto, jsonl, text, parquet, …")
    parser.add_argument(
        "--reference-date",
        type=reference_date_argument,
        metavar="YYYY-MM-DD",
        help="the date of documents that give no reference_date of their own",
    )
    args = parser.parse_args(argv)
    if len(args.paths) < 2:
        parser.error("give at least one INPUT and the OUTPUT")
    *inputs, output = args.paths
    spark = SparkSession.builder.appName("figures batch").getOrCreate()
    began = time.monotonic()
    counts = run(spark, inputs, output, args.format, args.input_format, args.reference_date)
    sys.stderr.write(summary(counts, time.monotonic() - began, output) + "\n")
    spark.stop()
    return 0


if __name__ == "__main__":  # spark-submit runs this file: use the package's module instead,
    from service.batch.spark import main as _main  # so Spark pickles its functions by name

    raise SystemExit(_main())
