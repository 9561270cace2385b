"""Report a batch run: a progress line on a terminal while it runs, a summary line at the end."""

from __future__ import annotations

import time
from typing import TextIO

from .checkpoints import Counts

MB = 1_000_000
_INTERVAL = 0.5  # seconds between redraws of the progress line


class Progress:
    """Redraw one line on a terminal: documents, MB read (of the total), MB/s and ETA."""

    def __init__(self, stream: TextIO, total_bytes: int | None, start: Counts) -> None:
        self._stream = stream
        self._enabled = stream.isatty()
        self._total = total_bytes
        self._start = start  # done before this run (resumed), not counted in its speed
        self._began = self._drawn = time.monotonic()
        self._width = 0

    def update(self, counts: Counts, force: bool = False) -> None:
        """Redraw, at most twice a second."""
        now = time.monotonic()
        if not self._enabled or (not force and now - self._drawn < _INTERVAL):
            return
        self._drawn = now
        rate = (counts.bytes - self._start.bytes) / max(now - self._began, 1e-9)
        line = f"{counts.documents:,} documents  {counts.bytes / MB:,.1f}"
        if self._total:
            line += f"/{self._total / MB:,.1f} MB ({100 * counts.bytes / self._total:.0f}%)"
            left = max(self._total - counts.bytes, 0)
            line += f"  {rate / MB:.2f} MB/s  ETA {_clock(left / rate) if rate else '?'}"
        else:
            line += f" MB  {rate / MB:.2f} MB/s"
        self._stream.write("\r" + line.ljust(self._width))
        self._stream.flush()
        self._width = len(line)

    def note(self, message: str) -> None:
        """Write a line of its own (a warning), clearing the progress line first."""
        if self._enabled and self._width:
            self._stream.write("\r" + " " * self._width + "\r")
            self._width = 0
        self._stream.write(message + "\n")
        self._stream.flush()

    def close(self) -> None:
        """Clear the progress line."""
        if self._enabled and self._width:
            self._stream.write("\r" + " " * self._width + "\r")
            self._stream.flush()


def summary(counts: Counts, seconds: float, output: str, start: Counts | None = None) -> str:
    """Describe a finished run in one line of ``key=value`` pairs (easy to read and to grep).

    Throughput counts only this run's bytes: a resumed run does not claim its predecessor's.
    """
    rate = (counts.bytes - (start.bytes if start else 0)) / MB / max(seconds, 1e-9)
    return (
        f"figures batch: documents={counts.documents} good={counts.good} bad={counts.bad}"
        f" claims={counts.claims} errors={counts.bad} duplicate_ids={counts.duplicate_ids}"
        f" seconds={seconds:.2f} mb_per_s={rate:.2f} output={output}"
    )


def _clock(seconds: float) -> str:
    minutes, seconds = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}"
