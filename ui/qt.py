"""The one place the GUI imports Qt from (as Anki's ``aqt.qt``): a PySide6 upgrade or a switch of
binding touches this module only.  ``from ui.qt import *`` is the intended use."""

# ruff: noqa: F401, E402  (a re-export module; the binding is patched before anything loads)
from __future__ import annotations

import sys


def _pin_singletons() -> None:
    """Work around a reference-count bug of PySide6 6.12 on Python < 3.12.

    Calls of Python overrides of C++ virtuals release references to the shared singletons they
    return or stand for — ``None`` for void virtuals (``QUndoCommand.redo``,
    ``QWidget.resizeEvent`` …), ``True``/``False`` for bool ones (``viewportEvent``,
    ``filterAcceptsRow``) — that they never took.  From 3.12 on these objects are immortal and
    nothing happens; on 3.11 their counts (about 5,000 for ``None`` at start) run down as the
    reviewer works, and the process dies with "Fatal Python error: none_dealloc" (measured here:
    a short scripted session of the main window took 15,000 references from ``None``; 8,000
    undo/redo steps crash a bare script half-way).  A billion extra references makes that
    unreachable; these objects are never freed anyway.  Small cached ints get the same.
    """
    if sys.version_info >= (3, 12) or hasattr(sys, "pypy_version_info"):
        return
    import ctypes

    for obj in (None, True, False, "", *range(-5, 257)):
        count = ctypes.c_ssize_t.from_address(id(obj))  # ob_refcnt: the first field of PyObject
        if count.value < 1 << 30:
            count.value += 1 << 30


_pin_singletons()

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QByteArray,
    QCollator,
    QCoreApplication,
    QElapsedTimer,
    QEvent,
    QEventLoop,
    QItemSelection,
    QItemSelectionModel,
    QLibraryInfo,
    QLocale,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QRunnable,
    QSettings,
    QSize,
    QSortFilterProxyModel,
    Qt,
    QThreadPool,
    QTimer,
    QTranslator,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QBrush,
    QCloseEvent,
    QColor,
    QContextMenuEvent,
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QIcon,
    QImage,
    QKeySequence,
    QPainter,
    QPalette,
    QPixmap,
    QShortcut,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QUndoCommand,
    QUndoGroup,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPlainTextDocumentLayout,
    QPlainTextEdit,
    QProgressBar,
    QProgressDialog,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QStatusBar,
    QStyle,
    QStyledItemDelegate,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QTextEdit,
    QToolBar,
    QToolButton,
    QToolTip,
    QTreeView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

__all__ = [name for name in dir() if name.startswith("Q") or name in ("Qt", "Signal", "Slot")]
