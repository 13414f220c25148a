"""``report-reviewer``: the desktop application's entry point.

    report-reviewer [FILE …] [--db LIBRARY] [--lang zh|zh_CN|en]
    report-reviewer --screenshot OUT.png FILE   # open FILE, render the window at 1400×900, save, exit
    report-reviewer --self-test                 # check an installation (see ui/selftest.py)

With no file and an empty library, the library page offers the bundled sample report, in a
sample library of its own: invented data never goes into the reviewer's real library.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

_T0 = time.perf_counter()


def parse_args(argv: list[str]) -> argparse.Namespace:
    from reviewer.messages import LANGUAGE_CODES  # one spelling for the window and the command line

    parser = argparse.ArgumentParser(prog="report-reviewer", description="报告审阅 Report Reviewer")
    parser.add_argument("files", nargs="*", help="report files or folders to import and open")
    parser.add_argument("--db", help="the review library file to use")
    parser.add_argument("--lang", choices=LANGUAGE_CODES, help="interface language (zh and zh_CN are the same)")
    parser.add_argument("--screenshot", metavar="OUT.png", help="save a 1400×900 picture of the window and exit")
    parser.add_argument("--self-test", action="store_true", help="check this installation and exit")
    parser.add_argument("--reviewer", help="reviewer name for this session")
    return parser.parse_args(argv)


#: How often a worker thread must offer the interpreter lock to the GUI thread (Python's
#: default is 5 ms).  Each time a view calls into Python (a model's ``data``, a slot) the GUI
#: thread takes the lock again and waits up to this long for a busy worker to let go, so a
#: repaint of a few hundred calls stalls for hundreds of these intervals.  Measured importing a
#: 5 MB report on an otherwise idle 2-core machine (bench_gui.py, longest stall per run,
#: median): 650–890 ms at 1 ms, 186 ms at 0.1 ms, 139 ms at 50 µs, 116 ms at 20 µs; the
#: analysis on the worker took the same time (4.0–4.3 s of CPU) at every setting.
SWITCH_INTERVAL_S = 0.00002


def create_app(argv: list[str]):
    from ui.qt import QApplication, QCoreApplication

    sys.setswitchinterval(SWITCH_INTERVAL_S)
    QCoreApplication.setOrganizationName("ReportReviewer")
    QCoreApplication.setApplicationName("ReportReviewer")
    app = QApplication.instance() or QApplication(argv)
    app.setApplicationDisplayName("")
    from reviewer import __version__
    app.setApplicationVersion(__version__)
    return app


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args = parse_args(argv)
    if args.self_test:
        try:
            from ui.selftest import run_self_test
        except ImportError:
            from reviewer.cli.selftest import main as core_self_test  # the core half still runs
            return int(core_self_test() or 0)
        return int(run_self_test() or 0)

    app = create_app([sys.argv[0]])
    from ui import errors, i18n, icons
    from ui.settings import Settings

    errors.install()
    settings = Settings()
    i18n.install(args.lang or i18n.resolve(settings.language))
    app.setWindowIcon(icons.app_icon())

    if args.reviewer:
        settings.reviewer = args.reviewer
    elif not settings.reviewer and not args.screenshot and not os.environ.get("REVIEWER_SKIP_FIRST_RUN"):
        ask_reviewer_name(settings)

    from ui.main_window import MainWindow
    from ui.workers import SyncPool

    pool = SyncPool() if args.screenshot else None
    window = MainWindow(settings, pool=pool, library_path=args.db)
    files = [str(Path(f)) for f in args.files]  # an empty library offers the sample (library page)
    if args.screenshot:
        return take_screenshot(app, window, files, args.screenshot)
    window.show()
    window.warm_up_job = warm_up_analysis(window.pool)  # kept: Jobs are not auto-deleted
    if os.environ.get("REVIEWER_STARTUP_TIMING"):
        print(f"window shown after {time.perf_counter() - _T0:.3f} s", flush=True)
    if files:
        window.import_paths(files)
    elif window.workspace.documents() and len(window.workspace.documents()) == 1:
        window.open_document(window.workspace.documents()[0].doc_uuid)
    return app.exec()


def warm_up_analysis(pool):
    """Load jieba and its part-of-speech table on a worker while the reviewer looks at the
    window, so the first report opened does not wait about a second for them."""
    from reviewer.analysis import pos_tokens
    from ui.workers import Job

    job = Job(lambda progress, cancelled: pos_tokens.warm_up())
    pool.start(job)
    return job


def ask_reviewer_name(settings) -> None:
    from ui import prompts
    from ui.qt import QCoreApplication

    name = prompts.ask_text(None, QCoreApplication.translate("App", "Welcome to Report Reviewer"),
                            QCoreApplication.translate(
                                "App", "Your name is recorded with every correction, tag and comment.\n"
                                       "Reviewer name:"))
    if name:
        settings.reviewer = name
        settings.sync()


def take_screenshot(app, window, files: list[str], out: str) -> int:
    from ui.qt import QEventLoop, QTimer

    window.resize(1400, 900)
    window.show()
    if files:
        window.import_paths(files)
    # Put something the reader would look at into view: the first check, selected.
    review = window.workspace.review
    if review is not None and review.checks:
        window.go_next(kinds=("check",), unreviewed=False)
    for _ in range(5):
        app.processEvents()
    loop = QEventLoop()  # app.quit() would close the window first (Qt 6)
    QTimer.singleShot(300, loop.quit)
    loop.exec()
    window.resize(1400, 900)
    app.processEvents()
    ok = window.grab().save(out)
    window.close()
    if not ok:
        print(f"could not write {out}", file=sys.stderr)
        return 1
    print(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
