"""Text copied out of a PDF with its print line breaks: a hard-wrapped block (runs of lines of
one width that end without a sentence end) is found, in display cells or in characters, and a
line is joined onto the next where it fills the width and the paragraph goes on, or where the
break falls inside a figure (between two digits, a number and its measure word, a label and its
number).  Headings, dates, signatures, short titles and real paragraph ends stay apart.

Every sentence here is invented."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reviewer.load.cleaning import normalise
from reviewer.load.line_breaks import WrapWidth, breaks_inside_figure, display_width, hard_wrap_widths
from reviewer.load.pdf_text import pages_to_text

# Full-width punctuation, written as escapes so that no editor folds it to ASCII.
C, P, SEMI, COLON = "\uff0c", "\u3002", "\uff1b", "\uff1a"
LP, RP = "\uff08", "\uff09"

PARAGRAPHS = [
    f"全年全县共办理行政许可事项45210件{C}实施行政处罚8376件{C}行政强制1506件{C}"
    f"开展行政检查2.7万余次{C}罚没款金额合计1.93亿元{C}较上年增长12.4%{P}",
    f"按照统一部署{C}我县整合组建市场监管、生态环境、文化旅游、交通运输、农业五支综合执法队伍{C}"
    f"精简执法机构23个{C}行政许可决定全部于7个工作日内公开{P}",
    f"全年开展法制审核1827件{C}提出审核意见412条{C}被采纳389条{C}采纳率94.4%{SEMI}"
    f"评查案卷570卷{C}其中优秀案卷212卷{C}合格案卷301卷{C}不合格案卷57卷{P}",
    f"组织执法资格考试3场{C}参考人员362名{C}合格327名{C}合格率90.3%{C}"
    f"培训执法人员2100余人次{C}选派8名执法人员到上级部门跟班学习3至6个月{P}",
]
PARAGRAPHS += [
    f"全面推行行政执法公示制度{C}全年事前公开执法信息9600余条{C}事后公开行政处罚决定8376条{C}"
    f"公开率达到百分之百{P}",
    f"深化执法全过程记录{C}全县配备执法记录仪1480台、移动执法终端630套{C}"
    f"音像记录覆盖现场检查、调查取证、送达执行等环节{P}",
    f"开展执法案卷评查{C}组织对38个执法部门的行政处罚、行政许可案卷进行集中评查{C}"
    f"案卷合格率为90.0%{C}评查结果纳入年度法治建设考核{P}",
    f"加强执法队伍建设{C}全年举办专题培训班9期{C}编印典型案例汇编1200册{C}"
    f"发放至全县各执法单位{C}做到人手一册{P}",
]
HEADINGS = ["一、主要工作情况", f"{LP}一{RP}推进严格规范执法", "1.健全执法制度", f"{LP}二{RP}强化执法监督",
            "二、主要工作措施", f"{LP}一{RP}推行执法公示", "2.严格全过程记录", f"{LP}二{RP}提升执法能力"]


def wrap_by(paragraph: str, width: float, by_characters: bool) -> list[str]:
    """Print ``paragraph`` in lines of ``width`` characters or display cells."""
    lines, line = [], ""
    for ch in paragraph:
        measured = len(line + ch) if by_characters else display_width(line + ch)
        if measured > width and line:
            lines.append(line)
            line = ""
        line += ch
    return lines + [line]


def printed(width: float, by_characters: bool, paragraphs: list[str] = PARAGRAPHS) -> str:
    lines = ["某县司法局2023年度行政执法工作报告", "某县司法局"]
    for heading, paragraph in zip(HEADINGS, paragraphs):
        lines.append(heading)
        lines.extend(wrap_by(paragraph, width, by_characters))
    lines += ["某县司法局", "2024年1月15日"]
    return "\n".join(lines) + "\n"


def expected(paragraphs: list[str] = PARAGRAPHS) -> list[str]:
    lines = ["某县司法局2023年度行政执法工作报告", "某县司法局"]
    for heading, paragraph in zip(HEADINGS, paragraphs):
        lines += [heading, paragraph]
    return lines + ["某县司法局", "2024年1月15日"]


# --- the block and its width ----------------------------------------------------------------


@pytest.mark.parametrize("width", [26, 31, 35, 40])
def test_text_wrapped_by_a_character_count_is_rejoined(width):
    """A wrapper that counts characters: "2.7万" is as long as "执法检查" on its line, and a
    line full of digits is narrower in display cells than the others."""
    text = normalise(printed(width, by_characters=True))
    assert text.split("\n") == expected()


@pytest.mark.parametrize("width", [26, 31, 35, 40])
def test_text_wrapped_by_display_width_as_a_pdf_prints_is_rejoined(width):
    text = normalise(printed(width, by_characters=False))
    assert text.split("\n") == expected()


def test_the_width_of_a_block_is_measured_in_the_units_it_was_wrapped_in():
    lines = printed(35, by_characters=True).split("\n")[:-1]
    wraps = set(hard_wrap_widths(lines))
    assert wraps == {WrapWidth(35, by_characters=True)}
    lines = printed(33, by_characters=False).split("\n")[:-1]
    assert set(hard_wrap_widths(lines)) == {WrapWidth(33, by_characters=False)}


def test_text_of_one_paragraph_per_line_has_no_wrap_width():
    assert set(hard_wrap_widths(expected())) == {None}


def test_a_list_of_titles_of_one_length_is_not_a_wrapped_block():
    titles = [f"某县{name}2023年度法治政府建设工作要点汇编" for name in
              ("司法局", "财政局", "民政局", "水利局", "商务局", "林业局", "审计局", "统计局")]
    assert set(hard_wrap_widths(titles)) == {None}
    assert normalise("\n".join(titles)).split("\n") == titles


def test_a_web_page_that_wraps_only_its_body_is_found_block_by_block():
    """Long unwrapped lines (the page's own paragraphs) separate the blocks; the wrapped
    body between them is rejoined."""
    long_paragraph = f"本站声明{C}" + f"转载本站信息请注明来源{C}" * 10 + f"谢谢合作{P}"
    body = printed(30, by_characters=True).split("\n")[2:-3]
    text = normalise("\n".join([long_paragraph, *body, long_paragraph]))
    assert text.split("\n") == [long_paragraph, *expected()[2:-2], long_paragraph]


# --- joins inside a figure -------------------------------------------------------------------


@pytest.mark.parametrize("prev, nxt", [
    ("全年实施行政处罚8376件，行政强制15", "06件，行政检查2.7万余次。"),    # two digits
    ("罚没款金额合计2.", "86亿元，较上年增长。"),                            # decimal point
    ("罚没款金额合计2", ".86亿元，较上年增长。"),
    ("交通运输、农业五", "支综合执法队伍，精简机构。"),                        # numeral | measure
    ("行政许可决定全部于7个工作", "日内公开。"),                               # 个工作 | 日
    ("选派执法人员跟班学习3个", "月，成效明显。"),
    ("全年开展执法检查4.3万", "余次，覆盖全部企业。"),
    ("较上年提高1.6个百", "分点。"),
    ("被采纳389条，采纳率", "94.4%。"),                                       # label | number
    ("全年受理投诉举报共计", "63件，办结58件。"),
])
def test_a_break_inside_a_figure_is_recognised(prev, nxt):
    assert breaks_inside_figure(prev, nxt)


@pytest.mark.parametrize("prev, nxt", [
    ("全年办结案件58件。", "63件投诉已办结。"),             # a sentence ended
    ("发布日期：2022-01-12 17:00", "2021年，我局坚持依法行政。"),  # a paragraph opens with its year
    ("全年共办理案件58件", "下一步我局将继续加强监管。"),     # no number across the break
    ("全面推进依法行政", "3件规范性文件全部备案。"),          # no label before the number
    ("深入开展普法宣传", "五是强化执法监督。"),
])
def test_a_break_between_words_is_not_inside_a_figure(prev, nxt):
    assert not breaks_inside_figure(prev, nxt)


def test_a_figure_cut_on_a_line_a_little_short_of_the_width_is_still_joined():
    """Narrow digits left the line short, or the printer moved a long number whole to the next
    line: a break inside a figure, or before a number that would not have fitted, joins a line
    short of the width; a break between words on such a line does not."""
    lines = printed(34, by_characters=False).split("\n")[:-1]
    added = ["全年受理执法投诉举报案件63件，办结率92.1%，合计", "58件。",     # label | number, 26 cells
             "全年提出审核意见412条，被采纳389条，采纳率", "94.4%。",
             # 32 cells, 1.5 short of full: 12437 (2.5 cells) did not fit, 下 would have
             "全面推行行政执法公示制度，全年事后在门户网站公开行政处罚决定文书", "12437条。",
             "全面推行行政执法公示制度，全年事后在门户网站公开行政处罚决定文书", "下一步将继续加强执法监督。"]
    assert set(hard_wrap_widths(lines)) == {WrapWidth(34, by_characters=False)}
    out = normalise("\n".join(lines[:-2] + added + lines[-2:])).split("\n")
    assert "全年受理执法投诉举报案件63件，办结率92.1%，合计58件。" in out
    assert "全年提出审核意见412条，被采纳389条，采纳率94.4%。" in out
    assert "全面推行行政执法公示制度，全年事后在门户网站公开行政处罚决定文书12437条。" in out
    assert out[-4:-2] == ["全面推行行政执法公示制度，全年事后在门户网站公开行政处罚决定文书", "下一步将继续加强执法监督。"]


def test_a_pdf_text_layer_joins_a_figure_cut_on_a_short_line():
    body = "全面推行行政执法公示制度、执法全过程记录制度、重大执"  # 26 cells
    pages = ["\n".join([body, body, body, "全年提出审核意见四百余条，被采纳率", "94.4%。", body, body,
                        "法制审核制度。", "二、存在问题"])]
    lines = pages_to_text(pages).split("\n")
    assert lines[0] == body * 3 + "全年提出审核意见四百余条，被采纳率94.4%。"
    assert lines[-1] == "二、存在问题"


# --- near misses that stay apart -------------------------------------------------------------


@pytest.mark.parametrize("heading", ["一、主要工作情况", f"{LP}一{RP}推进执法", "(一)推进执法", "1.健全制度",
                                     "1、健全制度", "(1)健全制度", "⑴健全制度", "第一部分工作情况"])
def test_never_joins_onto_a_heading_even_after_a_full_line(heading):
    lines = printed(30, by_characters=True).split("\n")
    cut = lines[3]  # a full line of the first paragraph, cut mid-sentence
    assert len(cut) == 30 and cut[-1] not in "。；"
    text = "\n".join(lines[:4] + [heading] + lines[4:])
    out = normalise(text).split("\n")
    assert heading in out


def test_a_full_line_ending_a_sentence_and_a_short_last_line_are_paragraph_ends():
    first = "全年开展执法检查一千二百余次，发现问题八十余个，全部整改到位。"
    assert len(first) == 31
    second = "下一步，我局将继续完善执法制度，健全执法监督机制，提升执法能力。"
    text = printed(31, by_characters=True).rstrip("\n").split("\n")
    out = normalise("\n".join(text[:-2] + [first, "执法案卷合格率为百分之百。", second[:31], second[31:]] + text[-2:]))
    lines = out.split("\n")
    assert first in lines and "执法案卷合格率为百分之百。" in lines and second in lines


def test_signature_date_and_short_title_lines_stay_separate():
    lines = normalise(printed(28, by_characters=True)).split("\n")
    assert lines[:3] == ["某县司法局2023年度行政执法工作报告", "某县司法局", HEADINGS[0]]
    assert lines[-2:] == ["某县司法局", "2024年1月15日"]


def test_a_number_at_a_line_end_never_runs_into_a_year_that_opens_the_next_paragraph():
    lines = printed(30, by_characters=True).split("\n")
    meta = "来源：某县司法局 发布日期：2024-01-16 09:30"
    opening = "2023年，我局坚持以习近平法治思想为指导，认真落实各项部署。"
    out = normalise("\n".join([lines[0], meta, *wrap_by(opening, 30, True), *lines[2:]])).split("\n")
    assert out[1:3] == [meta, opening]


def test_a_short_line_that_ends_with_a_label_is_not_glued_to_a_figure_line():
    """Well short of the width, "…率" and a line opening with a number are two things (a
    table copied cell by cell)."""
    lines = printed(32, by_characters=True).split("\n")
    out = normalise("\n".join(lines[:-2] + ["结案率", "96%", *lines[-2:]])).split("\n")
    assert "结案率" in out and "96%" in out


# --- invariants --------------------------------------------------------------------------------


@pytest.mark.parametrize("by_characters", [True, False])
def test_rejoined_text_is_a_fixed_point(by_characters):
    once = normalise(printed(29, by_characters))
    assert normalise(once) == once


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=18, max_value=48), st.booleans())
def test_every_figure_survives_any_wrap_width(width, by_characters):
    out = normalise(printed(width, by_characters))
    for figure in ("1506件", "1.93亿元", "五支", "7个工作日", "94.4%", "212卷", "327名", "2100余人次", "3至6个月"):
        assert figure in out
    assert all(heading in out.split("\n") for heading in HEADINGS)
    assert normalise(out) == out


def test_a_hard_wrapped_report_is_cleaned_in_milliseconds_and_5mb_well_under_seconds():
    small = printed(35, by_characters=False) * 12
    started = time.perf_counter()
    normalise(small)
    small_time = time.perf_counter() - started
    big = small * (5_000_000 // len(small.encode("utf-8")) + 1)
    started = time.perf_counter()
    normalise(big)
    big_time = time.perf_counter() - started
    assert small_time < 0.1
    assert big_time < 5.0  # measured ≈ 1 s for 5 MB of 35-cell lines; generous for a loaded CI machine
