"""croissant.json: derived from the descriptor, valid for mlcroissant, and loading through it
gives the Parquet tables row for row. Offline: the context is inline and every file local."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import mlcroissant as mlc
import polars as pl
import pytest

from sidelines.package.croissant import CONFORMS_TO, croissant, data_type
from sidelines.package.schema import RESOURCES, load_schemas
from sidelines.package.write import CROISSANT, write_json
from sidelines.pipeline import BuildConfig, build
from tests.conftest import ROOT, SCHEMAS

# mlcroissant's own dependencies warn about their deprecations: not ours to fix.
pytestmark = [
    pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib"),
    pytest.mark.filterwarnings("ignore:The inplace keyword:Warning"),
]
EXPORTS = ROOT / "tests" / "fixtures" / "inputs"  # Telegram exports: dates, message ids filled


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to reach the network (a remote @context, a file URL) fails the test."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("croissant test tried the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)


@pytest.fixture(scope="module")
def export_package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A package built from the Telegram export fixtures, whose date-time columns are filled."""
    out = tmp_path_factory.mktemp("exports") / "datapackage"
    build(BuildConfig(raw_dir=EXPORTS, out_dir=out, schemas_dir=SCHEMAS))
    return out


def read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def small_descriptor() -> dict[str, Any]:
    """Two tables as the build describes them: a CSV resource with its schema, and a Parquet
    twin named `<table>-parquet`."""

    def files(name: str, schema: dict[str, Any]) -> list[dict[str, Any]]:
        return [
            {
                "name": name,
                "type": "table",
                "path": f"data/{name}.csv",
                "mediatype": "text/csv",
                "bytes": 10,
                "hash": "sha256:" + "a" * 64,
                "schema": schema,
            },
            {
                "name": f"{name}-parquet",
                "path": f"data/{name}.parquet",
                "mediatype": "application/vnd.apache.parquet",
                "bytes": 20,
                "hash": "sha256:" + "b" * 64,
                "description": f"The {name} table as Parquet.",
            },
        ]

    posts = {
        "fields": [
            {"name": "post_id", "type": "string", "description": "Id."},
            {"name": "published_at", "type": "datetime", "description": "When."},
            {"name": "url", "type": "string", "format": "uri", "description": "Link."},
            {"name": "translation_id", "type": "string", "description": "Twin post."},
        ],
        "primaryKey": ["post_id"],
        "foreignKeys": [
            {"fields": ["translation_id"], "reference": {"resource": "", "fields": ["post_id"]}}
        ],
    }
    hashtags = {
        "fields": [
            {"name": "post_id", "type": "string", "description": "Post."},
            {"name": "position", "type": "integer", "description": "Order."},
        ],
        "primaryKey": ["post_id", "position"],
        "foreignKeys": [
            {"fields": ["post_id"], "reference": {"resource": "posts", "fields": ["post_id"]}}
        ],
    }
    return {
        "name": "sidelines",
        "title": "Sidelines",
        "description": "Meetings.",
        "version": "1.2.0",
        "homepage": "https://example.org/sidelines",
        "licenses": [{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/"}],
        "contributors": [{"title": "sidelines maintainers", "roles": ["creator"]}],
        "keywords": ["diplomacy"],
        "resources": files("posts", posts) + files("hashtags", hashtags),
    }


def test_metadata_files_and_keys_come_from_the_descriptor() -> None:
    jsonld = croissant(small_descriptor())
    assert jsonld["@type"] == "sc:Dataset" and jsonld["conformsTo"] == CONFORMS_TO
    assert (jsonld["name"], jsonld["alternateName"], jsonld["version"]) == (
        "Sidelines",
        "sidelines",
        "1.2.0",
    )
    assert jsonld["license"] == ["https://creativecommons.org/licenses/by/4.0/"]
    assert jsonld["url"] == "https://example.org/sidelines"
    assert jsonld["creator"] == [{"@type": "sc:Organization", "name": "sidelines maintainers"}]
    assert "version = {1.2.0}" in jsonld["citeAs"]
    files = {f["@id"]: f for f in jsonld["distribution"]}
    assert list(files) == [
        "data/posts.csv",
        "data/posts.parquet",
        "data/hashtags.csv",
        "data/hashtags.parquet",
    ]
    assert files["data/posts.csv"]["sha256"] == "a" * 64
    assert files["data/posts.csv"]["contentSize"] == "10 B"
    assert files["data/posts.parquet"]["sameAs"] == "data/posts.csv"
    assert "application/x-parquet" in files["data/posts.parquet"]["encodingFormat"]
    posts, hashtags = jsonld["recordSet"]
    assert posts["key"] == {"@id": "posts/post_id"}
    assert hashtags["key"] == [{"@id": "hashtags/post_id"}, {"@id": "hashtags/position"}]
    types = {f["@id"]: f["dataType"] for f in posts["field"] + hashtags["field"]}
    assert types == {
        "posts/post_id": "sc:Text",
        "posts/published_at": "sc:DateTime",
        "posts/url": "sc:URL",
        "posts/translation_id": "sc:Text",
        "hashtags/post_id": "sc:Text",
        "hashtags/position": "sc:Integer",
    }
    # A key into another table is a Croissant reference; one into the same table is not
    # (mlcroissant reads a reference as a join, and a self-join as a cycle).
    refs = {f["@id"]: f.get("references") for f in posts["field"] + hashtags["field"]}
    assert refs["hashtags/post_id"] == {"field": {"@id": "posts/post_id"}}
    assert refs["posts/translation_id"] is None
    source = hashtags["field"][1]["source"]
    assert source == {
        "fileObject": {"@id": "data/hashtags.parquet"},
        "extract": {"column": "position"},
    }


def test_same_descriptor_same_json() -> None:
    first, second = croissant(small_descriptor()), croissant(small_descriptor())
    assert json.dumps(first) == json.dumps(second)


def test_a_column_type_without_a_croissant_type_is_refused() -> None:
    descriptor = small_descriptor()
    descriptor["resources"][0]["schema"]["fields"].append({"name": "where", "type": "geopoint"})
    with pytest.raises(ValueError, match="field where: no Croissant data type"):
        croissant(descriptor)


def test_every_schema_column_is_a_field_in_schema_order(seed_package: Path) -> None:
    schemas = load_schemas(SCHEMAS)
    jsonld = read_json(seed_package / CROISSANT)
    record_sets = {r["@id"]: r for r in jsonld["recordSet"]}
    assert list(record_sets) == list(RESOURCES)
    for name in RESOURCES:
        fields = record_sets[name]["field"]
        assert [f["name"] for f in fields] == schemas.columns(name)
        assert [f["dataType"] for f in fields] == [
            data_type(f) for f in schemas.tables[name]["fields"]
        ]
        assert [f["description"] for f in fields] == [
            f["description"] for f in schemas.tables[name]["fields"]
        ]


def test_the_file_is_the_descriptors_derivation_and_is_listed(seed_package: Path) -> None:
    """croissant.json is exactly what the descriptor's tables give, and datapackage.json
    lists it with its bytes and hash (so frictionless and `sidelines check` verify it)."""
    descriptor = read_json(seed_package / "datapackage.json")
    listed = [r for r in descriptor["resources"] if r["path"] == CROISSANT]
    assert [r["name"] for r in listed] == ["croissant"]
    tables = {**descriptor, "resources": [r for r in descriptor["resources"] if r not in listed]}
    expected = seed_package.parent / "expected-croissant.json"
    write_json(croissant(tables), expected)
    assert (seed_package / CROISSANT).read_bytes() == expected.read_bytes()
    jsonld = read_json(seed_package / CROISSANT)
    for file in jsonld["distribution"]:
        resource = next(r for r in descriptor["resources"] if r["path"] == file["contentUrl"])
        assert resource["hash"] == f"sha256:{file['sha256']}"
        assert file["contentSize"] == f"{(seed_package / file['contentUrl']).stat().st_size} B"


def test_mlcroissant_validates_it(seed_package: Path) -> None:
    """As `mlcroissant validate --jsonld`: no error; the one warning is the missing
    datePublished, which a reproducible build cannot know (a release's date is not an input)."""
    dataset = mlc.Dataset(jsonld=seed_package / CROISSANT)
    assert not dataset.metadata.ctx.issues.errors
    warnings = sorted(dataset.metadata.ctx.issues.warnings)
    assert len(warnings) == 1 and "datePublished" in warnings[0]


def plain(value: Any, dtype: pl.DataType) -> Any:
    """A value as mlcroissant yields it (text as bytes, dates as pandas Timestamps) made
    comparable with polars' Python values."""
    if isinstance(value, bytes):
        return value.decode("utf-8")
    if dtype == pl.Date() and value is not None:
        return value.date()
    if isinstance(dtype, pl.Datetime) and value is not None:
        return value.to_pydatetime()
    return value


def loaded(package: Path, table: str) -> Iterator[dict[str, Any]]:
    dataset = mlc.Dataset(jsonld=package / CROISSANT)
    schema = pl.read_parquet_schema(package / "data" / f"{table}.parquet")
    for record in dataset.records(table):
        yield {name: plain(record[f"{table}/{name}"], dtype) for name, dtype in schema.items()}


@pytest.mark.parametrize("table", RESOURCES)
def test_loading_through_mlcroissant_gives_the_parquet_table(
    seed_package: Path, export_package: Path, table: str
) -> None:
    for package in (seed_package, export_package):
        parquet = pl.read_parquet(package / "data" / f"{table}.parquet")
        assert list(loaded(package, table)) == parquet.rows(named=True), package


def test_date_time_values_survive_the_loader(export_package: Path) -> None:
    published = [p["published_at"] for p in loaded(export_package, "posts") if p["published_at"]]
    assert published and all(t.utcoffset() == dt.timedelta(0) for t in published)


def test_a_file_that_is_not_the_one_described_is_refused(
    seed_package: Path, tmp_path: Path
) -> None:
    package = Path(shutil.copytree(seed_package, tmp_path / "pkg"))
    path = package / "data" / "meetings.parquet"
    path.write_bytes(path.read_bytes() + b"\0")  # still Parquet to a lenient reader; not ours
    with pytest.raises(mlc.GenerationError, match="Download"):
        list(mlc.Dataset(jsonld=package / CROISSANT).records("meetings"))


def test_the_validation_can_fail(seed_package: Path, tmp_path: Path) -> None:
    """The check above is not vacuous: a field read from a file the metadata does not
    describe is an error for mlcroissant."""
    package = Path(shutil.copytree(seed_package, tmp_path / "pkg"))
    jsonld = read_json(package / CROISSANT)
    jsonld["recordSet"][0]["field"][0]["source"]["fileObject"]["@id"] = "data/nowhere.parquet"
    write_json(jsonld, package / CROISSANT)
    with pytest.raises(mlc.ValidationError):
        mlc.Dataset(jsonld=package / CROISSANT)
