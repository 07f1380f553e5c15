"""The quality step: run the expectation suites with Great Expectations and collect results.

GX is imported here, lazily, inside `run_checks` only (its import alone takes seconds), or
ahead of it in a thread while a build's workers parse (`import_gx_in_background`). It runs
in an ephemeral, in-memory context with analytics and progress bars off: nothing is written,
nothing is sent. Tables go to GX as pandas frames backed by Arrow, so nullable integers,
dates and timestamps keep their types.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import threading
from dataclasses import dataclass, field
from typing import Any

import polars as pl

from sidelines.package.read import Previous
from sidelines.package.schema import Schemas
from sidelines.quality.compare import Comparison, compare
from sidelines.quality.suites import (
    Check,
    QualitySettings,
    check_frames,
    frame_keys,
    quality_checks,
)

EXAMPLES = 5  # rows named per failed check; the count is always complete
GX_SEVERITY = {"error": "critical", "warning": "warning"}


@dataclass(frozen=True)
class CheckResult:
    """How one check went: rows it looked at, rows that broke it, a few of them by key."""

    check: Check
    success: bool
    evaluated: int
    unexpected: int
    examples: list[str] = field(default_factory=list)

    @property
    def outcome(self) -> str:
        """How to report it honestly: `not applicable` when there was no row to check (say,
        language drift without a baseline release), `tolerated` when it passed with rows
        against it (a share within its threshold), else `passed` or its severity."""
        if not self.success:
            return self.check.severity
        if self.evaluated == 0:
            return "not applicable"
        return "tolerated" if self.unexpected else "passed"


@dataclass(frozen=True)
class QualityReport:
    """Every check's result and the comparison with the previous release."""

    results: list[CheckResult]
    comparison: Comparison

    @property
    def errors(self) -> list[CheckResult]:
        return [r for r in self.results if not r.success and r.check.severity == "error"]

    @property
    def warnings(self) -> list[CheckResult]:
        return [r for r in self.results if not r.success and r.check.severity == "warning"]


class QualityFailed(Exception):
    """Raised when an error-level expectation fails; the message names the first few."""

    def __init__(self, report: QualityReport) -> None:
        self.report = report
        errors = report.errors
        shown = "; ".join(
            f"{r.check.id} ({r.unexpected} rows"
            + (f", e.g. {r.examples[0]}" if r.examples else "")
            + ")"
            for r in errors[:3]
        )
        more = f" (and {len(errors) - 3} more)" if len(errors) > 3 else ""
        super().__init__(f"{len(errors)} quality check(s) failed: {shown}{more}")


def show(value: Any) -> str:
    """A value as the report prints it: ISO dates, `null`, compound values joined."""
    if value is None:
        return "null"
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, dict):
        return ", ".join(f"{k}={show(v)}" for k, v in value.items())
    if isinstance(value, tuple | list):
        return " / ".join(show(v) for v in value)
    return str(value)


def examples(result: dict[str, Any]) -> list[str]:
    """The first distinct failing rows, named by their key and value, in a stable order."""
    found = result.get("unexpected_index_list") or result.get("partial_unexpected_list") or []
    if not found and "observed_value" in result:
        found = [result["observed_value"]]
    unique = sorted({show(v) for v in found})
    return unique[:EXAMPLES]


def import_gx() -> None:
    """Import GX and the parts of it the checks use, analytics off (seconds of work)."""
    os.environ["GX_ANALYTICS_ENABLED"] = "false"
    import great_expectations
    import great_expectations.data_context.types.base
    import great_expectations.expectations  # noqa: F401


def import_gx_in_background() -> threading.Thread:
    """Start importing GX in a thread, so that its seconds overlap work that waits on other
    processes (the workers parsing). A later import waits for it through Python's import
    lock; should it fail, that import raises the error again where it is reported."""

    def quietly() -> None:
        with contextlib.suppress(Exception):
            import_gx()

    thread = threading.Thread(target=quietly, name="import great_expectations", daemon=True)
    thread.start()
    return thread


def gx_context() -> Any:
    """An ephemeral GX context: in memory, analytics and progress bars off."""
    import_gx()
    import great_expectations as gx
    from great_expectations.data_context.types.base import (
        DataContextConfig,
        InMemoryStoreBackendDefaults,
        ProgressBarsConfig,
    )

    config = DataContextConfig(
        store_backend_defaults=InMemoryStoreBackendDefaults(init_temp_docs_sites=False),
        analytics_enabled=False,
        progress_bars=ProgressBarsConfig(globally=False, metric_calculations=False),
    )
    return gx.get_context(mode="ephemeral", project_config=config)


COLUMN_ARGUMENTS = ("column", "column_A", "column_B")


def checked_columns(frame: pl.DataFrame, checks: list[Check], keys: list[str]) -> pl.DataFrame:
    """Only the columns the checks read and the key that names a row (`keys`, may be empty):
    the posts' texts, say, need not be copied into pandas to check their ids."""
    wanted = list(keys)
    for check in checks:
        wanted += [check.kwargs[a] for a in COLUMN_ARGUMENTS if a in check.kwargs]
        wanted += check.kwargs.get("column_list", [])
    return frame.select(list(dict.fromkeys(c for c in wanted if c in frame.columns)))


def exception_message(outcome: Any) -> str | None:
    """Why GX could not run an expectation (a missing column, say), or None if it ran. GX 1.x
    files the exception under the metric that raised it, older versions at the top level."""
    info = outcome.exception_info or {}
    for entry in [info, *(v for v in info.values() if isinstance(v, dict))]:
        if entry.get("raised_exception"):
            return str(entry.get("exception_message"))
    return None


def check_result(check: Check, outcome: Any, rows: int) -> CheckResult:
    """One check's result from its GX outcome (`rows`: the frame's height, should GX not say)."""
    result = outcome.result or {}
    error = exception_message(outcome)
    return CheckResult(
        check=check,
        success=bool(outcome.success) and error is None,
        evaluated=int(result.get("element_count") or rows),
        unexpected=int(result.get("unexpected_count") or 0),
        examples=[error] if error is not None else ([] if outcome.success else examples(result)),
    )


def expectation_suite(name: str, checks: list[Check]) -> Any:
    """A GX suite of the checks, each expectation tagged with its check's id."""
    import great_expectations as gx
    import great_expectations.expectations as gxe

    return gx.ExpectationSuite(
        name=name,
        expectations=[
            getattr(gxe, c.expectation)(
                **c.kwargs, severity=GX_SEVERITY[c.severity], meta={"check": c.id}
            )
            for c in checks
        ],
    )


def by_check(validation: Any) -> dict[str, Any]:
    """A suite's outcomes by check id."""
    return {o.expectation_config.meta["check"]: o for o in validation.results}


def count_unexpected(context: Any, name: str, frame: pl.DataFrame, checks: list[Check]) -> Any:
    """Each check's outcome on the frame, with counts but no rows (result format BASIC).

    Run as a validation definition, which fetches the batch once: `Batch.validate` fetches it
    again, and GX fingerprints every cell of a batch it fetches. (A definition also stores
    its results in the context; small without rows.)"""
    import great_expectations as gx

    source = context.data_sources.get("sidelines")
    definition = gx.ValidationDefinition(
        name=name,
        data=source.add_dataframe_asset(name).add_batch_definition_whole_dataframe("all"),
        suite=context.suites.add(expectation_suite(name, checks)),
    )
    return by_check(
        context.validation_definitions.add(definition).run(
            batch_parameters={"dataframe": frame.to_pandas(use_pyarrow_extension_array=True)},
            result_format={"result_format": "BASIC"},
        )
    )


def name_unexpected(
    context: Any, name: str, frame: pl.DataFrame, checks: list[Check], keys: list[str]
) -> Any:
    """Each check's outcome on the frame with every unexpected row named by `keys` (result
    format COMPLETE), not stored in the context: the rows can be many."""
    source = context.data_sources.get("sidelines")
    batch = (
        source.add_dataframe_asset(name)
        .add_batch_definition_whole_dataframe("all")
        .get_batch(
            batch_parameters={"dataframe": frame.to_pandas(use_pyarrow_extension_array=True)}
        )
    )
    return by_check(
        batch.validate(
            expectation_suite(name, checks),
            result_format={
                "result_format": "COMPLETE",
                "unexpected_index_column_names": keys,
                "partial_unexpected_count": EXAMPLES,
            },
        )
    )


def run_checks(
    frames: dict[str, pl.DataFrame], checks: list[Check], schemas: Schemas
) -> list[CheckResult]:
    """Validate every frame against its checks with GX; results in the order of `checks`.

    Every check runs on every row, for its counts, on the columns it reads. Only the checks
    that failed run again, with the frame's key, to name the rows that broke them: GX names
    unexpected rows one by one in Python, which was most of the stage's time when every
    check did it (a check passing with `mostly` has many)."""
    context = gx_context()
    context.data_sources.add_pandas("sidelines")
    by_id: dict[str, CheckResult] = {}
    for frame_name in dict.fromkeys(c.frame for c in checks):
        frame = frames[frame_name]
        suite_checks = [c for c in checks if c.frame == frame_name]
        counted = count_unexpected(
            context, frame_name, checked_columns(frame, suite_checks, []), suite_checks
        )
        failed = [
            c
            for c in suite_checks
            if not counted[c.id].success or exception_message(counted[c.id]) is not None
        ]
        keys = frame_keys(frame_name, schemas)
        named = (
            name_unexpected(
                context, f"{frame_name}, failed", checked_columns(frame, failed, keys), failed, keys
            )
            if failed
            else {}
        )
        for check in suite_checks:
            by_id[check.id] = check_result(
                check, named.get(check.id, counted[check.id]), frame.height
            )
    return [by_id[c.id] for c in checks]


def check_quality(
    tables: dict[str, pl.DataFrame],
    schemas: Schemas,
    previous: Previous | None,
    allow_removals: str | None = None,
    settings: QualitySettings | None = None,
) -> QualityReport:
    """Compare with the previous release (raising on silent removals), then run every check."""
    comparison = compare(tables, schemas, previous, allow_removals)
    baseline = comparison.baseline
    frames = check_frames(tables, baseline.lang_shares if baseline else None, schemas)
    checks = quality_checks(tables, schemas, settings or QualitySettings())
    return QualityReport(run_checks(frames, checks, schemas), comparison)
