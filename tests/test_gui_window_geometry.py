"""Where the window opens (walk-through leftover 3): about 90 % of the screen and centred on the
first start, the reviewer's own geometry afterwards — unless the settings file holds something
off-screen, absurd or not a geometry at all, which is ignored."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from tests.test_gui import errors  # noqa: E402,F401
from ui import window_geometry  # noqa: E402
from ui.qt import QRect  # noqa: E402
from ui.workers import SyncPool  # noqa: E402

SCREEN = QRect(0, 0, 1920, 1040)  # a 1920×1080 screen less its task bar


@pytest.fixture
def open_window(qtbot, tmp_path, monkeypatch, errors):  # noqa: F811
    """A window as the application makes it: no size imposed by the test."""
    monkeypatch.setenv("REVIEWER_SETTINGS_DIR", str(tmp_path / "settings"))
    monkeypatch.setattr(window_geometry, "available_screens", lambda: [SCREEN])
    from ui import i18n
    from ui.main_window import MainWindow
    from ui.settings import Settings

    i18n.install("zh_CN")

    def make(**layout):
        settings = Settings()
        for key, value in layout.items():
            settings.set_layout_value(key, value)
        settings.sync()
        window = MainWindow(Settings(), pool=SyncPool(), library_path=str(tmp_path / "library.db"))
        qtbot.addWidget(window)
        return window
    return make


def test_first_start_opens_at_ninety_percent_of_the_screen_centred(open_window, qtbot):
    window = open_window()
    assert window.geometry() == QRect(96, 52, 1728, 936)
    window.show()
    qtbot.waitExposed(window)
    assert (window.width(), window.height()) == (1728, 936)


@pytest.mark.parametrize(("available", "expected"), [
    (QRect(0, 0, 1920, 1040), QRect(96, 52, 1728, 936)),
    (QRect(0, 0, 1366, 728), QRect(43, 4, 1280, 720)),  # 90 % would be under 1280×720
    (QRect(0, 0, 1280, 680), QRect(0, 0, 1280, 680)),  # the whole screen, never more
    (QRect(1920, 0, 2560, 1400), QRect(2048, 70, 2304, 1260)),  # a second screen's coordinates
])
def test_first_start_size_follows_the_screen(available, expected):
    assert window_geometry.first_start(available) == expected


def test_the_saved_geometry_is_restored(open_window, qtbot):
    window = open_window()
    window.setGeometry(QRect(120, 90, 1500, 880))
    window.save_layout()
    window.close()
    again = open_window()
    assert again.geometry() == QRect(120, 90, 1500, 880)


@pytest.mark.parametrize("saved", [
    "5000,4000,1500,880",  # on a screen that is not there any more
    "-1400,100,1500,880",  # mostly left of the screen
    "0,0,40000,30000",  # absurdly large
    "10,10,3000,900",  # larger than the screen
    "100,100,200,150",  # below the window's minimum size
    "99999999999,1,2,3",
    "1,2,3",
    "a,b,c,d",
    "",
    "12",
    ["x", "y"],
    b"\x01\xd9\xd0\xcb\x00\x03",  # an old Qt geometry blob is no rectangle
])
def test_a_hostile_saved_geometry_is_ignored(open_window, saved):
    window = open_window(window=saved, maximized="yes please", splitter="not a splitter state")
    assert window.geometry() == QRect(96, 52, 1728, 936)
    assert not window.isMaximized()


def test_a_garbage_splitter_state_is_ignored(open_window, qtbot):
    window = open_window(splitter=b"\x00\xff" * 20)
    window.show()
    qtbot.waitExposed(window)
    assert min(window.splitter.sizes()) > 0
