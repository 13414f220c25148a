"""Team library (issue 15): no lost updates on both backends, server-side permissions, clear
messages for a wrong password, a missing database, a stopped server; live changes; push and pull."""

from __future__ import annotations

import time

import psycopg
import pytest

from reviewer.cli.main import main as cli_main
from reviewer.library.pgsql import translate
from reviewer.library.store import Library, TeamLibrary
from reviewer.messages import ReviewerError
from tests.conftest import TEAM_PASSWORDS, team_url
from tests.test_store_support import SMALL_TEXT, make_analysis


def _history_count(lib) -> int:
    return len(lib.history())


# ---------------------------------------------------------------------- both backends
def test_an_edit_over_a_colleagues_newer_change_is_refused_and_changes_nothing(backend_library):
    alice, wang = backend_library("alice"), backend_library("王律师")
    doc = alice.import_analysis(make_analysis(SMALL_TEXT)).doc_uuid
    figure = alice.load_review(doc).figures[0].review.uuid
    wang.load_review(doc)
    wang.correct("figure", figure, "value", 7)
    before = _history_count(alice)
    with pytest.raises(ReviewerError) as err:
        alice.correct("figure", figure, "value", 8)
    assert err.value.code == "item_changed_by_other"
    assert err.value.message("zh").startswith("已被 王律师 于 ")
    assert " 修改" in err.value.message("zh")
    assert _history_count(alice) == before
    assert alice.load_review(doc).figures[0].figure.value == 7  # the reload shows the colleague's value
    alice.correct("figure", figure, "value", 8)  # ... and then the edit goes through
    assert alice.load_review(doc).figures[0].figure.value == 8


def test_an_explicit_expected_version_is_checked_too(backend_library):
    alice = backend_library("alice")
    doc = alice.import_analysis(make_analysis(SMALL_TEXT)).doc_uuid
    item = alice.load_review(doc).figures[1].review
    alice.set_status("figure", item.uuid, "confirmed", expected_version=item.version)
    with pytest.raises(ReviewerError) as err:
        alice.set_status("figure", item.uuid, "rejected", expected_version=item.version)
    assert err.value.code == "item_changed_by_other"


def test_undo_of_a_change_a_colleague_has_since_edited_is_refused(backend_library):
    alice, wang = backend_library("alice"), backend_library("王律师")
    doc = alice.import_analysis(make_analysis(SMALL_TEXT)).doc_uuid
    figure = alice.load_review(doc).figures[0].review.uuid
    mine = alice.correct("figure", figure, "label", "甲")
    wang.load_review(doc)
    wang.correct("figure", figure, "label", "乙")
    before = _history_count(alice)
    with pytest.raises(ReviewerError) as err:
        alice.undo(mine.id)
    assert err.value.code == "undo_changed_by_other"
    assert "王律师" in err.value.message("zh")
    assert _history_count(alice) == before
    assert alice.load_review(doc).figures[0].figure.label == "乙"


def test_a_colleague_sees_a_change_within_a_second(backend_library):
    alice, wang = backend_library("alice"), backend_library("王律师")
    doc = alice.import_analysis(make_analysis(SMALL_TEXT)).doc_uuid
    figure = alice.load_review(doc).figures[0].review.uuid
    with wang.watch() as feed:
        started = time.monotonic()
        alice.set_status("figure", figure, "confirmed")
        seen = []
        while not seen and time.monotonic() - started < 1.0:
            seen = feed.poll(0.2)
        assert time.monotonic() - started < 1.0
    assert [(c.action, c.item_uuid, c.reviewer) for c in seen] == [("status", figure, "alice")]


# ---------------------------------------------------------------------- PostgreSQL only
def test_the_translation_keeps_literals_and_spells_sqlite_only_statements():
    assert translate("SELECT 1 FROM t WHERE a = ? AND b LIKE '%?%' AND c IS ?") == \
        "SELECT 1 FROM t WHERE a = %s AND b ILIKE '%%?%%' AND c IS NOT DISTINCT FROM %s"
    assert translate("INSERT OR IGNORE INTO tags (uuid) VALUES (?)") == \
        "INSERT INTO tags (uuid) VALUES (%s) ON CONFLICT DO NOTHING"
    assert translate("SELECT instr(text, ?) FROM documents") == "SELECT strpos(text, %s) FROM documents"


def test_history_records_the_postgresql_user_not_a_typed_name(team_db):
    lib = Library(team_url(team_db, "bob"), reviewer="someone else")
    try:
        assert isinstance(lib, TeamLibrary) and lib.reviewer == "bob"
        lib.import_analysis(make_analysis(SMALL_TEXT))
        row = lib.conn.execute("SELECT reviewer, db_user FROM history").fetchone()
        assert row == ("bob", "bob")
    finally:
        lib.close()
    # a forged name in a raw insert still gets the real role stamped by the server
    with psycopg.connect(team_url(team_db, "bob"), autocommit=True) as raw:
        raw.execute("INSERT INTO history (uuid, at, reviewer, action, item_type, item_uuid, db_user)"
                    " VALUES ('x', 'now', 'alice', 'note', 'document', 'x', 'alice')")
        assert raw.execute("SELECT db_user FROM history WHERE uuid = 'x'").fetchone() == ("bob",)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            raw.execute("DELETE FROM history")  # history is append-only for reviewers
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            raw.execute("UPDATE history SET reviewer = 'alice'")


@pytest.mark.parametrize("statement", [
    "INSERT INTO tags (uuid, name) VALUES ('t', 'x')",
    "UPDATE figures SET status = 'confirmed'",
    "DELETE FROM comments",
    "UPDATE history SET undone = 1",
])
def test_the_supervisors_writes_are_refused_by_postgresql_itself(team_db, statement):
    with psycopg.connect(team_url(team_db, "boss"), autocommit=True) as raw:
        assert raw.execute("SELECT COUNT(*) FROM documents").fetchone() == (0,)  # may read
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            raw.execute(statement)


def test_the_supervisor_browses_and_exports_but_an_edit_is_a_clear_message(team_db, tmp_path):
    with Library(team_url(team_db, "alice")) as alice:
        doc = alice.import_analysis(make_analysis(SMALL_TEXT)).doc_uuid
        figure = alice.load_review(doc).figures[0].review.uuid
    with Library(team_url(team_db, "boss")) as boss:
        assert boss.read_only
        assert boss.load_review(doc).figures
        with pytest.raises(ReviewerError) as err:
            boss.set_status("figure", figure, "confirmed")
        assert err.value.code == "team_read_only" and "boss" in err.value.message()
        boss.read_only = False  # even past the program's own check, the server refuses
        with pytest.raises(ReviewerError) as err:
            boss.set_status("figure", figure, "confirmed")
        assert err.value.code == "team_permission_denied"
        assert boss.load_review(doc).figures[0].review.status == "unreviewed"
        from reviewer.export.workbook import export_workbook

        out = tmp_path / "boss.xlsx"
        export_workbook(boss, out)
        assert out.stat().st_size > 0


def test_a_wrong_password_and_a_missing_database_are_clear_messages(team_db):
    cluster, name = team_db
    with pytest.raises(ReviewerError) as err:
        Library(cluster.url(name, "alice", "wrong"))
    assert err.value.code == "team_bad_login"
    assert "wrong" not in err.value.message()  # the password is never shown
    with pytest.raises(ReviewerError) as err:
        Library(cluster.url("no_such_db", "postgres"))
    assert err.value.code == "team_no_database"
    with pytest.raises(ReviewerError) as err:
        Library(cluster.url("postgres", "postgres"))  # a database that is no team library
    assert err.value.code == "team_not_initialised"


def test_a_stopped_server_is_a_clear_message_and_acknowledged_edits_survive(team_db):
    cluster, _ = team_db
    lib = Library(team_url(team_db, "alice"))
    try:
        doc = lib.import_analysis(make_analysis(SMALL_TEXT)).doc_uuid
        figures = [f.review.uuid for f in lib.load_review(doc).figures]
        acknowledged = []
        for uuid in figures[:5]:
            lib.set_status("figure", uuid, "confirmed")
            acknowledged.append(uuid)
        cluster.stop("fast")
        try:
            with pytest.raises(ReviewerError) as err:
                lib.set_status("figure", figures[5], "confirmed")
            assert err.value.code in ("team_unreachable", "team_commit_unknown")
            with pytest.raises(ReviewerError) as err:  # still away: a message, not a traceback
                lib.set_status("figure", figures[5], "confirmed")
            assert err.value.code == "team_unreachable"
        finally:
            cluster.start()
        lib.set_status("figure", figures[5], "confirmed")  # reconnects by itself
        statuses = {f.review.uuid: f.review.status for f in lib.load_review(doc).figures}
        assert all(statuses[u] == "confirmed" for u in acknowledged + [figures[5]])
    finally:
        lib.close()


def test_team_init_prints_what_it_did_and_refuses_a_foreign_database(pg_cluster, capsys, monkeypatch):
    import io

    name = pg_cluster.new_database()
    monkeypatch.setattr("sys.stdin", io.StringIO("carol-pw\nsup-pw\n"))
    assert cli_main(["team", "init", "--db", pg_cluster.url(name), "--reviewer", "carol", "--supervisor", "sup"]) == 0
    out = capsys.readouterr().out
    assert "schema: created version" in out and "report_supervisors" in out and "login carol: created" in out
    assert "carol-pw" not in out
    assert cli_main(["team", "init", "--db", pg_cluster.url(name)]) == 0  # again: nothing broken
    assert "already at version" in capsys.readouterr().out
    other = pg_cluster.new_database()
    pg_cluster.admin_sql("CREATE TABLE invoices (id int)", other)
    assert cli_main(["team", "init", "--db", pg_cluster.url(other)]) == 1
    assert "invoices" in capsys.readouterr().err
    with Library(pg_cluster.url(name, "carol", "carol-pw")) as lib:
        assert not lib.read_only and lib.reviewer == "carol"


def test_push_is_idempotent_and_pull_makes_an_offline_copy(team_db, tmp_path, capsys):
    local = tmp_path / "local.db"
    with Library(local, reviewer="alice") as lib:
        doc = lib.import_analysis(make_analysis(SMALL_TEXT)).doc_uuid
        figure = lib.load_review(doc).figures[0].review.uuid
        lib.correct("figure", figure, "value", 99)
        lib.add_comment("figure", figure, "离线写的")
    url = team_url(team_db, "bob")
    assert cli_main(["team", "push", str(local), "--db", url]) == 0
    first = capsys.readouterr().out
    with Library(url) as team:
        review = team.load_review(doc)
        assert review.figures[0].figure.value == 99 and review.figures[0].review.comments[0].body == "离线写的"
        count = len(team.history())
    assert cli_main(["team", "push", str(local), "--db", url]) == 0
    capsys.readouterr()
    with Library(url) as team:
        assert len(team.history()) == count  # pushing again changes nothing
        team.load_review(doc)
        team.set_status("figure", figure, "confirmed")
    copy = tmp_path / "copy.db"
    assert cli_main(["team", "pull", str(copy), "--db", url]) == 0
    with Library(copy) as offline:
        review = offline.load_review(doc)
        assert review.figures[0].figure.value == 99 and review.figures[0].review.status == "confirmed"
    assert first


def test_team_login_keeps_the_password_in_a_private_pgpass_file(team_db, tmp_path, monkeypatch, capsys):
    import io
    import os

    cluster, name = team_db
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "pgpass"))
    monkeypatch.setattr("sys.stdin", io.StringIO("wrong\n"))
    assert cli_main(["team", "login", "--db", cluster.url(name, "alice")]) == 1
    assert not (tmp_path / "pgpass").exists()
    monkeypatch.setattr("sys.stdin", io.StringIO(TEAM_PASSWORDS["alice"] + "\n"))
    assert cli_main(["team", "login", "--db", cluster.url(name, "alice")]) == 0
    assert os.stat(tmp_path / "pgpass").st_mode & 0o077 == 0
    with Library(cluster.url(name, "alice")) as lib:  # no password in the URL: libpq reads pgpass
        assert lib.reviewer == "alice"


def test_make_url_keeps_the_password_out():
    from reviewer.library.pgsql import make_url

    assert make_url("db.office", 5432, "review2024", "王律师") == \
        "postgresql://%E7%8E%8B%E5%BE%8B%E5%B8%88@db.office/review2024"
    assert make_url("/run/pg", 5433, "r", "a") == "postgresql://a@:5433/r?host=%2Frun%2Fpg"


def test_the_settings_dialog_connects_to_a_team_library(qtbot, team_db, tmp_path, monkeypatch):
    from ui.dialogs import TeamLibraryDialog

    cluster, name = team_db
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "pgpass"))
    dialog = TeamLibraryDialog("")
    qtbot.addWidget(dialog)
    dialog.host.setText(str(cluster.root))
    dialog.database.setText(name)
    dialog.user.setText("bob")
    dialog.password.setText("wrong")
    dialog._try()
    assert not dialog.url and dialog.status.text()  # a clear message, nothing kept
    assert not (tmp_path / "pgpass").exists()
    dialog.password.setText(TEAM_PASSWORDS["bob"])
    dialog._try()
    assert dialog.url.startswith("postgresql://bob@") and TEAM_PASSWORDS["bob"] not in dialog.url
    with Library(dialog.url) as lib:  # the kept password opens it
        assert lib.reviewer == "bob"


def test_two_reviewers_adding_figures_at_once_get_distinct_numbers(team_db):
    import threading

    with Library(team_url(team_db, "alice")) as setup:
        doc = setup.import_analysis(make_analysis(SMALL_TEXT)).doc_uuid
    errors = []

    def add(user: str) -> None:
        try:
            with Library(team_url(team_db, user)) as lib:
                for n in range(10):
                    lib.add_figure(doc, 0, 2, n, "件", "count", f"{user}{n}")
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=add, args=(u,)) for u in ("alice", "bob")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    with Library(team_url(team_db, "alice")) as lib:
        ids = [f.figure.id for f in lib.load_review(doc).figures]
    assert len(ids) == len(set(ids))


def test_a_feed_catches_up_after_the_server_was_restarted(team_db):
    cluster, _ = team_db
    with Library(team_url(team_db, "alice")) as alice, Library(team_url(team_db, "王律师")) as wang:
        doc = alice.import_analysis(make_analysis(SMALL_TEXT)).doc_uuid
        figure = alice.load_review(doc).figures[0].review.uuid
        with wang.watch() as feed:
            feed.poll(0)
            cluster.stop("fast")
            cluster.start()
            alice.set_status("figure", figure, "confirmed")  # reconnects; the feed was away
            seen, started = [], time.monotonic()
            while not seen and time.monotonic() - started < 3:
                try:
                    seen = feed.poll(0.2)
                except ReviewerError:
                    time.sleep(0.1)
    assert [(c.action, c.item_uuid) for c in seen] == [("status", figure)]


def test_the_library_commands_work_on_a_team_library(team_db, tmp_path, capsys):
    from tests.test_store_support import write_report

    url = team_url(team_db, "bob")
    report = write_report(tmp_path, "甲区.txt", SMALL_TEXT)
    assert cli_main(["import", str(report), "--db", url]) == 0
    assert cli_main(["list", "--db", url]) == 0
    assert "甲区" in capsys.readouterr().out
    assert cli_main(["show", "1", "--db", url]) == 0
    assert cli_main(["reanalyse", "--db", url]) == 0
    assert cli_main(["export", "--xlsx", str(tmp_path / "out.xlsx"), "--db", url]) == 0
    assert (tmp_path / "out.xlsx").stat().st_size > 0
    assert cli_main(["team", "status", "--db", url]) == 0
    assert "bob" in capsys.readouterr().out
    boss = team_url(team_db, "boss")
    assert cli_main(["import", str(report), "--db", boss]) == 1  # read-only: a message, no traceback
    err = capsys.readouterr().err
    assert "boss" in err and "Traceback" not in err


def test_a_typed_reviewer_name_does_not_replace_the_login(team_db):
    with Library(team_url(team_db, "bob"), reviewer="alice") as lib:
        lib.reviewer = "alice"  # as the window's settings would
        assert lib.reviewer == "bob"
        lib.import_analysis(make_analysis(SMALL_TEXT))
        assert {h.reviewer for h in lib.history()} == {"bob"}


def test_team_init_migrates_an_older_team_library(pg_cluster):
    from reviewer.library import schema as store_schema
    from reviewer.library import team_schema
    from reviewer.library.pgsql import PgConnection
    from reviewer.library.rows import now
    from reviewer.library.team_admin import init_team

    name = pg_cluster.new_database()
    conn = PgConnection(pg_cluster.url(name))
    try:
        conn.raw.execute("BEGIN")
        team_schema.migrate(conn, store_schema.CURRENT_VERSION - 1, now())  # as an older release left it
        conn.raw.execute("COMMIT")
    finally:
        conn.close()
    done = init_team(pg_cluster.url(name), reviewers={"dora": "dora-pw"})
    assert done[0].startswith(f"schema: migrated version {store_schema.CURRENT_VERSION}")
    with Library(pg_cluster.url(name, "dora", "dora-pw")) as lib:
        assert lib.schema_version == store_schema.CURRENT_VERSION and not lib.read_only


def test_a_comment_edited_by_a_colleague_meanwhile_is_not_overwritten(backend_library):
    alice, wang = backend_library("alice"), backend_library("王律师")
    doc = alice.import_analysis(make_analysis(SMALL_TEXT)).doc_uuid
    figure = alice.load_review(doc).figures[0].review.uuid
    comment = alice.add_comment("figure", figure, "原文")
    alice.load_review(doc)
    wang.load_review(doc)
    wang.edit_comment(comment.uuid, "王律师改过")
    with pytest.raises(ReviewerError) as err:
        alice.edit_comment(comment.uuid, "我也改")
    assert err.value.message("zh").startswith("已被 王律师 于 ")
    assert alice.load_review(doc).figures[0].review.comments[0].body == "王律师改过"
    alice.edit_comment(comment.uuid, "我也改")  # after the reload
    other = wang.add_comment("figure", figure, "另一条")  # a colleague's other comment on the item ...
    mine = alice.add_comment("figure", figure, "我的")
    wang.load_review(doc)
    wang.edit_comment(other.uuid, "另一条改")
    alice.undo(alice.last_entry.id)  # ... does not block undoing mine
    assert mine.uuid not in {c.uuid for c in alice.load_review(doc).figures[0].review.comments}


def test_an_edit_costs_two_or_three_round_trips(team_db):
    """Round trips, not the server's work, are what an edit costs on a loaded machine (issue 15):
    BEGIN and the writes whose result nobody reads travel with the next statement, the history
    entry with the COMMIT."""
    with Library(team_url(team_db)) as lib:
        doc = lib.import_analysis(make_analysis(SMALL_TEXT)).doc_uuid
        figure = lib.load_review(doc).figures[0].review.uuid
        for edit, most in ((lambda: lib.set_status("figure", figure, "confirmed"), 2),
                           (lambda: lib.correct("figure", figure, "value", 7), 3),
                           (lambda: lib.set_verdict(lib.load_review(doc).checks[0].review.uuid, "confirmed", "核过"),
                            None)):
            before = lib.conn.round_trips
            edit()
            assert most is None or lib.conn.round_trips - before <= most
        review = lib.load_review(doc)
        assert review.figures[0].figure.value == 7 and review.figures[0].review.status == "corrected"
        assert [h.action for h in lib.history(item_uuid=figure)] == ["status", "correct"]


def test_a_held_back_write_the_server_refuses_rolls_the_edit_back_whole(team_db, monkeypatch):
    """A write sent later with the next statement still fails the edit it belongs to: nothing of
    it is saved, the error says so, and the next edit works."""
    with Library(team_url(team_db)) as lib:
        doc = lib.import_analysis(make_analysis(SMALL_TEXT)).doc_uuid
        figure = lib.load_review(doc).figures[0]
        version = lib.item_version("figure", figure.review.uuid)
        original = lib._set_status_row

        def bad_status_row(item_type, item_uuid, status, at):
            lib.conn.execute("UPDATE figures SET status = NULL WHERE uuid = ?", (item_uuid,))  # NOT NULL

        monkeypatch.setattr(lib, "_set_status_row", bad_status_row)
        with pytest.raises((ReviewerError, psycopg.Error)):
            lib.correct("figure", figure.review.uuid, "value", 1)
        monkeypatch.setattr(lib, "_set_status_row", original)
        assert lib.conn.execute("SELECT COUNT(*) FROM corrections").fetchone()[0] == 0
        assert lib.item_version("figure", figure.review.uuid) == version
        assert not [h for h in lib.history(item_uuid=figure.review.uuid)]
        lib.correct("figure", figure.review.uuid, "value", 1)
        assert lib.load_review(doc).figures[0].figure.value == 1
