"""Replace a package folder in one step, and put things right after a crash (I/O).

The new package is written to `.NAME.new-*` beside the output folder `NAME`, then swapped
in with `renameat2(RENAME_EXCHANGE)`: the kernel trades the two names at once, so at every
instant `NAME` is either the old package or the new one, complete; the old one, now under
the temporary name, is then deleted. We chose the exchange over a symlink `NAME` flipped
between versioned folders because the output stays a plain folder: the committed
`datapackage/` is in git, which would record a link (and the versions beside it), and
tools that copy, zip or diff the folder would see a link.

Where the exchange is missing (not Linux, kernels before 3.15, file systems without it) the
swap falls back to two renames: `NAME` aside to `.NAME.old-*`, the new folder to `NAME`.
A crash between the two leaves no `NAME`; `recover`, which every build runs first (under
the output folder's lock), renames the old package back before anything reads it, so the
comparison with the previous package is never skipped because of a crash. Any other
leftover (a half-written `.new-*`, an old package whose deletion was cut short) is deleted.

This protects against a killed process, not a lost machine: files are not fsynced.
"""

from __future__ import annotations

import ctypes
import errno
import glob
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

AT_FDCWD = -100
RENAME_EXCHANGE = 2  # from <linux/fs.h>
UNSUPPORTED = {errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP}

T = TypeVar("T")
Step = Callable[[str], None]  # told each step of the swap; tests crash the build there
Notify = Callable[[str], None]


def no_step(name: str) -> None:
    """The step hook of a real build: nothing."""


def new_prefix(out_dir: Path) -> str:
    return f".{out_dir.name}.new-"


def old_prefix(out_dir: Path) -> str:
    return f".{out_dir.name}.old-"


def exchange(a: Path, b: Path) -> bool:
    """Trade the names of two existing paths in one step; False where the system cannot."""
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p]
    renameat2.argtypes += [ctypes.c_uint]
    renameat2.restype = ctypes.c_int
    if renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in UNSUPPORTED:
        return False
    raise OSError(code, f"cannot swap in the new package: {os.strerror(code)}", str(b))


def swap_in(
    out_dir: Path,
    fill: Callable[[Path], T],
    step: Step = no_step,
    exchange: Callable[[Path, Path], bool] = exchange,
) -> T:
    """Run `fill(tmp)` on a fresh folder beside `out_dir`, then put it in place of `out_dir`
    in one step, and give what `fill` gave. If `fill` raises, `out_dir` is untouched and the
    new folder removed."""
    out = out_dir.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    new = Path(tempfile.mkdtemp(prefix=new_prefix(out), dir=out.parent))
    old: Path | None = None
    try:
        new.chmod(0o755)  # mkdtemp makes it private; the package is for everyone to read
        filled = fill(new)
        step("filled")
        if not out.exists():
            new.rename(out)  # nothing to replace: one rename is already atomic
            step("renamed")
            return filled
        if exchange(new, out):
            old = new  # it now holds the old package
            step("exchanged")
        else:
            old = out.with_name(old_prefix(out) + new.name.removeprefix(new_prefix(out)))
            out.rename(old)
            step("moved old aside")
            new.rename(out)
            step("moved new in")
    except BaseException:
        if old is not None and not out.exists():
            old.rename(out)  # between the fallback's two renames: the old package goes back
        for folder in (new, old):
            if folder is not None and folder.exists():
                shutil.rmtree(folder, ignore_errors=True)
        raise
    shutil.rmtree(old, ignore_errors=True)
    step("removed old")
    return filled


def leftovers(out_dir: Path, prefix: str) -> list[Path]:
    """Folders an interrupted swap of `out_dir` left beside it, by name."""
    pattern = glob.escape(str(out_dir.parent / prefix)) + "*"
    return sorted(p for p in map(Path, glob.glob(pattern)) if p.is_dir() and not p.is_symlink())


def recover(out_dir: Path, notify: Notify) -> None:
    """Undo what a build killed mid-swap left: if `out_dir` is missing and an old package
    was set aside, put it back; delete every other leftover. Run under the output lock."""
    out = out_dir.resolve()
    olds = leftovers(out, old_prefix(out))
    if not out.exists() and olds:
        if len(olds) > 1:
            names = ", ".join(p.name for p in olds)
            raise ValueError(
                f"{out} is missing and several old packages were left beside it ({names}); "
                "move the right one back to its name"
            )
        olds.pop().rename(out)
        notify(f"restored {out} from the package an interrupted build had set aside")
    for leftover in [*leftovers(out, new_prefix(out)), *olds]:
        shutil.rmtree(leftover, ignore_errors=True)
        notify(f"removed {leftover.name}, left by an interrupted build")
