"""The core's entry points: ``extract`` (the claims), ``explain`` (and what was left out), ``warm``.

The stages are ``pipeline.py``'s; this module checks the arguments and bounds the answer.
"""

from __future__ import annotations

from datetime import date
from itertools import islice

from .collector import collector_paused
from .context import Context
from .explaining import rejections
from .letters import TABLE_CHARS
from .model import Claim, Explanation, ExtractionError
from .pipeline import claims, text_claims
from .readings import Rejected


def _check(text: object, limit: object) -> None:
    if not isinstance(text, str):
        raise ExtractionError(f"text must be a str, not {type(text).__name__}")
    if limit is not None and (not isinstance(limit, int) or limit < 0):
        raise ExtractionError(f"limit must be a non-negative int or None, not {limit!r}")


def reference_day(reference_date: object) -> date | None:
    """Read a reference date: a ``datetime.date`` or an ISO "YYYY-MM-DD" string, or None.

    Raises ``ExtractionError`` on anything else, so a caller's typo is never silently ignored.
    """
    if reference_date is None:
        return None
    if isinstance(reference_date, date):
        return date(reference_date.year, reference_date.month, reference_date.day)
    if isinstance(reference_date, str) and len(reference_date) == 10:
        try:
            return date.fromisoformat(reference_date)
        except ValueError:
            pass
    raise ExtractionError(
        f"reference_date must be a date or a YYYY-MM-DD string, not {reference_date!r}"
    )


def extract(
    text: str, *, limit: int | None = None, reference_date: date | str | None = None
) -> tuple[Claim, ...]:
    """Return every numeric claim in ``text``, in text order; an empty tuple if there is none.

    :param limit: stop after this many claims (a service caps its answers this way without
        reading a megabyte of numbers to the end); None reads everything.
    :param reference_date: the text's date (its dateline), a ``datetime.date`` or
        "YYYY-MM-DD": the claims' times ("last year", "on Friday") are resolved against it.
    """
    _check(text, limit)
    reference = reference_day(reference_date)
    if not text or limit == 0:
        return ()
    with collector_paused():
        return tuple(islice(text_claims(text, reference), limit))


def explain(
    text: str, *, limit: int | None = None, reference_date: date | str | None = None
) -> Explanation:
    """Return the claims of ``text`` and every number left out, each with its reason.

    ``claims`` is exactly what ``extract`` returns; ``rejected`` holds, in text order, every
    number-like span that is not a claim with a code of ``reasons.REASONS`` ("year", "date",
    "ordinal", …). ``limit`` bounds each of the two; ``reference_date`` is ``extract``'s.
    """
    _check(text, limit)
    reference = reference_day(reference_date)
    if not text or limit == 0:
        return Explanation((), ())
    with collector_paused():
        ctx = Context.of(text, reference)
        rejected: list[Rejected] = []
        found = tuple(islice(claims(ctx, rejected), limit))
        return Explanation(found, rejections(ctx, found, rejected, limit))


def warm() -> None:
    """Build the lookup tables and pint's registry now, so no request pays for them.

    The text is long enough to be read with the letter tables (``letters``), so they are
    compiled now too.
    """
    extract(" ".join([_WARM] * (TABLE_CHARS // len(_WARM) + 1)))


_WARM = "Some 300 to 400 militants, 2.4m homes, 9 km/s and 25% of $1.5bn at -12C."
