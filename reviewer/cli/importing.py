"""``import``: reports into a library, one result line per file as soon as it is stored.

Lines are printed (and flushed) as the work is done, so Ctrl-C loses nothing that was reported:
an interrupted import says how many reports went in, and every report is stored in its own
transaction, so the library stays consistent and running the command again imports the rest.
A folder's files that cannot be imported are listed with the reason, never skipped silently.
The files are analysed by worker processes (``library.batch``) and stored here, one by one in
the order given, so the lines and the library are those of an import done file by file.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from reviewer.library.batch import analysed_in_order
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


@dataclass
class Step:
    """One step of an import in the order of the command line: messages to print first, then
    (unless ``path`` is None) one file to store, with its ``[n/total]`` in a folder."""

    notes: list[str] = field(default_factory=list)
    fails: bool = False  # the notes say something could not be imported
    path: Path | None = None
    counter: str = ""


def plan_import(paths: list[Path]) -> list[Step]:
    """The steps of importing ``paths`` (files and folders), folders listed at once, so that
    every file can be handed to the workers while the first ones are stored."""
    steps: list[Step] = []
    for path in paths:
        if not path.is_dir():
            if path.exists() and not importable(path):
                steps.append(Step([skip_reason(path).message()], fails=True))
            else:
                steps.append(Step(path=path))
            continue
        plan = plan_folder(path)
        notes = [render("cli_skipped", reason=reason.message()) for _, reason in plan.skipped]
        if not plan.files:
            steps.append(Step([*notes, ReviewerError("nothing_to_import", path=str(path)).message()], fails=True))
            continue
        steps += [Step(notes if done == 1 else [], path=p, counter=f"[{done}/{len(plan.files)}] ")
                  for done, p in enumerate(plan.files, start=1)]
    return steps


def run_import(lib, paths: list[Path], workers: int | None = None) -> int:
    """Import ``paths`` (files and folders) into ``lib``, the files analysed by ``workers``
    processes (default: one per core) and stored here in order; 130 with a summary after
    Ctrl-C."""
    tally = Tally()
    steps = plan_import(paths)
    try:
        with analysed_in_order([s.path for s in steps if s.path is not None], workers) as outcomes:
            for step in steps:
                for note in step.notes:
                    print(note, file=sys.stderr, flush=True)
                tally.failed |= step.fails
                if step.path is None:
                    continue
                path, outcome = next(outcomes)
                result = lib.import_outcome(outcome)
                if step.counter:
                    print(f"{step.counter}{path}", file=sys.stderr, flush=True)
                report(result, tally)
    except KeyboardInterrupt:
        sys.stdout.flush()
        print(render("cli_import_interrupted", done=tally.imported), file=sys.stderr, flush=True)
        return 130
    return 1 if tally.failed else 0


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
