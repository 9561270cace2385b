"""One source of truth for the claim's shape: every place that writes a claim follows model.py.

Parity: each place (the marshmallow schemas, the HTTP dump, the batch rows, the Parquet and
Spark schemas) is read back into one neutral tree of (name, type, nullable, choices, nested)
and compared with the tree of ``service/core/model.py``; what is kept by hand beside the model
(the OpenAPI descriptions in ``schemas.claims.ABOUT``, the numbers ``rows._finite`` checks)
must cover every field. Derivation: a copy of ``Claim`` with one more nested field (as the
coming ``change``, ``source``, ``time`` and ``subject``: null or an object holding spans)
reaches every place, the case tables' keys too, with nothing but the model changed.
"""

import dataclasses
import json
import math
import typing
from dataclasses import dataclass

import pyarrow as pa
import pytest
from apispec import APISpec
from apispec.ext.marshmallow import MarshmallowPlugin
from claim_keys import keys_of
from marshmallow import fields as mf
from marshmallow import validate
from pyspark.sql import types as st

from schemas import ClaimSchema, dump_claim
from schemas.claims import ABOUT
from schemas.from_model import schemas_of
from service.batch import rows, spark, writers
from service.core.model import Claim, Normalized, Span, Unit
from service.dicts import converter
from service.shape import Field, Shape, shape_of

# --- the neutral tree ------------------------------------------------------------------------


def model_tree(fields: tuple[Field, ...], stored: bool = False) -> list:
    """The model's tree; ``stored``: as Parquet and Spark hold it (nullable, no enum)."""
    return [
        (
            f.name,
            "struct" if f.nested else f.type.__name__,
            True if stored else f.nullable,
            () if stored else f.choices,
            model_tree(f.nested.fields, stored) if f.nested else None,
        )
        for f in fields
    ]


MARSHMALLOW = {
    mf.String: "str",
    mf.Integer: "int",
    mf.Float: "float",
    mf.Boolean: "bool",
    mf.Nested: "struct",
}


def marshmallow_tree(schema: type) -> list:
    tree = []
    for name, field in schema().fields.items():
        assert field.required, name
        one_of = [v for v in field.validators if isinstance(v, validate.OneOf)]
        choices = tuple(one_of[0].choices) if one_of else ()
        nested = marshmallow_tree(field.nested) if isinstance(field, mf.Nested) else None
        tree.append((name, MARSHMALLOW[type(field)], field.allow_none, choices, nested))
    return tree


ARROW = {pa.string(): "str", pa.int64(): "int", pa.float64(): "float", pa.bool_(): "bool"}


def arrow_tree(arrow_fields) -> list:
    tree = []
    for field in arrow_fields:
        if pa.types.is_struct(field.type):
            children = [field.type.field(i) for i in range(field.type.num_fields)]
            tree.append((field.name, "struct", field.nullable, (), arrow_tree(children)))
        else:
            tree.append((field.name, ARROW[field.type], field.nullable, (), None))
    return tree


SPARK = {st.StringType: "str", st.LongType: "int", st.DoubleType: "float", st.BooleanType: "bool"}


def spark_tree(struct: st.StructType) -> list:
    tree = []
    for field in struct.fields:
        if isinstance(field.dataType, st.StructType):
            tree.append((field.name, "struct", field.nullable, (), spark_tree(field.dataType)))
        else:
            tree.append((field.name, SPARK[type(field.dataType)], field.nullable, (), None))
    return tree


def dict_tree(value: dict) -> list:
    """What a converter's dict shows of the shape: names, value types, nesting."""
    return [
        (name, "struct", dict_tree(v)) if isinstance(v, dict) else (name, type(v).__name__, None)
        for name, v in value.items()
    ]


def bare(tree: list) -> list:
    """The model's tree as a dict of a full sample shows it (no nullability, no enum)."""
    return [
        (name, kind, bare(children) if children else children)
        for name, kind, _, _, children in tree
    ]


# --- sample values of any model --------------------------------------------------------------


SCALARS = {str: "x", int: 7, float: 2.5, bool: True}


def sample(model: type, **changes):
    """An instance of ``model`` with every field set, nested ones too (``changes`` aside)."""
    values = {}
    for field in shape_of(model).fields:
        if field.nested is not None:
            values[field.name] = sample(field.nested.model)
        else:
            values[field.name] = field.choices[0] if field.choices else SCALARS[field.type]
    return model(**{**values, **changes})


def _paths(shape: Shape, path: tuple[str, ...] = ()):
    """Every field's path, depth first, with the field."""
    for field in shape.fields:
        yield (*path, field.name), field
        if field.nested is not None:
            yield from _paths(field.nested, (*path, field.name))


def _with(value, path: tuple[str, ...], new):
    """``value`` with the attribute at ``path`` replaced (nested frozen dataclasses)."""
    head, *rest = path
    inner = new if not rest else _with(getattr(value, head), tuple(rest), new)
    return dataclasses.replace(value, **{head: inner})


def _at(value: dict, path: tuple[str, ...]):
    for name in path:
        value = value[name]
    return value


def nulls_kept(make, model: type) -> list:
    """The paths where a None in the model value comes out as None (each set alone)."""
    full = sample(model)
    return [
        path
        for path, field in _paths(shape_of(model))
        if field.nullable and _at(make(_with(full, path, None)), path) is None
    ]


def nullable_paths(model: type) -> list:
    return [path for path, field in _paths(shape_of(model)) if field.nullable]


# --- parity: each place of the real claim agrees with model.py -------------------------------

CLAIM = shape_of(Claim)
ROW_COLUMNS = rows.columns_of(Claim)


def _row_of(claim):
    (row,) = rows.claim_rows("doc", (claim,))
    assert list(row)[:2] == ["id", "index"]
    return {key: value for key, value in row.items() if key not in ("id", "index")}


PARITY = [
    pytest.param(lambda: marshmallow_tree(ClaimSchema), model_tree(CLAIM.fields), id="marshmallow"),
    pytest.param(
        lambda: dict_tree(dump_claim(sample(Claim))), bare(model_tree(CLAIM.fields)), id="dump"
    ),
    pytest.param(
        lambda: dict_tree(_row_of(sample(Claim))), bare(model_tree(CLAIM.fields)), id="rows"
    ),
    pytest.param(lambda: nulls_kept(dump_claim, Claim), nullable_paths(Claim), id="dump-nulls"),
    pytest.param(lambda: nulls_kept(_row_of, Claim), nullable_paths(Claim), id="rows-nulls"),
    pytest.param(
        lambda: arrow_tree(writers.parquet_schema()), model_tree(ROW_COLUMNS, True), id="parquet"
    ),
    pytest.param(
        lambda: spark_tree(spark.OUTPUT_SCHEMA), model_tree(ROW_COLUMNS, True), id="spark"
    ),
]


@pytest.mark.parametrize(("read", "want"), PARITY)
def test_every_place_agrees_with_the_model(read, want):
    assert read() == want


def test_the_model_is_read_as_declared():
    """The tree itself, spelled out once, so that a wrong reading of model.py shows here."""
    assert [(f.name, f.type, f.nullable) for f in shape_of(Normalized).fields] == [
        ("value", float, True), ("low", float, True), ("high", float, True), ("unit", str, False),
    ]  # fmt: skip
    assert shape_of(Claim).names == tuple(f.name for f in dataclasses.fields(Claim))
    claim = {f.name: f for f in CLAIM.fields}
    assert claim["relation"].choices == typing.get_args(typing.get_type_hints(Claim)["relation"])
    assert (claim["unit"].nested, claim["unit"].nullable) == (shape_of(Unit), True)
    assert (claim["sentence"].nested, claim["sentence"].nullable) == (shape_of(Span), False)
    assert ("id", "index", *CLAIM.names, "error") == rows.FIELDS


def _shapes(shape: Shape) -> dict[type, Shape]:
    found = {shape.model: shape}
    for field in shape.fields:
        if field.nested is not None:
            found |= _shapes(field.nested)
    return found


def test_every_field_is_described_once():
    """``ABOUT`` has a line for every field of the claim and its parts, and no stale one."""
    shapes = _shapes(CLAIM)
    assert set(ABOUT) == set(shapes), "ABOUT must describe exactly Claim and its nested models"
    for model, shape in shapes.items():
        assert list(ABOUT[model]) == list(shape.names), f"describe every field of {model.__name__}"


def test_openapi_describes_every_field(client):
    components = client.get("/openapi.json").get_json()["components"]["schemas"]
    for model, shape in _shapes(CLAIM).items():
        properties = components[model.__name__]["properties"]
        assert list(properties) == list(shape.names)
        for field in shape.fields:
            assert properties[field.name]["description"], (model.__name__, field.name)
            if field.choices:
                assert properties[field.name]["enum"] == list(field.choices)


@pytest.mark.parametrize(
    "path", [path for path, field in _paths(CLAIM) if field.type is float], ids="_".join
)
def test_a_non_finite_number_anywhere_is_refused(path):
    """``rows._finite`` lists the claim's numbers by hand (hot path): it must list them all."""
    claim = sample(Claim)
    assert rows._finite(claim)
    assert not rows._finite(_with(claim, path, math.inf))


# --- derivation: one more field in a copy of the model reaches every place -------------------


@dataclass(frozen=True, slots=True)
class Throwaway:
    """A throwaway stand-in for the coming nested fields: null or an object holding spans."""

    verb: Span
    since: Span | None
    by: float | None


def _copy_with(model: type, name: str, annotation) -> type:
    hints = typing.get_type_hints(model)
    extra = [(f.name, hints[f.name]) for f in dataclasses.fields(model)] + [(name, annotation)]
    return dataclasses.make_dataclass(model.__name__, extra, frozen=True, slots=True)


PLUS = _copy_with(Claim, "throwaway", Throwaway | None)
THROWAWAY_TREE = (
    "throwaway", "struct", True, (),
    [
        ("verb", "struct", False, (), model_tree(shape_of(Span).fields)),
        ("since", "struct", True, (), model_tree(shape_of(Span).fields)),
        ("by", "float", True, (), None),
    ],
)  # fmt: skip


def _stored(entry: tuple) -> tuple:
    name, kind, _, _, children = entry
    return (name, kind, True, (), [_stored(c) for c in children] if children else children)


def _plus_rows(value):
    (row,) = rows.rows_maker(PLUS)([value], "doc")
    return {key: v for key, v in row.items() if key not in ("id", "index")}


DERIVED = [
    pytest.param(
        lambda: marshmallow_tree(schemas_of(PLUS, {})[PLUS])[-1], THROWAWAY_TREE, id="marshmallow"
    ),
    pytest.param(
        lambda: dict_tree(converter(PLUS, floats=True)(sample(PLUS)))[-1],
        bare([THROWAWAY_TREE])[0],
        id="dump",
    ),
    pytest.param(
        lambda: dict_tree(_plus_rows(sample(PLUS)))[-1], bare([THROWAWAY_TREE])[0], id="rows"
    ),
    pytest.param(
        lambda: nulls_kept(converter(PLUS, floats=True), PLUS)[-3:],
        [("throwaway",), ("throwaway", "since"), ("throwaway", "by")],
        id="dump-nulls",
    ),
    pytest.param(
        lambda: nulls_kept(_plus_rows, PLUS)[-3:],
        [("throwaway",), ("throwaway", "since"), ("throwaway", "by")],
        id="rows-nulls",
    ),
    pytest.param(
        lambda: arrow_tree(writers.arrow_schema(rows.columns_of(PLUS)))[-2],
        _stored(THROWAWAY_TREE),
        id="parquet",
    ),
    pytest.param(
        lambda: spark_tree(spark.spark_schema(rows.columns_of(PLUS)))[-2],
        _stored(THROWAWAY_TREE),
        id="spark",
    ),
]


@pytest.mark.parametrize(("read", "want"), DERIVED)
def test_a_new_field_reaches_every_place(read, want):
    assert read() == want


def test_a_new_field_reaches_the_case_tables():
    keys = keys_of(PLUS)
    assert list(keys)[-3:] == ["throwaway_verb", "throwaway_since", "throwaway_by"]
    assert (keys["throwaway_verb"].span, keys["throwaway_verb"].nullable) == (True, True)
    assert keys["throwaway_by"].type is float


def test_a_new_field_is_written_and_read_back():
    """Its values go through the dump (as the schema dumps), a Parquet batch and Spark's rows."""
    value = sample(PLUS, throwaway=Throwaway(Span("rose", 3, 7), None, 2))
    dumped = converter(PLUS, floats=True)(value)
    assert json.dumps(dumped) == json.dumps(schemas_of(PLUS, {})[PLUS]().dump(value))
    assert dumped["throwaway"] == {
        "verb": {"text": "rose", "start": 3, "end": 7},
        "since": None,
        "by": 2.0,
    }
    (row,) = rows.rows_maker(PLUS)([value], "doc")
    batch = pa.RecordBatch.from_pylist([row], schema=writers.arrow_schema(rows.columns_of(PLUS)))
    assert batch.to_pylist()[0]["throwaway"] == dumped["throwaway"]
    column = next(c for c in rows.columns_of(PLUS) if c.name == "throwaway")
    assert spark._conversion(column)(row["throwaway"]) == (("rose", 3, 7), None, 2.0)


def test_a_new_field_is_documented_in_openapi():
    spec = APISpec("t", "1", "3.0.3", plugins=[MarshmallowPlugin()])
    about = {Throwaway: {"verb": "The verb.", "since": "Since when.", "by": "By how much."}}
    spec.components.schema("Claim", schema=schemas_of(PLUS, about)[PLUS])
    components = spec.to_dict()["components"]["schemas"]
    assert list(components["Throwaway"]["properties"]) == ["verb", "since", "by"]
    assert components["Throwaway"]["properties"]["by"]["description"] == "By how much."
    assert "throwaway" in components["Claim"]["properties"]


@pytest.mark.parametrize(
    ("annotation", "message"),
    [
        pytest.param(list[str], "is not str, int, float, bool", id="list"),
        pytest.param(int | str, "only 'X | None'", id="union"),
        pytest.param(typing.Literal[1, 2], "Literals of strings", id="literal"),
    ],
)
def test_a_field_no_output_can_carry_fails_by_name(annotation, message):
    with pytest.raises(TypeError, match=message) as raised:
        shape_of(_copy_with(Span, "odd", annotation))
    assert "Span.odd" in str(raised.value)
