"""``explain(text)``: the claims, and every number left out with the reason it is not a claim.

PROVISIONAL: this body stands in until the staged pipeline gives the real reasons; the signature
and the contract below stay. Claims are exactly ``extract``'s. Every run of digits that is not
part of a claim is a ``Rejection``: the whole masked stretch it stands in (a date, a clock time,
a phone number, an address, a decade) with that stretch's kind, else a year, an ordinal, or the
fallback ``not_an_amount``. Rejections come in text order, overlap no claim and no other
rejection, and ``text == input[start:end]`` for each.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from itertools import islice

from .extractor import extract
from .masks import Masks
from .model import Claim, Explanation, Rejection

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th"})
_FIRST_YEAR, _LAST_YEAR = 1500, 2100


def explain(text: str, *, limit: int | None = None) -> Explanation:
    """Return the claims of ``text`` and the numbers that are not claims, each with its reason.

    :param text: the text, as for ``extract``.
    :param limit: at most this many claims (exactly ``extract(text, limit=limit)``) and at most
        this many rejections; reading stops there, so a service can cap its answers cheaply.
    :raises ExtractionError: on a ``text`` that is not a ``str`` or a bad ``limit``, as
        ``extract`` does.
    """
    claims = extract(text, limit=limit)  # checks the arguments
    if not text or limit == 0:
        return Explanation(claims, ())
    # When the claims stop at the limit, the text after the last one was not read for claims:
    # a number there cannot be told to be left out.
    until = claims[-1].end if limit is not None and len(claims) >= limit else len(text)
    return Explanation(claims, tuple(islice(_rejections(text, claims, until), limit)))


def _rejections(text: str, claims: tuple[Claim, ...], until: int) -> Iterator[Rejection]:
    masks = Masks(text)
    starts = [claim.start for claim in claims]
    ends = [claim.end for claim in claims]

    def overlaps_claim(start: int, end: int) -> bool:
        i = bisect_left(ends, start + 1)  # the first claim that ends after ``start``
        return i < len(starts) and starts[i] < end

    last_end = 0
    for match in _NUMBER.finditer(text, 0, until):
        start, end = match.span()
        if start < last_end or overlaps_claim(start, end):
            continue
        stretch = masks.stretch(start, end)
        if stretch is not None:
            s, e, kind = stretch
            if s < last_end or overlaps_claim(s, e):
                s, e = start, end  # only the number itself is free to report
        else:
            s, e, kind = start, end, _reason(text, start, end)
            if kind == "ordinal" and not text[e + 2 : e + 3].isalnum():
                e += 2  # the suffix too: "14th"
        last_end = e
        yield Rejection(text[s:e], s, e, kind)


def _reason(text: str, start: int, end: int) -> str:
    digits = text[start:end]
    if len(digits) == 4 and digits.isdigit() and _FIRST_YEAR <= int(digits) <= _LAST_YEAR:
        return "year"
    if text[end : end + 2].lower() in _ORDINAL_SUFFIXES:
        return "ordinal"
    return "not_an_amount"
