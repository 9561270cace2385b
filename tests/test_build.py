"""The core as installed: every module pure Python, or every module compiled by mypyc.

``FIGURES_MYPYC=1 pip install .`` compiles ``service/core`` (hatch_build.py) but for the modules
that pyproject's hook table keeps as Python. Any other mix means stale extensions beside edited
sources or a half-built wheel: the extensions would run code that the ``.py`` files no longer
say. CI's compiled run sets ``FIGURES_EXPECT_COMPILED=1`` so that a build that fell back to pure
Python fails there instead of passing unnoticed.
"""

import importlib
import os
import pkgutil
import tomllib
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

import pytest

import service.core


def _kept_pure() -> set[str]:
    """The modules a compiled wheel leaves as Python, by module name."""
    pyproject = tomllib.loads((Path(__file__).parent.parent / "pyproject.toml").read_text())
    paths = pyproject["tool"]["hatch"]["build"]["targets"]["wheel"]["hooks"]["custom"]
    return {path.removesuffix(".py").replace("/", ".") for path in paths["pure-python"]}


def _modules() -> dict[str, str]:
    """Every module of the core that a compiled wheel compiles, with the file it came from."""
    names = ["service.core"] + [
        info.name
        for info in pkgutil.walk_packages(service.core.__path__, "service.core.")
        if not info.name.endswith("__main__")
    ]
    return {
        name: importlib.import_module(name).__file__ or ""
        for name in names
        if name not in _kept_pure()
    }


def _compiled(path: str) -> bool:
    return path.endswith(tuple(EXTENSION_SUFFIXES))


def test_the_core_has_several_modules_and_their_packages():
    modules = _modules()
    assert "service.core.pipeline" in modules
    assert "service.core.english.numbers" in modules
    assert len(modules) > 40


def test_the_modules_kept_pure_exist_and_are_pure():
    kept = _kept_pure()
    assert kept  # the model: see the hook table in pyproject.toml
    for name in kept:
        assert not _compiled(importlib.import_module(name).__file__ or ""), name


def test_all_compiled_or_none():
    modules = _modules()
    compiled = sorted(name for name, path in modules.items() if _compiled(path))
    pure = sorted(name for name, path in modules.items() if not _compiled(path))
    assert not compiled or not pure, f"compiled: {compiled}\npure: {pure}"


@pytest.mark.skipif(
    not os.environ.get("FIGURES_EXPECT_COMPILED"), reason="a pure-Python install (the default)"
)
def test_compiled_when_expected():
    modules = _modules()
    pure = sorted(name for name, path in modules.items() if not _compiled(path))
    assert not pure, f"not compiled: {pure}"
