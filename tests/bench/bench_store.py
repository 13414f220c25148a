"""Store benchmark: how long one committed edit takes in a big library.

    .venv/bin/python tests/bench/bench_store.py [--reports 1000] [--annotations 1000000] [--edits 400]

Builds (once, cached in the temp directory) a library of 1,000 invented reports with their
analysis and 1,000,000 annotation rows (plus their history rows, as the application would have
written them), then times single edits, each its own committed transaction, and prints median and
p99 per kind of edit (target: p99 ≤ 10 ms).  Also prints opening the library, listing it and
loading one report's review.  The export half of the benchmark is in the exporter's script.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from reviewer.library.connection import QUICK_CHECK_LIMIT  # noqa: E402
from reviewer.library.rows import analysis_rows, dumps, new_uuid, now  # noqa: E402
from reviewer.library.store import Library  # noqa: E402
from tests.test_store_support import make_analysis, report_text  # noqa: E402


def build(path: Path, reports: int, annotations: int) -> None:
    """Bulk-insert everything in one transaction (minutes would go to per-row commits)."""
    started = time.perf_counter()
    texts = [report_text(sections=4, paragraphs=4, sentences=5, seed=s) for s in range(20)]
    per_doc = annotations // reports
    with Library(path, reviewer="bench") as lib:
        lib.conn.execute("PRAGMA cache_size = -200000")
        with lib._tx():
            for d in range(reports):
                base = texts[d % len(texts)]
                text = f"第{d}号报告\n" + base
                analysis = make_analysis(text, path=f"/bench/report-{d:04d}.txt", sha256=f"{d:064x}")
                doc_uuid, at = new_uuid(), now()
                lib.conn.execute(
                    "INSERT INTO documents (uuid, path, sha256, format, encoding, script, metadata, text,"
                    " analysis_text, imported_at, reviewer) VALUES (?, ?, ?, 'txt', 'utf-8', 'simplified', ?, ?, ?, ?, ?)",
                    (doc_uuid, analysis.document.path, analysis.document.sha256,
                     dumps(analysis.metadata.__dict__), text, text, at, "bench"))
                for table, rows in analysis_rows(analysis, doc_uuid).items():
                    lib._insert_rows(table, rows)
                rng = random.Random(d)
                ann_rows, history_rows = [], []
                for _ in range(per_doc):
                    start = rng.randrange(0, len(text) - 40)
                    end = start + rng.randint(4, 30)
                    uuid = new_uuid()
                    ann_rows.append((uuid, doc_uuid, start, end, text[start:end], text[max(0, start - 32):start],
                                     text[end:end + 32], "", "exact", "bench", at))
                    history_rows.append((new_uuid(), at, "bench", "add", "annotation", uuid, doc_uuid,
                                         dumps({"start": start, "end": end})))
                lib.conn.executemany(
                    'INSERT INTO annotations (uuid, doc_uuid, start, "end", quote, prefix, suffix, note, anchor_state,'
                    " reviewer, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ann_rows)
                lib.conn.executemany(
                    "INSERT INTO history (uuid, at, reviewer, action, item_type, item_uuid, doc_uuid, new)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", history_rows)
                if d % 100 == 99:
                    print(f"  built {d + 1} reports ({time.perf_counter() - started:.0f} s)", flush=True)
        lib.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    print(f"built {path} in {time.perf_counter() - started:.1f} s, {path.stat().st_size / 1e6:.0f} MB")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--annotations", type=int, default=1_000_000)
    parser.add_argument("--edits", type=int, default=400, help="edits of each kind")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "reviewer-bench")
    args = parser.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)
    path = args.cache / f"library-{args.reports}x{args.annotations}.db"
    if not path.exists():
        build(path, args.reports, args.annotations)
    # Each run edits a copy-free library: edits only add rows, so reuse is fair.
    started = time.perf_counter()
    lib = Library(path, reviewer="bench")
    opened = time.perf_counter() - started
    counts = {t: lib.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
              for t in ("documents", "figures", "annotations", "history")}
    print(f"library: {path.stat().st_size / 1e6:.0f} MB, " + ", ".join(f"{k} {v:,}" for k, v in counts.items()))
    check = "quick_check" if path.stat().st_size <= QUICK_CHECK_LIMIT else "light check, file over the quick_check limit"
    print(f"open ({check}): {opened * 1000:.0f} ms")
    for attempt in ("first", "again"):
        started = time.perf_counter()
        docs = lib.list_documents()
        print(f"list_documents ({len(docs)} reports, {attempt}): {(time.perf_counter() - started) * 1000:.0f} ms")
    rng = random.Random(1)
    sample = [rng.choice(docs).doc_uuid for _ in range(20)]
    loads = []
    for doc in sample:
        t = time.perf_counter()
        review = lib.load_review(doc)
        loads.append(time.perf_counter() - t)
    print(f"load_review ({len(review.figures)} figures, {len(review.annotations)} annotations): "
          f"median {statistics.median(loads) * 1000:.1f} ms")
    reviews = {doc: lib.load_review(doc) for doc in set(sample)}
    tag = lib.tags()[0].uuid

    def edits(kind: str, review):
        figure = rng.choice(review.figures).review.uuid
        if kind == "correct":
            return lambda: lib.correct("figure", figure, "value", rng.randint(1, 9999))
        if kind == "status":
            return lambda: lib.set_status("figure", figure, rng.choice(("confirmed", "rejected", "unreviewed")))
        if kind == "comment":
            return lambda: lib.add_comment("figure", figure, "基准批注")
        if kind == "tag":
            return lambda: lib.tag_item("figure", figure, tag)
        if kind == "annotate":
            return lambda: lib.add_annotation(review.doc_uuid, 10, 20, "基准")
        raise ValueError(kind)

    kinds = ("correct", "status", "comment", "tag", "annotate")
    for synchronous in ("NORMAL", "FULL"):
        lib.conn.execute(f"PRAGMA synchronous = {synchronous}")
        everything = []
        print(f"one committed edit, synchronous={synchronous} ({args.edits} of each kind):")
        for kind in kinds:
            timings, cpu = [], []
            for _ in range(args.edits):
                action = edits(kind, reviews[rng.choice(sample)])
                t, c = time.perf_counter(), time.thread_time()
                action()
                timings.append(time.perf_counter() - t)
                cpu.append(time.thread_time() - c)
            everything += timings
            print(f"  {kind:<9} median {statistics.median(timings) * 1000:6.2f} ms   "
                  f"p99 {percentile(timings, 0.99) * 1000:6.2f} ms   (CPU time p99 {percentile(cpu, 0.99) * 1000:.2f} ms)")
        print(f"  {'all':<9} median {statistics.median(everything) * 1000:6.2f} ms   "
              f"p99 {percentile(everything, 0.99) * 1000:6.2f} ms   (target p99 ≤ 10 ms)")
    lib.close()
    print(f"load average during the run: {os.getloadavg()[0]:.1f} (2 cores shared with other work)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
