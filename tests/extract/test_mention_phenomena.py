"""Meeting mentions, phenomenon by phenomenon (issue 12's checklist).

Every text is written in our own words; the comment above each case names the public report
its shape is modelled on. States are named by country (not by adjective) so that the cases
test the structure of a report, not the gazetteer.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest

from sidelines.extract.mention_rows import Mention
from sidelines.extract.mentions import post_mentions
from tests.extract.rows import post, ru


def sides(found: list[Mention]) -> list[tuple[Any, ...]]:
    return [(m.country or m.org, m.format, m.status) for m in found]


PUBLISHED = datetime(2024, 10, 23, 9, 0)

SHAPES = [
    # news-pravda.com, 22 Sep 2023, "Lavrov began a meeting with the Foreign Ministers of Iran
    # and Turkey…": a live report whose last sentence adds an earlier meeting ("Earlier, …").
    pytest.param(
        post(
            "Russian Foreign Minister Sergey Lavrov held talks with the Foreign Minister of "
            "Kenya Musalia Mudavadi. Earlier, Lavrov met with the Foreign Minister of Hungary "
            "Peter Szijjarto. Before that, he had talks with the Secretary-General of the "
            "United Nations Antonio Guterres."
        ),
        [("KEN", "bilateral", "held"), ("HUN", "bilateral", "held"), ("UN", "bilateral", "held")],
        id="every-sentence-earlier-before-that",
    ),
    # news.mail.ru (BELTA), 24 Sep 2025: «В среду российский министр провел переговоры с
    # госсекретарем США …, главой МИД Словакии …, президентом МККК …» — one meeting each.
    pytest.param(
        ru(
            "Министр иностранных дел России С.В.Лавров уже успел встретиться с главой МИД "
            "Бразилии М.Виейрой, министром иностранных дел Индии С.Джайшанкаром и "
            "президентом МККК М.Сполярич."
        ),
        [("BRA", "bilateral", "held"), ("IND", "bilateral", "held"), ("ICRC", "bilateral", "held")],
        id="one-meeting-per-listed-counterpart",
    ),
    # ilna.ir, 11 Jun 2024, "Lavrov and Fidan hold talk on the sidelines of the BRICS meeting":
    # the two sides joined by "and", no "with".
    pytest.param(
        post(
            "Sergey Lavrov and the Minister of Foreign Affairs of Venezuela Yvan Gil held a "
            "meeting in Caracas."
        ),
        [("VEN", "bilateral", "held")],
        id="pair-without-with",
    ),
    # ntv.ru, Jul 2017: «Встреча глав внешнеполитических ведомств России и США …»; a nominal
    # «встреча A и B» with the Russian side second.
    pytest.param(
        ru(
            "Состоялась встреча Генерального секретаря ООН А.Гутерреша и Министра "
            "иностранных дел России С.В.Лаврова."
        ),
        [("UN", "bilateral", "held")],
        id="nominal-pair-russian-second",
    ),
    # tass.com, 7 Feb 2020 (Lavrov and Rodriguez): "Talks between …".
    pytest.param(
        post(
            "Talks between the Vice President of Venezuela Delcy Rodriguez and Sergey Lavrov "
            "took place at the Foreign Ministry Mansion."
        ),
        [("VEN", "bilateral", "held")],
        id="talks-between",
    ),
    # mid.ru style «С.В.Лавров принял Посла …» (lenta.ru, 11 May 2022, on a deputy minister
    # receiving an ambassador): receiving is meeting.
    pytest.param(
        ru("С.В.Лавров принял Посла Египта в Москве Х.Фахми."),
        [("EGY", "bilateral", "held")],
        id="russian-side-receives",
    ),
    # aif.ru on Lavrov in Colombo: «Также Лаврова принял президент республики …» — the
    # foreign side receives, the Russian side is the object.
    pytest.param(
        ru("С.В.Лаврова принял Президент Вьетнама То Лам."),
        [("VNM", "bilateral", "held")],
        id="foreign-side-receives",
    ),
    pytest.param(
        post("Lavrov was received by the President of Laos Thongloun Sisoulith in Vientiane."),
        [("LAO", "bilateral", "held")],
        id="was-received-by",
    ),
    # news-pravda.com, 17 Jul 2024, "Lavrov began talks with the Lebanese Foreign Minister":
    # a live report in the present tense is held, not planned.
    pytest.param(
        post(
            "Sergey Lavrov is holding talks with the Foreign Minister of Lebanon "
            "Abdallah Bou Habib."
        ),
        [("LBN", "bilateral", "held")],
        id="is-holding-talks",
    ),
    # mid.ru style participle opening a sentence about what was said at the meeting.
    pytest.param(
        ru(
            "Встретившись с Министром иностранных дел Индонезии Сугионо, С.В.Лавров отметил "
            "рост товарооборота."
        ),
        [("IDN", "bilateral", "held")],
        id="participle",
    ),
    # mid.ru «О политических консультациях…»: the foreign deputy minister named first, the
    # Russian one by initials.
    pytest.param(
        ru(
            "Заместитель Министра иностранных дел Вьетнама Нгуен Минь Ву и заместитель "
            "Министра иностранных дел России А.Ю.Руденко провели политические консультации."
        ),
        [("VNM", "bilateral", "held")],
        id="consultations-foreign-deputy-first",
    ),
    # A call in one sentence does not make the post's meeting a call (the mode is read per
    # sentence); the call is a contact of its own (`test_mentions.test_contact_mode`).
    pytest.param(
        post(
            "Sergey Lavrov met with the Foreign Minister of Peru. Later he had a telephone "
            "conversation with the Foreign Minister of Chile."
        ),
        [("PER", "bilateral", "held"), ("CHL", "bilateral", "held")],
        id="call-is-its-own-contact",
    ),
    # tass.com, "Putin then received … with whom he had spoken by telephone": a call in a
    # relative clause is another event.
    pytest.param(
        post(
            "Putin then received the President of South Africa Cyril Ramaphosa, with whom he "
            "had spoken by telephone twice this year."
        ),
        [("ZAF", "bilateral", "held")],
        id="call-in-relative-clause",
    ),
    # A speech, a wreath, a briefing: no counterpart, no meeting.
    pytest.param(
        post("Sergey Lavrov addressed the General Assembly and laid a wreath."), [], id="speech"
    ),
    pytest.param(
        post("Lavrov said that talks with Ukraine are impossible."), [], id="denied-meeting"
    ),
]


@pytest.mark.parametrize(("row", "expected"), SHAPES)
def test_who_meets_whom(row: dict[str, Any], expected: list[tuple[Any, ...]]) -> None:
    assert sides(post_mentions(row)) == expected


PLANNED = [
    # rg.ru, 11 Jun 2020: «планируются переговоры с министром иностранных дел …».
    pytest.param(
        ru(
            "На 24 сентября в графике Министра значится встреча с Министром иностранных дел Турции."
        ),
        [("TUR", "planned")],
        id="v-grafike-znachitsya",
    ),
    # expertsouth.ru (May 2021): «На среду у Сергея Лаврова запланирована встреча с …».
    pytest.param(
        ru("У С.В.Лаврова запланирована встреча с Министром иностранных дел Мальты."),
        [("MLT", "planned")],
        id="zaplanirovana",
    ),
    # interfax.ru, 31 May 2018: «2 июня запланированы его переговоры с министром …»; talks
    # «пройдут» on a given day.
    pytest.param(
        ru("Переговоры С.В.Лаврова с Министром иностранных дел Сербии пройдут 23 августа."),
        [("SRB", "planned")],
        id="proydut",
    ),
    # tass, Kazan summit: «затем намечены беседы с …».
    pytest.param(
        ru("Затем у Президента России намечены беседы с Премьер-министром Эфиопии."),
        [("ETH", "planned")],
        id="nameceny-besedy",
    ),
    # news-pravda.com, 19 Sep 2025, "Lavrov and Rubio to Meet on UNGA Sidelines".
    pytest.param(
        post(
            "Sergey Lavrov and the Secretary of State of the United States Marco Rubio are "
            "scheduled to meet in New York."
        ),
        [("USA", "planned")],
        id="are-scheduled-to-meet",
    ),
    # interfax.com, "Lavrov expected at Council of Europe…": "is expected to".
    pytest.param(
        post("Lavrov is expected to meet the Foreign Minister of Thailand on Saturday."),
        [("THA", "planned")],
        id="is-expected-to-meet",
    ),
    # Interfax, Vientiane 2024: "He intends to meet his … counterpart on the margins".
    pytest.param(
        post("The minister intends to meet the Foreign Minister of Thailand on the margins."),
        [("THA", "planned")],
        id="intends-subject-is-the-minister",
    ),
    # RIA, Kazan 2024: "Putin and … Prime Minister … are to sit down for talks later".
    pytest.param(
        post(
            "Vladimir Putin and the Prime Minister of Vietnam Pham Minh Chinh are to sit down "
            "for talks later in the day."
        ),
        [("VNM", "planned")],
        id="are-to-sit-down",
    ),
    # urdupoint (Sputnik), 15 Apr 2021: Zakharova announcing talks; one planned meeting per
    # country named.
    pytest.param(
        post(
            "On the sidelines, Sergey Lavrov will hold talks with counterparts from Egypt, "
            "Syria and Slovakia, Maria Zakharova said."
        ),
        [("EGY", "planned"), ("SYR", "planned"), ("SVK", "planned")],
        id="counterparts-from-three-states",
    ),
    # Reuters/Straits Times, 29 Nov 2023 (OSCE, Skopje): talks with named counterparts and a
    # gathering to attend in one sentence: the talks bilateral, the gathering multilateral.
    pytest.param(
        post(
            "The minister is expected to meet the President of Cyprus Nikos Christodoulides "
            "and to attend a meeting of the CSTO foreign ministers."
        ),
        [("CYP", "planned"), ("CSTO", "planned")],
        id="talks-and-a-gathering",
    ),
    # The Moscow Times, OSCE 2023: "Lavrov is expected to attend the meeting of foreign
    # ministers of the OSCE": a gathering the official will attend is a planned multilateral.
    pytest.param(
        post("Sergey Lavrov will attend the SCO summit in Astana."),
        [("SCO", "planned")],
        id="summit-to-attend",
    ),
]


@pytest.mark.parametrize(("row", "expected"), PLANNED)
def test_planned_meetings(row: dict[str, Any], expected: list[tuple[str, str]]) -> None:
    assert [(m.country or m.org, m.status) for m in post_mentions(row)] == expected


DATES = [
    # ria.ru dateline style and a relative day: «накануне» is the day before publication.
    pytest.param(
        ru(
            "Накануне С.В.Лавров встретился с Министром иностранных дел Египта.",
            published_at=PUBLISHED,
        ),
        (date(2024, 10, 22), "inferred"),
        id="nakanune",
    ),
    pytest.param(
        ru(
            "Сегодня С.В.Лавров провёл переговоры с Министром иностранных дел Египта.",
            published_at=PUBLISHED,
        ),
        (date(2024, 10, 23), "published"),
        id="segodnya",
    ),
    pytest.param(
        post("Yesterday Lavrov met the Foreign Minister of Egypt.", published_at=PUBLISHED),
        (date(2024, 10, 22), "inferred"),
        id="yesterday",
    ),
    # Interfax, Vientiane 2024: "met on Thursday evening with …".
    pytest.param(
        post(
            "Lavrov met on Thursday evening with the Foreign Minister of China.",
            published_at=PUBLISHED,
        ),
        (date(2024, 10, 17), "inferred"),
        id="thursday-evening",
    ),
    pytest.param(
        post("Lavrov met the Foreign Minister of Egypt on the 22nd.", published_at=PUBLISHED),
        (date(2024, 10, 22), "stated"),
        id="on-the-22nd",
    ),
    pytest.param(
        ru(
            "Двадцать второго сентября 2023 года С.В.Лавров встретился с Министром "
            "иностранных дел Египта."
        ),
        (date(2023, 9, 22), "stated"),
        id="day-in-words",
    ),
    pytest.param(
        ru("23 сен. С.В.Лавров встретился с Министром иностранных дел Египта.", unga_session=78),
        (date(2023, 9, 23), "stated"),
        id="abbreviated-month",
    ),
    pytest.param(
        ru("01.05.2017 С.В.Лавров встретился с Министром иностранных дел Египта."),
        (date(2017, 5, 1), "stated"),
        id="numeric-date",
    ),
    pytest.param(
        post("On Sept. 23, 2024 Lavrov met the Foreign Minister of Egypt."),
        (date(2024, 9, 23), "stated"),
        id="sept-abbreviation",
    ),
    pytest.param(
        ru("20–21 мая 2024 года С.В.Лавров провёл переговоры с Министром иностранных дел Египта."),
        (date(2024, 5, 20), "stated"),
        id="range-opens-on-first-day",
    ),
    # tass.com datelines: "KAZAN, October 24. /TASS/." — the day of an undated sentence.
    pytest.param(
        post(
            "KAZAN, October 24. /TASS/. Vladimir Putin held talks with the President of Egypt.",
            published_at=datetime(2024, 10, 24, 20, 0),
        ),
        (date(2024, 10, 24), "stated"),
        id="dateline-en",
    ),
    # interfax.ru: «Москва. 12 июля. INTERFAX.RU - …».
    pytest.param(
        ru(
            "Москва. 12 июля. INTERFAX.RU - С.В.Лавров провёл переговоры с Министром "
            "иностранных дел Египта.",
            published_at=datetime(2024, 7, 13, 8, 0),
        ),
        (date(2024, 7, 12), "stated"),
        id="dateline-ru",
    ),
    # RIA Novosti, 23 Oct 2024 ("15:47 23.10.2024" under the headline): an article's time
    # stamp dates "on Thursday" in an announcement.
    pytest.param(
        post(
            "Putin's Thursday in Kazan\n15:47 23.10.2024\nKAZAN, October 23 (RIA Novosti) - "
            "Vladimir Putin is expected to meet the President of Bolivia on Thursday.",
            kind="article",
        ),
        (date(2024, 10, 24), "inferred"),
        id="article-time-stamp",
    ),
    # A date in a neighbouring sentence about an arrival is not the meeting's date.
    pytest.param(
        post(
            "Lavrov arrived in Kazan on October 21. He held talks with the Foreign Minister "
            "of Egypt.",
            published_at=PUBLISHED,
        ),
        (date(2024, 10, 23), "published"),
        id="arrival-date-is-not-the-meeting-date",
    ),
]


@pytest.mark.parametrize(("row", "expected"), DATES)
def test_a_sentence_dates_its_own_meeting(
    row: dict[str, Any], expected: tuple[date | None, str]
) -> None:
    found = post_mentions(row)
    assert [(m.date, m.date_precision) for m in found] == [expected]


PLACES = [
    pytest.param(
        post("Lavrov met the Foreign Minister of Egypt in Kazan."), "Kazan", None, id="en"
    ),
    pytest.param(
        ru("С.В.Лавров встретился с Министром иностранных дел Египта в Казани."),
        "Kazan",  # the locative read back to «Казань», written in English as every place
        None,
        id="ru-locative-to-nominative",
    ),
    pytest.param(
        post("Lavrov met the Foreign Minister of Brazil in Rio."), "Rio de Janeiro", None, id="rio"
    ),
    # ru.rt / interfax on meetings at the St Petersburg forum: the event is not a place.
    pytest.param(
        post(
            "Lavrov met the Foreign Minister of Serbia at the St Petersburg International "
            "Economic Forum."
        ),
        None,
        None,
        id="event-named-after-a-city",
    ),
    # A post tagged with the session that reports a meeting in Moscow: no session, not New York.
    pytest.param(
        post("Lavrov met the Foreign Minister of Egypt in Moscow. #UNGA79", unga_session=79),
        "Moscow",
        None,
        id="session-only-at-the-assembly",
    ),
    pytest.param(
        post("Lavrov met the Foreign Minister of Egypt. #UNGA79", unga_session=79),
        "New York",
        79,
        id="assembly-is-new-york",
    ),
]


@pytest.mark.parametrize(("row", "place", "session"), PLACES)
def test_places(row: dict[str, Any], place: str | None, session: int | None) -> None:
    (found,) = post_mentions(row)
    assert (found.location, found.unga_session) == (place, session)


def test_headline_and_body_are_one_meeting() -> None:
    """A headline naming the meeting one way and the body another give one mention with
    the body's name (modelled on novostiaze.com: «Лавров проводит в ООН переговоры с главой
    МИД Турции» over a body naming Хакан Фидан)."""
    found = post_mentions(
        ru(
            "Лавров провёл переговоры с главой МИД Турции\n"
            "Министр иностранных дел России С.В.Лавров провёл переговоры с Министром "
            "иностранных дел Турции Х.Фиданом."
        )
    )
    assert [(m.country, m.counterpart_name) for m in found] == [("TUR", "Х.Фидан")]


def test_two_counterparts_of_one_state_in_one_post() -> None:
    """A deputy prime minister and a foreign minister of the same state are two meetings."""
    found = post_mentions(
        post(
            "Lavrov met the Deputy Prime Minister of Iraq Fuad Hussein. Later he met the "
            "Prime Minister of Iraq Mohammed Shia al-Sudani."
        )
    )
    assert [(m.country, m.counterpart_name) for m in found] == [
        ("IRQ", "Fuad Hussein"),
        ("IRQ", "Mohammed Shia al-Sudani"),
    ]


# Modelled on IANS/Business Standard, "US NSA set to meet Putin in Kremlin" (2018-06-27):
# the spokesman says the President "will receive" the visitor — receiving announced in the
# bare form of the verb ("is to receive", "will host", "will welcome") is a planned meeting.
@pytest.mark.parametrize(
    "text",
    [
        "Tomorrow the President is to receive the Prime Minister of Malaysia in the Kremlin.",
        "Sergey Lavrov will host the Foreign Minister of Peru in Moscow next week.",
        "Next Tuesday Vladimir Putin will welcome the President of Angola to the Kremlin.",
    ],
)
def test_receiving_to_come_is_a_planned_meeting(text: str) -> None:
    found = post_mentions(post(text, published_at=PUBLISHED))
    assert [(m.status, m.format) for m in found] == [("planned", "bilateral")]
    assert found[0].country in {"MYS", "PER", "AGO"}


def test_receive_without_a_person_is_no_meeting() -> None:
    # "to receive a letter", "welcome the decision": no person received
    assert post_mentions(post("Sergey Lavrov will receive a letter from the committee.")) == []


# Modelled on news.az, "Putin hails close ties between Russia, Iran in first meeting with
# Pezeshkian" (2024-10-11), as recalled in Kazan reports: a clause after a semicolon tells
# of another, earlier meeting, and its date and city are not the reported talks' own.
def test_a_clause_after_a_semicolon_keeps_its_date_and_place() -> None:
    text = (
        "On Wednesday, Vladimir Putin held talks with the President of Iran in Kazan; "
        "the two leaders first met in Ashgabat on October 11."
    )
    found = post_mentions(post(text, published_at=PUBLISHED))  # a Wednesday
    assert [(m.country, m.status, m.date, m.location) for m in found] == [
        ("IRN", "held", date(2024, 10, 23), "Kazan")
    ]


# Modelled on APA, «В Нью-Йорке начались переговоры Лаврова с Гутеррешем» (2024-01-23) and
# the ministry's reports of talks held "at the UN Headquarters" / «в Постпредстве при ООН»:
# with a pair as the subject and no "with", the organisation of the venue after the cue
# is where they met, not whom they met.
@pytest.mark.parametrize(
    ("row", "country"),
    [
        (
            post(
                "Sergey Lavrov and the Foreign Minister of Chile are meeting at the UN "
                "Headquarters.",
                published_at=PUBLISHED,
            ),
            "CHL",
        ),
        (
            ru(
                "С.В.Лавров и Министр иностранных дел Перу провели встречу в российском "
                "Постпредстве при ООН.",
                published_at=PUBLISHED,
            ),
            "PER",
        ),
    ],
)
def test_a_venue_after_the_cue_is_no_side(row: dict[str, Any], country: str) -> None:
    found = post_mentions(row)
    assert [(m.country, m.org, m.format) for m in found] == [(country, None, "bilateral")]


# Modelled on the embassy in Brazil's reports of the ambassador meeting a state governor:
# a side whose state is not named takes the post's flag, and its name comes from the
# words after «с», not from the place after the cue («встречу в Рио с …»).
def test_a_place_after_the_cue_leaves_the_name_after_with() -> None:
    text = (
        "🇷🇺🇧🇷 Посол России в Бразилии провёл встречу в Сан-Паулу с Губернатором штата "
        "Сан-Паулу Т.Фрейтасом."
    )
    found = post_mentions(ru(text, published_at=PUBLISHED))
    assert [(m.country, m.counterpart_name) for m in found] == [("BRA", "Т.Фрейтас")]


# Modelled on Rambler/TASS, «Лавров встретился с главой МИД Саудовской Аравии» (Riyadh,
# 2024-09-09) and Zawya/SPA's report of the two ministers meeting in Moscow (2023-07-11): a
# pair subject whose Russian member is a title, not a name ("the Russian minister",
# «глава российского МИД»), and whose other member is named before the verb.
@pytest.mark.parametrize(
    ("row", "country", "role"),
    [
        (
            post(
                "Sergey Lavrov arrived in Riyadh on Sunday. Ahead of the session, the Russian "
                "minister and the Foreign Minister of Oman had a separate conversation.",
                published_at=PUBLISHED,
            ),
            "OMN",
            "Foreign Minister of Oman",
        ),
        (
            ru(
                "С.В.Лавров прибыл в Эр-Рияд. Перед заседанием глава российского МИД и "
                "министр иностранных дел Омана провели отдельную беседу.",
                published_at=PUBLISHED,
            ),
            "OMN",
            "министр иностранных дел Омана",
        ),
    ],
)
def test_a_russian_title_in_a_pair_subject(row: dict[str, Any], country: str, role: str) -> None:
    found = post_mentions(row)
    assert [(m.country, m.status, m.counterpart_role) for m in found] == [(country, "held", role)]


# Modelled on buzzinside/Interfax, «Лавров встречается с генсеком ЛАГ» (2024-09-25: "earlier
# he had met colleagues from China and Malta") and the ministry's UNGA schedule posts: "the
# same day" («в тот же день», "for the day") takes the day an earlier sentence states.
@pytest.mark.parametrize(
    "row",
    [
        ru(
            "24 сентября С.В.Лавров провёл беседу с Министром иностранных дел Перу. "
            "Ранее в тот же день Министр встретился с Министром иностранных дел Чили."
        ),
        post(
            "On September 24, Sergey Lavrov will speak at the Security Council. Also on his "
            "schedule for the day is a meeting with the Foreign Minister of Chile."
        ),
    ],
)
def test_the_same_day_is_an_earlier_sentence_s_day(row: dict[str, Any]) -> None:
    found = {m.country: m.date for m in post_mentions(row | {"unga_session": 79})}
    assert found["CHL"] == date(2024, 9, 24)


def test_the_same_day_without_an_earlier_day_stays_undated() -> None:
    text = "Ранее в тот же день С.В.Лавров встретился с Министром иностранных дел Чили."
    assert [m.date for m in post_mentions(ru(text))] == [None]
