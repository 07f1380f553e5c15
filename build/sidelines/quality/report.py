"""The quality report written into the package: `quality/summary.json` for machines and
`quality/index.html` for people, plus the README's quality section (pure).

The HTML is written here from the GX validation results rather than by GX Data Docs, which
stamp run times and ids into the page and load styles from the network: this page is one
self-contained file whose bytes depend on the data only.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from importlib.metadata import version
from typing import Any

from sidelines.evaluation.published import accuracy_readme, accuracy_rows, published_accuracy
from sidelines.package.write import HTML_PATH, SUMMARY_PATH
from sidelines.quality.compare import Comparison
from sidelines.quality.run import CheckResult, QualityReport
from sidelines.words import plural


def counts(results: list[CheckResult]) -> dict[str, int]:
    """Expectations run, passed, failed, and the failures split into errors and warnings."""
    failed = [r for r in results if not r.success]
    return {
        "expectations": len(results),
        "passed": len(results) - len(failed),
        "failed": len(failed),
        "errors": sum(r.check.severity == "error" for r in failed),
        "warnings": sum(r.check.severity == "warning" for r in failed),
        "not_applicable": sum(r.outcome == "not applicable" for r in results),
    }


def comparison_record(comparison: Comparison) -> dict[str, Any]:
    """What the package records of its history: the baseline release and accepted removals
    (never the package it happened to be built over, so a rebuild gives the same bytes)."""
    baseline = comparison.baseline
    return {
        "baseline": None
        if baseline is None
        else {
            "version": baseline.version,
            "rows": baseline.rows,
            "lang_shares": baseline.lang_shares,
        },
        "removed": comparison.removed,
        "reasons": comparison.reasons,
    }


def summary(
    report: QualityReport, package_version: str, accuracy: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The machine-readable summary: totals, per table, the extraction's measured accuracy,
    the comparison, every check."""
    results = report.results
    tables = dict.fromkeys(r.check.table for r in results)
    return {
        "package_version": package_version,
        "great_expectations_version": version("great-expectations"),
        "status": "failed" if report.errors else "passed",
        "totals": counts(results),
        "accuracy": accuracy if accuracy is not None else published_accuracy(None, ""),
        "tables": {
            table: {
                "rows": report.comparison.rows.get(table),
                **counts([r for r in results if r.check.table == table]),
            }
            for table in tables
        },
        "comparison": comparison_record(report.comparison),
        "expectations": [
            {
                "id": r.check.id,
                "table": r.check.table,
                "severity": r.check.severity,
                "expectation": r.check.expectation,
                "rule": r.check.rule,
                "success": r.success,
                "outcome": r.outcome,
                "evaluated": r.evaluated,
                "unexpected": r.unexpected,
                "examples": r.examples,
            }
            for r in results
        ],
    }


STYLE = """
body { font: 15px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 72rem;
  padding: 0 1rem; color: #1d2329; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { margin-top: 2rem; }
.banner { padding: .7rem 1rem; border-radius: 6px; font-weight: 600; margin: 1rem 0; }
.passed { background: #e3f4e8; color: #14532d; } .failed { background: #fde2e1; color: #7f1d1d; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
th, td { border-bottom: 1px solid #dde1e5; padding: .35rem .5rem; text-align: left;
  vertical-align: top; }
th { background: #f3f5f7; font-weight: 600; } td.n { text-align: right; }
td:first-child { white-space: nowrap; }
code { font-size: .85em; color: #4b5563; } .muted { color: #6b7280; }
.ok { color: #15803d; } .error { color: #b91c1c; font-weight: 600; }
.warning { color: #a16207; font-weight: 600; }
"""

MARK = {
    "passed": "✓ passed",
    "tolerated": "⚠ passed, with rows against it within the threshold",
    "not applicable": "– not applicable: no rows to check",
    "error": "✗ error",
    "warning": "⚠ warning",
}
STATE_CLASS = {"passed": "ok", "tolerated": "warning", "not applicable": "muted"}


def row(cells: list[str], numeric: frozenset[int] = frozenset()) -> str:
    """One HTML table row of already-escaped cells."""
    tds = "".join(
        f'<td class="n">{c}</td>' if i in numeric else f"<td>{c}</td>" for i, c in enumerate(cells)
    )
    return f"<tr>{tds}</tr>"


def totals_table(data: dict[str, Any]) -> str:
    """Rows, expectations, passed, errors and warnings per table and in all."""
    head = (
        "<tr><th>table</th><th>rows</th><th>expectations</th><th>passed</th>"
        "<th>errors</th><th>warnings</th></tr>"
    )
    body = [
        row(
            [
                html.escape(name),
                str(t["rows"]),
                str(t["expectations"]),
                str(t["passed"]),
                str(t["errors"]),
                str(t["warnings"]),
            ],
            frozenset(range(1, 6)),
        )
        for name, t in data["tables"].items()
    ]
    total = data["totals"]
    body.append(
        row(
            [
                "<strong>all</strong>",
                "",
                str(total["expectations"]),
                str(total["passed"]),
                str(total["errors"]),
                str(total["warnings"]),
            ],
            frozenset(range(1, 6)),
        )
    )
    return f"<table>{head}{''.join(body)}</table>"


def comparison_section(data: dict[str, Any]) -> str:
    """The baseline release, row counts against it, and removals accepted with reasons."""
    record = data["comparison"]
    parts = ["<h2>Compared with the previous release</h2>"]
    baseline = record["baseline"]
    if baseline is None:
        parts.append('<p class="muted">No earlier release of another version to compare with.</p>')
    else:
        head = "<tr><th>table</th><th>rows then</th><th>rows now</th><th>change</th></tr>"
        body = "".join(
            row(
                [
                    html.escape(name),
                    str(then),
                    str(data["tables"].get(name, {}).get("rows")),
                    f"{(data['tables'].get(name, {}).get('rows') or 0) - then:+d}",
                ],
                frozenset({1, 2, 3}),
            )
            for name, then in baseline["rows"].items()
        )
        parts.append(
            f"<p>Baseline: release {html.escape(baseline['version'])}.</p>"
            f"<table>{head}{body}</table>"
        )
    if record["removed"]:
        reasons = "".join(f"<li>{html.escape(r)}</li>" for r in record["reasons"])
        removed = "".join(
            f"<li>{html.escape(t)}: {len(ids)} row{'s' if len(ids) != 1 else ''} "
            f"<code>{html.escape(', '.join(ids[:20]))}{' …' if len(ids) > 20 else ''}</code></li>"
            for t, ids in record["removed"].items()
        )
        parts.append(
            f"<p>Rows removed on purpose, with the reasons given:</p><ul>{reasons}</ul>"
            f"<ul>{removed}</ul>"
        )
    else:
        parts.append("<p>No rows of the previous release were removed.</p>")
    return "".join(parts)


def checks_table(expectations: list[dict[str, Any]]) -> str:
    """One row per expectation: outcome, rule, GX expectation, rows checked and failing."""
    head = (
        "<tr><th>result</th><th>rule</th><th>expectation</th><th>rows checked</th>"
        "<th>rows against it</th><th>examples</th></tr>"
    )
    body = []
    for e in expectations:
        state = e["outcome"]
        body.append(
            row(
                [
                    f'<span class="{STATE_CLASS.get(state, state)}">{MARK[state]}</span>',
                    f"{html.escape(e['rule'])}<br>"
                    f'<code class="muted">{html.escape(e["id"])}</code>',
                    f"<code>{html.escape(e['expectation'])}</code>",
                    str(e["evaluated"]),
                    str(e["unexpected"]),
                    "<br>".join(html.escape(x) for x in e["examples"]),
                ],
                frozenset({3, 4}),
            )
        )
    return f"<table>{head}{''.join(body)}</table>"


def problems_section(data: dict[str, Any]) -> str:
    """The failed expectations first, errors before warnings, so nothing hides in the list."""
    failed = [e for e in data["expectations"] if not e["success"]]
    if not failed:
        return ""
    failed.sort(key=lambda e: e["severity"] != "error")  # stable: errors, then warnings
    return "<h2>Needs attention</h2>" + checks_table(failed)


def accuracy_section(data: dict[str, Any]) -> str:
    """The extraction's precision and recall on the evaluation corpus, or why there are none."""
    accuracy = data["accuracy"]
    if not accuracy["measured"]:
        return (
            "<h2>Extraction accuracy</h2>"
            f'<p class="muted">{html.escape(accuracy["note"]).capitalize()}.</p>'
        )
    corpus = accuracy["corpus"]
    head = "<tr><th>figure</th><th>what it counts</th><th>value</th><th>of</th></tr>"
    body = "".join(
        row([f"<code>{html.escape(n)}</code>", html.escape(what), v, of], frozenset({2, 3}))
        for n, what, v, of in accuracy_rows(accuracy)
    )
    return (
        "<h2>Extraction accuracy</h2>"
        f"<p>Measured with this builder version on the evaluation corpus: "
        f"{corpus.get('files', 0)} files, {corpus.get('posts', 0)} posts, "
        f"{corpus.get('gold_meetings', 0)} meetings annotated by hand.</p>"
        f"<table>{head}{body}</table>"
    )


def render_html(data: dict[str, Any]) -> str:
    """The quality report as one self-contained HTML page."""
    status = data["status"]
    total = data["totals"]
    banner = (
        f"{'Passed' if status == 'passed' else 'Failed'}: {total['expectations']} "
        f"expectations, {passed_text(total)}, "
        f"{plural(total['errors'], 'error')}, {plural(total['warnings'], 'warning')}."
    )
    sections = [
        f"<h2>{html.escape(table)}</h2>"
        + checks_table([e for e in data["expectations"] if e["table"] == table])
        for table in data["tables"]
    ]
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en"><head><meta charset="utf-8">',
            f"<title>Data quality — sidelines {html.escape(data['package_version'])}</title>",
            f"<style>{STYLE}</style></head><body>",
            f"<h1>Data quality report — sidelines {html.escape(data['package_version'])}</h1>",
            '<p class="muted">Checked with Great Expectations '
            f"{html.escape(data['great_expectations_version'])} on every build. Errors stop the "
            "build; warnings are reported here. Machine-readable: "
            '<a href="summary.json">summary.json</a>.</p>',
            f'<div class="banner {status}">{banner}</div>',
            totals_table(data),
            problems_section(data),
            accuracy_section(data),
            comparison_section(data),
            *sections,
            "</body></html>",
            "",
        ]
    )


def passed_text(totals: dict[str, int]) -> str:
    """The checks that passed, with those that had no row to check told apart (the summary's
    `passed` counts every check that did not fail).

    >>> passed_text({"passed": 35, "not_applicable": 1}), passed_text({"passed": 3})
    ('34 passed, 1 not applicable (no rows to check)', '3 passed')
    """
    idle = totals.get("not_applicable", 0)
    shown = f"{totals['passed'] - idle} passed"
    return f"{shown}, {idle} not applicable (no rows to check)" if idle else shown


def readme_section(data: dict[str, Any]) -> str:
    """The package README's quality section, linking the report."""
    total = data["totals"]
    removed = data["comparison"]["removed"]
    lines = [
        "## Quality",
        "",
        f"Every build runs {total['expectations']} Great Expectations checks over the tables "
        "(keys, required values, ISO codes, foreign keys, General Assembly sessions, meeting "
        f"sources, texts): {passed_text(total)}, "
        f"{plural(total['errors'], 'error')}, {plural(total['warnings'], 'warning')}. "
        "Report: [quality/index.html](quality/index.html); "
        "machine-readable: [quality/summary.json](quality/summary.json).",
        "",
    ]
    if removed:
        lines += [
            "Rows removed since the previous release, on purpose: "
            + "; ".join(f"{t} {len(ids)}" for t, ids in removed.items())
            + ". Reasons: "
            + "; ".join(data["comparison"]["reasons"])
            + ".",
            "",
        ]
    return "\n".join(lines)


@dataclass(frozen=True)
class QualityFiles:
    """The report files to write into the package and the README's quality section."""

    reports: dict[str, str]
    readme: str


def quality_files(
    report: QualityReport, package_version: str, accuracy: dict[str, Any] | None = None
) -> QualityFiles:
    """summary.json and index.html by path inside the package, and the README sections
    (quality, then accuracy); no accuracy given: not measured."""
    data = summary(report, package_version, accuracy)
    return QualityFiles(
        reports={
            SUMMARY_PATH: json.dumps(data, ensure_ascii=False, indent=2) + "\n",
            HTML_PATH: render_html(data),
        },
        readme=readme_section(data) + "\n" + accuracy_readme(data["accuracy"]),
    )
