"""Measure words that government reports use, and labels for the shapes that used to go wrong:
a counted noun written before the number, a frequency clause, 依申请, a "由A…至B" change and a
generic measure word.  Every sentence is invented for the rule it pins."""

from __future__ import annotations

import pytest

from reviewer.analysis.figures import find_figures
from reviewer.load.dispatch import document_from_text
from reviewer.model import Figure, Metadata


def figures_of(text: str) -> list[Figure]:
    doc = document_from_text(text)
    figs = find_figures(doc, [], [], Metadata(report_year=2022))
    for f in figs:
        assert doc.text[f.start:f.end] == f.text
        if f.label_start is not None:
            assert doc.text[f.label_start:f.label_end] == f.label
    return figs


def found(text: str) -> list[tuple[str, object, str | None]]:
    return [(f.text, f.value, f.unit) for f in figures_of(text)]


def labelled(text: str) -> dict[str, str | None]:
    return {f.text: f.label for f in figures_of(text)}


# ---------------------------------------------------------------- measure words


@pytest.mark.parametrize("sentence, expected", [
    ("将年度重点工作细化为4大类31项。", [("4大类", 4, "大类"), ("31项", 31, "项")]),
    ("问题清单分为三大类。", [("三大类", 3, "大类")]),
    ("事项目录细分为26小类。", [("26小类", 26, "小类")]),
    ("服务热线全年接听群众来电8.2万通。", [("8.2万通", 82_000, "通")]),
    ("修复破损护栏7段。", [("7段", 7, "段")]),
    ("编发典型案例12则。", [("12则", 12, "则")]),
    ("创作普法歌曲3首。", [("3首", 3, "首")]),
    ("拍摄普法微视频15集。", [("15集", 15, "集")]),
    ("办结热线工单1.3万单。", [("1.3万单", 13_000, "单")]),
    ("储备检测试剂2000人份。", [("2000人份", 2000, "人份")]),
    ("发放防护服600件套。", [("600件套", 600, "件套")]),
    ("督查组开展督查45组次。", [("45组次", 45, "组次")]),
    ("复查隐患点位210处次。", [("210处次", 210, "处次")]),
    ("巡逻车往返巡查36趟次。", [("36趟次", 36, "趟次")]),
])
def test_common_measure_words_of_reports_make_figures(sentence, expected):
    assert found(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "培训基层干部320人/次。",
    "培训基层干部320人·次。",
])
def test_person_times_written_with_a_slash_or_dot_is_unit_person_times(sentence):
    (f,) = figures_of(sentence)
    assert (f.value, f.unit, f.kind) == (320, "人次", "count")


@pytest.mark.parametrize("sentence", [
    "实现水电路气三通一平。",          # a set phrase, not three calls
    "开设5通道快速办理窗口。",          # 通道 is a word of its own
    "考核合格的3通过率排名靠前。",      # 通过率
    "一段时间以来工作推进缓慢。",        # 一段时间: a while
    "一则提高效率,二则降低成本。",      # firstly, secondly
    "两单两卡制度全面推行。",            # a set phrase with a Chinese numeral
    "涉及5单位的整改任务。",            # 单位
    "评选出5首批示范单位。",            # 首批
    "落实三集中三到位要求。",            # 集中
    "划定二类区域开展整治。",            # a category name, not a count
])
def test_new_measure_words_do_not_make_figures_of_words_and_set_phrases(sentence):
    assert found(sentence) == []


# ---------------------------------------------------------------- labels


def test_noun_before_the_number_is_counted_when_a_verb_phrase_follows_the_measure_word():
    labels = labelled("抽调网格员八十余人入户排查,登记隐患12处。")
    assert "网格员" in labels["八十余人"]
    assert "入户" not in labels["八十余人"]


def test_a_scope_before_the_number_does_not_take_the_label_from_the_noun_after_it():
    label = labelled("组织全区860名执法人员参加考试。")["860名"]
    assert label.startswith("执法人员")


def test_a_verb_right_after_the_measure_word_leaves_the_label_to_the_noun_before():
    assert labelled("派出工作人员50名下沉社区服务。")["50名"].endswith("工作人员")


@pytest.mark.parametrize("sentence, figure, activity", [
    ("对辖区12家加油站开展安全检查,每季度不少于2次。", "不少于2次", "安全检查"),
    ("在村居广场开展“法治夜市”宣传,每周1次。", "1次", "“法治夜市”宣传"),
])
def test_a_frequency_clause_takes_the_activity_of_the_clause_before(sentence, figure, activity):
    assert labelled(sentence)[figure] == activity


def test_yi_shenqing_is_kept_as_a_fixed_term():
    assert "依申请公开" in labelled("受理依申请公开事项17件。")["17件"]
    assert labelled("依申请公开办理答复9件。")["9件"].startswith("依申请公开")


@pytest.mark.parametrize("sentence, first, second, label", [
    ("不动产登记时限由30个工作日压减至不超过5个工作日。", "30个工作日", "不超过5个工作日", "不动产登记时限"),
    ("项目核准时间从45天精简到20天。", "45天", "20天", "项目核准时间"),
])
def test_a_from_to_change_gives_the_new_level_the_label_of_the_old(sentence, first, second, label):
    labels = labelled(sentence)
    assert labels[first] == label
    assert labels[second] == label


def test_a_generic_measure_noun_is_joined_to_the_activity_of_the_clause_before():
    label = labelled("安排新录用人员到窗口轮岗锻炼,时间为2至4个月。")["2至4个月"]
    assert "轮岗锻炼" in label and label.endswith("时间")


def test_a_percentage_followed_by_a_verb_keeps_its_predicate():
    label = labelled("实现涉企案件100%录入办案平台。")["100%"]
    assert "录入" in label


def test_a_frequency_or_generic_word_with_its_own_activity_keeps_its_clause():
    labels = labelled("每月开展联合巡查不少于2次,每次2至3小时。")
    assert "联合巡查" in labels["不少于2次"]
    assert labels["2至3小时"] == "每次"


@pytest.mark.parametrize("sentence, expected", [
    ("坚持每周1次集中学习。", [("1次", 1, "次")]),
    ("每周一次调度会议。", [("一次", 1, "次")]),
    ("每周一上午召开例会。", []),
    ("周三下午集中学法。", []),
])
def test_a_weekly_count_is_a_figure_but_a_weekday_is_not(sentence, expected):
    assert found(sentence) == expected


def test_an_aspect_particle_and_the_reporting_body_inside_a_predicate_are_dropped():
    labels = labelled("其中8件复议机关维持,另有6件撤销了我局原处罚决定。")
    assert labels["6件"] == "撤销原处罚决定"


def test_a_total_marker_inside_a_label_stays_as_written():
    assert labelled("局务会共召开14次。")["14次"] == "局务会共召开"


def test_a_verb_after_the_counted_noun_is_not_part_of_it():
    assert labelled("全局27名执法人员办理换证手续。")["27名"] == "执法人员"


def test_an_organisation_that_starts_the_next_predicate_ends_the_noun_after_the_number():
    assert labelled("另有15件复议案件人民法院尚在审理。")["15件"] == "复议案件"


def test_a_figure_stated_for_last_year_is_labelled_with_the_baseline():
    labels = labelled("全年办理投诉1,520件,同比增长8.2%(上年为1,405件)。")
    assert labels["1,405件"] == "上年"


def test_a_rate_per_unit_before_the_number_joins_the_measure_noun_after_it():
    label = labelled("对占道经营按照每平方米20元的标准收取费用。")["20元"]
    assert label.startswith("每平方米") and label.endswith("标准")
