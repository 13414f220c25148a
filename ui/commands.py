"""One QUndoCommand per core operation (as Anki's ``aqt/operations``): each is a few lines over a
``Library`` method.  The change is in the database when the command completes; undo asks the
store to revert the recorded history entry (``Library.undo``), redo asks it to re-apply that
same entry (``Library.redo``), so what comes back is what was there: same UUIDs, tags, comments.

``Workspace.run`` executes a command before pushing it, so a refused edit (a ``ReviewerError``)
never reaches the undo stack; the stack's first ``redo`` is then skipped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ui import labels
from ui.qt import QCoreApplication, QUndoCommand

if TYPE_CHECKING:
    from reviewer.library.store import Library
    from ui.workspace import Workspace


class StoreCommand(QUndoCommand):
    """Base: ``perform(library)`` does the operation and returns the id of its history entry."""

    def __init__(self, workspace: Workspace, doc_uuid: str | None, text: str,
                 item_type: str | None = None, item_uuid: str | None = None) -> None:
        super().__init__(text)
        self.workspace = workspace
        self.doc_uuid = doc_uuid
        self.item_type = item_type
        self.item_uuid = item_uuid
        self.entry_id: int | None = None
        self._skip_redo = False

    def perform(self, library: Library) -> int:
        raise NotImplementedError

    def execute(self) -> None:
        """Run the operation now (before the command is pushed)."""
        self.entry_id = self.perform(self.workspace.library)
        self._skip_redo = True

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self.workspace.guarded(lambda: self.reapply(self.workspace.library))
        self.workspace.command_applied(self)

    def reapply(self, library: Library) -> None:
        """Redo after an undo: the store brings back the very rows undo took away (same UUIDs,
        tags, comments, history) instead of performing the operation anew."""
        if self.entry_id is None:
            self.execute()
            self._skip_redo = False
        else:
            library.redo(self.entry_id)

    def undo(self) -> None:
        if self.entry_id is not None:
            self.workspace.guarded(lambda: self.revert(self.workspace.library))
        self.workspace.command_applied(self, undone=True)

    def revert(self, library: Library) -> None:
        library.undo(self.entry_id)

    def patch(self, workspace: Workspace) -> bool:
        """Show the change on the loaded review at once (big reports, before their reload
        arrives from the worker).  Returns False where the command cannot tell."""
        return False

    def unpatch(self, workspace: Workspace) -> bool:
        """Show the undo at once, as ``patch`` shows the change."""
        return False

    @staticmethod
    def _last_entry(library: Library, item_uuid: str, action: str) -> int:
        entries = [e for e in library.history(item_uuid=item_uuid) if e.action == action and not e.undone]
        return entries[-1].id


class CorrectCommand(StoreCommand):
    def __init__(self, workspace, doc_uuid, item_type: str, item_uuid: str, field: str, value: Any) -> None:
        super().__init__(workspace, doc_uuid, QCoreApplication.translate("Commands", "Correct {0}").format(labels.field(field)), item_type, item_uuid)
        self.field, self.value = field, value

    def perform(self, library: Library) -> int:
        return library.correct(self.item_type, self.item_uuid, self.field, self.value).id

    def patch(self, workspace: Workspace) -> bool:
        item = workspace.find_item(self.item_type, self.item_uuid)
        target = getattr(item, self.item_type, None) if item is not None else None
        if target is None or not hasattr(target, self.field):
            return False
        review = item.review
        self._before = (getattr(target, self.field), dict(review.original), review.status)
        review.original.setdefault(self.field, getattr(target, self.field))
        setattr(target, self.field, self.value)
        if review.status != "rejected":
            review.status = "corrected"
        return True

    def unpatch(self, workspace: Workspace) -> bool:
        item = workspace.find_item(self.item_type, self.item_uuid)
        before = getattr(self, "_before", None)
        if item is None or before is None:
            return False
        value, original, status = before
        setattr(getattr(item, self.item_type), self.field, value)
        item.review.original.clear()
        item.review.original.update(original)
        item.review.status = status
        return True


class StatusCommand(StoreCommand):
    def __init__(self, workspace, doc_uuid, item_type: str, item_uuid: str, status: str) -> None:
        super().__init__(workspace, doc_uuid, QCoreApplication.translate("Commands", "Mark as {0}").format(labels.status(status)), item_type, item_uuid)
        self.status = status

    def perform(self, library: Library) -> int:
        return library.set_status(self.item_type, self.item_uuid, self.status).id

    def patch(self, workspace: Workspace) -> bool:
        review = workspace.item_review(self.item_type, self.item_uuid)
        if review is None:
            return False
        self._before = review.status
        review.status = self.status
        return True

    def unpatch(self, workspace: Workspace) -> bool:
        review = workspace.item_review(self.item_type, self.item_uuid)
        if review is None or getattr(self, "_before", None) is None:
            return False
        review.status = self._before
        return True


class VerdictCommand(StoreCommand):
    """A verdict on a check (属实 / 误报 / 待核实, or reopened) with the reviewer's reason."""

    def __init__(self, workspace, doc_uuid, check_uuid: str, verdict: str, reason: str = "") -> None:
        super().__init__(workspace, doc_uuid, QCoreApplication.translate("Commands", "Verdict: {0}").format(
            labels.verdict(verdict)), "check", check_uuid)
        self.verdict, self.reason = verdict, reason

    def perform(self, library: Library) -> int:
        return library.set_verdict(self.item_uuid, self.verdict, self.reason).id

    def patch(self, workspace: Workspace) -> bool:
        review = workspace.item_review("check", self.item_uuid)
        if review is None:
            return False
        self._before = (review.status, review.reason)
        review.status, review.reason = self.verdict, self.reason.strip()
        return True

    def unpatch(self, workspace: Workspace) -> bool:
        review = workspace.item_review("check", self.item_uuid)
        if review is None or getattr(self, "_before", None) is None:
            return False
        review.status, review.reason = self._before
        return True


class TagCommand(StoreCommand):
    def __init__(self, workspace, doc_uuid, item_type: str, item_uuid: str, tag_uuid: str,
                 add: bool = True) -> None:
        super().__init__(workspace, doc_uuid, QCoreApplication.translate("Commands", "Tag") if add else QCoreApplication.translate("Commands", "Remove tag"), item_type, item_uuid)
        self.tag_uuid, self.add = tag_uuid, add

    def perform(self, library: Library) -> int:
        op = library.tag_item if self.add else library.untag_item
        return op(self.item_type, self.item_uuid, self.tag_uuid).id


class AddCommentCommand(StoreCommand):
    def __init__(self, workspace, doc_uuid, item_type: str, item_uuid: str, body: str) -> None:
        super().__init__(workspace, doc_uuid, QCoreApplication.translate("Commands", "Comment"), item_type, item_uuid)
        self.body = body
        self.comment_uuid: str | None = None

    def perform(self, library: Library) -> int:
        self.comment_uuid = library.add_comment(self.item_type, self.item_uuid, self.body).uuid
        return self._last_entry(library, self.item_uuid, "comment")


class EditCommentCommand(StoreCommand):
    def __init__(self, workspace, doc_uuid, item_type: str, item_uuid: str, comment_uuid: str, body: str) -> None:
        super().__init__(workspace, doc_uuid, QCoreApplication.translate("Commands", "Edit comment"), item_type, item_uuid)
        self.comment_uuid, self.body = comment_uuid, body

    def perform(self, library: Library) -> int:
        library.edit_comment(self.comment_uuid, self.body)
        return self._last_entry(library, self.item_uuid, "comment_edit")


class DeleteCommentCommand(StoreCommand):
    def __init__(self, workspace, doc_uuid, item_type: str, item_uuid: str, comment_uuid: str) -> None:
        super().__init__(workspace, doc_uuid, QCoreApplication.translate("Commands", "Delete comment"), item_type, item_uuid)
        self.comment_uuid = comment_uuid

    def perform(self, library: Library) -> int:
        library.delete_comment(self.comment_uuid)
        return self._last_entry(library, self.item_uuid, "comment_delete")


class AddSectionCommand(StoreCommand):
    """Mark a selection as a heading the analysis missed."""

    def __init__(self, workspace, doc_uuid, level: int, number: str, title: str, start: int, end: int) -> None:
        super().__init__(workspace, doc_uuid, QCoreApplication.translate("Commands", "Add heading"), "section")
        self.args = (level, number, title, start, end)

    def perform(self, library: Library) -> int:
        self.item_uuid = library.add_section(self.doc_uuid, *self.args)
        return self._last_entry(library, self.item_uuid, "add")


class AddFigureCommand(StoreCommand):
    """Mark a selection as a figure the analysis missed."""

    def __init__(self, workspace, doc_uuid, start: int, end: int, value: Any, unit: str | None, kind: str,
                 label: str | None) -> None:
        super().__init__(workspace, doc_uuid, QCoreApplication.translate("Commands", "Add figure"), "figure")
        self.args = (start, end, value, unit, kind, label)

    def perform(self, library: Library) -> int:
        self.item_uuid = library.add_figure(self.doc_uuid, *self.args)
        return self._last_entry(library, self.item_uuid, "add")


class AddAnnotationCommand(StoreCommand):
    """Annotate a span of text (optionally with a note)."""

    def __init__(self, workspace, doc_uuid, start: int, end: int, note: str = "") -> None:
        super().__init__(workspace, doc_uuid, QCoreApplication.translate("Commands", "Annotate"), "annotation")
        self.args = (start, end, note)

    def perform(self, library: Library) -> int:
        self.item_uuid = library.add_annotation(self.doc_uuid, *self.args).uuid
        return self._last_entry(library, self.item_uuid, "add")


class CreateTagCommand(StoreCommand):
    """Add a tag to the vocabulary; undo deletes it again."""

    def __init__(self, workspace, name: str, color: str, parent: str | None) -> None:
        super().__init__(workspace, None, QCoreApplication.translate("Commands", "New tag"))
        self.name, self.color, self.parent = name, color, parent
        self.tag_uuid: str | None = None

    def perform(self, library: Library) -> int:
        self.tag = library.create_tag(self.name, self.color, self.parent)
        self.tag_uuid = self.tag.uuid
        return 0

    def revert(self, library: Library) -> None:
        library.delete_tag(self.tag_uuid)

    def reapply(self, library: Library) -> None:
        library.restore_tag(self.tag)


class UpdateTagCommand(StoreCommand):
    """Rename, recolour or move a tag; undo restores the previous fields."""

    def __init__(self, workspace, tag_uuid: str, **fields: Any) -> None:
        super().__init__(workspace, None, QCoreApplication.translate("Commands", "Change tag"))
        self.tag_uuid, self.fields = tag_uuid, fields
        self.previous: dict[str, Any] = {}

    def perform(self, library: Library) -> int:
        old = next(t for t in library.tags() if t.uuid == self.tag_uuid)
        self.previous = {name: getattr(old, name) for name in self.fields}
        library.update_tag(self.tag_uuid, **self.fields)
        return 0

    def reapply(self, library: Library) -> None:
        library.update_tag(self.tag_uuid, **self.fields)

    def revert(self, library: Library) -> None:
        library.update_tag(self.tag_uuid, **self.previous)
