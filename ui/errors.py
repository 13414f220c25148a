"""Unexpected exceptions: logged to the data folder and shown politely; the application stays up."""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from logging.handlers import RotatingFileHandler

from reviewer import paths
from reviewer.messages import ReviewerError
from ui import i18n
from ui.qt import QApplication, QCoreApplication, QMessageBox, QTimer

log = logging.getLogger("report_reviewer")
_showing = False


def setup_logging() -> None:
    root = logging.getLogger()
    if any(isinstance(h, RotatingFileHandler) for h in root.handlers):
        return
    try:
        handler = RotatingFileHandler(paths.log_path(), maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        return
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def handle_exception(exc_type, exc, tb) -> None:
    """sys.excepthook: write the traceback to the log, tell the user in their language."""
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    text = "".join(traceback.format_exception(exc_type, exc, tb))
    log.error("unexpected exception:\n%s", text)
    if QApplication.instance() is None:
        sys.__excepthook__(exc_type, exc, tb)
        return
    if isinstance(exc, ReviewerError):
        message = exc.message(i18n.core_language())
    else:
        message = QCoreApplication.translate(
            "Errors", "Something went wrong: {0}\n\nYour review is safe: every change is saved as you make it. "
            "You can keep working. If this happens again, send the log file to your support contact:\n{1}"
        ).format(f"{exc_type.__name__}: {exc}", paths.log_path())
    QTimer.singleShot(0, lambda: _show(message))


def _show(message: str) -> None:
    global _showing
    if _showing:  # one dialog at a time, even if errors repeat
        return
    _showing = True
    try:
        QMessageBox.warning(QApplication.activeWindow(), QCoreApplication.translate("Errors", "Report Reviewer"),
                            message)
    finally:
        _showing = False


def _thread_hook(args) -> None:
    handle_exception(args.exc_type, args.exc_value, args.exc_traceback)


def install() -> None:
    setup_logging()
    sys.excepthook = handle_exception
    threading.excepthook = _thread_hook
