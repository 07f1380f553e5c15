"""Posts' sentences, and which of them may report a meeting, for a column of texts at once.

A post's meetings are read sentence by sentence (`mentions.py`). Splitting its text into
sentences and testing the text and each sentence for a cue word (`cues.any_cue`) is the
same work for every post, and a third of that reading when done post by post in Python;
here it is one pass of polars over the column. Python splits and tests only the texts the
pass cannot decide: those holding `sentences.MARK`, or a character polars lowers otherwise
than Python casefolds (`charclasses.unlike_casefold`).
"""

from __future__ import annotations

from typing import NamedTuple

import polars as pl

from sidelines.extract.charclasses import unlike_casefold
from sidelines.extract.cues import CUE_WORDS, PAIR_ACTION_WORDS, PAIR_WORDS, any_cue
from sidelines.extract.literals import Literals
from sidelines.extract.sentences import MARK, sentences, split_sentences


class PostSentences(NamedTuple):
    """A post's sentences and, for each, whether it may report a meeting (`any_cue`)."""

    sentences: list[str]
    cued: list[bool]


def _first_of(words: Literals) -> str:
    """A Rust pattern of the literals: where its match starts is where the first begins."""
    return "|".join(
        "".join(c if c.isalnum() or c == " " else f"\\x{{{ord(c):X}}}" for c in word)
        for word in words
    )


def cue(folded: pl.Expr) -> pl.Expr:
    """`cues.any_cue` of casefolded texts: a cue word, or a pair's action after "and"."""
    action = folded.str.find(_first_of(PAIR_ACTION_WORDS))
    pair = folded.str.find(_first_of(PAIR_WORDS))
    return folded.str.contains_any(list(CUE_WORDS)) | (pair < action).fill_null(False)


def post_sentences(texts: pl.Series) -> list[PostSentences | None]:
    """For each text, its sentences and their cues; None when no sentence can have a cue
    (the text has none)."""
    text = pl.col("text")
    found = pl.DataFrame({"text": texts}, schema={"text": pl.String}).select(
        in_python=text.str.contains(f"[{unlike_casefold()}\\x{{{ord(MARK):X}}}]").fill_null(False),
        cued=cue(text.str.to_lowercase()).fill_null(False),
        sentences=split_sentences(text),
    )
    decided = found.select(
        pl.when("cued").then("sentences"),
        cues=pl.when("cued").then(
            pl.col("sentences").list.eval(cue(pl.element().str.to_lowercase()))
        ),
    )
    split, cues = decided["sentences"].to_list(), decided["cues"].to_list()
    read = [
        None if found is None else PostSentences(found, flags)
        for found, flags in zip(split, cues, strict=True)
    ]
    for index in found["in_python"].arg_true().to_list():
        read[index] = text_sentences(texts[index])
    return read


def text_sentences(text: str | None) -> PostSentences | None:
    """`post_sentences` of one text, in Python."""
    if not text or not any_cue(text):
        return None
    split = sentences(text)
    return PostSentences(split, [any_cue(sentence) for sentence in split])
