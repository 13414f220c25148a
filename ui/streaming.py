"""Importing and opening one report as a stream: the text first, then the analysis in parts.

A 5 MB report takes seconds to analyse.  The worker (``stream_import``) has the analysis process
(``reviewer.library.analysis_process``, which the GUI thread never waits for) load the file and
hands the text to the window at once; then the outline, and the figures with the citations, as
the pipeline finds them, each as a *preview* (a ``DocumentReview`` that is not in the store yet,
with no review state); then it stores the analysis — a new report's review is built from what
was stored, not read back (``Library.import_analysis(with_review=True)``) — and the window adopts
the real review, which brings the checks.  A new report's outline and figures are written while
the process still finds its checks, in a transaction that only the import completes
(``Library.staged_import``: a cancel or an error rolls it back and nothing of the report stays).  Everything heavy — the text document, the highlight
index, the outline tree, the figure rows — is built here, off the GUI thread
(``presentation.prepare``).
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

from reviewer.library import analysis_process
from reviewer.library.documents import EarlyRows, ImportResult, early_rows, load_for_import
from reviewer.library.review import (
    DocumentReview,
    ItemReview,
    ReviewedCheck,
    ReviewedCitation,
    ReviewedFigure,
    ReviewedSection,
)
from reviewer.library.store import Library
from reviewer.model import Analysis, Metadata
from ui import presentation
from ui.models.outline import build_outline_tree
from ui.models.tables import prepare_figure_rows

PREVIEW = "preview:"  # the prefix of a preview's doc_uuid and item uuids (never a store's uuid)
STEPS = ("text", "outline", "figures", "checks", "stored")  # what the progress counts

Publish = Callable[[str, object], None]


@dataclass
class Streamed:
    """What the worker returns at the end: the import's result and, if the report was stored,
    its review prepared for the views."""

    result: ImportResult
    prepared: presentation.Prepared | None


def is_preview(review: DocumentReview | None) -> bool:
    return review is not None and review.doc_uuid.startswith(PREVIEW)


def preview_review(analysis: Analysis) -> DocumentReview:
    """The partial ``analysis`` as a review the views can show (read-only: nothing is stored)."""

    def item(kind: str, number: int) -> ItemReview:
        return ItemReview(uuid=f"{PREVIEW}{kind}:{number}")

    return DocumentReview(
        doc_uuid=PREVIEW + analysis.document.sha256, document=analysis.document,
        metadata=analysis.metadata, metadata_review=item("metadata", 0), imported_at="",
        sections=[ReviewedSection(s, item("section", n)) for n, s in enumerate(analysis.sections)],
        figures=[ReviewedFigure(f, item("figure", n)) for n, f in enumerate(analysis.figures)],
        citations=[ReviewedCitation(c, item("citation", n)) for n, c in enumerate(analysis.citations)],
        checks=[ReviewedCheck(c, item("check", n)) for n, c in enumerate(analysis.checks)],
        advisories=[ReviewedCheck(c, item("advisory", n)) for n, c in enumerate(analysis.advisories)])


def early_views(early: EarlyRows, partial: Analysis) -> dict:
    """The outline tree and figure rows of the review an import with ``early`` brings (its
    sections and figures are those lists), as ``presentation.prepare`` takes them beforehand."""
    review = DocumentReview(doc_uuid=early.doc_uuid, document=partial.document, metadata=partial.metadata,
                            metadata_review=ItemReview(uuid=early.doc_uuid), imported_at="",
                            sections=early.reviewed["sections"], figures=early.reviewed["figures"])
    return {"outline": build_outline_tree(review.sections), "figures": prepare_figure_rows(review)}


def begin_analysis(path: Path) -> analysis_process.Pending:
    """The application's analysis process loads and analyses ``path``; the worker only takes
    the document and the parts (and prepares them for the views), so the GUI thread has the
    interpreter almost to itself and the analysis a core of its own."""
    return analysis_process.shared().begin(str(path))


def analyse(pending: analysis_process.Pending, document, step) -> Analysis:
    """``pipeline.analyze(document, step)``, as begun by ``begin_analysis``."""
    return pending.finish(document, step)


def stream_import(path: str | Path, library_target: str, reviewer: str, publish: Publish,
                  cancelled: Callable[[], bool]) -> Streamed | None:
    """Worker side: load, show, analyse in parts, store, read back.  ``publish(step, prepared)``
    hands each part to the window; ``None`` comes back when cancelled before storing."""
    p = Path(path)
    pending = begin_analysis(p)

    class Cancelled(Exception):
        pass

    staged: list[EarlyRows] = []  # a new report's outline and figures, written at its figures step
    views: dict = {}  # their outline tree and figure rows (``early_views``)
    with ExitStack() as stack:
        try:
            document = pending.document(lambda: load_for_import(p))  # here if the process cannot
            text = document.text
            publish("text", presentation.prepare_preview(preview_review(Analysis(
                document=document, metadata=Metadata(), sections=[], figures=[], citations=[], checks=[])), None,
                outline=False))
            library = stack.enter_context(Library(library_target, reviewer=reviewer))
            new_report = library.is_new_report(document)  # (asked while the process analyses)
        except BaseException:  # the file did not load, the library did not open, or the window
            pending.abandon()  # went: the analysis is not wanted
            raise

        with ExitStack() as staging:  # the new report's transaction, from its figures to its import
            def step(name: str, partial: Analysis) -> None:
                if cancelled():
                    raise Cancelled
                if name == "checks":  # the stored review follows at once and brings them: one swap of
                    publish(name, None)  # the views less, and its preparing (0.3 s of 5 MB) not on the way
                    return
                publish(name, presentation.prepare_preview(preview_review(partial), text, outline=name == "outline"))
                if name == "figures" and new_report and not staged:
                    stage(partial)

            def stage(partial: Analysis) -> None:
                """While the process finds the checks, the outline's and figures' rows are made
                and written (a known report has rows of its own), which the import completes, and
                the outline tree and figure rows of the review it will bring are built."""
                early = early_rows(partial)
                if staging.enter_context(library.staged_import(early, partial)):
                    staged.append(early)
                    views.update(early_views(early, partial))

            try:
                analysis = analyse(pending, document, step)
            except Cancelled:
                return None  # (what was written rolls back)
            result = library.import_analysis(analysis, with_review=True, early=staged[0] if staged else None)
        # committed
        review, result.review = result.review, None  # built from what was stored, not read back
        versions, result.versions = result.versions, None  # (its versions came with it)
        if review is None and result.doc_uuid:  # known already, or a new version of a known report
            review = library.load_review(result.doc_uuid)
    prepared = presentation.prepare(review, text, versions, **views) if review is not None else None
    publish("stored", None)
    return Streamed(result, prepared)

