"""The sentence cues, and the literals that let a sentence skip them."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sidelines.extract import cues

# Words and phrases that wake the cue patterns, and ordinary words around them.
WORDS = [
    "met with", "meets", "meeting of", "held talks with", "negotiations", "consultations",
    "sat down", "tête-à-tête", "audience", "exchanged views with", "compared notes",
    "called on", "paid a courtesy call on", "встретился", "встреча", "переговоры", "беседа",
    "побеседовать", "консультации", "провели разговор", "сверили часы",
    "обменялись мнениями с", "received the", "was received by", "hosted his", "welcomed",
    "принял Посла", "принят президентом", "примет Министра", "took part in the meeting",
    "participation in several meetings", "attended the summit", "ministerial meeting",
    "принял участие в заседании", "участие в саммите", "совещание министров", "contacts",
    "programme", "в графике", "will", "is expected to", "are to", "plans to", "intends to",
    "agreed to meet", "next week", "later today", "on the Minister's programme",
    "будет", "состоится", "пройдут", "запланирована", "намечены", "станет", "предстоит",
    "проведёт", "встретится", "посетит", "намерен", "ожидается", "условились",
    "договорились о встрече", "telephone", "phone call", "by phone", "video link",
    "videoconference", "virtual", "online meeting", "телефонный", "видеосвязи", "онлайн",
    "spoke by phone", "video call", "virtual summit", "созвонился", "разговор по телефону",
    "телефонная беседа", "Телефонный разговор", "talked over the telephone",
    "no plans", "not planned", "won't", "will not", "impossible", "ruled out", "denied",
    "cancelled", "postponed", "there is no", "possible meeting", "не планируется",
    "не состоится", "нет планов", "невозможно", "исключено", "отменена", "отложена",
    "возможной встречи", "no plans", "not scheduled", "will not", "there are no",
    "is also expected to", "are to", "later this week", "to take part", "для участия",
    "договорились встретиться", ", with whom", ", который", "Lavrov", "С.В.Лавров", "Egypt",
    "Египта", "the", "и", "с", ".", ",", "A", "Б",
]  # fmt: skip
BLANKS = st.sampled_from([" ", "  ", "\u00a0", "\t"])
TEXT = st.lists(st.tuples(st.sampled_from(WORDS), BLANKS), max_size=6).map(
    lambda pairs: "".join(word + blank for word, blank in pairs)
)
PAIRS = [
    (cues.MEETING, cues.MEETING_WORDS),
    (cues.RECEIVED, cues.RECEIVED_WORDS),
    (cues.MULTILATERAL, cues.MULTILATERAL_WORDS),
    (cues.LIST_HEADING, cues.LIST_WORDS),
    (cues.PLANNED, cues.PLANNED_WORDS),
    (cues.REMOTE, cues.REMOTE_WORDS),
    (cues.NEGATED, cues.NEGATED_WORDS),
    (cues.CALL, cues.CALL_WORDS),
    (cues.PHONE, cues.PHONE_WORDS),
    (cues.VIDEO, cues.VIDEO_WORDS),
]


@settings(max_examples=400, deadline=None)
@given(text=TEXT)
def test_literals_cover_their_patterns(text: str) -> None:
    """A text a cue pattern matches contains one of its literals: skipping the pattern when
    none is there never loses a match."""
    for pattern, words in PAIRS:
        if pattern.search(text):
            assert cues.has_any(cues.fold(text), words), (pattern.pattern[:40], text)


@pytest.mark.parametrize(
    ("sentence", "planned"),
    [
        ("Lavrov will meet the Foreign Minister of Chile.", True),
        ("Lavrov is to sit down for talks with Wang Yi.", True),
        ("On the Minister's programme are talks with Egypt.", True),
        ("«В графике Министра значится встреча с коллегой»", True),
        # RIA, Apr 2025 (Lavrov and Araghchi): a programme is a topic here, not a plan
        ("Lavrov and Araghchi held talks on the Iranian nuclear programme.", False),
        # a future in a relative clause is another event
        ("Lavrov met Fidan, who will visit Moscow next month, in Ankara.", False),
    ],
)
def test_planned(sentence: str, planned: bool) -> None:
    assert cues.is_planned(sentence) is planned


@pytest.mark.parametrize(
    ("sentence", "mode", "negated"),
    [
        ("Sergey Lavrov had a telephone conversation with Marco Rubio.", "phone", False),
        ("They agreed to prepare a possible meeting between the Presidents.", "in_person", True),
        ("Lavrov said that talks with Kyiv are impossible.", "in_person", True),
        (
            "Putin received Ramaphosa, with whom he had spoken by telephone twice.",
            "in_person",
            False,
        ),
        ("С.В.Лавров провёл переговоры с Министром иностранных дел Египта.", "in_person", False),
        ("Лавров и Ван И провели переговоры в режиме видеоконференции.", "video", False),
        ("The ministers held a video call on Friday.", "video", False),
        ("Virtually every minister met Lavrov.", "in_person", False),
        # modelled on MID reports «Лавров созвонился с …»
        ("С.В.Лавров созвонился с Министром иностранных дел Турции.", "phone", False),
    ],
)
def test_mode_and_denial(sentence: str, mode: str, negated: bool) -> None:
    assert cues.contact_mode(sentence) == mode
    assert cues.is_negated(sentence) is negated


@pytest.mark.parametrize(
    "sentence",
    [
        "Lavrov spoke by phone with Rubio.",
        "Lavrov talked over the telephone with Rubio.",
        "a phone call between Lavrov and Rubio",
        "С.В.Лавров провёл телефонный разговор с М.Рубио.",
        "Лавров созвонился с Рубио.",
        "Состоялась телефонная беседа министров.",
    ],
)
def test_call_cue(sentence: str) -> None:
    assert cues.CALL.search(sentence) is not None


def test_received_needs_a_person() -> None:
    assert cues.RECEIVED.search("С.В.Лавров принял Посла Египта")
    assert not cues.RECEIVED.search("С.В.Лавров принял участие в заседании")
    assert not cues.RECEIVED.search("The ministry received a letter")
    assert re.search("received", "Lavrov was received by the President")
