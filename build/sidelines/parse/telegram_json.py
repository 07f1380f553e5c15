"""Telegram Desktop JSON exports (`result.json`): one post per message, service messages
counted apart.

An export is an object with the chat's `name`, `type`, `id` and a `messages` list. A
message's `text` is a string or a list mixing strings and `{type, text}` entity objects;
`date` is local time without a zone, so the instant comes from `date_unixtime` (UTC).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sidelines.parse.channel_dump import forwarded_name
from sidelines.records import InputError, RawPost

USERNAME = re.compile(r"[A-Za-z][A-Za-z0-9_]{3,31}")
# Keys that carry a message's attachment when it has no `media_type`, in the order checked.
MEDIA_KEYS = ("photo", "file", "poll", "location_information", "contact_information", "game")


@dataclass(frozen=True)
class TelegramExport:
    """A parsed export: the chat's name, its posts, and how many messages were skipped why."""

    channel: str | None
    posts: list[RawPost]
    messages: int
    skipped: dict[str, int]  # reason -> count, e.g. {"service": 2}


def message_text(value: Any) -> str | None:
    """The plain text of a message's `text`: a string, or strings and entities joined.

    >>> message_text(["Talks ", {"type": "hashtag", "text": "#RussiaMali"}, "."])
    'Talks #RussiaMali.'
    >>> message_text("") is None
    True
    """
    if isinstance(value, list):
        value = "".join(
            part if isinstance(part, str) else str(part.get("text", ""))
            for part in value
            if isinstance(part, str | dict)
        )
    if not isinstance(value, str) or not value.strip():
        return None
    return unicodedata.normalize("NFC", value.replace("\r\n", "\n").replace("\r", "\n"))


def unix_instant(value: Any) -> datetime | None:
    """A UTC datetime from a `*_unixtime` field (a string of seconds); None when absent.

    >>> unix_instant("1695031200").isoformat()
    '2023-09-18T10:00:00+00:00'
    """
    if value is None or isinstance(value, bool):
        return None
    try:
        return datetime.fromtimestamp(int(value), tz=UTC)
    except (TypeError, ValueError, OverflowError, OSError):
        return None


def media_type(message: dict[str, Any]) -> str | None:
    """The attachment's kind: `media_type` when given, else the first media key present."""
    if isinstance(message.get("media_type"), str):
        return str(message["media_type"])
    return next((key for key in MEDIA_KEYS if key in message), None)


def load_export(text: str, source_file: str) -> dict[str, Any]:
    """The export object, or an InputError naming the line and column of broken JSON."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise InputError(
            source_file, f"invalid JSON ({err.msg}, column {err.colno})", f"line {err.lineno}"
        ) from err
    except RecursionError as err:
        raise InputError(source_file, "invalid JSON (nested too deeply)") from err
    if isinstance(data, dict) and "chats" in data and "messages" not in data:
        raise InputError(
            source_file,
            "unknown format (a whole-account Telegram export: export one channel's history)",
        )
    if not isinstance(data, dict) or not isinstance(data.get("messages"), list):
        raise InputError(
            source_file, "unknown format (JSON but not a Telegram export: no messages list)"
        )
    return data


def channel_username(export: dict[str, Any]) -> str | None:
    """The channel's public @username where the export carries one (some tools add it)."""
    username = export.get("username")
    if isinstance(username, str) and USERNAME.fullmatch(username.strip().lstrip("@")):
        return username.strip().lstrip("@")
    return None


def parse_telegram_json(text: str, source_file: str) -> TelegramExport:
    """Every message of an export as a post, except service messages and empty ones, which
    are counted by reason.

    >>> export = parse_telegram_json(
    ...     '{"name": "MFA", "username": "mid_rf", "messages": ['
    ...     '{"id": 1, "type": "service", "text": ""},'
    ...     '{"id": 2, "type": "message", "date_unixtime": "0", "text": ["Hi ", '
    ...     '{"type": "hashtag", "text": "#Tag"}]}]}', "result.json")
    >>> [(p.message_id, p.text, p.url) for p in export.posts], export.skipped
    ([(2, 'Hi #Tag', 'https://t.me/mid_rf/2')], {'service': 1})
    """
    export = load_export(text, source_file)
    name = export.get("name")
    channel = unicodedata.normalize("NFC", name) if isinstance(name, str) else None
    username = channel_username(export)
    posts: list[RawPost] = []
    skipped: Counter[str] = Counter()
    for index, message in enumerate(export["messages"]):
        if not isinstance(message, dict):
            raise InputError(source_file, "message is not an object", f"messages[{index}]")
        message_id = message.get("id")
        if not isinstance(message_id, int) or isinstance(message_id, bool) or message_id < 0:
            raise InputError(source_file, "message without a valid id", f"messages[{index}]")
        if message.get("type", "message") != "message":
            skipped[str(message.get("type"))] += 1
            continue
        body, media = message_text(message.get("text")), media_type(message)
        if body is None and media is None:
            skipped["empty"] += 1
            continue
        forwarded = message.get("forwarded_from")
        posts.append(
            RawPost(
                source_file=source_file,
                kind="telegram",
                text=body,
                channel=channel,
                forwarded_from=(forwarded_name(forwarded) or None)
                if isinstance(forwarded, str)
                else None,
                media_type=media,
                published_at=unix_instant(message.get("date_unixtime")),
                edited_at=unix_instant(message.get("edited_unixtime")),
                message_id=message_id,
                url=f"https://t.me/{username}/{message_id}" if username else None,
            )
        )
    return TelegramExport(channel, posts, len(export["messages"]), dict(sorted(skipped.items())))
