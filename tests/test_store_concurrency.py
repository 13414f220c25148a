"""Two connections and two processes on one library, and a process killed in the middle of a
stream of edits: nothing acknowledged is lost, nothing is corrupted — on a SQLite file and on a
PostgreSQL team library alike (``backend_library``; on the server each reviewer is a login role)."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from reviewer.library.store import Library
from tests.test_store_support import SMALL_TEXT, make_analysis

ROOT = Path(__file__).resolve().parent.parent


def run_python(code: str, *args: str) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(code), *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)


@pytest.fixture
def target(tmp_path, backend_library):
    """Where user ``name`` opens the shared library: the file's path, or the team URL with the
    role's password (for a second process, which cannot be handed an open library)."""
    if backend_library.backend == "sqlite":
        return lambda name="alice": str(tmp_path / "lib.db")
    from tests.conftest import team_url

    db = backend_library.team_db()
    return lambda name="alice": team_url(db, name)


def is_file(target) -> bool:
    return not target().startswith("postgresql://")


@pytest.fixture
def library(target):
    with Library(target("alice"), reviewer="alice") as lib:
        doc = lib.import_analysis(make_analysis(SMALL_TEXT)).doc_uuid
        figures = [f.review.uuid for f in lib.load_review(doc).figures]
    return target, doc, figures


def integrity_ok(target) -> bool:
    """SQLite checks its file; a server keeps its own pages (``check_integrity`` asks it to answer)."""
    if is_file(target):
        conn = sqlite3.connect(target())
        try:
            return conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        finally:
            conn.close()
    with Library(target()) as lib:
        return lib.check_integrity() == "ok"


def test_two_open_libraries_on_one_file_see_each_others_edits(library):
    target, doc, figures = library
    with Library(target("alice"), reviewer="alice") as a, Library(target("bob"), reviewer="bob") as b:
        a.correct("figure", figures[0], "value", 11)
        b.correct("figure", figures[1], "value", 22)
        a.add_comment("figure", figures[1], "甲的批注")
        for lib in (a, b):
            review = lib.load_review(doc)
            values = {f.review.uuid: f.figure.value for f in review.figures}
            assert values[figures[0]] == 11 and values[figures[1]] == 22
            assert [c.reviewer for f in review.figures for c in f.review.comments] == ["alice"]


def test_a_second_process_waits_for_the_write_lock_and_then_works(library):
    """SQLite only: the file's single write lock (BEGIN IMMEDIATE, busy_timeout).  A server locks
    rows, not the library; its row-version refusals are tested in test_team.py."""
    target, doc, figures = library
    if not is_file(target):
        pytest.skip("SQLite's database-wide write lock; PostgreSQL locks rows")
    path = target()
    holder = run_python("""
        import sqlite3, sys, time
        conn = sqlite3.connect(sys.argv[1], isolation_level=None)
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("UPDATE documents SET reviewer = 'holder'")
        print("locked", flush=True)
        time.sleep(1.0)
        conn.execute("COMMIT")
        print("released", flush=True)
    """, str(path))
    assert holder.stdout.readline().strip() == "locked"
    with Library(path, reviewer="alice") as lib:
        started = time.perf_counter()
        lib.set_status("figure", figures[0], "confirmed")
        waited = time.perf_counter() - started
        assert lib.load_review(doc).figures[0].review.status == "confirmed"
    holder.wait(10)
    assert holder.returncode == 0
    assert waited > 0.3, "the edit should have waited for the other writer"


def test_two_processes_editing_at_once_lose_nothing(library):
    target, doc, figures = library
    worker = """
        import sys
        from reviewer.library.store import Library
        lib = Library(sys.argv[1], reviewer=sys.argv[2])
        doc = lib.list_documents()[0].doc_uuid
        figure = lib.load_review(doc).figures[int(sys.argv[3])].review.uuid
        for i in range(60):
            lib.add_comment("figure", figure, f"{sys.argv[2]} {i}")
        lib.close()
    """
    procs = [run_python(worker, target(name), name, str(index)) for name, index in (("alice", 0), ("bob", 1))]
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
    with Library(target()) as lib:
        review = lib.load_review(doc)
        bodies = [c.body for f in review.figures for c in f.review.comments]
        assert len(bodies) == 120 and len(set(bodies)) == 120
        assert {c.reviewer for f in review.figures for c in f.review.comments} == {"alice", "bob"}
    assert integrity_ok(target)


def test_every_acknowledged_edit_survives_a_kill_in_the_middle_of_a_stream(library):
    target, doc, figures = library
    writer = run_python("""
        import json, sys
        from reviewer.library.store import Library
        lib = Library(sys.argv[1], reviewer="crash")
        doc = lib.list_documents()[0].doc_uuid
        figures = [f.review.uuid for f in lib.load_review(doc).figures]
        i = 0
        while True:
            figure = figures[i % len(figures)]
            if i % 3 == 0:
                entry = lib.correct("figure", figure, "value", i)
            elif i % 3 == 1:
                entry = lib.set_status("figure", figure, ("confirmed", "rejected")[i % 2])
            else:
                lib.add_comment("figure", figure, f"comment {i}")
                entry = lib.history()[-1]
            print(json.dumps([entry.id, entry.action, i]), flush=True)
            i += 1
    """, target())
    acknowledged = []
    deadline = time.monotonic() + 60
    while len(acknowledged) < 150 and time.monotonic() < deadline:
        line = writer.stdout.readline()
        if not line:
            break
        acknowledged.append(json.loads(line))
    writer.kill()  # SIGKILL on POSIX, TerminateProcess on Windows: no chance to clean up
    writer.wait(10)
    assert len(acknowledged) >= 150, writer.stderr.read()
    assert integrity_ok(target)
    with Library(target()) as lib:
        history = {h.id: h for h in lib.history()}
        for entry_id, action, i in acknowledged:
            assert entry_id in history and history[entry_id].action == action
            if action == "correct":
                assert history[entry_id].new == i
        comments = {c[0] for c in lib.conn.execute("SELECT body FROM comments")}
        assert {f"comment {i}" for _, action, i in acknowledged if action == "comment"} <= comments
        corrections = {c[0] for c in lib.conn.execute("SELECT new_value FROM corrections")}
        assert {str(i) for _, action, i in acknowledged if action == "correct"} <= corrections
