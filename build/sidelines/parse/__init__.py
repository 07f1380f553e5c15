"""Parsers: one module per input format, text in, `RawPost` records out (pure)."""
