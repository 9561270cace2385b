"""The core compiled with mypyc beside the pure-Python core of the same tree, in one run.

``FIGURES_MYPYC=1 pip install .`` ships the compiled core (hatch_build.py); this compiles the
same modules into a temporary copy (no wheel, nothing installed, no ``.so`` left in the tree)
and times both cores in turn, in fresh interpreters, on the same text, keeping the best CPU time
of each side, as ``benchmarks.ab`` does for two commits.

    python -m benchmarks.perf --mypyc        # in the perf table
    python -m benchmarks.compiled            # this measurement alone

Needs what the build hook needs: mypy (which ships mypyc), setuptools and a C compiler, all in
this venv (the test extra brings mypy). About two minutes to compile on two cores.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path
from types import ModuleType

from . import ab
from .corpus import generate
from .load import ROOT

KB = 1000


def compare(
    size: int = 1000 * KB, rounds: int = 3, runs: int = 3, installed: Path | None = None
) -> dict[str, object]:
    """Time the pure and the compiled core; ratio > 1: compiled faster.

    The compiled core is ``installed`` (a compiled wheel's files, see ``install``) when given,
    else this tree's core compiled into a temporary folder here.
    """
    with tempfile.TemporaryDirectory(prefix="figures-mypyc-") as tmp:
        started = time.perf_counter()
        if installed is None:
            tree = Path(tmp) / "build"
            extensions = len(_hook().compile_core(ROOT, tree, _kept_pure()))
        else:
            tree = installed
            extensions = len(list((tree / "service" / "core").rglob("*.so")))
        build_seconds = time.perf_counter() - started
        corpus = Path(tmp) / "corpus.txt"
        corpus.write_text(generate(size, 1), encoding="utf-8")
        pure: list[float] = []
        compiled: list[float] = []
        claims: dict[str, int] = {}
        for _ in range(rounds):
            for name, where, times in (("pure", ROOT, pure), ("compiled", tree, compiled)):
                seconds, count = ab._side(where, corpus, runs)
                times.append(seconds)
                claims[name] = count
    return {
        "bytes": size,
        "extensions": extensions,
        "build_seconds": build_seconds,
        "from_wheel": installed is not None,
        "pure_cpu_seconds": min(pure),
        "compiled_cpu_seconds": min(compiled),
        "pure_runs": pure,
        "compiled_runs": compiled,
        "pure_kb_s": size / KB / min(pure),
        "compiled_kb_s": size / KB / min(compiled),
        "claims": claims,
        "ratio": min(pure) / min(compiled),
    }


def install(folder: Path) -> float:
    """Build this tree's wheel compiled (``FIGURES_MYPYC=require``) and unpack it into ``folder``.

    As ``.ci/run`` and the container build it: pip builds the wheel in an isolated environment
    (hatchling and mypy from the package index), then installs its files alone, without the
    dependencies, which this venv has. Returns the seconds it took.
    """
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="figures-wheel-") as wheels:
        pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--quiet"]
        env = {**os.environ, "FIGURES_MYPYC": "require"}
        subprocess.run([*pip, "wheel", "--no-deps", "-w", wheels, str(ROOT)], env=env, check=True)
        (wheel,) = Path(wheels).glob("*.whl")
        subprocess.run(
            [*pip, "install", "--no-deps", "--target", str(folder), str(wheel)], check=True
        )
    return time.perf_counter() - started


def render(result: dict[str, object], quantulum3_kb_s: float | None = None) -> str:
    """One block: both cores' best CPU time and rate, the ratio, and against quantulum3's rate."""
    r: dict = result
    lines = [
        f"mypyc — the core of this tree compiled ({r['extensions']} extensions, "
        + (
            "from the compiled wheel"
            if r.get("from_wheel")
            else f"built in {r['build_seconds']:.0f} s"
        )
        + ") and pure, "
        f"{r['bytes'] / KB:.0f} KB of the seeded corpus, "
        f"fresh processes, best CPU time of {len(r['pure_runs'])} rounds × 3 passes "
        f"(claims: {r['claims']})",
        f"  pure Python      {r['pure_cpu_seconds']:.3f} s  {r['pure_kb_s']:7.1f} KB/s",
        f"  mypyc-compiled   {r['compiled_cpu_seconds']:.3f} s  {r['compiled_kb_s']:7.1f} KB/s",
        f"  compiled ÷ pure: {r['ratio']:.2f}× faster",
    ]
    if quantulum3_kb_s:
        lines.append(
            f"  compiled ÷ quantulum3 (its rate in the throughput block): "
            f"{r['compiled_kb_s'] / quantulum3_kb_s:.1f}×"
        )
    return "\n".join(lines)


def _hook() -> ModuleType:
    """Load hatch_build.py (a script beside pyproject.toml, not a package) for its compiler."""
    spec = importlib.util.spec_from_file_location("figures_hatch_build", ROOT / "hatch_build.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _kept_pure() -> list[str]:
    """Return the modules a compiled wheel leaves as Python (pyproject's hook table)."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return pyproject["tool"]["hatch"]["build"]["targets"]["wheel"]["hooks"]["custom"]["pure-python"]


def main(argv: list[str] | None = None) -> int:
    """Print the compiled core against the pure one."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    print(render(compare(rounds=args.rounds)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
