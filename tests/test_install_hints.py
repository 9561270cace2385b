"""Every install hint installs this project, never the unrelated ``figures`` on PyPI.

The distribution is ``news-figures`` (pyproject.toml), which is not on PyPI either: a hint says
``pip install .`` / ``'.[extra]'`` from a clone, a wheel built from it, or a third-party
package by its own name. Each ``pip install`` in the code, the docs and the scripts is read
token by token up to the end of its shell command.
"""

import re
import tomllib
from pathlib import Path

import pytest

from service import DISTRIBUTION, EXTRA_HINT

ROOT = Path(__file__).resolve().parent.parent
# Where hints are written: code, docs, scripts, the image and CI.
PLACES = ("README.md", "Dockerfile", "pyproject.toml", ".ci/run", "docs", "scripts", "service")
# A shell command ends at these (the next command may well be `figures serve`).
_COMMAND_END = re.compile(r"&&|\|\||[;|`)\n]|\s#")
# A requirement that names this project's distribution, old or new, as an index would read it.
_OURS = re.compile(r"^(news[-_.]?)?figures(\[[^\]]*\])?([<>=!~].*)?$", re.IGNORECASE)


def from_an_index(line: str) -> list[str]:
    """Return the requirements of each ``pip install`` in ``line`` that name this project."""
    found = []
    for match in re.finditer(r"pip install\b", line):
        command = _COMMAND_END.split(line[match.end() :], maxsplit=1)[0]
        for token in command.split():
            token = token.strip("'\"")
            if _OURS.match(token):
                found.append(token)
    return found


# The checker's own table: hints it must flag, and the good ones beside them.
@pytest.mark.parametrize(
    ("line", "flagged"),
    [
        ("pip install 'figures[parquet]'", ["figures[parquet]"]),
        ('Parquet output needs pyarrow: pip install "figures[spark]"', ["figures[spark]"]),
        ("pip install figures", ["figures"]),
        ("pip install figures==0.1.0", ["figures==0.1.0"]),
        ("pip install news-figures", ["news-figures"]),
        ("pip install --upgrade news_figures[parquet]", ["news_figures[parquet]"]),
        ("pip install . && figures serve", []),
        ("pip install -e '.[test]' && python -m pytest", []),
        ("pip install '.[parquet]'             # … and Parquet output", []),
        ("pip install pyarrow", []),
        ("pip install 'dist/news_figures-0.1.0-py3-none-any.whl[spark]'", []),
        ("pip install --no-cache-dir -r requirements.txt", []),
        ("`pip install .`) and then `figures batch`", []),
    ],
)
def test_the_checker(line, flagged):
    assert from_an_index(line) == flagged


def files():
    for place in PLACES:
        path = ROOT / place
        if path.is_file():
            yield path
        else:
            yield from (
                p
                for p in sorted(path.rglob("*"))
                if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
            )


def test_no_hint_installs_from_an_index():
    wrong = []
    for path in files():
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # an image, not a hint
        for number, line in enumerate(text.splitlines(), 1):
            wrong += [f"{path.relative_to(ROOT)}:{number}: {r}" for r in from_an_index(line)]
    assert not wrong, wrong


def test_the_distribution_is_not_the_pypi_figures():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["name"] == DISTRIBUTION
    assert DISTRIBUTION != "figures"
    assert project["scripts"] == {"figures": "service.cli:main"}  # the command keeps its name
    assert set(project["optional-dependencies"]) >= {"parquet", "spark"}


@pytest.mark.parametrize(("extra", "package"), [("parquet", "pyarrow"), ("spark", "pyspark")])
def test_the_missing_extra_hints(extra, package):
    hint = EXTRA_HINT.format(extra=extra, package=package)
    assert f"pip install '.[{extra}]'" in hint
    assert not from_an_index(hint)


def test_the_runtime_hints_say_so(capsys, monkeypatch):
    from service.batch.writers import PARQUET_MISSING

    assert "pip install '.[parquet]'" in PARQUET_MISSING
    assert not from_an_index(PARQUET_MISSING)
