"""The per-document summary beside a batch's rows, and the warning for an id seen twice.

A document with no claims writes no row, so without the summary it could not be told from a
document that was never read. The summary has one row per document read, in input order:
``{"id", "claims", "status"}``. An id that an earlier document of the run had is named on
stderr (the first ten) and counted in the summary line.
"""

import json
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from service.batch.duplicates import SeenIds

FIGURES = str(Path(sys.executable).parent / "figures")

# (a JSON Lines line, the summary row it must give)
LINES = [
    ('{"id": "figures", "text": "About 3,000 people fled; 40% of homes burned."}',
     {"id": "figures", "claims": 2, "status": "ok"}),
    ('{"id": "no-figures", "text": "The ministry published nothing new."}',
     {"id": "no-figures", "claims": 0, "status": "ok"}),
    ('{"id": "empty", "text": ""}', {"id": "empty", "claims": 0, "status": "ok"}),
    ('{"id": "no-text"}', {"id": "no-text", "claims": 0, "status": "error"}),
    ('{"id": "number-text", "text": 12}', {"id": "number-text", "claims": 0, "status": "error"}),
    ("not json at all", {"id": None, "claims": 0, "status": "error"}),
    ('{"id": "bad-date", "text": "12 boats.", "reference_date": "2017-02-29"}',
     {"id": "bad-date", "claims": 0, "status": "error"}),
    ('{"id": 7, "text": "Some 40 boats sank."}', {"id": "7", "claims": 1, "status": "ok"}),
    ('{"id": "figures", "text": "Another 12 boats sank."}',
     {"id": "figures", "claims": 1, "status": "ok"}),  # an id seen before: still written
]  # fmt: skip


def figures_batch(*args, env=None):
    import os

    return subprocess.run(
        [FIGURES, "batch", *map(str, args)],
        capture_output=True,
        timeout=120,
        check=False,
        env={**os.environ, **(env or {})},
    )


def summary_of(path):
    if path.suffix == ".parquet":
        return pq.read_table(path).to_pylist()
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("workers", [1, 2])
@pytest.mark.parametrize(
    ("output", "summary"),
    [("claims.jsonl", "claims.documents.jsonl"), ("claims.parquet", "claims.documents.parquet")],
)
def test_every_document_read_has_a_summary_row(tmp_path, workers, output, summary):
    source = tmp_path / "news.jsonl"
    source.write_text("".join(line + "\n" for line, _ in LINES), encoding="utf-8")
    done = figures_batch(
        source, "--output", tmp_path / output, "--workers", workers, "--chunk-size", 2
    )
    assert done.returncode == 0, done.stderr.decode()
    rows = summary_of(tmp_path / summary)
    assert rows == [row for _, row in LINES]
    # The summary agrees with the claim rows: as many rows per document as it says.
    claim_rows = summary_of(tmp_path / output)
    claims = sum(1 for row in claim_rows if row.get("error") is None)
    assert claims == sum(row["claims"] for row in rows)
    assert {row["id"] for row in claim_rows if row.get("error") is None} == {
        row["id"] for row in rows if row["claims"]
    }


def test_text_files_have_summary_rows_named_by_path(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text("About 3,000 people fled.", encoding="utf-8")
    (articles / "b.txt").write_text("Nothing to count here.", encoding="utf-8")
    done = figures_batch(articles, "--output", tmp_path / "out.jsonl")
    assert done.returncode == 0, done.stderr.decode()
    assert summary_of(tmp_path / "out.documents.jsonl") == [
        {"id": str(articles / "a.txt"), "claims": 1, "status": "ok"},
        {"id": str(articles / "b.txt"), "claims": 0, "status": "ok"},
    ]


def test_an_earlier_output_and_its_summary_are_not_read_as_input(tmp_path):
    (tmp_path / "a.jsonl").write_text('{"id": "a", "text": "Some 40 boats sank."}\n')
    for _ in range(2):  # the second run finds the first's output and summary in its input
        done = figures_batch(tmp_path, "--output", tmp_path / "out.jsonl")
        assert done.returncode == 0, done.stderr.decode()
        assert b" documents=1 " in done.stderr
    assert summary_of(tmp_path / "out.documents.jsonl") == [
        {"id": "a", "claims": 1, "status": "ok"}
    ]


def test_repeated_ids_are_named_and_counted(tmp_path):
    source = tmp_path / "news.jsonl"
    lines = [{"id": f"doc-{n % 15}", "text": "Some 40 boats sank."} for n in range(40)]
    lines.insert(3, {"text": "no id"})  # no id: an error row, never a duplicate
    lines.insert(4, {"text": "no id either"})
    source.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    done = figures_batch(source, "--output", tmp_path / "out.jsonl", "--workers", 1)
    said = done.stderr.decode()
    assert done.returncode == 0, said
    warnings = [line for line in said.splitlines() if "warning" in line]
    # The first repeat is doc-0 again, on line 18 (15 ids, 2 lines without one, then it).
    assert warnings[0] == (
        f'figures batch: warning: the id "doc-0" (line 18 of {source}) is not unique: an'
        " earlier document has it too"
    )
    assert len(warnings) == 11
    assert warnings[-1].endswith("more ids are not unique; the summary line counts all")
    assert " duplicate_ids=25 " in said  # 40 documents, 15 ids


def test_a_resumed_run_knows_the_ids_before_its_checkpoint(tmp_path):
    source = tmp_path / "news.jsonl"
    lines = [{"id": name, "text": "Some 40 boats sank."} for name in "abcdefgh"]
    lines.append({"id": "b", "text": "12 more."})  # repeats an id written before the crash
    source.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    args = (source, "--output", tmp_path / "out.jsonl", "--workers", 1, "--chunk-size", 2)
    crash = {"FIGURES_BATCH_CHECKPOINT_SECONDS": "0", "_FIGURES_BATCH_EXIT_AFTER_CHUNKS": "3"}
    assert figures_batch(*args, env=crash).returncode == 75
    resumed = figures_batch(*args, "--resume")
    said = resumed.stderr.decode()
    assert resumed.returncode == 0, said
    assert "resuming after 4 documents" in said
    assert f'the id "b" (line 9 of {source}) is not unique' in said
    assert " documents=9 " in said
    assert " duplicate_ids=1 " in said
    assert [row["id"] for row in summary_of(tmp_path / "out.documents.jsonl")] == [
        *"abcdefgh",
        "b",
    ]


@pytest.mark.parametrize(
    ("ids", "repeated"),
    [
        pytest.param(["a", "b", "a"], [False, False, True], id="one-repeat"),
        pytest.param(["a", "A", "a ", " a"], [False] * 4, id="case-and-space-differ"),
        pytest.param(["", "", "0", "00"], [False, True, False, False], id="empty-and-zero"),
        pytest.param([f"doc-{n}" for n in range(5000)] + ["doc-17", "doc-4999"],
                     [False] * 5000 + [True, True], id="past-the-first-table"),
    ],
)  # fmt: skip
def test_seen_ids(ids, repeated):
    seen = SeenIds()
    assert [seen.add(document_id) for document_id in ids] == repeated
    assert len(seen) == len(set(ids))
    together = SeenIds()  # a chunk's ids at once, a document without one among them
    positions = together.repeats([None, *ids, None])
    assert positions == [1 + index for index, again in enumerate(repeated) if again]
    assert len(together) == len(set(ids))
