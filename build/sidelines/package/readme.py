"""The package's README.md, written from the schemas so the docs always match the data."""

from __future__ import annotations

from typing import Any

import polars as pl

from sidelines.extract.event_codes import VENUES, crosswalk
from sidelines.package.schema import Schemas


def citation_text(descriptor: dict[str, Any]) -> str:
    """A plain citation line for a package version.

    >>> citation_text({"title": "T", "version": "1.2.0", "homepage": "https://x",
    ...                "contributors": [{"title": "A"}]})
    'A. T. Version 1.2.0. https://x'
    """
    authors = ", ".join(c["title"] for c in descriptor.get("contributors", []))
    parts = [authors, descriptor["title"], f"Version {descriptor['version']}"]
    text = ". ".join(p for p in parts if p) + "."
    return f"{text} {descriptor['homepage']}" if descriptor.get("homepage") else text


TABLE_MEANING = {
    "posts": "One row per post: a Telegram channel post or a news article. Repeated copies "
    "of the same post are collapsed into one row (`copies` counts them).",
    "hashtags": "One row per hashtag occurrence in a post, in order.",
    "meetings": "One row per real-world meeting, however many posts report it.",
    "meeting_sources": "Which posts report which meeting (every post, in every language).",
}

LOADING = """## Loading

Each table is here twice, with the same rows: `data/NAME.csv` (UTF-8, RFC 4180, CRLF,
empty field = null) and `data/NAME.parquet`.

**polars**
```python
import polars as pl
posts = pl.read_parquet("data/posts.parquet")
meetings = pl.read_csv(
    "data/meetings.csv", try_parse_dates=True, schema_overrides={"cameo_code": pl.String}
)  # CAMEO codes keep their leading zero: "044", not 44
```

**pandas** (`numpy_nullable` keeps integer columns with nulls as integers, not float64)
```python
import pandas as pd
posts = pd.read_parquet("data/posts.parquet", dtype_backend="numpy_nullable")
meetings = pd.read_csv(
    "data/meetings.csv", keep_default_na=False, na_values=[""],
    dtype_backend="numpy_nullable", parse_dates=["date"], dtype={"cameo_code": "string"},
)
```

**frictionless**
```python
from frictionless import Package
package = Package("datapackage.json")
rows = package.get_resource("meetings").read_rows()
```
`frictionless validate datapackage.json` checks every row, key and file hash.

**Croissant** (`croissant.json`: the same package in Croissant 1.1 JSON-LD, which is also a
schema.org Dataset, for dataset search engines and ML tools; `pip install mlcroissant`. Each
table is a record set read from its Parquet file, whose sha256 is checked as it is read.)
```python
import mlcroissant as mlc
dataset = mlc.Dataset(jsonld="croissant.json")
meetings = list(dataset.records("meetings"))  # {"meetings/date": ..., ...}; text as bytes
```

**R** (base R, nothing to install; for typed columns from the descriptor,
`install.packages("frictionless")` and `read_resource(read_package("datapackage.json"), "posts")`)
```r
posts <- read.csv("data/posts.csv", na.strings = "", fileEncoding = "UTF-8")
meetings <- read.csv("data/meetings.csv", na.strings = "", fileEncoding = "UTF-8",
                     colClasses = c(date = "Date", cameo_code = "character"))
```

**DuckDB**
```sql
SELECT m.*, s.post_id FROM 'data/meetings.parquet' m
JOIN 'data/meeting_sources.parquet' s USING (meeting_id);
```

**Spreadsheets (Excel, LibreOffice Calc, Google Sheets)**

The CSVs keep every text exactly as it was posted, so a value may begin with `=`, `+`, `-`
or `@` (a quoted line, a list item, a handle). These values are text, not formulas, but a
spreadsheet that opens a CSV directly may run them as formulas. Do not double-click the
CSVs: import them with every column as text (Excel: Data → From Text/CSV → Transform Data,
column type Text; LibreOffice: File → Open, then in the Text Import dialog select all
columns and set the column type to Text; Google Sheets: File → Import, with "Convert text
to numbers, dates, and formulas" unticked), or use the Parquet copy, which holds no
formulas.
"""

MEETINGS = """## How meetings are extracted

A post reports a meeting when one of its sentences (not one that denies or doubts it) has a
meeting cue ("held a meeting with", "talks with", "took part in the … meeting
of", «встреча … с», «переговоры … с», «принял участие в заседании»), a Russian side, and a
counterpart:

- `counterpart_country` / `counterpart_org`: the post's opening flag pair minus Russia (🇺🇳
  is the UN), else its one bilateral hashtag (`#RussiaSudan`, `#РоссияСудан`), else the
  words after "with" / «с»: an organisation whose head is met (UN Secretary-General → UN),
  else the country named there, in English or inflected Russian (pycountry and its Russian
  locale). A multilateral meeting names its organisation (CICA, BRICS, CSTO) or none.
- `date` / `date_precision`: `stated` («21 сентября», "On September 21", "September 21,
  2023"; the year from the text, the session or the publication); `inferred` from a weekday
  ("on Wednesday", «в среду») in the session's high-level week, or in the week before
  publication; `published` when only the publication date is known; `unknown` otherwise.
- `russian_participant`: the canonical English name of an official in the alias table
  (Sergey Lavrov for С.В.Лавров, Сергея Лаврова, Sergei Lavrov), else the name as written.
- `counterpart_name` and `counterpart_role`: from an English source where one exists, else
  from the Russian one, put back into the nominative by suffix rules (Руамбой → Руамба).
- `location`: a 📍 line or "in City", else New York for a meeting on the margins of a General
  Assembly session.
- `status`: `planned` for engagements a sentence announces ("will address", «примет
  участие», "on the Minister's programme") with a Russian official and a counterpart;
  a planned engagement is never merged with a held meeting.
- `mode`: `phone` for a call the sentence reports ("had a telephone conversation with",
  "spoke by phone with", «провёл телефонный разговор с», «переговорил по телефону»),
  `video` for a video link ("video call", "videoconference", «по видеосвязи», «в режиме
  видеоконференции»), else `in_person`. A call in a relative clause ("…, with whom he had
  spoken by phone") is another contact's. A call and a meeting with the same counterpart on
  the same day are two rows.

The mentions of one meeting (a Russian post, its English twin, a video caption, a later
detailed post, a news article) become one row with all of them in `meeting_sources`: the
same counterpart, format, status and mode, and the same day; a post with no date joins its
translation's meeting, else the meeting with that counterpart in the same session (the
nearest in the file if several). Two meetings with one country on two days are two rows.
`meeting_id` hashes counterpart, format, status, session and date (undated: the smallest
source `post_id`), and the mode of a call, so renaming or reordering raw files keeps it.

### Known limits

- One held meeting per post (a digest of several meetings yields the first; a sentence
  naming several countries after "ministers" yields one row per country, with no names).
- Countries named by adjective only ("his Kenyan counterpart") are not recognised; neither
  are Russian officials outside the alias table unless written "Russian Minister Name".
- A call's mode is read from its own sentence: a post that says "by phone" only in its
  headline yields an in-person row for a body sentence with no call word.
- An undated post about a counterpart met twice in one session joins the nearest meeting
  in the file, which may be the wrong one.
- Russian names and offices are de-declined by suffix rules; unusual names may keep a case
  ending. Offices are as written (English preferred), not normalised.
"""

EVENTS_INTRO = """## Meetings as events (PLOVER and CAMEO)

Every row is also an event of the event-data codebooks, so that the table joins with
POLECAT/PLOVER and CAMEO-coded data (ICEWS, GDELT). The codes are derived from the row's
own columns by one crosswalk (`build/sidelines/extract/event_codes.py`), and
`sidelines check` fails a package whose codes disagree with it:

- `actor_country` is always `RUS` (the reports are the Russian side's); `recipient_country`
  and `recipient_org` are the counterpart's. CAMEO codes a visit from the visitor's side;
  here the actor may be the host (043, PLOVER mode `host`, from the CAMEO2PLOVER table).
- `plover_event`: `CONSULT` for a contact held; `AGREE` for one announced (PLOVER: "all
  cooperative actions reported in future tense are also taken to imply intentions"; AGREE
  has no modes, so `plover_mode` is empty).
- A phone or video call is CAMEO 041 ("discuss by telephone": CAMEO predates video calls)
  and PLOVER mode `phone` ("via phone or some other remote medium").
- The venue of a meeting in person: at the General Assembly when `unga_session` is set (UN
  Headquarters is neither side's soil), else the state of `location` (CLDR's cities in
  English and Russian, and a short table of others such as Kazan or Astana): Russia, the
  counterpart's state, a third state, or unknown (no location, or a place no list knows).
  CAMEO 043 host a visit and 042 make a visit are given only where the venue says so.

| status | mode | format | venue | plover_event | plover_mode | cameo_code |
|---|---|---|---|---|---|---|
"""

EVENT_RECIPE = """To write the meetings as PLOVER JSON records (one per line, the PLOVER manual's
field names; PLOVER requires a date, so undated meetings are left out):

**PLOVER**
```python
import polars as pl
meetings = pl.read_parquet("data/meetings.parquet").filter(pl.col("date").is_not_null())
events = meetings.select(
    id="meeting_id",
    date=pl.col("date").dt.strftime("%Y-%m-%d"),
    source=pl.concat_list(pl.struct(code="actor_country", actor_text="russian_participant")),
    recipient=pl.concat_list(
        pl.struct(
            code=pl.coalesce("recipient_country", "recipient_org"),
            actor_text="counterpart_name",
        )
    ),
    event=pl.concat_list("plover_event"),
    mode="plover_mode",
    event_loc=pl.struct(name="location"),
    quad_code=pl.lit(1),  # AGREE and CONSULT are verbal cooperation
    cameo_code="cameo_code",
)
jsonl = events.write_ndjson()  # or events.write_ndjson("meetings.plover.jsonl")
```
"""


def crosswalk_rows() -> list[str]:
    """The crosswalk as Markdown table rows, computed by the crosswalk itself: a planned
    contact, a call, then each format and venue of a meeting in person."""
    cases = [("planned", "any", "any", "any"), ("held", "phone, video", "any", "any")]
    cases += [("held", "in_person", f, v) for f in ("bilateral", "multilateral") for v in VENUES]
    lines = []
    for status, mode, fmt, where in cases:
        codes = crosswalk(
            status,
            "bilateral" if fmt == "any" else fmt,
            mode.split(",")[0],
            "unknown" if where == "any" else where,
        )
        cells = [status, mode, fmt, where, codes.plover_event, codes.plover_mode or "",
                 codes.cameo_code]  # fmt: skip
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def events_section() -> str:
    """The event-codes section: what the codes mean, the crosswalk table and the recipe."""
    return EVENTS_INTRO + "\n".join(crosswalk_rows()) + "\n\n" + EVENT_RECIPE


CAVEATS = """## Caveats

- Posts are segmented from plain-text channel dumps by cues (a `Forwarded from` line, a post
  opening with a flag pair, a hashtag-only line closing a post); a post with none of these
  cues right after another may be merged into it.
- `lang` is told from the script (Cyrillic or Latin letters): only `ru` and `en` occur.
- Only hashtags that stand after white space or at a line start count (`(#CICA)` does not).
- `event_date` is the day of the first sentence that dates anything, held or announced ("will
  address … on September 28" included); a sentence reporting something done that names a later
  day than the post's publication speaks of another event, and is passed over.
- `post_id` hashes the channel and the text: an edited post gets a new id.
"""


def column_table(schema: dict[str, Any]) -> str:
    """A Markdown table of a schema's columns: name, type, required, description."""
    lines = ["| column | type | required | description |", "|---|---|---|---|"]
    for f in schema["fields"]:
        required = "yes" if f.get("constraints", {}).get("required") else ""
        description = f.get("description", "").replace("|", "\\|")
        lines.append(f"| `{f['name']}` | {f['type']} | {required} | {description} |")
    return "\n".join(lines)


def citation_section(meta: dict[str, Any]) -> str:
    """How to cite this version of the package (the repository's CITATION.cff, versioned)."""
    return "\n".join(
        [
            "## Citation",
            "",
            "Please cite the version you used:",
            "",
            f"> {citation_text(meta)}",
            "",
            "Each release's `release-notes.md` and `SHA256SUMS` identify its files; "
            "`CITATION.cff` in the repository has the same metadata for citation tools.",
            "",
        ]
    )


def render_readme(
    schemas: Schemas, tables: dict[str, pl.DataFrame], quality: str | None = None
) -> str:
    """README.md text for the package: what it is, its tables and columns, how to load it,
    and (given) the quality section."""
    meta = schemas.package
    parts = [
        f"# {meta['title']}",
        "",
        meta["description"],
        "",
        f"Version {meta['version']}. License: "
        + ", ".join(lic["name"] for lic in meta.get("licenses", []))
        + ".",
        "",
        "## Tables",
        "",
    ]
    for name, schema in schemas.tables.items():
        key = ", ".join(schemas.primary_key(name))
        parts += [
            f"### {name} ({tables[name].height} rows)",
            "",
            TABLE_MEANING.get(name, ""),
            "",
            f"Primary key: `{key}`. Files: `data/{name}.csv`, `data/{name}.parquet`.",
            "",
            column_table(schema),
            "",
        ]
    parts += [quality] if quality else []
    parts += [LOADING, MEETINGS, events_section(), citation_section(meta), CAVEATS]
    return "\n".join(parts)
