"""The package's README.md, written from the schemas so the docs always match the data."""

from __future__ import annotations

from typing import Any

import polars as pl

from sidelines.schema import Schemas

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
meetings = pl.read_csv("data/meetings.csv", try_parse_dates=True)
```

**pandas**
```python
import pandas as pd
posts = pd.read_parquet("data/posts.parquet")
hashtags = pd.read_csv("data/hashtags.csv", keep_default_na=False, na_values=[""])
```

**frictionless**
```python
from frictionless import Package
package = Package("datapackage.json")
rows = package.get_resource("meetings").read_rows()
```
`frictionless validate datapackage.json` checks every row, key and file hash.

**R**
```r
library(frictionless)   # or: readr::read_csv("data/posts.csv")
package <- read_package("datapackage.json")
posts <- read_resource(package, "posts")
```

**DuckDB**
```sql
SELECT m.*, s.post_id FROM 'data/meetings.parquet' m
JOIN 'data/meeting_sources.parquet' s USING (meeting_id);
```
"""

CAVEATS = """## Caveats

- Posts are segmented from plain-text channel dumps by cues (a `Forwarded from` line, a post
  opening with a flag pair, a hashtag-only line closing a post); a post with none of these
  cues right after another may be merged into it.
- `lang` is told from the script (Cyrillic or Latin letters): only `ru` and `en` occur.
- Only hashtags that stand after white space or at a line start count (`(#CICA)` does not).
- `event_date` ignores dates in sentences about the future ("will address … on September 28").
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
    parts += [LOADING, CAVEATS]
    return "\n".join(parts)
