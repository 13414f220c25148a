"""Grab the main window with the bundled sample report open, at the sizes reviewers' screens have.

    DISPLAY=:99 QT_QPA_PLATFORM=xcb .venv/bin/python docs/make_window_screenshots.py [--out docs]

Writes ``screenshot.png`` (1400×900, the first check selected), ``verdicts-1280x720.png`` (the
Checks tab), ``review-pane-1280x720.png`` and ``review-pane-1920x1080.png`` (the Review tab, after
a few pieces of review work).  Settings, data and library live in a temporary folder, so the
picture is the first start's layout.  Needs CJK fonts (apt-get install fonts-noto-cjk) and, for
real window decorations and fonts, Xvfb (``Xvfb :99 &``); offscreen works too.  ``screenshot.png``
is what ``report-reviewer --screenshot`` makes of the sample, with a reviewer's name set.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SAMPLE = ROOT / "resources" / "samples" / "sample_fazhi_2023.txt"


def _settle(app, ms: int = 300) -> None:
    from ui.qt import QEventLoop, QTimer

    for _ in range(5):
        app.processEvents()
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def _review_work(window) -> None:
    """A verdict, a correction, a comment and a tag: something for the Review tab to list."""
    review = window.workspace.review
    if review.checks:
        window._activate("check", review.checks[0].review.uuid, scroll=True)
        window.inspector.verdict_reason.setText("分项之和与合计不符,已请起草处室核对")
        window.set_verdict("confirmed")
    figure = next((rf for rf in review.figures if rf.figure.text == "12836户"), review.figures[0])
    window.correct_item("figure", figure.review.uuid, "label", "新登记各类市场主体数")


def _grab(app, window, size: tuple[int, int], out: Path, tab: str) -> None:
    window.resize(*size)
    inspector = window.inspector
    inspector.setCurrentWidget({"figures": inspector.figures_view.parentWidget(),
                                "checks": inspector.checks_view.parentWidget(),
                                "citations": inspector.citations_view.parentWidget(),
                                "review": inspector.review_pane}[tab])
    _settle(app)
    window.resize(*size)
    _settle(app, 100)
    if window.grab().save(str(out)):
        print(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs"))
    parser.add_argument("--every-tab", action="store_true",
                        help="also grab the Figures and Citations tabs at both sizes (to look at, not for docs/)")
    args = parser.parse_args(argv)
    out = Path(args.out)
    scratch = Path(tempfile.mkdtemp(prefix="window-shots-"))
    os.environ["REVIEWER_SETTINGS_DIR"] = str(scratch / "settings")
    os.environ["REVIEWER_DATA_DIR"] = str(scratch / "data")
    os.environ["REVIEWER_CACHE_DIR"] = str(scratch / "cache")

    from ui import i18n
    from ui.app import create_app
    from ui.main_window import MainWindow
    from ui.settings import Settings
    from ui.workers import SyncPool

    app = create_app([sys.argv[0]])
    i18n.install("zh_CN")
    settings = Settings()
    settings.reviewer = "王律师"
    window = MainWindow(settings, pool=SyncPool(), library_path=str(scratch / "library.db"))
    window.resize(1400, 900)
    window.show()
    window.import_paths([str(SAMPLE)])
    window.go_next(kinds=("check",), unreviewed=False)
    _grab(app, window, (1400, 900), out / "screenshot.png", "checks")
    _grab(app, window, (1280, 720), out / "verdicts-1280x720.png", "checks")
    _review_work(window)
    _grab(app, window, (1280, 720), out / "review-pane-1280x720.png", "review")
    _grab(app, window, (1920, 1080), out / "review-pane-1920x1080.png", "review")
    if args.every_tab:
        for tab in ("figures", "checks", "citations"):
            for size in ((1280, 720), (1920, 1080)):
                _grab(app, window, size, out / f"{tab}-{size[0]}x{size[1]}.png", tab)
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
