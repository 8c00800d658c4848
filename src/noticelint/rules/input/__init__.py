"""NL0 — input and text hygiene."""

from noticelint.rules.input import (  # noqa: F401  (importing registers the rules)
    flattened_paragraphs,  # NL004
    scrape_artifact,  # NL003
    unreadable_input,  # NL001
    unrecognized_structure,  # NL002
)
