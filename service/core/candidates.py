"""Which sentences can hold a figure: the extractor tokenises only those.

Tokenising is a quarter of the extraction's time, and most sentences of news copy state no
figure ("The minister denied the report."). A claim needs a numeral: a digit, a vulgar fraction,
or a number word ("seventy", "dozens", "a third", "half a million"). A sentence with none of
them cannot give a claim, so its tokens are never built. The test is a superset of what the
reader can open a quantity with (``numbers.WORD_STARTERS``, digits, currency symbols and codes,
signs): an article "a" reads as a number only before one of the words listed here (a number
word or a unit it stands for one of), a currency symbol, code or sign only before digits or
number words.
"""

from __future__ import annotations

import re
from typing import Final

from .english.numbers import ARTICLE_FOLLOWERS, ARTICLE_UNIT_WORDS
from .letters import tabled
from .numbers import (
    DOZENS,
    FRACTION_WORDS,
    SCALE_WORDS,
    VULGAR_FRACTIONS,
    WORD_STARTERS,
    same_length_lowered,
)

# A digit (any script's) or a vulgar fraction: the cheap test, run first.
_NUMERAL_CHARACTER: Final = re.compile("[\\d" + "".join(VULGAR_FRACTIONS) + "]")
# Words as the tokeniser reads them ("baker's" is one), in lower case.
_WORD: Final = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# Every word that opens a number or follows an article that does ("a dozen", "a third").
NUMBER_WORDS: Final = frozenset(
    (WORD_STARTERS - {"a", "an"})
    | ARTICLE_FOLLOWERS
    | set(FRACTION_WORDS)
    | set(SCALE_WORDS)
    | DOZENS
    | {"baker's", "baker’s"}
)

# An article before a unit it stands for one of: "A litre of milk costs more than a dollar".
# Only with the article: "The dollar weakened against the euro" states no figure.
_ARTICLE_UNIT: Final = re.compile(r"\ban? (?:" + "|".join(sorted(ARTICLE_UNIT_WORDS)) + r")\b")


# Words of a neighbouring sentence kept on each side as context: the look-arounds reach past a
# sentence's edge ("at No. 1" cut after "No.", a score's sporting word), the longest ten tokens
# back (the weather words that make a bare "40 degrees" a temperature: ``unit_reading``), and a
# word holds at least one token. Keep at least the longest reach of those look-arounds.
CONTEXT_WORDS: Final = 10


def figure_spans(
    text: str, lowered: str, sentences: list[tuple[int, int]], tables: bool = False
) -> list[tuple[int, int]]:
    """Return the stretches to tokenise: the sentences that can hold a claim, with context.

    Each run of kept sentences is widened by ``CONTEXT_WORDS`` words of white-space-separated
    text on each side, over as many left-out sentences as that takes, and cut at white space
    (no token spans it there: left-out sentences have no digit); stretches that touch are
    merged, so the tokens are the whole text's, in order. ``tables``: read words from a table
    (``letters``), for a text ``letters.plain`` allows.
    """
    if not same_length_lowered(text, lowered):
        return [(0, len(text))]  # offsets differ: test nothing, tokenise everything
    numeral = (tabled(_NUMERAL_CHARACTER) if tables else _NUMERAL_CHARACTER).search
    words = (tabled(_WORD) if tables else _WORD).findall
    article_unit = _ARTICLE_UNIT.search
    keep = [
        numeral(text, start, end) is not None
        or not NUMBER_WORDS.isdisjoint(found := words(lowered, start, end))
        # the regex only where a unit word stands: "A litre of milk", not "The dollar weakened"
        or (
            not ARTICLE_UNIT_WORDS.isdisjoint(found)
            and article_unit(lowered, start, end) is not None
        )
        for start, end in sentences
    ]
    spans: list[tuple[int, int]] = []
    last = len(sentences) - 1
    i = 0
    while i <= last:
        if not keep[i]:
            i += 1
            continue
        j = i
        while j < last and keep[j + 1]:
            j += 1  # a run of kept sentences is one stretch
        # Context may reach over short left-out sentences ("Roads melted."), never into an
        # earlier stretch's tokens twice: stretches that meet are merged.
        start, end = _back(text, sentences[i][0]), _on(text, sentences[j][1])
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
        i = j + 1
    return spans


# ``CONTEXT_WORDS`` times: a run of white space, then a run of anything else (either may be
# empty at the text's end). One match walks on over the words (``_on``), and over the reversed
# text before a point it walks back (``_back``).
_WORDS: Final = re.compile(r"(?:\s*\S*){" + str(CONTEXT_WORDS) + "}")
# How far back ``_back`` reverses the text at first: ten words of news copy fit many times over.
_WINDOW: Final = 2000


def _back(text: str, start: int) -> int:
    """Move ``start`` back by ``CONTEXT_WORDS`` words, to the start of a word (or the text's).

    A run of white space counts as one gap, so "broke.      It" keeps as many words as "broke.
    It". Neighbours that are cut hold no digit, so no token (a "40 000" with a space) is split.
    """
    low = max(0, start - _WINDOW)
    walked = _WORDS.match(text[low:start][::-1])
    if walked is not None and (start - walked.end() > low or low == 0):
        return start - walked.end()
    walked = _WORDS.match(text[:start][::-1])  # longer words than the window holds
    return start - walked.end() if walked is not None else 0


def _on(text: str, end: int) -> int:
    """Move ``end`` on by ``CONTEXT_WORDS`` words, to the end of a word (or the text's)."""
    walked = _WORDS.match(text, end)
    return walked.end() if walked is not None else end
