"""Every rule's examples, run through ``explain``: the rules' corpus is their test.

The examples stand beside the rules (``service/core/rules.py``, ``service/core/non_claims.py``)
so that a reader sees what each rule is for; here each one must come out as it says: exactly
those claims, and at least those rejections with those reasons.
"""

import pytest

from service.core import explain
from service.core.non_claims import NON_CLAIM_RULES
from service.core.reasons import REASONS
from service.core.rules import CLAIM_RULES

CASES = [
    pytest.param(rule.name, example, id=f"{rule.name[:40]}: {example.text[:40]}")
    for rule in (*CLAIM_RULES, *NON_CLAIM_RULES)
    for example in rule.examples
]


@pytest.mark.parametrize(("rule", "example"), CASES)
def test_example(rule, example):
    result = explain(example.text)
    assert tuple(claim.text for claim in result.claims) == example.claims, rule
    given = {(r.text, r.reason) for r in result.rejected}
    for expected in example.rejected:
        assert expected in given, (rule, sorted(given))


def test_every_rule_has_examples():
    for rule in (*CLAIM_RULES, *NON_CLAIM_RULES):
        assert rule.examples, rule.name


def test_every_reason_a_rule_gives_is_documented():
    for rule in NON_CLAIM_RULES:
        assert set(rule.reasons) <= set(REASONS), rule.name
        for example in rule.examples:
            assert {reason for _, reason in example.rejected} <= set(rule.reasons), rule.name
