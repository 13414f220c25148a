"""For any input text the outline, citation and metadata finders do not crash and every span
they report is valid in the shown text."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reviewer.analysis.citations import find_citations
from reviewer.analysis.metadata import find_metadata
from reviewer.analysis.outline import find_sections
from reviewer.checks.outline_checks import find_outline_checks
from reviewer.load.dispatch import document_from_text

# Pieces that exercise the rules: markers of every layer, sentence ends, brackets, dates, labels.
PIECES = ["一、", "二、", "四、", "(一)", "（二）", "(三)", "1.", "2、", "3 .", "１．", "⒈", "(1)", "（2）",
          "⑴", "第一章", "第二节", "第一部分", "。", ";", "!", ",", ":", "\n", "\n\n", " ", "\u3000",
          "\u00a0", "“", "”", "《", "》", "<", ">", "(", ")", "〔2019〕", "91号", "国办发", "来源:",
          "发布日期:", "2021-01-08", "2020年", "2021年1月8日", "二〇二一年一月八日", "报告", "通知",
          "关于印发", "的", "法治政府建设情况", "市场监督管理局", "文件", "全面", "加强", "517项", "1.5万元",
          "一是", "建议", "某区", "严格", "執法", "監督", "問題", "下一步"]


def texts():
    return st.one_of(
        st.text(max_size=300),
        st.lists(st.sampled_from(PIECES) | st.text(max_size=4), max_size=80).map("".join),
    )


def check_document(text: str) -> None:
    document = document_from_text(text)
    shown = document.text
    sections = find_sections(document)
    ids = {s.id for s in sections}
    for section in sections:
        assert 0 <= section.heading_start < section.heading_end <= section.end <= len(shown)
        assert section.start == section.heading_start
        assert section.parent is None or section.parent in ids
        heading = re.sub(r"\s+", "", shown[section.heading_start:section.heading_end])
        assert heading.endswith(re.sub(r"\s+", "", section.title))
    for citation in find_citations(document):
        assert shown[citation.start:citation.end] == citation.text
        assert citation.kind in ("title", "doc_number")
    metadata = find_metadata(document, sections)
    assert metadata.published is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", metadata.published)
    flat = re.sub(r"\s+", "", shown)
    for value in (metadata.title, metadata.issuer, metadata.doc_number):
        assert value is None or (value and re.sub(r"\s+", "", value) in flat)
    checks, advisories = find_outline_checks(document, metadata, sections)
    for check in checks + advisories:
        assert set(check.sections) <= ids and check.message


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts())
def test_finders_never_crash_and_spans_are_valid(text):
    check_document(text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=120).map("".join))
def test_report_like_texts_give_valid_outlines(text):
    check_document(text)


def test_pathological_texts_stay_fast():
    """Quadratic scans showed up as minutes on one long line; these finish in well under a second
    each on a laptop, so a generous bound still catches a regression."""
    import time

    samples = ["正文(1)内容。2.内容《标题(一)" * 15000, "一、总体\n(一)甲\n1.子。(2)x\n" * 5000,
               "《" * 100000, "一、甲\n2021年1月8日\n" * 5000]
    for text in samples:
        started = time.perf_counter()
        check_document(text)
        assert time.perf_counter() - started < 20


def _first_opener_by_word(clause: str, starts: dict[int, str]) -> tuple[int, str] | None:
    """The least (where, kind) of a search for each opener word in turn (how it was found)."""
    from reviewer.analysis import heading_titles as h

    cuts = []
    for kind, openers in (("subject", h.SUBJECT_OPENERS), ("predicate", h.PREDICATE_OPENERS),
                          ("preposition", h.PREPOSITIONS)):
        for word in openers:
            at = clause.find(word, 4)
            while at != -1 and len(clause) - at >= 4:
                if word == "《" or at in starts:
                    cuts.append((at, kind))
                    break
                at = clause.find(word, at + 1)
    return min(cuts) if cuts else None


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["我局", "全年", "全面", "一是", "对", "《", "》", "通过", "进一步", "推进", "工作",
                                 "的", "全", "我", "对于"]), max_size=12).map("".join), st.data())
def test_first_opener_is_the_least_of_the_per_word_searches(clause, data):
    from reviewer.analysis.heading_titles import _first_opener

    starts = {i: clause[i] for i in data.draw(st.sets(st.integers(0, max(0, len(clause) - 1))))
              if i < len(clause)}
    assert _first_opener(clause, starts) == _first_opener_by_word(clause, starts)
