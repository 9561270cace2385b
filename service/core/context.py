"""The read-only context every stage of the extraction reads: one text and what is known of it.

Built once per call (``Context.of``), or once per piece of a long text (``Context.pieces``, what
``extract`` reads): the text, its tokens (only the sentences that can hold a figure, see
``candidates``; a piece's only those of its stretches), the masked stretches (dates, clock
times, phones, addresses), the sentence index and the unit lexicon. Stages take it as their
first argument and never change it; what they learn travels in the readings they return.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from .candidates import figure_spans
from .letters import plain
from .masks import Masks
from .numbers import Token, tokenize
from .sentences import SentenceIndex
from .time_limit import check, deadline
from .units import Lexicon, lexicon

# Characters of figure-bearing stretches tokenised at a time by ``Context.pieces``: a megabyte
# of news copy is some 175,000 tokens, about 46 MB of them held at once; a piece of this size
# holds 3 MB. Large enough that the per-piece cost (one ``Context``, one ``tokenize`` call)
# stays out of sight (16 pieces a megabyte).
PIECE = 64 * 1024


@dataclass(frozen=True, slots=True)
class Context:
    """One text as the stages see it; token indexes are into ``tokens``."""

    text: str
    tokens: list[Token]  # never appended to or changed after ``of`` builds it
    masks: Masks
    sentences: SentenceIndex
    lex: Lexicon
    reference: date | None = None  # the text's date ("today"), to resolve "last year"
    deadline: float | None = None  # when a caller's ``time_limit`` runs out; None: never

    @classmethod
    def of(cls, text: str, reference: date | None = None) -> Context:
        """Tokenise ``text`` (only the sentences that can hold a figure) and mask its dates."""
        ends, sentences, lowered, spans, tables = _scanned(text)
        tokens = tokenize(text, spans, lowered, tables)
        check(ends)
        return cls(text, tokens, Masks(text, tables), sentences, lexicon(), reference, ends)

    @classmethod
    def pieces(
        cls, text: str, reference: date | None = None, size: int = PIECE
    ) -> Iterator[Context]:
        """Yield ``text``'s contexts one after another, each tokenised over a few stretches only.

        Why: the claims of a stretch (``candidates.figure_spans``: figure sentences and ten
        words of context on each side) are read from its own tokens, never from another
        stretch's, so the tokens of the whole text need not all live at once. Each piece holds
        whole stretches, ``size`` characters of them or a little more (at least one stretch);
        its tokens are the whole text's tokens of those stretches, with the text's offsets, and
        the text, masks and sentences are shared. ``claims`` over the pieces in turn gives what
        it gives over ``of``'s one context (``tests/test_pieces.py`` holds it to that).
        """
        ends, sentences, lowered, spans, tables = _scanned(text)
        masks, lex = Masks(text, tables), lexicon()
        first = held = 0
        for k, (start, end) in enumerate(spans):
            held += end - start
            if held >= size or k == len(spans) - 1:
                tokens = tokenize(text, spans[first : k + 1], lowered, tables)
                check(ends)
                yield cls(text, tokens, masks, sentences, lex, reference, ends)
                first, held = k + 1, 0

    def spaced(self, i: int) -> bool:
        """Tell whether tokens ``i - 1`` and ``i`` are apart by a little white space only."""
        tokens = self.tokens
        if not 0 < i < len(tokens):
            return False
        a, b = tokens[i - 1].end, tokens[i].start
        if b - a == 1:
            return self.text[a].isspace()  # the common case: one space
        if b - a != 2:
            return False
        gap = self.text[a:b]
        # One line break may fall inside a sentence of wrapped text; a blank line never does.
        return gap.isspace() and gap.count("\n") + gap.count("\r") <= 1

    def word(self, k: int) -> str:
        """Return token ``k`` in lower case, or "" past either end (look-arounds need no check)."""
        tokens = self.tokens
        return tokens[k].lower if 0 <= k < len(tokens) else ""

    def attached(self, i: int) -> bool:
        """Tell whether token ``i`` touches token ``i - 1`` (no space between)."""
        tokens = self.tokens
        return 0 < i < len(tokens) and tokens[i].start == tokens[i - 1].end


def _scanned(
    text: str,
) -> tuple[float | None, SentenceIndex, str, list[tuple[int, int]], bool]:
    """Read what ``of`` and ``pieces`` both start from.

    The time limit's end, the sentences, the lower-cased text, the stretches that can hold a
    figure (``candidates``) and whether words may be read from a table (``letters``).
    """
    ends = deadline()
    sentences = SentenceIndex(text)
    lowered = text.lower()
    tables = plain(text)
    spans = figure_spans(text, lowered, sentences.bounds, tables)
    return ends, sentences, lowered, spans, tables
