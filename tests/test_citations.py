"""Cited 《》 titles and document numbers."""

from __future__ import annotations

from reviewer.analysis.citations import find_citations
from reviewer.load.dispatch import document_from_text
from tests.test_outline_fixtures import load, span_ok


def cites(text: str):
    document = document_from_text(text)
    found = find_citations(document)
    for citation in found:
        assert span_ok(document.text, citation.start, citation.end, citation.text)
    return [(c.kind, c.text) for c in found]


def test_every_title_occurrence_is_cited_in_document_order():
    assert cites("依据《行政处罚法》和《行政许可法》,再次重申《行政处罚法》。") == [
        ("title", "《行政处罚法》"), ("title", "《行政许可法》"), ("title", "《行政处罚法》")]


def test_nested_title_stays_one_citation():
    assert cites("落实《江北省贯彻<法治政府建设实施纲要(2021-2025年)>实施方案》要求。") == [
        ("title", "《江北省贯彻<法治政府建设实施纲要(2021-2025年)>实施方案》")]


def test_nested_double_angle_brackets_stay_one_citation():
    assert cites("印发《关于转发《某某办法》的通知》。") == [("title", "《关于转发《某某办法》的通知》")]


def test_unbalanced_parenthesis_inside_a_title_does_not_split_it():
    assert cites("按照《某区法治政府建设实施方案(2021-2025年》的要求") == [
        ("title", "《某区法治政府建设实施方案(2021-2025年》")]


def test_unclosed_title_is_cut_at_the_end_of_its_line():
    assert cites("学习《优化营商环境条例\n下一段正文。") == [("title", "《优化营商环境条例")]


def test_adjacent_titles_without_separator_are_separate():
    assert cites("《不予处罚事项清单》《减轻处罚事项清单》") == [
        ("title", "《不予处罚事项清单》"), ("title", "《减轻处罚事项清单》")]


def test_document_numbers_with_each_bracket_style():
    found = cites("见国办发〔2018〕118号、津政办规[2020]5号、某局发【2019】3号和某办函(2021)12号。")
    assert found == [("doc_number", "国办发〔2018〕118号"), ("doc_number", "津政办规[2020]5号"),
                     ("doc_number", "某局发【2019】3号"), ("doc_number", "某办函(2021)12号")]


def test_document_number_prefix_stops_at_the_running_text():
    assert cites("我局印发了津政办发〔2019〕16号文件") == [("doc_number", "津政办发〔2019〕16号")]


def test_document_number_prefix_keeps_a_place_name_that_starts_with_a_breaker_character():
    assert cites("(和平区政发〔2020〕1号)") == [("doc_number", "和平区政发〔2020〕1号")]


def test_titles_and_document_numbers_are_interleaved_in_document_order():
    kinds = [kind for kind, _ in cites(load("notice_wrapped.txt").text)]
    assert kinds == ["title", "doc_number", "title", "title", "doc_number", "doc_number"]


def test_year_ranges_in_brackets_are_not_document_numbers():
    assert cites("实施纲要(2015-2020年)和2020年工作") == []


def test_traditional_citations_are_reported_as_written():
    document = load("traditional.txt")
    assert [c.text for c in find_citations(document)] == ["《東湖區法治政府建設考覈辦法》"]
