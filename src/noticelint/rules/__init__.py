"""The rule catalogue: one package per family, one module (one class) per rule.

Find a rule by its code: ``grep -rn 'code = "NL201"' src/noticelint/rules``. Each
family package holds one module per rule, named for what it checks
(``typography/halfwidth_punctuation.py`` holds ``HalfwidthPunctuation``, NL801),
and, when its rules share analysis, a ``helpers.py`` that registers no rule
(the scans, patterns and small functions several of the family's rules read).
Per-document work shared between rules is kept through :func:`base.per_document`.

========= ===================== =========================================
family    package               codes
========= ===================== =========================================
NL0       ``input/``            input and text hygiene
NL1       ``skeleton/``         document skeleton and section order
NL2       ``disclosure/``       公开期限
NL3       ``contact/``          contact block
NL4       ``problems/``         problems, measures, status lines
NL5       ``numbering/``        numbering and hierarchy
NL6       ``consistency/``      consistency between parts (counts, dates, organ)
NL7       ``signature/``        落款 and 成文日期
NL8       ``typography/``       typography (GB/T 15834), and NL103 repeated words
========= ===================== =========================================

The registry runs rules in code order (:func:`iter_rules`): NL804 relies on NL801
having reported first.
"""

from noticelint.rules import (  # noqa: F401  (importing registers the rules)
    consistency,
    contact,
    disclosure,
    input,
    numbering,
    problems,
    signature,
    skeleton,
    typography,
)
from noticelint.rules.base import REGISTRY, Context, Rule, iter_rules

__all__ = ["REGISTRY", "Context", "Rule", "iter_rules"]
