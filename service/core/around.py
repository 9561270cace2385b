"""Reading around a quantity: compounds, ratios, spreads, shared units, bounds and hedges.

``AroundReading`` is one part of the extraction (``service/core/extractor.py``): its methods
widen a quantity the reader found ("5 feet 10 inches", "one in five", "9.83 ± 0.01 kg", "45 and
50 mg") or read the words that bound it ("more than", "or more", "an estimated").
"""

from __future__ import annotations

from .context import Context
from .english.bounds import AFTER, BEFORE, BEFORE_HEADS, BEFORE_TAILS, HEDGE_VERBS, MAX_BEFORE
from .english.calendar import YEAR_PREPOSITIONS
from .english.common import CLAUSE_MARKS
from .masks import Masks
from .normalize import converter
from .numbers import WORD_STARTERS, Token
from .quantities import Quantity, attached, read_quantity, spaced
from .words import is_plural_noun

# Words after "or more than" or "or equal to" that point back to the number: "or more than that".
_THAN_PRONOUNS = frozenset({"it", "that", "this", "them"})
# Nouns that "equal" qualifies rather than closing a bound: "or equal pay".
_EQUAL_NOUNS = frozenset({"pay", "number", "amount", "share", "footing", "terms", "measure"})
# Units whose compounds are one figure ("6 feet 2 inches", "3 yards 1 foot").
_IMPERIAL = frozenset({"foot", "yard", "mile"})
# Words after "5 ft 2 in" that keep "in" a unit.
_AFTER_HEIGHT = frozenset({"tall", "long", "wide", "high", "deep", "more", "or"})
# The first words of the AFTER phrases ("or more", "plus", "+").
_AFTER_OPENERS = frozenset(phrase[0] for phrase in AFTER)


def opens_number(token) -> bool:
    """Tell whether a token can begin a number: digits, or a word like "seventy"."""
    return token.kind == "n" or (token.kind == "w" and token.lower in WORD_STARTERS)


def _plain_words(q: Quantity) -> bool:
    """Tell whether ``q`` is a written whole number alone: "five hundred", not "five million"."""
    return q.written and q.unit is None and q.vague is None and abs(q.value) < 1000


class AroundReading:
    """The look-around of ``_Extraction``."""

    text: str
    tokens: list[Token]
    masks: Masks
    ctx: Context
    floor: int

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
        part = read_quantity(self.ctx, j, self.floor)
        if part is not None and part.unit is None and q.unit.name == "foot":
            k = part.last + 1  # "6ft 2in": "in" is inches only right after feet
            after = tokens[k + 1] if k + 1 < len(tokens) else None
            loose = after is None or after.kind == "s" or after.lower in _AFTER_HEIGHT
            if (
                k < len(tokens)
                and tokens[k].lower in ("in", "ins")
                and (attached(tokens, k) or (spaced(self.text, tokens, k) and loose))
            ):
                part.unit, part.unit_surface, part.last = self.ctx.lex.units["inch"], "in", k
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
        whole = read_quantity(self.ctx, j + 1, self.floor)
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
        whole = read_quantity(self.ctx, j + 1, self.floor)
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
        other = read_quantity(self.ctx, j + 1, self.floor)
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
        spread = read_quantity(self.ctx, k, self.floor)
        if spread is None or spread.vague or spread.value <= 0:
            return None
        if q.unit is None:
            q.unit, q.unit_surface = spread.unit, spread.unit_surface
        elif spread.unit is not None and spread.unit != q.unit:
            return None
        return spread

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
                    # "3 plus 4" is a sum; "above 1000 and below 1500" bounds the next number
                    (opens_number(follower) and spaced(self.text, tokens, k + 1))
                    # "200 or more than 190", "larger than 20 and less or equal than 35": the
                    # next number's bound; at a clause's end ("200 or greater than.") ours
                    or (
                        (follower.lower == "than" or (phrase[-1], follower.lower) in BEFORE_HEADS)
                        and not self._clause_ends(k + 2)
                        and tokens[k + 2].lower not in _THAN_PRONOUNS
                    )
                ):
                    continue
                best = (size, AFTER[phrase])  # "+" counts only glued: "100+"
        return best

    def _or_equal(self, last: int) -> int:
        """Count the tokens of "or equal (to)" closing a strict bound: "less than 5000 or equal".

        Not before a number or a noun: "more than 10 or equal to 20" joins two figures, and
        "fewer than 50 or equal numbers", "or equal pay" say something else.
        """
        tokens = self.tokens
        n = len(tokens)
        if last + 2 >= n or tokens[last + 1].lower != "or" or tokens[last + 2].lower != "equal":
            return 0
        size = 3 if last + 3 < n and tokens[last + 3].lower == "to" else 2
        if not all(spaced(self.text, tokens, last + m) for m in range(1, size + 1)):
            return 0
        k = last + size + 1
        if self._clause_ends(k) or tokens[k].lower in _THAN_PRONOUNS:
            return size
        if opens_number(tokens[k]) or is_plural_noun(tokens[k].lower):
            return 0  # "or equal to 20", "or equal numbers of men"
        return size if tokens[k].lower not in _EQUAL_NOUNS else 0

    def _clause_ends(self, k: int) -> bool:
        """Tell whether the clause ends before token ``k``: no token, or a clause mark."""
        return k >= len(self.tokens) or self.tokens[k].text in CLAUSE_MARKS

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
