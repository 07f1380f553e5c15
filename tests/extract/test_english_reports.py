"""Meeting mentions in English reports: the shapes agency news and ministry posts take that
the first rules missed (issue 12, English slice).

Every text is written in our own words; the comment above each case names the public report
its shape is modelled on.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest

from sidelines.extract.mention_rows import Mention
from sidelines.extract.mentions import post_mentions
from tests.extract.rows import post


def found(text: str) -> list[tuple[Any, ...]]:
    return [(m.country or m.org, m.status, m.counterpart_name) for m in post_mentions(post(text))]


def test_an_organisation_name_holding_a_stop_word_is_one_side() -> None:
    # TASS, 26 Sep 2025, "Lavrov, OSCE Secretary General discuss ways of overcoming crisis":
    # the organisation is written out in full, its "in Europe" no place.
    assert found(
        "Sergey Lavrov held talks with the Secretary General of the Organization for Security "
        "and Cooperation in Europe Feridun Sinirlioglu in New York."
    ) == [("OSCE", "held", "Feridun Sinirlioglu")]


def test_two_titles_joined_by_a_dash_are_one_person() -> None:
    # Kazinform, 2019-10-07, "Sergey Lavrov to visit Kazakhstan", and Kazakh MFA releases
    # naming the "Deputy Prime Minister – Minister of Foreign Affairs".
    result: list[Mention] = post_mentions(
        post(
            "Sergey Lavrov had a conversation with Deputy Prime Minister – Minister of Foreign "
            "Affairs of Kazakhstan Murat Nurtleu, who chaired the ministerial council."
        )
    )
    assert [(m.country, m.counterpart_name) for m in result] == [("KAZ", "Murat Nurtleu")]
    assert result[0].counterpart_role is not None
    assert "Minister of Foreign Affairs" in result[0].counterpart_role


@pytest.mark.parametrize(
    "text",
    [
        # TASS, 2 Dec 2021, "Lavrov, OSCE Secretary General discuss …": a dash before a
        # topic still ends the other side's words.
        "Sergey Lavrov met the Foreign Minister of Sweden Ann Linde – talks on the agenda.",
    ],
)
def test_a_dash_before_other_words_still_ends_the_side(text: str) -> None:
    assert [c for c, _, _ in found(text)] == ["SWE"]


def test_a_second_meeting_joined_by_adding_that_is_read() -> None:
    # RT, 21 Oct 2024, "Putin to meet Xi and Modi at BRICS summit in Kazan" (Ushakov listing
    # the day's talks, "…, adding that …"): each joined clause is a meeting of its own.
    assert found(
        "The President will also hold talks with the Prime Minister of India Narendra Modi, "
        "the aide said, adding that Putin and the President of Egypt Abdel Fattah el-Sisi "
        "are to sit down for talks as well."
    ) == [("IND", "planned", "Narendra Modi"), ("EGY", "planned", "Abdel Fattah el-Sisi")]


def test_a_clause_after_which_reports_a_gathering() -> None:
    # Interfax, 26 Jul 2024, Lavrov in Vientiane ("…, after which the Russian minister
    # co-chaired the Russia-ASEAN ministerial meeting").
    sides = [c for c, _, _ in found(
        "On Friday Sergey Lavrov met the Foreign Minister of Laos Saleumxay Kommasith, after "
        "which he took part in the ASEAN ministerial meeting."
    )]  # fmt: skip
    assert sides == ["LAO", "ASEAN"]


def test_a_surname_names_the_person_named_in_full_before() -> None:
    # TASS, 23 Oct 2024, "Putin to hold bilateral meetings with Pezeshkian, Erdogan, Abiy
    # Ahmed": the first talks of the two leaders are recalled by surname and their own date.
    result = post_mentions(
        post(
            "On 22 October Vladimir Putin held talks with the President of Kenya William Ruto; "
            "Putin first met Ruto in Sochi on 11 March 2023.",
            published_at=datetime(2024, 10, 23, 9, 0),
        )
    )
    assert sorted((m.country, m.date.isoformat() if m.date else None) for m in result) == [
        ("KEN", "2023-03-11"),
        ("KEN", "2024-10-22"),
    ]


def test_later_in_the_day_takes_the_day_of_the_sentence_before() -> None:
    # RT, 21 Oct 2024 (Ushakov: "… later in the day"): the day is the one just named.
    result = post_mentions(
        post(
            "Vladimir Putin will meet the President of Laos on 24 October 2024. The President "
            "of Cuba will be received by Putin later in the day."
        )
    )
    assert [(m.country, str(m.date)) for m in result] == [
        ("LAO", "2024-10-24"),
        ("CUB", "2024-10-24"),
    ]


def test_a_pronoun_subject_is_the_posts_own_official() -> None:
    # TASS, 22 Sep 2022, "Lavrov, Brazilian counterpart hold meeting on UNGA sidelines" and the
    # ministry's digest of the day: "He also met with …", the minister named before only by
    # his office.
    assert found(
        "The Minister had a dozen bilateral contacts on Thursday. He also met with the "
        "Foreign Minister of Ghana Shirley Ayorkor Botchwey."
    ) == [("GHA", "held", "Shirley Ayorkor Botchwey")]


def test_a_pronoun_does_not_make_another_state_the_russian_side() -> None:
    # the same digest's shape, with a foreign subject: no Russian side, no meeting
    assert found("The President of Ghana said he met the Foreign Minister of Togo.") == []


def test_a_pair_whose_other_member_has_no_state_takes_the_flags_state() -> None:
    # RT, 2020, «Рябков рассказал о предстоящем раунде консультаций России и США в Вене»:
    # the two negotiators named as a pair, the partner's state only in the flag pair.
    assert found(
        "🇷🇺🇺🇸 Sergey Ryabkov and Marshall Billingslea will sit down in Vienna for a new round "
        "of strategic stability talks, the diplomat said."
    ) == [("USA", "planned", "Marshall Billingslea")]


def test_presenting_credentials_is_meeting_the_one_who_receives_them() -> None:
    # Embassy of Russia in the USA, 2017: "After presenting his credentials to President
    # Trump on 8th September, Ambassador Antonov …".
    assert found(
        "Ambassador Anatoly Antonov presented his credentials to President of the United "
        "States Donald Trump in Washington on 8 September 2017."
    ) == [("USA", "held", "Donald Trump")]


def test_their_meeting_is_the_one_the_sentence_before_named() -> None:
    # TASS, 2017, "Russia's new permanent representative to UN recounts his first meeting with
    # US counterpart": the next sentence speaks of "their" meeting and of meeting again.
    result = post_mentions(
        post(
            "On 3 August 2017, Ambassador Vassily Nebenzia handed a copy of his credentials to "
            "the Secretary-General of the United Nations Antonio Guterres. It was their first "
            "meeting in New York. The two agreed to meet again next month."
        )
    )
    assert [(m.org, m.status, str(m.date), m.location) for m in result] == [
        ("UN", "held", "2017-08-03", "New York"),
        ("UN", "planned", "None", None),
    ]
    assert {m.counterpart_name for m in result} == {"Antonio Guterres"}


def test_the_two_who_met_before_on_another_day_met_twice() -> None:
    # Sputnik, 24 Sep 2025, Lavrov and Rubio at the UN: "The two top diplomats previously met
    # in Kuala Lumpur on July 10": an earlier meeting of the same pair, its own day and city.
    result = post_mentions(
        post(
            "NEW YORK, September 24 (Sputnik) - Sergey Lavrov held talks with US Secretary of "
            "State Marco Rubio on the sidelines of the 80th session of the UN General Assembly. "
            "The two top diplomats previously met in Kuala Lumpur on July 10.",
            kind="article",
            unga_session=80,
        )
    )
    assert sorted((m.country, str(m.date), m.location) for m in result) == [
        ("USA", "2025-07-10", "Kuala Lumpur"),
        ("USA", "2025-09-24", "New York"),
    ]


def test_a_dump_post_is_dated_by_its_opening_date_line() -> None:
    # the Permanent Mission's channel, 1 Jul 2024 ("Russia assumes the presidency of the
    # Security Council … Earlier today, the Permanent Representative met the Secretary-General").
    result = post_mentions(
        post(
            "1 July 2024: Russia takes over the presidency of the Security Council. Earlier "
            "today, Vassily Nebenzia met the Secretary-General of the United Nations Antonio "
            "Guterres.",
            event_date=date(2024, 7, 1),
            kind="channel_dump",
        )
    )
    assert [(m.org, str(m.date)) for m in result] == [("UN", "2024-07-01")]


def test_the_guest_received_by_another_official_is_a_second_meeting() -> None:
    # MEA India / MFA Russia, 27 Dec 2023, Jaishankar in Moscow: talks with the Foreign
    # Minister, then "the Minister was received by President Putin" the same day.
    result = post_mentions(
        post(
            "On 26 December 2023, Foreign Minister Sergey Lavrov held talks with the External "
            "Affairs Minister of India Subrahmanyam Jaishankar in Moscow. On the same day, the "
            "Minister was received by President Vladimir Putin in the Kremlin."
        )
    )
    assert sorted((m.country, m.russian_participant, str(m.date)) for m in result) == [
        ("IND", "Sergey Lavrov", "2023-12-26"),
        ("IND", "Vladimir Putin", "2023-12-26"),
    ]
    assert {m.counterpart_name for m in result} == {"Subrahmanyam Jaishankar"}


def test_one_guest_met_by_two_officials_the_same_day_is_two_rows() -> None:
    # Kremlin and MFA Russia, 18 Apr 2025: Araghchi's talks with Lavrov, then received by
    # Putin; two reports of one day, one state, one guest, two Russian officials.
    from sidelines.extract.meetings import meeting_rows

    published = datetime(2025, 4, 18, 12, 0)
    rows, _ = meeting_rows(
        [
            post(
                "Sergey Lavrov held talks with the Foreign Minister of Iran Abbas Araghchi.",
                post_id="a",
                published_at=published,
            ),
            post(
                "President Vladimir Putin received the Foreign Minister of Iran Abbas Araghchi.",
                post_id="b",
                published_at=published,
            ),
        ]
    )
    assert sorted(r["russian_participant"] for r in rows) == ["Sergey Lavrov", "Vladimir Putin"]


def test_a_gathering_named_as_the_subject_is_attended() -> None:
    # MFA Russia, UNGA80 week (the traditional informal meeting of the BRICS foreign
    # ministers, chaired by Brazil, "Sergey Lavrov took part").
    assert found(
        "The BRICS foreign ministers held their annual meeting on the margins of the General "
        "Assembly under India's chairmanship. Sergey Lavrov took part."
    ) == [("BRICS", "held", None)]


def test_a_gathering_subject_without_a_russian_participant_is_not_a_meeting() -> None:
    # Reuters-style report of a body meeting without Russia: no Russian side takes part.
    assert found("The EU foreign ministers met in Brussels to discuss new sanctions.") == []


def test_the_organisation_just_before_a_ministerial_meeting_is_the_gathering() -> None:
    # Interfax, 26 Jul 2024, Vientiane: "… after which the Russian minister co-chaired the
    # Russia-ASEAN ministerial meeting".
    assert found("Sergey Lavrov co-chaired the Russia-ASEAN ministerial meeting in Vientiane.") == [
        ("ASEAN", "held", None)
    ]


def test_a_talk_being_planned_with_an_entitys_president() -> None:
    # RT, 21 Oct 2024, "Putin to meet Xi and Modi at BRICS summit in Kazan" (a conversation
    # with the president of Republika Srpska "is being planned"): planned, and the entity's
    # state is Bosnia and Herzegovina; the office set off after the name is the role.
    result = post_mentions(
        post(
            "A separate meeting of Vladimir Putin with Milorad Dodik, the president of Republika "
            "Srpska, is being planned for the evening."
        )
    )
    assert [(m.country, m.status, m.counterpart_name, m.counterpart_role) for m in result] == [
        ("BIH", "planned", "Milorad Dodik", "President of Republika Srpska")
    ]


def test_a_surname_in_a_later_clause_keeps_the_full_name_and_office() -> None:
    # TASS, 23 Oct 2024 (see above): the recalled meeting takes the name and office the
    # post gave in full.
    result = post_mentions(
        post(
            "On 22 October Vladimir Putin held talks with President of Kenya William Ruto; "
            "Putin first met Ruto in Sochi on 11 March 2023.",
            published_at=datetime(2024, 10, 23, 9, 0),
        )
    )
    assert {(m.counterpart_name, m.counterpart_role) for m in result} == {
        ("William Ruto", "President of Kenya")
    }
