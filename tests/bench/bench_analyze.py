"""Benchmark of the analysis core: run ``python tests/bench/bench_analyze.py`` from the project root.

Prints
- jieba's first-load time (``reviewer.analysis.segmenter.load_seconds``), the part-of-speech table's load
  time, and which call loaded them;
- the median time of ``analyze(load_document(...))`` for one ~30 KB report after warm-up, with
  the label cache cleared before every run so repeated runs do not flatter the number
  (targets: ≤ 50 ms);
- a table of ``analyze(document)`` at 30 KB / 300 KB / 1 MB / 5 MB of UTF-8 text in two
  densities — *normal*: the shared reports (or the fixtures) one after another; *dense*: the
  bundled sample report repeated (~35 figures per 1,000 characters) — with the median time,
  µs per character and the ratio to ``jieba.lcut`` over the same text measured in the same run
  (targets: ≤ 1.5 µs/char everywhere; the 5 MB per-character cost within 1.3× the 30 KB one).
  Every cache of segmented windows is cleared before each run, so a run never reuses the
  previous run's segmentation; within one run, a window met twice is segmented once (the dense
  text is one report repeated: most of its windows repeat);
- the time to analyse 1,000 reports with a process pool on all cores (target ≤ 5 s on 2 cores).

The 1,000 reports are generated in a temporary directory from the shared reports (or, without
them, from the fixture reports in ``tests/fixtures``) by shuffling paragraphs and changing digits,
so that no two texts are the same.  Not collected by pytest (the file name does not start with
``test_``).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
import traceback
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

SHARED_REPORTS = ROOT.parent / "shared" / "reports"
FIXTURES = ROOT / "tests" / "fixtures"
SAMPLE = ROOT / "resources" / "samples" / "sample_fazhi_2023.txt"
TABLE_SIZES = (("30 KB", 30_000), ("300 KB", 300_000), ("1 MB", 1_000_000), ("5 MB", 5_000_000))


def base_reports() -> list[Path]:
    shared = sorted(SHARED_REPORTS.glob("*.txt")) if SHARED_REPORTS.is_dir() else []
    return shared or sorted(FIXTURES.rglob("*.txt"))


def report_of_about(size: int, reports: list[Path]) -> Path:
    return min(reports, key=lambda p: abs(p.stat().st_size - size))


def first_load(path: Path) -> dict[str, object]:
    """Analyse once in this fresh process and record where jieba was first loaded."""
    from reviewer.analysis import pos_tokens, segmenter

    callers: list[str] = []
    name = "_load" if hasattr(segmenter, "_load") else "tokenizer"  # an older core: tokenizer()
    original = getattr(segmenter, name)

    def spy():
        if segmenter._tokenizer is None and not callers:
            frames = traceback.extract_stack()[:-1]
            callers.extend(f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in frames
                           if "reviewer" in f.filename)
        return original()

    setattr(segmenter, name, spy)
    try:
        from reviewer.load.dispatch import load_document
        from reviewer.pipeline import analyze

        started = time.perf_counter()
        analyze(load_document(path))
        first = time.perf_counter() - started
    finally:
        setattr(segmenter, name, original)
    return {"first_analysis": first, "jieba_load": segmenter.load_seconds,
            "loaded_from": " <- ".join(reversed(callers[-4:])) or "(not loaded)",
            "pos_load": pos_tokens.pos_load_seconds}


def clear_caches() -> None:
    """Forget every segmented window, so that no run reuses the previous run's work."""
    from reviewer.analysis import figures, pos_tokens

    if hasattr(pos_tokens, "clear_caches"):
        pos_tokens.clear_caches()
    else:  # an older core: only the tag cache existed
        pos_tokens._tag.cache_clear()
    if hasattr(figures, "_parse_number"):
        figures._parse_number.cache_clear()
    from reviewer.checks import context

    if hasattr(context.sentence_starts, "cache_clear"):  # one text's sentence starts, kept for the next call
        context.sentence_starts.cache_clear()


def text_of_size(parts: list[str], size: int) -> str:
    """``parts`` one after another (cycling) until ``size`` bytes of UTF-8."""
    out, total, n = [], 0, 0
    while total < size:
        piece = parts[n % len(parts)]
        out.append(piece)
        total += len(piece.encode("utf-8")) + 1
        n += 1
    return "\n".join(out)


def size_table(reports: list[Path], runs: int, max_size: int) -> list[dict[str, object]]:
    """Median time of ``analyze`` and of ``jieba.lcut`` over the same text, per size and density."""
    import jieba as jieba_module

    from reviewer import paths as app_paths
    from reviewer.load.dispatch import document_from_text
    from reviewer.pipeline import analyze

    normal = [p.read_text(encoding="utf-8") for p in reports]
    dense = [SAMPLE.read_text(encoding="utf-8")]
    # The reference is jieba as published, not the app's tokenizer (whose look-ups are faster).
    jieba = jieba_module.Tokenizer()
    jieba.tmp_dir = str(app_paths.cache_dir())
    jieba.cache_file = str(app_paths.cache_dir() / "jieba.cache")
    jieba.initialize()
    rows = []
    for density, parts in (("normal", normal), ("dense", dense)):
        for name, size in TABLE_SIZES:
            if size > max_size:
                continue
            document = document_from_text(text_of_size(parts, size))
            chars = len(document.text)
            n = runs if size <= 1_000_000 else max(1, min(runs, 3))
            times, cpus, refs, figures = [], [], [], 0
            for _ in range(n):
                clear_caches()
                started, cpu_started = time.perf_counter(), time.process_time()
                figures = len(analyze(document).figures)
                times.append(time.perf_counter() - started)
                cpus.append(time.process_time() - cpu_started)
                started = time.perf_counter()
                jieba.lcut(document.text)
                refs.append(time.perf_counter() - started)
            t, ref = statistics.median(times), statistics.median(refs)
            rows.append({"density": density, "size": name, "chars": chars, "figures": figures,
                         "seconds": t, "us_per_char": t / chars * 1e6, "ratio": t / ref, "runs": n,
                         "cpu_us_per_char": statistics.median(cpus) / chars * 1e6})
    return rows


def print_table(rows: list[dict[str, object]]) -> None:
    print("analyze(document), median; reference jieba.lcut over the same text in the same run")
    print("(time and µs/char are wall clock; CPU µs/char is this process's CPU time, which a busy "
          "machine disturbs less)")
    print(f"{'density':8} {'size':>7} {'chars':>10} {'figures':>8} {'time':>9} {'µs/char':>8} "
          f"{'CPU µs/char':>11} {'× lcut':>7} runs")
    for r in rows:
        print(f"{r['density']:8} {r['size']:>7} {r['chars']:>10,} {r['figures']:>8,} "
              f"{r['seconds']:>8.3f}s {r['us_per_char']:>8.2f} {r['cpu_us_per_char']:>11.2f} "
              f"{r['ratio']:>7.2f} {r['runs']:>4}")
    for density in ("normal", "dense"):
        per_char = {r["size"]: r["us_per_char"] for r in rows if r["density"] == density}
        if "30 KB" in per_char and len(per_char) > 1:
            largest = list(per_char)[-1]
            print(f"{density}: {largest} per char / 30 KB per char = "
                  f"{per_char[largest] / per_char['30 KB']:.2f} (target <= 1.3)")


def median_analysis(path: Path, runs: int) -> tuple[float, float, float, int]:
    from reviewer.load.dispatch import load_document
    from reviewer.pipeline import analyze

    times, warm, cpu = [], [], []
    figures = 0
    for _ in range(runs):
        clear_caches()
        started, cpu_started = time.perf_counter(), time.process_time()
        result = analyze(load_document(path))
        times.append(time.perf_counter() - started)
        cpu.append(time.process_time() - cpu_started)
        figures = len(result.figures)
    for _ in range(runs):
        started = time.perf_counter()
        analyze(load_document(path))
        warm.append(time.perf_counter() - started)
    return statistics.median(times), statistics.median(warm), statistics.median(cpu), figures


def generate(reports: list[Path], count: int, directory: Path, seed: int = 7) -> list[Path]:
    """``count`` different report texts: body paragraphs shuffled, some digits changed."""
    rng = random.Random(seed)
    texts = [p.read_text(encoding="utf-8") for p in reports]
    out = []
    for n in range(count):
        lines = texts[n % len(texts)].split("\n")
        head, body = lines[:3], lines[3:]
        rng.shuffle(body)
        text = "\n".join(head + body)
        text = "".join(rng.choice("0123456789") if ch.isdigit() and rng.random() < 0.2 else ch
                       for ch in text)
        path = directory / f"report_{n:04d}.txt"
        path.write_text(text, encoding="utf-8")
        out.append(path)
    return out


def _analyse_one(path: str) -> int:
    from reviewer.load.dispatch import load_document
    from reviewer.pipeline import analyze

    return len(analyze(load_document(path)).figures)


def throughput(paths: list[Path], workers: int) -> tuple[float, float, int]:
    """Wall time, CPU time of the worker processes, and figures found."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        figures = sum(pool.map(_analyse_one, [str(p) for p in paths], chunksize=20))
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, figures


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--runs", type=int, default=15, help="timed runs of the single report")
    ap.add_argument("--reports", type=int, default=1000, help="reports for the throughput run (0: skip)")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--table-runs", type=int, default=5,
                    help="runs per cell of the size table (at most 3 for 5 MB; 0: skip the table)")
    ap.add_argument("--table-max", type=float, default=5.0, help="largest size of the table, in MB")
    ap.add_argument("--cold-cache", action="store_true",
                    help="use an empty cache directory, as on the very first start")
    args = ap.parse_args(argv)

    if args.cold_cache:
        os.environ["REVIEWER_CACHE_DIR"] = tempfile.mkdtemp(prefix="bench-cache-")
    os.environ.setdefault("REVIEWER_DATA_DIR", tempfile.mkdtemp(prefix="bench-data-"))
    from reviewer import paths as app_paths

    cached = (app_paths.cache_dir() / "jieba.cache").is_file()
    reports = base_reports()
    if not reports:
        print("no reports to benchmark", file=sys.stderr)
        return 1
    one = report_of_about(30_000, reports)
    size_kb = one.stat().st_size / 1024

    load = first_load(one)
    print(f"jieba first load: {load['jieba_load']:.3f} s (reviewer.analysis.segmenter.load_seconds, "
          f"{'with' if cached else 'without'} its cache file), "
          f"loaded from: {load['loaded_from']}")
    print(f"jieba part-of-speech table (reviewer.analysis.pos_tokens.pos_load_seconds, first label): "
          f"{load['pos_load'] or 0:.3f} s")
    print(f"first analysis in a fresh process (both loads included): {load['first_analysis']:.3f} s")

    cold, warm, cpu, figures = median_analysis(one, args.runs)
    print(f"median analyze(load_document()) of {one.name} ({size_kb:.1f} KB, {figures} figures) "
          f"over {args.runs} runs: {cold * 1000:.1f} ms wall / {cpu * 1000:.1f} ms CPU with the "
          f"label cache cleared, {warm * 1000:.1f} ms wall with it warm (target <= 50 ms)")

    if args.table_runs:
        print_table(size_table(reports, args.table_runs, int(args.table_max * 1_000_000)))

    if args.reports:
        with tempfile.TemporaryDirectory(prefix="bench-reports-") as tmp:
            paths = generate(reports, args.reports, Path(tmp))
            total_kb = sum(p.stat().st_size for p in paths) / 1024
            seconds, cpu, figures = throughput(paths, args.workers)
        print(f"{len(paths)} reports ({total_kb / 1024:.1f} MB, {figures} figures) with "
              f"{args.workers} worker processes: {seconds:.1f} s wall, {len(paths) / seconds:.1f} "
              f"reports/s; workers' CPU {cpu:.1f} s, i.e. about {cpu / args.workers:.1f} s on "
              f"{args.workers} idle cores (target <= 5 s on 2 cores)")
    print(f"load average during the run: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
