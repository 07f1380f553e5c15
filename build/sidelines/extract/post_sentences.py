"""Posts' sentences, and which of them may report a meeting, for a column of texts at once.

A post's meetings are read sentence by sentence (`mentions.py`). Splitting its text into
sentences and testing the text and each sentence for a cue word (`cues.any_cue`) is the
same work for every post, and a third of that reading when done post by post in Python;
here it is one pass of polars over the column. Python splits and tests only the texts the
pass cannot decide: those holding `sentences.MARK`, or a character that casefolds to
something else than a Latin or Cyrillic capital does (`charclasses.folded_apart`).
"""

from __future__ import annotations

from typing import NamedTuple

import polars as pl

from sidelines.extract.charclasses import folded_apart, folded_words
from sidelines.extract.cues import CUE_WORDS, PAIR_ACTION_WORDS, PAIR_WORDS, any_cue
from sidelines.extract.sentences import MARK, sentences, split_sentences


class PostSentences(NamedTuple):
    """A post's sentences and, for each, whether it may report a meeting (`any_cue`)."""

    sentences: list[str]
    cued: list[bool]


def cue(text: pl.Expr) -> pl.Expr:
    """`cues.any_cue` of texts without `folded_apart` characters: a cue word, or a pair's
    action after "and", in either case."""
    action = text.str.find(folded_words(PAIR_ACTION_WORDS))
    pair = text.str.find(folded_words(PAIR_WORDS))
    return text.str.contains(folded_words(CUE_WORDS)) | (pair < action).fill_null(False)


def post_sentences(texts: pl.Series) -> list[PostSentences | None]:
    """For each text, its sentences and their cues; None when no sentence can have a cue
    (the text has none)."""
    text = pl.col("text")
    found = pl.DataFrame({"text": texts}, schema={"text": pl.String}).select(
        in_python=text.str.contains(f"[{folded_apart()}\\x{{{ord(MARK):X}}}]").fill_null(False),
        cued=cue(text).fill_null(False),
        text=text,
    )
    cued = found.filter("cued").select(sentences=split_sentences(text))  # the others: none
    cues = cued.select(pl.col("sentences").list.eval(cue(pl.element()))).to_series()
    read: list[PostSentences | None] = [None] * found.height
    for index, split, flags in zip(
        found["cued"].arg_true(), cued["sentences"].to_list(), cues.to_list(), strict=True
    ):
        read[index] = PostSentences(split, flags)
    for index in found["in_python"].arg_true().to_list():
        read[index] = text_sentences(texts[index])
    return read


def text_sentences(text: str | None) -> PostSentences | None:
    """`post_sentences` of one text, in Python."""
    if not text or not any_cue(text):
        return None
    split = sentences(text)
    return PostSentences(split, [any_cue(sentence) for sentence in split])
