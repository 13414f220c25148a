"""Entry point of the frozen ReportReviewer-cli(.exe), the console companion of the windowed
program: the command line of ``python -m reviewer`` (analyze, library …) and ``--self-test`` with
its lines on the console, which a windowed Windows program cannot show.
"""

import sys


def main() -> int:
    if "--self-test" in sys.argv[1:]:
        from ui.selftest import run_self_test

        return run_self_test()
    from reviewer.cli.main import main as cli_main

    return int(cli_main() or 0)


if __name__ == "__main__":
    sys.exit(main())
