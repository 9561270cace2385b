"""Run a batch job on this machine: worker processes, output in input order, checkpoints.

The main process reads documents and cuts them into chunks; each worker process (started
with ``spawn``, the extractor warmed once in each) parses a chunk's lines, extracts it and
encodes its rows and its per-document summary; the main process writes the encoded chunks in
input order. The main process feeds every worker, so it does as little as it can: it never
decodes JSON (the workers return the ids it needs to tell duplicates), and a chunk's rows
reach the output by a copy in the kernel (``spools``), never through its memory. At most
``2 × workers`` chunks are in flight, so memory stays flat however large the input. The
output's bytes depend only on the input and the chunk size, never on the number of workers.

A run holds the output's lock throughout (``lock``): a second run on the same output stops at
once. SIGINT and SIGTERM stop it alike (``stopping``): the workers end, what was written is
checkpointed (JSON Lines) or the partial files removed (Parquet), and ``Interrupted`` says
with which signal.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any, TextIO

from . import checkpoints, lock, readers, spools
from .checkpoints import Checkpoint, Counts
from .duplicates import SeenIds
from .progress import Progress
from .readers import Item, Position, document_of
from .rows import rows_of, summary_row
from .stopping import Interrupted, Stopping, on_signals
from .workers import Handed, WorkerDied, Workers, discard
from .writers import PARQUET_MISSING, Format, encode, open_writer

DEFAULT_CHUNK_SIZE = 64  # documents per chunk: a task for a worker, a checkpoint's step
CHUNK_BYTES = 8_000_000  # a chunk also ends once its documents hold this many bytes
# Seconds between checkpoints; 0 checkpoints after every chunk.
CHECKPOINT_SECONDS_VARIABLE = "FIGURES_BATCH_CHECKPOINT_SECONDS"
# Tests only: end the process abruptly after writing this many chunks, before checkpointing.
EXIT_AFTER_CHUNKS_VARIABLE = "_FIGURES_BATCH_EXIT_AFTER_CHUNKS"
# Duplicate ids named one by one on stderr; the summary line counts them all.
MAX_DUPLICATES_SHOWN = 10


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

    payload: Any  # JSON Lines bytes or an Arrow record batch; None when handed as a file
    summary: Any  # its documents' summary rows, encoded likewise
    counts: Counts  # documents, good, bad, claims and bytes of the chunk
    ids: tuple[str | None, ...]  # its documents' ids, in order, to tell duplicates


@dataclass(frozen=True, slots=True)
class Paths:
    """The files of a run: the output, its summary, their partial files, the checkpoint."""

    output: str
    partial: str
    summary: str
    summary_partial: str
    sidecar: str

    @classmethod
    def of(cls, output: str) -> Paths:
        """Name every file of the run that writes ``output``."""
        summary = checkpoints.summary_path(output)
        return cls(
            output,
            checkpoints.partial_path(output),
            summary,
            checkpoints.partial_path(summary),
            checkpoints.checkpoint_path(output),
        )


def default_workers() -> int:
    """Use every core this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def run(job: Job, stderr: TextIO = sys.stderr) -> tuple[Counts, Counts]:
    """Run ``job``; return the counts at the start (non-zero when resumed) and at the end.

    Raises ``JobError`` when it cannot start (or another run holds the output) and
    ``Interrupted`` when SIGINT or SIGTERM stopped it.
    """
    found, limit = _prepare(job)
    try:
        with lock.held(job.output), on_signals() as stop:
            return _run(job, found, limit, stop, stderr)
    except lock.Busy as error:
        raise JobError(str(error)) from None


def _run(
    job: Job, found: tuple[readers.Source, ...], limit: int, stop: Stopping, stderr: TextIO
) -> tuple[Counts, Counts]:
    """Run ``job`` under its lock, with ``stop`` turning signals into ``Interrupted``."""
    paths = Paths.of(job.output)
    output: Output | None = None
    progress: Progress | None = None
    try:
        with stop.critical():  # a signal now stops the run once its files are open
            checkpoints.remove_temporary(paths.sidecar)  # a killed run's: this run holds the lock
            checkpoint = _resumable(job, found, paths.sidecar, stderr)
            output = Output(job, paths, checkpoint, readers.fingerprint(found))
        progress = Progress(stderr, readers.total_bytes(found), output.counts)
        _extract_all(job, found, limit, stop, output, progress, checkpoint)
    except (Interrupted, WorkerDied) as error:
        if output is not None and not output.finished:  # else the signal came as it ended
            with stop.critical():
                output.abandon()
            if isinstance(error, WorkerDied):
                raise JobError(f"{error}; {_again(job)}") from None
            raise
    finally:
        if progress is not None and output is not None:
            progress.update(output.counts, force=True)
            progress.close()
    return (checkpoint.counts if checkpoint else Counts()), output.counts


def _extract_all(
    job: Job,
    found: tuple[readers.Source, ...],
    limit: int,
    stop: Stopping,
    output: Output,
    progress: Progress,
    checkpoint: Checkpoint | None,
) -> None:
    """Extract every document after the checkpoint into ``output``, then complete it."""
    seen = _seen_ids(output.paths.summary_partial, job.format, checkpoint)
    repeats = Repeats(seen, found, progress.note)
    items = readers.read(found, limit, output.end)
    interval, exit_after = _settings()
    saved = time.monotonic()
    with _mapper(job.workers, job.format, job.reference_date, limit) as ordered:
        chunks = ordered(_chunks(items, job.chunk_size))
        for written, ((end, places), result) in enumerate(chunks, start=1):
            _write(output, stop, (end, places), result, repeats)
            progress.update(output.counts)
            if written == exit_after:  # a crash after writing, before checkpointing
                output.sync()
                os._exit(75)
            if job.format == "jsonl" and time.monotonic() - saved >= interval:
                with stop.critical():
                    output.save()
                saved = time.monotonic()
    with stop.critical():
        output.finish()


def _write(
    output: Output,
    stop: Stopping,
    key: tuple[Position, list[Position]],
    result: Any,
    repeats: Repeats,
) -> None:
    """Write one chunk (or the chunk ``Handed`` with its rows in a file), then close its file.

    ``key``: the positions after the chunk and after each of its documents.
    """
    end, places = key
    try:
        duplicates = repeats.count(result, places)
        with stop.critical():
            if isinstance(result, Handed):
                output.write(end, result.result, duplicates, result.fd)
            else:
                output.write(end, result, duplicates)
    finally:
        discard(result)


def _again(job: Job) -> str:
    """Say how to go on after a run that stopped early."""
    if job.format == "jsonl":
        return "add --resume to continue"
    return "run it again (a Parquet output cannot be continued)"


class Output:
    """The run's partial output and summary, what they hold so far, and its checkpoint."""

    def __init__(self, job: Job, paths: Paths, checkpoint: Checkpoint | None, inputs: str) -> None:
        self._job, self.paths, self._inputs = job, paths, inputs
        self.counts = checkpoint.counts if checkpoint else Counts()
        self.end = checkpoint.position if checkpoint else Position(0)  # after the last written
        self.finished = False
        offsets = (checkpoint.offset, checkpoint.summary_offset) if checkpoint else (0, 0)
        try:
            self._rows = open_writer(paths.partial, job.format, offsets[0])
            self._summary = open_writer(paths.summary_partial, job.format, offsets[1], True)
        except (OSError, ValueError) as error:
            raise JobError(f"cannot write {paths.partial}: {error}") from None

    def write(self, end: Position, chunk: Chunk, duplicates: int, fd: int | None = None) -> None:
        """Append a chunk's rows (or the file open at ``fd`` that holds them) and its summary.

        Count it and the duplicate ids it holds.
        """
        if fd is None:
            self._rows.write(chunk.payload)
        else:
            self._rows.append(fd)  # type: ignore[attr-defined]  # JSON Lines only
        self._summary.write(chunk.summary)
        self.counts += chunk.counts + Counts(duplicate_ids=duplicates)
        self.end = end

    def sync(self) -> tuple[int, int]:
        """Make both files durable; return their sizes."""
        return self._rows.sync(), self._summary.sync()

    def save(self) -> None:
        """Checkpoint what is written (JSON Lines): both files synced, then the sidecar."""
        offset, summary_offset = self.sync()
        job = self._job
        checkpoint = Checkpoint(
            self._inputs, job.format, offset, self.end, self.counts, job.reference_date,
            summary_offset,
        )  # fmt: skip
        checkpoints.save(self.paths.sidecar, checkpoint)

    def finish(self) -> None:
        """Close both files and give them their names; the run is complete."""
        self._rows.close()
        self._summary.close()
        os.replace(self.paths.summary_partial, self.paths.summary)
        os.replace(self.paths.partial, self.paths.output)
        if os.path.exists(self.paths.sidecar):
            os.remove(self.paths.sidecar)
        self.finished = True

    def abandon(self) -> None:
        """Stop early: checkpoint what is written (JSON Lines), or remove what cannot resume."""
        if self._job.format == "jsonl":
            self.save()
            self._rows.close()
            self._summary.close()
            return
        for path in (self.paths.partial, self.paths.summary_partial):
            if os.path.exists(path):
                os.remove(path)  # a Parquet file without its footer: unreadable


def _seen_ids(summary: str, format: Format, checkpoint: Checkpoint | None) -> SeenIds:
    """Return the ids written before the checkpoint (from the summary), to tell a duplicate."""
    seen = SeenIds()
    if checkpoint is None or format != "jsonl":
        return seen
    with open(summary, "rb") as file:
        lines = file.read(checkpoint.summary_offset).splitlines()
    seen.repeats(json.loads(line)["id"] for line in lines)
    return seen


class Repeats:
    """Tell the documents whose id an earlier one had, chunk by chunk in input order.

    The workers parse the documents, so the ids come back with each chunk's result; the first
    few repeated ones are named in a warning.
    """

    def __init__(
        self, seen: SeenIds, found: tuple[readers.Source, ...], note: Callable[[str], None]
    ) -> None:
        self._seen, self._found, self._note = seen, found, note
        self._repeated = 0  # in the run so far

    def count(self, result: Any, places: list[Position]) -> int:
        """Count the repeated ids of a chunk whose documents end at ``places``; warn of them."""
        chunk = result.result if isinstance(result, Handed) else result
        repeated = self._seen.repeats(chunk.ids)
        for index in repeated:
            self._warn(chunk.ids[index], places[index])
        return len(repeated)

    def _warn(self, document_id: str, end: Position) -> None:
        self._repeated += 1
        if self._repeated <= MAX_DUPLICATES_SHOWN:
            # A text file's end is the start of the next source; a line's is in its own.
            source = self._found[end.source if end.line else end.source - 1]
            where = f"line {end.line} of {source.path}" if source.kind == "jsonl" else source.path
            self._note(
                f"figures batch: warning: the id {json.dumps(document_id)} ({where}) is not"
                " unique: an earlier document has it too"
            )
        elif self._repeated == MAX_DUPLICATES_SHOWN + 1:
            self._note(
                "figures batch: warning: more ids are not unique; the summary line counts all"
            )


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
    paths = Paths.of(job.output)
    own = {os.path.abspath(p) for p in (paths.output, paths.partial, paths.summary)}
    own.add(os.path.abspath(paths.summary_partial))
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
    items: Iterable[tuple[Item, Position]], size: int
) -> Iterator[tuple[tuple[Position, list[Position]], list[Item]]]:
    """Group documents into chunks; key each by the position after it and after each of its."""
    chunk: list[Item] = []
    places: list[Position] = []
    held = 0
    for item, end in items:
        chunk.append(item)
        places.append(end)
        held += item.size
        if len(chunk) >= size or held >= CHUNK_BYTES:
            yield (end, places), chunk
            chunk, places, held = [], [], 0
    if chunk:
        yield (end, places), chunk


Ordered = Callable[[Iterable[tuple[Any, list[Item]]]], Iterator[tuple[Any, Any]]]


@contextmanager
def _mapper(
    workers: int, format: Format, reference_date: str | None, limit: int
) -> Iterator[Ordered]:
    """Provide a function that extracts keyed chunks and yields them in input order.

    What it yields for a chunk is a ``Chunk``, or from a worker a ``Handed`` one (its rows in
    a file, ``spools``).
    """
    if workers == 1:
        _start(format, reference_date, limit)
        yield lambda chunks: ((key, _extract(chunk)) for key, chunk in chunks)
        return
    pool = Workers(workers, _extract_handed, _start_worker, (format, reference_date, limit))
    try:
        yield lambda chunks: pool.ordered(chunks, window=2 * workers)
    except BaseException:  # a signal, a dead worker, a full disk: end the workers now
        pool.stop()
        raise
    pool.close()


_format: Format = "jsonl"  # the output format of this worker's job
_reference_date: str | None = None  # the job's default reference date
_limit: int = readers.DEFAULT_MAX_TEXT_BYTES  # the largest text, in UTF-8 bytes


def _start(format: Format, reference_date: str | None, limit: int) -> None:
    """Warm the extractor once in this process; remember the job's format, date and limit."""
    from service.core import warm

    global _format, _reference_date, _limit
    _format, _reference_date, _limit = format, reference_date, limit
    warm()


def _start_worker(format: Format, reference_date: str | None, limit: int) -> None:
    """Start a worker: signals are the main process's to handle (it stops the workers)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _start(format, reference_date, limit)


def _extract_handed(items: list[Item]) -> Chunk | Handed:
    """Extract a chunk in a worker; hand its JSON Lines rows over in a file (``spools``)."""
    chunk = _extract(items)
    if _format != "jsonl" or not spools.AVAILABLE:
        return chunk
    return Handed(replace(chunk, payload=None), spools.spool(chunk.payload))


def _extract(items: list[Item]) -> Chunk:
    """Parse, extract and encode one chunk: its rows, and a summary row per document."""
    documents = [document_of(item, _limit) for item in items]
    rows, summary = [], []
    good = claims = size = 0
    for document in documents:
        outcome = rows_of(document, _reference_date)
        rows.extend(outcome.rows)
        summary.append(summary_row(document, outcome))
        good += outcome.good
        claims += outcome.claims
        size += document.size
    counts = Counts(len(documents), good, len(documents) - good, claims, size)
    ids = tuple(document.id for document in documents)
    return Chunk(encode(rows, _format), encode(summary, _format, summary=True), counts, ids)
