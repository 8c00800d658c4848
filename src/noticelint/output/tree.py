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


def _short(text: str, n: int = 40) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _problem(node: Tree, p: Problem) -> None:
    status = escape(f" [{p.status.class_}]") if p.status else ""
    branch = node.add(
        f"{escape(p.marker)} {escape(_short(p.heading))}  [dim]L{p.span.line} 措施{len(p.measures)}{status}[/dim]"
    )
    for child in p.children:
        _problem(branch, child)


def render_tree(notice: Notice) -> Tree:
    root = Tree(f"[bold]{notice.path}[/bold]  [dim](profile {notice.profile})[/dim]")
    if notice.title:
        root.add(
            f"标题 L{notice.title.span.line}: {escape(notice.title.text)}  [dim]机关：{notice.title.organ}[/dim]"
        )
    else:
        root.add("[red]标题：无[/red]")
    o = notice.opening
    if o:
        root.add(
            f"开头 L{o.span.line}{f'–{o.span.end_line}' if o.span.end_line > o.span.line else ''}: 期间 {o.inspection_start}–{o.inspection_end}，"
            f"反馈 {o.feedback_date}，"
            f"申报 {o.declared_areas} 个方面 {o.declared_problems} 个问题"
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
            f"联系方式：电话 {', '.join(c.phones) or '无'}；地址 {c.address}；邮编 {c.postcode}；邮箱 {c.email}"
        )
    else:
        tail.add("联系方式：无")
    sig = notice.signature
    tail.add(f"落款：{sig.organ if sig else '无'}  {sig.date if sig else ''}")
    return root
