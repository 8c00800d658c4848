"""What each part of a notice is: section kinds from position and content.

A section's kind (``leadership``, ``progress``, ``clues``, ``next_steps``,
``other``) is decided from three signals, strongest first:

1. **Evidence of progress**: a part whose problems carry measures or status labels
   is the progress part, whatever its heading says (S3: 坚持问题导向，推动反馈问题整改).
2. **Heading keywords** (profile ``[sections]``): 下一步/今后 → next steps,
   线索/信访 → clues, 组织领导/主体责任 → leadership, 整改进展 → progress. A part
   none of them names is progress when its items name problems (1.关于…问题).
3. **Content and position** (profile ``[section-content]``): a part whose
   paragraphs are about organising the rectification (成立…领导小组, 召开…会议,
   研究部署, 一是…) is leadership — after the progress part too, where NL110 then
   reports it out of order — unless, after the progress part, it speaks of
   下一步/今后/持续 at least as much (next steps); 线索/信访/移交 content is clues.

A part none of these decides stays ``other``; the skeleton rules treat an ``other``
part before the progress part as the leadership slot filled (never "missing").
"""

from __future__ import annotations

from noticelint.model import Measure, Problem, Section, SectionKind
from noticelint.profile import Profile


def _leaves(section: Section) -> list[Problem]:
    return section.leaf_problems()


def carries_labels(section: Section) -> bool:
    """Strong evidence of progress: problems with measures or status labels (or a
    problem on the 一、 level, S9)."""
    for problem in section.all_problems():
        if problem.level == 1:
            return True
        for leaf in [problem, *problem.leaves()]:
            if leaf.measure_labels or leaf.status_lines:
                return True
    return False


def names_problems(section: Section, profile: Profile) -> bool:
    """Weaker evidence: items that name problems (1.关于…问题)."""
    lex = profile.lexicon
    return any(lex.names_problem(p.heading) for p in section.all_problems())


def _content_text(section: Section) -> str:
    parts = [section.heading]
    parts.extend(p.text for p in section.paragraphs)
    for area in section.areas:
        parts.append(area.heading)
        parts.extend(p.text for p in area.paragraphs)
    for problem in section.all_problems():
        parts.append(problem.heading)
        parts.append(problem.detail)
        parts.extend(m.text for m in problem.measures)
    return "".join(parts)


def content_score(text: str, words: list[str]) -> int:
    """How many of ``words`` occur in ``text`` (each word counts once)."""
    return sum(1 for w in words if w in text)


def heading_kind(heading: str, profile: Profile) -> SectionKind:
    kw = profile.sections
    order: tuple[tuple[SectionKind, list[str]], ...] = (
        ("next_steps", kw.next_steps),
        ("clues", kw.clues),
        ("leadership", kw.leadership),
        ("progress", kw.progress),
    )
    for kind, words in order:
        if any(w in heading for w in words):
            return kind
    return "other"


def is_organising(paragraphs: list[Measure], profile: Profile) -> bool:
    """Whether unheaded paragraphs are about organising the rectification (S2) or
    summarise it with counts (反馈N个问题，已完成M个…)."""
    text = "".join(p.text for p in paragraphs)
    lex = profile.lexicon
    return lex.summary.search(text) is not None or lex.is_organising(text)


def decide_kinds(sections: list[Section], profile: Profile) -> None:
    """Set ``kind`` on every section (see the module docstring)."""
    content = profile.section_content
    for section in sections:
        if section.kind != "other":
            continue  # decided when the part was built (implicit parts)
        if carries_labels(section):
            section.kind = "progress"
        else:
            section.kind = heading_kind(section.heading, profile)
        if section.kind == "other" and names_problems(section, profile):
            section.kind = "progress"
    first_progress = next((i for i, s in enumerate(sections) if s.kind == "progress"), None)
    for i, section in enumerate(sections):
        if section.kind != "other":
            continue
        text = _content_text(section)
        before = first_progress is None or i < first_progress
        lead = content_score(text, content.leadership)
        ahead = content_score(text, content.next_steps)
        if not before and ahead and ahead >= lead:
            section.kind = "next_steps"
        elif lead >= content.min_score:
            # Also after the progress part: a misplaced organisation part is NL110's.
            section.kind = "leadership"
        elif content_score(text, content.clues) >= content.min_score:
            section.kind = "clues"


def _opens_next_steps(holder: list[Measure], j: int, profile: Profile) -> bool:
    """Whether ``holder[j]`` opens the closing next-steps paragraphs: 下一步…/今后…,
    or — as the very last paragraph, after others — a paragraph about what the organ
    will do (…党组将持续巩固整改成果…) holding next-steps words."""
    measure = holder[j]
    if measure.number is not None or any(m.number is not None for m in holder[j:]):
        return False
    if profile.lexicon.next_steps_start.match(measure.text):
        return True
    return 0 < j == len(holder) - 1 and speaks_of_the_future(measure.text, profile)


def speaks_of_the_future(text: str, profile: Profile) -> bool:
    """…党组将持续巩固整改成果…: what the organ will do, with next-steps words."""
    return (
        profile.lexicon.next_steps_future.match(text) is not None
        and content_score(text, profile.section_content.next_steps) > 0
    )


def split_next_steps(section: Section, profile: Profile) -> list[Measure]:
    """Cut the trailing next-steps paragraphs off the end of an implicit part (they
    attach to the last problem in the parse); return them, in order."""
    holders: list[list[Measure]] = [section.paragraphs]
    if section.areas:
        holders.append(section.areas[-1].paragraphs)
    problems = section.all_problems()
    problem = problems[-1] if problems else None
    while problem is not None:
        holders.append(problem.measures)
        problem = problem.children[-1] if problem.children else None
    for holder in reversed(holders):
        for j in range(len(holder)):
            if _opens_next_steps(holder, j, profile):
                moved = holder[j:]
                del holder[j:]
                return moved
    return []
