"""Figures: what counts as a stated quantity, and its value, unit, kind, qualifier and span.

Every text here is invented for the rule it pins; none is copied from a real report.
"""

from __future__ import annotations

import pytest

from reviewer.analysis.figures import find_figures
from reviewer.load.dispatch import document_from_text
from reviewer.model import Citation, Figure, Metadata, Section


def figures_of(text: str, metadata: Metadata | None = None, sections: list[Section] | None = None,
               citations: list[Citation] | None = None) -> list[Figure]:
    doc = document_from_text(text)
    figs = find_figures(doc, sections or [], citations or [], metadata or Metadata())
    for f in figs:
        assert doc.text[f.start:f.end] == f.text
    return figs


def texts(text: str, **kw) -> list[str]:
    return [f.text for f in figures_of(text, **kw)]


def one(text: str, **kw) -> Figure:
    figs = figures_of(text, **kw)
    assert len(figs) == 1, [f.text for f in figs]
    return figs[0]


def test_count_with_measure_word_gives_value_unit_and_kind():
    f = one("今年共受理投诉案件358件。")
    assert (f.text, f.value, f.unit, f.kind, f.qualifier) == ("358件", 358, "件", "count", None)


@pytest.mark.parametrize("sentence, text, value, unit", [
    ("罚没款347.39万元。", "347.39万元", 3_473_900, "元"),
    ("全区纳入监管的气瓶6.8万支。", "6.8万支", 68_000, "支"),
    ("注册资本合计12.5亿元。", "12.5亿元", 1_250_000_000, "元"),
    ("补助资金3千元。", "3千元", 3000, "元"),
    ("审计查出问题金额224319万元。", "224319万元", 2_243_190_000, "元"),
    ("入驻商户1,280户。", "1,280户", 1280, "户"),
])
def test_magnitude_is_folded_into_the_value_and_left_out_of_the_unit(sentence, text, value, unit):
    f = one(sentence)
    assert (f.text, f.value, f.unit) == (text, value, unit)


@pytest.mark.parametrize("sentence, text, value, unit, qualifier", [
    ("张贴告知书2万余份。", "2万余份", 20_000, "份", "余"),
    ("挽回经济损失45.6余万元。", "45.6余万元", 456_000, "元", "余"),
    ("减免费用200多万元。", "200多万元", 2_000_000, "元", "多"),
    ("培训人员3000多人次。", "3000多人次", 3000, "人次", "多"),
    ("社会监督员1200余名。", "1200余名", 1200, "名", "余"),
    ("网上办理率达到95%以上。", "95%以上", 95, "%", "以上"),
    ("实办率约85%。", "约85%", 85, "%", "约"),
    ("每年培训不少于6次。", "不少于6次", 6, "次", "不少于"),
    ("参训人员超过400人。", "超过400人", 400, "人", "超过"),
])
def test_qualifiers_stay_in_the_span_and_are_repeated_in_qualifier(sentence, text, value, unit, qualifier):
    f = one(sentence)
    assert (f.text, f.value, f.unit, f.qualifier) == (text, value, unit, qualifier)


def test_percentage_points_are_a_percent_kind_with_their_own_unit():
    rate, points = figures_of("结案率为92.5%,较上年提高3.5个百分点。")
    assert (rate.value, rate.unit, rate.kind) == (92.5, "%", "percent")
    assert (points.text, points.value, points.unit, points.kind) == ("3.5个百分点", 3.5, "个百分点", "percent")


def test_percent_written_in_words():
    f = one("群众满意度达百分之九十六。")
    assert (f.text, f.value, f.unit, f.kind) == ("百分之九十六", 96, "%", "percent")


@pytest.mark.parametrize("sentence, text, value", [
    ("本科学历占五分之一。", "五分之一", 0.2), ("专业人员约占十分之一。", "十分之一", 0.1),
])
def test_fractions_are_ratios_without_unit(sentence, text, value):
    f = one(sentence)
    assert (f.text, f.value, f.unit, f.kind) == (text, value, None, "ratio")


@pytest.mark.parametrize("sentence, text, low, high, unit", [
    ("每季度开展1-2次讲座。", "1-2次", 1, 2, "次"),
    ("整改期限为3至5天。", "3至5天", 3, 5, "天"),
    ("抽查比例10%-20%。", "10%-20%", 10, 20, "%"),
])
def test_ranges_have_low_and_high_and_value_is_the_low_end(sentence, text, low, high, unit):
    f = one(sentence)
    assert (f.text, f.value, f.low, f.high, f.unit) == (text, low, low, high, unit)


@pytest.mark.parametrize("sentence, text, value, unit", [
    ("审批时限压缩至15个工作日。", "15个工作日", 15, "个工作日"),
    ("每人每年培训40学时。", "40学时", 40, "学时"),
    ("提供24小时服务。", "24小时", 24, "小时"),
    ("每半年组织一次评查。", "半年", 0.5, "年"),
    ("已连续聘请2年。", "2年", 2, "年"),
    ("试行期为6个月。", "6个月", 6, "个月"),
])
def test_durations(sentence, text, value, unit):
    figs = figures_of(sentence)
    f = figs[0]
    assert (f.text, f.value, f.unit, f.kind) == (text, value, unit, "duration")


@pytest.mark.parametrize("sentence", [
    "2020年,我局全面推进依法行政。", "《法治政府建设实施纲要(2015-2020年)》",
    "2021年度工作要点", "二〇二一年工作安排", "计划于2022年底前完成。",
])
def test_bare_years_are_not_figures(sentence):
    assert texts(sentence) == []


def test_a_full_date_is_a_date_figure_with_iso_value():
    f = one("2020年7月28日,局党委召开专题会议。")
    assert (f.text, f.value, f.unit, f.kind) == ("2020年7月28日", "2020-07-28", None, "date")


def test_numeric_date_after_a_field_name():
    f = one("来源:某区政府 发布日期:2021-03-04 10:15")
    assert (f.text, f.value, f.kind, f.label) == ("2021-03-04", "2021-03-04", "date", "发布日期")


def test_month_day_takes_the_report_year_from_metadata():
    f = one("自2月17日起,暂停实地核查。", metadata=Metadata(report_year=2020))
    assert (f.text, f.value) == ("2月17日", "2020-02-17")


def test_month_day_takes_a_year_written_earlier_in_its_paragraph():
    f = one("2019年,我局试点改革,6月19日起全面推行。", metadata=Metadata(report_year=2020))
    assert f.value == "2019-06-19"


def test_month_day_without_metadata_takes_the_year_of_the_title():
    figs = figures_of("某局2021年法治政府建设情况报告\n\n我局于3月5日召开会议。")
    assert [f.value for f in figs] == ["2021-03-05"]


def test_month_without_a_day_and_times_of_day_are_not_figures():
    assert texts("2020年9月,组织督查。会议于8时30分开始,17:00结束。") == []


@pytest.mark.parametrize("sentence", [
    "落实党政主要负责人第一责任人职责。", "深入学习党的十九大和十九届二中全会精神。",
    "开展“七五”普法总结验收,谋划“八五”普法。", "协调中国电子科技集团公司第四十六研究所。",
    "建立“132”工作机制。", "落实河西区“16条”措施。", "深化“一制三化”改革,推行“企业开办一窗通”。",
    "全面落实三项制度,推进一网通办,打造一站式服务。", "拨打12345热线或96933服务电话。",
    "依据《行政处罚法》第三十八条第二款规定。", "根据国办发〔2018〕118号文件要求。",
    "一是加强领导;二是完善制度。", "统一执法标准,进一步规范程序,一律公开。",
    "查处一批违法案件,解决一些突出问题。", "一次性告知,这项工作十分重要。",
    "迈出下一步。", "排名前五位的案件类别。", "推进质量强区三年行动。",
])
def test_ordinals_names_and_words_containing_numerals_are_not_figures(sentence):
    assert texts(sentence) == []


@pytest.mark.parametrize("sentence", [
    "印发《关于做好2021年10项重点工作的通知》。", "学习《“十四五”市场监管现代化规划》。",
])
def test_numbers_inside_cited_titles_are_not_figures(sentence):
    assert texts(sentence) == []


def test_citation_spans_from_the_caller_are_respected():
    text = "执行市监法规〔2020〕第5号公告12项要求。"
    doc_end = text.index("公告") + 2
    figs = figures_of(text, citations=[Citation(text=text[2:doc_end], kind="doc_number", start=2, end=doc_end)])
    assert [f.text for f in figs] == ["12项"]


def test_chinese_numeral_counts():
    assert texts("增加三种情形,收到两份建议,办理一件提案,公布十项内容,分三步推进。") == [
        "三种", "两份", "一件", "十项", "三步"]


def test_one_used_as_an_article_is_not_a_count():
    assert texts("案卷评查是一项重要制度,打造一支过硬队伍。") == []


@pytest.mark.parametrize("sentence, text, value, unit, kind", [
    ("答复满意得分99.83分。", "99.83分", 99.83, "分", "measure"),
    ("干部平均年龄46岁。", "46岁", 46, "岁", "age"),
    ("在用燃气管道488千米。", "488千米", 488, "千米", "measure"),
    ("新增绿地3.5万平方米。", "3.5万平方米", 35_000, "平方米", "measure"),
    ("效率提升1.5倍。", "1.5倍", 1.5, "倍", "ratio"),
])
def test_scores_ages_measures_and_multiples(sentence, text, value, unit, kind):
    f = one(sentence)
    assert (f.text, f.value, f.unit, f.kind) == (text, value, unit, kind)


def test_traditional_report_keeps_text_as_written_and_simplifies_units():
    figs = figures_of("實有個體工商戶4.67萬戶,同比增長11.03%,共31個事項。")
    assert [(f.text, f.value, f.unit) for f in figs] == [
        ("4.67萬戶", 46_700, "户"), ("11.03%", 11.03, "%"), ("31個", 31, "个")]


def test_heading_numbers_are_skipped_but_figures_in_headings_are_found():
    text = "一、主要工作\n(一)规范权责清单全面梳理权责清单517项\n1.强化监管\n"
    h1 = Section(id=1, parent=None, level=1, number="一", title="主要工作", start=0, end=len(text),
                 heading_start=0, heading_end=6)
    start2 = text.index("(一)")
    h2 = Section(id=2, parent=1, level=2, number="一", title="规范权责清单", start=start2, end=len(text),
                 heading_start=start2, heading_end=text.index("\n", start2))
    figs = figures_of(text, sections=[h1, h2])
    assert [(f.text, f.section) for f in figs] == [("517项", 2)]


def test_figures_come_in_document_order_with_ids_and_innermost_section():
    text = "一、工作\n立案12件。\n(一)监管\n检查企业30家。\n"
    s1 = Section(id=1, parent=None, level=1, number="一", title="工作", start=0, end=len(text),
                 heading_start=0, heading_end=4)
    start2 = text.index("(一)")
    s2 = Section(id=2, parent=1, level=2, number="一", title="监管", start=start2, end=len(text),
                 heading_start=start2, heading_end=start2 + 5)
    figs = figures_of(text, sections=[s1, s2])
    assert [(f.id, f.text, f.section) for f in figs] == [(1, "12件", 1), (2, "30家", 2)]


def test_full_width_digits_are_read():
    f = one("办结案件１２件。")
    assert (f.text, f.value) == ("１２件", 12)


def test_units_that_start_a_longer_word_are_not_taken():
    # 分局 is a branch office, not a score; 工作日内 is still a duration
    assert texts("设立3分局。") == []
    assert texts("均在两个工作日内处理完毕。") == ["两个工作日"]


def test_vague_amounts_and_set_phrases_are_not_counts():
    assert texts("深入数十家企业,走访十几家单位,建立一人一档,推行一企一策,一年一度评比。") == []


def test_qualifier_inside_a_duration_unit():
    f = one("整改历时3个多月。")
    assert (f.text, f.value, f.unit, f.kind, f.qualifier) == ("3个多月", 3, "个月", "duration", "多")
    g = one("用了1年多时间。")
    assert (g.text, g.value, g.unit, g.qualifier) == ("1年多", 1, "年", "多")


def test_a_space_between_digits_and_unit_from_pdf_extraction_is_tolerated():
    f = one("共办理 12 件。")
    assert (f.text, f.value, f.unit) == ("12 件", 12, "件")
    assert texts("依据第 3 条规定,2023 年工作。") == []


def test_slogans_with_numerals_are_not_counts():
    assert texts("落实中央八项规定精神,一张蓝图绘到底,履行两个责任。") == []


def test_compound_measure_words_with_ci():
    assert texts("开展专项行动5轮次,抽检食品320批次,检查企业80家次。") == ["5轮次", "320批次", "80家次"]


def test_qualifiers_of_a_traditional_report_are_given_in_simplified_form():
    f = one("為群眾挽回損失120餘萬元。")
    assert (f.text, f.value, f.unit, f.qualifier) == ("120餘萬元", 1_200_000, "元", "余")


def test_days_of_a_date_are_not_numbers_of_days():
    assert texts("活动于7月1日-10日举行,每月5日前报送,整改期限15日。",
                 metadata=Metadata(report_year=2021)) == ["7月1日", "15日"]


def test_a_qualifier_character_that_ends_another_word_is_not_a_qualifier():
    figs = figures_of("与银行签约3家,节约5万元,实办率约90%。")
    assert [(f.text, f.qualifier) for f in figs] == [("3家", None), ("5万元", None), ("约90%", "约")]


def test_once_again_is_not_a_count():
    assert texts("再一次强调纪律,又一次提醒。") == []


def test_idioms_and_reduplicated_measure_words_are_not_counts():
    assert texts("一项项措施落地,一个个问题解决,一步一个脚印,三番五次催办,千方百计,四面八方,一分为二。") == []


@pytest.mark.parametrize("sentence, text, value, unit", [
    ("挽回损失十余万元。", "十余万元", 100_000, "元"),
    ("覆盖三十多万人。", "三十多万人", 300_000, "人"),
    ("投入2千余万元。", "2千余万元", 20_000_000, "元"),
])
def test_a_magnitude_after_the_qualifier(sentence, text, value, unit):
    f = one(sentence)
    assert (f.text, f.value, f.unit) == (text, value, unit)


def test_small_arabic_fractions_are_ratios_but_dates_with_slashes_are_not():
    figs = figures_of("法律专业人员占1/3,于12/31前完成,6/18开展活动。")
    assert [(f.text, f.value, f.kind) for f in figs] == [("1/3", 0.333333, "ratio")]


def test_chinese_decimals_in_figures():
    assert [(f.text, f.value, f.unit) for f in figures_of("好评率百分之九十九点五,投入三点五万元。")] == [
        ("百分之九十九点五", 99.5, "%"), ("三点五万元", 35_000, "元")]


def test_a_count_after_a_quoted_event_name_counts_but_not_after_a_short_slogan():
    assert texts("举办“交通法治大讲堂”4期,落实“六稳”16条。") == ["4期"]


def test_unit_symbols_are_reported_as_chinese_units():
    assert [(f.text, f.value, f.unit, f.kind) for f in figures_of("新建用房1200㎡,巡查河道35km,查扣农药120kg。")] == [
        ("1200㎡", 1200, "平方米", "measure"), ("35km", 35, "公里", "measure"), ("120kg", 120, "千克", "measure")]
