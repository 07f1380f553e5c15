"""How well the extraction reads real reports: a built package scored against hand-annotated
gold (`eval/README.md` gives the gold format; `tests/seeds-gold.json` is the older one).

Takes gold and a package's tables as read from its CSV files, as a researcher would read
them; gives named figures (precision, recall and per-field shares) and every miss, so a
developer can act on it. `files.py` and the `sidelines eval` command (`cli.py`) are the
only modules that touch the disk; the rest is pure. It imports nothing from the rest of
sidelines; the build imports `published` to state the measured accuracy in the package.
"""
