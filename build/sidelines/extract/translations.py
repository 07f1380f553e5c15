"""Pairs of posts that are one post in two languages: a channel's Russian post and its
English twin right after it (or before it), opening with the same flags or tagging the
same partner country."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from sidelines.extract.countries import country_from_hashtag, leading_flags
from sidelines.extract.hashtags import find_hashtags


@dataclass(frozen=True)
class PostSignature:
    """What two posts must share to be one another's translation."""

    post_id: str
    source_file: str
    lang: str | None
    flags: tuple[str, ...]
    tag_countries: frozenset[str]


def signature(post_id: str, source_file: str, lang: str | None, text: str | None) -> PostSignature:
    """The language, opening flags and bilateral-tag countries of a post."""
    tags = (country_from_hashtag(t) for t in find_hashtags(text))
    return PostSignature(
        post_id, source_file, lang, tuple(leading_flags(text)), frozenset(c for c in tags if c)
    )


def are_translations(a: PostSignature, b: PostSignature) -> bool:
    """Same file, different languages, and the same opening flag pair or partner tags."""
    if a.source_file != b.source_file or not a.lang or not b.lang or a.lang == b.lang:
        return False
    same_flags = len(a.flags) >= 2 and a.flags == b.flags
    same_partner = bool(a.tag_countries) and a.tag_countries == b.tag_countries
    return same_flags or same_partner


def link_translations(in_order: list[PostSignature]) -> dict[str, str]:
    """post_id -> post_id of its translation, both ways, for neighbours in file order."""
    links: dict[str, str] = {}
    for a, b in itertools.pairwise(in_order):
        if a.post_id in links or b.post_id in links or a.post_id == b.post_id:
            continue
        if are_translations(a, b):
            links[a.post_id] = b.post_id
            links[b.post_id] = a.post_id
    return links
