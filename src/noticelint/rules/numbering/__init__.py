"""NL5 — numbering and hierarchy.

The levels of a notice are those of GB/T 9704-2012: ``一、`` (sections) → ``（一）``
(areas) → ``1.`` (problems) → ``（1）`` (sub-problems, or measures after 整改措施).
The rules read the typed model (sections, areas, problems, measures and their
``number``) and go back to the classifier's tokens only for what the model does
not keep: the marker as written (NL503, NL504) and the 一是/二是 enumerations
inside paragraphs (NL505).
"""

from noticelint.rules.numbering import (  # noqa: F401  (importing registers the rules)
    bracket_width,  # NL504
    enumeration_sequence,  # NL505
    hierarchy_order,  # NL502
    level_skip,  # NL506
    numbering_punctuation,  # NL503
    numbering_sequence,  # NL501
)
