"""Run the rules over parsed documents (one pass over the model per rule)."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from noticelint.atomic import ConcurrentModification, Stamp, WriteRefused, write_atomic
from noticelint.diagnostics import BY_POSITION, Diagnostic
from noticelint.fix import fix_document
from noticelint.parse import Parsed, parse_document
from noticelint.profile import resolve_profile
from noticelint.read import Document, ReadError
from noticelint.read.isolate import read_untrusted
from noticelint.rules import REGISTRY, Context
from noticelint.rules.base import Rule
from noticelint.rules.input.helpers import is_blank, is_notice
from noticelint.rules.input.unreadable_input import UnreadableInput
from noticelint.settings import Settings


def unreadable_diagnostics(path: str, error: ReadError, settings: Settings) -> list[Diagnostic]:
    """The NL001 diagnostic for a file that cannot be read (none when NL001 is off)."""
    if not settings.enabled("NL001"):
        return []
    return [
        Diagnostic(
            path=path,
            code=UnreadableInput.code,
            name=UnreadableInput.name,
            severity=settings.severity.get("NL001", UnreadableInput.severity),
            message=f"无法读取：{error}",
            line=1,
            column=1,
            end_line=1,
            end_column=1,
        )
    ]


def active_rules(settings: Settings) -> tuple[type[Rule], ...]:
    """The rules ``settings`` select, in code order (worked out once per selection)."""
    return _selected(tuple(settings.select), tuple(settings.ignore), tuple(settings.extend_select))


@lru_cache(maxsize=64)
def _selected(
    select: tuple[str, ...], ignore: tuple[str, ...], extend_select: tuple[str, ...]
) -> tuple[type[Rule], ...]:
    chooser = Settings.model_construct(
        select=list(select), ignore=list(ignore), extend_select=list(extend_select)
    )
    return tuple(REGISTRY[code] for code in sorted(REGISTRY) if chooser.enabled(code))


@lru_cache(maxsize=64)
def _checkers(rules: tuple[type[Rule], ...]) -> tuple[tuple[type[Rule], Rule], ...]:
    """Each rule with an instance of it to check with (rules keep no state: one
    instance serves every document)."""
    return tuple((rule_cls, rule_cls()) for rule_cls in rules)


def run_rules(parsed: Parsed, settings: Settings) -> list[Diagnostic]:
    profile = parsed.profile
    ctx = Context(parsed, profile)
    notice_like = is_notice(ctx)
    for rule_cls, rule in _checkers(active_rules(settings)):
        if rule_cls.structural and not notice_like:
            continue
        ctx.rule = rule_cls
        rule.check(ctx)
    overrides = {**profile.severity, **settings.severity}
    out = ctx.diagnostics
    ctx.close()
    if overrides:
        for d in out:
            sev = overrides.get(d.code)
            if sev:
                d.severity = sev
    out.sort(key=BY_POSITION)
    return out


def check_document(document: Document, settings: Settings) -> tuple[Parsed, list[Diagnostic]]:
    profile = resolve_profile(settings, document.text)
    parsed = parse_document(document, profile)
    diagnostics = run_rules(parsed, settings)
    if document.bad_bytes and settings.enabled("NL001"):
        diagnostics = [*stray_byte_diagnostics(parsed, settings), *diagnostics]
    if is_blank(document.text):  # 文件为空: no paragraph or page to name
        return parsed, diagnostics
    if document.medium == "docx":
        diagnostics = [_in_paragraphs(d) for d in diagnostics]
    if document.page_marks:
        diagnostics = [_on_pages(d, document) for d in diagnostics]
    return parsed, diagnostics


def stray_byte_diagnostics(parsed: Parsed, settings: Settings) -> list[Diagnostic]:
    """NL001 as a warning at each byte that was not valid in the file's encoding (the
    rest of the file is read and checked; the byte reads as U+FFFD)."""
    out = []
    for offset, byte in parsed.document.bad_bytes:
        span = parsed.index.span(offset, offset + 1)
        out.append(
            Diagnostic(
                path=parsed.document.path,
                code=UnreadableInput.code,
                name=UnreadableInput.name,
                severity=settings.severity.get("NL001", "warning"),
                message=(
                    f"字节 0x{byte:02X} 不是有效的 {parsed.document.encoding.upper()} 编码，"
                    "已按替换字符“\ufffd”读取；请检查此处文字 (invalid byte)"
                ),
                line=span.line,
                column=span.column,
                end_line=span.end_line,
                end_column=span.end_column,
            )
        )
    return out


_LINE_REF = re.compile(r"第(\d+)(?:—(\d+))?行")


def _in_paragraphs(d: Diagnostic) -> Diagnostic:
    """In a Word file a line is a paragraph: say so (第N段) in the message."""
    message = _LINE_REF.sub(lambda m: m.group(0).replace("行", "段"), d.message)
    if message == d.message:  # the message names no place itself: say which paragraph
        message = f"{message}（第{d.line}段）"
    return d.replace(message=message)


def _on_pages(d: Diagnostic, document: Document) -> Diagnostic:
    """In a PDF the user looks for a page: name it (第3页第12行) in the message; the
    line and column stay those of the extracted text (as in JSON)."""

    def where(line: int, column: int = 1) -> str:
        place = document.page_of(line, column)
        return f"第{place[0]}页第{place[1]}行" if place else f"第{line}行"

    def replace(m: re.Match[str]) -> str:
        first = where(int(m.group(1)))
        if not m.group(2):
            return first
        return f"{first}至{where(int(m.group(2)))}"

    message = _LINE_REF.sub(replace, d.message)
    if message == d.message:  # the message names no place itself: say which page
        message = f"{message}（{where(d.line, d.column)}）"
    return d.replace(message=message)


def over_time(settings: Settings) -> ReadError:
    """The reason given when parsing and the rules take longer than the budget."""
    return ReadError(f"处理超时：超过 {settings.timeout:g} 秒，已跳过 (timeout)")


def check_within_budget(document: Document, settings: Settings) -> list[Diagnostic]:
    """:func:`check_document` under the per-file time budget (NL001 when over it)."""
    from noticelint.batch.budget import OverBudget, within_budget

    try:
        return within_budget(settings.timeout, lambda: check_document(document, settings)[1])
    except OverBudget:
        return unreadable_diagnostics(document.path, over_time(settings), settings)


def check_path(path: Path, settings: Settings, display: str | None = None) -> list[Diagnostic]:
    name = display or str(path)
    try:
        document = read_untrusted(path, str(path), settings)
    except ReadError as exc:
        return unreadable_diagnostics(name, exc, settings)
    if display:
        document = dataclasses.replace(document, path=name, raw=None, bad_bytes=())
    return check_within_budget(document, settings)


def check_bytes(data: bytes, name: str, settings: Settings) -> list[Diagnostic]:
    try:
        document = read_untrusted(data, name, settings)
    except ReadError as exc:
        return unreadable_diagnostics(name, exc, settings)
    return check_within_budget(document, settings)


@dataclass
class FixOutcome:
    """What fixing one file did."""

    diagnostics: list[Diagnostic]
    applied: int = 0
    fixed: Document | None = None  # the fixed document, when anything changed
    diff: str = ""
    written: bool = False
    note: str | None = None  # a message for the user (not written, not converged…)


def text_diff(path: str, before: str, after: str) -> str:
    import difflib

    lines = difflib.unified_diff(
        before.splitlines(keepends=True),
        after.splitlines(keepends=True),
        fromfile=f"{path}\t(原文 original)",
        tofile=f"{path}\t(修复后 fixed)",
    )
    return "".join(
        line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines
    )


def fix_file(
    document: Document,
    settings: Settings,
    *,
    unsafe: bool,
    write: bool,
    path: Path | None = None,
    stamp: Stamp | None = None,
) -> FixOutcome:
    """Fix one document; write it back (atomically) when ``write`` and it is a text file."""

    def lint(doc: Document) -> list[Diagnostic]:
        return check_document(doc, settings)[1]

    if write and document.medium not in ("text", "docx"):
        # Nothing is written: report every finding, the fixable ones included.
        note = f"{document.medium} 文件不会被修改；可用 --diff 查看提取文本的修改"
        return FixOutcome(diagnostics=check_within_budget(document, settings), note=note)
    from noticelint.batch.budget import OverBudget, within_budget

    try:
        result = within_budget(
            settings.timeout, lambda: fix_document(document, lint, unsafe=unsafe)
        )
    except OverBudget:
        return _timed_out(document, settings)
    outcome = FixOutcome(diagnostics=result.diagnostics, applied=result.applied)
    if not result.converged:
        outcome.note = f"修复在 {result.passes} 轮后仍未稳定，已停止 (fixes did not converge)"
    if not result.changed:
        return outcome
    try:
        data = result.document.encode(result.document.original)
    except UnicodeEncodeError as exc:
        outcome.note = (
            f"修复后的文字含 {result.document.encoding} 编码无法表示的字符"
            f"（{exc.object[exc.start : exc.end]!r}），未修复；请先把文件转为 UTF-8 "
            "(fixed text not encodable in the file's encoding)"
        )
        outcome.diagnostics = lint(document)
        outcome.applied = 0
        return outcome
    outcome.fixed = result.document
    outcome.diff = text_diff(document.path, document.text, result.document.text)
    if document.bad_bytes:  # writing the text back would change those bytes
        outcome.note = "文件含无效字节，写回会改变它们，未修复 (invalid bytes: not fixed)"
        outcome.fixed = None
        outcome.applied = 0
        return outcome
    if not write:
        return outcome
    if document.medium != "text" or path is None:
        outcome.note = "没有写入修复（未指定文件）(nothing written: no file)"
        outcome.diagnostics = lint(document)
        outcome.applied = 0
        return outcome
    try:
        write_atomic(path, data, stamp)
    except (ConcurrentModification, WriteRefused, OSError) as exc:
        if isinstance(exc, OSError):
            outcome.note = f"{path}: 无法写入修复：{exc.strerror or exc}"
        else:
            outcome.note = str(exc)
        outcome.diagnostics = lint(document)
        outcome.applied = 0
        outcome.fixed = None
        return outcome
    outcome.written = True
    return outcome


def _timed_out(document: Document, settings: Settings) -> FixOutcome:
    return FixOutcome(
        diagnostics=unreadable_diagnostics(document.path, over_time(settings), settings),
        note="处理超时，未修复 (timeout: not fixed)",
    )


def fix_docx_file(
    data: bytes,
    document: Document,
    settings: Settings,
    *,
    unsafe: bool,
    write: bool,
    path: Path | None = None,
    stamp: Stamp | None = None,
) -> FixOutcome:
    """Fix a Word file inside its runs (formatting kept); write it back atomically when
    ``write``. Edits that cannot be mapped onto the runs are named in the note."""
    from noticelint.write.docx import fix_docx

    def lint(doc: Document) -> list[Diagnostic]:
        return check_document(doc, settings)[1]

    from noticelint.batch.budget import OverBudget, within_budget

    try:
        result = within_budget(
            settings.timeout, lambda: fix_docx(data, document.path, lint, unsafe=unsafe)
        )
    except OverBudget:
        return _timed_out(document, settings)
    except ReadError as exc:
        return FixOutcome(diagnostics=unreadable_diagnostics(document.path, exc, settings))
    outcome = FixOutcome(diagnostics=result.diagnostics, applied=result.applied)
    notes = []
    if result.not_applied:
        listed = "；".join(f"第{n.line}段 {n.code} {n.reason}" for n in result.not_applied[:5])
        more = "…" if len(result.not_applied) > 5 else ""
        notes.append(
            f"{len(result.not_applied)} 处修复无法在 Word 中原样应用，未修改：{listed}{more}"
        )
    if not result.converged:
        notes.append(f"修复在 {result.passes} 轮后仍未稳定，已停止 (fixes did not converge)")
    outcome.note = "\n".join(notes) or None
    if not result.changed:
        return outcome
    outcome.fixed = result.document
    outcome.diff = text_diff(document.path, document.text, result.document.text)
    if not write or path is None:
        return outcome
    try:
        write_atomic(path, result.data, stamp)
    except (ConcurrentModification, WriteRefused, OSError) as exc:
        message = exc.strerror if isinstance(exc, OSError) else str(exc)
        outcome.note = f"{path}: 无法写入修复：{message or exc}"
        outcome.diagnostics = lint(document)
        outcome.applied = 0
        return outcome
    outcome.written = True
    return outcome


def fix_path(path: Path, settings: Settings, *, unsafe: bool, write: bool) -> FixOutcome:
    """Fix the file at ``path``: read once (safely, in the sandbox for native formats),
    stamped with its status and a digest of the bytes read, so that the write can
    tell whether anyone changed the file meanwhile."""
    from noticelint.read import load_bytes

    try:
        before = Stamp.of(path)
        data = load_bytes(path, max_bytes=settings.max_bytes)
        stamp = Stamp.of(path, data)
        if not before.same_file(stamp):
            raise ReadError("文件在读取时被修改 (changed while reading)")
        document = read_untrusted(data, str(path), settings)
    except ReadError as exc:
        return FixOutcome(diagnostics=unreadable_diagnostics(str(path), exc, settings))
    except OSError as exc:
        return FixOutcome(
            diagnostics=unreadable_diagnostics(str(path), ReadError(str(exc)), settings)
        )
    if document.medium == "docx":
        return fix_docx_file(
            data, document, settings, unsafe=unsafe, write=write, path=path, stamp=stamp
        )
    return fix_file(document, settings, unsafe=unsafe, write=write, path=path, stamp=stamp)
