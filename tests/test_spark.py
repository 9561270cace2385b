"""The Spark job in ``local[2]``: the claims and error rows of ``extract()`` and ``figures batch``.

Spark needs Java 17. Where ``java`` is missing the module is skipped on a developer's machine,
but in CI (``CI`` set) it installs Debian's ``openjdk-17-jre-headless`` and never skips.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from batch_corpus import (
    BAD_FILES,
    BAD_LIMIT,
    BAD_LINES,
    claims_by_document,
    write_bad_inputs,
)

JAVA_PACKAGE = "openjdk-17-jre-headless"


def ensure_java():
    """Find ``java``; in CI install it with apt-get, elsewhere skip the module without it."""
    if shutil.which("java"):
        return
    if not os.environ.get("CI"):
        pytest.skip(
            f"Spark needs Java 17 and `java` is not on PATH (apt-get install {JAVA_PACKAGE})"
        )
    sudo = [] if os.geteuid() == 0 else ["sudo", "-n"]
    quiet = {"env": {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}, "check": True}
    subprocess.run([*sudo, "apt-get", "update", "-qq"], timeout=600, **quiet)
    install = ["apt-get", "install", "-y", "-qq", "--no-install-recommends", JAVA_PACKAGE]
    subprocess.run([*sudo, *install], timeout=900, **quiet)
    assert shutil.which("java"), f"{JAVA_PACKAGE} is installed but `java` is not on PATH"


@pytest.fixture(scope="module")
def spark():
    ensure_java()
    from service.batch.spark import local_session

    session = local_session(2)
    yield session
    session.stop()


@pytest.fixture(scope="module")
def job():
    from service.batch import spark

    return spark


def parts(directory):
    """Read the JSON Lines that Spark wrote, its part files in order."""
    lines = []
    for part in sorted(Path(directory).glob("part-*")):
        lines.extend(part.read_text(encoding="utf-8").splitlines())
    return [json.loads(line) for line in lines]


def test_claims_are_those_of_extract(spark, job, corpus, expected, tmp_path):
    output = tmp_path / "claims"
    counts = job.run(spark, [str(corpus[0])], str(output), "parquet")
    table = pq.read_table(output)
    assert table.schema.field("unit").type == pa.struct(
        [(name, pa.string()) for name in ("name", "symbol", "dimension", "surface")]
    )
    found = claims_by_document(table.to_pylist())
    assert found == {doc: claims for doc, claims in expected.items() if claims}
    claims = sum(map(len, expected.values()))
    assert (counts.documents, counts.good, counts.bad, counts.claims) == (200, 200, 0, claims)


def test_json_lines_are_the_lines_of_the_local_engine(spark, job, corpus, tmp_path):
    from service.batch import local

    output = tmp_path / "claims"
    job.run(spark, [str(corpus[0])], str(output), "jsonl")
    locally = tmp_path / "local.jsonl"
    local.run(local.Job((str(corpus[0]),), str(locally), "jsonl", workers=1))
    assert parts(output) == [json.loads(line) for line in locally.read_text().splitlines()]


def test_any_spark_source_with_id_and_text(spark, job, corpus, expected, tmp_path):
    source = tmp_path / "news.parquet"
    pq.write_table(pa.Table.from_pylist(corpus[1]), source)
    output = tmp_path / "claims"
    job.run(spark, [str(source)], str(output), "jsonl")
    assert claims_by_document(parts(output)) == {d: c for d, c in expected.items() if c}


def test_bad_documents_become_error_rows(spark, job, tmp_path, monkeypatch):
    monkeypatch.setenv("FIGURES_MAX_TEXT_BYTES", BAD_LIMIT)
    lines, texts = write_bad_inputs(tmp_path)
    output = tmp_path / "claims"
    counts = job.run(spark, [str(lines), str(texts)], str(output), "jsonl")
    rows = parts(output)
    errors = [row for row in rows if "error" in row]
    for name, _, document_id, reason in BAD_LINES:
        found = [e for e in errors if reason in e["error"] and e["id"] == document_id]
        assert found, f"{name}: no error row with {reason!r}"
    for name, file, _, reason in BAD_FILES:
        found = [e for e in errors if (e["id"] or "").endswith(f"/{file}") and reason in e["error"]]
        assert found, f"{name}: no error row with {reason!r}"
    assert len(errors) == len(BAD_LINES) + len(BAD_FILES)
    assert {row["id"] for row in rows if "error" not in row} == {"7", f"file:{texts}/good.txt"}
    assert (counts.documents, counts.good, counts.bad) == (len(errors) + 3, 3, len(errors))


def test_cli_runs_the_spark_engine(tmp_path, corpus, expected, spark):
    """Run last: the command stops the Spark session, which it shares with this module."""
    from service.cli import main

    output = tmp_path / "claims"
    args = ["batch", str(corpus[0]), "--output", str(output), "--engine", "spark"]
    assert main([*args, "--format", "parquet"]) == 0
    assert claims_by_document(pq.read_table(output).to_pylist()) == {
        d: c for d, c in expected.items() if c
    }
