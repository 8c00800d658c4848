"""NL6 — consistency between parts: declared counts, dates, organ."""

from noticelint.rules.consistency import (  # noqa: F401  (importing registers the rules)
    collapsed_date,  # NL608
    date_after_signature,  # NL606
    date_missing_year,  # NL607
    date_order,  # NL602
    declared_count_mismatch,  # NL601
    invalid_date,  # NL603
    organ_mismatch,  # NL604
    summary_arithmetic,  # NL605
)
