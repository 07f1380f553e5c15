"""The meeting words of one sentence, found once per distinct sentence.

A sentence is asked for its cue by `sentence_mentions.sentence_mentions` and again when its later
clauses are cut (`mentions._cue_start`), and reports repeat their sentences: the searches
run once per distinct sentence, as a column pass would. The matches are read, never
changed, so one match may serve every caller.
"""

from __future__ import annotations

import re
from functools import lru_cache

from sidelines.extract.cues import (
    CALL,
    CALL_WORDS,
    MEETING,
    MEETING_WORDS,
    MULTILATERAL,
    MULTILATERAL_WORDS,
    PAIR_ACTION,
    PAIR_ACTION_WORDS,
    RECEIVED,
    RECEIVED_WORDS,
    search,
)
from sidelines.extract.fastre import compile_guarded
from sidelines.extract.memo import SENTENCES

# A gathering named as the time of something else ("ahead of the BRICS ministerial",
# «накануне СМИД ШОС», «в преддверии саммита»): not attended in this sentence.
AHEAD_OF = compile_guarded(
    r"\b(?:ahead\s+of|before|prior\s+to|in\s+the\s+run-up\s+to|on\s+the\s+eve\s+of)\b"
    r"|(?<!\w)(?:накануне|в\s+преддверии|перед|в\s+канун)(?!\w)",
    re.I,
)
AHEAD_SPAN = 40  # characters before the gathering's word where such a phrase stands


@lru_cache(maxsize=SENTENCES)  # once per distinct sentence
def meeting_cue(sentence: str) -> re.Match[str] | None:
    """The sentence's first word of a two-sided contact: received or hosted, met, called.

    >>> meeting_cue("The Ambassador was received by Lavrov.").group()
    'received'
    >>> meeting_cue("Lavrov spoke by phone with Fidan.").group()
    'spoke by phone'
    """
    folded = sentence.casefold()  # the cue literals are single words
    return (
        search(RECEIVED, RECEIVED_WORDS, sentence, folded)
        or search(MEETING, MEETING_WORDS, sentence, folded)
        or search(CALL, CALL_WORDS, sentence, folded)
    )


@lru_cache(maxsize=SENTENCES)  # once per distinct sentence
def attended_gathering(sentence: str) -> re.Match[str] | None:
    """Where the sentence says the Russian side attends a gathering of several states;
    None when the gathering is only a topic ("discussed Russia's participation in the
    summit") or a time ("talks ahead of the BRICS ministerial meeting").

    >>> attended_gathering("Lavrov took part in the BRICS ministerial meeting.").start()
    7
    >>> attended_gathering("They met ahead of the BRICS ministerial meeting.") is None
    True
    """
    folded = sentence.casefold()
    multi = search(MULTILATERAL, MULTILATERAL_WORDS, sentence, folded)
    if multi is None:
        return None
    topic = search(PAIR_ACTION, PAIR_ACTION_WORDS, sentence, folded)
    if topic is not None and topic.start() < multi.start():
        return None
    if AHEAD_OF.search(sentence, max(0, multi.start() - AHEAD_SPAN), multi.start()):
        return None
    return multi
