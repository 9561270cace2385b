"""Noun phrases read from the tokens (``service/core/phrases.py``), one row a reading.

A row gives a text, the direction (``before``: the phrase ending at the anchor word, read right
to left; ``after``: the phrase opening at it), the anchor (the first token with that text) and
the phrase expected (None: no phrase). Traps stand beside the readings they must not break.
"""

import pytest

from service.core import phrases
from service.core.context import Context
from service.core.masks import Masks
from service.core.numbers import tokenize
from service.core.sentences import SentenceIndex
from service.core.units import lexicon

# (id, text, direction, anchor, expected)
ROWS = [
    # A hyphen joins two words; a possessive apostrophe joins a plural owner.
    ("hyphen-compound", "The city's snow-clearing budget was raised.", "before", "budget",
     "The city's snow-clearing budget"),
    ("hyphen-number-word", "The yield on ten-year bonds rose.", "before", "bonds",
     "The yield on ten-year bonds"),
    ("hyphen-after", "a rise in drink-driving arrests last year", "after", "drink",
     "drink-driving arrests"),
    ("possessive-plural", "The Lions' budget was cut.", "before", "budget", "The Lions' budget"),
    ("possessive-plural-after", "The Lions' budget was cut.", "after", "The",
     "The Lions' budget"),
    ("trap-figure-hyphen-is-a-unit", "The 121-foot bridge opened.", "before", "bridge", "bridge"),
    ("trap-unit-hyphen", "The 827m-long bridge opened.", "before", "bridge", "bridge"),
    ("trap-spaced-dash-keeps-the-word", "HOUSTON - The convoy left.", "before", "convoy",
     "The convoy"),
    # Verbs end a phrase: listed forms, "-ed" after a noun, a word after a modal.
    ("listed-verb-after", "The 10km race drew 3,000 runners.", "after", "race", "race"),
    ("listed-verb-after-mass-noun", "Some 210mm of rain fell in the city.", "after", "rain",
     "rain"),
    ("ed-verb-after-a-noun", "The heatwave pushed demand for electricity up.", "before",
     "electricity", "demand for electricity"),
    ("trap-ed-adjective-after-a-determiner", "The number of displaced people rose.", "before",
     "people", "The number of displaced people"),
    ("trap-ed-adjective-after-an-adverb", "Newly elected members voted.", "before", "members",
     "Newly elected members"),
    ("trap-ed-in-a-name", "Manchester United fans cheered.", "before", "fans",
     "Manchester United fans"),
    ("modal-verb", "The telescope can detect objects far away.", "before", "objects", "objects"),
    ("phrase-ends-in-a-verb", "The convoy travelled 733 km.", "before", "travelled", None),
    ("phrase-after-a-modal", "The tower will stand 300 metres tall.", "before", "stand", None),
    ("remains-ends-the-subject", "Obesity remains a concern.", "after", "Obesity", "Obesity"),
    ("worth-ends-the-phrase", "Police seized cocaine worth $30m.", "after", "cocaine", "cocaine"),
    # Determiners inside a phrase, after a join or a gerund that follows one.
    ("determiner-after-of", "The drug cut the risk of a second stroke by half.", "before",
     "stroke", "the risk of a second stroke"),
    ("determiner-after-gerund", "They cut the cost of sequencing a genome to $200.", "before",
     "genome", "the cost of sequencing a genome"),
    ("trap-determiner-after-a-verb", "Police arrested the men on Monday.", "before", "men",
     "the men"),
    ("among-joins", "Smoking rates among adults have halved.", "before", "adults",
     "Smoking rates among adults"),
    # A unit or counted noun after a number is not part of the thing measured.
    ("unit-before-of", "Police seized 400kg of cocaine worth $30m.", "before", "cocaine",
     "cocaine"),
    ("spaced-unit-before-of", "Farmers sold 5 tonnes of grain.", "before", "grain", "grain"),
    ("trap-of-without-a-number", "Members of parliament voted.", "before", "parliament",
     "Members of parliament"),
    ("trap-contraction", "I'm 1.8m tall.", "before", "I'm", None),
]  # fmt: skip


def _context(text: str) -> Context:
    """Every token of the text (``Context.of`` tokenises only the sentences with a figure)."""
    return Context(text, tokenize(text), Masks(text), SentenceIndex(text), lexicon())


@pytest.mark.parametrize(("text", "direction", "anchor", "expected"), [
    pytest.param(text, direction, anchor, expected, id=name)
    for name, text, direction, anchor, expected in ROWS
])  # fmt: skip
def test_phrase(text, direction, anchor, expected):
    ctx = _context(text)
    k = next(i for i, token in enumerate(ctx.tokens) if token.text == anchor)
    read = phrases.before if direction == "before" else phrases.after
    found = read(ctx, k)
    assert (phrases.span(ctx, *found).text if found else None) == expected


def test_a_speaker_phrase_holds_a_figure_and_a_participle():
    """Sources read with ``measured=False``: "About 1.8 percent of the households surveyed"."""
    text = "About 12 percent of the households surveyed said so."
    ctx = _context(text)
    k = next(i for i, token in enumerate(ctx.tokens) if token.text == "surveyed")
    found = phrases.before(ctx, k, 0, measured=False)
    assert found is not None
    assert phrases.span(ctx, *found).text == "percent of the households surveyed"
    assert phrases.before(ctx, k, 0) is None  # a thing measured never ends in a verb
