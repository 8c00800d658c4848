"""NL801 (HalfwidthPunctuation): 中文文本中使用了半角标点 `, : ; ( ) ! ?`（以及作句号用的 `.`）。"""

from __future__ import annotations

from collections import Counter

from noticelint.diagnostics import Fix
from noticelint.rules.base import Context, Rule, quote, register
from noticelint.rules.typography.helpers import (
    FULL,
    KIND,
    KIND_FULL,
    KIND_ORDER,
    Mark,
    excerpt,
    scan,
)


def _counts(counter: Counter[str]) -> str:
    return "、".join(f"{k}{counter[k]}处" for k in KIND_ORDER if counter[k])


@register
class HalfwidthPunctuation(Rule):
    """中文文本中使用了半角标点 `, : ; ( ) ! ?`（以及作句号用的 `.`）。

    ## 检查什么 (What it does)
    紧挨汉字的半角逗号、冒号、分号、括号、叹号、问号，以及汉字后作句末点号的 `.`。
    数字、日期、时间（`8:30`）、比例、电话号码、电子邮箱和网址中的半角符号不报告；
    标题序号（`1.` `(1)`）由 NL503/NL504 检查。
    若全文多数标点是半角（比例不低于规则配置的 `typography.halfwidth-file-ratio`，
    通常是网站或抓取工具整体转换了标点），只在全文报告一次并给出各类标点的个数；
    否则每行报告一次。安全修复把半角标点改为对应的全角标点。

    ## 为什么 (Why it matters)
    GB/T 15834-2011《标点符号用法》：中文文本使用全角标点。半角标点在中文排版中
    挤在一起、位置偏低，公开的通报显得不规范。

    ## 错误示例 (Bad)
    ```text
    整改措施:一是修订完善学习制度,开展集中学习6次;二是制定年度学习计划(含专题研讨)。
    ```

    ## 正确示例 (Good)
    ```text
    整改措施：一是修订完善学习制度，开展集中学习6次；二是制定年度学习计划（含专题研讨）。
    ```
    """

    code = "NL801"
    name = "halfwidth-punctuation"
    severity = "warning"
    fix = "safe"
    norm = "GB/T 15834-2011"
    structural = False

    def check(self, ctx: Context) -> None:
        sc = scan(ctx)
        if not sc.marks:
            return
        text = ctx.text
        half = sum(v for k, v in sc.half.items() if k != "句号")
        full = sum(v for k, v in sc.full.items() if k != "句号")
        ratio = half / (half + full) if half + full else 0.0
        if half and ratio >= ctx.profile.typography.halfwidth_file_ratio:
            first = sc.marks[0][0]
            targets = "".join(f"“{KIND_FULL[k]}”" for k in KIND_ORDER if sc.half[k])
            ctx.report(
                f"全文标点多为半角（{_counts(sc.half)}，占同类标点的{round(ratio * 100)}%），"
                f"应使用全角标点{targets}",
                ctx.span(first, first + 1),
                fix=Fix(
                    applicability="safe",
                    message=f"把全文{len(sc.marks)}个半角标点改为全角",
                    edits=sc.edits(sc.marks),
                ),
            )
            return
        index = ctx.parsed.index
        by_line: dict[int, list[Mark]] = {}
        for mk in sc.marks:
            by_line.setdefault(index.position(mk[0])[0], []).append(mk)
        for marks in by_line.values():
            chars = [ch for _, ch in marks]
            kinds = Counter(KIND[ch] for ch in chars if ch not in "()")
            kinds["括号"] = max(chars.count("("), chars.count(")"))
            first = marks[0][0]
            good = "".join(dict.fromkeys(f"“{FULL[ch]}”" for ch in chars))
            ctx.report(
                f"半角{_counts(kinds)}，如{quote(excerpt(text, first, first + 1))}，"
                f"应改为全角{good}",
                ctx.span(first, marks[-1][0] + 1),
                fix=Fix(
                    applicability="safe",
                    message=f"改为全角{good}",
                    edits=sc.edits(marks),
                ),
            )
