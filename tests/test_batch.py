"""``figures batch``: extract()'s claims, the same bytes for any workers, error rows, resume."""

import gzip
import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from batch_corpus import (
    BAD_FILES,
    BAD_LIMIT,
    BAD_LINES,
    claims_by_document,
    expected_claims,
    write_bad_inputs,
)

from service.batch import rows, writers
from service.batch.readers import Document

FIGURES = str(Path(sys.executable).parent / "figures")
CRASHED = 75  # the exit status of the test hook's simulated crash


def figures_batch(*args, env=None, stdin=None):
    """Run ``figures batch`` in a subprocess, as a user would."""
    return subprocess.run(
        [FIGURES, "batch", *map(str, args)],
        capture_output=True,
        input=stdin,
        env={**os.environ, **(env or {})},
        timeout=120,
        check=False,
    )


def read_rows(path, output_format):
    if output_format == "parquet":
        return pq.read_table(path).to_pylist()
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def batch_run(corpus, tmp_path_factory):
    """Run the corpus once per (workers, format), on demand; return the output and stderr."""
    path, _ = corpus
    done = {}

    def run(workers, output_format):
        if (workers, output_format) not in done:
            output = tmp_path_factory.mktemp("out") / f"claims.{output_format}"
            result = figures_batch(path, "--output", output, "--workers", workers)
            assert result.returncode == 0, result.stderr.decode()
            done[workers, output_format] = output, result.stderr.decode()
        return done[workers, output_format]

    return run


@pytest.mark.parametrize("output_format", ["jsonl", "parquet"])
@pytest.mark.parametrize("workers", [1, 2])
def test_claims_are_those_of_extract(batch_run, expected, workers, output_format):
    output, _ = batch_run(workers, output_format)
    rows = read_rows(output, output_format)
    found = claims_by_document(rows)
    assert found == {doc: claims for doc, claims in expected.items() if claims}
    in_order = list(dict.fromkeys(row["id"] for row in rows))
    assert in_order == [doc for doc, claims in expected.items() if claims]


@pytest.mark.parametrize("output_format", ["jsonl", "parquet"])
def test_output_is_the_same_bytes_for_1_and_2_workers(batch_run, output_format):
    one, _ = batch_run(1, output_format)
    two, _ = batch_run(2, output_format)
    assert one.read_bytes() == two.read_bytes()


def test_summary_line_counts_documents_and_claims(batch_run, expected):
    _, stderr = batch_run(2, "jsonl")
    claims = sum(map(len, expected.values()))
    assert f"documents=200 good=200 bad=0 claims={claims} errors=0 " in stderr


def test_claim_rows_are_flat_with_nested_structures(batch_run):
    output, _ = batch_run(1, "jsonl")
    row = json.loads(output.read_text(encoding="utf-8").splitlines()[0])
    assert list(row)[:3] == ["id", "index", "text"]
    assert set(row["sentence"]) == {"text", "start", "end"}
    schema = pq.read_schema(batch_run(1, "parquet")[0])
    assert schema == writers.parquet_schema()
    assert pa.types.is_struct(schema.field("normalized").type)


@pytest.fixture(scope="module")
def bad_run(tmp_path_factory):
    """Run a file of bad documents between good ones, and a folder of bad text files."""
    directory = tmp_path_factory.mktemp("bad")
    lines, texts = write_bad_inputs(directory)
    output = directory / "out.jsonl"
    result = figures_batch(
        lines, texts, "--output", output, env={"FIGURES_MAX_TEXT_BYTES": BAD_LIMIT}
    )
    assert result.returncode == 0, result.stderr.decode()
    return read_rows(output, "jsonl"), result.stderr.decode(), lines, texts


@pytest.mark.parametrize(
    ("line", "document_id", "reason"),
    [pytest.param(line, doc, reason, id=name) for name, line, doc, reason in BAD_LINES],
)
def test_a_bad_line_becomes_an_error_row(bad_run, line, document_id, reason):
    rows, _, lines, _ = bad_run
    number = 2 + [case[1] for case in BAD_LINES].index(line)  # after the first good line
    where = f"line {number} of {lines}: "  # a document without an id is found by its line
    errors = [
        row
        for row in rows
        if "error" in row
        and (row["id"] == document_id if document_id else row["error"].startswith(where))
    ]
    assert len(errors) == 1, errors
    assert errors[0]["id"] == document_id
    assert reason in errors[0]["error"]
    assert set(errors[0]) == {"id", "error"}


@pytest.mark.parametrize(
    ("name", "reason"), [pytest.param(name, reason, id=case) for case, name, _, reason in BAD_FILES]
)
def test_a_bad_text_file_becomes_an_error_row(bad_run, name, reason):
    rows, _, _, texts = bad_run
    errors = [row for row in rows if row["id"] == str(texts / name)]
    assert len(errors) == 1
    assert reason in errors[0]["error"]


def test_good_documents_around_bad_ones_are_extracted(bad_run):
    rows, stderr, _, texts = bad_run
    bad = len(BAD_LINES) + len(BAD_FILES)
    assert f"documents={bad + 3} good=3 bad={bad} " in stderr
    assert {row["id"] for row in rows if "error" not in row} == {"7", str(texts / "good.txt")}


def test_text_files_and_directories_are_documents_named_by_path(tmp_path, extract):
    folder = tmp_path / "articles"
    (folder / "world").mkdir(parents=True)
    texts = {"b.txt": "About 300 people fled.", "world/a.txt": "Up to 48 hours, 2.4m homes."}
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / ".hidden.txt").write_text("12 cats")
    (folder / "notes.md").write_text("12 dogs")
    single = tmp_path / "single.txt"
    single.write_text("Some 12 boats sank.", encoding="utf-8")
    output = tmp_path / "out.jsonl"
    result = figures_batch(single, folder, "--output", output, "--workers", 1)
    assert result.returncode == 0, result.stderr.decode()
    names = [str(single)] + [str(folder / name) for name in sorted(texts)]
    rows = read_rows(output, "jsonl")
    assert list(dict.fromkeys(row["id"] for row in rows)) == names
    found = claims_by_document(rows)
    every = {str(single): "Some 12 boats sank."} | {str(folder / k): v for k, v in texts.items()}
    assert found == {
        k: v
        for k, v in expected_claims(
            extract, [{"id": k, "text": t} for k, t in every.items()]
        ).items()
    }


def test_standard_input_is_json_lines(tmp_path, corpus, batch_run):
    path, _ = corpus
    output = tmp_path / "out.jsonl"
    result = figures_batch("-", "--output", output, stdin=path.read_bytes())
    assert result.returncode == 0, result.stderr.decode()
    assert output.read_bytes() == batch_run(1, "jsonl")[0].read_bytes()


def test_gzipped_json_lines_are_read_as_they_are(tmp_path, corpus, batch_run):
    path, _ = corpus
    packed = tmp_path / "news.jsonl.gz"
    packed.write_bytes(gzip.compress(path.read_bytes()))
    output = tmp_path / "out.jsonl"
    result = figures_batch(packed, "--output", output)
    assert result.returncode == 0, result.stderr.decode()
    assert output.read_bytes() == batch_run(1, "jsonl")[0].read_bytes()


def test_resume_after_a_crash_writes_what_an_uninterrupted_run_writes(tmp_path, corpus, batch_run):
    source, _ = corpus
    path = tmp_path / "news.jsonl"
    path.write_bytes(source.read_bytes())
    output = tmp_path / "out.jsonl"
    partial, sidecar = Path(f"{output}.partial"), Path(f"{output}.checkpoint.json")
    crash = {"FIGURES_BATCH_CHECKPOINT_SECONDS": "0", "_FIGURES_BATCH_EXIT_AFTER_CHUNKS": "3"}
    args = (path, "--output", output, "--chunk-size", 16, "--workers", 2)

    assert figures_batch(*args, env=crash).returncode == CRASHED
    checkpoint = json.loads(sidecar.read_text())
    assert checkpoint["counts"]["documents"] == 32  # two chunks checkpointed, the third not
    assert partial.stat().st_size > checkpoint["offset"]  # written after the checkpoint
    assert not output.exists()

    refused = figures_batch(*args)
    assert refused.returncode == 2
    assert b"add --resume to continue it" in refused.stderr

    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))
    changed = figures_batch(*args, "--resume")
    assert changed.returncode == 2
    assert b"the inputs or the format differ" in changed.stderr
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))

    resumed = figures_batch(*args, "--resume")
    assert resumed.returncode == 0, resumed.stderr.decode()
    assert b"resuming after 32 documents" in resumed.stderr
    assert b" documents=200 good=200 " in resumed.stderr
    assert output.read_bytes() == batch_run(1, "jsonl")[0].read_bytes()
    assert not partial.exists()
    assert not sidecar.exists()


def test_parquet_says_it_cannot_resume(tmp_path, corpus):
    result = figures_batch(corpus[0], "--output", tmp_path / "out.parquet", "--resume")
    assert result.returncode == 2
    assert b"cannot be continued and must start again" in result.stderr


def test_a_missing_input_is_a_usage_error(tmp_path):
    result = figures_batch(tmp_path / "missing.jsonl", "--output", tmp_path / "out.jsonl")
    assert result.returncode == 2
    assert b"missing.jsonl: no such file or directory" in result.stderr


def test_parquet_row_groups_do_not_depend_on_how_rows_arrive(tmp_path, monkeypatch):
    monkeypatch.setattr(writers, "ROW_GROUP_ROWS", 10)
    rows = [{"id": str(n), "error": "x" * n} for n in range(35)]
    for name, sizes in (("a", [35]), ("b", [3, 9, 1, 14, 8])):
        writer = writers.ParquetWriter(str(tmp_path / name))
        start = 0
        for size in sizes:
            writer.write(writers.encode(rows[start : start + size], "parquet"))
            start += size
        writer.close()
    assert (tmp_path / "a").read_bytes() == (tmp_path / "b").read_bytes()
    assert pq.ParquetFile(tmp_path / "a").metadata.num_row_groups == 4
    assert pq.read_table(tmp_path / "b").to_pylist()[34]["error"] == "x" * 34


def test_a_claim_with_a_non_finite_number_fails_its_document_only(monkeypatch, extract):
    claim = extract("It is 12 km away.")[0]
    broken = type(claim)(**{**{f: getattr(claim, f) for f in claim.__slots__}, "high": math.inf})
    monkeypatch.setattr(rows, "extract", lambda text, **_: (claim, broken))
    outcome = rows.rows_of(Document("k", "It is 12 km away.", 17))
    assert not outcome.good
    assert outcome.rows == [
        {"id": "k", "error": "extraction failed: claim 1 ('12 km') has a non-finite number"}
    ]


def test_an_extraction_that_raises_fails_its_document_only(monkeypatch):
    def broken(text, **_):
        raise IndexError("out of range")

    monkeypatch.setattr(rows, "extract", broken)
    outcome = rows.rows_of(Document("k", "It is 12 km away.", 17))
    assert outcome.rows == [{"id": "k", "error": "extraction failed: IndexError: out of range"}]
