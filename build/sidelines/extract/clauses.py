"""The clauses of a sentence that report a meeting of their own.

A report often joins two meetings in one sentence: "…, adding that Putin and X are to sit
down for talks", "… held talks with A; he first met A in Y on 11 October", "…, after which
the minister co-chaired the ministerial meeting", «…, после чего состоялась встреча с …».
The sentence's first meeting word is read as the whole sentence; each later clause that
opens after such a joint is read again on its own, so that its meeting is not lost.
"""

from __future__ import annotations

import re

from sidelines.extract.fastre import compile_guarded
from sidelines.extract.literals import Literals

# Where a new clause with its own subject and verb begins.
CLAUSE_BREAK = compile_guarded(
    r";\s*"
    r"|,\s+(?:(?:and\s+)?(?:adding|added|saying|said|noting|noted)\s+(?:that\s+)?"
    r"|after\s+which\s+|following\s+which\s+|while\s+|whereas\s+|and\s+then\s+|and\s+later\s+)"
    # a second infinitive of the same subject and verb: "is expected to hold talks with A
    # and to call on B"; it is read with the words that govern both
    r"|(?P<infinitive>,?\s+and\s+to\s+)(?=(?:meet|hold|call|receive|sit|visit|have)\b)"
    r"|,\s+(?:после\s+чего|а\s+затем|добавив,?\s+что|отметив,?\s+что|сообщив,?\s+что)\s+",
    re.I,
)
CLAUSE_WORDS = Literals(
    ";", "adding", "added", "saying", "said", "noting", "noted", "after which",
    "following which", "while", "whereas", "and then", "and later", "and to", "после чего",
    "а затем",
    "добавив", "отметив", "сообщив",
)  # fmt: skip
MAX_CLAUSES = 4  # a bound: a sentence is read at most this many more times


def later_clauses(sentence: str, after: int) -> list[str]:
    """The clauses of the sentence that begin after offset `after` (the first meeting
    word), each up to the next joint.

    >>> later_clauses("X held talks with A, adding that B and C are to meet; D met E.", 5)
    ['B and C are to meet', 'D met E.']
    >>> later_clauses("He is expected to hold talks with A and to call on B.", 18)
    ['He is expected to call on B.']
    """
    if not CLAUSE_WORDS.found_in(sentence.casefold()):
        return []
    breaks = [b for b in CLAUSE_BREAK.finditer(sentence, after)][: MAX_CLAUSES + 1]
    clauses = []
    for i, joint in enumerate(breaks[:MAX_CLAUSES]):
        end = breaks[i + 1].start() if i + 1 < len(breaks) else len(sentence)
        clause = sentence[joint.end() : end].strip()
        if joint.group("infinitive"):  # the subject and the verb that governs both
            clause = sentence[:after] + clause
        if clause:
            clauses.append(clause)
    return clauses
