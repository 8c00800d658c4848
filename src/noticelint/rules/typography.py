"""NL8 — typography (GB/T 15834-2011)."""
