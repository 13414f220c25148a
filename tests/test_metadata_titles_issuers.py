"""Titles broken over two lines and issuers named by the report itself, on invented reports."""

from __future__ import annotations

from reviewer.analysis.metadata import find_metadata
from reviewer.analysis.outline import find_sections
from reviewer.load.dispatch import document_from_text

BODY = "2022年,我局坚持依法行政,各项工作取得新成效。\n一、主要工作\n全年办理案件12件。\n"


def meta(text: str):
    document = document_from_text(text)
    return find_metadata(document, find_sections(document))


# --- a title broken after its first part -------------------------------------------------------

def test_issuer_and_year_line_above_the_title_line_is_joined_to_it():
    m = meta("柳岸县水利局2022年度\n法治政府建设情况报告\n\n" + BODY)
    assert m.title == "柳岸县水利局2022年度法治政府建设情况报告"
    assert m.report_year == 2022
    assert m.issuer == "柳岸县水利局"


def test_a_year_alone_above_the_title_line_is_joined_to_it():
    m = meta("2022年度\n依法行政工作情况报告\n\n" + BODY)
    assert m.title == "2022年度依法行政工作情况报告"


def test_the_joined_title_is_found_below_a_notice_that_wraps_it():
    text = ("柳岸县水利局\n关于印发《柳岸县水利局2022年度法治政府建设情况报告》的通知\n\n"
            "局属各单位:\n现将报告印发给你们。\n\n柳岸县水利局\n2023年1月9日\n\n"
            "柳岸县水利局2022年度\n法治政府建设情况报告\n\n" + BODY)
    assert meta(text).title == "柳岸县水利局2022年度法治政府建设情况报告"


def test_a_name_line_set_apart_by_a_blank_line_is_not_joined():
    m = meta("柳岸县水利局\n\n法治政府建设情况报告\n\n" + BODY)
    assert m.title == "法治政府建设情况报告"


def test_a_title_that_opens_with_its_own_issuer_is_not_joined_to_the_line_above():
    m = meta("柳岸县人民政府\n柳岸县水利局2022年法治政府建设情况报告\n\n" + BODY)
    assert m.title == "柳岸县水利局2022年法治政府建设情况报告"


def test_a_sentence_above_the_title_line_is_not_joined():
    m = meta("按照县政府要求,现报告如下。\n法治政府建设情况报告\n\n" + BODY)
    assert m.title == "法治政府建设情况报告"


# --- the issuer the report names itself --------------------------------------------------------

def _portal(title: str, source: str, signature: str) -> str:
    return (f"首页 > 政务公开 > 年度报告\n{title}\n发布时间:2023-01-20 09:00  来源:{source}\n\n"
            + BODY + f"\n{signature}\n2023年1月18日\n")


def test_title_and_signature_naming_one_body_outrank_a_portal_source():
    m = meta(_portal("柳岸县人民政府2022年度法治政府建设情况报告", "柳岸县司法局", "柳岸县人民政府"))
    assert m.issuer == "柳岸县人民政府"
    assert m.published == "2023-01-20"


def test_a_source_that_is_the_fuller_form_of_the_signing_body_still_wins():
    m = meta(_portal("柳岸区市场监管局2022年法治政府建设情况报告", "江北市柳岸区市场监督管理局",
                     "柳岸区市场监管局"))
    assert m.issuer == "江北市柳岸区市场监督管理局"


def test_a_signature_naming_another_body_leaves_the_source_as_issuer():
    m = meta(_portal("柳岸县人民政府2022年度法治政府建设情况报告", "柳岸县司法局", "柳岸县司法局"))
    assert m.issuer == "柳岸县司法局"


def test_without_a_signature_the_portal_source_stays_the_issuer():
    text = ("柳岸县人民政府2022年度法治政府建设情况报告\n发布时间:2023-01-20  来源:柳岸县司法局\n\n"
            + BODY)
    assert meta(text).issuer == "柳岸县司法局"
