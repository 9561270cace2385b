"""The extractor tokenises only sentences that can hold a figure: that must never change a claim.

``service.core.candidates`` skips sentences with no numeral and no number word. The test of
that shortcut is equivalence: every text gives the same claims with the shortcut as with the
whole text tokenised, on the project's own case tables, the peers' suites, the seed, a
generated news corpus and Hypothesis' mixes of sentences with and without figures.
"""

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tables import load_table
from test_properties import FRAGMENTS

from benchmarks.corpus import generate
from service.core import extract
from service.core.candidates import CONTEXT_WORDS, _back, _on, figure_spans
from service.core.context import Context
from service.core.numbers import tokenize
from service.core.pipeline import claims
from service.core.sentences import bounds

DATA = Path(__file__).parent / "data"
CASES = load_table(DATA / "candidates.json", {"id", "text", "can_hold"}, set())


_SEEN: list[Context] = []  # the contexts the unfiltered runs read, so a test can see the seam hold


def _whole_text(text):
    """``Context.of`` with every sentence tokenised: the same context but for its tokens."""
    ctx = Context.of(text)
    tokens = tokenize(text, [(0, len(text))], text.lower())
    whole = Context(text, tokens, ctx.masks, ctx.sentences, ctx.lex, ctx.reference, ctx.deadline)
    _SEEN[:] = [whole]
    return whole


def _unfiltered(text):
    """The claims of ``text`` read from every token, in ``extract``'s shape."""
    return tuple(claims(_whole_text(text)))


def test_the_unfiltered_run_tokenises_the_sentences_the_filter_skips():
    # More than CONTEXT_WORDS words before the sentence with a figure: its first word is skipped.
    text = (
        "Nobody came to the hall that night, and the town stayed quiet and dark for hours. "
        "Then 12 people arrived."
    )
    filtered = {tok.text for tok in Context.of(text).tokens}
    assert _unfiltered(text) == extract(text)
    assert "Nobody" not in filtered
    assert "Nobody" in {tok.text for tok in _SEEN[0].tokens}


def _texts_in(value):
    """Yield every string under the keys that hold input text in the project's and peers' tables."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key in {"text", "Input", "req"} and isinstance(item, str):
                yield item
            else:
                yield from _texts_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from _texts_in(item)


def _table_texts():
    for path in sorted(DATA.rglob("*.json")):
        yield from _texts_in(json.loads(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize("case", [pytest.param(c, id=c["id"]) for c in CASES])
def test_which_sentences_can_hold_a_figure(case):
    text = case["text"]
    spans = figure_spans(text, text.lower(), bounds(text))
    assert bool(spans) is case["can_hold"]


def test_kept_sentences_carry_context_and_merge():
    text = (
        "It was another of those long and very quiet days for all.   Some 300 people came. "
        "Nobody else did so, and nothing at all was heard of them after it ended."
    )
    spans = figure_spans(text, text.lower(), bounds(text))
    assert len(spans) == 1
    start, end = spans[0]
    # Ten words of each neighbour (a run of spaces is one gap) around the sentence with a figure.
    assert text[start:end] == (
        "another of those long and very quiet days for all.   Some 300 people came. "
        "Nobody else did so, and nothing at all was heard"
    )
    assert CONTEXT_WORDS == 10


def test_same_claims_on_every_table_text_and_the_seed(seed_text):
    texts = [*_table_texts(), seed_text]
    assert len(texts) > 1000
    differ = [t for t in texts if extract(t) != _unfiltered(t)]
    assert differ == []


def test_same_claims_on_a_generated_corpus():
    text = generate(200_000, seed=7)
    assert extract(text) == _unfiltered(text)


SENTENCES = (
    "The minister denied the report.",
    "Some 300 militants remained.",
    "No one was hurt.",
    "He lives at No.",
    "10 Downing Street is closed.",
    "It rose to",
    "about a dozen homes.",
    "Mr. Smith left the U.S. on Friday.",
    "Prices fell by a third!",
    "The team won",
    "3-1 on Sunday.",
    "Boeing",
    "737 jets were grounded.",
    "It weighed",
    "Ⅻ tonnes, ² or ³.",
    "estimated that",
    "hundreds of protesters gathered?",
    "The dollar weakened.",
    "at 9 p.m.",
    "İstanbul had 15 million people.",
    "The thermometer readings rose sharply overnight.",
    "It hit 40 degrees.",
    "The download was slow.",
    "It was 300 mb.",
    "A heatwave grips Spain.",
    "Roads melted.",
    "Seville hit 44 degrees.",
)
SENTENCE_MIXES = st.lists(
    st.tuples(
        st.sampled_from(SENTENCES), st.sampled_from((" ", "  ", "      ", "\n", "\n\n", " \n ", ""))
    ),
    max_size=12,
).map(lambda parts: "".join(s + gap for s, gap in parts))
# Number fragments among look-around words and sentence ends, spaced or glued.
WORDS = (
    "estimated", "said", "the", "No.", "won", "on", "Friday", "at", "p.m.", "Mr.", "U.S.",
    "people", ". ", "! ", "? ", "\n\n", "Article", "Gate", "per", "a day", "that", "between",
    "and", "from", "than", "more",
)  # fmt: skip
PIECES = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.sampled_from(WORDS)), max_size=60)
TEXTS = st.one_of(SENTENCE_MIXES, PIECES.map(" ".join), PIECES.map("".join))


@settings(max_examples=300, deadline=None)
@given(text=TEXTS)
def test_same_claims_on_mixed_sentences(text):
    assert extract(text) == _unfiltered(text)


# The context a kept sentence carries: ten words each way, white-space runs counting as one
# gap, words of any length (past ``_back``'s first window too), the text's ends stopping it.
_TEN = "one two three four five six seven eight nine ten"
CONTEXT_WALKS = [
    # (text, point, words back from the point, words on from the point)
    (
        f"{_TEN} eleven X {_TEN} tail",
        len(_TEN) + 8,
        "two three four five six seven eight nine ten eleven ",
        "X one two three four five six seven eight nine",
    ),
    ("a  b\n\nc\td", 4, "a  b", "\n\nc\td"),
    ("", 0, "", ""),
    ("   lead", 3, "   ", "lead"),
    (f"{'w' * 5000} {_TEN}", 5000, "w" * 5000, f" {_TEN}"),
    (f"{_TEN} {'w' * 3000}", len(_TEN) + 1, f"{_TEN} ", "w" * 3000),
    ("x\u00a0y\u2009z", 3, "x\u00a0y", "\u2009z"),
]


@pytest.mark.parametrize(("text", "point", "before", "after"), CONTEXT_WALKS)
def test_context_walks_ten_words_each_way(text, point, before, after):
    assert text[_back(text, point) : point] == before
    assert text[point : _on(text, point)] == after
