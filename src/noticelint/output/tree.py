"""``parse --format tree``: the recognised structure as a rich tree."""

from __future__ import annotations

from rich.markup import escape
from rich.tree import Tree

from noticelint.model import Notice, Problem

_KIND = {
    "leadership": "组织领导",
    "progress": "整改进展",
    "clues": "线索处理",
    "next_steps": "下一步",
    "other": "其他",
}


def _shown(value: object, absent: str = "未写明") -> str:
    """A value for the reader: never Python's ``None``."""
    return absent if value is None or value == "" else str(value)


def _short(text: str, n: int = 40) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _problem(node: Tree, p: Problem) -> None:
    status = escape(f" [{p.status.class_}]") if p.status else ""
    branch = node.add(
        f"{escape(p.marker)} {escape(_short(p.heading))}  [dim]L{p.span.line} 措施{len(p.measures)}{status}[/dim]"
    )
    for child in p.children:
        _problem(branch, child)


def _declared(areas: int | None, problems: int | None) -> str:
    if areas is None and problems is None:
        return "未写明问题数"
    parts = ([f"{areas} 个方面"] if areas is not None else []) + (
        [f"{problems} 个问题"] if problems is not None else []
    )
    return " ".join(parts)


def render_tree(notice: Notice) -> Tree:
    root = Tree(f"[bold]{notice.path}[/bold]  [dim](profile {notice.profile})[/dim]")
    if notice.title:
        root.add(
            f"标题 L{notice.title.span.line}: {escape(notice.title.text)}  [dim]机关：{escape(_shown(notice.title.organ))}[/dim]"
        )
    else:
        root.add("[red]标题：无[/red]")
    o = notice.opening
    if o:
        root.add(
            f"开头 L{o.span.line}{f'–{o.span.end_line}' if o.span.end_line > o.span.line else ''}: "
            f"期间 {_shown(o.inspection_start)}–{_shown(o.inspection_end)}，"
            f"反馈 {_shown(o.feedback_date)}，申报 {_declared(o.declared_areas, o.declared_problems)}"
        )
    else:
        root.add("[red]开头：无[/red]")
    for s in notice.sections:
        heading = escape(f"{s.marker} {s.heading}") if s.number is not None else "（无标题部分）"
        sec = root.add(f"[bold]{heading}[/bold]  [dim]L{s.span.line} {_KIND[s.kind]}[/dim]")
        for a in s.areas:
            area = sec.add(
                f"{escape(a.marker)} {escape(_short(a.heading))}  [dim]L{a.span.line} 问题{len(a.problems)}[/dim]"
            )
            for p in a.problems:
                _problem(area, p)
        for p in s.problems:
            _problem(sec, p)
    tail = root.add("结尾")
    tail.add(f"结束语：{'L' + str(notice.closing.span.line) if notice.closing else '无'}")
    d = notice.disclosure
    tail.add(f"公开期限：{f'{d.start} 至 {d.end}' if d else '无'}")
    c = notice.contact
    if c:
        tail.add(
            f"联系方式：电话 {escape(', '.join(c.phones) or '无')}；地址 {escape(_shown(c.address, '无'))}；"
            f"邮编 {escape(_shown(c.postcode, '无'))}；邮箱 {escape(_shown(c.email, '无'))}"
        )
    else:
        tail.add("联系方式：无")
    sig = notice.signature
    organ = _shown(sig.organ, "无") if sig else "无"
    date = _shown(sig.date, "无成文日期") if sig else ""
    tail.add(f"落款：{escape(organ)}  {date}")
    return root
