"""The quality step: run the expectation suites with Great Expectations and collect results.

GX is imported here, lazily, inside `run_checks` only (its import alone takes seconds). It runs
in an ephemeral, in-memory context with analytics and progress bars off: nothing is written,
nothing is sent. Tables go to GX as pandas frames backed by Arrow, so nullable integers,
dates and timestamps keep their types.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from typing import Any

import polars as pl

from sidelines.compare import Comparison, Previous, compare
from sidelines.quality_suites import (
    Check,
    QualitySettings,
    check_frames,
    frame_keys,
    quality_checks,
)
from sidelines.schema import Schemas

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


def gx_context() -> Any:
    """An ephemeral GX context: in memory, analytics and progress bars off."""
    os.environ["GX_ANALYTICS_ENABLED"] = "false"
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
    """Only the columns the checks read and the key that names a row: the posts' texts, say,
    need not be copied into pandas to check their ids."""
    wanted = list(keys)
    for check in checks:
        wanted += [check.kwargs[a] for a in COLUMN_ARGUMENTS if a in check.kwargs]
        wanted += check.kwargs.get("column_list", [])
    return frame.select(list(dict.fromkeys(c for c in wanted if c in frame.columns)))


def run_checks(
    frames: dict[str, pl.DataFrame], checks: list[Check], schemas: Schemas
) -> list[CheckResult]:
    """Validate every frame against its checks with GX; results in the order of `checks`."""
    import great_expectations as gx
    import great_expectations.expectations as gxe

    context = gx_context()
    source = context.data_sources.add_pandas("sidelines")
    by_id: dict[str, CheckResult] = {}
    for frame_name in dict.fromkeys(c.frame for c in checks):
        suite_checks = [c for c in checks if c.frame == frame_name]
        suite = gx.ExpectationSuite(
            name=frame_name,
            expectations=[
                getattr(gxe, c.expectation)(
                    **c.kwargs, severity=GX_SEVERITY[c.severity], meta={"check": c.id}
                )
                for c in suite_checks
            ],
        )
        batch = (
            source.add_dataframe_asset(frame_name)
            .add_batch_definition_whole_dataframe("all")
            .get_batch(
                batch_parameters={
                    "dataframe": checked_columns(
                        frames[frame_name], suite_checks, frame_keys(frame_name, schemas)
                    ).to_pandas(use_pyarrow_extension_array=True)
                }
            )
        )
        validation = batch.validate(
            suite,
            result_format={
                "result_format": "COMPLETE",
                "unexpected_index_column_names": frame_keys(frame_name, schemas),
                "partial_unexpected_count": EXAMPLES,
            },
        )
        checks_by_id = {c.id: c for c in suite_checks}
        for outcome in validation.results:
            check = checks_by_id[outcome.expectation_config.meta["check"]]
            result = outcome.result or {}
            failed_to_run = bool(outcome.exception_info.get("raised_exception"))
            by_id[check.id] = CheckResult(
                check=check,
                success=bool(outcome.success) and not failed_to_run,
                evaluated=int(result.get("element_count") or frames[frame_name].height),
                unexpected=int(result.get("unexpected_count") or 0),
                examples=[str(outcome.exception_info.get("exception_message"))]
                if failed_to_run
                else ([] if outcome.success else examples(result)),
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
