"""The application's own icons: every SVG the GUI names exists and renders; the Windows .ico
carries the sizes Explorer and the taskbar ask for."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"


def test_every_icon_the_window_asks_for_exists_and_renders(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("REVIEWER_SETTINGS_DIR", str(tmp_path / "settings"))
    from ui import icons
    from ui.main_window import MainWindow
    from ui.settings import Settings
    from ui.workers import SyncPool

    asked = []
    real = icons.icon.__wrapped__
    monkeypatch.setattr(icons, "icon", lambda name: asked.append(name) or real(name))
    window = MainWindow(Settings(), pool=SyncPool(), library_path=str(tmp_path / "lib.db"))
    qtbot.addWidget(window)
    names = set(asked) | {f"status-{s}" for s in ("unreviewed", "confirmed", "corrected", "rejected")}
    assert {"import", "export", "confirm", "reject", "next-check", "undo", "library"} <= names
    for name in names:
        assert (ICONS / f"{name}.svg").exists(), name
        assert not real(name).pixmap(24, 24).isNull(), name
    window.close()


def test_windows_icon_holds_16_to_256_pixels():
    data = (ICONS / "app.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = {data[6 + 16 * i] or 256 for i in range(count)}
    assert {16, 32, 48, 256} <= sizes
