"""Telegram Desktop JSON exports: messages to posts, service messages counted apart."""

from __future__ import annotations

import contextlib
import json
from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sidelines.extract.posts import collapse_repeats, post_id
from sidelines.parse.telegram_json import message_text, parse_telegram_json
from sidelines.records import InputError


def export(*messages: dict[str, Any], **top: Any) -> str:
    return json.dumps(
        {"name": "Канал", "type": "public_channel", "id": 1, **top, "messages": list(messages)},
        ensure_ascii=False,
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param("plain", "plain", id="string"),
        pytest.param(["a ", {"type": "bold", "text": "b"}, " c"], "a b c", id="entity-list"),
        pytest.param([{"type": "hashtag", "text": "#Tag"}], "#Tag", id="entity-only"),
        pytest.param("", None, id="empty-string"),
        pytest.param([], None, id="empty-list"),
        pytest.param(["x", 5, None, {"type": "plain"}], "x", id="junk-parts-ignored"),
        pytest.param("и\u0306\r\nб", "й\nб", id="nfc-and-newlines"),
    ],
)
def test_message_text(value: Any, expected: str | None) -> None:
    assert message_text(value) == expected


def test_message_fields() -> None:
    parsed = parse_telegram_json(
        export(
            {
                "id": 7,
                "type": "message",
                "date": "2023-09-21T14:05:00",
                "date_unixtime": "1695294300",
                "edited_unixtime": "1695294600",
                "forwarded_from": "MFA Russia 🇷🇺",
                "text": "Hi",
            },
        ),
        "result.json",
    )
    (post,) = parsed.posts
    assert (post.message_id, post.text, post.channel, post.forwarded_from) == (
        7,
        "Hi",
        "Канал",
        "MFA Russia",
    )
    # the instant is date_unixtime, not the zone-less local `date`
    assert post.published_at == datetime(2023, 9, 21, 11, 5, tzinfo=UTC)
    assert post.edited_at == datetime(2023, 9, 21, 11, 10, tzinfo=UTC)
    assert post.url is None  # Telegram Desktop does not record the username
    assert (post.line_start, post.line_end, post.kind) == (None, None, "telegram")


@pytest.mark.parametrize(
    ("message", "media"),
    [
        pytest.param({"photo": "photos/1.jpg"}, "photo", id="photo"),
        pytest.param({"file": "f.pdf", "mime_type": "application/pdf"}, "file", id="file"),
        pytest.param({"file": "v.mp4", "media_type": "video_file"}, "video_file", id="video"),
        pytest.param({"poll": {"question": "?"}}, "poll", id="poll"),
    ],
)
def test_media_only_post_has_null_text(message: dict[str, Any], media: str) -> None:
    parsed = parse_telegram_json(export({"id": 1, "type": "message", "text": "", **message}), "r")
    (post,) = parsed.posts
    assert (post.text, post.media_type) == (None, media)


def test_skips_are_counted() -> None:
    parsed = parse_telegram_json(
        export(
            {"id": 1, "type": "service", "action": "create_channel", "text": ""},
            {"id": 2, "type": "message", "text": ""},
            {"id": 3, "type": "message", "text": "post"},
            {"id": 4, "type": "service", "action": "pin_message", "text": ""},
        ),
        "r",
    )
    assert [p.message_id for p in parsed.posts] == [3]
    assert parsed.skipped == {"empty": 1, "service": 2}
    assert parsed.messages == 4


@pytest.mark.parametrize(
    ("username", "url"),
    [
        pytest.param("mid_rf", "https://t.me/mid_rf/5", id="username"),
        pytest.param("@mid_rf", "https://t.me/mid_rf/5", id="at-username"),
        pytest.param("not a name", None, id="invalid"),
    ],
)
def test_url_where_the_username_is_known(username: str, url: str | None) -> None:
    text = export({"id": 5, "type": "message", "text": "x"}, username=username)
    assert parse_telegram_json(text, "r").posts[0].url == url


@pytest.mark.parametrize(
    ("text", "message", "where"),
    [
        pytest.param(
            '{"name": "x", "messages": [\n {"id": 1,', "invalid JSON", "line 2", id="truncated"
        ),
        pytest.param('{"name": "x",, }', "invalid JSON", "line 1", id="invalid"),
        pytest.param('{"name": "x"}', "not a Telegram export", None, id="no-messages"),
        pytest.param("[1, 2]", "not a Telegram export", None, id="array"),
        pytest.param(
            '{"about": "", "chats": {"list": []}}', "whole-account", None, id="whole-account-export"
        ),
        pytest.param('{"messages": [3]}', "not an object", "messages[0]", id="message-not-object"),
        pytest.param(
            '{"messages": [{"type": "message"}]}', "without a valid id", "messages[0]", id="no-id"
        ),
    ],
)
def test_broken_exports_are_refused(text: str, message: str, where: str | None) -> None:
    with pytest.raises(InputError, match=message) as caught:
        parse_telegram_json(text, "result.json")
    assert caught.value.source_file == "result.json"
    assert caught.value.where == where


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)
MESSAGE = st.fixed_dictionaries(
    {},
    optional={
        "id": st.integers(-2, 10**6) | JSON,
        "type": st.sampled_from(["message", "service"]) | JSON,
        "text": st.text(max_size=30)
        | st.lists(
            st.text(max_size=5)
            | st.fixed_dictionaries({"type": st.just("hashtag"), "text": st.text(max_size=8)}),
            max_size=4,
        )
        | JSON,
        "forwarded_from": st.text(max_size=10) | JSON,
        "date_unixtime": st.integers(-(10**12), 10**12).map(str) | JSON,
        "edited_unixtime": JSON,
        "photo": JSON,
        "media_type": JSON,
    },
)


@given(st.lists(MESSAGE, max_size=5), JSON)
def test_any_export_parses_or_is_refused_deterministically(
    messages: list[dict[str, Any]], name: Any
) -> None:
    text = json.dumps({"name": name, "username": name, "messages": messages})
    try:
        first = parse_telegram_json(text, "r")
    except InputError as err:
        assert err.source_file == "r"
        return
    assert first == parse_telegram_json(text, "r")
    assert len(first.posts) + sum(first.skipped.values()) == first.messages == len(messages)


@given(st.text(max_size=200))
def test_arbitrary_text_never_crashes(text: str) -> None:
    with contextlib.suppress(InputError):
        assert parse_telegram_json(text, "r") == parse_telegram_json(text, "r")


@pytest.mark.parametrize(
    ("message", "reason"),
    [
        pytest.param({"id": 2**63}, "message id 9223372036854775808 out of range", id="id-2**63"),
        pytest.param({"id": 10**30}, "out of range", id="id-huge"),
        pytest.param({"id": 1, "text": "a\u0000b"}, "NUL character", id="nul-in-text"),
        pytest.param(
            {"id": 1, "text": ["a", {"type": "bold", "text": "\u0000"}]},
            "NUL character",
            id="nul-in-entity",
        ),
        pytest.param(
            {"id": 1, "text": "x", "forwarded_from": "MFA\u0000"}, "NUL character", id="nul-forward"
        ),
        pytest.param({"id": 1, "text": "a\ud800b"}, "lone surrogate", id="lone-surrogate"),
    ],
)
def test_hostile_values_are_refused_in_one_line(message: dict[str, Any], reason: str) -> None:
    text = json.dumps({"name": "Канал", "messages": [{"type": "message", "text": "t", **message}]})
    with pytest.raises(InputError, match=reason) as caught:
        parse_telegram_json(text, "result.json")
    assert str(caught.value).startswith("result.json:messages[0]: ")
    assert "\n" not in str(caught.value)


def test_nul_in_the_channel_name_is_refused() -> None:
    with pytest.raises(InputError, match="NUL"):
        parse_telegram_json(export({"id": 1, "text": "t"}, name="a\u0000"), "r")


def test_the_largest_id_the_table_holds_is_kept() -> None:
    (post,) = parse_telegram_json(export({"id": 2**63 - 1, "text": "t"}), "r").posts
    assert post.message_id == 2**63 - 1


@pytest.mark.parametrize(
    ("unixtime", "reason"),
    [
        pytest.param("1375315199", "before Telegram existed (August 2013)", id="july-2013"),
        pytest.param("0", "before Telegram existed (August 2013)", id="epoch"),
        pytest.param("-86400", "before Telegram existed (August 2013)", id="negative"),
        pytest.param("4133980800", "after 2100", id="year-2101"),
        pytest.param("99999999999", "after 2100", id="year-5138"),
        pytest.param("10" * 30, "not a Unix time", id="overflow"),
        pytest.param("soon", "not a Unix time", id="not-a-number"),
    ],
)
def test_implausible_dates_are_nulled_and_recorded(unixtime: str, reason: str) -> None:
    parsed = parse_telegram_json(
        export({"id": 3, "type": "message", "text": "t", "date_unixtime": unixtime}), "r"
    )
    (post,) = parsed.posts
    assert post.published_at is None
    assert parsed.notes == {
        "nulled_dates": [
            {"message_id": 3, "field": "published_at", "value": unixtime[:40], "reason": reason}
        ]
    }


@pytest.mark.parametrize(
    ("unixtime", "instant"),
    [
        pytest.param("1375315200", datetime(2013, 8, 1, tzinfo=UTC), id="august-2013"),
        pytest.param("4133980799", datetime(2100, 12, 31, 23, 59, 59, tzinfo=UTC), id="end-2100"),
    ],
)
def test_plausible_bounds_are_kept(unixtime: str, instant: datetime) -> None:
    parsed = parse_telegram_json(
        export({"id": 3, "text": "t", "date_unixtime": unixtime, "edited_unixtime": unixtime}), "r"
    )
    assert (parsed.posts[0].published_at, parsed.posts[0].edited_at) == (instant, instant)
    assert parsed.notes == {}


def test_a_repeated_id_with_another_text_is_another_post() -> None:
    parsed = parse_telegram_json(
        export(
            {"id": 9, "text": "первая редакция"},
            {"id": 9, "text": "вторая редакция"},
            {"id": 9, "text": "первая редакция"},  # a true repeat: collapsed later
            {"id": 10, "text": "другое"},
        ),
        "r",
    )
    assert [(p.message_id, p.variant) for p in parsed.posts] == [(9, 0), (9, 1), (9, 0), (10, 0)]
    assert parsed.notes == {"duplicate_message_ids": [9]}
    kept = collapse_repeats(parsed.posts)
    assert [post.text for _, post in kept] == ["первая редакция", "вторая редакция", "другое"]
    assert len({pid for pid, _ in kept}) == 3
    assert kept[0][1].copies == 2


def test_channels_of_one_name_are_told_apart_by_id_or_username() -> None:
    message = {"id": 1, "text": "Новости"}
    by_id = [parse_telegram_json(export(message, id=n), "r").posts[0] for n in (11, 12)]
    by_username = [
        parse_telegram_json(export(message, id=None, username=u), "r").posts[0]
        for u in ("embassy_one", "embassy_two")
    ]
    plain = parse_telegram_json(export(message, id=None), "r").posts[0]
    ids = {post_id(p) for p in [*by_id, *by_username, plain]}
    assert len(ids) == 5
    assert [p.channel_key for p in by_id] == ["id:11", "id:12"]
    assert by_username[0].channel_key == "@embassy_one"
    assert plain.channel_key is None
