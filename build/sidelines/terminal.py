"""Text for the terminal: names from raw folders and error messages printed as they are,
never read as markup or control sequences."""

from __future__ import annotations

import unicodedata

from rich.console import Console

# Bidirectional controls can make a printed name read as another (CVE-2021-42574).
BIDI_CONTROLS = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def printable(text: str) -> str:
    """`text` with control characters, bidirectional controls and undecodable bytes (kept by
    Python as surrogates) written as escapes, so that one message stays one honest line.

    >>> print(printable("a\\nb\\x1b[31m.txt"), printable("caf\\udce9[/y].txt"))
    a\\nb\\x1b[31m.txt caf\\xe9[/y].txt
    """
    out: list[str] = []
    for ch in text:
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
            out.append(f"\\x{code - 0xDC00:02x}")
        elif 0xD800 <= code <= 0xDFFF or ch in BIDI_CONTROLS:
            out.append(f"\\u{code:04x}")
        elif unicodedata.category(ch) == "Cc":
            out.append(ch.encode("unicode_escape").decode("ascii"))
        else:
            out.append(ch)
    return "".join(out)


def plain_console(stderr: bool = False) -> Console:
    """A rich console that prints text as given: no markup (`[/y]` in a file name is not a
    tag), no `:emoji:` codes, no highlighting."""
    return Console(stderr=stderr, markup=False, emoji=False, highlight=False)
