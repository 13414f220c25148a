"""Shared test set-up: headless Qt, private data/cache directories, the shared reports."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
# The team's shared data (reports, gold annotations, the scorer): beside the checkout, never in
# the repository (README, "Shared reports"); REVIEWER_SHARED_DIR points elsewhere.
SHARED = Path(os.environ.get("REVIEWER_SHARED_DIR") or ROOT.parent / "shared").resolve()
SHARED_REPORTS = SHARED / "reports"
SHARED_GOLD = SHARED / "gold"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True, scope="session")
def _private_dirs(tmp_path_factory):
    """Keep the user's real data and cache directories out of every test run."""
    base = tmp_path_factory.mktemp("appdirs")
    os.environ.setdefault("REVIEWER_DATA_DIR", str(base / "data"))
    os.environ.setdefault("REVIEWER_CACHE_DIR", str(base / "cache"))
    yield


def require_shared(*paths: Path) -> None:
    """Skip the test, saying what is missing and where it comes from, unless every path exists."""
    missing = [p for p in paths if not p.exists()]
    if missing:
        pytest.skip(f"needs the team's shared data, absent here: {', '.join(str(p) for p in missing)} "
                    f"(not in the repository; see README, 'Shared reports'; REVIEWER_SHARED_DIR sets the folder)")


@pytest.fixture
def shared_reports() -> list[Path]:
    """The five real reports beside the project; the test is skipped where they are absent."""
    require_shared(SHARED_REPORTS)
    return sorted(SHARED_REPORTS.glob("*.txt"))
