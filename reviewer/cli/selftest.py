"""The core half of ``report-reviewer --self-test``: proof that an installation — above all a frozen
(PyInstaller) one — has every module and data file the core needs and that they work together.

Each step runs one real path through the program (load modules, start jieba, analyse the bundled
sample, store it in a library, record an edit, export a workbook and read it back) and returns a
short detail for its line; a step that raises fails with the reason, never a traceback, so a
missing piece shows up as one ``FAIL`` line and the remaining steps still run.  Nothing here
imports Qt: the GUI step and the orchestration live in ``ui/selftest.py``.

The library and the workbook go to a temporary folder; only jieba's cache lands where it always
does (the user's cache directory), because checking that is part of the test.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import reviewer
from reviewer import paths

SAMPLE_NAME = "sample_fazhi_2023.txt"
# Written into frozen builds by packaging/report-reviewer.spec: the modules found in the source
# tree at build time, so a module the bundle lacks fails the test instead of going unnoticed.
MANIFEST_NAME = "selftest-manifest.json"
# Modules that the self-test itself needs; required even where no manifest exists.
REQUIRED_MODULES = ("reviewer.pipeline", "reviewer.load.dispatch", "reviewer.analysis.segmenter", "reviewer.library.store",
                    "reviewer.export.workbook")
# Importing these has side effects (``__main__`` runs the command line).
SKIP_MODULES = ("reviewer.__main__",)
EDITED_TITLE = "自检修改的标题 self-test edit"


class StepFailed(Exception):
    """A step's check did not hold; the message is the reason shown after ``FAIL``."""


@dataclass
class StepResult:
    name: str
    ok: bool
    ms: int
    detail: str = ""

    def line(self) -> str:
        if self.ok:
            return f"ok  {self.name} ({self.ms} ms)" + (f": {self.detail}" if self.detail else "")
        return f"FAIL {self.name}: {self.detail}"


@dataclass
class Context:
    """What the steps hand on to each other, and the temporary folder they work in."""

    tmp: Path
    sample: Path | None = None
    library: Any = None
    doc_uuid: str | None = None
    edited_value: str | None = None
    done: set[str] = field(default_factory=set)

    def need(self, *steps: str) -> None:
        missing = [s for s in steps if s not in self.done]
        if missing:
            raise StepFailed(f"skipped, needs step {', '.join(missing)}")

    def close(self) -> None:
        if self.library is not None:
            try:
                self.library.close()
            finally:
                self.library = None


def reason(exc: BaseException) -> str:
    """One line saying why a step failed, naming a missing module plainly."""
    if isinstance(exc, StepFailed):
        return str(exc)
    if isinstance(exc, ModuleNotFoundError):
        return f"missing module {exc.name}"
    frames = traceback.extract_tb(exc.__traceback__)
    where = f" (at {Path(frames[-1].filename).name}:{frames[-1].lineno})" if frames else ""
    return f"{type(exc).__name__}: {exc}{where}"


def run_step(name: str, step: Callable[[Context], str], ctx: Context) -> StepResult:
    started = time.perf_counter()
    try:
        detail = step(ctx) or ""
    except Exception as exc:  # a self-test reports every failure as a line
        return StepResult(name, False, _ms(started), reason(exc))
    ctx.done.add(name)
    return StepResult(name, True, _ms(started), detail)


def _ms(started: float) -> int:
    return round((time.perf_counter() - started) * 1000)


def frozen_root() -> Path | None:
    root = getattr(sys, "_MEIPASS", None)
    return Path(root) if root else None


def expected_modules() -> list[str]:
    """Every module of ``reviewer``: from the build manifest when frozen, else from the package."""
    root = frozen_root()
    if root is not None and (root / MANIFEST_NAME).is_file():
        manifest = json.loads((root / MANIFEST_NAME).read_text(encoding="utf-8"))
        names = set(manifest["modules"])
    else:
        names = {info.name for info in pkgutil.walk_packages(reviewer.__path__, "reviewer.")}
    names.update(REQUIRED_MODULES)
    names.add("reviewer")
    return sorted(n for n in names if n.startswith("reviewer") and n not in SKIP_MODULES)


# -- the steps --------------------------------------------------------------------------------

def step_modules(ctx: Context) -> str:
    names = expected_modules()
    failed = []
    for name in names:
        try:
            importlib.import_module(name)
        except Exception as exc:
            failed.append(f"{name} ({reason(exc)})")
    if failed:
        raise StepFailed(f"{len(failed)} of {len(names)} modules failed to import: " + "; ".join(failed))
    found, missing = late_libraries()
    if missing:
        raise StepFailed("; ".join(missing))
    return f"{len(names)} modules; " + ", ".join(found)


def late_libraries() -> tuple[list[str], list[str]]:
    """(found, missing) among the libraries that are loaded only when a feature is used, so a
    bundle without them would pass every other step: the team library's PostgreSQL driver (with
    its own libpq from psycopg_binary: a Windows PC has none) and the AES decryption pypdf needs
    for encrypted PDFs (cryptography)."""
    found: list[str] = []
    missing: list[str] = []
    try:
        import psycopg

        found.append(f"psycopg ({psycopg.pq.__impl__})")
    except Exception as exc:
        missing.append(f"psycopg, the team library's driver, does not load ({reason(exc)})")
    try:
        from pypdf._crypt_providers import crypt_provider

        if crypt_provider[0] not in ("cryptography", "pycryptodome"):
            raise ImportError(f"pypdf's crypt provider is {crypt_provider[0]}")
        found.append(f"AES via {crypt_provider[0]}")
    except Exception as exc:
        missing.append(f"no AES for encrypted PDFs: cryptography is missing ({reason(exc)})")
    return found, missing


def step_jieba(ctx: Context) -> str:
    from reviewer.analysis import segmenter

    cache = Path(paths.cache_dir()) / "jieba.cache"
    reused = cache.is_file()
    tok = segmenter.tokenizer()
    words = segmenter.cut("法治政府建设情况报告")
    if len(words) < 2:
        raise StepFailed(f"jieba did not segment a test phrase: {words!r}")
    if not hasattr(tok, "FREQ") or len(tok.FREQ) < 100_000:
        raise StepFailed("jieba's main dictionary is not loaded")
    if not cache.is_file():
        raise StepFailed(f"jieba's cache was not written to the user cache directory ({cache})")
    return f"{len(tok.FREQ)} dictionary entries, cache {'reused' if reused else 'written'}: {cache}"


def step_analyse(ctx: Context) -> str:
    from reviewer.load.dispatch import load_document
    from reviewer.pipeline import analyze

    samples = paths.resource("samples")
    sample = samples / SAMPLE_NAME
    if not sample.is_file():
        found = sorted(samples.glob("*.txt")) if samples.is_dir() else []
        if not found:
            raise StepFailed(f"no sample report in {samples}")
        sample = found[0]
    analysis = analyze(load_document(sample))
    counts = (f"{len(analysis.sections)} sections, {len(analysis.figures)} figures, "
              f"{len(analysis.citations)} citations, {len(analysis.checks)} checks")
    if not analysis.sections or not analysis.figures:
        raise StepFailed(f"the sample {sample.name} gave {counts}; sections and figures must be found")
    ctx.sample = sample
    return f"{sample.name}: {counts}"


def step_library(ctx: Context) -> str:
    ctx.need("analyse sample")
    from reviewer.library.store import Library

    ctx.library = Library(ctx.tmp / "self-test-library.db", "self-test")
    result = ctx.library.import_file(ctx.sample)
    ctx.doc_uuid = result.doc_uuid
    review = ctx.library.load_review(ctx.doc_uuid)
    if not review.sections:
        raise StepFailed("the imported report has no sections in the library")
    return f"{len(review.sections)} sections, {len(review.figures)} figures stored"


def step_edit(ctx: Context) -> str:
    ctx.need("library")
    lib = ctx.library
    before = lib.load_review(ctx.doc_uuid).sections[0]
    lib.correct("section", before.review.uuid, "title", EDITED_TITLE)
    after = next(s for s in lib.load_review(ctx.doc_uuid).sections if s.review.uuid == before.review.uuid)
    if after.section.title != EDITED_TITLE:
        raise StepFailed(f"the corrected title did not stick: {after.section.title!r}")
    if after.review.original.get("title") != before.section.title:
        raise StepFailed("the analysed title was not kept beside the correction")
    ctx.edited_value = EDITED_TITLE
    return "section title corrected"


def step_export(ctx: Context) -> str:
    ctx.need("edit")
    import openpyxl

    from reviewer.export.workbook import export_workbook

    out = Path(export_workbook(ctx.library, ctx.tmp / "self-test.xlsx", doc_uuids=[ctx.doc_uuid],
                               language="zh"))
    if not out.is_file() or out.stat().st_size == 0:
        raise StepFailed(f"no workbook written at {out}")
    workbook = openpyxl.load_workbook(out, read_only=True)
    try:
        sheets = workbook.sheetnames
        rows = 0
        found = False
        for sheet in workbook.worksheets:
            for row in sheet.iter_rows(values_only=True):
                rows += 1
                found = found or any(cell == ctx.edited_value for cell in row)
    finally:
        workbook.close()
    if not found:
        raise StepFailed(f"the corrected title is not in the exported workbook ({len(sheets)} sheets)")
    return f"{len(sheets)} sheets, {rows} rows, {out.stat().st_size // 1024} KB"


CORE_STEPS: list[tuple[str, Callable[[Context], str]]] = [
    ("modules", step_modules),
    ("jieba", step_jieba),
    ("analyse sample", step_analyse),
    ("library", step_library),
    ("edit", step_edit),
    ("export", step_export),
]


def run_steps(steps: list[tuple[str, Callable[[Context], str]]], ctx: Context,
              report: Callable[[StepResult], None] = lambda result: None) -> list[StepResult]:
    """Run ``steps`` in order, handing each result to ``report`` as soon as it is known."""
    results = []
    try:
        for name, step in steps:
            result = run_step(name, step, ctx)
            results.append(result)
            report(result)
    finally:
        ctx.close()
    return results


def main() -> int:
    """``python -m reviewer.cli.selftest``: the core steps alone, for an install without Qt."""
    import shutil
    import tempfile

    ctx = Context(tmp=Path(tempfile.mkdtemp(prefix="ReportReviewer-self-test-")))
    results = run_steps(CORE_STEPS, ctx, lambda result: print(result.line(), flush=True))
    failed = [r for r in results if not r.ok]
    if not failed:
        shutil.rmtree(ctx.tmp, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
