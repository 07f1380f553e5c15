"""Segmenting plain-text channel dumps into posts."""

from __future__ import annotations

import pytest

from sidelines.parse.channel_dump import forwarded_name, segment_channel_dump

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
