"""README's table of reason codes is generated from ``REASONS`` and nothing else; kept in step.

``python -m tests.test_readme_reasons`` (from the project root) prints the table to paste
between the README's markers.
"""

import re
from pathlib import Path

import pytest

from service.core.reasons import REASONS

README = Path(__file__).resolve().parent.parent / "README.md"
BEGIN = "<!-- generated from REASONS by: python -m tests.test_readme_reasons -->"
END = "<!-- /reasons -->"
ROW = re.compile(r"^\| `(?P<code>[^`]+)` \| (?P<meaning>.*) \|$")


def reasons_table() -> str:
    """Return the Markdown table of every reason code and its meaning, in ``REASONS``' order."""
    rows = [f"| `{code}` | {_cell(meaning)} |" for code, meaning in REASONS.items()]
    return "\n".join(["| reason | meaning |", "| --- | --- |", *rows])


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|")


def _uncell(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def readme_block() -> str:
    text = README.read_text(encoding="utf-8")
    assert text.count(BEGIN) == 1, f"README.md needs the line {BEGIN!r} once"
    assert text.count(END) == 1, f"README.md needs the line {END!r} once"
    return text.split(BEGIN, 1)[1].split(END, 1)[0].strip("\n")


def readme_reasons() -> dict[str, str]:
    """Read the README's table back: code → meaning, in its order."""
    rows = [ROW.match(line) for line in readme_block().splitlines()[2:]]
    assert all(rows), "every row of the README's table is | `code` | meaning |"
    return {row["code"]: _uncell(row["meaning"]) for row in rows}


@pytest.mark.parametrize("code", list(REASONS))
def test_readme_gives_each_code_its_meaning(code):
    assert readme_reasons().get(code) == REASONS[code], (
        f"README.md's table says {code!r} means {readme_reasons().get(code)!r}, reasons.py "
        f"{REASONS[code]!r}: run python -m tests.test_readme_reasons and paste its table"
    )


def test_readme_lists_no_other_code():
    assert list(readme_reasons()) == list(REASONS)


def test_readme_table_is_the_generated_one():
    assert readme_block() == reasons_table(), (
        "run python -m tests.test_readme_reasons and paste its output between the markers"
    )


def test_the_table_reads_back_whatever_the_meaning_holds():
    meaning = 'a pipe | and a backslash \\ and "quotes"'
    row = f"| `x` | {_cell(meaning)} |"
    assert _uncell(ROW.match(row)["meaning"]) == meaning


if __name__ == "__main__":
    print(reasons_table())  # noqa: T201
