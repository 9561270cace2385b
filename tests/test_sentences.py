import json
import random
import re
from pathlib import Path

import pytest

from benchmarks.corpus import generate
from service.core.sentences import (
    _append_trimmed,
    _continues,
    _single_dot,
    _starts_sentence,
    bounds,
    split,
)

CASES = json.loads((Path(__file__).parent / "data" / "sentences.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", [pytest.param(c, id=c["id"]) for c in CASES])
def test_split(case):
    spans = split(case["text"])
    assert [s.text for s in spans] == case["sentences"]
    for span in spans:
        assert case["text"][span.start : span.end] == span.text


# Runs of terminators and blank lines in both forms: each scan for a run's first mark and the
# blank-line scans (kept here, not in data/sentences.json, which the golden snapshot reads).
RUNS = [
    (
        "Did the pump start?! Nobody could say... Then the lights came back!. Odd, said the clerk.",
        [
            "Did the pump start?!",
            "Nobody could say...",
            "Then the lights came back!.",
            "Odd, said the clerk.",
        ],
    ),
    (
        "Prices rose… Then they fell again. Traders shrugged… and waited.",
        ["Prices rose…", "Then they fell again.", "Traders shrugged… and waited."],
    ),
    (
        "The count was close\r\n\r\nTallying went on overnight\r\nand into the morning"
        "\r\n\r\n\r\nResults came at noon",
        [
            "The count was close",
            "Tallying went on overnight\r\nand into the morning",
            "Results came at noon",
        ],
    ),
    (
        'He asked: "Is it over?" She said no. (It was not!) The crowd stayed.',
        ['He asked: "Is it over?"', "She said no. (It was not!)", "The crowd stayed."],
    ),
]


@pytest.mark.parametrize(("text", "sentences"), RUNS)
def test_runs_and_blank_lines(text: str, sentences: list[str]) -> None:
    assert [s.text for s in split(text)] == sentences


# The specification of the boundary scans: one scan for a run of any terminators, blank lines
# in either form. ``bounds`` scans once per terminator that opens a run (each a literal re finds
# fast) and cuts blank lines with a carriage return only where the text holds one.
_ONE_SCAN = re.compile(r"(?P<end>[.!?…]+[\"'”’)\]]*)(?P<gap>\s+)")
_BLANK = re.compile(r"\n\s*\n|\r\n\s*\r\n")


def _spec_bounds(text: str) -> list[tuple[int, int]]:
    cuts = [m.start() for m in _BLANK.finditer(text)]
    for match in _ONE_SCAN.finditer(text):
        dot, gap = match.span("end")
        if text[dot] == "." and (gap - dot == 1 or _single_dot(text[dot:gap])):
            if _continues(text, dot, match.end()):
                continue
        if _starts_sentence(text, match.end()):
            cuts.append(gap)
    spans: list[tuple[int, int]] = []
    begin = 0
    for cut in [*sorted(cuts), len(text)]:
        if cut > begin:
            _append_trimmed(spans, text, begin, cut)
            begin = cut
    return spans


PIECES = [
    *".!?…\"'”’)] \n\r\tAaZ1",
    "Mr.",
    "U.S.",
    "p.m.",
    " The ",
    "\r\n\r\n",
    "\n \n",
    "...",
    "?!",
]


def test_bounds_agree_with_one_scan() -> None:
    rng = random.Random(18)
    for _ in range(20_000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 30)))
        assert bounds(text) == _spec_bounds(text), text
    text = generate(200_000, 2)
    assert bounds(text) == _spec_bounds(text)
