"""NL6 — consistency between parts."""
