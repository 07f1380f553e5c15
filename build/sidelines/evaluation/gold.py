"""Gold annotations as plain records, from either format (pure): the corpus's per-source
files (`eval/README.md`) or the seeds' single file (`tests/seeds-gold.json`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pycountry

IN_PERSON = "in_person"
MODES = (IN_PERSON, "phone", "video")
STATUSES = ("held", "planned")
FORMATS = (None, "bilateral", "multilateral")


@dataclass(frozen=True, order=True)
class PostRef:
    """A gold post: its source file and its number there."""

    file: str
    n: int


@dataclass(frozen=True)
class GoldPost:
    """A post the build must find, with the attributes the gold gives (`scored` names
    the attributes present in the annotation; the others are not checked)."""

    ref: PostRef
    snippet: str
    lang: str | None = None
    forwarded_from: str | None = None
    hashtags: tuple[str, ...] = ()
    date: str | None = None
    date_also_accepted: str | None = None
    translation_of: int | None = None
    scored: frozenset[str] = frozenset()


@dataclass(frozen=True)
class GoldMeeting:
    """A meeting a careful reader finds, with the posts that report it."""

    file: str
    m: int
    country: str | None
    org: str | None
    counterpart: str | None
    counterpart_accepted: tuple[str, ...]
    role: str | None
    dates: tuple[str | None, ...]  # the gold date, then any also accepted
    unga_session: int | None
    location: str | None
    format: str | None
    status: str
    mode: str
    posts: tuple[PostRef, ...]
    optional: bool = False
    scored: frozenset[str] = frozenset()  # of: location, unga_session, format

    @property
    def in_person(self) -> bool:
        return self.mode == IN_PERSON


@dataclass(frozen=True)
class GoldFile:
    """One raw file's gold posts, in file order."""

    name: str
    posts: tuple[GoldPost, ...]


@dataclass(frozen=True)
class Gold:
    """Everything annotated: the files and their posts, and the meetings."""

    files: tuple[GoldFile, ...]
    meetings: tuple[GoldMeeting, ...]

    def post(self, ref: PostRef) -> GoldPost | None:
        for f in self.files:
            if f.name == ref.file:
                return next((p for p in f.posts if p.ref == ref), None)
        return None


class GoldError(ValueError):
    """A gold file that does not follow the format; the message names the file and item."""


POST_ATTRIBUTES = ("lang", "forwarded_from", "hashtags", "date")
MEETING_ATTRIBUTES = ("location", "unga_session", "format")


def _accepted(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


def gold_post(file: str, raw: Mapping[str, Any], translation_of: int | None = None) -> GoldPost:
    """A post entry; `translation_of` from the entry itself unless given."""
    try:
        return GoldPost(
            ref=PostRef(file, int(raw["n"])),
            snippet=str(raw["snippet"]),
            lang=raw.get("lang"),
            forwarded_from=raw.get("forwarded_from"),
            hashtags=tuple(raw.get("hashtags") or ()),
            date=raw.get("date"),
            date_also_accepted=raw.get("date_also_accepted"),
            translation_of=translation_of
            if translation_of is not None
            else raw.get("translation_of"),
            scored=frozenset(a for a in POST_ATTRIBUTES if a in raw),
        )
    except (KeyError, TypeError, ValueError) as err:
        raise GoldError(f"{file}: post {raw.get('n', '?')}: missing or bad {err}") from err


def post_ref(file: str, value: Any) -> PostRef:
    """A meeting's post: `n` of this file, or "FILE#N" for a post of another file.

    >>> post_ref("a.txt", 3), post_ref("a.txt", "b.json#4")
    (PostRef(file='a.txt', n=3), PostRef(file='b.json', n=4))
    """
    if isinstance(value, str) and "#" in value:
        other, _, n = value.rpartition("#")
        return PostRef(other, int(n))
    return PostRef(file, int(value))


def gold_meeting(file: str, raw: Mapping[str, Any], posts: Sequence[PostRef]) -> GoldMeeting:
    """A meeting entry whose posts are already resolved to references."""
    try:
        session = raw.get("unga_session")
        return GoldMeeting(
            file=file,
            m=int(raw["m"]),
            country=raw.get("country"),
            org=raw.get("org"),
            counterpart=raw.get("counterpart"),
            counterpart_accepted=_accepted(raw.get("counterpart_also_accepted")),
            role=raw.get("counterpart_role"),
            dates=(raw.get("date"), *_accepted(raw.get("date_also_accepted"))),
            unga_session=None if session is None else int(session),
            location=raw.get("location"),
            format=raw.get("format"),
            status=raw.get("status") or "held",
            mode=raw.get("mode") or IN_PERSON,
            posts=tuple(posts),
            optional=bool(raw.get("optional")),
            scored=frozenset(a for a in MEETING_ATTRIBUTES if a in raw),
        )
    except (KeyError, TypeError, ValueError) as err:
        raise GoldError(f"{file}: meeting {raw.get('m', '?')}: missing or bad {err}") from err


def corpus_gold_file(name: str, data: Mapping[str, Any]) -> tuple[GoldFile, list[GoldMeeting]]:
    """One per-source gold file (`eval/gold/<raw file>.json`); `name` is the gold file's
    own name, for messages."""
    if not isinstance(data, Mapping) or "posts" not in data:
        raise GoldError(f"{name}: not a gold file (no posts)")
    source = str(data.get("source") or name.removesuffix(".json"))
    posts = tuple(gold_post(source, p) for p in data["posts"])
    meetings = []
    for raw in data.get("meetings") or ():
        try:
            refs = [post_ref(source, v) for v in raw.get("posts") or ()]
        except (TypeError, ValueError) as err:
            raise GoldError(f"{name}: meeting {raw.get('m', '?')}: bad post {err}") from err
        meetings.append(gold_meeting(source, raw, refs))
    return GoldFile(source, posts), meetings


def corpus_gold(files: Mapping[str, Any]) -> Gold:
    """The gold of a corpus from its per-source files (name → parsed JSON), checked: every
    post numbered once per file, every meeting's post annotated somewhere."""
    gold_files: list[GoldFile] = []
    meetings: list[GoldMeeting] = []
    for name in sorted(files):
        f, ms = corpus_gold_file(name, files[name])
        gold_files.append(f)
        meetings += ms
    return checked(Gold(tuple(gold_files), tuple(meetings)))


def seeds_gold(data: Mapping[str, Any], name: str = "gold") -> Gold:
    """The seeds' format: `sources` by file name (post numbers unique across files,
    translations as pairs), and one list of meetings whose posts are those numbers."""
    gold_files: list[GoldFile] = []
    where: dict[int, str] = {}
    for source, src in data["sources"].items():
        twins = {int(b): int(a) for a, b in src.get("translations") or ()}
        posts = tuple(gold_post(source, p, twins.get(int(p["n"]))) for p in src["posts"])
        gold_files.append(GoldFile(source, posts))
        where.update((p.ref.n, source) for p in posts)
    meetings = []
    for raw in data.get("meetings") or ():
        unknown = [n for n in raw.get("posts") or () if n not in where]
        if unknown:
            raise GoldError(f"{name}: meeting {raw.get('m', '?')}: no post {unknown[0]}")
        refs = [PostRef(where[n], n) for n in raw.get("posts") or ()]
        file = refs[0].file if refs else gold_files[0].name
        meetings.append(gold_meeting(file, raw, refs))
    return checked(Gold(tuple(gold_files), tuple(meetings)), name)


def is_iso_date(value: str | None) -> bool:
    """True for None or a YYYY-MM-DD day.

    >>> is_iso_date("2024-10-22"), is_iso_date("22.10.2024"), is_iso_date(None)
    (True, False, True)
    """
    if value is None:
        return True
    try:
        return dt.date.fromisoformat(value).isoformat() == value
    except (TypeError, ValueError):
        return False


def meeting_problem(g: GoldMeeting) -> str | None:
    """What is wrong with a gold meeting's values, if anything: a typo in the gold would
    otherwise count as the extractor's miss."""
    if g.status not in STATUSES:
        return f"status {g.status!r} is not one of {', '.join(STATUSES)}"
    if g.mode not in MODES:
        return f"mode {g.mode!r} is not one of {', '.join(MODES)}"
    if g.format not in FORMATS:
        return f"format {g.format!r} is not bilateral or multilateral"
    if g.country is not None and pycountry.countries.get(alpha_3=g.country) is None:
        return f"country {g.country!r} is not an ISO 3166-1 alpha-3 code"
    bad_dates = [d for d in g.dates if not is_iso_date(d)]
    if bad_dates:
        return f"date {bad_dates[0]!r} is not YYYY-MM-DD"
    if not g.posts and not g.optional:
        return "no posts report it"
    return None


def checked(gold: Gold, name: str | None = None) -> Gold:
    """The gold itself, or a GoldError naming the first inconsistency."""
    for f in gold.files:
        numbers = [p.ref.n for p in f.posts]
        repeated = sorted({n for n in numbers if numbers.count(n) > 1})
        if repeated:
            raise GoldError(f"{name or f.name}: post {repeated[0]} annotated twice")
    for m in gold.meetings:
        problem = meeting_problem(m)
        if problem:
            raise GoldError(f"{name or m.file}: meeting {m.m}: {problem}")
        for ref in m.posts:
            if gold.post(ref) is None:
                raise GoldError(
                    f"{name or m.file}: meeting {m.m}: post {ref.file}#{ref.n} is not annotated"
                )
    return gold


def parse_gold(files: Mapping[str, Any]) -> Gold:
    """Gold from parsed JSON files: one file in the seeds' format (it has `sources`), or a
    corpus's per-source files."""
    if len(files) == 1:
        ((name, data),) = files.items()
        if isinstance(data, Mapping) and "sources" in data:
            return seeds_gold(data, name)
    return corpus_gold(files)
