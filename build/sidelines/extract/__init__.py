"""Extractors: languages, hashtags, dates, countries, translations and meetings (pure).

Takes parsed posts; gives per-post columns, mentions and meetings. May import `parse`,
`records` and `sources`; never `package`, `quality`, `release`, `pipeline` or `cli`.
"""
