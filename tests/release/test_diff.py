"""The package diff and the bump it demands, on small inline packages."""

from __future__ import annotations

import copy
from typing import Any

import polars as pl
import pytest

from sidelines.release.diff import Snapshot, constraint_change, diff_packages, key_rows, render_diff
from sidelines.release.notes import render_notes
from sidelines.release.semver import Bump

SCHEMA: dict[str, Any] = {
    "fields": [
        {"name": "id", "type": "string", "constraints": {"required": True}},
        {"name": "kind", "type": "string", "constraints": {"enum": ["a", "b"]}},
        {"name": "n", "type": "integer", "constraints": {"minimum": 1}},
    ],
    "primaryKey": ["id"],
}
ROWS = {"id": ["x", "y"], "kind": ["a", "b"], "n": ["1", "2"]}


def package(
    schema: dict[str, Any] | None = None, rows: dict[str, list[str]] | None = None, **meta: Any
) -> Snapshot:
    """A one-table package with the given schema, rows and metadata."""
    schema = schema or SCHEMA
    frame = pl.DataFrame(rows or ROWS, schema=dict.fromkeys(schema_names(schema), pl.String))
    resource = {"name": "t", "type": "table", "path": "data/t.csv", "schema": schema}
    return Snapshot(
        {"name": "p", "version": "1.0.0", **meta, "resources": [resource]}, {"t": frame}
    )


def schema_names(schema: dict[str, Any]) -> list[str]:
    return [f["name"] for f in schema["fields"]]


def edited(edit: Any) -> dict[str, Any]:
    """SCHEMA changed by `edit(schema)`."""
    schema = copy.deepcopy(SCHEMA)
    edit(schema)
    return schema


def drop_n(s: dict[str, Any]) -> None:
    s["fields"].pop()


def retype_n(s: dict[str, Any]) -> None:
    s["fields"][2]["type"] = "number"


def shrink_enum(s: dict[str, Any]) -> None:
    s["fields"][1]["constraints"]["enum"] = ["a"]


def widen_enum(s: dict[str, Any]) -> None:
    s["fields"][1]["constraints"]["enum"] = ["a", "b", "c"]


def raise_minimum(s: dict[str, Any]) -> None:
    s["fields"][2]["constraints"]["minimum"] = 2


def add_pattern(s: dict[str, Any]) -> None:
    s["fields"][0]["constraints"]["pattern"] = "[a-z]"


def rename_n(s: dict[str, Any]) -> None:
    s["fields"][2]["name"] = "count"


@pytest.mark.parametrize(
    ("edit", "bump", "words"),
    [
        pytest.param(drop_n, Bump.MAJOR, "field `n` removed", id="field-removed"),
        pytest.param(rename_n, Bump.MAJOR, "field `count` added", id="field-renamed"),
        pytest.param(retype_n, Bump.MAJOR, "type integer -> number", id="retyped"),
        pytest.param(shrink_enum, Bump.MAJOR, "enum tightened", id="enum-shrunk"),
        pytest.param(raise_minimum, Bump.MAJOR, "minimum tightened", id="minimum-raised"),
        pytest.param(add_pattern, Bump.MAJOR, "pattern tightened", id="pattern-added"),
        pytest.param(widen_enum, Bump.PATCH, "enum loosened", id="enum-widened"),
    ],
)
def test_schema_changes(edit: Any, bump: Bump, words: str) -> None:
    new_schema = edited(edit)
    rows = {n: ROWS.get(n, ROWS["n"]) for n in schema_names(new_schema)}
    diff = diff_packages(package(), package(new_schema, rows))
    assert diff.required is bump
    assert words in render_diff(diff)


def test_rows_added_removed_changed() -> None:
    new = package(rows={"id": ["y", "z"], "kind": ["a", "a"], "n": ["2", "3"]})
    diff = diff_packages(package(), new)
    (table,) = diff.tables
    assert table.counts == (1, 1, 1)
    assert table.added == ["z"] and table.removed == ["x"]
    assert table.changed == ["y: kind 'b' -> 'a'"]
    assert diff.required is Bump.MINOR


@pytest.mark.parametrize(
    ("rows", "bump"),
    [
        pytest.param(ROWS, Bump.NONE, id="same"),
        pytest.param({"id": ["x"], "kind": ["a"], "n": ["1"]}, Bump.PATCH, id="row-removed"),
        pytest.param({**ROWS, "n": ["1", "5"]}, Bump.PATCH, id="value-corrected"),
        pytest.param(
            {"id": ["x", "y", "z"], "kind": ["a", "b", "b"], "n": ["1", "2", "3"]},
            Bump.MINOR,
            id="row-added",
        ),
    ],
)
def test_row_bumps(rows: dict[str, list[str]], bump: Bump) -> None:
    assert diff_packages(package(), package(rows=rows)).required is bump


def test_metadata_edit_is_a_patch() -> None:
    diff = diff_packages(package(), package(description="better words"))
    assert diff.required is Bump.PATCH and diff.metadata_changed == ["description"]


def test_resource_added_is_minor_and_removed_is_major() -> None:
    old, new = package(), package()
    extra = {"name": "u", "type": "table", "path": "data/u.csv", "schema": SCHEMA}
    bigger = Snapshot(
        {**new.descriptor, "resources": [*new.descriptor["resources"], extra]},
        {**new.tables, "u": new.tables["t"]},
    )
    assert diff_packages(old, bigger).required is Bump.MINOR
    assert diff_packages(bigger, old).required is Bump.MAJOR


@pytest.mark.parametrize(
    ("name", "old", "new", "bump"),
    [
        pytest.param("required", None, True, Bump.MAJOR, id="required-added"),
        pytest.param("required", True, False, Bump.PATCH, id="required-dropped"),
        pytest.param("maxLength", 10, 20, Bump.PATCH, id="longer"),
        pytest.param("maxLength", None, 20, Bump.MAJOR, id="max-added"),
        pytest.param("minimum", 3, 1, Bump.PATCH, id="lower-minimum"),
    ],
)
def test_constraint_change(name: str, old: Any, new: Any, bump: Bump) -> None:
    assert constraint_change(name, old, new) is bump


FIVE_NEW = {"id": ["x", "y", "a1", "a2", "a3", "a4", "a5"], "kind": ["a", "b", *"aaaaa"]}


def five_added() -> Any:
    rows = {**FIVE_NEW, "n": [str(i + 1) for i in range(7)]}
    new = package(rows=rows, version="1.1.0")
    return diff_packages(package(), new)


def test_every_added_key_is_listed_by_default() -> None:
    text = render_diff(five_added())
    assert [line for line in text.splitlines() if line.startswith("- added")] == [
        f"- added: `a{i}`" for i in range(1, 6)
    ]


def test_a_cut_list_says_so_and_where_the_rest_is() -> None:
    text = render_diff(five_added(), shown=3, more="all in keys.csv")
    added = [line for line in text.splitlines() if line.startswith("- added")]
    assert added == [
        "- added: `a1`",
        "- added: `a2`",
        "- added: `a3`",
        "- added: 3 of 5 shown, all in keys.csv",
    ]
    assert key_rows(five_added()) == [("t", "added", f"a{i}") for i in range(1, 6)]


def test_changed_rows_are_described_then_listed() -> None:
    rows = {"id": ["x", "y"], "kind": ["b", "a"], "n": ["1", "2"]}
    diff = diff_packages(package(), package(rows=rows))
    text = render_diff(diff, shown=1, more="all in k.csv")
    assert "- changed: `x: kind 'a' -> 'b'`" in text
    assert "- changed: `y: kind 'b' -> 'a'`" in text  # described rows are never cut
    assert diff.tables[0].changed_keys == ["x", "y"]


@pytest.mark.parametrize(
    ("old", "new", "heading"),
    [
        pytest.param(
            "1.0.0", "1.0.0", "## Changes between two packages of version 1.0.0", id="same"
        ),
        pytest.param("1.0.0", "1.1.0", "## Changes since 1.0.0", id="newer"),
    ],
)
def test_heading_names_the_versions_honestly(old: str, new: str, heading: str) -> None:
    diff = diff_packages(package(version=old), package(version=new))
    assert render_diff(diff).splitlines()[0] == heading


def test_release_notes_cut_long_lists_and_say_where_the_rest_is() -> None:
    descriptor = {"name": "p", "title": "T", "version": "1.1.0"}
    notes = render_notes(descriptor, "p-1.1.0.zip", {"t": 7}, five_added())
    added = [line for line in notes.splitlines() if line.startswith("- added")]
    assert added[-1] == "- added: 3 of 5 shown, `sidelines diff` of the two releases lists them all"
    assert len(added) == 4
