"""NL604 (OrganMismatch): 标题中的发文机关与落款机关不一致。"""

from __future__ import annotations

from noticelint.parse.fields import normalise_organ
from noticelint.rules.base import Context, Rule, quote, register


@register
class OrganMismatch(Rule):
    """标题中的发文机关与落款机关不一致。

    ## 检查什么 (What it does)
    比较标题“关于”之前的发文机关和落款机关。比较前去掉开头的“中共”和紧邻重复的词语
    （“党组党组”由 NL103 另行报告），仍不相同时报告。没有标题或没有落款机关时不检查。

    ## 为什么 (Why it matters)
    按 GB/T 9704-2012，标题由发文机关名称、事由和文种组成，落款署发文机关名称，两处指的是
    同一机关；不一致时读者无法确定是谁在通报整改，也常是套用他人模板后漏改的痕迹。

    ## 错误示例 (Bad)
    ```text
    中共某某县财政局党组关于县委巡察整改进展情况的通报
    ……
    中共某某县教育局党组
    2024年9月2日
    ```

    ## 正确示例 (Good)
    ```text
    中共某某县财政局党组关于县委巡察整改进展情况的通报
    ……
    中共某某县财政局党组
    2024年9月2日
    ```
    """

    code = "NL604"
    name = "organ-mismatch"
    severity = "warning"
    norm = "GB/T 9704-2012"

    def check(self, ctx: Context) -> None:
        notice = ctx.notice
        title, sig = notice.title, notice.signature
        if title is None or not title.organ or sig is None or not sig.organ:
            return
        if normalise_organ(title.organ) == normalise_organ(sig.organ):
            return
        ctx.report(
            f"落款机关{quote(sig.organ)}与标题中的发文机关{quote(title.organ)}不一致：两处应写同一机关",
            sig.organ_span or sig.span,
        )
