"""Corpus compliance reports: per-file summaries aggregated by rule, organ and year."""
