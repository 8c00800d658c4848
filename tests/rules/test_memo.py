"""One memo for per-document work shared by rules (rules/base.py: Memo, per_document)."""

from notice_support import compliant_text
from noticelint.parse.pipeline import parse_document
from noticelint.read import Document
from noticelint.rules.base import Context, per_document
from noticelint.rules.typography.helpers import scan

COMPLIANT = "c01_xuncha_basic"


def _context(text: str) -> Context:
    parsed = parse_document(Document(path="draft.txt", text=text))
    return Context(parsed, parsed.profile)


def test_shared_work_is_computed_once_per_document() -> None:
    calls: list[str] = []

    @per_document
    def paragraphs(ctx: Context) -> int:
        calls.append(ctx.parsed.document.path)
        return len(ctx.parsed.segmentation.segments)

    ctx = _context(compliant_text(COMPLIANT))
    assert paragraphs(ctx) == paragraphs(ctx) > 0
    assert len(calls) == 1
    other = _context("县委巡察办，联系电话：0595-12345678。\n")
    paragraphs(other)
    assert len(calls) == 2, "another document gets its own result"


def test_a_none_result_is_remembered_too() -> None:
    calls: list[int] = []

    @per_document
    def nothing(ctx: Context) -> None:
        calls.append(1)

    ctx = _context("根据县委巡察工作统一部署。\n")
    nothing(ctx)
    nothing(ctx)
    assert calls == [1]


def test_closing_the_context_drops_the_memo() -> None:
    ctx = _context("研究确定校服供应企业,6月26日党组会议审议通过。\n")
    first = scan(ctx)
    assert scan(ctx) is first, "the NL8 rules share one scan"
    ctx.close()
    assert scan(ctx) is not first
