"""Plain dataclasses shared by every part of the core, the store, the exporter and the GUI.

Offsets are code-point indices into ``Document.text`` (the normalised text the reviewer sees);
every span satisfies ``text[start:end] == span_text``.  Nothing here imports Qt or SQLite.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

SCHEMA = "reviewer.analysis/1"

FIGURE_KINDS = ("count", "money", "percent", "duration", "measure", "ratio", "age", "date")
CHECK_KINDS = ("sum_mismatch", "rate_mismatch", "change_mismatch", "conflicting_repeat", "numbering_gap",
               "missing_part", "orphan_level")


@dataclass
class Document:
    """A loaded, cleaned report.

    ``text`` is shown to the reviewer and is what offsets point into; ``analysis_text`` is the
    same text in Simplified script (identical length, so offsets stay valid) that the rules read.
    """

    path: str
    sha256: str
    format: str
    encoding: str | None
    text: str
    analysis_text: str
    script: str = "simplified"  # or "traditional"
    warnings: list[str] = field(default_factory=list)


@dataclass
class Metadata:
    title: str | None = None
    issuer: str | None = None
    published: str | None = None  # ISO YYYY-MM-DD
    report_year: int | None = None
    doc_number: str | None = None
    script: str = "simplified"
    report_type: str | None = None  # e.g. "law_based_government_annual" (templates in resources/)


@dataclass
class Section:
    id: int
    parent: int | None
    level: int
    number: str
    title: str
    start: int  # start of the heading
    end: int  # end of the section body (start of the next section of the same or higher level)
    heading_start: int
    heading_end: int
    confidence: float = 1.0
    style: str = ""  # how the number was written, e.g. "一、", "(一)", "1.", "(1)", "第一章"


@dataclass
class Figure:
    id: int
    text: str
    value: float | int | str | None
    unit: str | None
    kind: str
    label: str | None
    qualifier: str | None
    start: int
    end: int
    section: int | None = None
    low: float | None = None  # ranges: 3至5天 -> low 3, high 5
    high: float | None = None
    label_start: int | None = None
    label_end: int | None = None


@dataclass
class Citation:
    text: str
    kind: str  # "title" | "doc_number"
    start: int
    end: int
    id: int = 0


@dataclass
class Check:
    kind: str
    severity: str
    message: str
    figures: list[int] = field(default_factory=list)
    sections: list[int] = field(default_factory=list)
    id: int = 0
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass
class Analysis:
    document: Document
    metadata: Metadata
    sections: list[Section]
    figures: list[Figure]
    citations: list[Citation]
    checks: list[Check]
    # Structure advisories that are not inconsistencies between figures: required parts of the
    # report type that the outline lacks ("missing_part"), a level used without its parent
    # ("orphan_level").  Shown beside the checks; kept apart so ``checks`` lists only real
    # disagreements, as the gold README defines them.
    advisories: list[Check] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The dict of ../shared/eval/CONTRACT.md (schema reviewer.analysis/1)."""
        doc = self.document
        return {
            "schema": SCHEMA,
            "source": {"path": doc.path, "sha256": doc.sha256, "format": doc.format,
                       "encoding": doc.encoding},
            "metadata": asdict(self.metadata),
            "text": doc.text,
            "sections": [asdict(s) for s in self.sections],
            "figures": [asdict(f) for f in self.figures],
            "citations": [asdict(c) for c in self.citations],
            "checks": [asdict(c) for c in self.checks],
            "advisories": [asdict(c) for c in self.advisories],
            "warnings": list(doc.warnings),
        }


def error_json(path: str, message: str) -> dict[str, Any]:
    """The object the command line prints for a file it could not read."""
    return {
        "schema": SCHEMA,
        "source": {"path": path, "sha256": None, "format": None, "encoding": None},
        "error": message,
        "metadata": asdict(Metadata()),
        "text": "",
        "sections": [],
        "figures": [],
        "citations": [],
        "checks": [],
        "advisories": [],
    }
