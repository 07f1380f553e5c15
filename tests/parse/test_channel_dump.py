"""Segmenting plain-text channel dumps into posts."""

from __future__ import annotations

from pathlib import Path

import pytest

from sidelines.parse.channel_dump import forwarded_name, leading_marker, segment_channel_dump
from tests.conftest import RAW

FIXTURES = Path(__file__).parents[1] / "fixtures"

HEADER = "Посольство России в Египте\nОфициальный канал.\n"


def spans(text: str) -> list[tuple[int, int, str | None]]:
    return [
        (p.line_start, p.line_end, p.forwarded_from)
        for p in segment_channel_dump(text, "f.txt").posts
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "🇷🇺🇪🇬 Встреча.\n\nТекст.\n#РоссияЕгипет\nСледующий пост.",
            [(3, 6, None), (7, 7, None)],
            id="hashtag-line-closes-post",
        ),
        pytest.param(
            "🇷🇺🇪🇬 Встреча.\n🇷🇺🇪🇬 Meeting.", [(3, 3, None), (4, 4, None)], id="flag-pair-starts-post"
        ),
        pytest.param(
            "Первый пост.\nForwarded from Russian MFA 🇷🇺\n🇷🇺🇪🇬 Meeting.\n\n#RussiaEgypt",
            [(3, 3, None), (4, 7, "Russian MFA")],
            id="forwarded-post",
        ),
        pytest.param("Абзац один.\n\n\nАбзац два.\n", [(3, 6, None)], id="blank-lines-inside"),
        pytest.param(
            "🇷🇺🇪🇬 Заголовок\n\n\n🇷🇺 Россия и 🇪🇬 Египет.", [(3, 6, None)], id="single-flag-is-no-cue"
        ),
    ],
)
def test_segmentation(body: str, expected: list[tuple[int, int, str | None]]) -> None:
    assert spans(HEADER + body) == expected


def test_header_and_text_exact() -> None:
    dump = segment_channel_dump(HEADER + "Forwarded from MFA\n\nHello\n\n#Tag\n\n", "f.txt")
    assert dump.channel == "Посольство России в Египте"
    assert dump.description == "Официальный канал."
    (post,) = dump.posts
    assert post.text == "Hello\n\n#Tag"
    assert post.channel == dump.channel
    assert dump.unassigned == []


def test_dangling_forward_is_reported() -> None:
    dump = segment_channel_dump(HEADER + "Post.\nForwarded from MFA", "f.txt")
    assert [p.text for p in dump.posts] == ["Post."]
    assert dump.unassigned == [4]


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("Russian MFA 🇷🇺", "Russian MFA"),
        ("MFA Russia 🇷🇺 🇺🇳", "MFA Russia"),
        ("МИД России", "МИД России"),
    ],
)
def test_forwarded_name(raw: str, name: str) -> None:
    assert forwarded_name(raw) == name


# Posts below are written for these tests, modelled on agency reports of Lavrov's meetings:
# Trend/TASS "Лавров проводит в ООН переговоры с главой МИД Турции" (novostiaze.com/news/68537),
# BELTA/TASS on Lavrov and Szijjarto at the 80th General Assembly (news.mail.ru/politics/68040290),
# News.Az "Lavrov meets Turkish counterpart" in Singapore
# (news.az/news/lavrov-meets-turkish-counterpart).
TURKEY_RU = "🇷🇺🇹🇷 В штаб-квартире ООН С.В.Лавров побеседовал с главой МИД Турции Х.Фиданом."
HUNGARY_RU = "🗓 24 сентября С.В.Лавров встретился с министром иностранных дел Венгрии П.Сийярто."
SINGAPORE_EN = "⚡️ In Singapore, Sergey Lavrov sat down with his Turkish counterpart for talks."


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            f"{TURKEY_RU}\nПодробнее: https://mid.ru\n{HUNGARY_RU}\n\n#РоссияВенгрия",
            [(3, 4, None), (5, 7, None)],
            id="emoji-marker-right-after-text-opens-a-post",
        ),
        pytest.param(
            f"{SINGAPORE_EN}\n⚡️ Lavrov and Fidan shook hands before the talks.\n{HUNGARY_RU}",
            [(3, 3, None), (4, 4, None), (5, 5, None)],
            id="one-line-live-reports-one-after-another",
        ),
        pytest.param(
            f"{HUNGARY_RU}\n\n▪️ Венгрия\n▪️ Словакия\n▪️ Турция\n\n#ГАООН80",
            [(3, 9, None)],
            id="list-items-with-one-marker-stay",
        ),
        pytest.param(
            f"{TURKEY_RU}\n\n{HUNGARY_RU}\n\n#РоссияВенгрия",
            [(3, 7, None)],
            id="emoji-paragraph-after-a-blank-line-stays",
        ),
        pytest.param(
            f"{TURKEY_RU}\nСтороны обсудили 🗓 график встреч и ⚡️ срочные вопросы.\n#РоссияТурция",
            [(3, 5, None)],
            id="emoji-mid-line-is-no-cue",
        ),
        pytest.param(
            f"{TURKEY_RU}\nОбсуждены:\n🔹 торговля;\n🔹 энергетика;\n🔸 туризм.\n#РоссияТурция",
            [(3, 8, None)],
            id="list-items-after-a-colon-stay",
        ),
        pytest.param(
            f"{TURKEY_RU}\n#РоссияТурция\nMore to come!\n{SINGAPORE_EN}\n#RussiaTurkey",
            [(3, 5, None), (6, 7, None)],
            id="closing-remark-after-hashtags-en",
        ),
        pytest.param(
            f"{TURKEY_RU}\n\n#РоссияТурция\n\nПодробнее — на сайте\n\nForwarded from MFA Russia\n"
            f"{SINGAPORE_EN}",
            [(3, 7, None), (9, 10, "MFA Russia")],
            id="closing-remark-after-blank-lines-ru",
        ),
        pytest.param(
            f"{TURKEY_RU}\n#РоссияТурция\nЗаявление МИД России\n\nТекст заявления.\n#МИДРоссии",
            [(3, 4, None), (5, 8, None)],
            id="short-headline-of-the-next-post-is-no-remark",
        ),
        pytest.param(
            f"{TURKEY_RU}\n#РоссияТурция\nПосол принял делегацию.\n#РоссияЕгипет",
            [(3, 4, None), (5, 6, None)],
            id="short-post-closed-by-its-own-hashtags",
        ),
    ],
)
def test_emoji_markers_and_closing_remarks(
    body: str, expected: list[tuple[int, int, str | None]]
) -> None:
    assert spans(HEADER + body) == expected


@pytest.mark.parametrize(
    ("text", "first_post_line"),
    [
        pytest.param(f"{TURKEY_RU}\n\n#РоссияТурция", 1, id="starts-with-a-flag-post"),
        pytest.param(f"Forwarded from MFA\n{SINGAPORE_EN}", 1, id="starts-with-a-forward"),
        pytest.param("Лавров встретился с Фиданом.\n#РоссияТурция", 1, id="one-line-post"),
        pytest.param(
            "Лавров встретился с Фиданом.\nОбсудили Ближний Восток.\n\n#РоссияТурция",
            1,
            id="two-line-post",
        ),
        pytest.param(("Посольство " * 13) + f"\n{TURKEY_RU}", 1, id="too-long-for-a-title"),
    ],
)
def test_a_dump_without_header_keeps_its_first_post(text: str, first_post_line: int) -> None:
    dump = segment_channel_dump(text, "f.txt")
    assert (dump.channel, dump.description, dump.header_lines) == (None, None, 0)
    assert dump.posts[0].line_start == first_post_line
    assert dump.posts[0].channel is None


def test_a_title_without_description() -> None:
    dump = segment_channel_dump(f"Посольство России в Турции\n{TURKEY_RU}\n#РоссияТурция", "f")
    assert (dump.channel, dump.description, dump.header_lines) == (
        "Посольство России в Турции",
        None,
        1,
    )
    assert [(p.line_start, p.line_end) for p in dump.posts] == [(2, 3)]


@pytest.mark.parametrize(
    ("line", "marker"),
    [
        pytest.param("🗓 21 сентября", "🗓", id="calendar-unqualified"),
        pytest.param("🗓️ 21 сентября", "🗓️", id="calendar-qualified"),
        pytest.param("  📍 Нью-Йорк", "📍", id="pin-indented"),
        pytest.param("❗️ Важно", "❗", id="exclamation"),
        pytest.param("🎙 Выступление", "🎙", id="microphone"),
        pytest.param("Текст 🗓", None, id="mid-line"),
        pytest.param("🇷🇺 Россия", None, id="single-flag"),
        pytest.param("© ТАСС", None, id="text-symbol"),
        pytest.param("", None, id="empty"),
    ],
)
def test_leading_marker(line: str, marker: str | None) -> None:
    assert leading_marker(line) == marker


@pytest.mark.parametrize(
    ("path", "spans_before"),
    [
        pytest.param(
            RAW / "004_bf021fbb2bba3174.txt",
            [
                *[(3, 11), (12, 15), (16, 22), (23, 26), (27, 36), (37, 40), (41, 41)],
                *[(42, 43), (45, 51), (52, 58), (59, 74), (76, 91), (93, 102), (103, 108)],
            ],
            id="seed-004",
        ),
        pytest.param(
            FIXTURES / "meetings" / "010_channel_unga79.txt",
            [
                *[(3, 7), (8, 11), (12, 16), (17, 19), (20, 22), (23, 23), (24, 27)],
                *[(28, 30), (31, 33), (34, 36)],
            ],
            id="fixture-010",
        ),
        pytest.param(FIXTURES / "meetings" / "012_channel_saudi.txt", [(3, 7)], id="fixture-012"),
    ],
)
def test_existing_dumps_segment_as_before(path: Path, spans_before: list[tuple[int, int]]) -> None:
    """The emoji-marker and closing-remark rules leave these dumps as the flag-pair rules cut
    them (spans recorded from the segmentation before those rules)."""
    dump = segment_channel_dump(path.read_text(encoding="utf-8"), path.name)
    assert [(p.line_start, p.line_end) for p in dump.posts] == spans_before
    assert (dump.header_lines, dump.unassigned) == (2, [])
