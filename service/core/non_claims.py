"""What is not a claim: clock times, dates, years, ordinals, names with numbers, scores.

``NonClaims`` is one part of the extraction (``service/core/extractor.py``): its methods look
around a quantity the reader found, on the extraction's ``text``, ``tokens``, ``masks`` and
``reader``, and say whether it is a figure at all.
"""

from __future__ import annotations

from .context import Context
from .english.bounds import COUNTING_BOUNDS, YEAR_BEFORE_BOUND
from .english.calendar import MONTHS, WEEKDAYS, YEAR_PREPOSITIONS
from .english.common import STOPWORDS
from .english.names import IDENTIFIER_NOUNS, SCORE_WORDS
from .masks import Masks
from .numbers import Token
from .quantities import Quantity, attached, names_after, spaced
from .unit_context import is_context_length
from .words import is_plural_noun

# Words and marks that join numbers in a list after one noun: "junctions 10 and 11".
_LIST_ENDS = frozenset({"and", "or", "&"})
_LIST_JOINS = _LIST_ENDS | {","}
# Tokens that end a sentence: a capitalised word after one opens it.
_SENTENCE_END = frozenset('.!?"“”\n')


def _year_shaped(digits: str, value: float) -> bool:
    """Tell four digits whose value is 1500 to 2100: a bare year's look ("2019", not "1000").

    The value is the quantity's, which a ratio may have changed: "2000 over 3" is no year.
    """
    return len(digits) == 4 and digits.isdigit() and 1500 <= value <= 2100


def _count_shaped(token: Token) -> bool:
    """Tell digits that cannot be a year: "1000", "2,500", "3.5" (not "2019")."""
    if token.kind != "n":
        return False
    return not (token.text.isdigit() and _year_shaped(token.text, int(token.text)))


class NonClaims:
    """The filters of ``_Extraction``: each tells a number that states no amount.

    They read bounds with ``AroundReading``'s methods, the other half of the extraction.
    """

    text: str
    tokens: list[Token]
    masks: Masks
    ctx: Context
    floor: int

    def _not_a_claim(self, q: Quantity) -> bool:
        tokens = self.tokens
        start, end = tokens[q.first].start, tokens[q.number_last].end
        if self.masks.covers(start, end) and not (
            q.unit is not None and is_context_length(tokens, q.number_last + 1, q.unit)
        ):
            return True  # a clock time, unless "2.1 pm" was read as a length (unit_context)
        if self._not_equal_before(q.first):
            return True  # "<>30", "≠ 30%": a condition, no amount
        if q.unit is not None and q.unit.dimension in ("currency", "percentage"):
            return False
        if names_after(self.ctx, q):
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

    def _not_equal_before(self, first: int) -> bool:
        """Tell whether "≠" or "<>" stands right before token ``first``."""
        tokens = self.tokens
        if first > 0 and tokens[first - 1].text == "≠":
            return True
        return (
            first > 1
            and tokens[first - 1].text == ">"
            and tokens[first - 2].text == "<"
            and attached(tokens, first - 1)
        )

    def _is_year(self, q: Quantity, allow_short: bool = False) -> bool:
        tok = self.tokens[q.first]
        if q.written or not q.bare or tok.kind != "n" or not tok.text.isdigit():
            return False
        if allow_short and len(tok.text) == 2:
            return True
        if not _year_shaped(tok.text, q.value):
            return False
        j = q.last + 1
        if j < len(self.tokens) and spaced(self.text, self.tokens, j):
            follower = self.tokens[j].lower
            prev = self.tokens[q.first - 1].lower if q.first > 0 else ""
            if is_plural_noun(follower) and follower != "levels" and prev not in YEAR_PREPOSITIONS:
                return False  # "2000 people"; but "below 1990 levels" compares years
        return not self._counted(q)

    def _counted(self, q: Quantity) -> bool:
        """Tell "more than 1500", "at least 2000 were killed", "2000 or more": counts, not years.

        Bounds are read as the claim reads them (``AroundReading``), from the first token no
        earlier claim took. A bound that also bounds a year keeps it one ("until at least 2025",
        "in 2000 or so"); any bound joined to a bound of another number counts ("above 1000 and
        below 1500").
        """
        tokens = self.tokens
        bound = self._bound_before(q.first, self.floor)
        if bound is not None:
            k = q.first - bound[0]
            if k > 1 and tokens[k - 1].lower in ("and", "but") and _count_shaped(tokens[k - 2]):
                return True  # "above 1000 and below 1500"; not "higher than 2019 but lower …"
            if k > 0 and tokens[k - 1].lower in YEAR_BEFORE_BOUND:
                return False
            return tuple(tok.lower for tok in tokens[k : q.first]) in COUNTING_BOUNDS
        after = self._bound_after(q.last)
        if after is None or after[1][0] == "equal":
            return False
        return q.first == 0 or tokens[q.first - 1].lower not in YEAR_PREPOSITIONS

    def _is_identifier(self, q: Quantity) -> bool:
        """Tell "Boeing 737", "Article 5", "room 101" from counts."""
        tokens = self.tokens
        k = q.first - 1
        if k < 0 or q.written:
            return False
        if tokens[k].text == "." and k > 0 and tokens[k - 1].lower in ("no", "nos", "vol", "art"):
            return True
        if self._listed_after_name(q):
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

    def _listed_after_name(self, q: Quantity) -> bool:
        """Tell "junctions 10 and 11", "Articles 3, 4 and 5" (names) from "In Zone 3, 40 homes".

        The number must stand in a list (after "and"/"or", or before a join) and count nothing
        itself: "Flight 370 and 239 passengers" lists a name and a count.
        """
        tokens = self.tokens
        nxt = tokens[q.last + 1].lower if q.last + 1 < len(tokens) else ""
        if is_plural_noun(nxt) or nxt in ("other", "more"):
            return False
        k = q.first - 1
        if nxt not in _LIST_JOINS and tokens[k].lower not in _LIST_ENDS:
            return False
        while k > 0:
            if tokens[k].lower in _LIST_ENDS and tokens[k - 1].text == ",":
                k -= 1  # ", and": the serial comma
            if tokens[k].lower not in _LIST_JOINS or tokens[k - 1].kind != "n":
                break
            k -= 2
        return k < q.first - 1 and k >= 0 and tokens[k].lower in IDENTIFIER_NOUNS

    def _is_date_part(self, q: Quantity) -> bool:
        tokens = self.tokens
        k = q.first - 1
        if k >= 0 and (tokens[k].text in MONTHS or tokens[k].text in WEEKDAYS):
            return q.value <= 31 or self._is_year(q)
        j = q.last + 1
        return j < len(tokens) and tokens[j].text in MONTHS and q.value <= 31

    def _is_score(self, a: Quantity, b: Quantity, j: int) -> bool:
        """Tell "won 3-1", "a 2-0 victory", "passed 218-214" from "300-400": results, not ranges."""
        if not (a.value.is_integer() and b.value.is_integer()):
            return False
        if a.value > b.value and not (a.written or b.written):
            return True  # "passed 218-214", "a 120-110 win": ranges are written low to high
        if not (a.value < 100 and b.value < 100):
            return False
        if a.written or b.written:
            return a.value > b.value
        lo, hi = max(0, a.first - 4), min(len(self.tokens), b.last + 4)
        return any(self.tokens[k].lower in SCORE_WORDS for k in range(lo, hi))

    def _is_period(self, q: Quantity, first: int, size: int) -> bool:
        """Tell "phased in over 10 years" (a period) from "jailed for over 10 years" (a bound)."""
        if self.tokens[first - size].lower != "over" or q.unit is None or q.age:
            return False
        if q.unit.dimension != "time":
            return False
        k = first - size - 1
        return k < 0 or self.tokens[k].lower not in ("for", "after", "of", "than", "by")
