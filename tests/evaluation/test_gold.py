"""Gold in both formats, post segmentation and post attributes, and the seeds scored
against their own strict gold."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from sidelines.evaluation.files import load_gold, load_package
from sidelines.evaluation.gold import GoldError, PostRef, parse_gold
from sidelines.evaluation.posts import score_posts
from sidelines.evaluation.scoring import score
from tests.conftest import GOLD

# Posts modelled on the Russian MFA's channel reports of Lavrov's talks with the Foreign
# Minister of Egypt Badr Abdelatty (Kazan, BRICS summit, October 2024); our own words.
RU = "22 октября в Казани министр встретился с главой МИД Египта Б.Абдель Ати. #РоссияЕгипет"
EN = "On 22 October in Kazan the Minister met Egyptian Foreign Minister Badr Abdelatty."


def corpus_file(source: str, meetings: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {
        "source": source,
        "posts": [
            {"n": 1, "snippet": "главой МИД Египта", "lang": "ru", "forwarded_from": None,
             "hashtags": ["РоссияЕгипет"], "date": "2024-10-22"},
            {"n": 2, "snippet": "Egyptian Foreign Minister", "lang": "en",
             "forwarded_from": "MFA Russia", "hashtags": [], "date": None, "translation_of": 1},
        ],
        "meetings": meetings or [],
    }  # fmt: skip


def post(post_id: str, text: str, **extra: Any) -> dict[str, Any]:
    return {"post_id": post_id, "source_file": "sub/ru_dump.txt", "lang": "ru", "text": text,
            "forwarded_from": None, "event_date": None, "published_at": None, **extra}  # fmt: skip


def test_posts_found_alone_with_their_attributes() -> None:
    gold = parse_gold({"ru_dump.txt.json": corpus_file("ru_dump.txt")})
    posts = [
        post("a", RU, event_date="2024-10-22"),
        post("b", EN, lang="en", forwarded_from="«MFA Russia»"),
    ]
    tags = [{"post_id": "a", "position": "0", "tag": "РоссияЕгипет"}]
    result = score_posts(gold, posts, tags)
    assert {f.name: (f.hits, f.total) for f in result.figures} == {
        "posts.found": (2, 2),
        "posts.files": (1, 1),
        "posts.lang": (2, 2),
        "posts.hashtags": (2, 2),
        "posts.forwarded_from": (2, 2),
        "posts.date": (1, 1),  # post 2 gives no date: not counted
    }
    assert result.found == {PostRef("ru_dump.txt", 1): "a", PostRef("ru_dump.txt", 2): "b"}
    assert result.misses == []


def test_two_posts_merged_into_one_are_a_segmentation_miss() -> None:
    gold = parse_gold({"ru_dump.txt.json": corpus_file("ru_dump.txt")})
    result = score_posts(gold, [post("a", RU + "\n\n" + EN, event_date="2024-10-22")], [])
    figures = {f.name: (f.hits, f.total) for f in result.figures}
    assert figures["posts.found"] == (0, 2)
    assert figures["posts.files"] == (0, 1)
    assert (
        result.misses[0].line() == "posts.files: ru_dump.txt file: expected 2 posts; found 1 posts"
    )
    assert "one post with post 2" in result.misses[1].found


def test_a_file_without_gold_is_named() -> None:
    gold = parse_gold({"ru_dump.txt.json": corpus_file("ru_dump.txt")})
    posts = [
        post("a", RU, event_date="2024-10-22"),
        post("b", EN, lang="en", forwarded_from="MFA Russia"),
        post("c", "Another text.", source_file="new_dump.txt"),
    ]
    tags = [{"post_id": "a", "position": "0", "tag": "РоссияЕгипет"}]
    result = score_posts(gold, posts, tags)
    assert [m.line() for m in result.misses] == [
        "posts.files: new_dump.txt file: expected a gold file for it; found none"
    ]


def test_a_meeting_may_name_a_post_of_another_file() -> None:
    other = corpus_file("en_news.txt")
    meetings = [{"m": 1, "country": "EGY", "counterpart": "Abdelatty", "date": "2024-10-22",
                 "status": "held", "posts": [1, "en_news.txt#2"]}]  # fmt: skip
    gold = parse_gold(
        {"ru_dump.txt.json": corpus_file("ru_dump.txt", meetings), "en_news.txt.json": other}
    )
    assert gold.meetings[0].posts == (PostRef("ru_dump.txt", 1), PostRef("en_news.txt", 2))
    assert gold.meetings[0].in_person and gold.meetings[0].status == "held"


@pytest.mark.parametrize(
    ("meetings", "message"),
    [
        pytest.param(
            [{"m": 4, "country": "EGY", "posts": [1, "en_news.txt#9"]}],
            "meeting 4: post en_news.txt#9 is not annotated",
            id="unknown-post",
        ),
        pytest.param(
            [{"country": "EGY", "posts": [1]}], "meeting ?: missing or bad 'm'", id="no-number"
        ),
    ],
)
def test_bad_gold_is_named(meetings: list[dict[str, Any]], message: str) -> None:
    with pytest.raises(GoldError, match=re.escape(f"ru_dump.txt: {message}")):
        parse_gold({"ru_dump.txt.json": corpus_file("ru_dump.txt", meetings)})


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        pytest.param("country", "EGI", "is not an ISO 3166-1 alpha-3 code", id="country"),
        pytest.param("status", "done", "is not one of held, planned", id="status"),
        pytest.param("mode", "call", "is not one of in_person, phone, video", id="mode"),
        pytest.param("date", "22.10.2024", "is not YYYY-MM-DD", id="date"),
    ],
)
def test_a_bad_value_in_a_gold_meeting_is_named(field: str, value: str, message: str) -> None:
    meeting = {"m": 2, "country": "EGY", "posts": [1], field: value}
    named = f"ru_dump.txt: meeting 2: {field} '{value}' {message}"
    with pytest.raises(GoldError, match=re.escape(named)):
        parse_gold({"ru_dump.txt.json": corpus_file("ru_dump.txt", [meeting])})


def test_a_gold_meeting_without_posts_is_named() -> None:
    meeting = {"m": 2, "country": "EGY", "posts": []}
    with pytest.raises(GoldError, match=re.escape("ru_dump.txt: meeting 2: no posts report it")):
        parse_gold({"ru_dump.txt.json": corpus_file("ru_dump.txt", [meeting])})


def test_bad_gold_file_names_folder_and_file(tmp_path: Path) -> None:
    (tmp_path / "ru_dump.txt.json").write_text('{"source": "ru_dump.txt", "posts": [\n{"n": }]}')
    with pytest.raises(ValueError, match=r"ru_dump.txt.json:line 2: invalid JSON"):
        load_gold(tmp_path)
    (tmp_path / "empty").mkdir()
    with pytest.raises(ValueError, match="empty: no gold files"):
        load_gold(tmp_path / "empty")
    with pytest.raises(ValueError, match="missing: no such gold file or folder"):
        load_gold(tmp_path / "missing")


def test_seeds_format_with_translations_and_optional_meetings() -> None:
    seeds = {
        "sources": {
            "dump.txt": {"translations": [[1, 2]], "posts": corpus_file("dump.txt")["posts"]},
        },
        "meetings": [
            {"m": 1, "country": "EGY", "counterpart": "Abdelatty", "date": "2024-10-22",
             "format": "bilateral", "status": "held", "posts": [1, 2]},
            {"m": 2, "optional": True, "status": "planned", "posts": [2]},
        ],
    }  # fmt: skip
    gold = parse_gold({"seeds.json": seeds})
    assert [p.translation_of for p in gold.files[0].posts] == [None, 1]
    posts = [
        post("a", RU, event_date="2024-10-22", source_file="dump.txt", translation_id="b"),
        post("b", EN, lang="en", forwarded_from="MFA Russia", source_file="dump.txt"),
    ]
    meetings = [
        {"meeting_id": "m1", "counterpart_country": "EGY", "counterpart_name": "Badr Abdelatty",
         "date": "2024-10-22", "format": "bilateral", "status": "held"},
        {"meeting_id": "m2", "counterpart_org": "BRICS", "status": "planned"},
    ]  # fmt: skip
    sources = [
        {"meeting_id": "m1", "post_id": "a"},
        {"meeting_id": "m1", "post_id": "b"},
        {"meeting_id": "m2", "post_id": "b"},  # from the optional meeting's post: not counted
    ]
    tags = [{"post_id": "a", "position": "0", "tag": "РоссияЕгипет"}]
    tables = {"posts": posts, "hashtags": tags, "meetings": meetings, "meeting_sources": sources}
    card = score(gold, tables)
    assert card.misses == []
    assert card.corpus == {"files": 1, "posts": 2, "gold_meetings": 1, "gold_contacts": 0}
    assert (card.figures["meetings.precision"].hits, card.figures["meetings.precision"].total) == (
        1,
        1,
    )
    assert card.figures["translations.recall"].value == 1.0


def test_the_seeds_meet_their_strict_gold(seed_package: Path) -> None:
    card = score(load_gold(GOLD), load_package(seed_package).tables)
    assert [m.line() for m in card.misses] == []
    measured = {name: f.value for name, f in card.figures.items() if f.total}
    assert set(measured.values()) == {1.0}
    assert card.figures["meetings.recall"].total == 7
