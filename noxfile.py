"""Sessions for building, testing and checking the sidelines data package.

Every session installs the exact versions in uv.lock (`uv sync --frozen`) into its own
virtual environment, so a laptop, CI and a later checkout run the same code.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import nox

nox.options.default_venv_backend = "uv|virtualenv"
nox.options.sessions = ["lint", "tests", "build", "validate", "croissant", "quality"]
nox.options.reuse_existing_virtualenvs = True


def sync(session: nox.Session, *groups: str, extras: tuple[str, ...] = ()) -> None:
    """Install the project, the named dependency groups and optional extras from the lock
    file."""
    args = ["uv", "sync", "--frozen", "--no-default-groups"]
    for group in groups:
        args += ["--group", group]
    for extra in extras:
        args += ["--extra", extra]
    session.run_install(
        *args,
        # Byte-compiled at install, not on first import: seconds saved on every first run.
        env={"UV_PROJECT_ENVIRONMENT": session.virtualenv.location, "UV_COMPILE_BYTECODE": "1"},
        silent=True,
        external=True,
    )


def wants_cluster(args: list[str]) -> bool:
    """Whether a build runs on a Dask cluster (`--scheduler`, or $DASK_SCHEDULER_ADDRESS)."""
    asked = any(a == "--scheduler" or a.startswith("--scheduler=") for a in args)
    return asked or bool(os.environ.get("DASK_SCHEDULER_ADDRESS"))


@nox.session
def build(session: nox.Session) -> None:
    """Build datapackage/ from raw/ (pass options after --, e.g. -- --raw DIR --out DIR)."""
    # distributed (the `dask` extra) only for a build on a cluster: -- --scheduler ADDRESS.
    sync(session, extras=("dask",) if wants_cluster(session.posargs) else ())
    session.run("sidelines", "build", *session.posargs)


@nox.session
def tests(session: nox.Session) -> None:
    """Run the test suite with pytest (pass pytest options after --)."""
    # With the `dask` extra, and a missing distributed an error: the cluster tests must run.
    sync(session, "test", extras=("dask",))
    session.run("pytest", *session.posargs, env={"SIDELINES_REQUIRE_DASK": "1"})


@nox.session
def lint(session: nox.Session) -> None:
    """Check style (ruff), types (mypy), workflows (actionlint, zizmor) and CITATION.cff."""
    sync(session, "lint")
    session.run("ruff", "check", "build", "tests", "noxfile.py")
    session.run("ruff", "format", "--check", "build", "tests", "noxfile.py")
    session.run("mypy")
    session.run("actionlint")
    session.run("zizmor", "--offline", ".github/workflows")
    # cffconvert pins jsonschema<4 (frictionless needs >=4.20): its own locked environment.
    env_dir = str((Path(session.cache_dir) / "citation").resolve())
    citation_env = {"UV_PROJECT_ENVIRONMENT": env_dir, "VIRTUAL_ENV": env_dir}
    session.run_install(
        *("uv", "sync", "--frozen", "--quiet", "--project", "tools/citation"),
        env=citation_env,
        external=True,
    )
    session.run(
        *("uv", "run", "--frozen", "--no-sync", "--project", "tools/citation"),
        *("cffconvert", "--validate", "-i", "CITATION.cff"),
        env=citation_env,
        external=True,
    )


@nox.session
def validate(session: nox.Session) -> None:
    """Validate every row of the built package with `frictionless validate` (no sampling)."""
    sync(session)
    package = session.posargs[0] if session.posargs else "datapackage"
    session.run("frictionless", "validate", f"{package}/datapackage.json")


@nox.session
def croissant(session: nox.Session) -> None:
    """Validate the built package's croissant.json with mlcroissant (-- PACKAGE-DIR)."""
    # mlcroissant is a test dependency (it pulls pandas, scipy, rdflib): not the builder's.
    sync(session, "test")
    package = session.posargs[0] if session.posargs else "datapackage"
    session.run("mlcroissant", "validate", "--jsonld", f"{package}/croissant.json")


@nox.session
def quality(session: nox.Session) -> None:
    """Run the Great Expectations quality checks on a built package (-- PACKAGE-DIR [OPTIONS])."""
    sync(session)
    args = session.posargs or ["datapackage"]
    session.run("sidelines", "check", *args)


@nox.session(default=False)
def eval(session: nox.Session) -> None:
    """Build eval/raw and score it against eval/gold and eval/floors.json (-> eval/results.json)."""
    if not Path("eval/raw").is_dir() or not Path("eval/gold").is_dir():
        session.error("eval/raw and eval/gold: no evaluation corpus to score")
    sync(session)
    with tempfile.TemporaryDirectory() as tmp:
        package = str(Path(tmp) / "datapackage")
        # The scored package need not publish the last results (they may be stale or in a
        # merge conflict, and are about to be rewritten): an empty file is "not measured".
        # Without the quality gate, an extraction that breaks a check is still measured.
        session.run(
            *("sidelines", "build", "--raw", "eval/raw", "--out", package, "--no-cache"),
            *("--eval-results", os.devnull, "--no-quality-gate"),
        )
        session.run(
            *("sidelines", "eval", "eval/gold", package),
            *("--floors", "eval/floors.json", "--json", "eval/results.json"),
            *session.posargs,
        )


@nox.session(default=False)
def publish(session: nox.Session) -> None:
    """Write release artifacts for the built package into dist/ (e.g. -- --previous ZIP)."""
    sync(session)
    session.run("sidelines", "publish", *session.posargs)


@nox.session(default=False)
def bench(session: nox.Session) -> None:
    """Benchmark a synthetic corpus (-- --posts N --out FILE.json, or --profile FILE)."""
    sync(session, "bench")
    session.run("python", "-m", "sidelines.bench", *session.posargs)
