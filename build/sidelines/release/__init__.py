"""The release phase: versions, what changed between two packages, release notes, the
release zip, .zenodo.json, and checking a package as it was shipped.

Takes built packages (folders or zips); gives release artifacts in dist/ and verdicts on
downloaded ones. Reads packages, never builds them: may import `package` (its schemas and
file digests), never `pipeline`, `parse`, `extract`, `quality`, `bench` or `cli`.
"""
