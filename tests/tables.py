"""Load the JSON tables of test cases, raising on a malformed row rather than skipping it."""

import json
from collections.abc import Callable
from pathlib import Path


def load_table(
    path: Path,
    required: set[str],
    optional: set[str],
    check: Callable[[dict, str], None] | None = None,
) -> list[dict]:
    """Return the rows of ``path``; each needs every ``required`` key, no unknown key, a new id.

    :param check: further checks of one row, given the row and where it is; raise to refuse it.
    """
    rows = json.loads(path.read_text(encoding="utf-8"))
    ids = set()
    for row in rows:
        where = f"{path.name}: row {row.get('id', rows.index(row))!r}"
        missing, unknown = required - set(row), set(row) - required - optional
        if missing or unknown:
            raise ValueError(f"{where}: missing {sorted(missing)}, unknown {sorted(unknown)}")
        if check is not None:
            check(row, where)
        if row["id"] in ids:
            raise ValueError(f"{where}: duplicate id")
        ids.add(row["id"])
    return rows
