"""NL002 (UnrecognizedStructure): 文本中找不到通报结构（既无开头段落，也无“一、”等一级标题）。"""

from __future__ import annotations

from noticelint.parse.script import is_traditional
from noticelint.rules.base import Context, Rule, register
from noticelint.rules.input.helpers import is_blank, is_notice, round_summary_units


@register
class UnrecognizedStructure(Rule):
    """文本中找不到通报结构（既无开头段落，也无“一、”等一级标题）。

    ## 检查什么 (What it does)
    文本既没有开头段落（根据…部署，…巡察组…反馈…），也没有任何一级标题（一、二、…）时报告。
    纪委或巡察办关于一整轮巡察的情况通报（对23个单位开展了巡察……，涉及几十个单位）
    也不是单个单位的整改进展情况通报，同样报告一条（写明涉及的单位数）；识别所用的词语在
    规则配置 `[round-summary]` 中。繁体字文本按对应的简体字识别结构；仍识别不出时，
    只报告一条警告，写明文本为繁体字。空文件（0 字节，或只有空白、BOM）同样没有通报结构，
    报告为“文件为空”。这些情况下其他结构类规则都不再运行，
    以免对一篇并非整改通报的文本报告几十条无意义的问题。

    ## 为什么 (Why it matters)
    把会议纪要或其他文件误当作整改通报检查，得到的结论没有意义；先确认它是一份通报。

    ## 错误示例 (Bad)
    ```text
    关于召开全体干部大会的通知
    定于下周一上午九点召开全体干部大会，请准时参加。
    ```

    ## 正确示例 (Good)
    ```text
    根据县委统一部署，2024年3月11日至5月20日，县委第二巡察组对县财政局党组开展了常规巡察……
    一、整改工作组织领导情况
    ```
    """

    code = "NL002"
    name = "unrecognized-structure"
    severity = "error"
    structural = False

    def check(self, ctx: Context) -> None:
        if is_blank(ctx.text):
            ctx.report("文件为空：没有可检查的文字 (empty file)", ctx.first_line_span())
            return
        units = round_summary_units(ctx)
        if units is not None:
            ctx.report(
                f"该文本是一轮巡察（巡视）的情况通报（涉及{units}个单位），不是单个被巡察单位的"
                "整改进展情况通报：不按整改通报的结构检查",
                ctx.first_line_span(),
            )
        elif not is_notice(ctx) and is_traditional(ctx.text):
            # The reader may have failed on the script, not the text on its genre: say
            # so once, as a warning, instead of a cascade of structure errors (S12).
            ctx.report(
                "文本为繁体字，按对应的简体字也未能识别出通报结构（找不到开头段落和“一、”等"
                "一级标题）：请核对这是否是整改进展情况通报，或改用简体字文本检查",
                ctx.first_line_span(),
                severity="warning",
            )
        elif not is_notice(ctx):
            ctx.report(
                "未识别出通报结构：找不到开头段落，也找不到“一、”等一级标题，"
                "该文本可能不是整改进展情况通报",
                ctx.first_line_span(),
            )
