"""What each line of a channel dump is, for all its lines in one polars pass: the tests
`channel_dump` segments by, so that its walk over the lines calls no regex on most of them.

Each column pattern is its Python pattern in Rust's syntax, with Python's own `\\s` and
`\\w` classes (`charclasses`), so that a column says for every line what the Python test
says.
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

import emoji
import polars as pl

from sidelines.extract.charclasses import members, space, word

# Every character an emoji of the emoji package's data starts with: a line opening with
# one of them (after blanks) may open with a post marker (`channel_dump.leading_marker`).
EMOJI_FIRST = frozenset(e[0] for e in emoji.EMOJI_DATA)
REGIONAL = "\\x{1F1E6}-\\x{1F1FF}"  # two regional indicators make a flag
LIST_LEAD = ":;,"  # a line ending so announces list items, not a new post


class DumpLines(NamedTuple):
    """For each line of a dump (the text split at "\\n"), in order."""

    blank: list[bool]  # only whitespace: `str.strip` leaves nothing
    forward: list[bool]  # "Forwarded from NAME" (`channel_dump.FORWARDED`)
    cue: list[bool]  # a forward or a flag pair opens it (`channel_dump.is_post_cue`)
    hashtags: list[bool]  # only hashtags (`hashtags.is_hashtag_line`)
    may_mark: list[bool]  # its first character after blanks may start an emoji
    after_text: list[bool]  # the line before has text and ends with no `LIST_LEAD`


@cache
def _patterns() -> dict[str, str]:
    s, w = f"[{space()}]", f"[{word()}]"
    return {
        "blank": f"^{s}*$",
        # `\s+(?P<name>.+)$`: a blank, then at least one more character of any kind
        "forward": f"^Forwarded from{s}.",
        "flags": f"^{s}*[{REGIONAL}]{{4}}",
        "hashtags": f"^{s}*#{w}+(?:{s}+#{w}+)*{s}*$",
        "may_mark": f"^{s}*[{members(''.join(sorted(EMOJI_FIRST)))}]",
        "list_lead": f"[{members(LIST_LEAD)}]{s}*$",
    }


def dump_lines(text: str) -> DumpLines:
    """What each line of the text is (see `DumpLines`)."""
    line = pl.col("line")
    found = (
        pl.DataFrame({"line": [text]}, schema={"line": pl.String})
        .select(line.str.split("\n"))
        .explode("line")
        .with_columns(**{name: line.str.contains(pattern) for name, pattern in _patterns().items()})
        .select(
            "blank",
            "forward",
            "hashtags",
            "may_mark",
            cue=pl.col("forward") | pl.col("flags"),
            after_text=~(pl.col("blank") | pl.col("list_lead")).shift(1, fill_value=True),
        )
    )
    return DumpLines(*(found[name].to_list() for name in DumpLines._fields))
