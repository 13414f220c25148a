"""Hostile-input benchmark: every generated hostile input through the real command line.

    .venv/bin/python tests/bench/bench_hostile.py

For each input of ``tests/hostile_files.EXPECT`` (bombs built small on disk) and each poisoned
library of ``tests/test_merge_hostile`` it prints the wall time, the child's peak RSS, the
outcome (refused with a message / opened / traceback / hang) and whether the library changed,
then the summary the issue asks for: inputs tried, clear refusals, tracebacks, hangs, the
highest peak memory, libraries changed by a refused input.
"""

from __future__ import annotations

import shutil
import sqlite3
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from reviewer.library.store import Library  # noqa: E402
from tests import test_merge_hostile as merge_cases  # noqa: E402
from tests.hostile_files import BENCH_ONLY, EXPECT  # noqa: E402
from tests.hostile_support import Run, fingerprint, run_cli  # noqa: E402
from tests.test_store_support import SMALL_TEXT, make_analysis  # noqa: E402


def _library(folder: Path) -> Path:
    db = folder / "lib.db"
    with Library(db, reviewer="alice") as lib:
        doc = lib.import_analysis(make_analysis(SMALL_TEXT)).doc_uuid
        lib.add_comment("metadata", doc, "甲的批注")
    return db


def _poisoned_libraries(folder: Path) -> dict[str, tuple[Path, Path]]:
    """(ours, theirs) per poisoned row of ``test_merge_hostile.BAD_ROWS`` and the injection."""
    cases: dict[str, tuple[Path, Path]] = {}
    names = [*sorted(merge_cases.BAD_ROWS), "injection", "missing_table", "item_moved", "endless_view",
             "oversized_report"]
    for name in names:
        place = folder / f"merge-{name}"
        place.mkdir()
        ours, theirs = place / "ours.db", place / "theirs.db"
        with Library(ours, reviewer="alice") as lib:
            doc = lib.import_analysis(make_analysis(SMALL_TEXT)).doc_uuid
            review = lib.load_review(doc)
            lib.add_comment("section", review.sections[0].review.uuid, "甲的批注")
        shutil.copy(ours, theirs)
        with Library(theirs, reviewer="bob") as lib:
            lib.import_analysis(make_analysis(merge_cases.OTHER_TEXT, path="/reports/乙县.txt"))
        if name == "injection":
            merge_cases._their_new_comment(theirs, doc)
            merge_cases._rebuild_comments(theirs, [*merge_cases.BASE_COMMENT_COLUMNS, merge_cases.INJECTION],
                                          [*merge_cases.BASE_COMMENT_COLUMNS, "deleted"])
        elif name == "missing_table":
            merge_cases._sql(theirs, "DROP TABLE tag_links")
        elif name == "item_moved":
            merge_cases._sql(theirs, "UPDATE figures SET doc_uuid = ?, user_added = 1 WHERE uuid = (SELECT uuid FROM"
                                     " figures WHERE doc_uuid = ? ORDER BY ordinal LIMIT 1)",
                             params=(merge_cases._other_doc(theirs), doc))
        elif name == "endless_view":
            merge_cases._sql(theirs, "ALTER TABLE comments RENAME TO old_comments",
                             "CREATE VIEW comments AS WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r)"
                             " SELECT 'u' || n AS uuid, NULL AS doc_uuid, 'section' AS item_type, 'x' AS item_uuid,"
                             " 'b' AS body, 'r' AS reviewer, 't' AS created_at, NULL AS updated_at, 0 AS deleted FROM r")
        elif name == "oversized_report":
            from reviewer.load.dispatch import MAX_TEXT_CHARS

            padding = "x" * MAX_TEXT_CHARS
            merge_cases._sql(theirs, "UPDATE documents SET text = text || ?, analysis_text = analysis_text || ?"
                                     " WHERE uuid = ?", params=(padding, padding, merge_cases._other_doc(theirs)))
        else:
            statement, _ = merge_cases.BAD_ROWS[name]
            merge_cases._sql(theirs, statement, params=(merge_cases._other_doc(theirs),))
        cases[name] = (ours, theirs)
    return cases


def _outcome(run: Run, expected: str) -> str:
    if run.timed_out:
        return "HANG"
    if run.traceback or run.generic:
        return "TRACEBACK"
    if run.code == 1 and run.message.strip():
        return "refused" if expected == "refused" else "REFUSED (expected to open)"
    if run.code == 0:
        return "opened" if expected == "opens" else "OPENED (expected a refusal)"
    return f"exit {run.code}"


def main() -> int:
    rows: list[tuple[str, Run, str, bool]] = []
    with tempfile.TemporaryDirectory(prefix="bench-hostile-") as tmp:
        base = Path(tmp)
        for name, (generator, expected, _words, limit) in [*sorted(EXPECT.items()), *BENCH_ONLY.items()]:
            folder = base / name
            folder.mkdir()
            db = _library(folder)
            args = [a.replace("{db}", str(db)) for a in generator(folder)]
            before = fingerprint(db)
            run = run_cli(*args, timeout=limit * 2)
            rows.append((name, run, _outcome(run, expected), expected == "refused" and fingerprint(db) != before))
        for name, (ours, theirs) in _poisoned_libraries(base).items():
            before = fingerprint(ours)
            run = run_cli("merge", str(theirs), "--db", str(ours), timeout=60)
            rows.append((f"merge:{name}", run, _outcome(run, "refused"), fingerprint(ours) != before))
    print(f"{'input':<34} {'time s':>7} {'peak MB':>8}  outcome / library changed")
    for name, run, outcome, changed in rows:
        print(f"{name:<34} {run.seconds:>7.2f} {run.peak_kb / 1024:>8.0f}  {outcome}{'  LIBRARY CHANGED' if changed else ''}")
    print()
    print(f"inputs tried: {len(rows)}")
    print(f"clear refusals: {sum(o == 'refused' for _, _, o, _ in rows)}; opened as fair reports: "
          f"{sum(o == 'opened' for _, _, o, _ in rows)}")
    print(f"tracebacks: {sum(o == 'TRACEBACK' for _, _, o, _ in rows)}; hangs: {sum(o == 'HANG' for _, _, o, _ in rows)}")
    print(f"peak memory: {max(r.peak_kb for _, r, _, _ in rows) / 1024:.0f} MB (highest of all inputs)")
    print(f"data changed by a refused input: {sum(c for _, _, _, c in rows)}")
    bad = [n for n, _, o, c in rows if o not in ("refused", "opened") or c]
    return 1 if bad else 0


if __name__ == "__main__":
    sqlite3.enable_callback_tracebacks(False)
    sys.exit(main())
