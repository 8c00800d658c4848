"""NL4 — problems, measures and status lines."""

from noticelint.rules.problems import (  # noqa: F401  (importing registers the rules)
    completion_claim_contradiction,  # NL406
    measure_label_format,  # NL405
    missing_status_line,  # NL402
    problem_without_measures,  # NL401
    status_contradiction,  # NL404
    unknown_status,  # NL403
)
