"""The extraction pipeline: quantities → ranges → bounds and hedges → filters → claims.

One left-to-right pass over the tokens; every look-around is bounded by a few tokens, so the
run time is linear in the input. Decisions on what is *not* a claim (dates, years, times,
ordinals, names with numbers, scores, the pronoun "one") live here, next to the reading.
"""

from __future__ import annotations

import math
from dataclasses import replace
from itertools import islice, product

from .masks import Masks
from .model import Claim, ExtractionError, Normalized, Span, Unit
from .normalize import converter
from .numbers import TENS_WORDS, UNITS_WORDS, VAGUE_WORDS, VULGAR_FRACTIONS, tokenize
from .quantities import Quantity, QuantityReader, attached, is_plural_noun, spaced
from .rates import rate_after
from .sentences import SentenceIndex
from .spoken import ZEROS
from .unit_context import is_context_length
from .units import MONEY_RATE_DIMENSIONS, lexicon
from .vocabulary import (
    AFTER,
    BEFORE,
    BEFORE_TAILS,
    CODE_PREFIXES,
    DOLLAR_PREFIXES,
    HEDGE_VERBS,
    IDENTIFIER_NOUNS,
    MAX_BEFORE,
    MONTHS,
    RANGE_CONNECTORS,
    SCORE_WORDS,
    STOPWORDS,
    SYMBOL_CURRENCIES,
    WEEKDAYS,
    YEAR_PREPOSITIONS,
)

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
# Units whose compounds are one figure ("6 feet 2 inches", "3 yards 1 foot").
_IMPERIAL = frozenset({"foot", "yard", "mile"})
# Words after "5 ft 2 in" that keep "in" a unit.
_AFTER_HEIGHT = frozenset({"tall", "long", "wide", "high", "deep", "more", "or"})
# Verbs of change: "rose from 4.1% to 4.4%" states two values, not a range.
_CHANGE_VERBS = frozenset(
    """
    rose rise rises rising fell fall falls falling increased increase increases increasing
    decreased decrease decreases grew grow grows growing dropped drop drops declined decline
    climbed climb jumped jump surged surge slipped plunged soared dipped edged slid tumbled
    cut cuts raised raise lifted lowered reduced reduce changed change went moved up down
    """.split()
)
# Words that can open a quantity ("seventy", "a dozen", "minus", "tens of thousands").
_WORD_STARTERS = frozenset(
    {*UNITS_WORDS, *TENS_WORDS, *VAGUE_WORDS, "a", "an", "half", "quarter", "minus", "negative"}
    | {"tens", "hundreds"}
    | ZEROS  # "nought point five"
    | set(VULGAR_FRACTIONS)  # "½" is a word character to the tokenizer
)


# The first words of the AFTER phrases ("or more", "plus", "+").
_AFTER_OPENERS = frozenset(phrase[0] for phrase in AFTER)


def _opens_number(token) -> bool:
    """Tell whether a token can begin a number: digits, or a word like "seventy"."""
    return token.kind == "n" or (token.kind == "w" and token.lower in _WORD_STARTERS)


def _plain_words(q: Quantity) -> bool:
    """Tell whether ``q`` is a written whole number alone: "five hundred", not "five million"."""
    return q.written and q.unit is None and q.vague is None and abs(q.value) < 1000


def _is_code(word: str) -> bool:
    """Tell whether a word may be a currency prefix: "USD 5", "US$5", "mxn$ 15"."""
    return (
        word in DOLLAR_PREFIXES
        or (len(word) == 3 and word.upper() in CODE_PREFIXES)
        or (word in CODE_PREFIXES)
    )


# Every short word ``_is_code`` accepts ("US", "Rs", "usd", "Usd"): the scan for openers looks
# words up here instead of calling it on every "the" and "of".
_CODE_WORDS = frozenset(
    word
    for code in (*DOLLAR_PREFIXES, *CODE_PREFIXES)
    if len(code) <= 3
    for word in (
        {"".join(cased) for cased in product(*((c.lower(), c.upper()) for c in code))}
        if len(code) == 3 and code.upper() in CODE_PREFIXES
        else {code}
    )
    if _is_code(word)
)

_SENTENCE_END = frozenset('.!?"“”\n')


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


class _Extraction:
    """The state of one call: tokens, masks and sentences of one text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = tokenize(text)
        self.masks = Masks(text)
        self.reader = QuantityReader(text, self.tokens, lexicon())
        self._sentences: SentenceIndex | None = None

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
                else tok.lower not in _WORD_STARTERS and tok.text not in _CODE_WORDS
            ):
                i += 1  # most tokens cannot open a quantity: skip them cheaply
                continue
            self.reader.floor = floor
            q = self.reader.read(i)
            if q is None:
                i += 1
                continue
            claim, last = self._claim(q, floor)
            if claim is not None:
                yield claim
                floor = last + 1
            i = max(last, q.last) + 1

    # -- reading around a quantity -------------------------------------------------------------

    def _compound(self, q: Quantity) -> None:
        """Fold "29 minutes 1.03 seconds" and "5 feet 10 inches" into one quantity."""
        tokens = self.tokens
        j = q.last + 1
        if j < len(tokens) and tokens[j].lower == "and" and spaced(self.text, tokens, j):
            j += 1
        glued_inches = q.unit_surface in ("'", "’", "′") and attached(tokens, j)  # "6'2""
        if j >= len(tokens) or not (spaced(self.text, tokens, j) or glued_inches):
            return
        if tokens[j].kind not in "nw":
            return
        part = self.reader.read(j)
        if part is not None and part.unit is None and q.unit.name == "foot":
            k = part.last + 1  # "6ft 2in": "in" is inches only right after feet
            after = tokens[k + 1] if k + 1 < len(tokens) else None
            loose = after is None or after.kind == "s" or after.lower in _AFTER_HEIGHT
            if (
                k < len(tokens)
                and tokens[k].lower in ("in", "ins")
                and (attached(tokens, k) or (spaced(self.text, tokens, k) and loose))
            ):
                part.unit, part.unit_surface, part.last = self.reader.lex.units["inch"], "in", k
        if part is not None and part.bare and q.unit.currency_code and q.unit.name != "penny":
            # "15 dollars 50", "17 USD 25.": cents, when nothing follows the small number
            after = tokens[part.last + 1] if part.last + 1 < len(tokens) else None
            if (
                0 < part.value < 100
                and part.value.is_integer()
                and (after is None or after.kind == "s")
            ):
                q.value = q.raw = round(q.value + part.value / 100, 9)
                q.last = part.last
            return
        if part is None or part.unit is None or part.unit.dimension != q.unit.dimension:
            return
        if q.unit.dimension == "length" and q.unit.name not in _IMPERIAL:
            return  # "12 m 2 dm" are two figures; "5 ft 10 in" is one height
        if q.unit.dimension == "currency":
            # "3 dollars 50 cents": a major unit and its hundredth
            if q.unit.currency_code and part.unit.name in ("cent", "penny") and part.value < 100:
                q.value = q.raw = q.value + part.value / 100
                q.last = part.last
            return
        big, small = converter(q.unit), converter(part.unit)
        if big is None or small is None or big[0](1.0) <= small[0](1.0):
            return
        # Rounded: "5 ft 2 in" is 62 inches, not 61.99999999999999.
        q.value = q.raw = round(q.value * big[0](1.0) / small[0](1.0) + part.value, 9)
        q.unit, q.unit_surface, q.last = part.unit, part.unit_surface, part.last

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
        rate = rate_after(self.reader, q.unit, q.unit_surface, last) if q.vague is None else None
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
        if not approximate and self._hedge_verb_before(first):
            approximate = True
        start, end = tokens[first].start, tokens[last].end
        return self._build(q, low_q, high_q, relation, approximate, start, end, last), last

    def _ratio(self, q: Quantity, j: int) -> bool:
        """Fold "one in five" and "1 in 4" into one quantity: the share, like "two-thirds"."""
        tokens = self.tokens
        if j + 1 < len(tokens) and tokens[j].lower == "over":
            return self._over(q, j)
        if not (q.bare and j + 1 < len(tokens) and tokens[j].lower in ("in", "out")):
            return False
        if tokens[j].lower == "out":  # "one out of three"
            if not (j + 2 < len(tokens) and tokens[j + 1].lower == "of"):
                return False
            j += 1
        if not (spaced(self.text, tokens, j) and spaced(self.text, tokens, j + 1)):
            return False
        if q.value != int(q.value) or q.value <= 0:
            return False
        whole = self.reader.read(j + 1)
        if whole is None or not (whole.bare or _plain_words(whole)) or whole.value <= q.value:
            return False  # "two out of five hundred" is a share too
        if tokens[whole.first].kind != tokens[q.first].kind:
            return False  # "one in 2017", "5 in ten" are not how ratios are written
        q.value = q.raw = q.value / whole.value
        q.last = q.number_last = whole.last
        return True

    def _over(self, q: Quantity, j: int) -> bool:
        """Fold "one over three", "2000 over 3" into one quantity: a fraction said aloud.

        Only whole numbers standing alone on both sides, and nothing but punctuation or the end
        after, so "over 20 people" and "2000 over 3 years" stay a bound and a period.
        """
        tokens = self.tokens
        if not (q.bare or _plain_words(q)) or q.value != int(q.value) or not q.value:
            return False
        if not (spaced(self.text, tokens, j) and spaced(self.text, tokens, j + 1)):
            return False
        whole = self.reader.read(j + 1)
        if whole is None or not (whole.bare or _plain_words(whole)) or whole.value <= 0:
            return False
        before = tokens[q.first - 1].lower if q.first > 0 else ""
        if self._is_year(whole) or (self._is_year(q) and before in YEAR_PREPOSITIONS):
            return False  # "sales in 2021 over 2020": a comparison of years
        after = tokens[whole.last + 1] if whole.last + 1 < len(tokens) else None
        if whole.value != int(whole.value) or (after is not None and after.text not in ".,;:!?"):
            return False
        q.value = q.raw = q.value / whole.value
        q.last = q.number_last = whole.last
        return True

    def _shared_unit(self, q: Quantity, j: int) -> None:
        """Give "45" the unit of "45 and 50 mg": a list of numbers shares its last one's unit.

        Only digits on both sides, and only a number that is a claim on its own; the claim stays
        "45" alone, and "50 mg" is read as its own claim.
        """
        tokens = self.tokens
        if not (
            j + 1 < len(tokens)
            and tokens[j].lower in ("and", "or")
            and tokens[q.first].kind == "n"
            and tokens[j + 1].kind == "n"
            and spaced(self.text, tokens, j)
            and spaced(self.text, tokens, j + 1)
        ):
            return
        other = self.reader.read(j + 1)
        if other is None or other.unit is None or other.scaled or other.vague or other.age:
            return
        if self._not_a_claim(q) or self.masks.covers(tokens[j + 1].start, tokens[other.last].end):
            return  # "in 2019 and 50 km", "Boeing 737 and 20 km": no figure to give a unit
        q.unit, q.unit_surface = other.unit, other.unit_surface

    def _plus_minus(self, q: Quantity, j: int) -> Quantity | None:
        """Read the spread after "±" or "+/-": "2,000.45±0.01 pounds", "45% +/- 3%".

        The unit may follow either number; both carry it. Returns the spread, or None.
        """
        tokens = self.tokens
        n = len(tokens)
        if j >= n or q.vague or not (spaced(self.text, tokens, j) or attached(tokens, j)):
            return None
        if tokens[j].text == "±":
            k = j + 1
        elif (
            tokens[j].text == "+"
            and j + 3 < n
            and tokens[j + 1].text == "/"
            and tokens[j + 2].text in ("-", "−")
            and attached(tokens, j + 1)
            and attached(tokens, j + 2)
        ):
            k = j + 3
        else:
            return None
        if k >= n or not (spaced(self.text, tokens, k) or attached(tokens, k)):
            return None
        spread = self.reader.read(k)
        if spread is None or spread.vague or spread.value <= 0:
            return None
        if q.unit is None:
            q.unit, q.unit_surface = spread.unit, spread.unit_surface
        elif spread.unit is not None and spread.unit != q.unit:
            return None
        return spread

    def _single(self, q: Quantity) -> tuple[Claim | None, int]:
        """Build the claim of ``q`` alone, stopping before whatever follows it."""
        if self._not_a_claim(q):
            return None, q.last
        start, end = self.tokens[q.first].start, self.tokens[q.last].end
        return self._build(q, q, q, "equal", False, start, end, q.last), q.last

    def _is_period(self, q: Quantity, first: int, size: int) -> bool:
        """Tell "phased in over 10 years" (a period) from "jailed for over 10 years" (a bound)."""
        if self.tokens[first - size].lower != "over" or q.unit is None or q.age:
            return False
        if q.unit.dimension != "time":
            return False
        k = first - size - 1
        return k < 0 or self.tokens[k].lower not in ("for", "after", "of", "than", "by")

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
        second = self.reader.read(j + 1)
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
            q.value = q.raw * (second.value / second.raw)
        if q.bare and second.bare:
            if self._is_year(q) and self._is_year(second, allow_short=True):
                return "skip"
            if hyphen and self._is_score(q, second, j):
                return "skip"
            if self._is_identifier(q):
                return "skip"
        return second

    def _is_score(self, a: Quantity, b: Quantity, j: int) -> bool:
        """Tell "won 3-1" and "a 2-0 victory" from "300-400": small numbers, a sporting word."""
        if not (a.value < 100 and b.value < 100 and a.value.is_integer() and b.value.is_integer()):
            return False
        if a.value > b.value or a.written or b.written:
            return a.value > b.value
        lo, hi = max(0, a.first - 4), min(len(self.tokens), b.last + 4)
        return any(self.tokens[k].lower in SCORE_WORDS for k in range(lo, hi))

    def _bound_before(self, first: int, floor: int) -> tuple[int, tuple[str, bool]] | None:
        tokens = self.tokens
        best = None
        phrase: tuple[str, ...] = ()
        for size in range(1, min(MAX_BEFORE, first - floor) + 1):
            k = first - size
            phrase = (tokens[k].lower, *phrase)
            if phrase not in BEFORE_TAILS:
                break
            if not (spaced(self.text, tokens, k + 1) or attached(tokens, k + 1)):
                break
            if phrase in BEFORE:
                best = (size, BEFORE[phrase])
        return best

    def _bound_after(self, last: int) -> tuple[int, tuple[str, bool]] | None:
        tokens = self.tokens
        n = len(tokens)
        if last + 1 >= n or tokens[last + 1].lower not in _AFTER_OPENERS:
            return None  # the common case: no bound phrase opens with the next word
        best = None
        for size in (1, 2):
            if last + size >= n:
                break
            k = last + size
            if not (spaced(self.text, tokens, k) or attached(tokens, k)):
                break
            phrase = tuple(tokens[m].lower for m in range(last + 1, k + 1))
            if phrase in AFTER and (phrase != ("+",) or attached(tokens, k)):
                follower = tokens[k + 1] if k + 1 < n else None
                if follower is not None and (
                    follower.lower == "than"  # "200 or more than 190": a bound of the next
                    or (phrase[-1] == "plus" and _opens_number(follower))  # "3 plus 4": a sum
                ):
                    continue
                best = (size, AFTER[phrase])  # "+" counts only glued: "100+"
        return best

    def _hedge_verb_before(self, first: int) -> bool:
        """Tell whether "estimated (that)" stands a few words before, in the same clause."""
        tokens = self.tokens
        for k in range(first - 1, max(-1, first - 5), -1):
            tok = tokens[k]
            if tok.lower in HEDGE_VERBS:
                return True
            if tok.kind == "s" or tok.kind == "n":
                return False
        return False

    # -- what is not a claim -------------------------------------------------------------------

    def _not_a_claim(self, q: Quantity) -> bool:
        tokens = self.tokens
        start, end = tokens[q.first].start, tokens[q.number_last].end
        if self.masks.covers(start, end) and not (
            q.unit is not None and is_context_length(tokens, q.number_last + 1, q.unit)
        ):
            return True  # a clock time, unless "2.1 pm" was read as a length (unit_context)
        if q.unit is not None and q.unit.dimension in ("currency", "percentage"):
            return False
        if self.reader.ordinal_or_name_after(q):
            return True
        if q.first > 0 and attached(tokens, q.first):
            before = tokens[q.first - 1]
            if before.kind == "w" or before.text in "#№/.:":
                return True  # "G20", "#1", "1.2.3"
            if before.text == "+" and q.first > 1 and attached(tokens, q.first - 1):
                if tokens[q.first - 2].kind == "n":
                    return True  # "J1149.5+6663": a catalogue designation
            if before.text in "-‐" and q.first > 1 and attached(tokens, q.first - 1):
                if tokens[q.first - 2].kind in "wn":
                    return True  # "COVID-19", "F-16"
        j = q.number_last + 1
        if j + 1 < len(tokens) and tokens[j].text == "/" and attached(tokens, j):
            if attached(tokens, j + 1) and tokens[j + 1].kind == "n":
                return True  # "9/11", "24/7": names, not fractions
        if q.written and q.value == 1 and q.unit is not None and q.unit.name in ("day", "time"):
            return True  # "one day" is an idiom
        if q.unit is not None:
            return q.unit.dimension == "time" and self._is_date_part(q)
        if q.vague is not None:
            return False
        first = tokens[q.first]
        if (
            first.kind == "n"
            and len(first.text) > 1
            and first.text[0] == "0"
            and first.text[1] != "."
        ):
            return True  # "0800", "007": codes, not amounts
        if q.written and first.text[0].isupper() and q.first > 0:
            if tokens[q.first - 1].text not in _SENTENCE_END:
                return True  # "the Group of Seven", "the Big Four"
        return self._is_year(q) or self._is_identifier(q) or self._is_date_part(q)

    def _is_year(self, q: Quantity, allow_short: bool = False) -> bool:
        tok = self.tokens[q.first]
        if q.written or not q.bare or tok.kind != "n" or not tok.text.isdigit():
            return False
        if allow_short and len(tok.text) == 2:
            return True
        if len(tok.text) != 4 or not 1500 <= q.value <= 2100:
            return False
        j = q.last + 1
        if j < len(self.tokens) and spaced(self.text, self.tokens, j):
            follower = self.tokens[j].lower
            prev = self.tokens[q.first - 1].lower if q.first > 0 else ""
            if is_plural_noun(follower) and prev not in YEAR_PREPOSITIONS:
                return False  # "2000 people"
        return True

    def _is_identifier(self, q: Quantity) -> bool:
        """Tell "Boeing 737", "Article 5", "room 101" from counts."""
        tokens = self.tokens
        k = q.first - 1
        if k < 0 or q.written:
            return False
        if tokens[k].text == "." and k > 0 and tokens[k - 1].lower in ("no", "nos", "vol", "art"):
            return True
        if not spaced(self.text, tokens, q.first):
            return False
        word = tokens[k]
        if word.kind != "w":
            return False
        if word.lower in IDENTIFIER_NOUNS:
            return True
        if (
            word.lower in ("call", "dial", "phone", "text")
            or word.text[1:] != word.text[1:].lower()
        ):
            return True  # "call 911", "iOS 17.2", "MacBook 12"
        if word.text[0].isupper() and word.lower not in STOPWORDS and word.text not in MONTHS:
            # A capitalised word that does not open the sentence names something: "Boeing 737".
            return not (k == 0 or tokens[k - 1].text in _SENTENCE_END)
        return False

    def _is_date_part(self, q: Quantity) -> bool:
        tokens = self.tokens
        k = q.first - 1
        if k >= 0 and (tokens[k].text in MONTHS or tokens[k].text in WEEKDAYS):
            return q.value <= 31 or self._is_year(q)
        j = q.last + 1
        return j < len(tokens) and tokens[j].text in MONTHS and q.value <= 31

    # -- building the claim --------------------------------------------------------------------

    def _sentence(self, start: int, end: int) -> Span:
        if self._sentences is None:
            self._sentences = SentenceIndex(self.text)
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
