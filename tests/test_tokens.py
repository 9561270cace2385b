"""The tokeniser (``numbers.tokenize``) against a plain reference: one match object per token.

``tokenize`` reads tokens with ``findall`` and works their offsets out from the lengths of the
white space and the tokens (see its docstring). The reference below is the plain way, a
``finditer`` over the same alternatives, each token's offsets and class from its match object.
The two must agree on every row, on the seeded corpus and on random mixes of the characters
that make tokens hard (digit groups split by spaces, thin spaces, apostrophes, capitals whose
lower case changes length), with letters read by category and from the table (``letters``).
"""

from __future__ import annotations

import random
import re

import pytest

from benchmarks.corpus import generate
from service.core.numbers import tokenize

# The token alternatives as named groups, matched one at a time: what ``tokenize`` must equal.
_REFERENCE = re.compile(
    r"""
    (?P<w>[^\W\d_]+(?:['’][^\W\d_]+)*)
    |(?P<n>\d{1,3}(?:(?:\x20\d{3}){2,8}|\x20000)(?![\d]|[.,]\d)
    |\d+(?:[.,]\d+|[\u202f\u00a0\u2009]\d{3}(?!\d))*)
    |(?P<s>\S)
    """,
    re.VERBOSE,
)


def _reference(text: str, spans: list[tuple[int, int]] | None = None) -> list[tuple]:
    lowered = text.lower()
    same = len(lowered) == len(text) and "Σ" not in text
    return [
        (m.group(), m.start(), m.end(), m.lastgroup, lowered[m.start() : m.end()] if same
         else m.group().lower())
        for start, end in (spans or [(0, len(text))])
        for m in _REFERENCE.finditer(text, start, end)
    ]  # fmt: skip


def _tokens(
    text: str, spans: list[tuple[int, int]] | None = None, tables: bool = False
) -> list[tuple]:
    found = tokenize(text, spans, tables=tables)
    return [(t.text, t.start, t.end, t.kind, t.lower) for t in found]


def _modes(text: str) -> tuple[bool, ...]:
    """Both ways of reading letters (``letters``), or the category class alone for a text
    with an astral character, which ``letters.plain`` never gives the tables."""
    return (False,) if any(ord(c) > 0xFFFF for c in text) else (False, True)


ROWS = [
    # (text, what it holds)
    ("Prices rose 4.1% to $2,300.50 on Monday.", "words, a decimal, a currency, thousands"),
    ("  leading and trailing white space  ", "white space at both ends"),
    ("", "empty"),
    ("   \n\t ", "white space only"),
    ("1 234 567 people and 40 000 votes", "digit groups split by plain spaces"),
    ("on May 5 300 people marched", "a day then a count: two numbers"),
    ("40\u202f000 and 12\u00a0500 and 7\u2009250", "thin and no-break spaces in numbers"),
    ("the baker's dozen, o'clock and rock’n’roll", "inner apostrophes, straight and curly"),
    ("'quoted' words and 'tis", "apostrophes at word edges are symbols"),
    ("İSTANBUL grew 3%", "a capital whose lower case is longer"),
    ("ΣΟΦΙΑ and ΟΔΟΣ at 12", "a capital sigma, lowered by what follows it"),
    ("Ⓐ Ⓑ and Ⅻ", "symbols with a lower case, a Roman numeral letter"),
    ("snake_case and x2 and 3rd and 10km", "underscores, words and digits touching"),
    ("٣٤ and ४२ are digits too", "digits of other scripts"),
    ("a\u2028b\u3000c\xa0d", "rare white space between words"),
    ("emoji 🎉 and 5 🎉🎉", "characters outside the basic plane"),
]


@pytest.mark.parametrize(("text", "holds"), ROWS, ids=[holds for _, holds in ROWS])
def test_rows(text: str, holds: str) -> None:
    for tables in _modes(text):
        assert _tokens(text, tables=tables) == _reference(text), tables


@pytest.mark.parametrize(("text", "holds"), ROWS[:8], ids=[holds for _, holds in ROWS[:8]])
def test_rows_in_spans(text: str, holds: str) -> None:
    """Spans cut at white space, as the extractor's are: each split as the whole text is."""
    cuts = [i for i, c in enumerate(text) if c.isspace()]
    spans = [(a, b) for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True) if a < b]
    for tables in _modes(text):
        assert _tokens(text, spans, tables) == _reference(text, spans), tables


def test_tokens_share_their_lower_case() -> None:
    """A token that is its own lower case keeps one string for both (the memory it saves)."""
    the, big = tokenize("the THE")
    assert the.lower is the.text
    assert big.lower == "the"
    assert big.lower is not big.text


def test_corpus() -> None:
    text = generate(200_000, 3)
    assert _tokens(text) == _reference(text)
    assert _tokens(text, tables=True) == _reference(text)


def test_random_mixes() -> None:
    pieces = ["1", "23", "000", " ", "  ", ",", ".", "'", "’", "a", "B", "İ", "Σ", "ς", "\u202f",
              "\u00a0", "\u2009", "\n", "-", "%", "€", "x", "٣", "_", "🎉"]  # fmt: skip
    rng = random.Random(18)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        for tables in _modes(text):
            assert _tokens(text, tables=tables) == _reference(text), (text, tables)
