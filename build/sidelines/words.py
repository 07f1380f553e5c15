"""Counts in words for the messages and reports a person reads (pure)."""

from __future__ import annotations


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """`count` and the noun, singular for exactly one.

    >>> plural(1, "file"), plural(0, "file"), plural(2, "repeat"), plural(1, "entry", "entries")
    ('1 file', '0 files', '2 repeats', '1 entry')
    """
    return f"{count} {noun if count == 1 else nouns or noun + 's'}"
