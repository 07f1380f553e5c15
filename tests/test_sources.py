"""Decoding raw bytes and telling the format from the content, never from the file name."""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sidelines.records import InputError
from sidelines.sources import (
    RawSource,
    UnknownFormat,
    decode,
    decode_source,
    detect_format,
    read_regular_file,
    read_sources,
)
from tests.fixtures import INPUTS

MASTER = (INPUTS / "dump-utf8.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "encoding"),
    [
        pytest.param("dump-utf8.txt", "utf-8", id="utf-8"),
        pytest.param("dump-utf8-bom-nfd.txt", "utf-8-sig", id="utf-8-bom-nfd"),
        pytest.param("dump-utf16-bom.txt", "utf-16-le", id="utf-16-bom"),
        pytest.param("dump-cp1251.txt", "cp1251", id="cp1251"),
        pytest.param("dump-crlf.txt", "utf-8", id="crlf"),
        pytest.param("dump-cr.txt", "utf-8", id="cr"),
    ],
)
def test_every_encoding_and_line_ending_gives_the_same_text(name: str, encoding: str) -> None:
    text, found = decode(RawSource(name, (INPUTS / name).read_bytes()))
    assert found == encoding
    assert text == MASTER
    assert unicodedata.is_normalized("NFC", text)


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        pytest.param("Ça va?\n".encode("utf-16-be"), None, id="utf-16-be-no-bom-is-binary"),
        pytest.param(b"\xfe\xff" + "Привет".encode("utf-16-be"), "utf-16-be", id="utf-16-be"),
        pytest.param(b"\xff\xfe\x00\x00" + "Да".encode("utf-32-le"), "utf-32-le", id="utf-32"),
        pytest.param(
            "Посол вручил верительные грамоты президенту республики.".encode("koi8_r"),
            "koi8_r",
            id="koi8-r",
        ),
    ],
)
def test_other_encodings(data: bytes, encoding: str | None) -> None:
    if encoding is None:
        with pytest.raises(InputError, match="binary"):
            decode(RawSource("f", data))
    else:
        assert decode(RawSource("f", data))[1] == encoding


@pytest.mark.parametrize(
    ("data", "reason", "where"),
    [
        pytest.param(b"", "empty file", None, id="empty"),
        pytest.param(b" \n\r\n\t", "empty file", None, id="blank"),
        pytest.param(b"\xef\xbb\xbf\n", "empty file", None, id="bom-only"),
        pytest.param(
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (PNG image)", "byte 0", id="png"
        ),
        pytest.param(b"%PDF-1.7\n%\xe2\xe3", "binary file (PDF document)", "byte 0", id="pdf"),
        pytest.param(b"abc\x00def", "binary file (NUL byte)", "byte 3", id="nul"),
        pytest.param(
            b"\xff\xfe" + "ab\x00c".encode("utf-16-le"),
            "binary file (NUL character)",
            "character 2",
            id="nul-in-utf-16",
        ),
        pytest.param(
            b"\xef\xbb\xbfab\x00c", "binary file (NUL character)", "character 2", id="nul-after-bom"
        ),
        pytest.param(
            "Канал\nТекст поста.\n".encode() + b"\xff\xfe\xfa broken",
            "undecodable bytes",
            "byte 34",
            id="broken-utf-8",
        ),
        pytest.param(b"\xff\xfeA", "undecodable bytes", "byte 2", id="odd-utf-16"),
        pytest.param(
            "Привет, мир".encode()[:-1],
            "undecodable bytes (the file ends inside a UTF-8 character",
            "byte 18",
            id="cut-mid-character",
        ),
    ],
)
def test_bad_bytes_are_refused_with_the_place(data: bytes, reason: str, where: str | None) -> None:
    with pytest.raises(InputError) as caught:
        decode(RawSource("dir/bad.txt", data))
    assert caught.value.source_file == "dir/bad.txt"
    assert caught.value.reason.startswith(reason)
    assert caught.value.where == where
    assert str(caught.value).startswith("dir/bad.txt")


@pytest.mark.parametrize(
    ("text", "format_"),
    [
        pytest.param('  {"name": "x", "messages": []}', "telegram_json", id="json"),
        pytest.param("[1, 2", "telegram_json", id="json-array-goes-to-the-json-parser"),
        pytest.param(
            '<html><div class="message default" id="message1">', "telegram_html", id="html"
        ),
        pytest.param("Title\n\nForwarded from MFA\nText", "channel_dump", id="dump"),
        pytest.param("Headline\n\nBody of the article.", "article", id="article"),
    ],
)
def test_format_from_content(text: str, format_: str) -> None:
    assert detect_format(text) == format_


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("<?xml version='1.0'?><rss></rss>", id="xml"),
        pytest.param("<!DOCTYPE html><html><p>News</p></html>", id="plain-html"),
        pytest.param("{\\rtf1\\ansi Hello}", id="rtf"),
    ],
)
def test_unknown_formats(text: str) -> None:
    with pytest.raises(UnknownFormat):
        detect_format(text)
    with pytest.raises(InputError, match=r"^page\.txt: unknown format"):
        decode_source(RawSource("page.txt", text.encode()))


def test_format_ignores_the_file_name() -> None:
    data = (INPUTS / "result.json").read_bytes()
    assert decode_source(RawSource("notes.txt", data)).format == "telegram_json"


@given(st.binary(max_size=300))
def test_decode_never_crashes_and_is_deterministic(data: bytes) -> None:
    source = RawSource("f", data)
    try:
        first = decode(source)
    except InputError as err:
        assert err.source_file == "f"
        return
    assert decode(source) == first
    assert "\r" not in first[0] and unicodedata.is_normalized("NFC", first[0])


@given(st.text(max_size=300))
def test_utf8_text_decodes_to_itself(text: str) -> None:
    expected = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip() or "\x00" in text or text.startswith("\ufeff"):
        return
    try:
        assert decode(RawSource("f", text.encode()))[0] == expected
    except InputError as err:  # only a text that opens like a binary format
        assert "binary" in err.reason


def folder_with_every_kind_of_entry(raw: Path, outside: Path) -> None:
    """A raw folder holding one of each entry the walker must account for."""
    (raw / "sub").mkdir(parents=True)
    (raw / "a.txt").write_text("Заголовок\n\nТекст статьи.", encoding="utf-8")
    (raw / "sub" / "b.json").write_bytes((INPUTS / "result.json").read_bytes())
    (raw / "notes.md").write_text("not an input", encoding="utf-8")
    (raw / ".hidden.txt").write_text("hidden", encoding="utf-8")
    (raw / ".git").mkdir()
    (raw / "folder.txt").mkdir()  # a folder named like a raw file …
    (raw / "folder.txt" / "inner.txt").write_text("Внутри папки.", encoding="utf-8")  # … read
    (raw / "empty").mkdir()
    (raw / "dangling.txt").symlink_to(raw / "missing.txt")
    outside.write_text("root:x:0:0:root:/root:/bin/bash", encoding="utf-8")
    (raw / "passwd.txt").symlink_to(outside)
    (raw / "link-inside.txt").symlink_to(raw / "a.txt")
    (raw / "link-to-sub").symlink_to(raw / "sub", target_is_directory=True)
    os.mkfifo(raw / "pipe.txt")
    (raw / os.fsdecode(b"caf\xe9.txt")).write_text("Кафе.", encoding="utf-8")


def test_every_entry_of_the_raw_folder_is_read_or_listed(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    folder_with_every_kind_of_entry(raw, tmp_path / "passwd")
    folder = read_sources(raw)
    assert [s.name for s in folder.files] == [
        "a.txt",
        "caf\\xe9.txt",
        "folder.txt/inner.txt",
        "link-inside.txt",
        "sub/b.json",
    ]
    assert folder.files[3].data == (raw / "a.txt").read_bytes()
    assert [(s.name, s.reason, s.bad) for s in folder.set_aside] == [
        (".git", "hidden, not read", False),
        (".hidden.txt", "hidden, not read", False),
        ("dangling.txt", "dangling symlink", True),
        ("empty", "empty folder", False),
        ("folder.txt", "a folder named like a raw file (its files are read)", False),
        ("link-to-sub", "symlink to a folder, not followed", False),
        ("notes.md", "not a raw file type, not read", False),
        ("passwd.txt", "symlink to a path outside the raw folder", True),
        ("pipe.txt", "a FIFO", True),
    ]


def test_an_unreadable_sub_folder_is_listed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Tests may run as root, whom permissions do not stop: the refusal is simulated.
    (tmp_path / "locked").mkdir()
    (tmp_path / "a.txt").write_text("Текст.", encoding="utf-8")
    scandir = os.scandir

    def refusing(path: Any) -> Any:
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied")
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refusing)
    folder = read_sources(tmp_path)
    assert [s.name for s in folder.files] == ["a.txt"]
    assert [(s.name, s.reason, s.bad) for s in folder.bad] == [
        ("locked", "unreadable folder (Permission denied)", True)
    ]


def test_a_file_swapped_for_a_fifo_is_not_waited_on(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "late.txt")
    with pytest.raises(OSError, match="not a regular file"):
        read_regular_file(tmp_path / "late.txt")


def test_a_file_swapped_for_a_symlink_is_not_followed(tmp_path: Path) -> None:
    (tmp_path / "secret").write_text("x", encoding="utf-8")
    (tmp_path / "late.txt").symlink_to(tmp_path / "secret")
    with pytest.raises(OSError):
        read_regular_file(tmp_path / "late.txt")


def test_an_empty_folder_named_like_a_raw_file_is_listed_once(tmp_path: Path) -> None:
    (tmp_path / "x.txt").mkdir()
    (tmp_path / "a.txt").write_text("Текст.", encoding="utf-8")
    assert [(s.name, s.reason) for s in read_sources(tmp_path).set_aside] == [
        ("x.txt", "a folder named like a raw file, empty")
    ]
