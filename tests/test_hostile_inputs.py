"""Hostile files given to the command line: each is refused with a clear message and exit code 1
(or, where the file is a fair report, opens), within a time limit and under 1 GB of memory,
and a refused input changes nothing in the library (row counts and content hash)."""

from __future__ import annotations

import gc
import hashlib
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import openpyxl
import pytest

from reviewer.export import sheet_writer
from reviewer.export.workbook import (
    STALE_AFTER_S,
    check_figure_rows,
    clean_stale_files,
    export_workbook,
    write_workbook,
)
from reviewer.library.connection import operational_error
from reviewer.library.store import Library
from reviewer.load import html_text
from reviewer.load.dispatch import load_document
from reviewer.messages import ReviewerError
from tests.hostile_files import EXPECT, html_300k_cells
from tests.hostile_support import fingerprint, run_cli
from tests.test_store_support import SMALL_TEXT, make_analysis


@pytest.fixture
def library(tmp_path) -> Path:
    db = tmp_path / "lib.db"
    with Library(db, reviewer="alice") as lib:
        doc = lib.import_analysis(make_analysis(SMALL_TEXT)).doc_uuid
        lib.add_comment("metadata", doc, "甲的批注")
    return db


def _file_state(path: Path) -> tuple[str, list[str]]:
    """A file's bytes and what lies beside it (a -wal, a .bak would show here)."""
    return hashlib.sha256(path.read_bytes()).hexdigest(), sorted(p.name for p in path.parent.iterdir())


@pytest.mark.parametrize("name", sorted(EXPECT))
def test_hostile_input_is_refused_clearly_or_opens(tmp_path, library, name):
    generator, outcome, words, limit = EXPECT[name]
    if os.name != "posix" and ("fifo" in name or "dev_zero" in name):
        pytest.skip("FIFOs and /dev/zero are POSIX")
    folder = tmp_path / "input"
    folder.mkdir()
    args = [a.replace("{db}", str(library)) for a in generator(folder)]
    foreign = Path(args[-1]) if args[0] == "list" and Path(args[-1]).is_file() else None
    before = fingerprint(library)
    foreign_before = _file_state(foreign) if foreign else None
    run = run_cli("--lang", "en", *args, timeout=limit * 2, lang="en")
    if outcome == "refused":
        run.assert_refused(limit, *words)
        assert fingerprint(library) == before
        if foreign:
            assert _file_state(foreign) == foreign_before  # no WAL switch, no backup beside it
    else:
        assert not run.timed_out and run.code == 0, (run.code, run.stderr[-800:])
        assert not run.traceback and run.seconds < limit and run.peak_kb < 1024 * 1024
        assert run.peak_kb > 0 or os.name != "posix"


def test_a_docx_list_counter_is_capped_and_labels_stay_short(tmp_path):
    EXPECT["docx_counter_bomb"][0](tmp_path)
    document = load_document(tmp_path / "counter.docx")
    longest = max(len(line) for line in document.text.splitlines())
    assert longest < 200
    assert "行政复议" in document.text


def test_docx_list_level_nine_reads_the_text(tmp_path):
    EXPECT["docx_level_nine"][0](tmp_path)
    assert "行政复议" in load_document(tmp_path / "level9.docx").text


def test_aes_pdf_with_only_an_owner_password_opens(tmp_path):
    EXPECT["pdf_aes_owner_only"][0](tmp_path)
    assert "Annual report line 3" in load_document(tmp_path / "aes.pdf").text


def test_text_file_starting_with_pdf_header_is_text(tmp_path):
    EXPECT["txt_starting_with_pdf"][0](tmp_path)
    document = load_document(tmp_path / "notes.txt")
    assert document.format == "txt" and document.text.startswith("%PDF-1.7")


def test_page_declaring_a_zlib_charset_is_read(tmp_path):
    EXPECT["html_zlib_charset"][0](tmp_path)
    assert "行政复议" in load_document(tmp_path / "zlib.html").text


def test_html_extraction_stops_at_the_element_limit(monkeypatch):
    monkeypatch.setattr(html_text, "MAX_ELEMENTS", 100)
    fed: list[str] = []
    original = html_text._TreeBuilder.handle_data
    monkeypatch.setattr(html_text._TreeBuilder, "handle_data", lambda self, data: (fed.append(data), original(self, data)))
    assert "格97" in html_text.html_to_text("<table><tr>" + "".join(f"<td>格{i}" for i in range(98)) + "</table>")
    fed.clear()
    with pytest.raises(ReviewerError) as info:
        html_text.html_to_text("<table><tr>" + "".join(f"<td>格{i}" for i in range(10_000)) + "</table>", "p.html")
    assert info.value.code == "html_too_many_elements" and "100 elements" in info.value.message("en")
    assert len(fed) <= 100  # the parser stopped there, not at the end of the page


def test_html_extraction_stops_at_the_text_limit():
    with pytest.raises(ReviewerError) as info:
        html_text.html_to_text("<p>" + "行政复议" * 100 + "</p><p>" + "x" * 10_000_000, "p.html", max_chars=300)
    assert info.value.code == "too_large"
    assert "行政复议" in html_text.html_to_text("<p>" + "行政复议" * 70 + "</p>", max_chars=300)


def test_a_page_of_300k_table_cells_is_read_fast_in_bounded_memory(tmp_path):
    html_300k_cells(tmp_path)
    code = ("import sys, time; from reviewer.load.dispatch import load_document; "
            "from tests.hostile_support import peak_rss_kb; t = time.perf_counter(); "
            "d = load_document(sys.argv[1]); print(len(d.text), time.perf_counter() - t, peak_rss_kb())")
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path / "cells.html")], capture_output=True,
                          text=True, timeout=120, cwd=str(Path(__file__).resolve().parent.parent))
    assert done.returncode == 0, done.stderr[-800:]
    chars, seconds, peak_kb = done.stdout.split()
    assert int(chars) > 2_000_000
    assert float(seconds) < 20 and int(peak_kb) < 512 * 1024, (seconds, peak_kb)


# ---------------------------------------------------------------------------------------------
# the library: full disk, foreign files, odd text


def test_a_full_disk_is_called_full_not_damaged(tmp_path):
    for text in ("database or disk is full", "disk I/O error"):
        error = operational_error(sqlite3.OperationalError(text), tmp_path / "lib.db")
        if text.startswith("disk I/O"):
            assert error.code in ("library_io_error", "library_disk_full")
        else:
            assert error.code == "library_disk_full"
        assert error.code != "library_damaged" and "Restore it from a backup" not in error.message("en")


def test_opening_on_a_full_disk_does_not_call_the_library_damaged(tmp_path, monkeypatch):
    db = tmp_path / "lib.db"
    Library(db).close()
    from reviewer.library import connection

    def full(self):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(connection.LibraryConnection, "_check_and_migrate", full)
    with pytest.raises(ReviewerError) as info:
        Library(db)
    assert info.value.code == "library_disk_full"


def test_our_libraries_carry_our_application_id_and_old_ones_get_it(tmp_path):
    from reviewer.library.identity import APPLICATION_ID

    db = tmp_path / "lib.db"
    Library(db).close()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    conn.execute("PRAGMA application_id = 0")  # a library from before the id
    conn.commit()
    conn.close()
    with Library(db) as lib:
        assert lib.conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


def test_a_library_with_another_application_id_is_refused_untouched(tmp_path):
    db = tmp_path / "lib.db"
    Library(db).close()
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("PRAGMA application_id = 1234")
    conn.commit()
    conn.close()
    before = _file_state(db)
    with pytest.raises(ReviewerError) as info:
        Library(db)
    assert info.value.code == "library_not_reviewer"
    assert _file_state(db) == before


def test_a_comment_with_a_lone_surrogate_is_refused_clearly(library):
    with Library(library) as lib:
        doc = lib.list_documents()[0].doc_uuid
        with pytest.raises(ReviewerError) as info:
            lib.add_comment("metadata", doc, "坏\ud800字")
        assert info.value.code == "bad_text"


def test_a_very_long_search_is_refused_clearly(library):
    with Library(library) as lib, pytest.raises(ReviewerError) as info:
        lib.search("查" * 100_000)
    assert info.value.code == "search_too_long"


def test_a_reviewer_name_with_control_characters_cannot_break_exports(tmp_path, library):
    with Library(library, reviewer="bob\x07\x1b[31m") as lib:
        assert lib.reviewer == "bob[31m"
        out = export_workbook(lib, tmp_path / "out.xlsx")
    assert openpyxl.load_workbook(out, read_only=True).properties.creator == "bob[31m"


def test_show_strips_control_characters_of_merged_reviewer_names(library):
    conn = sqlite3.connect(library)
    conn.execute("UPDATE comments SET reviewer = 'eve' || char(7) || char(27) || '[2J'")
    conn.commit()
    conn.close()
    run = run_cli("show", "1", "--db", str(library))
    assert run.code == 0 and "eve[2J" in run.stdout
    assert "\x07" not in run.stdout and "\x1b" not in run.stdout


# ---------------------------------------------------------------------------------------------
# export


def test_more_figures_than_excel_rows_is_refused_at_once_with_the_reason(tmp_path, library, monkeypatch):
    monkeypatch.setattr(sheet_writer, "EXCEL_MAX_ROWS", 3)
    loaded: list[str] = []
    monkeypatch.setattr(Library, "load_review", lambda self, doc_uuid: loaded.append(doc_uuid))
    started = time.perf_counter()
    with Library(library) as lib, pytest.raises(ReviewerError) as info:
        export_workbook(lib, tmp_path / "out.xlsx")
    assert info.value.code == "export_too_many_figures"
    assert "figures" in info.value.message("en") and time.perf_counter() - started < 5
    assert loaded == []  # counted by the library, refused before a single report was loaded
    assert not (tmp_path / "out.xlsx").exists()


def test_the_row_limit_counts_every_report_exported_and_names_the_biggest(tmp_path, library, monkeypatch):
    with Library(library) as lib:
        first = lib.list_documents()[0].doc_uuid
        second = lib.import_analysis(make_analysis(SMALL_TEXT + "\n另有7件和8件。", path="/r/乙县.txt")).doc_uuid
        counts = lib.figure_counts()
        assert counts == {d: len(lib.load_review(d).figures) for d in (first, second)}
        monkeypatch.setattr(sheet_writer, "EXCEL_MAX_ROWS", max(counts.values()) + 1)
        check_figure_rows(lib, [second])  # one report fits
        with pytest.raises(ReviewerError) as info:
            export_workbook(lib, tmp_path / "both.xlsx")
    assert info.value.params["count"] == f"{sum(counts.values()):,}"
    assert info.value.params["one"] == f"{counts[second]:,}" and counts[second] > counts[first]


def test_stale_export_leftovers_are_removed_on_the_next_export(tmp_path, monkeypatch):
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(temp))
    old = time.time() - STALE_AFTER_S - 10
    stale = [tmp_path / ".~report-abc.xlsx.tmp", temp / "reviewer-rows-abc.xml"]
    fresh = tmp_path / ".~report-new.xlsx.tmp"  # an export running now
    for path in [*stale, fresh]:
        path.write_bytes(b"x")
    for path in stale:
        os.utime(path, (old, old))
    clean_stale_files(tmp_path)
    assert not any(p.exists() for p in stale) and fresh.exists()


def test_a_save_that_fails_for_a_full_disk_prints_no_zipfile_traceback(tmp_path, library, monkeypatch):
    """The half-written ZipFile is collected quietly, not in ``__del__`` with a traceback."""
    import zipfile

    from openpyxl.writer import excel

    class FullDisk(zipfile.ZipFile):
        def __init__(self, file, *args, **kwargs):
            super().__init__(file, *args, **kwargs)
            self.fp.write = self._full  # every write from now on, the directory on close included

        @staticmethod
        def _full(data):
            raise OSError(28, "No space left on device")

    unraisable: list = []
    monkeypatch.setattr(excel, "ZipFile", FullDisk)
    monkeypatch.setattr(sys, "unraisablehook", unraisable.append)
    with Library(library) as lib:
        review = lib.load_review(lib.list_documents()[0].doc_uuid)
    with pytest.raises(ReviewerError) as info:
        write_workbook([review], tmp_path / "out.xlsx")
    code, message = info.value.code, info.value.message("en")
    del info  # the error and its traceback are gone, as after the command line prints it
    gc.collect()
    assert code == "export_failed" and "No space left" in message
    assert unraisable == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lib.db"]


def test_a_library_missing_a_table_is_refused_clearly_and_untouched(tmp_path):
    db = tmp_path / "lib.db"
    Library(db).close()
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("DROP TABLE comments")
    conn.commit()
    conn.close()
    before = _file_state(db)
    run = run_cli("list", "--db", str(db), lang="en")
    run.assert_refused(20, "comments")
    assert _file_state(db) == before


def test_moving_a_tag_under_a_stored_parent_loop_is_refused_not_hung(library):
    with Library(library) as lib:
        a, b, c = lib.create_tag("甲"), lib.create_tag("乙"), lib.create_tag("丙")
        lib.update_tag(b.uuid, parent=a.uuid)
        lib.conn.execute("UPDATE tags SET parent = ? WHERE uuid = ?", (b.uuid, a.uuid))  # a stored loop
        with pytest.raises(ReviewerError) as info:
            lib.update_tag(c.uuid, parent=a.uuid)
        assert info.value.code == "bad_tag_parent"


def test_a_stored_value_that_is_not_json_gives_a_clear_message(library):
    conn = sqlite3.connect(library)
    conn.execute("UPDATE documents SET metadata = '{broken'")
    conn.commit()
    conn.close()
    run = run_cli("list", "--db", str(library), lang="en")
    run.assert_refused(20, "cannot be read")
