"""Importing many reports with worker processes (``reviewer.library.batch``): the same results in
the same order as one by one, a Ctrl-C aimed at a worker ignored, a dead worker's files analysed
here, and ``--jobs`` on the command line."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import pytest

from reviewer.cli.main import main
from reviewer.library.batch import analysed_in_order
from reviewer.library.documents import ImportResult, analyse_for_import
from reviewer.library.store import Library
from reviewer.model import Analysis
from tests.test_store_support import report_text, write_report

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="signals to worker processes are POSIX")


def _folder(tmp_path: Path, count: int) -> list[Path]:
    folder = tmp_path / "reports"
    folder.mkdir()
    for i in range(count):
        write_report(folder, f"{i:03d}.txt", report_text(sections=2, paragraphs=2, sentences=3, seed=40 + i))
    (folder / "empty.txt").write_text("", encoding="utf-8")  # an error result among analyses
    return sorted(folder.iterdir())


def _summary(outcome: Analysis | ImportResult) -> tuple:
    if isinstance(outcome, ImportResult):
        return ("error", outcome.path, outcome.error)
    return (outcome.document.path, outcome.document.sha256, [(f.start, f.end, f.value) for f in outcome.figures],
            [c.id for c in outcome.checks])


def test_workers_give_the_same_outcomes_in_the_same_order_as_one_by_one(tmp_path):
    paths = _folder(tmp_path, 9)
    with analysed_in_order(paths, workers=2) as outcomes:
        pooled = [(p, _summary(o)) for p, o in outcomes]
    assert [p for p, _ in pooled] == paths
    assert [s for _, s in pooled] == [_summary(analyse_for_import(p)) for p in paths]
    assert pooled[-1][1][0] == "error"  # empty.txt (last) comes back as its error


@posix_only
def test_a_sigint_sent_to_the_workers_does_not_stop_them(tmp_path):
    """A terminal's Ctrl-C reaches every process of the group; the workers leave it to the parent."""
    paths = _folder(tmp_path, 12)
    with analysed_in_order(paths, workers=2) as outcomes:
        first = next(outcomes)
        pids = _worker_pids()
        assert pids
        for pid in pids:
            os.kill(pid, signal.SIGINT)
        try:
            rest = list(outcomes)
        except KeyboardInterrupt:  # a worker's KeyboardInterrupt comes back as its result
            pytest.fail("a worker was interrupted by SIGINT")
    got = [first, *rest]
    assert [p for p, _ in got] == paths
    assert [_summary(o) for _, o in got] == [_summary(analyse_for_import(p)) for p in paths]


@posix_only
def test_the_files_of_a_worker_that_died_are_analysed_here(tmp_path):
    paths = _folder(tmp_path, 12)
    with analysed_in_order(paths, workers=2) as outcomes:
        first = next(outcomes)
        for pid in _worker_pids():
            os.kill(pid, signal.SIGKILL)
        rest = list(outcomes)
    got = [first, *rest]
    assert [p for p, _ in got] == paths
    assert [_summary(o) for _, o in got] == [_summary(analyse_for_import(p)) for p in paths]


def _worker_pids() -> list[int]:
    import multiprocessing

    return [child.pid for child in multiprocessing.active_children() if child.pid is not None]


def test_import_with_jobs_stores_every_report_in_the_order_of_the_folder(capsys, tmp_path):
    paths = _folder(tmp_path, 6)
    db = tmp_path / "lib.db"
    assert main(["import", str(paths[0].parent), "--db", str(db), "--jobs", "2"]) == 1  # empty.txt fails
    out, err = capsys.readouterr()
    stored = [line.split()[2] for line in out.splitlines() if line.startswith("+ ")]
    assert stored == [str(p.resolve()) for p in paths if p.name != "empty.txt"]
    assert [line.split()[0] for line in err.splitlines() if line.startswith("[")] == [
        f"[{n}/{len(paths)}]" for n in range(1, len(paths) + 1)]
    with Library(db) as lib:
        assert len(lib.list_documents()) == len(paths) - 1


@pytest.mark.parametrize("value", ["0", "-1", "two"])
def test_jobs_must_be_a_whole_number_of_at_least_one(capsys, tmp_path, value):
    with pytest.raises(SystemExit) as exit_:
        main(["--lang", "en", "import", str(tmp_path), "--db", str(tmp_path / "lib.db"), "--jobs", value])
    assert exit_.value.code == 2
    assert f"at least 1, not {value}" in capsys.readouterr().err
