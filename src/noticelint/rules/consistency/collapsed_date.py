"""NL608 (CollapsedDate): 一串数字直接连着“日”，像是丢了“年”“月”的日期（2024717日）。"""

from __future__ import annotations

from noticelint.parse.dates import COLLAPSED_MONTH_DAY, COLLAPSED_YEAR, find_collapsed_dates
from noticelint.rules.base import Context, Rule, quote, register
from noticelint.rules.consistency.helpers import paragraphs_with

# The paragraphs worth reading: where a 日 follows the digits of a collapsed date.
_ANCHORS = COLLAPSED_YEAR.anchors + COLLAPSED_MONTH_DAY.anchors


@register
class CollapsedDate(Rule):
    """一串数字直接连着“日”，像是丢了“年”“月”的日期（2024717日）。

    ## 检查什么 (What it does)
    找出紧接“日”、不可能是日子的数字串：以年份开头、中间没有“年”“月”（2024717日），
    或有“年”没有“月”（2024年717日），或在日期位置（“于”“至”、顿号、逗号之后）把月和日
    连在一起（于830日），且能拆成一个真实日期。全文每一处都报告，并给出可能的原意。
    单独的“30日”“17日”、表示天数的“历时120日”“100日内”不报告。开头段落里的这种日期
    由本规则报告，NL105 不再把它所在的要素当作缺失。

    ## 为什么 (Why it matters)
    从 Word 或网页复制时常丢掉“年”“月”二字；这样的日期读者无法理解，也无法核对。

    ## 错误示例 (Bad)
    ```text
    2024717日，局党组召开专题会议研究整改工作，并于830日完成专项检查。
    ```

    ## 正确示例 (Good)
    ```text
    2024年7月17日，局党组召开专题会议研究整改工作，并于8月30日完成专项检查。
    ```
    """

    code = "NL608"
    name = "collapsed-date"
    severity = "warning"

    def check(self, ctx: Context) -> None:
        segments = ctx.parsed.segmentation.segments
        for i in paragraphs_with(ctx, _ANCHORS):
            seg = segments[i]
            for c in find_collapsed_dates(seg.text):
                written = seg.text[c.start : c.end]
                lost = "“月”" if c.lost == "月" else "“年”“月”"
                ctx.report(
                    f"{quote(written)}不是有效日期，疑为丢失了{lost}："
                    f"应为{'或'.join(f'“{r}”' for r in c.readings)}",
                    ctx.span(seg.start + c.start, seg.start + c.end),
                )
