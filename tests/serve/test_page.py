"""The workbench page in a real browser (Debian's chromium driven by Playwright)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from serve_support import seed

import docx_drafts
from noticelint.read import read_bytes

Page = Any


def _paste(page: Page, text: str) -> None:
    page.fill("#source", text)
    page.wait_for_selector("#notice mark")
    page.wait_for_selector("#summary b.error")


def test_a_pasted_seed_shows_its_findings_highlighted_at_their_spans(page: Page) -> None:
    text = seed("002").read_text(encoding="utf-8")
    _paste(page, text)
    assert page.locator(".finding").count() > 10
    assert "NL801" in page.locator("#findings").inner_text()
    # the half-width comma of line 14 is marked by itself, not the whole line
    marks = page.locator('#notice .line[data-line="14"] mark').all_inner_texts()
    assert "," in marks
    assert all(len(m) < 20 for m in marks)
    assert page.locator("#notice mark.warning").count() > 0
    assert page.locator("#outline li").count() > 10


def test_the_outline_counts_areas_and_problems_against_the_declared_counts(page: Page) -> None:
    _paste(page, seed("000").read_text(encoding="utf-8"))
    counts = page.locator("#outline .counts").inner_text()
    assert "领域 4 / 通报称 4" in counts
    assert "问题 38 / 通报称 38" in counts
    assert page.locator("#outline li li .badge").count() >= 38  # a status badge per problem
    page.locator("#outline .goto").nth(20).click()  # an outline entry leads to its line
    assert page.locator("#notice .line.flash").count() == 1


def test_clicking_a_finding_scrolls_to_its_span_and_flashes_it(page: Page) -> None:
    _paste(page, seed("000").read_text(encoding="utf-8"))
    last = page.locator(".finding").last
    index = last.get_attribute("data-i")
    last.click()
    flashed = page.locator("#notice mark.flash")
    assert flashed.count() >= 1
    assert index in (flashed.first.get_attribute("data-d") or "").split()
    box = flashed.first.bounding_box()
    notice = page.locator("#notice").bounding_box()
    assert box is not None and notice is not None
    assert notice["y"] <= box["y"] <= notice["y"] + notice["height"]


def test_the_severity_filter_hides_findings(page: Page) -> None:
    _paste(page, seed("002").read_text(encoding="utf-8"))
    everything = page.locator(".finding").count()
    page.uncheck('.sev[value="warning"]')
    assert 0 < page.locator(".finding").count() < everything
    assert page.locator(".finding.warning").count() == 0


def test_rule_documentation_opens_on_demand(page: Page) -> None:
    _paste(page, seed("002").read_text(encoding="utf-8"))
    page.locator(".group .doc").first.click()
    page.wait_for_selector("#rule-doc[open]")
    assert "默认严重级别" in page.locator("#rule-body li").first.inner_text()
    assert page.locator("#rule-body h4").count() >= 2  # its sections
    assert "NL" in page.locator("#rule-title").inner_text()


def test_a_word_draft_is_uploaded_fixed_and_downloaded_with_its_formatting(
    page: Page, tmp_path: Path
) -> None:
    draft = tmp_path / "草稿.docx"
    draft.write_bytes(docx_drafts.draft_docx())
    page.set_input_files("#file", str(draft))
    page.wait_for_selector("#notice mark")
    assert "（第" in page.locator("#findings").inner_text()  # Word findings name the paragraph
    page.click("#fix-safe")
    page.wait_for_selector("#fix-result:not([hidden])")
    assert "校服供应企业，6月26日" in page.locator("#diff").inner_text()
    assert "NL503" in page.locator("#not-applied").inner_text()  # Word's numbering
    with page.expect_download() as info:
        page.click("#download")
    download = info.value
    assert download.suggested_filename == "草稿-已修复.docx"
    saved = tmp_path / "saved.docx"
    download.save_as(saved)
    data = saved.read_bytes()
    text = read_bytes(data, "saved.docx").text
    assert "校服供应企业，6月26日" in text
    assert docx_drafts.run_formats(data) == docx_drafts.run_formats(draft.read_bytes())


def test_unsafe_fixes_are_listed_for_confirmation_first(page: Page) -> None:
    _paste(page, seed("002").read_text(encoding="utf-8"))
    page.click("#fix-unsafe")
    page.wait_for_selector("#confirm-unsafe[open]")
    assert "NL103" in page.locator("#unsafe-list").inner_text()
    page.click("#unsafe-yes")
    page.wait_for_selector("#fix-result:not([hidden])")
    assert "中共东港市教育局党组关于" in page.locator("#diff").inner_text()
    with page.expect_download() as info:
        page.click("#download")
    path = info.value.path()
    fixed = Path(path).read_text(encoding="utf-8")
    assert fixed.startswith("中共东港市教育局党组关于")


def test_markup_in_a_notice_is_shown_as_text_and_executes_nothing(page: Page) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    hostile = (
        "关于<script>alert(1)</script>巡察整改进展情况的通报\n"
        '<img src=x onerror="alert(2)">根据市委统一部署,现将整改情况公布。\n'
    )
    page.fill("#source", hostile)
    page.wait_for_selector("#summary b.error")
    page.wait_for_timeout(300)
    assert dialogs == []
    assert page.locator("#notice script, #notice img, #findings img, #outline img").count() == 0
    assert page.locator("script:not([src])").count() == 0
    assert "<script>alert(1)</script>" in page.locator("#notice").inner_text()
    assert '<img src=x onerror="alert(2)">' in page.locator("#notice").inner_text()


def test_a_file_dropped_on_the_page_is_checked(page: Page) -> None:
    text = seed("004").read_text(encoding="utf-8")
    transfer = page.evaluate_handle(
        """(text) => {
            const dt = new DataTransfer();
            dt.items.add(new File([text], "草稿.txt", { type: "text/plain" }));
            return dt;
        }""",
        text,
    )
    page.dispatch_event("#drop", "drop", {"dataTransfer": transfer})
    page.wait_for_selector("#summary b.error")
    assert "草稿.txt" in page.locator("#file-name").inner_text()
    assert "NL003" in page.locator("#findings").inner_text()
    assert page.locator("#source").input_value().startswith("中共博山区教育和体育局党组")
