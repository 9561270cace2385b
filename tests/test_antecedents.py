"""What a pronoun or a definite change noun stands for (``service/core/antecedents.py``).

A row gives a text, one of its claims and that claim's subject (None: none): a pronoun takes
the noun phrase it stands for, by salience and number; traps beside them (a phrase after a
preposition, dummy "It", a number that does not agree, a possessive that is no pronoun).
"""

import pytest

from service.core import extract

# (id, text, claim text, subject or None)
ROWS = [
    ("it-subject-before", "Copper had a rough week. It shed 6% on Friday.", "6%", "Copper"),
    ("they-subject-before", "Sales disappointed. They fell 3% in May.", "3%", "Sales"),
    ("it-same-sentence", "The mirror is 6.5 metres across, and it weighs 705kg.", "705kg",
     "The mirror"),
    ("they-same-sentence", "Retail sales dropped 0.8% in May; they had risen 1.1% in April.",
     "1.1%", "Retail sales"),
    ("it-takes-the-object-when-the-subject-is-plural",
     "Scientists measured the ozone layer over the pole again in October. It had thickened by "
     "8% since the previous survey.", "8%", "the ozone layer"),
    ("there-takes-a-plural", "The survey counted the island's puffins. There were 48,000.",
     "48,000", "the island's puffins"),
    ("that-stands-for-the-figure-before",
     "Their average crowd dropped to 14,200. That was 2,300 fewer than the year before.",
     "2,300", "Their average crowd"),
    ("definite-change-noun", "Flu cases rose sharply in December. The increase was 35% on "
     "November.", "35%", "Flu cases"),
    ("bare-change-noun-is-a-quantity", "Growth slowed to 0.2% in the second quarter.", "0.2%",
     "Growth"),
    ("place-adjunct-left-out", "Snowfall in the mountains was light. It totalled 80cm.", "80cm",
     "Snowfall"),
    # Traps.
    ("trap-phrase-after-a-preposition", "Among children it is 19%.", "19%", None),
    ("trap-dummy-it-is-no-antecedent", "It was the wettest March on record. It totalled 210mm.",
     "210mm", None),
    ("trap-no-antecedent", "It was worth about $5m, the court heard.", "about $5m", None),
    ("trap-number-does-not-agree", "The ministers met on Monday. It cost $4m.", "$4m", None),
    ("trap-possessive-is-no-pronoun", "Its revenue rose 4% last year.", "4%", "Its revenue"),
    ("trap-indefinite-change-noun", "Car thefts fell. There were 31,000, a drop of 9%.", "9%",
     "Car thefts"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "claim", "expected"), [
    pytest.param(text, claim, expected, id=name) for name, text, claim, expected in ROWS
])  # fmt: skip
def test_antecedent(text, claim, expected):
    found = {c.text: c for c in extract(text)}
    assert claim in found, sorted(found)
    subject = found[claim].subject
    assert (subject.text if subject else None) == expected
    if subject is not None:
        assert text[subject.start : subject.end] == subject.text
