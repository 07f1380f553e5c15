"""The written report: counts per table, failures first, escaped HTML, and the seed package's
summary with zero errors."""

from __future__ import annotations

import json
from pathlib import Path

from sidelines.quality.compare import Comparison
from sidelines.quality.report import quality_files, summary
from sidelines.quality.run import CheckResult, QualityReport
from sidelines.quality.suites import Check, Severity


def result(check_id: str, severity: Severity, success: bool, examples: list[str]) -> CheckResult:
    table = check_id.split(".")[0]
    check = Check(check_id, table, table, "ExpectX", {}, severity, f"rule <{check_id}>")
    return CheckResult(check, success, 3, 0 if success else len(examples), examples)


REPORT = QualityReport(
    [
        result("posts.a.unique", "error", True, []),
        result("posts.b.detected", "warning", False, ["post_id=<x>"]),
        result("hashtags.c.iso_code", "error", False, ["country=ZZZ"]),
    ],
    Comparison(rows={"posts": 3, "hashtags": 2}, removed={"posts": ["p1"]}, reasons=["why"]),
)


def test_summary_counts_per_table() -> None:
    data = summary(REPORT, "9.9.9")
    assert data["status"] == "failed"
    assert data["totals"] == {
        "expectations": 3,
        "passed": 1,
        "failed": 2,
        "errors": 1,
        "warnings": 1,
        "not_applicable": 0,
    }
    assert data["tables"]["posts"]["warnings"] == 1 and data["tables"]["posts"]["rows"] == 3
    assert data["comparison"] == {
        "baseline": None,
        "removed": {"posts": ["p1"]},
        "reasons": ["why"],
    }


def test_html_lists_failures_first_and_escapes() -> None:
    files = quality_files(REPORT, "9.9.9")
    page = files.reports["quality/index.html"]
    assert "<x>" not in page and "post_id=&lt;x&gt;" in page
    attention = page.index("Needs attention")
    assert attention < page.index("hashtags.c.iso_code") < page.index("posts.b.detected")
    assert "Reasons: why." in files.readme
    assert quality_files(REPORT, "9.9.9") == files


def test_seed_package_quality(seed_package: Path) -> None:
    data = json.loads((seed_package / "quality" / "summary.json").read_text(encoding="utf-8"))
    assert data["status"] == "passed"
    assert data["totals"]["errors"] == 0 and data["totals"]["expectations"] >= 30
    assert set(data["tables"]) == {"posts", "hashtags", "meetings", "meeting_sources"}
    readme = (seed_package / "README.md").read_text(encoding="utf-8")
    assert "(quality/index.html)" in readme and "(quality/summary.json)" in readme
    assert (
        (seed_package / "quality" / "index.html")
        .read_text(encoding="utf-8")
        .startswith("<!DOCTYPE html>")
    )


def test_checks_with_nothing_to_check_or_rows_against_them_are_told_apart() -> None:
    """Modelled on the seeds: no baseline release (language drift checks no row) and a
    hashtag share that passes its threshold with posts against it."""
    drift = Check(
        "posts.lang.share_stable", "posts", "language_shares", "ExpectX", {}, "warning", "r"
    )
    share = Check(
        "posts.hashtags.share", "posts", "posts_hashtagged", "ExpectX", {}, "warning", "s"
    )
    report = QualityReport(
        [
            CheckResult(drift, True, 0, 0),
            CheckResult(share, True, 15, 8),
            result("posts.a.unique", "error", True, []),
        ],
        Comparison(rows={"posts": 15}),
    )
    assert [r.outcome for r in report.results] == ["not applicable", "tolerated", "passed"]
    data = summary(report, "9.9.9")
    assert data["totals"]["passed"] == 3 and data["totals"]["not_applicable"] == 1
    assert [e["outcome"] for e in data["expectations"]] == ["not applicable", "tolerated", "passed"]
    files = quality_files(report, "9.9.9")
    assert "2 passed, 1 not applicable (no rows to check), 0 errors, 0 warnings" in files.readme
    page = files.reports["quality/index.html"]
    assert "– not applicable: no rows to check" in page
    assert "⚠ passed, with rows against it within the threshold" in page
