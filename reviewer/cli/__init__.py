"""The command line (``python -m reviewer``) and the installation self-test.

Each group of subcommands lives in its own module and registers itself in ``main``; messages go
to stderr, results to stdout, never a traceback.  ``arguments`` is the parser in the user's
language (``--help`` too), ``display`` the text screens (analyze --format text, show),
``importing`` the import command (a line per stored report, Ctrl-C, skipped files).

May import: everything in ``reviewer``.
Exports: ``main(argv) -> exit code``.
"""

from reviewer.cli.main import main

__all__ = ["main"]
