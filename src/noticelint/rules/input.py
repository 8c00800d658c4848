"""NL0 — input and text hygiene."""

from __future__ import annotations

from noticelint.rules.base import Context, Rule, register


@register
class UnreadableInput(Rule):
    """文件无法读取或解码（二进制、未知编码、损坏或超过大小上限）。

    ## 检查什么 (What it does)
    读取阶段失败的文件：二进制文件、无法识别的编码、损坏的 docx/pdf、超过大小上限。
    在第 1 行报告一条诊断，并继续检查其他文件。

    ## 为什么 (Why it matters)
    一个读不出来的文件无法检查；在成百上千份通报中，它必须被明确列出，而不是让整个运行崩溃。

    ## 错误示例 (Bad)
    ```text
    （一个 PNG 图片被改名为 通报.txt）
    ```

    ## 正确示例 (Good)
    ```text
    以 UTF-8、GB18030 或 UTF-16 保存的纯文本通报。
    ```
    """

    code = "NL001"
    name = "unreadable-input"
    severity = "error"
    structural = False

    def check(self, ctx: Context) -> None:
        # Reported by the engine when reading fails; nothing to check on a parsed text.
        return None


@register
class UnrecognizedStructure(Rule):
    """文本中找不到通报结构（既无开头段落，也无“一、”等一级标题）。

    ## 检查什么 (What it does)
    文本既没有开头段落（根据…部署，…巡察组…反馈…），也没有任何一级标题（一、二、…）时报告。
    此时其他结构类规则不再运行，以免对一篇并非通报的文本报告几十条无意义的问题。

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
        if not is_notice(ctx):
            ctx.report(
                "未识别出通报结构：找不到开头段落，也找不到“一、”等一级标题，"
                "该文本可能不是整改进展情况通报",
                ctx.first_line_span(),
            )


def is_notice(ctx: Context) -> bool:
    notice = ctx.notice
    return bool(notice.sections) or notice.opening is not None
