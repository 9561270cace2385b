"""Measure ``figures`` against issue 18's (and 5's) targets: ``python -m benchmarks.perf``.

Every target is a ratio measured in one run, or a shape, because absolute times on shared
two-core machines are noisy. The order is deliberate: in-process timings first (nothing else
of ours running), then fresh subprocesses, then the HTTP server, which takes both cores.

    python -m benchmarks.perf            # the full run (about four minutes)
    python -m benchmarks.perf --quick    # quantulum3 on 100 KB, 3 s per HTTP run
    python -m benchmarks.perf --json perf.json
    python -m benchmarks.perf --against fcec6b6   # and the core at that commit, A/B
    python -m benchmarks.perf --mypyc    # every figure on the core compiled with mypyc, as shipped

Last, ``figures batch`` (``benchmarks.batch``): 1 worker, 2 workers and Spark ``local[2]`` on
a generated 200 MB JSON Lines corpus (``--quick``: 10 MB; ``--batch-mb`` to choose), several
minutes more; ``--skip-batch`` leaves it out. Spark is skipped when pyspark or Java is missing.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import warnings
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from statistics import fmean

from . import ab, batch, compiled, report
from .corpus import article, generate
from .load import ROOT, Server, child_directory, drive, peak_rss_mb, thread_count, use_installed
from .provenance import git

KB = 1000  # bytes: sizes and rates are decimal, like the "1 MB"
SEED = 1
SCALING_SIZES = (1 * KB, 10 * KB, 100 * KB, 1000 * KB)
CLIENTS = (1, 8, 32)
TARGET_CLIENTS = 8  # issue 18's latency target: p99 extract ÷ p99 healthz at 8 clients
ROUNDS = 5  # healthz/extract pairs at TARGET_CLIENTS per run: issue 18 asks "five of five"
ARTICLE_BYTES = 3 * KB
OURS_SECONDS = 5.0  # CPU seconds of our passes over the throughput text (see throughput)
BATCH_MB, QUICK_BATCH_MB = 200, 10  # the batch corpus: issue 18's size, and --quick's
# A worker whose peak RSS rose by more than this took a 1 MB text (it rises by about 70 MB).
_TOOK_A_BIG_TEXT_MB = 20
# The first extraction of a fresh process; keep the two snippets alike but for the library.
_SENTENCE = "Earlier in the week, the coalition estimated that 300 to 400 militants remained."
_COLD = {
    "ours": "from service.core import extract; extract(S)",
    "quantulum3": "from quantulum3 import parser; parser.parse(S)",
}
_COLD_WRAPPER = (
    "import time, warnings; warnings.simplefilter('ignore'); S = {sentence!r}\n"
    "t = time.perf_counter()\n{snippet}\nprint(time.perf_counter() - t)"
)
# Peak RSS from /proc (VmHWM), not getrusage: ru_maxrss survives exec, so a child spawned from
# this large process would report this process's size.
_MEMORY = (
    "import sys\nfrom pathlib import Path\n"
    "def peak():\n"
    "    status = Path('/proc/self/status').read_text().split()\n"
    "    return int(status[status.index('VmHWM:') + 1])\n"
    "from service.core import extract\nbefore = peak()\n"
    "extract(Path(sys.argv[1]).read_text(encoding='utf-8'))\n"
    "print(before, peak())"
)


def main(argv: list[str] | None = None) -> int:
    """Run every measurement, print the table, and write JSON if asked."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a short run, for development")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the results here")
    parser.add_argument("--skip-http", action="store_true", help="leave out the server runs")
    parser.add_argument("--against", metavar="REF", help="also time the core at this commit (A/B)")
    parser.add_argument(
        "--http-rounds", type=int, default=ROUNDS, metavar="N", help="8-client pairs (default 5)"
    )
    parser.add_argument("--skip-batch", action="store_true", help="leave out the batch runs")
    parser.add_argument(
        "--batch-mb",
        type=float,
        metavar="MB",
        help=f"batch corpus size (default: {BATCH_MB}, --quick: {QUICK_BATCH_MB})",
    )
    parser.add_argument(
        "--mypyc",
        action="store_true",
        help="measure everything on the core compiled with mypyc (as the image ships it), "
        "and time the pure core beside it",
    )
    args = parser.parse_args(argv)
    if args.json:  # before --mypyc changes the working directory
        args.json = args.json.resolve()
    with tempfile.TemporaryDirectory(prefix="figures-compiled-") as installed:
        if args.mypyc:  # before anything imports `service`
            print("building the compiled wheel (about two minutes) …", file=sys.stderr)
            compiled.install(Path(installed))
            use_installed(Path(installed))
        return _measure(args, Path(installed) if args.mypyc else None)


def _measure(args: argparse.Namespace, installed: Path | None) -> int:
    """Run the measurements ``args`` ask for, print the table, and write JSON if asked."""
    corpus = generate(1000 * KB, SEED)
    results: dict[str, object] = {"machine": machine(), "quick": args.quick}
    results["core"] = core_build()
    results["load_average"] = {"start": os.getloadavg()[0]}
    results["throughput"] = throughput(corpus, 100 * KB if args.quick else None)
    if args.against:
        results["ab"] = ab.compare(args.against)
    if args.mypyc:
        results["mypyc"] = compiled.compare(installed=installed)
    results["scaling"] = scaling(corpus)
    results["cold_start"] = cold_start()
    results["memory"] = {"core": core_memory(corpus)}
    if not args.skip_http:
        http, workers = serve_and_load(corpus, 3.0 if args.quick else 10.0, args.http_rounds)
        results["http"] = http
        results["memory"]["workers"] = workers
    if not args.skip_batch:  # last: both cores, minutes
        size = args.batch_mb or (QUICK_BATCH_MB if args.quick else BATCH_MB)
        results["batch"] = batch_runs(size)
    results["load_average"]["end"] = os.getloadavg()[0]
    results["targets"] = report.targets(results)

    print(report.render(results))
    if args.against:
        print(ab.render(results["ab"]))
    if args.mypyc:
        print(compiled.render(results["mypyc"], results["throughput"]["quantulum3_kb_s"]))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


def core_build() -> str:
    """Say which core is measured: "compiled (mypyc)" or "pure Python", and where it is."""
    import service.core.pipeline as pipeline

    where = Path(pipeline.__file__)
    kind = "pure Python" if where.suffix == ".py" else "compiled (mypyc)"
    return f"{kind}, {where.parent}"


def machine() -> dict[str, object]:
    """Describe where the figures were measured: they mean little without it."""
    cpuinfo = Path("/proc/cpuinfo").read_text()
    model = next(
        (x.split(":", 1)[1].strip() for x in cpuinfo.splitlines() if "model name" in x), ""
    )
    meminfo = Path("/proc/meminfo").read_text().split()
    return {
        "cpus": len(os.sched_getaffinity(0)),
        "model": model or platform.processor(),
        "memory_gb": round(int(meminfo[meminfo.index("MemTotal:") + 1]) / 1e6, 1),
        "python": platform.python_version(),
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": git("rev-parse", "--short", "HEAD"),
        "dirty": bool(git("status", "--porcelain", "--untracked-files=no")),
    }


def throughput(corpus: str, limit: int | None) -> dict[str, object]:
    """Time our ``extract`` and quantulum3 sentence by sentence on the same text, both warm.

    quantulum3 gets its best mode: sentences split beforehand (by our splitter, untimed), each
    parsed alone, because its time grows with the square of the input's length. Rates use CPU
    time, which other work on a shared machine does not inflate; wall time is kept beside it.

    Ours is the mean of as many passes as fill ``OURS_SECONDS`` of CPU, not one pass: quantulum3's
    one pass lasts about 20 s and so averages out the machine's hiccups (a neighbour's burst, a
    garbage collection), while one pass of ours lasts a third of a second and took once 0.42 s
    where the rest took 0.35 s (issue 18, round five, run 3): the ratio then measured the hiccup.
    A mean, not the best: every slow pass counts, as it does inside quantulum3's long one.
    """
    from quantulum3 import parser

    from service.core import extract, warm
    from service.core.sentences import split

    text = _prefix(corpus, limit) if limit else corpus
    size = len(text.encode("utf-8"))
    warm()
    parser.parse(_SENTENCE)
    first, claims = _clocked(extract, text)
    passes = [first]
    while sum(cpu for cpu, _ in passes) < OURS_SECONDS:
        passes.append(_clocked(extract, text)[0])
    ours = (fmean(cpu for cpu, _ in passes), fmean(wall for _, wall in passes))
    sentences = [span.text for span in split(text)]
    theirs, quantities = _clocked(lambda: sum(len(parser.parse(x)) for x in sentences))
    result = {
        "bytes": size,
        "sentences": len(sentences),
        "ours_cpu_seconds": ours[0],  # the mean of the passes
        "ours_wall_seconds": ours[1],
        "ours_passes": len(passes),
        "ours_pass_cpu_range": [min(cpu for cpu, _ in passes), max(cpu for cpu, _ in passes)],
        "ours_kb_s": size / KB / ours[0],
        "ours_claims": len(claims),
        "quantulum3_cpu_seconds": theirs[0],
        "quantulum3_wall_seconds": theirs[1],
        "quantulum3_kb_s": size / KB / theirs[0],
        "quantulum3_quantities": quantities,
        "ratio": theirs[0] / ours[0],
    }
    if limit:  # --quick: ours on the whole corpus too, beside the shared slice
        (cpu, _), _ = _clocked(extract, corpus)
        result["ours_full_bytes"] = len(corpus.encode("utf-8"))
        result["ours_full_kb_s"] = result["ours_full_bytes"] / KB / cpu
    return result


def scaling(corpus: str, budget: float = 0.5) -> dict[str, object]:
    """Time per KB at growing sizes: best CPU time of as many runs as fill ``budget`` s (≥ 3)."""
    from service.core import extract, warm

    warm()
    rows = []
    for size in SCALING_SIZES:
        text = _prefix(corpus, size)
        first = _clocked(extract, text)[0][0]
        repeats = max(3, min(5000, math.ceil(budget / first)))
        best = min([first] + [_clocked(extract, text)[0][0] for _ in range(repeats - 1)])
        nbytes = len(text.encode("utf-8"))
        rows.append(
            {
                "size": size,
                "bytes": nbytes,
                "repeats": repeats,
                "seconds": best,
                "ms_per_kb": best * 1000 / (nbytes / KB),
            }
        )
    by_size = {row["size"]: row["ms_per_kb"] for row in rows}
    return {"rows": rows, "ratio": by_size[1000 * KB] / by_size[10 * KB]}


def cold_start(runs: int = 3) -> dict[str, object]:
    """Time import plus first extraction in fresh ``python -c`` processes, best of ``runs``."""
    result: dict[str, object] = {}
    for name, snippet in _COLD.items():
        code = _COLD_WRAPPER.format(sentence=_SENTENCE, snippet=snippet)
        times = [float(_python(code).split()[-1]) for _ in range(runs)]
        result[name] = min(times)
        result[f"{name}_runs"] = times
    result["ratio"] = result["quantulum3"] / result["ours"]
    return result


def core_memory(corpus: str) -> dict[str, float]:
    """Return peak RSS of a fresh process after importing the core and after extracting 1 MB."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8") as file:
        file.write(corpus)
        file.flush()
        before, after = (int(x) for x in _python(_MEMORY, file.name).split()[-2:])
    return {
        "bytes": len(corpus.encode("utf-8")),
        "imported_mb": before * 1024 / 1e6,
        "peak_mb": after * 1024 / 1e6,
    }


def serve_and_load(
    corpus: str, seconds: float, rounds: int = ROUNDS
) -> tuple[dict[str, object], dict[str, object]]:
    """Load ``figures serve`` at each concurrency, then measure its workers' memory on 1 MB.

    Each concurrency gets one healthz/extract pair; 8 clients, issue 18's target, gets
    ``rounds`` pairs in all, one after another on the same server, so that the target is
    judged on every round (issue 18: "≤ 4× in five of five"), not on one lucky run.
    """
    body = json.dumps({"text": article(SEED, ARTICLE_BYTES)}).encode("utf-8")
    runs: dict[str, list[dict[str, object]]] = {"extract": [], "healthz": []}
    pairs: list[dict[str, dict[str, object]]] = []  # every 8-client pair, in order
    with Server(workers=2) as server:
        cores = [_core_of(pid) for pid in server.worker_pids()]
        for clients in [*CLIENTS, *[TARGET_CLIENTS] * (rounds - 1)]:
            pair = _pair(server, clients, seconds, body)
            if len(runs["healthz"]) < len(CLIENTS):  # the table: one pair per concurrency
                for name, run in pair.items():
                    runs[name].append(run)
            if clients == TARGET_CLIENTS:
                pairs.append(pair)
        workers = worker_memory(server, corpus)
    ratios = [pair["extract"]["p99"] / pair["healthz"]["p99"] for pair in pairs]
    http = {
        "article_bytes": len(body),
        "seconds": seconds,
        "tool": runs["extract"][0]["tool"],
        "worker_cores": cores,
        **runs,
        "rounds_8": [
            {"healthz": pair["healthz"], "extract": pair["extract"], "p99_ratio": ratio}
            for pair, ratio in zip(pairs, ratios, strict=True)
        ],
        "p99_ratios_8": ratios,
        "p99_ratio_8": max(ratios),  # the worst round: a target met in every round is met here
    }
    return http, workers


def _pair(server: Server, clients: int, seconds: float, body: bytes) -> dict[str, dict]:
    """Load /healthz, then /v1/extract with ``body``, with ``clients`` connections each."""
    pair = {}
    for name, path, payload in (("healthz", "/healthz", None), ("extract", "/v1/extract", body)):
        load = drive(server, path, clients, seconds, payload)
        pair[name] = asdict(load) | {"per_second": load.per_second, "load_average": _load()}
    return pair


def _load() -> float:
    """Return the 1-minute load average: other work on the machine moves latencies."""
    return os.getloadavg()[0]


def _core_of(pid: int) -> str:
    """Say whether the process ``pid`` runs the compiled core: a mypyc extension mapped in."""
    maps = Path(f"/proc/{pid}/maps").read_text()
    compiled = any("/service/core/" in line and ".so" in line for line in maps.splitlines())
    return "compiled" if compiled else "pure"


def worker_memory(server: Server, corpus: str) -> dict[str, object]:
    """Peak RSS of each worker after the load, after 1 MB posts one at a time, then at once.

    One at a time until every worker has taken one (at most three posts per worker) is the
    issue's "after the 1 MB run". Posts at once show what threaded workers add: one worker
    can hold several large texts and their claims together.
    """
    body = json.dumps({"text": corpus}).encode("utf-8")
    pids = server.worker_pids()
    after_load = _peaks(pids)
    sequential: list[int] = []
    for _ in range(3 * len(pids)):
        sequential.append(server.request("POST", "/v1/extract", body)[0])
        peaks = _peaks(pids)
        if all(peaks.get(pid, 0) - after_load[pid] > _TOOK_A_BIG_TEXT_MB for pid in pids):
            break
    after_one = _peaks(pids)
    together = _post_together(server, body, len(pids))
    return {
        "threads": [thread_count(pid) for pid in pids],
        "after_load_mb": list(after_load.values()),
        "after_1mb_mb": list(after_one.values()),
        "sequential_posts": sequential,
        "took_1mb": sum(after_one[pid] - after_load[pid] > _TOOK_A_BIG_TEXT_MB for pid in pids),
        "concurrent_posts": together,
        "after_concurrent_mb": list(_peaks(pids).values()),
    }


def batch_runs(megabytes: float) -> dict[str, object]:
    """Run ``benchmarks.batch`` on a corpus of ``megabytes`` (no quarter-size runs).

    1 worker, 2 workers and Spark ``local[2]`` (when pyspark and Java are here), in a
    temporary directory outside the repository; with the targets' ratios (``batch.ratios``).
    """
    spark = importlib.util.find_spec("pyspark") is not None and shutil.which("java") is not None
    with tempfile.TemporaryDirectory(prefix="figures-perf-batch-") as work:
        found = batch.measure(Path(work), int(megabytes * batch.MB), spark, quarters=False)
    return found | {"spark": spark, "ratios": batch.ratios(found)}


def _peaks(pids: list[int]) -> dict[int, float]:
    return {pid: peak_rss_mb(pid) for pid in pids}


def _post_together(server: Server, body: bytes, count: int) -> list[int]:
    """POST ``body`` from ``count`` threads at once and return the statuses."""
    statuses: list[int] = []

    def post() -> None:
        statuses.append(server.request("POST", "/v1/extract", body)[0])

    threads = [threading.Thread(target=post) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=180)
    return statuses


def _prefix(corpus: str, size: int) -> str:
    """Return the corpus's first ``size`` bytes, as the generator would write them."""
    return corpus if len(corpus.encode("utf-8")) <= size else generate(size, SEED)


def _clocked(function, *args):
    """Call ``function``; return its (CPU, wall) seconds and its result."""
    cpu, wall = time.process_time(), time.perf_counter()
    result = function(*args)
    return (time.process_time() - cpu, time.perf_counter() - wall), result


def _python(code: str, *args: str) -> str:
    """Run ``code`` in a fresh interpreter of this venv, from the project root."""
    env = {**os.environ, "PYTHONPATH": os.environ.get("PYTHONPATH") or str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=child_directory(),
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    return done.stdout


if __name__ == "__main__":
    warnings.simplefilter("ignore")  # quantulum3's import warns that its classifier is absent
    raise SystemExit(main())
