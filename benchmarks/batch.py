"""Measure ``figures batch`` against issue 9's targets: ``python -m benchmarks.batch [--mb 200]``.

In one run, on a generated JSON Lines corpus of ``--mb`` MB (``benchmarks.corpus`` articles,
written to a temporary directory outside the repository): ``figures batch`` with 1 and with
2 workers, and the Spark job in ``local[2]``, timed once its session is up and warm. Reports
MB/s of each, the 2-worker speed-up over 1 (target ≥ 1.8×), Spark's time over the local
default's, which uses every core (target ≤ 1.3×), and the peak memory of each process at a
quarter of the corpus and at all of it (flat: the input is streamed, never loaded). Checks
that every run wrote the same claims. Slow (minutes on two cores): run on demand, not in CI.

    python -m benchmarks.batch             # 200 MB
    python -m benchmarks.batch --mb 20     # a quick look
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import platform
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from .corpus import article

MB = 1_000_000
FIGURES = str(Path(sys.executable).parent / "figures")
ROOT = Path(__file__).resolve().parent.parent
# Targets from issue 9; keep in sync with docs/batch.md "Benchmark".
SPEED_UP_GOAL = 1.8  # 2 workers over 1
SPARK_GOAL = 1.3  # Spark's time over the local default's, session up
FLAT_FACTOR, FLAT_SLACK_MB = 1.10, 16  # peak memory at 4× the input: at most 10% + 16 MB more


@dataclass
class Run:
    """One measured run."""

    name: str  # what ran
    megabytes: float  # input size
    seconds: float  # wall time
    digest: str  # SHA-256 of the claims written, in order
    cpu_seconds: float | None = None  # user + system time of the run's processes
    main_peak_mb: float | None = None  # peak RSS of the main process
    worker_peak_mb: list[float] = field(default_factory=list)  # peak RSS of each worker

    @property
    def rate(self) -> float:
        """Throughput in MB/s."""
        return self.megabytes / self.seconds


def main(argv: list[str] | None = None) -> int:
    """Generate the corpus, run every measurement, print the table and the verdicts."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=200, help="corpus size in MB (default: 200)")
    parser.add_argument("--no-spark", action="store_true", help="skip the Spark run")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="figures-batch-bench-"))
    try:
        results = measure(work, int(args.mb * MB), spark=not args.no_spark)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(table(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, default=vars))
    return 0


def measure(work: Path, size: int, spark: bool) -> dict:
    """Run every measurement on a corpus of ``size`` bytes written into ``work``."""
    began, core = time.monotonic(), _core_digest()
    corpus, quarter = work / "corpus.jsonl", work / "quarter.jsonl"
    documents = write_corpus(corpus, quarter, size)
    print(
        f"corpus: {corpus.stat().st_size / MB:.1f} MB, {documents} documents,"
        f" written in {time.monotonic() - began:.0f} s",
        file=sys.stderr,
    )
    runs = [
        local_run(corpus, work / "one.jsonl", workers=1),
        local_run(corpus, work / "two.jsonl", workers=2),
        local_run(quarter, work / "quarter-two.jsonl", workers=2),
        local_run(quarter, work / "quarter-one.jsonl", workers=1),
    ]
    if spark:
        runs.append(spark_run(corpus, work))
    if _core_digest() != core:
        print("WARNING: service/core changed during the run: the runs are not comparable")
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python"
        f" {platform.python_version()}, {platform.system()}",
        "commit": _commit(),
        "documents": documents,
        "runs": [vars(run) | {"rate": run.rate} for run in runs],
    }


def write_corpus(path: Path, quarter: Path, size: int) -> int:
    """Write news articles of 1.5–6 KB as JSON Lines until ``size`` bytes; a quarter apart."""
    rng = random.Random(9)
    written = number = 0
    with path.open("wb") as full, quarter.open("wb") as part:
        while written < size:
            text = article(seed=number, size=rng.randint(1500, 6000))
            record = {"id": f"bench-{number:07d}", "text": text}
            line = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
            full.write(line)
            if written < size / 4:
                part.write(line)
            written += len(line)
            number += 1
    return number


def local_run(corpus: Path, output: Path, workers: int) -> Run:
    """Run ``figures batch`` and watch the peak memory of its processes."""
    print(f"figures batch --workers {workers} on {corpus.name} …", file=sys.stderr)
    command = [FIGURES, "batch", str(corpus), "--output", str(output), "--workers", str(workers)]
    began, cpu = time.monotonic(), _children_cpu()
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    peaks: dict[int, float] = {}
    while process.poll() is None:
        for pid in [process.pid, *_children(process.pid)]:
            peak = _peak_mb(pid)
            if peak is not None:
                peaks[pid] = max(peak, peaks.get(pid, 0))
        time.sleep(0.2)
    seconds, cpu = time.monotonic() - began, _children_cpu() - cpu
    stderr = process.stderr.read() if process.stderr else ""
    if process.returncode:
        raise RuntimeError(f"{' '.join(command)} failed:\n{stderr}")
    print(stderr.strip().splitlines()[-1], file=sys.stderr)
    main_peak = peaks.pop(process.pid, None)
    return Run(
        name=f"figures batch, {workers} worker{'s' if workers > 1 else ''}",
        megabytes=corpus.stat().st_size / MB,
        seconds=seconds,
        digest=_digest([output]),
        cpu_seconds=cpu,
        main_peak_mb=main_peak,
        worker_peak_mb=sorted(peaks.values()),
    )


def spark_run(corpus: Path, work: Path) -> Run:
    """Run the Spark job in ``local[2]``, timed from a session that has already run a job."""
    from service.batch.spark import local_session, run

    print("Spark local[2]: starting the session …", file=sys.stderr)
    session = local_session(2)
    try:
        warm_up = work / "warm-up.jsonl"
        with corpus.open("rb") as source, warm_up.open("wb") as target:
            for _ in range(20):
                target.write(source.readline())
        run(session, [str(warm_up)], str(work / "warm-up"), "jsonl")
        print(f"Spark local[2] on {corpus.name} …", file=sys.stderr)
        began = time.monotonic()
        counts = run(session, [str(corpus)], str(work / "spark"), "jsonl")
        seconds = time.monotonic() - began
    finally:
        session.stop()
    print(f"spark: documents={counts.documents} claims={counts.claims}", file=sys.stderr)
    return Run(
        name="Spark local[2]",
        megabytes=corpus.stat().st_size / MB,
        seconds=seconds,
        digest=_digest(sorted((work / "spark").glob("part-*"))),
    )


def table(results: dict) -> str:
    """Lay the runs and the verdicts out as plain text."""
    runs = {(run["name"], round(run["megabytes"])): run for run in results["runs"]}
    full = max(run["megabytes"] for run in results["runs"])
    lines = [
        f"figures batch benchmark — {results['date']}, {results['machine']},"
        f" commit {results['commit']}, {results['documents']} documents",
        "",
        f"{'run':<28} {'MB':>7} {'seconds':>8} {'MB/s':>6} {'CPU s/MB':>8}"
        f" {'main MB':>8} {'workers MB':>12}",
    ]
    for run in results["runs"]:
        workers = "/".join(f"{m:.0f}" for m in run["worker_peak_mb"]) or "—"
        main_mb = f"{run['main_peak_mb']:.0f}" if run["main_peak_mb"] else "—"
        cpu = f"{run['cpu_seconds'] / run['megabytes']:.2f}" if run["cpu_seconds"] else "—"
        lines.append(
            f"{run['name']:<28} {run['megabytes']:>7.1f} {run['seconds']:>8.1f}"
            f" {run['rate']:>6.2f} {cpu:>8} {main_mb:>8} {workers:>12}"
        )
    one, two = (runs[f"figures batch, {n}", round(full)] for n in ("1 worker", "2 workers"))
    verdicts = [
        _judge("2 workers ÷ 1 worker, MB/s", two["rate"] / one["rate"], ">=", SPEED_UP_GOAL)
    ]
    spark = runs.get(("Spark local[2]", round(full)))
    if spark:
        ratio = spark["seconds"] / two["seconds"]
        verdicts.append(_judge("Spark time ÷ local default's", ratio, "<=", SPARK_GOAL))
    quarter = {run["name"]: run for run in results["runs"] if run["megabytes"] < full / 2}
    for name in ("figures batch, 1 worker", "figures batch, 2 workers"):
        small, big = quarter[name], runs[name, round(full)]
        pairs = [("main", small["main_peak_mb"], big["main_peak_mb"])]
        if big["worker_peak_mb"]:  # 1 worker extracts in the main process
            pairs.append(("worker", max(small["worker_peak_mb"]), max(big["worker_peak_mb"])))
        for role, at_quarter, at_full in pairs:
            flat = at_full <= at_quarter * FLAT_FACTOR + FLAT_SLACK_MB
            verdicts.append(
                {
                    "target": f"peak memory flat, {name.split(', ')[1]}, {role}",
                    "measured": f"{at_quarter:.0f} → {at_full:.0f} MB at 4× the input",
                    "verdict": "PASS" if flat else f"MISS (+{at_full - at_quarter:.0f} MB)",
                }
            )
    identical = len({run["digest"] for run in results["runs"] if run["megabytes"] == full}) == 1
    verdicts.append(
        {
            "target": "same claims from every run (bytes)",
            "measured": "identical" if identical else "different",
            "verdict": "PASS" if identical else "MISS",
        }
    )
    lines += ["", f"{'target':<44} {'measured':<30} verdict"]
    lines += [f"{v['target']:<44} {v['measured']:<30} {v['verdict']}" for v in verdicts]
    return "\n".join(lines)


def _judge(name: str, value: float, sense: str, goal: float) -> dict[str, str]:
    passed = value >= goal if sense == ">=" else value <= goal
    gap = abs(value - goal) / goal
    return {
        "target": f"{name} {'≥' if sense == '>=' else '≤'} {goal:g}×",
        "measured": f"{value:.2f}×",
        "verdict": "PASS" if passed else f"MISS by {gap:.0%}",
    }


def _children(pid: int) -> list[int]:
    """List a process's pool workers from /proc (Linux), not multiprocessing's resource tracker."""
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        with contextlib.suppress(OSError):  # the process has gone
            for child in task.read_text().split():
                if b"spawn_main" in Path(f"/proc/{child}/cmdline").read_bytes():
                    found.append(int(child))
    return found


def _peak_mb(pid: int) -> float | None:
    """Read a process's peak resident set (VmHWM) from /proc, in MB; None once it has gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024 / MB
    except OSError:
        return None
    return None


def _children_cpu() -> float:
    """Sum the user and system seconds of every finished child (and its waited-for children)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _core_digest() -> str:
    """Fingerprint the core's source, to notice it changing under a long run."""
    return _digest(sorted((ROOT / "service" / "core").glob("*.py")))


def _digest(paths: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        with path.open("rb") as file:
            while block := file.read(1 << 20):
                digest.update(block)
    return digest.hexdigest()


def _commit() -> str:
    try:
        return subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


if __name__ == "__main__":
    raise SystemExit(main())
