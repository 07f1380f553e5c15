"""Telegram Desktop HTML exports: `div.message` to posts, service messages counted apart."""

from __future__ import annotations

import contextlib
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
