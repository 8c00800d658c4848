"""NL504 (BracketWidth): 序号用了半角括号 `(一)` `(1)`，或半角与全角括号混用。"""

from __future__ import annotations

from noticelint.diagnostics import Fix
from noticelint.parse.tokens import BRACKETED, Token
from noticelint.rules.base import Context, Rule, quote, register
from noticelint.rules.numbering.helpers import body_headings, marker_edit_range

_FULL = {"(": "（", ")": "）"}


def _brackets(tok: Token) -> list[tuple[int, str]]:
    """The half-width brackets of ``tok``'s marker: (offset, character)."""
    start, _ = marker_edit_range(tok)
    return [(start + i, ch) for i, ch in enumerate(tok.marker) if ch in _FULL]


@register
class BracketWidth(Rule):
    """序号用了半角括号 `(一)` `(1)`，或半角与全角括号混用。

    ## 检查什么 (What it does)
    “（一）”“（1）”两级序号应使用全角括号。用半角括号 `(一)` `(1)` 时报告。若全文大多数带括号
    的序号都是半角（网站或抓取工具整体转换了标点，比例阈值同 NL801 的 `halfwidth-file-ratio`），
    只在第一个半角序号处报告一次，并给出半角和全角的个数；否则逐个报告半角序号。
    安全修复把半角括号改为全角。

    ## 为什么 (Why it matters)
    GB/T 15834-2011 规定中文文本使用全角标点，GB/T 9704-2012 的层次序数“（一）”“（1）”
    用的是全角括号；同一通报中 `(2)` 与 `（2）` 混用显得不规范。

    ## 错误示例 (Bad)
    ```text
    (1)制定并下发《关于进一步加强教育系统理论学习中心组学习的通知》。
    （2）根据省、市校服管理办法，研究制定校服管理办法。
    ```

    ## 正确示例 (Good)
    ```text
    （1）制定并下发《关于进一步加强教育系统理论学习中心组学习的通知》。
    （2）根据省、市校服管理办法，研究制定校服管理办法。
    ```
    """

    code = "NL504"
    name = "bracket-width"
    severity = "warning"
    fix = "safe"
    norm = "GB/T 15834-2011"

    def check(self, ctx: Context) -> None:
        half: list[Token] = []
        full = 0
        for tok in body_headings(ctx):
            if tok.type not in BRACKETED:
                continue
            if "(" in tok.marker or ")" in tok.marker:
                half.append(tok)
            else:
                full += 1
        if not half:
            return
        ratio = len(half) / (len(half) + full)
        if len(half) > 1 and ratio >= ctx.profile.typography.halfwidth_file_ratio:
            first = half[0]
            others = f"（全角{full}个）" if full else ""
            # Expanded into edits only when read (a file-wide fix: many of them).
            edits = ctx.char_edits([b for tok in half for b in _brackets(tok)], _FULL)
            ctx.report(
                f"序号括号为半角：全文{len(half)}个序号用半角括号{others}，如第{first.seg.line}行的"
                f"{quote(first.marker)}；应统一使用全角括号“（一）”“（1）”",
                ctx.span(*marker_edit_range(first)),
                fix=Fix(
                    applicability="safe",
                    message=f"把{len(half)}个序号的半角括号改为全角",
                    edits=edits,
                ),
            )
            return
        for tok in half:
            good = tok.marker.replace("(", "（").replace(")", "）")
            rest = f"（本通报其余{full}个序号用全角括号）" if full else ""
            ctx.report(
                f"序号{quote(tok.marker)}用了半角括号，应为“{good}”{rest}",
                ctx.span(*marker_edit_range(tok)),
                fix=Fix(
                    applicability="safe",
                    message=f"改为“{good}”",
                    edits=[ctx.edit(at, at + 1, _FULL[ch]) for at, ch in _brackets(tok)],
                ),
            )
