"""Hatchling build hook: compile the extraction core with mypyc when asked, pure Python otherwise.

``pip install .`` builds the pure-Python wheel it always has: this hook does nothing, asks
for nothing more, and needs no C compiler. ``FIGURES_MYPYC=1 pip install .`` compiles every
module of ``service/core`` with mypyc (as black and mypy ship themselves) into a wheel for
this interpreter and platform, about 1.5 times faster on news text (docs/performance.md); the
``.py`` files ship beside the extensions, which Python imports first.

- ``FIGURES_MYPYC=1``: compile, and when that fails (no C compiler, no Python headers, a mypyc
  error) say why on stderr and build the pure-Python wheel instead.
- ``FIGURES_MYPYC=require``: compile or fail the build (CI, which must test the compiled core).

Editable installs (``pip install -e .``) are never compiled: an extension beside a module would
shadow every later edit of its ``.py``. The compilation runs in a temporary copy of the core,
so no ``.so`` is left in the source tree either.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path
from typing import Any

try:
    from hatchling.builders.hooks.plugin.interface import BuildHookInterface
except ImportError:  # imported by ``benchmarks.perf --mypyc``, which compiles without a wheel
    BuildHookInterface = object  # type: ignore[misc,assignment]

ENV = "FIGURES_MYPYC"
# The mypy whose mypyc the compiled core is tested with (CI builds with it); pint is installed
# so that mypyc sees the same types as `mypy service/core` does.
BUILD_REQUIRES = ["mypy==2.4.1", "setuptools>=70"]
TYPED_RUNTIME = ("pint",)
CORE = "service/core"
# quantulum3 ships no types: as in pyproject's [tool.mypy] overrides.
_MYPY_CONFIG = "[mypy]\n\n[mypy-quantulum3.*]\nignore_missing_imports = True\n"
# Run in the temporary copy: mypyc writes C into ./build, setuptools compiles it beside the
# sources (--inplace). multi_file: one C file per module, which the CPUs compile in parallel
# (-j), where one file of the whole core took gcc -O3 4-5 times as long on two cores (324 s
# against 69 s in benchmarks.compiled) for a compiled core about as fast (1.60x against 1.57x
# the pure one, within the noise of the shared machine; docs/performance.md).
_COMPILE = """
import os
from pathlib import Path
from setuptools import setup
from mypyc.build import mypycify
pure = set(os.environ["FIGURES_MYPYC_PURE"].split())
files = sorted(str(p) for p in Path("service/core").rglob("*.py") if p.as_posix() not in pure)
setup(
    name="figures-core-mypyc",
    packages=[],
    py_modules=[],
    script_args=["build_ext", "--inplace", "-j", str(os.cpu_count() or 1)],
    ext_modules=mypycify(["--config-file=mypyc.ini", *files], opt_level="3", multi_file=True),
)
"""


def _mode() -> str:
    """Return "" (pure Python), "try" or "require", from ``FIGURES_MYPYC``."""
    value = os.environ.get(ENV, "").strip().lower()
    if value in ("", "0", "false", "no"):
        return ""
    return "require" if value == "require" else "try"


class MypycHook(BuildHookInterface):
    """Add the mypyc-compiled core to a standard wheel when ``FIGURES_MYPYC`` asks for it."""

    def dependencies(self) -> list[str]:
        """Ask for mypy (mypyc), setuptools and pint in the build env, only when compiling."""
        if not _mode():
            return []
        typed = [
            dep for dep in self.metadata.core.dependencies if dep.lower().startswith(TYPED_RUNTIME)
        ]
        return [*BUILD_REQUIRES, *typed]

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        """Compile the core and put its extensions into the wheel, or leave the wheel pure."""
        mode = _mode()
        if not mode or self.target_name != "wheel":
            return
        if version == "editable":
            sys.stderr.write(f"{ENV}: an editable install stays pure Python (see hatch_build.py)\n")
            return
        self._tmp = tempfile.mkdtemp(prefix="figures-mypyc-")
        try:
            built = compile_core(
                Path(self.root), Path(self._tmp), self.config.get("pure-python", [])
            )
        except Exception as error:
            if mode == "require":
                raise
            sys.stderr.write(
                f"{ENV}: mypyc compilation failed, building the pure-Python wheel instead "
                f"({type(error).__name__}: {error})\n"
            )
            return
        for path in built:
            build_data["force_include"][str(path)] = path.relative_to(self._tmp).as_posix()
        build_data["pure_python"] = False
        build_data["infer_tag"] = True
        sys.stderr.write(f"{ENV}: {len(built)} compiled extensions added to the wheel\n")

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        """Remove the temporary copy once the wheel is written."""
        tmp = getattr(self, "_tmp", None)
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)


def compile_core(root: Path, tmp: Path, pure: list[str]) -> list[Path]:
    """Compile a copy of ``service/core`` in ``tmp``; return the extension files built.

    ``pure`` lists the modules (paths from the root) left as Python: see pyproject's hook table.
    """
    (tmp / "service").mkdir(parents=True)
    shutil.copy2(root / "service" / "__init__.py", tmp / "service" / "__init__.py")
    shutil.copytree(
        root / CORE, tmp / CORE, ignore=shutil.ignore_patterns("__pycache__", "*.so", "*.pyd")
    )
    (tmp / "mypyc.ini").write_text(_MYPY_CONFIG, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", _COMPILE],
        cwd=tmp,
        env={**os.environ, "FIGURES_MYPYC_PURE": " ".join(pure)},
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-20:])
        raise RuntimeError(f"mypyc exited with {done.returncode}:\n{tail}")
    # The extensions: one per module, beside its .py, and mypyc's shared library at the top.
    built = sorted(
        {
            p
            for suffix in EXTENSION_SUFFIXES
            for p in (*tmp.glob(f"*{suffix}"), *(tmp / "service").rglob(f"*{suffix}"))
        }
    )
    modules = [p for p in (tmp / CORE).rglob("*.py") if p.relative_to(tmp).as_posix() not in pure]
    if len(built) < len(modules):
        raise RuntimeError(f"mypyc built {len(built)} extensions for {len(modules)} modules")
    return built
