"""NL101 (MissingTitle): 开头之前没有标题“<发文机关>关于…巡察整改…情况的通报”。"""

from __future__ import annotations

from noticelint.rules.base import Context, Rule, register


@register
class MissingTitle(Rule):
    """开头之前没有标题“<发文机关>关于…巡察整改…情况的通报”。

    ## 检查什么 (What it does)
    在开头段落之前寻找形如“<发文机关>关于…巡察/巡视整改…情况的通报”的标题；
    折成两行的标题算一个标题。找不到时报告。

    ## 为什么 (Why it matters)
    公开发布的公文须有标题（GB/T 9704-2012 第 7.3.3 条），读者和检索系统都靠标题识别发文机关和事由。

    ## 错误示例 (Bad)
    ```text
    根据县委巡察工作统一部署，……现将巡察整改进展情况予以公布。
    一、加强对巡察整改的组织领导情况
    ```

    ## 正确示例 (Good)
    ```text
    中共某某县教育局党组关于县委巡察整改进展情况的通报
    根据县委巡察工作统一部署，……现将巡察整改进展情况予以公布。
    ```
    """

    code = "NL101"
    name = "missing-title"
    severity = "warning"
    norm = "GB/T 9704-2012"

    def check(self, ctx: Context) -> None:
        if ctx.notice.title is None:
            ctx.report(
                "缺少标题：应在开头之前写明“<发文机关>关于…巡察整改进展情况的通报”",
                ctx.first_line_span(),
            )
