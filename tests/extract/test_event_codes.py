"""The PLOVER/CAMEO crosswalk on every combination of status, format, mode and venue, and
the places it reads venues from."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pycountry
import pytest

from sidelines.extract.event_codes import VENUES, EventCodes, crosswalk, event_columns, venue
from sidelines.extract.venues import OTHER_PLACES, _exemplar_cities, place_country

SCHEMA = Path(__file__).resolve().parents[2] / "schemas" / "meetings.json"
FIELDS = {f["name"]: f for f in json.loads(SCHEMA.read_text(encoding="utf-8"))["fields"]}
STATUSES = FIELDS["status"]["constraints"]["enum"]
FORMATS = FIELDS["format"]["constraints"]["enum"]
MODES = FIELDS["mode"]["constraints"]["enum"]
COMBINATIONS = list(itertools.product(STATUSES, FORMATS, MODES, VENUES))


def test_every_combination_is_covered() -> None:
    assert len(COMBINATIONS) == 2 * 2 * 3 * 5


@pytest.mark.parametrize(("status", "fmt", "mode", "where"), COMBINATIONS)
def test_crosswalk(status: str, fmt: str, mode: str, where: str) -> None:
    codes = crosswalk(status, fmt, mode, where)
    # every value is one the schema allows
    assert codes.plover_event in FIELDS["plover_event"]["constraints"]["enum"]
    assert codes.cameo_code in FIELDS["cameo_code"]["constraints"]["enum"]
    assert codes.plover_mode in [None, *FIELDS["plover_mode"]["constraints"]["enum"]]
    if status == "planned":  # an announcement is an intent to meet, however it will be held
        assert codes == EventCodes("AGREE", None, "036")
        return
    assert codes.plover_event == "CONSULT"
    if mode != "in_person":  # PLOVER's phone mode is any remote medium; CAMEO has only 041
        assert (codes.plover_mode, codes.cameo_code) == ("phone", "041")
        return
    expected_cameo = {
        "general_assembly": "044",
        "third_state": "044",
        "russia": "043",
        "counterpart": "042",
        "unknown": "040",
    }[where]
    assert codes.cameo_code == expected_cameo
    if fmt == "multilateral":
        assert codes.plover_mode == "multilateral"
    else:
        expected_mode = {"044": "third-party", "043": "host", "042": "visit", "040": None}
        assert codes.plover_mode == expected_mode[expected_cameo]


@pytest.mark.parametrize(
    ("session", "location", "country", "where"),
    [
        pytest.param(79, "New York", "USA", "general_assembly", id="unga-with-host-state"),
        pytest.param(None, "New York", "USA", "counterpart", id="new-york-no-session"),
        pytest.param(None, "Москва", "EGY", "russia", id="moscow-in-russian"),
        pytest.param(None, "Kazan", None, "russia", id="kazan-from-table"),
        pytest.param(None, "Эр-Рияд", "EGY", "third_state", id="riyadh-third-state"),
        pytest.param(None, "Cairo", "EGY", "counterpart", id="cairo"),
        pytest.param(None, "Совет", "EGY", "unknown", id="no-place"),
        pytest.param(None, None, "EGY", "unknown", id="no-location"),
    ],
)
def test_venue(session: int | None, location: str | None, country: str | None, where: str) -> None:
    assert venue(session, location, country) == where


def test_event_columns_of_a_row() -> None:
    row = {
        "unga_session": None,
        "location": "Moscow",
        "counterpart_country": "EGY",
        "counterpart_org": None,
        "status": "held",
        "format": "bilateral",
        "mode": "in_person",
    }
    assert event_columns(row) == {
        "plover_event": "CONSULT",
        "plover_mode": "host",
        "cameo_code": "043",
        "actor_country": "RUS",
        "recipient_country": "EGY",
        "recipient_org": None,
    }


def test_place_table_entries_are_states_and_needed() -> None:
    """Each entry names a real state and a place CLDR's exemplar cities do not have."""
    exemplars = _exemplar_cities()
    for place, code in OTHER_PLACES.items():
        assert pycountry.countries.get(alpha_3=code) is not None, place
        assert place not in exemplars, place


def test_exemplar_cities_in_both_languages() -> None:
    assert [place_country(p) for p in ("Vienna", "Вена", "Bishkek", "Бишкек")] == [
        "AUT",
        "AUT",
        "KGZ",
        "KGZ",
    ]
