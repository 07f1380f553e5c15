"""The house: which phase may import which (each sub-package's docstring states its rule),
and no module too long to read in one sitting."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

SOURCE = ROOT / "build" / "sidelines"
MAX_LINES = 400

# Being split by the lead (issue 17 step B): the only modules allowed over MAX_LINES.
LONG_MODULES_BEING_SPLIT = frozenset(
    {
        "pipeline.py",
    }
)

# Per phase, the modules it must never import: a phase reads the ones before it, never the
# ones after it, and only the command line and the benchmark drive the whole pipeline.
FORBIDDEN = {
    "sidelines.parse": ("sidelines.package", "sidelines.quality", "sidelines.release"),
    "sidelines.extract": ("sidelines.package", "sidelines.quality", "sidelines.release"),
    "sidelines.cache": ("sidelines.package", "sidelines.quality", "sidelines.release"),
    "sidelines.package": ("sidelines.quality", "sidelines.release"),
    "sidelines.quality": ("sidelines.release",),
    "sidelines.release": (
        "sidelines.parse",
        "sidelines.extract",
        "sidelines.quality",
    ),
    "sidelines.evaluation": (
        "sidelines.parse",
        "sidelines.extract",
        "sidelines.package",
        "sidelines.quality",
        "sidelines.release",
    ),
}
# Nothing under a phase drives the build or the benchmark, and nothing imports the command
# line but `python -m sidelines` (a phase's own cli.py is imported by sidelines.cli alone).
FORBIDDEN_TO_ALL = ("sidelines.pipeline", "sidelines.bench", "sidelines.cli")
DRIVERS = ("sidelines.cli", "sidelines.__main__", "sidelines.bench")
PHASE_COMMANDS = ("sidelines.release.cli", "sidelines.evaluation.cli")


def module_name(path: Path) -> str:
    """`build/sidelines/quality/run.py` -> `sidelines.quality.run`."""
    parts = path.relative_to(SOURCE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(source: str) -> set[str]:
    """Every sidelines module a module's source imports, at the top or inside a function.

    >>> sorted(imported_modules("from sidelines.package import swap\\nimport sidelines.cli"))
    ['sidelines.cli', 'sidelines.package', 'sidelines.package.swap']
    """
    imported = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            imported |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            # `from sidelines.package import swap` may name a module: count both.
            imported |= {node.module} | {f"{node.module}.{alias.name}" for alias in node.names}
    return {name for name in imported if name.split(".")[0] == "sidelines"}


def within(name: str, prefix: str) -> bool:
    """Whether module `name` is `prefix` or lies inside it."""
    return name == prefix or name.startswith(prefix + ".")


def broken_rules(importer: str, imported: set[str]) -> list[str]:
    """The imports of `importer` that its phase's rules forbid, as 'importer -> imported'.

    >>> broken_rules("sidelines.package.write", {"sidelines.quality.run", "sidelines.records"})
    ['sidelines.package.write -> sidelines.quality.run']
    >>> broken_rules("sidelines.cli", {"sidelines.release.cli", "sidelines.pipeline"})
    []
    """
    forbidden = [
        prefix
        for phase, prefixes in FORBIDDEN.items()
        if within(importer, phase)
        for prefix in prefixes
    ]
    if not any(within(importer, driver) for driver in DRIVERS):
        forbidden += [*FORBIDDEN_TO_ALL, *(c for c in PHASE_COMMANDS if c != importer)]
    return sorted(
        f"{importer} -> {name}"
        for name in imported
        if any(within(name, prefix) for prefix in forbidden)
    )


MODULES = sorted(SOURCE.rglob("*.py"))


def test_every_phase_folder_states_its_rule() -> None:
    """Each sub-package opens with a docstring saying what it may import."""
    for folder in sorted(p.parent for p in SOURCE.glob("*/__init__.py")):
        docstring = ast.get_docstring(ast.parse((folder / "__init__.py").read_text("utf-8")))
        assert docstring and "import" in docstring, folder.name


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SOURCE)))
def test_imports_follow_the_phases(path: Path) -> None:
    imported = imported_modules(path.read_text(encoding="utf-8"))
    assert broken_rules(module_name(path), imported) == []


def test_no_module_is_too_long_to_read() -> None:
    lines = {
        str(path.relative_to(SOURCE)): len(path.read_text(encoding="utf-8").splitlines())
        for path in MODULES
    }
    too_long = {
        name: n
        for name, n in lines.items()
        if n > MAX_LINES and name not in LONG_MODULES_BEING_SPLIT
    }
    assert too_long == {}


def test_the_rules_name_real_folders() -> None:
    """A rule about a folder that was renamed away would pass forever."""
    named = set(FORBIDDEN) | {p for ps in FORBIDDEN.values() for p in ps} | set(FORBIDDEN_TO_ALL)
    named |= set(PHASE_COMMANDS) | set(DRIVERS)
    for name in named:
        path = SOURCE.parent / name.replace(".", "/")
        assert path.is_dir() or path.with_suffix(".py").is_file(), name
    for name in LONG_MODULES_BEING_SPLIT:
        assert (SOURCE / name).is_file(), name
