"""The annotated Excel workbook: one file a legal office can file, filter and hand on.

Built on ``DocumentReview`` objects (what the store hands out), so the exporter does not depend
on how the store keeps them.  Every sheet is streamed with openpyxl's write-only mode: memory stays
flat for 100,000 figure rows, and column widths, frozen header and autofilter are set through the
write-only API (widths and freeze before the first row, the filter after the last).

The file is written to a temporary file in the target folder and moved into place with
``os.replace``, so a failed or cancelled export leaves the previous workbook as it was.  Report
text is written as text, never as a formula (see ``safety``).

Callers: ``export_workbook(library, path)`` (command line, GUI — run it off the GUI thread;
``progress(done, total)`` counts rows, ``cancelled()`` is polled every ``PROGRESS_EVERY`` rows),
``write_workbook(reviews, path)`` and ``build_workbook(reviews)`` for reviews already loaded.
"""

from __future__ import annotations

import gc
import os
import stat
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from reviewer.export import sheet_writer
from reviewer.export.files import check_target, write_atomically
from reviewer.export.sheet_writer import Cancelled, Labels, Progress, discard_workbook
from reviewer.export.sheets import WorkbookBuilder
from reviewer.library.review import DocumentReview
from reviewer.messages import ReviewerError


def build_workbook(reviews: list[DocumentReview], language: str = "zh", reviewer: str | None = None,
                   progress: Progress | None = None, cancelled: Cancelled | None = None) -> Workbook:
    """A write-only workbook holding every sheet for ``reviews``, ready to be saved once."""
    return WorkbookBuilder(reviews, Labels(language), reviewer, progress, cancelled).build()


def write_workbook(reviews: list[DocumentReview], out_path: str | os.PathLike[str], language: str = "zh",
                   progress: Progress | None = None, cancelled: Cancelled | None = None,
                   reviewer: str | None = None) -> Path:
    """Build and save the workbook atomically (``files.write_atomically``, as for every output);
    the old file stays intact on any failure, and a locked target is refused before any work."""
    clean_stale_files(check_target(Path(out_path)))
    workbook = None

    def save(temp: Path) -> None:
        nonlocal workbook
        workbook = build_workbook(reviews, language, reviewer, progress, cancelled)
        try:
            workbook.save(temp)
        except OSError as exc:  # disk full, folder gone, network share dropped ...
            reason = exc.strerror or str(exc)
            _drop_half_written_zip(exc)
            raise ReviewerError("export_failed", path=str(out_path), reason=reason) from None

    try:
        return write_atomically(out_path, ".xlsx", save)
    except BaseException:
        if workbook is not None:
            discard_workbook(workbook)
        raise


def check_figure_rows(library: Any, doc_uuids: list[str]) -> None:
    """Refuse at once, with the real reason, an export whose figures sheet Excel cannot hold (one
    row each, under a header): the library counts the figures (one query) before any report is
    loaded, instead of minutes of loading ending in the same refusal."""
    limit = sheet_writer.EXCEL_MAX_ROWS
    counts = library.figure_counts(doc_uuids)
    figures = sum(counts.get(doc_uuid, 0) for doc_uuid in doc_uuids)
    if figures >= limit:
        biggest = max(doc_uuids, key=lambda doc_uuid: counts.get(doc_uuid, 0))
        names = {s.doc_uuid: s.display_name for s in library.list_documents()}
        raise ReviewerError("export_too_many_figures", count=f"{figures:,}", limit=f"{limit:,}",
                            title=names.get(biggest, biggest)[:60], one=f"{counts.get(biggest, 0):,}")


STALE_AFTER_S = 3600  # an export in progress writes its temporary file within minutes


def clean_stale_files(folder: Path) -> None:
    """Remove what killed exports left behind: ``.~*.xlsx.tmp`` beside the target and
    ``reviewer-rows-*.xml`` in the temporary folder, once they are old enough that no running
    export can still be writing them."""
    cutoff = time.time() - STALE_AFTER_S
    for place, pattern in ((folder, ".~*.xlsx.tmp"), (Path(tempfile.gettempdir()), "reviewer-rows-*.xml")):
        try:
            candidates = list(place.glob(pattern))
        except OSError:
            continue
        for path in candidates:
            try:
                info = path.lstat()
                if stat.S_ISREG(info.st_mode) and info.st_mtime < cutoff:
                    path.unlink()
            except OSError:
                pass  # another user's file, or already gone


def _drop_half_written_zip(exc: BaseException) -> None:
    """openpyxl's ZipFile of a failed save is still referenced by the traceback; when it is
    collected its ``__del__`` tries to write the zip directory to the same full disk and prints
    a traceback ("Exception ignored in ZipFile.__del__").  Collect it now, quietly."""
    hook = sys.unraisablehook
    sys.unraisablehook = lambda _unraisable: None
    try:
        traceback.clear_frames(exc.__traceback__)
        exc.__traceback__ = None
        gc.collect()
    finally:
        sys.unraisablehook = hook


def export_workbook(library: Any, out_path: str | os.PathLike[str], doc_uuids: list[str] | None = None,
                    language: str = "zh", progress: Progress | None = None,
                    cancelled: Cancelled | None = None) -> Path:
    """Export reports of a ``Library`` (all of them by default) to ``out_path``."""
    if doc_uuids is None:
        doc_uuids = [summary.doc_uuid for summary in library.list_documents()]
    if not doc_uuids:
        raise ReviewerError("export_nothing")
    check_figure_rows(library, doc_uuids)
    reviews = [library.load_review(doc_uuid) for doc_uuid in doc_uuids]
    reviewer = getattr(library, "reviewer", None) or None
    return write_workbook(reviews, out_path, language=language, progress=progress,
                          cancelled=cancelled, reviewer=reviewer)
