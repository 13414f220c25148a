"""Indicator labels reduced to a comparison key: the same indicator merges, different ones do not."""

from __future__ import annotations

import pytest

from reviewer.export.indicators import comparison_rows, normalise_label, normalise_unit
from tests.export_factory import district_a, district_b, district_c


@pytest.mark.parametrize("label", [
    "行政复议申请", "行政复议申请数", "行政复议申请数量", "“行政复议申请”数量", "全区行政复议申请",
    "全县行政复议申请总数", "2023年行政复议申请", "行政復議申請", "行政复议申请 数", "我市行政复议申请量",
    "其中行政复议申请",
])
def test_ways_of_writing_one_indicator_share_a_key(label):
    assert normalise_label(label) == "行政复议申请"


@pytest.mark.parametrize("a,b", [
    ("行政复议申请", "行政复议案件"),
    ("上年行政复议申请", "行政复议申请"),  # last year's figure is another indicator
    ("行政诉讼案件", "行政应诉案件"),
    ("执法人员数", "执法人员培训"),
    ("收到行政复议申请", "受理行政复议申请"),  # received is not accepted
])
def test_different_indicators_keep_different_keys(a, b):
    assert normalise_label(a) != normalise_label(b)


def test_short_labels_are_not_stripped_to_nothing():
    assert normalise_label("人数") == "人数"
    assert normalise_label("全区") == "全区"
    assert normalise_label("") == "" and normalise_label(None) == ""


def test_full_width_units_compare_equal():
    assert normalise_unit("％") == normalise_unit("%") == "%"
    assert normalise_unit(" 件 ") == "件"


def test_comparison_rows_group_by_key_and_unit_and_keep_every_statement():
    a, b, c = district_a(), district_b(), district_c()
    rows = {(r.key, r.unit): r for r in comparison_rows([a.review, b.review, c.review])}
    apply = rows[("行政复议申请", "件")]
    assert apply.report_count == 3
    assert [s.value for s in apply.by_report["doc-b"]] == [188, 51]
    assert apply.by_report["doc-a"][0].figure_uuid == a.figures["apply"].review.uuid
    assert apply.label == "行政复议申请"  # the most frequent spelling is shown
    assert rows[("行政执法检查", "次")].report_count == 2
    assert list(rows)[0] == ("行政复议申请", "件")  # most widely stated first


def test_rejected_and_non_numeric_figures_are_not_compared():
    a = district_a()
    a.figures["apply"].review.status = "rejected"
    a.figures["checks"].figure.value = "若干"
    keys = {r.key for r in comparison_rows([a.review])}
    assert "行政复议申请" not in keys and "行政执法检查" not in keys
    assert "罚没款" in keys


def test_shown_label_is_the_first_reports_wording_on_a_tie():
    a, b = district_a(), district_b()
    a.figures["checks"].figure.label = "开展行政执法检查"
    b.figures["checks"].figure.label = "行政執法檢查"
    row = next(r for r in comparison_rows([a.review, b.review]) if r.key == "行政执法检查")
    assert row.report_count == 2
    assert row.label == "开展行政执法检查"
