"""The reviewer's edits, each a QUndoCommand over the store; tags and the selected item's notes
(part of the main window)."""

from __future__ import annotations

import logging
import re

from reviewer.analysis.numerals import NumeralError
from reviewer.analysis.typed_values import parse_typed_value
from ui import commands, dialogs, labels, prompts
from ui.models.tables import format_value
from ui.views.inspector import NOTE, describe_typed

LEVELS = (1, 2, 3, 4, 5, 6)
NEW_TAG_COLOR = "#d9822b"  # a tag made from the context menu; the tag manager can change it

log = logging.getLogger(__name__)


class Editing:
    """Mixed into ``MainWindow``: every change goes through ``Workspace.run``."""

    # ================================================================== edits (all QUndoCommands)
    def correct_item(self, item_type: str, uuid: str, field: str, value) -> bool:
        return self.workspace.run(commands.CorrectCommand(self.workspace, self.workspace.doc_uuid, item_type,
                                                          uuid, field, value))

    def correct_figure_value(self, uuid: str, text: str) -> bool:
        """A typed value read with the core's numeral parser (347.93万元 -> 3479300 元): a plain
        number is saved at once, anything the parser had to interpret is shown first, and what
        it cannot read is refused with a message.  Value, unit and kind change as one step."""
        item = self.workspace.find_item("figure", uuid)
        if item is None:
            return False
        try:
            typed = parse_typed_value(text)
        except NumeralError:
            prompts.show_error(self, self.tr("“{0}” cannot be read as a number. Type digits or Chinese numerals, "
                                             "with a unit if you like: 347.93万元, 两千, 95.6%.").format(text))
            return False
        figure = item.figure
        changes = [(name, new) for name, new, old in (("value", typed.value, figure.value),
                                                       ("unit", typed.unit, figure.unit),
                                                       ("kind", typed.kind, figure.kind)) if new is not None and new != old]
        if not changes:
            return False
        if text.strip() != format_value(typed.value) and not prompts.confirm(
                self, self.tr("Correct value"),
                self.tr("Save “{0}” as {1}?").format(text.strip(), describe_typed(typed)), default_yes=True):
            return False
        return self._corrections_in_one_step(self.tr("Correct value"), "figure", uuid, changes)

    def edit_report_details(self) -> dialogs.ReportDetailsDialog | None:
        """Edit → Report details…: the report's title, issuing body, date, year and document
        number in a dialog; the fields changed are saved as metadata corrections, one undo step."""
        review = self.workspace.review
        if review is None:
            self.statusBar().showMessage(self.tr("Open a report first."), 3000)
            return None
        dialog = dialogs.ReportDetailsDialog(review.metadata, review.file_name,
                                             dict(review.metadata_review.original), self)
        doc_uuid = review.doc_uuid
        dialog.accepted.connect(lambda: self.correct_report_details(doc_uuid, dialog.changes()))
        self._report_details = dialog
        dialog.finished.connect(lambda _result: setattr(self, "_report_details", None))
        dialog.finished.connect(dialog.deleteLater)  # after ``accepted`` has been handled
        dialog.open()
        return dialog

    def correct_report_details(self, doc_uuid: str, changes: list[tuple[str, object]]) -> bool:
        """Each changed detail is one correction of the report's metadata; together one macro, so
        one Ctrl+Z restores every value the dialog changed."""
        if not changes or doc_uuid != self.workspace.doc_uuid:
            return False
        return self._corrections_in_one_step(self.tr("Edit report details"), "metadata", doc_uuid, changes)

    def _corrections_in_one_step(self, title: str, item_type: str, uuid: str,
                                 changes: list[tuple[str, object]]) -> bool:
        """Several fields of one item corrected as one undo step (one Ctrl+Z restores them all);
        stops at the first correction refused."""
        stack = self.workspace.undo_stack
        stack.beginMacro(title)
        try:
            return all(self.correct_item(item_type, uuid, name, value) for name, value in changes)
        finally:
            stack.endMacro()

    def set_status(self, status: str) -> bool:
        item_type, uuid = self.workspace.current
        if not uuid or item_type not in ("section", "figure", "citation", "check", "annotation"):
            self.statusBar().showMessage(self.tr("Select an item first."), 3000)
            return False
        if item_type == "check":  # a check's status is its verdict; the reason given stays
            review = self.workspace.item_review(item_type, uuid)
            return self.workspace.run(commands.VerdictCommand(self.workspace, self.workspace.doc_uuid, uuid, status,
                                                              review.reason if review else ""))
        return self.workspace.run(commands.StatusCommand(self.workspace, self.workspace.doc_uuid, item_type, uuid,
                                                         status))

    def set_verdict(self, verdict: str) -> bool:
        """属实 / 误报 / 待核实 (or reopen) on the selected check, with the reason typed in the
        verdict bar — asked for when the bar is empty."""
        item_type, uuid = self.workspace.current
        if item_type != "check" or not uuid:
            self.statusBar().showMessage(self.tr("Select a check first."), 3000)
            return False
        reason = self.inspector.verdict_reason.text().strip()
        if not reason and verdict != "unreviewed":
            answer = prompts.ask_text(self, labels.verdict(verdict),
                                      self.tr("Why “{0}”? Your reason goes to the workbook.").format(
                                          labels.verdict(verdict)), "")
            if answer is None:
                self.statusBar().showMessage(self.tr("No verdict recorded: a verdict needs a reason."), 4000)
                return False
            reason = answer.strip()
        if verdict == "unreviewed":
            reason = ""
        return self.workspace.run(commands.VerdictCommand(self.workspace, self.workspace.doc_uuid, uuid, verdict,
                                                          reason))

    def set_status_and_next(self, status: str) -> None:
        """Enter / Del: record the verdict, then go on to the next unreviewed item.  Confirming an
        item that was corrected keeps it "corrected" (it is reviewed already)."""
        review = self.workspace.item_review(*self.workspace.current) if self.workspace.current[1] else None
        if status == "confirmed" and review is not None and review.status == "corrected":
            self.go_next(unreviewed=True)
        elif self.set_status(status):
            self.go_next(unreviewed=True)

    def rename_heading(self) -> None:
        item_type, uuid = self.workspace.current
        item = self.workspace.find_item(item_type, uuid) if item_type == "section" else None
        if item is None:
            self.statusBar().showMessage(self.tr("Select a heading first."), 3000)
            return
        title = prompts.ask_text(self, self.tr("Rename heading"), self.tr("Title:"), item.section.title)
        if title and title != item.section.title:
            self.correct_item("section", uuid, "title", title)

    def change_level(self, step: int) -> None:
        item_type, uuid = self.workspace.current
        item = self.workspace.find_item(item_type, uuid) if item_type == "section" else None
        if item is None:
            self.statusBar().showMessage(self.tr("Select a heading first."), 3000)
            return
        level = item.section.level + step
        if level < 1 or level > LEVELS[-1]:
            return
        self.correct_item("section", uuid, "level", level)

    def merge_with_next(self) -> None:
        """A title the analysis broke in two ("(一)依法全面履行职能," + "持续优化营商环境"): the
        first heading takes both titles, the second is rejected — one undo step."""
        item_type, uuid = self.workspace.current
        sections = self.outline_model.sections()
        index = next((i for i, rs in enumerate(sections) if rs.review.uuid == uuid), None) \
            if item_type == "section" else None
        following = [rs for rs in sections[index + 1:] if rs.review.status != "rejected"] if index is not None else []
        if index is None or not following:
            self.statusBar().showMessage(self.tr("Select a heading that has another heading after it."), 3000)
            return
        first, second = sections[index], following[0]
        joined = first.section.title + (f"{second.section.number} " if second.section.number else "") \
            + second.section.title
        stack = self.workspace.undo_stack
        stack.beginMacro(self.tr("Merge headings"))
        try:
            if self.correct_item("section", first.review.uuid, "title", joined):
                self.workspace.run(commands.StatusCommand(self.workspace, self.workspace.doc_uuid, "section",
                                                          second.review.uuid, "rejected"))
        finally:
            stack.endMacro()
        self._activate("section", first.review.uuid, scroll=False)

    def _tag_toggled(self, tag_uuid: str, on: bool) -> None:
        item_type, uuid = self.workspace.current
        if uuid:
            self.workspace.run(commands.TagCommand(self.workspace, self.workspace.doc_uuid, item_type, uuid,
                                                   tag_uuid, add=on))

    def tag_current(self, tag_uuid: str, on: bool = True) -> bool:
        item_type, uuid = self.workspace.current
        if not uuid:
            return False
        return self.workspace.run(commands.TagCommand(self.workspace, self.workspace.doc_uuid, item_type, uuid,
                                                      tag_uuid, add=on))

    def tag_dialog(self) -> None:
        """The tag palette: pick a tag for the selected item (or the selected text)."""
        tags = self.workspace.tags()
        if not tags:
            return
        index = prompts.ask_item(self, self.tr("Tag"), self.tr("Tag to add:"), [t.path or t.name for t in tags])
        if index is None:
            return
        selection = self.document_view.selection_cp() if self.document_view.hasFocus() else None
        if selection:
            self.tag_selection(selection[0], selection[1], tags[index].uuid)
        elif not self.tag_current(tags[index].uuid):
            self.statusBar().showMessage(self.tr("Select an item first."), 3000)

    def add_comment(self) -> None:
        item_type, uuid = self.workspace.current
        selection = self.document_view.selection_cp() if self.document_view.hasFocus() else None
        if selection:
            self.comment_selection(*selection)
            return
        if not uuid:
            self.statusBar().showMessage(self.tr("Select an item first."), 3000)
            return
        body = prompts.ask_text(self, self.tr("Comment"), self.tr("Comment on {0}:").format(
            labels.item_type(item_type)), multiline=True, quote=self._quote(item_type, uuid))
        if body:
            self.workspace.run(commands.AddCommentCommand(self.workspace, self.workspace.doc_uuid, item_type, uuid,
                                                          body))

    def edit_comment(self, comment_uuid: str) -> None:
        item_type, uuid = self.workspace.current
        if comment_uuid == NOTE and item_type == "annotation":
            item = self.workspace.find_item(item_type, uuid)
            body = prompts.ask_text(self, self.tr("Edit comment"), self.tr("Comment:"), item.note, multiline=True,
                                    quote=item.quote)
            if body and body != item.note:
                self.correct_item("annotation", uuid, "note", body)
            return
        review = self.workspace.item_review(item_type, uuid)
        comment = next((c for c in (review.comments if review else []) if c.uuid == comment_uuid), None)
        if comment is None:
            return
        body = prompts.ask_text(self, self.tr("Edit comment"), self.tr("Comment:"), comment.body, multiline=True,
                                quote=self._quote(item_type, uuid))
        if body and body != comment.body:
            self.workspace.run(commands.EditCommentCommand(self.workspace, self.workspace.doc_uuid, item_type, uuid,
                                                           comment_uuid, body))

    def delete_comment(self, comment_uuid: str) -> None:
        item_type, uuid = self.workspace.current
        if comment_uuid == NOTE and item_type == "annotation":
            self.correct_item("annotation", uuid, "note", "")
            return
        self.workspace.run(commands.DeleteCommentCommand(self.workspace, self.workspace.doc_uuid, item_type, uuid,
                                                         comment_uuid))

    def _annotate(self, start: int, end: int, note: str = "") -> commands.AddAnnotationCommand | None:
        command = commands.AddAnnotationCommand(self.workspace, self.workspace.doc_uuid, start, end, note)
        return command if self.workspace.run(command) else None

    def tag_selection(self, start: int, end: int, tag_uuid: str) -> None:
        """Tag a span of text: an annotation over it, tagged — one undo step."""
        stack = self.workspace.undo_stack
        stack.beginMacro(self.tr("Tag selection"))
        try:
            command = self._annotate(start, end)
            if command is not None:
                self.workspace.run(commands.TagCommand(self.workspace, self.workspace.doc_uuid, "annotation",
                                                       command.item_uuid, tag_uuid))
        finally:
            stack.endMacro()
        if command is not None:
            self._activate("annotation", command.item_uuid, scroll=False)

    def comment_selection(self, start: int, end: int) -> None:
        body = prompts.ask_text(self, self.tr("Comment"), self.tr("Comment on the selected text:"),
                                multiline=True, quote=self.document_view.text[start:end])
        if not body:
            return
        command = self._annotate(start, end, body)
        if command is not None:
            self._activate("annotation", command.item_uuid, scroll=False)

    def new_tag_for_selection(self, start: int, end: int) -> None:
        """Right-click → Tag selection → New tag…: the tag is made and put on the passage, one
        undo step."""
        name = prompts.ask_text(self, self.tr("New tag"), self.tr("Name of the new tag:"))
        if not name:
            return
        stack = self.workspace.undo_stack
        annotate = None
        stack.beginMacro(self.tr("New tag"))
        try:
            create = commands.CreateTagCommand(self.workspace, name, NEW_TAG_COLOR, None)
            if self.workspace.run(create):
                annotate = self._annotate(start, end)
                if annotate is not None:
                    self.workspace.run(commands.TagCommand(self.workspace, self.workspace.doc_uuid, "annotation",
                                                           annotate.item_uuid, create.tag_uuid))
        finally:
            stack.endMacro()
        if annotate is not None:
            self._activate("annotation", annotate.item_uuid, scroll=False)

    def _quote(self, item_type: str, uuid: str) -> str:
        """The words an item stands for, shown above a comment on it."""
        item = self.workspace.find_item(item_type, uuid)
        if item is None:
            return ""
        if item_type == "section":
            return f"{item.section.number} {item.section.title}".strip()
        if item_type == "figure":
            return item.figure.text
        if item_type == "citation":
            return item.citation.text
        if item_type == "check":
            return item.check.message
        if item_type == "annotation":
            return item.quote
        return ""

    def heading_from_selection(self, start: int, end: int) -> None:
        text = self.document_view.text[start:end]
        number, title = split_heading_number(text)
        section = self.outline_model.section_at(start)
        suggested = min((section.section.level + 1) if section else 1, LEVELS[-1])
        names = [self.tr("Level {0}").format(level) for level in LEVELS]
        index = prompts.ask_item(self, self.tr("Mark as heading"),
                                 self.tr("Level of “{0}”:").format(text[:40]), names, suggested - 1)
        if index is None:
            return
        command = commands.AddSectionCommand(self.workspace, self.workspace.doc_uuid, LEVELS[index], number,
                                             title or text, start, end)
        if self.workspace.run(command):
            self._activate("section", command.item_uuid, scroll=False)

    def figure_from_selection(self, start: int, end: int) -> None:
        text = self.document_view.text[start:end]
        match = re.search(r"[-+]?\d[\d,,]*(?:\.\d+)?", text)
        from ui.models.tables import parse_value
        value = parse_value(match.group(0)) if match else None
        unit = text[match.end():].strip() if match else ""
        values = dialogs.ask_figure(self, text, value, unit, "")
        if not values:
            return
        command = commands.AddFigureCommand(self.workspace, self.workspace.doc_uuid, start, end, values["value"],
                                            values["unit"], values["kind"], values["label"])
        if self.workspace.run(command):
            self._activate("figure", command.item_uuid, scroll=False)

    # ================================================================== tags
    def _tags_changed(self) -> None:
        self.document_view.set_tags(self.workspace.tags())
        self.inspector.review_pane.set_tags(self.workspace.tags())
        self._show_current_item()
        dialog = getattr(self, "_tag_manager", None)
        if dialog is not None:
            dialog.set_tags(self.workspace.tags())

    def manage_tags(self) -> None:
        dialog = dialogs.TagManagerDialog(self)
        dialog.set_tags(self.workspace.tags())
        dialog.createRequested.connect(
            lambda name, colour, parent: self.workspace.run(commands.CreateTagCommand(self.workspace, name, colour,
                                                                                      parent)))
        dialog.updateRequested.connect(
            lambda uuid, fields: self.workspace.run(commands.UpdateTagCommand(self.workspace, uuid, **fields)))
        dialog.deleteRequested.connect(self._delete_tag)
        self._tag_manager = dialog
        dialog.finished.connect(lambda _result: setattr(self, "_tag_manager", None))
        dialog.open()
        return dialog

    def _delete_tag(self, uuid: str) -> None:
        if self.workspace.guarded(lambda: self.workspace.library.delete_tag(uuid) or True):
            self.workspace.clear_undo()  # tag commands on the deleted tag cannot be replayed
            self.workspace._tags_cache = None
            self.workspace.tagsChanged.emit()
            self.workspace.reload()

    # ================================================================== inspector: the current item
    def _current_item_changed(self, item_type: str, uuid: str) -> None:
        self._show_current_item()

    def _show_current_item(self) -> None:
        item_type, uuid = self.workspace.current
        review = self.workspace.item_review(item_type, uuid) if uuid else None
        if review is None:
            self.inspector.show_item("", None, self.workspace.tags(), [])
            self.inspector.show_verdict(None)
            return
        history = self.workspace.guarded(lambda: self.workspace.library.history(item_uuid=uuid)) or []
        item = self.workspace.find_item(item_type, uuid)
        note = item.note if item_type == "annotation" and item is not None else ""
        self.inspector.show_item(self._describe(item_type, uuid), review, self.workspace.tags(), history, note)
        if item_type == "check" and item is not None:
            ids = set(item.check.figures)
            corrected = [f"{rf.figure.text}→{labels.format_value(rf.figure.value)}{rf.figure.unit or ''}"
                         for rf in self.workspace.review.figures if rf.figure.id in ids and rf.review.status == "corrected"]
            self.inspector.show_verdict(review.reason, item.check.message, corrected)
        else:
            self.inspector.show_verdict(None)

    def _describe(self, item_type: str, uuid: str) -> str:
        item = self.workspace.find_item(item_type, uuid)
        kind = labels.item_type(item_type)
        if item_type == "section":
            text = f"{item.section.number} {item.section.title}".strip()
        elif item_type == "figure":
            text = f"{item.figure.label or ''} {item.figure.text}".strip()
        elif item_type == "citation":
            text = item.citation.text
        elif item_type == "check":
            text = item.check.message
        elif item_type == "annotation":
            text = f"“{item.quote}”" + (f" — {item.note}" if item.note else "")
        else:
            text = ""
        review = self.workspace.item_review(item_type, uuid)
        status = labels.status(review.status, item_type)
        reason = f"\n{self.tr('Reason')}: {review.reason}" if item_type == "check" and review.reason else ""
        return f"{kind} · {status}\n{text}{reason}"


def split_heading_number(text: str) -> tuple[str, str]:
    """Split a selected heading into its number and title: "(二)严格执法" -> ("(二)", "严格执法")."""
    match = re.match(r"\s*((?:第[一二三四五六七八九十百零〇]+[章节部分条])|(?:[一二三四五六七八九十]+[、.．])|"
                     r"(?:[((][一二三四五六七八九十\d]+[))])|(?:\d+(?:\.\d+)*[、.．]?)|[⑴-⒇①-⑳])\s*", text)
    if not match or match.end() >= len(text):
        return "", text.strip()
    return match.group(1), text[match.end():].strip()
