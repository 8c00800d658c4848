"""NL802 (StraightQuotes): 中文文本中用了直引号 `"…"` `'…'`，而不是“…”‘…’。"""

from __future__ import annotations

import re

from noticelint.diagnostics import Fix
from noticelint.rules.base import Context, Rule, quote, register
from noticelint.rules.typography.helpers import han_re, is_cjk, scan

# NL802: straight quotes around text.
_DQUOTE_RE = re.compile(r'"([^"\n]{1,200}?)"')

_SQUOTE_RE = re.compile(r"'([^'\n]{1,100}?)'")


@register
class StraightQuotes(Rule):
    """中文文本中用了直引号 `"…"` `'…'`，而不是“…”‘…’。

    ## 检查什么 (What it does)
    一对直双引号 `"…"` 或直单引号 `'…'`，引号内有汉字或紧挨汉字时报告（每行一次）。
    电子邮箱、网址和抓取残留中的引号不报告。安全修复改为中文引号“…”‘…’。

    ## 为什么 (Why it matters)
    GB/T 15834-2011《标点符号用法》：中文的引号是“”（引号内再用引号时用‘’），直引号是西文符号。

    ## 错误示例 (Bad)
    ```text
    把学习习近平新时代中国特色社会主义思想作为"第一议题"。
    ```

    ## 正确示例 (Good)
    ```text
    把学习习近平新时代中国特色社会主义思想作为“第一议题”。
    ```
    """

    code = "NL802"
    name = "straight-quotes"
    severity = "warning"
    fix = "safe"
    norm = "GB/T 15834-2011"
    structural = False

    def check(self, ctx: Context) -> None:
        text = ctx.text
        if '"' not in text and "'" not in text:
            return
        sc = scan(ctx)
        pairs: list[tuple[int, int, str, str]] = []
        for straight, pattern, left, right in (
            ('"', _DQUOTE_RE, "“", "”"),
            ("'", _SQUOTE_RE, "‘", "’"),
        ):
            if straight not in text:
                continue
            for m in pattern.finditer(text):
                s, e = m.start(), m.end() - 1
                if sc.is_protected(s) or sc.is_protected(e):
                    continue
                inner = m.group(1)
                chinese = han_re().search(inner) or (
                    left == "“" and (is_cjk(text[s - 1 : s]) or is_cjk(text[e + 1 : e + 2]))
                )
                if chinese:
                    pairs.append((s, e, left, right))
        if not pairs:
            return
        pairs.sort()
        index = ctx.parsed.index
        by_line: dict[int, list[tuple[int, int, str, str]]] = {}
        for p in pairs:
            by_line.setdefault(index.position(p[0])[0], []).append(p)
        for items in by_line.values():
            s, e, left, right = items[0]
            more = f"等{len(items)}处" if len(items) > 1 else ""
            edits = []
            for qs, qe, ql, qr in items:
                edits.append(ctx.edit(qs, qs + 1, ql))
                edits.append(ctx.edit(qe, qe + 1, qr))
            ctx.report(
                f"直引号{quote(text[s : e + 1])}{more}，中文应使用引号{left}…{right}",
                ctx.span(s, e + 1),
                fix=Fix(applicability="safe", message=f"改为{left}…{right}", edits=edits),
            )
