"""Spark ``local[N]`` splits JSON Lines into enough even partitions for the cores to end together.

Spark's defaults cut a file by its bytes per core plus a 4 MiB "open cost": 10 MB on two cores
became partitions of 7.1 and 2.9 MB, and a few MB stayed one partition, one core idle
throughout. ``local_session`` asks for ``PARTITIONS_PER_CORE`` per core instead; a small input
stays whole (a task per line would be all overhead).
"""

import json

import pytest
from test_spark import ensure_java

LINE_TEXT = "The council said 40 of its 120 buses run on diesel. " * 56  # about 3 KB a line
WORKERS = 2

# (name, lines of about 3 KB, fewest partitions, most partitions, largest share of the lines)
CASES = [
    ("a few lines stay whole", 20, 1, 1, 1.0),
    ("one MB is cut for both cores", 330, 2 * WORKERS, 8 * WORKERS + 1, 1 / 3),
    ("three MB is cut evenly", 1000, 2 * WORKERS, 8 * WORKERS + 1, 1 / 6),
]


@pytest.fixture(scope="module")
def spark():
    ensure_java()
    from service.batch.spark import local_session

    session = local_session(WORKERS)
    yield session
    session.stop()


@pytest.mark.parametrize(
    ("lines", "fewest", "most", "largest"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_partitions_fill_every_core(spark, tmp_path, lines, fewest, most, largest):
    from service.batch.readers import max_text_bytes
    from service.batch.spark import read_documents

    path = tmp_path / "input.jsonl"
    with path.open("w", encoding="utf-8") as file:
        for number in range(lines):
            file.write(json.dumps({"id": f"d{number:05d}", "text": LINE_TEXT}) + "\n")
    documents = read_documents(spark, [str(path)], "auto", max_text_bytes())
    sizes = documents.glom().map(len).collect()
    assert sum(sizes) == lines
    assert fewest <= len(sizes) <= most, sizes
    assert max(sizes) <= largest * lines + 1, sizes
