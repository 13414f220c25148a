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


# ---------------------------------------------------------------------- issue 15: team library
@pytest.fixture(scope="session")
def pg_cluster():
    """One throw-away PostgreSQL cluster for the session (tests/pg_cluster.py); skipped with the
    reason where no PostgreSQL is installed."""
    from tests.pg_cluster import SKIP_REASON, Cluster, find_bin

    if find_bin() is None:
        if os.environ.get("CI"):
            pytest.fail("CI must have PostgreSQL: " + SKIP_REASON)
        pytest.skip(SKIP_REASON)
    cluster = Cluster(fsync=False)
    yield cluster
    cluster.destroy()


TEAM_PASSWORDS = {"alice": "alice-pw", "bob": "bob-pw", "王律师": "wang-pw", "boss": "boss-pw"}


@pytest.fixture
def team_db(pg_cluster):
    """A fresh database made a team library by ``team init``: reviewers alice, bob and 王律师, the
    read-only supervisor boss.  Returns (cluster, database name)."""
    from reviewer.library.team_admin import init_team

    name = pg_cluster.new_database()
    reviewers = {k: v for k, v in TEAM_PASSWORDS.items() if k != "boss"}
    init_team(pg_cluster.url(name), reviewers=reviewers, supervisors={"boss": TEAM_PASSWORDS["boss"]})
    return pg_cluster, name


def team_url(team_db, user: str = "alice") -> str:
    cluster, name = team_db
    return cluster.url(name, user, TEAM_PASSWORDS[user])


@pytest.fixture(params=["sqlite", "postgresql"])
def backend_library(request, tmp_path):
    """A factory opening the test's library as ``user`` on each backend: a SQLite file, or a
    PostgreSQL team library (where the reviewer is the login role, so tests use role names)."""
    from reviewer.library.store import Library

    opened = []

    def open_library(user: str = "alice", read_only: bool = False):
        if request.param == "sqlite":
            lib = Library(tmp_path / "lib.db", reviewer=user, read_only=read_only)
        else:
            lib = Library(team_url(request.getfixturevalue("team_db"), user), read_only=read_only)
        opened.append(lib)
        return lib

    open_library.backend = request.param
    open_library.team_db = lambda: request.getfixturevalue("team_db")  # (cluster, name): for URLs
    yield open_library
    for lib in opened:
        lib.close()
