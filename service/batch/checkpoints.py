"""Remember how far a JSON Lines run got, so an interrupted run can continue where it stopped.

A run writes ``OUT.partial`` and its per-document summary's partial file and, after each
ordered chunk (at most once a second) and when a signal stops it, fsyncs both and replaces
``OUT.checkpoint.json`` with their sizes and the input position after the last document
written. ``--resume`` cuts both back to those sizes and reads on from that position: what was
written after the checkpoint is written again, once. On success the partial files take their
names and the checkpoint is removed.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import asdict, dataclass, field, fields

from .readers import Position

VERSION = 2  # 2: the summary's offset, and duplicate ids counted


def partial_path(output: str) -> str:
    """Name the file a run writes before it is complete."""
    return output + ".partial"


def checkpoint_path(output: str) -> str:
    """Name the sidecar that records a run's progress."""
    return output + ".checkpoint.json"


def temporary_path(path: str) -> str:
    """Name the file a checkpoint is written to before it replaces the old one."""
    return path + ".tmp"


def summary_path(output: str) -> str:
    """Name the per-document summary written beside ``output``: ``.documents`` before its suffix.

    ``claims.jsonl`` → ``claims.documents.jsonl``, ``claims.parquet`` →
    ``claims.documents.parquet``, ``claims`` → ``claims.documents``.
    """
    root, suffix = os.path.splitext(output)
    return f"{root}.documents{suffix}"


@dataclass(frozen=True, slots=True)
class Counts:
    """What a run has done so far."""

    documents: int = 0  # documents read (good and bad)
    good: int = 0  # documents extracted
    bad: int = 0  # documents turned into error rows
    claims: int = 0  # claim rows written
    bytes: int = 0  # input bytes read
    duplicate_ids: int = 0  # documents whose id an earlier document of the run had

    def __add__(self, other: Counts) -> Counts:
        # Not dataclasses.astuple: it deep-copies, and this runs for every chunk.
        return Counts(*(getattr(self, name) + getattr(other, name) for name in _COUNTED))


_COUNTED = tuple(counted.name for counted in fields(Counts))


@dataclass(frozen=True, slots=True)
class Checkpoint:
    """The state of an interrupted run, as saved in its sidecar."""

    inputs: str  # the inputs' fingerprint (a digest of their paths, sizes and mtimes)
    format: str  # the output format
    offset: int  # bytes of the partial output that are complete
    position: Position  # where to go on reading
    counts: Counts = field(default_factory=Counts)  # what was done up to the checkpoint
    reference_date: str | None = None  # the job's default reference date (--reference-date)
    summary_offset: int = 0  # bytes of the partial per-document summary that are complete
    version: int = VERSION  # the layout of this file


def load(path: str) -> Checkpoint | None:
    """Read a checkpoint; None when there is none. Raise ``ValueError`` for a damaged one."""
    try:
        with open(path, encoding="utf-8") as file:
            raw = json.load(file)
    except FileNotFoundError:
        return None
    except (OSError, json.JSONDecodeError) as error:
        raise ValueError(f"{path}: unreadable checkpoint ({error})") from None
    try:
        if raw["version"] != VERSION:
            raise ValueError(f"{path}: checkpoint version {raw['version']}, expected {VERSION}")
        return Checkpoint(
            inputs=raw["inputs"],
            format=raw["format"],
            offset=int(raw["offset"]),
            position=Position(**raw["position"]),
            counts=Counts(**raw["counts"]),
            reference_date=raw["reference_date"],
            summary_offset=int(raw["summary_offset"]),
        )
    except (KeyError, TypeError) as error:
        raise ValueError(f"{path}: damaged checkpoint ({error!r})") from None


def save(path: str, checkpoint: Checkpoint) -> None:
    """Replace the checkpoint atomically: a crash leaves the old one or the new one.

    The temporary file is removed if writing it fails; one left by a process killed outright
    (SIGKILL, a power cut) is removed by the next run (``remove_temporary``).
    """
    temporary = temporary_path(path)
    try:
        with open(temporary, "w", encoding="utf-8") as file:
            json.dump(asdict(checkpoint), file)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.remove(temporary)


def remove_temporary(path: str) -> None:
    """Remove a checkpoint's temporary file left by a killed run (never a complete checkpoint)."""
    with contextlib.suppress(FileNotFoundError):
        os.remove(temporary_path(path))
