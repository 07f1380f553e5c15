"""The extraction's measured accuracy as the package states it (pure): the figures of
`eval/results.json` when they were measured with the code that builds the package, else a
plain statement that this builder version was not measured."""

from __future__ import annotations

import json
from typing import Any

from sidelines.evaluation.figures import FIGURES

NOT_MEASURED = "not measured for this builder version"


def parse_results(data: bytes, name: str) -> dict[str, Any]:
    """A results file written by `sidelines eval --json`, or a ValueError naming it."""
    try:
        results = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise ValueError(f"{name}: not a results file ({err})") from err
    if not isinstance(results, dict) or not isinstance(results.get("figures"), dict):
        raise ValueError(f"{name}: not a results file (no figures)")
    return results


def published_accuracy(results: dict[str, Any] | None, code_sha256: str) -> dict[str, Any]:
    """The `accuracy` block of `quality/summary.json`.

    >>> published_accuracy(None, "abc")
    {'measured': False, 'note': 'not measured for this builder version'}
    >>> published_accuracy({"code_sha256": "abc", "corpus": {"files": 1}, "figures": {}}, "abc")
    {'measured': True, 'code_sha256': 'abc', 'corpus': {'files': 1}, 'figures': {}}
    """
    if not results or results.get("code_sha256") != code_sha256:
        return {"measured": False, "note": NOT_MEASURED}
    return {
        "measured": True,
        "code_sha256": code_sha256,
        "corpus": results.get("corpus", {}),
        "figures": {n: results["figures"][n] for n in FIGURES if n in results.get("figures", {})},
    }


def _value(figure: dict[str, Any]) -> str:
    return "n/a" if figure.get("value") is None else f"{figure['value']:.2f}"


def accuracy_rows(accuracy: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    """(figure, what it counts, value, hits of total) for each measured figure."""
    return [
        (name, FIGURES[name], _value(f), f"{f['hits']} of {f['total']}")
        for name, f in accuracy.get("figures", {}).items()
    ]


def accuracy_readme(accuracy: dict[str, Any]) -> str:
    """The package README's accuracy section."""
    lines = ["## Accuracy", ""]
    if not accuracy.get("measured"):
        note = (
            f"The extraction's precision and recall were **{NOT_MEASURED}** (no results in "
            "the repository's `eval/results.json` for this builder's code). Run `nox -s eval` "
            "in the repository to measure them."
        )
        return "\n".join([*lines, note, ""])
    corpus = accuracy["corpus"]
    meetings = (
        accuracy["figures"].get("meetings.precision"),
        accuracy["figures"].get("meetings.recall"),
    )
    headline = (
        f"Meetings: precision {_value(meetings[0])}, recall {_value(meetings[1])}. "
        if all(meetings)
        else ""
    )
    lines += [
        "Measured with this builder version (code sha256 "
        f"`{accuracy['code_sha256'][:12]}…`) on the repository's evaluation corpus: "
        f"{corpus.get('files', 0)} raw files written after real ministry posts and agency "
        f"news in Russian and English, {corpus.get('posts', 0)} posts and "
        f"{corpus.get('gold_meetings', 0)} in-person meetings and "
        f"{corpus.get('gold_contacts', 0)} phone or video calls annotated by hand (`eval/`). "
        f"{headline}A row is right when its counterpart country (or organisation) and status "
        "agree with the annotation; the other figures count the right values among those rows.",
        "",
        "| figure | what it counts | value | of |",
        "|---|---|---:|---:|",
    ]
    lines += [f"| `{n}` | {what} | {v} | {of} |" for n, what, v, of in accuracy_rows(accuracy)]
    return "\n".join([*lines, ""])
