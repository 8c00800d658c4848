"""NL113 (ClosingMisplaced): 结束语、公开期限、联系方式或落款出现的位置或顺序不对。"""

from __future__ import annotations

from noticelint.rules.base import Context, Rule, quote, register


def _longest_ordered(ranks: list[int]) -> set[int]:
    """Indices of a longest non-decreasing subsequence of ``ranks`` (n is tiny)."""
    n = len(ranks)
    best = [1] * n
    prev = [-1] * n
    for i in range(n):
        for j in range(i):
            if ranks[j] <= ranks[i] and best[j] + 1 > best[i]:
                best[i], prev[i] = best[j] + 1, j
    if not n:
        return set()
    i = max(range(n), key=lambda k: (best[k], -k))
    out: set[int] = set()
    while i != -1:
        out.add(i)
        i = prev[i]
    return out


TAIL_ORDER = ["closing", "disclosure", "contact", "organ", "date"]

TAIL_NAMES = {
    "closing": "结束语",
    "disclosure": "公开期限",
    "contact": "联系方式",
    "organ": "落款机关",
    "date": "成文日期",
}


@register
class ClosingMisplaced(Rule):
    """结束语、公开期限、联系方式或落款出现的位置或顺序不对。

    ## 检查什么 (What it does)
    通报的结尾顺序应为：结束语 →（公开期限）→ 联系方式 → 落款机关 → 成文日期，且都在最后一个部分之后。
    某一项出现在正文部分之前或之间，或顺序颠倒时报告。

    ## 为什么 (Why it matters)
    GB/T 9704-2012 规定落款和成文日期位于正文之后；结尾各项顺序固定，读者才能一眼找到监督渠道。

    ## 错误示例 (Bad)
    ```text
    联系电话：0595-87366129
    欢迎广大干部群众对巡察整改落实情况进行监督。
    ```

    ## 正确示例 (Good)
    ```text
    欢迎广大干部群众对巡察整改落实情况进行监督。
    联系电话：0595-87366129
    ```
    """

    code = "NL113"
    name = "closing-misplaced"
    severity = "warning"
    norm = "GB/T 9704-2012"

    def check(self, ctx: Context) -> None:
        notice = ctx.notice
        if not notice.sections:
            return
        placed = []
        for part in notice.tail:
            if not part.after_last_section:
                ctx.report(
                    f"{TAIL_NAMES[part.kind]}出现在正文部分之前或之间：应放在最后一个部分"
                    f"{quote(notice.sections[-1].heading, 16)}之后",
                    part.span,
                )
            else:
                placed.append(part)
        # The parts in order are the longest run in the required order; report the rest.
        ranks = [TAIL_ORDER.index(p.kind) for p in placed]
        if ranks == sorted(ranks):
            return  # all in the required order (the usual case)
        keep = _longest_ordered(ranks)
        for i, part in enumerate(placed):
            if i in keep:
                continue
            after = [placed[j] for j in sorted(keep) if j < i and ranks[j] > ranks[i]]
            before = after[0].kind if after else TAIL_ORDER[-1]
            ctx.report(
                f"{TAIL_NAMES[part.kind]}应在{TAIL_NAMES[before]}之前："
                "结尾顺序为 结束语 → 公开期限 → 联系方式 → 落款机关 → 成文日期",
                part.span,
            )
