"""Report metadata on invented reports."""

from __future__ import annotations

import pytest

from reviewer.analysis.metadata import find_metadata, templates
from reviewer.analysis.outline import find_sections
from reviewer.load.dispatch import document_from_text
from tests.test_outline_fixtures import LAYOUTS, load


def meta_of(document):
    return find_metadata(document, find_sections(document))


def meta(text: str):
    return meta_of(document_from_text(text))


@pytest.mark.parametrize("layout", LAYOUTS)
def test_labelled_page_fields_give_issuer_and_publication_date(layout):
    m = meta_of(load("annual_report.txt", layout))
    assert m.title == "南湖县司法局2022年法治政府建设情况报告"
    assert m.issuer == "江北省南湖县司法局"
    assert m.published == "2023-01-16"  # the web date wins over the signing date
    assert m.report_year == 2022
    assert m.doc_number is None  # a 文号 cited in the body is not the report's own
    assert m.report_type == "law_based_government_annual"
    assert m.script == "simplified"


@pytest.mark.parametrize("layout", LAYOUTS)
def test_notice_wrapping_a_report_yields_the_reports_own_title_line(layout):
    m = meta_of(load("notice_wrapped.txt", layout))
    assert m.title == "清河区市场监管局2021年行政执法工作报告"
    assert m.issuer == "北川市清河区市场监督管理局"  # from the 文件 header, not the short form
    assert m.published == "2021-12-20"
    assert m.doc_number == "清河市场监管〔2021〕37号"
    assert m.report_year == 2021
    assert m.report_type == "administrative_enforcement"


def test_notice_without_a_body_title_falls_back_to_the_wrapped_title():
    m = meta("关于印发《某县2020年法治政府建设情况报告》的通知\n\n各部门:\n现印发给你们。\n一、总体情况\n")
    assert m.title == "某县2020年法治政府建设情况报告"
    assert m.report_year == 2020


@pytest.mark.parametrize("layout", LAYOUTS)
def test_report_without_title_line_has_no_title_and_issuer_from_the_text(layout):
    m = meta_of(load("no_title.txt", layout))
    assert m.title is None
    assert m.issuer == "北岭市北岭县市场监督管理局"
    assert m.published is None
    assert m.report_year == 2022  # the first "2022年," of the body
    assert m.report_type == "law_based_government_annual"


@pytest.mark.parametrize("layout", LAYOUTS)
def test_traditional_report_title_and_issuer_are_as_written(layout):
    m = meta_of(load("traditional.txt", layout))
    assert m.title == "2021年東湖區法治政府建設情況報告"
    assert m.issuer == "南江市東湖區人民政府"
    assert m.script == "traditional"
    assert m.report_year == 2021
    assert m.published is None


def test_signature_gives_issuer_and_date_when_the_page_has_no_labels():
    m = meta("某市市场监督管理局2021年法治政府建设情况报告\n\n一、总体情况\n\n正文。\n\n"
             "                某市市场监督管理局\n                2022年2月25日\n")
    assert m.issuer == "某市市场监督管理局"
    assert m.published == "2022-02-25"


def test_short_issuer_name_is_expanded_to_the_fullest_form_in_the_text():
    m = meta("河东区市场监管局2020年法治政府建设情况报告\n一、总体情况\n"
             "落实《天津市河东区市场监督管理局关于推进依法行政的意见》。\n"
             "                河东区市场监管局\n                2021年1月8日\n")
    assert m.issuer == "天津市河东区市场监督管理局"


def test_signing_date_in_chinese_numerals_is_converted():
    m = meta("某县2020年工作总结\n一、总体情况\n正文。\n某县人民政府\n二〇二一年一月十五日\n")
    assert m.published == "2021-01-15"


def test_report_year_falls_back_to_the_year_before_an_early_publication():
    m = meta("发布日期:2021-03-04\n一、总体情况\n本年度工作情况如下。\n")
    assert m.report_year == 2020


def test_two_line_title_is_joined():
    m = meta("某区司法局\n2021年法治政府建设情况报告\n\n2021年,我局依法履职。\n一、总体情况\n")
    assert m.title == "某区司法局2021年法治政府建设情况报告"


def test_unknown_fields_are_none_for_a_bare_text():
    m = meta("只有一段正文。")
    assert (m.title, m.issuer, m.published, m.report_year, m.doc_number) == (None,) * 5


def test_report_types_come_from_the_templates_data():
    ids = {t["id"] for t in templates()["report_types"]}
    assert {"law_based_government_annual", "administrative_enforcement"} <= ids


def test_a_column_name_above_the_title_does_not_win_over_the_report_title():
    m = meta("政务公开\n法治政府建设情况\n南湖县2022年法治政府建设情况报告\n\n一、总体情况\n")
    assert m.title == "南湖县2022年法治政府建设情况报告"


def test_title_line_written_inside_book_brackets_is_the_title_itself():
    m = meta("《某县2021年法治政府建设情况报告》\n\n一、总体情况\n")
    assert m.title == "某县2021年法治政府建设情况报告"


def test_title_with_a_trailing_note_in_brackets_is_recognised():
    m = meta("某县2021年法治政府建设工作报告(全文)\n\n一、总体情况\n")
    assert m.title == "某县2021年法治政府建设工作报告(全文)"


def test_a_labelled_organisation_wins_over_a_labelled_website_name():
    m = meta("来源:南湖县政府网 发布单位:江北省南湖县司法局\n南湖县2022年法治政府建设情况报告\n一、总体情况\n")
    assert m.issuer == "江北省南湖县司法局"


def test_title_broken_after_the_issuer_before_guanyu_is_joined():
    m = meta("南湖县人民政府\n关于2022年法治政府建设情况的报告\n\n一、总体情况\n")
    assert m.title == "南湖县人民政府关于2022年法治政府建设情况的报告"
    m = meta("南湖县人民政府关于\n2022年法治政府建设情况的报告\n\n一、总体情况\n")
    assert m.title == "南湖县人民政府关于2022年法治政府建设情况的报告"


def test_street_office_issuer_from_the_signature_expands_the_title_prefix():
    m = meta("东湖街道办事处2023年度法治政府建设工作情况报告\n\n一、总体情况\n正文。\n\n"
             "南江市东城区东湖街道办事处\n2024年1月12日\n")
    assert m.issuer == "南江市东城区东湖街道办事处"


def test_unlabelled_page_date_under_the_title_is_the_publication_date():
    m = meta("某县2020年法治政府建设情况报告\n2021-01-08 17:00\n一、总体情况\n正文。\n某县人民政府\n2021年1月5日\n")
    assert m.published == "2021-01-08"


def test_notice_wrapping_a_report_without_book_brackets_yields_the_wrapped_title():
    m = meta("南江市卫生健康委员会\n关于印发2021年度法治政府建设情况报告的通知\n各科室:\n现印发给你们。\n一、总体情况\n")
    assert m.title == "2021年度法治政府建设情况报告"
    m = meta("南江市卫生健康委员会关于印发《2021年度法治政府建设情况报告》的通知\n各科室:\n一、总体情况\n")
    assert m.title == "2021年度法治政府建设情况报告"


def test_publication_date_outranks_the_drafting_date_in_an_index_block():
    m = meta("发布机构:东海市交通运输局 成文日期:2023-02-06\n文号:东交发〔2023〕9号 发布日期:2023-02-10\n"
             "东海市交通运输局2022年度法治政府建设工作报告\n一、总体情况\n")
    assert m.published == "2023-02-10"
    assert m.doc_number == "东交发〔2023〕9号"
    assert m.issuer == "东海市交通运输局"


def test_document_number_label_may_be_spaced_out_and_follow_other_fields():
    m = meta("发布机构:东海市交通运输局　　文　　号:东交发〔2023〕9号　　发布日期:2023-02-10\n"
             "东海市交通运输局2022年度法治政府建设工作报告\n一、总体情况\n")
    assert m.doc_number == "东交发〔2023〕9号"
