"""General shapes of the figure checks, each pinned on invented sentences and then on other
phrasings of the same shape: a rule must catch the shape, not one report's wording."""

from __future__ import annotations

import pytest

from reviewer.load.dispatch import document_from_text
from reviewer.pipeline import analyze


def checks(text: str, kind: str | None = None):
    analysis = analyze(document_from_text(text))
    texts = {f.id: f.text for f in analysis.figures}
    return [(c.kind, [texts.get(x, x) for x in c.figures]) for c in analysis.checks
            if kind is None or c.kind == kind]


def messages(text: str) -> list[str]:
    return [c.message for c in analyze(document_from_text(text)).checks]


# --- a change stated with its rate as a noun: 降幅, 增幅, 下降幅度为 ----------------------------

@pytest.mark.parametrize("text", [
    "全年办理案件300件,较上年400件减少了100件,降幅20%。",
    "全年办理案件300件,比上年同期的250件增加50件,增幅达22%。",
    "罚没款120.5万元,较去年同期140.2万元减少19.7万元,下降幅度为14.5%。",
    "受理咨询630人次,比上年的700人次减少70人次,同比降幅为12%。",
])
def test_a_change_rate_written_as_a_noun_is_checked(text):
    assert [kind for kind, _ in checks(text)] == ["change_mismatch"]


@pytest.mark.parametrize("text", [
    "全年办理案件300件,较上年400件减少了100件,降幅25%。",
    "全年办理案件300件,比上年同期的250件增加50件,增幅达20%。",
    "罚没款120.5万元,较去年同期140.2万元减少19.7万元,下降幅度为14.1%。",
    "受理咨询630人次,比上年的700人次减少70人次,同比降幅为10%。",
])
def test_a_right_change_rate_written_as_a_noun_is_no_check(text):
    assert checks(text) == []


def test_a_fall_shows_old_minus_new_over_old():
    assert messages("全年办理案件300件,较上年400件减少了100件,降幅20%。") == [
        "(400件−300件)÷400件=25.00%,应为25%,与所述20%不符"]


# --- a 分别为 list whose last name is a catch-all of several words ------------------------------

@pytest.mark.parametrize("text", [
    "全区执法人员共500名,其中区直部门、乡镇、其他执法单位分别为300名、150名、40名。",
    "全区执法人员共490名,其中区直部门、乡镇、其他行政执法单位依次为300名、150名、30名。",
    "本年度共培训1200人次,其中机关干部、村(社区)干部、其余参训人员分别是700人次、400人次、90人次。",
])
def test_a_named_list_closed_by_a_long_catch_all_must_add_up(text):
    assert [kind for kind, _ in checks(text)] == ["sum_mismatch"]


def test_a_named_list_without_a_catch_all_says_nothing():
    assert checks("全区执法人员共500名,其中区直部门、乡镇、街道执法单位分别为300名、150名、40名。") == []


# --- a list over two sentences opened by 按…分 / 从…看, with a 0 and a catch-all ---------------

@pytest.mark.parametrize("text", [
    "全年受理举报1200件。按来源分,电话400件,网络300件。信函200件,走访0件,其他渠道280件。",
    "全年共办理案件500件,较上年的420件增加80件,增长19.0%。从案件类别看,甲类200件,乙类150件。"
    "丙类0件,其他类别140件。已办结480件。",
    "今年共收到申请860件;按申请人类型划分,自然人500件,法人210件。社会组织0件,其他140件。",
])
def test_a_list_opened_by_a_breakdown_phrase_over_sentences_must_add_up(text):
    found = checks(text)
    assert [kind for kind, _ in found] == ["sum_mismatch"]


def test_last_years_figure_and_the_change_are_not_rival_totals():
    found = checks("全年共办理案件500件,较上年的420件增加80件,增长19.0%。从案件类别看,甲类200件,乙类150件。"
                   "丙类0件,其他类别140件。")
    assert found == [("sum_mismatch", ["500件", "200件", "150件", "0件", "140件"])]


@pytest.mark.parametrize("text", [
    "全年共办理案件500件。从案件类别看,甲类200件,乙类150件。丙类0件,其他类别150件。",
    "全年共办理案件500件,办结480件。从案件类别看,甲类200件,乙类150件。丙类0件,其他类别140件。",
    "全年共办理案件500件。同时,开展培训12期。从案件类别看,甲类200件,乙类150件。其他类别140件。",
])
def test_a_list_that_adds_up_or_has_two_totals_or_opens_later_says_nothing(text):
    assert checks(text, "sum_mismatch") == []


# --- a rate whose base is stated earlier, truncated instead of rounded ------------------------

@pytest.mark.parametrize("text", [
    "全年共办理案件146件。已办结136件,办结率93.1%。",
    "全年共办理案件146件,较上年增加8件。从类型看,甲类58件,乙类88件。已办结136件,办结率93.1%。",
    "本年度受理复议申请27件。依法审结26件,审结率96.2%。",
])
def test_a_distant_rate_truncated_is_a_warning(text):
    analysis = analyze(document_from_text(text))
    assert [(c.kind, c.severity) for c in analysis.checks] == [("rate_mismatch", "warning")]
    assert "截断" in analysis.checks[0].message and "基数为前文所述" in analysis.checks[0].message


def test_a_distant_rate_rounded_is_no_check():
    assert checks("本年度受理复议申请27件。依法审结26件,审结率96.3%。") == []


# --- a table as text with a column of counts beside a column of shares and a 合计 row ---------

def table(*rows: str) -> str:
    return "各单位收案情况见下表:\n" + "\n".join(rows) + "\n"


def test_a_column_of_shares_is_measured_against_the_total_row():
    text = table("单位 | 收案数 | 占比 |", "甲局 | 70件 | 35.0% |", "乙局 | 62件 | 31.0% |",
                 "丙局 | 37件 | 19.0% |", "其他 | 31件 | 15.5% |", "合计 | 200件 | 100% |")
    assert checks(text) == [("rate_mismatch", ["200件", "37件", "19.0%"])]
    assert "37件÷200件=18.500%" in messages(text)[0] and "合计" in messages(text)[0]


def test_a_truncated_share_in_a_column_is_a_warning():
    text = table("部门 | 案件数(件) | 所占比重 |", "甲局 | 200件 | 66.6% |", "乙局 | 100件 | 33.3% |",
                 "总计 | 300件 | 100% |")
    found = analyze(document_from_text(text)).checks
    assert [(c.kind, c.severity) for c in found] == [("rate_mismatch", "warning")]
    assert "四舍五入应为66.7%" in found[0].message


def test_a_consistent_column_of_shares_is_no_check():
    text = table("单位 | 收案数 | 占比 |", "甲局 | 70件 | 35.0% |", "乙局 | 62件 | 31.0% |",
                 "丙局 | 37件 | 18.5% |", "其他 | 31件 | 15.5% |", "合计 | 200件 | 100% |")
    assert checks(text) == []


# --- a table one cell per line: columns against the 合计 row, the sum shown part by part -------

def cells(*lines: str) -> str:
    return "全年共查处案件90件。分类型情况如下:\n" + "\n".join(lines) + "\n(二)其他工作\n"


def test_a_table_one_cell_per_line_adds_up_to_its_total_row():
    text = cells("类型", "案件数", "罚款", "甲类", "40件", "120.5万元", "乙类", "30件", "80.2万元",
                 "其他", "20件", "10.3万元", "合计", "90件", "215.0万元")
    assert checks(text) == [("sum_mismatch", ["215.0万元", "120.5万元", "80.2万元", "10.3万元"])]
    assert messages(text) == ["分项合计120.5万元+80.2万元+10.3万元=211万元,与所述215.0万元不符(少4万元)"]


def test_a_consistent_table_one_cell_per_line_is_no_check():
    assert checks(cells("类型", "案件数", "罚款", "甲类", "40件", "120.5万元", "乙类", "30件", "80.2万元",
                        "其他", "20件", "10.3万元", "合计", "90件", "211.0万元")) == []


def test_a_column_of_shares_one_cell_per_line_is_measured_against_the_total_row():
    text = cells("单位", "件数", "占比", "甲局", "50件", "25.0%", "乙局", "90件", "45.0%",
                 "丙局", "60件", "31.0%", "总计", "200件", "100%")
    assert checks(text) == [("rate_mismatch", ["200件", "60件", "31.0%"])]


# --- one figure stated twice with two digits swapped, once with the means it was done by -------

def test_a_swapped_repeat_after_a_means_phrase_is_a_conflict():
    text = ("一、基本情况\n全年依托政务新媒体平台发布政务信息2318条,其中政策解读45篇。\n"
            "二、存在问题\n个别单位发布不及时,全年发布政务信息2138条,但更新不均衡。\n")
    assert checks(text) == [("conflicting_repeat", ["2318条", "2138条"])]
    assert "相差180条" in messages(text)[0]


def test_a_repeat_after_a_means_phrase_that_is_not_a_swap_says_nothing():
    assert checks("一、基本情况\n全年通过门户网站公开政府信息2318条。\n二、存在问题\n"
                  "全年公开政府信息2300条,但更新不均衡。\n") == []


# --- metadata tables as text: a label and its value in cells, however the cells are joined ----

@pytest.mark.parametrize("colon, bar", [(":", "|"), ("", " | "), ("", "|"), (":", " | ")])
def test_a_metadata_table_gives_the_publication_date_and_the_doc_number(colon, bar):
    def row(*cells: str) -> str:
        return bar.join(c + colon if n % 2 == 0 else c for n, c in enumerate(cells)) + "\n"
    text = (row("索引号", "0042/2022-7", "发布机构", "某某县农业农村局")
            + row("成文日期", "2022-03-02", "发布日期", "2022-03-09")
            + row("文号", "某农发〔2022〕11号", "主题分类", "年报")
            + "某某县农业农村局2021年度法治政府建设情况报告\n一、主要工作\n正文。\n")
    meta = analyze(document_from_text(text)).metadata
    assert meta.published == "2022-03-09"
    assert meta.doc_number == "某农发〔2022〕11号"


def test_an_empty_doc_number_cell_gives_no_doc_number():
    text = ("发布日期 | 2022-03-09 | 文号 | |\n某某县农业农村局2021年度法治政府建设情况报告\n"
            "一、主要工作\n引用某政发〔2021〕3号文件。\n")
    assert analyze(document_from_text(text)).metadata.doc_number is None


@pytest.mark.parametrize("first, second", [
    ("某某市生态环境局关于2022年度", "法治政府建设工作情况的报告"),
    ("某某县人民政府关于2021年", "法治政府建设情况的报告"),
    ("某某区司法局关于", "2020年度行政执法工作的报告"),
])
def test_a_title_broken_after_its_issuer_and_guanyu_is_joined(first, second):
    meta = analyze(document_from_text(f"{first}\n{second}\n现将情况报告如下:\n一、主要工作\n正文。\n")).metadata
    assert meta.title == first + second


# --- a short report flattened onto one line; a first heading that lost its number -------------

def test_a_short_report_on_one_line_gets_its_headings_back(tmp_path):
    from reviewer.load.dispatch import load_document

    flat = ("某某县司法局2022年度法治政府建设情况报告 发布时间:2023-02-01 2022年,我局坚持依法行政。"
            "现将有关情况报告如下: 主要工作及成效 (一)深化审批改革 全局办理审批事项 35 个,同比增长12%。"
            "(二)强化行政 执法监督 开展执法检查 12 次,发现问题9个。(三)推进普法宣传 开展宣传活动20场。"
            " 二、存在问题 部分执法人员能力不足,培训覆盖面不够。 三、下一步工作 继续加强队伍建设,提升执法水平。")
    path = tmp_path / "flat.txt"
    path.write_text(flat, encoding="utf-8")
    analysis = analyze(load_document(path))
    assert [(s.level, s.number, s.title) for s in analysis.sections] == [
        (2, "一", "深化审批改革"), (2, "二", "强化行政执法监督"), (2, "三", "推进普法宣传"),
        (1, "二", "存在问题"), (1, "三", "下一步工作")]
    assert [c.kind for c in analysis.checks] == ["numbering_gap"]
    assert analysis.metadata.title == "某某县司法局2022年度法治政府建设情况报告"


def test_children_before_er_under_an_unnumbered_heading_are_a_lost_first_heading():
    text = ("某县2022年度法治政府建设情况报告\n现将有关情况报告如下:\n工作举措及成效\n(一)推进审批改革\n"
            "全县保留许可事项218项。\n(二)加强执法\n办理案件52件。\n二、存在的问题\n能力不足。\n三、工作打算\n持续推进。\n")
    analysis = analyze(document_from_text(text))
    assert [(s.level, s.number) for s in analysis.sections] == [(2, "一"), (2, "二"), (1, "二"), (1, "三")]
    assert [c.kind for c in analysis.checks] == ["numbering_gap"]


def test_an_excerpt_that_opens_at_yi_children_without_a_parent_line_has_no_gap():
    text = ("某县2022年度法治政府建设情况报告\n(一)推进审批改革\n全县保留许可事项218项。\n(二)加强执法\n"
            "办理案件52件。\n二、存在的问题\n能力不足。\n三、工作打算\n持续推进。\n")
    assert [c.kind for c in analyze(document_from_text(text)).checks] == []


# --- labels: last year's figure after 较上年 / 比去年同期 is the baseline's, not the change's ----

@pytest.mark.parametrize("text, figure, label", [
    ("全年受理信访事项58件,较上年76件下降了18件。", "76件", "上年"),
    ("罚没款1265.4万元,比去年同期1490.2万元减少了224.8万元。", "1490.2万元", "去年同期"),
    ("受理申请47件,与上年31件相比增加16件。", "31件", "上年"),
])
def test_last_years_figure_is_labelled_by_its_baseline(text, figure, label):
    found = {f.text: f.label for f in analyze(document_from_text(text)).figures}
    assert found[figure] == label


# --- tables aligned with spaces read like | tables; a | in a label means a run of cells ---------

ALIGNED = ("全年共立案80件。分类型情况如下:\n"
           "执法类别        立案(件)    罚款(万元)    结案率\n"
           "环境保护          40          12.5        95.0%\n"
           "食品安全          25           8.1        96.0%\n"
           "其他              15           3.4        100%\n"
           "合计              80          {total}        96.3%\n")


def test_a_space_aligned_table_names_its_cells_by_row_and_column(tmp_path):
    from reviewer.load.dispatch import load_document

    path = tmp_path / "aligned.txt"
    path.write_text(ALIGNED.format(total="24.0"), encoding="utf-8")
    analysis = analyze(load_document(path))
    labels = {f.text: f.label for f in analysis.figures if f.kind == "percent"}
    assert labels["95.0%"] == "环境保护结案率" and labels["100%"] == "其他结案率"
    assert analysis.checks == []


def test_a_space_aligned_table_adds_up_to_its_total_row(tmp_path):
    from reviewer.load.dispatch import load_document

    path = tmp_path / "aligned.txt"
    path.write_text(ALIGNED.format(total="25.0"), encoding="utf-8")
    assert [c.kind for c in analyze(load_document(path)).checks] == []  # bare cells: no unit, no check
    path.write_text(ALIGNED.format(total="25.0").replace("12.5 ", "12.5万元").replace("8.1 ", "8.1万元")
                    .replace("3.4 ", "3.4万元").replace("25.0 ", "25.0万元"), encoding="utf-8")
    found = analyze(load_document(path)).checks
    assert [c.kind for c in found] == ["sum_mismatch"] and "=24万元" in found[0].message


def test_prose_with_wide_spaces_is_not_a_table():
    from reviewer.load.cleaning import normalise

    text = "我局坚持依法行政  全面推进  法治建设。\n全年办理案件  52件  较上年增加。\n一、主要工作\n"
    assert "|" not in normalise(text)


def test_a_row_of_fullwidth_bars_is_not_a_label():
    text = "各乡镇整改情况见下表。\n乡镇｜下发(个)｜已整改(个)｜整改率\n甲镇｜64｜61｜95.3%\n乙乡｜29｜25｜86.2%\n"
    labels = {f.text: f.label for f in analyze(document_from_text(text)).figures}
    assert labels["95.3%"] == "甲镇整改率"


# --- more phrasings: shares of a 其中 list after its first part, 约 rates, 较去年同期 amounts ---

@pytest.mark.parametrize("text", [
    "全年共受理申请500件,其中许可类120件,占24.0%;处罚类200件,占40.0%;其他类180件,占38.0%。",
    "全年共受理申请500件。其中许可类120件,占24.0%;处罚类200件,占40.0%;其他类180件,占38.0%。",
    "全年共受理申请500件。其中许可类120件,占全部申请的24.0%;处罚类200件,所占比重为40.0%;"
    "其他类180件,占全部申请的38.0%。",
])
def test_a_later_share_of_a_list_is_measured_against_the_total_not_a_sibling(text):
    assert checks(text) == [("rate_mismatch", ["500件", "180件", "38.0%"])]


def test_right_shares_of_a_list_after_its_first_part_are_no_check():
    assert checks("全年共受理申请500件。其中许可类120件,占全部申请的24.0%;处罚类200件,所占比重为40.0%;"
                  "其他类180件,占全部申请的36.0%。") == []


def test_a_rate_written_with_yue_wei_is_read():
    assert checks("全年办结案件300件,其中按期办结291件,按期办结率约为90%。") == [
        ("rate_mismatch", ["300件", "291件", "90%"])]
    assert checks("全年办结案件300件,其中按期办结291件,按期办结率约为97%。") == []


@pytest.mark.parametrize("text, found", [
    ("全年受理案件400件,较去年同期增加80件,增幅为20%。", 1),
    ("全年受理案件400件,较去年同期增加80件,增幅为25%。", 0),
    ("全年受理案件400件,与上年相比增加80件,增长20%。", 1),
    ("全年受理案件400件,比上年度减少100件,下降幅度为20%。", 0),
    ("全年受理案件400件,比上年度减少100件,下降幅度为25%。", 1),
])
def test_a_change_and_its_rate_after_any_baseline_phrase(text, found):
    assert len(checks(text, "change_mismatch")) == found


@pytest.mark.parametrize("text, found", [
    ("本月受理投诉120件,较上月100件增加20件,环比增长25%。", 1),
    ("本月受理投诉120件,较上月100件增加20件,环比增长20%。", 0),
    ("本季度办理案件90件,比上季度减少10件,环比下降10%。", 0),
    ("本季度办理案件90件,比上季度减少10件,环比下降12%。", 1),
    ("全年受理案件400件,较2022年同期320件增加70件,增长25%。", 1),
])
def test_a_change_against_the_month_or_quarter_before(text, found):
    assert len(checks(text, "change_mismatch")) == found


@pytest.mark.parametrize("text, found", [
    ("全年共受理申请300件,办结280件,办结率约为90%。", 1),
    ("全年共受理申请300件,办结280件,办结率约为93%。", 0),
    ("全年共受理申请300件,办结280件,办结率约为92.5%。", 0),  # within a point of 93.33%: 约 allows it
    ("全年共受理申请300件。全年办结280件,办结率约为90%。", 1),
])
def test_a_rate_with_yue_is_wrong_only_when_off_by_more_than_a_point(text, found):
    assert len(checks(text, "rate_mismatch")) == found


@pytest.mark.parametrize("text", [
    "全年共受理申请300件。全年办结280件,办结率约为92.5%。",
    "全年共受理申请300件,其中网上申请210件,网上申请率约为69.5%。",
])
def test_a_rate_with_yue_over_a_distant_or_own_total_allows_a_point(text):
    assert checks(text) == []


@pytest.mark.parametrize("text, found", [
    ("全年受理举报1200件。具体来看,电话400件,网络300件。信函200件,其他280件。", 1),
    ("全年受理举报1200件。按渠道统计,电话400件,网络300件;信函200件,其他渠道280件。", 1),
    ("全年受理举报1200件。按渠道统计,电话400件,网络300件;信函200件,其他渠道300件。", 0),
])
def test_a_list_over_clauses_after_any_breakdown_phrase(text, found):
    assert len(checks(text, "sum_mismatch")) == found


@pytest.mark.parametrize("text, figure, label", [
    ("一是培育\"法律明白人\"52名,实现全覆盖。", "52名", "法律明白人"),
    ("全市87个乡镇中仍有19个未配备专职法制审核人员;", "19个", "未配备专职法制审核人员"),
])
def test_a_quoted_noun_or_the_predicate_after_an_adverb_names_the_count(text, figure, label):
    found = {f.text: f.label for f in analyze(document_from_text(text)).figures}
    assert found[figure] == label


def test_a_count_of_people_after_a_short_quoted_name_is_a_figure():
    figures = [f.text for f in analyze(document_from_text("全县共培养“调解能手”38名,实现全覆盖。")).figures]
    assert figures == ["38名"]
    assert [f.text for f in analyze(document_from_text("落实“六稳”16条措施。")).figures] == []


@pytest.mark.parametrize("text, found", [
    ("甲类58件,乙类37件;丙类0件,其他46件。以上共计146件。", 1),
    ("甲类58件,乙类37件;丙类0件,其他46件。以上共计141件。", 0),
    ("全年受理146件。甲类58件,乙类37件;丙类0件,其他46件。以上共计146件。", 0),  # two readings
    ("各类案件合计146件,其中:甲类58件;乙类37件;丙类0件;其他46件。", 1),
    ("各类案件合计146件,其中:甲类58件;乙类37件;丙类0件;其他51件。", 0),
])
def test_a_total_after_its_parts_or_a_list_over_semicolons(text, found):
    assert len(checks(text, "sum_mismatch")) == found


def test_a_change_column_follows_the_rows_measure_in_a_cells_label():
    text = "情况见下表:\n项目 | 2022年 | 2023年 | 增减 |\n出庭率 | 55.7% | 64.5% | 8.8个百分点 |\n受理 | 1件 | 2件 | 1件 |\n"
    labels = {f.text: f.label for f in analyze(document_from_text(text)).figures}
    assert labels["8.8个百分点"] == "出庭率增减"


@pytest.mark.parametrize("text, expected", [
    ("全年新设市场主体2346户,其中企业、个体工商户、农民专业合作社分别为612户、1698户、36户。",
     {"612户": "企业", "1698户": "个体工商户", "36户": "农民专业合作社"}),
    ("全縣執法人員共436名,其中縣直部門、鄉鎮(街道)、其他單位分別為251名、142名、37名。",
     {"251名": "縣直部門", "142名": "鄉鎮(街道)", "37名": "其他單位"}),
    ("受理的申请中,许可类和处罚类依次为40件、60件。", {"40件": "许可类", "60件": "处罚类"}),
])
def test_each_figure_of_a_respectively_list_takes_its_own_name(text, expected):
    labels = {f.text: f.label for f in analyze(document_from_text(text)).figures}
    assert {k: labels[k] for k in expected} == expected


def test_a_respectively_list_with_more_figures_than_names_keeps_its_labels():
    labels = {f.text: f.label for f in analyze(document_from_text("甲、乙两类分别为12件、13件、14件。")).figures}
    assert labels["13件"] != "乙"


@pytest.mark.parametrize("text, label", [
    ("组织执法人员轮训,每人不少于40学时。", "执法人员轮训"),
    ("开展法治培训,人均12学时。", "法治培训"),
])
def test_an_amount_per_head_takes_the_activity_before_it(text, label):
    assert [f.label for f in analyze(document_from_text(text)).figures] == [label]


def test_a_space_aligned_table_checks_its_total_column_and_row(tmp_path):
    from reviewer.load.dispatch import load_document

    path = tmp_path / "aligned.txt"
    path.write_text("各单位办案情况如下:\n单位        许可(件)     处罚(件)     合计(件)\n"
                    "甲局          12件          30件          42件\n乙局           8件          25件          35件\n"
                    "丙局           5件          10件          15件\n合计          25件          65件          92件\n",
                    encoding="utf-8")
    found = [c.message for c in analyze(load_document(path)).checks]
    assert found == ["分项合计8件+25件=33件,与所述35件不符(少2件)", "分项合计25件+65件=90件,与所述92件不符(少2件)"]
