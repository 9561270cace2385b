"""Measure ``figures batch`` against issue 18's targets: ``python -m benchmarks.batch [--mb 200]``.

In one run, on a generated JSON Lines corpus of ``--mb`` MB (``benchmarks.corpus`` articles,
written to a temporary directory outside the repository): ``figures batch`` with 1 and with
2 workers, twice each in the order 1, 2, 2, 1, and the Spark job in ``local[2]``, timed once
its session is up and warm. Reports MB/s of each, the 2-worker speed-up over 1 (target ≥ 1.9×;
issue 9's was ≥ 1.8×), Spark's time over the local default's, which uses every core (target
≤ 1.2×; issue 9's was ≤ 1.3×), and the peak memory of each process at a quarter of the corpus
and at all of it (flat: the input is streamed, never loaded). Checks that every run wrote the
same claims. Slow (minutes on two cores): run on demand, not in CI. ``python -m
benchmarks.perf`` runs the same measurement (``measure(..., quarters=False)``) and judges the
same targets.

Why 1, 2, 2, 1: the speed-up is a ratio of wall times taken minutes apart, and this machine's
speed drifts with its neighbours' load (one worker's CPU seconds for the same 200 MB moved by
12% from one run to the next). In that order a steady drift weighs on both settings alike; the
speed-up is the pooled one, the 1-worker times over the 2-worker times, each summed over both
rounds, and each round's own ratio is printed beside it. Each run starts after ``sync``,
untimed, so that none pays for writing back the gigabyte the one before it left in the page
cache.

Wall times on a shared machine mean little, so each run also records the CPU seconds of its
processes apart (user and system time apart): the main process and the workers (local engine),
the JVM and the Python workers (Spark); and the CPU the rest of the machine spent while a local
run lasted (the kernel's writeback, anything else; from ``/proc/stat``). The processes' CPU
barely moves with other load: ``2 × CPU(1 worker) ÷ CPU(2 workers)`` bounds the 2-worker
speed-up on two idle cores, and Spark's CPU over the local engine's bounds Spark's time ratio
from below.

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
from typing import Any

from .corpus import article
from .load import ROOT, child_directory

MB = 1_000_000
# Targets from issue 18 (issue 9's were 1.8× and 1.3×); keep in sync with docs/batch.md
# "Benchmark" and benchmarks/report.py, which judges them in ``benchmarks.perf``.
SPEED_UP_GOAL = 1.9  # 2 workers over 1
SPARK_GOAL = 1.2  # Spark's time over the local default's, session up
# Runs ``figures batch`` as its console script does, then reports the user and system CPU
# seconds of this (the main) process and of its waited-for children (the workers) as the last
# line of stderr.
_CPU_WRAPPER = """
import json, resource, sys
from service.cli import main
try:
    status = main(sys.argv[1:])
finally:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    seconds = [own.ru_utime, own.ru_stime, children.ru_utime, children.ru_stime]
    sys.stderr.write("CPU " + json.dumps(seconds) + chr(10))
sys.exit(status)
"""
ROUNDS = ((1, 2), (2, 1))  # worker counts of the full-size runs, in order: 1, 2, 2, 1
FLAT_FACTOR, FLAT_SLACK_MB = 1.10, 16  # peak memory at 4× the input: at most 10% + 16 MB more


@dataclass
class Run:
    """One measured run."""

    name: str  # what ran
    megabytes: float  # input size
    seconds: float  # wall time
    digest: str  # SHA-256 of the claims written, in order
    cpu_seconds: float | None = None  # user + system time of the run's processes
    main_cpu_seconds: float | None = None  # of the main process (local) or the JVM (Spark)
    workers_cpu_seconds: float | None = None  # of the worker processes (Python, both engines)
    main_peak_mb: float | None = None  # peak RSS of the main process
    worker_peak_mb: list[float] = field(default_factory=list)  # peak RSS of each worker
    system_seconds: dict[str, float] = field(default_factory=dict)  # of "main", "workers"
    others_cpu_seconds: float | None = None  # the rest of the machine's, during the run
    steal_seconds: float | None = None  # time the hypervisor gave this machine's CPUs away

    @property
    def rate(self) -> float:
        """Throughput in MB/s."""
        return self.megabytes / self.seconds


def main(argv: list[str] | None = None) -> int:
    """Generate the corpus, run every measurement, print the table and the verdicts."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=200, help="corpus size in MB (default: 200)")
    parser.add_argument("--no-spark", action="store_true", help="skip the Spark run")
    parser.add_argument(
        "--keep",
        action="store_true",
        help="keep the temporary directory and its corpus (each run's output is deleted once"
        " its digest is taken)",
    )
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


def measure(work: Path, size: int, spark: bool, quarters: bool = True) -> dict:
    """Run every measurement on a corpus of ``size`` bytes written into ``work``.

    ``quarters``: also run both local settings on a quarter of the corpus (peak memory flat).
    """
    began, core = time.monotonic(), _core_digest()
    corpus, quarter = work / "corpus.jsonl", work / "quarter.jsonl"
    documents = write_corpus(corpus, quarter, size)
    print(
        f"corpus: {corpus.stat().st_size / MB:.1f} MB, {documents} documents,"
        f" written in {time.monotonic() - began:.0f} s",
        file=sys.stderr,
    )
    runs = [
        local_run(corpus, work / f"{workers}-{round}.jsonl", workers)
        for round, counts in enumerate(ROUNDS, start=1)
        for workers in counts
    ]
    if quarters:
        runs.append(local_run(quarter, work / "quarter-two.jsonl", workers=2))
        runs.append(local_run(quarter, work / "quarter-one.jsonl", workers=1))
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
        "load_average": os.getloadavg()[0],
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
    arguments = ["batch", str(corpus), "--output", str(output), "--workers", str(workers)]
    command = [sys.executable, "-c", _CPU_WRAPPER, *arguments]
    os.sync()  # the last run's output written back before this one starts, untimed
    machine = _machine_cpu()
    began, cpu = time.monotonic(), _children_cpu()
    peaks: dict[int, float] = {}
    # Into a file, not a pipe: a pipe read only after the run would stall a child that filled it.
    with tempfile.TemporaryFile("w+") as log:
        process = subprocess.Popen(command, stderr=log, text=True, cwd=child_directory())
        while process.poll() is None:
            for pid in [process.pid, *_children(process.pid)]:
                peak = _peak_mb(pid)
                if peak is not None:
                    peaks[pid] = max(peak, peaks.get(pid, 0))
            time.sleep(0.2)
        seconds, cpu = time.monotonic() - began, _children_cpu() - cpu
        log.seek(0)
        stderr = log.read()
    busy, steal = (after - before for after, before in zip(_machine_cpu(), machine, strict=True))
    if process.returncode:
        raise RuntimeError(f"figures {' '.join(arguments)} failed:\n{stderr}")
    *_, summary, cpu_line = stderr.strip().splitlines()
    print(summary, file=sys.stderr)
    main_user, main_system, workers_user, workers_system = json.loads(cpu_line.removeprefix("CPU "))
    main_peak = peaks.pop(process.pid, None)
    digest = _digest([output])
    for path in output.parent.glob(f"{output.stem}*"):  # a gigabyte each: keep the disk free
        path.unlink()
    return Run(
        name=f"figures batch, {workers} worker{'s' if workers > 1 else ''}",
        megabytes=corpus.stat().st_size / MB,
        seconds=seconds,
        digest=digest,
        cpu_seconds=cpu,
        main_cpu_seconds=main_user + main_system,
        workers_cpu_seconds=workers_user + workers_system,
        main_peak_mb=main_peak,
        worker_peak_mb=sorted(peaks.values()),
        system_seconds={"main": main_system, "workers": workers_system},
        others_cpu_seconds=max(0.0, busy - cpu),
        steal_seconds=steal,
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
        before, began = _tree_cpu(), time.monotonic()
        counts = run(session, [str(corpus)], str(work / "spark"), "jsonl")
        seconds, after = time.monotonic() - began, _tree_cpu()
    finally:
        session.stop()
    print(f"spark: documents={counts.documents} claims={counts.claims}", file=sys.stderr)
    spent = {pid: cpu - before.get(pid, (0.0, ""))[0] for pid, (cpu, _) in after.items()}
    jvm = sum(cpu for pid, cpu in spent.items() if after[pid][1] == "java")
    python = sum(cpu for pid, cpu in spent.items() if after[pid][1] != "java")
    return Run(
        name="Spark local[2]",
        megabytes=corpus.stat().st_size / MB,
        seconds=seconds,
        digest=_digest(sorted((work / "spark").glob("part-*"))),
        cpu_seconds=jvm + python,
        main_cpu_seconds=jvm,
        workers_cpu_seconds=python,
    )


def ratios(results: dict) -> dict[str, Any]:
    """Derive the targets' ratios (wall time) and their CPU-time bounds from the full runs.

    ``speed_up``: the pooled one, the 1-worker runs' seconds over the 2-worker runs', summed
    (each setting ran as often; the order 1, 2, 2, 1 cancels a steady drift of the machine's
    speed); ``round_speed_ups``: each round's own (1 over 2 in the order they ran, an older
    result's single pair); ``spark_ratio``: Spark's time over the 2-worker runs' mean.
    ``cpu_speed_up``: 2 × CPU(1 worker) ÷ CPU(2 workers), pooled alike, what 2 workers would
    reach on two idle cores with perfect overlap; ``main_share``: the 2-worker main processes'
    share of their runs' CPU (they compete with the workers for the cores); ``spark_cpu``:
    Spark's CPU (JVM and Python workers) over the 2-worker runs' mean; ``jvm_share``: the
    JVM's share of it.
    """
    full = max(run["megabytes"] for run in results["runs"])
    at_full = [run for run in results["runs"] if run["megabytes"] == full]
    ones = [run for run in at_full if run["name"] == "figures batch, 1 worker"]
    twos = [run for run in at_full if run["name"] == "figures batch, 2 workers"]
    spark = next((run for run in at_full if run["name"] == "Spark local[2]"), None)
    two_seconds = sum(run["seconds"] for run in twos) / len(twos)
    found: dict[str, Any] = {
        "speed_up": sum(run["seconds"] for run in ones) / sum(run["seconds"] for run in twos),
        "round_speed_ups": [
            one["seconds"] / two["seconds"] for one, two in zip(ones, twos, strict=False)
        ],
        "spark_ratio": spark["seconds"] / two_seconds if spark else None,
        "cpu_speed_up": None,
        "main_share": None,
        "spark_cpu": None,
        "jvm_share": None,
    }
    if all(run.get("main_cpu_seconds") for run in ones + twos):
        one_cpu = sum(run["main_cpu_seconds"] for run in ones) / len(ones)
        two_cpu = sum(run["main_cpu_seconds"] + run["workers_cpu_seconds"] for run in twos)
        two_cpu /= len(twos)
        found["cpu_speed_up"] = 2 * one_cpu / two_cpu
        found["main_share"] = sum(run["main_cpu_seconds"] for run in twos) / len(twos) / two_cpu
        if spark and spark.get("cpu_seconds"):
            found["spark_cpu"] = spark["cpu_seconds"] / two_cpu
            found["jvm_share"] = spark["main_cpu_seconds"] / spark["cpu_seconds"]
    return found


def table(results: dict) -> str:
    """Lay the runs and the verdicts out as plain text."""
    lines = [
        f"figures batch benchmark — {results['date']}, {results['machine']},"
        f" commit {results['commit']}, {results['documents']} documents,"
        f" load average {results.get('load_average', float('nan')):.2f} at the end",
        "",
        *run_rows(results),
    ]
    found = ratios(results)
    verdicts = [_judge("2 workers ÷ 1 worker, MB/s", found["speed_up"], ">=", SPEED_UP_GOAL)]
    if found["spark_ratio"] is not None:
        verdicts.append(
            _judge("Spark time ÷ local default's", found["spark_ratio"], "<=", SPARK_GOAL)
        )
    verdicts += _memory_verdicts(results)
    full = max(run["megabytes"] for run in results["runs"])
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
    lines += ["", *cpu_lines(found)]
    return "\n".join(lines)


def run_rows(results: dict) -> list[str]:
    """One line per run, in the order they ran: size, time, rate, CPU per MB, CPU seconds.

    The CPU of the main process and of the workers, with their system time in brackets, and of
    the rest of the machine while the run lasted; peak memory.
    """
    lines = [
        f"{'run':<28} {'MB':>6} {'seconds':>8} {'MB/s':>6} {'CPU s/MB':>8} {'main CPU s':>12}"
        f" {'workers CPU s':>14} {'others':>6} {'main MB':>7} {'workers MB':>10}",
    ]
    for run in results["runs"]:
        workers = "/".join(f"{m:.0f}" for m in run["worker_peak_mb"]) or "—"
        main_mb = f"{run['main_peak_mb']:.0f}" if run["main_peak_mb"] else "—"
        cpu = f"{run['cpu_seconds'] / run['megabytes']:.2f}" if run["cpu_seconds"] else "—"
        system = run.get("system_seconds") or {}
        main_cpu, workers_cpu = (
            "—"
            if run.get(f"{role}_cpu_seconds") is None
            else f"{run[f'{role}_cpu_seconds']:.1f}"
            + (f" ({system[role]:.1f})" if role in system else "")
            for role in ("main", "workers")
        )
        others = run.get("others_cpu_seconds")
        others = "—" if others is None else f"{others:.1f}"
        lines.append(
            f"{run['name']:<28} {run['megabytes']:>6.1f} {run['seconds']:>8.1f}"
            f" {run['rate']:>6.2f} {cpu:>8} {main_cpu:>12} {workers_cpu:>14} {others:>6}"
            f" {main_mb:>7} {workers:>10}"
        )
    lines.append(
        "  (CPU seconds, system time in brackets; others: the rest of the machine's CPU during"
        " the run; Spark: main = the JVM, workers = its Python workers)"
    )
    return lines


def cpu_lines(found: dict[str, Any]) -> list[str]:
    """Say each round's speed-up, and what the CPU times imply, which other load hardly moves."""
    lines = []
    if len(found.get("round_speed_ups") or ()) > 1:
        rounds = ", ".join(f"{ratio:.2f}×" for ratio in found["round_speed_ups"])
        lines.append(
            f"2 workers ÷ 1 by round (1 then 2, 2 then 1): {rounds};"
            f" pooled over both: {found['speed_up']:.2f}×"
        )
    if found["cpu_speed_up"] is None or found["main_share"] is None:
        return lines
    lines += [
        f"CPU-time bound of the 2-worker speed-up (2 × CPU of 1 worker ÷ CPU of 2):"
        f" {found['cpu_speed_up']:.2f}×; the 2-worker main process's share of the CPU:"
        f" {found['main_share']:.1%}",
    ]
    if found["spark_cpu"] is not None and found["jvm_share"] is not None:
        lines.append(
            f"Spark's CPU ÷ the 2-worker run's: {found['spark_cpu']:.2f}×;"
            f" the JVM's share of Spark's CPU: {found['jvm_share']:.1%}"
        )
    return lines


def _memory_verdicts(results: dict) -> list[dict[str, str]]:
    """Judge peak memory flat from a quarter of the corpus to all of it (when both ran)."""
    full = max(run["megabytes"] for run in results["runs"])
    runs = {run["name"]: run for run in results["runs"] if run["megabytes"] == full}
    quarter = {run["name"]: run for run in results["runs"] if run["megabytes"] < full / 2}
    verdicts = []
    for name in ("figures batch, 1 worker", "figures batch, 2 workers"):
        if name not in quarter:
            continue
        small, big = quarter[name], runs[name]
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
    return verdicts


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


def _tree_cpu() -> dict[int, tuple[float, str]]:
    """CPU seconds of each process below this one (own, and of its reaped children), by pid.

    With the process's kind: "java" (Spark's JVM) or "python" (Spark's Python workers).
    """
    tick = os.sysconf("SC_CLK_TCK")
    found: dict[int, tuple[float, str]] = {}
    pending = [os.getpid()]
    while pending:
        pid = pending.pop()
        for task in Path(f"/proc/{pid}/task").glob("*/children"):
            with contextlib.suppress(OSError):
                pending.extend(int(child) for child in task.read_text().split())
        if pid == os.getpid():
            continue
        with contextlib.suppress(OSError, ValueError):
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            command = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")[0]
            kind = "java" if command.endswith(b"java") else "python"
            found[pid] = (sum(int(x) for x in fields[11:15]) / tick, kind)
    return found


def _machine_cpu() -> tuple[float, float]:
    """Return the seconds every CPU of this machine has been busy, and stolen, since it booted.

    From ``/proc/stat``'s first line: busy is user, nice, system, irq and softirq time (not
    idle, not waiting for I/O); steal is time the hypervisor ran something else instead.
    """
    with contextlib.suppress(OSError, ValueError, IndexError):
        with open("/proc/stat") as stat:
            ticks = [int(x) for x in stat.readline().split()[1:9]]
        tick = os.sysconf("SC_CLK_TCK")
        user, nice, system, _idle, _iowait, irq, softirq, steal = ticks
        return (user + nice + system + irq + softirq) / tick, steal / tick
    return 0.0, 0.0


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
