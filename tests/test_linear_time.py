"""The per-file stage takes linear time on any input: each shape that once made a pattern
backtrack or a loop re-search the whole text is fed at 1 k, 10 k and 100 k repetitions
through `extract_source`, and the cost per repetition must not grow with the count.

Every parser and extractor runs in this stage, so a rewrite of any of them (mentions, dates,
meetings, people, the parsers) is held to the same bound by these tests. Times are CPU
times (`time.process_time`) of one process, with the garbage collector paused and the
extractors' caches cleared, best of a few runs for the small counts; the cost of the same
file without the repeated piece is taken off, so that the per-repetition cost of cheap
pieces is not swamped by it.
"""

from __future__ import annotations

import gc
import html
import json
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st

from sidelines.extract.per_file import FileExtract, extract_source
from sidelines.extract.places import pinned_place
from sidelines.extract.sentences import SIDELINES, blank_sidelines
from sidelines.parse.channel_dump import forwarded_name
from sidelines.parse.telegram_html import unclosed_markup_as_text
from sidelines.sources import RawSource

MAX_GROWTH = 3  # per-repetition cost at a larger count over the cost at a smaller one
# Below this much CPU time over the empty shape, a measurement is timer and cache noise:
# it is counted as this much (a cheap piece then shows no growth it does not have).
RESOLUTION = 0.002  # seconds


@dataclass(frozen=True)
class Shape:
    """A raw file made of a head, a piece repeated `n` times, and a tail."""

    name: str  # the raw file's name: its suffix does not matter, its content does
    make: Callable[[int], str]

    def source(self, n: int) -> RawSource:
        return RawSource(self.name, self.make(n).encode("utf-8"))


def article(piece: str, title: str = "Заголовок") -> Callable[[int], str]:
    return lambda n: f"{title}\n{piece * n}\n"


def export_page(text: str) -> str:
    """A Telegram Desktop HTML page with one message holding `text`."""
    return (
        '<html><body><div class="page_header"><div class="text">МИД России</div></div>'
        '<div class="message default clearfix" id="message1"><div class="body">'
        f'<div class="text">{text}</div></div></div>'
    )


# The sentences are our own, modelled on the ministry's and agencies' reports of
# S.V.Lavrov's talks with A.Diop of Mali on the margins of the 76th and 78th General
# Assembly (bamada.net, «A propos de la rencontre…», 2021; iz.ru, 22 September 2023) and on
# the announcement of their talks in Moscow (riafan.ru, 28 October 2021).
SHAPES = [
    # A long article of short sentences with a meeting word and no Russian official: each
    # sentence once searched the whole text for one (66-73 s at 10 k).
    pytest.param(Shape("held-ru.txt", article("Встреча прошла. ")), id="ru-meeting-sentences"),
    pytest.param(
        Shape("held-en.txt", article("The talks with Mali went well. ", "Talks")),
        id="en-talks-sentences",
    ),
    pytest.param(
        Shape("planned-en.txt", article("The Minister will meet his Malian colleague. ", "Plans")),
        id="en-will-meet-sentences",
    ),
    # Sentences naming the official and a meeting but no counterpart: each one once looked
    # for the post's date, its hashtags and its 📍 place through the whole text.
    pytest.param(
        Shape("session.txt", article("78-й сессии Генассамблеи С.В.Лавров Встреча прошла. ")),
        id="ru-official-meeting-sentences",
    ),
    pytest.param(
        Shape(
            "tagged.txt",
            article("С.В.Лавров провёл встречу с министром. #РоссияМали #РоссияСенегал "),
        ),
        id="ru-meeting-sentences-with-hashtags",
    ),
    # «на полях » with no full stop and no Assembly: the lazy scan restarted at every cue.
    pytest.param(
        Shape(
            "margins-ru.txt",
            lambda n: f"Планы\nС.В.Лавров примет участие во встрече {'на полях ' * n}\n",
        ),
        id="ru-na-polyakh-without-full-stop",
    ),
    pytest.param(
        Shape(
            "margins-en.txt",
            lambda n: (
                f"Plans\nLavrov took part in the meeting of ministers "
                f"{'on the sidelines of ' * n}\n"
            ),
        ),
        id="en-on-the-sidelines-without-full-stop",
    ),
    # A run of spaces inside a forwarded channel's name.
    pytest.param(
        Shape(
            "forward.txt",
            lambda n: (
                f"Посольство\nО нас\nForwarded from МИД{' ' * n}России 🇷🇺\n"
                "Встреча прошла.\n#РоссияМали\n"
            ),
        ),
        id="dump-forwarded-from-spaces",
    ),
    # A run of spaces after a 📍, then a place cut by a digit.
    pytest.param(
        Shape(
            "pin.txt",
            lambda n: (
                "Посольство\nО нас\n🇷🇺🇲🇱 С.В.Лавров провёл встречу с министром Мали.\n"
                f"📍{' ' * n}Нью-Йорк{' ' * n}22 сентября\n#РоссияМали\n"
            ),
        ),
        id="dump-pin-spaces",
    ),
    pytest.param(
        Shape(
            "result.json",
            lambda n: json.dumps(
                {
                    "name": "Посольство",
                    "type": "public_channel",
                    "id": 1,
                    "messages": [
                        {
                            "id": 1,
                            "type": "message",
                            "date": "2023-09-22T10:00:00",
                            "date_unixtime": "1695376800",
                            "forwarded_from": f"МИД{' ' * n}России 🇷🇺",
                            "text": "Встреча прошла.",
                        }
                    ],
                },
                ensure_ascii=False,
            ),
        ),
        id="json-forwarded-from-spaces",
    ),
    # Markup never closed: html.parser rescanned the rest of the page from each '<'.
    pytest.param(
        Shape("tail.html", lambda n: export_page("Встреча прошла.") + "<a " * n),
        id="html-unclosed-a-at-end",
    ),
    pytest.param(
        Shape("text.html", lambda n: export_page("Встреча прошла. " + "<a" * n)),
        id="html-unclosed-a-in-text",
    ),
    pytest.param(
        Shape("comments.html", lambda n: export_page("Встреча прошла.") + "<!--x>" * n),
        id="html-unclosed-comments",
    ),
]


def bounded_caches() -> list:
    """The extractors' bounded caches (of sentences, words, names): the loaded data behind
    unbounded `functools.cache`s is kept."""
    modules = [m for name, m in sys.modules.items() if name.startswith("sidelines.")]
    functions = [f for m in modules for f in vars(m).values() if hasattr(f, "cache_info")]
    return list({id(f): f for f in functions if f.cache_info().maxsize is not None}.values())


def cpu_seconds(shape: Shape, n: int, runs: int, must_parse: bool = True) -> float:
    """The least CPU time of `runs` extractions of the shape at `n` repetitions, each with
    cold caches: a second run of the same text would otherwise find every sentence cached
    and hide the cost the test is there to bound."""
    source = shape.source(n)
    best = float("inf")
    for _ in range(runs):
        for cached in bounded_caches():
            cached.cache_clear()
        gc.collect()
        gc.disable()  # a collection landing in one run and not another is noise here
        try:
            start = time.process_time()
            result = extract_source(source)
            best = min(best, time.process_time() - start)
        finally:
            gc.enable()
        if must_parse:  # the shape parses into posts: every stage ran
            assert isinstance(result, FileExtract), result
            assert result.posts.height >= 1
    return best


def growth(costs: dict[int, float]) -> float:
    """The largest ratio of the per-repetition cost at a count to that at a smaller count."""
    counts = sorted(costs)
    return max(costs[big] / costs[small] for i, small in enumerate(counts) for big in counts[i:])


def per_repetition(
    shape: Shape, counts: list[int], runs: Callable[[int], int], must_parse: bool = True
) -> dict[int, float]:
    """CPU seconds per repetition at each count, the empty shape's time taken off; stops
    as soon as the cost has grown too much (a superlinear stage would take minutes more)."""
    cpu_seconds(shape, counts[0], 1, must_parse)  # warm up: regexes compiled, caches filled
    base = cpu_seconds(shape, 0, 5, must_parse=False)
    costs: dict[int, float] = {}
    for n in counts:
        costs[n] = max(cpu_seconds(shape, n, runs(n), must_parse) - base, RESOLUTION) / n
        if growth(costs) > MAX_GROWTH:
            break
    return costs


@pytest.mark.slow
@pytest.mark.parametrize("shape", SHAPES)
def test_cost_per_repetition_does_not_grow(shape: Shape) -> None:
    costs = per_repetition(shape, [1_000, 10_000, 100_000], runs=lambda n: 1 if n > 1_000 else 3)
    assert growth(costs) <= MAX_GROWTH, {n: f"{c * 1e6:.2f} µs" for n, c in costs.items()}


# Pieces of the shapes above, and words that wake the other patterns (dates, sessions,
# officials, flags, hashtags), for runs the shapes above did not think of.
PIECES = [
    "Встреча прошла. ",
    "The talks with Mali went well. ",
    "The Minister will meet his Malian colleague. ",
    "на полях ",
    "on the sidelines of ",
    " ",
    "\n",
    "📍",
    "<a",
    "<!--x>",
    "Forwarded from ",
    "С.В.Лавров ",
    "78-й сессии Генассамблеи ",
    "22 сентября ",
    "September 22, ",
    ", ",
    "#РоссияМали ",
    "🇷🇺🇲🇱",
]
CONTAINERS: dict[str, Callable[[str], str]] = {
    "article.txt": lambda run: f"Заголовок\n{run}\n",
    "dump.txt": lambda run: f"Посольство\nО нас\n🇷🇺🇲🇱 {run}\n#РоссияМали\n",
    "result.json": lambda run: json.dumps(
        {
            "name": "Посольство",
            "messages": [{"id": 1, "type": "message", "date_unixtime": "1695376800", "text": run}],
        },
        ensure_ascii=False,
    ),
    "messages.html": lambda run: export_page("Встреча. " + run),
}


@settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,  # the same runs on every machine: a timing test must not be a lottery
    # No shrinking: each try takes a second; the message says what failed.
    phases=[Phase.explicit, Phase.generate],
)
@given(
    motif=st.lists(st.sampled_from(PIECES), min_size=1, max_size=4).map("".join),
    container=st.sampled_from(sorted(CONTAINERS)),
)
# Once measured with warm caches at the small count only (8.8 against 29.6 µs): kept.
@example(motif="22 сентября Forwarded from <!--x>22 сентября ", container="dump.txt")
def test_random_long_runs_cost_no_more_per_repetition(motif: str, container: str) -> None:
    shape = Shape(container, lambda n: CONTAINERS[container](motif * n))
    # A run may make a file with no post (spaces alone): an error is timed like a result.
    costs = per_repetition(
        shape, [500, 4_000], runs=lambda n: 2 if n < 4_000 else 1, must_parse=False
    )
    assert growth(costs) <= MAX_GROWTH, (motif, {n: f"{c * 1e6:.2f} µs" for n, c in costs.items()})


# The linear rewrites give what the patterns they replace gave, on short texts.
SHORT = st.lists(st.sampled_from([*PIECES, "Assembly", "ООН", ".", ";", "5", "x"]), max_size=10)


@settings(max_examples=300)
@given(SHORT.map("".join))
def test_blank_sidelines_is_the_pattern_applied(text: str) -> None:
    assert blank_sidelines(text) == SIDELINES.sub(" ", text)


# The pattern `forwarded_name` replaced: trailing flag pairs, spaces allowed between them.
TRAILING_FLAGS = re.compile("(?:\\s*[\U0001f1e6-\U0001f1ff]{2})+\\s*$")


@settings(max_examples=300)
@given(st.text(alphabet="MФ \t\U0001f1f7\U0001f1fa\U0001f1f2\U0001f1f1", max_size=12))
def test_forwarded_name_strips_what_the_pattern_stripped(raw: str) -> None:
    assert forwarded_name(raw) == TRAILING_FLAGS.sub("", raw).strip()


# The pattern `pinned_place` replaced; it could also take a pin's blanks for an empty place.
PIN_PLACE = re.compile(r"📍\s*(?P<place>[^,\n\d]+?)\s*(?:,|\n|$)")


@settings(max_examples=300)
@given(st.lists(st.sampled_from(["📍", " ", "\n", ",", "5", "Москва", "New York"])).map("".join))
def test_pinned_place_is_what_the_pattern_found(text: str) -> None:
    match = PIN_PLACE.search(text)
    expected = match.group("place").strip() if match else None
    if expected != "":
        assert pinned_place(text) == expected
    else:
        assert pinned_place(text) != ""


MARKUP = [
    "<a", "<a ", "</a", "<!--", "-->", "<!x", "<?x", "<![CDATA[", "]]>", "<![if", "]>", ">",
    "<div class='text'>", "</div>", "<script>", "</script>", "<br>", "<", "x", " ", "\n",
    "'", '"', "=", "&lt;", "&",
]  # fmt: skip


class Reading(HTMLParser):
    """What the build takes from a page: elements with their classes and lines, and text
    (comments and declarations are dropped by the build, so they are here)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.events: list[tuple[object, ...]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.events.append(("start", html.unescape(tag), dict(attrs).get("class"), self.lineno))

    def handle_endtag(self, tag: str) -> None:
        self.events.append(("end", html.unescape(tag)))

    def handle_data(self, data: str) -> None:
        if self.events and self.events[-1][0] == "text":  # text may come in several pieces
            self.events[-1] = ("text", str(self.events[-1][1]) + data)
        else:
            self.events.append(("text", data))


def page_tree(page: str) -> list[tuple[object, ...]]:
    reading = Reading()
    reading.feed(page)
    reading.close()
    return reading.events


@settings(max_examples=300)
@given(st.lists(st.sampled_from(MARKUP), max_size=12).map("".join))
def test_unclosed_markup_as_text_reads_as_the_page_did(page: str) -> None:
    try:
        before = page_tree(page)
    except AssertionError:  # html.parser raises on sections it cannot read
        page_tree(unclosed_markup_as_text(page))  # … which are now text
        return
    assert page_tree(unclosed_markup_as_text(page)) == before
