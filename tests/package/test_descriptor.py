"""datapackage.json's `sources`: one entry per raw file, read, skipped or ignored, in name
order, with the file's fingerprint and never the folder's own location."""

from __future__ import annotations

from sidelines.extract.per_file import FileExtract, extract_source
from sidelines.package.descriptor import source_entries
from sidelines.parse.dispatch import SkippedSource
from sidelines.sources import RawSource, SetAside

# Modelled on a ministry channel's dump: a title line, then a meeting post.
DUMP = "MFA Russia\n🇷🇺🇲🇹 On 24 September Sergey Lavrov met the Foreign Minister of Malta.\n"


def test_every_entry_of_the_raw_folder_has_its_line_in_name_order() -> None:
    read = RawSource("b_channel.txt", DUMP.encode())
    broken = RawSource("a_broken.json", b"{")
    extract = extract_source(read)
    assert isinstance(extract, FileExtract)
    entries = source_entries(
        [read, broken],
        [extract],
        skipped=[SkippedSource("a_broken.json", "a_broken.json: not JSON")],
        set_aside=[SetAside("notes.md", "not a raw input (.md)", bad=False)],
    )
    assert [e["title"] for e in entries] == ["a_broken.json", "b_channel.txt", "notes.md"]
    skipped, channel, ignored = entries
    assert skipped["skipped"] == "a_broken.json: not JSON"
    assert skipped["hash"] == f"sha256:{broken.sha256}" and skipped["bytes"] == 1
    assert channel["path"] == "raw/b_channel.txt" and channel["posts"] == 1
    assert channel["format"] == extract.parsed.format
    assert ignored == {
        "title": "notes.md",
        "path": "raw/notes.md",
        "ignored": "not a raw input (.md)",
    }


def test_an_unreadable_entry_is_listed_with_the_reason_it_was_skipped() -> None:
    """A FIFO or a link out of the folder is set aside as bad and skipped (`--skip-bad`):
    listed with the skip's one line, no fingerprint (nothing was read)."""
    (entry,) = source_entries(
        [],
        [],
        skipped=[SkippedSource("fifo.txt", "fifo.txt: not a regular file")],
        set_aside=[SetAside("fifo.txt", "not a regular file", bad=True)],
    )
    assert entry == {
        "title": "fifo.txt",
        "path": "raw/fifo.txt",
        "skipped": "fifo.txt: not a regular file",
    }
