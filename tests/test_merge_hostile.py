"""Merging a hostile library: no SQL identifier is taken from the file, every row is checked as
strictly as an import, and a refused merge changes nothing (row counts and content hash).

SQLite only: "changes nothing" is checked on the file's bytes (``fingerprint``), and the hostile
side is always a file anyway.  A team push runs the same validating merge (``merge_from``); its
both-backend tests are in test_merge.py."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from reviewer.library.store import Library
from reviewer.messages import ReviewerError
from tests.hostile_support import fingerprint, run_cli
from tests.test_store_support import SMALL_TEXT, make_analysis, report_text

OTHER_TEXT = report_text(sections=2, paragraphs=2, sentences=3, seed=99)


@pytest.fixture
def victim(tmp_path) -> tuple[Path, Path, str]:
    """Our library with one report and a comment, and a copy of it that will be made hostile."""
    ours, theirs = tmp_path / "ours.db", tmp_path / "theirs.db"
    with Library(ours, reviewer="alice") as lib:
        doc = lib.import_analysis(make_analysis(SMALL_TEXT)).doc_uuid
        review = lib.load_review(doc)
        lib.add_comment("section", review.sections[0].review.uuid, "甲的批注")
    shutil.copy(ours, theirs)
    with Library(theirs, reviewer="bob") as lib:
        lib.import_analysis(make_analysis(OTHER_TEXT, path="/reports/乙县.txt"))
    return ours, theirs, doc


def _sql(db: Path, *statements: str, params: tuple = ()) -> None:
    conn = sqlite3.connect(db)
    try:
        for statement in statements:
            conn.execute(statement, params if "?" in statement else ())
        conn.commit()
    finally:
        conn.close()


def _rebuild_comments(db: Path, columns: list[str], select: list[str]) -> None:
    """The comments table recreated with other column names (as an attacker's editor would)."""
    conn = sqlite3.connect(db)
    try:
        quoted = ", ".join('"' + c.replace('"', '""') + '"' for c in columns)
        conn.execute(f"CREATE TABLE c2 ({quoted})")
        conn.execute(f"INSERT INTO c2 SELECT {', '.join(select)} FROM comments")
        conn.execute("DROP TABLE comments")
        conn.execute("ALTER TABLE c2 RENAME TO comments")
        conn.commit()
    finally:
        conn.close()


BASE_COMMENT_COLUMNS = ["uuid", "doc_uuid", "item_type", "item_uuid", "body", "reviewer", "created_at",
                        "updated_at"]
# Closes the column list, turns the INSERT into an upsert over *our* comments, binds the 9 values.
INJECTION = ('deleted") SELECT uuid, doc_uuid, item_type, item_uuid, \'PWNED\', reviewer, created_at, updated_at,'
             " deleted FROM comments WHERE coalesce(?, ?, ?, ?, ?, ?, ?, ?, ?) IS NOT NULL OR 1"
             " ON CONFLICT(uuid) DO UPDATE SET body = excluded.body --")


def _their_new_comment(theirs: Path, doc: str) -> None:
    with Library(theirs, reviewer="bob") as lib:
        lib.add_comment("section", lib.load_review(doc).sections[1].review.uuid, "乙的批注")


def test_crafted_column_name_in_other_library_cannot_change_our_comments(victim):
    ours, theirs, doc = victim
    _their_new_comment(theirs, doc)
    _rebuild_comments(theirs, [*BASE_COMMENT_COLUMNS, INJECTION], [*BASE_COMMENT_COLUMNS, "deleted"])
    before = fingerprint(ours)
    with Library(ours) as lib, pytest.raises(ReviewerError) as info:
        lib.merge_from(theirs)
    assert info.value.code == "merge_missing_tables"
    assert fingerprint(ours) == before
    with Library(ours) as lib:
        bodies = [c.body for s in lib.load_review(doc).sections for c in s.review.comments]
    assert "PWNED" not in bodies and "甲的批注" in bodies


def test_unknown_columns_of_the_other_library_are_ignored_and_values_copied_as_data(victim):
    ours, theirs, doc = victim
    _their_new_comment(theirs, doc)
    _rebuild_comments(theirs, [*BASE_COMMENT_COLUMNS, "deleted", "row_version", INJECTION],
                      [*BASE_COMMENT_COLUMNS, "deleted", "row_version", "'x'"])
    with Library(ours) as lib:
        report = lib.merge_from(theirs)
        bodies = sorted(c.body for s in lib.load_review(doc).sections for c in s.review.comments)
    assert report.comments_added == 1
    assert bodies == ["乙的批注", "甲的批注"]


def _first_row(db: Path, table: str, where: str = "") -> str:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(f"SELECT uuid FROM {table} {where} ORDER BY rowid LIMIT 1").fetchone()[0]
    finally:
        conn.close()


def _other_doc(theirs: Path) -> str:
    return _first_row(theirs, "documents", "WHERE path = '/reports/乙县.txt'")


# Each: a way to poison one row of the other library, and a word the refusal must name.
BAD_ROWS = {
    "metadata_not_json": ("UPDATE documents SET metadata = '{broken' WHERE uuid = ?", "documents"),
    "figure_value_not_json": ("UPDATE figures SET value = 'not json' WHERE doc_uuid = ?", "figures"),
    "blob_title": ("UPDATE sections SET title = x'00ff' WHERE doc_uuid = ?", "sections"),
    "metadata_integer_title": ("UPDATE documents SET metadata = '{\"title\": 5}' WHERE uuid = ?", "documents"),
    "section_own_parent": ("UPDATE sections SET parent_id = local_id, \"end\" = start - 1 WHERE doc_uuid = ?",
                           "sections"),
    "span_outside_text": ("UPDATE figures SET \"end\" = 10000000 WHERE doc_uuid = ?", "figures"),
    "nan_figure_value": ("UPDATE figures SET value = 'NaN' WHERE doc_uuid = ?", "figures"),
    "blob_text": ("UPDATE documents SET text = CAST(text AS BLOB) WHERE uuid = ?", "documents"),
    "bad_status": ("UPDATE figures SET status = 'owned' WHERE doc_uuid = ?", "figures"),
    "control_in_reviewer": ("UPDATE documents SET reviewer = 'bob' || char(7) WHERE uuid = ?", "documents"),
}


@pytest.mark.parametrize("name", sorted(BAD_ROWS))
def test_merge_refuses_a_bad_row_naming_it_and_changes_nothing(victim, name):
    ours, theirs, _ = victim
    statement, table = BAD_ROWS[name]
    _sql(theirs, statement, params=(_other_doc(theirs),))
    before = fingerprint(ours)
    with Library(ours) as lib, pytest.raises(ReviewerError) as info:
        lib.merge_from(theirs)
    assert info.value.code == "merge_bad_row", info.value.message("en")
    assert table in info.value.message("en")
    assert fingerprint(ours) == before


def test_parent_loop_between_two_sections_is_refused(victim):
    ours, theirs, _ = victim
    doc = _other_doc(theirs)
    _sql(theirs, "UPDATE sections SET parent_id = CASE local_id WHEN 1 THEN 2 ELSE 1 END"
                 " WHERE doc_uuid = ? AND local_id IN (1, 2)", params=(doc,))
    with Library(ours) as lib, pytest.raises(ReviewerError) as info:
        lib.merge_from(theirs)
    assert "loop" in info.value.message("en")


def test_tag_parent_loop_is_refused(victim):
    ours, theirs, _ = victim
    with Library(theirs) as lib:
        a = lib.create_tag("甲")
        b = lib.create_tag("乙", parent=a.uuid)
    _sql(theirs, "UPDATE tags SET parent = ? WHERE uuid = ?", params=(b.uuid, a.uuid))
    with Library(ours) as lib, pytest.raises(ReviewerError) as info:
        lib.merge_from(theirs)
    assert info.value.code == "merge_bad_row" and "tags" in info.value.message("en")


def test_report_over_the_size_limit_cannot_arrive_by_merge(victim):
    from reviewer.load.dispatch import MAX_TEXT_CHARS

    ours, theirs, _ = victim
    _sql(theirs, "UPDATE documents SET text = text || ?, analysis_text = analysis_text || ? WHERE uuid = ?",
         params=("x" * MAX_TEXT_CHARS, "x" * MAX_TEXT_CHARS, _other_doc(theirs)))
    before = fingerprint(ours)
    run = run_cli("merge", str(theirs), "--db", str(ours), timeout=60)
    run.assert_refused(30, "documents")
    assert fingerprint(ours) == before


def test_missing_tables_get_a_clear_message(victim):
    ours, theirs, _ = victim
    _sql(theirs, "DROP TABLE tag_links")
    before = fingerprint(ours)
    run = run_cli("merge", str(theirs), "--db", str(ours), lang="en")
    run.assert_refused(20, "tag_links")
    assert fingerprint(ours) == before


def test_item_moved_to_another_report_in_the_other_library_is_refused_clearly(victim):
    ours, theirs, doc = victim
    other = _other_doc(theirs)
    _sql(theirs, "UPDATE figures SET doc_uuid = ?, user_added = 1 WHERE uuid = (SELECT uuid FROM figures"
                 " WHERE doc_uuid = ? ORDER BY ordinal LIMIT 1)", params=(other, doc))
    before = fingerprint(ours)
    run = run_cli("merge", str(theirs), "--db", str(ours), lang="en")
    run.assert_refused(20, "figures")
    assert fingerprint(ours) == before


def test_injected_merge_exits_1_with_a_clear_message_on_the_command_line(victim):
    ours, theirs, doc = victim
    _their_new_comment(theirs, doc)
    _rebuild_comments(theirs, [*BASE_COMMENT_COLUMNS, INJECTION], [*BASE_COMMENT_COLUMNS, "deleted"])
    before = fingerprint(ours)
    run = run_cli("merge", str(theirs), "--db", str(ours))
    run.assert_refused(20, "comments")
    assert fingerprint(ours) == before


def test_export_of_a_stored_section_loop_finishes(tmp_path):
    """Reading a stored library never loops: the parent walk stops at a visited node."""
    db = tmp_path / "lib.db"
    with Library(db) as lib:
        doc = lib.import_analysis(make_analysis(SMALL_TEXT)).doc_uuid
    _sql(db, "UPDATE sections SET parent_id = local_id, \"end\" = start - 1 WHERE doc_uuid = ?", params=(doc,))
    run = run_cli("export", "--xlsx", str(tmp_path / "out.xlsx"), "--db", str(db), timeout=60)
    assert run.code == 0 and not run.timed_out, run.stderr[-500:]
    assert json.loads(json.dumps(run.code)) == 0


# ---------------------------------------------------------------------------------------------
# fuzzing: random rows and types in the other library, merged into a copy of a real one

from hypothesis import HealthCheck, event, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from reviewer.export.workbook import export_workbook  # noqa: E402
from reviewer.library.incoming import our_columns  # noqa: E402
from reviewer.paths import resource  # noqa: E402

FUZZ_TABLES = ("documents", "sections", "figures", "citations", "checks", "annotations", "tags", "tag_links",
               "corrections", "comments", "history")
VALUES = st.one_of(
    st.none(), st.integers(min_value=-(2**63), max_value=2**63 - 1), st.floats(allow_nan=True),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30), st.binary(max_size=20),
    st.sampled_from(["{}", "[]", "[1, 2]", '{"title": 3}', "null", "NaN", "1e-05", "unreviewed", "confirmed",
                     "figure", "section", "metadata", "value", "#FFFFFF", "-1", "999999999"]))
MUTATION = st.tuples(st.sampled_from(FUZZ_TABLES), st.integers(min_value=0, max_value=50), st.data())


@pytest.fixture(scope="module")
def fuzz_bases(tmp_path_factory):
    """A real library (the bundled sample report, analysed) and another reviewer's library."""
    folder = tmp_path_factory.mktemp("fuzz")
    real, other = folder / "real.db", folder / "other.db"
    with Library(real, reviewer="alice") as lib:
        lib.import_file(resource("samples", "sample_fazhi_2023.txt"))
    shutil.copy(real, other)
    with Library(other, reviewer="bob") as lib:
        doc = lib.import_analysis(make_analysis(OTHER_TEXT, path="/reports/乙县.txt")).doc_uuid
        review = lib.load_review(doc)
        tag = lib.create_tag("抽查")
        lib.tag_item("figure", review.figures[0].review.uuid, tag.uuid)
        lib.correct("figure", review.figures[1].review.uuid, "value", 7)
        lib.add_comment("section", review.sections[0].review.uuid, "乙")
        lib.add_annotation(doc, 2, 6, "注")
        lib.set_status("figure", review.figures[2].review.uuid, "confirmed")
    return real, other


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(mutations=st.lists(MUTATION, min_size=1, max_size=4))
def test_fuzzed_library_merges_cleanly_or_is_refused_and_the_library_still_works(tmp_path_factory, fuzz_bases,
                                                                                   mutations):
    real, other = fuzz_bases
    folder = tmp_path_factory.mktemp("case")
    ours, theirs = folder / "ours.db", folder / "theirs.db"
    shutil.copy(real, ours)
    shutil.copy(other, theirs)
    conn = sqlite3.connect(theirs)
    for table, index, data in mutations:
        rowids = [r[0] for r in conn.execute(f"SELECT rowid FROM {table}")]
        if not rowids:
            continue
        column = data.draw(st.sampled_from(sorted(our_columns()[table])))
        if column == "id":
            continue
        value = data.draw(VALUES)
        try:
            conn.execute(f'UPDATE {table} SET "{column}" = ? WHERE rowid = ?', (value, rowids[index % len(rowids)]))
        except sqlite3.DatabaseError:
            continue  # a constraint of theirs refused it: no such library can exist
    conn.commit()
    conn.close()
    before = fingerprint(ours)
    with Library(ours) as lib:
        try:
            lib.merge_from(theirs)
        except ReviewerError as exc:
            event(f"refused: {exc.code}")
            assert fingerprint(ours) == before
            return
        event("merged")
        for summary in lib.list_documents():
            lib.load_review(summary.doc_uuid)
        export_workbook(lib, folder / "out.xlsx")


def test_a_view_in_place_of_a_table_is_refused_before_it_is_read(victim):
    """A view could yield rows without end (a recursive CTE): refused by its type, not read."""
    ours, theirs, _ = victim
    _sql(theirs, "ALTER TABLE comments RENAME TO old_comments",
         "CREATE VIEW comments AS WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r)"
         " SELECT 'u' || n AS uuid, NULL AS doc_uuid, 'section' AS item_type, 'x' AS item_uuid, 'b' AS body,"
         " 'r' AS reviewer, 't' AS created_at, NULL AS updated_at, 0 AS deleted FROM r")
    before = fingerprint(ours)
    run = run_cli("merge", str(theirs), "--db", str(ours), lang="en", timeout=30)
    run.assert_refused(20, "comments")
    assert fingerprint(ours) == before


def test_a_generated_column_is_refused_before_it_is_computed(victim):
    ours, theirs, _ = victim
    conn = sqlite3.connect(theirs)
    cols = ", ".join(f'"{c}"' for c in BASE_COMMENT_COLUMNS)
    conn.executescript(f"CREATE TABLE c2 ({cols}, deleted GENERATED ALWAYS AS (length(zeroblob(900000000))));"
                       f"INSERT INTO c2 ({cols}) SELECT {cols} FROM comments; DROP TABLE comments;"
                       "ALTER TABLE c2 RENAME TO comments;")
    conn.close()
    before = fingerprint(ours)
    run = run_cli("merge", str(theirs), "--db", str(ours), lang="en", timeout=30)
    run.assert_refused(20, "generated")
    assert fingerprint(ours) == before


def test_a_correction_whose_new_value_is_null_is_judged_not_crashed_on(victim):
    """Found by the merge fuzz test: a NULL new_value made validation raise TypeError (a
    traceback) instead of judging the row like any other value."""
    ours, theirs, doc = victim
    conn = sqlite3.connect(theirs)
    try:
        item = conn.execute("SELECT uuid FROM figures WHERE doc_uuid = ? LIMIT 1", (doc,)).fetchone()[0]
        conn.execute("INSERT INTO corrections (uuid, doc_uuid, item_type, item_uuid, field, old_value, new_value,"
                     " supersedes, reviewer, at) VALUES ('c-null', ?, 'figure', ?, 'unit', '\"件\"', NULL, '[]',"
                     " '乙', '2024-01-01T00:00:00Z')", (doc, item))
        conn.commit()
    finally:
        conn.close()
    with Library(ours) as lib:
        lib.merge_from(theirs)  # a NULL unit is a valid correction (the unit removed): merged, no crash
        assert lib.load_review(doc) is not None


def test_a_figure_whose_value_is_null_is_judged_not_crashed_on(victim):
    """Found by the merge fuzz test: a NULL figure value made validation raise TypeError (a
    traceback) instead of judging the row; the store reads it as no value."""
    ours, theirs, doc = victim
    _sql(theirs, "UPDATE figures SET value = NULL WHERE uuid = (SELECT uuid FROM figures LIMIT 1)")
    with Library(ours) as lib:
        lib.merge_from(theirs)  # no crash: merged (a figure without a value) or refused with a message
