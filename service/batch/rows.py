"""Turn a document into output rows: one per claim, or one error row for a bad document.

A claim row is flat at the top (the document's ``id``, the claim's ``index`` in the document,
then every field of ``Claim`` under its own name) and keeps ``unit``, ``normalized``,
``entity`` and ``sentence`` nested, as the HTTP API does. An error row is ``{"id", "error"}``.
``COLUMNS`` and the row mapping derive from ``service.core.model.Claim`` (``service.shape``),
and so do the Parquet and Spark schemas (``writers.parquet_schema``, ``spark.OUTPUT_SCHEMA``):
a field added to ``Claim`` reaches every output with nothing to edit here.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from service.core import Claim, extract
from service.dicts import list_converter
from service.shape import Field, shape_of

from .readers import Document

Row = dict[str, Any]


def columns_of(model: type) -> tuple[Field, ...]:
    """Return the columns of the rows of ``model`` values, in order.

    The document's ``id``, the value's ``index`` in it, every field of the model, and an error
    row's ``error``.
    """
    return (
        Field("id", str, nullable=True),
        Field("index", int, nullable=False),
        *shape_of(model).fields,
        Field("error", str, nullable=True),
    )


def rows_maker(model: type) -> Callable[[Sequence[Any], str | None], list[Row]]:
    """Return ``f(values, document_id)``: the rows of ``columns_of(model)``, errors aside.

    A list of dict displays written from the model once (``service.dicts``), as fast as one
    written by hand; ``print(f.__doc__)`` shows it.
    """
    return list_converter(model, leading=("id",), position="index")


# The columns of every output (JSON Lines keys, Parquet and Spark columns), from Claim.
COLUMNS = columns_of(Claim)
FIELDS = tuple(column.name for column in COLUMNS)
_claim_rows = rows_maker(Claim)
# The per-document summary written beside the rows: one row per document read, in input order,
# so that a document processed with no claims can be told from one that is missing.
SUMMARY_COLUMNS = (
    Field("id", str, nullable=True),  # as in its rows; null for a bad document without one
    Field("claims", int, nullable=False),  # claim rows written for it (0 for an error row)
    Field("status", str, nullable=False),  # OK or ERROR
)
OK, ERROR = "ok", "error"


@dataclass(frozen=True, slots=True)
class Outcome:
    """The rows of one document and what they count for."""

    rows: list[Row]  # the claim rows, or the one error row
    good: bool  # False when the document became an error row
    claims: int  # claims found (0 for a bad document)


def rows_of(document: Document, reference_date: str | None = None) -> Outcome:
    """Extract the claims of a good document; never raise, so one document cannot stop a job.

    The core resolves the claims' times against the document's own reference date, else
    ``reference_date``, the job's default ("YYYY-MM-DD", checked by the caller).
    """
    if document.text is None:
        return Outcome([error_row(document.id, document.error or "unreadable")], False, 0)
    day = document.reference_date if document.reference_date is not None else reference_date
    try:
        claims = extract(document.text, reference_date=day)
    except Exception as error:  # a bug in the core on one text fails that text, not the job
        reason = f"extraction failed: {type(error).__name__}: {error}"
        return Outcome([error_row(document.id, reason)], False, 0)
    for index, claim in enumerate(claims):
        if not _finite(claim):  # JSON cannot carry it, and a bound of inf is no figure
            reason = f"extraction failed: claim {index} ({claim.text!r}) has a non-finite number"
            return Outcome([error_row(document.id, reason)], False, 0)
    return Outcome(claim_rows(document.id, claims), True, len(claims))


def _finite(claim: Claim) -> bool:
    numbers = [claim.value, claim.low, claim.high]
    if claim.normalized is not None:
        numbers += [claim.normalized.value, claim.normalized.low, claim.normalized.high]
    return all(number is None or math.isfinite(number) for number in numbers)


def claim_rows(document_id: str | None, claims: tuple[Claim, ...]) -> list[Row]:
    """Flatten each claim into a row, keeping its structured fields nested.

    Generated code rather than ``dataclasses.asdict``: asdict's recursive copy is about 12 times
    slower, a quarter of the extraction time on the batch hot path.
    """
    return _claim_rows(claims, document_id)


def summary_row(document: Document, outcome: Outcome) -> Row:
    """Say what became of one document: its id, its claims and ``ok`` or ``error``."""
    return {"id": document.id, "claims": outcome.claims, "status": OK if outcome.good else ERROR}


def error_row(document_id: str | None, reason: str) -> Row:
    """Say why a document gave no claims: its id (None when it has none) and the reason."""
    return {"id": document_id, "error": reason}
