"""The rule catalogue: one module per family, one class per rule.

Find a rule by its code: ``grep -rn 'code = "NL201"' src/noticelint/rules``.

========= ===================== =========================================
family    module                codes
========= ===================== =========================================
NL0       ``input.py``          input and text hygiene
NL1       ``skeleton.py``       document skeleton and section order
NL2       ``disclosure.py``     公开期限
NL3       ``contact.py``        contact block
NL4       ``problems.py``       problems, measures, status lines
NL5       ``numbering.py``      numbering and hierarchy
NL6       ``consistency.py``    consistency between parts (counts, dates, organ)
NL7       ``signature.py``      落款 and 成文日期
NL8       ``typography.py``     typography (GB/T 15834)
========= ===================== =========================================
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
