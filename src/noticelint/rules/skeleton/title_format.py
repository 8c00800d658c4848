"""NL102 (TitleFormat): 标题没有写明发文机关，或不含“关于…整改…情况的通报”。"""

from __future__ import annotations

from noticelint.rules.base import Context, Rule, compiled, quote, register


@register
class TitleFormat(Rule):
    """标题没有写明发文机关，或不含“关于…整改…情况的通报”。

    ## 检查什么 (What it does)
    标题应以发文机关开头（“关于”之前的部分），并符合规则配置 `[title] patterns`
    （默认：含“关于…整改…情况的通报/报告”）。

    ## 为什么 (Why it matters)
    GB/T 9704-2012 第 7.3.1 条：标题由发文机关名称、事由和文种组成；缺少机关或文种，
    读者无法从标题判断是谁、就什么事、发的什么文。

    ## 错误示例 (Bad)
    ```text
    关于巡察整改情况
    ```

    ## 正确示例 (Good)
    ```text
    中共某某县教育局党组关于县委巡察整改进展情况的通报
    ```
    """

    code = "NL102"
    name = "title-format"
    severity = "warning"
    norm = "GB/T 9704-2012"

    def check(self, ctx: Context) -> None:
        title = ctx.notice.title
        if title is None:
            return
        example = ctx.profile.title.example
        if not title.organ:
            ctx.report(
                f"标题{quote(title.text)}没有写明发文机关：应以机关名称开头，如“{example}”",
                title.span,
            )
        if not any(p.search(title.text) for p in compiled(ctx.profile.title.patterns)):
            ctx.report(
                f"标题{quote(title.text)}不含“关于…整改…情况的通报”：应写明事由和文种，如“{example}”",
                title.span,
            )
