"""How many distinct texts the extractors remember, per process.

Reports repeat their sentences: a channel's boilerplate, a post forwarded into every
embassy's channel, translations, the same names and offices. So each Python reading of a
sentence or a phrase (its cue, its sides, its date, a name put back into the nominative)
runs once per distinct text, not once per post, as a column pass over distinct values would.
The bounds keep memory flat on any input: about 100 MB a process when full (measured on
the bench corpus: 100 k posts in one process, 8192 → 65 536 entries: 15 % faster, +100 MB).
"""

from __future__ import annotations

SENTENCES = 65_536  # distinct sentences (and clauses of them) remembered per process
PHRASES = 65_536  # distinct phrases: the words naming a side, a name, an office
