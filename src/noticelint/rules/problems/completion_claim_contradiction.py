"""NL406 (CompletionClaimContradiction): 开头称已全部整改完成，而正文叙述表明仍在进行或尚未完成。"""

from __future__ import annotations

from noticelint.rules.base import Context, Rule, compiled, quote, register
from noticelint.rules.problems.helpers import completion_claim


@register
class CompletionClaimContradiction(Rule):
    """开头称已全部整改完成，而正文叙述表明仍在进行或尚未完成。

    ## 检查什么 (What it does)
    开头或第一部分有“已全部完成整改”一类的说法，而正文中出现“正在…中”“尚未”
    “还未整改到位”“计划于…完成”等表述（规则配置 `[claims] not-done`）时，在该表述处报告。

    ## 为什么 (Why it matters)
    “全部完成”与“正在推进”同时出现，公众无法判断哪一个是真的；通报应如实反映整改进度。

    ## 错误示例 (Bad)
    ```text
    ……已全部完成相关问题整改。……
    整改进展情况：一是……目前正在修订完善中。
    ```

    ## 正确示例 (Good)
    ```text
    ……已完成大部分问题整改，其余问题正在推进。……
    整改进展情况：一是……目前正在修订完善中。
    ```
    """

    code = "NL406"
    name = "completion-claim-contradiction"
    severity = "warning"

    def check(self, ctx: Context) -> None:
        claim = completion_claim(ctx)
        if claim is None:
            return
        claim_text, _ = claim
        patterns = compiled(ctx.profile.claims.not_done)
        for section in ctx.notice.progress_sections():
            paragraphs = list(section.paragraphs)
            for area in section.areas:
                paragraphs.extend(area.paragraphs)
            for problem in section.all_problems():
                for p in [problem, *problem.children]:
                    paragraphs.extend(p.measures)
            for para in paragraphs:
                for pattern in patterns:
                    m = pattern.search(para.text)
                    if m:
                        at = ctx.start_of(para.span)
                        ctx.report(
                            f"正文{quote(m.group(0), 20)}表明整改尚未完成，与“{claim_text.strip()}”的说法不一致",
                            ctx.span(at + m.start(), at + m.end()),
                        )
                        break
