"""The golden snapshot: the full claim JSON of every text the project has, compared exactly.

Any change of the core's output shows here, down to the last bit of a float. A deliberate
change updates the snapshot in a commit of its own that says why:

    FIGURES_WRITE_GOLDEN=1 python -m pytest tests/test_golden.py

then read ``git diff tests/data/golden.jsonl`` before committing it.
"""

import dataclasses
import hashlib
import json
import os
from pathlib import Path

import pytest
from golden_texts import texts

SNAPSHOT = Path(__file__).parent / "data" / "golden.jsonl"


def _entry(extract, name: str, text: str) -> dict:
    """One snapshot line: the text's name and digest (so edits of a table show), its claims."""
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    claims = [dataclasses.asdict(claim) for claim in extract(text)]
    return {"name": name, "sha256": digest, "claims": claims}


def _line(entry: dict) -> str:
    return json.dumps(entry, ensure_ascii=False, sort_keys=True, allow_nan=False)


@pytest.fixture(scope="module")
def observed(extract) -> dict[str, str]:
    return {name: _line(_entry(extract, name, text)) for name, text in texts()}


def test_snapshot(observed):
    if os.environ.get("FIGURES_WRITE_GOLDEN"):
        SNAPSHOT.write_text("".join(line + "\n" for line in observed.values()), encoding="utf-8")
    pinned = {}
    for line in SNAPSHOT.read_text(encoding="utf-8").splitlines():
        pinned[json.loads(line)["name"]] = line
    assert sorted(observed) == sorted(pinned), "texts were added or removed: rewrite the snapshot"
    changed = [name for name in observed if observed[name] != pinned[name]]
    for name in changed[:5]:
        assert observed[name] == pinned[name], name  # the first few differences, in full
    assert not changed, f"{len(changed)} texts differ"
