"""The build cache: per-file extracts and the last build's record, raw files' sha256
reused while their stat identity holds, where the cache lives, and JSON read back only
when its shape is right.

Takes raw files' bytes and what extraction made of them; gives them back on an unchanged
rebuild. May import `parse`, `extract` (the shapes it stores) and `records`; never
`package`, `quality`, `release`, `pipeline` or `cli`.
"""
