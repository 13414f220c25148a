"""The session's state behind the window: the open library, the report under review, the undo
stack and the selected item.  Widgets talk to the core only through here (and the commands).

After every command the window shows what the store holds: an ordinary report is read back at
once.  A big one (``presentation.BIG_TEXT``) is read back and prepared on a worker, a moment
after the last edit; meanwhile the edited item is patched in memory so the reviewer sees the
change immediately.
"""

from __future__ import annotations

import logging
import threading
from bisect import bisect_right
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reviewer.library.pgsql import library_target
from reviewer.library.review import DocumentReview, DocumentSummary, ItemReview
from reviewer.library.store import Library
from reviewer.messages import ReviewerError
from ui import disposal, i18n, presentation, workers
from ui.commands import StoreCommand
from ui.hub import hub
from ui.qt import QObject, QThreadPool, QTimer, QUndoGroup, QUndoStack, Signal
from ui.workers import Job

log = logging.getLogger(__name__)


class Workspace(QObject):
    libraryOpened = Signal(str)  # path
    documentsChanged = Signal()  # the library's list of reports (or their progress) changed
    reviewLoaded = Signal(object)  # DocumentReview of a newly opened report (or None)
    reviewUpdated = Signal(object)  # the same report after an edit
    tagsChanged = Signal()
    currentItemChanged = Signal(str, str)  # item_type, uuid ("" when none)
    itemPatched = Signal(str, str)  # item_type, uuid: changed in memory, the reload follows
    error = Signal(str)  # a message for the user, in their language

    def __init__(self, reviewer: str = "", parent=None, pool=None) -> None:
        super().__init__(parent)
        self.reviewer = reviewer
        self.pool = pool if pool is not None else QThreadPool.globalInstance()
        self.library: Library | None = None
        self.review: DocumentReview | None = None
        self.prepared: presentation.Prepared | None = None
        self._reader: Library | None = None  # the workers' own connection
        self._reader_lock = threading.Lock()
        self._item_index: tuple[DocumentReview, dict] | None = None
        self._generation = 0
        self._jobs: set[Job] = set()
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(800)
        self._reload_timer.timeout.connect(self._reload_in_background)
        self._thaw_timer = QTimer(self)  # after the views have let go of the report before
        self._thaw_timer.setSingleShot(True)
        self._thaw_timer.setInterval(0)
        self._thaw_timer.timeout.connect(workers.thaw)
        self._feed = None  # colleagues' changes (Library.watch), polled by _watch_timer
        self._watch_timer = QTimer(self)
        self._watch_timer.setInterval(500)
        self._watch_timer.timeout.connect(self._poll_changes)
        # One undo stack per report, as in Word: Ctrl+Z undoes the last change to the report on
        # screen, never one made in another report the reviewer is not looking at.
        self.undo_group = QUndoGroup(self)
        self._stacks: dict[str, QUndoStack] = {}
        self.current: tuple[str, str] = ("", "")
        self._tags_cache = None

    # ------------------------------------------------------------------ library
    def open_library(self, path: str | Path) -> None:
        """Open (or create) a library file; raises ReviewerError when it cannot be used."""
        library = Library(library_target(str(path)), reviewer=self.reviewer)  # a file, or postgresql://…
        self.close_library()
        self.library = library
        self._tags_cache = None
        try:
            self._feed = library.watch()
            self._watch_timer.start()
        except ReviewerError:
            self._feed = None  # no live updates; everything else works
        self.libraryOpened.emit(str(library.path))
        hub().libraryChanged.emit(str(library.path))
        self.documentsChanged.emit()
        self.tagsChanged.emit()

    def _poll_changes(self) -> None:
        """A colleague's committed change to the open report shows without pressing reload."""
        if self._feed is None or self.library is None:
            return
        try:
            changes = [c for c in self._feed.poll(0) if c.reviewer != self.library.reviewer]
        except ReviewerError:
            return  # the server is away; the next tick tries again
        if not changes:
            return
        if self.review is not None and any(c.doc_uuid == self.review.doc_uuid for c in changes):
            self.reload()
        self.documentsChanged.emit()

    def close_library(self) -> None:
        self._watch_timer.stop()
        if self._feed is not None:
            self._feed.close()
            self._feed = None
        self.clear_undo()
        self.set_review(None)
        self._reload_timer.stop()
        self._generation += 1
        if self._jobs:
            self.pool.waitForDone(10000)
        if self._reader is not None:
            self._reader.close()
            self._reader = None
        if self.library is not None:
            self.library.close()
            self.library = None

    def reader(self) -> Library:
        """A second connection to the library for workers (so the GUI thread never waits on
        the first one's lock while a worker reads)."""
        with self._reader_lock:
            if self._reader is None:
                self._reader = Library(self.reopen_target(), reviewer=self.reviewer)
            return self._reader

    def reopen_target(self) -> str:
        """What another connection to the open library is opened with: its file, or a team
        library's full URL (its ``path`` is the URL as shown, without a password)."""
        return str(getattr(self.library, "url", None) or self.library.path)

    def set_reviewer(self, name: str) -> None:
        self.reviewer = name
        if self.library is not None and name:
            self.library.reviewer = name

    def documents(self) -> list[DocumentSummary]:
        return self.library.list_documents() if self.library else []

    def tags(self):
        if self.library is None:
            return []
        if self._tags_cache is None:
            self._tags_cache = self.library.tags()
        return self._tags_cache

    # ------------------------------------------------------------------ the report under review
    def open_document(self, doc_uuid: str) -> DocumentReview:
        review = self.library.load_review(doc_uuid)
        self.set_review(review)
        return review

    def set_review(self, review: DocumentReview | None, prepared: presentation.Prepared | None = None) -> None:
        self._generation += 1
        self._reload_timer.stop()
        disposal.dispose(self.review, self.prepared)  # the report before: freed in slices, later
        self.review = review
        self.prepared = prepared if prepared is not None and prepared.review is review else None
        if review is not None and self.library is not None:  # an edit is checked against what is shown
            self.library.adopt_versions(review, self.prepared.versions if self.prepared is not None else None)
        # never the report before: the index would keep all of it alive
        self._item_index = (review, self.prepared.items) if self.prepared is not None else None
        self.current = ("", "")
        self.undo_stack  # noqa: B018 — makes the report's own stack the active one
        self.reviewLoaded.emit(review)
        self.currentItemChanged.emit("", "")
        if not presentation.is_big(review):  # the report before it may be gone: its frozen objects too
            self._thaw_timer.start()

    @property
    def undo_stack(self) -> QUndoStack:
        """The undo stack of the report on screen (one for the library when none is)."""
        key = self.review.doc_uuid if self.review is not None else ""
        stack = self._stacks.get(key)
        if stack is None:
            stack = self._stacks[key] = QUndoStack(self.undo_group)
        if self.undo_group.activeStack() is not stack:
            self.undo_group.setActiveStack(stack)
        return stack

    def clear_undo(self) -> None:
        """Forget every report's undo history (commands on removed items cannot be replayed)."""
        for stack in self._stacks.values():
            stack.clear()

    @property
    def doc_uuid(self) -> str | None:
        return self.review.doc_uuid if self.review else None

    def reload(self) -> None:
        """Read the open report back from the store (big reports: soon, on a worker)."""
        if self.review is None or self.library is None:
            return
        if presentation.is_big(self.review):
            self._reload_timer.start()
            return
        try:
            review = self.library.load_review(self.review.doc_uuid)
        except ReviewerError as exc:  # removed meanwhile (another window, a merge)
            self.error.emit(exc.message(i18n.core_language()))
            self.set_review(None)
            return
        self._generation += 1
        self.review, self.prepared = review, None
        self.reviewUpdated.emit(review)

    def _reload_in_background(self) -> None:
        if self.review is None or self.library is None:
            return
        self._generation += 1
        generation, doc_uuid, shown = self._generation, self.review.doc_uuid, self.review.document.text

        def work(progress, cancelled):
            review = self.reader().load_review(doc_uuid)
            return presentation.prepare(review, shown)

        job = Job(work, pause_gc=True)
        self._jobs.add(job)

        def finished(prepared) -> None:
            self._jobs.discard(job)
            if generation == self._generation and self.review is not None:
                self.review, self.prepared = prepared.review, prepared
                if self.library is not None:
                    self.library.adopt_versions(prepared.review, prepared.versions)
                self._item_index = (prepared.review, prepared.items)
                self.reviewUpdated.emit(prepared.review)

        def failed(exc) -> None:
            self._jobs.discard(job)
            if isinstance(exc, ReviewerError):
                self.error.emit(exc.message(i18n.core_language()))

        job.signals.finished.connect(finished)
        job.signals.failed.connect(failed)
        self.pool.start(job)

    def load_prepared(self, doc_uuid: str, progress=None, cancelled=None) -> presentation.Prepared:
        """Worker side of opening a report: read it and prepare its views."""
        review = self.reader().load_review(doc_uuid)
        return presentation.prepare(review, self.review.document.text if self.review else None)

    # ------------------------------------------------------------------ edits
    def guarded(self, fn: Callable[[], Any]) -> Any:
        """Run a core call; a ReviewerError becomes a message for the user."""
        try:
            return fn()
        except ReviewerError as exc:
            self.error.emit(exc.message(i18n.core_language()))
            return None

    def run(self, command: StoreCommand) -> bool:
        """Execute ``command`` now; if the store accepted it, push it on the undo stack."""
        if self.library is None:
            return False
        try:
            command.execute()
        except ReviewerError as exc:
            self.error.emit(exc.message(i18n.core_language()))
            if exc.code in ("item_changed_by_other", "undo_changed_by_other"):
                self.reload()  # show the colleague's change the edit was refused over
            return False
        self.undo_stack.push(command)  # its first redo is skipped: the work is done
        self.command_applied(command)
        return True

    def command_applied(self, command: StoreCommand, undone: bool = False) -> None:
        """Refresh what the command changed (an undone one is only read back, never patched)."""
        if command.doc_uuid is None:  # tag vocabulary
            self._tags_cache = None
            self.tagsChanged.emit()
            if self.review is not None:
                self.reload()
            return
        if self.review is not None and command.doc_uuid == self.review.doc_uuid:
            if presentation.is_big(self.review) and command.item_uuid \
                    and (command.unpatch(self) if undone else command.patch(self)):
                self.itemPatched.emit(command.item_type, command.item_uuid)
            self.reload()
        self.documentsChanged.emit()
        hub().documentChanged.emit(command.doc_uuid)

    # ------------------------------------------------------------------ the selected item
    def set_current(self, item_type: str, uuid: str) -> None:
        if (item_type, uuid) != self.current:
            self.current = (item_type, uuid)
            self.currentItemChanged.emit(item_type, uuid)

    def find_item(self, item_type: str, uuid: str):
        """The reviewed object (ReviewedFigure, …, Annotation) for ``uuid`` in the open report."""
        review = self.review
        if review is None:
            return None
        if item_type in ("metadata", "document"):
            return review if uuid == review.doc_uuid else None
        index = self._item_index
        if index is None or index[0] is not review:
            index = self._item_index = (review, presentation.item_index(review))
        found = index[1].get((item_type, uuid))
        return found

    def item_review(self, item_type: str, uuid: str) -> ItemReview | None:
        item = self.find_item(item_type, uuid)
        if item is None:
            return None
        if isinstance(item, DocumentReview):
            return item.metadata_review
        return _review_of(item)

    # ------------------------------------------------------------------ navigation
    def ordered_items(self) -> list[tuple[int, str, str, str]]:
        """Every reviewable item as (start, item_type, uuid, status), in reading order."""
        review = self.review
        if review is None:
            return []
        figure_start = {rf.figure.id: rf.figure.start for rf in review.figures}
        section_start = {rs.section.id: rs.section.heading_start for rs in review.sections}
        items = [(rs.section.heading_start, "section", rs.review.uuid, rs.review.status) for rs in review.sections]
        items += [(rf.figure.start, "figure", rf.review.uuid, rf.review.status) for rf in review.figures]
        items += [(rc.citation.start, "citation", rc.review.uuid, rc.review.status) for rc in review.citations]
        for rc in review.checks:
            # where its first figure stands (as the view shows it); a section's heading only for a
            # check about the outline (a check's sections hold its figures: their headings come first)
            starts = [figure_start[f] for f in rc.check.figures if f in figure_start] \
                or [section_start[s] for s in rc.check.sections if s in section_start]
            items.append((min(starts) if starts else 0, "check", rc.review.uuid, rc.review.status))
        items.sort(key=lambda t: (t[0], t[1]))
        return items

    def item_start(self, item_type: str, uuid: str) -> int | None:
        for start, kind, item_uuid, _status in self.ordered_items():
            if kind == item_type and item_uuid == uuid:
                return start
        return None

    def next_item(self, position: int, *, kinds: tuple[str, ...] | None = None, unreviewed: bool = True,
                  after: tuple[str, str] | None = None) -> tuple[str, str, int] | None:
        """The next item after ``position`` (wrapping round), optionally only unreviewed ones."""
        ordered = self.ordered_items()
        rank = {(t[1], t[2]): i for i, t in enumerate(ordered)}
        items = [t for t in ordered if (kinds is None or t[1] in kinds) and (not unreviewed or t[3] == "unreviewed")]
        if not items:
            return None
        if after is not None and after in rank:
            # After the current item in reading order — even when it just left the list (a
            # verdict closed it), so an item starting at the same place is never skipped.
            here = rank[after]
            i = next((j for j, t in enumerate(items) if rank[(t[1], t[2])] > here), len(items))
        else:
            i = bisect_right([t[0] for t in items], position)
        start, item_type, uuid, _ = items[i % len(items)]
        return item_type, uuid, start


def _review_of(item) -> ItemReview:
    return item.review
