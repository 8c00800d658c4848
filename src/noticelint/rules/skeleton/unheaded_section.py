"""NL114 (UnheadedSection): 下一步（或线索处理）内容存在，但没有自己的编号标题。"""

from __future__ import annotations

from noticelint.rules.base import Context, Rule, register
from noticelint.rules.skeleton.helpers import KIND_NAMES, first_unheaded


@register
class UnheadedSection(Rule):
    """下一步（或线索处理）内容存在，但没有自己的编号标题。

    ## 检查什么 (What it does)
    在其他部分的段落中发现以“下一步”“今后”开头的内容（或线索/信访处理情况），
    而通报没有相应的一级部分时报告，代替 NL111。

    ## 为什么 (Why it matters)
    读者靠一级标题定位内容；埋在别的部分里的“下一步”打算很容易被忽略。

    ## 错误示例 (Bad)
    ```text
    三、巡察反馈问题线索的处理情况
    接收移交的信访反映5件，均已办理完毕。
    经过6个月的集中整改，取得了初步成效。……下一步，县教育局党组将……
    ```

    ## 正确示例 (Good)
    ```text
    三、巡察反馈问题线索的处理情况
    接收移交的信访反映5件，均已办理完毕。
    四、下一步工作打算
    县教育局党组将……
    ```
    """

    code = "NL114"
    name = "unheaded-section"
    severity = "warning"

    def check(self, ctx: Context) -> None:
        for kind in ("next_steps", "clues"):
            span = first_unheaded(ctx, kind)
            if span is not None:
                ctx.report(
                    f"{KIND_NAMES[kind]}内容没有单独的编号标题：应另起一个一级部分"
                    f"（如“四、{'下一步工作打算' if kind == 'next_steps' else '问题线索处理情况'}”）",
                    span,
                )
