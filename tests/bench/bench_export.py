"""Benchmark: export 100,000 figure rows to Excel; prints time and peak memory.

    .venv/bin/python tests/bench/bench_export.py [--figures 100000] [--reports 20] [--out FILE]

The reviews are built in memory (invented text, 10% of figures corrected, tagged and commented),
then ``write_workbook`` runs once.  Memory is the process's peak resident set (ru_maxrss) before
and after the export, so the export's own share is visible; targets: ≤ 20 s and ≤ 500 MB.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from reviewer.export.workbook import write_workbook  # noqa: E402
from reviewer.library.review import (  # noqa: E402
    Comment,
    DocumentReview,
    ItemReview,
    ReviewedCheck,
    ReviewedFigure,
    ReviewedSection,
    Tag,
)
from reviewer.model import Check, Document, Figure, Metadata, Section  # noqa: E402

LABELS = [f"{topic}{what}" for topic in ("行政复议", "行政诉讼", "行政执法", "投诉举报", "政务公开", "普法宣传",
                                          "规范性文件", "重大决策", "法律顾问", "执法检查")
          for what in ("申请", "案件", "受理", "办结", "纠错", "人次", "场次", "件数", "金额", "比例",
                       "覆盖率", "培训", "审查", "备案", "公开", "答复", "调解", "听证", "撤销", "维持")]


def peak_mb() -> float:
    """Peak resident set of this process in MB (ru_maxrss is KB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def make_review(number: int, figures: int) -> DocumentReview:
    sections_per_report = 50
    per_section = max(1, figures // sections_per_report)
    parts: list[str] = [f"第{number}区2023年法治政府建设情况报告\n"]
    sections: list[ReviewedSection] = []
    items: list[ReviewedFigure] = []
    tag = Tag(uuid="tag-1", name="需核实", path="需核实")
    offset = len(parts[0])
    for s in range(sections_per_report):
        heading = f"({s + 1})第{s + 1}项工作\n"
        start = offset
        parts.append(heading)
        offset += len(heading)
        section = Section(id=s + 1, parent=None, level=1, number=f"({s + 1})", title=f"第{s + 1}项工作",
                          start=start, end=0, heading_start=start, heading_end=start + len(heading) - 1)
        for k in range(per_section):
            i = s * per_section + k
            if i >= figures:
                break
            label = LABELS[i % len(LABELS)]
            value = (i * 37) % 100000 + number
            written = f"{value}件"
            sentence = f"全年{label}达到{written},同比增长{(i % 90) / 10}%。"
            f_start = offset + sentence.index(written)
            parts.append(sentence)
            offset += len(sentence)
            figure = Figure(id=i + 1, text=written, value=value, unit="件", kind="count", label=label,
                            qualifier=None, start=f_start, end=f_start + len(written), section=s + 1)
            review = ItemReview(uuid=f"fig-{number}-{i}")
            if i % 10 == 0:
                review.original["value"] = value + 1
                review.status = "corrected"
                review.reviewer, review.changed_at = "王审阅", "2024-03-02T03:04:00Z"
                review.tags = [tag]
                review.comments = [Comment(uuid=f"c-{number}-{i}", item_type="figure", item_uuid=review.uuid,
                                           body="与年报核对后更正", reviewer="王审阅",
                                           created_at="2024-03-02T03:04:00Z")]
            items.append(ReviewedFigure(figure, review))
        parts.append("\n")
        offset += 1
        section.end = offset
        sections.append(ReviewedSection(section, ItemReview(uuid=f"sec-{number}-{s}")))
    text = "".join(parts)
    document = Document(path=f"/bench/report-{number}.txt", sha256="0" * 64, format="txt", encoding="utf-8",
                        text=text, analysis_text=text)
    checks = [ReviewedCheck(Check(kind="sum_mismatch", severity="warning", message="合计与分项之和不符",
                                  figures=[1, 2, 3], sections=[1], id=1), ItemReview(uuid=f"chk-{number}"))]
    return DocumentReview(doc_uuid=f"doc-{number}", document=document,
                          metadata=Metadata(title=f"第{number}区2023年法治政府建设情况报告", issuer=f"第{number}区人民政府",
                                            published="2024-01-15", report_year=2023),
                          metadata_review=ItemReview(uuid=f"doc-{number}"), imported_at="2024-02-01T08:00:00Z",
                          sections=sections, figures=items, checks=checks)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--figures", type=int, default=100_000)
    parser.add_argument("--reports", type=int, default=20)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--library", action="store_true",
                        help="go through the store: import the reports into a fresh library, then "
                             "time export_workbook (load_review included)")
    args = parser.parse_args()
    if args.library:
        return bench_library(args)

    started = time.perf_counter()
    per_report = args.figures // args.reports
    reviews = [make_review(n + 1, per_report) for n in range(args.reports)]
    rows = sum(len(r.figures) for r in reviews)
    print(f"built {args.reports} reviews, {rows:,} figure rows in {time.perf_counter() - started:.1f} s; "
          f"peak RSS so far {peak_mb():.0f} MB")

    out = args.out or Path(tempfile.mkdtemp(prefix="bench-export-")) / "export.xlsx"
    before = peak_mb()
    last = [0.0]

    def progress(done: int, total: int) -> None:
        now = time.perf_counter()
        if now - last[0] > 2:
            last[0] = now
            print(f"  {done:,}/{total:,}", flush=True)

    started, cpu_started = time.perf_counter(), time.process_time()
    write_workbook(reviews, out, progress=progress)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    after = peak_mb()
    size = out.stat().st_size / (1024 * 1024)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"export of {rows:,} figure rows: {elapsed:.1f} s wall (target ≤ 20 s), {cpu:.1f} s CPU, "
          f"load average {load:.1f}; file {size:.1f} MB at {out}")
    print(f"peak RSS {after:.0f} MB (target ≤ 500 MB); before export {before:.0f} MB, "
          f"added by the export ≤ {after - before:.0f} MB")
    return 0 if elapsed <= 20 and after <= 500 else 1


def bench_library(args: argparse.Namespace) -> int:
    """The same export through ``Library``: what the command line and the GUI actually run."""
    from reviewer.export.workbook import export_workbook
    from reviewer.library.store import Library
    from reviewer.model import Analysis

    folder = Path(tempfile.mkdtemp(prefix="bench-export-lib-"))
    per_report = args.figures // args.reports
    started = time.perf_counter()
    with Library(folder / "library.db", reviewer="王审阅") as lib:
        for n in range(args.reports):
            review = make_review(n + 1, per_report)
            review.document.sha256 = f"{n:064d}"
            analysis = Analysis(document=review.document, metadata=review.metadata,
                                sections=[s.section for s in review.sections],
                                figures=[f.figure for f in review.figures], citations=[],
                                checks=[c.check for c in review.checks])
            lib.import_analysis(analysis)
        print(f"imported {args.reports} reports in {time.perf_counter() - started:.1f} s; "
              f"peak RSS so far {peak_mb():.0f} MB")
        out = args.out or folder / "export.xlsx"
        before = peak_mb()
        started, cpu_started = time.perf_counter(), time.process_time()
        export_workbook(lib, out)
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    after = peak_mb()
    print(f"Library -> export of {args.figures:,} figure rows: {elapsed:.1f} s wall (target ≤ 20 s), "
          f"{cpu:.1f} s CPU, load_review included; peak RSS {after:.0f} MB (target ≤ 500 MB), "
          f"before export {before:.0f} MB")
    return 0 if elapsed <= 20 and after <= 500 else 1


if __name__ == "__main__":
    raise SystemExit(main())
