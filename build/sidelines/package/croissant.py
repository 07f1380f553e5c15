"""croissant.json: the package described in Croissant 1.1 JSON-LD, which is also a schema.org
Dataset, for dataset search engines and ML loaders (pure: the package's descriptor in, the
JSON-LD out).

Everything comes from `datapackage.json` as the build writes it (package metadata from
`schemas/package.json`, the Table Schemas, each file's bytes and sha256), so the two never
disagree and no column is listed twice by hand. One record set per table, read from its
Parquet copy (typed, nulls kept); the CSV copy is the same rows (`sameAs`).
"""

from __future__ import annotations

from typing import Any

from sidelines.package.readme import TABLE_MEANING
from sidelines.package.write import PARQUET_SUFFIX

CONFORMS_TO = "http://mlcommons.org/croissant/1.1"
MEDIA_TYPE = 'application/ld+json; profile="http://mlcommons.org/croissant/1.1"'

# The context mlcroissant 1.1 writes and checks (the spec's Appendix 1, with schema.org over
# https as mlcroissant reads it); with a different one the validator warns.
CONTEXT: dict[str, Any] = {
    "@language": "en",
    "@vocab": "https://schema.org/",
    "arrayShape": "cr:arrayShape",
    "citeAs": "cr:citeAs",
    "column": "cr:column",
    "conformsTo": "dct:conformsTo",
    "containedIn": "cr:containedIn",
    "cr": "http://mlcommons.org/croissant/",
    "rai": "http://mlcommons.org/croissant/RAI/",
    "data": {"@id": "cr:data", "@type": "@json"},
    "dataType": {"@id": "cr:dataType", "@type": "@vocab"},
    "dct": "http://purl.org/dc/terms/",
    "description": {"@container": "@language"},
    "equivalentProperty": "cr:equivalentProperty",
    "examples": {"@id": "cr:examples", "@type": "@json"},
    "extract": "cr:extract",
    "field": "cr:field",
    "fileProperty": "cr:fileProperty",
    "fileObject": "cr:fileObject",
    "fileSet": "cr:fileSet",
    "format": "cr:format",
    "includes": "cr:includes",
    "isArray": "cr:isArray",
    "isLiveDataset": "cr:isLiveDataset",
    "jsonPath": "cr:jsonPath",
    "key": "cr:key",
    "md5": "cr:md5",
    "name": {"@container": "@language"},
    "parentField": "cr:parentField",
    "path": "cr:path",
    "recordSet": "cr:recordSet",
    "references": "cr:references",
    "regex": "cr:regex",
    "repeated": "cr:repeated",
    "replace": "cr:replace",
    "samplingRate": "cr:samplingRate",
    "sc": "https://schema.org/",
    "separator": "cr:separator",
    "source": "cr:source",
    "subField": "cr:subField",
    "transform": "cr:transform",
}

READ_AS = {"application/vnd.apache.parquet": ["application/x-parquet"]}

# Table Schema type (and format, where it narrows the meaning) -> Croissant data type.
DATA_TYPES = {
    ("string", "uri"): "sc:URL",
    ("string", None): "sc:Text",
    ("integer", None): "sc:Integer",
    ("number", None): "sc:Float",
    ("boolean", None): "sc:Boolean",
    ("date", None): "sc:Date",
    ("datetime", None): "sc:DateTime",
    ("time", None): "sc:Time",
}


def data_type(field: dict[str, Any]) -> str:
    """The Croissant data type of a Table Schema field; a type with none is an error, so that
    a new kind of column cannot slip into the metadata untyped.

    >>> data_type({"name": "url", "type": "string", "format": "uri"})
    'sc:URL'
    >>> data_type({"name": "copies", "type": "integer"})
    'sc:Integer'
    >>> data_type({"name": "where", "type": "geopoint"})
    Traceback (most recent call last):
    ...
    ValueError: field where: no Croissant data type for Table Schema type 'geopoint'
    """
    kind, fmt = field["type"], field.get("format")
    found = DATA_TYPES.get((kind, fmt)) or DATA_TYPES.get((kind, None))
    if found is None:
        raise ValueError(
            f"field {field['name']}: no Croissant data type for Table Schema type {kind!r}"
        )
    return found


def sha256_hex(recorded: str) -> str:
    """The hex digest of a descriptor hash (`sha256:<hex>`).

    >>> sha256_hex("sha256:ab12")
    'ab12'
    """
    algorithm, _, digest = recorded.partition(":")
    if algorithm != "sha256" or not digest:
        raise ValueError(f"hash {recorded!r} is not sha256:<hex>")
    return digest


def encoding_formats(media_type: str) -> str | list[str]:
    """A file's `encodingFormat`: its media type, and for Parquet also the unregistered
    `application/x-parquet`, the only name mlcroissant's reader knows it by.

    >>> encoding_formats("text/csv")
    'text/csv'
    """
    return [media_type, *READ_AS[media_type]] if media_type in READ_AS else media_type


def file_object(resource: dict[str, Any], same_as: str | None = None) -> dict[str, Any]:
    """A FileObject for one file of the package, found by its path relative to croissant.json
    (which sits beside datapackage.json)."""
    entry = {
        "@type": "cr:FileObject",
        "@id": resource["path"],
        "name": resource["path"].rsplit("/", 1)[-1],
        "description": resource.get("description") or f"The {resource['name']} table as CSV.",
        "contentUrl": resource["path"],
        "contentSize": f"{resource['bytes']} B",
        "encodingFormat": encoding_formats(resource["mediatype"]),
        "sha256": sha256_hex(resource["hash"]),
    }
    return entry | ({"sameAs": same_as} if same_as else {})


def key_fields(table: str, schema: dict[str, Any]) -> dict[str, str] | list[dict[str, str]]:
    """The record set's `key`: one reference per primary-key field."""
    key = schema.get("primaryKey", [])
    refs = [{"@id": f"{table}/{name}"} for name in ([key] if isinstance(key, str) else key)]
    return refs[0] if len(refs) == 1 else refs


def references(schema: dict[str, Any]) -> dict[str, str]:
    """Field name -> the field of another table it refers to, from single-column foreign
    keys. A key into the same table (`posts.translation_id`, resource "") is left out:
    Croissant loaders read `references` as a join, and a table joined to itself is a cycle
    mlcroissant refuses to load."""
    found = {}
    for foreign in schema.get("foreignKeys", []):
        fields, target = foreign["fields"], foreign["reference"]
        target_fields = target["fields"]
        if isinstance(fields, str):
            fields, target_fields = [fields], [target_fields]
        if len(fields) == 1 and target["resource"]:
            found[fields[0]] = f"{target['resource']}/{target_fields[0]}"
    return found


def record_set(table: str, schema: dict[str, Any], parquet_id: str) -> dict[str, Any]:
    """One record set per table (described as in the package README): a field per column,
    read from the table's Parquet file."""
    refs = references(schema)
    fields = []
    for field in schema["fields"]:
        entry: dict[str, Any] = {
            "@type": "cr:Field",
            "@id": f"{table}/{field['name']}",
            "name": field["name"],
            "description": field.get("description", ""),
            "dataType": data_type(field),
            "source": {"fileObject": {"@id": parquet_id}, "extract": {"column": field["name"]}},
        }
        if field["name"] in refs:
            entry["references"] = {"field": {"@id": refs[field["name"]]}}
        fields.append(entry)
    record: dict[str, Any] = {"@type": "cr:RecordSet", "@id": table, "name": table}
    if table in TABLE_MEANING:
        record["description"] = TABLE_MEANING[table]
    if schema.get("primaryKey"):
        record["key"] = key_fields(table, schema)
    return record | {"field": fields}


def bibtex(descriptor: dict[str, Any]) -> str:
    """A BibTeX entry for this version (Croissant's `citeAs` asks for BibTeX).

    >>> print(bibtex({"name": "s", "title": "T", "version": "1.2.0", "homepage": "https://x",
    ...               "contributors": [{"title": "A"}]}))
    @misc{s_1_2_0,
      author = {{A}},
      title = {T},
      version = {1.2.0},
      howpublished = {\\url{https://x}},
      note = {Version 1.2.0}
    }
    """
    version = descriptor["version"]
    authors = " and ".join("{" + c["title"] + "}" for c in descriptor.get("contributors", []))
    lines = [
        f"@misc{{{descriptor['name']}_{version.replace('.', '_')},",
        f"  author = {{{authors}}},",
        f"  title = {{{descriptor['title']}}},",
        f"  version = {{{version}}},",
    ]
    if descriptor.get("homepage"):
        lines.append(f"  howpublished = {{\\url{{{descriptor['homepage']}}}}},")
    lines.append(f"  note = {{Version {version}}}")
    return "\n".join(lines) + "\n}"


def croissant(descriptor: dict[str, Any]) -> dict[str, Any]:
    """The Croissant JSON-LD of a package, from its `datapackage.json` (keys in a fixed
    order, no time stamps: the same descriptor gives the same bytes)."""
    tables = {r["name"]: r for r in descriptor["resources"] if r.get("type") == "table"}
    files = {r["name"]: r for r in descriptor["resources"]}
    distribution, record_sets = [], []
    for name, resource in tables.items():
        parquet = files[name + PARQUET_SUFFIX]
        distribution.append(file_object(resource))
        distribution.append(file_object(parquet, same_as=resource["path"]))
        record_sets.append(record_set(name, resource["schema"], parquet["path"]))
    licenses = descriptor.get("licenses", [])
    homepage = descriptor.get("homepage")
    creators = [
        {"@type": "sc:Organization", "name": c["title"]}
        for c in descriptor.get("contributors", [])
        if "creator" in c.get("roles", ["creator"])
    ]
    dataset: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "sc:Dataset",
        "conformsTo": CONFORMS_TO,
        "name": descriptor["title"],
        "alternateName": descriptor["name"],
        "description": descriptor["description"],
        "version": descriptor["version"],
        "license": [lic["path"] for lic in licenses if lic.get("path")],
        "creator": creators,
        "keywords": descriptor.get("keywords", []),
        "citeAs": bibtex(descriptor),
    }
    if homepage:
        dataset["url"] = homepage
    return dataset | {"distribution": distribution, "recordSet": record_sets}
