"""Sentence boundaries with offsets, robust to the abbreviations news text is full of.

A claim reports the sentence it stands in, so the splitter must keep exact offsets and must not
cut at "U.S.", "Mr.", "p.m.", "3.5" or an initial ("J. Smith"). It is one linear regex scan.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Final

from . import model_builders as make
from .english.sentences import ABBREVIATIONS, SENTENCE_OPENERS
from .model import Span

# A candidate boundary: terminal punctuation, closing quotes/brackets, then white space. One
# scan per mark that opens the run of terminators (the look-behind: a run's first), each
# opening with that mark as a literal: re then finds it by its fast literal search, where a
# class of four marks is tried character by character (11 -> 3 ms a megabyte). Each boundary
# is judged on its own, and the cuts are sorted, so the scans' order does not matter.
_TERMINATORS: Final = ".!?…"
_BOUNDARIES: Final = tuple(
    (
        mark,
        re.compile(
            rf"""
            (?P<end>{re.escape(mark)}(?<![.!?…]{re.escape(mark)})  # a run's first mark
            [.!?…]*["'”’)\]]*)  # the rest of the run and anything that closes with it
            (?P<gap>\s+)        # the space that separates sentences
            """,
            re.VERBOSE,
        ),
    )
    for mark in _TERMINATORS
)
# A blank line: the second form only where the text holds a carriage return. A cut anywhere
# in a run of white space splits the text alike (each side is trimmed of it).
_PARAGRAPH: Final = re.compile(r"\n\s*\n")
_PARAGRAPH_CR: Final = re.compile(r"\r\n\s*\r\n")
_WORD_BEFORE: Final = re.compile(r"(\S+)$")
# A dotted acronym, lower-cased and without its last dot: "u.s", "p.m", "u.s.a".
_DOTTED: Final = re.compile(r"(?:[a-z]\.)+[a-z]")


def _continues(text: str, dot: int, nxt: int) -> bool:
    """Tell whether the full stop at ``dot`` ends an abbreviation that the sentence runs past."""
    match = _WORD_BEFORE.search(text, max(0, dot - 12), dot)
    if match is None:
        return False
    word = match.group(1).lstrip("(\"'“‘").lower()
    dotted = bool(_DOTTED.fullmatch(word)) or word in {"a.m", "p.m"}
    if not dotted:
        # Titles ("Mr."), initials ("J."), month and other short forms never end a sentence.
        return word in ABBREVIATIONS or (len(word) == 1 and word.isalpha())
    follower = re.match(r"[A-Za-z]+", text[nxt : nxt + 20])
    return follower is None or follower.group(0).lower() not in SENTENCE_OPENERS


def _starts_sentence(text: str, pos: int) -> bool:
    """Tell whether ``pos`` can open a sentence: a capital, a digit, a quote or a bracket."""
    if pos >= len(text):
        return True
    char = text[pos]
    return char.isupper() or char.isdigit() or char in "\"'“‘([¿¡-–—•*"


def split(text: str) -> tuple[Span, ...]:
    """Split ``text`` into sentences, trimmed of surrounding white space, covering every claim."""
    return tuple(Span(text[start:end], start, end) for start, end in bounds(text))


def bounds(text: str) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` of every sentence of ``split``, without building its Span.

    Most sentences are never reported (only those around a claim are), so the index keeps the
    offsets and makes a sentence's ``Span`` when a claim asks for it.
    """
    cuts = [match.start() for match in _PARAGRAPH.finditer(text)]
    if "\r" in text:
        cuts.extend(match.start() for match in _PARAGRAPH_CR.finditer(text))
    for mark, boundary in _BOUNDARIES:
        if mark in text:
            _cut_at_boundaries(cuts, text, boundary)
    cuts.sort()
    spans: list[tuple[int, int]] = []
    begin = 0
    for cut in [*cuts, len(text)]:
        if cut <= begin:
            continue
        _append_trimmed(spans, text, begin, cut)
        begin = cut
    return spans


def _cut_at_boundaries(cuts: list[int], text: str, boundary: re.Pattern[str]) -> None:
    """Append to ``cuts`` the gap of each boundary ``boundary`` finds that ends a sentence."""
    continues, starts_sentence = _continues, _starts_sentence
    for match in boundary.finditer(text):
        dot, gap = match.span("end")
        nxt = match.end()
        if text[dot] == "." and (gap - dot == 1 or _single_dot(text[dot:gap])):
            if continues(text, dot, nxt):
                continue
        if not starts_sentence(text, nxt):
            continue
        cuts.append(gap)


def _single_dot(terminator: str) -> bool:
    """Tell whether a terminator is one full stop and what closes it: '."', ".)", but not "..."."""
    return terminator.rstrip("\"'”’)]") == "."


def _append_trimmed(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))


# A "sentence" longer than MAX_SENTENCE (a pasted table, a run-on list, junk) is reported as a
# window of about WINDOW characters around the claim, so the answer stays proportional to the
# input even when every word of a megabyte is a number.
MAX_SENTENCE: Final = 1000
WINDOW: Final = 300


class SentenceIndex:
    """Find the sentence around an offset in O(log n), sharing one Span per sentence."""

    __slots__ = ("_bounds", "_ends", "_made", "_starts", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._bounds = bounds(text)
        self._starts = [start for start, _ in self._bounds]
        self._ends = [end for _, end in self._bounds]
        self._made: dict[int, Span] = {}  # the sentences built so far, by index

    @property
    def bounds(self) -> list[tuple[int, int]]:
        """The ``(start, end)`` of every sentence, in order (do not change it)."""
        return self._bounds

    @property
    def sentences(self) -> tuple[Span, ...]:
        """Every sentence of the text, in order."""
        return tuple(self._sentence(i) for i in range(len(self._bounds)))

    def _sentence(self, i: int) -> Span:
        made = self._made.get(i)
        if made is None:
            start, end = self._bounds[i]
            made = self._made[i] = make.span(self._text[start:end], start, end)
        return made

    def around(self, start: int, end: int) -> Span:
        """Return the sentence containing ``[start, end)``, widened when a claim spans a cut."""
        i = bisect_right(self._starts, start) - 1
        if i >= 0 and end <= self._ends[i]:  # the common case: inside one sentence
            if self._ends[i] - self._starts[i] <= MAX_SENTENCE:
                return self._sentence(i)
            return self._window(self._starts[i], self._ends[i], start, end)
        j = bisect_right(self._starts, max(start, end - 1)) - 1
        if i < 0 or j < 0:
            return self._window(start, end, start, end)
        if i == j and self._starts[i] <= start and end <= self._ends[i]:
            if self._ends[i] - self._starts[i] <= MAX_SENTENCE:
                return self._sentence(i)
        lo, hi = min(self._starts[i], start), max(self._ends[j], end)
        return self._window(lo, hi, start, end)

    def _window(self, lo: int, hi: int, start: int, end: int) -> Span:
        """Clip ``[lo, hi)`` to about WINDOW characters around the claim, at spaces."""
        if hi - lo > MAX_SENTENCE:
            half = max(0, (WINDOW - (end - start)) // 2)
            new_lo, new_hi = max(lo, start - half), min(hi, end + half)
            space = self._text.find(" ", new_lo, start)
            lo = space + 1 if space >= 0 and new_lo > lo else new_lo
            space = self._text.rfind(" ", end, new_hi)
            hi = space if space >= 0 and new_hi < hi else new_hi
        return make.span(self._text[lo:hi], lo, hi)
