"""Shapes of check that a blind corpus (heldout6) showed the rules missing, each pinned on
invented sentences, on other phrasings of the same shape, and on near-misses that must stay
silent: a rule must catch the shape, not one report's wording."""

from __future__ import annotations

import pytest

from reviewer.load.dispatch import document_from_text
from reviewer.pipeline import analyze


def checks(text: str, kind: str | None = None):
    analysis = analyze(document_from_text(text))
    texts = {f.id: f.text for f in analysis.figures}
    return [(c.kind, [texts.get(x, x) for x in c.figures]) for c in analysis.checks
            if kind is None or c.kind == kind]


def messages(text: str, kind: str | None = None) -> list[str]:
    return [c.message for c in analyze(document_from_text(text)).checks
            if kind is None or c.kind == kind]


# --- one mis-numbered heading in a run: (二)(二)(四) ------------------------------------------

def _outline(numbers: list[str]) -> str:
    body = "".join(f"({n})第{i}项工作\n本项开展检查{i + 3}次。\n" for i, n in enumerate(numbers))
    return "某县2020年法治政府建设情况报告\n一、主要工作\n" + body + "二、下一步打算\n继续推进。\n"


def test_a_repeated_number_followed_by_the_one_after_the_missing_one_is_one_slip():
    """(一)(二)(二)(四) is one problem, not two: a reviewer reads the third heading as (三)
    written (二) — one heading to renumber — so it is one numbering_gap naming that heading,
    not a "repeated" check plus a "skipped" check about the same slip."""
    found = messages(_outline(["一", "二", "二", "四"]), "numbering_gap")
    assert len(found) == 1
    assert "第二个“二”应为“三”" in found[0]


@pytest.mark.parametrize("numbers, count", [
    (["一", "二", "二", "三"], 1),        # a repeat alone: the run goes on from it
    (["一", "二", "四"], 1),              # a skip alone
    (["一", "二", "二", "五"], 2),        # a repeat and then a real gap of two: two slips
    (["一", "二", "三", "四"], 0),
])
def test_repeats_and_gaps_that_are_not_one_slip_stay_separate(numbers, count):
    assert len(messages(_outline(numbers), "numbering_gap")) == count


# --- a rough rate (约82%) after a total, last year's figure and the change -------------------

@pytest.mark.parametrize("text", [
    "全年共受理投诉案件2360件,较上年的2100件增加260件;办结1990件,办结率约80%。",
    "今年立案查处违法案件850件,比2022年的910件减少60件,下降6.6%;结案790件,结案率为89%左右。",
    "共收到申请540件,较去年同期480件多60件,已办理430件,办理率大约为88%。",
])
def test_a_rough_rate_off_by_points_is_checked_over_this_years_total(text):
    found = checks(text, "rate_mismatch")
    assert len(found) == 1
    # the base is this year's total, never last year's figure or the change
    assert not any(x in found[0][1] for x in ("2100件", "260件", "910件", "60件", "480件"))


@pytest.mark.parametrize("text", [
    "全年共受理投诉案件2360件,较上年的2100件增加260件;办结1990件,办结率约84%。",   # 84.3: within a point
    "今年立案查处违法案件850件,比2022年的910件减少60件;结案790件,结案率93%以上。",   # one-sided bound
    "共收到申请540件,已办理430件,办理率约79.6%。",                                   # 79.63: right
])
def test_a_rough_rate_within_a_point_or_a_bound_stays_silent(text):
    assert checks(text, "rate_mismatch") == []


@pytest.mark.parametrize("text, flagged", [
    ("全年立案450件。年底前结案410件,结案率约88%。", True),       # 91.11: three points off
    ("全年立案450件。年底前结案410件,结案率约90%。", False),      # a whole 约 rate: two points of slack
    ("全年立案450件。年底前结案410件,结案率约90.0%。", True),     # with a decimal: one point
    ("全年立案450件。年底前结案410件,结案率为91%左右。", False),
])
def test_a_rough_rate_over_a_base_sentences_earlier_gets_the_same_slack(text, flagged):
    assert bool(checks(text, "rate_mismatch")) is flagged


# --- a rate of an outcome whose base is the stage stated sentences earlier -------------------

@pytest.mark.parametrize("text, base", [
    ("全年共收到复议申请700件。年内审结复议案件640件。经审理,直接纠错(撤销、变更)118件,纠错率为18.42%。", "640件"),
    ("本年度共办结信访事项300件。其中,经复查撤销原处理意见的纠错案件45件,纠错率15.5%。", "300件"),
    ("一审案件已审结215件,另有在审案件30件。行政机关败诉23件,败诉率为11.6%。", "215件"),
])
def test_a_rate_of_an_outcome_is_over_the_cases_that_reached_that_stage(text, base):
    found = checks(text, "rate_mismatch")
    assert len(found) == 1 and found[0][1][0] == base
    assert any("÷" + base in m and "基数为前文所述" + base in m for m in messages(text, "rate_mismatch"))


def test_a_truncated_outcome_rate_over_an_earlier_stage_is_a_truncation_warning():
    text = "年内审结复议案件640件。经审理,直接纠错(撤销、变更)118件,纠错率为18.43%。"
    [message] = messages(text, "rate_mismatch")
    assert "118件÷640件=18.4375%" in message and "截断" in message


@pytest.mark.parametrize("text", [
    # right over the stage (118/640 = 18.44)
    "年内审结复议案件640件。经审理,直接纠错(撤销、变更)118件,纠错率为18.44%。",
    # two different 审结 figures before it: which one is the base is a guess
    "市级审结案件640件,县级审结案件420件。经审理,直接纠错118件,纠错率为15.5%。",
    # a rate whose stage is not known, over one of two earlier figures
    "全年审结案件640件,受理案件700件。群众满意事项600件,满意率为90.1%。",
])
def test_an_outcome_rate_with_no_single_stage_base_stays_silent(text):
    assert checks(text, "rate_mismatch") == []


# --- change arithmetic: the rate right after last year's figure, last year's figure after the
# --- rate, and last year's figure in brackets ------------------------------------------------

@pytest.mark.parametrize("text, shown", [
    ("全年行政诉讼案件150件,较上年的190件降幅为26.7%。", "(190件−150件)÷190件=21.053%"),
    ("受理举报线索264条,比2021年的220条增幅达25%。", "(264条−220条)÷220条=20.00%"),
    ("办理审批事项8420件,较去年同期9000件下降7.6%。", "(9000件−8420件)÷9000件=6.444%"),
    ("接待来访群众120人次,同比(150人次)下降25%。", "(150人次−120人次)÷150人次=20.00%"),
    ("接待来访群众120人次,较2015年(150人次)降幅25.0%。", "(150人次−120人次)÷150人次=20.000%"),
])
def test_a_rate_right_after_last_years_figure_is_the_change_over_it(text, shown):
    [message] = messages(text, "change_mismatch")
    assert message.startswith(shown)


@pytest.mark.parametrize("text, shown", [
    ("全年办理行政许可42100件,同比增长12.5%,上年同期为38600件。", "(42100件−38600件)÷38600件=9.067%"),
    ("共查处案件305件,同比下降8%(2021年为350件)。", "(350件−305件)÷350件=12.86%"),
    ("开展检查1880次,较上年增长15.2%,上年为1600次。", "(1880次−1600次)÷1600次=17.500%"),
])
def test_last_years_figure_stated_after_the_rate_is_its_base(text, shown):
    [message] = messages(text, "change_mismatch")
    assert message.startswith(shown)


@pytest.mark.parametrize("text, shown", [
    ("受理来访群众96人次,较2019年(131人次)下降28人次。", "131人次−96人次=35人次"),
    ("办理复议案件57件,比上年(45件)增加9件。", "57件−45件=12件"),
])
def test_last_years_figure_in_brackets_then_the_stated_change(text, shown):
    [message] = messages(text, "change_mismatch")
    assert message.startswith(shown)


@pytest.mark.parametrize("text", [
    "全年行政诉讼案件150件,较上年的190件降幅为21.1%。",              # right
    "全年办理行政许可42100件,同比增长9.1%,上年同期为38600件。",       # right (9.067 -> 9.1)
    "共查处案件305件,同比下降8%(第三季度为350件)。",                   # a quarter, not last year
    "受理来访群众96人次,较2019年(131人次)下降35人次。",                 # right
    "接待来访群众120人次,同比(150人次)下降20%。",                        # right
    "接待来访群众120人次,下降25%(一季度150人次)。",                      # a quarter in the bracket
    "办理复议案件57件,比上年增加9件(45件为上年结转)。",                  # the bracket is an aside
    "全年办理许可42100件,同比增长9.4%,其中上年结转为3860件。",          # not last year's figure
])
def test_changes_that_agree_or_are_not_last_years_stay_silent(text):
    assert checks(text, "change_mismatch") == []


def test_a_growth_rate_read_by_two_rules_is_reported_once():
    assert len(checks("受理申请200件,较上年的160件增长20%。", "change_mismatch")) == 1


# --- a lone share that names its base (占一般程序案件的29.4%), the base sentences earlier -----

@pytest.mark.parametrize("text, base", [
    ("全年适用简易程序案件340件,适用一般程序案件860件。经法制审核的案件205件,占一般程序案件的28.6%。", "860件"),
    ("受理信息公开申请420件,其中依申请公开类申请150件。当年答复的依申请公开类申请98件,占依申请公开类申请的60.3%。", "150件"),
    ("全局共有执法人员310名,持证执法人员286名。参加培训的120名,占持证执法人员比例为45.1%。", "286名"),
])
def test_a_share_that_names_its_base_is_measured_against_it(text, base):
    [message] = messages(text, "rate_mismatch")
    assert "÷" + base in message and f"基数为前文所述{base}" in message


@pytest.mark.parametrize("text", [
    # right: 205 / 860 = 23.84
    "全年适用简易程序案件340件,适用一般程序案件860件。经法制审核的案件205件,占一般程序案件的23.8%。",
    # two figures so named, with different values: which one is the base is a guess
    "上半年一般程序案件400件,下半年一般程序案件460件。经法制审核的案件205件,占一般程序案件的28.6%。",
    # another earlier figure gives the stated share
    "全年适用一般程序案件860件,立案717件。经法制审核的案件205件,占一般程序案件的28.6%。",
    # a base that is never stated
    "全年适用简易程序案件340件。经法制审核的案件205件,占一般程序案件的28.6%。",
])
def test_a_share_naming_a_base_that_is_ambiguous_or_right_stays_silent(text):
    assert checks(text, "rate_mismatch") == []


# --- a 其中 list closed by a remainder that opens a long label (余下以…为被告的21件) -----------

@pytest.mark.parametrize("text", [
    "全年共办理行政复议案件96件。其中以县政府为被申请人的30件,以县政府部门为被申请人的51件,余下以乡镇政府为被申请人的11件。",
    "全市共受理举报线索215条。其中来自电话举报的102条,来自网络平台举报的64条,其余通过来信来访方式反映的45条。",
    "共有执法人员180名,其中市本级执法人员62名,区县执法人员95名,剩下在乡镇街道综合执法队工作的19名。",
])
def test_a_remainder_word_opening_a_long_label_closes_the_list(text):
    [found] = checks(text, "sum_mismatch")
    assert len(found[1]) == 4


@pytest.mark.parametrize("text", [
    # adds up
    "全年共办理行政复议案件96件。其中以县政府为被申请人的30件,以县政府部门为被申请人的51件,余下以乡镇政府为被申请人的15件。",
    # no remainder: the list may name examples only
    "全市共受理举报线索215条。其中来自电话举报的102条,来自网络平台举报的64条,通过来信来访方式反映的45条。",
])
def test_a_list_that_adds_up_or_claims_no_completeness_stays_silent(text):
    assert checks(text, "sum_mismatch") == []


# --- a summary and the body naming one indicator with a filler word (各类, 矛盾纠纷) ------------

def _summary_and_body(summary: str, body: str) -> str:
    return (f"某镇2019年依法行政工作总结\n2019年,我镇扎实推进依法行政。{summary}现将有关情况总结如下:\n"
            f"一、主要工作\n(一)化解矛盾。{body}\n二、下一步打算\n继续推进。\n")


@pytest.mark.parametrize("summary, body", [
    ("全年共调处矛盾纠纷61起,社会大局稳定。", "全年调处各类纠纷64起,调解成功率较高。"),
    ("全年共排查各类安全隐患215处,全部整改。", "全年排查安全隐患251处,已整改到位。"),
    ("全年共受理各项行政许可申请1380件。", "全年受理行政许可申请1385件,按时办结。"),
])
def test_a_summary_and_the_body_naming_one_indicator_with_a_filler_word_disagree(summary, body):
    found = checks(_summary_and_body(summary, body), "conflicting_repeat")
    assert len(found) == 1


@pytest.mark.parametrize("summary, body", [
    ("全年共调处矛盾纠纷61起。", "全年调处劳动纠纷24起,调解成功率较高。"),          # a kind of 纠纷, not all
    ("全年共调处矛盾纠纷61起。", "其中调处各类纠纷64起在村一级化解。"),              # narrowed: 其中
    ("全年共调处矛盾纠纷61起。", "全年调处各类纠纷61起,调解成功率较高。"),          # the same value
])
def test_a_narrower_indicator_or_the_same_value_is_no_repeat(summary, body):
    assert checks(_summary_and_body(summary, body), "conflicting_repeat") == []


def test_a_stage_figure_under_another_heading_is_not_an_outcome_rates_base():
    """A court's 审结 under 行政诉讼 is not the base of the 复议 纠错率 under 行政复议."""
    text = ("某市2022年行政复议工作报告\n一、行政诉讼\n全年法院受理行政案件520件,审结行政案件500件。\n"
            "二、行政复议\n复议机关直接纠错40件,纠错率为12%。\n")
    assert checks(text, "rate_mismatch") == []
    same_section = text.replace("二、行政复议\n", "")
    assert checks(same_section, "rate_mismatch") == [("rate_mismatch", ["500件", "40件", "12%"])]
