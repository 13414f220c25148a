"""Selecting and moving between items: outline, text and inspector kept in step; next unreviewed,
next check; search in the report and across the library (part of the main window)."""

from __future__ import annotations

import logging

from ui.models import ItemRole, StatusRole
from ui.qt import (
    QApplication,
    QItemSelectionModel,
)

log = logging.getLogger(__name__)


class Navigation:
    """Mixed into ``MainWindow``: one current item, shown alike in every pane."""

    # ================================================================== selection and navigation
    def _outline_current_changed(self, current, _previous) -> None:
        if self._syncing or not current.isValid():
            return
        self._activate("section", current.data(ItemRole), scroll=True, from_outline=True)

    def _outline_clicked(self, index) -> None:
        if index.isValid():
            self._activate("section", index.data(ItemRole), scroll=True, from_outline=True)

    def _inspector_item_selected(self, item_type: str, uuid: str) -> None:
        self._activate(item_type, uuid, scroll=True, from_inspector=True)

    def _document_item_activated(self, item_type: str, uuid: str) -> None:
        self._activate(item_type, uuid, scroll=False, from_document=True)

    def _activate(self, item_type: str, uuid: str, scroll: bool, from_outline: bool = False,
                  from_inspector: bool = False, from_document: bool = False) -> None:
        """Make an item the current one everywhere: text, outline, inspector."""
        self.workspace.set_current(item_type, uuid)
        span = self._span_of(item_type, uuid)
        if span is not None:
            top, bottom = self.document_view.visible_range()
            on_screen = top <= span[0] < bottom
            if from_document or (not scroll and on_screen):
                self.document_view.mark_current(item_type, uuid)  # the text stays where it is
            else:
                self.document_view.jump_to(span[0], span[1], (item_type, uuid))
        if not from_outline:
            if item_type == "section":
                self._select_in_outline(uuid)
            elif span is not None:
                section = self.outline_model.section_at(span[0])
                if section is not None:
                    self._select_in_outline(section.review.uuid)
        if not from_inspector:
            self.inspector.select_item(item_type, uuid)

    def _span_of(self, item_type: str, uuid: str) -> tuple[int, int] | None:
        item = self.workspace.find_item(item_type, uuid)
        if item is None:
            return None
        if item_type == "section":
            return item.section.heading_start, item.section.heading_end
        if item_type == "figure":
            return item.figure.start, item.figure.end
        if item_type == "citation":
            return item.citation.start, item.citation.end
        if item_type == "annotation":
            return (item.start, item.end) if item.start is not None else None
        if item_type == "check":
            spans = [self._span_of("figure", f.review.uuid) for f in self._check_figures(item)]
            spans = [s for s in spans if s]
            return min(spans) if spans else None
        return None

    def _check_figures(self, reviewed_check):
        ids = set(reviewed_check.check.figures)
        return [rf for rf in self.workspace.review.figures if rf.figure.id in ids]

    def _select_in_outline(self, uuid: str) -> None:
        index = self.outline_model.index_for_uuid(uuid)
        if not index.isValid():
            return
        self._syncing = True
        try:
            self.outline_view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            self.outline_view.scrollTo(index)
        finally:
            self._syncing = False

    def _follow_scroll(self, position: int) -> None:
        """The outline follows the text as the reader scrolls — but only once the current item
        has left the screen, and then that heading becomes the current item everywhere, so the
        panes never show two different "current" items (a click on a heading scrolls the text,
        which must not move the selection to the heading above it)."""
        item_type, uuid = self.workspace.current
        span = self._span_of(item_type, uuid) if uuid else None
        top, bottom = self.document_view.visible_range()
        if span is not None and top <= span[0] < bottom:
            return
        if item_type not in ("", "section"):
            return
        section = self.outline_model.section_at(position)
        if section is not None and section.review.uuid != uuid:
            self._select_in_outline(section.review.uuid)
            self.workspace.set_current("section", section.review.uuid)
            self.inspector.select_item("section", section.review.uuid)

    def show_review_pane(self) -> None:
        self.show_review()
        self.inspector.setCurrentWidget(self.inspector.review_pane)
        self.inspector.review_pane.view.setFocus()

    def _review_entry_activated(self, item_type: str, uuid: str) -> None:
        """An entry of the review pane: its item becomes current and the text shows it."""
        self._activate(item_type, uuid, scroll=True, from_inspector=item_type not in ("figure", "check", "citation"))
        if item_type == "check":
            self._check_activated(uuid)
            self.inspector.setCurrentWidget(self.inspector.review_pane)

    def _check_activated(self, uuid: str) -> None:
        check = self.workspace.find_item("check", uuid)
        if check is None:
            return
        figures = self._check_figures(check)
        self.inspector.select_figures([rf.review.uuid for rf in figures])
        self.document_view.update_highlights()

    def _focused_list(self) -> tuple[str, object] | None:
        """The item list that has the keyboard focus — (item type, view) — or None when the text
        (or nothing) has it: Enter, Del and F8 then walk the document instead."""
        focus = QApplication.focusWidget()
        if focus is None:
            return None
        ins = self.inspector
        for kind, view in (("figure", ins.figures_view), ("check", ins.checks_view),
                           ("citation", ins.citations_view), ("section", self.outline_view)):
            if focus is view or view.isAncestorOf(focus):
                return kind, view
        return None

    def _next_in_list(self, kind: str, view, backwards: bool = False) -> bool:
        """Move to the next (previous) unreviewed row of ``view``, in the order it shows."""
        current = self.workspace.current[1] if self.workspace.current[0] == kind else None
        if kind == "section":
            rows = [(rs.review.uuid, rs.review.status) for rs in self.outline_model.sections()]
        else:
            model = view.model()
            rows = [(model.index(r, 0).data(ItemRole), model.index(r, 0).data(StatusRole))
                    for r in range(model.rowCount())]
        if not rows:
            return False
        here = next((i for i, (uuid, _status) in enumerate(rows) if uuid == current), -1 if not backwards else 0)
        for step in range(1, len(rows) + 1):
            i = (here - step if backwards else here + step) % len(rows)
            uuid, status = rows[i]
            if status == "unreviewed" and uuid != current:
                self._activate(kind, uuid, scroll=True)
                view.setFocus()
                return True
        self.statusBar().showMessage(self.tr("Nothing left to review here."), 4000)
        return False

    def go_next(self, kinds: tuple[str, ...] | None = None, unreviewed: bool = True, backwards: bool = False) -> None:
        ws = self.workspace
        if ws.review is None:
            return
        focused = self._focused_list() if kinds is None and unreviewed else None
        if focused is not None:
            self._next_in_list(*focused, backwards=backwards)
            return
        current = ws.current if ws.current[0] else None
        position = ws.item_start(*current) if current else None
        if position is None:
            cursor_pos = self.document_view.offsets.to_cp(self.document_view.textCursor().position())
            position = cursor_pos
            current = None
        if backwards:
            items = [t for t in ws.ordered_items() if (kinds is None or t[1] in kinds)
                     and (not unreviewed or t[3] == "unreviewed")]
            if not items:
                self.statusBar().showMessage(self.tr("Nothing left to review here."), 4000)
                return
            index = next((i for i, t in enumerate(items) if current and (t[1], t[2]) == current), None)
            rank = {(t[1], t[2]): i for i, t in enumerate(ws.ordered_items())}
            if index is None and current in rank:  # the current item just left the list
                index = next((i for i, t in enumerate(items) if rank[(t[1], t[2])] > rank[current]), len(items))
            if index is None:
                earlier = [i for i, t in enumerate(items) if t[0] < position]
                index = (earlier[-1] + 1) if earlier else 0
            _start, item_type, uuid, _ = items[(index - 1) % len(items)]
            target = (item_type, uuid)
        else:
            found = ws.next_item(position, kinds=kinds, unreviewed=unreviewed, after=current)
            if found is None:
                self.statusBar().showMessage(self.tr("Nothing left to review here."), 4000)
                return
            target = found[:2]
        self._activate(*target, scroll=True)
        if target[0] == "check":
            self._check_activated(target[1])
            self.inspector.setCurrentIndex(1)

    def toggle_attention(self) -> None:
        on = self.act_attention.isChecked()
        for bar in (self.inspector.figures_filter, self.inspector.checks_filter, self.inspector.citations_filter):
            bar.attention.setChecked(on)
        self.outline_proxy_attention(on)

    def outline_proxy_attention(self, on: bool) -> None:
        """In the outline, hide the rows that need no attention (confirmed or corrected headings)."""
        model = self.outline_model

        def walk(parent) -> bool:
            any_visible = False
            for row in range(model.rowCount(parent)):
                index = model.index(row, 0, parent)
                child_visible = walk(index)
                from ui.models import AttentionRole
                visible = (not on) or bool(index.data(AttentionRole)) or child_visible
                self.outline_view.setRowHidden(row, parent, not visible)
                any_visible = any_visible or visible
            return any_visible
        walk(self.outline_view.rootIndex())

    # ================================================================== search
    def focus_find(self) -> None:
        self.find_line.setFocus()
        self.find_line.selectAll()

    def find_in_report(self, backwards: bool = False) -> bool:
        needle = self.find_line.text()
        found = self.document_view.find_text(needle, backwards)
        if needle and not found:
            self.statusBar().showMessage(self.tr("“{0}” was not found in this report.").format(needle), 4000)
        return found

    def focus_library_search(self) -> None:
        self.show_library()
        self.library_page.search_line.setFocus()
        self.library_page.search_line.selectAll()

    def search_library(self, query: str) -> list:
        if self.workspace.library is None:
            return []
        hits = self.workspace.guarded(lambda: self.workspace.library.search(query, 200)) or []
        self.library_page.show_hits(hits)
        return hits

    def open_hit(self, hit) -> None:
        if hit is None:
            return
        target = hit

        def when_open() -> None:
            if target.item_type == "figure":
                self._activate("figure", target.item_uuid, scroll=True)
            elif target.start is not None:
                self.document_view.jump_to(target.start, target.end)
                self.document_view.select_cp(target.start, target.end)

        if self.workspace.doc_uuid == hit.doc_uuid:
            self.show_review()
            when_open()
            return
        self._after_open = when_open
        self.jobFinished.connect(self._run_after_open)
        self.open_document(hit.doc_uuid)

    def open_work(self, doc_uuid: str, item_type: str, uuid: str) -> None:
        """An entry of the library's review list: open its report and show the item."""
        def when_open() -> None:
            self.show_review()
            self._review_entry_activated(item_type, uuid)

        if self.workspace.doc_uuid == doc_uuid:
            when_open()
            return
        self._after_open = when_open
        self.jobFinished.connect(self._run_after_open)
        self.open_document(doc_uuid)

    def _run_after_open(self, name: str) -> None:
        if name != "open":
            return
        self.jobFinished.disconnect(self._run_after_open)
        callback, self._after_open = getattr(self, "_after_open", None), None
        if callback:
            callback()

