"""The report text, read-only, with the analysis drawn over it.

Highlights are ExtraSelections for the visible part of the text only (plus a margin), recomputed
on scroll and resize: a 5 MB report with tens of thousands of figures costs no more to paint
than a short one, and no Python loop ever walks the whole text.  Every offset from the core goes
through ``ui.offsets.OffsetMap``.
"""

from __future__ import annotations

import html
from bisect import bisect_left
from dataclasses import dataclass

from reviewer.library.review import DocumentReview
from ui import disposal, labels
from ui.models.tables import format_value
from ui.offsets import OffsetMap
from ui.qt import (
    QColor,
    QEvent,
    QFont,
    QMenu,
    QPainter,
    QPlainTextDocumentLayout,
    QPlainTextEdit,
    QPoint,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextEdit,
    QTimer,
    QToolTip,
    QWidget,
    Signal,
)

MARGIN = 2000  # code points highlighted beyond the visible text, so a short scroll needs no redo


@dataclass(slots=True)
class Span:
    start: int
    end: int
    kind: str  # heading | figure | check | citation | annotation | rejected
    item_type: str
    uuid: str


# Distinct, legible colours (dark text on light backgrounds, each also readable when printed grey).
STYLES = {
    "heading": {"fg": "#0b3d91", "bold": True},
    "figure": {"bg": "#dbeafe", "underline": "#2563eb"},
    "check": {"bg": "#fde2e1", "fg": "#8b1a12", "underline": "#c9352b"},
    "citation": {"bg": "#dcf5e3", "fg": "#14532d"},
    "annotation": {"bg": "#fff2a8"},
    "rejected": {"fg": "#8a8f98", "strike": True},
    "current": {"bg": "#fbbf24", "fg": "#111111"},
    "found": {"bg": "#f5a623", "fg": "#111111"},
}


def _format(style: dict) -> QTextCharFormat:
    fmt = QTextCharFormat()
    if "bg" in style:
        fmt.setBackground(QColor(style["bg"]))
    if "fg" in style:
        fmt.setForeground(QColor(style["fg"]))
    if style.get("bold"):
        fmt.setFontWeight(QFont.Weight.Bold)
    if style.get("strike"):
        fmt.setFontStrikeOut(True)
    if "underline" in style:
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(QColor(style["underline"]))
    return fmt


MARK_WIDTH = 12  # the margin beside the text where tagged and commented passages are marked
COMMENT_COLOR = "#f2b705"


class MarginMarks(QWidget):
    """Stripes in the left margin beside tagged passages (in the tag's colour) and commented
    ones (amber), like MAXQDA's coding stripes: where the work is, at a glance."""

    def __init__(self, view: DocumentView) -> None:
        super().__init__(view)
        self.view = view

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        for top, bottom, color, x in self.view.margin_marks():
            painter.fillRect(x, top, 4, max(3, bottom - top), QColor(color))
        painter.end()


def review_marks(review: DocumentReview | None) -> list[tuple[int, int, str, int]]:
    """(start, end, colour, column) for every tagged or commented passage, by start."""
    if review is None:
        return []
    notes = {a.uuid for a in review.annotations if a.note}
    items = [(rs.section.heading_start, rs.section.heading_end, rs.review) for rs in review.sections
             if rs.review.tags or rs.review.comments]
    items += [(rf.figure.start, rf.figure.end, rf.review) for rf in review.figures
              if rf.review.tags or rf.review.comments]
    items += [(rc.citation.start, rc.citation.end, rc.review) for rc in review.citations
              if rc.review.tags or rc.review.comments]
    items += [(a.start, a.end, a.review) for a in review.annotations if a.start is not None and a.review]
    marks = []
    for start, end, item in items:
        if item.tags:
            marks.append((start, end, item.tags[0].color, 1))
        if item.comments or item.uuid in notes:
            marks.append((start, end, COMMENT_COLOR, 7))
    marks.sort()
    return marks


class DocumentView(QPlainTextEdit):
    itemActivated = Signal(str, str)  # item_type, uuid: the reader clicked a highlighted item
    topPositionChanged = Signal(int)  # code point at the top of the viewport (outline follows)
    # actions on a selection (start, end in code points)
    tagSelectionRequested = Signal(int, int, str)  # …, tag uuid
    commentSelectionRequested = Signal(int, int)
    newTagSelectionRequested = Signal(int, int)  # a new tag, put on the selection
    headingSelectionRequested = Signal(int, int)
    figureSelectionRequested = Signal(int, int)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(self.textInteractionFlags()
                                     | self.textInteractionFlags().TextSelectableByKeyboard)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.document().setDocumentMargin(14)
        self.setObjectName("documentView")
        self.review: DocumentReview | None = None
        self.offsets = OffsetMap("")
        self.text = ""
        self._spans: list[Span] = []
        self._by_uuid: dict[str, Span] = {}
        self._starts: list[int] = []
        self._long_spans: list[Span] = []  # annotations: few, maybe long
        self._formats = {name: _format(style) for name, style in STYLES.items()}
        self._current: Span | None = None
        self._found: tuple[int, int] | None = None  # UTF-16
        self._tags: list = []
        self._details: dict[str, object] = {}
        self._highlighted_range = (0, -1)
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(0)
        self._refresh.timeout.connect(self.update_highlights)
        self._top_timer = QTimer(self)
        self._top_timer.setSingleShot(True)
        self._top_timer.setInterval(60)
        self._top_timer.timeout.connect(self._emit_top)
        self.verticalScrollBar().valueChanged.connect(self._scrolled)
        self._marks: list[tuple[int, int, str, int]] = []
        self.marks = MarginMarks(self)
        self.setViewportMargins(MARK_WIDTH, 0, 0, 0)

    # ------------------------------------------------------------------ content
    def set_review(self, review: DocumentReview | None, spans: SpanIndex | None = None,
                   document: QTextDocument | None = None, offsets: OffsetMap | None = None) -> None:
        """Show ``review``; ``spans``, ``document`` and ``offsets`` may come prepared by a worker
        (``ui.presentation``), so that a 5 MB report costs the GUI thread almost nothing."""
        same_text = review is not None and self.review is not None and review.document.text == self.text
        if self.review is not review:  # a report's items are freed in slices, not in this turn
            disposal.dispose(self.review)
        self.review = review
        if not same_text:
            self.text = review.document.text if review else ""
            self.offsets = offsets or OffsetMap(self.text)
            self._current = None
            self._found = None
            if document is not None:
                document.setDocumentLayout(QPlainTextDocumentLayout(document))
                document.setDefaultFont(self.font())
                document.setDocumentMargin(14)
                previous, self._document = getattr(self, "_document", None), document
                self.setDocument(document)
                del previous  # the one before is no longer shown; Python owns it
            else:
                self.setPlainText(self.text)
        self._adopt_spans(spans or build_span_index(review))
        self._highlighted_range = (0, -1)
        self.update_highlights()

    def changeEvent(self, event) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.document().setDefaultFont(self.font())

    def set_tags(self, tags: list) -> None:
        self._tags = list(tags)

    def _adopt_spans(self, index: SpanIndex) -> None:
        disposal.dispose(self._by_uuid, self._spans, self._starts, self._long_spans, self._details)
        self._by_uuid = index.by_uuid
        self._spans = index.spans
        self._starts = index.starts
        self._long_spans = index.long_spans
        self._details = index.details
        self._marks = index.marks
        if self._current is not None:
            self._current = next((s for s in index.spans + index.long_spans if s.uuid == self._current.uuid), None)

    # ------------------------------------------------------------------ highlighting
    def visible_range(self) -> tuple[int, int]:
        """The code-point range currently on screen."""
        block = self.firstVisibleBlock()
        if not block.isValid():
            return 0, 0
        first = block.position()
        height = self.viewport().height()
        offset = self.contentOffset()
        last = block
        while block.isValid():
            top = self.blockBoundingGeometry(block).translated(offset).top()
            if top > height:
                break
            last = block
            block = block.next()
        end = last.position() + last.length()
        return self.offsets.to_cp(first), self.offsets.to_cp(end)

    def refresh_item(self, item_type: str, uuid: str, status: str) -> None:
        """Redraw one item whose status changed in memory (a rejected item loses its colour)."""
        span = self._by_uuid.get(uuid)
        if span is None:
            return
        if status == "rejected":
            span.kind = "rejected"
        elif span.kind == "rejected":
            span.kind = {"section": "heading", "figure": "figure", "citation": "citation"}.get(item_type, span.kind)
        self.update_highlights()

    def spans_between(self, start: int, end: int) -> list[Span]:
        i = bisect_left(self._starts, max(0, start - 500))  # headings/figures are short
        found = []
        spans = self._spans
        while i < len(spans) and spans[i].start < end:
            if spans[i].end > start:
                found.append(spans[i])
            i += 1
        found += [s for s in self._long_spans if s.start < end and s.end > start]
        return found

    def _selection(self, u_start: int, u_end: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        sel = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(u_start)
        cursor.setPosition(u_end, QTextCursor.MoveMode.KeepAnchor)
        sel.cursor = cursor
        sel.format = fmt
        return sel

    def update_highlights(self) -> None:
        if not self.text:
            self.setExtraSelections([])
            return
        start, end = self.visible_range()
        lo, hi = max(0, start - MARGIN), min(len(self.text), end + MARGIN)
        self._highlighted_range = (lo, hi)
        to16 = self.offsets.to_utf16
        selections = []
        # annotations first, so figures drawn later stay visible inside them
        spans = sorted(self.spans_between(lo, hi), key=lambda s: s.kind != "annotation")
        for span in spans:
            selections.append(self._selection(to16(span.start), to16(span.end), self._formats[span.kind]))
        if self._current is not None:
            selections.append(self._selection(to16(self._current.start), to16(self._current.end),
                                              self._formats["current"]))
        if self._found is not None:
            selections.append(self._selection(*self._found, self._formats["found"]))
        self.setExtraSelections(selections)
        self.marks.update()

    def margin_marks(self) -> list[tuple[int, int, str, int]]:
        """The stripes on screen now: (top, bottom, colour, x) in viewport pixels."""
        if not self._marks:
            return []
        start, end = self.visible_range()
        to16 = self.offsets.to_utf16
        shown = []
        for mark_start, mark_end, color, x in self._marks:
            if mark_start >= end:
                break
            if mark_end <= start:
                continue
            top_cursor = QTextCursor(self.document())
            top_cursor.setPosition(to16(max(mark_start, start)))
            bottom_cursor = QTextCursor(self.document())
            bottom_cursor.setPosition(to16(min(mark_end, end)))
            shown.append((self.cursorRect(top_cursor).top(), self.cursorRect(bottom_cursor).bottom(), color, x))
        return shown

    def highlighted_spans(self) -> list[Span]:
        """The spans drawn at the moment (for tests and the status bar)."""
        lo, hi = self._highlighted_range
        return self.spans_between(lo, hi) if hi >= lo else []

    def _scrolled(self, _value: int) -> None:
        start, end = self.visible_range()
        lo, hi = self._highlighted_range
        if start < lo + MARGIN // 4 or end > hi - MARGIN // 4:
            self._refresh.start()
        self._top_timer.start()
        self.marks.update()

    def _emit_top(self) -> None:
        block = self.firstVisibleBlock()
        if block.isValid():
            self.topPositionChanged.emit(self.offsets.to_cp(block.position()))

    def resizeEvent(self, event) -> None:  # noqa: N802
        """Keep the reading position: the character at the top stays at the top when the
        lines re-wrap (dragging the splitter, resizing the window)."""
        top = self.cursorForPosition(QPoint(4, 4)).position() if self.text else None
        super().resizeEvent(event)
        rect = self.contentsRect()
        self.marks.setGeometry(rect.left(), rect.top(), MARK_WIDTH, rect.height())
        if top is not None and event.oldSize().width() != event.size().width():
            self.scroll_to_top(top)
        self._refresh.start()

    def scroll_to_top(self, position: int) -> None:
        """Scroll so that the line holding UTF-16 ``position`` is the first one shown."""
        block = self.document().findBlock(position)
        if not block.isValid():
            return
        layout = block.layout()
        line = layout.lineForTextPosition(position - block.position()) if layout is not None else None
        offset = line.lineNumber() if line is not None and line.isValid() else 0
        self.verticalScrollBar().setValue(block.firstLineNumber() + offset)

    def top_position(self) -> int:
        """The code point at the top left of the text (the reading position)."""
        return self.offsets.to_cp(self.cursorForPosition(QPoint(4, 4)).position())

    # ------------------------------------------------------------------ navigation
    def jump_to(self, start: int, end: int | None = None, item: tuple[str, str] | None = None) -> None:
        """Scroll ``start`` into view (near the top third) and mark the item as current."""
        end = start if end is None else end
        self._current = None
        if item is not None:
            self._current = next((s for s in self._spans + self._long_spans
                                  if s.item_type == item[0] and s.uuid == item[1]), None)
            if self._current is None and end > start:
                self._current = Span(start, end, "current", item[0], item[1])
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.offsets.to_utf16(start))
        self.setTextCursor(cursor)
        self.centerCursor()
        self.update_highlights()

    def mark_current(self, item_type: str, uuid: str) -> None:
        """Show an item as the current one without moving the text."""
        self._current = self._by_uuid.get(uuid)
        if self._current is None or self._current.item_type != item_type:
            self._current = next((s for s in self._spans + self._long_spans
                                  if s.item_type == item_type and s.uuid == uuid), None)
        self.update_highlights()

    def current_span(self) -> Span | None:
        return self._current

    def find_text(self, needle: str, backwards: bool = False) -> bool:
        """Find ``needle`` from the cursor (wrapping round); marks the match."""
        if not needle:
            self._found = None
            self.update_highlights()
            return False
        flags = QTextDocumentFindFlags(backwards)
        found = self.find(needle, flags)
        if not found:
            cursor = self.textCursor()
            cursor.movePosition(QTextCursor.MoveOperation.End if backwards else QTextCursor.MoveOperation.Start)
            self.setTextCursor(cursor)
            found = self.find(needle, flags)
        if found:
            cursor = self.textCursor()
            self._found = (cursor.selectionStart(), cursor.selectionEnd())
            self.centerCursor()
        else:
            self._found = None
        self.update_highlights()
        return found

    def selection_cp(self) -> tuple[int, int] | None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start, end = self.offsets.span_to_cp(cursor.selectionStart(), cursor.selectionEnd())
        # Trim surrounding white space: the reviewer rarely means it.
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return (start, end) if end > start else None

    def select_cp(self, start: int, end: int) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.offsets.to_utf16(start))
        cursor.setPosition(self.offsets.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def span_at(self, position: int) -> Span | None:
        candidates = [s for s in self.spans_between(position, position + 1) if s.start <= position < s.end]
        if not candidates:
            return None
        # the innermost (shortest) wins: a figure inside an annotation
        return min(candidates, key=lambda s: s.end - s.start)

    # ------------------------------------------------------------------ mouse, tooltips, menu
    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        if self.textCursor().hasSelection():
            return
        position = self.offsets.to_cp(self.cursorForPosition(event.position().toPoint()).position())
        span = self.span_at(position)
        if span is not None:
            self._current = span
            self.update_highlights()
            self.itemActivated.emit(span.item_type, span.uuid)

    def viewportEvent(self, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ToolTip:
            position = self.offsets.to_cp(self.cursorForPosition(event.pos()).position())
            tip = self.tooltip_at(position)
            if tip:
                QToolTip.showText(event.globalPos(), tip, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def tooltip_at(self, position: int) -> str:
        span = self.span_at(position)
        if span is None:
            return ""
        detail = self._details.get(span.uuid)
        if span.item_type == "figure" and detail is not None:
            fig, review = detail.figure, detail.review
            rows = [
                (self.tr("Value"), format_value(fig.value)),
                (self.tr("Unit"), fig.unit or ""),
                (self.tr("Label"), fig.label or ""),
                (self.tr("Kind"), labels.figure_kind(fig.kind)),
                (self.tr("Status"), labels.status(review.status)),
            ]
            if review.tags:
                rows.append((self.tr("Tags"), ", ".join(t.name for t in review.tags)))
            if span.kind == "check":
                rows.append((self.tr("Check"), self.tr("Involved in an inconsistency")))
            body = "".join(f"<tr><td><b>{html.escape(k)}</b>&nbsp;</td><td>{html.escape(str(v))}</td></tr>"
                           for k, v in rows)
            return f"<b>{html.escape(fig.text)}</b><table>{body}</table>"
        if span.item_type == "annotation" and detail is not None:
            note = detail.note or self.tr("(no note)")
            return f"<b>{html.escape(self.tr('Annotation'))}</b>: {html.escape(note)}"
        return f"{labels.item_type(span.item_type)}"

    def contextMenuEvent(self, event) -> None:  # noqa: N802
        menu = self.createStandardContextMenu(event.pos())
        selection = self.selection_cp()
        if selection is not None and self.review is not None:
            start, end = selection
            menu.addSeparator()
            tag_menu = QMenu(self.tr("Tag selection") + "\tCtrl+T", menu)
            for tag in self._tags:
                action = tag_menu.addAction(tag.path or tag.name)
                action.triggered.connect(lambda _=False, t=tag.uuid: self.tagSelectionRequested.emit(start, end, t))
            tag_menu.addSeparator()
            tag_menu.addAction(self.tr("New tag…"), lambda: self.newTagSelectionRequested.emit(start, end))
            menu.addMenu(tag_menu)
            menu.addAction(self.tr("Comment on selection…") + "\tCtrl+M",
                           lambda: self.commentSelectionRequested.emit(start, end))
            menu.addAction(self.tr("Mark as heading…"), lambda: self.headingSelectionRequested.emit(start, end))
            menu.addAction(self.tr("Mark as figure…"), lambda: self.figureSelectionRequested.emit(start, end))
        self.last_menu = menu  # tests read what it offered
        menu.exec(event.globalPos())
        menu.deleteLater()


@dataclass(slots=True)
class SpanIndex:
    """What the view highlights, sorted for bisection; built off the GUI thread for big reports."""

    spans: list[Span]
    starts: list[int]
    long_spans: list[Span]
    details: dict[str, object]
    by_uuid: dict[str, Span]
    marks: list[tuple[int, int, str, int]]  # margin marks: review_marks()


def build_span_index(review: DocumentReview | None) -> SpanIndex:
    spans: list[Span] = []
    long_spans: list[Span] = []
    details: dict[str, object] = {}
    if review is not None:
        check_figures = {fid for rc in review.checks if rc.review.status != "rejected"
                         for fid in rc.check.figures}
        for rs in review.sections:
            s = rs.section
            kind = "rejected" if rs.review.status == "rejected" else "heading"
            spans.append(Span(s.heading_start, s.heading_end, kind, "section", rs.review.uuid))
        for rf in review.figures:
            f = rf.figure
            if rf.review.status == "rejected":
                kind = "rejected"
            else:
                kind = "check" if f.id in check_figures else "figure"
            spans.append(Span(f.start, f.end, kind, "figure", rf.review.uuid))
            details[rf.review.uuid] = rf
        for rc in review.citations:
            c = rc.citation
            kind = "rejected" if rc.review.status == "rejected" else "citation"
            spans.append(Span(c.start, c.end, kind, "citation", rc.review.uuid))
        for a in review.annotations:
            if a.start is not None and a.end is not None:
                long_spans.append(Span(a.start, a.end, "annotation", "annotation", a.uuid))
                details[a.uuid] = a
    # Sorting 100,000 tuples is one long C call that keeps the GUI thread waiting for the
    # interpreter lock; an int key sorts several times faster (ties keep reading order).
    spans.sort(key=_span_start)
    return SpanIndex(spans, [s.start for s in spans], long_spans, details, {s.uuid: s for s in spans},
                     review_marks(review))


def _span_start(span: Span) -> int:
    return span.start


def build_text_document(text: str) -> QTextDocument:
    """The report's text as a QTextDocument, made in a worker thread and handed to the GUI thread
    (setting 5 MB of text takes longer than an event-loop turn may)."""
    from ui.qt import QCoreApplication

    document = QTextDocument()
    document.setUndoRedoEnabled(False)
    if len(text) <= CHUNK:
        document.setPlainText(text)
    else:  # in pieces: each call holds the interpreter lock, and with it the GUI thread
        cursor = QTextCursor(document)
        for start in range(0, len(text), CHUNK):
            cursor.insertText(text[start:start + CHUNK])
    document.moveToThread(QCoreApplication.instance().thread())
    return document


CHUNK = 100_000


def QTextDocumentFindFlags(backwards: bool):  # noqa: N802
    return QTextDocument.FindFlag.FindBackward if backwards else QTextDocument.FindFlag(0)
