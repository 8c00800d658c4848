"""NL001 (UnreadableInput): 文件无法读取或解码（二进制、未知编码、损坏或超过大小上限）。"""

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
