"""The user's preferences, kept in QSettings (the registry on Windows, an .ini elsewhere).

``REVIEWER_SETTINGS_DIR`` stores them as an .ini in that folder instead (tests, portable use), so
a test never reads or writes the user's real settings.
"""

from __future__ import annotations

import os
from pathlib import Path

from reviewer import paths
from ui.qt import QByteArray, QSettings

ORGANIZATION = "ReportReviewer"
APPLICATION = "ReportReviewer"
MAX_RECENT = 8


def qsettings() -> QSettings:
    folder = os.environ.get("REVIEWER_SETTINGS_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        return QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)


class Settings:
    """Typed access to the preferences; every getter has a sensible default."""

    def __init__(self, store: QSettings | None = None) -> None:
        self._s = store or qsettings()

    def sync(self) -> None:
        self._s.sync()

    # -- who and where
    @property
    def reviewer(self) -> str:
        return str(self._s.value("reviewer/name", "") or "")

    @reviewer.setter
    def reviewer(self, name: str) -> None:
        self._s.setValue("reviewer/name", name.strip())

    @property
    def language(self) -> str:
        """"zh_CN", "en" or "" (follow the system)."""
        return str(self._s.value("ui/language", "") or "")

    @language.setter
    def language(self, code: str) -> None:
        self._s.setValue("ui/language", code)

    @property
    def library_path(self) -> str:
        return str(self._s.value("library/path", "") or str(paths.default_library_path()))

    @library_path.setter
    def library_path(self, path: str) -> None:
        self._s.setValue("library/path", str(path))

    @property
    def font_size(self) -> int:
        try:
            return int(self._s.value("ui/font_size", 0) or 0)
        except (TypeError, ValueError):
            return 0

    @font_size.setter
    def font_size(self, size: int) -> None:
        self._s.setValue("ui/font_size", int(size))

    @property
    def recent_libraries(self) -> list[str]:
        value = self._s.value("library/recent", []) or []
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in value if v]

    def add_recent_library(self, path: str) -> None:
        recent = [p for p in self.recent_libraries if p != str(path)]
        recent.insert(0, str(path))
        self._s.setValue("library/recent", recent[:MAX_RECENT])

    @property
    def last_export_dir(self) -> str:
        return str(self._s.value("export/dir", "") or "")

    @last_export_dir.setter
    def last_export_dir(self, folder: str) -> None:
        self._s.setValue("export/dir", str(folder))

    # -- window layout (opaque blobs from Qt)
    def layout_value(self, key: str):
        return self._s.value(f"layout/{key}")

    def layout_bytes(self, key: str) -> QByteArray | None:
        """A saved Qt state blob, or None when the file holds anything else there (a hand-edited
        or foreign settings file must not reach ``restoreState`` as a string or a number)."""
        value = self.layout_value(key)
        if isinstance(value, (bytes, bytearray)):
            value = QByteArray(bytes(value))
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_layout_value(self, key: str, value) -> None:
        self._s.setValue(f"layout/{key}", value)
