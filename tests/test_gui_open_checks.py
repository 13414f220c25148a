"""The status bar and the Checks tab count the same open checks — advisories included, as the
tab lists them — after verdicts and after undo (walk-through leftover 2)."""

from __future__ import annotations

import re

import pytest

pytest.importorskip("PySide6")

from tests.test_gui import SAMPLE, errors, make_window  # noqa: E402,F401


def _rows_without_verdict(window) -> int:
    model = window.inspector.checks_model
    return sum(1 for row in model.rows if row.review.status == "unreviewed")


def _status_count(window) -> tuple[int, int]:
    text = window.stats_label.text()
    found = re.search(r"(\d+) 处待核查(?:\(其中提示 (\d+) 处\))?", text)
    assert found, text
    return int(found.group(1)), int(found.group(2) or 0)


def _tab_count(window) -> int:
    title = window.inspector.tabText(1)
    found = re.search(r"\((\d+)\)", title)
    return int(found.group(1)) if found else 0


def _advisories_open(window) -> int:
    return sum(1 for rc in window.workspace.review.advisories if rc.review.status == "unreviewed")


def _agree(window) -> int:
    listed = _rows_without_verdict(window)
    assert _status_count(window) == (listed, _advisories_open(window))
    assert _tab_count(window) == listed
    return listed


def test_status_bar_and_checks_tab_count_the_advisories_the_tab_lists(make_window, qtbot):  # noqa: F811
    window = make_window()
    window.import_paths([str(SAMPLE)])
    review = window.workspace.review
    assert review.advisories, "the sample report has an advisory (a level without its parent)"
    start = _agree(window)
    assert start == len(review.checks) + len(review.advisories)

    advisory = review.advisories[0].review.uuid
    window.inspector.select_item("check", advisory)
    window.workspace.set_current("check", advisory)
    window.inspector.verdict_reason.setText("层级写法沿用上级文件,不需改动")
    assert window.set_verdict("rejected")
    assert _agree(window) == start - 1

    check = window.workspace.review.checks[0].review.uuid
    window.workspace.set_current("check", check)
    window.inspector.verdict_reason.setText("分项之和与合计不符,请起草处室核对")
    assert window.set_verdict("confirmed")
    assert _agree(window) == start - 2

    window.act_undo.trigger()
    assert _agree(window) == start - 1
    window.act_undo.trigger()
    assert _agree(window) == start
    window.act_redo.trigger()
    assert _agree(window) == start - 1


def test_library_page_counts_the_same_open_checks_as_the_status_bar(make_window, qtbot):  # noqa: F811
    """The library page's 待核查 column said 2 while the status bar said 3 (其中提示 1): the
    core's summary left advisories out.  Now the column, its sort key and its tooltip agree."""
    from ui.qt import Qt

    window = make_window()
    window.import_paths([str(SAMPLE)])
    listed = _agree(window)
    advisories = _advisories_open(window)
    assert advisories
    window.library_page.set_documents(window.workspace.documents())
    model = window.library_page.model
    column = model.columns.index("checks")
    index = model.index(0, column)
    assert model.data(index) == str(listed)
    assert f"其中提示 {advisories} 处" in model.data(index, Qt.ItemDataRole.ToolTipRole)
    summary = window.workspace.documents()[0]
    assert summary.open_checks + summary.open_advisories == listed
    assert summary.open_advisories == advisories
