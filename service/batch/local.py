"""Run a batch job on this machine: worker processes, output in input order, checkpoints.

The main process reads documents and cuts them into chunks; each worker process (started
with ``spawn``, the extractor warmed once in each) extracts a chunk and encodes its rows; the
main process writes the encoded chunks in input order. At most ``2 × workers`` chunks are in
flight, so memory stays flat however large the input. The output's bytes depend only on the
input and the chunk size, never on the number of workers.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TextIO

from . import checkpoints, readers
from .checkpoints import Checkpoint, Counts
from .progress import Progress
from .readers import Document, Position
from .rows import rows_of
from .writers import PARQUET_MISSING, Format, encode, open_writer

DEFAULT_CHUNK_SIZE = 64  # documents per chunk: a task for a worker, a checkpoint's step
CHUNK_BYTES = 8_000_000  # a chunk also ends once its documents hold this many bytes
# Seconds between checkpoints; 0 checkpoints after every chunk.
CHECKPOINT_SECONDS_VARIABLE = "FIGURES_BATCH_CHECKPOINT_SECONDS"
# Tests only: end the process abruptly after writing this many chunks, before checkpointing.
EXIT_AFTER_CHUNKS_VARIABLE = "_FIGURES_BATCH_EXIT_AFTER_CHUNKS"


class JobError(Exception):
    """A job that cannot start as asked; the message says why and what to do."""


@dataclass(frozen=True, slots=True)
class Job:
    """What to read, where to write it and how."""

    inputs: tuple[str, ...]  # files, directories, or "-" for JSON Lines on standard input
    output: str  # the output file
    format: Format  # "jsonl" or "parquet"
    workers: int  # worker processes; 1 extracts in the main process
    chunk_size: int = DEFAULT_CHUNK_SIZE  # documents per chunk
    resume: bool = False  # continue an interrupted run from its checkpoint
    reference_date: str | None = None  # "YYYY-MM-DD" of documents that give none of their own


@dataclass(frozen=True, slots=True)
class Chunk:
    """A chunk's output, encoded by the worker, and what it counts for."""

    payload: Any  # JSON Lines bytes or an Arrow record batch
    counts: Counts  # documents, good, bad, claims and bytes of the chunk


def default_workers() -> int:
    """Use every core this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def run(job: Job, stderr: TextIO = sys.stderr) -> tuple[Counts, Counts]:
    """Run ``job``; return the counts at the start (non-zero when resumed) and at the end."""
    found, limit = _prepare(job)
    partial = checkpoints.partial_path(job.output)
    sidecar = checkpoints.checkpoint_path(job.output)
    checkpoint = _resumable(job, found, sidecar, stderr)
    position = checkpoint.position if checkpoint else Position(0)
    start = counts = checkpoint.counts if checkpoint else Counts()
    try:
        writer = open_writer(partial, job.format, checkpoint.offset if checkpoint else 0)
    except (OSError, ValueError) as error:
        raise JobError(f"cannot write {partial}: {error}") from None
    progress = Progress(stderr, readers.total_bytes(found), start)
    interval, exit_after = _settings()
    inputs = readers.fingerprint(found)
    saved = time.monotonic()
    chunks = _chunks(readers.read(found, limit, position), job.chunk_size)
    try:
        with _mapper(job.workers, job.format, job.reference_date) as ordered:
            for written, (end, chunk) in enumerate(ordered(chunks), start=1):
                writer.write(chunk.payload)
                counts += chunk.counts
                progress.update(counts)
                if written == exit_after:  # a crash after writing, before checkpointing
                    writer.sync()
                    os._exit(75)
                if job.format == "jsonl" and time.monotonic() - saved >= interval:
                    offset = writer.sync()
                    checkpoint = Checkpoint(
                        inputs, job.format, offset, end, counts, job.reference_date
                    )
                    checkpoints.save(sidecar, checkpoint)
                    saved = time.monotonic()
        writer.close()
    finally:
        progress.update(counts, force=True)
        progress.close()
    os.replace(partial, job.output)
    if os.path.exists(sidecar):
        os.remove(sidecar)
    return start, counts


def _settings() -> tuple[float, int]:
    """Read the seconds between checkpoints and the tests' crash hook from the environment."""
    try:
        interval = float(os.environ.get(CHECKPOINT_SECONDS_VARIABLE, "1"))
        exit_after = int(os.environ.get(EXIT_AFTER_CHUNKS_VARIABLE, "0"))
    except ValueError as error:
        raise JobError(f"{CHECKPOINT_SECONDS_VARIABLE}: {error}") from None
    return interval, exit_after


def _prepare(job: Job) -> tuple[tuple[readers.Source, ...], int]:
    """Check the job before any work: inputs exist, the output can be written, limits parse."""
    try:
        found = readers.sources(job.inputs)
        limit = readers.max_text_bytes()
    except (FileNotFoundError, ValueError) as error:
        raise JobError(str(error)) from None
    own = {os.path.abspath(p) for p in (job.output, checkpoints.partial_path(job.output))}
    found = tuple(s for s in found if os.path.abspath(s.path) not in own)  # an earlier output
    if os.path.isdir(job.output):
        raise JobError(f"{job.output} is a directory; the local engine writes one file")
    if job.resume and job.format == "parquet":
        raise JobError(
            "--resume needs JSON Lines output: a Parquet file is unreadable until it is closed,"
            " so an interrupted Parquet run cannot be continued and must start again"
        )
    if job.workers < 1 or job.chunk_size < 1:
        raise JobError("--workers and --chunk-size must be at least 1")
    if job.reference_date is not None:
        try:
            readers.parse_reference_date(job.reference_date)
        except ValueError as error:
            raise JobError(f"--reference-date is {error}") from None
    if job.format == "parquet":
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            raise JobError(PARQUET_MISSING) from None
    return found, limit


def _resumable(
    job: Job, found: tuple[readers.Source, ...], sidecar: str, stderr: TextIO
) -> Checkpoint | None:
    """Return the checkpoint to continue from, if asked to and it fits this job."""
    try:
        checkpoint = checkpoints.load(sidecar) if job.format == "jsonl" else None
    except ValueError as error:
        raise JobError(f"{error}; delete it to start again") from None
    if checkpoint is None:
        if job.resume:
            stderr.write(f"figures batch: no checkpoint at {sidecar}; starting at the beginning\n")
        return None
    if not job.resume:
        raise JobError(
            f"{sidecar} records an interrupted run: add --resume to continue it,"
            f" or delete it to start again"
        )
    if checkpoint.inputs != readers.fingerprint(found) or checkpoint.format != job.format:
        raise JobError(
            f"the inputs or the format differ from those of the interrupted run in {sidecar};"
            f" run with the same ones, or delete it to start again"
        )
    if checkpoint.reference_date != job.reference_date:
        raise JobError(
            f"--reference-date differs from the interrupted run's in {sidecar}"
            f" ({checkpoint.reference_date or 'none'}); run with the same one,"
            f" or delete it to start again"
        )
    stderr.write(f"figures batch: resuming after {checkpoint.counts.documents} documents\n")
    return checkpoint


def _chunks(
    documents: Iterable[tuple[Document, Position]], size: int
) -> Iterator[tuple[Position, list[Document]]]:
    """Group documents into chunks, each with the position after its last document."""
    chunk: list[Document] = []
    held = 0
    for document, end in documents:
        chunk.append(document)
        held += document.size
        if len(chunk) >= size or held >= CHUNK_BYTES:
            yield end, chunk
            chunk, held = [], 0
    if chunk:
        yield end, chunk


Ordered = Callable[[Iterable[tuple[Position, list[Document]]]], Iterator[tuple[Position, Chunk]]]


@contextmanager
def _mapper(workers: int, format: Format, reference_date: str | None) -> Iterator[Ordered]:
    """Provide a function that extracts chunks and yields them in input order."""
    if workers == 1:
        _start(format, reference_date)
        yield lambda chunks: ((end, _extract(chunk)) for end, chunk in chunks)
        return
    context = multiprocessing.get_context("spawn")
    pool = context.Pool(workers, initializer=_start_worker, initargs=(format, reference_date))
    try:
        yield lambda chunks: _bounded(pool, chunks, window=2 * workers)
        pool.close()
        pool.join()
    finally:
        pool.terminate()


def _bounded(pool, chunks, window: int) -> Iterator[tuple[Position, Chunk]]:
    """Map chunks over the pool in order, keeping at most ``window`` in flight.

    ``Pool.imap`` would read the whole input ahead of slow workers; this does not.
    """
    pending: deque = deque()
    for end, chunk in chunks:
        pending.append((end, pool.apply_async(_extract, (chunk,))))
        if len(pending) >= window:
            done, result = pending.popleft()
            yield done, result.get()
    while pending:
        done, result = pending.popleft()
        yield done, result.get()


_format: Format = "jsonl"  # the output format of this worker's job
_reference_date: str | None = None  # the job's default reference date


def _start(format: Format, reference_date: str | None = None) -> None:
    """Warm the extractor once in this process; remember the output format and default date."""
    from service.core import warm

    global _format, _reference_date
    _format, _reference_date = format, reference_date
    warm()


def _start_worker(format: Format, reference_date: str | None = None) -> None:
    """Start a worker: Ctrl-C is the main process's to handle."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _start(format, reference_date)


def _extract(documents: list[Document]) -> Chunk:
    """Extract and encode one chunk."""
    rows = []
    good = claims = size = 0
    for document in documents:
        outcome = rows_of(document, _reference_date)
        rows.extend(outcome.rows)
        good += outcome.good
        claims += outcome.claims
        size += document.size
    counts = Counts(len(documents), good, len(documents) - good, claims, size)
    return Chunk(encode(rows, _format), counts)
