"""One ``figures batch`` run per output at a time: a second stops at once and says why.

Two runs on one output used to write into the same ``OUT.partial`` and replace each other's
checkpoint, which then blocked ``--resume``. The lock is ``flock`` on ``OUT.lock``: the test
holds it as a first run would (another process's lock looks the same to the second run).
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from service.batch import checkpoints, lock

FIGURES = str(Path(sys.executable).parent / "figures")


def figures_batch(*args):
    return subprocess.run(
        [FIGURES, "batch", *map(str, args)], capture_output=True, timeout=120, check=False
    )


@pytest.fixture
def source(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text('{"id": "a", "text": "About 3,000 people fled."}\n', encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("engine", "output"),
    [
        pytest.param(("--workers", "1"), "out.jsonl", id="jsonl"),
        pytest.param(("--workers", "2"), "out.parquet", id="parquet"),
        pytest.param(("--workers", "1", "--resume"), "out.jsonl", id="resume"),
    ],
)
def test_a_second_run_on_the_same_output_stops(tmp_path, source, engine, output):
    output = tmp_path / output
    with lock.held(str(output)):
        refused = figures_batch(source, "--output", output, *engine)
        assert refused.returncode == 2
        said = refused.stderr.decode()
        assert f"another figures batch (process {os.getpid()}) is writing {output}" in said
        assert "give this run another --output" in said
        # It touched nothing of the first run's.
        assert sorted(p.name for p in tmp_path.iterdir()) == ["news.jsonl", f"{output.name}.lock"]
    done = figures_batch(source, "--output", output, *engine)  # once the first is done
    assert done.returncode == 0, done.stderr.decode()


def test_another_output_is_not_held(tmp_path, source):
    with lock.held(str(tmp_path / "first.jsonl")):
        done = figures_batch(source, "--output", tmp_path / "second.jsonl")
    assert done.returncode == 0, done.stderr.decode()


def test_a_finished_run_leaves_no_lock(tmp_path, source):
    output = tmp_path / "out.jsonl"
    assert figures_batch(source, "--output", output).returncode == 0
    assert not Path(lock.lock_path(str(output))).exists()


def test_a_lock_file_of_a_killed_run_does_not_hold(tmp_path, source):
    """The system drops a dead process's lock: the file alone stops nobody."""
    output = tmp_path / "out.jsonl"
    Path(lock.lock_path(str(output))).write_text("999999\n")
    done = figures_batch(source, "--output", output)
    assert done.returncode == 0, done.stderr.decode()
    assert not Path(lock.lock_path(str(output))).exists()


def test_a_checkpoint_being_written_when_a_run_was_killed_is_removed(tmp_path, source):
    output = tmp_path / "out.jsonl"
    temporary = Path(checkpoints.temporary_path(checkpoints.checkpoint_path(str(output))))
    temporary.write_text("")  # what a run killed while saving its checkpoint left
    done = figures_batch(source, "--output", output)
    assert done.returncode == 0, done.stderr.decode()
    assert not temporary.exists()


def test_a_checkpoint_that_fails_to_save_leaves_no_temporary_file(tmp_path, monkeypatch):
    path = str(tmp_path / "out.jsonl.checkpoint.json")

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(checkpoints.json, "dump", broken)
    checkpoint = checkpoints.Checkpoint("inputs", "jsonl", 0, checkpoints.Position(0))
    with pytest.raises(OSError, match="disk full"):
        checkpoints.save(path, checkpoint)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("output", "lock_file"),
    [
        ("claims.jsonl", "claims.jsonl.lock"),
        ("claims/", "claims.lock"),  # a Spark output directory
        ("out/claims", "out/claims.lock"),
    ],
)
def test_lock_file_names(output, lock_file):
    assert lock.lock_path(output) == lock_file
