"""Telegram Desktop HTML exports (`messages.html`, `messages2.html`, …): one post per
`div.message`, service messages counted apart.

The page is read into a small tree with the standard library's `html.parser`; a message's
text is its `div.text` (`<br>` as a line break), a forward's name is in `div.forwarded`, and
the instant is the date's `title` when it carries a UTC offset.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from html.parser import HTMLParser

from sidelines.parse.channel_dump import forwarded_name
from sidelines.parse.telegram_json import TelegramExport
from sidelines.records import InputError, RawPost

VOID_TAGS = {"br", "img", "meta", "link", "hr", "input", "source", "wbr", "area", "col"}
MESSAGE_ID = re.compile(r"^message(\d+)$")
DATE_TITLE = re.compile(
    r"(\d{2})\.(\d{2})\.(\d{4}) (\d{2}):(\d{2}):(\d{2}) UTC([+-])(\d{2}):(\d{2})"
)
# Class of an attachment's wrapper -> media type, as the JSON export names it.
MEDIA_CLASSES = {
    "photo_wrap": "photo",
    "video_file_wrap": "video_file",
    "animated_wrap": "animation",
    "sticker_wrap": "sticker",
    "media_voice_message": "voice_message",
    "media_audio_file": "audio_file",
    "media_video": "video_message",
    "media_poll": "poll",
    "media_location": "location",
    "media_contact": "contact",
}


@dataclass
class Node:
    """An element of the page: tag, classes, attributes, children and its source lines."""

    tag: str
    attrs: dict[str, str]
    line_start: int
    line_end: int = 0
    children: list[Node | str] = field(default_factory=list)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def find_all(self, cls: str, stop: set[str] | None = None) -> list[Node]:
        """Descendants with class `cls`, not looking inside elements with a class in `stop`."""
        found: list[Node] = []
        for child in self.children:
            if isinstance(child, Node):
                if cls in child.classes:
                    found.append(child)
                elif not (stop and child.classes & stop):
                    found += child.find_all(cls, stop)
        return found

    def text(self, skip: set[str] | None = None) -> str:
        """The element's text, `<br>` as a newline, leaving out elements with a class in `skip`."""
        parts: list[str] = []
        for child in self.children:
            if isinstance(child, str):
                parts.append(child)
            elif child.tag == "br":
                parts.append("\n")
            elif not (skip and child.classes & skip):
                parts.append(child.text(skip))
        return "".join(parts)


class _TreeBuilder(HTMLParser):
    """Builds the Node tree, tolerating stray end tags and unclosed elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {}, 1)
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs}, self.getpos()[0])
        self.stack[-1].children.append(node)
        if tag not in VOID_TAGS:
            self.stack.append(node)

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                for node in self.stack[depth:]:
                    node.line_end = self.getpos()[0]
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def clean(text: str) -> str | None:
    """Trim the page's indentation around a text; None when nothing is left."""
    text = unicodedata.normalize("NFC", text.strip())
    return text or None


def date_title(body: Node) -> datetime | None:
    """The message's instant from its date's title, when the title has a UTC offset."""
    for node in body.find_all("date", stop={"forwarded"}):
        match = DATE_TITLE.search(node.attrs.get("title", ""))
        if match:
            d, m, y, hh, mm, ss, sign, oh, om = match.groups()
            offset = timedelta(hours=int(oh), minutes=int(om)) * (1 if sign == "+" else -1)
            try:
                local = datetime(
                    int(y), int(m), int(d), int(hh), int(mm), int(ss), tzinfo=timezone(offset)
                )
            except ValueError:
                return None
            return local.astimezone(UTC)
    return None


def media_of(message: Node) -> str | None:
    """The attachment's media type from its wrapper's classes; 'file' for any other."""
    for wrap in message.find_all("media_wrap"):
        stack: list[Node | str] = list(wrap.children)
        while stack:
            node = stack.pop(0)
            if isinstance(node, Node):
                for cls in sorted(node.classes):
                    if cls in MEDIA_CLASSES:
                        return MEDIA_CLASSES[cls]
                stack += node.children
        return "file"
    return None


def message_post(message: Node, number: int, channel: str | None, source_file: str) -> RawPost:
    """One `div.message default` as a post."""
    forwarded = message.find_all("forwarded")
    holder = forwarded[0] if forwarded else message
    texts = holder.find_all("text", stop={"media_wrap", "reply_to"})
    forwarded_from = None
    if forwarded:
        names = forwarded[0].find_all("from_name")
        if names:
            forwarded_from = forwarded_name(clean(names[0].text(skip={"details"})) or "") or None
    return RawPost(
        source_file=source_file,
        kind="telegram",
        text=clean(texts[0].text()) if texts else None,
        line_start=message.line_start,
        line_end=max(message.line_end, message.line_start),
        channel=channel,
        forwarded_from=forwarded_from,
        media_type=media_of(message),
        published_at=date_title(message),
        message_id=number,
    )


def parse_telegram_html(text: str, source_file: str) -> TelegramExport:
    """Every `div.message` of an export page as a post, except service messages (date
    separators, pins, joins) and messages with neither text nor media, counted by reason."""
    builder = _TreeBuilder()
    builder.feed(text)
    builder.close()
    headers = builder.root.find_all("page_header")
    titles = headers[0].find_all("text") if headers else []
    channel = clean(titles[0].text()) if titles else None
    messages = builder.root.find_all("message")
    if not messages:
        raise InputError(source_file, "unknown format (HTML without Telegram messages)")
    posts: list[RawPost] = []
    skipped: Counter[str] = Counter()
    for message in messages:
        if "service" in message.classes:
            skipped["service"] += 1
            continue
        number = MESSAGE_ID.match(message.attrs.get("id", ""))
        if number is None:
            raise InputError(
                source_file, "message without a valid id", f"line {message.line_start}"
            )
        post = message_post(message, int(number.group(1)), channel, source_file)
        if post.text is None and post.media_type is None:
            skipped["empty"] += 1
            continue
        posts.append(post)
    return TelegramExport(channel, posts, len(messages), dict(sorted(skipped.items())))
