"""Telegram Desktop HTML exports (`messages.html`, `messages2.html`, …): one post per
`div.message`, service messages counted apart.

The page is read into a small tree with the standard library's `html.parser`; a message's
text is its `div.text` (`<br>` as a line break), a forward's name is in `div.forwarded`, and
the instant is the date's `title` when it carries a UTC offset. Telegram Desktop writes no
edit time into HTML (only the JSON export has `edited`), so `edited_at` stays empty here.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, deque
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta, timezone
from html.parser import HTMLParser
from typing import Any

from sidelines.parse.channel_dump import forwarded_name
from sidelines.parse.instants import implausible
from sidelines.parse.telegram_json import (
    MAX_MESSAGE_ID,
    Content,
    TelegramExport,
    export_notes,
    out_of_range,
    version_of,
)
from sidelines.records import InputError, RawPost

VOID_TAGS = {"br", "img", "meta", "link", "hr", "input", "source", "wbr", "area", "col"}
MESSAGE_ID = re.compile(r"^message(\d+)$")
DATE_TITLE = re.compile(
    r"(\d{2})\.(\d{2})\.(\d{4}) (\d{2}):(\d{2}):(\d{2}) UTC([+-])(\d{2}):(\d{2})"
)
# What ends a comment and a marked section, as `html.parser` looks for them.
COMMENT_CLOSE = re.compile(r"--\s*>")
SECTION_CLOSE = re.compile(r"]\s*]\s*>")  # <![CDATA[ … ]]>
MS_SECTION_CLOSE = re.compile(r"]\s*>")  # <![if …]>
SECTION_KEYWORD = re.compile(r"[a-zA-Z][-_.a-zA-Z0-9]*")
TAG_NAME = re.compile(r"[a-zA-Z][^\t\n\r\f />\x00]*")
# Elements whose content the parser reads as raw text, up to their end tag.
RAW_TEXT_END = {name: re.compile(rf"</\s*{name}\s*>", re.I) for name in ("script", "style")}
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
    classes: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # read once: every search over the page asks each element for its classes
        self.classes = frozenset(self.attrs.get("class", "").split())

    def find_all(self, cls: str, stop: set[str] | None = None) -> list[Node]:
        """Descendants with class `cls` in document order, not looking inside them nor inside
        elements with a class in `stop`. A loop, not recursion: pages can nest deeply."""
        found: list[Node] = []
        pending = self.children[::-1]  # popped from the end: document order
        while pending:
            child = pending.pop()
            if isinstance(child, str):
                continue
            if cls in child.classes:
                found.append(child)
            elif not (stop and child.classes & stop):
                pending += child.children[::-1]
        return found

    def text(self, skip: set[str] | None = None) -> str:
        """The element's text, `<br>` as a newline, leaving out elements with a class in `skip`."""
        parts: list[str] = []
        pending: list[Iterator[Node | str]] = [iter(self.children)]
        while pending:
            child = next(pending[-1], _END)
            if child is _END:
                pending.pop()
            elif isinstance(child, str):
                parts.append(child)
            elif child.tag == "br":
                parts.append("\n")
            elif not (skip and child.classes & skip):
                pending.append(iter(child.children))
        return "".join(parts)


_END = Node("#end", {}, 0)  # the marker of an exhausted child list


class _TreeBuilder(HTMLParser):
    """Builds the Node tree, tolerating stray end tags and unclosed elements. A message left
    unclosed is closed where the next message begins (messages never nest in an export), and
    counted in `unclosed_messages`."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {}, 1)
        self.stack = [self.root]
        self.open_tags: Counter[str] = Counter()  # so that a stray end tag costs nothing
        self.unclosed_messages = 0

    def _close_from(self, depth: int) -> None:
        """End the open elements from `depth` up, at the current line."""
        for node in self.stack[depth:]:
            node.line_end = self.getpos()[0]
            self.open_tags[node.tag] -= 1
            if "message" in node.classes:
                self.open_tags["#message"] -= 1
        del self.stack[depth:]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs}, self.getpos()[0])
        if "message" in node.classes and self.open_tags["#message"]:
            depth = next(d for d, open_ in enumerate(self.stack) if "message" in open_.classes)
            self.unclosed_messages += 1
            self._close_from(depth)
        self.stack[-1].children.append(node)
        if tag not in VOID_TAGS:
            self.stack.append(node)
            self.open_tags[tag] += 1
            if "message" in node.classes:
                self.open_tags["#message"] += 1

    def handle_endtag(self, tag: str) -> None:
        if not self.open_tags[tag]:
            return  # a stray end tag
        depth = next(d for d in range(len(self.stack) - 1, 0, -1) if self.stack[d].tag == tag)
        self._close_from(depth)

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)

    def close(self) -> None:
        super().close()
        self.unclosed_messages += self.open_tags["#message"]


def _markup_end(page: str, at: int, last_close: dict[re.Pattern[str], int]) -> int | None:
    """Where `html.parser` ends the markup opened by the `<` at `at` (just past it), or
    None when nothing closes it (it would then read it as text up to the next `>`).
    `last_close` holds where each closing pattern last starts: an unclosed comment is told
    without searching the rest of the page again."""
    if page.startswith("<!--", at):
        closing, start = COMMENT_CLOSE, at + 4
    elif page.startswith("<![", at):
        name = SECTION_KEYWORD.match(page, at + 3)
        keyword = name.group().lower() if name else ""
        if keyword in {"temp", "cdata", "ignore", "include", "rcdata"}:
            closing, start = SECTION_CLOSE, at + 3
        elif keyword in {"if", "else", "endif"}:
            closing, start = MS_SECTION_CLOSE, at + 3
        else:
            return None  # a section html.parser cannot read (it raises): text
    elif page.startswith(("</", "<!", "<?"), at) or TAG_NAME.match(page, at + 1):
        gt = page.find(">", at)
        return None if gt < 0 else gt + 1
    else:
        return at + 1  # "< " or "<<": a plain character
    close = closing.search(page, start) if last_close[closing] >= start else None
    return close.end() if close else None


def unclosed_markup_as_text(page: str) -> str:
    """The page with each `<` that opens markup never closed (a tag with no `>` after it, a
    comment with no `-->`, …) written as `&lt;`, up to the next `>`: the text the parser
    would make of it anyway. Python's `html.parser` (before 3.13.4) rescans the rest of the
    page from each such `<` when it closes, so a long run of them took quadratic time.

    >>> unclosed_markup_as_text("<p>Talks</p><!--x> <a")
    '<p>Talks</p>&lt;!--x> &lt;a'
    """
    last_close = {
        closing: max((m.start() for m in closing.finditer(page)), default=-1)
        for closing in (COMMENT_CLOSE, SECTION_CLOSE, MS_SECTION_CLOSE)
    }
    pieces: list[str] = []
    done = 0
    at = page.find("<")
    while at >= 0:
        end = _markup_end(page, at, last_close)
        if end is None:
            gt = page.find(">", at)
            end = len(page) if gt < 0 else gt + 1
            pieces += [page[done:at], page[at:end].replace("<", "&lt;")]
            done = end
        else:
            name = TAG_NAME.match(page, at + 1)
            raw_text = RAW_TEXT_END.get(name.group().lower()) if name else None
            if raw_text is not None and page[end - 2] != "/":
                close = raw_text.search(page, end)  # script, style: not markup inside
                if close is None:
                    break
                end = close.end()
        at = page.find("<", end)
    return "".join(pieces) + page[done:]


def clean(text: str) -> str | None:
    """Trim the page's indentation around a text; None when nothing is left."""
    text = unicodedata.normalize("NFC", text.strip())
    return text or None


def date_title(body: Node) -> datetime | str | None:
    """The message's instant from its date's title, when the title has a UTC offset; the
    title's text when its numbers are no instant (a 31 February, an hour 99), so that the
    loss is recorded, not silent.

    >>> def page(title):
    ...     builder = _TreeBuilder()
    ...     builder.feed(f'<div class="date details" title="{title}">x</div>')
    ...     return builder.root
    >>> date_title(page("21.09.2023 14:05:00 UTC+03:00")).isoformat()
    '2023-09-21T11:05:00+00:00'
    >>> date_title(page("31.02.2023 14:05:00 UTC+03:00"))
    '31.02.2023 14:05:00 UTC+03:00'
    """
    for node in body.find_all("date", stop={"forwarded"}):
        match = DATE_TITLE.search(node.attrs.get("title", ""))
        if match:
            d, m, y, hh, mm, ss, sign, oh, om = match.groups()
            offset = timedelta(hours=int(oh), minutes=int(om)) * (1 if sign == "+" else -1)
            try:
                local = datetime(
                    int(y), int(m), int(d), int(hh), int(mm), int(ss), tzinfo=timezone(offset)
                )
                return local.astimezone(UTC)
            except (ValueError, OverflowError):
                return match.group(0)
    return None


def media_of(message: Node) -> str | None:
    """The attachment's media type from its wrapper's classes; 'file' for any other."""
    for wrap in message.find_all("media_wrap"):
        queue: deque[Node | str] = deque(wrap.children)
        while queue:
            node = queue.popleft()
            if isinstance(node, Node):
                for cls in sorted(node.classes):
                    if cls in MEDIA_CLASSES:
                        return MEDIA_CLASSES[cls]
                queue.extend(node.children)
        return "file"
    return None


def message_post(
    message: Node, number: int, channel: str | None, source_file: str, instant: datetime | None
) -> RawPost:
    """One `div.message default` as a post, published at `instant`."""
    forwarded = message.find_all("forwarded")
    # Every text block, in page order: a message can carry more than one (a comment and the
    # forwarded text, or a page written by another tool).
    texts = [clean(t.text()) for t in message.find_all("text", stop={"media_wrap", "reply_to"})]
    body = "\n\n".join(t for t in texts if t) or None
    forwarded_from = None
    if forwarded:
        names = forwarded[0].find_all("from_name")
        if names:
            forwarded_from = forwarded_name(clean(names[0].text(skip={"details"})) or "") or None
    return RawPost(
        source_file=source_file,
        kind="telegram",
        text=body,
        line_start=message.line_start,
        line_end=max(message.line_end, message.line_start),
        channel=channel,
        forwarded_from=forwarded_from,
        media_type=media_of(message),
        published_at=instant,
        message_id=number,
    )


def null_date(message_id: int, value: str, reason: str) -> dict[str, Any]:
    """The record of a message's date that was no plausible instant and is left empty."""
    return {"message_id": message_id, "field": "published_at", "value": value, "reason": reason}


def parse_telegram_html(text: str, source_file: str) -> TelegramExport:
    """Every `div.message` of an export page as a post, except service messages (date
    separators, pins, joins) and messages with neither text nor media, counted by reason."""
    builder = _TreeBuilder()
    builder.feed(unclosed_markup_as_text(text))
    builder.close()
    headers = builder.root.find_all("page_header")
    titles = headers[0].find_all("text") if headers else []
    channel = clean(titles[0].text()) if titles else None
    messages = builder.root.find_all("message")
    if not messages:
        raise InputError(source_file, "unknown format (HTML without Telegram messages)")
    posts: list[RawPost] = []
    skipped: Counter[str] = Counter()
    nulled: list[dict[str, Any]] = []
    versions: dict[int, list[Content]] = {}
    for message in messages:
        if "service" in message.classes:
            skipped["service"] += 1
            continue
        number = MESSAGE_ID.match(message.attrs.get("id", ""))
        if number is None:
            raise InputError(
                source_file, "message without a valid id", f"line {message.line_start}"
            )
        digits = number.group(1).lstrip("0") or "0"
        message_id = int(digits) if len(digits) <= len(str(MAX_MESSAGE_ID)) else MAX_MESSAGE_ID + 1
        if message_id > MAX_MESSAGE_ID:
            raise InputError(source_file, out_of_range(digits), f"line {message.line_start}")
        instant = date_title(message)
        post = message_post(
            message,
            message_id,
            channel,
            source_file,
            instant if isinstance(instant, datetime) else None,
        )
        if post.text is None and post.media_type is None:
            skipped["empty"] += 1
            continue
        content = (post.text, post.media_type, post.forwarded_from)
        post = replace(post, variant=version_of(versions, message_id, content))
        if isinstance(instant, str):
            nulled.append(null_date(message_id, instant, "not a date"))
        elif instant is not None and (why := implausible(instant)):
            nulled.append(null_date(message_id, instant.isoformat(), why))
            post = replace(post, published_at=None)
        posts.append(post)
    notes = export_notes(versions, nulled, unclosed_messages=builder.unclosed_messages)
    return TelegramExport(channel, posts, len(messages), dict(sorted(skipped.items())), notes)
