"""The extraction pipeline: quantities → ranges → bounds and hedges → filters → claims.

One left-to-right pass over the tokens; every look-around is bounded by a few tokens, so the
run time is linear in the input. ``_Extraction`` drives the pass and builds the claims; the
look-around that widens or bounds a quantity is ``AroundReading`` (``around.py``) and the
decisions on what is *not* a claim (dates, years, times, ordinals, names with numbers, scores,
the pronoun "one") are ``NonClaims`` (``non_claims.py``).
"""

from __future__ import annotations

import math
from dataclasses import replace
from itertools import islice, product

from .around import AroundReading
from .context import Context
from .english.bounds import RANGE_CONNECTORS
from .english.common import STOPWORDS
from .english.currencies import (
    CODE_PREFIXES,
    DOLLAR_PREFIXES,
    SPACED_DOLLAR_PREFIXES,
    SYMBOL_CURRENCIES,
)
from .model import Claim, ExtractionError, Normalized, Span, Unit
from .non_claims import NonClaims
from .normalize import converter
from .numbers import VULGAR_FRACTIONS, WORD_STARTERS, scaled
from .quantities import Quantity, attached, read_quantity, spaced
from .rates import rate_after
from .units import MONEY_RATE_DIMENSIONS
from .words import is_plural_noun

# A price or a wage ("$15 an hour", "currency per time") is money too.
_KIND_BY_DIMENSION = {
    "currency": "money",
    "percentage": "percentage",
    **dict.fromkeys(MONEY_RATE_DIMENSIONS.values(), "money"),
}
# Symbols that can open a quantity: currencies, signs, vulgar fractions.
_STARTERS = frozenset(SYMBOL_CURRENCIES) | {"-", "−", "–"} | set(VULGAR_FRACTIONS)
# Words between a count and its noun that neither name the thing nor end the search.
_ENTITY_SKIP = frozenset({"more", "other", "additional", "further", "extra", "fewer"})
# Verbs of change: "rose from 4.1% to 4.4%" states two values, not a range.
_CHANGE_VERBS = frozenset(
    """
    rose rise rises rising fell fall falls falling increased increase increases increasing
    decreased decrease decreases grew grow grows growing dropped drop drops declined decline
    climbed climb jumped jump surged surge slipped plunged soared dipped edged slid tumbled
    cut cuts raised raise lifted lowered reduced reduce changed change went moved up down
    """.split()
)


# A strict bound closed by "or equal (to)" includes its number.
_INCLUSIVE = {"more_than": "at_least", "less_than": "at_most"}


def _is_code(word: str) -> bool:
    """Tell whether a word may be a currency prefix: "USD 5", "US$5", "mxn$ 15"."""
    return (
        word in DOLLAR_PREFIXES
        or word in SPACED_DOLLAR_PREFIXES
        or (len(word) == 3 and word.upper() in CODE_PREFIXES)
        or (word in CODE_PREFIXES)
    )


# Every short word ``_is_code`` accepts ("US", "Rs", "usd", "Usd"): the scan for openers looks
# words up here instead of calling it on every "the" and "of".
_CODE_WORDS = frozenset(
    word
    for code in (*DOLLAR_PREFIXES, *SPACED_DOLLAR_PREFIXES, *CODE_PREFIXES)
    if len(code) <= 3
    for word in (
        {"".join(cased) for cased in product(*((c.lower(), c.upper()) for c in code))}
        if len(code) == 3 and code.upper() in CODE_PREFIXES
        else {code}
    )
    if _is_code(word)
)


def extract(text: str, *, limit: int | None = None) -> tuple[Claim, ...]:
    """Return every numeric claim in ``text``, in text order; an empty tuple if there is none.

    :param limit: stop after this many claims (a service caps its answers this way without
        reading a megabyte of numbers to the end); None reads everything.
    """
    if not isinstance(text, str):
        raise ExtractionError(f"text must be a str, not {type(text).__name__}")
    if limit is not None and (not isinstance(limit, int) or limit < 0):
        raise ExtractionError(f"limit must be a non-negative int or None, not {limit!r}")
    if not text or limit == 0:
        return ()
    return tuple(islice(_Extraction(text).run(), limit))


def warm() -> None:
    """Build the lookup tables and pint's registry now, so no request pays for them."""
    extract("Some 300 to 400 militants, 2.4m homes, 9 km/s and 25% of $1.5bn at -12C.")


class _Extraction(AroundReading, NonClaims):
    """The state of one call: tokens, masks and sentences of one text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.ctx = ctx = Context.of(text)
        self._sentences = ctx.sentences
        self.tokens = ctx.tokens  # only sentences that can hold a figure
        self.masks = ctx.masks
        self.floor = 0  # the first token no earlier claim took

    def run(self):
        """Yield the claims, joining "more than 10 and less than 40" into one range."""
        pending: Claim | None = None
        for claim in self._claims():
            if pending is not None:
                joined = self._join_bounds(pending, claim)
                if joined is not None:
                    yield joined
                    pending = None
                    continue
                yield pending
            pending = claim
        if pending is not None:
            yield pending

    def _join_bounds(self, a: Claim, b: Claim) -> Claim | None:
        """Join a lower and an upper bound stated together ("above 1000 and below 1500")."""
        if self.text[a.end : b.start].strip(" ,") not in ("and", "but", ""):
            return None
        if (
            a.unit != b.unit
            or a.relation in ("equal", "between")
            or b.relation in ("equal", "between")
        ):
            return None
        lower, upper = (a, b) if a.high is None else (b, a)
        if lower.high is not None or upper.low is not None or lower.low > upper.high:
            return None
        strict = lower.relation == "more_than" or upper.relation == "less_than"
        if strict and lower.low == upper.high:
            return None  # "less than 10, more than 10": no number is both
        normalized = None
        if lower.normalized is not None and upper.normalized is not None:
            normalized = Normalized(
                None, lower.normalized.low, upper.normalized.high, lower.normalized.unit
            )
        return replace(
            a,
            text=self.text[a.start : b.end],
            end=b.end,
            value=None,
            low=lower.low,
            high=upper.high,
            relation="between",
            approximate=a.approximate or b.approximate,
            normalized=normalized,
            entity=b.entity or a.entity,
            sentence=self._sentence(a.start, b.end),
        )

    def _claims(self):
        tokens = self.tokens
        n = len(tokens)
        i = floor = 0
        while i < n:
            tok = tokens[i]
            if tok.kind != "n" and (
                tok.text not in _STARTERS
                if tok.kind == "s"
                else tok.lower not in WORD_STARTERS and tok.text not in _CODE_WORDS
            ):
                i += 1  # most tokens cannot open a quantity: skip them cheaply
                continue
            self.floor = floor
            q = read_quantity(self.ctx, i, floor)
            if q is None:
                i += 1
                continue
            claim, last = self._claim(q, floor)
            if claim is not None:
                yield claim
                floor = last + 1
            i = max(last, q.last) + 1

    # -- reading around a quantity -------------------------------------------------------------

    def _claim(self, q: Quantity, floor: int) -> tuple[Claim | None, int]:
        tokens = self.tokens
        if q.unit is not None and q.unit.dimension in ("time", "length", "currency") and not q.age:
            self._compound(q)
        n = len(tokens)
        first, last = q.first, q.last
        low_q = high_q = q
        relation, approximate = "equal", q.vague is not None
        j = q.last + 1
        between = first > 0 and tokens[first - 1].lower in ("between", "from")
        between = between and first - 1 >= floor
        if j < n and tokens[j].lower == "to" and first > 0:
            k = first - 2 if tokens[first - 1].lower in ("from", "by") else first - 1
            if k >= 0 and tokens[k].lower in _CHANGE_VERBS:
                # "rose from 4.1% to 4.4%", "rose by 50,000 to 1.35 million", "fell 1.2% to
                # 4,783": a change and a new level, two values
                return self._single(q)
        if j + 1 < n and tokens[j].text == "-" and attached(tokens, j) and q.unit is None:
            if tokens[j + 1].lower == "to" and spaced(self.text, tokens, j + 1):
                j += 1  # "8- to 16-metre": a suspended hyphen
        if self._ratio(q, j):
            j, last = q.last + 1, q.last
        spread = self._plus_minus(q, j)
        if spread is not None:  # "9.83 ± 0.01 kg": the interval around the value
            low_q = replace(q, value=q.value - spread.value)
            high_q = replace(q, value=q.value + spread.value)
            last, relation = spread.last, "between"
        elif j + 1 < n and tokens[j].lower in RANGE_CONNECTORS and not q.vague:
            second = self._range_end(q, j, between)
            if second is not None:
                if second == "skip":
                    return None, max(j + 1, q.last)
                low_q, high_q = q, second
                last = second.last
                relation = "between"
                if between:
                    first -= 1
        if relation == "equal" and q.bare and not between:
            self._shared_unit(q, j)
        if q.adjectival and q.unit is not None and q.unit.dimension == "time":
            # "ten-year bond yields" names the bond; "a 10-day truce" states a duration.
            if first == 0 or tokens[first - 1].lower not in ("a", "an"):
                return None, q.last
        if relation == "equal" and self._not_a_claim(q):
            return None, q.last
        rate = rate_after(self.ctx, q.unit, q.unit_surface, last) if q.vague is None else None
        if rate is not None:  # "$15.4/hour", "$15-20 an hour", "four times a week"
            q.unit, q.unit_surface, last = rate
        bound = self._bound_before(first, floor)
        if bound is not None and self._is_period(q, first, bound[0]):
            bound = None
        if bound is not None:
            size, (bound_relation, hedged) = bound
            first -= size
            approximate = approximate or hedged
            if relation == "equal":
                relation = bound_relation
        elif q.written and q.value == 1 and q.bare and relation == "equal":
            return None, q.last  # "one" alone is a pronoun or an idiom
        after = self._bound_after(last)
        if after is not None:
            size, (after_relation, hedged) = after
            last += size
            approximate = approximate or hedged
            if relation == "equal":
                relation = after_relation
        elif relation in _INCLUSIVE:
            size = self._or_equal(last)  # "more than 5000 or equal to": at least 5000
            if size:
                last += size
                relation = _INCLUSIVE[relation]
        if not approximate and self._hedge_verb_before(first):
            approximate = True
        start, end = tokens[first].start, tokens[last].end
        return self._build(q, low_q, high_q, relation, approximate, start, end, last), last

    def _single(self, q: Quantity) -> tuple[Claim | None, int]:
        """Build the claim of ``q`` alone, stopping before whatever follows it."""
        if self._not_a_claim(q):
            return None, q.last
        start, end = self.tokens[q.first].start, self.tokens[q.last].end
        return self._build(q, q, q, "equal", False, start, end, q.last), q.last

    def _range_end(self, q: Quantity, j: int, between: bool) -> Quantity | str | None:
        """Read the second end of "300 to 400", "300-400", "between 2,000 and 3,500"."""
        tokens = self.tokens
        connector = tokens[j].lower
        if connector == "and" and not between:
            return None
        if q.first > 0 and attached(tokens, q.first) and tokens[q.first - 1].kind == "w":
            return "skip"  # "scp2-173m", "I7-860BOX": a model or part number
        hyphen = connector in ("-", "–", "—", "‐", "~")
        if hyphen and not (spaced(self.text, tokens, j) or attached(tokens, j)):
            return None
        if not hyphen and not spaced(self.text, tokens, j):
            return None
        if hyphen and attached(tokens, j) and tokens[j + 1].text[:1].isupper():
            return "skip"  # "7-Eleven": a name
        second = read_quantity(self.ctx, j + 1, self.floor)
        if second is None or second.vague:
            return None
        if self.masks.covers(tokens[q.first].start, tokens[second.last].end):
            return "skip"
        if q.unit is None and second.unit is not None:
            q.unit, q.unit_surface = second.unit, second.unit_surface
        elif second.unit is None and q.unit is not None:
            second.unit, second.unit_surface = q.unit, q.unit_surface
        elif q.unit is not None and second.unit is not None and q.unit != second.unit:
            return None  # "2 percentage points to 45%": two figures
        if second.scaled and not q.scaled and abs(q.raw) <= abs(second.raw) and q.raw:
            q.value = scaled(q.raw, second.value / second.raw)
        if q.bare and second.bare:
            if self._is_year(q) and self._is_year(second, allow_short=True):
                return "skip"
            if hyphen and self._is_score(q, second, j):
                return "skip"
            if self._is_identifier(q):
                return "skip"
        return second

    # -- building the claim --------------------------------------------------------------------

    def _sentence(self, start: int, end: int) -> Span:
        return self._sentences.around(start, end)

    def _build(self, q, low_q, high_q, relation, approximate, start, end, last) -> Claim:
        if relation == "between" and low_q is not high_q:
            low, high = sorted((low_q.value, high_q.value))
            value = None
        elif q.vague is not None:
            low, high = q.vague
            value, relation = None, "between"
        else:
            value = q.value
            low = value if relation in ("equal", "more_than", "at_least") else None
            high = value if relation in ("equal", "less_than", "at_most") else None
        info = q.unit
        unit = normalized = None
        kind = "count"
        if info is not None:
            symbol = info.symbol if info.currency_code is None else (info.symbol or None)
            unit = Unit(info.name, symbol, info.dimension, q.unit_surface or "")
            kind = _KIND_BY_DIMENSION.get(info.dimension, "measurement")
            conversion = converter(info)
            if conversion is not None:
                convert, target = conversion
                normalized = Normalized(
                    None if value is None else convert(value),
                    None if low is None else convert(low),
                    None if high is None else convert(high),
                    target,
                )
                converted = (normalized.value, normalized.low, normalized.high)
                if not all(v is None or math.isfinite(v) for v in converted):
                    normalized = None  # "1e308 km" overflows in metres: no SI value to give
        sentence = self._sentence(start, end)
        entity = self._entity(last, kind, q)
        if entity is not None and entity.end > sentence.end:
            entity = None
        return Claim(
            text=self.text[start:end],
            start=start,
            end=end,
            value=value,
            low=low,
            high=high,
            relation=relation,
            approximate=approximate,
            unit=unit,
            normalized=normalized,
            entity=entity,
            kind=kind,
            sentence=sentence,
        )

    def _entity(self, last: int, kind: str, q: Quantity) -> Span | None:
        """Find the counted thing after the claim: "300 to 400 militants", "a dozen inspectors"."""
        tokens = self.tokens
        n = len(tokens)
        j = last + 1
        of = j < n and tokens[j].lower == "of" and spaced(self.text, tokens, j)
        if of:
            j += 1
            if j < n and tokens[j].lower in ("the", "these", "those", "their", "its"):
                j += 1
        elif kind != "count" or q.age:
            return None
        words = []
        k = j
        while k < min(n, j + 6):
            tok = tokens[k]
            if tok.kind != "w" or not spaced(self.text, tokens, k):
                break
            if k + 2 < n and tokens[k + 1].text == "-" and attached(tokens, k + 1):
                if attached(tokens, k + 2) and tokens[k + 2].kind == "w":
                    if is_plural_noun(tokens[k + 2].lower):  # "asylum-seekers"
                        return Span(
                            self.text[tok.start : tokens[k + 2].end], tok.start, tokens[k + 2].end
                        )
                    k += 3  # "well-armed": a hyphenated adjective
                    continue
            k += 1
            if tok.lower in _ENTITY_SKIP:
                continue  # "40 more bodies", "a dozen other inspectors"
            if tok.lower in STOPWORDS:
                break
            if is_plural_noun(tok.lower):
                return Span(tok.text, tok.start, tok.end)
            words.append(tok)
        # "one passenger", "two tonnes of cotton": a singular noun names the thing too.
        if words and (of or q.value == 1) and words[0].text.islower() and "'" not in words[0].text:
            return Span(words[0].text, words[0].start, words[0].end)
        return None
