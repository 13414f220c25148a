"""General outline rules for reports copied from WeChat articles (found on the fourth held-out
corpus, tests/fixtures/heldout4): headings in decorative brackets, decorative glyphs before a
marker, a heading glued to the end of a paragraph, a heading broken over two lines.  Each is
checked on invented sentences, with the near misses that must stay as they are."""

from __future__ import annotations

from reviewer.analysis.outline import find_sections
from reviewer.load.cleaning import normalise
from reviewer.load.dispatch import document_from_text


def document(raw: str):
    """The document as loading builds it from a file: cleaned first."""
    return document_from_text(normalise(raw))


def outline(raw: str):
    return [(s.level, s.number, s.title) for s in find_sections(document(raw))]


def spans_hold(raw: str) -> None:
    """heading_start/heading_end still span the heading as written in the document's text."""
    doc = document(raw)
    for s in find_sections(doc):
        heading = doc.text[s.heading_start:s.heading_end]
        assert heading.lstrip("(（").startswith(s.number)
        assert heading.endswith(s.title)


# 1. A heading in decorative brackets: the number and title inside are the heading.

def test_a_bracketed_heading_line_is_a_heading_without_its_brackets():
    text = ("【一、工作开展情况】\n全年受理申请35件，办结33件。\n"
            "【二、困难和不足】\n人员编制偏少，专业力量薄弱。\n")
    assert outline(text) == [(1, "一", "工作开展情况"), (1, "二", "困难和不足")]
    spans_hold(text)


def test_bracketed_furniture_and_bracketed_terms_are_no_headings():
    assert normalise("正文第一段。\n【我要纠错】\n") == "正文第一段。"
    assert normalise("【一】\n") == "【一】"
    text = "一、主要工作\n开展【清风行动】专项检查，并落实【一、二级响应】预案12次。\n"
    assert outline(text) == [(1, "一", "主要工作")]
    assert "【清风行动】" in normalise(text)


# 2. A decorative glyph before a heading marker (or before a body paragraph).

def test_a_decorative_glyph_before_a_marker_is_dropped():
    text = ("一、主要做法\n★(一)夯实基层基础\n▲完善网格管理，新增网格员40名。\n"
            "◆（二）强化队伍建设\n→组织培训6期，参训人员300人次。\n"
            "☆(三)推进智慧监管\n■上线监管平台1个。\n")
    assert outline(text) == [(1, "一", "主要做法"), (2, "一", "夯实基层基础"),
                             (2, "二", "强化队伍建设"), (2, "三", "推进智慧监管")]
    spans_hold(text)
    assert "▲" not in document(text).text and "→" not in document(text).text


def test_a_glyph_inside_a_sentence_stays():
    text = "一、主要工作\n评选结果以★标注，得分▲表示上升，共评出示范点5个。\n"
    assert "★" in normalise(text) and "▲" in normalise(text)
    assert outline(text) == [(1, "一", "主要工作")]


# 3. A heading glued to the end of a paragraph after a range figure with a tilde.

def test_a_heading_glued_after_a_tilde_range_is_found():
    text = ("一、主要工作\n(一)优化审批服务\n审批时限压缩至2~3个工作日。(二)加强事中监管\n"
            "全年检查市场主体120户。\n")
    assert outline(text) == [(1, "一", "主要工作"), (2, "一", "优化审批服务"), (2, "二", "加强事中监管")]


def test_a_glued_number_that_is_not_the_next_sibling_stays_body_text():
    text = ("一、主要工作\n(一)优化审批服务\n审批时限压缩至2~3个工作日。(五)项材料不再提交。\n")
    assert outline(text) == [(1, "一", "主要工作"), (2, "一", "优化审批服务")]


# 4. A heading broken over two lines after its glyph is dropped.

def test_a_heading_broken_over_two_lines_is_joined():
    text = ("一、主要工作\n★（一）推进基层法治\n示范创建\n"
            "●全镇建成民主法治示范村5个，覆盖率达到百分之百，群众满意。\n")
    assert outline(text)[1] == (2, "一", "推进基层法治示范创建")


# 5. With the upper layers found, numbered items come out at level 3.

def test_numbered_items_sit_under_the_recovered_headings():
    text = ("【一、主要工作】\n★(一)化解矛盾\n1. 人民调解。全年调解纠纷300件。\n"
            "2、行政复议。全年受理复议申请20件。\n【二、存在问题】\n基层力量不足。\n")
    assert outline(text) == [(1, "一", "主要工作"), (2, "一", "化解矛盾"), (3, "1", "人民调解"),
                             (3, "2", "行政复议"), (1, "二", "存在问题")]
