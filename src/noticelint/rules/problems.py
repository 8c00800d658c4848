"""NL4 — problems, measures and status lines."""

from __future__ import annotations

import re
from collections.abc import Iterator

from noticelint.diagnostics import Fix
from noticelint.model import Notice, Problem
from noticelint.rules.base import Context, Rule, quote, register
from noticelint.span import Span


def top_problems(notice: Notice) -> Iterator[Problem]:
    """The problems (level 1. or their (1) children) of the progress sections."""
    for section in notice.progress_sections():
        yield from section.all_problems()


def _status_units(problem: Problem) -> list[Problem]:
    """The problems that should each carry a status line: a problem whose status
    covers its sub-problems counts once; otherwise each sub-problem counts."""
    if problem.status_lines or not problem.children:
        return [problem]
    return [unit for child in problem.children for unit in _status_units(child)]


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
        problems = [leaf for top in top_problems(ctx.notice) for leaf in _status_units(top)]
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


def _all_problems(notice: Notice) -> Iterator[Problem]:
    stack: list[Problem] = []
    for section in notice.sections:
        stack.extend(section.all_problems())
    stack.extend(notice.orphans)
    while stack:
        p = stack.pop(0)
        yield p
        stack[:0] = p.children


def _claim(ctx: Context) -> tuple[str, Span] | None:
    """A claim that every problem is rectified, in the opening or the first section."""
    notice = ctx.notice
    places: list[tuple[str, Span]] = []
    if notice.opening is not None:
        places.append((notice.opening.text, notice.opening.span))
    if notice.sections:
        places.extend((p.text, p.span) for p in notice.sections[0].paragraphs[:3])
    for text, span in places:
        for pattern in ctx.profile.claims.all_done:
            m = re.search(pattern, text)
            if m:
                # the clause that makes the claim, for the message
                lo = max(text.rfind("，", 0, m.start()), text.rfind(",", 0, m.start()))
                lo = max(lo, text.rfind("。", 0, m.start())) + 1
                hi = m.end()
                return text[lo:hi], Span(span.line, span.column + lo, span.line, span.column + hi)
    return None


@register
class StatusContradiction(Rule):
    """开头或总结称问题已全部整改完成，而某个问题的整改进展写的是推进中或部分完成。

    ## 检查什么 (What it does)
    开头或第一部分中有“已全部完成整改”一类的说法（规则配置 `[claims] all-done`），
    而某一条整改进展的状态属于“推进中”或“部分完成”时，在该进展处报告。

    ## 为什么 (Why it matters)
    自相矛盾的整改情况向社会公开，会让公众质疑整个通报的真实性。

    ## 错误示例 (Bad)
    ```text
    ……反馈的12个问题已全部完成整改。……
    整改进度：正在推进。
    ```

    ## 正确示例 (Good)
    ```text
    ……反馈的12个问题已完成整改10个，其余2个正在推进。……
    整改进度：正在推进。
    ```
    """

    code = "NL404"
    name = "status-contradiction"
    severity = "error"

    def check(self, ctx: Context) -> None:
        claim = _claim(ctx)
        if claim is None:
            return
        text, _ = claim
        for problem in _all_problems(ctx.notice):
            for status in problem.status_lines:
                if not status.narrative and status.class_ in ("in_progress", "partial"):
                    ctx.report(
                        f"整改进展{quote(status.text)}与“{text.strip()}”的说法矛盾："
                        "要么如实说明尚未完成的问题，要么更正该问题的进展",
                        status.span,
                    )


@register
class CompletionClaimContradiction(Rule):
    """开头称已全部整改完成，而正文叙述表明仍在进行或尚未完成。

    ## 检查什么 (What it does)
    开头或第一部分有“已全部完成整改”一类的说法，而正文中出现“正在…中”“尚未”
    “还未整改到位”“计划于…完成”等表述（规则配置 `[claims] not-done`）时，在该表述处报告。

    ## 为什么 (Why it matters)
    “全部完成”与“正在推进”同时出现，公众无法判断哪一个是真的；通报应如实反映整改进度。

    ## 错误示例 (Bad)
    ```text
    ……已全部完成相关问题整改。……
    整改进展情况：一是……目前正在修订完善中。
    ```

    ## 正确示例 (Good)
    ```text
    ……已完成大部分问题整改，其余问题正在推进。……
    整改进展情况：一是……目前正在修订完善中。
    ```
    """

    code = "NL406"
    name = "completion-claim-contradiction"
    severity = "warning"

    def check(self, ctx: Context) -> None:
        claim = _claim(ctx)
        if claim is None:
            return
        claim_text, _ = claim
        patterns = [re.compile(p) for p in ctx.profile.claims.not_done]
        for section in ctx.notice.progress_sections():
            paragraphs = list(section.paragraphs)
            for area in section.areas:
                paragraphs.extend(area.paragraphs)
            for problem in section.all_problems():
                for p in [problem, *problem.children]:
                    paragraphs.extend(p.measures)
            for para in paragraphs:
                for pattern in patterns:
                    m = pattern.search(para.text)
                    if m:
                        s = para.span
                        ctx.report(
                            f"正文{quote(m.group(0), 20)}表明整改尚未完成，与“{claim_text.strip()}”的说法不一致",
                            Span(s.line, s.column + m.start(), s.line, s.column + m.end()),
                        )
                        break


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
        for tok in ctx.parsed.tokens:
            if tok.type != "MLABEL" or tok.marker.startswith("【"):
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
