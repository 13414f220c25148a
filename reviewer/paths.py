"""Where the application keeps its files: the user's data and cache directories and the
bundled ``resources/`` folder (found the same way from a checkout, an install or a frozen build).

``REVIEWER_DATA_DIR`` / ``REVIEWER_CACHE_DIR`` override the locations (tests and portable use).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import user_cache_dir, user_data_dir

APP_NAME = "ReportReviewer"


def data_dir() -> Path:
    path = Path(os.environ.get("REVIEWER_DATA_DIR") or user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def cache_dir() -> Path:
    path = Path(os.environ.get("REVIEWER_CACHE_DIR") or user_cache_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_library_path() -> Path:
    """The embedded SQLite library used when the user has not chosen another one."""
    return data_dir() / "library.db"


def log_path() -> Path:
    return data_dir() / "report-reviewer.log"


def resources_dir() -> Path:
    """The ``resources/`` folder: beside the packages in a checkout, in ``_MEIPASS`` when frozen."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    candidates = []
    if frozen_root:
        candidates.append(Path(frozen_root) / "resources")
    candidates.append(Path(__file__).resolve().parent.parent / "resources")
    candidates.append(Path(sys.prefix) / "share" / "report-reviewer" / "resources")
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return candidates[0]


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
