"""The main process hands lines to the workers unparsed and gets their rows back in files.

Whatever the input (bad lines, repeated ids, overlong lines, text files, folders, standard
input, gzip), the output, the summary and the warnings are the same bytes for 1, 2 or 3
workers (1: no worker process, nothing handed over), and no chunk file is ever left beside
the output, on success, on a crash or when a worker dies. ``spools`` appends a chunk's file
to the output exactly, by ``sendfile`` or, where that is refused, through memory.
"""

import errno
import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from batch_corpus import BAD_LIMIT, documents, write_bad_inputs, write_json_lines

from service.batch import spools

FIGURES = str(Path(sys.executable).parent / "figures")
CRASHED = 75  # the exit status of the test hook's simulated crash
OVERLONG = 200_000  # bytes: over the line cap of FIGURES_MAX_TEXT_BYTES=400 (2,400 + 64 KiB)


def _bad(directory):
    lines, texts = write_bad_inputs(directory)
    return [lines, texts], None


def _repeated_ids(directory):
    records = documents(30, seed=4)
    for number, record in enumerate(records):
        record["id"] = ["x", 12, "12", "y"][number % 4] if number % 3 else record["id"]
    records.insert(5, {"text": "No id, 4 cats."})  # no id: an error row, never a duplicate
    path = write_json_lines(directory / "repeated.jsonl", records)
    path.write_bytes(path.read_bytes().replace(b"\n", b"\n\n \n", 3))  # blank lines between
    return [path], None


def _overlong(directory):
    good = json.dumps({"id": "a", "text": "Some 40 ships docked."}).encode()
    huge = b'{"id": "big", "text": "' + b"9 cats. " * (OVERLONG // 8) + b'"}'
    path = directory / "huge.jsonl"
    path.write_bytes(b"\n".join([good, huge, good.replace(b'"a"', b'"b"'), huge, good]))
    (directory / "long.txt").write_bytes(b"12 dogs. " * 100)  # a text file over the limit
    return [path, directory / "long.txt"], None


def _folder(directory):
    folder = directory / "in"
    (folder / "sub").mkdir(parents=True)
    write_json_lines(folder / "sub" / "b.jsonl", documents(12, seed=5))
    write_json_lines(folder / "a.ndjson", documents(9, seed=6))
    (folder / "c.txt").write_text("Some 3,000 people fled on 4 May 2019.", encoding="utf-8")
    (folder / ".hidden.txt").write_text("Some 5 hidden cats.", encoding="utf-8")
    return [folder, directory / "in" / "c.txt"], None


def _standard_input(directory):
    path = write_json_lines(directory / "stdin.jsonl", documents(25, seed=7))
    data = path.read_bytes() + b'{"id": "doc-003", "text": "A repeat of 6 ids."}\nnot json\n'
    return ["-"], data


def _gzipped(directory):
    path = write_json_lines(directory / "news.jsonl", documents(20, seed=8))
    packed = directory / "news.jsonl.gz"
    packed.write_bytes(gzip.compress(path.read_bytes() + b'{"id": "doc-001"}\n'))
    return [packed], None


# (name, inputs maker, what the output or the warnings must show: the row tests what it says)
# Each maker returns the inputs to name and the bytes for standard input.
INPUTS = (
    ("bad-lines-and-text-files", _bad, "line 3 of "),
    ("repeated-ids-and-blank-lines", _repeated_ids, 'the id "12" (line 7 of '),
    ("overlong-lines-and-a-text-over-the-limit", _overlong, "line over 67,936 bytes"),
    ("a-folder-of-json-lines-and-text", _folder, 'the id "'),
    ("standard-input", _standard_input, "line 27 of standard input: not JSON"),
    ("gzipped-json-lines", _gzipped, "missing text"),
)


def figures_batch(*args, env=None, stdin=None):
    """Run ``figures batch`` in a subprocess, as a user would."""
    return subprocess.run(
        [FIGURES, "batch", *map(str, args)],
        capture_output=True,
        input=stdin,
        env={**os.environ, "FIGURES_MAX_TEXT_BYTES": BAD_LIMIT, **(env or {})},
        timeout=120,
        check=False,
    )


def _said(stderr):
    """The warnings and the summary line, without its timings."""
    lines = stderr.decode().splitlines()
    kept = [line for line in lines if "warning" in line or " documents=" in line]
    return [line.split(" seconds=")[0] for line in kept]


@pytest.mark.parametrize(("name", "make", "shows"), INPUTS, ids=[name for name, *_ in INPUTS])
def test_the_output_does_not_depend_on_the_workers(tmp_path, name, make, shows):
    inputs, stdin = make(tmp_path)
    seen = {}
    for workers in (1, 2, 3):
        output = tmp_path / f"out-{workers}" / "claims.jsonl"
        output.parent.mkdir()
        result = figures_batch(
            *inputs, "--output", output, "--workers", workers, "--chunk-size", 3, stdin=stdin
        )
        assert result.returncode == 0, result.stderr.decode()
        summary = output.with_name("claims.documents.jsonl")
        seen[workers] = output.read_bytes(), summary.read_bytes(), _said(result.stderr)
        assert sorted(os.listdir(output.parent)) == ["claims.documents.jsonl", "claims.jsonl"]
    output, summary, said = seen[1]
    assert shows in output.decode() + "\n".join(said)
    assert summary.count(b"\n") == int(said[-1].split(" documents=")[1].split()[0])
    assert seen[2] == seen[1]
    assert seen[3] == seen[1]


# (name, environment, exit status, files left beside the output)
ENDINGS = (
    ("complete", {}, 0, ["out.documents.jsonl", "out.jsonl"]),
    (
        "crashed-after-writing",
        {"_FIGURES_BATCH_EXIT_AFTER_CHUNKS": "2", "FIGURES_BATCH_CHECKPOINT_SECONDS": "0"},
        CRASHED,
        [
            "out.documents.jsonl.partial",
            "out.jsonl.checkpoint.json",
            "out.jsonl.lock",  # the lock's file, as a killed run leaves it (lock.py)
            "out.jsonl.partial",
        ],
    ),
)


@pytest.mark.parametrize(
    ("name", "env", "status", "left"), ENDINGS, ids=[name for name, *_ in ENDINGS]
)
def test_no_chunk_file_is_left_beside_the_output(tmp_path, name, env, status, left):
    source = write_json_lines(tmp_path / "news.jsonl", documents(60, seed=3))
    folder = tmp_path / "out"
    folder.mkdir()
    args = (source, "--output", folder / "out.jsonl", "--workers", 2, "--chunk-size", 4)
    assert figures_batch(*args, env=env).returncode == status
    assert sorted(os.listdir(folder)) == left
    if status:  # and the run resumes to the bytes of an uninterrupted one
        assert figures_batch(*args, "--resume").returncode == 0
        assert sorted(os.listdir(folder)) == ["out.documents.jsonl", "out.jsonl"]
        again = tmp_path / "again.jsonl"
        assert figures_batch(source, "--output", again, "--workers", 1).returncode == 0
        assert (folder / "out.jsonl").read_bytes() == again.read_bytes()


# (name, bytes written before, bytes in the chunk's file, sendfile refused)
APPENDS = (
    ("empty-chunk", b"", b"", False),
    ("small-chunk-after-buffered-bytes", b"head\n", "Café 12 €\n".encode(), False),
    ("chunk-over-a-read-block", b"", b"x" * (3 << 20) + b"\n", False),
    ("refused-sendfile-small", b"head\n", b"12 cats\n" * 10, True),
    ("refused-sendfile-over-a-read-block", b"", b"y" * ((1 << 20) + 17), True),
)


@pytest.mark.parametrize(
    ("name", "before", "data", "refused"), APPENDS, ids=[name for name, *_ in APPENDS]
)
def test_a_spooled_chunk_is_appended_exactly(tmp_path, monkeypatch, name, before, data, refused):
    if refused:

        def no_sendfile(*_):
            raise OSError(errno.EINVAL, "Invalid argument")

        monkeypatch.setattr(os, "sendfile", no_sendfile)
    path = tmp_path / "out.jsonl"
    fd = spools.spool(data)
    try:
        with path.open("wb") as file:
            file.write(before)
            spools.append(file, fd)
            file.write(b"tail\n")
            assert file.tell() == len(before) + len(data) + 5
    finally:
        os.close(fd)
    assert path.read_bytes() == before + data + b"tail\n"


def test_another_sendfile_error_is_not_hidden(tmp_path, monkeypatch):
    def full(*_):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "sendfile", full)
    fd = spools.spool(b"12 cats\n")
    try:
        with (tmp_path / "out.jsonl").open("wb") as file, pytest.raises(OSError, match="space"):
            spools.append(file, fd)
    finally:
        os.close(fd)
