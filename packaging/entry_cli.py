"""Entry point of the frozen ReportReviewer-cli(.exe), the console companion of the windowed
program: the command line of ``python -m reviewer`` (analyze, library …) and ``--self-test`` with
its lines on the console, which a windowed Windows program cannot show.  It is the installed
``report-reviewer-cli`` (``ui.console``), so both run the same full self-test.

``freeze_support`` first: ``import`` analyses a folder in worker processes, and a frozen
program started as one of them must run the worker, not the command line.
"""

import multiprocessing
import sys

from ui.console import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
