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
from sidelines.extract.cues import (
    AGREED_WORDS,
    CUE_WORDS,
    PAIR_ACTION_WORDS,
    PAIR_WORDS,
    SAME_DAY,
    any_cue,
)
from sidelines.extract.sentences import MARK, sentences, split_sentences


class PostSentences(NamedTuple):
    """A post's sentences and, for each, whether it may report a meeting (`any_cue`),
    whether it has a word of agreeing (`cues.AGREED_WORDS`: both sides may agree to meet
    again) and a word of the same day (`cues.SAME_DAY`)."""

    sentences: list[str]
    cued: list[bool]
    agreed: list[bool]
    same_day: list[bool]


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
    split = found.filter("cued").select(split_sentences(text)).to_series()  # others: none
    sentence = pl.col("sentence")  # every sentence of those texts, tested in one column
    flags = (
        split.explode(empty_as_null=False)
        .to_frame("sentence")
        .select(
            cued=cue(sentence),
            agreed=sentence.str.contains(folded_words(AGREED_WORDS)),
            same_day=sentence.str.contains(folded_words(SAME_DAY)),
        )
    )
    cued, agreed, same_day = (flags[name].to_list() for name in flags.columns)
    read: list[PostSentences | None] = [None] * found.height
    end = 0
    for index, sentences_of in zip(found["cued"].arg_true(), split.to_list(), strict=True):
        start, end = end, end + len(sentences_of)
        read[index] = PostSentences(
            sentences_of, cued[start:end], agreed[start:end], same_day[start:end]
        )
    for index in found["in_python"].arg_true().to_list():
        read[index] = text_sentences(texts[index])
    return read


def text_sentences(text: str | None) -> PostSentences | None:
    """`post_sentences` of one text, in Python."""
    if not text or not any_cue(text):
        return None
    split = sentences(text)
    folded = [sentence.casefold() for sentence in split]
    return PostSentences(
        split,
        [any_cue(sentence) for sentence in split],
        [AGREED_WORDS.found_in(sentence) for sentence in folded],
        [SAME_DAY.found_in(sentence) for sentence in folded],
    )
