"""General outline rules found by running the analyser on the third held-out corpus
(tests/fixtures/heldout3), each checked on an invented sentence, with the near misses that must
stay as they are."""

from __future__ import annotations

from reviewer.analysis.outline import find_sections
from reviewer.load.dispatch import document_from_text


def outline(text: str):
    return [(s.level, s.number, s.title) for s in find_sections(document_from_text(text))]


def title(text: str, at: int = 1) -> str:
    return outline(text)[at][2]


# Run-on headings: where the body starts.

def test_a_run_on_heading_is_cut_before_the_unit_that_opens_the_body():
    text = "一、总体情况\n（一）机构设置和人员情况县市场监管局内设9个股室，现有干部职工86名。\n"
    assert title(text) == "机构设置和人员情况"
    text = "一、总体情况\n（一）改进窗口服务镇政务服务中心共设置综合窗口6个，可办理事项120项。\n"
    assert title(text) == "改进窗口服务"


def test_a_region_character_inside_a_word_opens_no_body():
    text = "一、总体情况\n（一）深化区域执法协作全面推进跨区联合执法，开展联合检查12次。\n"
    assert title(text) == "深化区域执法协作"


def test_a_run_on_heading_is_cut_before_a_preposition_that_opens_the_body():
    text = "一、主要工作\n（一）健全普法责任制依托“谁执法谁普法”责任清单，全年开展普法活动36场。\n"
    assert title(text) == "健全普法责任制"


def test_a_one_clause_heading_is_cut_before_a_preposition_with_its_own_verb():
    text = "一、主要工作\n1、加强校园周边治理对无证摊贩实行动态清零。全年清理摊点120处。\n"
    assert title(text) == "加强校园周边治理"


def test_a_preposition_inside_a_one_clause_heading_stays():
    assert title("一、主要工作\n（一）完善政府对社会组织的监管机制。正文。\n") == "完善政府对社会组织的监管机制"
    assert title("一、存在问题\n（一）基层站所对执法规范化重视不够。正文。\n") == "基层站所对执法规范化重视不够"


def test_a_number_that_opens_a_clause_of_its_own_cuts_the_heading():
    text = "一、主要工作\n1、深化“三服务”工作法8成诉求当场办结，其余诉求限时办结，全年办理诉求1.2万件。\n"
    assert title(text) == "深化“三服务”工作法"


def test_a_count_that_closes_the_first_clause_belongs_to_the_sentence():
    text = "一、主要工作\n1、主动公开各类政务信息512条，其中政策解读36条。\n"
    assert title(text) == "主动公开各类政务信息512条，其中政策解读36条"


def test_a_paragraph_that_opens_with_its_subject_runs_to_the_sentence_end():
    text = "一、主要工作\n1、全区市场监管系统许可事项共计48项，全部实现网上办理，办结率100%。正文。\n"
    assert title(text) == "全区市场监管系统许可事项共计48项，全部实现网上办理，办结率100%"
    text = "一、主要工作\n1、区综合行政执法大队现有执法人员36名，全部持证上岗。正文。\n"
    assert title(text) == "区综合行政执法大队现有执法人员36名，全部持证上岗"


def test_a_heading_that_opens_with_a_subject_is_still_cut_before_a_new_subject():
    text = "一、主要工作\n（一）全区执法总体情况全区各执法部门全年实施行政处罚1200件，罚没款360万元。\n"
    assert title(text) == "全区执法总体情况"


def test_a_noun_phrase_ending_in_a_verb_is_a_whole_heading():
    text = "一、主要工作\n1．社区戒毒执法全县在册社区戒毒人员126人，全年新接收18人。\n"
    assert title(text) == "社区戒毒执法"
    assert title("一、总体情况\n(一)大力推进严格规范公正文明执法。全年办案10件。\n") == "大力推进严格规范公正文明执法"


def test_a_space_after_a_short_heading_phrase_ends_the_title():
    text = "一、主要工作\n1、深化“网格化”工作法　6成问题在网格内解决，其余问题由部门办理。\n"
    assert title(text) == "深化“网格化”工作法"
    text = "一、主要工作\n（一）推进信息公开 通过区政府门户网站主动公开信息，回应群众关切。\n"
    assert title(text) == "推进信息公开"


def test_a_space_between_two_heading_phrases_stays_in_the_title():
    text = "一、主要工作\n（一）坚持党的领导　强化组织保障。全年研究法治工作3次。\n"
    assert title(text) == "坚持党的领导\u3000强化组织保障"


# Headings copied onto one line.

def test_a_first_child_glued_to_its_parent_heading_is_a_section():
    text = ("一、主要工作\n正文。\n二、推进依法治理，建设法治乡村（一）加强村规民约建设全县行政村村规民约修订率100%。\n"
            "（二）培育法律明白人\n全年培训法律明白人300名。\n")
    assert outline(text)[1:] == [(1, "二", "推进依法治理，建设法治乡村"), (2, "一", "加强村规民约建设"),
                                 (2, "二", "培育法律明白人")]


def test_an_enumeration_after_a_heading_sentence_is_not_a_first_child():
    text = ("一、主要工作\n1．强化执法监督。（1）落实执法全过程记录，配备执法记录仪80台；（2）开展案卷评查2次。\n"
            "2．加强队伍建设\n正文。\n")
    assert outline(text) == [(1, "一", "主要工作"), (3, "1", "强化执法监督"), (3, "2", "加强队伍建设")]


def test_siblings_glued_one_after_another_are_all_headings():
    text = ("一、下一步工作安排\n（一）加快推进《某市物业管理条例》立法进程。（二）全面推行非现场监管，覆盖率提高到50%以上。"
            "（三）开展执法人员轮训，全年轮训不少于2,000人次。\n")
    assert [(number, t) for _, number, t in outline(text)[1:]] == [
        ("一", "加快推进《某市物业管理条例》立法进程"), ("二", "全面推行非现场监管，覆盖率提高到50%以上"),
        ("三", "开展执法人员轮训，全年轮训不少于2,000人次")]


def test_an_enumeration_inside_a_paragraph_is_still_not_headings():
    text = "一、总体\n（一）加强监督\n主要措施：（一）建立台账。（二）定期通报。（三）限期整改。\n（二）强化培训\n"
    assert [(number, t) for _, number, t in outline(text)[1:]] == [("一", "加强监督"), ("二", "强化培训")]
    text = "一、总体\n（一）加强监督。全年检查10次。（三）另行说明的事项。（四）其他。\n"
    assert [(number, t) for _, number, t in outline(text)[1:]] == [("一", "加强监督")]
