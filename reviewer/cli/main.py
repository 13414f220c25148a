"""``python -m reviewer``: the command line.  Each group of subcommands lives in its own module
and registers itself here; messages go to stderr, results to stdout, never a traceback."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable
from pathlib import Path

from reviewer import __version__
from reviewer.cli.arguments import ArgumentParser, language_from
from reviewer.messages import LANGUAGE_CODES, ReviewerError, render, set_language

# Modules that add subcommands through ``register(subparsers)``.
COMMAND_MODULES = ("reviewer.cli.analyze", "reviewer.cli.library", "reviewer.cli.team")


def build_parser() -> argparse.ArgumentParser:
    """The parser, in the language already set (its help texts are rendered as it is built)."""
    parser = ArgumentParser(prog="python -m reviewer", description=render("cli_help_description"))
    parser.add_argument("--version", action="version", version=f"report-reviewer {__version__}",
                        help=render("cli_help_version"))
    parser.add_argument("--lang", choices=LANGUAGE_CODES, help=render("cli_help_lang"))
    parser.add_argument("--db", dest="global_db", metavar="DB", type=Path, default=None,
                        help=render("cli_help_global_db"))
    parser.add_argument("--self-test", action="store_true", help=render("cli_help_self_test"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title=render("cli_commands"))
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        module.register(sub)
    for command in sub.choices.values():  # global options after the subcommand too
        command.add_argument("--lang", dest="command_lang", choices=LANGUAGE_CODES, default=None,
                             help=render("cli_help_lang"))
    return parser


def parse(parser: argparse.ArgumentParser, argv: list[str] | None) -> argparse.Namespace:
    """Parse, folding the global options given after the subcommand into the global ones."""
    args = parser.parse_args(argv)
    args.lang = getattr(args, "command_lang", None) or args.lang
    if args.global_db is not None and args.command:
        if not hasattr(args, "db"):
            parser.error(render("cli_db_not_applicable", command=args.command or ""))
        args.db = args.db or args.global_db
    return args


def main(argv: list[str] | None = None, self_test: Callable[[], int] | None = None) -> int:
    """The command line; ``self_test`` runs ``--self-test`` (by default the core's steps alone:
    the console entry point ``ui.console`` hands in the full one, with the window's steps, which
    the core cannot import)."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(encoding="utf-8")
        except (AttributeError, ValueError):
            pass
    argv = list(sys.argv[1:] if argv is None else argv)
    chosen = language_from(argv)
    if chosen:
        set_language(chosen)  # before the parser is built: --help speaks it too
    parser = build_parser()
    args = parse(parser, argv)
    if args.lang:
        set_language(args.lang)
    if args.self_test and self_test is None:
        from reviewer.cli.selftest import main as self_test
    if not args.self_test and not getattr(args, "handler", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        code = int((self_test() if args.self_test else args.handler(args)) or 0)
        sys.stdout.flush()  # a closed pipe shows here, not in the interpreter's exit
        return code
    except BrokenPipeError:
        return closed_pipe()
    except ReviewerError as exc:
        print(exc.message(), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def closed_pipe() -> int:
    """The reader of our output went away (``| head -1``): stop quietly, as Unix tools do.

    Whatever is still buffered for stdout goes to the null device, so the interpreter's own flush
    at exit cannot complain about the closed pipe a second time."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (AttributeError, OSError, ValueError):  # a stdout without a file (tests, embedding)
        pass
    return 0
