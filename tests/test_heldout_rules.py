"""General rules found by running the analyser on the held-out corpus (tests/fixtures/heldout),
each checked on an invented sentence."""

from __future__ import annotations

from reviewer.analysis.outline import find_sections
from reviewer.load.dispatch import document_from_text


def outline(text: str):
    return [(s.level, s.number, s.title) for s in find_sections(document_from_text(text))]


def test_parts_above_bracketed_headings_stand_where_yi_would():
    text = ("第一部分 工作成效\n（一）健全制度\n1．完善机制。正文。\n2．加强培训。正文。\n"
            "第二部分 存在问题\n部分单位重视不够。\n")
    assert outline(text) == [(1, "一", "工作成效"), (2, "一", "健全制度"), (3, "1", "完善机制"),
                             (3, "2", "加强培训"), (1, "二", "存在问题")]


def test_parts_above_yi_are_groupings_not_sections():
    # ../shared/gold/README.md: sections follow the layers of GB/T 9704; 第一部分 is not one of them
    text = "第一部分 工作成效\n一、健全制度\n（一）完善机制\n正文。\n"
    assert outline(text) == [(1, "一", "健全制度"), (2, "一", "完善机制")]


def test_a_heading_broken_before_its_last_words_is_joined():
    text = "一、总体情况\n1．行政复议和应诉\n案件办理\n全年办理行政复议案件20件,同比增长5%。\n"
    assert outline(text)[1] == (3, "1", "行政复议和应诉案件办理")


def test_a_short_line_before_a_signing_date_is_not_joined_to_a_heading():
    text = "一、总体\n1.甲项工作\n某某局\n2022年3月1日\n"
    assert outline(text)[-1] == (3, "1", "甲项工作")


def test_a_run_on_heading_is_cut_before_an_adverb_opening_the_body():
    text = ("一、主要工作\n1、加强执法队伍建设严厉整治执法不规范问题,全年对35个执法单位开展督查,"
            "发现问题12个。\n")
    assert outline(text)[1] == (3, "1", "加强执法队伍建设")


def figures(text: str):
    from reviewer.analysis.figures import find_figures
    from reviewer.model import Metadata

    document = document_from_text(text)
    return [(f.text, f.value, f.unit, f.kind) for f in
            find_figures(document, find_sections(document), [], Metadata(report_year=2022))]


def test_tenths_are_ratios():
    found = figures("平台覆盖率仅为六成左右,群众意见采纳率超过7成。")
    assert [(t, v, u) for t, v, u, _ in found] == [("六成左右", 0.6, None), ("超过7成", 0.7, None)]


def test_tenths_exclude_idioms_and_words():
    assert figures("市民三五成群参加活动,制度一成不变,六成为女性,5成员单位参加,促成三成交意向。") == []


def test_a_bare_thousand_after_jin_is_a_figure():
    assert figures("受理农民工法律援助案件近千件。")[0][:3] == ("近千件", 1000, "件")


def test_concentrations_are_measures():
    found = figures("PM2.5平均浓度为26微克/立方米,化学需氧量为15毫克/升。")
    assert [(t, u) for t, _, u, _ in found] == [("26微克/立方米", "微克/立方米"), ("15毫克/升", "毫克/升")]


def test_a_sentence_broken_by_a_hard_line_break_is_joined():
    from reviewer.load.cleaning import normalise

    raw = ("（一）加强检查。全年检查企业120家，查处违法案件56起，其中无证经营\n"
           "案件20起、超范围经营案件36起。\n（二）规范执法\n")
    assert "其中无证经营案件20起" in normalise(raw)
    assert "\n（二）规范执法" in normalise(raw)


def test_a_heading_line_with_commas_is_not_joined_to_its_body():
    from reviewer.load.cleaning import normalise

    raw = "（一）加强组织领导，压实法治建设责任，健全工作机制和考核办法\n镇党委专题研究法治工作5次，制定制度3项。\n"
    assert "\n镇党委" in normalise(raw)


def test_liang_cheng_and_yiban_are_ratios():
    found = figures("罚款金额减少了两成，45岁以上人员占比超过一半，另一半人员为新录用。")
    assert [(t, v) for t, v, _, _ in found] == [("两成", 0.2), ("45岁以上", 45), ("超过一半", 0.5)]


def test_vehicle_and_boat_visits_are_counts():
    found = figures("检查营运车辆3.8万辆次、船舶420船次。")
    assert [(t, v, u) for t, v, u, _ in found] == [("3.8万辆次", 38000, "辆次"), ("420船次", 420, "船次")]


def checks(text: str):
    from reviewer.pipeline import analyze

    analysis = analyze(document_from_text(text))
    texts = {f.id: f.text for f in analysis.figures}
    return [(c.kind, [texts.get(x, x) for x in c.figures]) for c in analysis.checks]


def test_a_repeat_with_two_neighbouring_digits_swapped_is_a_conflict():
    text = ("一、总体情况\n全年受理市民服务热线工单4380件,办结4312件。\n"
            "二、存在问题\n回顾全年,共受理市民服务热线工单4830件,其中物业类居多。\n")
    assert ("conflicting_repeat", ["4380件", "4830件"]) in checks(text)


def test_a_repeat_with_other_digits_needs_an_anchor():
    text = ("一、总体情况\n全年受理市民服务热线工单4380件,办结4312件。\n"
            "二、存在问题\n回顾全年,共受理市民服务热线工单4390件,其中物业类居多。\n")
    assert not [c for c in checks(text) if c[0] == "conflicting_repeat"]


def test_the_reporting_body_as_subject_does_not_make_another_indicator():
    text = ("一、总体情况\n全年受理市民服务热线工单4380件,办结4312件。\n"
            "二、存在问题\n回顾全年,街道受理市民服务热线工单4830件,其中物业类居多。\n")
    assert ("conflicting_repeat", ["4380件", "4830件"]) in checks(text)


def test_web_page_counters_are_not_figures():
    found = figures("发布时间：2022-01-12  来源：市林业局  阅读：356次\n浏览次数:2,317 点击量 1024\n"
                    "全年阅读推广活动12次，文章阅读量5000次，阅读量10万次。\n")
    assert [t for t, _, _, _ in found] == ["2022-01-12", "12次", "5000次", "10万次"]


def test_a_title_broken_before_a_year_in_chinese_numerals_is_joined():
    from reviewer.analysis.metadata import find_metadata

    document = document_from_text("石门区人民政府\n二〇二二年度法治政府建设情况报告\n\n一、主要成效\n正文。\n")
    metadata = find_metadata(document, find_sections(document))
    assert metadata.title == "石门区人民政府二〇二二年度法治政府建设情况报告"
    assert metadata.report_year == 2022


def test_a_negation_stays_in_the_label():
    from reviewer.analysis.figures import find_figures
    from reviewer.model import Metadata

    document = document_from_text("受理复议申请50件，不受理3件，已整改46家，尚未整改4家。")
    found = find_figures(document, find_sections(document), [], Metadata(report_year=2022))
    assert [f.label for f in found] == ["受理复议申请", "不受理", "整改", "尚未整改"]


def test_a_text_file_that_kept_a_pdfs_line_wraps_is_rejoined():
    from reviewer.load.cleaning import normalise
    from reviewer.load.pdf_text import display_width

    paragraphs = [
        "（一）严格执法。全年检查生产经营单位1,356家次，发现并督促整改隐患4,872项，整改率96.3%；"
        "立案查处安全生产违法行为98起，罚款金额合计236.8万元。",
        "（二）强化宣传。开展宣传咨询活动20余场，发放宣传资料3.5万份，受教育群众达5万余人次，"
        "具有安全生产相关专业背景的执法人员仅占30%，执法装备仍显不足。",
        "（三）完善制度。修订议事规则等制度6项，对2件重大行政决策开展合法性审查，"
        "全年3次专题研究法治建设工作，明确4个方面18项重点任务并逐项抓好落实。",
    ]
    printed = ["一、主要做法"]
    for paragraph in paragraphs:
        line = ""
        for ch in paragraph:
            if display_width(line + ch) > 24:
                printed.append(line)
                line = ""
            line += ch
        printed.append(line)
    text = normalise("\n".join(printed) + "\n")
    assert text.split("\n") == ["一、主要做法"] + paragraphs


def test_baifenbai_is_a_hundred_percent():
    assert figures("群众满意度百分百，投诉办结率百分之百。")[:2] == [
        ("百分百", 100, "%", "percent"), ("百分之百", 100, "%", "percent")]


def test_a_product_like_7x24_hours_is_not_a_duration():
    assert figures("实现7×24小时不打烊服务，执法人员24小时在岗。") == [("24小时", 24, "小时", "duration")]


def test_a_document_number_after_a_longer_verb_keeps_only_its_agency_prefix():
    from reviewer.analysis.citations import find_citations

    document = document_from_text("严格执行国办发〔2018〕118号文件，认真贯彻落实京政办发〔2019〕16号和贯彻苏政发〔2020〕3号精神。")
    assert [c.text for c in find_citations(document)] == [
        "国办发〔2018〕118号", "京政办发〔2019〕16号", "苏政发〔2020〕3号"]


def test_a_growth_rate_after_both_years_figures_is_checked():
    assert checks("全年受理行政复议申请200件，较上年的160件增长20%。") == [
        ("change_mismatch", ["200件", "160件", "20%"])]
    assert checks("全年办理法律援助案件1500件，上年为1200件，同比增长25%。") == []
    assert checks("全年发生安全事故12起，上年为16起，同比下降25%。") == []
    assert checks("全年发生安全事故12起，上年为16起，同比下降20%。") == [
        ("change_mismatch", ["12起", "16起", "20%"])]


def test_a_growth_rate_without_last_years_figure_is_left_alone():
    assert checks("全年受理投诉200件，办结190件，同比增长20%。") == []


def test_a_part_and_its_negation_make_the_whole():
    assert checks("全年受理投诉举报560件，已办结532件，未办结38件。") == [
        ("sum_mismatch", ["560件", "532件", "38件"])]
    assert checks("参加执法资格考试27名，通过23名，未通过4名。") == []
    assert checks("检查企业300家，已整改问题120个，未整改30个。") == []
    assert checks("评查案卷380卷，其中优秀案卷126卷、合格案卷231卷、不合格案卷23卷。") == []


def test_a_growth_rate_between_rounded_figures_allows_their_rounding():
    assert checks("新增市场主体1.2万户，较上年的1.1万户增长8.6%。") == []
    assert checks("新增市场主体1.2万户，较上年的1.1万户增长25%。") == [
        ("change_mismatch", ["1.2万户", "1.1万户", "25%"])]
    assert checks("受理举报500件，较上年的400件增长25%，已办结480件，未办结20件。") == []


def test_a_short_line_before_a_heading_is_not_joined_to_the_heading_above():
    text = "一、主要成效\n依法行政\n（一）加强领导，压实责任\n正文。\n"
    assert outline(text)[0] == (1, "一", "主要成效")


def test_a_stated_total_after_a_longer_noun_phrase_closes_the_list():
    assert checks("保留21件、修改4件、废止6件，合计清理规范性文件30件。") == [
        ("sum_mismatch", ["30件", "21件", "4件", "6件"])]
    assert checks("保留21件、修改4件、废止5件，合计清理规范性文件30件。") == []


def test_a_bracketed_date_under_the_title_is_the_publication_date():
    from reviewer.analysis.metadata import find_metadata

    document = document_from_text("某县农业农村局2021年度法治政府建设工作报告\n（2022年1月20日）\n\n2021年，我局……\n一、主要工作\n正文。\n")
    assert find_metadata(document, find_sections(document)).published == "2022-01-20"


def test_more_measure_words_are_counts():
    found = figures("清理违规网具320余顶，放流鱼苗1,200万尾，新打机井12眼，安装路灯860盏，新开课程15门。")
    assert [(t, v, u) for t, v, u, _ in found] == [
        ("320余顶", 320, "顶"), ("1,200万尾", 12000000, "尾"), ("12眼", 12, "眼"), ("860盏", 860, "盏"),
        ("15门", 15, "门")]


def test_new_measure_words_do_not_make_figures_of_words():
    assert figures("坚持一口价，做到一门心思抓落实，实行一对一、1对1帮扶，一根筋的问题得到纠正。") == []


def test_statistics_written_as_fields_add_up_to_their_stated_total():
    assert checks("行政许可：1,234件；行政处罚：567件；行政强制：89件；合计：1,900件。") == [
        ("sum_mismatch", ["1,900件", "1,234件", "567件", "89件"])]
    assert checks("行政许可：1,234件；行政处罚：567件；行政强制：99件；合计：1,900件。") == []
    assert checks("全年办理1,000件；行政许可：1,234件；行政处罚：567件；合计：1,801件。") == []


def test_word_list_numbers_copied_with_a_space_head_sections():
    text = "一 主要工作情况\n（一）加强组织领导\n1 健全制度\n全年研究法治工作3次。\n二 存在问题\n队伍薄弱。\n"
    assert outline(text) == [(1, "一", "主要工作情况"), (2, "一", "加强组织领导"), (3, "1", "健全制度"),
                             (1, "二", "存在问题")]


def test_a_table_row_or_a_sentence_after_a_spaced_number_is_no_heading():
    text = "一、主要工作\n1 行政许可 45件\n2 行政处罚 12件\n3 全年立案15件，结案12件。\n"
    assert outline(text) == [(1, "一", "主要工作")]


def test_a_comma_typed_for_dun_after_a_heading_numeral():
    text = "一、主要工作情况\n全年研究法治工作3次。\n二，存在问题\n队伍薄弱。\n一，二季度分别开展检查。\n"
    assert outline(text) == [(1, "一", "主要工作情况"), (1, "二", "存在问题")]


def test_a_change_stated_after_both_its_ends_is_checked():
    assert checks("网上办件率由90.2%提高到96.5%，提高了5.3个百分点。") == [
        ("change_mismatch", ["90.2%", "96.5%", "5.3个百分点"])]
    assert checks("网上办件率由90.2%提高到96.5%，提高了6.3个百分点。") == []
    assert checks("审批时限由20个工作日压缩至5个工作日，压缩80%。") == [
        ("change_mismatch", ["20个工作日", "5个工作日", "80%"])]
    assert checks("办理时间由原来的20个工作日缩减为5个工作日，减少75%。") == []
    assert checks("平均办理时间从4.5天缩短到3天，提速50%。") == []
    assert checks("审批时限由法定的45个工作日压缩至平均7个工作日，压缩比例达84.4%。") == []
    assert checks("审批时限由法定的45个工作日压缩至平均7个工作日，压缩比例达80.4%。") == [
        ("change_mismatch", ["45个工作日", "7个工作日", "80.4%"])]


def test_a_total_restated_as_the_base_of_next_years_plan_is_compared():
    text = ("一、主要工作\n全年追回医保基金2,356.8万元，移送案件9件。\n"
            "二、下一步打算\n2023年，我局将在全年追回医保基金2,365.8万元的基础上，继续保持高压态势。\n")
    assert ("conflicting_repeat", ["2,356.8万元", "2,365.8万元"]) in checks(text)
    text = ("一、主要工作\n2019年全县新增减税降费2.86亿元，惠及纳税人3.4万户。\n"
            "二、下一步打算\n在2019年新增减税降费2.68亿元的基础上，继续抓好政策落实。\n")
    assert ("conflicting_repeat", ["2.86亿元", "2.68亿元"]) in checks(text)


def test_a_report_copied_without_its_line_breaks_gets_its_outline_back():
    body = "全年办理案件120件，办结115件，群众满意度明显提升，执法规范化水平进一步提高。" * 6
    text = ("某局2021年行政执法工作报告\n现将有关情况报告如下：一、主要工作（一）加强组织领导" + body
            + "（二）规范执法行为1．严格执法程序" + body + "2．强化执法监督" + body
            + "二、存在问题" + body + "三、下一步打算" + body + "某某县司法局2022年1月10日")
    from reviewer.load.cleaning import normalise

    assert [(level, number) for level, number, _ in outline(normalise(text))] == [
        (1, "一"), (2, "一"), (2, "二"), (3, "1"), (3, "2"), (1, "二"), (1, "三")]
    assert normalise(text).endswith("\n某某县司法局\n2022年1月10日")


def test_a_long_paragraph_with_an_inline_list_keeps_its_line():
    from reviewer.load.cleaning import normalise

    line = "主要措施有三条。1．建立台账。2．定期通报。3．严格考核。" + "全年办理案件120件，办结115件。" * 70
    assert "\n" not in normalise(line + "\n").strip()


def test_a_run_on_heading_is_cut_before_the_scope_of_its_first_sentence():
    text = "一、主要工作\n1．律师、公证、司法鉴定行业监管全年对全市128家律师事务所开展检查，考核合格率100%。\n"
    assert outline(text)[1] == (3, "1", "律师、公证、司法鉴定行业监管")
    text = "一、主要工作\n正文。\n二、存在的问题一是部分执法部门执法文书不规范，说理不充分；二是手段单一。\n"
    assert outline(text)[1] == (1, "二", "存在的问题")


def test_a_numbered_list_under_fujian_names_attachments_not_sections():
    text = ("一、主要工作\n全年办理案件12件。\n二、下一步打算\n继续努力。\n附件：\n"
            "1.某县2022年度行政执法统计表\n2.某县行政执法主体名单\n某县人民政府\n2023年1月10日\n")
    assert outline(text) == [(1, "一", "主要工作"), (1, "二", "下一步打算")]
    text = "一、主要工作\n附件：\n三、其他\n1.甲项工作\n正文。\n"
    assert (3, "1", "甲项工作") in outline(text)


def test_two_parts_that_cover_everything_must_make_the_total():
    assert checks("办理行政处罚案件2146件，罚没款1535.6万元；其中适用简易程序案件824件，一般程序案件1298件。") == [
        ("sum_mismatch", ["2146件", "824件", "1298件"])]
    assert checks("办理行政处罚案件2122件，罚没款1535.6万元；其中适用简易程序案件824件，一般程序案件1298件。") == []
    assert checks("现有干部职工86人，其中男52人，女30人。") == [("sum_mismatch", ["86人", "52人", "30人"])]
    assert checks("现有干部职工86人，其中党员52人，大学学历30人。") == []
