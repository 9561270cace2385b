"""The claim frames (``change``, ``source``, ``time``, ``subject``) are in every output.

Each output is read as a client reads it (HTTP JSON, the CLI's JSON lines, the batch job's JSON
Lines and Parquet, the OpenAPI document; Spark's rows are in ``tests/test_spark.py``) and held
to the shape of ``service/core/model.py``: the frame fields are there, null or an object with
exactly the model's nested fields. The core leaves the frames null today, so each output is
also checked with a core that fills them (every field set, nested ones too): the shape shows
whatever the core fills in.
"""

import dataclasses
import io
import json
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from service.batch import local, rows, writers
from service.core.model import Claim, Explanation
from service.shape import Field, Shape, shape_of

CLAIM = shape_of(Claim)
# The frame: the claim's fields that are optional in the model (a default of None).
FRAMES = tuple(f.name for f in dataclasses.fields(Claim) if f.default is None)
FRAME_FIELDS = {field.name: field for field in CLAIM.fields if field.name in FRAMES}
TEXT = (
    "Unemployment rose to 4.4% last month, the statistics office said, "
    "and about 300 families left the valley in 2016."
)


def test_the_frame_is_the_four_fields():
    assert FRAMES == ("change", "source", "time", "subject")
    assert all(FRAME_FIELDS[name].nested is not None for name in FRAMES)


# --- a value's shape, and a core that fills the frames ---------------------------------------


def check(value, field: Field, path: str) -> None:
    """Assert that ``value`` is what ``field`` of the model may hold, recursively."""
    if value is None:
        assert field.nullable, f"{path} is null but the model says it never is"
        return
    if field.nested is not None:
        check_object(value, field.nested, path)
        return
    if field.choices:
        assert value in field.choices, path
    kinds = (int, float) if field.type is float else (field.type,)
    assert isinstance(value, kinds), path
    assert field.type is bool or not isinstance(value, bool), path


def check_object(value, shape: Shape, path: str) -> None:
    assert isinstance(value, dict), f"{path} is not an object"
    assert list(value) == list(shape.names), path
    for field in shape.fields:
        check(value[field.name], field, f"{path}.{field.name}")


def check_claim(claim: dict, path: str = "claim", filled: bool = False) -> None:
    """A claim as an output writes it: every field of the model, the frames in it."""
    check_object(claim, CLAIM, path)
    for name in FRAMES:
        assert name in claim
        if filled:
            assert claim[name] is not None, f"{path}.{name} was filled but came out null"


def filled(model: type):
    """A value of ``model`` with every field set, nested ones too."""
    values = {}
    for field in shape_of(model).fields:
        if field.nested is not None:
            values[field.name] = filled(field.nested.model)
        elif field.choices:
            values[field.name] = field.choices[-1]
        else:
            values[field.name] = {str: "frame", int: 3, float: 1.5, bool: True}[field.type]
    return model(**values)


def with_frames(claim: Claim) -> Claim:
    return dataclasses.replace(
        claim, **{name: filled(FRAME_FIELDS[name].nested.model) for name in FRAMES}
    )


@pytest.fixture(params=["as-is", "filled"])
def core(request, monkeypatch):
    """The core as it is, or a core whose claims have every frame filled; True when filled."""
    if request.param == "as-is":
        return False
    import service.core
    import service.http.extraction as http

    real_extract, real_explain = service.core.extract, service.core.explain

    def extract(text, **options):
        return tuple(with_frames(claim) for claim in real_extract(text, **options))

    def explain(text, **options):
        found = real_explain(text, **options)
        return Explanation(tuple(map(with_frames, found.claims)), found.rejected)

    for module in (service.core, http):
        monkeypatch.setattr(module, "extract", extract)
        monkeypatch.setattr(module, "explain", explain)
    monkeypatch.setattr(rows, "extract", extract)
    return True


# --- HTTP ------------------------------------------------------------------------------------

REQUESTS = [
    ("json", "/v1/extract", {"json": {"text": TEXT, "reference_date": "2017-10-14"}}),
    ("json-explain", "/v1/extract?explain=true", {"json": {"text": TEXT}}),
    ("text-plain", "/v1/extract?reference_date=2017-10-14",
     {"data": TEXT.encode(), "content_type": "text/plain; charset=utf-8"}),
    ("batch", "/v1/extract/batch", {"json": {"documents": [{"text": TEXT}, {"text": TEXT}]}}),
    ("batch-explain", "/v1/extract/batch?explain=true",
     {"json": {"documents": [{"text": TEXT, "reference_date": "2017-10-14"}]}}),
]  # fmt: skip


@pytest.mark.parametrize(("path", "request_"), [pytest.param(*r[1:], id=r[0]) for r in REQUESTS])
def test_http_answers_carry_the_frames(client, core, path, request_):
    response = client.post(path, **request_)
    assert response.status_code == 200
    answer = response.get_json()
    answers = answer.get("results", [answer])
    claims = [claim for one in answers for claim in one["claims"]]
    assert claims
    for number, claim in enumerate(claims):
        check_claim(claim, f"claims[{number}]", filled=core)


def _resolve(spec: dict, node: dict) -> dict:
    """Follow a property to its component: a $ref, alone or first of anyOf/allOf (nullable)."""
    for key in ("anyOf", "allOf"):
        node = next((n for n in node.get(key, ()) if "$ref" in n), node)
    return spec["components"]["schemas"][node["$ref"].rsplit("/", 1)[1]]


def _nullable(node: dict) -> bool:
    """Null allowed: ``nullable``, or apispec's ``anyOf: [$ref, {nullable}]`` for a struct."""
    return node.get("nullable") is True or any(n.get("nullable") for n in node.get("anyOf", ()))


def check_openapi(spec: dict, component: dict, shape: Shape, path: str) -> None:
    assert list(component["properties"]) == list(shape.names), path
    for field in shape.fields:
        node = component["properties"][field.name]
        assert _nullable(node) == field.nullable, f"{path}.{field.name}"
        if field.nested is not None:
            check_openapi(spec, _resolve(spec, node), field.nested, f"{path}.{field.name}")


def test_openapi_describes_the_frames(client):
    spec = client.get("/openapi.json").get_json()
    claim = spec["components"]["schemas"]["Claim"]
    check_openapi(spec, claim, CLAIM, "Claim")
    for name in FRAMES:
        assert name in claim["properties"]
        assert name in claim["required"]  # always there, null when the text does not say


# --- the command line ------------------------------------------------------------------------


@pytest.mark.parametrize("explain", [False, True], ids=["lines", "explain"])
def test_cli_lines_carry_the_frames(capsys, monkeypatch, core, explain):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(TEXT.encode())))
    from service.cli import main

    assert (
        main(["extract", "--reference-date", "2017-10-14", *(["--explain"] if explain else [])])
        == 0
    )
    printed = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    claims = printed[0]["claims"] if explain else printed
    assert claims
    for number, claim in enumerate(claims):
        if not explain:
            assert claim.pop("document") == "-"
        check_claim(claim, f"line {number}", filled=core)


# --- the batch job ---------------------------------------------------------------------------


def check_arrow(arrow_type, shape: Shape, path: str) -> None:
    names = [arrow_type.field(i).name for i in range(arrow_type.num_fields)]
    assert names == list(shape.names), path
    for field in shape.fields:
        if field.nested is not None:
            inner = arrow_type.field(field.name).type
            assert pa.types.is_struct(inner), f"{path}.{field.name}"
            check_arrow(inner, field.nested, f"{path}.{field.name}")


@pytest.mark.parametrize("output_format", ["jsonl", "parquet"])
def test_batch_rows_carry_the_frames(tmp_path, core, output_format):
    source = tmp_path / "in.jsonl"
    source.write_text(
        json.dumps({"id": "a", "text": TEXT, "reference_date": "2017-10-14"}) + "\n"
        + json.dumps({"id": "b", "text": TEXT}) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    output = tmp_path / f"out.{output_format}"
    job = local.Job((str(source),), str(output), output_format, 1, reference_date="2016-01-01")
    local.run(job, stderr=io.StringIO())
    if output_format == "parquet":
        schema = pq.read_schema(output)
        assert schema == writers.parquet_schema()
        for name in FRAMES:
            check_arrow(schema.field(name).type, FRAME_FIELDS[name].nested, name)
        found = pq.read_table(output).to_pylist()
    else:
        found = [json.loads(line) for line in Path(output).read_text("utf-8").splitlines()]
    assert {row["id"] for row in found} == {"a", "b"}
    for number, row in enumerate(found):
        assert list(row)[:2] == ["id", "index"]
        claim = {k: v for k, v in row.items() if k not in ("id", "index", "error")}
        assert row.get("error") is None
        check_claim(claim, f"row {number}", filled=core)
