"""The filter stage: what is not a claim, each rule with its reason code and its examples.

A number the reader found may state no amount: a clock time, a date, a year, an ordinal, a
name with a number, a code. ``why_not`` asks the rules of ``NON_CLAIM_RULES`` in order and
returns the first reason given (a code of ``reasons.REASONS``), or None for a figure. The
tests of ranges ("2019-20" are years, "won 3-1" a score) are here too, for the range rule.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from .bounds import bound_after, bound_before
from .context import Context
from .english.bounds import COUNTING_BOUNDS, HYPHEN_BOUNDS, YEAR_BEFORE_BOUND
from .english.calendar import (
    CLOCK_BEFORE,
    DURATION_VERBS,
    ERAS,
    LATE_YEAR_LIMIT,
    LATE_YEAR_PREPOSITIONS,
    MONTHS,
    PERIOD_DETERMINERS,
    PERIOD_OPENERS,
    PERIOD_WORDS,
    RELATIVE_AFTER,
    TIMES_OF_DAY,
    WEEKDAYS,
    WRITTEN_YEAR_BEFORE,
    YEAR_PREPOSITIONS,
)
from .english.changes import CHANGE_PAST
from .english.common import STOPWORDS
from .english.names import (
    ADDRESS_REACH,
    COMPASS_LETTERS,
    DIAL_WORDS,
    IDENTIFIER_NOUNS,
    INDEX_NAMES,
    LIST_OPENERS,
    NUMBERED_ABBREVIATIONS,
    RANK_DETERMINERS,
    SCORE_WORDS,
    STREET_WORDS,
)
from .english.numbers import ORDINAL_ENDINGS
from .numbers import Token
from .quantities import Quantity, names_after, read_quantity
from .rulebook import Example
from .unit_context import is_context_length
from .words import is_plural_noun

# Words and marks that join numbers in a list after one noun: "junctions 10 and 11".
_LIST_ENDS: Final = frozenset({"and", "or", "&"})
_LIST_JOINS: Final = _LIST_ENDS | {","}
# Tokens that end a sentence: a capitalised word after one opens it.
_SENTENCE_END: Final = frozenset('.!?"“”\n')
# Which quantities a rule looks at: see ``_kind``.
_ALL: Final = frozenset({"money", "measured", "vague", "bare"})
# The words beside a number that may belong to an era, in lower case ("AD", "b" of "B.C.",
# the "." of "A.D."): any other word rules the era out at once.
_ERA_NEXT: Final = frozenset({era.lower() for era in ERAS} | {"a", "b", "c"})
_ERA_BEFORE: Final = frozenset({era.lower() for era in ERAS} | {"."})
_NOT_MONEY: Final = frozenset({"measured", "vague", "bare"})


def _kind(q: Quantity) -> str:
    """Sort a quantity for the rules: money and shares are always amounts, then units, …."""
    if q.unit is not None and q.unit.name != "share":  # "1 in 5" is asked as a number is
        return "money" if q.unit.dimension in ("currency", "percentage") else "measured"
    return "vague" if q.vague is not None else "bare"


@dataclass(frozen=True, slots=True)
class NonClaimRule:
    """One reason a number states no amount; ``test`` returns the reason code or None."""

    name: str
    reasons: tuple[str, ...]  # every code ``test`` may give
    kinds: frozenset[str]  # the quantities it looks at (``_kind``)
    test: Callable[[Context, Quantity, int], str | None]
    examples: tuple[Example, ...]
    # The words next to the number (lower case, before it or after it or its numeral) of which
    # one must stand there for the rule to be asked; digits next to it always count. None: the
    # rule is asked of every number of its kinds. Most numbers stand between plain words, and
    # one look-up then spares the rules that wait for a word ("top 10", "week 31", "300 BC").
    cues: frozenset[str] | None = None


def why_not(ctx: Context, q: Quantity, floor: int) -> str | None:
    """Return why ``q`` is not a claim (a reason code), or None when it is one.

    The cued rules (``NonClaimRule.cues``) are asked only when a cue or digits stand next to
    the number: in the number's tokens before it, after it, or after its numeral.
    """
    kind = _kind(q)
    tokens = ctx.tokens
    k, j, m = q.first - 1, q.last + 1, q.number_last + 1
    cued = (
        (k >= 0 and (tokens[k].kind == "n" or tokens[k].lower in _CUES))
        or (j < len(tokens) and (tokens[j].kind == "n" or tokens[j].lower in _CUES))
        or (m != j and tokens[m].lower in _CUES)  # "300 B.C.", "120 W. 45th"
    )
    for test in _TESTS[kind] if cued else _UNCUED[kind]:
        reason = test(ctx, q, floor)
        if reason is not None:
            return reason
    return None


def _masked(ctx: Context, q: Quantity, floor: int) -> str | None:
    tokens = ctx.tokens
    start, end = tokens[q.first].start, tokens[q.number_last].end
    if not ctx.masks.covers(start, end):
        return None  # the common case, answered without building the stretch
    stretch = ctx.masks.stretch(start, end)
    if stretch is None:
        return None
    if q.unit is not None and is_context_length(tokens, q.number_last + 1, q.unit):
        return None  # "2.1 pm" was read as a length (unit_context)
    return stretch[2]


def _condition(ctx: Context, q: Quantity, floor: int) -> str | None:
    return "condition" if not_equal_before(ctx, q.first) else None


def not_equal_before(ctx: Context, first: int) -> bool:
    """Tell whether "≠" or "<>" stands right before token ``first``."""
    tokens = ctx.tokens
    if first > 0 and tokens[first - 1].text == "≠":
        return True
    return (
        first > 1
        and tokens[first - 1].text == ">"
        and tokens[first - 2].text == "<"
        and ctx.attached(first - 1)
    )


def _named_after(ctx: Context, q: Quantity, floor: int) -> str | None:
    if not names_after(ctx, q):
        return None
    j = q.number_last + 1
    return "ordinal" if ctx.tokens[j].lower in ORDINAL_ENDINGS and ctx.attached(j) else "name"


def _glued_before(ctx: Context, q: Quantity, floor: int) -> str | None:
    """Tell "G20", "#1", "1.2.3", "COVID-19", "J1149.5+6663": a name or a designation."""
    tokens = ctx.tokens
    if not (q.first > 0 and ctx.attached(q.first)):
        return None
    before = tokens[q.first - 1]
    if before.kind == "w" or before.text in "#№/.:":
        return "identifier"
    glued_pair = q.first > 1 and ctx.attached(q.first - 1)
    if before.text == "+" and glued_pair and tokens[q.first - 2].kind == "n":
        return "identifier"  # a catalogue designation
    if before.text in "-‐" and glued_pair and tokens[q.first - 2].kind in "wn":
        if tokens[q.first - 2].lower in HYPHEN_BOUNDS:
            return None  # "sub-7 nanometre": a bound, read by the bound rule
        return "identifier"  # "COVID-19", "F-16"
    return None


def _address(ctx: Context, q: Quantity, floor: int) -> str | None:
    """Tell "9 E 71st St", "120 W. 45th Street": a number before a street's name."""
    tokens = ctx.tokens
    j = q.number_last + 1
    if j >= len(tokens) or tokens[j].text not in COMPASS_LETTERS or not ctx.spaced(j):
        return None  # "12 Main St" is read as a name already; here only "9 E 71st St"
    for k in range(j, min(len(tokens), j + ADDRESS_REACH)):
        tok = tokens[k]
        if tok.text in STREET_WORDS and k > j:
            return "name"
        glued_ordinal = tok.lower in ORDINAL_ENDINGS and ctx.attached(k)
        name_like = tok.kind == "w" and tok.text[:1].isupper()
        if not (name_like or glued_ordinal or tok.kind == "n" or tok.text == "."):
            return None
    return None


def _list_marker(ctx: Context, q: Quantity, floor: int) -> str | None:
    """Tell "(4) The last point", "1) cut costs; 2) hire": numbers of a list's items."""
    tokens = ctx.tokens
    j, k = q.last + 1, q.first - 1
    if j >= len(tokens) or tokens[j].text != ")" or not ctx.attached(j) or q.value > 99:
        return None
    if k >= 0 and tokens[k].text == "(" and ctx.attached(q.first):
        k -= 1  # "(4)"
    if (
        k < 0
        or tokens[k].text in LIST_OPENERS
        or "\n" in ctx.text[tokens[k].end : tokens[k + 1].start]
    ):
        return "identifier"
    return None


def _side_by_side(ctx: Context, q: Quantity, floor: int) -> str | None:
    """Tell "245 23 yen": loose digits one blank before digits with a unit that ends the text.

    Neither is one: no grouping of thousands joins them, no word says how they relate. A year
    or a date before ("In 2019 300 km", "May 5 300 people"), two bare numbers (a table's
    columns) and a unit that qualifies a noun ("50 50 dollar bills") are left as they are.
    """
    tokens = ctx.tokens
    j = q.last + 1
    if q.bare and j < len(tokens) and tokens[j].kind == "n" and _loose_pair(ctx, q.first, j):
        second = read_quantity(ctx, j, floor)
        if second is not None and second.unit is not None and _phrase_ends(ctx, second.last + 1):
            return "malformed"
        return None
    k = q.first - 1
    if q.unit is not None and k >= floor and tokens[k].kind == "n" and _loose_pair(ctx, k, q.first):
        return "malformed" if _phrase_ends(ctx, q.last + 1) else None
    return None


def _phrase_ends(ctx: Context, k: int) -> bool:
    """Tell whether no word stands at token ``k``: the end, or a mark."""
    return k >= len(ctx.tokens) or ctx.tokens[k].kind == "s"


def _loose_pair(ctx: Context, k: int, j: int) -> bool:
    """Tell whether digits at token ``k`` stand loose one blank before the digits at ``j``."""
    tokens = ctx.tokens
    first, second = tokens[k], tokens[j]
    if not (first.text.isdecimal() and second.kind == "n" and second.start - first.end == 1):
        return False  # not "⁰" or other digits int() cannot read
    year = len(first.text) == 4 and _year_shaped(first.text, int(first.text))
    if year or ctx.masks.covers(first.start, first.end):
        return False
    before = tokens[k - 1].text if k > 0 else ""
    return before not in MONTHS and before not in WEEKDAYS


def _rank(ctx: Context, q: Quantity, floor: int) -> str | None:
    """Tell "Top 10 schools", "in the top 5": a rank, not a count ("could top 5,000" is one)."""
    k = q.first - 1
    if ctx.word(k) != "top" or not ctx.spaced(q.first):
        return None
    if ctx.tokens[k].text == "Top" or ctx.word(k - 1) in RANK_DETERMINERS:
        return "name"
    return None


def _relative_date(ctx: Context, q: Quantity, floor: int) -> str | None:
    """Tell "two months ago", "3 minutes from now", "in two years' time": points in time."""
    if q.unit is None or q.unit.dimension != "time" or ctx.word(q.first - 1) in DURATION_VERBS:
        return None  # "had taken 20 minutes earlier in the day": the time it took
    j = q.last + 1
    after = (ctx.word(j), ctx.word(j + 1))
    if (after[0],) in RELATIVE_AFTER or after in RELATIVE_AFTER:
        return "date" if ctx.word(j + 1) != "than" else None  # "3 months later than planned"
    if after[0] in ("'", "’") and after[1] == "time" and ctx.word(q.first - 1) == "in":
        return "date"  # "in two years' time"
    return None


def _clock_in_context(ctx: Context, q: Quantity, floor: int) -> str | None:
    """Tell "at 7 tonight", "by 9 this morning": an hour before a time of day."""
    if ctx.word(q.first - 1) not in CLOCK_BEFORE:
        return None
    return "clock_time" if is_hour(q) and time_of_day_after(ctx, q.last) else None


def is_hour(q: Quantity) -> bool:
    """Tell whether a number can be an hour: a whole number from 1 to 24."""
    return q.value.is_integer() and 1 <= q.value <= 24


def time_of_day_after(ctx: Context, last: int) -> bool:
    """Tell whether a time of day follows token ``last``: "tonight", "last night", "sharp"."""
    words = (ctx.word(last + 1), ctx.word(last + 2))
    return words[:1] in TIMES_OF_DAY or words in TIMES_OF_DAY


def _week_number(ctx: Context, q: Quantity, floor: int) -> str | None:
    """Tell "in week 31": a week's number (not "in the week 300 people died")."""
    if ctx.word(q.first - 1) != "week" or not q.value.is_integer() or not 1 <= q.value <= 53:
        return None
    return None if is_plural_noun(ctx.word(q.last + 1)) else "date"


def _named_period(ctx: Context, q: Quantity, floor: int) -> str | None:
    """Tell "the last 2 quarters", "its first 3 sessions": a period named by its count."""
    if ctx.word(q.first - 1) not in PERIOD_OPENERS:
        return None
    if ctx.word(q.first - 2) not in PERIOD_DETERMINERS:
        return None
    return "date" if ctx.word(q.last + 1) in PERIOD_WORDS else None


def _slash_pair(ctx: Context, q: Quantity, floor: int) -> str | None:
    """Tell "9/11", "24/7": names, not fractions."""
    tokens = ctx.tokens
    j = q.number_last + 1
    if j + 1 < len(tokens) and tokens[j].text == "/" and ctx.attached(j):
        if ctx.attached(j + 1) and tokens[j + 1].kind == "n":
            return "name"
    return None


def _one_day(ctx: Context, q: Quantity, floor: int) -> str | None:
    if q.written and q.value == 1 and q.unit is not None and q.unit.name in ("day", "time"):
        return "idiom"
    return None


def _date_part(ctx: Context, q: Quantity, floor: int) -> str | None:
    if q.unit is not None and q.unit.dimension != "time":
        return None
    return "date" if is_date_part(ctx, q, floor) else None


def _leading_zero(ctx: Context, q: Quantity, floor: int) -> str | None:
    first = ctx.tokens[q.first]
    if first.kind == "n" and len(first.text) > 1 and first.text[0] == "0" and first.text[1] != ".":
        return "code"
    return None


def _capitalised_words(ctx: Context, q: Quantity, floor: int) -> str | None:
    """Tell "the Group of Seven", "the Big Four": a written number inside a name."""
    tokens = ctx.tokens
    if q.written and tokens[q.first].text[0].isupper() and q.first > 0:
        if tokens[q.first - 1].text not in _SENTENCE_END:
            return "name"
    return None


def _year(ctx: Context, q: Quantity, floor: int) -> str | None:
    return "year" if is_year(ctx, q, floor) else None


def _era(ctx: Context, q: Quantity, floor: int) -> str | None:
    if ctx.word(q.number_last + 1) not in _ERA_NEXT and ctx.word(q.first - 1) not in _ERA_BEFORE:
        return None  # the common case: no era's letter or full stop beside the number
    if q.written or not q.value.is_integer():
        return None
    return "year" if era_beside(ctx, q.first, q.number_last) else None


def _identifier(ctx: Context, q: Quantity, floor: int) -> str | None:
    return "identifier" if is_identifier(ctx, q) else None


def _year_shaped(digits: str, value: float) -> bool:
    """Tell four digits whose value is 1500 to 2100: a bare year's look ("2019", not "1000").

    The value is the quantity's, which a ratio may have changed: "2000 over 3" is no year.
    """
    return len(digits) == 4 and digits.isdigit() and 1500 <= value <= 2100


def _count_shaped(token: Token) -> bool:
    """Tell digits that cannot be a year: "1000", "2,500", "3.5" (not "2019")."""
    if token.kind != "n":
        return False
    text = token.text
    return not (len(text) == 4 and text.isdigit() and _year_shaped(text, int(text)))


def is_year(ctx: Context, q: Quantity, floor: int, allow_short: bool = False) -> bool:
    """Tell a bare year: "in 2019", and with ``allow_short`` the "20" of "2019-20"."""
    tokens = ctx.tokens
    tok = tokens[q.first]
    if q.written and q.unit is None and q.vague is None and not allow_short:
        return _written_year(ctx, q, floor)
    if q.written or not q.bare or tok.kind != "n" or not tok.text.isdigit():
        return False
    if allow_short and len(tok.text) == 2:
        return True
    if not _year_shaped(tok.text, q.value) and not (len(tok.text) == 4 and _late_year(ctx, q)):
        return False
    j = q.last + 1
    if j < len(tokens) and ctx.spaced(j):
        follower = tokens[j].lower
        prev = tokens[q.first - 1].lower if q.first > 0 else ""
        if is_plural_noun(follower) and follower != "levels" and prev not in YEAR_PREPOSITIONS:
            return False  # "2000 people"; but "below 1990 levels" compares years
    return not counted(ctx, q, floor)


def _late_year(ctx: Context, q: Quantity) -> bool:
    """Tell "by 2120", "until 2150": four digits past 2100 after a preposition of time.

    Not after a past verb of change, where "by" states the amount: "fell by 2150".
    """
    tok = ctx.tokens[q.first]
    if len(tok.text) != 4 or not 2100 < q.value <= LATE_YEAR_LIMIT:
        return False
    before = ctx.word(q.first - 1)
    if before not in LATE_YEAR_PREPOSITIONS:
        return False
    return before != "by" or ctx.word(q.first - 2) not in CHANGE_PAST


def _written_year(ctx: Context, q: Quantity, floor: int) -> bool:
    """Tell a year said in words: "in two thousand and five", "since two thousand and ten"."""
    if not (q.value.is_integer() and 1500 <= q.value <= 2100):
        return False
    if ctx.word(q.first - 1) not in WRITTEN_YEAR_BEFORE or is_plural_noun(ctx.word(q.last + 1)):
        return False
    return not counted(ctx, q, floor)


def era_beside(ctx: Context, first: int, last: int) -> bool:
    """Tell whether an era stands before token ``first`` or after ``last``: "A.D. 1000", "30 BC"."""
    return _era_letters(ctx, last + 1, 1) in ERAS or _era_letters(ctx, first - 1, -1) in ERAS


def _era_letters(ctx: Context, k: int, step: int) -> str:
    """Read the capitals of an era from token ``k`` on, one way: "BC", "B.C.", "A.D." read "AD"."""
    tokens = ctx.tokens
    if 0 <= k < len(tokens) and tokens[k].text in ERAS:
        return tokens[k].text
    letters: list[str] = []
    while 0 <= k < len(tokens) and len(letters) < 3:
        tok = tokens[k]
        if tok.text == ".":
            k += step
            continue
        if not (tok.kind == "w" and len(tok.text) == 1 and tok.text.isupper()):
            break
        letters.append(tok.text)
        k += step
    return "".join(letters if step > 0 else reversed(letters))


def counted(ctx: Context, q: Quantity, floor: int) -> bool:
    """Tell "more than 1500", "at least 2000 were killed", "2000 or more": counts, not years.

    Bounds are read as the claim reads them (``bounds``), from the first token no earlier
    claim took. A bound that also bounds a year keeps it one ("until at least 2025", "in 2000
    or so"); any bound joined to a bound of another number counts ("above 1000 and below 1500").
    """
    tokens = ctx.tokens
    bound = bound_before(ctx, q.first, floor)
    if bound is not None:
        k = q.first - bound[0]
        if k > 1 and tokens[k - 1].lower in ("and", "but") and _count_shaped(tokens[k - 2]):
            return True  # "above 1000 and below 1500"; not "higher than 2019 but lower …"
        if k > 0 and tokens[k - 1].lower in YEAR_BEFORE_BOUND:
            return False
        return tuple(tok.lower for tok in tokens[k : q.first]) in COUNTING_BOUNDS
    after = bound_after(ctx, q.last)
    if after is None or after[1][0] == "equal":
        return False
    return q.first == 0 or tokens[q.first - 1].lower not in YEAR_PREPOSITIONS


def is_identifier(ctx: Context, q: Quantity) -> bool:
    """Tell "Boeing 737", "Article 5", "room 101" from counts."""
    tokens = ctx.tokens
    k = q.first - 1
    if k < 0 or q.written:
        return False
    if tokens[k].text == "." and k > 0 and tokens[k - 1].lower in NUMBERED_ABBREVIATIONS:
        return True  # "No. 5", "Vol. 3"
    if _listed_after_name(ctx, q):
        return True
    if not ctx.spaced(q.first):
        return False
    word = tokens[k]
    if word.kind != "w":
        return False
    if word.lower in IDENTIFIER_NOUNS or word.lower in INDEX_NAMES:
        return True  # "Article 5", "Stoxx 50", "the ftse 100"
    if word.lower == "p" and k > 1 and tokens[k - 1].text == "&" and tokens[k - 2].lower == "s":
        return True  # "the s&p 500"
    if word.lower in DIAL_WORDS or word.text[1:] != word.text[1:].lower():
        return True  # "call 911", "iOS 17.2", "MacBook 12"
    if word.text[0].isupper() and word.lower not in STOPWORDS and word.text not in MONTHS:
        # A capitalised word that does not open the sentence names something: "Boeing 737".
        return not (k == 0 or tokens[k - 1].text in _SENTENCE_END)
    return False


def _listed_after_name(ctx: Context, q: Quantity) -> bool:
    """Tell "junctions 10 and 11", "Articles 3, 4 and 5" (names) from "In Zone 3, 40 homes".

    The number must stand in a list (after "and"/"or", or before a join) and count nothing
    itself: "Flight 370 and 239 passengers" lists a name and a count.
    """
    tokens = ctx.tokens
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


def is_date_part(ctx: Context, q: Quantity, floor: int) -> bool:
    """Tell the day or year of a date the masks did not catch: "May 5", "Friday 13"."""
    tokens = ctx.tokens
    k = q.first - 1
    if k >= 0 and (tokens[k].text in MONTHS or tokens[k].text in WEEKDAYS):
        return q.value <= 31 or is_year(ctx, q, floor)
    j = q.last + 1
    return j < len(tokens) and tokens[j].text in MONTHS and q.value <= 31


def is_score(ctx: Context, a: Quantity, b: Quantity) -> bool:
    """Tell "won 3-1", "a 2-0 victory", "passed 218-214" from "300-400": results, not ranges."""
    if not (a.value.is_integer() and b.value.is_integer()):
        return False
    if a.value > b.value and not (a.written or b.written):
        return True  # "passed 218-214", "a 120-110 win": ranges are written low to high
    if not (a.value < 100 and b.value < 100):
        return False
    if a.written or b.written:
        return a.value > b.value
    tokens = ctx.tokens
    lo, hi = max(0, a.first - 4), min(len(tokens), b.last + 4)
    return any(tokens[k].lower in SCORE_WORDS for k in range(lo, hi))


# The rules in the order they are asked; the first reason wins. Money and shares ("$5",
# "5%") are always amounts once the masks and conditions have been asked; a number with a
# unit is asked only whether it is part of a date ("5 days" after "May" is not a duration).
NON_CLAIM_RULES: Final[tuple[NonClaimRule, ...]] = (
    NonClaimRule(
        "masked: a date, a clock time, a phone number, an address",
        ("date", "clock_time", "phone", "decade", "url", "email"),
        _ALL,
        _masked,
        (
            Example("The parade starts on 14 October 2017.", (), (("14 October 2017", "date"),)),
            Example("Doors open at 9:30 p.m. sharp.", (), (("9:30 p.m.", "clock_time"),)),
            Example("Call 212-555-0188 for tickets.", (), (("212-555-0188", "phone"),)),
            Example("Music of the 1980s came back.", (), (("1980s", "decade"),)),
            Example("The kettle boiled at 2.1 pm scale.", ("2.1 pm",)),
        ),
    ),
    NonClaimRule(
        "a number beside an era: a year",
        ("year",),
        frozenset({"bare", "measured"}),
        _era,
        (
            Example("It was founded in A.D. 1000.", (), (("1000", "year"),)),
            Example("The temple dates from 300 BC.", (), (("300", "year"),)),
        ),
        _ERA_NEXT | _ERA_BEFORE,
    ),
    NonClaimRule(
        "a condition: not equal to",
        ("condition",),
        _ALL,
        _condition,
        (Example("Keep rows where score <>30 only.", (), (("30", "condition"),)),),
        frozenset({"≠", ">"}),  # the mark right before the number
    ),
    NonClaimRule(
        "letters glued after: an ordinal or a name",
        ("ordinal", "name"),
        _NOT_MONEY,
        _named_after,
        (
            Example("She finished 14th in the race.", (), (("14th", "ordinal"),)),
            Example("The 5G rollout slowed.", (), (("5", "name"),)),
            Example("He flew the 737 Max home.", (), (("737", "name"),)),
        ),
    ),
    NonClaimRule(
        "a number before a street's name: an address",
        ("name",),
        frozenset({"bare", "measured"}),
        _address,
        (
            Example("She lives at 9 E 71st St.", (), (("9", "name"),)),
            Example("About 9 E. coli cases were found.", ("About 9",)),
        ),
        frozenset(letter.lower() for letter in COMPASS_LETTERS),
    ),
    NonClaimRule(
        "a small number closed by a bracket opening a sentence: a list's item",
        ("identifier",),
        frozenset({"bare"}),
        _list_marker,
        (
            Example("(4) The last point is cost.", (), (("4", "identifier"),)),
            Example("The crowd (400) cheered.", ("400",)),
        ),
        frozenset({")"}),
    ),
    NonClaimRule(
        "glued to a word or a mark before: a designation",
        ("identifier",),
        _NOT_MONEY,
        _glued_before,
        (
            Example("The G20 leaders met again.", (), (("20", "identifier"),)),
            Example("COVID-19 cases rose.", (), (("19", "identifier"),)),
            Example("Ranked #1 for a year.", (), (("1", "identifier"),)),
            Example("Chips of sub-7 nm are rare.", ("sub-7 nm",)),
        ),
    ),
    NonClaimRule(
        "loose digits side by side, the second with a unit: no amount",
        ("malformed",),
        _ALL,
        _side_by_side,
        (
            Example("It read 245 23 yen.", (), (("245", "malformed"), ("23 yen", "malformed"))),
            Example("In 2019 300 km were built.", ("300 km",)),
        ),
        frozenset(),
    ),
    NonClaimRule(
        '"top" before a number: a rank',
        ("name",),
        frozenset({"bare"}),
        _rank,
        (
            Example("Top 10 schools were named.", (), (("10", "name"),)),
            Example("Sales could top 5,000.", ("5,000",)),
        ),
        frozenset({"top"}),
    ),
    NonClaimRule(
        "a span of time before 'ago', 'from now', 'later': a point in time",
        ("date",),
        frozenset({"measured"}),
        _relative_date,
        (
            Example("The plant closed two months ago.", (), (("two months", "date"),)),
            Example("It came 3 months later than planned.", ("3 months",)),
        ),
        frozenset({"ago", "earlier", "later", "hence", "from", "'", "’"}),
    ),
    NonClaimRule(
        "an hour before a time of day: a clock time",
        ("clock_time",),
        frozenset({"bare"}),
        _clock_in_context,
        (
            Example("We meet at 7 tonight.", (), (("7", "clock_time"),)),
            Example("Rates stayed at 7 last year.", ("7",)),
        ),
        CLOCK_BEFORE,
    ),
    NonClaimRule(
        "a week's number",
        ("date",),
        frozenset({"bare"}),
        _week_number,
        (Example("Sales peaked in week 31.", (), (("31", "date"),)),),
        frozenset({"week"}),
    ),
    NonClaimRule(
        "a period named by its length",
        ("date",),
        frozenset({"bare"}),
        _named_period,
        (
            Example("Profits fell over the last 2 quarters.", (), (("2", "date"),)),
            Example("Sales fell in the past three years.", ("three years",)),
        ),
        PERIOD_OPENERS,
    ),
    NonClaimRule(
        "two numbers around a glued slash: a name",
        ("name",),
        _NOT_MONEY,
        _slash_pair,
        (Example("The shop is open 24/7 now.", (), (("24", "name"),)),),
        frozenset({"/"}),  # the slash right after the numeral
    ),
    NonClaimRule(
        '"one day": an idiom',
        ("idiom",),
        _NOT_MONEY,
        _one_day,
        (Example("One day the river will rise.", (), (("One day", "idiom"),)),),
    ),
    NonClaimRule(
        "digits with a leading zero: a code",
        ("code",),
        frozenset({"bare"}),
        _leading_zero,
        (Example("Agent 007 was late.", (), (("007", "code"),)),),
    ),
    NonClaimRule(
        "a capitalised written number inside a sentence: a name",
        ("name",),
        frozenset({"bare"}),
        _capitalised_words,
        (Example("Leaders of the Group of Seven met.", (), (("Seven", "name"),)),),
    ),
    NonClaimRule(
        "a bare four-digit year",
        ("year",),
        frozenset({"bare"}),
        _year,
        (
            Example("The dam was finished in 1998.", (), (("1998", "year"),)),
            Example("At least 2000 homes flooded.", ("At least 2000",)),
            Example("Seas rise 1 m by 2120.", ("1 m",), (("2120", "year"),)),
            Example("The fund fell by 2150 last week.", ("2150",)),
            Example(
                "It happened in two thousand and five.", (), (("two thousand and five", "year"),)
            ),
        ),
    ),
    NonClaimRule(
        "a number after a naming noun or a capitalised name",
        ("identifier",),
        frozenset({"bare"}),
        _identifier,
        (
            Example("Read Article 5 of the treaty.", (), (("5", "identifier"),)),
            Example("Stoxx 50 futures fell 1%.", ("1%",), (("50", "identifier"),)),
            Example("The s&p 500 rose.", (), (("500", "identifier"),)),
            Example("Close junctions 10 and 11 tonight.", (), (("10", "identifier"),)),
            Example("In Zone 3, 40 homes lost power.", ("40",)),
        ),
    ),
    NonClaimRule(
        "the day or year of a date the masks left",
        ("date",),
        frozenset({"bare", "measured"}),
        _date_part,
        (Example("Friday 13 passed quietly.", (), (("13", "date"),)),),
    ),
)

# The tests each kind of quantity is asked, in order: ``why_not`` runs for nearly every number.
_TESTS: Final = {
    kind: tuple(rule.test for rule in NON_CLAIM_RULES if kind in rule.kinds) for kind in _ALL
}
# The same without the cued rules, for a number no cue stands next to (most numbers).
_UNCUED: Final = {
    kind: tuple(rule.test for rule in NON_CLAIM_RULES if kind in rule.kinds and rule.cues is None)
    for kind in _ALL
}
# Every cue of a cued rule.
_CUES: Final = frozenset(
    cue for rule in NON_CLAIM_RULES if rule.cues is not None for cue in rule.cues
)
