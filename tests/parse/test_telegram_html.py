"""Telegram Desktop HTML exports: `div.message` to posts, service messages counted apart."""

from __future__ import annotations

import contextlib
import time
from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sidelines.parse.telegram_html import parse_telegram_html
from sidelines.records import InputError

PAGE = """<html><body><div class="page_wrap">
<div class="page_header"><div class="content"><div class="text bold">
 Канал &amp; Co
</div></div></div>
<div class="history">
{messages}
</div></div></body></html>"""


def page(*messages: str) -> str:
    return PAGE.format(messages="\n".join(messages))


def message(number: int, body: str, extra: str = "") -> str:
    return (
        f'<div class="message default clearfix{extra}" id="message{number}">'
        f'<div class="body">{body}</div></div>'
    )


@pytest.mark.parametrize(
    ("body", "text"),
    [
        pytest.param('<div class="text">\n  one<br>two  \n</div>', "one\ntwo", id="br"),
        pytest.param(
            '<div class="text">a &lt;b&gt; &quot;c&quot;</div>', 'a <b> "c"', id="entities"
        ),
        pytest.param(
            '<div class="text"><a onclick="return ShowHashtag(&quot;X&quot;)">#X</a> '
            "<strong>bold</strong></div>",
            "#X bold",
            id="links-and-formatting",
        ),
        pytest.param(
            '<div class="reply_to details">In reply to <a>this</a></div><div class="text">t</div>',
            "t",
            id="reply",
        ),
    ],
)
def test_text(body: str, text: str) -> None:
    (post,) = parse_telegram_html(page(message(5, body)), "m.html").posts
    assert post.text == text
    assert post.channel == "Канал & Co"
    assert post.message_id == 5


def test_date_title_with_offset_is_utc_and_without_is_null() -> None:
    posts = parse_telegram_html(
        page(
            message(
                1,
                '<div class="pull_right date details" '
                'title="21.09.2023 14:05:00 UTC+03:00">14:05</div><div class="text">a</div>',
            ),
            message(
                2,
                '<div class="pull_right date details" title="21.09.2023 14:05:00">'
                '14:05</div><div class="text">b</div>',
            ),
        ),
        "m.html",
    ).posts
    assert [p.published_at for p in posts] == [datetime(2023, 9, 21, 11, 5, tzinfo=UTC), None]


def test_media_forward_and_skips() -> None:
    parsed = parse_telegram_html(
        page(
            '<div class="message service" id="message-1"><div class="body details">'
            "21 September 2023</div></div>",
            message(
                2,
                '<div class="media_wrap clearfix"><a class="video_file_wrap" href="v.mp4">'
                "</a></div>",
            ),
            message(
                3,
                '<div class="forwarded body"><div class="from_name">MFA 🇷🇺'
                '<span class="date details"> 21.09.2023</span></div>'
                '<div class="text">fwd</div></div>',
                " joined",
            ),
            message(4, ""),
        ),
        "m.html",
    )
    assert [(p.message_id, p.text, p.media_type, p.forwarded_from) for p in parsed.posts] == [
        (2, None, "video_file", None),
        (3, "fwd", None, "MFA"),
    ]
    assert parsed.skipped == {"empty": 1, "service": 1}
    assert parsed.messages == 4


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param("<html><p>no messages</p></html>", "unknown format", id="no-messages"),
        pytest.param(
            page('<div class="message default" id="m"></div>'), "without a valid id", id="bad-id"
        ),
    ],
)
def test_refused(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message) as caught:
        parse_telegram_html(text, "m.html")
    assert caught.value.source_file == "m.html"


@given(st.text(max_size=300))
def test_arbitrary_text_never_crashes(text: str) -> None:
    for candidate in (text, page(text), page(message(1, text))):
        with contextlib.suppress(InputError):
            assert parse_telegram_html(candidate, "r") == parse_telegram_html(candidate, "r")


def test_deep_nesting_is_read_without_recursion() -> None:
    depth = 50_000  # far beyond Python's recursion limit
    body = '<div class="text">' + "<span>" * depth + "deep" + "</span>" * depth + "</div>"
    (post,) = parse_telegram_html(page(message(1, body)), "m.html").posts
    assert post.text == "deep"


def test_stray_end_tags_cost_nothing() -> None:
    body = '<div class="text">' + "<div>" * 20_000 + "x" + "</span>" * 200_000 + "</div>"
    started = time.perf_counter()
    (post,) = parse_telegram_html(page(message(1, body)), "m.html").posts
    assert post.text == "x"
    assert time.perf_counter() - started < 10  # linear: a quadratic scan takes minutes


def test_an_unclosed_message_is_closed_where_the_next_begins() -> None:
    unclosed = '<div class="message default clearfix" id="message1"><div class="body">'
    unclosed += '<div class="text">first'  # neither the text, body nor message closed
    parsed = parse_telegram_html(page(unclosed, message(2, '<div class="text">second</div>')), "m")
    assert [(p.message_id, p.text) for p in parsed.posts] == [(1, "first"), (2, "second")]
    assert parsed.messages == 2
    assert parsed.notes == {"unclosed_messages": 1}


def test_an_unclosed_last_message_is_counted() -> None:
    parsed = parse_telegram_html(
        '<div class="history"><div class="message default" id="message4"><div class="text">cut off',
        "m",
    )
    assert [p.text for p in parsed.posts] == ["cut off"]
    assert parsed.notes == {"unclosed_messages": 1}


def test_every_text_block_of_a_message_is_kept() -> None:
    body = (
        '<div class="text">Комментарий посольства.</div>'
        '<div class="forwarded body"><div class="from_name">MFA Russia</div>'
        '<div class="text">Текст заявления.</div></div>'
        '<div class="text">Второй блок.</div>'
    )
    (post,) = parse_telegram_html(page(message(8, body)), "m.html").posts
    assert post.text == "Комментарий посольства.\n\nТекст заявления.\n\nВторой блок."
    assert post.forwarded_from == "MFA Russia"


@pytest.mark.parametrize(
    ("title", "reason"),
    [
        pytest.param("01.01.2001 10:00:00 UTC+03:00", "before Telegram existed", id="2001"),
        pytest.param("16.11.5138 09:46:40 UTC+00:00", "after 2100", id="5138"),
        pytest.param("31.02.2023 14:05:00 UTC+03:00", "not a date", id="31-february"),
        pytest.param("99.99.2023 99:46:40 UTC+03:00", "not a date", id="all-nines"),
        pytest.param("01.01.0001 00:00:00 UTC+05:00", "not a date", id="before-year-1"),
    ],
)
def test_implausible_date_titles_are_nulled_and_recorded(title: str, reason: str) -> None:
    body = (
        f'<div class="pull_right date details" title="{title}">10:00</div><div class="text">a</div>'
    )
    parsed = parse_telegram_html(page(message(6, body)), "m.html")
    assert parsed.posts[0].published_at is None
    (nulled,) = parsed.notes["nulled_dates"]
    assert (nulled["message_id"], nulled["field"]) == (6, "published_at")
    assert nulled["reason"].startswith(reason)


def test_an_offset_that_leaves_the_calendar_is_no_date() -> None:
    body = (
        '<div class="date" title="01.01.0001 00:00:00 UTC+05:00">0</div><div class="text">a</div>'
    )
    assert parse_telegram_html(page(message(1, body)), "m").posts[0].published_at is None


def test_a_huge_message_id_is_refused() -> None:
    with pytest.raises(InputError, match="out of range") as caught:
        parse_telegram_html(page(message(2**63, '<div class="text">a</div>')), "m.html")
    assert caught.value.where is not None and caught.value.where.startswith("line ")


def test_a_repeated_id_with_another_text_is_another_post() -> None:
    parsed = parse_telegram_html(
        page(message(3, '<div class="text">a</div>'), message(3, '<div class="text">b</div>')),
        "m",
    )
    assert [(p.text, p.variant) for p in parsed.posts] == [("a", 0), ("b", 1)]
    assert parsed.notes == {"duplicate_message_ids": [3]}


def test_an_id_beyond_python_digit_limit_is_refused_in_one_line() -> None:
    with pytest.raises(InputError) as caught:
        parse_telegram_html(
            page(f'<div class="message default" id="message{"9" * 5000}"><div class="text">a'),
            "m",
        )
    assert caught.value.reason == "message id 99999999999999999999… (5000 digits) out of range"
