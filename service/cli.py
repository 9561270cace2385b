"""The ``figures`` command: ``serve`` runs the service, ``extract`` and ``batch`` read files.

``figures extract`` prints one JSON object per claim (JSON lines): the claim's fields as the
core names them, preceded by ``document``, the file name as given (``-`` for standard input).
Offsets count code points of the file decoded as UTF-8. ``figures extract --explain`` prints one
JSON object per file instead, the HTTP answer of ``?explain=true`` with ``document`` for ``id``:
``{"document", "claims": [...], "rejected": [{"text", "start", "end", "reason"}, ...]}``.

``figures batch`` extracts whole archives (JSON Lines, text files, directories) over every core,
or on Spark, into JSON Lines or Parquet: see docs/batch.md.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import asdict
from pathlib import Path

from . import EXTRA_HINT
from .batch.readers import reference_date_argument

STDIN = "-"
# What ``figures --help`` says: plain text, as a terminal shows it (the docstring is for readers
# of the code, in reStructuredText).
DESCRIPTION = "Every numeric claim in English news text, normalised and located."
EPILOG = """\
examples:
  figures serve --workers 4
  figures extract article.txt --reference-date 2017-10-14
  figures batch archive.jsonl --output claims.jsonl

'figures COMMAND --help' lists a command's options; docs/http.md and docs/batch.md say more.
"""
DEFAULT_WORKERS = 2  # as the image's WEB_CONCURRENCY
DEFAULT_TIMEOUT = 120  # seconds, as the image's CMD: a long text takes a while to extract


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``figures`` command line; return the exit status."""
    args = _parser().parse_args(argv)
    try:
        return args.run(args)
    except BrokenPipeError:  # the reader went away (`figures extract | head`): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:  # Ctrl-C: the shell's status for it, without a traceback
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="figures",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    serve = commands.add_parser(
        "serve",
        help="run the HTTP service (gunicorn): /v1/extract, /docs, /metrics",
        description="Run the HTTP service under gunicorn, warm before it listens. See"
        " docs/http.md.",
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default: %(default)s)")
    serve.add_argument("--port", type=int, default=8000, help="port to bind (default: %(default)s)")
    serve.add_argument(
        "--workers",
        type=int,
        default=int(os.environ.get("WEB_CONCURRENCY", DEFAULT_WORKERS)),
        help="worker processes (default: $WEB_CONCURRENCY or %(default)s)",
    )
    serve.add_argument(
        "--timeout",
        type=int,
        default=DEFAULT_TIMEOUT,
        help="seconds a worker may stop answering the master before it is restarted; with"
        " threaded workers this is not a bound on one request (default: %(default)s)",
    )
    serve.set_defaults(run=_serve)

    extract = commands.add_parser(
        "extract",
        help="print the claims of text files as JSON lines",
        description="Print the claims of UTF-8 text files (or standard input), one JSON object"
        " per claim. See docs/http.md.",
    )
    extract.add_argument("files", nargs="*", metavar="FILE", help="UTF-8 text files (default: -)")
    extract.add_argument("--pretty", action="store_true", help="indent each claim, for humans")
    extract.add_argument(
        "--explain",
        action="store_true",
        help='print one object per file, {"document", "claims", "rejected"}: with every number'
        " that is not a claim and the reason why (a year, a date, an ordinal, ...)",
    )
    extract.add_argument(
        "--reference-date",
        type=reference_date_argument,
        metavar="YYYY-MM-DD",
        help="the texts' date (their dateline): each claim's time.resolved is counted from it",
    )
    extract.set_defaults(run=_extract)

    batch = commands.add_parser(
        "batch",
        help="extract the claims of whole archives into JSON Lines or Parquet",
        description='Extract the claims of JSON Lines ({"id", "text"} a line, and optionally'
        ' "reference_date"), text files'
        " (one document each, named by path) or directories of them, one row per claim"
        " and one error row per bad document. See docs/batch.md.",
    )
    batch.add_argument(
        "inputs", nargs="+", metavar="INPUT", help="*.jsonl/*.ndjson, text files, directories, -"
    )
    batch.add_argument("--output", "-o", required=True, metavar="OUT", help="the output file")
    batch.add_argument(
        "--format",
        choices=["jsonl", "parquet"],
        help="output format (default: parquet for OUT ending .parquet, else jsonl)",
    )
    batch.add_argument(
        "--workers", type=int, help="worker processes, or Spark's local cores (default: all cores)"
    )
    batch.add_argument(
        "--engine",
        choices=["local", "spark"],
        default="local",
        help="local: worker processes; spark: PySpark in local mode, OUT a directory"
        " (default: %(default)s)",
    )
    batch.add_argument(
        "--resume",
        action="store_true",
        help="continue an interrupted run from its checkpoint (JSON Lines, local engine only)",
    )
    batch.add_argument(
        "--chunk-size",
        type=int,
        default=64,  # keep in sync with service.batch.local.DEFAULT_CHUNK_SIZE
        metavar="N",
        help="documents per task and checkpoint step, local engine (default: %(default)s)",
    )
    batch.add_argument(
        "--reference-date",
        type=reference_date_argument,
        metavar="YYYY-MM-DD",
        help="the date of documents that give no reference_date of their own (text files,"
        " JSON lines without one)",
    )
    batch.set_defaults(run=_batch)
    return parser


def _serve(args: argparse.Namespace) -> int:
    from . import metrics_dir

    # Before the app (and prometheus_client) is imported: /metrics adds up every worker.
    metrics_dir.prepare()
    from .http.server import serve

    serve(host=args.host, port=args.port, workers=args.workers, timeout=args.timeout)
    return 0


def _extract(args: argparse.Namespace) -> int:
    from .core import explain, extract

    status = 0
    indent = 2 if args.pretty else None
    for name, text in _documents(args.files or [STDIN]):
        if text is None:
            status = 1
            continue
        if args.explain:
            explanation = explain(text, reference_date=args.reference_date)
            answer = {
                "document": name,
                "claims": [asdict(claim) for claim in explanation.claims],
                "rejected": [asdict(rejection) for rejection in explanation.rejected],
            }
            print(json.dumps(answer, indent=indent))
            continue
        for claim in extract(text, reference_date=args.reference_date):
            print(json.dumps({"document": name, **asdict(claim)}, indent=indent))
    sys.stdout.flush()
    return status


def _batch(args: argparse.Namespace) -> int:
    from .batch import stopping

    # From the start: a signal while the core loads stops the run as cleanly as one later.
    with stopping.on_signals():
        try:
            return _batch_until_done(args)
        except (stopping.Interrupted, KeyboardInterrupt) as stop:
            print(f"figures batch: interrupted; {_again(args)}", file=sys.stderr)
            return stop.status if isinstance(stop, stopping.Interrupted) else 130


def _again(args: argparse.Namespace) -> str:
    """Say how to go on after an interrupted run."""
    if args.engine == "spark":
        return "run it again"
    if args.format == "parquet" or (args.format is None and args.output.endswith(".parquet")):
        return "run it again (a Parquet output cannot be continued)"  # as writers.format_of
    return "add --resume to continue"


def _batch_until_done(args: argparse.Namespace) -> int:
    from .batch import local, progress, writers

    output_format = args.format or writers.format_of(args.output)
    workers = args.workers or local.default_workers()
    began = time.monotonic()
    try:
        if args.engine == "spark":
            start, counts = None, _batch_on_spark(args, output_format, workers)
        else:
            job = local.Job(
                tuple(args.inputs),
                args.output,
                output_format,
                workers,
                args.chunk_size,
                args.resume,
                args.reference_date,
            )
            start, counts = local.run(job)
    except local.JobError as error:
        print(f"figures batch: {error}", file=sys.stderr)
        return 2
    print(progress.summary(counts, time.monotonic() - began, args.output, start), file=sys.stderr)
    return 0


def _batch_on_spark(args: argparse.Namespace, output_format: str, workers: int):
    """Run the job on PySpark in local mode, one run per local output at a time."""
    from .batch import lock, stopping
    from .batch.local import JobError

    if "://" in args.output:  # a cluster's store: no local lock file to hold
        with stopping.on_signals():
            return _spark_run(args, output_format, workers)
    try:
        with lock.held(args.output), stopping.on_signals():
            return _spark_run(args, output_format, workers)
    except lock.Busy as error:
        raise JobError(str(error)) from None


def _spark_run(args: argparse.Namespace, output_format: str, workers: int):
    """Run the job on PySpark in local mode; for a cluster, spark-submit service/batch/spark.py."""
    from .batch.local import JobError

    if args.resume:
        raise JobError(
            "--resume works with the local engine only: Spark retries failed tasks itself,"
            " and a failed Spark job runs again from the start"
        )
    try:
        from .batch import spark
    except ImportError:
        hint = EXTRA_HINT.format(extra="spark", package="pyspark")
        raise JobError(f"the Spark engine needs PySpark: {hint}") from None
    try:
        session = spark.local_session(workers)
    except Exception as error:  # PySpark's error when Java is missing is not a documented type
        raise JobError(f"cannot start Spark (it needs Java 17): {error}") from None
    try:
        return spark.run(
            session, args.inputs, args.output, output_format, reference_date=args.reference_date
        )
    except ValueError as error:
        raise JobError(str(error)) from None
    finally:
        session.stop()


def _documents(names: Sequence[str]) -> Iterator[tuple[str, str | None]]:
    """Read each named file (``-``: standard input) as UTF-8, reporting the unreadable ones."""
    for name in names:
        try:
            data = sys.stdin.buffer.read() if name == STDIN else Path(name).read_bytes()
            yield name, data.decode("utf-8")
        except (OSError, UnicodeDecodeError) as error:
            print(f"figures: {name}: {_reason(error)}", file=sys.stderr)
            yield name, None


def _reason(error: OSError | UnicodeDecodeError) -> str:
    if isinstance(error, UnicodeDecodeError):
        return f"not UTF-8 (byte {error.start})"
    return error.strerror or str(error)


if __name__ == "__main__":  # python -m service.cli, as the console script
    sys.exit(main())
