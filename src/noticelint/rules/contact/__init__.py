"""NL3 — contact block."""

from noticelint.rules.contact import (  # noqa: F401  (importing registers the rules)
    contact_label_variant,  # NL306
    invalid_email,  # NL305
    invalid_phone,  # NL303
    invalid_postcode,  # NL304
    missing_contact_block,  # NL301
    missing_contact_field,  # NL302
)
