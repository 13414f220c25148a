"""Invented report texts for the outline, metadata, citation and outline-check tests.

Each fixture is offered in two layouts: as a web copy (blank lines between paragraphs, leading
spaces) and as the cleaned text (one paragraph per line), since the finders must read both.
"""

from __future__ import annotations

from reviewer.load.dispatch import document_from_text
from reviewer.model import Document
from tests.conftest import FIXTURES

OUTLINE_FIXTURES = FIXTURES / "outline"
LAYOUTS = ("web", "cleaned")


def compact(text: str) -> str:
    """The cleaned layout: no blank lines, no leading spaces, a line broken inside a quotation
    (``“证\n\n照分离”``) re-joined."""
    out: list[str] = []
    for line in (line.strip() for line in text.split("\n")):
        if not line:
            continue
        if out and out[-1].count("“") > out[-1].count("”"):
            out[-1] += line
        else:
            out.append(line)
    return "\n".join(out)


def load(name: str, layout: str = "web") -> Document:
    raw = (OUTLINE_FIXTURES / name).read_text(encoding="utf-8")
    return document_from_text(raw if layout == "web" else compact(raw), path=name)


def span_ok(text: str, start: int, end: int, value: str) -> bool:
    return 0 <= start <= end <= len(text) and text[start:end] == value


def test_cleaned_layout_rejoins_a_line_broken_inside_quotes_and_drops_blank_lines():
    raw = "  一、总体情况\n\n(1)落实“证\n\n照分离”改革。\n\n正文。\n"
    assert compact(raw) == "一、总体情况\n(1)落实“证照分离”改革。\n正文。"


def test_every_fixture_loads_in_both_layouts():
    names = sorted(p.name for p in OUTLINE_FIXTURES.glob("*.txt"))
    assert names
    for name in names:
        for layout in LAYOUTS:
            document = load(name, layout)
            assert document.text and len(document.text) == len(document.analysis_text)
