"""The window's analysis process (``reviewer.library.analysis_process``): the same analysis as
``pipeline.analyze`` with the same parts in the same order, none of it run in the calling
process, and the calling process analysing itself whenever the other one fails."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest

from reviewer import pipeline
from reviewer.library import analysis_process
from reviewer.library.analysis_process import AnalysisProcess
from reviewer.load.dispatch import load_document

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "samples" / "sample_fazhi_2023.txt"
REPORTS = [SAMPLE, *sorted((ROOT / "tests" / "fixtures").glob("*/*.txt"))[:6]]


@pytest.fixture(scope="module")
def process():
    worker = AnalysisProcess()
    worker.warm_up()
    yield worker
    worker.close()


def parts_of(analyse, document):
    """What each step was shown (names and sizes), and the result."""
    seen = []

    def step(name, partial):
        seen.append((name, len(partial.sections), len(partial.figures), len(partial.citations),
                     len(partial.checks), partial.metadata))
    return seen, analyse(document, step)


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.name)
def test_the_same_analysis_and_parts_as_in_process(process, path):
    document = load_document(path)
    expected_parts, expected = parts_of(pipeline.analyze, document)
    parts, analysis = parts_of(process.analyze, document)
    assert analysis == expected
    assert parts == expected_parts
    assert [name for name, *_ in parts] == ["outline", "figures", "checks"]


@pytest.mark.parametrize("path", REPORTS[:3], ids=lambda p: p.name)
def test_a_file_loaded_there_gives_the_same_document_and_analysis(process, path):
    """``begin(path)``: the process loads the file and sends the document first."""
    pending = process.begin(str(path))
    document = pending.document(lambda: pytest.fail("loaded here although the process could"))
    expected_document = load_document(path)
    expected_document.path = str(path.resolve())
    assert document == expected_document
    parts, analysis = parts_of(pending.finish, document)
    expected_parts, expected = parts_of(pipeline.analyze, document)
    assert process.last_in_process
    assert analysis == expected and parts == expected_parts
    assert analysis.document is document


def test_a_file_that_does_not_load_there_is_loaded_here_with_its_error(process, tmp_path):
    """The process's load failed: the caller loads, and raises the error in the user's words."""
    from reviewer.messages import ReviewerError

    pending = process.begin(str(tmp_path / "missing.txt"))
    with pytest.raises(ReviewerError) as raised:
        try:
            pending.document(lambda: load_document(tmp_path / "missing.txt"))
        except BaseException:
            pending.abandon()
            raise
    assert raised.value.code == "file_missing"
    document = load_document(SAMPLE)
    assert process.analyze(document) == pipeline.analyze(document) and process.last_in_process


def test_an_abandoned_analysis_leaves_the_process_usable(process, tmp_path):
    process.begin(str(tmp_path / "missing.txt")).abandon()
    pending = process.begin(str(SAMPLE))
    pending.abandon()
    pending.abandon()  # twice is harmless
    document = load_document(SAMPLE)
    assert process.analyze(document) == pipeline.analyze(document)


def test_nothing_is_analysed_in_the_calling_process(process, monkeypatch):
    calls = []
    analyze = pipeline.analyze
    monkeypatch.setattr(pipeline, "analyze", lambda *a, **k: calls.append(1) or analyze(*a, **k))
    analysis = process.analyze(load_document(SAMPLE))
    assert analysis.figures and analysis.checks
    assert calls == [], "the analysis ran here, on the caller's interpreter lock"


def test_a_big_report_comes_in_slices(process, monkeypatch):
    """More figures than one slice: every one arrives, in order, with the right numbers."""
    text = SAMPLE.read_text(encoding="utf-8")
    document = load_document(SAMPLE)
    from reviewer.load.dispatch import document_from_text

    copies = analysis_process.SLICE // len(pipeline.analyze(document).figures) + 2
    big = document_from_text("\n".join([text] * copies))
    analysis = process.analyze(big)
    assert len(analysis.figures) > analysis_process.SLICE
    assert analysis == pipeline.analyze(big)


def test_a_step_that_raises_stops_the_process_and_the_next_report_still_works(process):
    class Cancelled(Exception):
        pass

    def cancel(name, partial):
        if name == "outline":
            raise Cancelled

    document = load_document(SAMPLE)
    with pytest.raises(Cancelled):
        process.analyze(document, cancel)
    assert process._process is None, "a process left mid-report would send the rest later"
    assert process.analyze(document) == pipeline.analyze(document)


def test_a_process_that_died_is_started_again(process):
    process.analyze(load_document(SAMPLE))
    process._process.kill()
    process._process.join(5)
    document = load_document(SAMPLE)
    assert process.analyze(document) == pipeline.analyze(document)


def test_without_a_process_the_report_is_analysed_here(monkeypatch):
    def refuse(method=None):
        raise OSError("no processes here")

    monkeypatch.setattr(multiprocessing, "get_context", refuse)
    worker = AnalysisProcess()
    document = load_document(SAMPLE)
    steps = []
    assert worker.analyze(document, lambda name, partial: steps.append(name)) == pipeline.analyze(document)
    assert steps == ["outline", "figures", "checks"]


def test_an_analysis_that_fails_there_is_done_here(monkeypatch):
    """The process reports a failure (here: a message it never sends) — the caller analyses
    itself and gets what ``pipeline.analyze`` gives."""
    worker = AnalysisProcess()
    monkeypatch.setattr(worker, "_receive_analysis", lambda document, step: (_ for _ in ()).throw(
        analysis_process.ProcessFailed("the analysis failed there")))
    document = load_document(SAMPLE)
    try:
        assert worker.analyze(document) == pipeline.analyze(document)
        assert worker._process is None
    finally:
        worker.close()


def test_the_protocol_sends_each_item_once():
    """The process side, run here against a recording pipe: every list item is sent once, in
    slices no longer than ``SLICE``, each step after its items."""
    sent = []

    class Pipe:
        def send(self, message):
            sent.append(message)

    document = load_document(SAMPLE)
    analysis_process._analyse_and_send(Pipe(), document)
    expected = pipeline.analyze(document)
    for name in analysis_process.LISTS:
        items = [item for m in sent if m[0] == "items" and m[1] == name for item in m[2]]
        assert items == getattr(expected, name), name
    assert all(len(m[2]) <= analysis_process.SLICE for m in sent if m[0] == "items")
    kinds = [m[0] if m[0] != "step" else m[1] for m in sent]
    assert kinds.index("outline") < kinds.index("figures") < kinds.index("checks") < kinds.index("done")
    assert kinds[-1] == "done"


def test_warming_up_never_waits_for_an_analysis_under_way(process):
    """The GUI thread warms the process up when an import dialog opens; an import already
    running holds the process, and the window must not wait for it."""
    import time

    pending = process.begin(str(SAMPLE))
    try:
        started = time.perf_counter()
        process.warm_up()
        assert time.perf_counter() - started < 0.5
    finally:
        pending.abandon()


def test_a_file_sent_to_a_process_just_started_is_loaded_and_analysed():
    """A cold process takes the file before it loads its dictionary (the text shows sooner)."""
    worker = AnalysisProcess()
    try:
        pending = worker.begin(str(SAMPLE))
        document = pending.document(lambda: pytest.fail("loaded here"))
        assert pending.finish(document) == pipeline.analyze(document)
        assert worker.last_in_process
    finally:
        worker.close()


def test_importing_through_the_process_gives_what_importing_here_gives(process, tmp_path):
    """The window's folder import: an analysis for a good file, the same error result for a
    file that does not load (and the process is not restarted for it)."""
    from reviewer.library.documents import ImportResult, analyse_for_import

    good = process.analyse_for_import(SAMPLE)
    assert good == analyse_for_import(SAMPLE) and process.last_in_process
    alive = process._process
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    for bad in (empty, tmp_path / "missing.txt"):
        outcome = process.analyse_for_import(bad)
        assert isinstance(outcome, ImportResult) and outcome.error
        assert outcome == analyse_for_import(bad)
    assert process._process is alive, "a file that did not load there needs no new process"


def test_an_idle_process_ends_and_the_next_report_starts_another():
    """An idle process gives its memory back; the next report is analysed as before."""
    import time

    worker = AnalysisProcess(leave_after=0.3)
    try:
        document = load_document(SAMPLE)
        assert worker.analyze(document) == pipeline.analyze(document)
        first = worker._process
        deadline = time.monotonic() + 20
        while first.is_alive() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not first.is_alive(), "the idle process did not end"
        assert worker.analyze(document) == pipeline.analyze(document)
        assert worker.last_in_process and worker._process is not first
    finally:
        worker.close()
