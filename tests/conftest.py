"""Shared test set-up: headless Qt, private data/cache directories, the shared reports."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
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


@pytest.fixture
def shared_reports() -> list[Path]:
    """The five real reports beside the project; the test is skipped where they are absent."""
    if not SHARED_REPORTS.is_dir():
        pytest.skip("../shared/reports is not present")
    return sorted(SHARED_REPORTS.glob("*.txt"))
