"""Empty lists say why they are empty (seen in the 1280×720 screenshots: a blank Review tab and
History tab read as broken), and the hint goes as soon as there is a row."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from tests.test_gui import SAMPLE, errors, make_window  # noqa: E402,F401


def test_review_pane_and_history_hint_while_empty(make_window, qtbot):  # noqa: F811
    window = make_window()
    window.import_paths([str(SAMPLE)])
    inspector = window.inspector
    pane = inspector.review_pane
    inspector.setCurrentWidget(pane)
    qtbot.waitUntil(pane.view.isVisible)
    assert pane.empty_hint.isVisible() and "还没有" in pane.empty_hint.text()
    inspector.setCurrentWidget(inspector.history_view.parentWidget())
    qtbot.waitUntil(inspector.history_view.isVisible)
    assert inspector.history_hint.isVisible()

    check = window.workspace.review.checks[0].review.uuid
    window.workspace.set_current("check", check)
    inspector.verdict_reason.setText("合计另含上年结转数,无误")
    assert window.set_verdict("rejected")
    inspector.setCurrentWidget(pane)
    qtbot.waitUntil(pane.view.isVisible)
    assert pane.view.model().rowCount() > 0
    assert not pane.empty_hint.isVisible()
    window.act_undo.trigger()
    qtbot.waitUntil(pane.empty_hint.isVisible)


def test_checks_tab_says_when_nothing_is_listed(make_window, qtbot):  # noqa: F811
    window = make_window()
    window.import_paths([str(SAMPLE)])
    inspector = window.inspector
    inspector.setCurrentWidget(inspector.checks_view.parentWidget())
    qtbot.waitUntil(inspector.checks_view.isVisible)
    assert not inspector.checks_hint.isVisible()
    inspector.checks_filter.line.setText("没有这样的核查文字")
    qtbot.waitUntil(inspector.checks_hint.isVisible)
    inspector.checks_filter.line.clear()
    qtbot.waitUntil(lambda: not inspector.checks_hint.isVisible())
