"""``import``: reports into a library, one result line per file as soon as it is stored.

Lines are printed (and flushed) as the work is done, so Ctrl-C loses nothing that was reported:
an interrupted import says how many reports went in, and every report is stored in its own
transaction, so the library stays consistent and running the command again imports the rest.
A folder's files that cannot be imported are listed with the reason, never skipped silently.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from reviewer.library.connection import SUPPORTED_SUFFIXES
from reviewer.load.dispatch import LEGACY_EXTENSIONS
from reviewer.messages import ReviewerError, render


@dataclass
class FolderPlan:
    """What importing a folder will do: the files to import, and the others with the reason."""

    files: list[Path] = field(default_factory=list)
    skipped: list[tuple[Path, ReviewerError]] = field(default_factory=list)


def importable(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED_SUFFIXES


def skip_reason(path: Path) -> ReviewerError:
    """Why a file is not imported; an old Office file gets the advice to save it as .docx."""
    if path.suffix.lower() in LEGACY_EXTENSIONS:
        return ReviewerError("legacy_office", path=str(path))
    return ReviewerError("unsupported_format", ext=path.suffix or "?", path=str(path))


def plan_folder(root: Path) -> FolderPlan:
    """The folder's files in the order they are imported (the library's own folder rule); Office
    lock files (~$…) and hidden files (.DS_Store) are passed over without a word."""
    plan = FolderPlan()
    for p in sorted(root.rglob("*")):
        if not p.is_file() or p.name.startswith(("~$", ".")):
            continue
        if importable(p):
            plan.files.append(p)
        else:
            plan.skipped.append((p, skip_reason(p)))
    return plan


@dataclass
class Tally:
    imported: int = 0  # reports now in the library: new, updated or already there
    failed: bool = False


def run_import(lib, paths: list[Path]) -> int:
    """Import ``paths`` (files and folders) into ``lib``; 130 with a summary after Ctrl-C."""
    tally = Tally()
    try:
        for path in paths:
            if path.is_dir():
                import_folder(lib, path, tally)
            elif path.exists() and not importable(path):
                print(skip_reason(path).message(), file=sys.stderr)
                tally.failed = True
            else:
                report(lib.import_file(path), tally)
    except KeyboardInterrupt:
        sys.stdout.flush()
        print(render("cli_import_interrupted", done=tally.imported), file=sys.stderr, flush=True)
        return 130
    return 1 if tally.failed else 0


def import_folder(lib, folder: Path, tally: Tally) -> None:
    plan = plan_folder(folder)
    for _, reason in plan.skipped:
        print(render("cli_skipped", reason=reason.message()), file=sys.stderr, flush=True)
    if not plan.files:
        print(ReviewerError("nothing_to_import", path=str(folder)).message(), file=sys.stderr)
        tally.failed = True
        return
    for done, p in enumerate(plan.files, start=1):
        result = lib.import_file(p)
        print(f"[{done}/{len(plan.files)}] {p}", file=sys.stderr, flush=True)
        report(result, tally)


def report(r, tally: Tally) -> None:
    """One result line on stdout (errors on stderr), flushed at once."""
    if r.error:
        tally.failed = True
        print(f"! {r.error}", file=sys.stderr, flush=True)
        return
    tally.imported += 1
    if r.created:
        line = f"+ {r.doc_uuid[:8]} {r.path}  " + render("cli_imported")
    elif r.anchoring is not None:
        a = r.anchoring
        line = f"~ {r.doc_uuid[:8]} {r.path}  " + render(
            "cli_reimported", exact=a.exact, fuzzy=a.fuzzy, orphaned=a.orphaned, kept=a.items_kept,
            lost=a.items_orphaned)
    else:
        line = f"= {r.doc_uuid[:8]} {r.path}  " + render("cli_already_imported")
    print(line, flush=True)
