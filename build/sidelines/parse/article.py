"""Plain-text news articles: one post per file, however often the text was pasted in."""

from __future__ import annotations

from sidelines.records import RawPost


def repeat_period(lines: list[str]) -> int:
    """Length of the shortest block whose repetition makes up all of `lines`.

    >>> repeat_period(["a", "b", "a", "b"]), repeat_period(["a", "b", "c"])
    (2, 3)
    """
    n = len(lines)
    for period in range(1, n + 1):
        if n % period == 0 and all(lines[i] == lines[i % period] for i in range(n)):
            return period
    return n


def parse_article(text: str, source_file: str) -> list[RawPost]:
    """The article as one post; an article pasted k times in a row is one post with copies=k.

    >>> post, = parse_article("Title\\nBody.\\nTitle\\nBody.\\n", "a.txt")
    >>> post.text, post.copies, post.line_end
    ('Title\\nBody.', 2, 2)
    """
    numbered = [
        (n, line.rstrip()) for n, line in enumerate(text.split("\n"), start=1) if line.strip()
    ]
    if not numbered:
        return []
    period = repeat_period([line for _, line in numbered])
    first, last = numbered[0][0], numbered[period - 1][0]
    body = "\n".join(line.rstrip() for line in text.split("\n")[first - 1 : last])
    return [
        RawPost(
            source_file=source_file,
            kind="article",
            text=body,
            line_start=first,
            line_end=last,
            copies=len(numbered) // period,
        )
    ]
