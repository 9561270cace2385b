"""A small news-like corpus for the batch and Spark tests, made here: it needs nothing else."""

from __future__ import annotations

import json
import random
from dataclasses import asdict
from pathlib import Path

TEMPLATES = (
    "About {count} people fled the city, officials said.",
    "The company said revenue rose {small}% to ${small}.{digit}bn in the quarter.",
    "Between {count} and {more} troops were deployed along the border.",
    "The bridge is {small} km long and cost £{small}m.",
    "More than {count} homes lost power for up to {small} hours.",
    "The ministry published no new figures on Tuesday.",
    "Le café coûte {small} € — “cher”, said one customer 🙂.",
    "Temperatures fell to -{small}C overnight in the north.",
    "Some {written} inspectors arrived on 14 October 2017.",
    "Hundreds of protesters gathered, and {count} were arrested.",
    "Prices climbed {small}.{digit} percent from a year earlier.",
    "The {small}-year-old runner finished the 400m in {small} seconds.",
)
WRITTEN = ("two", "seventy-five", "a dozen", "three hundred", "forty")


def documents(count: int = 200, seed: int = 9) -> list[dict[str, str]]:
    """Make ``count`` documents of zero to eight sentences, the same for a given seed."""
    rng = random.Random(seed)
    made = []
    for number in range(count):
        sentences = [_fill(rng, rng.choice(TEMPLATES)) for _ in range(rng.randint(0, 8))]
        made.append({"id": f"doc-{number:03d}", "text": " ".join(sentences)})
    return made


def _fill(rng: random.Random, template: str) -> str:
    low = rng.randint(2, 20_000)
    return template.format(
        count=f"{low:,}",
        more=f"{low + rng.randint(1, 5_000):,}",
        small=rng.randint(2, 99),
        digit=rng.randint(0, 9),
        written=rng.choice(WRITTEN),
    )


def write_json_lines(path: Path, records: list[dict]) -> Path:
    """Write records as JSON Lines (non-ASCII as UTF-8, not escaped)."""
    with path.open("w", encoding="utf-8") as file:
        for record in records:
            file.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def expected_claims(
    extract, records: list[dict], default: str | None = None
) -> dict[str, list[dict]]:
    """Map each document's id to its claims from ``extract()`` called directly, as JSON values.

    Each document's text is read with its own ``reference_date``, else ``default``.
    """
    return {
        record["id"]: [
            json.loads(json.dumps(asdict(claim)))
            for claim in extract(
                record["text"], reference_date=record.get("reference_date") or default
            )
        ]
        for record in records
    }


# The default reference date of the dated corpus's runs (--reference-date).
DEFAULT_DATE = "2017-10-14"


def dated_documents(count: int = 48, seed: int = 17) -> list[dict]:
    """The corpus with reference dates: a third with their own, a third null, a third none."""
    records = documents(count, seed)
    for number, record in enumerate(records):
        if number % 3 == 0:
            record["reference_date"] = (
                f"20{10 + number % 9:02d}-{1 + number % 12:02d}-{1 + number % 28:02d}"
            )
        elif number % 3 == 1:
            record["reference_date"] = None
    return records


def claims_by_document(rows: list[dict]) -> dict[str, list[dict]]:
    """Group claim rows by document, in output order, dropping the row's own columns."""
    grouped: dict[str, list[dict]] = {}
    for row in rows:
        if row.get("error") is None:
            claim = {k: v for k, v in row.items() if k not in ("id", "index", "error")}
            grouped.setdefault(row["id"], []).append((row["index"], claim))
    for document, indexed in grouped.items():
        indices = [index for index, _ in indexed]
        assert indices == list(range(len(indexed))), f"{document}: rows out of order {indices}"
        grouped[document] = [claim for _, claim in indexed]
    return grouped


# Bad documents, one of each kind: (name, line of JSON Lines as bytes, id, reason).
# The corpus's FIGURES_MAX_TEXT_BYTES is 400 (see BAD_LIMIT).
BAD_LIMIT = "400"
BAD_LINES = (
    ("not-json", b'{"id": "a", "text": "5 people"', None, "not JSON (Expecting ',' delimiter"),
    ("not-an-object", b'["b", "5 people"]', None, "not a JSON object"),
    ("missing-id", b'{"text": "5 people"}', None, "missing id"),
    ("empty-id", b'{"id": "", "text": "5 people"}', None, "missing id"),
    ("id-a-list", b'{"id": ["c"], "text": "5 people"}', None, "id is not a string or an integer"),
    ("missing-text", b'{"id": "d"}', "d", "missing text"),
    ("text-a-number", b'{"id": "e", "text": 5}', "e", "text is not a string but a number"),
    ("text-null", b'{"id": "f", "text": null}', "f", "text is not a string but null"),
    ("text-an-object", b'{"id": "g", "text": {"t": 1}}', "g", "text is not a string but an object"),
    ("over-the-limit", b'{"id": "h", "text": "' + b"12 cats. " * 50 + b'"}', "h", "over the limit"),
    ("not-utf8", b'{"id": "i", "text": "Caf\xe9 12"}', None, "not UTF-8 (byte 24)"),
    ("lone-surrogate", b'{"id": "j", "text": "12 \\ud800 cats"}', "j", "lone surrogate at 3"),
)
# Bad text files: (name, file name, bytes, reason).
BAD_FILES = (
    ("text-not-utf8", "latin.txt", b"Caf\xe9 12 people", "not UTF-8 (byte 3)"),
    ("text-over-the-limit", "long.txt", b"12 cats. " * 50, "over the limit"),
)
GOOD_LINE = b'{"id": 7, "text": "About 3,000 people fled."}'  # an integer id is kept as "7"


def write_bad_inputs(directory: Path) -> tuple[Path, Path]:
    """Write a JSON Lines file of bad documents between good ones, and a folder of text files."""
    lines = directory / "bad.jsonl"
    lines.write_bytes(b"\n".join([GOOD_LINE, *(line for _, line, _, _ in BAD_LINES), GOOD_LINE]))
    texts = directory / "texts"
    texts.mkdir()
    for _, name, data, _ in BAD_FILES:
        (texts / name).write_bytes(data)
    (texts / "good.txt").write_text("Some 12 boats sank.", encoding="utf-8")
    return lines, texts
