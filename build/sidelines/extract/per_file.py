"""Everything that can be extracted from one raw file alone: the unit of parallel work and
of the build cache. Cross-file steps (repeats across files, merging meetings) come after."""

from __future__ import annotations

from dataclasses import dataclass, replace

import polars as pl

from sidelines.extract.mentions import mentions_frame, post_mentions
from sidelines.extract.posts import POST_ROW_TYPES, file_post_frames
from sidelines.parse.dispatch import ParsedSource, parse_source
from sidelines.records import InputError
from sidelines.sources import RawSource, decode_source


@dataclass(frozen=True)
class FileExtract:
    """One file's posts, hashtags and meeting mentions, and how the file was read."""

    parsed: ParsedSource  # its posts list emptied: the rows below carry them
    posts_read: int  # posts the parser found, before repeats in the file were collapsed
    copies_read: int  # copies of those posts (an article pasted 3 times counts 3)
    posts: pl.DataFrame  # post rows (POST_ROW_TYPES), repeats in the file collapsed
    tags: pl.DataFrame  # hashtag rows (TAG_ROW_TYPES)
    mentions: pl.DataFrame  # meeting mentions (MENTION_TYPES)


def extract_parsed(parsed: ParsedSource) -> FileExtract:
    """Post rows, hashtag rows and meeting mentions of a parsed file."""
    posts, tags = file_post_frames(parsed.posts)
    return FileExtract(
        parsed=replace(parsed, posts=[]),
        posts_read=len(parsed.posts),
        copies_read=sum(p.copies for p in parsed.posts),
        posts=posts.select(POST_ROW_TYPES.keys()),
        tags=tags,
        mentions=mentions_frame(
            [m for row in posts.iter_rows(named=True) for m in post_mentions(row)]
        ),
    )


def extract_source(source: RawSource) -> FileExtract | InputError:
    """Decode, parse and extract one raw file; an unreadable file gives its error as a value
    (so that it can cross a process boundary and the build decides to stop or skip)."""
    try:
        return extract_parsed(parse_source(decode_source(source)))
    except InputError as err:
        return err
