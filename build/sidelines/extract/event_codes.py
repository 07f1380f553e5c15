"""A meetings row as an event of the event-data codebooks: its PLOVER event and mode and its
CAMEO code, derived from the row's own columns by one crosswalk (pure).

PLOVER (the Open Event Data Alliance's manual, CONSULT modes; its CAMEO2PLOVER-2021 table)
codes every meeting and call as CONSULT, and a meeting the text announces as AGREE ("all
cooperative actions reported in future tense are also taken to imply intentions"). CAMEO
1.1b3 splits consultations by where they happen: 040 consult, 041 discuss by telephone,
042 make a visit, 043 host a visit, 044 meet at a third location; 036 is an expressed
intent to meet. The actor is always the Russian side: the reports are its ministry's.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from sidelines.extract.venues import place_country

ACTOR_COUNTRY = "RUS"
# Where a meeting was held, as far as the row tells: at the General Assembly, in Russia, in
# the counterpart's state, in a third state, or unknown.
VENUES = ("general_assembly", "russia", "counterpart", "third_state", "unknown")


class EventCodes(NamedTuple):
    """The PLOVER event and mode and the CAMEO code of one contact."""

    plover_event: str
    plover_mode: str | None
    cameo_code: str


def venue(unga_session: int | None, location: str | None, counterpart_country: str | None) -> str:
    """Where the row says the meeting was: the General Assembly's margins are neither side's
    soil (UN Headquarters, whatever the host state), else the state of its place.

    >>> venue(79, "New York", "USA"), venue(None, "Moscow", "EGY"), venue(None, "Cairo", "EGY")
    ('general_assembly', 'russia', 'counterpart')
    >>> venue(None, "Riyadh", None), venue(None, None, "EGY")
    ('third_state', 'unknown')
    """
    if unga_session is not None:
        return "general_assembly"
    state = place_country(location)
    if state is None:
        return "unknown"
    if state == ACTOR_COUNTRY:
        return "russia"
    return "counterpart" if state == counterpart_country else "third_state"


def crosswalk(status: str, fmt: str, mode: str, where: str) -> EventCodes:
    """The codes of a contact from its status, format, mode and venue.

    A planned contact is an intent to meet (AGREE, 036; PLOVER gives AGREE no modes). A held
    one is CONSULT: a phone or video call is CAMEO 041 and PLOVER's `phone` mode ("via phone
    or some other remote medium": CAMEO, older than video calls, has no other code for one);
    a meeting in Russia is 043 (`host`), in the counterpart's state 042 (`visit`), at the
    General Assembly or in a third state 044 (`third-party`), elsewhere 040. A multilateral
    meeting in person has PLOVER's `multilateral` mode, and its CAMEO code by venue.

    >>> crosswalk("held", "bilateral", "in_person", "general_assembly")
    EventCodes(plover_event='CONSULT', plover_mode='third-party', cameo_code='044')
    >>> crosswalk("planned", "bilateral", "phone", "unknown")
    EventCodes(plover_event='AGREE', plover_mode=None, cameo_code='036')
    """
    if status == "planned":
        return EventCodes("AGREE", None, "036")
    if mode in ("phone", "video"):
        return EventCodes("CONSULT", "phone", "041")
    cameo, plover_mode = {
        "russia": ("043", "host"),
        "counterpart": ("042", "visit"),
        "general_assembly": ("044", "third-party"),
        "third_state": ("044", "third-party"),
    }.get(where, ("040", None))
    if fmt == "multilateral":
        plover_mode = "multilateral"
    return EventCodes("CONSULT", plover_mode, cameo)


def event_columns(row: dict[str, Any]) -> dict[str, Any]:
    """The event-code columns of a meetings row."""
    where = venue(row["unga_session"], row["location"], row["counterpart_country"])
    codes = crosswalk(row["status"], row["format"], row["mode"], where)
    return {
        **codes._asdict(),
        "actor_country": ACTOR_COUNTRY,
        "recipient_country": row["counterpart_country"],
        "recipient_org": row["counterpart_org"],
    }
