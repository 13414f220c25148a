"""``python -m reviewer``: the command line.  Each group of subcommands lives in its own module
and registers itself here; messages go to stderr, results to stdout, never a traceback."""

from __future__ import annotations

import argparse
import importlib
import sys

from reviewer import __version__
from reviewer.messages import ReviewerError, set_language

# Modules that add subcommands through ``register(subparsers)``.
COMMAND_MODULES = ("reviewer.cli.analyze", "reviewer.cli.library", "reviewer.cli.team")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m reviewer",
        description="报告审阅 Report Reviewer — analyse Chinese government reports and manage review libraries.",
    )
    parser.add_argument("--version", action="version", version=f"report-reviewer {__version__}")
    parser.add_argument("--lang", choices=["zh", "en"], help="language of messages (default: zh)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(encoding="utf-8")
        except (AttributeError, ValueError):
            pass
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.lang:
        set_language(args.lang)
    if not getattr(args, "handler", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.handler(args) or 0)
    except ReviewerError as exc:
        print(exc.message(), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
