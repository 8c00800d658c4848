"""Fixing a Word (.docx) file in place of its text, formatting kept.

The reader (:mod:`noticelint.read.docx`) turns each paragraph into a line of pieces,
each piece either the text of one ``w:t`` element or text Word generates (automatic
numbering, tabs, breaks, symbols). An edit found on that text is applied inside the
``w:t`` elements its characters come from: the replacement goes where the first
replaced character was (so it takes that run's font, size and bold), the other
characters are deleted from their runs; an insertion joins the run of the character
after it (or, at the end of a line, before it). Every other part of the package is
copied byte for byte.

An edit is applied only when it maps exactly: every character it replaces comes from
a ``w:t``, it stays inside one paragraph and inserts no paragraph break. Anything
else (a number Word generates, a paragraph with a manual line break, an edit that
joins or splits paragraphs) is reported as not applied — never guessed.

As with text files, fixes are applied in passes (all edits of one fix or none) and
the document is linted again after each pass, until nothing applicable is left.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from noticelint.diagnostics import Diagnostic, Edit
from noticelint.fix import MAX_PASSES, selected_edits
from noticelint.read.document import Document
from noticelint.read.docx import Body, Piece, line_pieces, line_text, load_body

Element = Any
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

#: Where one character of a line comes from: a ``w:t`` element and the index in its
#: text, or ``None`` when Word generates it.
Origin = tuple[Element, int] | None


@dataclass(slots=True)
class NotApplied:
    """A fix that could not be mapped onto the runs of the document."""

    code: str
    message: str
    line: int
    column: int
    reason: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "message": self.message,
            "line": self.line,
            "column": self.column,
            "reason": self.reason,
        }


@dataclass(slots=True)
class DocxFix:
    """The outcome of fixing a .docx: the new package and what remains."""

    data: bytes
    document: Document
    diagnostics: list[Diagnostic]
    applied: int = 0
    passes: int = 0
    converged: bool = True
    not_applied: list[NotApplied] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.applied > 0


class Unmappable(Exception):
    """An edit that cannot be applied exactly inside the runs; the message says why."""


@dataclass(slots=True)
class _Layout:
    """The lines of one state of the document and where each character comes from."""

    body: Body
    document: Document
    origins: list[list[Origin] | None]  # None: the line cannot be edited at all

    @classmethod
    def of(cls, data: bytes, path: str) -> _Layout:
        body = load_body(data)
        lines = line_pieces(body)
        texts = [line_text(pieces).replace("\r", "") for pieces in lines]
        origins = [_origins(pieces, text) for pieces, text in zip(lines, texts, strict=True)]
        document = Document(path=path, text="\n".join(texts), encoding="utf-8", medium="docx")
        return cls(body, document, origins)


def _origins(pieces: list[Piece], text: str) -> list[Origin] | None:
    """Per character of the line, its origin; ``None`` when the reader's text is not
    the plain concatenation of the pieces (a manual line break was joined)."""
    if "".join(piece for piece, _ in pieces) != text:
        return None
    out: list[Origin] = []
    for piece, element in pieces:
        if element is None:
            out.extend([None] * len(piece))
        else:
            out.extend((element, i) for i in range(len(piece)))
    return out


# Per w:t element: (start, end, replacement) slices of its text.
_Ops = dict[int, tuple[Element, list[tuple[int, int, str]]]]


def _map_edit(edit: Edit, layout: _Layout, ops: _Ops) -> None:
    """Add the element operations that perform ``edit`` to ``ops`` (or raise)."""
    if edit.end_line != edit.line:
        raise Unmappable("修改跨越段落，无法在 Word 中原样应用 (edit spans paragraphs)")
    if "\n" in edit.content:
        raise Unmappable("修改需要拆分段落，无法在 Word 中原样应用 (edit splits a paragraph)")
    if not 1 <= edit.line <= len(layout.origins):
        raise Unmappable("修改位置超出文档范围 (edit outside the document)")
    origins = layout.origins[edit.line - 1]
    if origins is None:
        raise Unmappable("段落含手动换行，文字位置无法与 Word 对应 (paragraph with a line break)")
    start, end = edit.column - 1, edit.end_column - 1
    if start < 0 or end > len(origins) or start > end:
        raise Unmappable("修改位置超出段落范围 (edit outside the paragraph)")
    if start == end:
        _map_insertion(origins, start, edit.content, ops)
        return
    chars = origins[start:end]
    if any(o is None for o in chars):
        raise Unmappable(
            "修改涉及 Word 自动生成的内容（自动编号、制表符等），无法修改 (generated text)"
        )
    first = True
    for element, indices in _runs_of(chars):
        _add(ops, element, indices[0], indices[-1] + 1, edit.content if first else "")
        first = False


def _map_insertion(origins: list[Origin], at: int, content: str, ops: _Ops) -> None:
    after = origins[at] if at < len(origins) else None
    before = origins[at - 1] if at > 0 else None
    if after is not None:
        _add(ops, after[0], after[1], after[1], content)
    elif before is not None:
        _add(ops, before[0], before[1] + 1, before[1] + 1, content)
    else:
        raise Unmappable("插入位置紧邻 Word 自动生成的内容，无法修改 (generated text)")


def _runs_of(chars: list[Origin]) -> list[tuple[Element, list[int]]]:
    """Consecutive characters grouped by their ``w:t`` element, in order."""
    groups: list[tuple[Element, list[int]]] = []
    for origin in chars:
        assert origin is not None
        element, index = origin
        if groups and groups[-1][0] is element:
            groups[-1][1].append(index)
        else:
            groups.append((element, [index]))
    return groups


def _add(ops: _Ops, element: Element, start: int, end: int, content: str) -> None:
    ops.setdefault(id(element), (element, []))[1].append((start, end, content))


def _apply(ops: _Ops) -> None:
    for element, slices in ops.values():
        text = element.text or ""
        for start, end, content in sorted(slices, reverse=True):
            text = text[:start] + content + text[end:]
        element.text = text
        if text != text.strip():
            element.set(_XML_SPACE, "preserve")


def _mappable(d: Diagnostic, layout: _Layout) -> str | None:
    """``None`` when every edit of ``d``'s fix maps onto the runs, else the reason."""
    assert d.fix is not None
    try:
        scratch: _Ops = {}
        for edit in d.fix.edits:
            _map_edit(edit, layout, scratch)
    except Unmappable as exc:
        return str(exc)
    return None


def _applicable(diagnostics: list[Diagnostic], unsafe: bool) -> list[Diagnostic]:
    return [
        d
        for d in diagnostics
        if d.fix is not None and d.fix.edits and (unsafe or d.fix.applicability == "safe")
    ]


def _package(original: bytes, part: str, xml: bytes) -> bytes:
    """``original`` with the member ``part`` replaced; everything else copied as is."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(original)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            data = xml if info.filename == part else source.read(info)
            # A fresh entry (name, time, method, attributes): the old one's sizes, CRC,
            # extra fields and data-descriptor flag describe the old bytes.
            entry = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            entry.compress_type = info.compress_type
            entry.external_attr = info.external_attr
            entry.create_system = info.create_system
            target.writestr(entry, data)
    return out.getvalue()


def _serialise(layout: _Layout) -> bytes:
    from lxml import etree  # type: ignore[import-untyped]  # lxml has no type stubs

    xml: bytes = etree.tostring(
        layout.body.root, xml_declaration=True, encoding="UTF-8", standalone=True
    )
    return xml


def fix_docx(
    data: bytes,
    path: str,
    lint: Callable[[Document], list[Diagnostic]],
    *,
    unsafe: bool = False,
    max_passes: int = MAX_PASSES,
) -> DocxFix:
    """Apply the fixes ``lint`` finds to the Word file ``data`` (see the module doc).

    Raises :class:`~noticelint.read.ReadError` when ``data`` is not a readable .docx.
    """
    layout = _Layout.of(data, path)
    diagnostics = lint(layout.document)
    result = DocxFix(data=data, document=layout.document, diagnostics=diagnostics)
    for _ in range(max_passes):
        candidates = [d for d in _applicable(diagnostics, unsafe) if _mappable(d, layout) is None]
        fixes = selected_edits(candidates, unsafe=unsafe)
        if not fixes:
            break
        ops: _Ops = {}
        for edits in fixes:
            for edit in edits:
                _map_edit(edit, layout, ops)
        _apply(ops)
        data = _package(data, layout.body.part, _serialise(layout))
        layout = _Layout.of(data, path)
        diagnostics = lint(layout.document)
        result.applied += len(fixes)
        result.passes += 1
    else:
        result.converged = not any(
            _mappable(d, layout) is None for d in _applicable(diagnostics, unsafe)
        )
    result.data = data
    result.document = layout.document
    result.diagnostics = diagnostics
    for d in _applicable(diagnostics, unsafe):
        reason = _mappable(d, layout) or "与其他修复重叠或未能收敛 (overlapping or not converged)"
        assert d.fix is not None
        result.not_applied.append(NotApplied(d.code, d.fix.message, d.line, d.column, reason))
    return result
