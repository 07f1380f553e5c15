"""Nothing in the raw folder is dropped silently: every message, line, file and folder is in
a post or listed in `sources` with a reason; bad entries stop the build in one line unless
--skip-bad sets them aside."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from sidelines.extract.per_file import FileExtract, extract_source
from sidelines.merge_stage import make_tables
from sidelines.package.schema import load_schemas
from sidelines.package.validate import validate_tables
from sidelines.pipeline import BuildConfig, build
from sidelines.records import InputError
from sidelines.sources import RawSource
from tests.conftest import SCHEMAS
from tests.test_sources import folder_with_every_kind_of_entry

# Written for these tests, modelled on TASS via Trend, "Лавров проводит в ООН переговоры с
# главой МИД Турции" (novostiaze.com/news/68537) and ILNA, "Lavrov and Fidan hold talk on
# the sidelines of the BRICS meeting" (ilna.ir/Section-world-8/1492579).
TALKS_RU = "С.В.Лавров и глава МИД Турции Х.Фидан провели беседу в штаб-квартире ООН."
TALKS_EN = "Sergey Lavrov and Hakan Fidan talked in Nizhny Novgorod ahead of the BRICS meeting."


def export(channel_id: int | None, *messages: dict[str, Any], name: str = "Посольство") -> bytes:
    top: dict[str, Any] = {"name": name, "type": "public_channel", "messages": list(messages)}
    if channel_id is not None:
        top["id"] = channel_id
    return json.dumps(top, ensure_ascii=False).encode()


def extracted(files: dict[str, bytes]) -> list[FileExtract]:
    results = [extract_source(RawSource(name, data)) for name, data in files.items()]
    assert all(isinstance(r, FileExtract) for r in results), results
    return [r for r in results if isinstance(r, FileExtract)]


def tables_of(files: dict[str, bytes]) -> dict[str, Any]:
    schemas = load_schemas(SCHEMAS)
    tables, _ = make_tables(extracted(files), schemas)
    assert validate_tables(tables, schemas) == []
    return tables


def test_same_name_channels_with_other_ids_both_contribute() -> None:
    posts = tables_of(
        {
            "embassy-a.json": export(101, {"id": 1, "type": "message", "text": TALKS_RU}),
            "embassy-b.json": export(202, {"id": 1, "type": "message", "text": TALKS_EN}),
        }
    )["posts"]
    assert sorted(posts["source_file"].to_list()) == ["embassy-a.json", "embassy-b.json"]
    assert posts["post_id"].n_unique() == 2


def test_a_repeated_id_with_another_text_is_kept_twice() -> None:
    posts = tables_of(
        {
            "result.json": export(
                7,
                {"id": 5, "type": "message", "text": TALKS_RU},
                {"id": 5, "type": "message", "text": TALKS_EN},
                {"id": 5, "type": "message", "text": TALKS_RU},
            )
        }
    )["posts"].sort("text")
    assert posts.select("message_id", "text", "copies").rows() == [
        (5, TALKS_EN, 1),
        (5, TALKS_RU, 2),
    ]


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        pytest.param(
            lambda raw, tmp: (raw / "passwd.txt").symlink_to(tmp / "secret"),
            "passwd.txt: symlink to a path outside the raw folder",
            id="symlink-outside-raw",
        ),
        pytest.param(
            lambda raw, tmp: (raw / "gone.txt").symlink_to(raw / "nothing"),
            "gone.txt: dangling symlink",
            id="dangling-symlink",
        ),
        pytest.param(lambda raw, tmp: os.mkfifo(raw / "pipe.json"), "pipe.json: a FIFO", id="fifo"),
    ],
)
def test_a_bad_entry_stops_the_build_in_one_line(make: Any, reason: str, tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    (tmp_path / "secret").write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    (raw / "a.txt").write_text(TALKS_RU, encoding="utf-8")
    make(raw, tmp_path)
    with pytest.raises(InputError) as caught:
        build(BuildConfig(raw, tmp_path / "pkg", SCHEMAS))
    assert str(caught.value) == reason
    assert not (tmp_path / "pkg").exists()


def test_skip_bad_lists_every_entry_and_every_repair(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    folder_with_every_kind_of_entry(raw, tmp_path / "passwd")
    (raw / "sub" / "c.json").write_bytes(
        export(
            9,
            {"id": 1, "type": "message", "text": TALKS_RU, "date_unixtime": "99999999999"},
            {"id": 1, "type": "message", "text": TALKS_EN},
        )
    )
    (raw / "sub" / "d.html").write_text(
        '<div class="history"><div class="message default" id="message1">'
        f'<div class="text">{TALKS_RU}\n'
        f'<div class="message default" id="message2"><div class="text">{TALKS_EN}</div></div>',
        encoding="utf-8",
    )
    summary = build(BuildConfig(raw, tmp_path / "pkg", SCHEMAS, skip_bad=True))
    descriptor = json.loads((tmp_path / "pkg" / "datapackage.json").read_text(encoding="utf-8"))
    sources = {s["title"]: s for s in descriptor["sources"]}
    assert list(sources) == sorted(sources)
    assert {name: s.get("skipped") for name, s in sources.items() if "skipped" in s} == {
        "dangling.txt": "dangling.txt: dangling symlink",
        "passwd.txt": "passwd.txt: symlink to a path outside the raw folder",
        "pipe.txt": "pipe.txt: a FIFO",
    }
    assert {name: s["ignored"] for name, s in sources.items() if "ignored" in s} == {
        ".git": "hidden, not read",
        ".hidden.txt": "hidden, not read",
        "empty": "empty folder",
        "folder.txt": "a folder named like a raw file (its files are read)",
        "link-to-sub": "symlink to a folder, not followed",
        "notes.md": "not a raw file type, not read",
    }
    read = {name for name, s in sources.items() if "format" in s}
    assert read == {
        "a.txt",
        "caf\\xe9.txt",
        "folder.txt/inner.txt",
        "link-inside.txt",
        "sub/b.json",
        "sub/c.json",
        "sub/d.html",
    }
    assert sources["sub/c.json"]["duplicate_message_ids"] == [1]
    assert sources["sub/c.json"]["nulled_dates"] == [
        {"message_id": 1, "field": "published_at", "value": "99999999999", "reason": "after 2100"}
    ]
    assert sources["sub/d.html"]["unclosed_messages"] == 1
    assert sources["sub/d.html"]["posts"] == 2
    assert sources["sub/c.json"]["posts"] == 2
    assert [s["file"] for s in summary.skipped] == ["dangling.txt", "passwd.txt", "pipe.txt"]
    posts = (tmp_path / "pkg" / "data" / "posts.csv").read_text(encoding="utf-8")
    assert "root:x:0:0" not in posts
    assert "caf\\xe9.txt" in posts


def test_an_id_edited_between_two_exports_is_kept_in_both_versions() -> None:
    before = {"id": 5, "type": "message", "text": f"{TALKS_RU}\n#РоссияТурция"}
    after = {"id": 5, "type": "message", "text": f"{TALKS_RU} Обновлено.\n#РоссияТурция #ООН"}
    same = {"id": 6, "type": "message", "text": TALKS_EN}
    tables = tables_of(
        {
            "2024-09.json": export(7, before, same),
            "2024-10.json": export(7, after, same),
        }
    )
    posts = tables["posts"].sort("source_file", "message_id")
    assert posts.select("source_file", "message_id", "copies").rows() == [
        ("2024-09.json", 5, 1),
        ("2024-09.json", 6, 2),  # the same message in both exports: one post, two copies
        ("2024-10.json", 5, 1),
    ]
    assert posts["post_id"].n_unique() == 3
    tags = tables["hashtags"].join(posts.select("post_id", "source_file"), on="post_id")
    assert sorted(tags.select("source_file", "tag").rows()) == [
        ("2024-09.json", "РоссияТурция"),
        ("2024-10.json", "ООН"),
        ("2024-10.json", "РоссияТурция"),
    ]


def test_same_name_html_exports_both_contribute() -> None:
    def page(text: str) -> bytes:
        return (
            '<div class="page_header"><div class="text bold">Посольство</div></div>'
            '<div class="history"><div class="message default" id="message3">'
            f'<div class="text">{text}</div></div></div>'
        ).encode()

    posts = tables_of({"a/messages.html": page(TALKS_RU), "b/messages.html": page(TALKS_EN)})[
        "posts"
    ]
    assert sorted(posts["text"].to_list()) == sorted([TALKS_RU, TALKS_EN])
