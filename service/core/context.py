"""The read-only context every stage of the extraction reads: one text and what is known of it.

Built once per call (``Context.of``): the text, its tokens (only the sentences that can hold a
figure, see ``candidates``), the masked stretches (dates, clock times, phones, addresses), the
sentence index and the unit lexicon. Stages take it as their first argument and never change
it; what they learn travels in the readings they return.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .candidates import figure_spans
from .masks import Masks
from .numbers import Token, tokenize
from .sentences import SentenceIndex
from .time_limit import check, deadline
from .units import Lexicon, lexicon


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
        ends = deadline()
        sentences = SentenceIndex(text)
        lowered = text.lower()
        spans = figure_spans(text, lowered, sentences.bounds)
        tokens = tokenize(text, spans, lowered)
        check(ends)
        return cls(text, tokens, Masks(text), sentences, lexicon(), reference, ends)

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
