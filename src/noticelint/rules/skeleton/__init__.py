"""NL1 — document skeleton and section order."""

from noticelint.rules.skeleton import (  # noqa: F401  (importing registers the rules)
    closing_misplaced,  # NL113
    missing_closing,  # NL112
    missing_opening,  # NL104
    missing_section,  # NL111
    missing_title,  # NL101
    opening_incomplete,  # NL105
    section_order,  # NL110
    title_format,  # NL102
    unheaded_section,  # NL114
)
