"""GUI benchmark: start-up, opening an ordinary report, opening a 5 MB report.

    .venv/bin/python tests/bench/bench_gui.py [--big-mb 5] [--skip-big]

Prints:
- process start to main window shown (median of 3 cold processes; target ≤ 1.5 s);
- opening a ~30 KB report from the library, fully rendered with its highlights (target ≤ 300 ms);
- a 5 MB report: storing it (on the worker) and opening it (loading on the worker, views on the GUI
  thread), with a 10 ms QTimer heartbeat on the GUI thread; the longest gap between beats is the
  worst stall of the event loop (target: total ≤ 3 s, no stall over 100 ms);
- import + open of a 5 MB report as a reviewer does it, streamed (``ui/streaming.py``: the real
  loading and analysis in the analysis process, the rest on a worker), ``--stream-runs`` times
  (10), in two densities (``--density``: *normal*, the shared reports one after another as in
  the analysis benchmark; *dense*, the sample repeated): text visible (target ≤ 0.5 s), outline
  shown, fully analysed and shown (target ≤ 3 s), and the p95 and worst event-loop stalls with
  when the longest ended; the worker's phases (the analysis as it waits for it, storing,
  preparing the views: wall and thread CPU time) and the memory left behind per import (resident
  size and objects frozen for the collector after each run's window is deleted).  The first run
  starts the analysis process; each run's figures are printed.  ``--only-stream`` runs just that.

The 5 MB report is the invented sample repeated; its analysis is the sample's analysis repeated
with shifted offsets (running ``analyze`` on 5 MB is the analysis benchmark's business, not this
one's: the GUI gets an analysis from the worker either way).  Runs offscreen unless a display
is given; everything goes to a temporary folder.
"""

from __future__ import annotations

import argparse
import copy
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
SAMPLE = ROOT / "resources" / "samples" / "sample_fazhi_2023.txt"

STARTUP_CHILD = r"""
import os, sys, time
t_parent = float(sys.argv[1])
from ui import app as A
from ui import main_window as M
shown = M.MainWindow.show
def show(self):
    shown(self)
    from ui.qt import QApplication, QTimer
    def done():
        print(f"SHOWN {time.time() - t_parent:.4f}", flush=True)
        os._exit(0)
    QTimer.singleShot(0, done)
M.MainWindow.show = show
A.main(["--db", sys.argv[2]])
"""


def bench_startup(tmp: Path, runs: int = 3) -> list[float]:
    times = []
    for run in range(runs):
        env = dict(os.environ, REVIEWER_DATA_DIR=str(tmp / f"start{run}" / "data"),
                   REVIEWER_SETTINGS_DIR=str(tmp / f"start{run}" / "settings"), REVIEWER_SKIP_FIRST_RUN="1")
        library = tmp / f"start{run}" / "library.db"
        started = time.time()
        out = subprocess.run([sys.executable, "-c", STARTUP_CHILD, repr(started), str(library)], env=env,
                             capture_output=True, text=True, cwd=ROOT, timeout=120)
        line = next((x for x in out.stdout.splitlines() if x.startswith("SHOWN")), None)
        if line is None:
            raise SystemExit(f"start-up child failed:\n{out.stderr[-3000:]}")
        times.append(float(line.split()[1]))
    return times


class Heartbeat:
    """Beats every 10 ms on the GUI thread; remembers the longest gap."""

    def __init__(self) -> None:
        from ui.qt import QTimer

        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self.beat)
        self.last = time.perf_counter()
        self.worst = 0.0
        self.worst_at = ""
        self.phase = ""
        self.gaps: list[float] = []
        # (gap, the GUI thread's CPU time in it, its time waiting for a core) of gaps over 100 ms;
        # the rest of a gap is the thread asleep: waiting for the interpreter lock
        self.stalls: list[tuple[float, float, float]] = []
        self.stall_ends: list[tuple[float, float]] = []  # (gap, when it ended, seconds after start())
        self.started = self.last
        self.last_cpu, self.last_queued = time.thread_time(), _queued()

    def start(self) -> None:
        self.last = time.perf_counter()
        self.last_cpu, self.last_queued = time.thread_time(), _queued()
        self.worst = 0.0
        self.gaps = []
        self.stalls = []
        self.stall_ends = []
        self.started = self.last
        self.timer.start()

    def beat(self) -> None:
        now, cpu, queued = time.perf_counter(), time.thread_time(), _queued()
        gap = now - self.last
        self.gaps.append(gap)
        if gap > 0.1:  # busy itself, or waiting for the interpreter lock or for a core
            self.stalls.append((gap, cpu - self.last_cpu, queued - self.last_queued))
            self.stall_ends.append((gap, now - self.started))
        if gap > self.worst:
            self.worst, self.worst_at = gap, self.phase
        self.last, self.last_cpu, self.last_queued = now, cpu, queued

    def stop(self) -> None:
        self.beat()
        self.timer.stop()


def _queued() -> float:
    """Seconds this thread has spent runnable but waiting for a core (Linux; 0 elsewhere)."""
    try:
        return int(Path("/proc/thread-self/schedstat").read_text().split()[1]) / 1e9
    except (OSError, IndexError, ValueError):
        return 0.0


def wait_for(app, condition, timeout: float = 600.0) -> None:
    deadline = time.perf_counter() + timeout
    while not condition():
        app.processEvents()
        time.sleep(0.001)
        if time.perf_counter() > deadline:
            raise SystemExit("timed out")


def settle(app, seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.002)


def render(app, window) -> None:
    for _ in range(3):
        app.processEvents()
    window.repaint()
    window.document_view.viewport().repaint()


def big_analysis(copies: int):
    """The sample's analysis repeated ``copies`` times with shifted offsets and ids."""
    from reviewer.load.dispatch import document_from_text, load_document
    from reviewer.model import Analysis
    from reviewer.pipeline import analyze

    base = analyze(load_document(SAMPLE))
    unit = base.document.text + "\n"
    text = unit * copies
    document = document_from_text(text, path=str(SAMPLE.with_name("big_sample.txt")))
    sections, figures, citations, checks = [], [], [], []
    ns, nf, nc = len(base.sections), len(base.figures), len(base.citations)
    for k in range(copies):
        shift = k * len(unit)
        for s in base.sections:
            s2 = copy.copy(s)
            s2.id, s2.parent = s.id + k * ns, (s.parent + k * ns) if s.parent is not None else None
            s2.start, s2.end = s.start + shift, s.end + shift
            s2.heading_start, s2.heading_end = s.heading_start + shift, s.heading_end + shift
            sections.append(s2)
        for f in base.figures:
            f2 = copy.copy(f)
            f2.id = f.id + k * nf
            f2.section = (f.section + k * ns) if f.section is not None else None
            f2.start, f2.end = f.start + shift, f.end + shift
            if f.label_start is not None:
                f2.label_start, f2.label_end = f.label_start + shift, f.label_end + shift
            figures.append(f2)
        for c in base.citations:
            c2 = copy.copy(c)
            c2.id, c2.start, c2.end = c.id + k * nc, c.start + shift, c.end + shift
            citations.append(c2)
        for c in base.checks:
            c2 = copy.deepcopy(c)
            c2.figures = [i + k * nf for i in c.figures]
            c2.sections = [i + k * ns for i in c.sections]
            checks.append(c2)
    for number, check in enumerate(checks, start=1):
        check.id = number
    return Analysis(document=document, metadata=base.metadata, sections=sections, figures=figures,
                    citations=citations, checks=checks, advisories=[])


def bench_stream(app, tmp: Path, size_mb: float, runs: int, density: str = "dense") -> None:
    """Import + open of a ``size_mb`` report as the window does it (``ui/streaming.py``: the real
    analysis on a worker), on a fresh library each run: when its text is visible, when it is
    fully analysed and shown, and the event loop's stalls meanwhile (a 10 ms heartbeat)."""
    from reviewer.library.store import Library
    from ui import presentation, streaming

    phases: dict[str, list[tuple[float, float]]] = {}

    def timed(name: str, fn):
        def wrapper(*args, **kwargs):
            wall, cpu = time.perf_counter(), time.thread_time()
            try:
                return fn(*args, **kwargs)
            finally:
                phases.setdefault(name, []).append((time.perf_counter() - wall, time.thread_time() - cpu))
        return wrapper

    originals = streaming.analyse, Library.import_analysis, Library.load_review, presentation.prepare
    # the worker's wait for the analysis process, and its previews meanwhile (thread CPU: the
    # previews and the unpickling of the parts)
    streaming.analyse = timed("analysis (in its process; the worker waits and prepares the previews)",
                              streaming.analyse)
    Library.import_analysis = timed("storing (worker)", Library.import_analysis)
    Library.load_review = timed("reading the stored report back (worker)", Library.load_review)
    presentation.prepare = timed("preparing the views, all parts (worker)", presentation.prepare)
    try:
        _bench_stream(app, tmp, size_mb, runs, phases, density)
    finally:
        streaming.analyse, Library.import_analysis, Library.load_review, presentation.prepare = originals


def _rss_mb() -> float:
    try:
        return int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1024 / 1024
    except OSError:
        return 0.0


def stream_text(size_mb: float, density: str) -> str:
    """About ``size_mb`` of report text: *dense*, the sample repeated (~35 figures per 1,000
    characters); *normal*, the shared reports one after another as the analysis benchmark's
    normal density (the fixture reports without ../shared)."""
    if density == "dense":
        parts = [SAMPLE.read_text(encoding="utf-8")]
    else:
        shared = ROOT.parent / "shared" / "reports"
        paths = sorted(shared.glob("*.txt")) if shared.is_dir() else []
        paths = paths or sorted((ROOT / "tests" / "fixtures").rglob("*.txt"))
        parts = [p.read_text(encoding="utf-8") for p in paths]
    size, out, total = size_mb * 1024 * 1024, [], 0
    while total < size:
        out.append(parts[len(out) % len(parts)])
        total += len(out[-1].encode("utf-8")) + 1
    return "\n".join(out)


def _bench_stream(app, tmp: Path, size_mb: float, runs: int, phases: dict, density: str) -> None:
    import gc

    from ui.main_window import MainWindow
    from ui.qt import QCoreApplication, QEvent, QThreadPool

    path = tmp / f"stream_{size_mb:g}mb_{density}.txt"
    path.write_text(stream_text(size_mb, density), encoding="utf-8")
    real_mb = path.stat().st_size / 1024 / 1024
    visible, outline, analysed, cpu, worst, gaps, p95s, rss, frozen = [], [], [], [], [], [], [], [], []
    stalls: list[tuple[float, float, float]] = []
    when: list[tuple[float, float, int]] = []  # (gap, ended at, run) of the stalls over 100 ms
    for run in range(runs):
        window = MainWindow(pool=QThreadPool.globalInstance(), library_path=str(tmp / f"stream{run}.db"))
        window.resize(1400, 900)
        window.show()
        render(app, window)
        beat = Heartbeat()
        marks: dict[str, float] = {}
        beat.start()
        started, cpu_started = time.perf_counter(), time.process_time()

        def seen(window=window, marks=marks, started=started) -> bool:
            now = time.perf_counter() - started
            if "text" not in marks and window.document_view.document().characterCount() > 1:
                marks["text"] = now
            if "outline" not in marks and window.outline_model.rowCount() > 0:
                marks["outline"] = now
            return window.workspace.review is not None and window.inspector.figures_model.rowCount() > 0

        window.import_paths([str(path)])
        wait_for(app, seen)
        analysed.append(time.perf_counter() - started)
        cpu.append(time.process_time() - cpu_started)
        settle(app, 0.3)
        beat.stop()
        visible.append(marks.get("text", analysed[-1]))
        outline.append(marks.get("outline", analysed[-1]))
        worst.append(beat.worst)
        gaps += beat.gaps
        stalls += beat.stalls
        when += [(gap, at, run) for gap, at in beat.stall_ends]
        run_gaps = sorted(beat.gaps)
        p95s.append(run_gaps[int(0.95 * (len(run_gaps) - 1))] if run_gaps else 0.0)
        window.close()
        QThreadPool.globalInstance().waitForDone()
        window.deleteLater()  # as closing the application's one window would free it
        del window
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        settle(app, 0.05)
        rss.append(_rss_mb())
        frozen.append(gc.get_freeze_count())
    gaps.sort()
    p95 = gaps[int(0.95 * (len(gaps) - 1))] if gaps else 0.0
    worst_sorted = sorted(worst)
    what = "the sample repeated" if density == "dense" else "reports one after another"
    print(f"import + open a {real_mb:.1f} MB report, {density} density ({what}; analysed on the worker), "
          f"{runs} runs, median (min–max):")
    for name, values, target in (("text visible", visible, "≤ 0.5 s"), ("outline shown", outline, ""),
                                 ("fully analysed and shown", analysed, "≤ 3 s"),
                                 ("process CPU (both threads)", cpu, "")):
        print(f"  {name}: {statistics.median(values):.2f} s ({min(values):.2f}–{max(values):.2f})"
              + (f"; target {target}" if target else ""))
    print(f"  event-loop stalls: worst per run median {statistics.median(worst) * 1000:.0f} ms, "
          f"p95 of the runs' worst {worst_sorted[int(0.95 * (len(worst_sorted) - 1))] * 1000:.0f} ms, "
          f"max {max(worst) * 1000:.0f} ms; p95 of all {len(gaps):,} beats {p95 * 1000:.0f} ms "
          f"(beat every 10 ms; target: no stall over 100 ms)")
    print(f"  worst stall of each run, in order: {', '.join(f'{w * 1000:.0f}' for w in worst)} ms; "
          f"p95 beat of each run: {', '.join(f'{w * 1000:.0f}' for w in p95s)} ms")
    print(f"  each run (the first starts the analysis process): text visible {', '.join(f'{v:.2f}' for v in visible)} s; "
          f"fully analysed {', '.join(f'{v:.2f}' for v in analysed)} s")
    if not stalls:
        print(f"  stalls over 100 ms: none in {runs} runs")
    else:
        total = sum(g for g, _, _ in stalls) or 1.0
        own, queued = sum(c for _, c, _ in stalls), sum(q for _, _, q in stalls)
        print(f"  stalls over 100 ms: {len(stalls)} in {runs} runs, {total:.2f} s in all: the GUI thread working "
              f"{own / total:.0%}, waiting for a core {queued / total:.0%}, asleep (the interpreter lock) "
              f"{max(0.0, 1 - (own + queued) / total):.0%}; the longest (ms, own CPU/queued): "
              + ", ".join(f"{g * 1000:.0f} ({c * 1000:.0f}/{q * 1000:.0f})" for g, c, q in sorted(stalls, reverse=True)[:6]))
    if when:
        print("  when the longest stalls ended (s after the import began; that run's text / outline / analysed): "
              + "; ".join(f"{g * 1000:.0f} ms at {at:.2f} ({visible[r]:.2f} / {outline[r]:.2f} / {analysed[r]:.2f})"
                          for g, at, r in sorted(when, reverse=True)[:4]))
    for name, values in phases.items():
        if len(values) < runs:
            continue
        per_run = len(values) // max(1, runs)
        walls = [sum(w for w, _ in values[i * per_run:(i + 1) * per_run]) for i in range(runs)]
        cpus = [sum(c for _, c in values[i * per_run:(i + 1) * per_run]) for i in range(runs)]
        print(f"  {name}: wall {statistics.median(walls):.2f} s ({min(walls):.2f}–{max(walls):.2f}), "
              f"thread CPU {statistics.median(cpus):.2f} s ({min(cpus):.2f}–{max(cpus):.2f})")
    print(f"  memory after each run (window deleted): resident {', '.join(f'{m:.0f}' for m in rss)} MB"
          + (f"; growth per import {(rss[-1] - rss[0]) / (len(rss) - 1):.0f} MB (last − first over the imports "
             "between)" if len(rss) > 1 else "")
          + f"; objects frozen for the collector {', '.join(f'{n:,}' for n in frozen)}")
    print(f"  load average at the end: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")


def densities(choice: str) -> tuple[str, ...]:
    return ("normal", "dense") if choice == "both" else (choice,)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--big-mb", type=float, default=5.0)
    parser.add_argument("--skip-big", action="store_true")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--stream-runs", type=int, default=10,
                        help="runs of import + open with the real analysis streamed (0: skip)")
    parser.add_argument("--only-stream", action="store_true", help="run the streamed import only")
    parser.add_argument("--density", choices=("normal", "dense", "both"), default="both",
                        help="the streamed report: reports one after another, the sample repeated, or both")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench_gui_"))
    os.environ["REVIEWER_DATA_DIR"] = str(tmp / "data")
    os.environ["REVIEWER_SETTINGS_DIR"] = str(tmp / "settings")

    if args.only_stream:
        from ui import i18n
        from ui.app import create_app

        app = create_app([sys.argv[0]])
        i18n.install("zh_CN")
        for density in densities(args.density):
            bench_stream(app, tmp, args.big_mb, args.stream_runs, density)
        return 0

    times = bench_startup(tmp, args.runs)
    print(f"start-up to main window shown: median {statistics.median(times):.3f} s "
          f"(runs: {', '.join(f'{t:.3f}' for t in times)}; target ≤ 1.5 s)")

    from reviewer.library.store import Library
    from ui import i18n, prompts
    from ui.main_window import MainWindow
    from ui.qt import QThreadPool
    from ui.workers import SyncPool

    prompts.show_error = lambda parent, text, title=None: print("ERROR:", text)
    from ui.app import create_app

    app = create_app([sys.argv[0]])  # as the application sets itself up (switch interval …)
    i18n.install("zh_CN")

    # -- an ordinary report (~30 KB): import once, then time opening it
    report = tmp / "report_30k.txt"
    report.write_text("\n".join([SAMPLE.read_text(encoding="utf-8")] * 4), encoding="utf-8")
    library_path = tmp / "library.db"
    started = time.perf_counter()
    with Library(library_path, reviewer="bench") as library:
        result = library.import_file(report)
    import_s = time.perf_counter() - started
    window = MainWindow(pool=SyncPool(), library_path=str(library_path))
    window.resize(1400, 900)
    window.show()
    render(app, window)
    samples = []
    for _ in range(5):
        window.workspace.set_review(None)
        render(app, window)
        started = time.perf_counter()
        window.open_document(result.doc_uuid)
        render(app, window)
        samples.append(time.perf_counter() - started)
    review = window.workspace.review
    drawn = len(window.document_view.extraSelections())
    print(f"open a {report.stat().st_size / 1024:.0f} KB report, rendered with highlights: median "
          f"{statistics.median(samples) * 1000:.0f} ms (runs: {', '.join(f'{s * 1000:.0f}' for s in samples)}; "
          f"target ≤ 300 ms) — {len(review.sections)} headings, {len(review.figures)} figures, "
          f"{drawn} highlights drawn; its import (load + analysis + store) took {import_s:.2f} s")
    window.close()

    if args.skip_big:
        return 0

    # -- a 5 MB report, on the real thread pool, with the heartbeat running
    copies = max(1, round(args.big_mb * 1024 * 1024 / len(SAMPLE.read_bytes())))
    started = time.perf_counter()
    analysis = big_analysis(copies)
    built_s = time.perf_counter() - started
    size_mb = len(analysis.document.text.encode("utf-8")) / 1024 / 1024
    big_path = tmp / "big.db"
    window = MainWindow(pool=QThreadPool.globalInstance(), library_path=str(big_path))
    window.resize(1400, 900)
    window.show()
    render(app, window)
    beat = Heartbeat()
    beat.start()

    # storing it: the same worker path as an import, given the analysis
    beat.phase = "store"
    store_done = []

    def store(progress, cancelled):
        with Library(big_path, reviewer="bench") as library:
            return library.import_analysis(analysis)

    started = time.perf_counter()
    window.run_job(store, "store", lambda r: store_done.append(r), "store", pause_gc=True)  # as an import
    wait_for(app, lambda: store_done)
    store_s = time.perf_counter() - started
    window.refresh_documents()
    stall_store = beat.worst

    beat.start()
    beat.phase = "open"
    started = time.perf_counter()
    window.open_document(store_done[0].doc_uuid)
    wait_for(app, lambda: window.workspace.review is not None and window.inspector.figures_model.rowCount() > 0)
    open_s = time.perf_counter() - started
    settle(app, 0.3)  # let the event loop paint on its own (no forced repaint while measuring stalls)
    beat.phase = "scroll"
    view = window.document_view
    for fraction in (0.25, 0.5, 0.75, 1.0):
        view.verticalScrollBar().setValue(int(view.verticalScrollBar().maximum() * fraction))
        settle(app, 0.1)
    beat.phase = "edit"
    figure = window.workspace.review.figures[len(window.workspace.review.figures) // 2]
    started_edit = time.perf_counter()
    window.correct_item("figure", figure.review.uuid, "value", 1)
    edit_s = time.perf_counter() - started_edit
    beat.phase = "background reload"
    settle(app, 0.5)
    wait_for(app, lambda: not window.workspace._jobs)  # the reload after the edit, on the worker
    settle(app, 0.3)
    beat.stop()
    review = window.workspace.review
    print(f"{size_mb:.1f} MB report ({len(analysis.document.text):,} characters, {len(review.sections):,} headings, "
          f"{len(review.figures):,} figures; analysis built in {built_s:.1f} s):")
    print(f"  storing it on the worker: {store_s:.2f} s, longest event-loop stall {stall_store * 1000:.0f} ms")
    print(f"  opening it (load on the worker, views on the GUI thread, rendered): {open_s:.2f} s "
          f"(target ≤ 3 s)")
    print(f"  one correction (committed, shown): {edit_s * 1000:.0f} ms; the report is then re-read on the worker")
    print(f"  longest event-loop stall while opening, scrolling, correcting and re-reading: {beat.worst * 1000:.0f} ms "
          f"(in '{beat.worst_at}'; target ≤ 100 ms)")
    window.close()
    if args.stream_runs:
        for density in densities(args.density):
            bench_stream(app, tmp, args.big_mb, args.stream_runs, density)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
