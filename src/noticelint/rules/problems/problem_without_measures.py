"""NL401 (ProblemWithoutMeasures): 问题之后没有任何整改措施或进展说明。"""

from __future__ import annotations

from noticelint.model import Problem
from noticelint.rules.base import Context, Rule, quote, register
from noticelint.rules.problems.helpers import top_problems


def _uses_labels(problems: list[Problem]) -> bool:
    return any(
        p.measure_labels or p.status_lines or any(c.status_lines for c in p.children)
        for p in problems
    )


@register
class ProblemWithoutMeasures(Rule):
    """问题之后没有任何整改措施或进展说明。

    ## 检查什么 (What it does)
    整改进展部分的每个问题（1. 或其下的（1））之后、下一个问题之前，应有整改措施
    （“整改措施：”标签、（1）（2）条目、一是…二是…）或整改进展说明。什么都没有时报告。
    不使用标签的通报（问题标题后同一段直接写措施）也算有措施。

    ## 为什么 (Why it matters)
    整改通报向公众说明每个问题怎么改；只列问题不写措施，等于没有报告整改。

    ## 错误示例 (Bad)
    ```text
    1.关于财务报销审核不严的问题。
    2.关于公务接待管理不规范的问题。
    整改措施：……
    ```

    ## 正确示例 (Good)
    ```text
    1.关于财务报销审核不严的问题。
    整改措施：修订财务报销管理办法，实行报销单据双人审核。
    整改进展情况：已完成整改。
    ```
    """

    code = "NL401"
    name = "problem-without-measures"
    severity = "error"

    def check(self, ctx: Context) -> None:
        problems = top_problems(ctx)
        inline_counts = not _uses_labels(problems)
        for problem in problems:
            self._check(ctx, problem, inline_counts)

    def _check(self, ctx: Context, problem: Problem, inline_counts: bool) -> None:
        if problem.children:
            for child in problem.children:
                self._check(ctx, child, inline_counts)
            return
        if problem.measures or any(s.narrative for s in problem.status_lines):
            return
        if inline_counts and len(problem.detail) >= 10:
            return
        ctx.report(
            f"问题{problem.marker}{quote(problem.heading, 24)}之后没有整改措施或进展说明",
            problem.span,
        )
