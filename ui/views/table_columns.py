"""Column widths of the inspector's tables at the widths reviewers' screens give them.

At 1280×720 the inspector is under 500 pixels wide: the short columns (status, kind, unit …) get
the width of their longest word or their header, whichever is wider, the descriptive column
stretches over what is left, long cells are elided (the full text is the cell's tooltip), and
columns of lesser use start hidden — the header's context menu shows them again.  The
reviewer's own widths and choices are kept between sessions; a saved state is used only if it
was saved for the same columns and leaves the descriptive column visible.
"""

from __future__ import annotations

from collections.abc import Iterable

from ui.qt import QByteArray, QHeaderView, QMenu, Qt, QTableView

#: room a header needs beside its text: margins and the sort arrow
HEADER_PADDING = 26
#: room a cell needs beside its text: margins, and an icon where the column has one
CELL_PADDING = 16
MIN_RESTORED_WIDTH, MAX_RESTORED_WIDTH = 24, 1200


def header_width(view: QTableView, column: int) -> int:
    """What the column's header text needs to be read whole."""
    text = str(view.model().headerData(column, Qt.Orientation.Horizontal) or "")
    return view.horizontalHeader().fontMetrics().horizontalAdvance(text) + HEADER_PADDING


def fit_width(view: QTableView, column: int, samples: Iterable[str] = (), icon: bool = False,
              max_chars: int | None = None) -> int:
    """The wider of the header and the longest of ``samples`` (the column's vocabulary); no
    wider than ``max_chars`` Chinese characters for the samples (a long English word elides)."""
    metrics = view.fontMetrics()
    extra = CELL_PADDING + (22 if icon else 0)
    cells = [metrics.horizontalAdvance(s) + extra for s in samples]
    if max_chars is not None and cells:
        cells = [min(max(cells), metrics.horizontalAdvance("中") * max_chars + extra)]
    return max([header_width(view, column), *cells])


def lay_out(view: QTableView, columns: tuple[str, ...], stretch: str, widths: dict[str, int],
            hidden: Iterable[str] = ()) -> None:
    """``stretch`` takes the remaining width; the others start at ``widths`` (never narrower
    than their header) and can be dragged; ``hidden`` start hidden."""
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    header.setMinimumSectionSize(min(header.minimumSectionSize(), 36))
    for column, key in enumerate(columns):
        if key == stretch:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            continue
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        view.setColumnWidth(column, max(widths.get(key, 0), header_width(view, column)))
    for key in hidden:
        header.setSectionHidden(columns.index(key), True)
    _offer_column_menu(view, columns, stretch)


def _offer_column_menu(view: QTableView, columns: tuple[str, ...], stretch: str) -> None:
    """Right-click on the header: tick the columns to show (the descriptive one always shows)."""
    header = view.horizontalHeader()
    header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def show_menu(position) -> None:
        menu = QMenu(header)
        for column, key in enumerate(columns):
            if key == stretch:
                continue
            action = menu.addAction(str(view.model().headerData(column, Qt.Orientation.Horizontal) or key))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.toggled.connect(lambda on, c=column: header.setSectionHidden(c, not on))
        menu.exec(header.mapToGlobal(position))
    header.customContextMenuRequested.connect(show_menu)


def save_state(view: QTableView, columns: tuple[str, ...]) -> str:
    """The header's state, tagged with the column names it was saved for."""
    blob = bytes(view.horizontalHeader().saveState().toBase64()).decode("ascii")
    return ",".join(columns) + ";" + blob


def restore_state(view: QTableView, columns: tuple[str, ...], stretch: str, saved: object) -> bool:
    """Bring back the reviewer's widths and hidden columns if ``saved`` fits these columns;
    anything else (another version's columns, a hand-edited value) leaves the defaults."""
    if not isinstance(saved, str) or ";" not in saved:
        return False
    names, _, blob = saved.partition(";")
    if names != ",".join(columns):
        return False
    header = view.horizontalHeader()
    defaults = header.saveState()
    data = QByteArray.fromBase64(blob.encode("ascii", "ignore"))
    if data.isEmpty() or not header.restoreState(data) or header.count() != len(columns) \
            or header.isSectionHidden(columns.index(stretch)):
        header.restoreState(defaults)
        return False
    for column, key in enumerate(columns):  # the modes are ours, whatever the state said
        mode = QHeaderView.ResizeMode.Stretch if key == stretch else QHeaderView.ResizeMode.Interactive
        header.setSectionResizeMode(column, mode)
        if key != stretch:
            width = header.sectionSize(column)
            view.setColumnWidth(column, max(MIN_RESTORED_WIDTH, min(width, MAX_RESTORED_WIDTH)))
    header.setStretchLastSection(False)
    return True
