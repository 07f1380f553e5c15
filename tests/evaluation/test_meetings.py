"""The scorer's meeting pairing and figures on small gold and package tables written here."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from sidelines.evaluation.figures import Scorecard
from sidelines.evaluation.gold import parse_gold
from sidelines.evaluation.scoring import score

SOURCE = "en_dump_vientiane.txt"

# Post texts modelled on TASS, "Russia and China should jointly counter interference…"
# (Vientiane, 25 July 2024: Lavrov met Wang Yi and, the same day, his Lao counterpart), and
# on the Russian MFA's reports of a telephone conversation between Lavrov and Rubio (2025).
TEXTS = {
    1: "In Vientiane on 25 July the Minister talked first with Wang Yi of China, then with "
    "his host, Lao Foreign Minister Saleumxay Kommasith.",
    2: "25 июля в Вьентьяне министр провёл переговоры с главой МИД Таиланда М.Сангиампонгсой.",
    3: "On July 25 in Vientiane the Minister held talks with Thai Foreign Minister Maris "
    "Sangiampongsa.",
    4: "The Minister and the US Secretary of State spoke by telephone at the American side's "
    "request.",
}
LANGS = {1: "en", 2: "ru", 3: "en", 4: "en"}


def gold_file(meetings: list[dict[str, Any]], translations: bool = True) -> dict[str, Any]:
    """A corpus gold file for the four posts above, with the meetings given."""
    return {
        "source": SOURCE,
        "kind": "channel_dump",
        "modelled_on": ["TASS, Vientiane, 25 July 2024"],
        "posts": [
            {
                "n": n,
                "snippet": TEXTS[n][:30],
                "lang": LANGS[n],
                "forwarded_from": None,
                "hashtags": [],
                "date": None,
                "translation_of": 2 if n == 3 and translations else None,
            }
            for n in TEXTS
        ],
        "meetings": meetings,
    }


def meeting(m: int, country: str, name: str, posts: list[int], **extra: Any) -> dict[str, Any]:
    return {
        "m": m,
        "country": country,
        "org": None,
        "counterpart": name,
        "counterpart_role": extra.pop("role", None),
        "date": "2024-07-25",
        "date_precision": "stated",
        "unga_session": None,
        "location": "Vientiane",
        "format": "bilateral",
        "status": "held",
        "mode": "in_person",
        "posts": posts,
        **extra,
    }


def post_rows(links: dict[int, int] | None = None) -> list[dict[str, Any]]:
    links = {2: 3, 3: 2} if links is None else links
    return [
        {
            "post_id": f"p{n}",
            "source_file": SOURCE,
            "lang": LANGS[n],
            "text": TEXTS[n],
            "forwarded_from": None,
            "event_date": None,
            "published_at": None,
            "translation_id": f"p{links[n]}" if n in links else None,
            "line_start": str(n),
            "line_end": str(n),
        }
        for n in TEXTS
    ]


def row(meeting_id: str, country: str, name: str, **extra: Any) -> dict[str, Any]:
    return {
        "meeting_id": meeting_id,
        "date": "2024-07-25",
        "date_precision": "stated",
        "unga_session": None,
        "location": "Vientiane",
        "russian_participant": "Sergey Lavrov",
        "counterpart_name": name,
        "counterpart_role": None,
        "counterpart_country": country,
        "counterpart_org": None,
        "format": "bilateral",
        "status": "held",
        **extra,
    }


def scored(
    gold_meetings: list[dict[str, Any]],
    rows: list[dict[str, Any]],
    sources: dict[str, list[int]],
    links: dict[int, int] | None = None,
) -> Scorecard:
    gold = parse_gold({f"{SOURCE}.json": gold_file(gold_meetings)})
    tables = {
        "posts": post_rows(links),
        "hashtags": [],
        "meetings": rows,
        "meeting_sources": [
            {"meeting_id": mid, "post_id": f"p{n}"} for mid, ns in sources.items() for n in ns
        ],
    }
    return score(gold, tables)


def value(card: Scorecard, name: str) -> tuple[int, int]:
    return card.figures[name].hits, card.figures[name].total


def test_a_post_reporting_two_meetings_pairs_each_with_its_own_row() -> None:
    # The Lao row comes first: pairing in row order would give China's gold meeting the
    # Lao row; pairing by agreement does not.
    card = scored(
        [meeting(1, "CHN", "Wang", [1]), meeting(2, "LAO", "Saleumxay", [1])],
        [row("a", "LAO", "Saleumxay Kommasith"), row("b", "CHN", "Wang Yi")],
        {"a": [1], "b": [1]},
    )
    assert value(card, "meetings.precision") == (2, 2)
    assert value(card, "meetings.recall") == (2, 2)
    assert value(card, "meetings.name") == (2, 2)
    assert card.misses == []


def test_a_meeting_in_two_posts_needs_both_as_sources() -> None:
    gold = [meeting(1, "THA", "Sangiampongsa", [2, 3])]
    whole = scored(gold, [row("a", "THA", "Maris Sangiampongsa")], {"a": [2, 3]})
    assert value(whole, "meetings.sources") == (1, 1)
    half = scored(gold, [row("a", "THA", "Maris Sangiampongsa")], {"a": [3]})
    assert value(half, "meetings.recall") == (1, 1)  # one shared post is enough to pair
    assert value(half, "meetings.sources") == (0, 1)
    (miss,) = half.misses
    assert (miss.figure, miss.item) == ("meetings.sources", "meeting 1")
    assert "lacks post 2" in miss.found


def test_a_phone_call_output_as_a_meeting_is_a_false_positive() -> None:
    gold = [
        meeting(1, "THA", "Sangiampongsa", [2, 3]),
        meeting(2, "USA", "Rubio", [4], mode="phone"),
    ]
    card = scored(
        gold,
        [row("a", "THA", "Maris Sangiampongsa"), row("c", "USA", "Marco Rubio")],
        {"a": [2, 3], "c": [4]},
    )
    assert value(card, "meetings.precision") == (1, 2)
    assert value(card, "meetings.recall") == (1, 1)  # the call is not a meeting to find
    (miss,) = [m for m in card.misses if m.figure.startswith("meetings.")]
    assert miss.figure == "meetings.precision" and miss.item == "row c (from post 4)"
    assert miss.file == SOURCE
    assert "phone call" in miss.expected
    assert value(card, "contacts.recall") == (0, 1)  # nor is it found as a call


def test_a_call_row_is_a_contact_not_a_meeting() -> None:
    gold = [
        meeting(1, "THA", "Sangiampongsa", [2, 3]),
        meeting(2, "USA", "Rubio", [4], mode="phone"),
    ]
    rows = [row("a", "THA", "Maris Sangiampongsa"), row("c", "USA", "Marco Rubio", mode="phone")]
    card = scored(gold, rows, {"a": [2, 3], "c": [4]})
    assert value(card, "meetings.precision") == (1, 1)  # the call row is not counted here
    assert value(card, "meetings.recall") == (1, 1)
    assert value(card, "contacts.precision") == (1, 1)
    assert value(card, "contacts.recall") == (1, 1)
    assert value(card, "contacts.mode") == (1, 1)
    assert card.misses == []


def test_a_call_of_the_wrong_mode_is_found_with_a_mode_miss() -> None:
    gold = [meeting(1, "USA", "Rubio", [4], mode="phone")]
    card = scored(gold, [row("c", "USA", "Marco Rubio", mode="video")], {"c": [4]})
    assert value(card, "contacts.recall") == (1, 1)
    assert value(card, "contacts.mode") == (0, 1)
    (miss,) = card.misses
    assert (miss.figure, miss.expected, miss.found) == ("contacts.mode", "phone", "video")


def test_a_call_row_no_gold_reports_is_a_contact_false_positive() -> None:
    gold = [meeting(1, "THA", "Sangiampongsa", [2, 3])]
    rows = [row("a", "THA", "Maris Sangiampongsa"), row("c", "USA", "Marco Rubio", mode="phone")]
    card = scored(gold, rows, {"a": [2, 3], "c": [4]})
    assert value(card, "meetings.precision") == (1, 1)
    assert value(card, "contacts.precision") == (0, 1)
    assert value(card, "contacts.recall") == (0, 0)
    (miss,) = card.misses
    assert (miss.figure, miss.file, miss.item) == ("contacts.precision", SOURCE, "row c")


def test_a_wrong_date_is_a_true_positive_with_a_date_miss() -> None:
    card = scored(
        [meeting(1, "THA", "Sangiampongsa", [2, 3])],
        [row("a", "THA", "Maris Sangiampongsa", date="2024-07-24")],
        {"a": [2, 3]},
    )
    assert value(card, "meetings.recall") == (1, 1)
    assert value(card, "meetings.date") == (0, 1)
    (miss,) = card.misses
    assert (miss.figure, miss.expected) == ("meetings.date", "'2024-07-25'")
    assert miss.found.startswith("'2024-07-24'")


def test_an_accepted_date_counts() -> None:
    card = scored(
        [meeting(1, "THA", "Sangiampongsa", [2, 3], date=None, date_also_accepted="2024-07-24")],
        [row("a", "THA", "Maris Sangiampongsa", date="2024-07-24")],
        {"a": [2, 3]},
    )
    assert value(card, "meetings.date") == (1, 1)


def test_a_wrong_country_is_not_a_true_positive() -> None:
    card = scored(
        [meeting(1, "THA", "Sangiampongsa", [2, 3])],
        [row("a", "KHM", "Maris Sangiampongsa")],
        {"a": [2, 3]},
    )
    assert value(card, "meetings.precision") == (0, 1)
    assert value(card, "meetings.recall") == (0, 1)
    assert value(card, "meetings.counterpart") == (0, 1)  # paired, counterpart wrong
    assert value(card, "meetings.date") == (0, 0)  # fields count true positives only
    assert [m.figure for m in card.misses] == ["meetings.recall", "meetings.precision"]
    assert "KHM" in card.misses[0].found and "THA" in card.misses[0].expected


def test_status_must_agree_to_pair() -> None:
    card = scored(
        [meeting(1, "THA", "Sangiampongsa", [2, 3])],
        [row("a", "THA", "Maris Sangiampongsa", status="planned")],
        {"a": [2, 3]},
    )
    assert value(card, "meetings.counterpart") == (0, 0)  # no pair at all
    assert card.misses[0].found == "no row from its posts with that status"


def test_lenient_role_and_casefolded_location() -> None:
    card = scored(
        [meeting(1, "THA", "Sangiampongsa", [2, 3], role="Minister of Foreign Affairs")],
        [
            row(
                "a",
                "THA",
                "Maris Sangiampongsa",
                counterpart_role="Foreign Minister of Thailand",
                location="VIENTIANE",
            )
        ],
        {"a": [2, 3]},
    )
    assert value(card, "meetings.role") == (1, 1)  # "minister", "foreign" of 4 words
    assert value(card, "meetings.location") == (1, 1)
    assert value(card, "meetings.session") == (1, 1)  # null for null


def test_recall_by_language_and_venue() -> None:
    card = scored(
        [
            meeting(1, "CHN", "Wang", [1], unga_session=79),
            meeting(2, "THA", "Sangiampongsa", [2, 3]),
        ],
        [row("b", "CHN", "Wang Yi", unga_session="79")],
        {"b": [1]},
    )
    assert value(card, "meetings.recall.en") == (1, 1)  # meeting 1's first post is English
    assert value(card, "meetings.recall.ru") == (0, 1)  # meeting 2's is Russian
    assert value(card, "meetings.recall.unga") == (1, 1)
    assert value(card, "meetings.recall.elsewhere") == (0, 1)


def test_translation_links() -> None:
    linked = scored([], [], {})
    assert value(linked, "translations.recall") == (1, 1)
    assert value(linked, "translations.precision") == (1, 1)
    wrong = scored([], [], {}, links={1: 3, 3: 1})
    assert value(wrong, "translations.recall") == (0, 1)
    assert value(wrong, "translations.precision") == (0, 1)
    assert {m.figure for m in wrong.misses} == {"translations.recall", "translations.precision"}
    one_way = scored([], [], {}, links={3: 2})
    assert value(one_way, "translations.recall") == (1, 1)


COUNTRIES = ["CHN", "LAO", "THA", "USA"]


@settings(max_examples=60, deadline=None)
@given(
    gold_specs=st.lists(
        st.tuples(st.sampled_from(COUNTRIES), st.sampled_from([1, 2, 3])), max_size=5
    ),
    row_specs=st.lists(
        st.tuples(st.sampled_from(COUNTRIES), st.sampled_from([1, 2, 3]), st.booleans()),
        max_size=6,
    ),
    seed=st.randoms(use_true_random=False),
)
def test_pairing_is_one_to_one_and_ignores_row_order(
    gold_specs: list[tuple[str, int]], row_specs: list[tuple[str, int, bool]], seed: Any
) -> None:
    gold = [meeting(m, c, "Name", [post]) for m, (c, post) in enumerate(gold_specs, 1)]
    rows = [
        row(f"r{i}", c, "Name", date="2024-07-25" if right_day else "2024-07-01")
        for i, (c, _, right_day) in enumerate(row_specs)
    ]
    sources = {f"r{i}": [post] for i, (_, post, _) in enumerate(row_specs)}
    card = scored(gold, rows, sources)
    precision, recall = card.figures["meetings.precision"], card.figures["meetings.recall"]
    assert precision.hits == recall.hits <= min(len(rows), len(gold))
    assert (precision.total, recall.total) == (len(rows), len(gold))
    shuffled = list(rows)
    seed.shuffle(shuffled)
    again = scored(gold, shuffled, sources)
    assert again.figures == card.figures
    assert sorted(m.line() for m in again.misses) == sorted(m.line() for m in card.misses)
