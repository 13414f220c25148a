"""Benchmark of loading: run ``python tests/bench/bench_load.py`` from the project root.

Prints the median CPU time (``time.process_time``) of ``load_document`` for ~5 MB text files,
µs per character of the loaded text, and the ratio to a reference measured in the same run on
the same file: reading and decoding the bytes and ``str.splitlines()`` (the least any loader
does).  The machine is shared, so both are medians of several runs and only the ratio compares
well between sessions.

Files (written to a temporary directory):
- *dense*: ``resources/samples/sample_fazhi_2023.txt`` repeated, joined with "\\n";
- *normal*: the shared reports (or, without them, the fixture reports) cycled, joined with "\\n";
- *normal-gb18030*: the normal text in GB18030 (GBK cannot encode a few of its characters);
- *varied*: the normal text with the digits of each copy of a report permuted at random, so that
  few lines repeat (a cache of lines seen before gains nothing here that a real report would not
  give it); *dense-varied*: the dense text with the digits of each line permuted;
- *full-width*: the varied text with its ASCII punctuation ,:;()!? in the full-width forms many
  reports type (the analysis copy folds them back).

Not collected by pytest (the file name does not start with ``test_``).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

SHARED_REPORTS = ROOT.parent / "shared" / "reports"
FIXTURES = ROOT / "tests" / "fixtures"
SAMPLE = ROOT / "resources" / "samples" / "sample_fazhi_2023.txt"
SIZE = 5_000_000


def _repeated(texts: list[str], size: int) -> str:
    """``texts`` cycled and joined with "\\n" until the UTF-8 text is about ``size`` bytes."""
    parts: list[str] = []
    total = 0
    while total < size:
        parts.append(texts[len(parts) % len(texts)])
        total += len(parts[-1].encode("utf-8")) + 1
    return "\n".join(parts)


def _digits_permuted(text: str, rng: random.Random) -> str:
    return text.translate(str.maketrans("0123456789", "".join(rng.sample("0123456789", 10))))


def build_files(folder: Path, size: int) -> list[tuple[str, Path, str]]:
    """(name, path, codec) of the benchmark files, written into ``folder``."""
    shared = sorted(SHARED_REPORTS.glob("*.txt")) if SHARED_REPORTS.is_dir() else []
    reports = shared or sorted(FIXTURES.rglob("*.txt"))
    dense = _repeated([SAMPLE.read_text(encoding="utf-8")], size)
    normal = _repeated([p.read_text(encoding="utf-8") for p in reports], size)
    rng = random.Random(1)
    varied = "\n\n".join(_digits_permuted(part, rng) for part in normal.split("\n\n"))
    dense_varied = "\n".join(_digits_permuted(line, rng) for line in dense.split("\n"))
    full_width = varied.translate(str.maketrans(",:;()!?", "\uff0c\uff1a\uff1b\uff08\uff09\uff01\uff1f"))
    files = []
    for name, text, codec in (("dense", dense, "utf-8"), ("dense-varied", dense_varied, "utf-8"),
                              ("normal", normal, "utf-8"), ("normal-gb18030", normal, "gb18030"),
                              ("varied", varied, "utf-8"), ("full-width", full_width, "utf-8")):
        path = folder / f"{name}.txt"
        path.write_bytes(text.encode(codec))
        files.append((name, path, codec))
    return files


def median_cpu(func: Callable[[], object], runs: int) -> float:
    """Median process time of ``func()`` over ``runs`` runs, after one warm-up run."""
    func()
    times = []
    for _ in range(runs):
        start = time.process_time()
        func()
        times.append(time.process_time() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--size", type=int, default=SIZE)
    args = parser.parse_args()

    from reviewer.load.dispatch import load_document

    with tempfile.TemporaryDirectory() as tmp:
        files = build_files(Path(tmp), args.size)
        print(f"{'file':<16}{'MB':>6}{'chars':>10}{'load ms':>10}{'µs/char':>9}{'ref ms':>8}{'ratio':>7}")
        for name, path, codec in files:
            chars = len(load_document(path).text)
            load = median_cpu(lambda p=path: load_document(p), args.runs)
            ref = median_cpu(lambda p=path, c=codec: p.read_bytes().decode(c).splitlines(), args.runs)
            print(f"{name:<16}{path.stat().st_size / 1e6:>6.2f}{chars:>10}{load * 1e3:>10.1f}"
                  f"{load / chars * 1e6:>9.3f}{ref * 1e3:>8.1f}{load / ref:>7.1f}")


if __name__ == "__main__":
    main()
