"""``pipeline._read`` skips a token on one look-up in ``_OPENERS``: it must hold every opener.

The set is a superset of the exact test (``_opens``): a symbol, number word or currency code
that opens a quantity must have its lower case in it, or the scan would pass it by. Traps: the
code words' other cases ("US" opens, its lower case "us" is in the set but does not open).
"""

import pytest

from service.core import pipeline
from service.core.numbers import WORD_STARTERS, tokenize


def _old_skip(tok) -> bool:
    """The scan's test before the merged set: a kind test and two look-ups per word."""
    return tok.kind != "n" and (
        tok.text not in pipeline._STARTERS
        if tok.kind == "s"
        else tok.lower not in WORD_STARTERS and tok.text not in pipeline._CODE_WORDS
    )


def _new_skip(tok) -> bool:
    return tok.kind != "n" and (
        tok.lower not in pipeline._OPENERS or not pipeline._opens(tok.kind, tok.text, tok.lower)
    )


@pytest.mark.parametrize(
    "text",
    [
        " ".join(sorted(pipeline._CODE_WORDS)),  # every currency code as written
        " ".join(sorted(w.swapcase() for w in pipeline._CODE_WORDS)),  # and in other cases
        " ".join(sorted(pipeline._STARTERS)),  # every sign and currency symbol
        " ".join(sorted(WORD_STARTERS)),  # every number word
        " ".join(sorted(w.upper() for w in WORD_STARTERS)),  # shouted
        " ".join(sorted(w.capitalize() for w in WORD_STARTERS)),  # opening a sentence
        "Tell us about the US economy: USD 5, us$ 3, Us 4, usd 7 and Rs 10.",
        "İstanbul's ΣΑΣ paid €40 — half of it − 3 ¾ to DKK and dkk.",
    ],
)
def test_one_look_up_skips_what_the_exact_test_skips(text):
    tokens = tokenize(text)
    assert tokens
    assert [_new_skip(t) for t in tokens] == [_old_skip(t) for t in tokens]


def test_every_opener_is_in_the_set():
    assert WORD_STARTERS <= pipeline._OPENERS
    assert pipeline._STARTERS <= pipeline._OPENERS
    assert {w.lower() for w in pipeline._CODE_WORDS} <= pipeline._OPENERS
