"""NL7 — signature (落款 and 成文日期)."""

from noticelint.rules.signature import (  # noqa: F401  (importing registers the rules)
    date_format,  # NL703
    missing_signature_date,  # NL702
    missing_signature_organ,  # NL701
    signature_layout,  # NL704
)
