"""A grey sentence in an empty list, saying why it is empty and what fills it.

An empty table beside a report reads as "broken" to a new reviewer; a hint says whether there is
nothing yet (no review work, no history for this item) or nothing found.
"""

from __future__ import annotations

from ui.qt import QAbstractItemView, QEvent, QLabel, QObject, QPalette, Qt


class EmptyHint(QLabel):
    """Shown over ``view``'s viewport while its model has no rows."""

    def __init__(self, view: QAbstractItemView, text: str) -> None:
        super().__init__(text, view.viewport())
        self.view = view
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.setContentsMargins(12, 24, 12, 12)
        view.viewport().installEventFilter(self)
        model = view.model()
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.layoutChanged):
            signal.connect(self.update_visibility)
        self.setGeometry(view.viewport().rect())
        self.update_visibility()

    def update_visibility(self, *_args) -> None:
        self.setVisible(self.view.model().rowCount() == 0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize:
            self.setGeometry(self.view.viewport().rect())
        return False
