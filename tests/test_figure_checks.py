"""The figure checks on invented texts: each kind fires on its shape and stays quiet on near-misses.

The figures come from a small regex reader below, not from ``reviewer.analysis.figures``, so these tests
pin the checks' own logic whatever the figure finder does.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from reviewer.checks.figure_checks import find_figure_checks
from reviewer.load.dispatch import document_from_text
from reviewer.model import Check, Figure

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "resources" / "samples"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "checks"

_UNITS = ("个工作日", "批次", "人次", "户次", "家次", "学时", "元", "件", "户", "人", "名", "项", "条",
          "家", "个", "次", "台", "套", "份", "场", "期", "天", "起", "卷", "%")
_FIGURE = re.compile(
    r"(?P<pre>约|近|超过)?(?P<num>\d+(?:\.\d+)?)(?P<mag>万|亿)?(?P<post>余|多)?"
    r"(?P<unit>" + "|".join(_UNITS) + r")(?P<tail>以上|左右)?")
_KINDS = {"%": "percent", "元": "money", "天": "duration", "个工作日": "duration", "学时": "duration"}


def figures_from_text(text: str) -> list[Figure]:
    """Figures of ``text`` read by a plain regex: enough structure for the checks' tests."""
    figures = []
    for match in _FIGURE.finditer(text):
        before = text[max(0, match.start() - 1):match.start()]
        if before in "第〔" and before:
            continue
        if text[match.end("num"):match.end("num") + 1] == "年":
            continue
        value = float(match["num"]) * {"万": 10_000, "亿": 100_000_000}.get(match["mag"] or "", 1)
        qualifier = match["pre"] or match["post"] or match["tail"]
        figures.append(Figure(
            id=len(figures) + 1, text=match.group(), value=int(value) if value == int(value) else value,
            unit=match["unit"], kind=_KINDS.get(match["unit"], "count"), label=None,
            qualifier=qualifier, start=match.start(), end=match.end()))
    return figures


def run_checks(text: str) -> tuple[list[Check], dict[int, str]]:
    document = document_from_text(text)
    figures = figures_from_text(document.analysis_text)
    texts = {f.id: f.text for f in figures}
    return find_figure_checks(document, [], figures), texts


def figure_texts(check: Check, texts: dict[int, str]) -> list[str]:
    return [texts[i] for i in check.figures]


def test_total_followed_by_parts_that_exceed_it_is_a_sum_mismatch():
    checks, texts = run_checks(
        "全年受理案件300件,其中投诉举报类180件、监督检查类90件、移送类45件、其他类15件。")
    assert [c.kind for c in checks] == ["sum_mismatch"]
    assert figure_texts(checks[0], texts) == ["300件", "180件", "90件", "45件", "15件"]
    assert checks[0].detail["difference"] == 30
    assert checks[0].severity == "error"
    assert "多30件" in checks[0].message


def test_exhaustive_list_that_falls_short_is_a_warning():
    checks, texts = run_checks("受理投诉举报1000件,其中食品类500件、药品类200件、其他类250件。")
    assert [c.kind for c in checks] == ["sum_mismatch"]
    assert checks[0].severity == "warning"
    assert "少50件" in checks[0].message


def test_partial_list_below_its_total_is_not_a_mismatch():
    checks, _ = run_checks("立案查处违法案件1365件,其中食品安全案件486件、药品案件137件、特种设备案件58件。")
    assert checks == []


def test_parts_that_add_up_are_silent():
    checks, _ = run_checks("新登记市场主体12836户,同比增长8.6%,其中企业4215户、个体工商户8597户、农民专业合作社24户。")
    assert checks == []


def test_a_part_after_qizhong_is_not_the_total_of_a_pass_fail_pair():
    """合格/不合格 after 其中 are siblings of 优秀, not the halves of it."""
    checks, _ = run_checks("共评查案卷570卷,其中优秀案卷212卷,合格案卷301卷,不合格案卷57卷。")
    assert checks == []
    checks, texts = run_checks("受理投诉560件,已办结532件,未办结48件。")
    assert [figure_texts(c, texts) for c in checks] == [["560件", "532件", "48件"]]


def test_money_parts_compare_in_base_units():
    ok, _ = run_checks("罚没款合计862.47万元,其中罚款735.20万元、没收违法所得127.27万元。")
    assert ok == []
    bad, texts = run_checks("罚没款合计862.47万元,其中罚款745.20万元、没收违法所得127.27万元。")
    assert [c.kind for c in bad] == ["sum_mismatch"]
    assert "多10万元" in bad[0].message


def test_total_after_parts_with_heji():
    checks, texts = run_checks("办理行政许可申请:食品经营120件,药品经营30件,医疗器械15件,合计175件。")
    assert [c.kind for c in checks] == ["sum_mismatch"]
    assert figure_texts(checks[0], texts)[0] == "175件"
    silent, _ = run_checks("办理行政许可申请:食品经营120件,药品经营30件,医疗器械15件,合计165件。")
    assert silent == []


def test_remainder_total_running_into_its_breakdown_is_checked():
    text = ("本年度行政诉讼40件,其中上诉案件4件;其余36件一审案件法院驳回起诉6件,"
            "驳回诉讼请求3件,原告撤诉20件,另外11件尚未审结。")
    checks, texts = run_checks(text)
    assert [c.kind for c in checks] == ["sum_mismatch"]
    assert figure_texts(checks[0], texts) == ["36件", "6件", "3件", "20件", "11件"]
    assert checks[0].detail["difference"] == 4


def test_list_under_a_colon_heading_takes_its_total_from_the_sentence_before():
    text = ("全年受理案件200件,结案150件,罚没款金额80.5万元。案件具体办理情况如下:\n\n"
            "按金额划分,排名前三位的案件类别分别是食品类40万元,广告类30万元,价格类20万元;"
            "从案件来源看,投诉举报类100件,监督检查类80件,其他类30件。")
    checks, texts = run_checks(text)
    assert {(c.kind, texts[c.figures[0]]) for c in checks} == {
        ("sum_mismatch", "80.5万元"), ("sum_mismatch", "200件")}


def test_exhaustive_list_between_two_possible_totals_is_ambiguous_and_silent():
    text = ("全年受理案件200件,结案150件。案件具体办理情况如下:\n\n"
            "从案件来源看,投诉举报类100件,监督检查类60件,其他类30件。")
    checks, _ = run_checks(text)
    assert checks == []


def test_a_list_matching_another_total_in_the_sentence_is_silent():
    checks, _ = run_checks("立案查处违法案件418件,结案396件,罚没款236.52万元。其中适用简易程序57件,适用普通程序361件。")
    assert checks == []


def test_bracketed_breakdown_exceeding_its_total():
    bad, _ = run_checks("办理行政复议21件(甲委15件,乙局9件),均已办结。")
    assert [c.kind for c in bad] == ["sum_mismatch"]
    ok, _ = run_checks("办理行政复议21件(甲委17件,乙局4件),均已办结。")
    assert ok == []


def test_truncated_rate_is_a_warning():
    checks, texts = run_checks("各级调解组织共调解案件2672件,调解成功2354件,调解成功率88.09%。")
    assert [c.kind for c in checks] == ["rate_mismatch"]
    assert checks[0].severity == "warning"
    assert "截断" in checks[0].message
    assert figure_texts(checks[0], texts) == ["2672件", "2354件", "88.09%"]


def test_correctly_rounded_rate_is_silent():
    checks, _ = run_checks("各级调解组织共调解案件2672件,调解成功2354件,调解成功率88.10%。")
    assert checks == []


def test_wrong_rate_is_an_error():
    checks, _ = run_checks("立案查处案件1365件,结案1298件,结案率96.25%。")
    assert [c.kind for c in checks] == ["rate_mismatch"]
    assert checks[0].severity == "error"
    assert "95.09%" in checks[0].message


def test_growth_rate_is_not_checked_against_the_figures_beside_it():
    checks, _ = run_checks("新登记企业4215户,注销企业1200户,企业增长率12.5%。")
    assert checks == []


def test_rate_denominator_skips_the_parts_of_a_breakdown():
    checks, texts = run_checks(
        "受理投诉举报1000件,其中食品类600件、其他类400件;按期办结950件,按期办结率96.00%。")
    assert [c.kind for c in checks] == ["rate_mismatch"]
    assert figure_texts(checks[0], texts) == ["1000件", "950件", "96.00%"]


def test_rate_without_a_numerator_named_like_it_is_silent():
    checks, _ = run_checks("检查企业500户,发现问题40户,抽查结果公示率100%。")
    assert checks == []


def test_same_indicator_stated_twice_with_different_values_conflicts():
    text = ("一、工作成效\n全年受理投诉举报1200件,挽回经济损失20万元。\n"
            "二、具体做法\n依托12315平台,全年受理投诉举报1230件,挽回经济损失20万元。")
    checks, texts = run_checks(text)
    assert [c.kind for c in checks] == ["conflicting_repeat"]
    assert figure_texts(checks[0], texts) == ["1200件", "1230件"]


def test_same_label_in_two_unrelated_statements_does_not_conflict():
    text = ("开展药品专项检查,出动执法人员1086人次,查办违法案件108件。"
            "开展食品专项检查,出动执法人员763人次,查办违法案件160件。")
    checks, _ = run_checks(text)
    assert checks == []


def test_generic_labels_and_different_periods_do_not_conflict():
    text = ("甲所检查企业120户。乙所检查企业95户。2022年受理投诉举报800件。"
            "2023年受理投诉举报950件。全年受理投诉举报约900件,受理投诉举报920余件。")
    checks, _ = run_checks(text)
    assert checks == []


def test_fazhi_sample_has_exactly_its_two_planted_inconsistencies():
    checks, texts = run_checks((SAMPLES / "sample_fazhi_2023.txt").read_text(encoding="utf-8"))
    assert [(c.kind, texts[c.figures[0]]) for c in checks] == [
        ("sum_mismatch", "4826件"), ("rate_mismatch", "4826件")]


def test_traditional_sample_is_consistent():
    checks, _ = run_checks((SAMPLES / "sample_zhifa_2022_traditional.txt").read_text(encoding="utf-8"))
    assert checks == []


def test_near_miss_table():
    cases = json.loads((FIXTURES / "near_misses.json").read_text(encoding="utf-8"))["cases"]
    failures = []
    for case in cases:
        checks, _ = run_checks(case["text"])
        kinds = [c.kind for c in checks]
        if kinds != case["expect"]:
            failures.append((case["name"], kinds, [c.message for c in checks]))
    assert failures == []


def test_share_of_a_breakdown_total_is_checked_against_that_total():
    ok, _ = run_checks("受理投诉举报2137件,其中投诉1425件,占66.7%,举报712件,占33.3%。")
    assert ok == []
    bad, texts = run_checks("受理投诉举报2137件,其中投诉1425件,占68.7%,举报712件,占33.3%。")
    assert [c.kind for c in bad] == ["rate_mismatch"]
    assert figure_texts(bad[0], texts) == ["2137件", "1425件", "68.7%"]


def test_shares_of_one_whole_adding_up_to_more_than_100_percent():
    bad, _ = run_checks("居前两位的是消费维权类、治安类,分别占案件总数的84.6%、16.6%。")
    assert [c.kind for c in bad] == ["sum_mismatch"]
    ok, _ = run_checks("居前两位的是消费维权类、治安类,分别占案件总数的84.6%、15.5%。")
    assert ok == []
    growth, _ = run_checks("两市收案数同比分别增长77.76%、65.78%。")
    assert growth == []


def test_invented_reports_give_exactly_their_expected_checks():
    expected = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))
    for name, wanted in expected.items():
        if name == "about":
            continue
        checks, texts = run_checks((FIXTURES / name).read_text(encoding="utf-8"))
        found = [{"kind": c.kind, "severity": c.severity, "figures": figure_texts(c, texts)} for c in checks]
        assert found == wanted, name


def test_full_width_punctuation_reads_like_half_width():
    text = "全年受理案件300件，其中投诉举报类180件、监督检查类90件、移送类45件、其他类15件；结案290件。"
    text = text.replace(",", "\uff0c").replace(";", "\uff1b")
    checks, texts = run_checks(text)
    assert [c.kind for c in checks] == ["sum_mismatch"]
    assert figure_texts(checks[0], texts)[0] == "300件"
    rate, _ = run_checks("调解案件2672件\uff0c调解成功2354件\uff0c调解成功率88.09%\u3002")
    assert [c.severity for c in rate] == ["warning"]


def test_samples_through_the_whole_pipeline_give_their_planted_checks():
    from reviewer.pipeline import analyze

    wanted = {"sample_fazhi_2023.txt": [("sum_mismatch", "4826件"), ("rate_mismatch", "4826件")],
              "sample_zhifa_2022_traditional.txt": []}
    for name, expected in wanted.items():
        analysis = analyze(document_from_text((SAMPLES / name).read_text(encoding="utf-8")))
        texts = {f.id: f.text for f in analysis.figures}
        found = [(c.kind, texts[c.figures[0]]) for c in analysis.checks
                 if c.kind in ("sum_mismatch", "rate_mismatch", "change_mismatch", "conflicting_repeat")]
        assert found == expected, name


_FRAGMENTS = ["受理", "案件", "其中", "分别为", "合计", "共", "其他类", "其余", "另外", "等", "占", "率",
              "结案", "调解成功", "如下:", ",", "、", ";", "。", "\n", "(", ")", "\uff0c", "\uff08"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_FRAGMENTS),
                          st.builds(lambda n, u: f"{n}{u}", st.integers(0, 5000),
                                    st.sampled_from(["件", "户", "万元", "%", "人", "名"]))),
                max_size=40))
def test_any_text_gives_well_formed_checks(pieces):
    text = "".join(pieces)
    checks, texts = run_checks(text)
    for check in checks:
        assert check.kind in ("sum_mismatch", "rate_mismatch", "change_mismatch", "conflicting_repeat")
        assert check.severity in ("warning", "error")
        assert check.message and check.figures
        assert all(i in texts for i in check.figures)


def test_invented_reports_through_the_whole_pipeline():
    from reviewer.pipeline import analyze

    expected = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))
    for name, wanted in expected.items():
        if name == "about":
            continue
        analysis = analyze(document_from_text((FIXTURES / name).read_text(encoding="utf-8")))
        texts = {f.id: f.text for f in analysis.figures}
        found = [{"kind": c.kind, "severity": c.severity, "figures": figure_texts(c, texts)}
                 for c in analysis.checks if c.kind in ("sum_mismatch", "rate_mismatch", "change_mismatch", "conflicting_repeat")]
        assert found == wanted, name
