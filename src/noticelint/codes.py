"""Rule codes and code selectors (``NL``, ``NL2``, ``NL201``, ``ALL``).

The list of codes is kept here, without importing the rules, so that settings can
validate ``--select``/``--ignore`` and configuration keys on the fast path (a cache
hit never imports the parser or the rules). ``tests/test_codes.py`` holds it equal
to the rule registry.
"""

from __future__ import annotations

RULE_CODES: tuple[str, ...] = (
    *("NL001", "NL002", "NL003", "NL004"),
    *("NL101", "NL102", "NL103", "NL104", "NL105", "NL110", "NL111", "NL112", "NL113", "NL114"),
    *("NL201", "NL202", "NL203", "NL204", "NL205"),
    *("NL301", "NL302", "NL303", "NL304", "NL305", "NL306"),
    *("NL401", "NL402", "NL403", "NL404", "NL405", "NL406"),
    *("NL501", "NL502", "NL503", "NL504", "NL505", "NL506"),
    *("NL601", "NL602", "NL603", "NL604", "NL605", "NL606", "NL607", "NL608"),
    *("NL701", "NL702", "NL703", "NL704"),
    *("NL801", "NL802", "NL803", "NL804", "NL805"),
)


def _selectors() -> list[str]:
    """Every valid selector: ALL, and each prefix of each code (NL, NL2, NL20, NL201)."""
    found = {"ALL"}
    for code in RULE_CODES:
        found.update(code[:n] for n in range(2, len(code) + 1))
    return sorted(found)


SELECTORS: frozenset[str] = frozenset(_selectors())


class UnknownCode(ValueError):
    """A code or prefix that names no rule (a usage error, exit 2)."""


def unknown_code_message(selector: str) -> str:
    import difflib  # only for a wrong code: a run with valid codes never loads it

    message = (
        f"“{selector}”不是规则代码或前缀（unknown rule code or prefix；例如 NL、NL2、NL201、ALL）"
    )
    near = difflib.get_close_matches(selector, sorted(SELECTORS), n=1, cutoff=0.6)
    if near:
        message += f"；您是不是要写“{near[0]}”？"
    return message


def parse_selectors(values: list[str]) -> list[str]:
    """``["NL2,nl301", "ALL"]`` → ``["NL2", "NL301", "ALL"]``; raise :class:`UnknownCode`
    for a selector that names no rule."""
    out: list[str] = []
    for item in values:
        for part in item.split(","):
            selector = part.strip().upper()
            if not selector:
                continue
            if selector not in SELECTORS:
                raise UnknownCode(unknown_code_message(selector))
            out.append(selector)
    return out


def check_code(code: str) -> str:
    """A full rule code (for per-code tables such as ``[severity]``), upper-cased."""
    upper = code.strip().upper()
    if upper not in RULE_CODES:
        raise UnknownCode(unknown_code_message(upper))
    return upper
