"""Write news-like English text of a given size, the same for a given seed, so runs compare.

The text reads like wire copy: articles with a headline, a dateline and paragraphs, made of the
project's own sample documents (``seeds/*.txt``, their figures redrawn) mixed with sentence
templates. Some sentences carry claims (counts, ranges, bounds, money, percentages,
measurements); others carry only what is not a claim (dates, times, years, ordinals,
identifiers, scores) or no number at all. Text is cut at a sentence end, so the text of a seed
at one size is a prefix of its text at any larger size.

    python -m benchmarks.corpus --bytes 1000000 --seed 1 > corpus.txt
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from . import _wire as w

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
# Share of sentences drawn from the sample documents, from claim templates; the rest carry none.
_SEED_SHARE, _CLAIM_SHARE = 0.3, 0.5
_SLOT = re.compile(r"\{(\w+)\}")
_HEADER = re.compile(r"^\s*date \d{4}-\d{2}-\d{2}\s+")  # the sample documents' metadata line
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")
_FIGURE = re.compile(r"\d+(?:\.\d+)?")


def generate(size: int, seed: int = 1) -> str:
    """Return at most ``size`` UTF-8 bytes of text, ending with a whole sentence and a newline."""
    rng = random.Random(seed)
    parts: list[str] = []
    total = 1  # the final newline
    for chunk in _chunks(rng, _seed_sentences()):
        length = len(chunk.encode("utf-8"))
        if total + length > size:
            break
        parts.append(chunk)
        total += length
    text = "".join(parts).rstrip()
    return text + "\n" if text else ""


def article(seed: int = 1, size: int = 3000) -> str:
    """Return one article-sized text, as a client would post it."""
    return generate(size, seed)


def _seed_sentences() -> tuple[str, ...]:
    """Read the sample documents' sentences (only ``.txt``: the rest are expectations)."""
    sentences: list[str] = []
    for path in sorted(SEEDS.glob("*.txt")):
        body = _HEADER.sub("", path.read_text(encoding="utf-8"))
        for paragraph in body.split("\n"):
            sentences.extend(s.strip() for s in _SENTENCE_END.split(paragraph) if s.strip())
    if not sentences:
        raise FileNotFoundError(f"no sample sentences in {SEEDS}/*.txt")
    return tuple(sentences)


def _chunks(rng: random.Random, seeds: tuple[str, ...]) -> Iterator[str]:
    """Yield articles forever, a sentence at a time (the first with the headline and dateline)."""
    while True:
        headline = _fill(rng, rng.choice(w.HEADLINES))
        dateline = f"{_fill(rng, '{city}').upper()}, {_date(rng)} ({rng.choice(w.AGENCIES)}) — "
        lead = f"{headline}\n\n{dateline}"
        for _paragraph in range(rng.randint(6, 14)):
            count = rng.randint(1, 3)
            for index in range(count):
                yield lead + _sentence(rng, seeds) + (" " if index < count - 1 else "\n\n")
                lead = ""


def _sentence(rng: random.Random, seeds: tuple[str, ...]) -> str:
    draw = rng.random()
    if draw < _SEED_SHARE:
        return _redraw(rng, rng.choice(seeds))
    if draw < _SEED_SHARE + _CLAIM_SHARE:
        return _fill(rng, rng.choice(w.CLAIM_TEMPLATES))
    return _fill(rng, rng.choice(w.OTHER_TEMPLATES))


def _fill(rng: random.Random, template: str) -> str:
    """Replace each ``{slot}`` with a fresh draw: two ``{count}`` slots get two numbers."""
    text = _SLOT.sub(lambda m: _SLOTS[m.group(1)](rng), template)
    return text[0].upper() + text[1:]


def _redraw(rng: random.Random, sentence: str) -> str:
    """Give a sample sentence new figures of the same shape: years stay years, days stay days."""

    def figure(match: re.Match[str]) -> str:
        digits = match.group(0)
        if "." in digits:
            return f"{rng.uniform(0.1, 99):.{len(digits.split('.')[1])}f}"
        value = int(digits)
        if len(digits) == 4 and 1900 <= value <= 2099:
            return str(rng.randint(1995, 2024))
        if value <= 31 and re.match(r"\s+(?:" + "|".join(w.MONTHS) + ")", sentence[match.end() :]):
            return str(rng.randint(1, 28))
        return str(rng.randint(10 ** (len(digits) - 1), 10 ** len(digits) - 1))

    return _FIGURE.sub(figure, sentence)


def _number(rng: random.Random, low: float, high: float) -> float:
    """Draw log-uniformly, as figures in the news are: as many tens as thousands."""
    return low * (high / low) ** rng.random()


def _count(rng: random.Random) -> str:
    style = rng.random()
    if style < 0.15:
        return rng.choice(w.WRITTEN)
    if style < 0.25:
        return f"{_number(rng, 1.1, 9.9):.1f} million"
    if style < 0.3:
        return f"{_number(rng, 1.1, 9.9):.1f}m"
    return _grouped(round(_number(rng, 2, 250_000)))


def _grouped(value: int) -> str:
    """Write 1,250 or 1250, as papers do, rounding big numbers the way reporters round them."""
    if value >= 1000:
        value = round(value, -1 if value < 10_000 else -2)
    return f"{value:,}" if value >= 10_000 or value % 2 else str(value)


def _range(rng: random.Random) -> str:
    low = round(_number(rng, 2, 20_000), -1 if rng.random() < 0.6 else 0) or 5
    high = low + max(1, round(low * rng.uniform(0.1, 1.0)))
    shape = rng.choice(w.RANGE_SHAPES)
    return shape.format(low=_grouped(int(low)), high=_grouped(int(high)))


def _bound(rng: random.Random) -> str:
    return f"{rng.choice(w.BOUNDS)} {_grouped(round(_number(rng, 3, 50_000)))}"


def _money(rng: random.Random) -> str:
    symbol = rng.choice(w.CURRENCIES)
    style = rng.random()
    if style < 0.35:
        return f"{symbol}{_number(rng, 1.1, 99):.1f}{rng.choice(('bn', 'm'))}"
    if style < 0.7:
        return f"{symbol}{_number(rng, 1.1, 99):.1f} {rng.choice(('billion', 'million'))}"
    return f"{symbol}{_grouped(round(_number(rng, 20, 900_000)))}"


def _percent(rng: random.Random) -> str:
    value = _number(rng, 0.2, 80)
    text = f"{value:.1f}" if value < 10 else str(round(value))
    return text + rng.choice(w.PERCENT_SIGNS)


def _quantity(kind: str) -> Callable[[random.Random], str]:
    return lambda rng: _measure(rng, *w.QUANTITIES[kind])


def _measure(rng: random.Random, low: float, high: float, decimals: int, units: tuple) -> str:
    value = _number(rng, low, high)
    text = f"{value:,.{decimals}f}" if decimals else _grouped(round(value))
    return text + rng.choice(units)


def _date(rng: random.Random) -> str:
    month, day = rng.choice(w.MONTHS), rng.randint(1, 28)
    return f"{month} {day}" if rng.random() < 0.5 else f"{day} {month}"


def _time(rng: random.Random) -> str:
    hour, minute = rng.randint(1, 12), rng.choice((0, 15, 30, 45))
    if rng.random() < 0.5:
        return f"{hour}:{minute:02d} {rng.choice(('a.m.', 'p.m.'))}"
    return f"{hour + 8:02d}:{minute:02d} GMT"


def _pick(words: tuple[str, ...]) -> Callable[[random.Random], str]:
    return lambda rng: rng.choice(words)


_SLOTS: dict[str, Callable[[random.Random], str]] = {
    "count": _count,
    "range": _range,
    "bound": _bound,
    "money": _money,
    "percent": _percent,
    "date": _date,
    "time": _time,
    "year": lambda rng: str(rng.randint(1990, 2024)),
    "day": lambda rng: str(rng.randint(1, 28)),
    "small": lambda rng: str(rng.randint(2, 12)),
    "score": lambda rng: f"{rng.randint(1, 5)}-{rng.randint(0, 1)}",
    "age": lambda rng: f"{rng.randint(17, 89)}-year-old",
    "ordinal": _pick(w.ORDINALS),
    "ident": _pick(w.IDENTIFIERS),
    "city": _pick(w.CITIES),
    "country": _pick(w.COUNTRIES),
    "org": _pick(w.ORGANISATIONS),
    "person": _pick(w.PEOPLE),
    "title": _pick(w.TITLES),
    "noun": _pick(w.NOUNS),
    "weekday": _pick(w.WEEKDAYS),
    "month": _pick(w.MONTHS),
    "team": _pick(w.TEAMS),
    **{kind: _quantity(kind) for kind in w.QUANTITIES},
}


def main(argv: list[str] | None = None) -> int:
    """Write the corpus to standard output."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bytes", type=int, default=1_000_000, help="at most this many bytes")
    parser.add_argument("--seed", type=int, default=1, help="the same seed writes the same text")
    args = parser.parse_args(argv)
    sys.stdout.write(generate(args.bytes, args.seed))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
