"""From parsed posts to post rows: ids, language, session, dates, hashtags, translations."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import date
from operator import attrgetter
from typing import Any, NamedTuple

import polars as pl

from sidelines.extract.date_anchors import Anchor, file_anchors
from sidelines.extract.date_columns import first_years, may_date_column
from sidelines.extract.datelines import Dateline, dateline, dateline_day, own_anchor
from sidelines.extract.dates import lead_day
from sidelines.extract.post_columns import hashtag_rows, lang, translation_ids
from sidelines.extract.sessions import unga_sessions
from sidelines.records import RawPost

ID_LENGTH = 16


def stable_id(*parts: object) -> str:
    """A short hex id from the parts' text: the same parts give the same id on any machine."""
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:ID_LENGTH]


def post_id(post: RawPost) -> str:
    """Id from what the post is, never from where it was read: channel and message id for an
    export, channel and text otherwise."""
    if post.message_id is not None:
        identity: list[object] = [post.kind, post.channel]
        if post.channel_key is not None:
            identity.append(post.channel_key)
        identity += ["message", post.message_id]
        if post.variant:
            identity += ["variant", post.variant]
        return stable_id(*identity)
    return stable_id(post.kind, post.channel, post.forwarded_from, post.text)


def collapse_repeats(posts: list[RawPost]) -> list[tuple[str, RawPost]]:
    """One entry per post id, keeping the first occurrence and summing copies, in input order."""
    kept: dict[str, RawPost] = {}
    for post in posts:
        pid = post_id(post)
        if pid in kept:
            kept[pid] = replace(kept[pid], copies=kept[pid].copies + post.copies)
        else:
            kept[pid] = post
    return list(kept.items())


class PostDates(NamedTuple):
    """The dates of one file's posts, in file order: session, event day and how it is told
    (`event_precision`), and the day each post was written near (`date_anchors.py`; read by
    the meeting mentions, not published)."""

    sessions: list[int | None]
    days: list[date | None]
    precisions: list[str]
    anchors: list[Anchor | None]
    datelines: list[Dateline | None]  # the mentions read them too


def dated(posts: list[RawPost], texts: pl.Series) -> PostDates:
    """The dates of the posts of one file, in file order (`texts`: their texts as a column)."""
    sessions = unga_sessions(texts)
    published = [post.published_at.date() if post.published_at else None for post in posts]
    own = [
        own_anchor(post.text, day, session, post.kind == "article")
        for post, day, session in zip(posts, published, sessions, strict=True)
    ]
    anchors = file_anchors(own)
    days: list[date | None] = []
    precisions: list[str] = []
    lines: list[Dateline | None] = []
    may = may_date_column(texts)
    stated_years = first_years(texts)
    for post, session, anchor, day, may_date, stated_year in zip(
        posts, sessions, anchors, published, may, stated_years, strict=True
    ):
        year = day.year if day else stated_year
        when, precision = None, "unknown"
        if may_date and post.text:  # the column pass found a date form or word in the text
            when, precision = lead_day(post.text, session, year, anchor, day)
        line = dateline(post.text, agency=post.kind == "article")
        if when is None and line is not None:  # the agency's day of the report
            when = dateline_day(line, post.text or "", session, year, anchor)
            precision = "stated" if when else "unknown"
        days.append(when)
        precisions.append(precision)
        lines.append(line)
    return PostDates(sessions, days, precisions, anchors, lines)


def file_post_frames(posts: list[RawPost]) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(posts, hashtags) of one file in file order, repeats within the file collapsed and
    translations linked between neighbours: every parsed field (POST_FIELDS) plus id,
    language, session, event date and translation id; the hashtags as TAG_ROW_TYPES."""
    ids, kept = zip(*collapse_repeats(posts), strict=True) if posts else ((), ())
    fields = parsed_fields(list(kept))
    dates = dated(list(kept), fields["text"])
    date_columns = pl.DataFrame(
        {
            "post_id": list(ids),
            "unga_session": dates.sessions,
            "event_date": dates.days,
            "event_precision": dates.precisions,
            "anchor_day": [a.day if a else None for a in dates.anchors],
            "anchor_side": [a.side if a else None for a in dates.anchors],
            **dateline_columns(dates.datelines),
        },
        schema=DATE_FIELDS,
    )
    frame = fields.hstack(date_columns.get_columns())
    # Lazily: the optimiser computes the text without tags and links once for both counts
    # (eagerly it is computed four times: an eighth of the time of reading a file).
    frame = frame.lazy().with_columns(lang=lang(pl.col("text"))).collect()
    tags = hashtag_rows(frame)
    # Copied into a fresh column: one computed with shifts holds its ids in string buffers
    # shared with other columns, and polars then cuts the Parquet pages elsewhere (same
    # values, other bytes).
    links = pl.Series(translation_ids(frame, tags).to_list(), dtype=pl.String)
    return frame.with_columns(translation_id=links), tags


def parsed_fields(posts: list[RawPost]) -> pl.DataFrame:
    """Every parsed field (POST_FIELDS) of the posts as a column: built once, the texts are
    then read as a column by the date passes."""
    rows = map(attrgetter(*POST_FIELDS), posts)  # each post's fields as a tuple
    columns: list[list[Any]] = (
        [list(column) for column in zip(*rows, strict=True)] if posts else [[] for _ in POST_FIELDS]
    )
    return pl.DataFrame(dict(zip(POST_FIELDS, columns, strict=True)), schema=POST_FIELDS)


def dateline_columns(lines: list[Dateline | None]) -> dict[str, list[Any]]:
    """The posts' datelines as DATE_FIELDS columns (`post_context.PostContext` reads them back)."""
    return {
        "dateline_place": [line.place if line else None for line in lines],
        "dateline_day": [line.stated.day if line else None for line in lines],
        "dateline_month": [line.stated.month if line else None for line in lines],
        "dateline_year": [line.stated.year if line else None for line in lines],
        "dateline_start": [line.stated.start if line else None for line in lines],
    }


# Types of the rows built here, before the schemas pick and order the published columns.
POST_ROW_TYPES: dict[str, pl.DataType] = {
    "post_id": pl.String(),
    "source_file": pl.String(),
    "line_start": pl.Int64(),
    "line_end": pl.Int64(),
    "kind": pl.String(),
    "channel": pl.String(),
    "forwarded_from": pl.String(),
    "lang": pl.String(),
    "text": pl.String(),
    "media_type": pl.String(),
    "event_date": pl.Date(),
    "published_at": pl.Datetime("us", "UTC"),
    "edited_at": pl.Datetime("us", "UTC"),
    "unga_session": pl.Int64(),
    "copies": pl.Int64(),
    "translation_id": pl.String(),
    "message_id": pl.Int64(),
    "url": pl.String(),
}
# Every field of a parsed post (RawPost), as a column: what the mentions read besides.
POST_FIELDS: dict[str, pl.DataType] = {
    name: POST_ROW_TYPES[name]
    for name in (
        "source_file",
        "kind",
        "text",
        "line_start",
        "line_end",
        "channel",
        "forwarded_from",
        "media_type",
        "published_at",
        "edited_at",
        "message_id",
        "url",
        "copies",
    )
} | {"channel_key": pl.String(), "variant": pl.Int64()}
# The dates of a post besides the published `event_date`: read by the meeting mentions.
DATE_FIELDS: dict[str, pl.DataType] = {
    "post_id": pl.String(),
    "unga_session": pl.Int64(),
    "event_date": pl.Date(),
    "event_precision": pl.String(),
    "anchor_day": pl.Date(),
    "anchor_side": pl.String(),
    "dateline_place": pl.String(),
    "dateline_day": pl.Int64(),
    "dateline_month": pl.Int64(),
    "dateline_year": pl.Int64(),
    "dateline_start": pl.Int64(),
}
TAG_ROW_TYPES: dict[str, pl.DataType] = {
    "post_id": pl.String(),
    "position": pl.Int64(),
    "tag": pl.String(),
    "tag_norm": pl.String(),
    "country": pl.String(),
}


def _numbered(frames: list[pl.DataFrame]) -> pl.DataFrame:
    """The frames of several files as one, each row with its file's number (`_file`)."""
    return pl.concat(
        [frame.with_columns(_file=pl.lit(i, pl.Int64)) for i, frame in enumerate(frames)]
    )


def versions_apart(numbered: pl.DataFrame) -> pl.DataFrame:
    """(_file, post_id, _new): export posts whose id an earlier file holds with another
    content (a message edited between two exports, two same-name channels exported as HTML)
    get an id of their own, so that both versions are kept; none are merged.

    Only export rows can differ under one id: a text post's id hashes its text."""
    content = pl.struct("text", "media_type", "forwarded_from").hash()
    rows = (
        numbered.filter(pl.col("message_id").is_not_null())
        .select("post_id", "_file", _content=content)
        .with_row_index("_row")
    )
    first = rows.group_by("post_id").agg(_first=pl.col("_content").sort_by("_row").first())
    moved = rows.join(first, on="post_id").filter(pl.col("_content") != pl.col("_first"))
    if moved.is_empty():
        return pl.DataFrame(schema={"_file": pl.Int64, "post_id": pl.String, "_new": pl.String})
    moved = moved.join(
        numbered.select("post_id", "_file", "text", "media_type", "forwarded_from"),
        on=["post_id", "_file"],
        maintain_order="left",
    )
    return moved.select(
        "_file",
        "post_id",
        _new=pl.Series(
            [
                stable_id(*row, "version")
                for row in moved.select(
                    "post_id", "text", "media_type", "forwarded_from"
                ).iter_rows()
            ],
            dtype=pl.String,
        ),
    )


def renamed(numbered: pl.DataFrame, moves: pl.DataFrame, columns: list[str]) -> pl.DataFrame:
    """`numbered` with the ids in `columns` replaced as `moves` says, for the same file."""
    if moves.is_empty():
        return numbered
    for column in columns:
        numbered = (
            numbered.join(
                moves.rename({"post_id": column}),
                on=[column, "_file"],
                how="left",
                maintain_order="left",
            )
            .with_columns(pl.coalesce("_new", column).alias(column))
            .drop("_new")
        )
    return numbered


def merge_file_frames(
    posts: list[pl.DataFrame], tags: list[pl.DataFrame], mentions: list[pl.DataFrame]
) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """The posts, hashtags and meeting mentions of several files (in file order) as one table
    each, posts in id order: a post found in more than one file is kept where it first
    occurs, its copies summed, and only that file's hashtags and mentions are kept for it.
    An export post whose id an earlier file holds with another text is another post."""
    numbered = _numbered(posts)
    moves = versions_apart(numbered)
    numbered = renamed(numbered, moves, ["post_id", "translation_id"])
    # Which row to keep for each post, found on the small columns: the texts are then
    # copied once, by one gather, already in the order the table is published in.
    # A stable sort by id puts each post's first occurrence (lowest row, so lowest file)
    # first in its group: grouping the sorted ids in order is twice as fast at a million
    # posts as hashing them and sorting the groups after.
    first = (
        numbered.select("post_id", "copies", "_file")
        .with_row_index("_row")
        .sort("post_id", maintain_order=True)
        .group_by("post_id", maintain_order=True)
        .agg(pl.col("_row").first(), pl.col("_file").first(), pl.col("copies").sum())
    )
    kept = (
        numbered.drop("copies", "_file")[first["_row"]]
        .with_columns(first["copies"])
        .with_columns(pl.col("post_id").set_sorted())  # so that sorting by the key is free
    )
    owners = first.select("post_id", "_file")

    def owned(frames: list[pl.DataFrame], columns: list[str]) -> pl.DataFrame:
        return (
            renamed(_numbered(frames), moves, columns)
            .join(owners, on=["post_id", "_file"], how="semi", maintain_order="left")
            .drop("_file")
        )

    return kept, owned(tags, ["post_id"]), owned(mentions, ["post_id", "translation_id"])
