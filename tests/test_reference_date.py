"""``reference_date`` reaches the core from every door: HTTP, the CLI and the batch job.

The core is spied on (wrapped, then called as it is) to see the date it is given: whether
``time.resolved`` gets filled is the core's business, so nothing here depends on it. Errors of
the HTTP parameters are rows of ``tests/data/http_errors.json``; the Spark engine's cases are in
``tests/test_spark.py``. The texts are the tests' own.
"""

import io
import json
import os
import subprocess
import sys
from dataclasses import asdict
from datetime import date, datetime
from pathlib import Path
from urllib.parse import parse_qsl

import pyarrow.parquet as pq
import pytest
from batch_corpus import (
    DEFAULT_DATE,
    claims_by_document,
    dated_documents,
    expected_claims,
    write_json_lines,
)

from schemas import ExtractRequestSchema, dump_claim
from service.batch import local, rows
from service.batch.readers import Document, parse_json_line, parse_record, parse_reference_date
from service.cli import main

FIGURES = str(Path(sys.executable).parent / "figures")
TEXT = "Officials said about 3,000 people fled last week, and 12 boats sank on Friday."
OWN, OTHER, QUERY = "2017-10-14", "2016-02-29", "2020-06-01"


def iso(value):
    """The date a spy saw, as "YYYY-MM-DD" (the core takes a date or the string)."""
    return value if value is None or isinstance(value, str) else value.isoformat()


@pytest.fixture
def seen(monkeypatch):
    """Wrap the core's ``extract`` and ``explain`` where each caller looks them up.

    Returns the list of (function, text, reference date) calls, in order.
    """
    import service.core
    import service.http.extraction as http

    calls = []

    def spying(name, real):
        def spy(text, *, limit=None, reference_date=None):
            calls.append((name, text, iso(reference_date)))
            return real(text, limit=limit, reference_date=reference_date)

        return spy

    real = {"extract": service.core.extract, "explain": service.core.explain}
    for module in (service.core, http):
        for name, function in real.items():
            monkeypatch.setattr(module, name, spying(name, function))
    monkeypatch.setattr(rows, "extract", spying("extract", real["extract"]))
    return calls


# --- HTTP: /v1/extract -----------------------------------------------------------------------

# (id, query string, JSON body or None for text/plain, the core function, the date it gets).
SINGLE = [
    ("json-field", "", {"text": TEXT, "reference_date": OWN}, "extract", OWN),
    ("json-absent", "", {"text": TEXT}, "extract", None),
    ("json-null", "", {"text": TEXT, "reference_date": None}, "extract", None),
    ("json-leap-day", "", {"text": TEXT, "reference_date": OTHER}, "extract", OTHER),
    ("json-query-only", f"?reference_date={QUERY}", {"text": TEXT}, "extract", QUERY),
    ("json-field-wins", f"?reference_date={QUERY}", {"text": TEXT, "reference_date": OWN},
     "extract", OWN),
    ("json-null-takes-query", f"?reference_date={QUERY}", {"text": TEXT, "reference_date": None},
     "extract", QUERY),
    ("json-explain", "?explain=true", {"text": TEXT, "reference_date": OWN}, "explain", OWN),
    ("text-query", f"?reference_date={OWN}", None, "extract", OWN),
    ("text-absent", "", None, "extract", None),
    ("text-explain", f"?explain=true&reference_date={OWN}", None, "explain", OWN),
    ("text-other-parameter-ignored", f"?reference_day={OWN}", None, "extract", None),
]  # fmt: skip


def post_single(client, query, body):
    if body is None:
        return client.post(
            f"/v1/extract{query}", data=TEXT.encode(), content_type="text/plain; charset=utf-8"
        )
    return client.post(f"/v1/extract{query}", json=body)


@pytest.mark.parametrize(
    ("query", "body", "function", "want"), [pytest.param(*case[1:], id=case[0]) for case in SINGLE]
)
def test_extract_passes_the_date_to_the_core(client, seen, query, body, function, want):
    response = post_single(client, query, body)
    assert response.status_code == 200, response.get_json()
    assert seen == [(function, TEXT, want)]


@pytest.mark.parametrize(
    ("query", "body"), [pytest.param(c[1], c[2], id=c[0]) for c in SINGLE if c[3] == "extract"]
)
def test_extract_answers_keep_their_shape(client, extract, query, body):
    """With a date or without, the answer is ``{"id", "claims"}`` and the claims extract()'s."""
    answer = post_single(client, query, body).get_json()
    assert list(answer) == ["id", "claims"]
    day = (body or {}).get("reference_date") or dict(parse_qsl(query.lstrip("?"))).get(
        "reference_date"
    )
    assert answer["claims"] == [dump_claim(c) for c in extract(TEXT, reference_date=day)]


def test_without_a_date_the_answer_is_unchanged(client, extract):
    """No date, a null one and a text/plain body without the parameter: the same claims."""
    answers = [
        client.post("/v1/extract", json={"text": TEXT}).get_json(),
        client.post("/v1/extract", json={"text": TEXT, "reference_date": None}).get_json(),
        post_single(client, "", None).get_json(),
    ]
    claims = [dump_claim(claim) for claim in extract(TEXT)]
    assert answers == [{"id": None, "claims": claims}] * 3
    assert all(claim["time"] is None or claim["time"]["resolved"] is None for claim in claims)


# --- HTTP: /v1/extract/batch -----------------------------------------------------------------

# (id, query string, the batch's default (absent: not sent), the documents' own dates (absent:
# no key), the dates the core gets, one per document in order).
ABSENT = object()
BATCH = [
    ("own-dates-only", "", ABSENT, [OWN, ABSENT, None], [OWN, None, None]),
    ("default-for-the-rest", "", QUERY, [OWN, ABSENT, None], [OWN, QUERY, QUERY]),
    ("default-null", "", None, [OWN, ABSENT], [OWN, None]),
    ("query-as-default", f"?reference_date={QUERY}", ABSENT, [OWN, ABSENT], [OWN, QUERY]),
    ("body-default-beats-query", f"?reference_date={QUERY}", OTHER, [OWN, ABSENT, None],
     [OWN, OTHER, OTHER]),
    ("explain-too", f"?explain=true&reference_date={QUERY}", ABSENT, [ABSENT, OTHER],
     [QUERY, OTHER]),
]  # fmt: skip


def batch_body(default, own):
    documents = []
    for number, day in enumerate(own):
        document = {"id": f"d{number}", "text": f"{TEXT} Document {number}."}
        if day is not ABSENT:
            document["reference_date"] = day
        documents.append(document)
    return {"documents": documents} | ({} if default is ABSENT else {"reference_date": default})


@pytest.mark.parametrize(
    ("query", "default", "own", "want"), [pytest.param(*case[1:], id=case[0]) for case in BATCH]
)
def test_batch_passes_each_document_its_date(client, seen, query, default, own, want):
    body = batch_body(default, own)
    response = client.post(f"/v1/extract/batch{query}", json=body)
    assert response.status_code == 200, response.get_json()
    results = response.get_json()["results"]
    assert [r["id"] for r in results] == [d["id"] for d in body["documents"]]
    assert all("error" not in result for result in results)
    function = "explain" if "explain=true" in query else "extract"
    assert seen == [
        (function, d["text"], day) for d, day in zip(body["documents"], want, strict=True)
    ]


@pytest.mark.parametrize("bad", ["2017-02-29", "29 February 2017", 20170228, ["2017-02-28"]])
def test_a_documents_bad_date_refuses_the_batch(client, seen, bad):
    body = batch_body(OTHER, [OWN, bad, ABSENT])
    response = client.post("/v1/extract/batch", json=body)
    assert response.status_code == 422
    assert list(response.get_json()["errors"]["documents"]["1"]) == ["reference_date"]
    assert seen == []  # no document reached the core


def test_batch_without_dates_is_unchanged(client):
    body = batch_body(ABSENT, [ABSENT, ABSENT])
    plain = client.post("/v1/extract/batch", json=body).get_json()
    nulls = batch_body(None, [None, None])
    assert client.post("/v1/extract/batch", json=nulls).get_json() == plain
    single = [
        client.post("/v1/extract", json={"text": d["text"]}).get_json() for d in body["documents"]
    ]
    assert [r["claims"] for r in plain["results"]] == [s["claims"] for s in single]


# --- the OpenAPI document --------------------------------------------------------------------


def test_openapi_documents_every_reference_date(client):
    spec = client.get("/openapi.json").get_json()
    schemas = spec["components"]["schemas"]
    for name in ("ExtractRequest", "Document", "BatchRequest"):
        field = schemas[name]["properties"]["reference_date"]
        assert (field["type"], field["format"], field["nullable"]) == ("string", "date", True)
        assert "YYYY-MM-DD" in field["description"]
        assert "reference_date" not in schemas[name].get("required", [])
    for path in ("/v1/extract", "/v1/extract/batch"):
        (parameter,) = [
            p for p in spec["paths"][path]["post"]["parameters"] if p["name"] == "reference_date"
        ]
        assert parameter["in"] == "query"
        assert parameter["required"] is False
        assert parameter["schema"]["format"] == "date"
        assert "text/plain" in parameter["description"]


# --- one reading of a date everywhere --------------------------------------------------------

# (value, whether it is a reference date). The API, the CLI and the batch job agree on each.
DATES = [
    ("2017-10-14", True), ("2016-02-29", True), ("0001-01-01", True), ("9999-12-31", True),
    ("2017-02-29", False), ("2017-13-01", False), ("2017-10-32", False), ("0000-01-01", False),
    ("2017-1-14", False), ("20171014", False), ("2017-W41-6", False), ("2017-287", False),
    ("14/10/2017", False), ("2017/10/14", False), ("2017-10-14T09:00", False),
    (" 2017-10-14", False), ("2017-10-14\n", False), ("２０１７-10-14", False), ("", False),
    ("yesterday", False),
]  # fmt: skip


@pytest.mark.parametrize(("value", "good"), DATES)
def test_the_api_and_the_batch_job_read_a_date_alike(value, good):
    errors = ExtractRequestSchema().validate({"text": "", "reference_date": value})
    assert ("reference_date" not in errors) == good
    if good:
        assert parse_reference_date(value) == value
    else:
        with pytest.raises(ValueError, match=r"^not a date as YYYY-MM-DD: "):
            parse_reference_date(value)


@pytest.mark.parametrize(
    ("value", "want"),
    [
        (date(2017, 10, 14), "2017-10-14"),
        (datetime(2017, 10, 14, 9, 30), "not a string but a timestamp"),
        (20171014, "not a string but a number"),
        (["2017-10-14"], "not a string but an array"),
        (True, "not a string but a boolean"),
    ],
    ids=["date", "timestamp", "number", "array", "boolean"],
)
def test_a_date_value_that_is_not_a_string(value, want):
    """A Spark source's date column is a day; anything else not written as text is not."""
    if isinstance(value, date) and not isinstance(value, datetime):
        assert parse_reference_date(value) == want
    else:
        with pytest.raises(ValueError, match=f"^{want}$"):
            parse_reference_date(value)


# --- the batch job's readers -----------------------------------------------------------------

WHERE = "line 3 of a.jsonl"
# (id, JSON line, the document's reference date, or its error).
LINES = [
    ("own", {"id": "a", "text": "12 boats", "reference_date": OWN}, OWN, None),
    ("absent", {"id": "a", "text": "12 boats"}, None, None),
    ("null", {"id": "a", "text": "12 boats", "reference_date": None}, None, None),
    ("not-a-day", {"id": "a", "text": "12 boats", "reference_date": "2017-02-29"}, None,
     'reference_date is not a date as YYYY-MM-DD: "2017-02-29"'),
    ("empty", {"id": "a", "text": "12 boats", "reference_date": ""}, None,
     'reference_date is not a date as YYYY-MM-DD: ""'),
    ("a-number", {"id": "a", "text": "12 boats", "reference_date": 2017}, None,
     "reference_date is not a string but a number"),
    ("an-object", {"id": "a", "text": "12 boats", "reference_date": {"y": 2017}}, None,
     "reference_date is not a string but an object"),
    ("long", {"id": "a", "text": "12 boats", "reference_date": "x" * 100}, None,
     'reference_date is not a date as YYYY-MM-DD: "' + "x" * 64 + '"…'),
    ("missing-text-first", {"id": "a", "reference_date": "soon"}, None, "missing text"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("record", "day", "error"), [pytest.param(*case[1:], id=case[0]) for case in LINES]
)
def test_a_json_line_carries_its_date(record, day, error):
    line = json.dumps(record).encode() + b"\n"
    document = parse_json_line(line, WHERE, 1000)
    assert (document.reference_date, document.error) == (day, error)
    assert document.id == "a"
    assert (document.text is None) == (error is not None)


def test_a_structured_record_carries_its_date():
    """Spark's Parquet and ORC rows go through parse_record, with a date column or a string."""
    assert parse_record("a", "12 boats", 1000, reference_date=date(2017, 10, 14)) == Document(
        "a", "12 boats", 8, reference_date=OWN
    )
    assert parse_record("a", "12 boats", 1000, reference_date=OWN).reference_date == OWN
    bad = parse_record(7, "12 boats", 1000, reference_date="soon")
    assert (bad.id, bad.text, bad.error) == (
        "7",
        None,
        'reference_date is not a date as YYYY-MM-DD: "soon"',
    )


@pytest.mark.parametrize(
    ("own", "default", "want"),
    [(OWN, None, OWN), (OWN, QUERY, OWN), (None, QUERY, QUERY), (None, None, None)],
    ids=["own", "own-wins", "default", "none"],
)
def test_rows_give_the_core_the_documents_date_or_the_default(seen, own, default, want):
    outcome = rows.rows_of(Document("k", TEXT, len(TEXT), reference_date=own), default)
    assert outcome.good
    assert seen == [("extract", TEXT, want)]


# --- the batch job, end to end ---------------------------------------------------------------


def figures_batch(*args, env=None):
    return subprocess.run(
        [FIGURES, "batch", *map(str, args)],
        capture_output=True,
        env={**os.environ, **(env or {})},
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="module")
def dated(tmp_path_factory):
    """The dated corpus as JSON Lines: (its path, its records)."""
    records = dated_documents()
    path = tmp_path_factory.mktemp("dated") / "dated.jsonl"
    return write_json_lines(path, records), records


def read_rows(path, output_format):
    if output_format == "parquet":
        return pq.read_table(path).to_pylist()
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("output_format", ["jsonl", "parquet"])
@pytest.mark.parametrize("default", [DEFAULT_DATE, None], ids=["default", "no-default"])
def test_batch_with_dates_is_extract_per_document(tmp_path, dated, extract, output_format, default):
    path, records = dated
    outputs = []
    for workers in (1, 2):
        output = tmp_path / f"{workers}.{output_format}"
        flag = ["--reference-date", default] if default else []
        result = figures_batch(
            path, "--output", output, "--workers", workers, "--chunk-size", 5, *flag
        )
        assert result.returncode == 0, result.stderr.decode()
        assert f"documents={len(records)} good={len(records)} bad=0 " in result.stderr.decode()
        outputs.append(output)
    assert outputs[0].read_bytes() == outputs[1].read_bytes()
    want = expected_claims(extract, records, default)
    assert claims_by_document(read_rows(outputs[0], output_format)) == {
        d: c for d, c in want.items() if c
    }


def test_batch_job_gives_the_core_each_documents_date(tmp_path, seen):
    """In process (one worker): the date each text reaches the core with."""
    records = [
        {"id": "own", "text": "About 40 boats sank.", "reference_date": OWN},
        {"id": "null", "text": "Some 12 cars burned.", "reference_date": None},
        {"id": "absent", "text": "Up to 9 bridges fell."},
    ]
    path = write_json_lines(tmp_path / "in.jsonl", records)
    text = tmp_path / "plain.txt"
    text.write_text("Nearly 70 homes flooded.", encoding="utf-8")
    job = local.Job(
        (str(path), str(text)), str(tmp_path / "out.jsonl"), "jsonl", 1, 2, False, QUERY
    )
    local.run(job, stderr=io.StringIO())
    got = {text: day for _, text, day in seen}
    assert got == {
        "About 40 boats sank.": OWN,
        "Some 12 cars burned.": QUERY,
        "Up to 9 bridges fell.": QUERY,
        "Nearly 70 homes flooded.": QUERY,
    }


def test_a_bad_date_is_an_error_row_and_the_job_goes_on(tmp_path, extract):
    lines = [
        {"id": "good", "text": "About 40 boats sank.", "reference_date": OWN},
        {"id": "bad", "text": "Some 12 cars burned.", "reference_date": "2017-02-29"},
        {"id": "odd", "text": "Up to 9 bridges fell.", "reference_date": 20171014},
    ]
    path = write_json_lines(tmp_path / "in.jsonl", lines)
    output = tmp_path / "out.jsonl"
    result = figures_batch(path, "--output", output)
    assert result.returncode == 0, result.stderr.decode()
    assert "documents=3 good=1 bad=2 " in result.stderr.decode()
    found = read_rows(output, "jsonl")
    assert [row for row in found if "error" in row] == [
        {"id": "bad", "error": 'reference_date is not a date as YYYY-MM-DD: "2017-02-29"'},
        {"id": "odd", "error": "reference_date is not a string but a number"},
    ]
    assert claims_by_document(found) == expected_claims(extract, lines[:1])


@pytest.mark.parametrize("bad", ["2017-02-29", "yesterday", "20171014", ""])
def test_batch_refuses_a_bad_default(tmp_path, bad, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(
            [
                "batch",
                str(tmp_path / "in.jsonl"),
                "--output",
                str(tmp_path / "o"),
                "--reference-date",
                bad,
            ]
        )
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "argument --reference-date: not a date as YYYY-MM-DD" in err
    assert not (tmp_path / "o").exists()


def test_a_job_refuses_a_bad_default_it_is_given(tmp_path):
    path = write_json_lines(tmp_path / "in.jsonl", [{"id": "a", "text": "12 boats"}])
    job = local.Job(
        (str(path),), str(tmp_path / "o.jsonl"), "jsonl", 1, reference_date="14/10/2017"
    )
    with pytest.raises(local.JobError, match="--reference-date is not a date as YYYY-MM-DD"):
        local.run(job, stderr=io.StringIO())


def test_resume_refuses_another_default(tmp_path, dated):
    path, _ = dated
    output = tmp_path / "out.jsonl"
    crash = {"FIGURES_BATCH_CHECKPOINT_SECONDS": "0", "_FIGURES_BATCH_EXIT_AFTER_CHUNKS": "2"}
    args = (path, "--output", output, "--chunk-size", 8, "--workers", 1)
    assert figures_batch(*args, "--reference-date", OWN, env=crash).returncode == 75
    other = figures_batch(*args, "--resume", "--reference-date", OTHER)
    assert other.returncode == 2
    assert "--reference-date differs from the interrupted run's" in other.stderr.decode()
    assert f"({OWN})" in other.stderr.decode()
    none = figures_batch(*args, "--resume")
    assert none.returncode == 2
    resumed = figures_batch(*args, "--resume", "--reference-date", OWN)
    assert resumed.returncode == 0, resumed.stderr.decode()
    whole = tmp_path / "whole.jsonl"
    assert figures_batch(path, "--output", whole, "--reference-date", OWN).returncode == 0
    assert output.read_bytes() == whole.read_bytes()


# --- the command line: figures extract -------------------------------------------------------


@pytest.mark.parametrize(
    ("flags", "function", "want"),
    [
        (["--reference-date", OWN], "extract", OWN),
        ([f"--reference-date={OTHER}"], "extract", OTHER),
        ([], "extract", None),
        (["--explain", "--reference-date", OWN], "explain", OWN),
        (["--explain"], "explain", None),
    ],
    ids=["flag", "flag-equals", "absent", "explain", "explain-absent"],
)
def test_cli_extract_passes_the_date(capsys, monkeypatch, seen, flags, function, want):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(TEXT.encode())))
    assert main(["extract", *flags]) == 0
    assert seen == [(function, TEXT, want)]
    assert capsys.readouterr().out


def test_cli_extract_with_a_date_prints_extracts_claims(capsys, tmp_path, extract):
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert main(["extract", "--reference-date", OWN, str(path)]) == 0
    printed = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    want = [json.loads(json.dumps(asdict(c))) for c in extract(TEXT, reference_date=OWN)]
    assert [{k: v for k, v in c.items() if k != "document"} for c in printed] == want


@pytest.mark.parametrize("bad", ["2017-02-29", "14/10/2017", "2017-W41-6", "20171014", "", "soon"])
def test_cli_extract_refuses_a_bad_date(capsys, bad):
    with pytest.raises(SystemExit) as exit_info:
        main(["extract", "--reference-date", bad, "-"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "figures extract: error: argument --reference-date: not a date as YYYY-MM-DD" in err
    assert "e.g. 2017-10-14" in err
