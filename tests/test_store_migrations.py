"""Opening libraries: forward migration with a backup first, and every kind of bad file refused
with a clear message and left exactly as it was.

Most of these are about the file itself — the backup written beside it, SQLite's header and
integrity check, file permissions, a Chinese folder name — and so run on SQLite only.  A team
library has the same numbered migrations (``team_schema.migrate`` runs ``schema.MIGRATIONS``), run
by the database's owner: the tests at the end run those on PostgreSQL."""

from __future__ import annotations

import os
import sqlite3

import pytest

from reviewer.library import schema as store_schema
from reviewer.library.rows import now
from reviewer.library.store import Library
from reviewer.messages import ReviewerError
from tests.test_store_support import SMALL_TEXT, make_analysis


def fill_old_library(conn) -> None:
    """What an old release left in its library: its uuid and one document."""
    conn.execute("INSERT INTO library_info (key, value) VALUES ('library_uuid', 'old-lib')")
    conn.execute("INSERT INTO documents (uuid, path, sha256, metadata, text, analysis_text, imported_at)"
                 " VALUES ('d1', '/r.txt', 'abc', '{\"title\": \"旧库中的报告\"}', '正文', '正文', ?)", (now(),))


def make_v1_library(path) -> None:
    """A library as version 1 of the schema wrote it, with one document in it."""
    conn = sqlite3.connect(path)
    with conn:
        store_schema.migrate(conn, 1, now())
        fill_old_library(conn)
    conn.close()


def refused(path, code: str, **kwargs) -> ReviewerError:
    before = path.read_bytes() if path.is_file() else None
    with pytest.raises(ReviewerError) as err:
        Library(path, **kwargs)
    assert err.value.code == code
    assert err.value.message("zh") != err.value.message("en")
    if before is not None:
        assert path.read_bytes() == before, "a refused library must not be changed"
    return err.value


def test_an_older_library_is_backed_up_then_migrated(tmp_path):
    path = tmp_path / "lib.db"
    make_v1_library(path)
    with Library(path) as lib:
        assert lib.schema_version == store_schema.CURRENT_VERSION
        assert lib.conn.execute("SELECT COUNT(*) FROM merge_log").fetchone()[0] == 0
        assert [d.title for d in lib.list_documents()] == ["旧库中的报告"]
        backup = lib.backup_path
    assert backup is not None and backup.exists()
    assert backup.name.startswith("lib.bak-v1-") and backup.suffix == ".db"
    old = sqlite3.connect(backup)
    assert store_schema.current_version(old) == 1
    assert old.execute("SELECT uuid FROM documents").fetchall() == [("d1",)]
    old.close()
    with Library(path) as again:  # no second migration, no second backup
        assert again.backup_path is None
    assert len(list(tmp_path.glob("lib.bak-*"))) == 1


def test_a_library_from_a_newer_version_is_refused_unchanged(tmp_path):
    path = tmp_path / "lib.db"
    Library(path).close()
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("INSERT INTO schema_version (version, applied_at) VALUES (99, 'future')")
    conn.close()
    err = refused(path, "library_newer")
    assert "99" in err.message("en") and "newer" in err.message("en")


def test_a_file_that_is_not_sqlite_is_refused_unchanged(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("这不是数据库 " * 100, encoding="utf-8")
    refused(path, "library_not_sqlite")


def test_an_sqlite_file_that_is_not_a_library_is_refused_unchanged(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    conn.close()
    refused(path, "library_not_reviewer")


def test_a_damaged_library_is_refused_unchanged(tmp_path):
    path = tmp_path / "lib.db"
    with Library(path) as lib:
        for i in range(20):
            lib.import_analysis(make_analysis(SMALL_TEXT, path=f"/r{i}.txt", sha256=f"{i:064x}"))
    data = bytearray(path.read_bytes())
    assert len(data) > 40000
    for offset in range(8192, len(data) - 4096, 4096):  # scribble over every page's header
        data[offset:offset + 64] = b"\xa5" * 64
    path.write_bytes(bytes(data))
    refused(path, "library_damaged")


def test_a_truncated_library_is_refused(tmp_path):
    path = tmp_path / "lib.db"
    with Library(path) as lib:
        for i in range(10):
            lib.import_analysis(make_analysis(SMALL_TEXT, path=f"/r{i}.txt", sha256=f"{i:064x}"))
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    refused(path, "library_damaged")


def test_a_folder_given_as_library_is_refused(tmp_path):
    refused(tmp_path, "library_is_directory")


def test_a_library_in_a_missing_folder_is_refused(tmp_path):
    refused(tmp_path / "nope" / "lib.db", "library_folder_missing")
    assert not (tmp_path / "nope").exists()


def test_an_empty_file_becomes_a_new_library(tmp_path):
    path = tmp_path / "lib.db"
    path.write_bytes(b"")
    with Library(path) as lib:
        assert lib.schema_version == store_schema.CURRENT_VERSION


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores file permissions")
def test_a_read_only_file_is_opened_for_reading_only(tmp_path):
    path = tmp_path / "lib.db"
    with Library(path) as lib:
        doc = lib.import_analysis(make_analysis(SMALL_TEXT)).doc_uuid
    path.chmod(0o444)
    try:
        with Library(path) as lib:
            assert lib.read_only and lib.load_review(doc)
            with pytest.raises(ReviewerError) as err:
                lib.set_status("metadata", doc, "confirmed")
            assert err.value.code == "library_read_only"
    finally:
        path.chmod(0o644)


def test_a_read_only_library_that_needs_migration_is_refused(tmp_path):
    path = tmp_path / "lib.db"
    make_v1_library(path)
    refused(path, "library_read_only_old", read_only=True)


def test_migrations_are_numbered_without_gaps():
    assert sorted(store_schema.MIGRATIONS) == list(range(1, store_schema.CURRENT_VERSION + 1))


def test_a_failed_write_is_rolled_back_whole_with_a_clear_message(tmp_path, monkeypatch):
    with Library(tmp_path / "lib.db", reviewer="alice") as lib:
        doc = lib.import_analysis(make_analysis(SMALL_TEXT)).doc_uuid
        figure = lib.load_review(doc).figures[0]

        def disk_full(*args, **kwargs):
            raise sqlite3.OperationalError("database or disk is full")

        monkeypatch.setattr(lib, "_log", disk_full)
        with pytest.raises(ReviewerError) as err:
            lib.correct("figure", figure.review.uuid, "value", 1)
        assert err.value.code == "library_disk_full" and "not saved" in err.value.message("en")
        assert "damaged" not in err.value.message("en")
        monkeypatch.undo()
        # the correction row written before the failure was rolled back with the rest
        assert lib.conn.execute("SELECT COUNT(*) FROM corrections").fetchone()[0] == 0
        after = lib.load_review(doc).figures[0]
        assert after.figure.value == figure.figure.value and after.review.status == "unreviewed"
        lib.correct("figure", figure.review.uuid, "value", 1)  # and the library still works


def test_a_damaged_big_library_is_refused_on_opening_or_on_reading(tmp_path, monkeypatch):
    """Big libraries get a light check when opened; damage met later is still a clear error."""
    import reviewer.library.connection as store

    path = tmp_path / "lib.db"
    with Library(path) as lib:
        for i in range(20):
            lib.import_analysis(make_analysis(SMALL_TEXT, path=f"/r{i}.txt", sha256=f"{i:064x}"))
    data = bytearray(path.read_bytes())
    for offset in range(8192, len(data) - 4096, 4096):
        data[offset:offset + 64] = b"\xa5" * 64
    path.write_bytes(bytes(data))
    monkeypatch.setattr(store, "QUICK_CHECK_LIMIT", 0)
    with pytest.raises(ReviewerError) as err:
        with Library(path) as lib:
            for summary in lib.list_documents():
                lib.load_review(summary.doc_uuid)
    assert err.value.code == "library_damaged"


def test_check_integrity_reports_ok_on_a_sound_library(tmp_path):
    with Library(tmp_path / "lib.db") as lib:
        lib.import_analysis(make_analysis(SMALL_TEXT))
        assert lib.check_integrity() == "ok"


def test_a_library_the_user_cannot_write_is_opened_read_only(tmp_path, monkeypatch):
    """What a read-only file looks like to a user without root's privileges, simulated."""
    path = tmp_path / "lib.db"
    with Library(path) as lib:
        doc = lib.import_analysis(make_analysis(SMALL_TEXT)).doc_uuid
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if mode == os.W_OK and str(p) == str(path)
                        else real_access(p, mode))
    before = path.read_bytes()
    with Library(path) as lib:
        assert lib.read_only and lib.load_review(doc).figures
        with pytest.raises(ReviewerError) as err:
            lib.add_comment("metadata", doc, "x")
        assert err.value.code == "library_read_only" and "read-only" in err.value.message("en")
    assert path.read_bytes() == before


def test_a_library_in_a_folder_with_a_chinese_name_opens_read_write_and_read_only(tmp_path):
    folder = tmp_path / "审阅 库 #1"
    folder.mkdir()
    path = folder / "我的审阅库.db"
    with Library(path) as lib:
        doc = lib.import_analysis(make_analysis(SMALL_TEXT)).doc_uuid
    with Library(path, read_only=True) as lib:  # opened through an SQLite URI
        assert lib.load_review(doc).document.text == SMALL_TEXT


# ---------------------------------------------------------------------- the same on a team library
def make_old_team_library(pg_cluster, version: int) -> str:
    """A team database as an older release's ``team init`` left it, with one document in it."""
    from reviewer.library import team_schema
    from reviewer.library.pgsql import PgConnection

    name = pg_cluster.new_database()
    conn = PgConnection(pg_cluster.url(name))
    try:
        conn.raw.execute("BEGIN")
        team_schema.migrate(conn, version, now())
        fill_old_library(conn)
        conn.raw.execute("COMMIT")
    finally:
        conn.close()
    return name


@pytest.mark.parametrize("version", [1, store_schema.CURRENT_VERSION - 1])
def test_an_older_team_library_is_migrated_by_its_owner_once_with_its_documents(pg_cluster, version):
    name = make_old_team_library(pg_cluster, version)
    with Library(pg_cluster.url(name)) as lib:  # the owner opening it (what `team init` does again)
        assert lib.schema_version == store_schema.CURRENT_VERSION
        assert [d.title for d in lib.list_documents()] == ["旧库中的报告"]
        steps = lib.conn.execute("SELECT version FROM schema_version ORDER BY version").fetchall()
        assert [v for (v,) in steps] == list(range(1, store_schema.CURRENT_VERSION + 1))
        assert lib.backup_path is None  # a server's backups are its DBA's business
        history = lib.conn.execute("SELECT COUNT(*) FROM history").fetchone()[0]
    with Library(pg_cluster.url(name)) as again:  # no second migration
        assert again.conn.execute("SELECT COUNT(*) FROM schema_version").fetchone()[0] == len(steps)
        assert again.conn.execute("SELECT COUNT(*) FROM history").fetchone()[0] == history


def test_a_team_library_from_a_newer_version_is_refused_unchanged(team_db):
    from tests.conftest import team_url

    cluster, name = team_db
    cluster.admin_sql("INSERT INTO schema_version (version, applied_at) VALUES (99, 'future')", name)
    for user in ("alice", "boss"):
        with pytest.raises(ReviewerError) as err:
            Library(team_url(team_db, user))
        assert err.value.code == "library_newer" and "99" in err.value.message("en")
    import psycopg

    with psycopg.connect(cluster.url(name)) as conn:  # refused, not migrated nor downgraded
        assert conn.execute("SELECT MAX(version), COUNT(*) FROM schema_version").fetchone() == \
            (99, store_schema.CURRENT_VERSION + 1)
