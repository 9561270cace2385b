"""Throughput of the core at another commit beside this tree's, in one run: an A/B.

A change that restructures the core must not make it slower; absolute times on a shared
two-core machine say little, so both sides run here, in turn, on the same text, in fresh
interpreters, several rounds, and the best CPU time of each side counts.

    python -m benchmarks.perf --against fcec6b6     # in the perf table
    python -m benchmarks.ab fcec6b6                 # this measurement alone

The other commit is checked out in a temporary ``git worktree`` (removed afterwards) and runs
with this venv's libraries.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from .corpus import generate
from .load import ROOT

KB = 1000
# One side's measurement: import the core of the tree at argv[1], warm it, time extract.
_SIDE = (
    "import sys, time\n"
    "sys.path.insert(0, sys.argv[1])\n"
    "from service.core import extract, warm\n"
    "import service.core\n"
    "assert service.core.__file__.startswith(sys.argv[1]), service.core.__file__\n"
    "text = open(sys.argv[2], encoding='utf-8').read()\n"
    "warm(); extract(text[:100000])\n"
    "best = None\n"
    "for _ in range(int(sys.argv[3])):\n"
    "    t = time.process_time(); claims = extract(text); t = time.process_time() - t\n"
    "    best = t if best is None else min(best, t)\n"
    "print(best, len(claims))\n"
)


def compare(ref: str, size: int = 1000 * KB, rounds: int = 3, runs: int = 3) -> dict[str, object]:
    """Time this tree's core and ``ref``'s on the same corpus; ratio > 1 means this is faster."""
    with tempfile.TemporaryDirectory() as tmp:
        other = Path(tmp) / "other"
        subprocess.run(
            ["git", "worktree", "add", "--detach", "--quiet", str(other), ref],
            cwd=ROOT,
            check=True,
        )
        try:
            corpus = Path(tmp) / "corpus.txt"
            corpus.write_text(generate(size, 1), encoding="utf-8")
            ours: list[float] = []
            theirs: list[float] = []
            claims: dict[str, int] = {}
            for _ in range(rounds):
                for name, tree, times in (("this", ROOT, ours), (ref, other, theirs)):
                    seconds, count = _side(tree, corpus, runs)
                    times.append(seconds)
                    claims[name] = count
        finally:
            subprocess.run(
                ["git", "worktree", "remove", "--force", str(other)], cwd=ROOT, check=False
            )
    return {
        "ref": ref,
        "bytes": size,
        "this_cpu_seconds": min(ours),
        "other_cpu_seconds": min(theirs),
        "this_runs": ours,
        "other_runs": theirs,
        "claims": claims,
        "ratio": min(theirs) / min(ours),
    }


def _side(tree: Path, corpus: Path, runs: int) -> tuple[float, int]:
    done = subprocess.run(
        [sys.executable, "-c", _SIDE, str(tree), str(corpus), str(runs)],
        cwd=tree,
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    seconds, count = done.stdout.split()
    return float(seconds), int(count)


def render(result: dict[str, object]) -> str:
    """One table: both sides' best CPU time per MB and the ratio."""
    size = int(result["bytes"])  # type: ignore[call-overload]
    rows = [
        f"A/B on {size / KB:.0f} KB of the seeded corpus, best CPU time of "
        f"{len(result['this_runs'])} rounds (claims: {result['claims']})",  # type: ignore[arg-type]
        f"  this tree        {result['this_cpu_seconds']:.3f} s",
        f"  {result['ref']:<16} {result['other_cpu_seconds']:.3f} s",
        f"  speed ratio (other / this; > 1 is faster here): {result['ratio']:.3f}",
    ]
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    """Print the A/B of this tree against a commit."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ref", help="the commit to compare with, e.g. fcec6b6")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    print(render(compare(args.ref, rounds=args.rounds)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
