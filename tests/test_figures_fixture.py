"""A whole invented report (tests/fixtures/figures/): every figure a reviewer would list, and
nothing else — hotline numbers, article and document numbers, names and years left out."""

from __future__ import annotations

from reviewer.load.dispatch import load_document
from reviewer.pipeline import analyze
from tests.conftest import FIXTURES

EXPECTED = [
    ("2023-01-15", "2023-01-15", None), ("6,215户", 6215, "户"), ("8.6%", 8.6, "%"),
    ("1832户", 1832, "户"), ("4383户", 4383, "户"), ("0.5个工作日", 0.5, "个工作日"),
    ("99%以上", 99, "%"), ("3月15日", "2022-03-15", None), ("1.2万余份", 12000, "份"),
    ("300多人次", 300, "人次"), ("236件", 236, "件"), ("221件", 221, "件"),
    ("186.45万元", 1864500, "元"), ("3.2个百分点", 3.2, "个百分点"), ("415户", 415, "户"),
    ("27家", 27, "家"), ("100%", 100, "%"), ("96家", 96, "家"), ("1400余人次", 1400, "人次"),
    ("135名", 135, "名"), ("41岁", 41, "岁"), ("45岁以上", 45, "岁"), ("52人", 52, "人"),
    ("三分之二", 0.666667, None), ("不少于40学时", 40, "学时"), ("3至5个工作日", 3, "个工作日"),
    ("2022年12月30日", "2022-12-30", None), ("12项", 12, "项"), ("4期", 4, "期"),
    ("520人次", 520, "人次"), ("48台", 48, "台"), ("7个工作日", 7, "个工作日"),
    ("2023年1月15日", "2023-01-15", None),
]


def test_every_figure_of_the_fixture_report_and_nothing_else():
    analysis = analyze(load_document(FIXTURES / "figures" / "county_bureau_2022.txt"))
    assert [(f.text, f.value, f.unit) for f in analysis.figures] == EXPECTED


def test_fixture_report_labels_name_what_is_counted():
    analysis = analyze(load_document(FIXTURES / "figures" / "county_bureau_2022.txt"))
    labels = {f.text: f.label for f in analysis.figures}
    assert labels["2023-01-15"] == "发布日期"
    assert labels["236件"].endswith("违法案件")
    assert labels["186.45万元"] == "罚没款"
    assert labels["3.2个百分点"] == "同比下降"
    assert labels["96家"] == "药品零售企业"
    assert labels["1400余人次"] == "出动执法人员"
    assert labels["41岁"] == "平均年龄"
    assert labels["52人"] == "45岁以上"
    assert labels["48台"] == "执法记录仪"
