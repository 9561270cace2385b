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
    DEFAULT_DATE,
    claims_by_document,
    dated_documents,
    expected_claims,
    write_bad_inputs,
    write_json_lines,
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


@pytest.fixture(scope="module")
def dated(tmp_path_factory):
    """The dated corpus as JSON Lines: (its path, its records)."""
    records = dated_documents()
    path = tmp_path_factory.mktemp("dated") / "dated.jsonl"
    return write_json_lines(path, records), records


@pytest.mark.parametrize("default", [DEFAULT_DATE, None], ids=["default", "no-default"])
def test_dated_lines_are_those_of_the_local_engine(spark, job, dated, extract, tmp_path, default):
    """Byte for byte the local engine's lines, and extract()'s claims with each document's date."""
    from service.batch import local

    path, records = dated
    output = tmp_path / "claims"
    counts = job.run(spark, [str(path)], str(output), "jsonl", reference_date=default)
    locally = tmp_path / "local.jsonl"
    local.run(local.Job((str(path),), str(locally), "jsonl", workers=1, reference_date=default))
    spark_lines = [
        line
        for part in sorted(output.glob("part-*"))
        for line in part.read_text(encoding="utf-8").splitlines()
    ]
    assert spark_lines == locally.read_text(encoding="utf-8").splitlines()
    want = expected_claims(extract, records, default)
    assert claims_by_document(parts(output)) == {d: c for d, c in want.items() if c}
    assert (counts.documents, counts.bad) == (len(records), 0)


def test_spark_reads_each_documents_date_and_gives_it_to_the_core(
    spark, job, tmp_path, monkeypatch
):
    """The dates Spark reads (JSON Lines, a Parquet string column, a date column, text files),
    and in process the date ``_extract`` gives the core for each."""
    from datetime import date

    from service.batch import rows

    lines = write_json_lines(
        tmp_path / "in.jsonl",
        [
            {"id": "own", "text": "About 40 boats sank.", "reference_date": "2017-10-14"},
            {"id": "null", "text": "Some 12 cars burned.", "reference_date": None},
            {"id": "absent", "text": "Up to 9 bridges fell."},
            {"id": "bad", "text": "Nearly 70 homes.", "reference_date": "2017-02-29"},
        ],
    )
    strings = tmp_path / "strings.parquet"
    pq.write_table(
        pa.table({"id": ["p1", "p2"], "text": ["12 cats.", "13 dogs."],
                  "reference_date": ["2016-02-29", None]}),
        strings,
    )  # fmt: skip
    days = tmp_path / "days.parquet"
    pq.write_table(
        pa.table({"id": [5], "text": ["14 owls."], "reference_date": [date(2015, 3, 1)]}), days
    )
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "a.txt").write_text("Some 15 bats.", encoding="utf-8")
    # Spark reads the Parquet files of one run as one table: one type per column, so apart.
    inputs = [str(lines), str(strings), str(texts)]
    documents = job.read_documents(spark, inputs, "auto", 1000).collect()
    documents += job.read_documents(spark, [str(days)], "auto", 1000).collect()
    read = {d.id.rsplit("/", 1)[-1]: (d.reference_date, d.error) for d in documents}
    assert read == {
        "own": ("2017-10-14", None),
        "null": (None, None),
        "absent": (None, None),
        "bad": (None, 'reference_date is not a date as YYYY-MM-DD: "2017-02-29"'),
        "p1": ("2016-02-29", None),
        "p2": (None, None),
        "5": ("2015-03-01", None),
        "a.txt": (None, None),
    }

    seen = {}
    real = rows.extract

    def spy(text, **options):
        seen[text] = options.get("reference_date")
        return real(text, **options)

    class Counter:
        def add(self, _):
            pass

    monkeypatch.setattr(rows, "extract", spy)
    list(job._extract(documents, True, [Counter() for _ in range(5)], "2000-01-01"))
    assert seen == {
        "About 40 boats sank.": "2017-10-14",
        "Some 12 cars burned.": "2000-01-01",
        "Up to 9 bridges fell.": "2000-01-01",
        "12 cats.": "2016-02-29",
        "13 dogs.": "2000-01-01",
        "14 owls.": "2015-03-01",
        "Some 15 bats.": "2000-01-01",
    }


def test_a_parquet_source_with_dates_gives_extracts_claims(spark, job, extract, tmp_path):
    records = [
        {"id": "a", "text": "About 40 boats sank last week.", "reference_date": "2017-10-14"},
        {"id": "b", "text": "Some 12 cars burned on Friday.", "reference_date": None},
        {"id": "c", "text": "Up to 9 bridges fell.", "reference_date": "14 October"},
    ]
    source = tmp_path / "news.parquet"
    pq.write_table(pa.Table.from_pylist(records), source)
    output = tmp_path / "claims"
    counts = job.run(spark, [str(source)], str(output), "parquet", reference_date="2016-05-05")
    found = pq.read_table(output).to_pylist()
    errors = [(row["id"], row["error"]) for row in found if row["error"] is not None]
    assert errors == [("c", 'reference_date is not a date as YYYY-MM-DD: "14 October"')]
    assert claims_by_document(found) == expected_claims(extract, records[:2], "2016-05-05")
    assert (counts.documents, counts.good, counts.bad) == (3, 2, 1)


def test_spark_refuses_a_bad_default(spark, job, dated, tmp_path):
    with pytest.raises(ValueError, match="--reference-date is not a date as YYYY-MM-DD"):
        job.run(spark, [str(dated[0])], str(tmp_path / "out"), "jsonl", reference_date="2017-2-3")
    with pytest.raises(SystemExit) as exit_info:
        job.main([str(dated[0]), str(tmp_path / "out"), "--reference-date", "soon"])
    assert exit_info.value.code == 2
    assert not (tmp_path / "out").exists()


def test_spark_rows_carry_the_frames(spark, job, dated, tmp_path):
    """Spark's Parquet columns and JSON lines hold the claim frames, shaped as the model says."""
    from test_frames_everywhere import FRAME_FIELDS, FRAMES, check_arrow, check_claim

    output = tmp_path / "claims"
    job.run(spark, [str(dated[0])], str(output), "parquet", reference_date=DEFAULT_DATE)
    schema = pq.read_schema(next(output.glob("part-*.parquet")))
    for name in FRAMES:
        check_arrow(schema.field(name).type, FRAME_FIELDS[name].nested, name)
    found = pq.read_table(output).to_pylist()
    lines = tmp_path / "lines"
    job.run(spark, [str(dated[0])], str(lines), "jsonl", reference_date=DEFAULT_DATE)
    for row in [*found, *parts(lines)]:
        check_claim({k: v for k, v in row.items() if k not in ("id", "index", "error")})


def test_cli_runs_the_spark_engine(tmp_path, corpus, expected, spark):
    """Run last: the command stops the Spark session, which it shares with this module."""
    from service.cli import main

    output = tmp_path / "claims"
    args = ["batch", str(corpus[0]), "--output", str(output), "--engine", "spark"]
    assert main([*args, "--format", "parquet"]) == 0
    assert claims_by_document(pq.read_table(output).to_pylist()) == {
        d: c for d, c in expected.items() if c
    }


def test_cli_gives_the_spark_engine_its_default_date(tmp_path, monkeypatch):
    """``figures batch --engine spark --reference-date``: the date reaches spark.run."""
    from service.batch import spark as engine
    from service.cli import main

    given = {}

    class Session:
        def stop(self):
            pass

    monkeypatch.setattr(engine, "local_session", lambda workers: Session())
    monkeypatch.setattr(engine, "run", lambda *a, **k: given.update(k) or engine.Counts())
    args = ["batch", "in.jsonl", "--output", str(tmp_path / "o"), "--engine", "spark"]
    assert main([*args, "--reference-date", "2017-10-14"]) == 0
    assert given == {"reference_date": "2017-10-14"}
