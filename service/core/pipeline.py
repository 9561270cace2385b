"""The pipeline: spot → read → the claim rules (widen, filter, bound) → build → join.

One left-to-right pass over the tokens of one text (``Context``). Most tokens cannot open a
quantity and are passed over at the cost of a set look-up (spot); at the others the reading
stage reads a quantity (``quantities.read_quantity``), the claim rules (``rules.CLAIM_RULES``)
turn it into a finished reading or a rejection, the build stage makes the claim and the join
stage joins "above 1000 and below 1500". Every look-around is bounded by a few tokens, so the
run time is linear in the input.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from itertools import product
from typing import Final

from .build import build
from .context import Context
from .english.currencies import (
    CODE_PREFIXES,
    DOLLAR_PREFIXES,
    SPACED_DOLLAR_PREFIXES,
    SYMBOL_CURRENCIES,
)
from .framing import framed
from .join import join_bounds
from .model import Claim
from .numbers import VULGAR_FRACTIONS, WORD_STARTERS
from .quantities import Quantity, read_quantity
from .readings import Placed, Rejected
from .rules import CLAIM_RULES, start
from .time_limit import check

# What reading one figure may raise on input no rule foresaw; see ``_read``. A last resort: the
# number fuzz (tests/fuzz_numbers.py, scripts/stress) empties it, so that every error it would
# hide is found and fixed where it starts.
# Declared as any tuple of exception types, so that a build compiled with mypyc (which checks a
# module variable's declared type where it reads it) lets the fuzz empty it too.
_READING_ERRORS: tuple[type[Exception], ...] = (ArithmeticError, ValueError, TypeError, IndexError)
# Symbols that can open a quantity: currencies, signs, vulgar fractions.
_STARTERS: Final = frozenset(SYMBOL_CURRENCIES) | {"-", "−", "–"} | set(VULGAR_FRACTIONS)


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
_CODE_WORDS: Final = frozenset(
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
# Every token's lower case that may open a quantity, in one set: the scan asks it once per
# token, and checks the exact test (``_opens``) only for the few it holds. A superset: a code
# word's lower case is in it ("us" for "US"), as are the symbols and the number words.
_OPENERS: Final = frozenset(
    _STARTERS
    | {symbol.lower() for symbol in _STARTERS}
    | WORD_STARTERS
    | {word.lower() for word in _CODE_WORDS}
)


def _opens(kind: str, text: str, lower: str) -> bool:
    """Tell whether a token that is not a number opens a quantity (the exact test)."""
    if kind == "s":
        return text in _STARTERS
    return lower in WORD_STARTERS or text in _CODE_WORDS


# The claim rules' functions and the words they wait for, in order: ``claim_of`` runs for
# every number, and skips a rule whose word is not next without calling it.
_APPLY = tuple((rule.apply, rule.next_words) for rule in CLAIM_RULES)


def claims(ctx: Context, rejected: list[Rejected] | None = None) -> Iterator[Claim]:
    """Yield the claims of the text in order, framed; collect what was left out in ``rejected``."""
    return framed(ctx, _joined(ctx, rejected))


def text_claims(text: str, reference: date | None = None) -> Iterator[Claim]:
    """Yield the claims of ``text`` in order, as ``claims`` reads them, a piece at a time.

    Each piece's tokens go once its claims are framed (``Context.pieces``): a megabyte's
    extraction holds a few megabytes of tokens, not some 46 MB.
    """
    for ctx in Context.pieces(text, reference):
        yield from claims(ctx)


def _joined(ctx: Context, rejected: list[Rejected] | None) -> Iterator[Placed]:
    """Yield the claims in order, joining "more than 10 and less than 40" into one range."""
    pending: Placed | None = None
    for found in _read(ctx):
        if isinstance(found, Rejected):
            if rejected is not None:
                rejected.append(found)
            continue
        if pending is not None:
            joined = join_bounds(ctx, pending, found)
            if joined is not None:
                yield joined
                pending = None
                continue
            yield pending
        pending = found
    if pending is not None:
        yield pending


def _read(ctx: Context) -> Iterator[Placed | Rejected]:
    """Spot the tokens that can open a quantity, read each, and yield its claim or rejection."""
    tokens = ctx.tokens
    n = len(tokens)
    i = floor = 0
    ends = ctx.deadline
    while i < n:
        tok = tokens[i]
        if tok.kind != "n" and (
            tok.lower not in _OPENERS or not _opens(tok.kind, tok.text, tok.lower)
        ):
            i += 1  # most tokens cannot open a quantity: skip them on one look-up
            continue
        if ends is not None:
            check(ends)  # a caller's time limit (time_limit.py): looked at once a figure
        try:
            q = read_quantity(ctx, i, floor)
            found = None if q is None else claim_of(ctx, q, floor)
        except _READING_ERRORS:
            # The guarantee that the core never raises holds here, at the stage that reads
            # one figure: an input no reader foresaw leaves that token out, as malformed, and
            # the reading goes on. (Finite numbers are build's guarantee: see build.py.)
            found = Rejected("malformed", i, i, i)
        if found is None:
            i += 1
        elif isinstance(found, Rejected):
            yield found
            i = found.resume + 1
        else:
            yield found
            floor = i = found.last + 1


def claim_of(ctx: Context, q: Quantity, floor: int) -> Placed | Rejected:
    """Apply the claim rules in order to ``q``: its claim with its tokens, or a rejection."""
    tokens = ctx.tokens
    reading = start(ctx, q, floor)
    j = reading.j
    after = tokens[j].lower if j < len(tokens) else ""
    for apply, next_words in _APPLY:
        if next_words is not None and after not in next_words:
            continue
        outcome = apply(ctx, reading)
        if type(outcome) is Rejected:
            return outcome
        reading = outcome  # type: ignore[assignment]
        if reading.j != j:  # "8- to 16-metre", "one in five": the next token moved
            j = reading.j
            after = tokens[j].lower if j < len(tokens) else ""
    placed = build(ctx, reading)
    if placed is None:  # a figure past a float's range: "1e308 ± 1e308 kg"
        return Rejected("malformed", reading.first, reading.last, reading.last)
    return placed
