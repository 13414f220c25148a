"""The inspector's tables and the outline at 1280×720 (walk-through leftover 1): short columns at
least as wide as their header, the descriptive column takes the rest, long headings wrap, and
the reviewer's column widths come back — unless the saved state is not one for these columns."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from tests.test_gui import SAMPLE, errors, make_window  # noqa: E402,F401
from ui.qt import Qt  # noqa: E402
from ui.views import table_columns  # noqa: E402


def _at_1280(window, qtbot) -> None:
    window.resize(1280, 720)
    qtbot.waitUntil(lambda: window.width() == 1280)
    qtbot.wait(30)


def _show_tab(window, view, qtbot) -> None:
    window.inspector.setCurrentWidget(view.parentWidget())
    qtbot.waitUntil(view.isVisible)
    qtbot.wait(10)


def _header_text_width(view, column: int) -> int:
    text = view.model().headerData(column, Qt.Orientation.Horizontal)
    return view.horizontalHeader().fontMetrics().horizontalAdvance(text)


@pytest.mark.parametrize("table", ["figures", "checks", "citations"])
def test_columns_are_readable_at_1280_by_720(make_window, qtbot, table):  # noqa: F811
    window = make_window()
    window.import_paths([str(SAMPLE)])
    _at_1280(window, qtbot)
    name, view, columns, stretch = next(t for t in window.inspector.tables() if t[0] == table)
    _show_tab(window, view, qtbot)
    header = view.horizontalHeader()
    shown = [c for c in range(len(columns)) if not header.isSectionHidden(c)]
    assert columns.index(stretch) in shown
    for column in shown:
        assert view.columnWidth(column) >= _header_text_width(view, column), columns[column]
    others = sum(view.columnWidth(c) for c in shown if columns[c] != stretch)
    description = view.columnWidth(columns.index(stretch))
    # the descriptive column gets what is left: no horizontal scrolling, no empty strip
    assert abs(others + description - view.viewport().width()) <= 1
    assert description >= 6 * view.fontMetrics().horizontalAdvance("中")  # six characters at least


def test_long_headings_wrap_in_the_outline_at_1280_by_720(make_window, qtbot):  # noqa: F811
    window = make_window()
    window.import_paths([str(SAMPLE)])
    _at_1280(window, qtbot)
    view, model = window.outline_view, window.outline_model
    assert view.isColumnHidden(1)  # no heading has a tag: the tags column leaves its width to them
    index = model.index(0, 0)
    title = index.data()
    line = view.fontMetrics().lineSpacing()
    assert view.fontMetrics().horizontalAdvance(title) > view.columnWidth(0)  # too long for one line
    assert view.visualRect(index).height() >= 2 * line  # so it takes two
    # given room, the same heading takes one line again (row heights follow the column)
    sizes = window.splitter.sizes()
    window.splitter.setSizes([700, sizes[1] - (700 - sizes[0]), sizes[2]])
    qtbot.waitUntil(lambda: view.columnWidth(0) > view.fontMetrics().horizontalAdvance(title) + 60)
    qtbot.waitUntil(lambda: view.visualRect(index).height() < 2 * line)


def test_column_widths_and_hidden_columns_are_remembered(make_window, qtbot, tmp_path):  # noqa: F811
    window = make_window()
    window.import_paths([str(SAMPLE)])
    view, columns = window.inspector.figures_view, window.inspector.figures_model.columns
    view.setColumnWidth(columns.index("value"), 111)
    view.horizontalHeader().setSectionHidden(columns.index("section"), False)
    view.horizontalHeader().setSectionHidden(columns.index("kind"), True)
    window.save_layout()
    window.close()
    again = make_window()
    view = again.inspector.figures_view
    assert view.columnWidth(columns.index("value")) == 111
    assert not view.isColumnHidden(columns.index("section"))
    assert view.isColumnHidden(columns.index("kind"))


def test_a_saved_column_state_for_other_columns_or_hiding_the_description_is_ignored(
        make_window, qtbot):  # noqa: F811
    window = make_window()
    view, columns = window.inspector.figures_view, window.inspector.figures_model.columns
    defaults = [view.columnWidth(c) for c in range(len(columns))]
    view.horizontalHeader().setSectionHidden(columns.index("label"), True)
    hiding_description = table_columns.save_state(view, columns)
    view.horizontalHeader().setSectionHidden(columns.index("label"), False)
    other_columns = "label,text;" + table_columns.save_state(view, columns).partition(";")[2]
    for saved in (hiding_description, other_columns, "junk", ",".join(columns) + ";!!notbase64!!", 42,
                  ["label", "text"], ",".join(columns) + ";"):
        assert not table_columns.restore_state(view, columns, "label", saved)
        assert not view.isColumnHidden(columns.index("label"))
        assert [view.columnWidth(c) for c in range(len(columns))] == defaults


def test_columns_of_a_restored_state_are_kept_within_bounds(make_window, qtbot):  # noqa: F811
    window = make_window()
    view, columns = window.inspector.checks_view, window.inspector.checks_model.columns
    view.setColumnWidth(columns.index("reason"), 50_000)
    saved = table_columns.save_state(view, columns)
    assert table_columns.restore_state(view, columns, "message", saved)
    assert view.columnWidth(columns.index("reason")) <= table_columns.MAX_RESTORED_WIDTH
    mode = view.horizontalHeader().sectionResizeMode(columns.index("message"))
    assert mode == view.horizontalHeader().ResizeMode.Stretch
