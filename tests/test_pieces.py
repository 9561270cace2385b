"""Reading a text a piece at a time (``Context.pieces``) must never change a claim.

``extract`` tokenises a few stretches of figure sentences at a time and lets their tokens go
once their claims are framed, so that a megabyte's tokens (some 46 MB) never live at once. The
test of that is equivalence: the claims over the pieces, at any piece size down to one stretch
a piece, are exactly the claims over the one context of the whole text (``Context.of``), on
the project's texts joined into long ones, generated corpora, texts whose lower case changes
their length, and Hypothesis' mixes of sentences with and without figures.
"""

import pytest
from golden_texts import texts
from hypothesis import given, settings
from test_candidates import TEXTS

from benchmarks.corpus import generate
from service.core import extract
from service.core.context import PIECE, Context
from service.core.pipeline import claims, text_claims

# Piece sizes, in characters of stretches: 1 makes every stretch a piece of its own.
SIZES = (1, 700, 5_000, PIECE)


def _whole(text):
    """The claims over one context of the whole text, as ``extract`` read them before pieces."""
    return list(claims(Context.of(text)))


def _pieced(text, size):
    found = []
    for ctx in Context.pieces(text, None, size):
        found.extend(claims(ctx))
    return found


def _golden_joined(gap):
    return gap.join(text for _, text in texts())


# (name, text): long texts of many stretches, and the edges of the stretches.
LONG_TEXTS = [
    ("golden texts, blank lines between", _golden_joined("\n\n")),
    ("golden texts, one space between", _golden_joined(" ")),
    ("generated corpus, seed 3", generate(150_000, seed=3)),
    ("generated corpus, seed 11", generate(150_000, seed=11)),
    (
        "figures at both ends, a long quiet middle",
        "12 people came. " + "Nobody else did, and the hall stayed quiet. " * 40 + "Then 40 left.",
    ),
    (
        "lower case changes the length: one stretch, the whole text",
        "İstanbul had 15 million people. " + "The city slept. " * 30 + "It rose to 16 million.",
    ),
    (
        "a capital sigma: one stretch, the whole text",
        "ΣΑΣ had 3 seats. " + "Nothing else happened that day at all. " * 20 + "Then 4 more.",
    ),
    ("no figure at all", "The minister denied the report. Nobody was hurt."),
    ("empty", ""),
]


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(("name", "text"), LONG_TEXTS, ids=[name for name, _ in LONG_TEXTS])
def test_same_claims_at_every_piece_size(name, text, size):
    assert _pieced(text, size) == _whole(text)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(("name", "text"), LONG_TEXTS, ids=[name for name, _ in LONG_TEXTS])
def test_the_pieces_hold_the_whole_texts_tokens_in_order(name, text, size):
    pieces = list(Context.pieces(text, None, size))
    assert [tok for ctx in pieces for tok in ctx.tokens] == Context.of(text).tokens
    assert all(ctx.text is text for ctx in pieces)


# (name, text, size, pieces): how a text is cut, so that the tests above are not all one piece.
CUTS = [
    ("every stretch its own piece", LONG_TEXTS[4][1], 1, 2),
    ("stretches held together up to the size", LONG_TEXTS[4][1], 10_000, 1),
    ("a whole corpus at the default size", LONG_TEXTS[2][1], PIECE, 2),
    ("one stretch when offsets would differ", LONG_TEXTS[5][1], 1, 1),
    ("one stretch with a capital sigma", LONG_TEXTS[6][1], 1, 1),
    ("no piece for a text without figures", LONG_TEXTS[7][1], 1, 0),
    ("no piece for an empty text", "", 1, 0),
]


@pytest.mark.parametrize(("name", "text", "size", "count"), CUTS, ids=[c[0] for c in CUTS])
def test_how_a_text_is_cut(name, text, size, count):
    assert len(list(Context.pieces(text, None, size))) == count


def test_extract_reads_by_pieces_and_gives_the_whole_texts_claims():
    text = generate(3 * PIECE, seed=5)
    assert len(list(Context.pieces(text))) > 1
    assert list(text_claims(text)) == _whole(text)
    assert list(extract(text)) == _whole(text)
    assert extract(text, limit=7) == tuple(_whole(text)[:7])


@settings(max_examples=200, deadline=None)
@given(text=TEXTS)
def test_same_claims_on_mixed_sentences_a_stretch_a_piece(text):
    assert _pieced(text, 1) == _whole(text)
