"""The language tables keep the promises their readers rely on: a typo in a row fails here.

Each table is matched a certain way: lower-cased tokens (``tok.lower in STOPWORDS``), tokens
as written (``tok.text in MONTHS``), phrases of tokens, or lower-cased words cut from the text
by a regex (the sentence splitter). A row that can never match, because it has a capital, a
space, two tokens where one is looked up, or a stray empty string, is a silent bug: these
checks find it. Currencies have their own tests (``test_currencies.py``).
"""

import ast
import re
from pathlib import Path
from typing import get_args

import pytest

from service.core import masks
from service.core.english import (
    bounds,
    calendar,
    changes,
    common,
    currencies,
    measures,
    names,
    phrases,
    reporting,
    sentences,
)
from service.core.model import Relation
from service.core.numbers import tokenize
from service.core.units import lexicon

ENGLISH = Path(calendar.__file__).parent

# Tables looked up with a lower-cased token: each row is one token, in lower case.
LOWER_TOKENS = {
    "bounds.HEDGE_VERBS": bounds.HEDGE_VERBS,
    "bounds.RANGE_CONNECTORS": bounds.RANGE_CONNECTORS,
    "bounds.YEAR_BEFORE_BOUND": bounds.YEAR_BEFORE_BOUND,
    "calendar.YEAR_PREPOSITIONS": calendar.YEAR_PREPOSITIONS,
    "calendar.CLOCK_MINUTE_WORDS": calendar.CLOCK_MINUTE_WORDS,
    "calendar.CLAUSE_BREAKS": calendar.CLAUSE_BREAKS,
    "calendar.CLAUSE_OPENERS": calendar.CLAUSE_OPENERS,
    "calendar.CLAUSE_DIVIDES": calendar.CLAUSE_DIVIDES,
    "calendar.PRESENT_WORDS": calendar.PRESENT_WORDS,
    "calendar.PERFECT_WORDS": calendar.PERFECT_WORDS,
    "calendar.NOW_WORDS": calendar.NOW_WORDS,
    "calendar.COUNTED_UNITS": tuple(calendar.COUNTED_UNITS),
    "calendar.PART_ORDINALS": tuple(calendar.PART_ORDINALS),
    "calendar.PART_LETTERS": tuple(calendar.PART_LETTERS),
    "calendar.YEAR_THIRDS": tuple(calendar.YEAR_THIRDS),
    "calendar.TIME_EDGES": calendar.TIME_EDGES,
    "calendar.FISCAL_WORDS": calendar.FISCAL_WORDS,
    "calendar.SPAN_ENDS": calendar.SPAN_ENDS,
    "calendar.ANAPHORIC_UNITS": calendar.ANAPHORIC_UNITS,
    "calendar.EVENT_NOUNS": calendar.EVENT_NOUNS,
    "calendar.VAGUE_UNITS": calendar.VAGUE_UNITS,
    "calendar.VAGUE_OPENERS": calendar.VAGUE_OPENERS,
    "calendar.MONTH_SUBJECT_VERBS": calendar.MONTH_SUBJECT_VERBS,
    "calendar.MATCH_WORDS": calendar.MATCH_WORDS,
    "calendar.RECORD_WORDS": calendar.RECORD_WORDS,
    "calendar.NOT_SUPERLATIVES": calendar.NOT_SUPERLATIVES,
    "calendar.BASE_OPENERS": calendar.BASE_OPENERS,
    "calendar.DAY_PARTS_AHEAD": tuple(calendar.DAY_PARTS_AHEAD),
    "calendar.SAME_UNITS": calendar.SAME_UNITS,
    "calendar.APPOSITION_WORDS": calendar.APPOSITION_WORDS,
    "calendar.NOT_ASIDE_OPENERS": calendar.NOT_ASIDE_OPENERS,
    "reporting.FORECAST_VERBS": reporting.FORECAST_VERBS,
    "common.IRREGULAR_PLURALS": common.IRREGULAR_PLURALS,
    "common.NOT_PLURALS": common.NOT_PLURALS,
    "common.STOPWORDS": common.STOPWORDS,
    "names.IDENTIFIER_NOUNS": names.IDENTIFIER_NOUNS,
    "names.SCORE_WORDS": names.SCORE_WORDS,
    "measures.CONTEXT_SYMBOLS": measures.CONTEXT_SYMBOLS,
    "measures.SMALL_LENGTHS": tuple(measures.SMALL_LENGTHS),
    "measures.SIZE_WORDS": measures.SIZE_WORDS,
    "measures.EXTENT_ADJECTIVES": measures.EXTENT_ADJECTIVES,
    "measures.PHRASE_ENDS": measures.PHRASE_ENDS,
    "measures.DATA_WORDS": measures.DATA_WORDS,
    "currencies.WORD_CODES": currencies.WORD_CODES,
    **{
        f"phrases.{name}": getattr(phrases, name)
        for name in dir(phrases)
        if name.isupper() and isinstance(getattr(phrases, name), frozenset | tuple)
    },
    "changes.CHANGE_WORDS": tuple(changes.CHANGE_WORDS),
    "changes.CHANGE_NOUNS": tuple(changes.CHANGE_NOUNS),
}

# Tables looked up with a token as written: each row is one token, case as in the text.
EXACT_TOKENS = {
    "calendar.MONTHS": calendar.MONTHS,
    "calendar.WEEKDAYS": calendar.WEEKDAYS,
    "common.CLAUSE_MARKS": common.CLAUSE_MARKS,
    "measures.SPACED_LETTER_OK": measures.SPACED_LETTER_OK,
}

# Tables of lower-cased words that a regex cuts from the text (no tokeniser): lower case.
LOWER_WORDS = {
    "sentences.ABBREVIATIONS": sentences.ABBREVIATIONS,
    "sentences.SENTENCE_OPENERS": sentences.SENTENCE_OPENERS,
    "measures.NEWS_SURFACES": tuple(measures.NEWS_SURFACES),
    "measures.KEPT_DIMENSIONLESS": measures.KEPT_DIMENSIONLESS,
}

# Tables of phrases: tuples of lower-case tokens, matched token by token.
PHRASES = {
    "bounds.BEFORE": tuple(bounds.BEFORE),
    "bounds.AFTER": tuple(bounds.AFTER),
    "bounds.COUNTING_BOUNDS": tuple(bounds.COUNTING_BOUNDS),
    "calendar.FUTURE_PHRASES": tuple(calendar.FUTURE_PHRASES),
    "calendar.YEAR_BEFORE": calendar.YEAR_BEFORE,
}

# Tables whose rows name a unit of the lexicon (a misspelt name is skipped without a word).
UNIT_NAMES = {
    "measures.PREFERRED_READINGS": measures.PREFERRED_READINGS,
    "measures.NEWS_SURFACES": measures.NEWS_SURFACES,
    "measures.NEWS_SYMBOLS": measures.NEWS_SYMBOLS,
    "measures.SMALL_LENGTHS": measures.SMALL_LENGTHS,
    "currencies.CURRENCY_READINGS": currencies.CURRENCY_READINGS,
    "currencies.CURRENCY_SPELLINGS": currencies.CURRENCY_SPELLINGS,
}

ALL_WORDS = {**LOWER_TOKENS, **EXACT_TOKENS, **LOWER_WORDS}


def _tokens(text: str) -> list[str]:
    return [token.text for token in tokenize(text)]


@pytest.mark.parametrize("name", sorted(ALL_WORDS))
def test_no_empty_or_padded_rows(name):
    for row in ALL_WORDS[name]:
        assert isinstance(row, str), (name, row)
        assert row, name
        assert row == row.strip(), (name, row)


@pytest.mark.parametrize("name", sorted({**LOWER_TOKENS, **LOWER_WORDS}))
def test_lower_case_tables_are_lower_case(name):
    table = {**LOWER_TOKENS, **LOWER_WORDS}[name]
    assert [row for row in table if row != row.lower()] == [], name


@pytest.mark.parametrize("name", sorted({**LOWER_TOKENS, **EXACT_TOKENS}))
def test_token_tables_hold_single_tokens(name):
    """A row looked up with one token must be one token, or it never matches."""
    table = {**LOWER_TOKENS, **EXACT_TOKENS}[name]
    assert [row for row in table if _tokens(row) != [row]] == [], name


@pytest.mark.parametrize("name", sorted(PHRASES))
def test_phrases_are_tuples_of_single_lower_case_tokens(name):
    for phrase in PHRASES[name]:
        assert isinstance(phrase, tuple), (name, phrase)
        assert phrase, name
        for word in phrase:
            assert isinstance(word, str), (name, phrase)
            assert word == word.lower(), (name, phrase)
            assert _tokens(word) == [word], (name, phrase, word)


@pytest.mark.parametrize("table", [bounds.BEFORE, bounds.AFTER], ids=["BEFORE", "AFTER"])
def test_bound_readings_are_relations_of_the_model(table):
    relations = set(get_args(Relation))
    for phrase, (relation, approximate) in table.items():
        assert relation in relations, phrase
        assert isinstance(approximate, bool), phrase


def test_bound_tables_agree():
    assert max(map(len, bounds.BEFORE)) == bounds.MAX_BEFORE
    assert bounds.BEFORE.keys() >= bounds.COUNTING_BOUNDS
    assert all(len(head) == 2 for head in bounds.BEFORE_HEADS)


def test_plural_tables_do_not_overlap():
    assert common.IRREGULAR_PLURALS.isdisjoint(common.NOT_PLURALS)


def test_calendar_words_are_capitalised():
    for word in calendar.MONTHS | calendar.WEEKDAYS:
        assert word == word.capitalize(), word


def test_masks_know_every_month():
    """The masks spell months as a regex: it must match every word the calendar knows."""
    for month in calendar.MONTHS:
        assert re.fullmatch(masks._MONTH, month), month


def test_short_calendar_words_are_abbreviations():
    """ "Jan." and "Tues." never end a sentence: each short form is an abbreviation."""
    for word in calendar.MONTHS | calendar.WEEKDAYS:
        if len(word) <= 4 and word not in {"May", "June", "July"}:
            assert word.lower() in sentences.ABBREVIATIONS, word


def test_abbreviations_fit_the_splitters_reach():
    """The splitter reads at most 12 characters before a full stop, dot excluded."""
    for word in sentences.ABBREVIATIONS:
        assert len(word) < 12, word
        assert not word.endswith("."), word


@pytest.mark.parametrize("name", sorted(UNIT_NAMES))
def test_unit_readings_name_units_of_the_lexicon(name):
    units = lexicon().units
    assert [unit for unit in UNIT_NAMES[name].values() if unit not in units] == [], name


def test_measures_and_currencies_do_not_overlap():
    """The lexicon merges these pairs: a key in both would be read by whichever comes last."""
    assert measures.PREFERRED_READINGS.keys().isdisjoint(currencies.CURRENCY_READINGS)
    assert measures.NEWS_SURFACES.keys().isdisjoint(currencies.CURRENCY_SPELLINGS)


def test_context_tables_agree():
    assert measures.SMALL_LENGTHS.keys() <= measures.CONTEXT_SYMBOLS
    assert all(len(letter) == 1 and letter.isupper() for letter in measures.SPACED_LETTER_OK)


def test_unit_plurals_are_lower_case_words():
    for singular, plural in measures.UNIT_PLURALS.items():
        assert singular.isalpha(), singular
        assert plural.isalpha(), plural
        assert singular.islower(), singular
        assert plural.islower(), plural


def _literals(tree: ast.AST):
    """Yield (line, rows) for each literal table: a split string, a set, a tuple, a dict's keys.

    A tuple inside a table is a phrase ("as", "many", "as"), which may repeat a word.
    """
    phrases = {
        id(element)
        for node in ast.walk(tree)
        if isinstance(node, ast.Set | ast.Tuple | ast.Dict)
        for element in (node.keys if isinstance(node, ast.Dict) else node.elts)
        if isinstance(element, ast.Tuple)
    }
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "split"
            and isinstance(node.func.value, ast.Constant)
            and not node.args
        ):
            yield node.lineno, node.func.value.value.split()
        elif isinstance(node, ast.Set | ast.Tuple) and id(node) not in phrases:
            rows = [e for e in node.elts if isinstance(e, ast.Constant | ast.Tuple)]
            yield node.lineno, [ast.dump(e) for e in rows]  # not an annotation's names
        elif isinstance(node, ast.Dict):
            yield node.lineno, [ast.dump(k) for k in node.keys if k is not None]


@pytest.mark.parametrize("path", sorted(ENGLISH.glob("*.py")), ids=lambda p: p.name)
def test_no_row_is_written_twice(path):
    """A repeated word of a set vanishes and a repeated dict key overrides: both are typos."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for line, rows in _literals(tree):
        repeated = sorted({row for row in rows if rows.count(row) > 1})
        assert repeated == [], f"{path.name}:{line} repeats {repeated}"


def test_metric_prefixes_are_quantulum3s():
    # The lexicon applies quantulum3's prefixes to its units; the core keeps its own copy so
    # that building the lexicon never imports quantulum3 (see english.measures).
    from quantulum3.load import METRIC_PREFIXES

    assert measures.METRIC_PREFIXES == METRIC_PREFIXES


def test_the_core_never_imports_quantulum3():
    # Cold start: importing quantulum3 costs 40 ms; the core reads its JSON tables only.
    import subprocess
    import sys

    code = (
        "import sys; from service.core import extract, warm; warm(); "
        "extract('9 km/s and 2.4m homes'); print('quantulum3' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
