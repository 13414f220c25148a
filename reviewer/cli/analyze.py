"""``analyze``: print the analysis of report files as JSON (the contract) or as readable text."""

from __future__ import annotations

import argparse
import json
import sys

from reviewer.messages import ReviewerError
from reviewer.model import Analysis, error_json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("analyze", help="analyse report files and print the result",
                       description="Analyse report files; JSON goes to stdout, messages to stderr.")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--format", choices=["json", "text"], default="json")
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
    m = analysis.metadata
    lines = [f"== {analysis.document.path}",
             f"标题 {m.title or '—'} | 发布单位 {m.issuer or '—'} | 发布日期 {m.published or '—'} | "
             f"年度 {m.report_year or '—'} | 文号 {m.doc_number or '—'} | {m.script}"]
    figures_by_section: dict[int | None, list] = {}
    for f in analysis.figures:
        figures_by_section.setdefault(f.section, []).append(f)

    def figure_lines(section_id: int | None, indent: str) -> list[str]:
        return [f"{indent}  · {f.label or '?'}: {f.text} = {f.value} {f.unit or ''} [{f.kind}]"
                for f in figures_by_section.get(section_id, [])]

    lines += figure_lines(None, "")
    for s in analysis.sections:
        indent = "  " * (s.level - 1)
        lines.append(f"{indent}{s.style or s.number} {s.title}")
        lines += figure_lines(s.id, indent)
    if analysis.citations:
        lines.append(f"引用 {len(analysis.citations)}: " + "; ".join(c.text for c in analysis.citations[:20]))
    for c in analysis.checks:
        lines.append(f"! [{c.kind}] {c.message}")
    return "\n".join(lines)
