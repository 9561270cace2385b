"""The benchmark corpus is the same for everyone: deterministic by seed, of the size asked for."""

import re

import pytest

from benchmarks.corpus import generate

SIZE = 20_000


def test_same_seed_same_text():
    assert generate(SIZE, seed=7) == generate(SIZE, seed=7)


def test_different_seed_different_text():
    assert generate(SIZE, seed=7) != generate(SIZE, seed=8)


@pytest.mark.parametrize("size", [1_000, 10_000, 100_000])
def test_about_the_requested_size(size):
    length = len(generate(size, seed=1).encode("utf-8"))
    assert 0.9 * size <= length <= size


def test_smaller_text_is_a_prefix_of_a_larger_one():
    assert generate(100_000, seed=3).startswith(generate(10_000, seed=3).rstrip())


def test_text_has_figures_and_ends_with_a_sentence():
    text = generate(SIZE, seed=1)
    assert len(re.findall(r"\d", text)) > 100
    assert re.search(r"\d+(?:,\d{3})*(?:\.\d+)?(?: per cent|%| percent)", text)
    assert re.search(r"[.!?]\n$", text)
