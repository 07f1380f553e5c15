"""Extractors: languages, hashtags, dates, countries, translations and meetings (pure)."""
