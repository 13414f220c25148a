"""``analyze``: print the analysis of report files as JSON (the contract) or as readable text."""

from __future__ import annotations

import argparse
import json
import sys

from reviewer.messages import ReviewerError, render
from reviewer.model import Analysis, error_json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("analyze", help=render("cli_help_analyze"), description=render("cli_desc_analyze"))
    p.add_argument("paths", nargs="+", metavar="PATH", help=render("cli_help_report_paths"))
    p.add_argument("--format", choices=["json", "text"], default="json", help=render("cli_help_format"))
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    # Imported here, not at the top: ``--help``, ``list`` and the other library commands build
    # this parser too, and must not pay for the finders' modules.
    from reviewer.load.dispatch import load_document
    from reviewer.pipeline import analyze

    failed = False
    results: list[dict] = []
    for path in args.paths:
        try:
            analysis = analyze(load_document(path))
        except ReviewerError as exc:
            failed = True
            print(exc.message(), file=sys.stderr)
            results.append(error_json(path, exc.message()))
            continue
        except Exception as exc:  # never a traceback on the command line
            failed = True
            message = f"{path}: {type(exc).__name__}: {exc}"
            print(message, file=sys.stderr)
            results.append(error_json(path, message))
            continue
        if args.format == "json":
            results.append(analysis.to_json())
        else:
            print(format_text(analysis))
    if args.format == "json":
        json.dump(results, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    return 1 if failed else 0


def format_text(analysis: Analysis) -> str:
    """A readable outline with figures and checks, for a quick look in a terminal."""
    from reviewer.cli.display import format_analysis

    return format_analysis(analysis)
