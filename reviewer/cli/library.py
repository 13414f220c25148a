"""Library subcommands: ``import``, ``reanalyse``, ``list``, ``show``, ``export``, ``merge``, each
with ``--db``.

Results go to stdout, messages to stderr; bad input gives a clear message and a non-zero exit
code, never a traceback (1: a problem with the input or the library, 2: usage).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

from reviewer import paths
from reviewer.library.pgsql import library_target
from reviewer.library.review import DocumentReview, ItemReview
from reviewer.messages import ReviewerError, language

STATUS_MARKS = {"unreviewed": "·", "confirmed": "✓", "corrected": "✎", "rejected": "✗"}


def _en() -> bool:
    return language() == "en"


def _t(zh: str, en: str) -> str:
    return en if _en() else zh


def _library_options(p: argparse.ArgumentParser, reviewer: bool = False) -> None:
    p.add_argument("--db", metavar="DB", type=library_target, default=None,
                   help=f"review library file, or a team library postgresql://user@host/db"
                        f" (default: {paths.default_library_path()})")
    if reviewer:
        p.add_argument("--reviewer", metavar="NAME", default="",
                       help="your name, recorded with every change (default: $REVIEWER_NAME or the login name)")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import", help="import report files or folders into a review library",
                       description="Import reports (txt, docx, pdf, html; folders are searched) into the library. "
                                   "A file already there is not duplicated; a changed file at a known path is "
                                   "re-analysed and the review work re-anchored.")
    p.add_argument("paths", nargs="+", metavar="PATH", type=Path)
    _library_options(p, reviewer=True)
    p.set_defaults(handler=_guard(run_import))

    p = sub.add_parser("reanalyse", help="analyse stored reports again, keeping the review work",
                       description="Run this version's analysis again over reports already in the library "
                                   "(all, or those given). Corrections, tags, comments and annotations are kept.")
    p.add_argument("docs", nargs="*", metavar="DOC", help="number from `list`, id prefix or path (default: all)")
    _library_options(p, reviewer=True)
    p.set_defaults(handler=_guard(run_reanalyse))

    p = sub.add_parser("list", help="list the reports in a review library",
                       description="List the reports in the library with their review progress.")
    _library_options(p)
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(handler=_guard(run_list))

    p = sub.add_parser("show", help="show one report's outline, figures and review state",
                       description="Show a report's outline with figures, checks, annotations and review state. "
                                   "DOC is the number from `list`, the start of the report id, or its path.")
    p.add_argument("doc", metavar="DOC")
    _library_options(p)
    p.set_defaults(handler=_guard(run_show))

    p = sub.add_parser("export", help="export reports and their review to an Excel workbook",
                       description="Write an Excel workbook of the reports (all, or those given with --doc).")
    p.add_argument("--xlsx", metavar="OUT", type=Path, required=True, help="workbook to write")
    p.add_argument("--doc", metavar="ID", action="append", default=None,
                   help="a report to export (number from `list`, id prefix or path); repeatable")
    _library_options(p)
    p.set_defaults(handler=_guard(run_export))

    p = sub.add_parser("merge", help="merge another reviewer's library into this one",
                       description="Bring another library's reports and review work into this one. Conflicting "
                                   "corrections are kept side by side and listed; the other file is not changed.")
    p.add_argument("other", metavar="OTHER.db", type=Path)
    _library_options(p, reviewer=True)
    p.set_defaults(handler=_guard(run_merge))


def _guard(handler: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """Every failure becomes a message and exit code 1, never a traceback."""

    def run(args: argparse.Namespace) -> int:
        try:
            return handler(args)
        except ReviewerError as exc:
            print(exc.message(), file=sys.stderr)
            return 1
        except KeyboardInterrupt:
            return 130
        except Exception as exc:
            print(_t("出错了:", "Error: ") + f"{type(exc).__name__}: {exc}", file=sys.stderr)
            return 1

    return run


def _open(args: argparse.Namespace):
    from reviewer.library.store import Library

    return Library(args.db, reviewer=getattr(args, "reviewer", "") or "")


def run_import(args: argparse.Namespace) -> int:
    from reviewer.library.connection import SUPPORTED_SUFFIXES

    failed = False
    with _open(args) as lib:
        for path in args.paths:
            if path.is_dir():
                def progress(done: int, total: int, name: str) -> None:
                    print(f"[{done}/{total}] {name}", file=sys.stderr)

                results = lib.import_folder(path, progress=progress)
                if not results:
                    print(ReviewerError("nothing_to_import", path=str(path)).message(), file=sys.stderr)
                    failed = True
            elif path.exists() and path.suffix.lower() not in SUPPORTED_SUFFIXES:
                print(ReviewerError("unsupported_format", ext=path.suffix, path=str(path)).message(), file=sys.stderr)
                failed = True
                continue
            else:
                results = [lib.import_file(path)]
            for r in results:
                if r.error:
                    failed = True
                    print(f"! {r.error}", file=sys.stderr)
                elif r.created:
                    print(f"+ {r.doc_uuid[:8]} {r.path}  " + _t("已导入", "imported"))
                elif r.anchoring is not None:
                    a = r.anchoring
                    print(f"~ {r.doc_uuid[:8]} {r.path}  " + _t(
                        f"文字有变,已重新分析;标注 精确 {a.exact}、模糊 {a.fuzzy}、未能定位 {a.orphaned};"
                        f"条目 保留 {a.items_kept}、失去位置 {a.items_orphaned}",
                        f"text changed, re-analysed; annotations exact {a.exact}, fuzzy {a.fuzzy}, orphaned "
                        f"{a.orphaned}; items kept {a.items_kept}, orphaned {a.items_orphaned}"))
                else:
                    print(f"= {r.doc_uuid[:8]} {r.path}  " + _t("已在库中,未重复导入", "already in the library"))
    return 1 if failed else 0


def run_reanalyse(args: argparse.Namespace) -> int:
    with _open(args) as lib:
        targets = ([resolve_document(lib, key) for key in args.docs] if args.docs
                   else [d.doc_uuid for d in lib.list_documents()])
        for doc_uuid in targets:
            a = lib.reanalyse(doc_uuid)
            print(f"~ {doc_uuid[:8]}  " + _t(f"已重新分析;条目 保留 {a.items_kept}、失去位置 {a.items_orphaned}",
                                            f"re-analysed; items kept {a.items_kept}, orphaned {a.items_orphaned}"))
    return 0


def run_list(args: argparse.Namespace) -> int:
    with _open(args) as lib:
        docs = lib.list_documents()
    if args.format == "json":
        json.dump([{"number": i, "doc_uuid": d.doc_uuid, "path": d.path, "title": d.title, "issuer": d.issuer,
                    "report_year": d.report_year, "published": d.published, "doc_number": d.doc_number,
                    "imported_at": d.imported_at, "items_total": d.items_total, "items_reviewed": d.items_reviewed,
                    "reviewed_share": round(d.reviewed_share, 4), "open_checks": d.open_checks,
                    "last_change": d.last_change, "last_reviewer": d.last_reviewer}
                   for i, d in enumerate(docs, start=1)], sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    if not docs:
        print(_t("库中还没有报告。用 `python -m reviewer import 文件或文件夹` 导入。",
                 "The library has no reports yet. Import some with `python -m reviewer import PATH`."),
              file=sys.stderr)
        return 0
    print(_t("序号 编号      年度  已审阅  待查  标题", " #  id        year  reviewed checks title"))
    for i, d in enumerate(docs, start=1):
        title = d.title or Path(d.path).name
        print(f"{i:>3}  {d.doc_uuid[:8]}  {d.report_year or '—':<4}  {d.reviewed_share:>6.0%}  {d.open_checks:>4}  "
              f"{title}")
    return 0


def resolve_document(lib, key: str) -> str:
    """A report named on the command line: its number in `list`, the start of its id, or its path."""
    docs = lib.list_documents()
    if key.isdigit() and 1 <= int(key) <= len(docs) and len(key) < 4:
        return docs[int(key) - 1].doc_uuid
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
    print(format_review(review))
    return 0


def _marks(item: ItemReview) -> str:
    parts = [STATUS_MARKS.get(item.status, "?")]
    if item.original:
        parts.append(_t("原:", "was: ") + ", ".join(f"{k}={v}" for k, v in item.original.items()))
    if item.conflicts:
        parts.append(_t("冲突:", "conflict: ") + ", ".join(item.conflicts))
    if item.tags:
        parts.append("#" + " #".join(t.path for t in item.tags))
    parts += [f"«{c.reviewer}: {c.body}»" for c in item.comments]
    return " ".join(parts)


def format_review(review: DocumentReview) -> str:
    """The outline with figures and the review state, for a terminal."""
    m = review.metadata
    lines = [f"== {review.document.path}  [{review.doc_uuid}]",
             _t("标题", "Title") + f" {m.title or '—'} | " + _t("发布单位", "Issuer") + f" {m.issuer or '—'} | "
             + _t("发布日期", "Published") + f" {m.published or '—'} | " + _t("年度", "Year") + f" {m.report_year or '—'} | "
             + _t("文号", "Doc no.") + f" {m.doc_number or '—'}  {_marks(review.metadata_review)}",
             _t("已审阅", "Reviewed") + f" {review.reviewed_share:.0%}   "
             + "  ".join(f"{mark} {name}" for name, mark in STATUS_MARKS.items())]
    by_section: dict[int | None, list] = {}
    for f in review.figures:
        by_section.setdefault(f.figure.section, []).append(f)

    def figure_lines(section_id: int | None, indent: str) -> list[str]:
        return [f"{indent}    {f.review.uuid[:8]} {f.figure.label or '?'}: {f.figure.text} = {f.figure.value} "
                f"{f.figure.unit or ''} [{f.figure.kind}] {_marks(f.review)}"
                for f in by_section.get(section_id, [])]

    lines += figure_lines(None, "")
    for s in review.sections:
        indent = "  " * max(s.section.level - 1, 0)
        lines.append(f"{indent}{s.review.uuid[:8]} {s.section.number} {s.section.title}  {_marks(s.review)}")
        lines += figure_lines(s.section.id, indent)
    if review.citations:
        lines.append(_t("引用", "Citations") + f" {len(review.citations)}:")
        lines += [f"  {c.review.uuid[:8]} {c.citation.text} {_marks(c.review)}" for c in review.citations]
    for c in review.checks:
        lines.append(f"! {c.review.uuid[:8]} [{c.check.kind}] {c.check.message} {_marks(c.review)}")
    for c in review.advisories:
        lines.append(f"? {c.review.uuid[:8]} [{c.check.kind}] {c.check.message} {_marks(c.review)}")
    for x in review.orphaned_items:
        item = getattr(x, "section", None) or getattr(x, "figure", None) or getattr(x, "citation", None) \
            or getattr(x, "check", None)
        words = getattr(item, "title", None) or getattr(item, "text", None) or getattr(item, "message", "")
        lines.append(f"? {x.review.uuid[:8]} " + _t("(改版后未找到原文)", "(words not found after re-import)")
                     + f" {words} {_marks(x.review)}")
    for a in review.annotations:
        where = f"{a.start}-{a.end}" if a.start is not None else _t("未能定位", "orphaned")
        lines.append(f"@ {a.uuid[:8]} [{where}, {a.anchor_state}] “{a.quote}” {a.note} ({a.reviewer}) "
                     f"{_marks(a.review) if a.review else ''}")
    return "\n".join(lines)


def run_export(args: argparse.Namespace) -> int:
    try:
        from reviewer.export.workbook import export_workbook
    except ImportError as exc:
        raise ReviewerError("export_unavailable", reason=str(exc)) from None
    with _open(args) as lib:
        doc_uuids = [resolve_document(lib, key) for key in args.doc] if args.doc else None
        result = export_workbook(lib, args.xlsx, doc_uuids=doc_uuids, language=language())
    print(_t("已导出:", "Exported: ") + str(result if isinstance(result, (str, Path)) else args.xlsx))
    return 0


def run_merge(args: argparse.Namespace) -> int:
    with _open(args) as lib:
        report = lib.merge_from(args.other)
    print(report.format())
    return 0
