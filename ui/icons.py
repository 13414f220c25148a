"""Our own icons from resources/icons/, loaded once."""

from __future__ import annotations

from functools import cache, lru_cache

from reviewer import paths
from ui.qt import QColor, QIcon, QPainter, QPixmap, Qt


@cache
def icon(name: str) -> QIcon:
    return QIcon(str(paths.resource("icons", f"{name}.svg")))


def status_icon(status: str) -> QIcon:
    return icon(f"status-{status}" if status in ("confirmed", "corrected", "rejected") else "status-unreviewed")


def app_icon() -> QIcon:
    result = QIcon(str(paths.resource("icons", "app.svg")))
    result.addFile(str(paths.resource("icons", "app.png")))
    return result


@lru_cache(maxsize=256)
def tag_dots(colors: tuple[str, ...], size: int = 12) -> QPixmap:
    """A row of coloured dots, one per tag, for item views."""
    width = max(1, len(colors)) * (size + 2)
    pixmap = QPixmap(width, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for i, color in enumerate(colors):
        painter.setBrush(QColor(color))
        painter.setPen(QColor(color).darker(130))
        painter.drawEllipse(i * (size + 2) + 1, 1, size - 2, size - 2)
    painter.end()
    return pixmap
