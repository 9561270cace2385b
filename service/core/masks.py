"""Stretches of text whose digits are never claims: clock times, dates, phone numbers, addresses.

Each pattern has bounded repetition, so none can backtrack catastrophically; each is one linear
scan. Numbers inside a mask are skipped.
"""

from __future__ import annotations

import re
from bisect import bisect_right

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)

# An hour after "past", not a share or an amount ("half past 10.5%" is none).
_HOUR = (
    r"(?:1[0-2]|0?[1-9]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b"
    r"(?![.,]\d|-|\s?(?:%|per\b|percent|thirds?\b|quarters?\b|fifths?\b|halves\b))"
)

# Shapes that open with a digit, most specific first: they run as one alternation behind a
# digit look-ahead, so positions without a digit fail at once (nine times faster than one scan
# per shape). At one position the first shape that matches wins, hence the order.
_DIGIT_LED = (
    r"\d{4}-\d{1,2}-\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?)?\b",  # 2017-10-14
    r"\d{1,2}(?P<sep>[/.-])\d{1,2}(?P=sep)(?:\d{4}|\d{2})\b",  # 10/14/2017, 14.10.17
    r"\d{1,2}(?:st|nd|rd|th)?\s(?:of\s)?" + _MONTH + r"\b\.?(?:,?\s\d{4})?",  # 14 October 2017
    r"0\d{2,4}[\s-]\d{3,4}[\s-]\d{3,4}\b",  # 0800 555 0101
    r"\d{3}[.-]\d{3}[.-]\d{4}\b",  # 212-555-1234
    r"\d{3}-\d{2}(?!00)\d{2}\b",  # 555-1234, not 300-1000
    r"\d{4}\s?(?:GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT|ET|PT|hrs|hours\sGMT)\b",  # 0600 GMT
    r"\d{1,2}(?::\d{2}){1,2}(?:\s?(?:[aApP]\.?[mM]\.?))?",  # 14:35, 9:30 p.m.
    r"\d{1,2}(?:\.\d{2})?\s?(?:[aApP]\.[mM]\.|[aApP][mM]\b)",  # 9 p.m., 6pm, 9.30am
    r"\d{1,2}\s?o['’]clock\b",  # 10 o'clock
    r"\d{1,2}\s(?:in\sthe\s(?:morning|afternoon|evening)|at\snight)\b",  # 5 in the morning
    r"\d{2,4}['’]?s\b",  # the 1990s, 80's
)
# The look-ahead before the word boundary: most positions fail on it alone (15% faster).
_DIGITS = re.compile(r"(?=\d)\b(?:" + "|".join(f"(?:{p})" for p in _DIGIT_LED) + ")")

# The other shapes, each with a string the text must contain for the scan to be worth running.
_OTHERS = tuple(
    (gate, re.compile(pattern))
    for gate, pattern in (
        ("://", r"https?://\S{1,2000}"),  # web addresses
        ("www.", r"www\.\S{1,2000}"),
        ("@", r"(?<![\w.+-])[\w.+-]{1,200}@[\w-]{1,200}(?:\.[\w-]{1,63}){1,10}"),  # e-mail
        # A literal first keeps re's fast prefix scan: "(212) 555-1234", then its "+1 " prefix.
        ("(", r"\(\d{2,4}\)\s?\d{3,4}[\s.-]\d{4}\b"),
        ("+", r"\+\d{1,3}[\s.-]?(?=\(\d{2,4}\))"),
        ("+", r"\+\d{1,3}(?:[\s.-]\d{1,5}){2,5}\b"),  # +44 20 7946 0958
        # "October 14, 2017", "Oct. 3", "June 2017": one scan for both shapes
        (
            "",
            # the look-ahead on the capitals that open a month fails most positions at once
            r"(?=[ADFJMNOS])\b"
            + _MONTH
            + r"\.?(?:\s\d{1,2}(?:st|nd|rd|th)?\b(?:,?\s\d{4})?|,?\s\d{4}\b)",
        ),
        ("", r"['’]\d{2}s?\b"),  # the '90s, class of '99
    )
)

# Clock times in words: "half past six", "ten past 9", "twenty-five past seven". Not "X to Y":
# "ten to twelve people" is a range and "fell by a quarter to 9,000" a change, so "a quarter
# to five" stays unmasked. The scan opens with a literal (a fast prefix scan: a case-blind
# alternation costs 20-40 ms a megabyte), the minute word is checked behind "past", and the
# mask then reaches back over that word.
_MINUTE_WORDS = ("quarter", "half", "ten", "five", "twenty")
_PAST = re.compile(
    "past (?:"
    + "|".join(f"(?<={w} past )|(?<={w.capitalize()} past )" for w in _MINUTE_WORDS)
    + ")"
    + _HOUR
)


def _word_clocks(text: str) -> list[tuple[int, int]]:
    """Return the spans of clock times in words, from their minute word to their hour."""
    spans = []
    if "past " in text:
        for m in _PAST.finditer(text):
            minute = text.rfind(" ", 0, m.start() - 1) + 1  # back over "half", "twenty-five"
            spans.append((minute, m.end()))
    return spans


class Masks:
    """Sorted, disjoint masked stretches with O(log n) lookup."""

    __slots__ = ("_ends", "_starts")

    def __init__(self, text: str) -> None:
        spans = [m.span() for m in _DIGITS.finditer(text)]
        for gate, pattern in _OTHERS:
            if gate in text:
                spans.extend(m.span() for m in pattern.finditer(text))
        spans.extend(_word_clocks(text))
        spans.sort()
        self._starts: list[int] = []
        self._ends: list[int] = []
        for start, end in spans:
            if self._ends and start < self._ends[-1]:
                self._ends[-1] = max(self._ends[-1], end)  # merge overlapping masks
            else:
                self._starts.append(start)
                self._ends.append(end)

    def covers(self, start: int, end: int) -> bool:
        """Tell whether ``[start, end)`` overlaps any masked stretch."""
        i = bisect_right(self._starts, end - 1) - 1
        return i >= 0 and self._ends[i] > start
