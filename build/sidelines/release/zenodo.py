"""`.zenodo.json`: what Zenodo's GitHub integration records for each release, from the
citation (`CITATION.cff`) and the one place the version lives (`schemas/package.json`) (pure).

Why not CITATION.cff alone: Zenodo reads from it only the title, abstract, authors, keywords,
licence and message (zenodo-rdm's `CitationMetadataSchema`), not the version nor the type, so
a record made from it alone would be typed software. `.zenodo.json`, when present, is read
instead of CITATION.cff, so it carries all of it. `publication_date` is left out: Zenodo then
dates the record on the day of the release, which a reproducible file cannot know.
"""

from __future__ import annotations

import json
from typing import Any

ORCID = "https://orcid.org/"


def creator(author: dict[str, Any]) -> dict[str, str]:
    """A CFF author as a Zenodo creator: an entity by its name, a person as "Family, Given";
    affiliation and ORCID (the bare id Zenodo wants) when given.

    >>> creator({"family-names": "Ivanova", "given-names": "Anna", "orcid": ORCID + "0000-0002"})
    {'name': 'Ivanova, Anna', 'orcid': '0000-0002'}
    >>> creator({"name": "sidelines maintainers"})
    {'name': 'sidelines maintainers'}
    """
    name = author.get("name") or ", ".join(
        part for part in (author.get("family-names"), author.get("given-names")) if part
    )
    entry = {"name": name}
    if author.get("affiliation"):
        entry["affiliation"] = author["affiliation"]
    if author.get("orcid"):
        entry["orcid"] = author["orcid"].removeprefix(ORCID)
    return entry


def zenodo_metadata(citation: dict[str, Any], package: dict[str, Any]) -> dict[str, Any]:
    """Zenodo's deposit metadata (its legacy format, which `.zenodo.json` uses) from the
    parsed CITATION.cff and schemas/package.json."""
    return {
        "upload_type": citation.get("type", "software"),  # CFF and Zenodo share both names
        "title": citation["title"],
        "description": citation["abstract"],
        "creators": [creator(author) for author in citation["authors"]],
        "version": package["version"],
        "license": citation["license"].lower(),  # Zenodo's ids: SPDX in lower case
        "keywords": citation.get("keywords", []),
        "access_right": "open",
    }


def zenodo_text(metadata: dict[str, Any]) -> str:
    """`.zenodo.json` as written: two-space indents, UTF-8, a final newline."""
    return json.dumps(metadata, ensure_ascii=False, indent=2) + "\n"
