"""Rules as data: a named rule, what it decides, and the examples that motivated it.

A stage that is a list of rules (``rules.CLAIM_RULES``, ``non_claims.NON_CLAIM_RULES``) holds an
ordered tuple of these; ``tests/test_rule_examples.py`` runs every example through ``explain``,
so the examples are both the rule's documentation and its test (as Duckling keeps a corpus
beside each rule set).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Example:
    """A sentence a rule reads, and what ``explain`` must make of it."""

    text: str  # written for this project, never copied from an article or a data set
    claims: tuple[str, ...] = ()  # the text of every claim, in order (all of them)
    rejected: tuple[tuple[str, str], ...] = ()  # (text, reason) the rejections must include
