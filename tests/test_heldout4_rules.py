"""General rules found missing by a fourth held-out corpus, on invented sentences, with the
near misses that must stay silent."""

from __future__ import annotations

from reviewer.analysis.metadata import find_metadata
from reviewer.analysis.outline import find_sections
from reviewer.load.dispatch import document_from_text
from reviewer.pipeline import analyze


def analysis_of(text: str):
    return analyze(document_from_text(text))


def checks(text: str, kind: str) -> list[list[str]]:
    analysis = analysis_of(text)
    texts = {f.id: f.text for f in analysis.figures}
    return [[texts[i] for i in c.figures] for c in analysis.checks if c.kind == kind]


def figures(text: str) -> list[tuple[str, object, str | None]]:
    return [(f.text, f.value, f.label) for f in analysis_of(text).figures]


# ------------------------------------------- 民事、刑事、行政: a complete split of the cases


def test_civil_criminal_administrative_parts_short_of_the_total_are_flagged():
    text = "一、工作情况\n全年受理调解案件2,410件,其中民事1,500件、刑事600件、行政290件。\n"
    assert checks(text, "sum_mismatch") == [["2,410件", "1,500件", "600件", "290件"]]


def test_an_incomplete_split_of_the_cases_stays_silent():
    text = "一、工作情况\n全年受理调解案件2,410件,其中民事1,500件、刑事600件、执行290件。\n"
    assert checks(text, "sum_mismatch") == []
    text = "一、工作情况\n全年受理调解案件2,410件,其中民事1,500件、刑事600件。\n"
    assert checks(text, "sum_mismatch") == []


# ------------------------------------------- X占比: the share of the figure named X before it


def test_a_named_share_is_the_previous_figure_over_the_one_before():
    text = "一、工作情况\n全年开展执法检查2000次,跨部门联合检查300次,联合检查占比16.0%。\n"
    assert checks(text, "rate_mismatch") == [["2000次", "300次", "16.0%"]]


def test_a_named_share_that_matches_or_names_another_figure_stays_silent():
    right = "一、工作情况\n全年开展执法检查2000次,跨部门联合检查300次,联合检查占比15.0%。\n"
    assert checks(right, "rate_mismatch") == []
    other = "一、工作情况\n全年开展执法检查2000次,跨部门联合检查300次,网上检查占比16.0%。\n"
    assert checks(other, "rate_mismatch") == []
    unrelated = "一、工作情况\n全年培训干部2000人次,跨部门联合检查300次,联合检查占比16.0%。\n"
    assert checks(unrelated, "rate_mismatch") == []


# ------------------------------------------- 一次办结率: a rate's name, not a count of one


def test_yici_before_a_verb_and_lv_names_a_rate():
    text = "一、工作情况\n热线受理来电5.6万个,一次办成率91.2%,一次通过率88%。\n"
    assert figures(text) == [("5.6万个", 56000, "热线受理来电"), ("91.2%", 91.2, "一次办成率"),
                             ("88%", 88, "一次通过率")]


def test_yici_as_a_frequency_is_still_a_count():
    text = "一、工作情况\n每月召开一次工作例会。\n"
    assert [(t, v) for t, v, _ in figures(text)] == [("一次", 1)]


# ------------------------------------------- a leading sign: -3.5% is a fall


def test_a_leading_minus_or_plus_belongs_to_the_value():
    text = "一、工作情况\n类别 数量 同比\n行政许可 320件 -2.4%\n行政检查 96次 －1.5%\n行政处罚 41件 +6.0%\n"
    got = [(t, v) for t, v, _ in figures(text)]
    assert got == [("320件", 320), ("-2.4%", -2.4), ("96次", 96), ("－1.5%", -1.5), ("41件", 41), ("+6.0%", 6.0)]


def test_a_dash_between_numbers_or_a_verb_of_decrease_is_no_sign():
    text = "一、工作情况\n办理时限压缩至3-5个工作日,每人每年培训1-2次,投诉量下降2.4%。\n"
    got = [(t, v) for t, v, _ in figures(text)]
    assert ("2.4%", 2.4) in got and all(not str(t).startswith("-") for t, _ in got)
    assert all(not isinstance(v, (int, float)) or v >= 0 for _, v in got)


# ------------------------------------------- 发表于: a post line dates the web copy


def published(text: str) -> str | None:
    document = document_from_text(text)
    return find_metadata(document, find_sections(document)).published


def test_a_post_line_gives_the_web_publication_date_over_the_signing_date():
    text = ("某县农业农村局2022年工作总结\n原创 某县农业 2023-02-14 09:05 发表于江西\n"
            "一、主要工作\n全年完成培训12期。\n某县农业农村局\n2023年2月10日\n")
    assert published(text) == "2023-02-14"


def test_without_a_post_line_the_signing_date_stands():
    text = ("某县农业农村局2022年工作总结\n原创 某县农业 发表于江西\n"
            "一、主要工作\n全年完成培训12期。\n某县农业农村局\n2023年2月10日\n")
    assert published(text) == "2023-02-10"


# ------------------------------------------- labels: the object before, the line before a target


def label_of(text: str, figure_text: str) -> str | None:
    return {t: label for t, _, label in figures(text)}[figure_text]


def test_an_object_after_dui_names_the_figure_not_the_verb_after_it():
    text = "一、工作情况\n对市场主体登记事项316项实施清单管理,全面公开。\n"
    assert label_of(text, "316项") == "市场主体登记事项"


def test_a_noun_after_the_number_still_names_it_after_dui():
    text = "一、工作情况\n对26家企业开展约谈。\n"
    assert label_of(text, "26家") == "企业"


def test_a_target_verb_on_its_own_line_takes_the_noun_ending_the_line_before():
    text = "二、明年计划\n全年调解矛盾纠纷\n力争达到2,500件,确保不发生重大事件。\n"
    assert label_of(text, "2,500件") == "调解矛盾纠纷"


def test_a_target_verb_after_a_heading_line_keeps_its_own_clause():
    text = "二、明年计划\n全年调解矛盾纠纷。\n力争达到2,500件。\n"
    assert label_of(text, "2,500件") != "调解矛盾纠纷"


# ------------------------------------------- a typing slip between the text and a shorter label


def test_a_transposed_value_under_a_label_missing_an_inner_modifier_is_a_repeat():
    text = ("一、工作情况\n全年办理行政许可事项2,146件,受理群众投诉举报315件。\n"
            "二、主要数据\n项目 数量\n办理许可事项 2,416件\n")
    assert checks(text, "conflicting_repeat") == [["2,146件", "2,416件"]]


def test_other_values_or_other_labels_are_no_repeat():
    other = ("一、工作情况\n全年办理行政许可事项2,146件。\n"
             "二、主要数据\n项目 数量\n办理许可事项 2,200件\n")
    assert checks(other, "conflicting_repeat") == []
    unrelated = ("一、工作情况\n全年办理行政许可事项2,146件。\n"
                 "二、主要数据\n项目 数量\n办理备案事项 2,416件\n")
    assert checks(unrelated, "conflicting_repeat") == []


# ------------------------------------------- 力争/确保/争取: a plan's verb is not what is measured


def test_a_leading_plan_verb_is_not_part_of_the_label():
    text = "二、明年计划\n力争行政复议纠错率保持在15%以内,确保执法案卷合格率100%。\n"
    assert label_of(text, "15%以内") == "行政复议纠错率"
    assert label_of(text, "100%") == "执法案卷合格率"


# ------------------------------------------- a table's change column names its percent cells


def test_a_percent_under_a_change_header_is_labelled_by_the_header():
    text = "一、主要数据\n项目|数量|同比增长\n行政许可|320件|12.5%\n行政检查|96次|-1.5%\n"
    assert label_of(text, "12.5%") == "同比增长"
    assert label_of(text, "-1.5%") == "同比增长"
    assert label_of(text, "320件") == "行政许可"


def test_a_percent_under_another_header_keeps_its_row_label():
    text = "一、主要数据\n项目|数量|办结率\n行政许可|320件|98.5%\n"
    assert label_of(text, "98.5%") == "行政许可"


# ------------------------------------------- a heading's number run into the text leaves the label


def test_a_heading_number_run_into_the_text_is_not_part_of_the_label():
    text = "一、主要工作\n3、行政应诉全年办理应诉案件四十七件。\n"
    assert label_of(text, "四十七件") == "行政应诉全年办理应诉案件"


# ------------------------------------------- straight quotes pair up like curly ones


def test_a_name_in_straight_quotes_stays_whole_in_a_label():
    text = '一、情况\n举办"法治进校园"讲座32场,"一件事一次办"事项58项。\n'
    assert label_of(text, "32场") == '举办"法治进校园"讲座'
    assert label_of(text, "58项") == '"一件事一次办"事项'


def test_an_unclosed_straight_quote_still_cuts_the_label():
    text = '一、情况\n开展"送法下乡活动32场。\n'
    assert '"' not in (label_of(text, "32场") or "")


# ------------------------------------------- a notice that issues a report publishes it on its date


def test_the_date_of_a_wrapping_notice_is_the_publication_date():
    text = ("某县民政局\n关于印发《某县民政局2022年度法治政府建设情况报告》的通知\n\n"
            "各股室:\n现将报告印发给你们。\n\n某县民政局\n2023年2月20日\n\n"
            "某县民政局2022年度法治政府建设情况报告\n一、主要工作\n全年办理案件12件。\n"
            "某县民政局\n2023年2月15日\n")
    assert published(text) == "2023-02-20"


def test_without_a_wrapping_notice_the_report_is_dated_by_its_signature():
    text = ("某县民政局2022年度法治政府建设情况报告\n一、主要工作\n全年办理案件12件。\n"
            "某县民政局\n2023年2月15日\n")
    assert published(text) == "2023-02-15"
