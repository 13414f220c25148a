"""The report with the reviewer's comments as Word comments (批注): how a legal office returns a
report to the department that wrote it.

What becomes a comment: each problem judged 属实, each correction (``原文 … → 更正为 …``) and each
comment or annotation note (``findings``).  A Word source gets them in its own file, each anchored
on exactly the words it is about (runs are split at the span's ends; nothing else changes).  Any
other source (txt, pdf, html) — or a Word file that is gone or changed since import — gets a new
.docx of the cleaned text with the outline as Word headings.

A span is found again in the Word file by its words: the n-th occurrence of the quote in the
cleaned text is taken to be the n-th in the Word file's paragraphs (spaces ignored).  A comment
whose words cannot be found is put on the first paragraph, saying so, never on the wrong words.
"""

from __future__ import annotations

import bisect
import copy
import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import docx
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from reviewer.export.docx_style import declare_fonts, set_style_font, stamp_properties
from reviewer.export.files import write_atomically
from reviewer.export.findings import collect, wording
from reviewer.export.report_index import DocIndex, report_name
from reviewer.export.safety import clean_text
from reviewer.export.sheet_writer import Labels
from reviewer.library.review import DocumentReview
from reviewer.messages import ReviewerError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
# Subtrees whose runs a reader does not see in the body flow (as reviewer.load.docx_text skips them).
_SKIPPED = {f"{W}del", f"{W}moveFrom", f"{W}txbxContent", f"{MC}Fallback"}
# A heading's number as Word's automatic numbering shows it, outside the runs' text.
_NUMBER = re.compile(r"^\s*(?:[((][一二三四五六七八九十\d]+[))]|[一二三四五六七八九十\d]+[、.．])\s*")
_TEXT = {f"{W}t": None, f"{W}tab": "\t", f"{W}ptab": "\t", f"{W}br": "\n", f"{W}cr": "\n",
         f"{W}noBreakHyphen": "-"}


@dataclass
class Note:
    """One Word comment to place: its span in the cleaned text (None: not anchored) and text."""

    span: tuple[int, int] | None
    text: str
    author: str


@dataclass
class AnnotatedResult:
    path: Path
    placed: int = 0
    unplaced: list[str] = field(default_factory=list)  # quotes whose words were not found
    from_source: bool = False  # True: the reviewer's comments are in the original Word file
    total: int = 0  # comments written, placed or not


def notes_for(review: DocumentReview, language: str = "zh", reviewer: str | None = None) -> list[Note]:
    """Everything that becomes a comment, in reading order (problems, corrections, remarks)."""
    lang = "en" if str(language).lower().startswith("en") else "zh"
    found = collect(review, DocIndex(review), lang, Labels(lang).data)
    default = reviewer or wording("comment", "author", lang)
    notes: list[Note] = []
    for p in found.problems:
        text = wording("comment", "problem", lang, kind=p.kind, message=p.message)
        if p.reason:
            text += "\n" + wording("comment", "problem_reason", lang, reason=p.reason)
        notes.append(Note(p.span, text, p.reviewer or default))
    for c in found.corrections:
        text = wording("comment", "correction", lang, before=c.before, after=c.after)
        if c.what:
            text += wording("comment", "correction_field", lang, what=c.what)
        notes.append(Note(c.span, text, c.reviewer or default))
    for r in found.remarks:
        notes.append(Note(r.span, wording("comment", "remark", lang, body=r.body), r.reviewer or default))
    notes.sort(key=lambda n: n.span[0] if n.span else -1)
    return notes


def _initials(author: str) -> str:
    return author[:1] if author else ""


# -- a Word source ---------------------------------------------------------------------------------
def _visible_runs(p: Any) -> list[Any]:
    """The runs of paragraph ``p`` a reader sees, in order."""
    runs = []
    for r in p.iter(f"{W}r"):
        parent = r.getparent()
        hidden = False
        while parent is not None and parent is not p:
            if parent.tag in _SKIPPED or parent.tag == f"{W}p":
                hidden = True
                break
            parent = parent.getparent()
        if hidden:
            continue
        rpr = r.find(f"{W}rPr")
        vanish = rpr.find(f"{W}vanish") if rpr is not None else None
        if vanish is not None and vanish.get(f"{W}val", "true") not in ("0", "false", "off"):
            continue
        runs.append(r)
    return runs


def _run_text(r: Any) -> str:
    return "".join((child.text or "") if _TEXT[child.tag] is None else _TEXT[child.tag]
                   for child in r if child.tag in _TEXT)


def _split_run(r: Any, k: int) -> Any:
    """Split run ``r`` after ``k`` characters of its text; returns the new right-hand run.
    Both halves keep the run's properties, so the text looks exactly as before."""
    right = copy.deepcopy(r)
    r.addnext(right)
    for run, keep_left in ((r, True), (right, False)):
        seen = 0
        for child in list(run):
            if child.tag == f"{W}rPr":
                continue
            length = len(child.text or "") if child.tag == f"{W}t" else (1 if child.tag in _TEXT else 0)
            if child.tag == f"{W}t" and seen < k < seen + length:
                cut = k - seen
                child.text = child.text[:cut] if keep_left else child.text[cut:]
                child.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            else:
                in_left = seen < k if length == 0 else seen + length <= k
                if in_left != keep_left:
                    run.remove(child)
            seen += length
    return right


def _isolate(p: Any, start: int, end: int) -> list[Any]:
    """The runs of ``p`` covering exactly its characters ``start``–``end``, splitting two at most."""
    for offset in (start, end):
        position = 0
        for r in _visible_runs(p):
            length = len(_run_text(r))
            if position < offset < position + length:
                _split_run(r, offset - position)
                break
            position += length
    covered, position = [], 0
    for r in _visible_runs(p):
        length = len(_run_text(r))
        if length and start <= position and position + length <= end:
            covered.append(r)
        position += length
    return covered


def _loose(text: str) -> tuple[str, list[int]]:
    """``text`` without spaces (NFC per character), with each kept character's original index."""
    kept, where = [], []
    for i, ch in enumerate(text):
        if ch.isspace():
            continue
        kept.append(unicodedata.normalize("NFKC", ch) if len(unicodedata.normalize("NFKC", ch)) == 1 else ch)
        where.append(i)
    return "".join(kept), where


class WordSource:
    """The original Word file, its paragraphs searchable by words."""

    def __init__(self, path: Path) -> None:
        self.doc = docx.Document(str(path))
        self.body = self.doc.element.body
        self.paragraphs = [p for p in self.body.iter(f"{W}p") if not self._skipped(p)]
        self._index()

    @staticmethod
    def _skipped(p: Any) -> bool:
        parent = p.getparent()
        while parent is not None:
            if parent.tag in _SKIPPED:
                return True
            parent = parent.getparent()
        return False

    def _index(self) -> None:
        """One searchable string of every paragraph's visible text, spaces left out."""
        pieces, self.starts, self.maps = [], [], []
        position = 0
        for p in self.paragraphs:
            loose, where = _loose("".join(_run_text(r) for r in _visible_runs(p)))
            self.starts.append(position)
            self.maps.append(where)
            pieces.append(loose + "\n")
            position += len(loose) + 1
        self.text = "".join(pieces)

    def find(self, quote: str, occurrence: int) -> tuple[int, int, int] | None:
        """(paragraph, start, end) of the ``occurrence``-th appearance of ``quote`` (or the last)."""
        loose, _ = _loose(quote)
        if not loose or "\n" in loose:
            return None
        hits, at = [], self.text.find(loose)
        while at >= 0:
            hits.append(at)
            at = self.text.find(loose, at + 1)
        if not hits:
            return None
        at = hits[min(occurrence, len(hits) - 1)]
        number = bisect.bisect_right(self.starts, at) - 1
        where = self.maps[number]
        first, last = at - self.starts[number], at - self.starts[number] + len(loose) - 1
        return number, where[first], where[last] + 1

    def comment(self, number: int, start: int, end: int, note: Note) -> bool:
        p = self.paragraphs[number]
        runs = _isolate(p, start, end)
        if not runs:
            return False
        paragraph = Paragraph(p, self.doc._body)
        self.doc.add_comment([Run(runs[0], paragraph), Run(runs[-1], paragraph)], text=clean_text(note.text),
                             author=note.author, initials=_initials(note.author))
        self._index()
        return True

    def comment_first(self, note: Note) -> None:
        """A note whose words are not in the file: on the first paragraph with text, saying so."""
        for p in self.paragraphs:
            runs = [r for r in _visible_runs(p) if _run_text(r)]
            if runs:
                paragraph = Paragraph(p, self.doc._body)
                self.doc.add_comment([Run(runs[0], paragraph), Run(runs[-1], paragraph)],
                                     text=clean_text(note.text), author=note.author,
                                     initials=_initials(note.author))
                return
        run = self.doc.add_paragraph().add_run(" ")
        self.doc.add_comment(run, text=clean_text(note.text), author=note.author, initials=_initials(note.author))


def _occurrence(text: str, start: int, quote: str) -> int:
    """How many times ``quote`` starts in ``text`` before ``start`` (spaces ignored; counted as
    ``WordSource.find`` counts, overlapping)."""
    loose_text, _ = _loose(text[:start] + quote)
    loose, _ = _loose(quote)
    count, at = 0, loose_text.find(loose) if loose else -1
    while 0 <= at < len(loose_text) - len(loose):
        count += 1
        at = loose_text.find(loose, at + 1)
    return count


def annotate_word(review: DocumentReview, source: Path, notes: list[Note], language: str) -> tuple[Any, int, list[str]]:
    """Comments put into the original Word file; returns (document, placed, unplaced quotes)."""
    word = WordSource(source)
    text = review.document.text
    placed, unplaced = 0, []
    lang = "en" if str(language).lower().startswith("en") else "zh"
    for note in notes:
        if note.span is not None:
            quote = text[note.span[0]:note.span[1]]
            hit = word.find(quote, _occurrence(text, note.span[0], quote))
            bare = _NUMBER.sub("", quote, count=1)
            if hit is None and bare != quote:  # a heading Word numbers itself: "一、" is not in its runs
                hit = word.find(bare, _occurrence(text, note.span[0] + len(quote) - len(bare), bare))
            if hit is not None and word.comment(*hit, note):
                placed += 1
                continue
            unplaced.append(quote)
            note = Note(None, wording("comment", "not_found", lang, quote=quote) + "\n" + note.text, note.author)
        word.comment_first(note)
    return word.doc, placed, unplaced


# -- any other source: a new document of the cleaned text -----------------------------------------
def annotate_text(review: DocumentReview, notes: list[Note], language: str) -> tuple[Any, int, list[str]]:
    """A new .docx of the cleaned text, the outline as Word headings, the comments on their spans."""
    document = docx.Document()
    set_style_font(document.styles["Normal"], "body")
    for level in range(1, 10):
        try:
            style = document.styles[f"Heading {level}"]
        except KeyError:
            break
        set_style_font(style, "heading1" if level == 1 else "heading2")
    set_style_font(document.styles["Title"], "title")
    declare_fonts(document)
    text = review.document.text
    levels = {s.section.heading_start: s.section.level for s in review.sections}
    cuts: set[int] = set()
    for note in notes:
        if note.span is not None:
            cuts.update(note.span)
    runs_at: dict[int, Any] = {}  # text offset where a run starts -> run
    runs_end: dict[int, Any] = {}  # text offset where a run ends -> run
    title = (review.metadata.title or "").strip()
    position = 0
    first_line = True
    for line in text.split("\n"):
        end = position + len(line)
        if line.strip():
            if first_line and title and line.strip() == title:
                paragraph = document.add_paragraph(style="Title")
            elif position in levels or (position + len(line) - len(line.lstrip())) in levels:
                level = levels.get(position, levels.get(position + len(line) - len(line.lstrip()), 1))
                paragraph = document.add_paragraph(style=f"Heading {min(max(level, 1), 9)}")
            else:
                paragraph = document.add_paragraph()
            first_line = False
            bounds = sorted({position, end, *(c for c in cuts if position < c < end)})
            for a, b in zip(bounds, bounds[1:]):
                run = paragraph.add_run(clean_text(text[a:b]))
                runs_at[a] = run
                runs_end[b] = run
        position = end + 1
    placed, unplaced = 0, []
    starts = sorted(runs_at)
    for note in notes:
        if note.span is not None:
            first = _run_from(runs_at, starts, note.span[0])
            last = runs_end.get(note.span[1]) or first
            if first is not None:
                document.add_comment([first, last], text=clean_text(note.text), author=note.author,
                                     initials=_initials(note.author))
                placed += 1
                continue
            unplaced.append(text[note.span[0]:note.span[1]])
        paragraph = document.paragraphs[0] if document.paragraphs else document.add_paragraph()
        run = paragraph.runs[0] if paragraph.runs else paragraph.add_run(" ")
        document.add_comment(run, text=clean_text(note.text), author=note.author, initials=_initials(note.author))
    return document, placed, unplaced


def _run_from(runs_at: dict[int, Any], starts: list[int], offset: int) -> Any:
    if offset in runs_at:
        return runs_at[offset]
    index = bisect.bisect_right(starts, offset)  # a span starting on a line break: the next run
    return runs_at[starts[index]] if index < len(starts) else None


def word_source(review: DocumentReview) -> Path | None:
    """The original Word file, if the report came from one and it is still the file imported."""
    document = review.document
    if (document.format or "").lower() != "docx":
        return None
    path = Path(document.path)
    try:
        data = path.read_bytes()
    except OSError:
        return None
    return path if hashlib.sha256(data).hexdigest() == document.sha256 else None


def write_annotated(review: DocumentReview, out_path: str | os.PathLike[str], language: str = "zh",
                    reviewer: str | None = None) -> AnnotatedResult:
    """The report with the review as Word comments, saved atomically at ``out_path``."""
    notes = notes_for(review, language, reviewer)
    source = word_source(review)
    try:
        if source is not None:
            document, placed, unplaced = annotate_word(review, source, notes, language)
        else:
            document, placed, unplaced = annotate_text(review, notes, language)
    except ReviewerError:
        raise
    except Exception as exc:  # a Word file python-docx cannot open after all
        raise ReviewerError("bad_docx", path=str(source)) from exc
    stamp_properties(document, report_name(review), reviewer or "Report Reviewer", new=source is None)
    path = write_atomically(out_path, ".docx", lambda temp: document.save(str(temp)))
    return AnnotatedResult(path, placed, unplaced, source is not None, len(notes))


def export_annotated(library: Any, doc_uuid: str, out_path: str | os.PathLike[str],
                     language: str = "zh") -> AnnotatedResult:
    return write_annotated(library.load_review(doc_uuid), out_path, language,
                           getattr(library, "reviewer", None) or None)


__all__ = ["write_annotated", "export_annotated", "notes_for", "AnnotatedResult"]
