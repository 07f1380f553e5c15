"""Parsers: one module per input format, text in, `RawPost` records out (pure).

May import `records`, `sources` and `extract` (what a hashtag line is); never `package`,
`quality`, `release`, `pipeline` or `cli`.
"""
