"""Random mutations of every fixture and seed file, in a fixed-seed loop: each mutated file is
read, parsed, extracted and merged into valid tables, or refused with one InputError naming
it; never a traceback, never a hang."""

from __future__ import annotations

import json
import random
import signal
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from sidelines.extract.per_file import FileExtract, extract_source
from sidelines.merge_stage import make_tables
from sidelines.package.descriptor import source_entries
from sidelines.package.schema import load_schemas
from sidelines.package.validate import validate_tables
from sidelines.records import InputError
from sidelines.sources import RawSource
from tests.conftest import RAW, SCHEMAS

FIXTURES = Path(__file__).parent / "fixtures"
# Every raw input among the fixtures; gold annotations (JSON that no build reads) are not inputs.
FILES = sorted(
    [
        p
        for p in FIXTURES.rglob("*")
        if p.is_file() and p.suffix in {".txt", ".json", ".html"} and "gold" not in p.parts
    ]
    + sorted(RAW.iterdir())
)
MUTATIONS_PER_FILE = 50
SECONDS_PER_CASE = 20  # generous for a shared machine; a hang is minutes
GROWTH_LIMIT = 32_000  # bytes a mutation may add: enough for long runs, small enough to be quick

# Fragments that steer mutations to the parsers' edges: markup, JSON, cues, bad characters.
TOKENS = [
    b'<div class="message default clearfix" id="message77">',
    b'<div class="text">',
    b"</div>",
    b"<br>",
    b"<span><b>" * 40,  # repeated, nests deeper than Python's recursion limit
    b"<a",
    b'<div class="pull_right date details" title="01.01.2001 10:00:00 UTC+03:00">',
    b'"id": 99999999999999999999,',
    b'"id": 1, "type": "message", "text": "x"}, {',
    b'"date_unixtime": "-99999999999",',
    b'"text": "\\u0000"',
    b'"\\ud800"',
    b"[",
    b"{",
    b"}",
    b"\x00",
    b"\xff\xfe",
    b"\r",
    b"\n\n",
    b"Forwarded from ",
    "🇷🇺🇲🇱 ".encode(),
    "🗓 ".encode(),
    "📍 ".encode(),
    "#РоссияМали #ГАООН78\n".encode(),
    b"More to come!\n",
    " на полях ".encode(),
    "встретился с ".encode(),
    b"  " * 50,
]


# Values a mutated export may carry anywhere a message field is expected.
HOSTILE_VALUES: list[Any] = [
    None,
    True,
    -1,
    0,
    2**63,
    10**30,
    1.5,
    "",
    "\u0000",
    "\ud800",
    "99999999999",
    "\u0000 \ud800",
    "-99999999999",
    "x" * 5_000,
    " " * 5_000 + "x",
    [],
    [{"type": "hashtag", "text": "#Tag"}, 5, None, {"text": ["nested"]}],
    {"text": "object"},
    [[[[[[["deep"]]]]]]],
]
MESSAGE_KEYS = [
    "id",
    "type",
    "text",
    "date_unixtime",
    "edited_unixtime",
    "forwarded_from",
    "media_type",
    "photo",
    "file",
]


def mutate_export(data: bytes, rng: random.Random) -> bytes:
    """Edits to an export's structure that keep it JSON: a field set to a hostile value or
    removed, a message repeated (same or other text) or dropped, the channel's fields."""
    export = json.loads(data)
    messages = export["messages"]
    for _ in range(rng.randint(1, 6)):
        kind = rng.choice([0, 0, 0, 1, 2, 3, 4])
        if kind == 0 and messages:
            rng.choice(messages)[rng.choice(MESSAGE_KEYS)] = rng.choice(HOSTILE_VALUES)
        elif kind == 1 and messages:
            rng.choice(messages).pop(rng.choice(MESSAGE_KEYS), None)
        elif kind == 2 and messages:
            copy = dict(rng.choice(messages))
            if rng.random() < 0.5:
                copy["text"] = rng.choice(["другой текст", copy.get("text"), ""])
            messages.insert(rng.randrange(len(messages) + 1), copy)
        elif kind == 3 and messages:
            messages.pop(rng.randrange(len(messages)))
        else:
            export[rng.choice(["name", "id", "username", "type"])] = rng.choice(HOSTILE_VALUES)
    return json.dumps(export, ensure_ascii=rng.random() < 0.5).encode()


def mutate_lines(data: bytes, rng: random.Random) -> bytes:
    """Edits to a UTF-8 text's lines that keep it decodable: lines dropped, repeated, swapped,
    cue lines and emoji markers inserted, blank lines added or removed."""
    lines = data.decode("utf-8").split("\n")
    for _ in range(rng.randint(1, 4)):
        i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
        kind = rng.randrange(5)
        if kind == 0 and len(lines) > 1:
            lines.pop(i)
        elif kind == 1:
            lines[i:i] = [lines[i]] * rng.choice([1, 2, 50])
        elif kind == 2:
            lines[i], lines[j] = lines[j], lines[i]
        elif kind == 3:
            lines.insert(i, rng.choice(TOKENS).decode("utf-8", errors="replace").strip())
        else:
            lines[i] = rng.choice(["", "🗓 ", "❗️ ", "🇷🇺🇹🇷 ", "#Тег "]) + lines[i]
    return "\n".join(lines).encode("utf-8")


def mutate(data: bytes, rng: random.Random) -> bytes:
    """A structural edit (an export's fields, a UTF-8 text's lines) or one to three raw byte
    edits: flip, delete, repeat, insert a token, truncate, swap."""
    if rng.random() < 0.5:
        try:
            if data.lstrip().startswith(b"{"):
                return mutate_export(data, rng)
            return mutate_lines(data, rng)
        except (ValueError, KeyError, TypeError):
            pass  # not UTF-8 or not an export: edit the bytes instead
    for _ in range(rng.randint(1, 3)):
        n = len(data)
        a, b = sorted((rng.randrange(n + 1), rng.randrange(n + 1)))
        kind = rng.randrange(6)
        if kind == 0 and n:
            i = rng.randrange(n)
            data = data[:i] + bytes([rng.randrange(256)]) + data[i + 1 :]
        elif kind == 1:
            data = data[:a] + data[b:]
        elif kind == 2 and b > a:
            times = max(1, min(rng.choice([2, 10, 100, 1000]), GROWTH_LIMIT // (b - a)))
            data = data[:b] + data[a:b] * times + data[b:]
        elif kind == 3:
            token = rng.choice(TOKENS) * rng.choice([1, 1, 2, 50])
            data = data[:a] + token + data[a:]
        elif kind == 4:
            data = data[:a]
        else:
            data = data[:a] + data[b:] + data[a:b]
    return data


@contextmanager
def time_limit(seconds: float, case: str) -> Iterator[None]:
    """Fail the case (instead of hanging the suite) when it runs longer than `seconds`."""

    def expire(signum: int, frame: object) -> None:
        raise TimeoutError(f"{case}: no result after {seconds} s")

    previous: Callable[..., object] | int | None = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.relative_to(p.parents[1]).as_posix())
def test_mutations_are_read_or_refused_in_one_line(path: Path) -> None:
    schemas = load_schemas(SCHEMAS)
    original = path.read_bytes()
    rng = random.Random(f"sidelines:{path.name}")  # fixed seed per file: the same cases each run
    outcomes = {"read": 0, "refused": 0}
    slowest = 0.0
    for case in range(MUTATIONS_PER_FILE):
        data = mutate(original, rng)
        name = f"{path.name}#{case}"
        started = time.perf_counter()
        with time_limit(SECONDS_PER_CASE, name):
            result = extract_source(RawSource(name, data))
            if isinstance(result, InputError):
                assert result.source_file == name
                assert "\n" not in str(result), str(result)
                outcomes["refused"] += 1
            else:
                assert isinstance(result, FileExtract)
                (entry,) = source_entries([RawSource(name, data)], [result])
                json.dumps(entry, ensure_ascii=False).encode("utf-8")  # writable as is
                tables, _ = make_tables([result], schemas)
                assert validate_tables(tables, schemas) == [], name
                for frame in tables.values():  # no NUL reaches a CSV cell
                    text = frame.select(pl.col(pl.String).str.contains("\x00", literal=True).any())
                    assert not any(text.row(0)), name
                outcomes["read"] += 1
        slowest = max(slowest, time.perf_counter() - started)
    assert sum(outcomes.values()) == MUTATIONS_PER_FILE
    assert outcomes["read"] > 0  # the edits reach the parsers, not only the decoder
    assert slowest < SECONDS_PER_CASE
