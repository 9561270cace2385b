"""Where a measurement comes from: the commit and the day, and the floors it may raise.

Shared by the benchmarks that write floor files (``accuracy``, ``frames``) and the one that
prints a run's machine (``perf``), so that each says "measured at" the same way.
"""

from __future__ import annotations

import math
import subprocess
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def git(*args: str) -> str:
    """Return what ``git`` prints for ``args`` in the project, or "" when it cannot answer."""
    try:
        done = subprocess.run(
            ["git", *args], cwd=ROOT, capture_output=True, text=True, check=True, timeout=10
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.strip()


def provenance() -> dict:
    """Return today's date and the commit measured, "+dirty" when the core has local edits."""
    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    if git("status", "--porcelain", "--", "service/core"):
        commit += "+dirty"
    return {"date": datetime.now(UTC).strftime("%Y-%m-%d"), "commit": commit}


def rounded_down(value: float) -> float:
    """Round a ratio down to three decimals, as a floor holds it (never above what was seen)."""
    return math.floor(round(value * 1000, 6)) / 1000
