"""A post's sentences, and the General Assembly named as a stage rather than met.

Initials (С.В.Лавров, St. Vincent) and month abbreviations end no sentence; "on the
sidelines of the General Assembly" is where a meeting happens, not whom it is with.
"""

from __future__ import annotations

import re

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
