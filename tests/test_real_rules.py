"""Rules for what real published reports do (../shared/real): shares of a total stated earlier,
category lists over several sentences, change arithmetic, tables as text.  Each rule is pinned
on an invented sentence."""

from __future__ import annotations

from reviewer.load.dispatch import document_from_text
from reviewer.pipeline import analyze


def checks(text: str, kind: str | None = None):
    analysis = analyze(document_from_text(text))
    texts = {f.id: f.text for f in analysis.figures}
    return [(c.kind, [texts.get(x, x) for x in c.figures]) for c in analysis.checks
            if kind is None or c.kind == kind]


def test_a_breakdown_in_brackets_opens_no_list_outside_them():
    assert checks("共精简审批事项24项(其中3项为子项),新增9项、下放权限21项、划转2项。") == []


def test_a_growth_rate_after_both_years_figures_earlier_year_first():
    assert checks("2022年需办理申请80件,2023年需办理申请100件,同比增长25%。") == []
    assert checks("2022年需办理申请80件,2023年需办理申请100件,同比增长30%。") == [
        ("change_mismatch", ["80件", "100件", "30%"])]
    assert checks("2022年受理申请80件,2023年办结申请100件,同比增长30%。") == []


def test_a_truncated_growth_rate_is_a_warning():
    analysis = analyze(document_from_text("2022年需办理申请41件,2023年需办理申请103件,同比增长151.21%。"))
    assert [(c.kind, c.severity) for c in analysis.checks] == [("change_mismatch", "warning")]
    assert "151.2195%" in analysis.checks[0].message


def test_a_stated_increase_must_be_new_minus_old():
    assert checks("全年受理申请807件,较2022年411件增加了396件,同比增长96.4%。") == []
    assert checks("全年受理申请807件,较上年的411件增加了386件,同比增长93.9%。") == [
        ("change_mismatch", ["807件", "411件", "386件"])]
    assert checks("全年受理申请300件,较上年400件减少了100件,同比下降25%。") == []
    assert checks("全年受理申请300件,较上年400件减少了100件,同比下降20%。") == [
        ("change_mismatch", ["400件", "300件", "20%"])]


def test_shares_take_the_total_stated_sentences_earlier():
    text = ("全年共受理申请860件。从类别看,行政许可类212件,占比24.7%;"
            "行政处罚类310件,占比36.0%;政府信息公开类47件,占比6.1%。\n")
    found = checks(text)
    assert found == [("rate_mismatch", ["860件", "47件", "6.1%"])]
    message = analyze(document_from_text(text)).checks[0].message
    assert "47件÷860件=5.465%" in message and "860件" in message.split("基数")[1]


def test_shares_that_fit_two_earlier_totals_say_nothing():
    text = ("全年受理申请100件,办结申请101件。其中许可类20件,占比20%;处罚类30件,占比35%。\n")
    assert checks(text, "rate_mismatch") == []


def test_shares_of_a_total_in_their_own_sentence():
    text = "新受理的申请163件中,被申请人为部门的133件,占受理总数的比例最高,达81.59%;乡镇30件,占受理总数的18.40%。"
    found = analyze(document_from_text(text)).checks
    assert [(c.kind, c.severity) for c in found] == [("rate_mismatch", "warning")]
    assert "截断" in found[0].message


def test_a_table_as_text_checks_its_shares_against_the_total_above():
    text = ("全年新受理申请163件。具体见下表。\n"
            "事项 | 投诉处理 | 信息公开 | 行政处罚 |\n"
            "数量 | 81件 | 19件 | 44件 |\n"
            "占比 | 49.69% | 13.66% | 26.99% |\n")
    assert checks(text) == [("rate_mismatch", ["163件", "19件", "13.66%"])]


def test_a_part_rate_reads_past_brackets_and_an_approximate_rate_is_wrong_only_far_off():
    text = "全年审结申请142件(含上年度结转),其中纠错(含变更、责令履行)33件,纠错率约20.9%。"
    assert checks(text) == [("rate_mismatch", ["142件", "33件", "约20.9%"])]
    near = "全年审结申请142件(含上年度结转),其中纠错(含变更、责令履行)33件,纠错率约23%。"
    assert checks(near) == []


def test_a_list_over_several_sentences_closed_by_a_catch_all_must_add_up():
    text = ("全年共办理执法案件1000件,同比上升5%。其中,行政处罚300件,罚没金额2亿元;"
            "行政许可200件,同比上升3%。其他执法行为中,行政征收150件;行政给付250件;其他行为90件。\n")
    assert checks(text) == [("sum_mismatch", ["1000件", "300件", "200件", "150件", "250件", "90件"])]
    right = text.replace("90件", "100件")
    assert checks(right) == []
    open_list = text.replace("其他行为90件", "行政确认90件")
    assert checks(open_list) == []


def test_a_list_after_two_possible_totals_says_nothing():
    text = ("全年受理案件1000件,办结案件980件。其中,行政处罚300件;"
            "行政许可200件。另有行政征收150件;行政给付250件;其他行为90件。\n")
    assert checks(text, "sum_mismatch") == []


def test_a_narrower_part_cannot_exceed_its_category():
    text = ("受理案件中投诉举报类21件,行政处罚类9件。\n"
            "其中城市管理领域投诉举报案件24件,生态环境领域行政处罚案件8件。\n")
    assert checks(text) == [("sum_mismatch", ["21件", "24件"])]
    assert checks(text.replace("24件", "20件")) == []


def test_a_table_of_contents_is_not_the_outline():
    from reviewer.analysis.outline import find_sections

    text = ("某局2020年度执法统计年报\n目 录\n一、执法信息情况\n二、执法情况综述\n"
            "一、执法信息情况\n我局共设8个处室。\n二、执法情况综述\n(一)开展专项检查。\n检查企业20家。\n")
    assert [(s.level, s.number, s.title) for s in find_sections(document_from_text(text))] == [
        (1, "一", "执法信息情况"), (1, "二", "执法情况综述"), (2, "一", "开展专项检查")]


def test_a_first_heading_that_lost_its_number_is_a_numbering_gap():
    text = ("某局2020年度执法统计年报\n执法信息情况\n我局共设8个处室。\n"
            "二、执法情况综述\n(一)开展专项检查。\n检查企业20家。\n")
    analysis = analyze(document_from_text(text))
    assert [(s.level, s.number) for s in analysis.sections] == [(1, "二"), (2, "一")]
    assert [c.kind for c in analysis.checks] == ["numbering_gap"]
    assert checks("某局报告\n二、执法情况\n检查企业20家。\n三、问题\n正文。\n") == []


def figures(text: str):
    return [(f.text, f.value, f.label) for f in analyze(document_from_text(text)).figures]


def test_a_table_as_text_names_a_cell_by_its_row_and_column_headers():
    text = ("事项 | 投诉处理 | 信息公开 |\n"
            "数量 | 70件 | 17件 |\n"
            "占新受理数比例 | 48.31% | 11.20% |\n")
    assert [label for _, _, label in figures(text)] == [
        "投诉处理", "信息公开", "投诉处理占新受理数比例", "信息公开占新受理数比例"]


def test_a_key_value_table_names_a_cell_by_the_key_before_it():
    text = "索引号 | 0456/2019-3 | 分类 | 年报 |\n发布机构 | 区政府办 | 发文日期 | 2019-04-12 |\n正文。\n"
    assert [(t, label) for t, _, label in figures(text)] == [("2019-04-12", "发文日期")]


def test_a_table_one_cell_per_line_names_a_cell_by_its_row_then_column():
    text = ("表1\n\n地区\n\n2014年\n\n2013年\n\n增降幅度\n\n甲市\n\n375\n\n227\n\n65.20%\n\n"
            "乙州\n\n45\n\n56\n\n-19.64%\n\n总 计\n\n420\n\n283\n\n48.41%\n\n以上数据为全年数据。\n")
    assert figures(text) == [("65.20%", 65.2, "甲市增降幅度"), ("-19.64%", -19.64, "乙州增降幅度"),
                             ("48.41%", 48.41, "总计增降幅度")]


def test_session_ordinals_are_not_counts():
    assert figures("贯彻省委十二届二次、三次全会和县委五届四次全会精神,召开专题会议四次。") == [
        ("四次", 4, "召开专题会议")]


def test_a_day_first_page_stamp_is_a_date_and_the_publication_date():
    analysis = analyze(document_from_text("某县2016年度依法行政工作情况报告\n\n21.04.2017  09:41\n\n正文。\n"))
    assert [(f.text, f.value) for f in analysis.figures] == [("21.04.2017", "2017-04-21")]
    assert analysis.metadata.published == "2017-04-21"


def test_labels_for_a_range_end_a_share_phrase_and_a_bracketed_aside():
    found = figures("报告的统计期限自2019年1月1日起至12月31日止。新受理163件,其中部门133件,占受理案件数比例最高,达81.60%。"
                    "审结142件,其中纠错(含变更、责令履行)33件。")
    labels = {t: label for t, _, label in found}
    assert labels["12月31日"] == labels["2019年1月1日"]
    assert labels["81.60%"] == "占受理案件数比例"
    assert labels["33件"] == "纠错"


def metadata(text: str):
    return analyze(document_from_text(text)).metadata


def test_a_metadata_table_gives_the_date_and_the_opening_sentence_the_title():
    meta = metadata("索引号 | 0456/2018-2 | 分类 | 年报 |\n发布机构 | 区政府办 | 发文日期 | 2018-03-01 |\n"
                    "现公布某某市人民政府2017年政府信息公开工作年度报告。报告所列数据的统计期限为全年。\n"
                    "一、概述\n正文。\n")
    assert meta.published == "2018-03-01"
    assert meta.title == "某某市人民政府2017年政府信息公开工作年度报告"
    assert meta.report_year == 2017
    assert meta.issuer == "某某市人民政府"


def test_the_byline_under_the_title_outranks_the_pages_source():
    meta = metadata("某某市2022年行政复议案件统计分析报告\n发布时间:2023-03-01 来源:某某市司法局\n\n"
                    "某某市2022年行政复议案件统计分析报告\n\n某某市人民政府行政复议办公室\n\n一、总体情况\n我办共收到申请35件。\n")
    assert meta.issuer == "某某市人民政府行政复议办公室"


def test_a_cited_title_of_another_level_does_not_name_the_issuer():
    text = "省政府:\n我市认真贯彻《某某省人民政府关于加强执法的通知》,取消审批事项15项。\n"
    assert metadata(text).issuer is None


def test_a_department_named_without_its_city_takes_the_city_the_text_gives():
    meta = metadata("市商务局2020年度行政执法统计年报\n一、总体情况\n行政执法公示通过甲州市商务局门户网站公开。\n")
    assert meta.issuer == "甲州市商务局"


def test_the_year_a_body_opens_with_and_not_a_compared_year():
    meta = metadata("一、案件办理情况\n2024年新受理申请151件。相比于2023年,投诉案件增幅明显。\n")
    assert meta.report_year == 2024


def test_a_report_on_one_line_gets_its_title_and_headings_back(tmp_path):
    from reviewer.load.dispatch import load_document

    body = "全年办理审批事项 35 个,同比增长 12%,群众满意度持续提升,各项工作取得明显成效。" * 6
    flat = ("某县司法局2021年法治政府建设情况报告 2021 年,我局坚持依法行政,现将有关情况报告如下: 一、主要举措和成效 "
            "(一)深化审批改革。" + body + " (二)加强执法监督。开展执法检查 12 次。" + body
            + " 二、存在问题 部分执法人员能力不足。" + body + " 三、下一步工作 继续加强队伍建设。" + body)
    path = tmp_path / "flat.txt"
    path.write_text(flat, encoding="utf-8")
    analysis = analyze(load_document(path))
    assert [(s.level, s.number, s.title) for s in analysis.sections] == [
        (1, "一", "主要举措和成效"), (2, "一", "深化审批改革"), (2, "二", "加强执法监督"),
        (1, "二", "存在问题"), (1, "三", "下一步工作")]
    assert analysis.metadata.title == "某县司法局2021年法治政府建设情况报告"
    assert analysis.figures[0].text == "35个"


def test_pinyin_glosses_are_dropped_from_labels():
    labels = [label for _, _, label in figures("審(shěn)批事項辦理860件,環(huán)節(jié)精簡(jiǎn)5個。")]
    assert labels == ["審批事項辦理", "環節精簡"]


def test_a_table_as_text_adds_up_to_its_total_row_and_column():
    wrong = "类别 | 处罚 | 许可 |\n甲局 | 12件 | 30件 |\n乙局 | 8件 | 25件 |\n合计 | 20件 | 56件 |\n"
    assert checks(wrong) == [("sum_mismatch", ["56件", "30件", "25件"])]
    right = ("类别 | 处罚 | 许可 | 合计 |\n甲局 | 12件 | 30件 | 42件 |\n乙局 | 8件 | 0 | 8件 |\n"
             "合计 | 20件 | 30件 | 50件 |\n")
    assert checks(right) == []
    unknown = "类别 | 处罚 |\n甲局 | 12件 |\n乙局 | 若干 |\n合计 | 30件 |\n"
    assert checks(unknown) == []


def test_decree_numbers_glossed_numbers_and_numbers_inside_a_title():
    from reviewer.analysis.citations import find_citations

    text = ("及时承接《某省人民政府关于落实某政规〔2017〕34号的通知》(某政规〔2017〕34号)、"
            "《某省人民政府的决定》(省政府第5号令),依据国务院令第688号和內黨發(fā)〔2021〕9號文件。")
    assert [c.text for c in find_citations(document_from_text(text))] == [
        "《某省人民政府关于落实某政规〔2017〕34号的通知》", "某政规〔2017〕34号", "《某省人民政府的决定》",
        "省政府第5号令", "国务院令第688号", "內黨發(fā)〔2021〕9號"]


def test_a_heading_that_is_a_whole_sentence_is_not_cut_at_a_heading_phrase():
    from reviewer.analysis.outline import find_sections

    text = ("某局2020年度执法统计情况\n一、2020年度我局实施行政处罚总数为318宗,罚没收入9620.4万元,详见附表。\n正文。\n"
            "二、在处罚决定作出之日起7个工作日内向社会公示处罚信息。\n")
    titles = [s.title for s in find_sections(document_from_text(text))]
    assert titles == ["2020年度我局实施行政处罚总数为318宗,罚没收入9620.4万元,详见附表",
                      "在处罚决定作出之日起7个工作日内向社会公示处罚信息"]


def test_shares_of_parts_with_their_own_totals_are_not_pooled_on_an_earlier_one():
    assert checks("受理投诉300件,其中食品类120件,占40%。办结280件,其中按期办结266件,占95%。\n") == []
    assert checks("受理投诉300件,食品类120件,占40%。办结280件,按期办结266件,占95%。\n") == []
    assert checks("全市共有执法人员500名,其中持证人员480名。持证人员中,本科以上学历400名,占83.3%;"
                  "专科80名,占16.7%。\n") == []


def test_lists_and_categories_read_across_sentences_stay_quiet_where_unsure():
    assert checks("全年办理案件1000件。其中,处罚300件;许可200件。另外,办结950件,其他案件50件正在办理。\n") == []
    assert checks("受理案件中投诉举报类21件,行政处罚类9件。2023年城市管理领域投诉举报案件24件。\n") == []


def test_a_rate_whose_base_is_stated_sentences_earlier():
    text = "全年办理一审应诉案件312件。各级机关重视应诉工作,行政机关负责人出庭应诉64件,出庭率22.4%。\n"
    assert checks(text) == [("rate_mismatch", ["312件", "64件", "22.4%"])]
    assert checks(text.replace("22.4%", "20.5%")) == []
    assert checks("全年审结复议案件640件,审结率95%。其中直接纠错118件,纠错率19.8%。\n") == [
        ("rate_mismatch", ["640件", "118件", "19.8%"])]
    # two earlier figures, neither named like the numerator: no base, no check ...
    assert checks("全年受理案件700件,办理复议案件640件。群众满意118件,满意率19.8%。\n") == []
    # ... unless the rate names the stage it is over: 纠错率 is over the cases 审结
    assert checks("全年受理案件700件,审结复议案件640件。直接纠错118件,纠错率19.8%。\n") == [
        ("rate_mismatch", ["640件", "118件", "19.8%"])]
    # one earlier figure gives the stated rate: the reading is a guess
    assert checks("全年受理案件590件,审结复议案件640件。直接纠错118件,纠错率20%。\n") == []


def test_an_excerpt_that_starts_at_er_has_no_lost_first_heading():
    text = "二、执法情况综述\n(一)开展专项检查。\n检查企业20家。\n三、存在问题\n正文。\n"
    assert checks(text, "numbering_gap") == []


def test_a_metadata_table_one_cell_per_line_gives_the_publication_date():
    meta = metadata("索引号\n0123/2021-1\n成文日期\n2021-01-20\n发布日期\n2021-01-29\n"
                    "某局2020年度行政执法统计情况\n一、概况\n正文。\n")
    assert meta.published == "2021-01-29"


def test_a_title_broken_before_its_last_words_and_a_letters_issuer():
    meta = metadata("某县农业农村局2021年度法治政府建设\n工作报告\n一、主要工作\n正文。\n")
    assert (meta.title, meta.issuer) == ("某县农业农村局2021年度法治政府建设工作报告", "某县农业农村局")
    letter = metadata("关于2021年度法治政府建设情况的报告\n省政府:\n2021年,我市深入推进依法行政。\n"
                      "一、主要工作\n正文。\n某某市人民政府\n2022年1月20日\n")
    assert (letter.issuer, letter.published) == ("某某市人民政府", "2022-01-20")


def test_a_count_of_years_is_a_duration_without_its_nearly():
    assert [(t, v) for t, v, _ in figures("近两个年度,各县区考核结果均为优秀。")] == [("两个年度", 2)]


def test_shares_under_a_named_base_use_the_earlier_figure_named_so():
    text = ("全年共办理行政许可事项1200件,行政处罚案件300件。许可事项中,即办件960件,占80%;承诺件240件,占20%。"
            "处罚案件中,简易程序120件,占40%。\n")
    assert checks(text) == []
    assert checks(text.replace("占40%", "占45%")) == [("rate_mismatch", ["300件", "120件", "45%"])]


def test_a_list_opened_by_its_breakdown_takes_the_total_of_the_sentence_before():
    text = "共受理复议申请86件。从案件类型看,行政处罚40件,行政许可20件,信息公开15件,其他10件。\n"
    assert checks(text) == [("sum_mismatch", ["86件", "40件", "20件", "15件", "10件"])]
    assert checks(text.replace("86件", "85件")) == []
    assert checks(text.replace("86件。", "86件,审结80件。")) == []


def test_a_change_and_its_rate_without_last_years_figure():
    assert checks("全年办理案件950件,比上年减少50件,下降5%。") == []
    assert checks("全年受理投诉1000件,同比增加77件,增长8.34%。") == []
    found = analyze(document_from_text("全年办理案件1050件,同比增加50件,增长5.5%。")).checks
    assert [c.kind for c in found] == ["change_mismatch"]
    assert found[0].message.startswith("上年为1050件−50件=1000件,50件÷1000件=5.000%")


def test_the_sentence_quoting_a_table_must_state_what_its_rows_add_up_to():
    table = "类别 | 数量 |\n行政处罚 | 30件 |\n行政许可 | 25件 |\n合计 | 55件 |\n"
    assert checks("全年查处案件共计56件,具体见下表。\n" + table) == [("sum_mismatch", ["56件", "30件", "25件"])]
    assert checks("全年查处案件共计55件,具体见下表。\n" + table) == []
    assert checks("全年查处案件共计56件,办结50件,具体见下表。\n" + table) == []


def test_a_lost_first_heading_before_a_run_of_er_san():
    text = ("某局2021年工作报告\n主要工作\n我局全年开展执法检查12次,发现问题30个。\n"
            "二、存在问题\n部分人员能力不足。\n三、下一步工作\n继续加强培训。\n")
    assert checks(text, "numbering_gap") == [("numbering_gap", [])]
    titled = "某县人民政府办公室\n法治政府建设情况报告\n今年以来,我县持续推进依法行政。\n二、存在问题\n正文。\n三、打算\n正文。\n"
    assert checks(titled, "numbering_gap") == []


def test_a_one_line_page_copy_keeps_its_title_apart_from_the_breadcrumb(tmp_path):
    from reviewer.load.dispatch import load_document

    body = "全年办理审批事项 35 个,同比增长 12%,群众满意度持续提升,各项工作取得明显成效。" * 10
    flat = ("首页 > 政务公开 > 法治政府建设 某某县司法局2021年法治政府建设情况报告 发布时间:2022-01-10 "
            "来源:某某县司法局 2021 年,我局坚持依法行政,现将有关情况报告如下: 一、主要举措和成效 (一)深化审批改革。"
            + body + " 二、存在问题 部分执法人员能力不足。" + body + " 三、下一步工作 继续加强队伍建设。" + body)
    path = tmp_path / "page.txt"
    path.write_text(flat, encoding="utf-8")
    meta = analyze(load_document(path)).metadata
    assert (meta.title, meta.issuer, meta.published) == (
        "某某县司法局2021年法治政府建设情况报告", "某某县司法局", "2022-01-10")


def test_a_quoted_name_cut_by_the_end_of_an_excerpt_is_still_a_name():
    assert figures("全年开展联合抽查12次,做到“一次抽查、全") == [("12次", 12, "开展联合抽查")]
