"""Per-post columns as polars expressions over a file's posts: language, hashtags and the
countries their tags name, opening flags, and translation links between neighbours.

Each reproduces, over whole columns, what `lang.detect_lang`, `hashtags.find_hashtags` and
`translations.link_translations` do for one post (their doctests and tests say what), with
Python's `\\w` and `\\s` spelled as explicit classes (`charclasses`) so that both find the
same characters. Python runs once per distinct tag (casefold, country), not once per post.
"""

from __future__ import annotations

from functools import cache

import polars as pl

from sidelines.extract.charclasses import space, word
from sidelines.extract.countries import country_from_hashtag

REGIONAL_INDICATOR = "\\x{1F1E6}-\\x{1F1FF}"  # two of them make a flag
FLAGS_OF_A_PAIR = 4  # regional indicators in two flags


@cache
def _patterns() -> dict[str, str]:
    w, s = word(), space()
    return {
        # `(?<!\S)#(\w+)`: Rust has no look-behind, so the space before a tag is matched
        # and cut off after (matches never overlap it: the tag before ends in a word
        # character).
        "hashtag": f"(?:^|[{s}])#[{w}]+",
        "hashtag_or_url": f"#[{w}]+|https?://[^{s}]+",
        "leading_flags": f"^[{s}]*((?:[{REGIONAL_INDICATOR}]{{2}})+)",
    }


def lang(text: pl.Expr) -> pl.Expr:
    """ "ru" or "en" by the majority script of the letters, hashtags and links left out;
    null without letters (`lang.detect_lang`)."""
    body = text.str.replace_all(_patterns()["hashtag_or_url"], " ")
    cyrillic = body.str.count_matches("[\u0400-\u04ff]").fill_null(0)  # no text: no letters
    latin = body.str.count_matches("[A-Za-z]").fill_null(0)
    return (
        pl.when((cyrillic == 0) & (latin == 0))
        .then(pl.lit(None, pl.String))
        .when(cyrillic >= latin)
        .then(pl.lit("ru"))
        .otherwise(pl.lit("en"))
    )


def leading_flags(text: pl.Expr) -> pl.Expr:
    """The run of flag emoji a post opens with, null without one (`countries.leading_flags`
    joined)."""
    return text.str.extract(_patterns()["leading_flags"], 1)


def hashtag_rows(posts: pl.DataFrame) -> pl.DataFrame:
    """One row per hashtag of each post (post_id, position, tag, tag_norm, country), posts
    in order, tags in order of appearance (`posts.hashtag_rows` for every post)."""
    found = (
        posts.select(
            "post_id",
            tag=pl.col("text")
            .str.extract_all(_patterns()["hashtag"])
            .list.eval(pl.element().str.replace("^[^#]*#", "")),
        )
        .explode("tag")
        .filter(pl.col("tag").is_not_null())
        .with_columns(position=pl.int_range(1, pl.len() + 1, dtype=pl.Int64).over("post_id"))
    )
    distinct = found["tag"].unique(maintain_order=True).to_list()
    meaning = pl.DataFrame(
        {
            "tag": distinct,
            "tag_norm": [tag.casefold() for tag in distinct],
            "country": [country_from_hashtag(tag) for tag in distinct],
        },
        schema={"tag": pl.String, "tag_norm": pl.String, "country": pl.String},
    )
    return found.join(meaning, on="tag", how="left", maintain_order="left").select(
        "post_id", "position", "tag", "tag_norm", "country"
    )


def translation_ids(posts: pl.DataFrame, tags: pl.DataFrame) -> pl.Series:
    """The post_id of each post's translation, null for none (`link_translations`): two
    neighbours in file order are linked when they come from the same file in different
    languages and open with the same two or more flags or tag the same partner countries;
    linked greedily from the top, so that in a run of candidate pairs every other one is."""
    if posts.height < 2:  # no neighbour (an article): not worth the dozen queries below
        return pl.Series("translation_id", [None] * posts.height, dtype=pl.String)
    partners = (
        tags.filter(pl.col("country").is_not_null())
        .group_by("post_id")
        .agg(_partners=pl.col("country").unique().sort().str.join(","))
    )
    frame = posts.select("post_id", "source_file", "lang", _flags=leading_flags(pl.col("text")))
    frame = frame.join(partners, on="post_id", how="left", maintain_order="left")

    def with_next(column: str) -> tuple[pl.Expr, pl.Expr]:
        return pl.col(column), pl.col(column).shift(-1)

    lang, next_lang = with_next("lang")
    flags, next_flags = with_next("_flags")
    tagged, next_tagged = with_next("_partners")
    candidate = (
        (pl.col("source_file") == pl.col("source_file").shift(-1))
        & lang.is_not_null()
        & next_lang.is_not_null()
        & (lang != next_lang)
        & (
            ((flags.str.len_chars() >= FLAGS_OF_A_PAIR) & (flags == next_flags)).fill_null(False)
            | (tagged.is_not_null() & (tagged == next_tagged)).fill_null(False)
        )
    ).fill_null(False)
    run = (~pl.col("_candidate")).cum_sum()
    linked = pl.col("_candidate") & (pl.col("_candidate").cum_sum().over(run) % 2 == 1)
    return (
        frame.with_columns(_candidate=candidate)
        .with_columns(_linked=linked)
        .select(
            translation_id=pl.when(pl.col("_linked"))
            .then(pl.col("post_id").shift(-1))
            .when(pl.col("_linked").shift(1).fill_null(False))
            .then(pl.col("post_id").shift(1))
        )
        .to_series()
    )
