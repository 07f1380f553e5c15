"""From parsed posts to post rows: ids, language, session, dates, hashtags, translations."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from typing import Any

from sidelines.extract.countries import country_from_hashtag
from sidelines.extract.dates import event_date, unga_session
from sidelines.extract.hashtags import find_hashtags
from sidelines.extract.lang import detect_lang
from sidelines.extract.translations import link_translations, signature
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
        return stable_id(post.kind, post.channel, "message", post.message_id)
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


def post_row(pid: str, post: RawPost) -> dict[str, Any]:
    """A posts row (without its translation link): the parsed fields plus id, language,
    session and event date."""
    session = unga_session(post.text)
    fallback_year = post.published_at.year if post.published_at else None
    return dict(vars(post)) | {
        "post_id": pid,
        "lang": detect_lang(post.text),
        "unga_session": session,
        "event_date": event_date(post.text, session, fallback_year),
    }


def hashtag_rows(pid: str, text: str | None) -> list[dict[str, Any]]:
    """The hashtags rows of one post, in order."""
    return [
        {
            "post_id": pid,
            "position": position,
            "tag": tag,
            "tag_norm": tag.casefold(),
            "country": country_from_hashtag(tag),
        }
        for position, tag in enumerate(find_hashtags(text), start=1)
    ]


def file_post_rows(posts: list[RawPost]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(post rows, hashtag rows) for the posts of one file in file order, repeats within
    the file collapsed and translations linked between neighbours."""
    rows = [post_row(pid, post) for pid, post in collapse_repeats(posts)]
    links = link_translations(
        [signature(r["post_id"], r["source_file"], r["lang"], r["text"]) for r in rows]
    )
    for row in rows:
        row["translation_id"] = links.get(row["post_id"])
    tags = [tag for row in rows for tag in hashtag_rows(row["post_id"], row["text"])]
    return rows, tags


def merge_files(
    files: list[tuple[list[dict[str, Any]], list[dict[str, Any]]]],
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Rows of several files as one table: a post found in more than one file is kept where it
    first occurs (file order), its copies summed."""
    rows: dict[str, dict[str, Any]] = {}
    tags: list[dict[str, Any]] = []
    for file_rows, file_tags in files:
        new = set()
        for row in file_rows:
            pid = row["post_id"]
            if pid in rows:
                rows[pid] = rows[pid] | {"copies": rows[pid]["copies"] + row["copies"]}
            else:
                rows[pid] = row
                new.add(pid)
        tags += [t for t in file_tags if t["post_id"] in new]
    return list(rows.values()), tags


def post_rows(posts: list[RawPost]) -> tuple[list[dict[str, Any]], list[dict[str, Any]], int]:
    """(post rows, hashtag rows, repeats collapsed) for posts given in file order."""
    by_file: dict[str, list[RawPost]] = {}
    for post in posts:
        by_file.setdefault(post.source_file, []).append(post)
    rows, tags = merge_files([file_post_rows(file_posts) for file_posts in by_file.values()])
    return rows, tags, repeats_collapsed(posts, rows)


def repeats_collapsed(posts: list[RawPost], rows: list[dict[str, Any]]) -> int:
    """How many copies were folded into other rows: every copy read, less one per row."""
    return sum(p.copies for p in posts) - len(rows)
