"""The quality step: every expectation fails on a copy of the package broken for it, and the
good package passes them all.

GX is slow to start, so each broken copy runs only the check it is broken for; the good
package runs the whole suite once per module.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import polars as pl
import pytest

from sidelines.extract.event_codes import event_columns
from sidelines.package.schema import load_schemas
from sidelines.pipeline import BuildConfig, build
from sidelines.quality.run import QualityFailed, QualityReport, check_quality, run_checks
from sidelines.quality.suites import (
    QualitySettings,
    check_frames,
    language_shares,
    quality_checks,
)
from tests.conftest import RAW, SCHEMAS

Tables = dict[str, pl.DataFrame]
SCHEMA = load_schemas(SCHEMAS)
EMPTY = {name: pl.DataFrame(schema=SCHEMA.polars_schema(name)) for name in SCHEMA.tables}
CHECK_IDS = [c.id for c in quality_checks(EMPTY, SCHEMA, QualitySettings())]


def set_first(frame: pl.DataFrame, column: str, value: object) -> pl.DataFrame:
    """The frame with `column` of its first row replaced."""
    first = pl.int_range(pl.len()) == 0
    dtype = frame.schema[column]
    return frame.with_columns(
        pl.when(first).then(pl.lit(value, dtype=dtype)).otherwise(pl.col(column)).alias(column)
    )


def meeting(meeting_id: str, **fields: object) -> dict[str, object]:
    base: dict[str, object] = {
        "meeting_id": meeting_id,
        "date": None,
        "date_precision": "unknown",
        "unga_session": None,
        "location": None,
        "russian_participant": "Sergey Lavrov",
        "counterpart_name": None,
        "counterpart_role": None,
        "counterpart_country": None,
        "counterpart_org": None,
        "format": "bilateral",
        "status": "held",
        "mode": "in_person",
    }
    row = {**base, **fields}
    return row | event_columns(row)


@pytest.fixture(scope="module")
def good(seed_package: Path) -> Tables:
    """The seed tables with three hand-made meetings: held, planned, and of a group."""
    tables = {
        name: pl.read_parquet(seed_package / "data" / f"{name}.parquet") for name in SCHEMA.tables
    }
    posts = tables["posts"]
    ids = posts["post_id"].to_list()
    announced = dt.datetime(2023, 9, 20, 8, 0, tzinfo=dt.UTC)
    tables["posts"] = posts.with_columns(
        published_at=pl.when(pl.col("post_id") == ids[1])
        .then(pl.lit(announced))
        .otherwise(pl.col("published_at"))
    )
    at_unga_78 = {"date_precision": "stated", "unga_session": 78}
    meetings = [
        meeting("a" * 16, date=dt.date(2023, 9, 21), counterpart_country="BFA", **at_unga_78),
        meeting(
            "b" * 16,
            date=dt.date(2023, 9, 25),
            counterpart_country="PAK",
            status="planned",
            **at_unga_78,
        ),
        meeting("c" * 16, counterpart_org="CICA", format="multilateral"),
    ]
    tables["meetings"] = pl.DataFrame(
        meetings, schema=SCHEMA.polars_schema("meetings"), orient="row"
    )
    tables["meeting_sources"] = pl.DataFrame(
        [("a" * 16, ids[0], "ru"), ("b" * 16, ids[1], "ru"), ("c" * 16, ids[2], "en")],
        schema=SCHEMA.polars_schema("meeting_sources"),
        orient="row",
    )
    return tables


@pytest.fixture(scope="module")
def good_report(good: Tables) -> QualityReport:
    return check_quality(good, SCHEMA, None)


def break_generic(tables: Tables, check_id: str) -> Tables:
    """A copy broken for a schema-derived check: duplicate key, null, bad code, dangling key."""
    table, column, rule = check_id.split(".")
    frame = tables[table]
    if rule == "unique":
        frame = pl.concat([frame, frame.head(1)])
    elif rule == "required":
        frame = set_first(frame, column, None)
    elif rule == "allowed":
        frame = set_first(frame, column, "not-allowed")
    elif rule == "iso_code":
        frame = set_first(frame, column, "ZZZ" if "country" in column else "zz")
    elif rule.startswith("references_"):
        frame = set_first(frame, column, "f" * 16)
    else:
        raise AssertionError(f"no breakage for {check_id}")
    return {**tables, table: frame}


def posts_with(tables: Tables, **values: object) -> Tables:
    posts = tables["posts"]
    for column, value in values.items():
        posts = set_first(posts, column, value)
    return {**tables, "posts": posts}


def meeting_dated(tables: Tables, meeting_id: str, day: dt.date) -> Tables:
    meetings = tables["meetings"].with_columns(
        date=pl.when(pl.col("meeting_id") == meeting_id).then(pl.lit(day)).otherwise("date")
    )
    return {**tables, "meetings": meetings}


DOMAIN_BREAKAGES: dict[str, Callable[[Tables], Tables]] = {
    "posts.text.present": lambda t: posts_with(t, text=None, media_type=None),
    "posts.text.not_blank": lambda t: posts_with(t, text=" \n ", media_type=None),
    "posts.lang.detected": lambda t: posts_with(t, lang=None),
    "posts.hashtags.share": lambda t: {**t, "hashtags": t["hashtags"].clear()},
    "meetings.meeting_id.has_source": lambda t: {
        **t,
        "meeting_sources": t["meeting_sources"].filter(pl.col("meeting_id") != "a" * 16),
    },
    "meetings.date.session_opened": lambda t: meeting_dated(t, "a" * 16, dt.date(2022, 9, 21)),
    "meetings.date.session_not_over": lambda t: meeting_dated(t, "a" * 16, dt.date(2024, 10, 1)),
    "meetings.date.planned_after_source": lambda t: meeting_dated(
        t, "b" * 16, dt.date(2023, 9, 19)
    ),
    "posts.lang.share_stable": lambda t: t,  # broken by its baseline below
    # a planned meeting coded as if held: CONSULT is no announcement
    "meetings.cameo_code.crosswalk": lambda t: {
        **t,
        "meetings": set_first(
            t["meetings"].sort("status", descending=True), "plover_event", "CONSULT"
        ),
    },
}
BASELINES = {"posts.lang.share_stable": {"en": 1.0}}


def test_every_check_has_a_breakage() -> None:
    kinds = ("unique", "required", "allowed", "iso_code", "references_")
    generic = {i for i in CHECK_IDS if i.split(".")[2].startswith(kinds)}
    assert set(CHECK_IDS) == generic | set(DOMAIN_BREAKAGES)


def test_iso_code_columns_come_from_the_schemas() -> None:
    found = sorted(i for i in CHECK_IDS if i.endswith(".iso_code"))
    assert found == [
        "hashtags.country.iso_code",
        "meeting_sources.lang.iso_code",
        "meetings.actor_country.iso_code",
        "meetings.counterpart_country.iso_code",
        "meetings.recipient_country.iso_code",
        "posts.lang.iso_code",
    ]


def test_good_package_passes_every_check(good_report: QualityReport) -> None:
    failed = [(r.check.id, r.examples) for r in good_report.results if not r.success]
    assert failed == []
    assert [r.check.id for r in good_report.results] == CHECK_IDS
    checked = {r.check.id: r.evaluated for r in good_report.results}
    assert checked["meetings.date.planned_after_source"] == 1
    assert checked["meetings.date.session_opened"] == 2


@pytest.mark.parametrize("check_id", [pytest.param(i, id=i) for i in CHECK_IDS])
def test_check_fails_on_a_copy_broken_for_it(good: Tables, check_id: str) -> None:
    broken = (
        DOMAIN_BREAKAGES[check_id](good)
        if check_id in DOMAIN_BREAKAGES
        else break_generic(good, check_id)
    )
    checks = [c for c in quality_checks(broken, SCHEMA, QualitySettings()) if c.id == check_id]
    frames = check_frames(broken, BASELINES.get(check_id), SCHEMA)
    [result] = run_checks(frames, checks, SCHEMA)
    assert not result.success
    assert result.unexpected >= 1
    assert result.examples, "a failed check names the rows that broke it"


def test_examples_name_the_broken_row(good: Tables) -> None:
    broken = meeting_dated(good, "a" * 16, dt.date(2022, 9, 21))
    checks = [c for c in quality_checks(broken, SCHEMA, QualitySettings()) if "session" in c.id]
    opened, over = run_checks(check_frames(broken, None, SCHEMA), checks, SCHEMA)
    assert not opened.success and over.success
    assert opened.examples == [
        "date=2022-09-21, meeting_id=aaaaaaaaaaaaaaaa, session_opens=2023-09-01"
    ]


def test_warnings_do_not_count_as_errors(good: Tables) -> None:
    report = check_quality(posts_with(good, lang=None), SCHEMA, None)
    assert [r.check.id for r in report.warnings] == ["posts.lang.detected"]
    assert report.errors == []


def test_language_shares() -> None:
    posts = pl.DataFrame({"lang": ["ru", "ru", "en", None]})
    assert language_shares(posts) == {"en": 0.25, "none": 0.25, "ru": 0.5}
    assert language_shares(posts.clear()) == {}


def test_failing_build_writes_nothing(
    good: Tables, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "pkg"
    broken = meeting_dated(good, "a" * 16, dt.date(2025, 9, 21))  # schema-valid, wrong session
    monkeypatch.setattr("sidelines.pipeline.make_tables", lambda parsed, schemas: (broken, 0))
    with pytest.raises(QualityFailed, match=r"meetings\.date\.session_not_over"):
        build(BuildConfig(raw_dir=RAW, out_dir=out, schemas_dir=SCHEMAS))
    # No package, no leftovers: only the lock file that every build of `pkg` shares.
    assert sorted(p.name for p in tmp_path.iterdir()) == [".pkg.lock"]


def test_a_failing_build_leaves_the_previous_package_as_it_was(
    good: Tables, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The tables are written while the checks run, into a folder beside the package: a
    failed check deletes that folder, once the writing is done, and swaps nothing in."""
    out = tmp_path / "pkg"
    build(BuildConfig(raw_dir=RAW, out_dir=out, schemas_dir=SCHEMAS))
    before = {p.relative_to(out): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}
    broken = meeting_dated(good, "a" * 16, dt.date(2025, 9, 21))
    monkeypatch.setattr("sidelines.pipeline.make_tables", lambda parsed, schemas: (broken, 0))
    again = BuildConfig(raw_dir=RAW, out_dir=out, schemas_dir=SCHEMAS, allow_removals="test")
    with pytest.raises(QualityFailed, match=r"meetings\.date\.session_not_over"):
        build(again)
    after = {p.relative_to(out): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}
    assert after == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [".pkg.lock", "pkg"]


def test_without_the_quality_gate_a_failing_build_is_written_and_says_so(
    good: Tables, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """For measuring an extraction (nox -s eval), not for a release."""
    out = tmp_path / "pkg"
    broken = meeting_dated(good, "a" * 16, dt.date(2025, 9, 21))
    monkeypatch.setattr("sidelines.pipeline.make_tables", lambda parsed, schemas: (broken, 0))
    summary = build(BuildConfig(raw_dir=RAW, out_dir=out, schemas_dir=SCHEMAS, quality_gate=False))
    assert summary.quality is not None
    assert [r.check.id for r in summary.quality.errors] == ["meetings.date.session_not_over"]
    written = json.loads((out / "quality" / "summary.json").read_text(encoding="utf-8"))
    assert written["status"] == "failed" and written["totals"]["errors"] == 1


def test_a_check_passing_mostly_counts_its_unexpected_rows(good: Tables) -> None:
    checks = [c for c in quality_checks(good, SCHEMA, QualitySettings()) if c.id.endswith("share")]
    [result] = run_checks(check_frames(good, None, SCHEMA), [checks[0]], SCHEMA)
    untagged = good["posts"].filter(~pl.col("post_id").is_in(good["hashtags"]["post_id"].implode()))
    assert untagged.height >= 1, "the seed has posts without hashtags"
    assert (result.success, result.unexpected, result.examples) == (True, untagged.height, [])


def test_a_check_that_cannot_run_fails_and_says_why(good: Tables) -> None:
    checks = [
        c for c in quality_checks(good, SCHEMA, QualitySettings()) if c.id == "posts.kind.required"
    ]
    frames = check_frames({**good, "posts": good["posts"].drop("kind")}, None, SCHEMA)
    [result] = run_checks(frames, checks, SCHEMA)
    assert not result.success
    assert "kind" in result.examples[0]


def test_gx_is_imported_in_the_background() -> None:
    """In a fresh interpreter (this one has GX loaded already): the thread leaves GX and
    the parts the checks use imported, and the main thread is free meanwhile."""
    script = (
        "import sys\n"
        "from sidelines.quality.run import import_gx_in_background\n"
        "thread = import_gx_in_background()\n"
        "print(thread.is_alive())\n"
        "thread.join()\n"
        "print('great_expectations.expectations' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.split() == ["True", "True"]
