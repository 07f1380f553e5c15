"""Every nox session and every command explains itself, and the README names them all."""

from __future__ import annotations

import argparse
import ast

import pytest

from sidelines.cli import parser
from tests.conftest import ROOT


def nox_sessions() -> dict[str, str | None]:
    tree = ast.parse((ROOT / "noxfile.py").read_text(encoding="utf-8"))
    return {
        node.name: ast.get_docstring(node)
        for node in tree.body
        if isinstance(node, ast.FunctionDef)
        and any("session" in ast.unparse(d) for d in node.decorator_list)
    }


def subcommands() -> dict[str, argparse.ArgumentParser]:
    action = next(a for a in parser()._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def test_every_nox_session_has_a_docstring_and_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    sessions = nox_sessions()
    assert {"build", "tests", "lint", "validate", "quality", "eval", "publish", "bench"} <= set(
        sessions
    )
    for name, doc in sessions.items():
        assert doc, f"nox session {name} has no docstring"
        assert f"nox -s {name}" in readme, f"README does not mention nox -s {name}"


@pytest.mark.parametrize("name", ["build", "check", "publish", "diff", "eval"])
def test_every_command_has_help(name: str) -> None:
    command = subcommands()[name]
    assert command.description, f"sidelines {name} has no description"
    for action in command._actions:
        if action.dest != "help":
            assert action.help, f"sidelines {name} {action.option_strings or action.dest}"


def test_nox_session_docstrings_fit_on_the_line_nox_lists() -> None:
    """`nox -l` shows a docstring's first line only: a longer one would be cut."""
    for name, doc in nox_sessions().items():
        assert doc is not None and "\n" not in doc, f"nox session {name}: one line, please"


def test_top_level_help_speaks_to_users() -> None:
    description = (parser().description or "").lower()
    assert "thin commands" not in description
    assert all(word in description for word in ("build", "check", "diff", "publish"))


@pytest.mark.parametrize("name", ["build", "check", "publish", "diff", "eval"])
def test_every_option_with_a_default_says_it(name: str) -> None:
    for action in subcommands()[name]._actions:
        if action.option_strings and action.default not in (None, False, argparse.SUPPRESS):
            assert "default" in (action.help or ""), f"sidelines {name} {action.option_strings}"
