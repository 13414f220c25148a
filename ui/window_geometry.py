"""Where the main window opens: a good size for the screen on the first start, the reviewer's own
size and place afterwards — read back from the settings file only when it still makes sense.

The settings file is hostile input (edited by hand, copied from another machine with other
screens, left by an older version): a saved rectangle is used only if it is made of sane
integers, is not larger than the screen it is on and lies mostly on a screen that exists now.
"""

from __future__ import annotations

from ui.qt import QGuiApplication, QRect

#: the smallest screen the window is laid out for (issue 11: 1280×720 must be readable)
TARGET_WIDTH, TARGET_HEIGHT = 1280, 720
FIRST_START_SHARE = 0.9
_LIMIT = 100_000  # no coordinate or size is this large on any desktop


def available_screens() -> list[QRect]:
    """Each screen's available geometry (without task bars), the primary screen first."""
    primary = QGuiApplication.primaryScreen()
    screens = [primary] if primary is not None else []
    screens += [s for s in QGuiApplication.screens() if s is not primary]
    return [s.availableGeometry() for s in screens]


def first_start(available: QRect | None) -> QRect:
    """About 90 % of the screen, at least 1280×720 where the screen has room for it, centred."""
    if available is None or available.isEmpty():
        return QRect(0, 0, TARGET_WIDTH, TARGET_HEIGHT)
    width = min(available.width(), max(round(available.width() * FIRST_START_SHARE), TARGET_WIDTH))
    height = min(available.height(), max(round(available.height() * FIRST_START_SHARE), TARGET_HEIGHT))
    rect = QRect(0, 0, width, height)
    rect.moveCenter(available.center())
    return rect


def encode(rect: QRect) -> str:
    return f"{rect.x()},{rect.y()},{rect.width()},{rect.height()}"


def decode(value: object) -> QRect | None:
    """``"x,y,w,h"`` (a list when the file was edited without quotes) as a rectangle, else None."""
    if isinstance(value, (list, tuple)):
        value = ",".join(str(v) for v in value)
    if not isinstance(value, str):
        return None
    parts = value.split(",")
    if len(parts) != 4:
        return None
    try:
        x, y, w, h = (int(p.strip()) for p in parts)
    except ValueError:
        return None
    if any(abs(n) > _LIMIT for n in (x, y, w, h)) or w <= 0 or h <= 0:
        return None
    return QRect(x, y, w, h)


def fits(rect: QRect, screens: list[QRect], minimum: tuple[int, int] = (0, 0)) -> bool:
    """At least its ``minimum`` size, and at least 60 % of it on one screen whose available area
    it does not exceed: a window saved on a screen since unplugged, or grown past the screen,
    opens at the first-start size instead."""
    if rect.width() < minimum[0] or rect.height() < minimum[1]:
        return False
    area = rect.width() * rect.height()
    for screen in screens:
        if rect.width() > screen.width() or rect.height() > screen.height():
            continue
        common = rect.intersected(screen)
        if not common.isEmpty() and common.width() * common.height() >= 0.6 * area:
            return True
    return False


def flag(value: object) -> bool:
    """A saved yes/no as the ini file spells it."""
    return value is True or (isinstance(value, str) and value.strip().lower() in ("true", "1"))
