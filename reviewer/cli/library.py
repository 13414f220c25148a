"""Library subcommands: ``import``, ``reanalyse``, ``list``, ``show``, ``export``, ``merge``, each
with ``--db``.

Results go to stdout, messages to stderr; bad input gives a clear message and a non-zero exit
code, never a traceback (1: a problem with the input or the library, 2: usage).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from reviewer import paths
from reviewer.cli.arguments import guard
from reviewer.cli.display import format_review
from reviewer.library.pgsql import is_team_url, library_target
from reviewer.messages import ReviewerError, language, render

# What a library may hold but a terminal must not be sent: control characters (BEL, ESC
# sequences) and lone surrogates; line breaks and tabs stay.
_UNSAFE_FOR_TERMINAL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def terminal_safe(text: str) -> str:
    return _UNSAFE_FOR_TERMINAL.sub("", text)


def _library_options(p: argparse.ArgumentParser, reviewer: bool = False) -> None:
    p.add_argument("--db", metavar="DB", type=library_target, default=None,
                   help=render("cli_help_db", path=paths.default_library_path()))
    if reviewer:
        p.add_argument("--reviewer", metavar="NAME", default="",
                       help=render("cli_help_reviewer"))


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import", help=render("cli_help_import"), description=render("cli_desc_import"))
    p.add_argument("paths", nargs="+", metavar="PATH", type=Path, help=render("cli_help_paths"))
    p.add_argument("--jobs", metavar="N", type=_jobs, default=None, help=render("cli_help_jobs"))
    _library_options(p, reviewer=True)
    p.set_defaults(handler=guard(run_import))

    p = sub.add_parser("reanalyse", help=render("cli_help_reanalyse"), description=render("cli_desc_reanalyse"))
    p.add_argument("docs", nargs="*", metavar="DOC", help=render("cli_help_docs"))
    _library_options(p, reviewer=True)
    p.set_defaults(handler=guard(run_reanalyse))

    p = sub.add_parser("list", help=render("cli_help_list"), description=render("cli_desc_list"))
    _library_options(p)
    p.add_argument("--format", choices=["text", "json"], default="text", help=render("cli_help_format"))
    p.set_defaults(handler=guard(run_list))

    p = sub.add_parser("show", help=render("cli_help_show"), description=render("cli_desc_show"))
    p.add_argument("doc", metavar="DOC", help=render("cli_help_doc_key"))
    _library_options(p)
    p.set_defaults(handler=guard(run_show))

    p = sub.add_parser("export", help=render("cli_help_export"), description=render("cli_desc_export"))
    p.add_argument("--xlsx", metavar="OUT", type=Path, default=None, help=render("cli_help_xlsx"))
    p.add_argument("--memo", metavar="OUT.docx", type=Path, default=None, help=render("cli_help_memo"))
    p.add_argument("--annotated", metavar="OUT.docx", type=Path, default=None, help=render("cli_help_annotated"))
    p.add_argument("--doc", metavar="ID", action="append", default=None, help=render("cli_help_doc"))
    _library_options(p)
    p.set_defaults(handler=guard(run_export))

    p = sub.add_parser("merge", help=render("cli_help_merge"), description=render("cli_desc_merge"))
    p.add_argument("other", metavar="OTHER.db", type=Path, help=render("cli_help_other"))
    _library_options(p, reviewer=True)
    p.set_defaults(handler=guard(run_merge))


def _jobs(value: str) -> int:
    """``--jobs``: a whole number of worker processes, at least 1."""
    try:
        jobs = int(value)
    except ValueError:
        jobs = 0
    if jobs < 1:
        raise argparse.ArgumentTypeError(render("cli_bad_jobs", value=value))
    return jobs


def _open(args: argparse.Namespace, create: bool = False):
    """The library of ``--db`` (or the default one).  Only ``import`` and ``merge`` may create it,
    and say so; a command that reads refuses a missing file, so a mistyped --db creates nothing."""
    from reviewer.library.store import Library

    if is_team_url(args.db):  # a team library on a server: it exists or the server says so
        return Library(args.db, reviewer=getattr(args, "reviewer", "") or "")
    path = Path(args.db) if args.db is not None else paths.default_library_path()
    missing = not path.exists() or (path.is_file() and path.stat().st_size == 0)
    if missing and not create:
        raise ReviewerError("cli_library_missing", path=str(path))
    lib = Library(path, reviewer=getattr(args, "reviewer", "") or "")
    if missing:
        print(render("cli_library_created", path=str(path)), file=sys.stderr, flush=True)
    return lib


def run_import(args: argparse.Namespace) -> int:
    from reviewer.cli.importing import run_import as import_paths

    if not any(path.exists() for path in args.paths):  # nothing to import: no new library either
        for path in args.paths:
            print(ReviewerError("file_missing", path=str(path)).message(), file=sys.stderr)
        return 1
    with _open(args, create=True) as lib:
        return import_paths(lib, args.paths, args.jobs)


def run_reanalyse(args: argparse.Namespace) -> int:
    with _open(args) as lib:
        targets = ([resolve_document(lib, key) for key in args.docs] if args.docs
                   else [d.doc_uuid for d in lib.list_documents()])
        for doc_uuid in targets:
            a = lib.reanalyse(doc_uuid)
            print(f"~ {doc_uuid[:8]}  " + render("cli_reanalysed", kept=a.items_kept, lost=a.items_orphaned))
    return 0


def run_list(args: argparse.Namespace) -> int:
    with _open(args) as lib:
        docs = lib.list_documents()
    if args.format == "json":
        json.dump([{"number": i, "doc_uuid": d.doc_uuid, "name": d.display_name, "file_name": d.file_name,
                    "path": d.path, "title": d.title, "issuer": d.issuer,
                    "report_year": d.report_year, "published": d.published, "doc_number": d.doc_number,
                    "imported_at": d.imported_at, "items_total": d.items_total, "items_reviewed": d.items_reviewed,
                    "reviewed_share": round(d.reviewed_share, 4), "open_checks": d.open_checks,
                    "last_change": d.last_change, "last_reviewer": d.last_reviewer}
                   for i, d in enumerate(docs, start=1)], sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    if not docs:
        print(render("cli_library_empty"), file=sys.stderr)
        return 0
    print(render("cli_list_header"))
    for i, d in enumerate(docs, start=1):
        print(terminal_safe(f"{i:>3}  {d.doc_uuid[:8]}  {d.report_year or '—':<4}  {d.reviewed_share:>6.0%}  {d.open_checks:>4}  "
              f"{d.display_name}  {d.file_name}"))
    return 0


def resolve_document(lib, key: str) -> str:
    """A report named on the command line: its number in `list`, the start of its id, or its path."""
    docs = lib.list_documents()
    if key.isdigit() and len(key) < 4:  # a number from `list`, never the start of an id
        if 1 <= int(key) <= len(docs):
            return docs[int(key) - 1].doc_uuid
        raise ReviewerError("document_missing", uuid=key)
    matches = [d for d in docs if d.doc_uuid.startswith(key.lower())]
    if not matches:
        resolved = str(Path(key).resolve())
        matches = [d for d in docs if d.path in (key, resolved)]
    if len(matches) == 1:
        return matches[0].doc_uuid
    if not matches:
        raise ReviewerError("document_missing", uuid=key)
    raise ReviewerError("document_ambiguous", key=key, matches=", ".join(d.doc_uuid[:8] for d in matches))


def run_show(args: argparse.Namespace) -> int:
    with _open(args) as lib:
        review = lib.load_review(resolve_document(lib, args.doc))
    print(terminal_safe(format_review(review)))
    return 0


def run_export(args: argparse.Namespace) -> int:
    try:
        from reviewer.export.workbook import export_workbook
    except ImportError as exc:
        raise ReviewerError("export_unavailable", reason=str(exc)) from None
    if not (args.xlsx or args.memo or args.annotated):
        raise ReviewerError("export_no_output")
    if args.annotated and len(args.doc or []) != 1:
        raise ReviewerError("annotated_needs_one_doc")
    with _open(args) as lib:
        doc_uuids = [resolve_document(lib, key) for key in args.doc] if args.doc else None
        if args.xlsx:
            result = export_workbook(lib, args.xlsx, doc_uuids=doc_uuids, language=language())
            print(render("cli_exported", path=str(result if isinstance(result, (str, Path)) else args.xlsx)))
        if args.memo or args.annotated:
            from reviewer.cli.documents import export_documents

            for line in export_documents(lib, doc_uuids, args.memo, args.annotated, language()):
                print(line)
    return 0


def run_merge(args: argparse.Namespace) -> int:
    if not args.other.exists():  # checked first, so a typo creates no library
        raise ReviewerError("cli_library_missing", path=str(args.other))
    with _open(args, create=True) as lib:
        report = lib.merge_from(args.other)
    print(terminal_safe(report.format()))
    return 0
