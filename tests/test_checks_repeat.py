"""One result stated in the opening summary and again, with another value, in the body
(``conflicting_repeat``), on invented reports; and the near misses that must stay silent."""

from __future__ import annotations

from reviewer.load.dispatch import document_from_text
from reviewer.pipeline import analyze

TITLE = "柳岸县林业局2022年法治政府建设情况报告\n\n"
INTRO = "2022年,柳岸县林业局坚持依法行政,各项工作取得新成效。"


def repeats(summary: str, body: str) -> list[list[str]]:
    text = f"{TITLE}{INTRO}{summary}现将有关情况报告如下。\n一、主要工作\n(一)严格执法\n{body}\n二、存在问题\n执法力量不足。\n"
    analysis = analyze(document_from_text(text))
    texts = {f.id: f.text for f in analysis.figures}
    return [[texts[i] for i in c.figures] for c in analysis.checks if c.kind == "conflicting_repeat"]


def test_a_summary_result_restated_with_another_value_in_the_body_conflicts():
    found = repeats("全年共查处滥伐林木违法案件52件,罚没款38.6万元。",
                    "开展巡山护林,查处滥伐林木违法案件57件,结案50件。")
    assert found == [["52件", "57件"]]


def test_the_same_value_in_summary_and_body_is_consistent():
    assert repeats("全年共查处滥伐林木违法案件52件。", "查处滥伐林木违法案件52件,结案50件。") == []


def test_a_short_label_needs_an_anchor():
    assert repeats("全年共办理林案52件。", "办理林案57件,结案50件。") == []


def test_a_body_figure_narrowed_by_a_campaign_is_a_part():
    assert repeats("全年共查处滥伐林木违法案件52件。",
                   "春季专项行动中,查处滥伐林木违法案件17件,结案15件。") == []


def test_a_body_figure_inside_a_breakdown_is_a_part():
    assert repeats("全年共查处非法收购木材案件52件。",
                   "全年办结案件60件,其中查处非法收购木材案件45件,其他案件15件。") == []


def test_a_body_figure_for_another_year_is_another_period():
    assert repeats("全年共查处滥伐林木违法案件52件。", "2021年查处滥伐林木违法案件57件,结案50件。") == []


def test_a_body_figure_for_half_a_year_is_another_period():
    assert repeats("全年共查处滥伐林木违法案件52件。", "上半年查处滥伐林木违法案件27件,结案25件。") == []


def test_a_figure_stated_with_several_values_in_the_body_is_broken_down_there():
    assert repeats("全年共查处滥伐林木违法案件52件。",
                   "东片查处滥伐林木违法案件30件。\n西片查处滥伐林木违法案件22件。") == []


def test_an_approximate_figure_does_not_conflict():
    assert repeats("全年共查处滥伐林木违法案件50余件。", "查处滥伐林木违法案件57件,结案50件。") == []


def test_another_scope_is_another_indicator():
    assert repeats("全县共查处滥伐林木违法案件52件。", "本局查处滥伐林木违法案件37件,结案30件。") == []


def test_another_unit_is_another_indicator():
    assert repeats("全年共查处滥伐林木违法案件52件。", "查处滥伐林木违法案件57起,结案50起。") == []


def test_a_cumulative_figure_is_not_the_years_result():
    assert repeats("全年共查处滥伐林木违法案件52件。", "累计查处滥伐林木违法案件157件。") == []


def test_two_body_statements_without_an_anchor_still_need_one():
    text = (f"{TITLE}一、主要工作\n查处滥伐林木违法案件52件,结案50件。\n"
            "二、存在问题\n回顾全年,查处滥伐林木违法案件57件。\n")
    analysis = analyze(document_from_text(text))
    assert [c for c in analysis.checks if c.kind == "conflicting_repeat"] == []
