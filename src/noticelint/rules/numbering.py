"""NL5 — numbering and hierarchy."""
