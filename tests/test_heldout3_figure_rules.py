"""General rules found missing by a third held-out corpus, on invented sentences: the measure
word 路 (video channels), 所 before 以上, labels across a clause or after the number, and a
result restated in the closing paragraph with another value; with the near misses that must
stay silent."""

from __future__ import annotations

from reviewer.analysis import pos_tokens
from reviewer.load.dispatch import document_from_text
from reviewer.pipeline import analyze


def figures(text: str) -> list[tuple[str, str | None]]:
    return [(f.text, f.label) for f in analyze(document_from_text(text)).figures]


def label_of(text: str, figure_text: str) -> str | None:
    return dict(figures(text))[figure_text]


# ---------------------------------------------------------------- 路: channels, not routes


def test_lu_after_arabic_digits_in_a_video_context_is_a_count():
    found = analyze(document_from_text("新建高清视频探头点位2,450路,覆盖主要路口。")).figures
    assert [(f.text, f.value, f.unit, f.kind) for f in found] == [("2,450路", 2450, "路", "count")]


def test_lu_as_a_bus_route_or_after_a_chinese_numeral_is_no_figure():
    assert figures("开通18路公交专线,方便群众出行。") == []
    assert figures("途经一路、二路沿线商铺。") == []
    assert figures("一路走来,执法队伍不断壮大。") == []


# ---------------------------------------------------------------- 所以上


def test_suo_before_yishang_is_a_count_with_its_qualifier():
    found = analyze(document_from_text("力争创建省级标准化学校6所以上。")).figures
    assert [(f.text, f.value, f.unit, f.qualifier) for f in found] == [("6所以上", 6, "所", "以上")]


def test_suoyi_as_a_conjunction_after_a_count_stays_out_of_the_figure():
    assert [t for t, _ in figures("新建幼儿园4所,所以入园难问题有所缓解。")] == ["4所"]


# ---------------------------------------------------------------- labels


def test_a_rate_named_in_the_clause_before_labels_a_bare_share():
    label = label_of("二是乡镇网格员中受过专业培训的比例偏低,约为23%;三是经费不足。", "23%")
    assert label and label.endswith("受过专业培训的比例")


def test_a_bare_share_after_a_clause_without_a_rate_keeps_no_label():
    assert label_of("二是工作作风有待改进,约为23%。", "23%") is None


def test_a_compound_unit_noun_after_the_number_stays_whole():
    assert "社区巡查分队" in label_of("支队下设5个社区巡查分队。", "5个")


def test_a_compound_place_noun_before_the_number_keeps_its_suffix():
    assert label_of("在集贸市场周边设置便民摆放点16个。", "16个").endswith("摆放点")


def test_a_lone_village_after_the_number_is_what_is_counted():
    assert label_of("全乡有3个村被评为市级文明村。", "3个") == "村"


def test_a_function_character_after_the_number_is_not_a_noun():
    assert label_of("提出整改意见41条且均已落实。", "41条").endswith("整改意见")


# ---------------------------------------------------------------- conflicting_repeat

TITLE = "柳岸县林业局2022年度行政执法工作报告\n\n"
INTRO = "2022年,柳岸县林业局坚持依法行政,现将有关情况报告如下。\n"


def repeats(text: str) -> list[list[str]]:
    analysis = analyze(document_from_text(text))
    texts = {f.id: f.text for f in analysis.figures}
    return [[texts[i] for i in c.figures] for c in analysis.checks if c.kind == "conflicting_repeat"]


def test_the_closing_paragraph_restating_the_reports_year_conflicts_with_the_body():
    text = (f"{TITLE}{INTRO}一、主要工作\n全年共查处滥伐林木违法案件52件,结案50件。\n"
            "二、下一步打算\n继续加强巡山护林。\n2022年全年共查处滥伐林木违法案件57件,圆满完成任务。\n")
    assert repeats(text) == [["52件", "57件"]]


def test_the_first_paragraph_under_the_last_heading_is_body_not_a_closing():
    text = (f"{TITLE}{INTRO}一、主要工作\n全年共查处滥伐林木违法案件52件,结案50件。\n"
            "二、工作回顾\n2022年全年共查处滥伐林木违法案件57件。\n")
    assert repeats(text) == []


def test_a_closing_figure_for_another_year_is_another_period():
    text = (f"{TITLE}{INTRO}一、主要工作\n全年共查处滥伐林木违法案件52件,结案50件。\n"
            "二、下一步打算\n继续加强巡山护林。\n2021年全年共查处滥伐林木违法案件57件。\n")
    assert repeats(text) == []


def test_a_closing_target_is_a_plan_not_a_result():
    text = (f"{TITLE}{INTRO}一、主要工作\n全年共查处滥伐林木违法案件52件,结案50件。\n"
            "二、下一步打算\n继续加强巡山护林。\n力争2023年查处滥伐林木违法案件60件。\n")
    assert repeats(text) == []


def test_a_label_goes_on_across_a_line_break_inside_a_sentence():
    text = "通过政务公开专栏、微信公众号等平台主动公开各类政府信息460余条,其中重大行政决策事项\n17条。"
    assert label_of(text, "17条") == "重大行政决策事项"


def test_a_label_does_not_cross_a_line_break_after_a_short_line():
    assert label_of("(二)重大行政决策事项\n17条已全部公开。", "17条") != "重大行政决策事项"


def test_a_closing_figure_for_a_wider_scope_is_another_indicator():
    text = (f"{TITLE}{INTRO}一、主要工作\n全年共查处滥伐林木违法案件52件,结案50件。\n"
            "二、下一步打算\n继续加强巡山护林。\n全县共查处滥伐林木违法案件57件。\n")
    assert repeats(text) == []


def test_a_compound_noun_ending_in_suo_or_zu_keeps_its_suffix():
    assert label_of("全镇现有基层法律服务所2家。", "2家").endswith("法律服务所")
    assert label_of("组建4个无人机巡查组和1个应急分队。", "4个").endswith("巡查组")


def test_the_particle_suo_before_a_verb_is_not_a_suffix():
    text = "为群众所认可"
    assert "所" in [t.word for t in pos_tokens.tokens(text, 0, len(text))]
