"""NL804 (MixedPunctuationWidth): 同一种标点全角、半角混用（如“，”与“,”）。"""

from __future__ import annotations

from noticelint.diagnostics import Fix
from noticelint.rules.base import Context, Rule, quote, register
from noticelint.rules.typography.halfwidth_punctuation import HalfwidthPunctuation
from noticelint.rules.typography.helpers import KIND, KIND_FULL, KIND_ORDER, excerpt, scan


@register
class MixedPunctuationWidth(Rule):
    """同一种标点全角、半角混用（如“，”与“,”）。

    ## 检查什么 (What it does)
    统计中文文本中每种标点的全角和半角个数（逗号、冒号、分号、括号、叹号、问号、句号），
    同一种标点两种写法都出现时，全文报告一次，给出各自的个数。
    标题序号的括号（`(1)` 与 `（2）`）由 NL504 检查。安全修复把半角统一改为全角。
    每个半角标点只报告一次：NL801 已报告这些半角标点时（默认如此），本规则不再重复报告；
    关闭 NL801（例如 `ignore = ["NL801"]`）时，由本规则报告混用。

    ## 为什么 (Why it matters)
    GB/T 15834-2011 要求中文文本使用全角标点；同一篇通报中两种写法混用，
    说明文本经过拼接或转换，也显得不规范。

    ## 错误示例 (Bad)
    ```text
    县教育局党组研究确定校服供应企业,6月26日党组会议审议通过，并向社会公开。
    ```

    ## 正确示例 (Good)
    ```text
    县教育局党组研究确定校服供应企业，6月26日党组会议审议通过，并向社会公开。
    ```
    """

    code = "NL804"
    name = "mixed-punctuation-width"
    severity = "warning"
    fix = "safe"
    norm = "GB/T 15834-2011"
    structural = False

    def check(self, ctx: Context) -> None:
        if any(d.code == HalfwidthPunctuation.code for d in ctx.diagnostics):
            # NL801 (run before this rule) already reported every half-width mark,
            # each with its fix: saying it again would count each mark twice.
            return
        sc = scan(ctx)
        mixed = [k for k in KIND_ORDER if sc.half[k] and sc.full[k]]
        if not mixed:
            return
        marks = [mk for mk in sc.marks if KIND[mk[1]] in mixed]
        detail = "；".join(
            f"{k}全角“{KIND_FULL[k]}”{sc.full[k]}处、半角{sc.half[k]}处" for k in mixed
        )
        first = marks[0][0]
        ctx.report(
            f"全角、半角标点混用：{detail}，如{quote(excerpt(ctx.text, first, first + 1))}"
            "，应统一使用全角",
            ctx.span(first, first + 1),
            fix=Fix(
                applicability="safe",
                message=f"把{len(marks)}个半角标点改为全角",
                edits=sc.edits(marks),
            ),
        )
