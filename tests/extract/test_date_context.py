"""Dates a meeting or post takes from its context: abbreviations, the file, the weekday."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sidelines.extract.date_anchors import Anchor, day_near, file_anchors
from sidelines.extract.mentions import post_mentions
from sidelines.extract.posts import file_post_frames
from sidelines.records import RawPost
from tests.extract.rows import post


def test_a_month_abbreviation_before_the_day_ends_no_sentence() -> None:
    # Modelled on the MFA's notes of Grushko's talks at the OSCE Ministerial Council in
    # Valletta (5 Dec 2024) and on its 2018 notes dated «20 фев. 2018 —».
    english = post(
        "Deputy Minister Alexander Grushko met OSCE Secretary General Feridun Sinirlioglu "
        "in Valletta on Dec. 5. Grushko said the OSCE must stay a platform for dialogue.",
        published_at=datetime(2024, 12, 6, 8),
    )
    russian = post(
        "20 фев. 2018 — Заместитель Министра иностранных дел А.В.Грушко принял Главу "
        "Представительства Европейского союза М.Эдерера. Обсуждены отношения Россия – ЕС.",
        lang="ru",
    )
    assert [m.date for m in post_mentions(english)] == [date(2024, 12, 5)]
    assert [m.date for m in post_mentions(russian)] == [date(2018, 2, 20)]


def file_post_rows(posts: list[RawPost]) -> tuple[list[dict[str, Any]], None]:
    """The post rows of one file, as the meeting mentions read them."""
    return list(file_post_frames(posts)[0].iter_rows(named=True)), None


def dump(*texts: str) -> list[dict[str, Any]]:
    """The post rows of a plain-text channel dump holding these posts, in order."""
    rows, _ = file_post_rows([RawPost("dump.txt", "telegram", text) for text in texts])
    return rows


def test_a_dump_post_takes_its_year_from_the_post_before() -> None:
    # Modelled on the Russian embassy in Pyongyang's posts on Lavrov's visit to Wonsan
    # (11-14 July 2025): the first post gives the year, the next ones only day and month.
    rows = dump(
        "11 июля 2025 года Министр иностранных дел С.В.Лавров прибыл в Вонсан с визитом.",
        "14 июля Посол России в КНДР провёл беседу с Заместителем министра иностранных дел "
        "КНДР Пак Мён Хо.",
    )
    (meeting,) = post_mentions(rows[1] | {"lang": "ru"})
    assert (meeting.date, meeting.date_precision) == (date(2025, 7, 14), "stated")
    assert [row["event_date"] for row in rows] == [date(2025, 7, 11), date(2025, 7, 14)]


def test_a_dump_post_before_any_year_takes_it_from_a_later_post() -> None:
    # Modelled on the Russian embassy in Pretoria's posts on the G20 ministerial in
    # Johannesburg (20-21 February 2025) and its later note on the November 2025 summit.
    rows = dump(
        "On February 20, on the margins of the G20 ministerial, Sergey Lavrov held talks with "
        "Minister of Foreign Affairs of China Wang Yi.",
        "Maxim Oreshkin will lead the delegation to the G20 summit on 22-23 November 2025.",
    )
    (meeting,) = post_mentions(rows[0])
    assert meeting.date == date(2025, 2, 20)


def test_a_session_dates_the_neighbouring_posts() -> None:
    # Modelled on the Russian embassy in Washington's posts from the 80th General Assembly
    # (September 2025): a post with no hashtag announces the next day's meeting.
    rows = dump(
        "24 сентября С.В.Лавров провёл переговоры с главой МИД Словакии Ю.Бланаром. #ГАООН80",
        "Завтра, 25 сентября, в графике С.В.Лаврова в Нью-Йорке — встреча с Генеральным "
        "секретарём ООН А.Гутеррешем.",
    )
    (meeting,) = post_mentions(rows[1] | {"lang": "ru"})
    assert (meeting.status, meeting.date) == ("planned", date(2025, 9, 25))


def test_no_evidence_no_year() -> None:
    rows = dump("14 июля Посол России провёл беседу с Заместителем министра КНДР Пак Мён Хо.")
    assert rows[0]["anchor_day"] is None
    assert [m.date for m in post_mentions(rows[0] | {"lang": "ru"})] == [None]


def test_anchors_point_forward_and_back() -> None:
    d = date(2022, 7, 24)
    assert file_anchors([None, d, None, None]) == [
        Anchor(d, "before"),
        Anchor(d),
        Anchor(d, "after"),
        Anchor(d, "after"),
    ]
    assert day_near(1, 8, Anchor(d, "after")) == date(2022, 8, 1)
    assert day_near(10, 7, Anchor(d, "after")) == date(2022, 7, 10)  # looks back a little
    assert day_near(1, 3, Anchor(d, "after")) == date(2023, 3, 1)
    assert day_near(30, 12, Anchor(d, "before")) == date(2021, 12, 30)
    assert day_near(31, 9, Anchor(d)) is None


def test_a_pinned_city_places_an_announced_meeting_too() -> None:
    # Modelled on the Russian MFA's post from Johannesburg on the G20 foreign ministers'
    # meeting (20 February 2025): the 📍 line names where the week's meetings are held.
    row = post(
        "📍 Johannesburg\nSergey Lavrov will hold talks with Minister of Foreign Affairs of "
        "China Wang Yi on the margins of the G20 ministerial."
    )
    (meeting,) = post_mentions(row)
    assert (meeting.status, meeting.location) == ("planned", "Johannesburg")


def test_a_day_is_no_datelines_place() -> None:
    # Modelled on the MFA's announcements «Завтра, 25 сентября, в графике Министра …».
    row = post(
        "Завтра, 25 сентября, С.В.Лавров проведёт встречу с Генеральным секретарём ООН "
        "А.Гутеррешем.",
        lang="ru",
        published_at=datetime(2025, 9, 24, 18),
    )
    (meeting,) = post_mentions(row)
    assert (meeting.date, meeting.location) == (date(2025, 9, 25), None)


def test_a_weekday_is_read_against_the_publication_before_the_session() -> None:
    # Modelled on the MFA's post of 18 Sep 2017 on Lavrov's Sunday-evening meeting with
    # Tillerson in New York, published the morning after, before the high-level week.
    row = post(
        "Sergey Lavrov and US Secretary of State Rex Tillerson met on Sunday evening in New "
        "York. #UNGA72",
        unga_session=72,
        published_at=datetime(2017, 9, 18, 8),
    )
    (meeting,) = post_mentions(row)
    assert (meeting.date, meeting.date_precision) == (date(2017, 9, 17), "inferred")


def test_a_weekday_the_talks_are_set_for() -> None:
    # Modelled on RIA Novosti, 25 Sep 2019: «На четверг у Лаврова намечены переговоры с
    # министром иностранных дел Венесуэлы …» during the 74th General Assembly.
    row = post(
        "На четверг у Лаврова намечены переговоры с министром иностранных дел Венесуэлы "
        "Хорхе Арреасой.",
        lang="ru",
        unga_session=74,
    )
    (meeting,) = post_mentions(row)
    assert (meeting.status, meeting.date) == ("planned", date(2019, 9, 26))


def test_on_the_nth_takes_the_month_the_post_states() -> None:
    # Modelled on the Russian mission to the UN's announcement of Lavrov's Security Council
    # meetings of 24-25 April 2023 and his meeting with the Secretary-General.
    rows = dump(
        "On 24-25 April 2023, Sergey Lavrov will chair the Security Council in New York. He "
        "is expected to meet UN Secretary-General António Guterres on the 24th."
    )
    (meeting,) = post_mentions(rows[0])
    assert (meeting.status, meeting.date) == ("planned", date(2023, 4, 24))


def test_the_body_s_weekday_dates_the_meeting_not_the_dateline() -> None:
    # Modelled on Interfax from Vientiane, 26 Jul 2024: the dateline is Friday's, the talks
    # with Wang Yi were "on Thursday evening".
    row = post(
        "Lavrov holds talks with Wang Yi in Vientiane\n26 Jul 2024 12:41\nVIENTIANE. July 26 "
        "(Interfax) - Russian Foreign Minister Sergei Lavrov met on Thursday evening with "
        "Chinese Foreign Minister Wang Yi, the ministry said.",
        kind="article",
    )
    dates = {(m.country, m.date) for m in post_mentions(row)}
    assert ("CHN", date(2024, 7, 25)) in dates
    assert ("CHN", date(2024, 7, 26)) not in dates


def test_a_post_s_date_is_its_first_dated_sentence_held_or_announced() -> None:
    # Modelled on posts of the Russian embassy in Cairo (23 Oct 2024, on the Putin - el-Sisi
    # talks in Kazan the day before) and of the MFA (13 Nov 2024, Ryabkov's meeting with
    # Brazil's ambassador about the G20 summit of 18-19 November; 13 Jul 2025, on Lavrov's
    # visit to the DPRK on 11-13 July announced the day before).
    published = datetime(2024, 10, 23, 8)
    yesterday = "Yesterday's talks in Kazan dealt with wheat. Egypt joined BRICS on January 1."
    receipt = (
        "Deputy Minister Sergey Ryabkov received the Ambassador of Brazil. They discussed "
        "the G20 summit in Rio de Janeiro on November 18-19."
    )
    visit = "Sergey Lavrov will pay an official visit to the DPRK on July 11-13."
    days = [
        row["event_date"]
        for text, when in [
            (yesterday, published),
            (receipt, datetime(2024, 11, 13, 13)),
            (visit, datetime(2025, 7, 10, 9)),
        ]
        for row in file_post_rows([RawPost("t.json", "telegram", text, published_at=when)])[0]
    ]
    assert days == [date(2024, 10, 22), None, date(2025, 7, 11)]


def test_a_post_is_dated_by_its_lead_not_by_a_later_sentence() -> None:
    # Modelled on MFA posts of 26 Sep 2018 (talks with Muallem, then "Tomorrow the Minister
    # will attend the BRICS meeting") and of 11 Oct 2023 («С.В.Лавров прибыл в Бишкек.
    # 12 октября он примет участие в заседании СМИД СНГ»), and on the Kremlin's titled posts.
    published = datetime(2023, 10, 11, 17)
    texts = [
        "Talks between Sergey Lavrov and Walid Muallem took place at the Russian Mission.\n\n"
        "Tomorrow the Minister will attend the meeting of the BRICS foreign ministers.",
        "С.В.Лавров прибыл в Бишкек. 12 октября он примет участие в заседании СМИД СНГ.",
        "Встреча С.В.Лаврова с Президентом МККК\n\n10 октября Министр и глава МККК обсудили "
        "гуманитарные вопросы.",
        "«На полях» сессии состоялась встреча С.В.Лаврова с главой МИД Пакистана.\n\n"
        "9 октября С.В.Лавров встретился с Министром иностранных дел Пакистана.",
        "Sergey Lavrov met the Foreign Minister of Pakistan.\n\nThe sides had met on 1 May.",
    ]
    rows, _ = file_post_rows(
        [RawPost("t.json", "telegram", text, published_at=published) for text in texts]
    )
    assert [row["event_date"] for row in rows] == [
        None,
        None,
        date(2023, 10, 10),
        date(2023, 10, 9),
        None,
    ]


def test_a_title_s_meeting_takes_the_day_its_body_opens_with() -> None:
    # Modelled on the Russian embassy in Washington's post of 24 Sep 2025: a title «Встреча
    # С.В.Лаврова с Президентом МККК …», then «24 сентября Министр и глава МККК обсудили …».
    rows = dump(
        "🇷🇺🇺🇳 Встреча С.В.Лаврова с Президентом Международного комитета Красного Креста "
        "М.Сполярич\n\n24 сентября Министр и глава МККК обсудили гуманитарные вопросы.\n\n"
        "#МККК #ГАООН80"
    )
    (meeting,) = post_mentions(rows[0])
    assert (meeting.org, meeting.date, meeting.date_precision) == (
        "ICRC",
        date(2025, 9, 24),
        "stated",
    )


def test_a_dateline_s_year_agrees_with_the_lead_s_weekday() -> None:
    # Modelled on Interfax, 21 Jan 2025 («Москва. 21 января. INTERFAX.RU - … Лавров во
    # вторник приступил к переговорам с … Мирзояном»), an article that also recalls 2024.
    text = (
        "Лавров и Мирзоян начали переговоры\nМосква. 21 января. INTERFAX.RU - Министр "
        "иностранных дел РФ Сергей Лавров во вторник приступил к переговорам с армянским "
        "коллегой Араратом Мирзояном.\nОтношения осложнились после того, как в феврале 2024 "
        "года Ереван заморозил участие в ОДКБ."
    )
    rows, _ = file_post_rows([RawPost("a.txt", "article", text)])
    assert rows[0]["event_date"] == date(2025, 1, 21)
    meetings = post_mentions(rows[0])
    assert [(m.country, m.date) for m in meetings] == [("ARM", date(2025, 1, 21))]
