"""Item models adapting the core's dataclasses for Qt views (no storage or analysis here)."""

from ui.qt import Qt

#: the item's uuid (str)
ItemRole = Qt.ItemDataRole.UserRole + 1
#: the item's type ("section", "figure", …)
ItemTypeRole = Qt.ItemDataRole.UserRole + 2
#: review status code
StatusRole = Qt.ItemDataRole.UserRole + 3
#: a value to sort by (number, str, tuple)
SortRole = Qt.ItemDataRole.UserRole + 4
#: the item's span start in the text (code points)
StartRole = Qt.ItemDataRole.UserRole + 5
#: True when the item needs the reviewer's attention
AttentionRole = Qt.ItemDataRole.UserRole + 6
#: the underlying dataclass object
ObjectRole = Qt.ItemDataRole.UserRole + 7
