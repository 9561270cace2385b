"""The core's shape, checked: no import cycle, layers, data-only tables, immutable readings.

Imports are read from the source (``ast``), so a cycle fails here even where Python's import
order happens to hide it. Imports under ``if TYPE_CHECKING:`` are for annotations only and do
not count.
"""

import ast
from pathlib import Path

import pytest

CORE = Path(__file__).resolve().parent.parent / "service" / "core"
# What the pure library may never import (it is called from batch jobs and Spark as it is).
FORBIDDEN = ("flask", "werkzeug", "marshmallow", "service.http", "service.batch", "schemas")


def _module(path: Path) -> str:
    parts = path.relative_to(CORE.parent.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_type_checking(node: ast.If) -> bool:
    return isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"


def _imports(path: Path) -> set[str]:
    """Return the absolute names of every module ``path`` imports at run time."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = _module(path) if path.name == "__init__.py" else _module(path).rpartition(".")[0]
    found: set[str] = set()

    def visit(nodes):
        for node in nodes:
            if isinstance(node, ast.If) and _is_type_checking(node):
                continue
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = package
                for _ in range(node.level - 1):
                    base = base.rpartition(".")[0]
                name = f"{base}.{node.module}" if node.level and node.module else node.module
                if name is not None:
                    found.add(name)
                # "from . import phrases" imports the module, not the package's own code
                found.update(f"{name or base}.{alias.name}" for alias in node.names)
            for child in ast.iter_child_nodes(node):
                if isinstance(child, ast.stmt | ast.ExceptHandler):
                    visit([child])

    visit(tree.body)
    return found


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    modules = {_module(path): path for path in CORE.rglob("*.py")}
    return {name: _imports(path) & set(modules) - {name} for name, path in modules.items()}


@pytest.fixture(scope="module")
def external() -> dict[str, set[str]]:
    return {_module(path): _imports(path) for path in CORE.rglob("*.py")}


def test_no_import_cycle(graph):
    state: dict[str, str] = {}

    def walk(name: str, trail: list[str]) -> None:
        state[name] = "open"
        for other in sorted(graph[name]):
            if state.get(other) == "open":
                cycle = [*trail[trail.index(other) :], other] if other in trail else [name, other]
                pytest.fail("import cycle: " + " -> ".join(cycle))
            if other not in state:
                walk(other, [*trail, other])
        state[name] = "done"

    for name in sorted(graph):
        if name not in state:
            walk(name, [name])


def test_the_core_imports_no_framework(external):
    for name, imported in external.items():
        bad = {m for m in imported for f in FORBIDDEN if m == f or m.startswith(f + ".")}
        assert not bad, f"{name} imports {sorted(bad)}"


def test_language_tables_are_data_only(graph):
    """``english`` holds tables only: it reads nothing of the core, so any module may use it."""
    for name, imported in graph.items():
        if name.startswith("service.core.english"):
            outside = {m for m in imported if not m.startswith("service.core.english")}
            assert not outside, f"{name} imports {sorted(outside)}"


# The core's layers, lowest first: a module may import from its own layer and those below,
# never from one above (so a reader never depends on the rules that use it). A new module
# must be placed here.
LAYERS = (
    ("english", "reasons", "rulebook", "collector"),  # data, and the run's setting
    # letter tables, values and their fast builders, word tests, calendar, clock
    ("letters", "model", "model_builders", "words", "numbers", "days", "time_limit"),
    ("units", "normalize", "sentences", "masks", "candidates", "unit_context"),
    ("context",),  # the read-only context of one text
    ("spoken", "fractions", "capital_m", "written", "unit_reading", "numerals", "quantities"),
    ("readings", "bounds"),
    ("non_claims",),  # filter
    ("widen", "rates"),  # widen
    ("rules", "build", "join"),  # the claim rules, build, join
    ("phrases", "changes", "time_words", "antecedents"),  # the frames' readers
    ("times",),  # the times of a sentence, marked
    ("sources", "subjects", "dating"),
    ("framing",),  # frame
    ("pipeline", "explaining"),
    ("extractor", "__init__"),  # the entry points
)
_LAYER_OF = {name: rank for rank, names in enumerate(LAYERS) for name in names}
# Longest function allowed in the core: past this, a function holds more than one idea.
MAX_FUNCTION_LINES = 60


def _layer(module: str) -> int:
    part = module.removeprefix("service.core").lstrip(".").split(".")[0] or "__init__"
    assert part in _LAYER_OF, f"{module}: place the new module in LAYERS"
    return _LAYER_OF[part]


def test_no_upward_import(graph):
    for name, imported in graph.items():
        for other in imported:
            assert _layer(other) <= _layer(name), f"{name} imports {other}, a higher layer"


def _classes():
    for path in CORE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                yield path, node


def test_no_mixins():
    """One base at most: no class shares state with another through ``self``."""
    for path, node in _classes():
        assert len(node.bases) <= 1, f"{path.name}: {node.name} has {len(node.bases)} bases"


def test_every_dataclass_is_frozen():
    for path, node in _classes():
        for decorator in node.decorator_list:
            if isinstance(decorator, ast.Call) and getattr(decorator.func, "id", "") == "dataclass":
                frozen = {k.arg: k.value for k in decorator.keywords}.get("frozen")
                where = f"{path.name}: {node.name} is a dataclass that is not frozen"
                assert isinstance(frozen, ast.Constant), where
                assert frozen.value is True, where
            assert getattr(decorator, "id", "") != "dataclass", f"{path.name}: {node.name}"


def test_no_long_function():
    for path in CORE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = node.end_lineno - node.lineno + 1
                assert length <= MAX_FUNCTION_LINES, f"{path.name}: {node.name} has {length} lines"
