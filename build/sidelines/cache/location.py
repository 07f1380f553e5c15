"""Where sidelines keeps its cache when not told: in the repository's `.cache/` when run from
inside a source checkout, else in the user's cache folder (never in whatever folder a
command happens to run from)."""

from __future__ import annotations

from pathlib import Path

import platformdirs

SOURCE_ROOT = Path(__file__).resolve().parents[3]  # the checkout, when run from one


def source_checkout() -> Path | None:
    """The repository this code runs from, or None when it is installed as a package."""
    is_checkout = (SOURCE_ROOT / "pyproject.toml").is_file() and (SOURCE_ROOT / "schemas").is_dir()
    return SOURCE_ROOT if is_checkout else None


def default_cache_dir(cwd: Path | None = None) -> Path:
    """`.cache/sidelines` at the repository's root when `cwd` (default: the current folder)
    lies inside the checkout this code runs from, else the user cache folder's `sidelines`."""
    root, here = source_checkout(), (cwd or Path.cwd()).resolve()
    if root is not None and here.is_relative_to(root):
        return root / ".cache" / "sidelines"
    return Path(platformdirs.user_cache_dir("sidelines", appauthor=False))
