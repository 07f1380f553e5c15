"""One evaluation: a package's tables against the gold, every figure and miss (pure)."""

from __future__ import annotations

from typing import Any

from sidelines.evaluation.contacts import is_call, score_contacts
from sidelines.evaluation.figures import Scorecard
from sidelines.evaluation.gold import Gold
from sidelines.evaluation.meetings import score_meetings, sources_of
from sidelines.evaluation.posts import score_posts, score_translations


def corpus_size(gold: Gold) -> dict[str, int]:
    """Files, posts and in-person gold meetings: what the figures were measured on."""
    return {
        "files": len(gold.files),
        "posts": sum(len(f.posts) for f in gold.files),
        "gold_meetings": sum(m.in_person and not m.optional for m in gold.meetings),
        "gold_contacts": sum(not m.in_person and not m.optional for m in gold.meetings),
    }


def score(gold: Gold, tables: dict[str, list[dict[str, Any]]]) -> Scorecard:
    """Posts, translations and meetings scored; misses in that order."""
    posts = score_posts(gold, tables["posts"], tables["hashtags"])
    translation_figures, translation_misses = score_translations(gold, tables["posts"], posts.found)
    langs = {p.ref: p.lang for f in gold.files for p in f.posts}
    # In-person meetings are scored as before contacts had a mode; calls on their own.
    in_person = [r for r in tables["meetings"] if not is_call(r)]
    calls = [r for r in tables["meetings"] if is_call(r)]
    meeting_figures, meeting_misses = score_meetings(
        gold, in_person, tables["meeting_sources"], posts.found, langs
    )
    contact_figures, contact_misses = score_contacts(
        (g for g in gold.meetings if not g.in_person and not g.optional),
        calls,
        sources_of(tables["meeting_sources"]),
        posts.found,
    )
    figures = {
        f.name: f
        for f in [*posts.figures, *meeting_figures, *contact_figures, *translation_figures]
    }
    return Scorecard(
        figures=figures,
        misses=[*posts.misses, *meeting_misses, *contact_misses, *translation_misses],
        corpus=corpus_size(gold),
    )
