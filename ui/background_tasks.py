"""Import and export on worker threads, with a progress dialog and cancel (part of the main window)."""

from __future__ import annotations

import logging
import re
from pathlib import Path

from reviewer import paths
from reviewer.library.store import Library
from reviewer.messages import ReviewerError, render
from ui import i18n, presentation, prompts
from ui.qt import (
    QDesktopServices,
    QProgressDialog,
    Qt,
    QTimer,
    QUrl,
)
from ui.workers import Job

log = logging.getLogger(__name__)


def warm_up_analysis() -> None:
    """Start the analysis process ahead of an import (``reviewer.library.analysis_process``):
    its start and dictionary take most of a second the first time."""
    from reviewer.library import analysis_process

    analysis_process.shared().warm_up()


class BackgroundTasks:
    """Mixed into ``MainWindow``: long work never runs on the GUI thread."""

    # ================================================================== import (worker)
    def import_files_dialog(self) -> None:
        warm_up_analysis()  # it starts while the reviewer picks the files
        files = prompts.ask_open_files(self, self.tr("Import reports"), str(Path.home()))
        if files:
            self.import_paths(files)

    def import_folder_dialog(self) -> None:
        folder = prompts.ask_folder(self, self.tr("Import a folder of reports"), str(Path.home()))
        if folder:
            self.import_paths([folder])

    def import_paths(self, paths_: list[str], open_after: bool = True) -> Job | None:
        """Import files and folders on a worker, with a progress dialog and cancel."""
        if self.workspace.library is None or not paths_:
            return None
        library_path, reviewer_name = self.workspace.reopen_target(), self.workspace.reviewer
        targets = [Path(p) for p in paths_]
        if open_after and len(targets) == 1 and targets[0].is_file():
            return self.stream_open(targets[0])

        def work(progress, cancelled):
            from reviewer.cli.importing import plan_folder  # the command line's rule and reasons

            files: list[Path] = []
            skipped: list[ReviewerError] = []
            for target in targets:
                if target.is_dir():
                    plan = plan_folder(target)
                    files += plan.files
                    skipped += [reason for _, reason in plan.skipped]
                else:
                    files.append(target)
            from reviewer.library import analysis_process

            analyser = analysis_process.shared()  # loads and analyses off this process's interpreter lock
            results = []
            with Library(library_path, reviewer=reviewer_name) as library:
                for done, path in enumerate(files):
                    if cancelled():
                        break
                    progress(done, len(files), path.name)
                    results.append(library.import_outcome(analyser.analyse_for_import(path)))
                progress(len(files), len(files), "")
            return results, skipped

        def finished(outcome) -> None:
            results, skipped = outcome
            self.refresh_documents()
            errors = [r.error for r in results if r.error]
            notice = _skipped_notice(skipped, i18n.core_language())
            if errors:
                self.show_error("\n\n".join([self.tr("Some files could not be imported:") + "\n\n"
                                               + "\n".join(errors[:20]), *([notice] if notice else [])]))
            elif notice:
                prompts.show_info(self, notice)
            ok = [r for r in results if r.doc_uuid]
            if open_after and len(ok) >= 1 and len(targets) == 1 and not targets[0].is_dir():
                self.open_document(ok[-1].doc_uuid)
            elif ok:
                self.show_library()
                self.statusBar().showMessage(_import_summary(ok, i18n.core_language()), 8000)

        return self.run_job(work, self.tr("Importing reports…"), finished, "import", pause_gc=True)

    def stream_open(self, path: Path) -> Job:
        """Import one report and open it as it is analysed: its text at once, then the outline,
        the figures and the checks as the worker finds them (``ui.streaming``), with the
        progress and Cancel in the status bar so the text can be read meanwhile."""
        from ui import streaming

        library_path, reviewer_name = self.workspace.reopen_target(), self.workspace.reviewer
        words = {"text": self.tr("Finding the outline…"), "outline": self.tr("Finding the figures…"),
                 "figures": self.tr("Checking the figures…"), "checks": self.tr("Saving…"), "stored": ""}

        def work(progress, cancelled):
            def publish(step: str, prepared) -> None:
                progress(streaming.STEPS.index(step) + 1, len(streaming.STEPS), words[step],
                         (step, prepared) if prepared is not None else None)

            progress(0, len(streaming.STEPS), path.name)
            return streaming.stream_import(path, library_path, reviewer_name, publish, cancelled)

        def finished(streamed) -> None:
            self.end_preview()
            if streamed is not None and streamed.prepared is not None and presentation.is_big(streamed.prepared.review):
                QTimer.singleShot(0, self.refresh_documents)  # a turn of its own after a big report
            else:
                self.refresh_documents()
            if streamed is None:  # cancelled before it was stored
                abandoned()
                return
            if streamed.result.error:
                self.show_error(streamed.result.error)
            elif streamed.prepared is not None:
                self.workspace.set_review(streamed.prepared.review, streamed.prepared)

        def abandoned() -> None:  # failed (run_job shows why) or cancelled: the preview goes
            self.end_preview()
            self.document_view.set_review(None)
            self.outline_model.set_review(None)
            self.inspector.set_review(None)
            self.show_library()

        self.begin_preview()
        return self.run_job(work, self.tr("Importing reports…"), finished, "import", pause_gc=True,
                            on_partial=lambda payload: self.show_preview(*payload), modal=False,
                            on_abandoned=abandoned)

    def run_job(self, fn, title: str, on_finished, name: str, cancellable: bool = True,
                pause_gc: bool = False, on_partial=None, modal: bool = True, on_abandoned=None) -> Job:
        """Run ``fn(progress, cancelled)`` on the pool.  A progress dialog (with Cancel) appears only
        if the work is still running after a moment, so quick tasks never flash one; with
        ``modal=False`` the progress and Cancel go into the status bar instead and the window
        stays usable.  ``on_partial`` receives the parts the work hands out before its end;
        ``on_abandoned`` runs when the work failed or was cancelled."""
        job = Job(fn, pause_gc=pause_gc)
        self._jobs.add(job)
        state = {"dialog": None, "progress": (0, 0, "")}
        if on_partial is not None:
            job.signals.partial.connect(on_partial)

        def show_dialog() -> None:
            if job.done.is_set() or state["dialog"] is not None:
                return
            if not modal:
                dialog = StatusProgress(self, title, self.tr("Cancel") if cancellable else "")
                dialog.canceled.connect(job.cancel)
                state["dialog"] = dialog
                progress(*state["progress"])
                return
            dialog = QProgressDialog(title, self.tr("Cancel") if cancellable else "", 0, 0, self)
            dialog.setWindowTitle(self.tr("Report Reviewer"))
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(0)
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)
            if not cancellable:
                dialog.setCancelButton(None)
            dialog.canceled.connect(job.cancel)
            state["dialog"] = dialog
            self._progress = dialog
            progress(*state["progress"])
            dialog.show()

        def progress(done: int, total: int, what: str) -> None:
            state["progress"] = (done, total, what)
            dialog = state["dialog"]
            if dialog is None:
                return
            dialog.setMaximum(max(total, 0))
            dialog.setValue(min(done, total) if total else 0)
            if what:
                dialog.setLabelText(f"{title}\n{what}")

        def close_dialog() -> None:
            dialog, state["dialog"] = state["dialog"], False  # False: never show one now
            if self._progress is dialog:
                self._progress = None
            if dialog:
                dialog.canceled.disconnect(job.cancel)  # closing a QProgressDialog emits canceled
                dialog.close()
                dialog.deleteLater()

        def done(result) -> None:
            close_dialog()
            self._jobs.discard(job)
            if not job.cancelled():
                on_finished(result)
            else:
                if on_abandoned is not None:
                    on_abandoned()
                self.statusBar().showMessage(self.tr("Cancelled."), 4000)
                self.refresh_documents()
            self.jobFinished.emit(name)

        def failed(exc) -> None:
            close_dialog()
            self._jobs.discard(job)
            if on_abandoned is not None:
                on_abandoned()
            if isinstance(exc, ReviewerError):
                self.show_error(exc.message(i18n.core_language()))
            else:
                log.error("job %s failed: %r", name, exc)
                self.show_error(self.tr("The task failed unexpectedly: {0}\n\nDetails were written to {1}.")
                                .format(exc, paths.log_path()))
            self.jobFinished.emit(name)

        job.signals.progress.connect(progress)
        job.signals.finished.connect(done)
        job.signals.failed.connect(failed)
        self.pool.start(job)
        if not job.done.is_set():
            QTimer.singleShot(0 if not modal else 300, show_dialog)
        return job

    # drag and drop of files and folders
    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
            warm_up_analysis()  # it starts while the files are dragged in

    def dropEvent(self, event) -> None:  # noqa: N802
        local = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if local:
            event.acceptProposedAction()
            self.import_paths(local)


    # ================================================================== export (worker)
    def export_current(self) -> None:
        if self.workspace.doc_uuid:
            self.export([self.workspace.doc_uuid])

    def reports_meant(self) -> list[str]:
        """The reports an export of "these reports" means: those selected in the library while
        it is on screen, else the open report, else the library's selection."""
        selected = self.library_page.selected_uuids()
        if selected and self.stack.currentWidget() is self.library_page:
            return selected
        return [self.workspace.doc_uuid] if self.workspace.doc_uuid else selected

    def export_selected(self) -> None:
        uuids = self.reports_meant()
        if uuids:
            self.export(uuids)
        else:
            self.statusBar().showMessage(self.tr("Select reports in the library first."), 4000)

    def export_library(self) -> None:
        self.export(None)

    def export(self, doc_uuids: list[str] | None, out_path: str | None = None) -> Job | None:
        if self.workspace.library is None:
            return None
        if out_path is None:
            folder = self.settings.last_export_dir or str(Path.home())
            name = self.tr("review") + ".xlsx"
            if doc_uuids and len(doc_uuids) == 1 and self.workspace.review \
                    and self.workspace.review.doc_uuid == doc_uuids[0]:
                name = export_stem(self.workspace.review) + ".xlsx"
            out_path = prompts.ask_save_path(self, self.tr("Export to Excel"), str(Path(folder) / _safe_name(name)),
                                             self.tr("Excel workbooks (*.xlsx)"))
            if not out_path:
                return None
        if not out_path.lower().endswith(".xlsx"):
            out_path += ".xlsx"
        self.settings.last_export_dir = str(Path(out_path).parent)
        library_path, reviewer_name = self.workspace.reopen_target(), self.workspace.reviewer
        language = "en" if i18n.current() == "en" else "zh"

        def work(progress, cancelled):
            from reviewer.export.workbook import export_workbook

            with Library(library_path, reviewer=reviewer_name) as library:
                return export_workbook(library, out_path, doc_uuids=doc_uuids, language=language,
                                       progress=lambda done, total: progress(done, total, ""),
                                       cancelled=cancelled)

        def finished(path) -> None:
            self.last_export = Path(path)
            choice = prompts.offer_open(self, self.tr("The workbook was saved:\n{0}").format(path))
            if choice == "file":
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
            elif choice == "folder":
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(path).parent)))

        return self.run_job(work, self.tr("Exporting to Excel…"), finished, "export", pause_gc=True)


    # ================================================================== Word documents (worker)
    def export_memo(self) -> Job | None:
        return self.export_word("memo")

    def export_annotated(self) -> Job | None:
        return self.export_word("annotated")

    def _memo_despite_open_checks(self, doc_uuids: list[str], language: str) -> bool:
        """A memo lists only the problems a reviewer confirmed: with checks still undecided it
        would read as "nothing found", so the reviewer is asked first."""
        wanted = set(doc_uuids)
        count = sum(d.open_checks for d in self.workspace.documents() if d.doc_uuid in wanted)
        return not count or prompts.confirm(self, render("ui_export_memo", language),
                                            render("ui_memo_open_checks", language, count=count))

    def export_word(self, kind: str, doc_uuids: list[str] | None = None, out_path: str | None = None) -> Job | None:
        """The review memo (审核意见书) of the open or selected reports, or the open report with the
        review as Word comments; written on a worker with the progress dialog, like the workbook."""
        if self.workspace.library is None:
            return None
        language = i18n.core_language()
        if doc_uuids is None:
            doc_uuids = self.reports_meant()
        if not doc_uuids or (kind == "annotated" and len(doc_uuids) != 1):
            self.statusBar().showMessage(render("ui_select_one_report", language), 4000)
            return None
        if out_path is None and kind == "memo" and not self._memo_despite_open_checks(doc_uuids, language):
            return None
        if out_path is None:
            folder = self.settings.last_export_dir or str(Path.home())
            review = self.workspace.review
            stem = export_stem(review) if review and doc_uuids == [review.doc_uuid] else render("ui_memo_name", language)
            name = render(f"ui_{kind}_file", language, name=stem)
            out_path = prompts.ask_save_path(self, render(f"ui_export_{kind}", language),
                                             str(Path(folder) / _safe_name(name)), render("ui_word_filter", language))
            if not out_path:
                return None
        if not out_path.lower().endswith(".docx"):
            out_path += ".docx"
        self.settings.last_export_dir = str(Path(out_path).parent)
        library_path, reviewer_name = str(self.workspace.library.path), self.workspace.reviewer

        def work(progress, cancelled):
            progress(0, 1, "")
            with Library(library_path, reviewer=reviewer_name) as library:
                if kind == "memo":
                    from reviewer.export.memo import export_memo

                    path = export_memo(library, out_path, doc_uuids, language)
                else:
                    from reviewer.export.annotated_docx import export_annotated

                    path = export_annotated(library, doc_uuids[0], out_path, language).path
            progress(1, 1, "")
            return path

        def finished(path) -> None:
            self.last_export = Path(path)
            choice = prompts.offer_open(self, render("ui_word_saved", language, path=path))
            if choice == "file":
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
            elif choice == "folder":
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(path).parent)))

        return self.run_job(work, render("ui_exporting_word", language), finished, "export", cancellable=False)


def _skipped_notice(skipped: list[ReviewerError], language: str, shown: int = 20) -> str:
    """The files a folder import passed over, each with the command line's reason and advice."""
    if not skipped:
        return ""
    lines = [render("cli_skipped", language, reason=reason.message(language)) for reason in skipped[:shown]]
    if len(skipped) > shown:
        lines.append(render("ui_skipped_more", language, count=len(skipped) - shown))
    return render("ui_import_skipped", language, count=len(skipped)) + "\n\n" + "\n".join(lines)


class StatusProgress:
    """The progress of a job in the status bar — a bar and a Cancel button — for work the
    reviewer need not wait for (a report being analysed while its text is already shown).
    Answers the calls ``run_job`` makes of a QProgressDialog."""

    def __init__(self, window, title: str, cancel_text: str) -> None:
        from ui.qt import QProgressBar, QPushButton

        self.window, self.title = window, title
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(220)
        self.bar.setTextVisible(False)
        self.button = QPushButton(cancel_text)
        self.button.setVisible(bool(cancel_text))
        self.canceled = self.button.clicked
        window.statusBar().addPermanentWidget(self.bar)
        window.statusBar().addPermanentWidget(self.button)

    def setMaximum(self, value: int) -> None:  # noqa: N802 (QProgressDialog's names)
        self.bar.setMaximum(value)

    def setValue(self, value: int) -> None:  # noqa: N802
        self.bar.setValue(value)

    def setLabelText(self, text: str) -> None:  # noqa: N802
        self.window.statusBar().showMessage(text.replace("\n", " "))

    def close(self) -> None:
        for widget in (self.bar, self.button):
            self.window.statusBar().removeWidget(widget)
            widget.hide()
        self.window.statusBar().clearMessage()

    def deleteLater(self) -> None:  # noqa: N802
        self.bar.deleteLater()
        self.button.deleteLater()


def _import_summary(results, language: str) -> str:
    """What a folder import did, in words: new reports, new versions of known ones (re-analysed,
    their review carried over) and files the library already held (not imported twice)."""
    created = sum(1 for r in results if r.created)
    unchanged = sum(1 for r in results if r.unchanged)
    updated = len(results) - created - unchanged
    parts = [render("ui_import_created", language, count=created)]
    if updated:
        parts.append(render("ui_import_updated", language, count=updated))
    if unchanged:
        parts.append(render("ui_import_unchanged", language, count=unchanged))
    return "".join(parts)


def export_stem(review) -> str:
    """What a file exported from ``review`` is named after: the report's name, a file name
    without its suffix (``r01.txt.xlsx`` reads as a mistake)."""
    name = review.display_name
    return Path(name).stem if name == review.file_name else name


def _safe_name(name: str) -> str:
    return re.sub(r'[\\/:*?"<>|\n\r\t]+', "_", name)[:120]
