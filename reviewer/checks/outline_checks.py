"""Checks on the outline: heading numbers skipped or repeated (checks), and for report types with
a template, required parts the outline lacks and levels used without their parent (advisories).

A skipped or repeated number is a real defect a reviewer must fix, so it is a check; a missing
part or an orphan level is a matter of form, so it is an advisory.  Level-3 numbering that runs
on across level-2 sections (1–5 under (一), 6–7 under (二)) is the common style, not a gap.
"""

from __future__ import annotations

import re

from reviewer.analysis.heading_markers import numeral_value
from reviewer.analysis.metadata import templates
from reviewer.model import Check, Document, Metadata, Section


def find_outline_checks(document: Document, metadata: Metadata,
                        sections: list[Section]) -> tuple[list[Check], list[Check]]:
    """(checks, advisories): numbering gaps/repeats are checks; missing parts are advisories."""
    advisories = _orphan_levels(sections) + _missing_parts(document, metadata, sections)
    return _numbering(sections), advisories


def _value(section: Section) -> int | None:
    return numeral_value(section.number)[1]


def _numbering(sections: list[Section]) -> list[Check]:
    """Compare each heading with the previous one of its level in the same numbering run.

    A run of level L is broken by a heading two or more levels up, so level-3 numbers may run
    on across level-2 sections; a number 1 always starts a new run.
    """
    checks: list[Check] = []
    last: dict[int, Section] = {}
    # level -> (the repeat check, the repeated heading): a gap right after it is the same slip
    repeats: dict[int, tuple[Check, Section]] = {}
    top = next((s for s in sections if s.level == 1), None)
    # the first top heading is 二 or later: it opens the report, or only the children of a
    # parent that lost its number (kept by the outline with a low confidence) come before it
    if top is not None and (_value(top) or 1) > 1 and (top is sections[0] or top.confidence <= 0.5):
        first = top
        missing = "、".join(_numeral_like(first, n) for n in range(1, _value(first) or 1))
        checks.append(Check(
            kind="numbering_gap", severity="warning",
            message=f"标题编号跳号:第一个一级标题是“{first.number}”,缺少“{missing}”(或其编号丢失)。",
            sections=[first.id], detail={"expected": 1, "found": _value(first)}))
    values = {id(s): _value(s) for s in sections}  # each heading's number read once, not again as "previous"
    for section in sections:
        value = values[id(section)]
        previous = last.get(section.level)
        if value is not None and previous is not None and value != 1:
            before = values[id(previous)]
            repeat = repeats.pop(section.level, None)
            if (before is not None and value == before + 2 and repeat is not None
                    and repeat[1] is previous):
                # (二)(二)(四): one heading numbered (二) where (三) belongs, not two slips
                check, twice = repeat
                meant = _numeral_like(section, before + 1)
                check.message = (f"标题编号错误:“{twice.number}”出现两次而缺少“{meant}”,"
                                 f"第二个“{twice.number}”应为“{meant}”。")
                check.sections.append(section.id)
                check.detail = {"expected": before + 1, "found": before}
            elif before is not None and value > before + 1:
                missing = "、".join(_numeral_like(section, n) for n in range(before + 1, value))
                checks.append(Check(
                    kind="numbering_gap", severity="warning",
                    message=f"标题编号跳号:“{previous.number}”之后是“{section.number}”,缺少“{missing}”。",
                    sections=[previous.id, section.id],
                    detail={"expected": before + 1, "found": value}))
            elif before is not None and value == before and previous.parent == section.parent:
                checks.append(Check(
                    kind="numbering_gap", severity="warning",
                    message=f"标题编号重复:同一层级连续出现两个“{section.number}”。",
                    sections=[previous.id, section.id],
                    detail={"expected": before + 1, "found": value}))
                repeats[section.level] = (checks[-1], section)
        last[section.level] = section
        for level in list(last):
            if level > section.level + 1:
                del last[level]
    return checks


def _numeral_like(section: Section, value: int) -> str:
    """``value`` written the way ``section`` writes its number (一 or 1)."""
    if section.number.isdigit():
        return str(value)
    digits = "零一二三四五六七八九"
    if value < 10:
        return digits[value]
    tens, units = divmod(value, 10)
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[units] if units else "")


def _orphan_levels(sections: list[Section]) -> list[Check]:
    """One advisory per parent where a level appears without the level above it."""
    by_id = {s.id: s for s in sections}
    top = min((s.level for s in sections), default=1)
    groups: dict[tuple[int | None, int], list[int]] = {}
    for section in sections:
        groups.setdefault((section.parent, section.level), []).append(section.id)
    seen: set[tuple[int | None, int]] = set()
    advisories: list[Check] = []
    for section in sections:
        parent = by_id.get(section.parent) if section.parent else None
        expected = parent.level + 1 if parent else top
        if section.level <= expected or (section.parent, section.level) in seen:
            continue
        seen.add((section.parent, section.level))
        members = groups[(section.parent, section.level)]
        where = f"“{parent.title}”下" if parent else "文中"
        advisories.append(Check(
            kind="orphan_level", severity="info",
            message=f"{where}的第{section.level}层标题“{section.style}”缺少上一层级(第{expected}层)标题。",
            sections=members, detail={"level": section.level, "expected_level": expected}))
    return advisories


def _missing_parts(document: Document, metadata: Metadata, sections: list[Section]) -> list[Check]:
    """Required parts of the report type (templates data) that no heading covers."""
    template = next((t for t in templates().get("report_types", [])
                     if t.get("id") == metadata.report_type), None)
    if not template or not sections:
        return []
    analysis = document.analysis_text if len(document.analysis_text) == len(document.text) \
        else document.text
    # Required parts are the report's main parts: look at the top two levels only, so a
    # "问题" deep inside the measures does not count as the shortcomings part.
    top = min(s.level for s in sections)
    titles = [analysis[s.heading_start:s.heading_end] for s in sections if s.level <= top + 1]
    advisories = []
    for part in template.get("required_parts", []):
        # its keywords as one pattern: one search per title, not one per keyword and title
        keywords = part.get("keywords", [])
        either = re.compile("|".join(f"(?:{k})" for k in keywords)) if keywords else None
        if either is not None and any(either.search(title) for title in titles):
            continue
        advisories.append(Check(
            kind="missing_part", severity="info",
            message=f"按{template['name']}的要求,提纲中未找到“{part['name']}”部分。",
            detail={"part": part["id"]}))
    return advisories
