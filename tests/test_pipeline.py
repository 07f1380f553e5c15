"""Builds from the input fixtures: rows asserted one by one, nothing lost, bad files refused
or (with --skip-bad) set aside and reported."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from sidelines.cli import main
from sidelines.parse.dispatch import ParsedSource, parse_source
from sidelines.pipeline import BuildConfig, BuildSummary, build
from sidelines.sources import RawSource, decode_source
from tests.conftest import RAW, SCHEMAS, read_table
from tests.fixtures import INPUTS

DUMPS = [
    "dump-utf8.txt",
    "dump-utf8-bom-nfd.txt",
    "dump-utf16-bom.txt",
    "dump-cp1251.txt",
    "dump-crlf.txt",
    "dump-cr.txt",
]
EXPORTS = ["result.json", "messages.html"]


def build_from(tmp: Path, files: dict[str, bytes], skip_bad: bool = False) -> BuildSummary:
    raw = tmp / "raw"
    raw.mkdir(exist_ok=True)
    for name, data in files.items():
        (raw / name).write_bytes(data)
    return build(BuildConfig(raw, tmp / "pkg", SCHEMAS, skip_bad=skip_bad))


def fixture(*names: str) -> dict[str, bytes]:
    return {name: (INPUTS / name).read_bytes() for name in names}


def rows(package: Path, *columns: str) -> list[tuple[str | None, ...]]:
    posts = read_table(package, "posts").sort("source_file", "line_start", "message_id")
    return [tuple(r) for r in posts.select(columns).iter_rows()]


def tags(package: Path, key: str) -> list[tuple[str | None, ...]]:
    posts = read_table(package, "posts").select("post_id", key)
    joined = read_table(package, "hashtags").join(posts, on="post_id")
    return [
        tuple(r)
        for r in joined.sort(key, "position").select(key, "position", "tag", "country").iter_rows()
    ]


MEETING_COLUMNS = (
    "counterpart_country",
    "counterpart_org",
    "counterpart_name",
    "counterpart_role",
    "russian_participant",
    "date",
    "date_precision",
    "unga_session",
    "location",
    "format",
    "status",
)


def meetings(package: Path, key: str) -> list[tuple[Any, ...]]:
    """Each meeting's columns, then its sources as (the post's `key`, lang), by date."""
    posts = dict(read_table(package, "posts").select("post_id", key).iter_rows())
    sources: dict[str, list[tuple[str | None, str | None]]] = {}
    for meeting_id, post_id, lang in read_table(package, "meeting_sources").iter_rows():
        sources.setdefault(meeting_id, []).append((posts[post_id], lang))
    table = read_table(package, "meetings")
    assert set(sources) == set(table["meeting_id"]), "a meeting without sources, or vice versa"
    found = [
        (*row[1:], tuple(sorted(sources[row[0]], key=str)))
        for row in table.select("meeting_id", *MEETING_COLUMNS).iter_rows()
    ]
    return sorted(found, key=lambda row: (row[MEETING_COLUMNS.index("date")] or "", str(row)))


@pytest.mark.parametrize("name", [pytest.param(n, id=n) for n in DUMPS])
def test_dump_in_any_encoding_builds_the_same_rows(tmp_path: Path, name: str) -> None:
    build_from(tmp_path, fixture(name))
    pkg = tmp_path / "pkg"
    assert rows(pkg, "line_start", "line_end", "channel", "forwarded_from", "lang", "text") == [
        (
            "3",
            "7",
            "Посольство России в Примерии",
            "МИД России",
            "ru",
            "С.В.Лавров провёл встречу с коллегой на полях 78-й сессии ГА ООН.\n"
            "«Стороны обсудили сотрудничество» — сообщили в МИД.\n\n#РоссияМали #ГАООН78",
        ),
        (
            "8",
            "9",
            "Посольство России в Примерии",
            None,
            "ru",
            "Посол принял делегацию 22 сентября.\n#РоссияЕгипет",
        ),
    ]
    assert tags(pkg, "line_start") == [
        ("3", "1", "РоссияМали", "MLI"),
        ("3", "2", "ГАООН78", None),
        ("8", "1", "РоссияЕгипет", "EGY"),
    ]
    # the first post's partner comes from its one bilateral hashtag; "коллега" is no office;
    # the second: «принял» (received) is a meeting (issue 12), but «делегацию» names no one
    # and no state: no meeting
    assert meetings(pkg, "line_start") == [
        (
            "MLI",
            None,
            None,
            None,
            "Sergey Lavrov",
            None,
            "unknown",
            "78",
            "New York",
            "bilateral",
            "held",
            (("3", "ru"),),
        )
    ]
    (source,) = json.loads((pkg / "datapackage.json").read_text(encoding="utf-8"))["sources"]
    assert source["format"] == "channel_dump"
    assert (
        source["encoding"] == decode_source(RawSource(name, (INPUTS / name).read_bytes())).encoding
    )


def test_json_export_rows(tmp_path: Path) -> None:
    build_from(tmp_path, fixture("result.json"))
    pkg = tmp_path / "pkg"
    columns = (
        "message_id",
        "forwarded_from",
        "media_type",
        "published_at",
        "edited_at",
        "url",
        "lang",
        "unga_session",
        "line_start",
    )
    url = "https://t.me/rusembmali_example/"
    assert rows(pkg, *columns) == [
        ("2", None, None, "2023-09-21T11:05:00Z", None, url + "2", "ru", "78", None),
        ("3", None, "photo", "2023-09-21T11:10:00Z", None, url + "3", None, None, None),
        ("4", "Russian MFA", None, "2023-09-21T12:00:00Z", None, url + "4", "en", "78", None),
        (
            "6",
            None,
            "video_file",
            "2023-09-22T07:45:00Z",
            "2023-09-22T09:20:00Z",
            url + "6",
            "ru",
            "78",
            None,
        ),
    ]
    texts = dict(rows(pkg, "message_id", "text"))
    assert texts["2"] == (
        "21 сентября С.В.Лавров провёл встречу с Министром иностранных дел Мали на полях 78-й "
        "сессии ГА ООН.\n\n#РоссияМали #ГАООН78"
    )
    assert texts["3"] is None
    assert texts["6"] == "Видео: «встреча»\tна полях https://un.org\n#ГАООН78"
    assert tags(pkg, "message_id") == [
        ("2", "1", "РоссияМали", "MLI"),
        ("2", "2", "ГАООН78", None),
        ("4", "1", "RussiaMali", "MLI"),
        ("4", "2", "UNGA78", None),
        ("6", "1", "ГАООН78", None),
    ]
    # one meeting told in Russian (2) and forwarded in English (4): the role from the English;
    # the photo (3) and the video caption with no Russian side (6) report none
    assert meetings(pkg, "message_id") == [
        (
            "MLI",
            None,
            None,
            "Foreign Minister of Mali",
            "Sergey Lavrov",
            "2023-09-21",
            "stated",
            "78",
            "New York",
            "bilateral",
            "held",
            (("2", "ru"), ("4", "en")),
        )
    ]
    (source,) = json.loads((pkg / "datapackage.json").read_text(encoding="utf-8"))["sources"]
    assert source | {"hash": None} == {
        "title": "result.json",
        "path": "raw/result.json",
        "bytes": (INPUTS / "result.json").stat().st_size,
        "hash": None,
        "format": "telegram_json",
        "encoding": "utf-8",
        "posts": 4,
        "messages": 6,
        "skipped_messages": {"service": 2},
    }


def test_html_export_rows(tmp_path: Path) -> None:
    build_from(tmp_path, fixture("messages.html"))
    pkg = tmp_path / "pkg"
    columns = (
        "message_id",
        "line_start",
        "channel",
        "forwarded_from",
        "media_type",
        "published_at",
        "lang",
        "text",
    )
    assert rows(pkg, *columns) == [
        (
            "101",
            "24",
            "Embassy of Russia in Egypt",
            None,
            None,
            "2023-09-21T11:05:00Z",
            "en",
            '🇷🇺🇪🇬 Sergey Lavrov met Sameh Shoukry & the "Egyptian delegation" in New York.\n\n'
            "#RussiaEgypt #UNGA78",
        ),
        (
            "102",
            "44",
            "Embassy of Russia in Egypt",
            None,
            "photo",
            "2023-09-21T11:06:00Z",
            None,
            None,
        ),
        (
            "104",
            "61",
            "Embassy of Russia in Egypt",
            "МИД России",
            None,
            "2023-09-22T06:00:00Z",
            "ru",
            "22 сентября С.В.Лавров встретился с Министром иностранных дел Египта.\n#РоссияЕгипет",
        ),
    ]
    assert tags(pkg, "message_id") == [
        ("101", "1", "RussiaEgypt", "EGY"),
        ("101", "2", "UNGA78", None),
        ("104", "1", "РоссияЕгипет", "EGY"),
    ]
    # 101 is dated by its publication (21 September), 104 states 22 September: two meetings
    assert meetings(pkg, "message_id") == [
        (
            "EGY",
            None,
            "Sameh Shoukry",
            None,
            "Sergey Lavrov",
            "2023-09-21",
            "published",
            "78",
            "New York",
            "bilateral",
            "held",
            (("101", "en"),),
        ),
        (
            "EGY",
            None,
            None,
            "Министр иностранных дел Египта",
            "Sergey Lavrov",
            "2023-09-22",
            "stated",
            None,
            None,
            "bilateral",
            "held",
            (("104", "ru"),),
        ),
    ]


def parsed(path: Path) -> tuple[ParsedSource, str]:
    source = decode_source(RawSource(path.name, path.read_bytes()))
    return parse_source(source), source.text


def unaccounted_lines(source: ParsedSource, text: str) -> list[int]:
    """Non-blank lines in no post, not in the header and not reported as unassigned."""
    covered = set(range(1, source.header_lines + 1)) | set(source.unassigned_lines)
    for post in source.posts:
        assert post.line_start is not None and post.line_end is not None
        span = range(post.line_start, post.line_end + 1)
        if source.format == "article":  # the copies follow the first, back to back
            span = range(post.line_start, len(text.split("\n")) + 1)
        assert not covered & set(span), "a line is counted twice"
        covered |= set(span)
    lines = text.split("\n")
    return [n for n, line in enumerate(lines, start=1) if line.strip() and n not in covered]


ALL_TEXT = [INPUTS / n for n in DUMPS] + sorted(RAW.iterdir())


@pytest.mark.parametrize("path", [pytest.param(p, id=p.name) for p in ALL_TEXT])
def test_every_line_of_a_text_source_is_accounted_for(path: Path) -> None:
    source, text = parsed(path)
    assert unaccounted_lines(source, text) == []
    assert source.messages is None


@pytest.mark.parametrize("name", [pytest.param(n, id=n) for n in EXPORTS])
def test_every_message_of_an_export_is_a_post_or_a_counted_skip(name: str) -> None:
    source, text = parsed(INPUTS / name)
    counted = (
        len(json.loads(text)["messages"])
        if name.endswith(".json")
        else len(re.findall(r'<div class="message ', text))
    )
    assert source.messages == counted
    assert len(source.posts) + sum(source.skipped_messages.values()) == counted
    assert source.skipped_messages == {"service": 2}


# ---- bad input: refused in one line naming the file, the previous package untouched ----

GOOD = (INPUTS / "result.json").read_bytes()
BAD = [
    pytest.param("bad.txt", b"", "bad.txt: empty file", id="empty"),
    pytest.param(
        "bad.jpg.txt", b"\xff\xd8\xff\xe0\x00\x10JFIF", "bad.jpg.txt:byte 0: binary", id="binary"
    ),
    pytest.param(
        "result.json",
        GOOD[: len(GOOD) // 2],
        "result.json:line 54: invalid JSON (Expecting value",
        id="truncated-json",
    ),
    pytest.param(
        "bad.json",
        b'{"name": "x", "messages": [}',
        "bad.json:line 1: invalid JSON",
        id="invalid-json",
    ),
    pytest.param(
        "feed.txt", b"<?xml version='1.0'?><rss/>", "feed.txt: unknown format", id="unknown-format"
    ),
    pytest.param(
        "other.json", b'{"rows": [1, 2]}', "other.json: unknown format", id="json-not-an-export"
    ),
    pytest.param(
        "service.json",
        b'{"name": "x", "messages": [{"id": 1, "type": "service", "text": ""}]}',
        "service.json: no posts found (1 service skipped)",
        id="no-posts",
    ),
    pytest.param(
        "broken.txt",
        "Канал\nПост.\n".encode() + b"\xc3\x28 x",
        "broken.txt:byte 21: undecodable bytes",
        id="undecodable",
    ),
]


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


@pytest.mark.parametrize(("name", "data", "message"), BAD)
def test_bad_input_is_refused_and_the_package_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, data: bytes, message: str
) -> None:
    raw, out = tmp_path / "raw", tmp_path / "pkg"
    shutil.copytree(RAW, raw)
    assert main(["build", "--raw", str(raw), "--out", str(out), "--schemas", str(SCHEMAS)]) == 0
    before = tree(out)
    (raw / name).write_bytes(data)
    capsys.readouterr()
    status = main(["build", "--raw", str(raw), "--out", str(out), "--schemas", str(SCHEMAS)])
    captured = capsys.readouterr()
    assert status == 1
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], captured.err
    assert tree(out) == before
    # No leftovers: only the lock file that every build of `pkg` shares stays beside it.
    assert sorted(p.name for p in tmp_path.iterdir()) == [".pkg.lock", "pkg", "raw"]


def test_skip_bad_builds_the_rest_and_reports_each_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = fixture("result.json") | {
        "a-empty.txt": b"",
        "b-binary.txt": b"\x89PNG\r\n\x1a\n",
        "c-truncated.json": GOOD[:100],
    }
    summary = build_from(tmp_path, files, skip_bad=True)
    assert (summary.files, summary.posts) == (1, 4)
    assert summary.skipped == [
        {"file": "a-empty.txt", "reason": "a-empty.txt: empty file"},
        {"file": "b-binary.txt", "reason": "b-binary.txt:byte 0: binary file (PNG image)"},
        {
            "file": "c-truncated.json",
            "reason": "c-truncated.json:line 4: invalid JSON (Expecting ',' delimiter, column 14)",
        },
    ]
    sources = json.loads((tmp_path / "pkg" / "datapackage.json").read_text())["sources"]
    assert [(s["title"], s.get("skipped")) for s in sources] == [
        ("a-empty.txt", "a-empty.txt: empty file"),
        ("b-binary.txt", "b-binary.txt:byte 0: binary file (PNG image)"),
        ("c-truncated.json", summary.skipped[2]["reason"]),
        ("result.json", None),
    ]
    # and through the command line: one summary line, then one line per skipped file
    status = main(
        [
            "build",
            "--raw",
            str(tmp_path / "raw"),
            "--out",
            str(tmp_path / "pkg2"),
            "--schemas",
            str(SCHEMAS),
            "--skip-bad",
        ]
    )
    out = capsys.readouterr().out.strip().splitlines()
    assert status == 0
    built = next(i for i, line in enumerate(out) if line.startswith("built "))
    assert "1 file read, 4 posts" in out[built] and "3 files skipped" in out[built]
    assert out[built + 1 :] == [f"skipped {s['reason']}" for s in summary.skipped]


def test_skip_bad_with_nothing_readable_still_fails(tmp_path: Path) -> None:
    with pytest.raises(Exception, match="all 1 files skipped"):
        build_from(tmp_path, {"a.txt": b""}, skip_bad=True)
    assert not (tmp_path / "pkg").exists()


def test_seed_sources_entry_is_unchanged(seed_package: Path) -> None:
    sources: list[dict[str, Any]] = json.loads(
        (seed_package / "datapackage.json").read_text(encoding="utf-8")
    )["sources"]
    assert [sorted(s) for s in sources] == [
        ["bytes", "encoding", "format", "hash", "path", "posts", "title"]
    ] * 2
    assert pl.read_csv(seed_package / "data" / "posts.csv")["edited_at"].null_count() == 15
