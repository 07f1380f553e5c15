"""The figures an evaluation reports, the misses behind them, floors and the results record
(pure)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

# Every figure, in the order it is printed, with what it counts.
FIGURES: dict[str, str] = {
    "posts.found": "gold posts found in exactly one post of their file, holding no other",
    "posts.files": "files cut into exactly as many posts as the gold lists",
    "posts.lang": "posts with the gold language",
    "posts.hashtags": "posts with exactly the gold hashtags",
    "posts.forwarded_from": "posts with the gold forwarding channel (or none)",
    "posts.date": "dated gold posts whose event date or publication day is the gold date",
    "meetings.precision": "meeting rows that are a true positive",
    "meetings.recall": "gold in-person meetings found (counterpart and status agree)",
    "meetings.recall.ru": "gold meetings first reported in Russian, found",
    "meetings.recall.en": "gold meetings first reported in English, found",
    "meetings.recall.unga": "gold meetings at the General Assembly, found",
    "meetings.recall.elsewhere": "gold meetings away from the General Assembly, found",
    "meetings.counterpart": "paired rows whose counterpart country or organisation agrees",
    "meetings.date": "true positives with the gold date (or an accepted one)",
    "meetings.name": "true positives naming the gold counterpart (where the gold names one)",
    "meetings.role": "true positives sharing half the gold role's words (where it gives one)",
    "meetings.location": "true positives with the gold location (null for null)",
    "meetings.session": "true positives with the gold General Assembly session (null for null)",
    "meetings.sources": "true positives listing every gold post among their sources",
    "meetings.format": "true positives with the gold format (bilateral, multilateral)",
    "contacts.precision": "phone and video rows that are a true positive",
    "contacts.recall": "gold phone and video contacts found (counterpart and status agree)",
    "contacts.mode": "found contacts with the gold mode (phone, video)",
    "translations.precision": "translation links in the package that the gold makes",
    "translations.recall": "gold translation pairs the package links",
}


@dataclass(frozen=True)
class Figure:
    """A share: `hits` of `total`; no value when there was nothing to count."""

    name: str
    hits: int
    total: int

    @property
    def value(self) -> float | None:
        return self.hits / self.total if self.total else None


@dataclass(frozen=True)
class Miss:
    """One thing the package got wrong: under which figure, where, expected and found."""

    figure: str
    file: str
    item: str  # "post 3", "meeting 2", "row 0fe71121dcb7c9b6"
    expected: str
    found: str

    def line(self) -> str:
        return (
            f"{self.figure}: {self.file} {self.item}: expected {self.expected}; found {self.found}"
        )


@dataclass(frozen=True)
class Scorecard:
    """An evaluation's outcome: the figures by name, every miss, and the corpus's size."""

    figures: dict[str, Figure]
    misses: list[Miss]
    corpus: dict[str, int] = field(default_factory=dict)  # files, posts, gold_meetings


def tally(name: str, outcomes: Iterable[bool]) -> Figure:
    """A figure from one outcome per counted item.

    >>> tally("posts.lang", [True, False, True]).value
    0.6666666666666666
    """
    seen = list(outcomes)
    return Figure(name, sum(seen), len(seen))


def below_floors(figures: Mapping[str, Figure], floors: Mapping[str, float]) -> list[str]:
    """One line per figure under its floor (a figure with nothing to count is under any
    floor above zero: it was not measured), in the order of FIGURES.

    >>> below_floors({"meetings.recall": Figure("meetings.recall", 1, 4)},
    ...              {"meetings.recall": 0.5})
    ['meetings.recall 0.250 is below its floor 0.500']
    """
    lines = []
    for name in [n for n in FIGURES if n in floors]:
        floor = floors[name]
        figure = figures.get(name)
        value = figure.value if figure is not None else None
        if value is None and floor > 0:
            lines.append(f"{name} was not measured (nothing to count); its floor is {floor:.3f}")
        elif value is not None and value < floor:
            lines.append(f"{name} {value:.3f} is below its floor {floor:.3f}")
    return lines


def unknown_floors(floors: Mapping[str, Any]) -> list[str]:
    """Floor names that are not figures (a typo would otherwise guard nothing)."""
    return sorted(name for name in floors if name not in FIGURES)


def results_record(card: Scorecard, code_sha256: str | None) -> dict[str, Any]:
    """What `eval/results.json` holds: the builder's code hash, the corpus's size and every
    figure; no time stamps or paths, so the same package and gold give the same bytes."""
    return {
        "code_sha256": code_sha256,
        "corpus": dict(sorted(card.corpus.items())),
        "figures": {
            name: {
                "value": None if f.value is None else round(f.value, 4),
                "hits": f.hits,
                "total": f.total,
            }
            for name in FIGURES
            if (f := card.figures.get(name)) is not None
        },
    }


def figure_table(figures: Mapping[str, Figure], floors: Mapping[str, float]) -> list[str]:
    """The figures as aligned text lines: name, value, hits/total, floor."""
    width = max(len(n) for n in FIGURES)
    lines = [f"{'figure':<{width}}  {'value':>6}  {'of':>11}  {'floor':>5}"]
    for name in FIGURES:
        f = figures.get(name)
        if f is None:
            continue
        value = "n/a" if f.value is None else f"{f.value:.3f}"
        floor = f"{floors[name]:.2f}" if name in floors else ""
        lines.append(f"{name:<{width}}  {value:>6}  {f'{f.hits}/{f.total}':>11}  {floor:>5}")
    return lines
