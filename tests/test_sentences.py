import json
from pathlib import Path

import pytest

from service.core.sentences import split

CASES = json.loads((Path(__file__).parent / "data" / "sentences.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", [pytest.param(c, id=c["id"]) for c in CASES])
def test_split(case):
    spans = split(case["text"])
    assert [s.text for s in spans] == case["sentences"]
    for span in spans:
        assert case["text"][span.start : span.end] == span.text
