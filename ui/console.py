"""``report-reviewer-cli``, the console entry point: the command line of ``python -m reviewer``,
whose ``--self-test`` runs every step — the core's and the window's — as ``report-reviewer
--self-test`` and the frozen ``ReportReviewer-cli`` do.

The core never imports ``ui``, so ``reviewer.cli.main`` alone can only run the core's steps; this
entry point hands it the full self-test.  Where PySide6 is not installed the core's steps still
run, after a line saying why the window's are left out.  Nothing here imports Qt unless the
self-test runs.
"""

from __future__ import annotations

import sys


def full_self_test() -> int:
    """Every self-test step (``ui.selftest``), or the core's alone where there is no PySide6."""
    try:
        import PySide6  # noqa: F401  (only whether it is there; the window step loads Qt itself)
    except ImportError:
        from reviewer.cli.selftest import main as core_self_test
        from reviewer.messages import render

        print(render("selftest_no_qt"), flush=True)
        return int(core_self_test() or 0)
    from ui.selftest import run_self_test

    return int(run_self_test() or 0)


def main(argv: list[str] | None = None) -> int:
    from reviewer.cli.main import main as cli_main

    return int(cli_main(argv, self_test=full_self_test) or 0)


if __name__ == "__main__":
    sys.exit(main())
