"""Texts built to break the number readers, and the core read with its per-figure guard off.

The inputs that once crashed the core were not random Unicode (the Hypothesis properties in
tests/test_properties_hostile.py sample that) but numbers put together wrongly: digits grouped
by spaces before a clock word ("1 000 pm"), number words in an order no one writes ("five and
hundred half"), a float's range overrun by 309 digits and then continued ("… 1/2", "… and x"),
an exponent with two minus signs ("10⁻⁻5"), a product of units past a float ("1e308 hours 5
minutes"). ``random_text`` mixes the same pieces (number words, digits with separators, huge
digit runs, exponents, unit words, fractions, scale words, clock words, signs) the same way.

It draws only through the ``random.Random`` it is given, so a seeded ``Random`` replays a run
(scripts/stress reads 100 000 of them) and Hypothesis's ``st.randoms()`` drives and shrinks it
(tests/test_fuzz_numbers.py).

``unguarded`` turns off the pipeline's per-figure guard, which would otherwise leave a figure
whose reading raises out as ``malformed``: under it such an error surfaces with its traceback,
so a fuzz counts the bugs the guard hides instead of taking them for rejections.
"""

from __future__ import annotations

import contextlib
import math
import random
import traceback
from collections.abc import Iterator
from dataclasses import dataclass, field

NUMBER_WORDS = (
    "zero nought one two three four five six seven eight nine ten eleven twelve thirteen "
    "fifteen nineteen twenty thirty forty fifty ninety hundred thousand million billion "
    "trillion lakh crore dozen dozens hundreds thousands millions score a an and point "
    "half halves quarter quarters third thirds fifth fifths tenth hundredth hundredths "
    "first second twenty-first twenty-five ninety-nine fifty-two minus negative"
).split()
SCALES = ("m", "bn", "b", "k", "K", "M", "mn", "tn", "lakh", "crore", "million", "thousand")
UNITS = (
    "km pm am in mb MB kg lb ft feet foot inches in. mph km/h m/s hours hour minutes seconds "
    "s h % per cent percent dollars cents pence pounds euros yen degrees °C °F K kelvin mm cm "
    "metres miles yards tonnes GW kWh bits bytes GB a year per hour square sq km² m2 m^3"
).split()
CURRENCIES = ("$", "£", "€", "¥", "₹", "US$", "USD", "Rs", "HK$", "C $", "EUR")
FRACTIONS = ("1/2", "3/4", "9/11", "24/7", "/", "½", "¾", "⅓", "1/0", "0/0", "2½")
CLOCK = ("pm", "am", "p.m.", "a.m.", "o'clock", "half past", ":", "GMT", "noon", "9:30")
SIGNS = ("-", "−", "–", "+", "±", "~", "<", ">", "≥", "≠", "<>", "(", ")", "'", '"', "′")
JOINERS = (
    "and", "or", "to", "of", "in", "out of", "over", "by", "between", "from", "per", "x",
    "×", "*", "^", "about", "more than", "up to", "at least", "aged", "rose", "fell",
)  # fmt: skip
OTHER = ("people", "the", "it", "said", "year", "2019", "in 2019", "last year", "is", ".")
# An exponent is a mark, signs and digits: "e308", "E-5", "^--23", " x 10^6", "×10⁻⁵", "10⁻⁻5".
EXPONENT_MARKS = ("e", "E", "^", " x 10^", "×10", "x10", " × 10 ", "*10^", "10", "")
EXPONENT_SIGNS = ("", "", "", "-", "+", "−", "--", "+-", "⁻", "⁻⁻", "⁺")
SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
# Digit groupers: comma, space, dot, dash, and the thin and no-break spaces.
GROUPERS = (",", " ", ".", "-", "\u2009", "\u202f", "\u00a0")
# The tables a piece other than a number is drawn from (units and joiners twice as often).
TABLES = (NUMBER_WORDS, SCALES, UNITS, UNITS, CURRENCIES, FRACTIONS, CLOCK, SIGNS, JOINERS)
TABLES += (JOINERS, OTHER)
# Between pieces: mostly a space, else glued or another mark.
SEPARATORS = (" ",) * 10 + ("", "", "  ", "-", ",", ".", "/", "\n", "\u00a0", " and ")
# Unicode digits that are not ASCII: Arabic-Indic, Devanagari, full-width.
OTHER_DIGITS = "٠١٢٣٤٥٦٧٨٩०१२३४५६७८९０１２３"
# Between number words: "two hundred", "twenty-five", "one hundred and three".
WORD_JOINERS = (" ",) * 6 + ("-", " and ", " - ", "")


def digits(rng: random.Random) -> str:
    """Return a run of digits: mostly short, sometimes past a float's range or ``int``'s limit."""
    roll = rng.random()
    if roll < 0.80:
        length = rng.randint(1, 4)
    elif roll < 0.92:
        length = rng.randint(5, 25)
    elif roll < 0.98:
        length = rng.randint(300, 320)  # 10 ** 308 is a float's end
    else:
        length = rng.randint(4290, 4400)  # int() refuses more than 4300 digits
    first = rng.choice("0123456789" if rng.random() < 0.1 else "123456789")
    body = first + "".join(rng.choice("0123456789") for _ in range(min(length, 30) - 1))
    if length > 30:
        body += rng.choice("09") * (length - 30)  # long runs repeat: cheap to build
    if rng.random() < 0.03:
        body = "".join(rng.choice(OTHER_DIGITS) for _ in range(rng.randint(1, 4)))
    return body


def exponent(rng: random.Random) -> str:
    """Return an exponent to glue after digits: a mark, signs, then digits or superscripts."""
    if rng.random() < 0.3:
        power = "".join(rng.choice(SUPERSCRIPT_DIGITS) for _ in range(rng.randint(1, 3)))
    else:
        power = str(rng.choice((1, 2, 3, 5, 6, 9, 23, 307, 308, 309, 400, 999, 99999)))
    return rng.choice(EXPONENT_MARKS) + rng.choice(EXPONENT_SIGNS) + power


def words(rng: random.Random) -> str:
    """Return a run of number words, in an order news writes or in one nobody does."""
    run = [rng.choice(NUMBER_WORDS) for _ in range(rng.randint(1, 6))]
    text = run[0]
    for word in run[1:]:
        text += rng.choice(WORD_JOINERS) + word
    return text


def number(rng: random.Random) -> str:
    """Return digits as news writes them, or nearly: grouped, decimal, signed, with a scale."""
    text = digits(rng)
    roll = rng.random()
    if roll < 0.25:  # grouped thousands: "1,000", "40 000", "1.000.000", "1-000"
        grouper = rng.choice(GROUPERS)
        text += "".join(
            grouper + rng.choice(("000", "500", "30", "5", "0000"))
            for _ in range(rng.randint(1, 3))
        )
    elif roll < 0.45:  # decimals: "2.5", "9.30", ".08", "1,5"
        text = rng.choice(("", text)) + rng.choice(".,") + digits(rng)
    if rng.random() < 0.15:
        text += exponent(rng)
    if rng.random() < 0.15:
        text += rng.choice(("", " ")) + rng.choice(SCALES)
    if rng.random() < 0.1:
        text = rng.choice(SIGNS + CURRENCIES) + rng.choice(("", " ")) + text
    return text


def piece(rng: random.Random) -> str:
    """Return one piece of a text: a number, a number word, a unit, a fraction, a joiner, …"""
    roll = rng.random()
    if roll < 0.35:
        return number(rng)
    if roll < 0.5:
        return words(rng)
    if roll < 0.55:
        return exponent(rng)
    word = rng.choice(rng.choice(TABLES))
    return word.capitalize() if rng.random() < 0.05 else word


def random_text(rng: random.Random) -> str:
    """Return a text of 1 to 12 pieces, joined mostly by spaces."""
    parts = [piece(rng)]
    for _ in range(rng.randint(0, 11)):
        parts += [rng.choice(SEPARATORS), piece(rng)]
    return "".join(parts)


@contextlib.contextmanager
def unguarded() -> Iterator[None]:
    """Let an error raised while reading one figure out of the pipeline, instead of a rejection."""
    from service.core import pipeline

    guarded = pipeline._READING_ERRORS
    pipeline._READING_ERRORS = ()  # an empty tuple: ``except ():`` catches nothing
    try:
        yield
    finally:
        pipeline._READING_ERRORS = guarded


def not_finite(claims) -> bool:
    """Tell whether a claim states a number that is not finite (JSON has none)."""
    for claim in claims:
        numbers = [claim.value, claim.low, claim.high]
        if claim.normalized is not None:
            numbers += [claim.normalized.value, claim.normalized.low, claim.normalized.high]
        if any(n is not None and not math.isfinite(n) for n in numbers):
            return True
    return False


def unlocated(claims, text: str) -> bool:
    """Tell whether a claim's text is not the input's at its offsets."""
    return any(text[c.start : c.end] != c.text for c in claims)


@dataclass
class FuzzReport:
    """What a fuzz run found: counts, and the first inputs of each kind of failure."""

    inputs: int = 0
    claims: int = 0
    malformed: int = 0  # rejected as malformed: bad digits, numbers past a float's range
    exceptions: int = 0
    non_finite: int = 0
    unlocated: int = 0
    examples: dict[str, str] = field(default_factory=dict)  # failure kind → its first input

    @property
    def failed(self) -> bool:
        return bool(self.exceptions or self.non_finite or self.unlocated)

    def note(self, kind: str, text: str) -> None:
        self.examples.setdefault(kind, text)


def check_text(text: str, report: FuzzReport, reference_date: str | None = None) -> None:
    """Explain ``text`` unguarded and add what happened to ``report``."""
    from service.core import explain

    report.inputs += 1
    try:
        with unguarded():
            explanation = explain(text, reference_date=reference_date)
    except Exception as error:  # a fuzz counts every kind
        report.exceptions += 1
        where = traceback.extract_tb(error.__traceback__)[-1]
        kind = f"{type(error).__name__} at {where.filename.rsplit('/', 1)[-1]}:{where.lineno}"
        report.note(kind, text)
        return
    report.claims += len(explanation.claims)
    report.malformed += sum(r.reason == "malformed" for r in explanation.rejected)
    if not_finite(explanation.claims):
        report.non_finite += 1
        report.note("non-finite", text)
    if unlocated(explanation.claims, text):
        report.unlocated += 1
        report.note("unlocated", text)


def fuzz(count: int, seed: int = 0) -> FuzzReport:
    """Check ``count`` random texts from ``seed``; every eighth with a reference date."""
    rng = random.Random(seed)
    report = FuzzReport()
    for n in range(count):
        check_text(random_text(rng), report, "2024-02-29" if n % 8 == 0 else None)
    return report
