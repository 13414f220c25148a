"""Hand-built ``DocumentReview`` objects over invented district reports, for the export tests.

The texts are invented for these tests (place names 甲区/乙县/丙市 are placeholders).  Offsets are
found in the text, so every span really is ``text[start:end]``.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from reviewer.library.review import (
    Annotation,
    Comment,
    DocumentReview,
    ItemReview,
    ReviewedCheck,
    ReviewedCitation,
    ReviewedFigure,
    ReviewedSection,
    Tag,
)
from reviewer.model import Check, Citation, Document, Figure, Metadata, Section

_ids = itertools.count(1)


def uid(prefix: str) -> str:
    return f"{prefix}-{next(_ids):06d}"


TEXT_A = """甲区2023年法治政府建设情况报告
一、主要工作和成效
(一)行政复议
全年收到行政复议申请326件,同比增长12.5%。依据《中华人民共和国行政复议法》审结301件。
(二)行政执法
全区开展行政执法检查1,250次,罚没款合计86.4万元。执法人员培训覆盖率为93.75%。
二、存在的问题
基层执法力量仍然不足。
"""

TEXT_B = """乙县2023年法治政府建设工作报告
一、工作成效
(一)复议应诉
“行政复议申请”数量为188件;行政应诉案件42件。
(二)执法监督
行政执法检查共计960次。第二季度行政复议申请为51件。
二、下一步打算
加强执法队伍建设。
"""

TEXT_C = """丙市2023年法治政府建设情况的报告
一、总体情况
(一)复议
全市行政复议申请数为2,045件。行政应诉案件310件。
"""


@dataclass
class Built:
    """A review and its items by a short name, so tests can look them up."""

    review: DocumentReview
    sections: dict[str, ReviewedSection] = field(default_factory=dict)
    figures: dict[str, ReviewedFigure] = field(default_factory=dict)


def build(text: str, doc_uuid: str, title: str, issuer: str, published: str,
          headings: list[tuple[str, int, str, str, str | None]],
          figures: list[tuple[str, str, str, object, str | None, str, str]]) -> Built:
    """``headings``: (key, level, number, title, parent key); ``figures``: (key, label, written,
    value, unit, kind, section key).  Figures are located in order of appearance."""
    document = Document(path=f"/reports/{doc_uuid}.txt", sha256="0" * 64, format="txt", encoding="utf-8",
                        text=text, analysis_text=text)
    meta = Metadata(title=title, issuer=issuer, published=published, report_year=2023,
                    doc_number=None)
    built = Built(DocumentReview(doc_uuid=doc_uuid, document=document, metadata=meta,
                                 metadata_review=ItemReview(uuid=doc_uuid), imported_at="2024-02-01T08:00:00Z"))
    ids: dict[str, int] = {}
    starts: list[int] = []
    for number, (key, _level, num, heading, _parent) in enumerate(headings, start=1):
        start = text.index(num + heading)
        ids[key] = number
        starts.append(start)
    for index, (key, level, num, heading, parent) in enumerate(headings):
        start = starts[index]
        end = len(text)
        for later in range(index + 1, len(headings)):
            if headings[later][1] <= level:
                end = starts[later]
                break
        # As the outline finder gives them: the bare number, and how it was written as the style.
        bare = re.sub(r"[、.()()]", "", num)
        style = "一、" if num.endswith("、") else "(一)" if num.startswith("(") else "1."
        section = Section(id=ids[key], parent=ids[parent] if parent else None, level=level, number=bare,
                          title=heading, start=start, end=end, heading_start=start,
                          heading_end=start + len(num + heading), confidence=0.9, style=style)
        item = ReviewedSection(section, ItemReview(uuid=uid("sec")))
        built.sections[key] = item
        built.review.sections.append(item)
    cursor = 0
    for number, (key, label, written, value, unit, kind, section_key) in enumerate(figures, start=1):
        start = text.index(written, cursor)
        cursor = start + len(written)
        figure = Figure(id=number, text=written, value=value, unit=unit, kind=kind, label=label,
                        qualifier=None, start=start, end=cursor, section=ids[section_key])
        item = ReviewedFigure(figure, ItemReview(uuid=uid("fig")))
        built.figures[key] = item
        built.review.figures.append(item)
    return built


def tag(name: str, parent: str | None = None) -> Tag:
    return Tag(uuid=uid("tag"), name=name, path=f"{parent}/{name}" if parent else name)


def comment(item: ItemReview, body: str, reviewer: str = "王审阅", at: str = "2024-03-01T02:00:00Z") -> Comment:
    c = Comment(uuid=uid("com"), item_type="figure", item_uuid=item.uuid, body=body, reviewer=reviewer,
                created_at=at)
    item.comments.append(c)
    return c


def correct(item: ItemReview, target: object, name: str, new_value: object, reviewer: str = "王审阅",
            at: str = "2024-03-02T03:04:00Z") -> None:
    item.original[name] = getattr(target, name)
    setattr(target, name, new_value)
    item.status = "corrected"
    item.reviewer = reviewer
    item.changed_at = at


def district_a() -> Built:
    built = build(TEXT_A, "doc-a", "甲区2023年法治政府建设情况报告", "甲区人民政府", "2024-01-15",
                  [("one", 1, "一、", "主要工作和成效", None),
                   ("fuyi", 2, "(一)", "行政复议", "one"),
                   ("zhifa", 2, "(二)", "行政执法", "one"),
                   ("two", 1, "二、", "存在的问题", None)],
                  [("apply", "行政复议申请", "326件", 326, "件", "count", "fuyi"),
                   ("growth", "同比增长", "12.5%", 12.5, "%", "percent", "fuyi"),
                   ("closed", "审结", "301件", 301, "件", "count", "fuyi"),
                   ("checks", "行政执法检查", "1,250次", 1250, "次", "count", "zhifa"),
                   ("fines", "罚没款", "86.4万元", 864000, "元", "money", "zhifa"),
                   ("training", "执法人员培训覆盖率", "93.75%", 93.75, "%", "percent", "zhifa")])
    review = built.review
    start = TEXT_A.index("《")
    end = TEXT_A.index("》") + 1
    review.citations.append(ReviewedCitation(Citation(text=TEXT_A[start:end], kind="title", start=start,
                                                      end=end, id=1), ItemReview(uuid=uid("cit"))))
    review.checks.append(ReviewedCheck(
        Check(kind="rate_mismatch", severity="warning", message="审结率与所列数字不符",
              figures=[1, 3], sections=[2], id=1), ItemReview(uuid=uid("chk"))))
    review.advisories.append(ReviewedCheck(
        Check(kind="missing_part", severity="info", message="缺少“下一年度工作安排”部分", id=2),
        ItemReview(uuid=uid("adv"))))
    quote_start = TEXT_A.index("基层执法力量")
    review.annotations.append(Annotation(
        uuid=uid("ann"), doc_uuid="doc-a", start=quote_start, end=quote_start + 6, quote="基层执法力量",
        prefix="", suffix="", note="需要具体数字", reviewer="李审阅", created_at="2024-03-03T01:00:00Z",
        review=ItemReview(uuid="ann-review")))
    review.annotations.append(Annotation(
        uuid=uid("ann"), doc_uuid="doc-a", start=None, end=None, quote="已删除的一句话", prefix="",
        suffix="", note="原文已改", reviewer="李审阅", created_at="2024-03-03T01:05:00Z",
        anchor_state="orphan"))
    return built


def district_b() -> Built:
    return build(TEXT_B, "doc-b", "乙县2023年法治政府建设工作报告", "乙县人民政府", "2024-01-20",
                 [("one", 1, "一、", "工作成效", None),
                  ("fuyi", 2, "(一)", "复议应诉", "one"),
                  ("jiandu", 2, "(二)", "执法监督", "one"),
                  ("two", 1, "二、", "下一步打算", None)],
                 [("apply", "“行政复议申请”数量", "188件", 188, "件", "count", "fuyi"),
                  ("suits", "行政应诉案件", "42件", 42, "件", "count", "fuyi"),
                  ("checks", "行政执法检查", "960次", 960, "次", "count", "jiandu"),
                  ("apply_q2", "行政复议申请", "51件", 51, "件", "count", "jiandu")])


def district_c() -> Built:
    return build(TEXT_C, "doc-c", "丙市2023年法治政府建设情况的报告", "丙市人民政府", "2024-02-01",
                 [("one", 1, "一、", "总体情况", None),
                  ("fuyi", 2, "(一)", "复议", "one")],
                 [("apply", "全市行政复议申请数", "2,045件", 2045, "件", "count", "fuyi"),
                  ("suits", "行政应诉案件", "310件", 310, "件", "count", "fuyi")])
