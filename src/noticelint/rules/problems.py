"""NL4 — problems, measures and status lines."""

from __future__ import annotations

from collections.abc import Iterator

from noticelint.model import Notice, Problem
from noticelint.rules.base import Context, Rule, quote, register


def top_problems(notice: Notice) -> Iterator[Problem]:
    """The problems (level 1. or their (1) children) of the progress sections."""
    for section in notice.progress_sections():
        yield from section.all_problems()


def _has_status(problem: Problem) -> bool:
    return bool(problem.status_lines) or any(_has_status(c) for c in problem.children)


def _uses_labels(notice: Notice) -> bool:
    return any(
        p.measure_labels or p.status_lines or any(c.status_lines for c in p.children)
        for p in top_problems(notice)
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
        inline_counts = not _uses_labels(ctx.notice)
        for problem in top_problems(ctx.notice):
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
        problems = list(top_problems(ctx.notice))
        with_status = sum(1 for p in problems if _has_status(p))
        if not problems or (with_status == 0 and not ctx.profile.problems.require_status):
            return
        for problem in problems:
            if not _has_status(problem):
                ctx.report(
                    f"问题{problem.marker}{quote(problem.heading, 24)}缺少整改进展说明"
                    f"（如“整改进展情况：已完成整改”）；本通报{with_status}/{len(problems)}个问题有此说明",
                    problem.span,
                )


@register
class UnknownStatus(Rule):
    """整改进展的简短表述不在规则配置的词表中，无法归类。

    ## 检查什么 (What it does)
    “整改进展情况：”“整改进度：”之后的简短状态语（不是措施叙述）应能归入
    已完成、长期坚持、部分完成、推进中之一（规则配置 `[status]` 的词表）。
    标签后是一是…二是…等措施叙述时不算状态语，不报告。

    ## 为什么 (Why it matters)
    无法归类的状态让公众和巡察办无法判断整改是否到位，也无法统计完成率。

    ## 错误示例 (Bad)
    ```text
    整改进度：有关工作按计划开展。
    ```

    ## 正确示例 (Good)
    ```text
    整改进度：已完成整改并长期坚持。
    ```
    """

    code = "NL403"
    name = "unknown-status"
    severity = "warning"

    def check(self, ctx: Context) -> None:
        for problem in top_problems(ctx.notice):
            for p in [problem, *problem.children]:
                for status in p.status_lines:
                    if not status.narrative and status.class_ == "unknown":
                        ctx.report(
                            f"整改进展表述{quote(status.text)}无法归类：应使用“已完成整改”"
                            "“已完成整改并长期坚持”“基本完成”“正在推进”等规范表述",
                            status.span,
                        )
