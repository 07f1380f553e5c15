"""The quality phase: the expectation suites as data, running them with Great Expectations,
the comparison with the previous release, and the report written into the package.

Takes a built package's tables (and the previous release's); gives check results, the
comparison and the report's files. May import `package` (schemas, the previous package),
`extract` (event codes) and `evaluation` (published accuracy); never `release`, `bench`,
`pipeline` or `cli`.
"""
