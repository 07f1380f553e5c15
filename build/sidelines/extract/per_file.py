"""Everything that can be extracted from one raw file alone: the unit of the build cache.
A file is read into post rows first (`read_source`); its meetings are then found in its
posts, which may be split into chunks (`meeting_mentions`) so that one long file keeps every
core busy. Cross-file steps (repeats across files, merging meetings) come after."""

from __future__ import annotations

from dataclasses import dataclass, replace

import polars as pl

from sidelines.extract.mention_rows import mentions_frame
from sidelines.extract.mentions import sentences_mentions
from sidelines.extract.post_context import READS
from sidelines.extract.post_sentences import post_sentences
from sidelines.extract.posts import POST_ROW_TYPES, file_post_frames
from sidelines.parse.dispatch import ParsedSource, parse_source
from sidelines.records import InputError
from sidelines.sources import RawSource, decode_source


@dataclass(frozen=True)
class ReadFile:
    """One file's posts and hashtags, and how the file was read: all but its meetings."""

    parsed: ParsedSource  # its posts list emptied: the rows below carry them
    posts_read: int  # posts the parser found, before repeats in the file were collapsed
    copies_read: int  # copies of those posts (an article pasted 3 times counts 3)
    posts: pl.DataFrame  # post rows, with the columns the meetings are read from (dates)
    tags: pl.DataFrame  # hashtag rows (TAG_ROW_TYPES)


@dataclass(frozen=True)
class FileExtract:
    """One file's posts, hashtags and meeting mentions, and how the file was read."""

    parsed: ParsedSource  # its posts list emptied: the rows below carry them
    posts_read: int  # posts the parser found, before repeats in the file were collapsed
    copies_read: int  # copies of those posts (an article pasted 3 times counts 3)
    posts: pl.DataFrame  # post rows (POST_ROW_TYPES), repeats in the file collapsed
    tags: pl.DataFrame  # hashtag rows (TAG_ROW_TYPES)
    mentions: pl.DataFrame  # meeting mentions (MENTION_TYPES)


def read_parsed(parsed: ParsedSource) -> ReadFile:
    """Post rows and hashtag rows of a parsed file."""
    posts, tags = file_post_frames(parsed.posts)
    return ReadFile(
        parsed=replace(parsed, posts=[]),
        posts_read=len(parsed.posts),
        copies_read=sum(p.copies for p in parsed.posts),
        posts=posts,
        tags=tags,
    )


def read_source(source: RawSource) -> ReadFile | InputError:
    """Decode and parse one raw file into rows; an unreadable file gives its error as a value
    (so that it can cross a process boundary and the build decides to stop or skip)."""
    try:
        return read_parsed(parse_source(decode_source(source)))
    except InputError as err:
        return err


def meeting_mentions(posts: pl.DataFrame) -> pl.DataFrame:
    """The meeting mentions of some of a file's post rows (`ReadFile.posts`), in their order:
    each post is read alone, so a file's posts may be split anywhere."""
    read = post_sentences(posts["text"])
    cued = [index for index, found in enumerate(read) if found is not None]
    # a post without a cue needs no row; one with a cue, only what its context reads
    read_by_context = posts[cued].select(READS).with_columns(pl.col("published_at").dt.date())
    rows = read_by_context.iter_rows(named=True)
    found = [m for i, row in zip(cued, rows, strict=True) for m in sentences_mentions(row, read[i])]
    return mentions_frame(found)


def with_mentions(read: ReadFile, mentions: pl.DataFrame) -> FileExtract:
    """A read file completed with the meeting mentions of all its posts."""
    return FileExtract(
        parsed=read.parsed,
        posts_read=read.posts_read,
        copies_read=read.copies_read,
        posts=read.posts.select(POST_ROW_TYPES.keys()),
        tags=read.tags,
        mentions=mentions,
    )


def extract_parsed(parsed: ParsedSource) -> FileExtract:
    """Post rows, hashtag rows and meeting mentions of a parsed file."""
    read = read_parsed(parsed)
    return with_mentions(read, meeting_mentions(read.posts))


def extract_source(source: RawSource) -> FileExtract | InputError:
    """Decode, parse and extract one raw file in one go; an unreadable file gives its error
    as a value, as `read_source` does."""
    read = read_source(source)
    return (
        read if isinstance(read, InputError) else with_mentions(read, meeting_mentions(read.posts))
    )
