"""A post's sentences, and the General Assembly named as a stage rather than met.

Initials (С.В.Лавров, St. Vincent) and month abbreviations end no sentence; "on the
sidelines of the General Assembly" is where a meeting happens, not whom it is with.
"""

from __future__ import annotations

import re
from functools import cache

import polars as pl

from sidelines.extract.charclasses import python_class, python_members, space, word
from sidelines.extract.date_forms import MONTH_ABBREVIATIONS
from sidelines.extract.fastre import compile_guarded

# A month's abbreviation ends no sentence before a day ("on Dec. 5", «20 фев. 2018») or
# after one («23 сен. С.В.Лавров …»).
_NOT_AFTER_MONTH = "".join(rf"(?<!\b{re.escape(a)}\.)" for a in MONTH_ABBREVIATIONS)
_NOT_AFTER_DAY_MONTH = "".join(rf"(?<!\d\s{re.escape(a)}\.)" for a in MONTH_ABBREVIATIONS)
SENTENCE_BREAK = compile_guarded(
    r"(?<=[.!?…])(?<!\b[A-ZА-ЯЁ]\.)(?<!\b[А-ЯЁ][а-яё]\.)(?<!\bSt\.)(?<!\bMr\.)(?<!\bDr\.)"
    rf"(?<!\bг\.)(?<!\bгг\.){_NOT_AFTER_DAY_MONTH}(?:{_NOT_AFTER_MONTH}|(?=\s+[^\s\d]))\s+"
    r"|\n+"
)
_SIDELINES_CUE = (
    r"«?на\s+полях»?|в\s+кулуарах|в\s+рамках|on\s+the\s+(?:sidelines|margins)\s+of|as\s+part\s+of"
)
_ASSEMBLY = r"(?:Ассамбле\w*|Генассамбле\w*|Assembly)(?:\s+ООН|\s+of\s+the\s+UN)?"
# A phrase naming the Assembly as the stage: a cue, then the Assembly before the next . or ;
# `blank_sidelines` applies it in linear time; the regex alone restarts at every cue.
SIDELINES = compile_guarded(rf"(?:{_SIDELINES_CUE})[^.;]*?{_ASSEMBLY}", re.I)
SIDELINES_CUE = compile_guarded(_SIDELINES_CUE, re.I)
ASSEMBLY_OR_STOP = compile_guarded(rf"(?P<assembly>{_ASSEMBLY})|[.;]", re.I)
# The General Assembly named with its organisation: «ГА ООН», "the UN General Assembly".
GENERAL_ASSEMBLY = compile_guarded(
    r"(?:Генеральн\w*\s+Ассамбле\w*|Генассамбле\w*|ГА)\s+ООН"
    r"|(?:UN|U\.N\.|United\s+Nations)\s+General\s+Assembly"
    r"|General\s+Assembly\s+of\s+the\s+(?:UN|United\s+Nations)",
    re.I,
)


def sentences(text: str) -> list[str]:
    r"""The text's sentences, stripped, blanks left out; initials (С.В.Лавров, St. Vincent)
    do not end one. One `split` in C: a loop over the breaks' spans in Python took a tenth
    of the time of reading a post's meetings.

    >>> sentences("С.В.Лавров встретился с А. Бурханом. Talks in St. Vincent.\n\n Next")
    ['С.В.Лавров встретился с А. Бурханом.', 'Talks in St. Vincent.', 'Next']
    """
    return [stripped for s in SENTENCE_BREAK.split(text) if (stripped := s.strip())]


# Where the column pass splits a text: a character no text it splits holds (one that does
# is split by `sentences`).
MARK = "\x00"


@cache
def _column_steps() -> tuple[tuple[str, str], ...]:
    """SENTENCE_BREAK in Rust's syntax, as (pattern, replacement) steps over the text, since
    Rust's regexes cannot look back: MARK every stop with blanks after it, then unmark the
    stops after an initial, a title, «г.» or a month's abbreviation (the look-behinds, the
    character before the word standing for `\\b`), and after a month's abbreviation before
    a day (the look-ahead; before the text's end, a break splits off only blanks). The
    classes are Python's (`charclasses`)."""
    w, s, d = word(), space(), python_class(r"\d")
    months = "|".join(map(re.escape, MONTH_ABBREVIATIONS))
    edge = f"(?:^|[^{w}])"  # the character before a word, or the text's start
    initial = rf"{edge}(?:[A-ZА-ЯЁ]|[А-ЯЁ][а-яё]|St|Mr|Dr|г|гг)\.|[{d}][{s}](?:{months})\."
    return (
        (f"([.!?…])([{s}])", f"${{1}}{MARK}${{2}}"),
        (f"({initial}){MARK}", "${1}"),
        (rf"({edge}(?:{months})\.){MARK}([{s}]+[{d}])", "${1}${2}"),
    )


def split_sentences(text: pl.Expr) -> pl.Expr:
    """`sentences` of a column of texts as lists, for the texts without MARK: every break
    of SENTENCE_BREAK is MARKed (`_column_steps`), every newline too, and the text split
    there, the pieces stripped of Python's blanks and the empty ones left out."""
    for pattern, replacement in _column_steps():
        text = text.str.replace_all(pattern, replacement)
    return (
        text.str.replace_all("\n", MARK, literal=True)
        .str.split(MARK)
        .list.eval(pl.element().str.strip_chars(python_members(r"\s")))
        .list.filter(pl.element() != "")
    )


def blank_sidelines(text: str) -> str:
    """`SIDELINES.sub(" ", text)` in one pass: a cue with no Assembly before the next stop
    fails, and so does every other cue before that stop, so the search resumes after it.

    >>> blank_sidelines("Talks on the sidelines of the General Assembly. On the sidelines of")
    'Talks  . On the sidelines of'
    """
    kept: list[str] = []
    done = resume = 0
    while (cue := SIDELINES_CUE.search(text, resume)) is not None:
        end = ASSEMBLY_OR_STOP.search(text, cue.end())
        if end is None:  # neither an Assembly nor a stop up to the end: no cue can match
            break
        if end.group("assembly") is not None:
            kept += [text[done : cue.start()], " "]
            done = end.end()
        resume = end.end()
    return "".join(kept) + text[done:]
