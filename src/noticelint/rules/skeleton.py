"""NL1 — document skeleton and section order."""

from __future__ import annotations

import re

from noticelint.model import Measure, Section
from noticelint.rules.base import Context, Rule, quote, register
from noticelint.span import Span

KIND_NAMES = {
    "leadership": "整改组织领导（基本情况）",
    "progress": "反馈问题整改进展",
    "clues": "问题线索处理",
    "next_steps": "下一步工作打算",
    "other": "其他",
}
KIND_RANK = {"leadership": 0, "progress": 1, "clues": 2, "next_steps": 3}


@register
class MissingTitle(Rule):
    """开头之前没有标题“<发文机关>关于…巡察整改…情况的通报”。

    ## 检查什么 (What it does)
    在开头段落之前寻找形如“<发文机关>关于…巡察/巡视整改…情况的通报”的标题；
    折成两行的标题算一个标题。找不到时报告。

    ## 为什么 (Why it matters)
    公开发布的公文须有标题（GB/T 9704-2012 第 7.3.3 条），读者和检索系统都靠标题识别发文机关和事由。

    ## 错误示例 (Bad)
    ```text
    根据县委巡察工作统一部署，……现将巡察整改进展情况予以公布。
    一、加强对巡察整改的组织领导情况
    ```

    ## 正确示例 (Good)
    ```text
    中共某某县教育局党组关于县委巡察整改进展情况的通报
    根据县委巡察工作统一部署，……现将巡察整改进展情况予以公布。
    ```
    """

    code = "NL101"
    name = "missing-title"
    severity = "warning"
    norm = "GB/T 9704-2012"

    def check(self, ctx: Context) -> None:
        if ctx.notice.title is None:
            ctx.report(
                "缺少标题：应在开头之前写明“<发文机关>关于…巡察整改进展情况的通报”",
                ctx.first_line_span(),
            )


@register
class MissingOpening(Rule):
    """第一个部分之前没有开头段落。

    ## 检查什么 (What it does)
    在第一个一级标题（一、）之前寻找开头段落：说明巡察依据、时间、巡察组和反馈情况的一段话。

    ## 为什么 (Why it matters)
    开头交代巡察的依据和经过，是公众理解整改通报的前提；没有开头，读者不知道整改针对的是哪一次巡察。

    ## 错误示例 (Bad)
    ```text
    中共某某县教育局党组关于巡察整改进展情况的通报
    一、整改工作组织领导情况
    ```

    ## 正确示例 (Good)
    ```text
    中共某某县教育局党组关于巡察整改进展情况的通报
    根据县委统一部署，2024年3月11日至5月20日，县委第二巡察组对县教育局党组开展了常规巡察。……
    一、整改工作组织领导情况
    ```
    """

    code = "NL104"
    name = "missing-opening"
    severity = "error"

    def check(self, ctx: Context) -> None:
        notice = ctx.notice
        if notice.opening is None and notice.sections:
            ctx.report(
                "缺少开头段落：第一个部分之前应说明巡察依据、时间、巡察组、反馈日期，"
                "并写明“现将…整改进展情况予以公布”",
                notice.sections[0].span,
            )


@register
class OpeningIncomplete(Rule):
    """开头段落缺少依据、巡察时间、巡察组、反馈日期或公布语之一。

    ## 检查什么 (What it does)
    开头段落应包含五个要素：依据（根据…部署）、巡察时间段、巡察组、反馈（…反馈了巡察意见）、
    公布语（现将…予以公布/通报）。每缺一个要素报告一条。匹配所用的模式在规则配置的 `[opening]` 中。

    ## 为什么 (Why it matters)
    《中国共产党巡视工作条例》要求整改情况向社会公开；开头的要素让公众知道是谁、何时、依据什么进行了巡察。

    ## 错误示例 (Bad)
    ```text
    县委巡察组对我局进行了巡察，现将整改情况予以公布。
    ```

    ## 正确示例 (Good)
    ```text
    根据县委统一部署，2024年3月11日至5月20日，县委第二巡察组对县教育局党组开展了常规巡察，
    并于2024年6月18日反馈了巡察意见。按照巡察工作有关要求，现将巡察整改进展情况予以公布。
    ```
    """

    code = "NL105"
    name = "opening-incomplete"
    severity = "warning"
    norm = "中国共产党巡视工作条例"

    def check(self, ctx: Context) -> None:
        opening = ctx.notice.opening
        if opening is None:
            return
        word = ctx.profile.inspection_word
        missing = [
            (opening.has_basis, f"巡{word[1]}依据（如“根据…统一部署”）"),
            (opening.has_period, f"{word}时间段（如“2024年3月11日至5月20日”）"),
            (opening.has_inspector, f"{word}组（如“…第二{word}组”）"),
            (opening.has_feedback, f"反馈情况（如“2024年6月18日…反馈了{word}意见”）"),
            (opening.has_publication, "公布语（如“现将…整改进展情况予以公布”）"),
        ]
        for present, what in missing:
            if not present:
                ctx.report(f"开头段落缺少{what}", opening.span)


@register
class SectionOrder(Rule):
    """一级部分的顺序不符合“组织领导 → 整改进展 →（线索处理）→ 下一步”。

    ## 检查什么 (What it does)
    根据标题关键词（规则配置 `[sections]`）识别每个一级部分的类型，要求顺序为：
    (a) 整改组织领导或基本情况，(b) 反馈问题整改进展，(c) 可选的问题线索/信访处理，(d) 下一步打算。
    某个部分出现在按顺序应在它之后的部分后面时报告。

    ## 为什么 (Why it matters)
    整改通报的通行结构先讲怎么抓整改，再讲每个问题改得怎样，最后讲下一步；顺序错乱使公众难以对照阅读。

    ## 错误示例 (Bad)
    ```text
    一、下一步工作打算
    二、巡察反馈问题整改进展情况
    ```

    ## 正确示例 (Good)
    ```text
    一、整改工作组织领导情况
    二、巡察反馈问题整改进展情况
    三、下一步工作打算
    ```
    """

    code = "NL110"
    name = "section-order"
    severity = "error"

    def check(self, ctx: Context) -> None:
        highest: Section | None = None
        for section in ctx.notice.sections:
            rank = KIND_RANK.get(section.kind)
            if rank is None:
                continue
            if highest is not None and rank < KIND_RANK[highest.kind]:
                ctx.report(
                    f"部分顺序错误：{KIND_NAMES[section.kind]}部分{quote(section.heading)}"
                    f"应在{KIND_NAMES[highest.kind]}部分{quote(highest.heading)}之前",
                    section.span,
                )
            elif highest is None or rank > KIND_RANK[highest.kind]:
                highest = section


NEXT_STEPS_START = re.compile(r"(?:下一步|今后)[，,：:]?")
NEXT_STEPS_TEXT = re.compile(r"(?:^|[。；;，,])\s*(?:下一步|今后)[，,：:]?")
CLUES_TEXT = re.compile(r"^(?:关于)?(?:接收|收到|巡察组移交|移交)[^。]{0,12}(?:问题线索|信访)")


def _trailing_paragraphs(section: Section) -> list[Measure]:
    """A section's own paragraphs, and the paragraphs that end its last problem (a
    下一步 paragraph after the last problem attaches to that problem)."""
    paras = list(section.paragraphs)
    last = section.all_problems()[-1:] if section.all_problems() else []
    while last:
        problem = last[0]
        paras.extend(m for m in problem.measures if NEXT_STEPS_START.match(m.text))
        last = problem.children[-1:]
    for area in section.areas:
        paras.extend(area.paragraphs)
    return paras


def _unheaded(ctx: Context, kind: str) -> Span | None:
    """The first paragraph of ``kind`` content sitting in a section of another kind."""
    pattern = NEXT_STEPS_TEXT if kind == "next_steps" else CLUES_TEXT
    for section in ctx.notice.sections:
        if section.kind == kind:
            return None
    for section in ctx.notice.sections:
        for para in _trailing_paragraphs(section):
            m = pattern.search(para.text)
            if m:
                s = para.span
                start = m.start() + len(m.group(0)) - len(m.group(0).lstrip("。；;，, "))
                return Span(s.line, s.column + start, s.line, s.column + m.end())
    return None


def _slot_a_filled(sections: list[Section]) -> bool:
    """Whether a part of unknown kind stands before the progress part: slot (a) holds
    something the profile's words do not name (a slogan heading), never "missing"."""
    for section in sections:
        if section.kind == "progress":
            return False
        if section.kind == "other":
            return True
    return False


@register
class MissingSection(Rule):
    """缺少“整改进展”部分（错误），或缺少“组织领导”“下一步”部分（警告）。

    ## 检查什么 (What it does)
    通报必须有反馈问题整改进展部分 (b)，缺少时为错误。缺少组织领导/基本情况部分 (a)
    或下一步打算部分 (d)、且正文别处也找不到相应内容时，报告警告。下一步内容存在但没有
    自己的编号标题时，改由 NL114 报告。

    ## 为什么 (Why it matters)
    整改进展是通报的主体；组织领导和下一步打算是整改通报的通行组成部分，缺少会让通报显得不完整。

    ## 错误示例 (Bad)
    ```text
    一、巡察整改落实情况
    （一）……
    三、下一步工作打算及计划
    ```

    ## 正确示例 (Good)
    ```text
    一、整改工作组织领导情况
    二、巡察整改落实情况
    三、下一步工作打算及计划
    ```
    """

    code = "NL111"
    name = "missing-section"
    severity = "error"

    def check(self, ctx: Context) -> None:
        notice = ctx.notice
        kinds = {s.kind for s in notice.sections}
        anchor = notice.sections[0].span if notice.sections else ctx.first_line_span()
        if "progress" not in kinds:
            ctx.report(
                "缺少反馈问题整改进展部分：应有一个一级部分逐项说明反馈问题的整改措施和进展",
                anchor,
            )
        if "leadership" not in kinds and not _slot_a_filled(notice.sections):
            ctx.report(
                "缺少整改组织领导（基本情况）部分：应在整改进展之前说明如何组织整改",
                anchor,
                severity="warning",
            )
        if "next_steps" not in kinds and _unheaded(ctx, "next_steps") is None:
            last = notice.sections[-1].span if notice.sections else anchor
            ctx.report(
                "缺少下一步工作打算部分：应在整改进展之后说明下一步打算",
                last,
                severity="warning",
            )


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
            span = _unheaded(ctx, kind)
            if span is not None:
                ctx.report(
                    f"{KIND_NAMES[kind]}内容没有单独的编号标题：应另起一个一级部分"
                    f"（如“四、{'下一步工作打算' if kind == 'next_steps' else '问题线索处理情况'}”）",
                    span,
                )


def closing_matches(ctx: Context, text: str) -> bool:
    return all(p.search(text) for p in ctx.profile.closing_patterns)


@register
class MissingClosing(Rule):
    """最后一个部分之后没有欢迎监督的结束语。

    ## 检查什么 (What it does)
    在通报末尾寻找欢迎监督的结束语（规则配置 `[closing]`，默认须同时含“欢迎”和“监督/反映”），
    如“欢迎广大干部群众对巡察整改落实情况进行监督”。找不到时报告。

    ## 为什么 (Why it matters)
    公开整改情况的目的是接受群众监督（《中国共产党巡视工作条例》）；结束语告诉公众可以监督、如何反映。

    ## 错误示例 (Bad)
    ```text
    三、下一步工作打算
    ……
    联系电话：0595-87366129
    ```

    ## 正确示例 (Good)
    ```text
    欢迎广大干部群众对巡察整改落实情况进行监督。如有意见建议，请及时向我们反映。
    联系电话：0595-87366129
    ```
    """

    code = "NL112"
    name = "missing-closing"
    severity = "error"
    norm = "中国共产党巡视工作条例"

    def check(self, ctx: Context) -> None:
        notice = ctx.notice
        if notice.closing is not None and closing_matches(ctx, notice.closing.text):
            return
        anchor = ctx.anchor(
            notice.contact.span if notice.contact else None,
            notice.signature.span if notice.signature else None,
        )
        example = ctx.profile.closing.example
        ctx.report(f"缺少欢迎监督的结束语，如“{example}”", anchor)


def _longest_ordered(ranks: list[int]) -> set[int]:
    """Indices of a longest non-decreasing subsequence of ``ranks`` (n is tiny)."""
    n = len(ranks)
    best = [1] * n
    prev = [-1] * n
    for i in range(n):
        for j in range(i):
            if ranks[j] <= ranks[i] and best[j] + 1 > best[i]:
                best[i], prev[i] = best[j] + 1, j
    if not n:
        return set()
    i = max(range(n), key=lambda k: (best[k], -k))
    out: set[int] = set()
    while i != -1:
        out.add(i)
        i = prev[i]
    return out


TAIL_ORDER = ["closing", "disclosure", "contact", "organ", "date"]
TAIL_NAMES = {
    "closing": "结束语",
    "disclosure": "公开期限",
    "contact": "联系方式",
    "organ": "落款机关",
    "date": "成文日期",
}


@register
class ClosingMisplaced(Rule):
    """结束语、公开期限、联系方式或落款出现的位置或顺序不对。

    ## 检查什么 (What it does)
    通报的结尾顺序应为：结束语 →（公开期限）→ 联系方式 → 落款机关 → 成文日期，且都在最后一个部分之后。
    某一项出现在正文部分之前或之间，或顺序颠倒时报告。

    ## 为什么 (Why it matters)
    GB/T 9704-2012 规定落款和成文日期位于正文之后；结尾各项顺序固定，读者才能一眼找到监督渠道。

    ## 错误示例 (Bad)
    ```text
    联系电话：0595-87366129
    欢迎广大干部群众对巡察整改落实情况进行监督。
    ```

    ## 正确示例 (Good)
    ```text
    欢迎广大干部群众对巡察整改落实情况进行监督。
    联系电话：0595-87366129
    ```
    """

    code = "NL113"
    name = "closing-misplaced"
    severity = "warning"
    norm = "GB/T 9704-2012"

    def check(self, ctx: Context) -> None:
        notice = ctx.notice
        if not notice.sections:
            return
        placed = []
        for part in notice.tail:
            if not part.after_last_section:
                ctx.report(
                    f"{TAIL_NAMES[part.kind]}出现在正文部分之前或之间：应放在最后一个部分"
                    f"{quote(notice.sections[-1].heading, 16)}之后",
                    part.span,
                )
            else:
                placed.append(part)
        # The parts in order are the longest run in the required order; report the rest.
        ranks = [TAIL_ORDER.index(p.kind) for p in placed]
        keep = _longest_ordered(ranks)
        for i, part in enumerate(placed):
            if i in keep:
                continue
            after = [placed[j] for j in sorted(keep) if j < i and ranks[j] > ranks[i]]
            before = after[0].kind if after else TAIL_ORDER[-1]
            ctx.report(
                f"{TAIL_NAMES[part.kind]}应在{TAIL_NAMES[before]}之前："
                "结尾顺序为 结束语 → 公开期限 → 联系方式 → 落款机关 → 成文日期",
                part.span,
            )


@register
class TitleFormat(Rule):
    """标题没有写明发文机关，或不含“关于…整改…情况的通报”。

    ## 检查什么 (What it does)
    标题应以发文机关开头（“关于”之前的部分），并符合规则配置 `[title] patterns`
    （默认：含“关于…整改…情况的通报/报告”）。

    ## 为什么 (Why it matters)
    GB/T 9704-2012 第 7.3.1 条：标题由发文机关名称、事由和文种组成；缺少机关或文种，
    读者无法从标题判断是谁、就什么事、发的什么文。

    ## 错误示例 (Bad)
    ```text
    关于巡察整改情况
    ```

    ## 正确示例 (Good)
    ```text
    中共某某县教育局党组关于县委巡察整改进展情况的通报
    ```
    """

    code = "NL102"
    name = "title-format"
    severity = "warning"
    norm = "GB/T 9704-2012"

    def check(self, ctx: Context) -> None:
        title = ctx.notice.title
        if title is None:
            return
        example = ctx.profile.title.example
        if not title.organ:
            ctx.report(
                f"标题{quote(title.text)}没有写明发文机关：应以机关名称开头，如“{example}”",
                title.span,
            )
        if not any(re.search(p, title.text) for p in ctx.profile.title.patterns):
            ctx.report(
                f"标题{quote(title.text)}不含“关于…整改…情况的通报”：应写明事由和文种，如“{example}”",
                title.span,
            )
