"""Entry point of the frozen ReportReviewer(.exe): the GUI, or ``--self-test``.

``--self-test`` is handled here before any window code runs, so the packaged program can be
checked even while the GUI's own start-up changes; ``ui.app.main`` offers the same switch for
installs from source.
"""

import multiprocessing
import sys


def main() -> int:
    # a frozen program started as the analysis process (reviewer.library.analysis_process) runs
    # that here and exits, instead of opening a second window
    multiprocessing.freeze_support()
    if "--self-test" in sys.argv[1:]:
        from ui.selftest import run_self_test

        return run_self_test()
    from ui.app import main as app_main

    return int(app_main() or 0)


if __name__ == "__main__":
    sys.exit(main())
