"""``figures batch`` stopped by a signal, or by a worker that dies: cleanly, and resumable.

Each row starts a real run in a process group of its own (as a shell starts a job), waits
until it has written something (or only until it holds its lock, for a stop while the workers
start), then sends the signal to the main process or to the whole group (what Ctrl-C in a
terminal and ``kill -TERM -PGID`` do). The run must exit with 128 + the signal's number and
one line saying what to do, with no traceback, no BrokenPipe, no "leaked semaphore" warning
and no temporary file; then ``--resume`` must write exactly what an uninterrupted run writes.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from batch_corpus import documents, write_json_lines

FIGURES = str(Path(sys.executable).parent / "figures")
# What a clean stop never prints.
NEVER = ("Traceback", "BrokenPipe", "leaked semaphore", "resource_tracker", "Exception")
ARGS = ("--workers", "2", "--chunk-size", "4")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Enough documents that a run is still going when the test stops it, and their output."""
    where = tmp_path_factory.mktemp("signals")
    source = write_json_lines(where / "news.jsonl", documents(1500, seed=17))
    outputs = {}
    for suffix in ("jsonl", "parquet"):
        output = where / f"whole.{suffix}"
        done = subprocess.run(
            [FIGURES, "batch", source, "--output", output, *ARGS], capture_output=True
        )
        assert done.returncode == 0, done.stderr.decode()
        outputs[suffix] = output
    return source, outputs


def start(source, output):
    return subprocess.Popen(
        [FIGURES, "batch", str(source), "--output", str(output), *ARGS],
        stderr=subprocess.PIPE,
        start_new_session=True,  # a process group of its own, as a shell's job
        # As a terminal's job: Ctrl-C's signal at its default, even when this test run was
        # itself started in the background (``cmd &`` without job control, ``nohup``), where
        # SIGINT comes ignored, and ``figures batch`` rightly keeps ignoring what it inherits.
        preexec_fn=_interruptible,
    )


def _interruptible():
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def wait_for(condition, process, seconds=120):
    deadline = time.monotonic() + seconds
    while not condition():
        assert process.poll() is None, process.stderr.read().decode()
        assert time.monotonic() < deadline
        time.sleep(0.01)


def workers_of(process):
    """The worker processes of a run (not multiprocessing's resource tracker)."""
    children = Path(f"/proc/{process.pid}/task/{process.pid}/children").read_text().split()
    return [
        int(pid) for pid in children if b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes()
    ]


# (id, what to do, when: "written" once rows are on disk, "locked" while the workers start,
#  the exit status, what stderr says)
ROWS = [
    ("ctrl-c-to-the-job", ("group", signal.SIGINT), "written", 130, "add --resume to continue"),
    ("sigterm-to-the-main", ("main", signal.SIGTERM), "written", 143, "add --resume to continue"),
    ("sigterm-to-the-job", ("group", signal.SIGTERM), "written", 143, "add --resume to continue"),
    ("sigint-to-the-main", ("main", signal.SIGINT), "written", 130, "add --resume to continue"),
    ("ctrl-c-as-it-starts", ("group", signal.SIGINT), "locked", 130, "add --resume to continue"),
    ("sigterm-as-it-starts", ("group", signal.SIGTERM), "locked", 143, "add --resume to continue"),
    ("a-worker-killed", ("worker", signal.SIGKILL), "written", 2, "a worker process ended with"),
]


@pytest.mark.parametrize(
    ("how", "when", "status", "says"), [pytest.param(*row[1:], id=row[0]) for row in ROWS]
)
def test_a_stopped_run_stops_cleanly_and_resumes(tmp_path, corpus, how, when, status, says):
    source, whole = corpus
    output = tmp_path / "out.jsonl"
    partial = Path(f"{output}.partial")
    run = start(source, output)
    if when == "written":
        wait_for(lambda: partial.exists() and partial.stat().st_size > 0, run)
    else:
        wait_for(lambda: Path(f"{output}.lock").exists(), run)
    target, signum = how
    if target == "group":
        os.killpg(run.pid, signum)
    elif target == "main":
        run.send_signal(signum)
    else:
        os.kill(workers_of(run)[0], signum)
    _, err = run.communicate(timeout=120)
    said = err.decode()

    assert run.returncode == status, said
    assert says in said
    for text in NEVER:
        assert text not in said
    assert not list(tmp_path.glob("*.tmp"))
    assert not Path(f"{output}.lock").exists()
    if when == "written":  # what was written is checkpointed (as it starts, maybe nothing)
        assert Path(f"{output}.checkpoint.json").exists()

    resumed = subprocess.run(
        [FIGURES, "batch", source, "--output", output, *ARGS, "--resume"], capture_output=True
    )
    assert resumed.returncode == 0, resumed.stderr.decode()
    assert output.read_bytes() == whole["jsonl"].read_bytes()
    summary = tmp_path / "out.documents.jsonl"
    assert summary.read_bytes() == (whole["jsonl"].parent / "whole.documents.jsonl").read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.documents.jsonl", "out.jsonl"]


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_an_interrupted_parquet_run_leaves_nothing_half_written(tmp_path, corpus, signum):
    """A Parquet file is unreadable until its end is written: it cannot resume, so it goes."""
    source, _ = corpus
    output = tmp_path / "out.parquet"
    run = start(source, output)
    wait_for(lambda: Path(f"{output}.partial").exists(), run)
    time.sleep(0.5)
    os.killpg(run.pid, signum)
    _, err = run.communicate(timeout=120)
    assert run.returncode == 128 + signum
    assert "interrupted; run it again (a Parquet output cannot be continued)" in err.decode()
    for text in NEVER:
        assert text not in err.decode()
    assert list(tmp_path.iterdir()) == []
