"""Rules of inference of the structure: each test is one small notice in Chinese and
the fact a careful reader takes from it (real-variants.md S1–S13, cli.md v2)."""

from __future__ import annotations

from structure_notices import LEADERSHIP, NEXT, OPENING, PROGRESS, TAIL, TITLE, notice

from noticelint.lint import run_rules
from noticelint.parse import parse_text
from noticelint.settings import Settings


def kinds(text: str) -> list[tuple[int | None, str]]:
    return [(s.number, s.kind) for s in parse_text(text).notice.sections]


def codes(text: str) -> list[str]:
    return [d.code for d in run_rules(parse_text(text), Settings()) if d.severity != "info"]


# --- implicit parts (S1, S2) ---------------------------------------------------------


def test_s1_no_top_level_gives_implicit_leadership_progress_and_next_steps() -> None:
    text = notice(LEADERSHIP, PROGRESS, NEXT)
    assert kinds(text) == [(None, "leadership"), (None, "progress"), (None, "next_steps")]
    progress = parse_text(text).notice.sections[1]
    assert [a.heading for a in progress.areas] == ["贯彻落实上级决策部署方面"]
    assert len(progress.leaf_problems()) == 2
    assert codes(text) == []


def test_s1_next_steps_paragraph_leaves_the_last_problem() -> None:
    last = parse_text(notice(LEADERSHIP, PROGRESS, NEXT)).notice.sections[1].leaf_problems()[-1]
    assert all("下一步" not in m.text for m in last.measures)


def test_s2_organisation_paragraph_before_the_first_heading_is_leadership() -> None:
    body = f"{LEADERSHIP}\n一、巡察反馈问题整改进展情况\n{PROGRESS}\n二、下一步工作打算\n持续巩固整改成果。"
    assert kinds(notice(body)) == [(None, "leadership"), (1, "progress"), (2, "next_steps")]
    assert "NL111" not in codes(notice(body))


def test_s2_summary_with_counts_is_leadership_and_feeds_the_declared_count() -> None:
    summary = "县委巡察组反馈的2个问题，已完成2个，完成率100%。"
    body = f"{summary}\n一、巡察反馈问题整改进展情况\n{PROGRESS}\n二、下一步工作打算\n持续巩固整改成果。"
    parsed = parse_text(notice(body))
    assert parsed.notice.sections[0].kind == "leadership"
    assert parsed.notice.opening is not None
    assert parsed.notice.opening.declared_problems == 2


def test_s2_unrelated_paragraph_after_the_opening_is_not_a_section() -> None:
    body = (
        f"附件见后。\n一、整改工作组织领导情况\n{LEADERSHIP}\n二、巡察反馈问题整改情况\n{PROGRESS}"
    )
    assert kinds(notice(body))[0] == (1, "leadership")


# --- kinds by position and content (S3, S9) -------------------------------------------


def test_s3_slogan_heading_before_progress_is_leadership_by_content() -> None:
    body = (
        f"一、强化政治担当，扛牢整改责任\n{LEADERSHIP}\n"
        f"二、坚持问题导向，推动反馈问题见底见效\n{PROGRESS}\n三、下一步工作打算\n持续巩固。"
    )
    assert kinds(notice(body)) == [(1, "leadership"), (2, "progress"), (3, "next_steps")]


def test_part_whose_problems_carry_labels_is_progress_whatever_its_heading() -> None:
    body = f"一、整改工作组织领导情况\n{LEADERSHIP}\n二、聚焦短板弱项\n{PROGRESS}"
    assert kinds(notice(body))[1] == (2, "progress")


def test_unknown_heading_in_slot_a_is_never_missing() -> None:
    body = f"一、总体推进\n各项工作有序开展。\n二、巡察反馈问题整改情况\n{PROGRESS}\n三、下一步工作打算\n持续巩固。"
    assert kinds(notice(body))[0] == (1, "other")
    assert "NL111" not in codes(notice(body))


def test_part_after_progress_about_persisting_is_next_steps_by_content() -> None:
    body = f"一、整改工作组织领导情况\n{LEADERSHIP}\n二、巡察反馈问题整改情况\n{PROGRESS}\n三、巩固提升\n下一步，持续巩固整改成果。"
    assert kinds(notice(body))[2] == (3, "next_steps")


def test_s9_problem_heading_with_leadership_words_is_a_problem() -> None:
    body = (
        f"{LEADERSHIP}\n"
        "一、关于落实全面从严治党主体责任不到位问题的整改情况\n"
        "整改措施：制定主体责任清单，每季度专题研究一次。\n整改进展：已完成整改。\n"
        "二、关于加强组织领导不够问题的整改情况\n"
        "整改措施：建立班子成员联系点制度。\n整改进展：已完成整改。\n"
        "三、下一步工作打算\n持续巩固整改成果。"
    )
    parsed = parse_text(notice(body))
    assert kinds(notice(body)) == [
        (None, "leadership"),
        (1, "progress"),
        (2, "progress"),
        (3, "next_steps"),
    ]
    problem = parsed.notice.sections[1].problems[0]
    assert problem.heading.startswith("关于落实全面从严治党主体责任")
    assert problem.status is not None and problem.status.class_ == "done"
    assert "NL110" not in codes(notice(body))


def test_heading_about_the_fed_back_problems_as_a_whole_stays_a_section() -> None:
    body = "一、关于巡察反馈问题的整改情况\n整改工作有序推进。"
    assert kinds(notice(body)) == [(1, "progress")]
    assert parse_text(notice(body)).notice.sections[0].problems == []


# --- the opening (S4, S5, S10) --------------------------------------------------------


def test_s4_opening_runs_to_the_publication_sentence() -> None:
    opening = (
        "根据县委巡察工作统一部署，2024年3月11日至5月17日，县委第二巡察组对县林业局党组开展了常规巡察。\n"
        "2024年6月20日，县委第二巡察组向县林业局党组反馈了巡察意见。\n"
        "按照巡察工作有关要求，现将巡察整改进展情况予以公布。"
    )
    parsed = parse_text(notice(LEADERSHIP, PROGRESS, NEXT, opening=opening))
    o = parsed.notice.opening
    assert o is not None
    assert (o.span.line, o.span.end_line) == (2, 4)
    assert str(o.feedback_date) == "2024-06-20"
    assert o.has_publication
    assert "NL105" not in codes(notice(LEADERSHIP, PROGRESS, NEXT, opening=opening))


def test_s5_publication_forms_are_all_publication_statements() -> None:
    for form in (
        "现将整改情况报告如下：",
        "现将整改情况通报如下：",
        "现将整改情况向社会公开，接受干部群众监督。",
    ):
        opening = OPENING.replace("现将巡察整改进展情况予以公布。", form)
        o = parse_text(notice(LEADERSHIP, PROGRESS, opening=opening)).notice.opening
        assert o is not None and o.has_publication, form


def test_s10_collapsed_period_is_not_reported_missing() -> None:
    opening = OPENING.replace("2024年3月11日至5月17日", "2024311日至517日")
    found = codes(notice(LEADERSHIP, PROGRESS, NEXT, opening=opening))
    assert "NL105" not in found


# --- titles (S6, S7) ------------------------------------------------------------------


def test_s6_organ_line_above_the_about_line_is_one_title() -> None:
    title = "中共云溪县林业局党组\n关于县委巡察整改进展情况的通报"
    t = parse_text(notice(LEADERSHIP, PROGRESS, title=title)).notice.title
    assert t is not None
    assert (t.text, t.organ, t.lines) == (TITLE, "中共云溪县林业局党组", 2)


def test_s6_space_where_the_line_break_was() -> None:
    title = "中共云溪县林业局党组 关于县委巡察整改进展情况的通报"
    t = parse_text(notice(LEADERSHIP, PROGRESS, title=title)).notice.title
    assert t is not None and t.organ == "中共云溪县林业局党组"


def test_s7_repeated_title_is_one_title_and_residue() -> None:
    parsed = parse_text(notice(LEADERSHIP, PROGRESS, NEXT, title=f"{TITLE}\n{TITLE}"))
    assert parsed.notice.title is not None and parsed.notice.title.text == TITLE
    residue = [a for a in parsed.segmentation.artifacts if a.kind == "repeated-title"]
    assert [parsed.index.position(a.start)[0] for a in residue] == [2]


def test_s7_page_heading_over_one_line_and_title_over_two() -> None:
    title = f"{TITLE}\n中共云溪县林业局党组\n关于县委巡察整改进展情况的通报"
    parsed = parse_text(notice(LEADERSHIP, PROGRESS, title=title))
    assert parsed.notice.title is not None and parsed.notice.title.text == TITLE
    assert sum(a.kind == "repeated-title" for a in parsed.segmentation.artifacts) == 2


# --- problems and statuses (S8, brackets, final sentence) ------------------------------


S8 = """（一）贯彻落实上级决策部署方面
关于森林防火责任落实不到位的问题。
整改情况：修订森林防火责任制度，逐级签订责任书。目前已整改完成。
关于林地征占用审核不严的问题。
整改措施：开展林地征占用项目专项检查。目前该问题基本完成整改，正在持续推进。"""


def test_s8_unnumbered_problem_sentences_before_labels_are_problems() -> None:
    section = parse_text(notice(LEADERSHIP, S8, NEXT)).notice.sections[1]
    problems = section.leaf_problems()
    assert [p.heading for p in problems] == [
        "关于森林防火责任落实不到位的问题",
        "关于林地征占用审核不严的问题",
    ]
    assert all(p.number is None for p in problems)


def test_status_written_as_the_last_sentence_of_the_measures() -> None:
    text = notice(LEADERSHIP, S8, NEXT)
    parsed = parse_text(text)
    first, second = parsed.notice.sections[1].leaf_problems()
    assert first.status is not None and second.status is not None
    assert (first.status.text, first.status.class_) == ("目前已整改完成", "done")
    assert second.status.class_ == "partial"
    s = first.status.span
    line = text.split("\n")[s.line - 1]
    assert line[s.column - 1 : s.end_column - 1] == "目前已整改完成"
    assert codes(text) == []


def test_a_measure_sentence_is_not_taken_for_a_status() -> None:
    body = PROGRESS.replace("整改进展：已完成整改。\n", "").replace(
        "整改进展：已完成整改并长期坚持。", ""
    )
    problems = parse_text(notice(LEADERSHIP, body, NEXT)).notice.sections[1].leaf_problems()
    assert [p.status for p in problems] == [None, None]


def test_bracket_labels_are_labels() -> None:
    body = PROGRESS.replace("整改措施：", "【整改措施】").replace("整改进展：", "【整改进展】")
    problems = parse_text(notice(LEADERSHIP, body, NEXT)).notice.sections[1].leaf_problems()
    assert [p.status.class_ if p.status else None for p in problems] == ["done", "long_term"]
    assert [len(p.measures) for p in problems] == [1, 1]
    assert codes(notice(LEADERSHIP, body, NEXT)) == []


# --- contact values with brackets -----------------------------------------------------


def test_contact_values_are_read_without_brackets() -> None:
    tail = TAIL.replace("0599-5321088", "0599-5321088（工作日受理）").replace(
        "云溪县林业路8号；邮政编码：354100", "云溪县林业路8号（邮政编码：354100）"
    )
    contact = parse_text(notice(LEADERSHIP, PROGRESS, tail=tail)).notice.contact
    assert contact is not None
    assert (contact.phones, contact.address, contact.postcode) == (
        ["0599-5321088"],
        "云溪县林业路8号",
        "354100",
    )


def test_an_area_code_in_brackets_stays_in_the_phone() -> None:
    tail = TAIL.replace("0599-5321088", "（0599）5321088")
    contact = parse_text(notice(LEADERSHIP, PROGRESS, tail=tail)).notice.contact
    assert contact is not None and contact.phones == ["（0599）5321088"]


def test_a_problem_sentence_describing_a_numbered_problem_is_its_detail() -> None:
    body = """（一）贯彻落实上级决策部署方面
1.森林防火工作有差距。
关于森林防火责任落实不到位的问题。
整改措施：修订森林防火责任制度，逐级签订责任书。
整改进展：已完成整改。"""
    problems = parse_text(notice(LEADERSHIP, body, NEXT)).notice.sections[1].leaf_problems()
    assert [(p.number, p.heading) for p in problems] == [(1, "森林防火工作有差距")]


def test_a_bare_status_sentence_ends_the_measures() -> None:
    body = S8.replace("目前已整改完成。", "已完成整改。")
    first = parse_text(notice(LEADERSHIP, body, NEXT)).notice.sections[1].leaf_problems()[0]
    assert first.status is not None and first.status.text == "已完成整改"


def test_s1_without_organisation_paragraphs_still_has_progress_and_next_steps() -> None:
    assert kinds(notice(PROGRESS, NEXT)) == [(None, "progress"), (None, "next_steps")]


def test_s6_organ_running_over_onto_the_about_line() -> None:
    title = "中共云溪县林业局\n党组关于县委巡察\n整改进展情况的通报"
    t = parse_text(notice(LEADERSHIP, PROGRESS, title=title)).notice.title
    assert t is not None
    assert (t.text, t.organ, t.lines) == (TITLE, "中共云溪县林业局党组", 3)


def test_s8_problem_sentence_without_its_measures_is_still_a_problem() -> None:
    body = S8.replace(
        "整改措施：开展林地征占用项目专项检查。目前该问题基本完成整改，正在持续推进。",
        "关于野生动物保护宣传不够的问题。\n整改措施：开展宣传月活动。目前已整改完成。",
    )
    problems = parse_text(notice(LEADERSHIP, body, NEXT)).notice.sections[1].leaf_problems()
    assert [p.heading for p in problems] == [
        "关于森林防火责任落实不到位的问题",
        "关于林地征占用审核不严的问题",
        "关于野生动物保护宣传不够的问题",
    ]
    assert not problems[1].measures
    assert "NL401" in codes(notice(LEADERSHIP, body, NEXT))


def test_bracket_label_alone_on_its_line_is_a_label_not_page_residue() -> None:
    body = PROGRESS.replace("整改措施：", "【整改措施】\n")
    parsed = parse_text(notice(LEADERSHIP, body, NEXT))
    assert not [a for a in parsed.segmentation.artifacts if a.kind == "print-links"]
    assert all(p.measure_labels for p in parsed.notice.sections[1].leaf_problems())
    assert codes(notice(LEADERSHIP, body, NEXT)) == []


def test_organisation_part_after_the_progress_part_is_leadership_out_of_order() -> None:
    body = f"一、巡察反馈问题整改情况\n{PROGRESS}\n二、扛牢政治责任\n{LEADERSHIP}"
    assert kinds(notice(body)) == [(1, "progress"), (2, "leadership")]
    assert "NL110" in codes(notice(body))


H2_PROBLEMS = """一、巡察反馈问题整改情况
（一）关于森林防火责任落实不到位的问题
整改措施：修订森林防火责任制度。
整改进展：已完成整改。
（二）关于林地征占用审核不严的问题
整改措施：开展林地征占用项目专项检查。
整改进展：正在推进。"""


def test_area_heading_naming_a_problem_with_its_labels_is_a_problem() -> None:
    section = parse_text(notice(LEADERSHIP, H2_PROBLEMS)).notice.sections[1]
    assert section.areas == []
    assert [(p.number, p.level) for p in section.problems] == [(1, 2), (2, 2)]
    statuses = [p.status.class_ if p.status else None for p in section.leaf_problems()]
    assert statuses == ["done", "in_progress"]


def test_problems_on_the_area_level_are_numbered_like_areas() -> None:
    assert "NL501" not in codes(notice(LEADERSHIP, H2_PROBLEMS))
    assert "NL501" in codes(notice(LEADERSHIP, H2_PROBLEMS.replace("（二）", "（三）")))


def test_area_naming_problems_over_a_narrative_stays_an_area() -> None:
    body = f"一、巡察反馈问题整改情况\n{PROGRESS}\n（二）在统筹谋划、督促指导等方面问题\n一是加强统筹。二是强化督导。"
    areas = parse_text(notice(LEADERSHIP, body)).notice.sections[1].areas
    assert [len(a.problems) for a in areas] == [2, 0]


def test_s1_closing_paragraph_about_what_the_organ_will_do_is_next_steps() -> None:
    closing = "局党组将持续巩固整改成果，建立健全长效机制，推动林业工作高质量发展。"
    assert kinds(notice(LEADERSHIP, PROGRESS, closing))[-1] == (None, "next_steps")


def test_a_problems_only_measure_is_never_taken_for_next_steps() -> None:
    body = "（一）生态保护方面\n1.关于护林员管理不规范的问题。\n局党组将持续规范护林员管理，建立长效机制。"
    parsed = parse_text(notice(LEADERSHIP, body))
    assert [s.kind for s in parsed.notice.sections] == ["leadership", "progress"]
    assert parsed.notice.sections[1].leaf_problems()[0].measures


def test_s8_noun_phrase_naming_a_problem_before_a_label_is_a_problem() -> None:
    body = S8.replace("关于森林防火责任落实不到位的问题。", "森林防火责任落实不到位的问题。")
    problems = parse_text(notice(LEADERSHIP, body, NEXT)).notice.sections[1].leaf_problems()
    assert problems[0].heading == "森林防火责任落实不到位的问题"
    assert len(problems) == 2


def test_a_short_measure_ending_in_problem_is_not_a_problem() -> None:
    body = PROGRESS.replace("逐级签订责任书。", "逐级签订责任书。\n解决了群众反映强烈的问题。")
    problems = parse_text(notice(LEADERSHIP, body, NEXT)).notice.sections[1].leaf_problems()
    assert len(problems) == 2


UNLABELLED = """（一）贯彻落实上级决策部署方面
1.关于森林防火责任落实不到位的问题。
（1）修订森林防火责任制度，逐级签订责任书。
（2）对责任落实不力的2个乡镇进行约谈。
整改进展：已完成整改。"""


def test_unlabelled_items_closed_by_a_status_are_the_measures() -> None:
    problem = parse_text(notice(LEADERSHIP, UNLABELLED, NEXT)).notice.sections[1].leaf_problems()
    assert len(problem) == 1
    assert [m.number for m in problem[0].measures] == [1, 2]
    assert problem[0].status is not None and problem[0].status.class_ == "done"


def test_unlabelled_items_opening_like_measures_are_the_measures_without_status() -> None:
    body = UNLABELLED.replace("\n整改进展：已完成整改。", "")
    problems = parse_text(notice(LEADERSHIP, body, NEXT)).notice.sections[1].leaf_problems()
    assert len(problems) == 1 and len(problems[0].measures) == 2


def test_items_that_describe_problems_stay_sub_problems() -> None:
    body = """（一）贯彻落实上级决策部署方面
1.关于理论学习不够深入的问题。
（1）学习领会不深不透。
（2）研讨交流流于形式。
整改措施：制定理论学习计划，每月开展专题研讨。"""
    problems = parse_text(notice(LEADERSHIP, body, NEXT)).notice.sections[1].leaf_problems()
    assert [p.number for p in problems] == [1, 2]


def test_clue_items_naming_problems_leave_the_clues_part_a_clues_part() -> None:
    body = (
        f"一、整改工作组织领导情况\n{LEADERSHIP}\n二、巡察反馈问题整改情况\n{PROGRESS}\n"
        "三、问题线索处置情况\n1.关于群众反映护林员工资发放问题的信访件，已办结。\n"
        "四、下一步工作打算\n持续巩固整改成果。"
    )
    assert [k for _, k in kinds(notice(body))] == ["leadership", "progress", "clues", "next_steps"]


def test_bracket_measures_label_is_not_a_badly_written_label() -> None:
    body = PROGRESS.replace("整改措施：", "【整改措施】")
    found = run_rules(parse_text(notice(LEADERSHIP, body, NEXT)), Settings())
    assert "NL405" not in [d.code for d in found]


def test_every_title_genre_in_real_use_is_a_title() -> None:
    for genre in (
        "关于县委巡察整改情况的通报",
        "关于县委巡察集中整改进展情况的通报",
        "关于县委巡察反馈问题整改情况的通报",
        "关于县委巡察整改情况的报告",
    ):
        text = notice(LEADERSHIP, PROGRESS, NEXT, title=f"中共云溪县林业局党组{genre}")
        title = parse_text(text).notice.title
        assert title is not None and title.organ == "中共云溪县林业局党组", genre
        assert not {"NL101", "NL102"} & set(codes(text)), genre
