"""The expectation suites: what the quality step checks in every table, as plain data (pure).

Each `Check` names a Great Expectations expectation class, its arguments and a severity.
Keys, required columns and foreign keys come from the Table Schemas; ISO code columns are the
ones whose schema description says "ISO 3166-1 alpha-3" or "ISO 639-1"; the domain rules
(sessions, sources, planned dates, texts, the event-code crosswalk) are written out below.
Columns with an `enum` in their schema get an allowed-values check. Cross-table rules run on
pandas, where GX has no joins: parent keys travel as value sets, and the other rules run on
small derived frames built by `check_frames`. Nothing here imports GX.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

import polars as pl
import pycountry

from sidelines.extract.event_codes import EventCodes, event_columns
from sidelines.package.schema import Schemas

Severity = Literal["error", "warning"]

COUNTRY_CODES = sorted(c.alpha_3 for c in pycountry.countries)
LANGUAGE_CODES = sorted(lang.alpha_2 for lang in pycountry.languages if hasattr(lang, "alpha_2"))
CODE_LISTS = {"ISO 3166-1 alpha-3": COUNTRY_CODES, "ISO 639-1": LANGUAGE_CODES}
FIRST_SESSION_YEAR = 1945  # session N opens in September of 1945 + N


@dataclass(frozen=True)
class QualitySettings:
    """Thresholds of the warning-level checks."""

    max_language_shift: float = 0.2  # share of posts a language may gain or lose per release
    min_share_with_hashtags: float = 0.3  # below this share of posts with hashtags, warn


@dataclass(frozen=True)
class Check:
    """One expectation: on which frame, which GX expectation class with which arguments, how
    severe a failure is, and what it means in a sentence."""

    id: str
    table: str
    frame: str
    expectation: str
    kwargs: dict[str, Any] = field(hash=False)
    severity: Severity
    rule: str


def session_window(posts_or_meetings: pl.DataFrame) -> pl.DataFrame:
    """Add the first and last day a meeting may have under its General Assembly session:
    1 September 1945+N to 30 September 1946+N (the next session opens mid-September).

    >>> import datetime as dt
    >>> m = pl.DataFrame({"unga_session": [78]})
    >>> session_window(m).row(0)
    (78, datetime.date(2023, 9, 1), datetime.date(2024, 9, 30))
    """
    year = pl.col("unga_session") + FIRST_SESSION_YEAR
    return posts_or_meetings.with_columns(
        session_opens=pl.date(year, 9, 1), session_closes=pl.date(year + 1, 9, 30)
    )


def language_shares(posts: pl.DataFrame) -> dict[str, float]:
    """Share of posts per language (`none` for posts without one), rounded to 4 places.

    >>> language_shares(pl.DataFrame({"lang": ["ru", "en", "ru", None]}))
    {'en': 0.25, 'none': 0.25, 'ru': 0.5}
    """
    if posts.height == 0:
        return {}
    counts = posts.group_by(pl.col("lang").fill_null("none")).len().sort("lang")
    return {lang: round(n / posts.height, 4) for lang, n in counts.iter_rows()}


def share_changes(now: dict[str, float], before: dict[str, float] | None) -> pl.DataFrame:
    """Per language: its share now, in the baseline release, and the change (empty without a
    baseline)."""
    schema = {"lang": pl.String, "share": pl.Float64, "baseline_share": pl.Float64}
    if before is None:
        rows: list[tuple[str, float, float]] = []
    else:
        rows = [(k, now.get(k, 0.0), before.get(k, 0.0)) for k in sorted(set(now) | set(before))]
    frame = pl.DataFrame(rows, schema=schema, orient="row")
    return frame.with_columns(change=(pl.col("share") - pl.col("baseline_share")).round(4))


def crosswalk_agreement(meetings: pl.DataFrame) -> pl.DataFrame:
    """Each meeting's event codes, and whether they are the ones the crosswalk gives its
    status, format, mode and venue (`extract/event_codes.py`): a table edited by hand, or
    codes from another crosswalk, show here."""
    fields = EventCodes._fields
    agrees = [
        all(row[f] == expected for f, expected in event_columns(row).items() if f in fields)
        for row in meetings.iter_rows(named=True)
    ]
    return meetings.select("meeting_id", *fields).with_columns(
        agrees=pl.Series(agrees, dtype=pl.Boolean)
    )


def check_frames(
    tables: dict[str, pl.DataFrame], baseline_shares: dict[str, float] | None, schemas: Schemas
) -> dict[str, pl.DataFrame]:
    """The four tables plus the derived frames the cross-table and conditional rules need."""
    posts, meetings = tables["posts"], tables["meetings"]
    sourced = tables["meeting_sources"]["meeting_id"].implode()
    tagged = tables["hashtags"]["post_id"].unique().implode()
    published = posts.select("post_id", published_on=pl.col("published_at").dt.date())
    return {
        **tables,
        **reference_frames(tables, schemas),
        "meetings_sourced": meetings.select(
            "meeting_id", found=pl.col("meeting_id").is_in(sourced)
        ),
        # The texts' lengths and whether they hold a visible character, not the texts: GX
        # need not copy every post's text into pandas to check that it is there.
        "posts_without_media": posts.filter(pl.col("media_type").is_null()).select(
            "post_id",
            text_chars=pl.col("text").str.len_chars(),
            not_blank=pl.col("text").str.contains(r"\S"),
        ),
        "posts_with_text": posts.filter(pl.col("text").is_not_null()).select("post_id", "lang"),
        "posts_hashtagged": posts.select("post_id", has_hashtags=pl.col("post_id").is_in(tagged)),
        "language_shares": share_changes(language_shares(posts), baseline_shares),
        "meeting_sessions": session_window(
            meetings.filter(pl.col("unga_session").is_not_null()).select(
                "meeting_id", "date", "unga_session"
            )
        ),
        "meeting_event_codes": crosswalk_agreement(meetings),
        "planned_meeting_sources": meetings.filter(pl.col("status") == "planned")
        .select("meeting_id", "date")
        .join(tables["meeting_sources"].select("meeting_id", "post_id"), on="meeting_id")
        .join(published, on="post_id", how="left")
        .sort("meeting_id", "post_id"),
    }


FRAME_KEYS = {
    "meetings_sourced": ["meeting_id"],
    "posts_without_media": ["post_id"],
    "posts_with_text": ["post_id"],
    "posts_hashtagged": ["post_id"],
    "language_shares": ["lang"],
    "meeting_sessions": ["meeting_id"],
    "planned_meeting_sources": ["meeting_id", "post_id"],
    "meeting_event_codes": ["meeting_id"],
}


def frame_keys(frame: str, schemas: Schemas) -> list[str]:
    """Columns that name a row of a frame in the report (its primary key, or that of the
    table a reference frame was derived from)."""
    return FRAME_KEYS.get(frame) or schemas.primary_key(frame.split("__")[0])


def foreign_keys(table: str, schemas: Schemas) -> list[tuple[str, str, str]]:
    """(field, parent table, parent field) of each of a table's foreign keys."""
    found = []
    for fk in schemas.tables[table].get("foreignKeys", []):
        fields = fk["fields"] if isinstance(fk["fields"], list) else [fk["fields"]]
        ref = fk["reference"]
        parent_fields = ref["fields"] if isinstance(ref["fields"], list) else [ref["fields"]]
        if len(fields) != 1:
            raise ValueError(f"schemas/{table}.json: compound foreign keys are not checked")
        found.append((fields[0], ref["resource"] or table, parent_fields[0]))
    return found


def reference_frame(table: str, field: str, parent: str) -> str:
    """Name of the derived frame that says, row by row, whether `field` is found in `parent`."""
    return f"{table}__{field}__in__{parent}"


def reference_frames(tables: dict[str, pl.DataFrame], schemas: Schemas) -> dict[str, pl.DataFrame]:
    """For every foreign key, the child's key and `found` (null where the child field is):
    joined once in polars, so that GX checks one small boolean column instead of carrying
    every parent key in its configuration."""
    frames = {}
    for table in schemas.tables:
        key = schemas.primary_key(table)
        for child, parent, parent_field in foreign_keys(table, schemas):
            known = tables[parent][parent_field].drop_nulls().implode()
            frames[reference_frame(table, child, parent)] = tables[table].select(
                *key,
                found=pl.when(pl.col(child).is_null())
                .then(None)
                .otherwise(pl.col(child).is_in(known)),
            )
    return frames


def schema_checks(table: str, schemas: Schemas, tables: dict[str, pl.DataFrame]) -> list[Check]:
    """Keys unique, required columns filled, foreign keys found, ISO codes valid: all read
    from the table's schema."""
    schema = schemas.tables[table]
    key = schemas.primary_key(table)
    checks = [
        Check(
            f"{table}.{'+'.join(key)}.unique",
            table,
            table,
            "ExpectColumnValuesToBeUnique" if len(key) == 1 else "ExpectCompoundColumnsToBeUnique",
            {"column": key[0]} if len(key) == 1 else {"column_list": key},
            "error",
            f"No two rows share a {' + '.join(key)}.",
        )
    ]
    for spec in schema["fields"]:
        name = spec["name"]
        if spec.get("constraints", {}).get("required"):
            checks.append(
                Check(
                    f"{table}.{name}.required",
                    table,
                    table,
                    "ExpectColumnValuesToNotBeNull",
                    {"column": name},
                    "error",
                    f"No row leaves {name} empty.",
                )
            )
        allowed = spec.get("constraints", {}).get("enum")
        if allowed:
            checks.append(
                Check(
                    f"{table}.{name}.allowed",
                    table,
                    table,
                    "ExpectColumnValuesToBeInSet",
                    {"column": name, "value_set": allowed},
                    "error",
                    f"Every {name} is one of {', '.join(allowed)} (or empty).",
                )
            )
        for standard, codes in CODE_LISTS.items():
            if standard in spec.get("description", ""):
                checks.append(
                    Check(
                        f"{table}.{name}.iso_code",
                        table,
                        table,
                        "ExpectColumnValuesToBeInSet",
                        {"column": name, "value_set": codes},
                        "error",
                        f"Every {name} is a valid {standard} code.",
                    )
                )
    for child, parent, parent_field in foreign_keys(table, schemas):
        checks.append(
            Check(
                f"{table}.{child}.references_{parent}",
                table,
                reference_frame(table, child, parent),
                "ExpectColumnValuesToBeInSet",
                {"column": "found", "value_set": [True]},
                "error",
                f"Every {child} names a row of {parent} ({parent_field}).",
            )
        )
    return checks


def domain_checks(tables: dict[str, pl.DataFrame], settings: QualitySettings) -> list[Check]:
    """The rules the schemas cannot say: texts, sessions, sources, planned dates, and the
    warnings."""
    pair = "ExpectColumnPairValuesAToBeGreaterThanB"
    both = {"or_equal": True, "ignore_row_if": "either_value_is_missing"}
    return [
        Check(
            "posts.text.present",
            "posts",
            "posts_without_media",
            "ExpectColumnValuesToNotBeNull",
            {"column": "text_chars"},
            "error",
            "A post without text is a media-only post (media_type set).",
        ),
        Check(
            "posts.text.not_blank",
            "posts",
            "posts_without_media",
            "ExpectColumnValuesToBeInSet",
            {"column": "not_blank", "value_set": [True]},
            "error",
            "A post that is not media-only has a non-blank text.",
        ),
        Check(
            "meetings.meeting_id.has_source",
            "meetings",
            "meetings_sourced",
            "ExpectColumnValuesToBeInSet",
            {"column": "found", "value_set": [True]},
            "error",
            "Every meeting has at least one source post in meeting_sources.",
        ),
        Check(
            "meetings.date.session_opened",
            "meetings",
            "meeting_sessions",
            pair,
            {"column_A": "date", "column_B": "session_opens", **both},
            "error",
            "A meeting is not dated before its General Assembly session (N) opened "
            "(1 September 1945+N).",
        ),
        Check(
            "meetings.date.session_not_over",
            "meetings",
            "meeting_sessions",
            pair,
            {"column_A": "session_closes", "column_B": "date", **both},
            "error",
            "A meeting is not dated after its General Assembly session (N) ended "
            "(September 1946+N).",
        ),
        Check(
            "meetings.date.planned_after_source",
            "meetings",
            "planned_meeting_sources",
            pair,
            {"column_A": "date", "column_B": "published_on", **both},
            "error",
            "A planned meeting is not dated before a source announcing it was published.",
        ),
        Check(
            "meetings.cameo_code.crosswalk",
            "meetings",
            "meeting_event_codes",
            "ExpectColumnValuesToBeInSet",
            {"column": "agrees", "value_set": [True]},
            "error",
            "A meeting's plover_event, plover_mode and cameo_code are the crosswalk's for its "
            "status, format, mode and venue (planned: AGREE, 036; a call: CONSULT, phone, 041).",
        ),
        Check(
            "posts.lang.detected",
            "posts",
            "posts_with_text",
            "ExpectColumnValuesToNotBeNull",
            {"column": "lang"},
            "warning",
            "Every post with text has a language.",
        ),
        Check(
            "posts.hashtags.share",
            "posts",
            "posts_hashtagged",
            "ExpectColumnValuesToBeInSet",
            {
                "column": "has_hashtags",
                "value_set": [True],
                "mostly": settings.min_share_with_hashtags,
            },
            "warning",
            f"At least {settings.min_share_with_hashtags:.0%} of posts carry a hashtag.",
        ),
        Check(
            "posts.lang.share_stable",
            "posts",
            "language_shares",
            "ExpectColumnValuesToBeBetween",
            {
                "column": "change",
                "min_value": -settings.max_language_shift,
                "max_value": settings.max_language_shift,
            },
            "warning",
            f"No language's share of posts moved by more than "
            f"{settings.max_language_shift:.0%} since the baseline release.",
        ),
    ]


def quality_checks(
    tables: dict[str, pl.DataFrame], schemas: Schemas, settings: QualitySettings
) -> list[Check]:
    """Every check of every table, in a fixed order: schema-derived first, then domain rules."""
    checks = [c for table in schemas.tables for c in schema_checks(table, schemas, tables)]
    return checks + domain_checks(tables, settings)
