"""What a sentence does: report a meeting, announce one, report a call, or something else.

Only the shape of a report is read here, never who took part: a meeting word (a verb, a
noun, a participle, "received"/«принял»), whether it is announced (a future, a schedule,
an intention) and whether it was a call. `mentions.py` then finds the sides. Every
pattern is a flat alternation of words (no nested repeats): linear in the sentence.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from sidelines.extract.fastre import compile_guarded
from sidelines.extract.literals import Literals
from sidelines.extract.memo import SENTENCES

# A meeting between two sides, reported or announced, in any voice: "met (with)",
# "held talks with", "is holding talks", "talks between", "sat down", «встретился»,
# «встретившись», «переговоры», «беседа», «консультации».
_MEETING = (
    r"\b(?:met|meets?|meeting|meetings|talks|negotiations|consultations|conversation"
    r"|sat\s+down|sit\s+down|tête-à-tête|tete-a-tete|audience)\b"
    r"|\bexchanged\s+views\s+with|\bcompared\s+notes|\bcall(?:ed|s)?\s+on\b"
    r"|\bpaid\s+(?:a\s+)?(?:courtesy\s+)?(?:call|visit)\s+(?:on|to)\b"
    # an ambassador presenting credentials meets the one who receives them
    r"|\b(?:credentials|credence)\s+to\b"
    r"|(?<!\w)верительн\w*\s+грамот\w*"
    r"|(?<!\w)(?:встреч\w*|встрет\w*|переговор\w*|бесед\w*|побесед\w*|консультаци\w*|пообщал\w*"
    r"|раунд\w*|визит\w*\s+вежливости|провели\s+разговор|тет-а-тет|сверили\s+часы"
    r"|обменял\w*\s+мнениями\s+с|обменяться\s+мнениями\s+с)"
)
MEETING = compile_guarded(_MEETING, re.I)
# Receiving someone is meeting them, done or to come ("received the Ambassador", "is to
# receive", "will host", «принял Посла»,
# «Лаврова принял Ким Чен Ын», "was received by"); «принял участие»/"received a letter" not.
_RECEIVED = (
    r"\b(?:received|receives|receiving|receive|hosted|hosts|hosting|host|welcomed|welcomes"
    r"|welcome)"
    # the guest may be described first: "received the newly arrived/visiting Ambassador"
    r"(?=\s+(?:by\s+|the\s+(?:[a-z-]+\s+){0,2}[A-Z]|his\s+|her\s+|[A-Z]))"
    r"|(?<!\w)(?:принял[аи]?|принимает|принимал[аи]?|принят[аы]?|был\s+принят\w*|примет|примут)"
    # the place may come first: «принял в Кремле …», «принял на Смоленской площади …»
    r"(?=(?:\s+(?:в|во|на)\s+(?:[А-ЯЁ][\w-]*(?:ой|ом|ей|ем|ых|их)\s+[а-яё][\w-]*|[А-ЯЁ][\w-]*))?"
    r"\s+(?:[А-ЯЁ]|посл|министр|глав|президент|премьер|председател|делегаци|генсек|генерал"
    r"|замест|замминистр|вице|спецпредставител|специальн|директор|секретар|руководител|коллег"
    r"|верховн|королев|корол|наследн|принц|эмир|султан|шейх|канцлер))"
)
RECEIVED = compile_guarded(_RECEIVED)
# Taking part in a gathering of several states: a multilateral meeting.
_MULTILATERAL = (
    r"\b(?:took\s+part|takes\s+part|take\s+part|taking\s+part|participated|participates"
    r"|participate|participation|attended|attends|attend|attending)\s+in\s+(?:the\s+|an?\s+)?"
    r"(?:[\w-]+\s+){0,4}?(?:meetings?|sessions?|summits?|conferences?|ministerial|talks)\b"
    r"|\b(?:attended|attends|attend|attending)\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,4}?"
    r"(?:summits?|meetings?|ministerial)\b"
    r"|\bministerial\s+meeting\b"
    r"|\b(?:lead|leads|led|leading|head|heads|headed|heading)\s+(?:the\s+)?Russian\s+delegation"
    r"\s+(?:to|at|in)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,5}?"
    r"(?:summit|meeting|session|ministerial|council|conference)\b"
    r"|(?<!\w)возглав\w*\s+(?:российскую\s+)?делегаци\w*\s+на\s+(?:[\w-]+\s+){0,5}?"
    r"(?:саммит\w*|заседани\w*|сесси\w*|совещани\w*|встреч\w*|конференци\w*|СМИД)"
    r"|\bmeeting\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:ministers|leaders|heads)\b"
    r"|(?<!\w)(?:принял\w*\s+участие|примет\s+участие|прим[уе]т\s+участие|участвовал\w*"
    r"|участву\w+|участи[еюя])\s+в\s+(?:[\w-]+\s+){0,4}?"
    r"(?:заседани\w*|встреч\w*|совещани\w*|саммит\w*|сесси\w*|конференци\w*|СМИД)"
    r"|(?<!\w)(?:заседани\w*|совещани\w*|встреч\w*)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:министров|глав|лидеров|руководителей|представителей)(?!\w)"
)
MULTILATERAL = compile_guarded(_MULTILATERAL, re.I)
# What two sides named as a pair do together ("Lavrov and Wang Yi discussed …",
# «С.В.Лавров и Ван И обсудили …»): a meeting only when the subject is such a pair.
_PAIR_ACTION = (
    r"\b(?:discussed|discuss|reviewed|exchanged\s+views|compared\s+notes|signed)\b"
    r"|(?<!\w)(?:обсудили|обсудят|обменялись\s+мнениями|рассмотрели|подписали)(?!\w)"
)
PAIR_ACTION = compile_guarded(_PAIR_ACTION, re.I)
PAIR_ACTION_WORDS = Literals(
    "discuss", "reviewed", "exchanged", "compared", "signed", "обсуд", "обменялись",
    "рассмотрели", "подписали",
)  # fmt: skip
# The two sides named together: "the ministers agreed to meet again", «стороны договорились».
BOTH_SIDES = compile_guarded(
    r"^\s*(?:the\s+(?:two\s+)?(?:ministers|leaders|presidents|sides|parties|diplomats)|they)\b"
    r"|^\s*(?:министры|лидеры|президенты|стороны|главы\s+МИД|главы\s+внешнеполитических)",
    re.I,
)

# A meeting that "took place" with no side named in its sentence («В Москве состоялись
# межмидовские консультации», "Talks were held in Geneva"): the sides are the post's own.
TOOK_PLACE = compile_guarded(
    r"\b(?:took\s+place|were\s+held|was\s+held|will\s+be\s+held|is\s+to\s+be\s+held)\b"
    r"|(?<!\w)(?:состоял[аио]?сь|состоится|состоятся|прош[лё]л?[аи]?|пройд[её]т|пройдут)(?!\w)",
    re.I,
)
TOOK_PLACE_WORDS = Literals("took", "held", "состо", "прош", "пройд")


# Both sides agree to meet again ("the ministers agreed to meet again", «лидеры условились
# провести следующую встречу», «министры договорились о новой встрече»): a planned meeting
# with whoever the post's meeting was with.
AGREED_TO_MEET = compile_guarded(
    r"\bagreed\s+to\s+(?:meet|hold|continue)\b"
    r"|(?<!\w)(?:условились|договорились|условлено|договорённост\w*|договоренност\w*)\s+"
    r"(?:о\s+(?:\w+\s+){0,2}?встреч\w*|встретиться|побеседовать|провести|продолжить)(?!\w)",
    re.I,
)
AGREED_WORDS = Literals("agreed", "условились", "договорились", "условлено", "договор")
# "The same day": the day of an earlier sentence of the post ("On September 23 … Also in the
# Minister's schedule for the day are meetings with …", «Ранее в тот же день …»).
SAME_DAY = Literals(
    "same day", "that day", "for the day", "в тот же день", "в этот же день", "в этот день",
    "в тот день", "того же дня", "этого же дня", "later in the day", "earlier in the day",
)  # fmt: skip
BOTH_SIDES_WORD = compile_guarded(
    r"\b(?:ministers|leaders|presidents|sides|parties|they)\b"
    r"|(?<!\w)(?:министры|лидеры|президенты|стороны|главы)(?!\w)",
    re.I,
)

# An announcement: a future, a schedule, an intention, an agreement to meet.
PLANNED = compile_guarded(
    r"\b(?:will|shall|(?:is|are)\s+(?:also\s+|now\s+|still\s+)?"
    r"(?:scheduled|expected|due|set|slated|planned|going|to)\b"
    r"|(?:is|are)\s+being\s+(?:planned|prepared|arranged|organi[sz]ed)"
    r"|plans?\s+to|planning\s+to|intends?\s+to|intending\s+to|upcoming|forthcoming"
    r"|(?:has|have)\s+agreed\s+to\s+meet|agreed\s+to\s+meet|next\s+week|later\s+(?:today|this)"
    r"|(?:on|in)\s+(?:the\s+|his\s+|her\s+)?(?:\w+['’]s\s+)?(?:programme|program|agenda|schedule)"
    r"|(?:programme|program|agenda|schedule)\s+(?:includes?|features?|provides?)"
    r"|to\s+(?:attend|lead|head|take\s+part|participate))\b"
    r"|(?<!\w)(?:будет|будут|состоится|состоятся|пройд[её]т|пройдут|планирует\w*|планиру\w+"
    r"|запланирован\w*|намечен\w*|станет|станут|предстоит|предстоящ\w*|проведёт|проведет|проведут"
    r"|встретится|встретятся|примет|прим[уе]т|посетит|возглавит|возглавят|намерен\w*|собирается|ожидается"
    r"|ожидает\w*|условились|договорились\s+(?:о\s+встрече|встретиться|побеседовать|провести)"
    r"|прорабатыва\w*|в\s+(?:его|её|ее)\s+графике|в\s+(?:\w+\s+)?графике|в\s+программе|для\s+участия|чтобы\s+принять)(?!\w)",
    re.I,
)
# A contact at a distance: "spoke by phone with", "a telephone conversation with", «провёл
# телефонный разговор с», «созвонился с» (a meeting word such as "conversation" or
# «переговоры» is found by MEETING first; these are the reports that have none).
_CALL = (
    r"\b(?:phone|telephone|video)\s+(?:calls?|conversations?|talks)\b"
    r"|\b(?:spoke|speaks|spoken|talked)\s+(?:by|over\s+the|on\s+the)\s+(?:tele)?phone\b"
    r"|\bvideo\s*conferenc\w*|\bvideoconferenc\w*"
    r"|(?<!\w)(?:телефонн\w+\s+(?:разговор|бесед|переговор)\w*|созвонил\w*"
    r"|разговор\w*\s+по\s+(?:телефону|видеосвязи))"
)
CALL = compile_guarded(_CALL, re.I)
# A contact by video link, and one by telephone: the mode of a reported contact.
VIDEO = compile_guarded(
    r"video\s*link|videoconferenc|video\s+conferenc|video\s+call|virtual\s+(?:meeting|talks|summit)"
    r"|online\s+(?:meeting|talks|summit)|видеосвяз|видеоконференц|видеорежим|по\s+видео|онлайн",
    re.I,
)
PHONE = compile_guarded(
    r"telephone|phone\s+(?:call|conversation|talks)|by\s+phone|over\s+the\s+phone|телефон|созвонил",
    re.I,
)
# A call, not an in-person meeting: a post that mentions one is read with care.
REMOTE = compile_guarded(
    r"telephone|phone\s+(?:call|conversation|talks)|by\s+phone|over\s+the\s+phone|video\s*link"
    r"|videoconferenc|video\s+conferenc|video\s+call|virtual|online\s+(?:meeting|talks)"
    r"|телефон|созвонил|видеосвяз|видеоконференц|видеорежим|по\s+видео|онлайн",
    re.I,
)
# Words that deny or doubt a meeting rather than report one.
NEGATED = compile_guarded(
    r"\b(?:no\s+(?:plans?|meeting|talks|contacts?)|not\s+(?:planned|scheduled|expected|meet"
    r"|hold)|won['’]t|will\s+not|impossible|ruled\s+out|rule\s+out|denied|cancell?ed|postponed"
    r"|there\s+(?:is|are)\s+no|possible\s+(?:meeting|talks|contacts?)"
    r"|possibility\s+of\s+(?:a\s+)?(?:meeting|talks))\b"
    r"|(?<!\w)(?:не\s+планиру\w*|не\s+запланирован\w*|не\s+будет|не\s+состоится|не\s+состоялась"
    r"|нет\s+(?:планов|договор)|невозможн\w*|исключ\w*|отмен\w*|отложен\w*|отложил\w*"
    r"|не\s+было|возможн\w*\s+встреч\w*|возможност\w*\s+встреч\w*)(?!\w)",
    re.I,
)

# A list of meetings: a heading that names them, then one item a line.
_LIST_HEADING = (
    r"\b(?:contacts|meetings|talks|schedule|agenda|programme)\b"
    r"|(?<!\w)(?:контакт\w*|встреч\w*|переговор\w*|график\w*|программ\w*)"
)
LIST_HEADING = compile_guarded(_LIST_HEADING, re.I)


# Literals every match of a pattern contains (casefolded; the cue lists single words, so
# that a plain `casefold()` is enough; the plan and denial lists are looked for in `fold`ed
# text, blanks made single spaces): a text without any of them
# cannot match, and `in` finds a literal many times faster than `re` tries an alternation
# at every word. (The literal form of the cues is also what a column-wide Aho-Corasick
# pass needs.) A test checks each list against its pattern.
MEETING_WORDS = Literals(
    "met", "meet", "talks", "negotiation", "consultation", "conversation", "sat",
    "sit", "tête", "tete", "audience", "exchanged", "compared", "call", "paid", "встреч",
    "встрет", "переговор", "бесед", "пообщал", "раунд", "консультац", "разговор", "тет-а-тет",
    "сверили", "мнениями", "вежливости", "credentials", "credence", "верительн",
)  # fmt: skip
RECEIVED_WORDS = Literals(
    "receiv", "host", "welcom", "принял", "принима", "принят", "примет", "примут"
)
MULTILATERAL_WORDS = Literals(
    "took", "takes", "take", "taking", "particip", "attend", "ministerial", "ministers",
    "leaders", "heads", "lead", "led", "head", "участи", "участв", "возглав", "министров",
    "глав", "лидеров", "руководителей", "представителей",
)  # fmt: skip
LIST_WORDS = Literals(
    "contacts", "meetings", "talks", "schedule", "agenda", "programme", "контакт", "встреч",
    "переговор", "график", "программ",
)  # fmt: skip
PLANNED_WORDS = Literals(
    "will", "shall", "is scheduled", "is expected", "is due", "is set", "is slated",
    "is planned", "is going", "is to", "is also", "is now", "is still", "are scheduled",
    "are expected", "are due", "are set", "are slated", "are planned", "are going", "are to",
    "are also", "are now", "are still", "is being", "are being", "plans to", "plan to",
    "planning to", "intend",
    "upcoming", "forthcoming", "agreed to meet", "next week", "later today", "later this",
    "program", "agenda", "schedule", "to attend", "to lead", "to head", "to take part",
    "to participate", "будет", "будут", "состоится", "состоятся", "пройдёт", "пройдет",
    "пройдут", "планиру", "запланир", "намечен", "станет", "станут", "предстоит", "предстоящ",
    "проведёт", "проведет", "проведут", "встретится", "встретятся", "примет", "примут",
    "посетит", "возглавит", "возглавят", "намерен", "собирается", "ожидается", "ожидает",
    "условились", "прорабатыва", "договорились о встрече", "договорились встретиться",
    "договорились побеседовать", "договорились провести", "графике", "в программе",
    "для участия", "чтобы принять",
)  # fmt: skip
REMOTE_WORDS = Literals(
    "phone", "video", "virtual", "online", "телефон", "видео", "онлайн", "созвонил"
)
CALL_WORDS = Literals(
    "phone", "video", "spoke", "speaks", "spoken", "talked", "телефон", "созвонил", "разговор"
)
PHONE_WORDS = Literals("phone", "телефон", "созвонил")
VIDEO_WORDS = Literals("video", "virtual", "online", "видео", "онлайн")
NEGATED_WORDS = Literals(
    "no plan", "no meeting", "no talks", "no contact", "not planned", "not scheduled",
    "not expected", "not meet", "not hold", "won't", "won’t", "will not", "impossible",
    "ruled out", "rule out", "denied", "cancelled", "canceled", "postponed", "there is no",
    "there are no", "possible meeting", "possible talks", "possible contact",
    "possibility of", "не планиру", "не запланирован", "не будет", "не состоится",
    "не состоялась", "нет планов", "нет договор", "невозможн", "исключ", "отмен", "отложен",
    "отложил", "не было", "возможн",
)  # fmt: skip
CUE_WORDS = Literals(*MEETING_WORDS, *RECEIVED_WORDS, *MULTILATERAL_WORDS, *LIST_WORDS, *CALL_WORDS)


def has_any(folded: str, words: Literals) -> bool:
    """True when the casefolded text contains one of the literals."""
    return words.found_in(folded)


@lru_cache(maxsize=16)  # a sentence is folded for its call, denial and plan tests alike
def fold(text: str) -> str:
    """The text casefolded, every run of blanks (no-break spaces too) one space: the form
    the literals are looked for in.

    >>> fold("Lavrov  IS\u00a0expected")
    'lavrov is expected'
    """
    return " ".join(text.casefold().split())


@lru_cache(maxsize=SENTENCES)  # once per distinct sentence
def any_cue(text: str) -> bool:
    """True when some sentence of the text might report or announce a meeting (a cheap
    test on the whole text that spares the sentence loop): a cue word, or what a pair does
    after "and" has joined it ("Lavrov and Wang Yi discussed")."""
    folded = text.casefold()
    if has_any(folded, CUE_WORDS):
        return True
    action = PAIR_ACTION_WORDS.first_in(folded)
    return action >= 0 and PAIR_WORDS.first_in(folded) in range(action)


PAIR_WORDS = Literals(" and ", " и ")


def search(pattern: re.Pattern[str], words: Literals, text: str, folded: str) -> Any:
    """`pattern.search(text)`, skipped when the text lacks every literal of `words`."""
    return pattern.search(text) if has_any(folded, words) else None


# A planned meeting that has begun is held ("… is under way", «… уже началась»).
STARTED = compile_guarded(
    r"\b(?:has\s+(?:already\s+)?(?:begun|started)|is\s+under\s+way|is\s+underway)\b"
    r"|(?<!\w)(?:уже\s+началась|уже\s+начались|уже\s+начался|началась|начались|уже\s+идут)(?!\w)",
    re.I,
)


@lru_cache(maxsize=SENTENCES)  # once per distinct sentence
def is_planned(sentence: str) -> bool:
    """True when the sentence (outside its relative clauses) announces rather than reports,
    and does not say that the meeting has begun."""
    if not has_any(fold(sentence), PLANNED_WORDS):
        return False
    clause = _main_clause(sentence)
    return PLANNED.search(clause) is not None and STARTED.search(clause) is None


# A relative clause says something else about a side ("…, with whom he had spoken by
# telephone"): its words do not make the sentence's meeting a call or a denial.
RELATIVE_CLAUSE = compile_guarded(
    r",\s+(?:with\s+whom|whom|who|which|whose)\b|,\s+(?:с\s+)?котор\w+|,\s+(?:с\s+)?кем\b", re.I
)


def _main_clause(sentence: str) -> str:
    """The sentence without its first relative clause (up to the comma that closes it)."""
    found = RELATIVE_CLAUSE.search(sentence)
    if not found:
        return sentence
    closing = sentence.find(",", found.end())
    return sentence[: found.start()] + (sentence[closing:] if closing >= 0 else "")


def is_remote(sentence: str) -> bool:
    """True when the sentence (outside its relative clauses) is about a call."""
    return REMOTE.search(_main_clause(sentence)) is not None


@lru_cache(maxsize=SENTENCES)  # once per distinct sentence
def contact_mode(sentence: str) -> str:
    """How the contact a sentence reports was held: `video`, `phone` or `in_person`, read
    outside its relative clauses ("…, with whom he had spoken by telephone" is no call).

    >>> contact_mode("Лавров провёл переговоры по видеосвязи с коллегой")
    'video'
    >>> contact_mode("Lavrov had a telephone conversation with Rubio")
    'phone'
    """
    folded = fold(sentence)
    if not has_any(folded, REMOTE_WORDS):
        return "in_person"
    clause = _main_clause(sentence)
    if has_any(folded, VIDEO_WORDS) and VIDEO.search(clause):
        return "video"
    if has_any(folded, PHONE_WORDS) and PHONE.search(clause):
        return "phone"
    return "in_person"


@lru_cache(maxsize=SENTENCES)  # once per distinct sentence
def is_negated(sentence: str) -> bool:
    """True when the sentence (outside its relative clauses) denies, doubts or conditions
    a meeting."""
    if not has_any(fold(sentence), NEGATED_WORDS):
        return False
    return NEGATED.search(_main_clause(sentence)) is not None


@lru_cache(maxsize=SENTENCES)  # once per distinct sentence
def agreed_to_meet(sentence: str) -> bool:
    """True when both sides (named together) agree to meet again.

    >>> agreed_to_meet("Следующую встречу лидеры условились провести в Казани.")
    True
    >>> agreed_to_meet("Стороны договорились о расширении торговли.")
    False
    >>> agreed_to_meet("Министры условились продолжить контакты.")
    False
    >>> agreed_to_meet("The ministers agreed to continue the talks in Geneva.")
    True
    """
    if not has_any(sentence.casefold(), AGREED_WORDS):
        return False
    agreed = AGREED_TO_MEET.search(sentence)
    if agreed is None or BOTH_SIDES_WORD.search(sentence, 0, agreed.start()) is None:
        return False
    # what they agree to hold or continue must be a meeting: «продолжить контакты» may be calls
    return MEETING.search(sentence) is not None


@lru_cache(maxsize=SENTENCES)  # once per distinct sentence
def took_place(sentence: str) -> bool:
    """True when the sentence says a meeting took place or will, naming no one as its subject.

    >>> took_place("10 октября в Москве состоялись межмидовские консультации.")
    True
    >>> took_place("Consultations on strategic stability were held in Geneva.")
    True
    >>> took_place("Лавров провёл переговоры.")
    False
    """
    if not has_any(sentence.casefold(), TOOK_PLACE_WORDS):
        return False
    return TOOK_PLACE.search(sentence) is not None
