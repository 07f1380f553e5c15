"""From parsed posts to post rows: ids, language, session, dates, hashtags, translations."""

from __future__ import annotations

import hashlib
from dataclasses import asdict
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


def collapse_repeats(posts: list[RawPost]) -> tuple[list[tuple[str, RawPost]], int]:
    """One entry per post id, keeping the first occurrence and summing copies; returns the
    posts in input order and how many repeats were collapsed."""
    kept: dict[str, RawPost] = {}
    collapsed = 0
    for post in posts:
        pid = post_id(post)
        collapsed += post.copies - 1
        if pid in kept:
            first = kept[pid]
            kept[pid] = RawPost(**{**asdict(first), "copies": first.copies + post.copies})
            collapsed += 1
        else:
            kept[pid] = post
    return list(kept.items()), collapsed


def post_rows(posts: list[RawPost]) -> tuple[list[dict[str, Any]], list[dict[str, Any]], int]:
    """(post rows, hashtag rows, repeats collapsed) for posts given in file order."""
    unique, collapsed = collapse_repeats(posts)
    rows: list[dict[str, Any]] = []
    tags: list[dict[str, Any]] = []
    for pid, post in unique:
        session = unga_session(post.text)
        fallback_year = post.published_at.year if post.published_at else None
        row = asdict(post) | {
            "post_id": pid,
            "lang": detect_lang(post.text),
            "unga_session": session,
            "event_date": event_date(post.text, session, fallback_year),
        }
        rows.append(row)
        for position, tag in enumerate(find_hashtags(post.text), start=1):
            tags.append(
                {
                    "post_id": pid,
                    "position": position,
                    "tag": tag,
                    "tag_norm": tag.casefold(),
                    "country": country_from_hashtag(tag),
                }
            )
    links = link_translations(
        [signature(r["post_id"], r["source_file"], r["lang"], r["text"]) for r in rows]
    )
    for row in rows:
        row["translation_id"] = links.get(row["post_id"])
    return rows, tags, collapsed
