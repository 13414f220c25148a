"""Everything the views need to show a report, computed off the GUI thread.

A 5 MB report has 2 million characters, 70,000 figures and 25,000 headings; building the
highlight index, the outline tree, the figure rows and the text document takes seconds of Python
and Qt work.  ``prepare`` does it in a worker (no widget is touched), and the GUI thread only
adopts the results, so the event loop never stalls.
"""

from __future__ import annotations

from dataclasses import dataclass

from reviewer.library.review import DocumentReview
from reviewer.library.versions import review_versions
from ui.models.outline import OutlineTree, build_outline_tree
from ui.models.review_pane import review_entries
from ui.models.tables import FigureRows, prepare_figure_rows
from ui.offsets import OffsetMap
from ui.views.document_view import SpanIndex, build_span_index, build_text_document

#: beyond this many characters a report's reloads run on a worker (below it, synchronously)
BIG_TEXT = 300_000


@dataclass
class Prepared:
    review: DocumentReview
    spans: SpanIndex
    outline: OutlineTree | None  # None in a preview that does not show its outline
    figures: FigureRows
    items: dict = None  # (item_type, uuid) -> reviewed object
    entries: list | None = None  # the review pane's list (review_pane.review_entries)
    offsets: OffsetMap | None = None  # set with ``document`` when the text is new to the view
    document: object | None = None  # a QTextDocument living in the GUI thread
    versions: dict[str, int] | None = None  # library.versions.review_versions(review), for adopt_versions


def prepare(review: DocumentReview, shown_text: str | None, versions: dict[str, int] | None = None,
            outline: OutlineTree | None = None, figures: FigureRows | None = None) -> Prepared:
    """Build the view data for ``review``; the text document only if the view shows other text;
    the row versions (50 ms of the GUI thread's time for a 5 MB report) unless they are given
    (an import hands them along).  ``outline`` and ``figures``: built beforehand from this
    review's sections and figures (``streaming`` builds them while the checks are found), taken
    if they were."""
    if outline is None or outline.sections is not review.sections:
        outline = build_outline_tree(review.sections)
    result = Prepared(review=review, spans=build_span_index(review), outline=outline,
                      figures=prepare_figure_rows(review, figures), items=item_index(review),
                      entries=review_entries(review), versions=versions if versions is not None else review_versions(review))
    _add_text(result, shown_text)
    return result


def prepare_preview(review: DocumentReview, shown_text: str | None, outline: bool) -> Prepared:
    """What the window shows of a preview (``previewing.show_preview``): no row versions or item
    index (a preview is never edited), and the outline only for the part that shows it."""
    result = Prepared(review=review, spans=build_span_index(review),
                      outline=build_outline_tree(review.sections) if outline else None,
                      figures=prepare_figure_rows(review), entries=review_entries(review))
    _add_text(result, shown_text)
    return result


def _add_text(result: Prepared, shown_text: str | None) -> None:
    text = result.review.document.text
    if text != shown_text:
        result.offsets = OffsetMap(text)
        result.document = build_text_document(text)


def is_big(review: DocumentReview | None) -> bool:
    return review is not None and len(review.document.text) > BIG_TEXT


def item_index(review: DocumentReview) -> dict[tuple[str, str], object]:
    """(item_type, uuid) -> the reviewed object, for look-ups in constant time."""
    pools = {"section": review.sections, "figure": review.figures, "citation": review.citations,
             "check": [*review.checks, *review.advisories], "annotation": review.annotations}
    return {(kind, item.review.uuid): item for kind, items in pools.items() for item in items
            if item.review is not None}
