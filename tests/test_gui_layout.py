"""The window at 1280×720 (issue 11, defect 6): the text keeps at least 40 % of the width, even
after a layout saved with a squeezed text pane; status words fit; headers explain themselves."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from reviewer.library.review import STATUSES  # noqa: E402
from tests.test_gui import SAMPLE, errors, make_window  # noqa: E402,F401
from ui import labels  # noqa: E402
from ui.qt import Qt  # noqa: E402


def _text_share(window) -> float:
    sizes = window.splitter.sizes()
    return sizes[1] / sum(sizes)


def test_the_text_keeps_forty_percent_at_1280_by_720(make_window, qtbot):  # noqa: F811
    window = make_window()
    window.import_paths([str(SAMPLE)])
    window.resize(1280, 720)
    qtbot.waitUntil(lambda: window.width() == 1280)
    qtbot.wait(20)
    assert _text_share(window) >= 0.4
    # a layout saved with the text squeezed is rebalanced when the window opens again
    window.splitter.setSizes([330, 40, 900])
    window.save_layout()
    doc = window.workspace.doc_uuid
    window.close()
    second = make_window()
    second.resize(1280, 720)
    qtbot.wait(20)
    second.open_document(doc)  # the review opens after the window is on screen
    qtbot.wait(20)
    assert _text_share(second) >= 0.4


def test_status_words_fit_and_headers_explain_themselves(make_window):  # noqa: F811
    window = make_window()
    window.import_paths([str(SAMPLE)])
    for view, model in ((window.inspector.figures_view, window.inspector.figures_model),
                        (window.inspector.checks_view, window.inspector.checks_model)):
        width = view.columnWidth(model.columns.index("status"))
        for status in STATUSES:
            assert width >= view.fontMetrics().horizontalAdvance(labels.status(status, model.item_type)) + 24
    figures = window.inspector.figures_model
    for key in ("text", "value", "section"):
        tip = figures.headerData(figures.columns.index(key), Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
        assert tip and len(tip) > 6
    checks = window.inspector.checks_model
    tip = checks.headerData(checks.columns.index("status"), Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "属实" in tip and "误报" in tip
    outline = window.outline_model.index(0, 0)
    assert outline.data(Qt.ItemDataRole.ToolTipRole).startswith(outline.data().rstrip(" ?"))
