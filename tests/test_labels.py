"""Labels: the short phrase that says what a figure counts.  Invented sentences only."""

from __future__ import annotations

import pytest

from reviewer.analysis.figures import find_figures
from reviewer.load.dispatch import document_from_text
from reviewer.model import Metadata


def labelled(text: str) -> list[tuple[str, str | None]]:
    doc = document_from_text(text)
    figs = find_figures(doc, [], [], Metadata(report_year=2022))
    for f in figs:
        if f.label_start is not None:
            assert doc.text[f.label_start:f.label_end] == f.label
    return [(f.text, f.label) for f in figs]


@pytest.mark.parametrize("sentence, expected", [
    ("全年共立案236件,结案221件,罚没款186.45万元。",
     [("236件", "立案"), ("221件", "结案"), ("186.45万元", "罚没款")]),
    ("累计出动执法人员1400余人次。", [("1400余人次", "出动执法人员")]),
    ("我局受理消费者投诉1025件。", [("1025件", "受理消费者投诉")]),
    ("重大行政决策集体讨论率达到100%。", [("100%", "重大行政决策集体讨论率")]),
])
def test_label_is_the_phrase_before_the_number_without_linking_words(sentence, expected):
    assert labelled(sentence) == expected


def test_listed_figures_each_take_their_own_phrase():
    assert labelled("移出经营异常名录的企业310户、个体工商户205户。") == [
        ("310户", "移出经营异常名录的企业"), ("205户", "个体工商户")]


@pytest.mark.parametrize("sentence, figure, label", [
    ("通过网上办理为156户企业完成了变更登记。", "156户", "企业"),
    ("协调银行等三家金融机构提供贷款。", "三家", "金融机构"),
    ("为商户协调购买300把测温枪。", "300把", "测温枪"),
    ("全区1200台电梯纳入监管。", "1200台", "电梯"),
    ("派驻48名“市场秩序监督员”。", "48名", "“市场秩序监督员”"),
])
def test_noun_after_the_number_is_the_label(sentence, figure, label):
    assert (figure, label) in labelled(sentence)


def test_a_lone_verb_before_the_number_joins_the_noun_after_it():
    assert labelled("随机抽取85户企业。") == [("85户", "抽取企业")]


def test_a_de_phrase_before_the_number_joins_the_noun_after_it():
    assert labelled("对确认失联的260户企业暂不列入名录。") == [("260户", "确认失联的企业")]


def test_a_new_level_shares_the_label_of_the_figure_before():
    assert labelled("办理时限由20个工作日缩短至3个工作日。") == [
        ("20个工作日", "办理时限"), ("3个工作日", "办理时限")]


def test_verbs_of_change_before_a_rate_stay_in_the_label():
    assert labelled("市场主体同比增长7.25%。") == [("7.25%", "市场主体同比增长")]


def test_date_after_a_field_name_takes_the_field_name():
    assert labelled("发布日期:2022-01-10") == [("2022-01-10", "发布日期")]


@pytest.mark.parametrize("sentence, figure, label", [
    ("共受理复议申请15件,其中12件已审结。", "12件", "已审结"),
    ("另有3件尚未办结。", "3件", "尚未办结"),
])
def test_predicate_after_the_number_labels_a_subset(sentence, figure, label):
    assert (figure, label) in labelled(sentence)


def test_a_figure_right_before_names_the_group_counted():
    assert labelled("其中55岁以上38人。") == [("55岁以上", None), ("38人", "55岁以上")]


def test_a_total_later_in_the_sentence_shares_the_label():
    assert labelled("举办法治讲座3期,共18堂课。") == [("3期", "举办法治讲座"), ("18堂课", "举办法治讲座")]


def test_labels_of_a_traditional_report_are_written_as_in_its_text():
    assert labelled("全年共立案1,170件,罰沒款28.6萬元。") == [("1,170件", "立案"), ("28.6萬元", "罰沒款")]


def test_long_phrases_are_cut_to_their_end():
    (_, label), = labelled("在区政府门户网站信息公开平台主动向社会公开涉及重大行政决策的文件42件。")
    assert label is not None and len(label) <= 16 and label.endswith("文件")


def test_a_change_against_a_baseline_keeps_the_baseline():
    assert labelled("处罚金额1,256.8万元,较上年增长15.2%。")[1] == ("15.2%", "较上年增长")
    assert labelled("复议案件比2021年下降8%。") == [("8%", "复议案件比2021年下降")]


def test_a_share_takes_the_label_of_the_figure_it_divides():
    assert labelled("其中具有法律专业背景的43人,占23.1%。")[1] == ("23.1%", "具有法律专业背景占比")


def test_a_label_never_starts_inside_a_quotation_opened_before_it():
    (_, label), = labelled("围绕“3·15”国际消费者权益日、“安全生产月”、“食品安全宣传周”等节点开展主题宣传活动18场。")
    assert label is not None and "”" not in label and label.endswith("宣传活动")


def test_other_category_keeps_its_name():
    assert labelled("其中价格类1207件、其他类1653件。") == [("1207件", "价格类"), ("1653件", "其他类")]


def test_a_bracket_closed_inside_the_phrase_is_kept():
    assert labelled("建成法治文化公园(广场)32个。") == [("32个", "建成法治文化公园(广场)")]


def test_a_field_name_before_a_colon_labels_any_figure():
    assert labelled("罚没金额:56.3万元\n持证人员:212人") == [("56.3万元", "罚没金额"), ("212人", "持证人员")]


def test_a_year_at_the_start_of_the_clause_is_not_part_of_the_label():
    assert labelled("2022年举办8期任前法律知识考试。") == [("8期", "任前法律知识考试")]


def test_a_date_is_labelled_with_what_happened_that_day():
    assert labelled("2021年6月1日,综合行政执法支队正式挂牌成立。") == [
        ("2021年6月1日", "综合行政执法支队正式挂牌成立")]


def test_a_share_written_zhanbi_takes_the_label_of_the_figure_before():
    assert labelled("实现网上办理事项568项,占比百分之九十二。")[1] == ("百分之九十二", "实现网上办理事项占比")


def test_after_dui_the_head_noun_of_the_de_phrase_is_counted():
    assert labelled("对15件情节轻微并及时改正的案件不予处罚。") == [("15件", "案件")]


def test_what_follows_a_copula_or_the_end_of_a_list_names_the_figure():
    assert labelled("罚没款排名前三的类别分别是食品类52.1万元。") == [("52.1万元", "食品类")]
    assert labelled("在社区、商场等发放宣传单3000余份。") == [("3000余份", "发放宣传单")]


def test_a_locative_inside_the_noun_phrase_after_the_number_is_kept():
    assert labelled("开展12项部门内“双随机、一公开”抽查。") == [("12项", "部门内“双随机、一公开”")]


def test_after_weiqi_the_noun_after_de_is_what_lasts():
    assert labelled("组织执法人员参加为期3个月的岗位轮训。") == [("3个月", "岗位轮训")]


def test_after_dui_a_plain_noun_phrase_before_de_is_what_is_counted():
    assert labelled("全年对62家重点排污单位的监测设施开展检查。") == [("62家", "重点排污单位")]


def test_a_modifier_ending_in_an_adverb_stays_whole_before_de():
    (_, label), = labelled("对首次违法且情节轻微的127起案件依法不予处罚。")
    assert label is not None and label.endswith("情节轻微的案件")


def test_a_level_held_takes_the_label_of_what_is_held():
    assert labelled("再犯罪率控制在0.2%以下。") == [("0.2%以下", "再犯罪率")]
    assert labelled("审批时限由45个工作日压缩至平均7个工作日。")[1] == ("7个工作日", "审批时限")


def test_a_share_label_is_written_in_the_script_of_the_report():
    assert labelled("優秀案卷246卷,約佔五分之一。")[1] == ("五分之一", "優秀案卷佔比")


def test_an_organisation_acting_at_the_start_is_not_part_of_the_label():
    assert labelled("河东区局移出经营异常名录的企业310户。") == [("310户", "移出经营异常名录的企业")]
    assert labelled("举办执法培训班6期。") == [("6期", "举办执法培训班")]


def test_a_long_phrase_keeps_what_follows_its_last_light_verb():
    assert labelled("新注册登记的各类企业基本实现网上登记100%。") == [("100%", "网上登记")]


def test_a_baseline_figure_is_labelled_with_its_year():
    assert labelled("追发工资2,865.7万元,较上年的2,450.2万元增长18.6%。")[1] == ("2,450.2万元", "上年")


# --- speed-ups that must not change a label ---------------------------------------------------

def _toks(*pairs: str) -> list:
    from reviewer.analysis.pos_tokens import Token

    out, pos = [], 0
    for pair in pairs:
        word, flag = pair.split("/")
        out.append(Token(word, flag, pos, pos + len(word)))
        pos += len(word)
    return out


def test_keeps_lead_says_which_first_words_stop_the_stripping():
    from reviewer.analysis.label_phrases import _MAY_KEEP_LEAD, _keeps_lead

    assert _keeps_lead("一次", _toks("一次/m", "办结/v", "率/n"))  # 一次办结率: part of the rate's name
    assert not _keeps_lead("一次", _toks("一次/m", "办结/v"))
    assert _keeps_lead('"', _toks('"/x', "双随机/n", '"/x', "抽查/v"))
    assert not _keeps_lead('"', _toks('"/x', "抽查/v"))
    assert _keeps_lead("不予", _toks("不予/v", "受理/v"))
    assert _keeps_lead("“", _toks("“/x", "双随机/n"))
    # every word it may keep is in the set tested first, and none of them starts a time or subject
    from reviewer.analysis.label_phrases import _LEADING_FIRST
    assert all(word[:1] not in _LEADING_FIRST and not word[:1].isdecimal() for word in _MAY_KEEP_LEAD)


def test_a_respectively_list_is_found_from_the_words_that_open_it():
    # 分别为 / 分別為 / 依次为 before the list: each figure takes its name
    assert labelled("其中企业、个体工商户分别为612户、1698户。") == [("612户", "企业"), ("1698户", "个体工商户")]
    assert labelled("其中企業、個體工商戶分別為612戶、1698戶。")[0][1] == "企業"
    assert labelled("其中一审、二审依次为12件、8件。") == [("12件", "一审"), ("8件", "二审")]
    # a second list in the same sentence: its own names, not the first list's
    assert labelled("企业、个体户分别为3户、4户,城区、乡镇分别为5个、6个。") == [
        ("3户", "企业"), ("4户", "个体户"), ("5个", "城区"), ("6个", "乡镇")]


def test_joined_to_previous_is_one_enumeration_comma_between_figures():
    from reviewer.analysis.label_fallbacks import _joined_to_previous
    from reviewer.model import Figure

    text = "3户、4户,5户"
    first, second, third = (Figure(i, text[s:e], 0, None, "count", None, None, s, e, None, None, None)
                            for i, (s, e) in enumerate([(0, 2), (3, 5), (6, 8)], start=1))
    assert _joined_to_previous(text, first, second)
    assert not _joined_to_previous(text, second, third)


def test_strip_tail_stops_at_once_only_where_no_rule_could_apply():
    from reviewer.analysis.label_phrases import _MAY_END_TAIL, _strip_tail

    toks = _toks("立案/v", "查处/v", "案件/n")
    assert _strip_tail(toks) == (toks, False)  # a content word ends it: kept whole
    assert _strip_tail(_toks("结案/v", "共/d"))[0] == _toks("结案/v")
    assert _strip_tail(_toks("时限/n", "压缩/v", "至/p")) == (_toks("时限/n"), True)
    assert _strip_tail(_toks("审批/vn", "时间/n", "降至/v")) == (_toks("审批/vn", "时间/n"), True)
    assert {"平均", "在", "比", "至", "到", "为", ")", "”"} <= _MAY_END_TAIL


def test_occurrences_are_every_start_of_every_word():
    from reviewer.analysis.label_fallbacks import _occurrences

    assert sorted(_occurrences("分别为3、分別為4,依次为5", ("分别", "分別", "依次"))) == [0, 5, 10]
    assert list(_occurrences("没有", ("分别",))) == []
