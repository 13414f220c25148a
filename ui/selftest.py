"""``report-reviewer --self-test``: run every self-test step, print one line per step and return 0
only if all passed.

The core steps are in ``reviewer/cli/selftest.py`` (Qt-free); this module adds the Qt steps (the
translations load, the main window renders and can be grabbed to an image) and the output.

A windowed Windows program has no console, so the lines go to ``<data dir>/self-test.log``
as well as to stdout when there is one; the console companion ``ReportReviewer-cli.exe`` in the
same folder shows them directly.  With no display (Linux CI) Qt runs offscreen.
"""

from __future__ import annotations

import os
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import TextIO

from reviewer import __version__, paths
from reviewer.cli.selftest import CORE_STEPS, Context, StepFailed, frozen_root, run_steps

LOG_NAME = "self-test.log"
# What the main window must at least be: the packaged application is unusable below this.
MIN_WINDOW_SIZE = (400, 300)
# Pointed into the temporary folder while the steps run, then restored.
ISOLATED_ENV = ("REVIEWER_DATA_DIR", "REVIEWER_SETTINGS_DIR")


def _ensure_qapplication():
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ui.qt import QApplication

    return QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "report-reviewer"])


def step_translations(ctx: Context) -> str:
    """Our Chinese catalogue and Qt's own (``qtbase_zh_CN``) load, as ``ui.i18n`` loads them."""
    _ensure_qapplication()
    from ui import i18n
    from ui.qt import QLibraryInfo, QLocale, QTranslator

    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not QTranslator().load(QLocale("zh_CN"), "qtbase", "_", qt_dir):
        raise StepFailed(f"Qt's qtbase_zh_CN.qm does not load from {qt_dir}")
    catalogue = i18n.catalogue_path("zh_CN")
    ours = QTranslator()
    if not ours.load(str(catalogue)):
        raise StepFailed(f"the Chinese catalogue {catalogue} is missing or does not load")
    if ours.isEmpty():
        raise StepFailed(f"the Chinese catalogue {catalogue.name} is empty")
    return f"{catalogue.name} + qtbase_zh_CN.qm"


def step_main_window(ctx: Context) -> str:
    """The main window opens on a library in the temporary folder, imports the sample report,
    renders, and is grabbed to ``main-window.png`` there (settings: ``REVIEWER_SETTINGS_DIR``,
    which ``run_self_test`` points into that folder)."""
    qapp = _ensure_qapplication()
    from ui.main_window import MainWindow
    from ui.settings import Settings
    from ui.workers import SyncPool

    settings = Settings()
    settings.reviewer = "self-test"
    window = MainWindow(settings, pool=SyncPool(), library_path=str(ctx.tmp / "gui-library.db"))
    try:
        window.resize(1200, 800)
        window.show()
        if ctx.sample is not None:
            window.import_paths([str(ctx.sample)])
        for _ in range(5):
            qapp.processEvents()
        documents = len(window.workspace.documents())
        if ctx.sample is not None and documents != 1:
            raise StepFailed(f"the window's library holds {documents} documents after importing the sample")
        image = window.grab()
        if image.isNull() or image.width() < MIN_WINDOW_SIZE[0] or image.height() < MIN_WINDOW_SIZE[1]:
            raise StepFailed(f"the main window rendered as {image.width()}×{image.height()} pixels")
        shot = ctx.tmp / "main-window.png"
        if not image.save(str(shot)):
            raise StepFailed(f"could not save the window image to {shot}")
        return (f"{image.width()}×{image.height()} px, {documents} document, "
                f"title {window.windowTitle()!r}, {qapp.platformName()}")
    finally:
        window.close()
        window.deleteLater()
        qapp.processEvents()


def step_analysis_process(ctx: Context) -> str:
    """The window's analysis process starts from this program (a frozen one runs it through
    ``multiprocessing.freeze_support``) and gives the same analysis as the pipeline here."""
    from reviewer.library.analysis_process import AnalysisProcess
    from reviewer.load.dispatch import document_from_text
    from reviewer.pipeline import analyze

    document = document_from_text("一、执法情况\n全年办理案件120件，其中简易程序80件、普通程序40件。\n")
    worker = AnalysisProcess()
    try:
        started = time.perf_counter()
        analysis = worker.analyze(document)
        seconds = time.perf_counter() - started
    finally:
        worker.close()
    if not worker.last_in_process:
        raise StepFailed("the analysis process did not start or answer; the window analyses in its own process")
    if analysis != analyze(document):
        raise StepFailed("the analysis process gave another analysis than the pipeline here")
    return f"{len(analysis.figures)} figures, started and analysed in {seconds:.1f} s"


GUI_STEPS = [("translations", step_translations), ("main window", step_main_window),
             ("analysis process", step_analysis_process)]


class _Output:
    """Lines to stdout (when the process has one) and to the log file, each flushed at once."""

    def __init__(self, stream: TextIO | None, log_file: Path | None) -> None:
        self.stream = stream
        if stream is not None:
            try:
                stream.reconfigure(errors="backslashreplace")
            except (AttributeError, ValueError):
                pass
        self.log = None
        if log_file is not None:
            try:
                self.log = open(log_file, "w", encoding="utf-8")  # noqa: SIM115 - closed in close()
            except OSError:
                self.log = None

    def __call__(self, line: str) -> None:
        for target in (self.stream, self.log):
            if target is not None:
                try:
                    target.write(line + "\n")
                    target.flush()
                except (OSError, ValueError):
                    pass

    def close(self) -> None:
        if self.log is not None:
            self.log.close()


def run_self_test(stream: TextIO | None = None, log_file: Path | None = None) -> int:
    """Run every step; 0 if all passed, 1 otherwise.  Never raises for a failing step."""
    started = time.perf_counter()
    if log_file is None:
        try:
            log_file = paths.data_dir() / LOG_NAME
        except OSError:
            log_file = None
    out = _Output(stream if stream is not None else sys.stdout, log_file)
    tmp = Path(tempfile.mkdtemp(prefix="ReportReviewer-self-test-"))
    build = f"frozen in {frozen_root()}" if frozen_root() else "from source"
    out(f"报告审阅 Report Reviewer {__version__} self-test ({build}); Python {platform.python_version()}, "
        f"{platform.platform()}")
    saved_env = {name: os.environ.get(name) for name in ISOLATED_ENV}
    try:
        # The steps work in the temporary folder: nothing they open may touch the user's
        # library or settings.
        os.environ["REVIEWER_DATA_DIR"] = str(tmp / "data")
        os.environ["REVIEWER_SETTINGS_DIR"] = str(tmp / "settings")
        results = run_steps(CORE_STEPS + GUI_STEPS, Context(tmp=tmp), lambda result: out(result.line()))
    finally:
        for name, value in saved_env.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    failed = [r for r in results if not r.ok]
    seconds = time.perf_counter() - started
    if failed:
        out(f"self-test FAILED: {len(failed)} of {len(results)} steps ({seconds:.1f} s); "
            f"files kept in {tmp}")
    else:
        shutil.rmtree(tmp, ignore_errors=True)
        out(f"self-test passed: all {len(results)} steps ({seconds:.1f} s)")
    if log_file is not None:
        out(f"log: {log_file}")
    out.close()
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(run_self_test())
