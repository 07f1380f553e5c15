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
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sidelines.parse.channel_dump import forwarded_name
from sidelines.parse.instants import implausible
from sidelines.records import InputError, RawPost

USERNAME = re.compile(r"[A-Za-z][A-Za-z0-9_]{3,31}")
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
MAX_MESSAGE_ID = 2**63 - 1  # the table's integer column; Telegram's own ids are far smaller
# Keys that carry a message's attachment when it has no `media_type`, in the order checked.
MEDIA_KEYS = ("photo", "file", "poll", "location_information", "contact_information", "game")


@dataclass(frozen=True)
class TelegramExport:
    """A parsed export: the chat's name, its posts, and how many messages were skipped why."""

    channel: str | None
    posts: list[RawPost]
    messages: int
    skipped: dict[str, int]  # reason -> count, e.g. {"service": 2}
    # What else `sources` records about the file: values set aside and repairs, by kind
    notes: dict[str, Any] = field(default_factory=dict)


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


def as_recorded(value: Any) -> str:
    """A value from the export as `sources` records it: as given when it is short plain text
    or a whole number, else its Python repr (a NUL or a lone surrogate must not reach
    datapackage.json), cut to 40 characters.

    >>> as_recorded("99999999999"), as_recorded(1.5), as_recorded("a\\x00\\ud800")
    ('99999999999', '1.5', "'a\\\\x00\\\\ud800'")
    """
    plain = isinstance(value, str) and value.isascii() and value.isprintable()
    shown = value if plain else str(value) if type(value) is int else repr(value)
    return str(shown)[:40]


def checked_instant(
    value: Any, message_id: int, field_name: str, nulled: list[dict[str, Any]]
) -> datetime | None:
    """A message's instant from a `*_unixtime` value, or None with the reason appended to
    `nulled` when the value is no plausible date (see `instants`).

    >>> nulled = []
    >>> checked_instant("99999999999", 7, "published_at", nulled), nulled[0]["reason"]
    (None, 'after 2100')
    """
    if value is None:
        return None
    instant = unix_instant(value)
    reason = "not a Unix time" if instant is None else implausible(instant)
    if reason is None:
        return instant
    nulled.append(
        {
            "message_id": message_id,
            "field": field_name,
            "value": as_recorded(value),
            "reason": reason,
        }
    )
    return None


def checked_text(value: str | None, source_file: str, where: str) -> str | None:
    """The value unchanged; a NUL character or a lone surrogate (`\\u0000`, `\\ud800`: only
    binary data or a broken tool writes them) is refused, so that it never reaches a CSV."""
    if value is not None:
        if "\x00" in value:
            raise InputError(source_file, "NUL character in a text (binary data?)", where)
        if LONE_SURROGATE.search(value):
            raise InputError(source_file, "invalid Unicode (a lone surrogate) in a text", where)
    return value


def out_of_range(digits: str) -> str:
    """The reason for a message id too large for the table, shortened to fit one line.

    >>> print(out_of_range("9223372036854775808"))
    message id 9223372036854775808 out of range
    >>> print(out_of_range("1" * 400))
    message id 11111111111111111111… (400 digits) out of range
    """
    shown = digits if len(digits) <= 30 else f"{digits[:20]}… ({len(digits)} digits)"
    return f"message id {shown} out of range"


Content = tuple[str | None, str | None, str | None]  # text, media type, forwarded from


def version_of(versions: dict[int, list[Content]], message_id: int, content: Content) -> int:
    """0 for a message id's first content, 1, 2, … for other contents under the same id; the
    same content again gets its earlier number (a repeat, collapsed later).

    >>> versions, a, b = {}, ("a", None, None), ("b", None, None)
    >>> [version_of(versions, 5, content) for content in (a, b, a)]
    [0, 1, 0]
    """
    seen = versions.setdefault(message_id, [])
    if content not in seen:
        seen.append(content)
    return seen.index(content)


def export_notes(
    versions: dict[int, list[Content]], nulled: list[dict[str, Any]], **counts: int
) -> dict[str, Any]:
    """What `sources` records about an export beyond its posts: ids that carried different
    contents (each kept as a post), dates set aside, and repairs counted in `counts`."""
    notes: dict[str, Any] = {name: n for name, n in counts.items() if n}
    duplicates = sorted(n for n, seen in versions.items() if len(seen) > 1)
    if duplicates:
        notes["duplicate_message_ids"] = duplicates
    if nulled:
        notes["nulled_dates"] = nulled
    return notes


def channel_key(export: dict[str, Any], username: str | None) -> str | None:
    """What tells this channel from another of the same name: its numeric id, else its
    username; None when the export carries neither."""
    number = export.get("id")
    if isinstance(number, int) and not isinstance(number, bool):
        return f"id:{number}"
    return f"@{username}" if username else None


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
    except ValueError as err:  # a number of thousands of digits: Python refuses to convert it
        raise InputError(source_file, "invalid JSON (a number too long to read)") from err
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
    ...     '{"id": 2, "type": "message", "date_unixtime": "1695031200", "text": ["Hi ", '
    ...     '{"type": "hashtag", "text": "#Tag"}]}]}', "result.json")
    >>> [(p.message_id, p.text, p.url) for p in export.posts], export.skipped
    ([(2, 'Hi #Tag', 'https://t.me/mid_rf/2')], {'service': 1})
    """
    export = load_export(text, source_file)
    name = checked_text(
        export.get("name") if isinstance(export.get("name"), str) else None, source_file, "name"
    )
    channel = unicodedata.normalize("NFC", name) if name is not None else None
    username = channel_username(export)
    key = channel_key(export, username)
    posts: list[RawPost] = []
    skipped: Counter[str] = Counter()
    nulled: list[dict[str, Any]] = []
    versions: dict[int, list[Content]] = {}
    for index, message in enumerate(export["messages"]):
        where = f"messages[{index}]"
        if not isinstance(message, dict):
            raise InputError(source_file, "message is not an object", where)
        message_id = message.get("id")
        if not isinstance(message_id, int) or isinstance(message_id, bool) or message_id < 0:
            raise InputError(source_file, "message without a valid id", where)
        if message_id > MAX_MESSAGE_ID:
            raise InputError(source_file, out_of_range(str(message_id)), where)
        if message.get("type", "message") != "message":
            skipped[as_recorded(message.get("type"))] += 1
            continue
        body, media = message_text(message.get("text")), media_type(message)
        if body is None and media is None:
            skipped["empty"] += 1
            continue
        checked_text(body, source_file, where)
        checked_text(media, source_file, where)
        forwarded = message.get("forwarded_from")
        forwarded_from = (
            forwarded_name(checked_text(forwarded, source_file, where) or "") or None
            if isinstance(forwarded, str)
            else None
        )
        posts.append(
            RawPost(
                source_file=source_file,
                kind="telegram",
                text=body,
                channel=channel,
                forwarded_from=forwarded_from,
                media_type=media,
                published_at=checked_instant(
                    message.get("date_unixtime"), message_id, "published_at", nulled
                ),
                edited_at=checked_instant(
                    message.get("edited_unixtime"), message_id, "edited_at", nulled
                ),
                message_id=message_id,
                url=f"https://t.me/{username}/{message_id}" if username else None,
                channel_key=key,
                # the same id with another content is another post, kept under its own id
                variant=version_of(versions, message_id, (body, media, forwarded_from)),
            )
        )
    return TelegramExport(
        channel,
        posts,
        len(export["messages"]),
        dict(sorted(skipped.items())),
        export_notes(versions, nulled),
    )
