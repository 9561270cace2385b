"""Stretches of text whose digits are never claims: clock times, dates, phone numbers, addresses.

Each pattern has bounded repetition, so none can backtrack catastrophically; each is one linear
scan. Numbers inside a mask are skipped.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Final

from .english.calendar import CLOCK_MINUTE_WORDS
from .letters import tabled

_MONTH: Final = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)

# Months in lower case, as tokenised and lower-cased copy writes them ("on 14 nov"), after a
# day (1 to 31, not the decimals of "37,305.97 february"); not "may" and "march", verbs after a
# number ("14 may attend").
_MONTH_LOWER: Final = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar|apr(?:il)?|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)

# ``_MONTH`` at a word's start, with each month's capital first: re then skips at once to the
# capitals that may open one (its scan for a set of first characters) instead of trying every
# position. The word boundary is looked for behind the capital ("(?<!\\wJ)" after a "J").
_MONTH_LED: Final = (
    "(?:"
    + "|".join(
        f"{capital}(?<!\\w{capital})(?:{rest})"
        for capital, rest in (
            ("J", "an(?:uary)?|une?|uly?"),
            ("F", "eb(?:ruary)?"),
            ("M", "ar(?:ch)?|ay"),
            ("A", "pr(?:il)?|ug(?:ust)?"),
            ("S", "ep(?:t(?:ember)?)?"),
            ("O", "ct(?:ober)?"),
            ("N", "ov(?:ember)?"),
            ("D", "ec(?:ember)?"),
        )
    )
    + ")"
)

# An hour after "past", not a share or an amount ("half past 10.5%" is none).
_HOUR: Final = (
    r"(?:1[0-2]|0?[1-9]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b"
    r"(?![.,]\d|-|\s?(?:%|per\b|percent|thirds?\b|quarters?\b|fifths?\b|halves\b))"
)

# Shapes that open with a digit, most specific first: they run as one alternation behind a
# digit look-ahead, so positions without a digit fail at once (nine times faster than one scan
# per shape). At one position the first shape that matches wins, hence the order.
_DIGIT_LED: Final = (
    ("date", r"\d{4}-\d{1,2}-\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?)?\b"),  # 2017-10-14
    # 10/14/2017, 14.10.17: the same separator twice (no back-reference: see ``_DIGITS``)
    ("date", r"\d{1,2}(?:/\d{1,2}/|\.\d{1,2}\.|-\d{1,2}-)(?:\d{4}|\d{2})\b"),
    ("date", r"\d{1,2}(?:st|nd|rd|th)?\s(?:of\s)?" + _MONTH + r"\b\.?(?:,?\s\d{4})?"),  # 14 October
    ("date", r"(?<![.,])(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s" + _MONTH_LOWER + r"\b"),
    ("date", r"\d{1,2}/\d{1,2}\s?[-–]\s?\d{1,2}/\d{1,2}\b"),  # 10/1-11/7: a range of dates
    ("date", r"(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\b"),  # 20161016
    ("phone", r"0\d{2,4}[\s-]\d{3,4}[\s-]\d{3,4}\b"),  # 0800 555 0101
    ("phone", r"\d{3}[.-]\d{3}[.-]\d{4}\b"),  # 212-555-1234
    ("phone", r"\d{3}-\d{2}(?!00)\d{2}\b"),  # 555-1234, not 300-1000
    ("clock_time", r"\d{4}\s?(?:GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT|ET|PT|hrs|hours\sGMT)\b"),
    ("clock_time", r"\d{1,2}(?::\d{2}){1,2}(?:\s?(?:[aApP]\.?[mM]\.?))?"),  # 14:35, 9:30 p.m.
    ("clock_time", r"\d{1,2}(?:\.\d{2})?\s?(?:[aApP]\.[mM]\.|[aApP][mM]\b)"),  # 9 p.m., 6pm
    ("clock_time", r"\d{1,2}\s?o['’]clock\b"),  # 10 o'clock
    ("clock_time", r"[1-5]?\d\spast\s" + _HOUR),  # 10 past 9, 25 past 11
    ("clock_time", r"\d{1,2}\s(?:in\sthe\s(?:morning|afternoon|evening)|at\snight)\b"),
    ("decade", r"\d{2,4}['’]?s\b"),  # the 1990s, 80's
)
# The pattern opens with the digit it consumes, so that re skips at once from digit to digit
# (its scan for a first character, three times faster than trying every position); at a digit
# that opens a word the shapes are matched in a look-ahead from that digit (in a look-behind
# one character wide, hence no back-reference). A match is that one digit; the shape that
# matched is the last group, a group named for its kind and number ("date_0"), and reaches to
# the mask's end. Digits inside a mask match too: ``_digit_masks`` passes over them.
# It opens with ``[\d]``, not ``\d``, for ``letters.tabled`` (the same characters).
_DIGITS: Final = re.compile(
    r"[\d](?<!\w\d)(?<=(?="
    + "|".join(f"(?P<{kind}_{n}>{p})" for n, (kind, p) in enumerate(_DIGIT_LED))
    + r")\d)"
)


def _digit_masks(text: str, tables: bool) -> list[tuple[int, int, str]]:
    """Return the masks that open with a digit, as one scan for the first shape at each would.

    ``tables``: scan for the digits by a table (``letters``), for a text ``letters.plain`` allows.
    """
    spans = []
    end = 0
    for m in (tabled(_DIGITS) if tables else _DIGITS).finditer(text):
        start = m.start()
        if start < end:
            continue  # a digit inside the mask just found ("2017-10-14"): not a mask's start
        group = m.lastgroup
        if group is None:  # never: every shape is a named group
            continue
        end = m.end(group)
        spans.append((start, end, group.rpartition("_")[0]))
    return spans


# The other shapes, each with a string the text must contain for the scan to be worth running.
_OTHERS: Final = tuple(
    (kind, gate, re.compile(pattern))
    for kind, gate, pattern in (
        ("url", "://", r"https?://\S{1,2000}"),  # web addresses
        ("url", "www.", r"www\.\S{1,2000}"),
        ("email", "@", r"(?<![\w.+-])[\w.+-]{1,200}@[\w-]{1,200}(?:\.[\w-]{1,63}){1,10}"),
        # A literal first keeps re's fast prefix scan: "(212) 555-1234", then its "+1 " prefix.
        ("phone", "(", r"\(\d{2,4}\)\s?\d{3,4}[\s.-]\d{4}\b"),
        ("phone", "+", r"\+\d{1,3}[\s.-]?(?=\(\d{2,4}\))"),
        ("phone", "+", r"\+\d{1,3}(?:[\s.-]\d{1,5}){2,5}\b"),  # +44 20 7946 0958
        # "October 14, 2017", "Oct. 3", "June 2017": one scan for both shapes
        (
            "date",
            "",
            _MONTH_LED + r"\.?(?:\s\d{1,2}(?:st|nd|rd|th)?\b(?:,?\s\d{4})?|,?\s\d{4}\b)",
        ),
        # the '90s, class of '99: one scan per apostrophe, each a literal re finds fast (a class
        # of the two is tried character by character); no match holds both
        ("decade", "'", r"'\d{2}s?\b"),
        ("decade", "’", r"’\d{2}s?\b"),
    )
)

# Clock times in words: "half past six", "ten past 9", "twenty-five past seven". Not "X to Y":
# "ten to twelve people" is a range and "fell by a quarter to 9,000" a change, so "a quarter
# to five" stays unmasked. The scan opens with a literal (a fast prefix scan: a case-blind
# alternation costs 20-40 ms a megabyte), the minute word is checked behind "past", and the
# mask then reaches back over that word.
_PAST: Final = re.compile(
    "past (?:"
    + "|".join(f"(?<={w} past )|(?<={w.capitalize()} past )" for w in CLOCK_MINUTE_WORDS)
    + ")"
    + _HOUR
)


def _word_clocks(text: str) -> list[tuple[int, int, str]]:
    """Return the spans of clock times in words, from their minute word to their hour."""
    spans = []
    if "past " in text:
        for m in _PAST.finditer(text):
            minute = text.rfind(" ", 0, m.start() - 1) + 1  # back over "half", "twenty-five"
            spans.append((minute, m.end(), "clock_time"))
    return spans


class Masks:
    """Sorted, disjoint masked stretches with O(log n) lookup, each with the kind it masks.

    Kinds are reason codes of ``explain``: ``date``, ``clock_time``, ``phone``, ``decade``,
    ``url``, ``email``. Overlapping stretches merge and keep the kind of the first.
    """

    __slots__ = ("_ends", "_kinds", "_starts")

    def __init__(self, text: str, tables: bool = False) -> None:
        spans = _digit_masks(text, tables)
        for kind, gate, pattern in _OTHERS:
            if gate in text:
                spans.extend((*m.span(), kind) for m in pattern.finditer(text))
        spans.extend(_word_clocks(text))
        spans.sort()
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._kinds: list[str] = []
        for start, end, kind in spans:
            if self._ends and start < self._ends[-1]:
                self._ends[-1] = max(self._ends[-1], end)  # merge overlapping masks
            else:
                self._starts.append(start)
                self._ends.append(end)
                self._kinds.append(kind)

    def covers(self, start: int, end: int) -> bool:
        """Tell whether ``[start, end)`` overlaps any masked stretch."""
        i = bisect_right(self._starts, end - 1) - 1
        return i >= 0 and self._ends[i] > start

    def stretch(self, start: int, end: int) -> tuple[int, int, str] | None:
        """Return the masked stretch that ``[start, end)`` overlaps last: start, end and kind."""
        i = bisect_right(self._starts, end - 1) - 1
        if i >= 0 and self._ends[i] > start:
            return self._starts[i], self._ends[i], self._kinds[i]
        return None
