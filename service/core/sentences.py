"""Sentence boundaries with offsets, robust to the abbreviations news text is full of.

A claim reports the sentence it stands in, so the splitter must keep exact offsets and must not
cut at "U.S.", "Mr.", "p.m.", "3.5" or an initial ("J. Smith"). It is one linear regex scan.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from .english.sentences import ABBREVIATIONS, SENTENCE_OPENERS
from .model import Span

# A candidate boundary: terminal punctuation, closing quotes/brackets, then white space.
_BOUNDARY = re.compile(
    r"""
    (?P<end>[.!?…]+["'”’)\]]*)   # the terminator and anything that closes with it
    (?P<gap>\s+)                  # the space that separates sentences
    """,
    re.VERBOSE,
)
_PARAGRAPH = re.compile(r"\n\s*\n|\r\n\s*\r\n")
_WORD_BEFORE = re.compile(r"(\S+)$")
# A dotted acronym, lower-cased and without its last dot: "u.s", "p.m", "u.s.a".
_DOTTED = re.compile(r"(?:[a-z]\.)+[a-z]")


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
    cuts: list[int] = []
    for match in _PARAGRAPH.finditer(text):
        cuts.append(match.start())
    for match in _BOUNDARY.finditer(text):
        terminator = match.group("end")
        nxt = match.end()
        single_dot = terminator.rstrip("\"'”’)]") == "."
        if single_dot and _continues(text, match.start(), nxt):
            continue
        if not _starts_sentence(text, nxt):
            continue
        cuts.append(match.start("gap"))
    cuts.sort()
    spans: list[Span] = []
    begin = 0
    for cut in [*cuts, len(text)]:
        if cut <= begin:
            continue
        _append_trimmed(spans, text, begin, cut)
        begin = cut
    return tuple(spans)


def _append_trimmed(spans: list[Span], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append(Span(text[start:end], start, end))


# A "sentence" longer than MAX_SENTENCE (a pasted table, a run-on list, junk) is reported as a
# window of about WINDOW characters around the claim, so the answer stays proportional to the
# input even when every word of a megabyte is a number.
MAX_SENTENCE = 1000
WINDOW = 300


class SentenceIndex:
    """Find the sentence around an offset in O(log n), sharing one Span per sentence."""

    __slots__ = ("_sentences", "_starts", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._sentences = split(text)
        self._starts = [s.start for s in self._sentences]

    @property
    def sentences(self) -> tuple[Span, ...]:
        """Every sentence of the text, in order."""
        return self._sentences

    def around(self, start: int, end: int) -> Span:
        """Return the sentence containing ``[start, end)``, widened when a claim spans a cut."""
        i = bisect_right(self._starts, start) - 1
        j = bisect_right(self._starts, max(start, end - 1)) - 1
        if i < 0 or j < 0:
            return self._window(start, end, start, end)
        first, last = self._sentences[i], self._sentences[j]
        if i == j and first.start <= start and end <= first.end:
            if first.end - first.start <= MAX_SENTENCE:
                return first
        lo, hi = min(first.start, start), max(last.end, end)
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
        return Span(self._text[lo:hi], lo, hi)
