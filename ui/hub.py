"""The application's signal hub (as Frescobaldi's ``app`` module): cross-cutting events are
announced here instead of widgets reaching into each other."""

from __future__ import annotations

from ui.qt import QObject, Signal


class Hub(QObject):
    #: the interface language changed ("zh_CN" or "en")
    languageChanged = Signal(str)
    #: settings were saved (font size, reviewer name …)
    settingsChanged = Signal()
    #: another library file was opened
    libraryChanged = Signal(str)
    #: the review of a document changed in the store (doc_uuid)
    documentChanged = Signal(str)


_hub: Hub | None = None


def hub() -> Hub:
    global _hub
    if _hub is None:
        _hub = Hub()
    return _hub
