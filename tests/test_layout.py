"""The house: which phase may import which (each sub-package's docstring states its rule),
and no module too long to read in one sitting."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

SOURCE = ROOT / "build" / "sidelines"
MAX_LINES = 400

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
    assert {name: n for name, n in lines.items() if n > MAX_LINES} == {}


def test_the_rules_name_real_folders() -> None:
    """A rule about a folder that was renamed away would pass forever."""
    named = set(FORBIDDEN) | {p for ps in FORBIDDEN.values() for p in ps} | set(FORBIDDEN_TO_ALL)
    named |= set(PHASE_COMMANDS) | set(DRIVERS)
    for name in named:
        path = SOURCE.parent / name.replace(".", "/")
        assert path.is_dir() or path.with_suffix(".py").is_file(), name


def own_names(path: Path) -> tuple[set[str], set[str]]:
    """(names a module defines, names it only imports) at its top level."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    defined: set[str] = set()
    imported: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.ClassDef):
            defined.add(node.name)
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            defined |= {t.id for t in targets if isinstance(t, ast.Name)}
        elif isinstance(node, ast.ImportFrom):
            imported |= {alias.asname or alias.name for alias in node.names}
    return defined, imported


def module_file(name: str) -> Path | None:
    """The file of module `name` (not of a package's __init__), if it is one of ours."""
    path = SOURCE.parent / (name.replace(".", "/") + ".py")
    return path if path.is_file() else None


TESTS = sorted((ROOT / "tests").rglob("*.py"))


@pytest.mark.parametrize("path", MODULES + TESTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_names_are_imported_from_where_they_are_defined(path: Path) -> None:
    """After code moves, a name imported through a module that only imports it itself would
    hide where the code now lives (and break when that module stops needing it)."""
    passed_on = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.ImportFrom) and node.module):
            continue
        source = module_file(node.module)
        if source is None:
            continue
        defined, imported = own_names(source)
        passed_on += [
            f"{alias.name} from {node.module}"
            for alias in node.names
            if alias.name in imported and alias.name not in defined
        ]
    assert passed_on == []
