"""Many names found in one pass: a word-level Aho-Corasick-style automaton (a trie of tokens).

A text is cut into tokens once (letters and digits, spelled as explicit character classes,
never Unicode `\\b`); at each token the trie is walked as far as the text follows a known
name, and the longest name that passes its case rule wins (leftmost-longest, no overlaps).
The cost is the number of tokens times the longest name's length in tokens: linear in the
text, whatever it repeats.

The same names also run over a whole column with polars' Aho-Corasick (`column_keys`, one
`str.extract_many` pass): a superset of `find` (no case rules, looser gaps) that a
column-first extraction can use to pick the rows worth reading; `test_automaton.py` checks
that it never misses what `find` finds.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

import polars as pl

# Letters and digits of the scripts the posts use: Latin (with its accented letters),
# Cyrillic. An apostrophe, a hyphen or a dot ends a token.
TOKEN_CHARS = "0-9A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0400-\u04ff"
TOKEN = re.compile(f"[{TOKEN_CHARS}]+")
# A place no letter or digit of TOKEN comes right before, case-sensitive as TOKEN is even in
# a pattern that ignores case (which would take the Kelvin sign for a K).
WORD_START = f"(?-i:(?<![{TOKEN_CHARS}]))"
# What may stand between two words of one name: a space, a hyphen or dash, a dot
# ("St. Vincent", "U.S."), an apostrophe ("Côte d’Ivoire").
GAP = re.compile("[ \u00a0]{0,3}[-\u2010\u2011\u2013\u2014.'\u2019]?[ \u00a0]{0,3}")
SENTENCE_END = frozenset(".!?…\n")
NOT_TOKEN = f"[^{TOKEN_CHARS}]+"

CaseRule = Literal["any", "title", "exact", "title-inner"]


def fold(token: str) -> str:
    """A token as the trie stores it: case-blind, ё as е."""
    return token.casefold().replace("ё", "е")


def tokens_of(name: str) -> tuple[str, ...]:
    """The folded tokens of a name: 'Guinea-Bissau' -> ('guinea', 'bissau')."""
    return tuple(fold(m.group()) for m in TOKEN.finditer(name))


@dataclass(frozen=True)
class Entry:
    """What a name stands for. `rule` says how its case must look in the text:
    "any"; "title" (first letter upper case: a proper noun); "exact" (every token as
    written: abbreviations such as US, ЕС, АС); "title-inner" (title, and not the first
    word of a sentence: names that are also common words, such as «Того»)."""

    kind: str
    code: str
    form: str
    rule: CaseRule = "any"


class Hit(NamedTuple):
    """One name found: character offsets in the text and what it stands for."""

    start: int
    end: int
    kind: str
    code: str


@dataclass
class _Node:
    children: dict[str, _Node] = field(default_factory=dict)
    entries: list[Entry] = field(default_factory=list)


def _case_fits(entry: Entry, written: Sequence[str], text: str, start: int) -> bool:
    if entry.rule == "any":
        return True
    if entry.rule == "exact":
        return list(written) == list(TOKEN.findall(entry.form))
    if not written[0][:1].isupper():
        return False
    if entry.rule == "title-inner":
        # A few characters back (never the whole text before): what ends the word before?
        before = text[max(0, start - 8) : start].rstrip(" \u00a0\t«\"'(")
        if not before:
            return start > 8  # the text's first word opens a sentence; a long gap does not
        return before[-1] not in SENTENCE_END
    return True


class Automaton:
    """A trie of names over folded tokens; `find` returns the leftmost-longest hits."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self._root = _Node()
        self._depth = 0
        self.forms: list[Entry] = []
        for entry in entries:
            key = tokens_of(entry.form)
            if not key:
                continue
            node = self._root
            for token in key:
                node = node.children.setdefault(token, _Node())
            if entry not in node.entries:
                node.entries.append(entry)
                self.forms.append(entry)
            self._depth = max(self._depth, len(key))

    def _column_patterns(self) -> list[str]:
        keys = {" ".join(tokens_of(entry.form)) for entry in self.forms}
        padded = {" " + key.replace(" ", "  ") + " " for key in keys}
        return sorted(padded, key=lambda p: (-len(p), p))  # longest first: leftmost-longest

    def column_keys(self, texts: pl.Series) -> pl.Series:
        """For each text of a column, the folded names found in it (tokens joined by one
        space), by one Aho-Corasick pass in polars. Every token is padded with spaces so a
        name matches whole words only; no case rule is applied.

        >>> a = Automaton([Entry("country", "MLI", "Mali"), Entry("country", "SOM", "Somalia")])
        >>> a.column_keys(pl.Series(["Mali, Somalia and Malian", "Guinea"])).to_list()
        [['mali', 'somalia'], []]
        """
        normal = (
            " "
            + (texts.str.to_lowercase().str.replace_all("ё", "е").str.replace_all(NOT_TOKEN, "  "))
            + " "
        )
        found = normal.str.extract_many(self._column_patterns(), leftmost=True)
        return found.list.eval(pl.element().str.strip_chars(" ").str.replace_all("  ", " "))

    def find(self, text: str) -> list[Hit]:
        """Every name in the text, left to right, none overlapping another.

        >>> a = Automaton([Entry("country", "MLI", "Mali"), Entry("country", "SOM", "Somalia")])
        >>> [(h.start, h.end, h.code) for h in a.find("Mali, Somalia and Malian")]
        [(0, 4, 'MLI'), (6, 13, 'SOM')]
        """
        spans = [m.span() for m in TOKEN.finditer(text)]
        whole = fold(text)
        if len(whole) == len(text):  # folding kept every offset (it does but for ß and kin)
            folded = [whole[a:b] for a, b in spans]
        else:
            folded = [fold(text[a:b]) for a, b in spans]
        starts = self._root.children
        hits: list[Hit] = []
        i = 0
        while i < len(spans):
            if folded[i] not in starts:  # most words begin no name: no walk
                i += 1
                continue
            best = self._longest_at(text, spans, folded, i)
            if best is None:
                i += 1
                continue
            end_token, entry = best
            hits.append(Hit(spans[i][0], spans[end_token][1], entry.kind, entry.code))
            i = end_token + 1
        return hits

    def first(self, text: str, candidates: re.Pattern[str] | None = None) -> Hit | None:
        """The first name in the text (what `find` would list first), reading only as far
        as it. `candidates`, a pattern matching where a name may begin (a prefilter made of
        the names' first letters), lets the scan jump from one such place to the next."""
        starts = self._root.children
        places = (
            (m.start() for m in candidates.finditer(text))
            if candidates is not None
            else (m.start() for m in TOKEN.finditer(text))
        )
        for place in places:
            if place > 0 and TOKEN.match(text, place - 1):
                continue  # inside a word, not at its start
            head = TOKEN.match(text, place)
            if head is None or fold(head.group()) not in starts:
                continue
            hit = self._longest_from(text, place)
            if hit is not None:
                return hit
        return None

    def _longest_from(self, text: str, place: int) -> Hit | None:
        ahead = []
        for k, later in enumerate(TOKEN.finditer(text, place)):
            if k == self._depth:
                break
            ahead.append(later.span())
        folded = [fold(text[a:b]) for a, b in ahead]
        best = self._longest_at(text, ahead, folded, 0)
        if best is None:
            return None
        end_token, entry = best
        return Hit(ahead[0][0], ahead[end_token][1], entry.kind, entry.code)

    def _longest_at(
        self, text: str, spans: list[tuple[int, int]], folded: list[str], i: int
    ) -> tuple[int, Entry] | None:
        node = self._root
        best: tuple[int, Entry] | None = None
        j = i
        while j < len(spans) and j - i < self._depth:
            if j > i and not GAP.fullmatch(text, spans[j - 1][1], spans[j][0]):
                break
            child = node.children.get(folded[j])
            if child is None:
                break
            node = child
            if node.entries:
                written = [text[a:b] for a, b in spans[i : j + 1]]
                for entry in node.entries:
                    if _case_fits(entry, written, text, spans[i][0]):
                        best = (j, entry)
                        break
            j += 1
        return best
