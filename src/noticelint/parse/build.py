"""Stage 5, build: the parse tree over paragraph tokens becomes the typed Notice."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from noticelint.model import (
    Area,
    Closing,
    Contact,
    ContactField,
    Disclosure,
    Measure,
    Notice,
    Opening,
    Problem,
    Section,
    SectionKind,
    Signature,
    Status,
    TailKind,
    TailPart,
    Title,
)
from noticelint.parse import fields
from noticelint.parse.dates import parse_signature_date
from noticelint.parse.grammar import Leaf, Node
from noticelint.parse.kinds import (
    decide_kinds,
    is_organising,
    speaks_of_the_future,
    split_next_steps,
)
from noticelint.parse.statuses import attach_final_statuses
from noticelint.parse.tokens import Token, TokenKind
from noticelint.profile import Profile
from noticelint.span import LineIndex, Span

# A six-digit postcode written at the end of an address ("…教育局，527500").
_TRAILING_POSTCODE = re.compile(r"(?<!\d)(\d{6})(?!\d)\s*$")
# Where the holder of a container's loose paragraphs points (it is never reported).
_NOWHERE = Span(line=1, column=1, end_line=1, end_column=1)
# The nodes that open a problem's measures.
_LABELLED = ("measures", "sub_measures")
# (A kind looked up on the enum class costs more than the comparison itself.)
_TEXT = TokenKind.TEXT
_STATUS = TokenKind.STATUS
_TAIL_KINDS: dict[TokenKind, TailKind] = {
    TokenKind.CLOSING: "closing",
    TokenKind.DISCLOSURE: "disclosure",
    TokenKind.CONTACT: "contact",
    TokenKind.ORGAN: "organ",
    TokenKind.SIGDATE: "date",
}


class NoticeBuilder:
    """Walks the parse tree once and builds the model (one builder per document)."""

    def __init__(self, path: str, tokens: list[Token], index: LineIndex, profile: Profile):
        self.path = path
        self.tokens = tokens
        self.index = index
        self.profile = profile

    # -- helpers ---------------------------------------------------------------

    def tok(self, leaf: Leaf) -> Token:
        return self.tokens[leaf.index]

    def heading(self, tok: Token) -> tuple[str, str, Span]:
        """A heading paragraph's heading, the text after it on the same line, and the
        span of its marker and heading (without the text after it)."""
        seg = tok.seg
        heading, rest, end = fields.heading_parts(seg.text[tok.body_offset :])
        return (
            heading,
            rest,
            Span(seg.line, seg.column, seg.line, seg.column + tok.body_offset + end),
        )

    def span(self, tok: Token, start: int = 0, end: int | None = None) -> Span:
        """The span of ``tok.text[start:end]`` (a paragraph lies on one line)."""
        seg = tok.seg
        col = seg.column
        stop = len(seg.text) if end is None else end
        return Span(seg.line, col + start, seg.line, col + stop)

    def _measure(self, tok: Token, number: int | None = None) -> Measure:
        seg = tok.seg
        start = seg.column + tok.body_offset
        span = Span(seg.line, start, seg.line, seg.column + len(seg.text))
        return Measure(number=number, text=seg.text[tok.body_offset :], span=span)

    def _status(self, tok: Token) -> Status:
        body = tok.body
        cls, narrative = fields.classify_status(body, self.profile)
        return Status(
            text=body.strip(),
            class_=cls,
            span=self.span(tok),
            label=tok.marker,
            narrative=narrative,
        )

    # -- body --------------------------------------------------------------------

    def _fill(self, problem: Problem, items: Sequence[Node | Leaf]) -> None:
        """Attach measures, status lines and sub-problems to ``problem``.

        Text between the problem's heading and its 整改措施 label describes the
        problem (a heading paragraph wrapped over two lines); it is not a measure.
        """
        first_label = -1
        for i, item in enumerate(items):
            if isinstance(item, Node) and item.data in _LABELLED:
                first_label = i
                break
        for i, item in enumerate(items):
            if isinstance(item, Leaf):
                continue
            data = item.data
            if data == "para" or data == "mtext":
                tok = self._leaf(item)
                if i < first_label and data == "para" and tok.type == _TEXT:
                    problem.detail = f"{problem.detail}{tok.text}"
                else:
                    self._para(problem, tok)
            elif data == "sub":
                problem.children.append(self._problem(item, level=4))
            elif data in _LABELLED:
                self._measures(problem, item)

    def _leaf(self, node: Node) -> Token:
        """The token of the leaf that opens ``node``."""
        leaf = node.children[0]
        assert isinstance(leaf, Leaf)
        return self.tokens[leaf.index]

    def _para(self, problem: Problem, tok: Token) -> None:
        """A paragraph of ``problem``: a measure, or a status line."""
        if tok.type == _STATUS:
            status = self._status(tok)
            problem.status_lines.append(status)
            if status.narrative:
                problem.measures.append(self._measure(tok))
            elif problem.status is None:
                problem.status = status
        else:
            problem.measures.append(self._measure(tok))

    def _measures(self, problem: Problem, node: Node) -> None:
        label = node.children[0]
        assert isinstance(label, Leaf)
        ltok = self.tok(label)
        problem.measure_labels.append(self.span(ltok, 0, len(ltok.marker) or None))
        if ltok.body.strip():
            problem.measures.append(self._measure(ltok))
        for measure in node.children[1:]:
            if not isinstance(measure, Node):
                continue
            first = measure.children[0]
            if isinstance(first, Leaf):  # H4 measure
                mtok = self.tok(first)
                problem.measures.append(self._measure(mtok, mtok.number))
                rest = measure.children[1:]
            else:
                rest = measure.children
            for para in rest:
                if isinstance(para, Node):
                    self._para(problem, self._leaf(para))

    def _problem(self, node: Node, level: int) -> Problem:
        tok = self._leaf(node)
        heading, detail, span = self.heading(tok)
        problem = Problem(
            number=tok.number,
            heading=heading,
            span=span,
            marker=tok.marker,
            level=level,
            measures=[],
            status=None,
            children=[],
            detail=detail,
            measure_labels=[],
            status_lines=[],
        )
        if len(node.children) > 1:
            self._fill(problem, node.children[1:])
            if problem.children and self._items_are_measures(problem):
                self._items_to_measures(problem, node)
        return problem

    def _items_are_measures(self, problem: Problem) -> bool:
        """Whether a problem's （1）（2） items are its measures written without a
        label: the problem names a problem, the items carry nothing of their own and
        name no problem, and a status line closes the list (…的问题。（1）修订…
        （2）开展… 整改进展：已完成。) or at least half of them open like a measure
        (profile ``problems.measure-openers``: 制定, 建立, 修订…)."""
        children = problem.children
        if not children or problem.measure_labels or problem.measures:
            return False
        if not self.profile.lexicon.names_problem(problem.heading):
            return False
        last = children[-1]
        bare = all(
            not c.children
            and not c.measure_labels
            and not (c.status_lines and c is not last)
            and not self._own_measures(c)
            and "问题" not in c.heading
            for c in children
        )
        if not bare:
            return False
        if last.status_lines:
            return True
        openers = tuple(self.profile.problems.measure_openers)
        return 2 * sum(c.heading.startswith(openers) for c in children) >= len(children)

    def _own_measures(self, item: Problem) -> list[Measure]:
        """An item's paragraphs before its status line and before a 下一步…
        paragraph (what follows the list is not the item's)."""
        end = len(item.measures)
        if item.status_lines:
            at = item.status_lines[0].span
            end = sum((m.span.line, m.span.column) < (at.line, at.column) for m in item.measures)
        starts = self.profile.lexicon.next_steps_start
        for j, m in enumerate(item.measures[:end]):
            if starts.match(m.text):
                return item.measures[:j]
        if (
            end
            and end == len(item.measures)
            and speaks_of_the_future(item.measures[-1].text, self.profile)
        ):
            end -= 1  # the closing paragraph of a notice without headings (S1)
        return item.measures[:end]

    def _items_to_measures(self, problem: Problem, node: Node) -> None:
        last = problem.children[-1]
        status_lines = last.status_lines
        after = last.measures
        problem.children = []
        for item in node.children[1:]:
            if isinstance(item, Node) and item.data == "sub":
                tok = self._leaf(item)
                problem.measures.append(self._measure(tok, tok.number))
        problem.measures.extend(after)
        problem.status_lines = status_lines
        problem.status = next((s for s in status_lines if not s.narrative), None)

    def _container_items(
        self, items: Sequence[Node | Leaf], problems: list[Problem], paragraphs: list[Measure]
    ) -> list[Area]:
        areas: list[Area] = []
        loose: list[Node] = []
        for item in items:
            if not isinstance(item, Node):
                continue
            data = item.data
            if data == "area":
                tok = self._leaf(item)
                heading, _, span = self.heading(tok)
                if self._names_problem(item, heading):
                    # （一）关于…问题 with its own labels: a problem on the （一） level.
                    problems.append(self._problem(item, level=2))
                else:
                    areas.append(self._area(item, tok, heading, span))
            elif data == "problem":
                problems.append(self._problem(item, level=3))
            elif data == "sub":
                problems.append(self._problem(item, level=4))
            elif data in ("para", "measures"):
                loose.append(item)
        if loose:
            self._loose(loose, paragraphs)
        return areas

    def _loose(self, items: list[Node], paragraphs: list[Measure]) -> None:
        """Paragraphs and measures lists that stand outside any problem become the
        container's paragraphs (a status phrase among them too)."""
        holder = Problem(number=None, heading="", span=_NOWHERE)
        for item in items:
            if item.data == "para":
                self._para(holder, self._leaf(item))
            else:
                self._measures(holder, item)
        paragraphs.extend(holder.measures)
        paragraphs.extend(
            Measure(number=None, text=s.text, span=s.span)
            for s in holder.status_lines
            if not s.narrative
        )

    def _area(self, node: Node, tok: Token, heading: str, span: Span) -> Area:
        """The area ``node`` opened by ``tok``, with its heading and the heading's span."""
        area = Area(
            number=tok.number,
            heading=heading,
            span=span,
            marker=tok.marker,
            problems=[],
            paragraphs=[],
        )
        self._container_items(node.children[1:], area.problems, area.paragraphs)
        return area

    def _names_problem(self, node: Node, heading: str) -> bool:
        """An 一、 or （一） heading that names one problem and holds its measures or
        status labels but no areas or items is a problem (S9: each 一、 is a problem,
        whatever words it holds). A heading over a narrative (…方面问题 followed by
        一是…二是…) stays a heading."""
        if not self.profile.lexicon.names_problem(heading):
            return False
        labelled = False
        for child in node.children[1:]:
            if not isinstance(child, Node):
                continue
            if child.data in ("area", "problem", "sub"):
                return False
            if child.data == "measures" or (
                child.data == "para" and self._leaf(child).type == _STATUS
            ):
                labelled = True
        return labelled

    def _section(self, node: Node) -> Section:
        tok = self._leaf(node)
        heading, rest, span = self.heading(tok)
        if not rest and len(heading) > 40:
            # "一、整改工作基本情况 区委巡察组…" on a flattened line
            parts = heading.split(maxsplit=1)
            heading = parts[0]
        if self._names_problem(node, heading):
            # S9: a progress section holding the one problem its heading names.
            return Section(
                number=tok.number,
                heading=heading,
                kind="progress",
                span=span,
                marker=tok.marker,
                problems=[self._problem(node, level=1)],
            )
        section = Section(
            number=tok.number,
            heading=heading,
            span=span,
            marker=tok.marker,
            areas=[],
            problems=[],
            paragraphs=[],
        )
        if rest:
            section.paragraphs.append(
                Measure(number=None, text=rest, span=self.span(tok, len(tok.text) - len(rest)))
            )
        section.areas = self._container_items(
            node.children[1:], section.problems, section.paragraphs
        )
        return section

    # -- whole document ----------------------------------------------------------

    def _implicit(self, kind: SectionKind, first: Span, last: Span, **parts: Any) -> Section:
        """A part without a heading of its own (``number: null``, cli.md v2)."""
        start = self.index.offset(first.line, first.column)
        end = self.index.offset(last.end_line, last.end_column)
        return Section(
            number=None, heading="", kind=kind, span=self.index.span(start, end), **parts
        )

    def _implicit_progress(self, items: list[Node]) -> Section:
        """Areas and problems that stand at the top with no 一、 above them (S1)."""
        problems: list[Problem] = []
        paragraphs: list[Measure] = []
        areas = self._container_items(items, problems, paragraphs)
        first = self.tokens[items[0].first_leaf().index]
        last = self.tokens[items[-1].last_leaf().index]
        return self._implicit(
            "progress" if areas or problems else "other",
            self.span(first),
            self.span(last),
            areas=areas,
            problems=problems,
            paragraphs=paragraphs,
        )

    def _sections(self, parts: list[Section | list[Node]]) -> list[Section]:
        """Sections in document order; each run of orphans is an implicit part."""
        return [
            part if isinstance(part, Section) else self._implicit_progress(part)
            for part in parts
            if isinstance(part, Section) or part
        ]

    def _front_section(self, texts: list[Token]) -> Section | None:
        """Unnumbered paragraphs between the opening and the first heading (S2): the
        leadership part when they are about organising the rectification."""
        paragraphs = [Measure(number=None, text=t.text, span=self.span(t)) for t in texts]
        if not paragraphs or not is_organising(paragraphs, self.profile):
            return None
        return self._implicit(
            "leadership", paragraphs[0].span, paragraphs[-1].span, paragraphs=paragraphs
        )

    def _next_steps(self, sections: list[Section]) -> None:
        """The closing 下一步… paragraphs of a notice whose last part is implicit (S1)
        become an implicit next-steps part. In a notice with numbered parts they stay
        where they are: an unheaded next-steps part there is NL114's finding."""
        if not sections or sections[-1].number is not None:
            return
        moved = split_next_steps(sections[-1], self.profile)
        if moved:
            sections.append(
                self._implicit("next_steps", moved[0].span, moved[-1].span, paragraphs=moved)
            )

    def _top_level(
        self, notice: Notice, tree: Node, tail_tokens: list[Token]
    ) -> tuple[list[Token], list[Section | list[Node]]]:
        """One pass over the tree's top level: title and opening into ``notice``, tail
        paragraphs into ``tail_tokens``; returns the paragraphs after the opening and
        the body parts in order (a section, or a run of orphans before the tail)."""
        front_texts: list[Token] = []
        parts: list[Section | list[Node]] = []
        in_tail = False
        for child in tree.children:
            if not isinstance(child, Node):
                continue
            if child.data == "front":
                front_texts = self._front(notice, child)
            elif child.data == "section":
                parts.append(self._section(child))
            elif child.data == "tail_item":
                tok = self._leaf(child)
                tail_tokens.append(tok)
                in_tail = in_tail or tok.type != _TEXT
            elif child.data == "orphan" and not in_tail:
                # Areas or problems with no 一、 above them: an implicit part (S1).
                items = [c for c in child.children if isinstance(c, Node)]
                if parts and isinstance(parts[-1], list):
                    parts[-1].extend(items)
                else:
                    parts.append(items)
            elif child.data == "orphan":
                holder: list[Problem] = []
                self._container_items(child.children, holder, [])
                notice.orphans.extend(holder)
        return front_texts, parts

    def build(self, tree: Node) -> Notice:
        notice = Notice(
            path=self.path,
            title=None,
            opening=None,
            sections=[],
            closing=None,
            disclosure=None,
            contact=None,
            signature=None,
            profile=self.profile.name,
            orphans=[],
            tail=[],
        )
        tail_tokens: list[Token] = []
        front_texts, parts = self._top_level(notice, tree, tail_tokens)
        sections = self._sections(parts)
        front = self._front_section(front_texts)
        if front is not None:
            sections.insert(0, front)
        self._next_steps(sections)
        decide_kinds(sections, self.profile)
        for section in sections:
            attach_final_statuses(section.all_problems(), self.profile)
        notice.sections = sections
        self._tail(notice, tail_tokens)
        self._declared_from_first_section(notice)
        return notice

    def _front(self, notice: Notice, node: Node) -> list[Token]:
        """Title and opening; returns the paragraphs after the opening (S2)."""
        opening: list[Token] = []
        after: list[Token] = []
        for item in node.children:
            if isinstance(item, Node) and item.data == "title" and notice.title is None:
                toks = [self.tok(leaf) for leaf in item.children if isinstance(leaf, Leaf)]
                text = "".join(t.text for t in toks)
                notice.title = Title(
                    text=text,
                    organ=fields.signature_organ_from_title(text),
                    span=self.index.span(toks[0].seg.start, toks[-1].seg.end),
                    lines=len(toks),
                )
            elif isinstance(item, Leaf) and item.type == TokenKind.OPENING:
                if not after:  # the classifier marks one run of opening paragraphs
                    opening.append(self.tok(item))
            elif isinstance(item, Leaf) and item.type == _TEXT and opening:
                after.append(self.tok(item))
        if opening:
            notice.opening = self._opening(opening)
        return after

    def _opening(self, toks: list[Token]) -> Opening:
        """The opening over one or more paragraphs (S4): the source text they cover."""
        start, end = toks[0].seg.start, toks[-1].seg.end
        text = self.index.text[start:end]
        f = fields.opening_facts(text, self.profile)
        return Opening(
            text=text,
            inspection_start=f.inspection_start,
            inspection_end=f.inspection_end,
            feedback_date=f.feedback_date,
            declared_areas=f.declared_areas,
            declared_problems=f.declared_problems,
            declared_measures=f.declared_measures,
            span=self.index.span(start, end),
            has_basis=f.has_basis,
            has_period=f.has_period,
            has_inspector=f.has_inspector,
            has_feedback=f.has_feedback,
            has_publication=f.has_publication,
        )

    def _declared_from_first_section(self, notice: Notice) -> None:
        """Counts declared in the first section (seed 004: 指出3大类8个问题)."""
        opening = notice.opening
        if opening is None or opening.declared_problems is not None or not notice.sections:
            return
        for para in notice.sections[0].paragraphs[:3]:
            areas, problems, measures = fields.declared_counts(para.text)
            if problems is not None:
                opening.declared_areas = areas
                opening.declared_problems = problems
                opening.declared_measures = opening.declared_measures or measures
                return

    def _tail(self, notice: Notice, tail_tokens: list[Token]) -> None:
        last_section = notice.sections[-1].span if notice.sections else None
        last_offset = (
            self.index.offset(last_section.line, last_section.column) if last_section else -1
        )
        contact_fields: list[ContactField] = []
        contact_tokens: list[Token] = []
        organ_tok: Token | None = None
        date_tok: Token | None = None
        for tok in tail_tokens:
            kind = _TAIL_KINDS.get(tok.type)
            if kind is None:
                continue
            notice.tail.append(
                TailPart(
                    kind=kind,
                    span=self.span(tok),
                    offset=tok.seg.start,
                    after_last_section=tok.seg.start > last_offset,
                )
            )
            if kind == "closing" and notice.closing is None:
                notice.closing = Closing(text=tok.text, span=self.span(tok))
            elif kind == "disclosure" and notice.disclosure is None:
                f = fields.disclosure_facts(tok.text)
                notice.disclosure = Disclosure(
                    start=f.start,
                    end=f.end,
                    text=tok.text,
                    span=self.span(tok),
                    period_text=f.period_text,
                    well_formed=f.well_formed,
                    invalid=f.invalid,
                )
            elif kind == "contact":
                contact_tokens.append(tok)
                for hit in fields.contact_fields(tok.text, self.profile):
                    contact_fields.append(
                        ContactField(
                            kind=hit.kind,
                            label=hit.label,
                            value=hit.value,
                            span=self.span(tok, hit.start, hit.end),
                        )
                    )
            elif kind == "organ" and organ_tok is None:
                organ_tok = tok
            elif kind == "date" and date_tok is None:
                date_tok = tok
        # Disclosure sentences may sit inside the closing paragraph on some sites.
        if (
            notice.disclosure is None
            and notice.closing is not None
            and "公开期限" in notice.closing.text
        ):
            f = fields.disclosure_facts(notice.closing.text)
            notice.disclosure = Disclosure(
                start=f.start,
                end=f.end,
                text=notice.closing.text,
                span=notice.closing.span,
                period_text=f.period_text,
                well_formed=f.well_formed,
                invalid=f.invalid,
            )
        if contact_tokens:
            first, last = contact_tokens[0], contact_tokens[-1]
            phones: list[str] = []
            address = postcode = email = None
            for f_ in contact_fields:
                if f_.kind == "phone":
                    phones.extend(fields.split_phones(f_.value))
                elif f_.kind == "address" and address is None:
                    address = f_.value
                    m = _TRAILING_POSTCODE.search(f_.value)
                    if m and postcode is None:
                        postcode = m.group(1)
                elif f_.kind == "postcode":
                    postcode = f_.value
                elif f_.kind == "email" and email is None:
                    email = f_.value
            notice.contact = Contact(
                phones=phones,
                address=address,
                postcode=postcode,
                email=email,
                span=self.index.span(first.seg.start, last.seg.end),
                fields=contact_fields,
            )
        if organ_tok is not None or date_tok is not None:
            date = None
            date_text = None
            if date_tok is not None:
                date_text = date_tok.text
                date, _ = parse_signature_date(date_text)
            start = (organ_tok or date_tok).seg.start  # type: ignore[union-attr]
            end = (date_tok or organ_tok).seg.end  # type: ignore[union-attr]
            notice.signature = Signature(
                organ=organ_tok.text if organ_tok else None,
                date=date,
                span=self.index.span(start, end),
                organ_span=self.span(organ_tok) if organ_tok else None,
                date_span=self.span(date_tok) if date_tok else None,
                date_text=date_text,
            )


def build_notice(
    path: str,
    tokens: list[Token],
    tree: Node,
    index: LineIndex,
    profile: Profile,
) -> Notice:
    return NoticeBuilder(path, tokens, index, profile).build(tree)
