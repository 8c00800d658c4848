"""NL402 (MissingStatusLine): 部分问题有整改进展（进度）说明，而这个问题没有。"""

from __future__ import annotations

from noticelint.model import Problem
from noticelint.rules.base import Context, Rule, quote, register
from noticelint.rules.problems.helpers import top_problems


def _status_units(problem: Problem) -> list[Problem]:
    """The problems that should each carry a status line: a problem whose status
    covers its sub-problems counts once; otherwise each sub-problem counts."""
    if problem.status_lines or not problem.children:
        return [problem]
    return [unit for child in problem.children for unit in _status_units(child)]


@register
class MissingStatusLine(Rule):
    """部分问题有整改进展（进度）说明，而这个问题没有。

    ## 检查什么 (What it does)
    通报为一部分问题写了“整改进展情况：”或“整改进度：”行，而这个问题没有时报告。
    规则配置中 `require-status = true` 时，每个问题都必须有。

    ## 为什么 (Why it matters)
    公众要据此判断每个问题整改到了哪一步；只给部分问题写进展，其余问题的状态不明。

    ## 错误示例 (Bad)
    ```text
    1.关于财务报销审核不严的问题。
    整改措施：……
    2.关于公务接待管理不规范的问题。
    整改措施：……
    整改进展情况：已完成整改。
    ```

    ## 正确示例 (Good)
    ```text
    1.关于财务报销审核不严的问题。
    整改措施：……
    整改进展情况：已完成整改并长期坚持。
    2.关于公务接待管理不规范的问题。
    整改措施：……
    整改进展情况：已完成整改。
    ```
    """

    code = "NL402"
    name = "missing-status-line"
    severity = "warning"

    def check(self, ctx: Context) -> None:
        problems = [leaf for top in top_problems(ctx) for leaf in _status_units(top)]
        with_status = sum(1 for p in problems if p.status_lines)
        if not problems or (with_status == 0 and not ctx.profile.problems.require_status):
            return
        for problem in problems:
            if not problem.status_lines:
                ctx.report(
                    f"问题{problem.marker}{quote(problem.heading, 24)}缺少整改进展说明"
                    f"（如“整改进展情况：已完成整改”）；本通报{with_status}/{len(problems)}个问题有此说明",
                    problem.span,
                )
