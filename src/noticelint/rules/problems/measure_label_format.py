"""NL405 (MeasureLabelFormat): “整改措施”标签写法不统一：前有多余空格、缺少冒号，或有的带冒号有的不带。"""

from __future__ import annotations

from noticelint.diagnostics import Fix
from noticelint.rules.base import Context, Rule, register


@register
class MeasureLabelFormat(Rule):
    """“整改措施”标签写法不统一：前有多余空格、缺少冒号，或有的带冒号有的不带。

    ## 检查什么 (What it does)
    整改措施的标签应写作“整改措施：”，顶格或按段首缩进两个全角空格，全文一致。
    标签前有半角空格或制表符、标签后缺冒号时提示；安全修复为去掉多余空格、补上全角冒号。

    ## 为什么 (Why it matters)
    统一的标签让读者一眼区分问题、措施和进展，也便于程序提取每个问题的措施。

    ## 错误示例 (Bad)
    ```text
     整改措施
    （1）制定《……实施细则》。
    ```

    ## 正确示例 (Good)
    ```text
    整改措施：
    （1）制定《……实施细则》。
    ```
    """

    code = "NL405"
    name = "measure-label-format"
    severity = "info"
    fix = "safe"

    def check(self, ctx: Context) -> None:
        label_word = ctx.profile.problems.measure_label
        labels = [tok for tok in ctx.parsed.tokens if tok.type == "MLABEL"]
        for tok in labels:
            if tok.marker.startswith("【"):
                continue  # 【整改措施】 is a complete label form of its own
            seg = tok.seg
            start = seg.start
            label_end = start + tok.text.find(label_word) + len(label_word)
            marker = tok.marker
            problems: list[str] = []
            edits = []
            indent = seg.indent  # white space before the label on its own line
            if " " in indent or "\t" in indent:
                problems.append("前有多余的空格")
                edits.append(ctx.edit(start - len(indent), start, ""))
            if not marker.endswith((":", "：")):
                problems.append("后缺少冒号")
                edits.append(ctx.edit(label_end, label_end, "："))
            if problems:
                ctx.report(
                    f"“{label_word}”标签{'，'.join(problems)}：应写作“{label_word}：”",
                    ctx.span(start, label_end),
                    fix=Fix(applicability="safe", message=f"改为“{label_word}：”", edits=edits),
                )
