"""Running the command line on hostile input in a child process and measuring what it cost.

``run_cli`` starts ``python -m tests.hostile_support ARGS`` (the real ``reviewer`` command line,
under an address-space cap so a regression fails fast instead of swapping the machine) and
returns the exit code, the output, the wall time and the child's peak RSS (VmHWM on Linux).  ``fingerprint`` is
a library's row counts and a hash of its content, to show a refused input changed nothing.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

try:
    import resource
except ImportError:  # Windows: no rlimits, no ru_maxrss; peak memory is not measured there
    resource = None  # type: ignore[assignment]

ROOT = Path(__file__).resolve().parent.parent
PEAK_MARK = "@@peak-rss-kb="
MEMORY_CAP = 3 * 1024**3  # address space of the child: a bomb must fail, not swap the machine
PEAK_LIMIT_KB = 1024 * 1024  # the bound: under 1 GB each


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str
    seconds: float
    peak_kb: int
    timed_out: bool = False

    @property
    def message(self) -> str:
        return "\n".join(line for line in self.stderr.splitlines() if not line.startswith(PEAK_MARK))

    @property
    def traceback(self) -> bool:
        return "Traceback (most recent call last)" in self.stderr

    @property
    def generic(self) -> bool:
        """The catch-all "出错了: XxxError: …" instead of a message of our own."""
        return self.message.lstrip().startswith(("出错了:", "Error: "))

    def assert_refused(self, limit_s: float, *words: str) -> None:
        """Exit code 1 with a clear message of ours, in time, under the memory bound."""
        assert not self.timed_out, f"hung: {self.stderr[-400:]}"
        assert self.code == 1, (self.code, self.stdout[-400:], self.stderr[-800:])
        assert not self.traceback and not self.generic, self.stderr[-800:]
        assert self.message.strip(), "no message"
        for word in words:
            assert word in self.message, (word, self.message)
        assert self.seconds < limit_s, self.seconds
        assert self.peak_kb < PEAK_LIMIT_KB and (self.peak_kb > 0 or resource is None), self.peak_kb


def _cap() -> None:
    if resource is not None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def run_cli(*args: str, timeout: float = 60.0, lang: str = "zh") -> Run:
    extra = os.environ.get("PYTHONPATH", "")
    env = dict(os.environ, REVIEWER_LANG=lang, PYTHONPATH=os.pathsep.join(p for p in (extra, str(ROOT)) if p))
    started = time.perf_counter()
    try:
        done = subprocess.run([sys.executable, "-m", "tests.hostile_support", *args], capture_output=True,
                              text=True, encoding="utf-8", errors="replace", timeout=timeout, env=env,
                              cwd=str(ROOT), preexec_fn=_cap if os.name == "posix" else None)
    except subprocess.TimeoutExpired as exc:
        return Run(-1, str(exc.stdout or ""), str(exc.stderr or ""), time.perf_counter() - started, 0, True)
    seconds = time.perf_counter() - started
    peak = 0
    for line in done.stderr.splitlines():
        if line.startswith(PEAK_MARK):
            peak = int(line[len(PEAK_MARK):])
    return Run(done.returncode, done.stdout, done.stderr, seconds, peak)


def fingerprint(db: Path) -> tuple[dict[str, int], str]:
    """Row counts per table and a hash over every row, read without writing (immutable)."""
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        digest = hashlib.sha256()
        counts: dict[str, int] = {}
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        for name in names:
            rows = sorted(repr(r) for r in conn.execute(f'SELECT * FROM "{name}"'))
            counts[name] = len(rows)
            digest.update(name.encode())
            for r in rows:
                digest.update(r.encode("utf-8", "surrogatepass"))
        digest.update(repr(conn.execute("PRAGMA application_id").fetchone()).encode())
        return counts, digest.hexdigest()
    finally:
        conn.close()


def peak_rss_kb() -> int:
    """This process's peak resident memory.  Linux: VmHWM, which starts afresh at exec (ru_maxrss
    keeps the high-water mark of the forking parent, so a big parent would inflate it)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    if resource is None:
        return 0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak  # bytes on macOS, KiB elsewhere


def _main() -> int:
    from reviewer.cli.main import main

    code = 1
    try:
        code = main(sys.argv[1:])
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    finally:
        peak = peak_rss_kb()
        sys.stderr.write(f"\n{PEAK_MARK}{peak}\n")
        sys.stderr.flush()
    return code


if __name__ == "__main__":
    sys.exit(_main())
