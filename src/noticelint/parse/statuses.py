"""A status written as the last sentence of a problem's measures (目前已整改完成。).

cli.md v2: a problem's ``status`` may come from the final sentence of its measures
when that sentence is a status phrase; ``status.span`` points at the phrase. The
phrase must open like a status sentence (profile ``status.final-sentence``: 目前,
现已, 截至…), be short (``final-max-length``) and classify as a known status.
"""

from __future__ import annotations

import re

from noticelint.model import Problem, Status
from noticelint.parse.fields import classify_status
from noticelint.profile import Profile
from noticelint.span import Span

# A final sentence this short (已完成整改。) is a status phrase without an opener.
_BARE_PHRASE = 6
_ENDS = "。！？!?；;"
_LAST_END = re.compile(r"[。！？!?；;](?=[^。！？!?；;]*$)")


def _last_sentence(text: str, limit: int) -> tuple[int, int] | None:
    """The span of the last sentence of ``text`` when it is at most ``limit``
    characters long (only the end of the text is looked at: measures can be long)."""
    end = len(text.rstrip(" \u3000"))
    stop = end - 1 if end and text[end - 1] in _ENDS else end
    low = max(0, stop - limit - 1)
    m = _LAST_END.search(text, low, stop)
    start = m.end() if m else 0
    if m is None and low > 0:
        return None  # no sentence end within reach: the last sentence is too long
    return (start, end) if start < stop else None


def final_sentence_status(problem: Problem, profile: Profile) -> Status | None:
    """The status phrase ending ``problem``'s measures, if there is one."""
    if problem.status is not None or not problem.measures:
        return None
    if any(not s.narrative for s in problem.status_lines):
        return None
    measure = problem.measures[-1]
    text = measure.text
    span = _last_sentence(text, profile.status.final_max_length)
    if span is None:
        return None
    start, end = span
    while start < end and text[start] in " \u3000":
        start += 1
    phrase = text[start:end].rstrip("。！？!?；;")
    if len(phrase) > profile.status.final_max_length:
        return None
    if len(phrase) > _BARE_PHRASE and not profile.lexicon.final_status.match(phrase):
        return None  # a longer sentence must open like a status (目前…, 现已…)
    cls, narrative = classify_status(phrase, profile)
    if narrative or cls == "unknown":
        return None
    s = measure.span
    return Status(
        text=phrase,
        class_=cls,
        span=Span(s.line, s.column + start, s.line, s.column + start + len(phrase)),
        label="",
    )


def attach_final_statuses(problems: list[Problem], profile: Profile) -> None:
    """Give every leaf problem without a status line its final-sentence status."""
    for problem in problems:
        if problem.children:
            attach_final_statuses(problem.children, profile)
            continue
        status = final_sentence_status(problem, profile)
        if status is not None:
            problem.status = status
            problem.status_lines.append(status)
