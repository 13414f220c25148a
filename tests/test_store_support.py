"""Builders for the store, anchoring and merge tests: an invented report text and an analysis of
it made by hand (simple patterns), so these tests do not depend on the real finders' details.

The texts are invented for these tests; place names (甲区) are placeholders.
"""

from __future__ import annotations

import hashlib
import random
import re
from pathlib import Path

from reviewer.model import Analysis, Check, Citation, Document, Figure, Metadata, Section

TOPICS = ["行政复议", "行政应诉", "行政执法", "规范性文件", "政务公开", "法治宣传", "执法监督", "权责清单",
          "营商环境", "矛盾纠纷化解", "公共法律服务", "重大行政决策", "合法性审查", "信用监管", "执法培训"]
VERBS = ["办理", "审结", "受理", "开展", "组织", "完成", "处理", "公开", "培训", "检查"]
UNITS = ["件", "次", "项", "人次", "家", "份"]
OPENERS = ["全年", "截至年底", "本年度", "其中", "同比", "与上年相比", "上半年", "第四季度"]


def report_text(sections: int = 6, paragraphs: int = 5, sentences: int = 6, seed: int = 7) -> str:
    """An invented annual report: numbered headings, paragraphs of sentences with figures and a few
    citations.  About 30 KB with the defaults ×3 (``sections=12, paragraphs=8``)."""
    rng = random.Random(seed)
    numerals = "一二三四五六七八九十"
    lines = ["甲区2023年法治政府建设情况报告", "", "2023年,甲区深入贯彻《法治政府建设实施纲要(2021-2025年)》,"
             "现将有关情况报告如下。", ""]
    serial = 0
    for s in range(sections):
        lines.append(f"{_numeral(s + 1, numerals)}、{rng.choice(TOPICS)}工作情况(第{s + 1}部分)")
        for p in range(paragraphs):
            lines.append(f"\uff08{_numeral(p + 1, numerals)}\uff09{rng.choice(TOPICS)}方面")
            body = []
            for _ in range(sentences):
                serial += 1
                topic, verb = rng.choice(TOPICS), rng.choice(VERBS)
                n = rng.randint(3, 9999)
                body.append(f"{rng.choice(OPENERS)}{verb}{topic}案件{n}{rng.choice(UNITS)},编号{serial}号,"
                            f"同比增长{rng.randint(1, 99)}.{rng.randint(0, 9)}%。")
                if serial % 9 == 0:
                    body.append(f"依据《甲区{topic}工作规定第{serial}号》组织实施。")
            lines.append("".join(body))
        lines.append("")
    return "\n".join(lines) + "\n"


def _numeral(n: int, numerals: str) -> str:
    if n <= 10:
        return numerals[n - 1]
    return "十" + numerals[n - 11] if n < 20 else str(n)


HEADING = re.compile("^(?:([一二三四五六七八九十]+)、|\uff08([一二三四五六七八九十]+)\uff09)(.+)$", re.M)
FIGURE = re.compile(r"(\d+(?:\.\d+)?)(件|次|项|人次|家|份|%)")
CITATION = re.compile(r"《[^》]{2,40}》")


def make_analysis(text: str, path: str = "/reports/甲区.txt", sha256: str | None = None) -> Analysis:
    """A deterministic analysis of ``text`` with simple patterns (not the real finders)."""
    doc = Document(path=path, sha256=sha256 or hashlib.sha256(text.encode()).hexdigest(), format="txt",
                   encoding="utf-8", text=text, analysis_text=text)
    sections: list[Section] = []
    parents: dict[int, int] = {}
    for m in HEADING.finditer(text):
        level = 1 if m.group(1) else 2
        number = m.group(1) or m.group(2)
        sid = len(sections) + 1
        sections.append(Section(id=sid, parent=parents.get(level - 1), level=level, number=number,
                                title=m.group(3), start=m.start(), end=len(text), heading_start=m.start(),
                                heading_end=m.end(), style="一、" if level == 1 else "(一)"))
        parents[level] = sid
    for i, s in enumerate(sections):
        s.end = next((t.start for t in sections[i + 1:] if t.level <= s.level), len(text))
    figures: list[Figure] = []
    for m in FIGURE.finditer(text):
        raw = m.group(1)
        value: float | int = float(raw) if "." in raw else int(raw)
        unit = m.group(2)
        section = max((s for s in sections if s.start <= m.start() < s.end), key=lambda s: s.level, default=None)
        figures.append(Figure(id=len(figures) + 1, text=m.group(0), value=value, unit=unit,
                              kind="percent" if unit == "%" else "count", label=text[max(0, m.start() - 4):m.start()],
                              qualifier=None, start=m.start(), end=m.end(),
                              section=section.id if section else None))
    citations = [Citation(text=m.group(0), kind="title", start=m.start(), end=m.end(), id=i + 1)
                 for i, m in enumerate(CITATION.finditer(text))]
    checks = [Check(kind="sum_mismatch", severity="warning", message="分项之和与合计不符",
                    figures=[f.id for f in figures[:2]], id=1)] if len(figures) >= 2 else []
    advisories = [Check(kind="missing_part", severity="info", message="缺少“存在的问题”部分", id=2)]
    meta = Metadata(title=text.splitlines()[0], issuer="甲区人民政府", published="2024-01-15", report_year=2023)
    return Analysis(document=doc, metadata=meta, sections=sections, figures=figures, citations=citations,
                    checks=checks, advisories=advisories)


def write_report(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


SMALL_TEXT = report_text(sections=2, paragraphs=2, sentences=3)
