"""Which instants a Telegram message can carry: none before Telegram existed, none after 2100.

A date outside that range is damage (a wrong clock, a mangled field), not a date: the parsers
null it and record which message and field lost it, so the post is kept and nothing is
published as if it were true.
"""

from __future__ import annotations

from datetime import UTC, datetime

TELEGRAM_LAUNCH = datetime(2013, 8, 1, tzinfo=UTC)  # Telegram launched in August 2013
LAST_PLAUSIBLE = datetime(2100, 12, 31, 23, 59, 59, tzinfo=UTC)


def implausible(instant: datetime) -> str | None:
    """Why a message's instant cannot be true, or None when it can.

    >>> implausible(datetime(2023, 9, 21, tzinfo=UTC)) is None
    True
    >>> implausible(datetime(2001, 1, 1, tzinfo=UTC)), implausible(datetime(5138, 1, 1, tzinfo=UTC))
    ('before Telegram existed (August 2013)', 'after 2100')
    """
    if instant < TELEGRAM_LAUNCH:
        return "before Telegram existed (August 2013)"
    if instant > LAST_PLAUSIBLE:
        return "after 2100"
    return None
