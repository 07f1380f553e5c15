"""Russian reports of meetings: the phrasings issue 12's Russian evaluation files missed.

Every text is written in our own words; the comment above each case names the public report
its shape is modelled on.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest

from sidelines.extract.city_names import english_city
from sidelines.extract.meetings import meeting_rows
from sidelines.extract.mention_rows import Mention
from sidelines.extract.mentions import post_mentions
from tests.extract import rows


def ru(text: str, **kw: Any) -> dict[str, Any]:
    """A Russian post published on 10 Dec 2024."""
    return rows.ru(text, **({"published_at": date(2024, 12, 10)} | kw))


def seen(found: list[Mention]) -> list[tuple[Any, ...]]:
    return [(m.country or m.org, m.status, m.counterpart_role, m.location) for m in found]


CASES = [
    # news.myseldon.com, Dec 2024, Peskov: «Владимир Путин принял в Кремле министра обороны
    # Индии …»: the place comes between «принял» and the guest.
    pytest.param(
        ru("Президент России В.В.Путин принял в Кремле министра обороны Бразилии Ж.Мусиу."),
        [("BRA", "held", "министр обороны Бразилии", "Moscow")],
        id="received-in-the-kremlin",
    ),
    # regnum.ru/1661296, «Богданов принял посла Франции по его просьбе»: the ministry's
    # building named before the ambassador.
    pytest.param(
        ru(
            "Заместитель Министра иностранных дел М.Л.Богданов принял на Смоленской площади "
            "Посла Омана Ю.Аль-Араими."
        ),
        [("OMN", "held", "Посол Омана", None)],
        id="received-at-smolenskaya-square",
    ),
    # buzzinside.ru (RIA/TASS), 25 Sep 2024, «Лавров встречается с генсеком ЛАГ»: the
    # minister's working schedule lists a meeting to come.
    pytest.param(
        ru(
            "В рабочем графике С.В.Лаврова на 27 сентября значится встреча с Министром "
            "иностранных дел Малайзии М.Хасаном."
        ),
        [("MYS", "planned", "Министр иностранных дел Малайзии", None)],
        id="in-the-working-schedule",
    ),
    # interfax.ru/993126, 17 Nov 2024: a meeting the delegation is still arranging.
    pytest.param(
        ru(
            "Кроме того, для С.В.Лаврова прорабатывается встреча с генеральным секретарем ООН "
            "А.Гутеррешем."
        ),
        [("UN", "planned", "генеральный секретарь ООН", None)],
        id="being-arranged",
    ),
    # aif.ru, 20 May 2024, «Лавров и глава МИД КНР Ван И встретились в Астане»: a brief talk
    # with an organisation's head reported as «пообщался».
    pytest.param(
        ru("С.В.Лавров также пообщался в Астане с генеральным секретарем ШОС Чжан Мином."),
        [("SCO", "held", "генеральный секретарь ШОС", "Astana")],
        id="had-a-word-with",
    ),
    # estate-one.biz (Interfax/MFA), 28 Sep 2024: «Лавров провел в Нью-Йорке встречу с …
    # председателем 79-й сессии Генассамблеи ООН Филемоном Янгом»: the President of the
    # Assembly heads a UN body, and an ordinal («79-й») is no date that ends the words.
    pytest.param(
        ru(
            "Постоянный представитель России при ООН В.А.Небензя встретился с Председателем "
            "80-й сессии Генеральной Ассамблеи ООН Ф.Янгом."
        ),
        [("UN", "held", "Председатель 80-й сессии Генеральной Ассамблеи ООН", None)],
        id="president-of-the-general-assembly",
    ),
    # walrusbay/MFA, Jan 2024, «Встреча С.В.Лаврова с Генеральным секретарем ШОС …»: an
    # organisation's full name holds «о», which is no topic.
    pytest.param(
        ru(
            "Состоялась встреча С.В.Лаврова с Генеральным секретарём Организации по "
            "безопасности и сотрудничеству в Европе Ф.Синирлиоглу."
        ),
        [
            (
                "OSCE",
                "held",
                "Генеральный секретарь Организации по безопасности и сотрудничеству в Европе",
                None,
            )
        ],
        id="organisation-full-name-with-o",
    ),
    # ntv.ru/novosti/1835718 (Kommersant's style): Germany as «ФРГ».
    pytest.param(
        ru("С.В.Лавров обменялся мнениями с министром иностранных дел ФРГ Х.Маасом."),
        [("DEU", "held", "министр иностранных дел ФРГ", None)],
        id="frg-is-germany",
    ),
    # tass.ru/politika/22207795, 23 Oct 2024: the President receives the head of the New
    # Development Bank.
    pytest.param(
        ru("Вечером В.В.Путин примет председателя Нового банка развития Д.Руссефф."),
        [("NDB", "planned", "председатель Нового банка развития", None)],
        id="new-development-bank",
    ),
    # rusnewshub.ru, 23 Sep 2024, «Лавров проведет встречи на высокой неделе ГА ООН»: leading
    # the delegation at the session is no meeting with the UN; the BRICS meeting is one.
    pytest.param(
        ru(
            "С.В.Лавров возглавит российскую делегацию на неделе высокого уровня 79-й сессии "
            "ГА ООН. Он также примет участие во встрече министров иностранных дел БРИКС."
        ),
        [("BRICS", "planned", None, None)],
        id="the-assembly-session-is-no-meeting",
    ),
    # MFA press release on Russian-Vietnamese consultations in Hanoi (modelled in the eval
    # corpus on vietnam.vnanet.vn, Feb 2025): the other state only in a compound adjective.
    pytest.param(
        ru(
            "В Ханое прошёл очередной раунд российско-лаосских политических консультаций. "
            "Российскую делегацию возглавил А.Ю.Руденко."
        ),
        [("LAO", "held", None, "Hanoi")],
        id="russian-x-compound-adjective",
    ),
    # TASS, Sep 2023, on the Russia–GCC ministerial in New York: «Россия – ССАГПЗ» names both
    # sides, with no official named.
    pytest.param(
        ru("В Нью-Йорке прошла министерская встреча в формате Россия – ССАГПЗ."),
        [("GCC", "held", None, "New York")],
        id="russia-dash-organisation",
    ),
]


@pytest.mark.parametrize(("row", "expected"), CASES)
def test_russian_phrasings(row: dict[str, Any], expected: list[tuple[Any, ...]]) -> None:
    assert seen(post_mentions(row)) == expected


@pytest.mark.parametrize(
    ("russian", "english"),
    [
        ("Москва", "Moscow"),  # CLDR's exemplar city of Europe/Moscow
        ("БИШКЕК", "Bishkek"),  # a dateline in capitals
        ("Казань", "Kazan"),  # no time zone is named after it: the alias table
        ("Кремль", "Moscow"),  # a venue stands for its city
        ("Вонсан", "Вонсан"),  # unknown: kept as written
        ("Geneva", "Geneva"),
    ],
)
def test_english_city(russian: str, english: str) -> None:
    assert english_city(russian) == english


def test_a_title_and_a_name_of_the_russian_side_are_one_meeting() -> None:
    # aif.ru, 20 May 2024, «Лавров и глава МИД КНР Ван И встретились в Астане»: the headline
    # names the Russian minister by office, the body by name; one meeting.
    found = post_mentions(
        ru(
            "Главы МИД России и Египта провели встречу в Астане.\n"
            "Глава МИД РФ Сергей Лавров и его египетский коллега Б.Абдель Ати встретились в "
            "столице Казахстана."
        )
    )
    assert [(m.country, m.russian_participant, m.counterpart_name) for m in found] == [
        ("EGY", "Sergey Lavrov", "Б.Абдель Ати")
    ]


def test_two_people_of_one_state_on_one_day_are_two_meetings() -> None:
    # TASS, 24 Feb 2025 (Lavrov in Ankara): talks with the foreign minister, then received by
    # the President; two posts of one channel, the same day.
    posts = [
        ru(
            "Сегодня в Анкаре С.В.Лавров провёл переговоры с Министром иностранных дел Турции "
            "Х.Фиданом.",
            post_id="a",
            published_at=datetime(2025, 2, 24, 10, 0),
        ),
        ru(
            "С.В.Лаврова также принял Президент Турции Р.Т.Эрдоган.",
            post_id="b",
            published_at=datetime(2025, 2, 24, 13, 0),
        ),
    ]
    meetings, sources = meeting_rows(posts)
    assert sorted(m["counterpart_name"] for m in meetings) == ["Р.Т.Эрдоган", "Х.Фидан"]
    assert len({m["meeting_id"] for m in meetings}) == 2
    assert sorted(s["post_id"] for s in sources) == ["a", "b"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # rg.ru, 29 Nov 2019, «Путин и Лукашенко встретятся до конца года»: after one meeting
        # the two leaders agree to meet again; the second meeting is with the same side.
        pytest.param(
            "В.В.Путин провёл в Кремле переговоры с Президентом Армении В.Хачатуряном.\n"
            "Следующую встречу лидеры условились провести в Минске.",
            [("ARM", "held"), ("ARM", "planned")],
            id="leaders-agreed-to-meet-again",
        ),
        # newsru.com, 4 Sep 2016, «Путин и Обама условились встретиться в понедельник»: the
        # flags name the other side, the sides are «министры».
        pytest.param(
            "🇷🇺🇲🇳 По итогам переговоров министры иностранных дел двух стран условились "
            "побеседовать вновь в Улан-Баторе. С.В.Лавров поблагодарил коллег.",
            [("MNG", "planned")],
            id="ministers-agreed-flags-name-the-side",
        ),
        # The same verb about trade, not a meeting: no mention.
        pytest.param(
            "🇷🇺🇲🇳 С.В.Лавров отметил, что стороны договорились о расширении торговли.",
            [],
            id="agreed-on-something-else",
        ),
    ],
)
def test_both_sides_agree_to_meet_again(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(m.country, m.status) for m in post_mentions(ru(text))] == expected


def test_meeting_again_is_with_the_same_person() -> None:
    found = post_mentions(
        ru(
            "В.В.Путин провёл в Кремле переговоры с Президентом Армении В.Хачатуряном.\n"
            "Следующую встречу лидеры условились провести в Минске."
        )
    )
    assert [(m.status, m.counterpart_name, m.russian_participant) for m in found] == [
        ("held", "В.Хачатурян", "Vladimir Putin"),
        ("planned", "В.Хачатурян", "Vladimir Putin"),
    ]


def test_a_participial_clause_names_no_other_side() -> None:
    # kommersant.ru (the eval corpus's UNGA72 article): «Лавров, возглавляющий делегацию
    # РФ на … сессии Генассамблеи ООН, прилетел …» — the UN named inside the clause about
    # the minister is no side of a meeting.
    text = (
        "Министр иностранных дел России Сергей Лавров, возглавляющий делегацию РФ на "
        "74-й сессии Генеральной ассамблеи ООН, прилетел в Нью-Йорк и сразу включился в "
        "череду переговоров."
    )
    assert post_mentions(ru(text)) == []


def test_the_head_of_the_organisation_named_before() -> None:
    # MFA, Cairo visits to the Arab League (the eval corpus's Egypt embassy file): the League
    # named first, then «Генеральный секретарь организации»; the host's flags do not make
    # him Egypt's.
    text = (
        "🇷🇺🇪🇬 В штаб-квартире Лиги арабских государств С.В.Лавров выступил перед "
        "представителями стран – членов ЛАГ, после чего встретился с Генеральным секретарём "
        "организации А.Абуль Гейтом."
    )
    assert [(m.country, m.org) for m in post_mentions(ru(text))] == [(None, "LAS")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # MFA, 28 Jul 2021, Geneva strategic stability dialogue (Ryabkov and Sherman): the
        # other side named first, of no state the words name; the flags name it.
        pytest.param(
            "🇷🇺🇺🇸 За столом переговоров — Первый заместитель Государственного секретаря "
            "У.Шерман и Заместитель Министра иностранных дел России С.А.Рябков.",
            [("USA", "held", "У.Шерман")],
            id="other-side-first-then-the-russian-one",
        ),
        # MFA, 30 Sep 2021, second round of the Geneva dialogue: the two heads of delegation
        # as a pair subject, the other's state named only by the flags.
        pytest.param(
            "🇷🇺🇺🇸 Сегодня в Женеве делегации во главе с У.Шерман и С.А.Рябковым провели "
            "второй раунд диалога по стратегической стабильности.",
            [("USA", "held", "У.Шерман")],
            id="pair-of-heads-of-delegation",
        ),
        # TASS, 11 Sep 2025 (Russia–GCC strategic dialogue in Sochi): «раунд» of a dialogue is
        # a meeting, and «Россия – ССАГПЗ» names its sides.
        pytest.param(
            "В Сочи идёт восьмой раунд стратегического диалога Россия – ССАГПЗ с участием "
            "министров иностранных дел.",
            [("GCC", "held", None)],
            id="a-round-of-a-dialogue",
        ),
    ],
)
def test_rounds_and_delegations(text: str, expected: list[tuple[Any, ...]]) -> None:
    assert [
        (m.country or m.org, m.status, m.counterpart_name) for m in post_mentions(ru(text))
    ] == expected


def test_the_city_table_holds_only_what_cldr_lacks() -> None:
    from sidelines.extract.aliases import RUSSIAN_CITIES
    from sidelines.extract.city_names import _cldr_cities

    for russian, english in RUSSIAN_CITIES.items():
        assert russian == russian.casefold(), russian
        assert russian not in _cldr_cities(), russian  # CLDR names it already
        assert english_city(russian.upper()) == english


def test_the_twenty_in_everyday_russian() -> None:
    # MFA, 25 Sep 2024, Lavrov at the G20 foreign ministers' meeting in New York: «стран
    # "двадцатки"» is the G20.
    text = "Кроме того, С.В.Лавров взял слово на встрече глав МИД стран «двадцатки»."
    assert [(m.org, m.format) for m in post_mentions(ru(text))] == [("G20", "multilateral")]
