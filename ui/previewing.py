"""The window's side of a streamed import (``ui.streaming``): showing the parts as they come.

Mixed into ``MainWindow``.  While a report is being analysed the workspace has no review (so no
edit can reach the store for a report that is not there yet); the panes show the worker's
preview, each filled in its own turn of the event loop so that none holds it up for long.
"""

from __future__ import annotations

from ui import presentation
from ui.qt import QTimer


class Previewing:
    """begin_preview → show_preview (text, outline, figures, checks) → end_preview."""

    _preview_active = False
    _preview_generation = 0

    def begin_preview(self) -> None:
        """Close the open report: the panes are about to show another one, read-only."""
        if self.workspace.review is not None:
            self.workspace.set_review(None)
        self._preview_active = True
        self._preview_generation = self._preview_generation + 1

    def preview_shown(self) -> bool:
        return self._preview_active

    def show_preview(self, step: str, prepared: presentation.Prepared) -> None:
        """Adopt one part; ignored once the reviewer has opened another report meanwhile."""
        if not self._preview_active or self.workspace.review is not None:
            return
        review = prepared.review
        generation = self._preview_generation
        if step == "text":
            self.document_view.set_review(review, prepared.spans, prepared.document, prepared.offsets)
            prepared.document = None  # the view owns it now
            self.outline_model.set_review(None)
            self.inspector.set_review(None)
            self.stack.setCurrentWidget(self.splitter)
            self.legend.setVisible(True)
            QTimer.singleShot(0, self.balance_panes)
            analysing = self.tr("analysing…")
            self.setWindowTitle(f"{review.file_name} — {analysing}")
            return
        steps = [lambda: self.document_view.set_review(review, prepared.spans)]
        if step == "outline":  # the later parts have the same outline: updating it again in place
            steps.append(lambda: self.outline_model.set_review(review, prepared.outline))  # costs 0.3 s
        else:
            steps += self.inspector.review_steps(review, prepared.figures, prepared.entries)

        def run(remaining) -> None:
            # Each part's steps all run (the outline is set by its part only), in order; they
            # stop when the real review came meanwhile or the stream ended.
            if generation != self._preview_generation or not self._preview_active \
                    or self.workspace.review is not None:
                return
            remaining[0]()
            if len(remaining) > 1:
                QTimer.singleShot(0, lambda: run(remaining[1:]))
        run(steps)

    def end_preview(self) -> None:
        """The real review follows (or nothing, when cancelled): previews stop here."""
        self._preview_active = False
        self._preview_generation = self._preview_generation + 1
        if self.workspace.review is None:
            self.retranslate_title()
