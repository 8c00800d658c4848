"""NL105 (OpeningIncomplete): 开头段落缺少依据、巡察时间、巡察组、反馈日期或公布语之一。"""

from __future__ import annotations

from noticelint.rules.base import Context, Rule, register


@register
class OpeningIncomplete(Rule):
    """开头段落缺少依据、巡察时间、巡察组、反馈日期或公布语之一。

    ## 检查什么 (What it does)
    开头段落应包含五个要素：依据（根据…部署）、巡察时间段、巡察组、反馈（…反馈了巡察意见）、
    公布语（现将…予以公布/通报）。每缺一个要素报告一条。匹配所用的模式在规则配置的 `[opening]` 中。

    ## 为什么 (Why it matters)
    《中国共产党巡视工作条例》要求整改情况向社会公开；开头的要素让公众知道是谁、何时、依据什么进行了巡察。

    ## 错误示例 (Bad)
    ```text
    县委巡察组对我局进行了巡察，现将整改情况予以公布。
    ```

    ## 正确示例 (Good)
    ```text
    根据县委统一部署，2024年3月11日至5月20日，县委第二巡察组对县教育局党组开展了常规巡察，
    并于2024年6月18日反馈了巡察意见。按照巡察工作有关要求，现将巡察整改进展情况予以公布。
    ```
    """

    code = "NL105"
    name = "opening-incomplete"
    severity = "warning"
    norm = "中国共产党巡视工作条例"

    def check(self, ctx: Context) -> None:
        opening = ctx.notice.opening
        if opening is None:
            return
        word = ctx.profile.inspection_word
        missing = [
            (opening.has_basis, f"巡{word[1]}依据（如“根据…统一部署”）"),
            (opening.has_period, f"{word}时间段（如“2024年3月11日至5月20日”）"),
            (opening.has_inspector, f"{word}组（如“…第二{word}组”）"),
            (opening.has_feedback, f"反馈情况（如“2024年6月18日…反馈了{word}意见”）"),
            (opening.has_publication, "公布语（如“现将…整改进展情况予以公布”）"),
        ]
        for present, what in missing:
            if not present:
                ctx.report(f"开头段落缺少{what}", opening.span)
