"""Every subject rule's examples, run through ``extract``: the rules' corpus is their test.

The examples stand beside the rules (``service/core/subjects.py``, ``SUBJECT_RULES``) so that a
reader sees what each rule is for, a trap next to the readings it must not take; here each
one's claim must come out with that subject (None: none).
"""

import pytest

from service.core import extract
from service.core.subjects import SUBJECT_RULES

CASES = [
    pytest.param(example, id=f"{rule.name[:30]}: {example.text[:40]}")
    for rule in SUBJECT_RULES
    for example in rule.examples
]


@pytest.mark.parametrize("example", CASES)
def test_example(example):
    found = {claim.text: claim for claim in extract(example.text)}
    assert example.claim in found, sorted(found)
    subject = found[example.claim].subject
    assert (subject.text if subject else None) == example.subject


def test_every_rule_has_examples_and_a_unique_name():
    names = [rule.name for rule in SUBJECT_RULES]
    assert len(set(names)) == len(names)
    for rule in SUBJECT_RULES:
        assert rule.examples, rule.name


def test_the_subject_is_a_span_of_the_text():
    for rule in SUBJECT_RULES:
        for example in rule.examples:
            for claim in extract(example.text):
                if claim.subject is not None:
                    span = claim.subject
                    assert example.text[span.start : span.end] == span.text
