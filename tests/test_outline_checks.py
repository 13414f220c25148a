"""Numbering gaps and repeats (checks), missing required parts and orphan levels (advisories)."""

from __future__ import annotations

from reviewer.analysis.metadata import find_metadata
from reviewer.analysis.outline import find_sections
from reviewer.checks.outline_checks import find_outline_checks
from reviewer.load.dispatch import document_from_text
from tests.test_outline_fixtures import load


def run(document):
    sections = find_sections(document)
    checks, advisories = find_outline_checks(document, find_metadata(document, sections), sections)
    return sections, checks, advisories


def test_skipped_level_one_number_is_a_numbering_gap():
    sections, checks, _ = run(load("gaps.txt"))
    gap = next(c for c in checks if "跳号" in c.message)
    assert gap.kind == "numbering_gap" and gap.severity == "warning"
    assert [sections[i - 1].number for i in gap.sections] == ["二", "四"]
    assert "三" in gap.message


def test_repeated_level_two_number_is_a_numbering_gap():
    sections, checks, _ = run(load("gaps.txt"))
    repeat = next(c for c in checks if "重复" in c.message)
    assert [sections[i - 1].title for i in repeat.sections] == ["规范执法", "加强监督"]


def test_clean_outline_has_no_numbering_checks():
    _, checks, _ = run(load("annual_report.txt"))
    assert checks == []


def test_level_three_running_on_across_level_two_is_not_a_gap():
    text = ("一、举措\n(一)甲\n1.子一\n2.子二\n(二)乙\n3.子三\n4.子四\n"
            "二、不足\n(一)丙\n1.子一\n2.子二\n")
    _, checks, _ = run(document_from_text(text))
    assert checks == []


def test_level_three_restarting_under_each_level_two_is_not_a_gap():
    text = "一、举措\n(一)甲\n1.子一\n2.子二\n(二)乙\n1.子一\n2.子二\n"
    _, checks, _ = run(document_from_text(text))
    assert checks == []


def test_gap_inside_a_level_three_run_is_reported_with_arabic_numbers():
    text = "一、举措\n(一)甲\n1.子一\n2.子二\n4.子四\n"
    sections, checks, _ = run(document_from_text(text))
    assert len(checks) == 1 and "“3”" in checks[0].message


def test_missing_required_parts_of_an_annual_report_are_advisories():
    _, checks, advisories = run(load("gaps.txt"))
    missing = [a for a in advisories if a.kind == "missing_part"]
    assert [a.detail["part"] for a in missing] == ["first_responsibility"]
    assert missing[0].severity == "info" and "第一责任人" in missing[0].message
    assert all(c.kind == "numbering_gap" for c in checks)


def test_synonyms_from_the_templates_cover_the_required_parts():
    # 问题 for the shortcomings, 工作打算 for next year's plan, 主要负责人 for the first duty
    _, _, advisories = run(load("no_title.txt"))
    assert [a for a in advisories if a.kind == "missing_part"] == []


def test_other_report_types_get_no_missing_part_advisories():
    _, _, advisories = run(load("notice_wrapped.txt"))
    assert [a for a in advisories if a.kind == "missing_part"] == []


def test_level_without_its_parent_level_is_an_orphan_level_advisory():
    sections, _, advisories = run(load("annual_report.txt"))
    [orphan] = [a for a in advisories if a.kind == "orphan_level"]
    assert orphan.severity == "info"
    assert [sections[i - 1].title for i in orphan.sections] == ["基层执法人员年龄偏大", "专业培训不够系统"]
    assert "执法力量不足" in orphan.message


def test_no_sections_no_checks():
    _, checks, advisories = run(document_from_text("某县2020年法治政府建设情况报告\n正文。"))
    assert checks == [] and advisories == []
