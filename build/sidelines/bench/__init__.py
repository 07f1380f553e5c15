"""The benchmark: a synthetic corpus of channel dumps, and timed builds of it
(`python -m sidelines.bench`, `nox -s bench`).

Takes a number of posts; gives timings and memory as JSON, or a profile. May import the
pipeline and anything it builds with; nothing in the build imports `bench` (the tests
read its corpus).
"""
