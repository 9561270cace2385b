"""Every text the project has, gathered for the golden snapshot of the core's output.

The snapshot (``tests/test_golden.py``) pins the full claim JSON of each text, so that a
restructuring of the core is seen to change nothing, or only what a commit names. The texts
are the inputs of every table under ``tests/data``, the sample articles in ``seeds/``, the
peers' suite inputs, the batch tests' corpus and a slice of the seeded benchmark corpus. The
adversarial table's texts are built by repetition up to a megabyte; the snapshot pins each at a
tenth of its size, at most 600 characters (twice the sentence window of about 300), which
keeps the file small and the run short.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
# How much of the seeded benchmark corpus the snapshot covers, and with which seed.
CORPUS_BYTES, CORPUS_SEED = 120_000, 1
ADVERSARIAL_CHARS = 600


def _table(path: Path, key: str) -> Iterator[tuple[str, str]]:
    for number, row in enumerate(json.loads(path.read_text(encoding="utf-8"))):
        name = row.get("id", number) if isinstance(row, dict) else number
        text = row[key] if isinstance(row, dict) else row
        if isinstance(text, str):
            yield f"{path.relative_to(ROOT)}#{name}", text


def _adversarial() -> Iterator[tuple[str, str]]:
    path = DATA / "adversarial.json"
    for row in json.loads(path.read_text(encoding="utf-8")):
        size = min(row["chars"] // 10, ADVERSARIAL_CHARS)
        piece = row["piece"]
        if row["build"] == "repeat":
            text = (piece * (size // len(piece) + 1))[:size]
        else:  # "nest": the piece inside brackets, as deep as the size allows
            depth = max(size - len(piece), 0) // 2
            text = "(" * depth + piece + ")" * depth
        yield f"{path.relative_to(ROOT)}#{row['id']}", text


def _corpora() -> Iterator[tuple[str, str]]:
    from batch_corpus import documents

    from benchmarks.corpus import generate

    for record in documents():
        yield f"tests/batch_corpus.py#{record['id']}", record["text"]
    # One entry a paragraph, so that a difference points at a few lines, not at 120 KB.
    paragraphs = generate(CORPUS_BYTES, CORPUS_SEED).split("\n\n")
    for number, paragraph in enumerate(paragraphs):
        yield f"benchmarks.corpus:{CORPUS_SEED}#{number}", paragraph


def texts() -> Iterator[tuple[str, str]]:
    """Yield ``(name, text)`` for every text, the names unique and stable."""
    for path in sorted((DATA / "claims").glob("*.json")):
        yield from _table(path, "text")
    for name in ("negatives", "candidates", "exact_values", "sentences"):
        yield from _table(DATA / f"{name}.json", "text")
    yield from _adversarial()
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        yield f"seeds/{path.name}", path.read_text(encoding="utf-8")
    for path in sorted((DATA / "peers" / "quantulum3").glob("*.json")):
        yield from _table(path, "req")
    for path in sorted((DATA / "peers" / "recognizers-text").glob("*.json")):
        yield from _table(path, "Input")
    yield from _corpora()
