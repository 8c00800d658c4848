"""NL2 — disclosure period (公开期限)."""

from noticelint.rules.disclosure import (  # noqa: F401  (importing registers the rules)
    disclosure_period_format,  # NL202
    disclosure_period_invalid,  # NL203
    disclosure_start_mismatch,  # NL204
    disclosure_too_short,  # NL205
    missing_disclosure_period,  # NL201
)
