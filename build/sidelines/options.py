"""Command-line options that several commands share, declared once: `build`, `check` and
`publish` (in cli.py and release/cli.py) all read Table Schemas and compare with a previous
release, each with its own default."""

from __future__ import annotations

import argparse
from pathlib import Path


def add_schemas_option(
    command: argparse.ArgumentParser, default: Path | None, *, purpose: str, default_text: str
) -> None:
    """--schemas: the folder of Table Schemas the command reads (`purpose` says for what)."""
    command.add_argument(
        "--schemas",
        type=Path,
        default=default,
        help=f"folder of Table Schemas{purpose} (default: {default_text})",
    )


def add_previous_option(command: argparse.ArgumentParser, *, what: str, default: str) -> None:
    """--previous: the release to compare with, none by default (`default` says what then)."""
    command.add_argument(
        "--previous",
        type=Path,
        default=None,
        help=f"{what} of the previous release to compare with (default: {default})",
    )
