"""The outline finder on invented reports: layers, sequence logic, glued and run-on headings."""

from __future__ import annotations

import pytest

from reviewer.analysis.heading_markers import cn_to_int
from reviewer.analysis.outline import find_sections
from reviewer.load.dispatch import document_from_text
from tests.test_outline_fixtures import LAYOUTS, load


def outline(text: str):
    return find_sections(document_from_text(text))


def titles(sections):
    return [(s.level, s.number, s.title) for s in sections]


@pytest.fixture(params=LAYOUTS)
def annual(request):
    document = load("annual_report.txt", request.param)
    return document, find_sections(document)


def test_gbt_layers_map_to_levels_one_to_four(annual):
    _, sections = annual
    assert titles(sections)[:5] == [
        (1, "一", "主要举措和成效"),
        (2, "一", "健全依法决策机制"),
        (3, "1", "完善重大行政决策程序"),
        (4, "1", "推进决策事项目录管理,落实“公开征求意见”、“合法性审查”等程序要求"),
        (4, "2", "严格合法性审查"),
    ]
    assert [s.style for s in sections[:4]] == ["一、", "(一)", "1.", "(1)"]


def test_every_heading_span_is_the_heading_as_written(annual):
    document, sections = annual
    for section in sections:
        heading = document.text[section.heading_start:section.heading_end]
        assert section.start == section.heading_start < section.heading_end <= section.end
        assert "".join(heading.split()).endswith("".join(section.title.split()))


def test_heading_broken_across_lines_is_joined_and_its_span_covers_both_lines():
    document = document_from_text("一、总体情况\n(1)全面深化“一制三化”、“证\n\n照分离”改革,优化营商环境。\n正文。")
    [_, item] = find_sections(document)
    assert item.title == "全面深化“一制三化”、“证照分离”改革,优化营商环境"
    assert document.text[item.heading_start:item.heading_end] == \
        "(1)全面深化“一制三化”、“证\n\n照分离”改革,优化营商环境"


def test_title_is_cut_at_the_first_sentence_end():
    sections = outline("一、总体情况\n(一)弘扬法治精神,加强干部教育。建立健全学法制度;每月学法一次。\n")
    assert sections[1].title == "弘扬法治精神,加强干部教育"


def test_title_is_cut_at_a_semicolon():
    sections = outline("一、主要做法;具体如下\n")
    assert sections[0].title == "主要做法"


def test_heading_glued_to_previous_paragraph_is_found(annual):
    document, sections = annual
    glued = next(s for s in sections if s.title == "深化普法宣传教育")
    assert (glued.level, glued.number) == (2, "三")
    assert glued.confidence < 0.9
    assert document.text[glued.heading_start - 1] == "。"
    # the heading after it belongs to the glued section
    following = next(s for s in sections if s.title == "落实“谁执法谁普法”责任制")
    assert following.parent == glued.id


def test_glued_marker_that_does_not_continue_the_sequence_is_body_text():
    sections = outline("一、总体情况\n(一)完善制度\n全年修订制度5项。(三)另行说明的事项。\n")
    assert titles(sections) == [(1, "一", "总体情况"), (2, "一", "完善制度")]


def test_heading_running_into_its_body_without_punctuation_is_cut_at_the_heading_phrase(annual):
    _, sections = annual
    assert any(s.title == "优化法治营商环境" and s.confidence < 0.9 for s in sections)


def test_run_on_cut_before_a_year_that_starts_the_body():
    sections = outline("一、总体情况\n(一)落实三项制度2019年,全省推行三项制度,我局高度重视。另有安排。\n")
    assert sections[1].title == "落实三项制度"


def test_one_clause_heading_with_an_adverb_inside_is_not_cut():
    sections = outline("一、总体情况\n(一)大力推进严格规范公正文明执法。全年办案10件。\n")
    assert sections[1].title == "大力推进严格规范公正文明执法"


def test_level_three_numbering_running_on_across_level_two_sections_is_accepted(annual):
    _, sections = annual
    level3 = [(s.number, sections[s.parent - 1].number) for s in sections if s.level == 3]
    assert level3 == [("1", "一"), ("2", "一"), ("3", "二"), ("4", "二"), ("5", "三")]


def test_enumerations_with_shi_are_not_sections(annual):
    _, sections = annual
    assert not any("编制决策事项目录" in s.title for s in sections)


def test_numbered_items_inside_a_sentence_are_not_sections(annual):
    _, sections = annual
    assert not any("增加培训频次" in s.title or "扩大覆盖范围" in s.title for s in sections)


def test_decimal_number_at_line_start_is_not_a_heading(annual):
    _, sections = annual
    assert not any(s.title.startswith("5万元") or "专项经费" in s.title for s in sections)


def test_document_title_and_navigation_are_not_sections(annual):
    _, sections = annual
    assert not any("情况报告" in s.title or "首页" in s.title for s in sections)


def test_level_without_its_parent_level_keeps_its_gbt_level(annual):
    _, sections = annual
    orphan = next(s for s in sections if s.title == "基层执法人员年龄偏大")
    parent = sections[orphan.parent - 1]
    assert (orphan.level, parent.level, parent.title) == (4, 2, "执法力量不足")


def test_ids_parents_and_ends_follow_document_order(annual):
    document, sections = annual
    assert [s.id for s in sections] == list(range(1, len(sections) + 1))
    for index, section in enumerate(sections):
        later = [s for s in sections[index + 1:] if s.level <= section.level]
        assert section.end == (later[0].start if later else len(document.text))
        if section.parent is not None:
            assert sections[section.parent - 1].level < section.level


def test_first_item_must_be_one_a_stray_number_is_rejected():
    sections = outline("一、总体情况\n正文。\n3.这一行不是标题,前面没有1和2。\n")
    assert titles(sections) == [(1, "一", "总体情况")]


def test_skipped_and_repeated_numbers_at_line_start_are_kept_with_low_confidence():
    document = load("gaps.txt")
    sections = find_sections(document)
    assert [(s.level, s.number) for s in sections] == [
        (1, "一"), (2, "一"), (2, "二"), (2, "二"), (1, "二"), (1, "四")]
    assert sections[3].confidence < 0.9 and sections[5].confidence < 0.9


@pytest.mark.parametrize("marker, level, number", [
    ("（一）", 2, "一"), ("(一)", 2, "一"), ("（一）、", 2, "一"),
    ("1.", 3, "1"), ("1、", 3, "1"), ("1 .", 3, "1"), ("1. ", 3, "1"), ("１．", 3, "1"), ("⒈", 3, "1"),
    ("（1）", 4, "1"), ("(1)", 4, "1"), ("⑴", 4, "1"),
])
def test_marker_variants_are_recognised(marker, level, number):
    sections = outline(f"正文开头。\n{marker}加强执法监督\n正文。\n")
    assert [(s.level, s.number, s.title) for s in sections] == [(level, number, "加强执法监督")]


def test_chapters_and_sections_sit_above_the_gbt_layers():
    sections = find_sections(load("chapters.txt"))
    assert [(s.level, s.style, s.title) for s in sections[3:7]] == [
        (1, "第一章", "主要工作"), (2, "第一节", "执法检查"), (3, "一、", "安全生产检查"), (3, "一、", "消防检查")]


def test_traditional_report_titles_are_shown_as_written():
    sections = find_sections(load("traditional.txt"))
    assert sections[0].title == "2021年推進法治政府建設的主要舉措和成效"
    assert sections[2].title == "加強黨對法治政府建設的領導"


def test_chinese_numerals_convert_up_to_the_hundreds():
    assert [cn_to_int(n) for n in ("一", "十", "十一", "二十", "二十三", "一百零五")] == [1, 10, 11, 20, 23, 105]


def test_empty_and_markerless_texts_have_no_sections():
    assert outline("") == []
    assert outline("只有一段正文,没有任何标题。") == []


def test_marker_alone_on_its_line_takes_the_short_line_below_as_title():
    document = document_from_text("前言。\n一、\n总体情况\n正文。\n二、\t主要举措\n正文。\n")
    sections = find_sections(document)
    assert titles(sections) == [(1, "一", "总体情况"), (1, "二", "主要举措")]
    assert document.text[sections[0].heading_start:sections[0].heading_end] == "一、\n总体情况"


def test_marker_alone_above_a_body_paragraph_is_not_a_heading():
    assert outline("前言。\n一、\n今年以来,我局认真贯彻落实各项决策部署,全面推进依法行政工作,取得明显成效。\n") == []


def test_word_style_half_bracket_numbers_at_line_start_are_level_four():
    sections = outline("一、总体情况\n1)第一点\n2)第二点\n正文中的3)不算。\n")
    assert titles(sections) == [(1, "一", "总体情况"), (4, "1", "第一点"), (4, "2", "第二点")]


def test_heading_glued_without_punctuation_is_recovered_only_when_it_fills_a_gap():
    sections = outline("一、总体\n(一)甲\n正文。\n(二)乙\n推进政务公开”(三)丙\n1.子项\n(四)丁\n")
    assert [(s.number, s.title) for s in sections if s.level == 2] == [
        ("一", "甲"), ("二", "乙"), ("三", "丙"), ("四", "丁")]
    assert sections[3].confidence < 0.5


def test_inline_list_inside_a_paragraph_does_not_fill_a_gap():
    sections = outline("一、总体\n(一)甲\n(二)乙\n主要包括:(一)a;(二)b;(三)c。\n(三)丙\n")
    assert [(s.number, s.title) for s in sections if s.level == 2] == [("一", "甲"), ("二", "乙"), ("三", "丙")]


def test_a_run_under_a_new_parent_that_lost_its_first_heading_is_still_found():
    sections = outline("一、总体\n(一)甲\n1.子一\n2.子二\n3.子三\n(二)乙\n2.子二\n3.子三\n")
    assert [(s.number, s.title) for s in sections if s.level == 3][-2:] == [("2", "子二"), ("3", "子三")]


def test_numbered_links_after_the_signing_date_are_not_sections():
    sections = outline("一、总体\n1.甲\n2.乙\n某局\n2021年1月8日\n相关文章\n3.某报告\n4.某通知\n")
    assert titles(sections) == [(1, "一", "总体"), (3, "1", "甲"), (3, "2", "乙")]


def test_a_new_document_after_a_signing_date_keeps_its_outline():
    sections = outline("通知正文。\n一、请认真执行\n二、及时报送\n    2021年1月8日\n某报告\n一、主要举措\n二、存在问题\n")
    assert [s.title for s in sections] == ["请认真执行", "及时报送", "主要举措", "存在问题"]


def test_style_is_the_marker_as_written_with_its_first_numeral():
    sections = outline("第一章 总\n一、甲\n（一）乙\n（二）乙二\n1、丙\n2 . 丁\n（1）戊\n⑵己\n１．庚\n")
    assert [s.style for s in sections] == [
        "第一章", "一、", "（一）", "（一）", "1、", "1.", "（1）", "⑴", "１．"]


def test_numerals_listed_at_a_line_start_are_not_headings():
    sections = outline("一、总体情况\n1、2月份,全局开展专项检查。\n二、2021年工作安排\n")
    assert titles(sections) == [(1, "一", "总体情况"), (1, "二", "2021年工作安排")]
    assert outline("一、二季度,我局开展检查。\n") == []


def test_numbered_list_after_a_colon_that_restarts_numbering_is_not_headings():
    sections = outline("一、总体\n1.加强监督\n主要做法:\n1.建立台账;\n2.定期通报。\n2.强化培训\n正文。\n3.加大宣传\n")
    assert titles(sections) == [(1, "一", "总体"), (3, "1", "加强监督"), (3, "2", "强化培训"), (3, "3", "加大宣传")]


def test_headings_after_an_intro_ending_with_a_colon_are_still_headings():
    assert [s.title for s in outline("现将有关情况报告如下:\n一、甲\n二、乙\n")] == ["甲", "乙"]
    assert [s.title for s in outline("一、总体\n(一)甲:\n1.子一\n2.子二\n")] == ["总体", "甲", "子一", "子二"]


def test_enumeration_inside_a_paragraph_is_not_a_glued_heading():
    sections = outline("一、总体\n1.加强监督\n主要措施:1、建立台账。2、定期通报。3、限期整改。\n2.强化培训\n")
    assert titles(sections) == [(1, "一", "总体"), (3, "1", "加强监督"), (3, "2", "强化培训")]


def test_heading_glued_to_the_end_of_the_previous_heading_paragraph_is_found():
    sections = outline("一、总体\n(一)健全制度。全年修订文件5件。(二)严格执法\n1、加强检查。\n")
    assert [(s.level, s.title) for s in sections] == [(1, "总体"), (2, "健全制度"), (2, "严格执法"), (3, "加强检查")]
