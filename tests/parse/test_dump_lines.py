"""The line tests of a channel dump as one pass over its lines: the same as Python's."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from sidelines.extract.hashtags import is_hashtag_line
from sidelines.parse.channel_dump import FORWARDED, is_post_cue
from sidelines.parse.dump_lines import EMOJI_FIRST, LIST_LEAD, DumpLines, dump_lines


def python_lines(text: str) -> DumpLines:
    """What each line is, by the Python tests the segmenter used line by line."""
    lines = text.split("\n")
    before = ["", *(line.strip() for line in lines[:-1])]
    return DumpLines(
        blank=[not line.strip() for line in lines],
        forward=[FORWARDED.match(line) is not None for line in lines],
        cue=[is_post_cue(line) for line in lines],
        hashtags=[is_hashtag_line(line) for line in lines],
        may_mark=[line.lstrip()[:1] in EMOJI_FIRST for line in lines],
        after_text=[bool(b) and not b.endswith(tuple(LIST_LEAD)) for b in before],
    )


# Where the pass could part from Python: blanks Python counts and Rust does not (\x1c,
# \x85) or both (no-break space, \u2028, \r), word characters only one of them counts (²,
# a combining mark), a forward with nothing or only a blank after it, flags (one, two,
# a pair split by a blank), the first characters of emoji (🗓, ⚡, ©, #, a digit, *), the
# list leads, hashtags with and without words.
PIECES = [
    " ", "  ", "\t", "\x1c", "\x85", "\u00a0", "\u2028", "\r", "\n", "\n\n", "Forwarded from",
    "Forwarded from ", "Forwarded from  MFA", "Forwarded fromMFA", "#", "#Tag", "#Россия_2024",
    "#²", "#\u0301", "x", "Talks", "Встреча", "🇷🇺", "🇲🇱", "🇷🇺🇲🇱", "🇷", "🗓", "⚡️", "©", "5", "*",
    "️", ":", ";", ",", ".", "!", "—",
]  # fmt: skip
dumps = st.one_of(st.lists(st.sampled_from(PIECES), max_size=30).map("".join), st.text())


@settings(max_examples=500, deadline=None)
@given(dumps)
def test_the_column_pass_reads_each_line_as_python_does(text: str) -> None:
    assert dump_lines(text) == python_lines(text)


# One of each edge (written for these tests): a forward line with a blank and nothing else
# after it, one whose name is a blank; a flag pair after blanks Rust alone or Python alone
# counts; hashtags closed by \x85 or \x1c, or of characters only Python (²) or only
# Rust (a combining mark) counts in a word; an emoji after a no-break space; a list lead
# before \x1c.
EDGES = [
    "Forwarded from \nForwarded from  \nForwarded from \x85x", "\x1c🇷🇺🇲🇱 Talks\n\u2028🇷🇺🇲🇱",
    "#Tag #Два\x85\n#Tag#Два\n # \n#_", "#Tag\x1c\n#²\n#a\u0301",
    "\u00a0🗓 21 September\n\x1c", "Agenda:\x1c\n🗓 Talks",
    "Text\n\n⚡️ Now\n⚡️ Then", "", "\n", "Канал\nОписание\n#Тег",
]  # fmt: skip


def test_the_edges_read_as_python_reads_them() -> None:
    for text in EDGES:
        assert dump_lines(text) == python_lines(text), repr(text)
