"""Team benchmark: many reviewers editing one report at once, on SQLite and on PostgreSQL.

    .venv/bin/python tests/bench/bench_team.py [--procs 10] [--edits 500] [--backend both|sqlite|postgresql]

Each of ``--procs`` processes opens the library as its own reviewer (on PostgreSQL its own login
role), loads the same report and makes ``--edits`` edits to its figures — a correction or a status
— each based on the row version it last saw, while a feed (``Library.watch()``) in the same
process listens for the others' changes.  Afterwards the figures are read back and checked:

- lost updates: two accepted edits based on the same version of an item, or an item whose final
  version is not the number of accepted edits to it (must be 0);
- conflicts detected (edits refused with 已被 … 修改) against conflicts that happened (edits whose
  base version another accepted edit had already used): must be equal;
- the final value of every figure is the one its last accepted correction wrote;
- commit latency (an accepted edit, call to return) median and p99 per backend (target p99 ≤ 20 ms);
- notify latency: from an edit's commit returning in one process to another process's feed seeing
  it, p99 (target ≤ 1 s);
- on PostgreSQL, round trips per accepted edit (``PgConnection.round_trips``) and, as the floor
  under the same load, the latency of a bare ``SELECT 1`` round trip timed after every edit
  (``--no-floor`` leaves it out).

On PostgreSQL it then stops the server in the middle of a stream of edits and starts it again:
the client must get a clear message while it is away, and every edit acknowledged before the stop
must be there afterwards.  The throw-away cluster (tests/pg_cluster.py) runs with fsync on.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import queue
import random
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from reviewer.library.store import Library  # noqa: E402
from reviewer.messages import ReviewerError  # noqa: E402
from tests.test_store_support import make_analysis, report_text  # noqa: E402

PASSWORD = "bench-pw"


def worker(target: str, user: str, doc: str, edits: int, seed: int, start: mp.Event, done: mp.Barrier,
           out: mp.Queue, floor: bool = True) -> None:
    rng = random.Random(seed)
    lib = Library(target, reviewer=user)
    seen: list[tuple[int, float]] = []
    stop = threading.Event()
    feed = lib.watch()

    def listen() -> None:
        while not stop.is_set():
            for change in feed.poll(0.2):
                if change.reviewer != lib.reviewer:
                    seen.append((change.id, change.received))

    review = lib.load_review(doc)
    figures = [f.review.uuid for f in review.figures]
    versions = {f.review.uuid: f.review.version for f in review.figures}
    listener = threading.Thread(target=listen, daemon=True)
    listener.start()
    attempts = []  # (item, base, ok, latency, history_id, committed_at, value, round trips)
    failures: list[str] = []
    floors: list[float] = []
    pg = target.startswith("postgresql://")
    start.wait()
    for n in range(edits):
        if floor and pg and n:  # alternately: a bare round trip, and a bare durable commit
            began = time.perf_counter()
            if n % 2:
                lib.conn.execute("SELECT 1").fetchone()
            else:  # its own row: no lock wait, just the WAL flush
                lib.conn.execute("UPDATE bench_floor SET n = n + 1 WHERE id = ?", (seed,))
            floors.append((n % 2, time.perf_counter() - began))
        item = rng.choice(figures)
        base = versions[item]
        value = seed * 100000 + n
        trips = getattr(lib.conn, "round_trips", 0) if pg else 0
        began = time.perf_counter()
        try:
            if n % 2:
                entry = lib.correct("figure", item, "value", value, expected_version=base)
            else:
                entry = lib.set_status("figure", item, rng.choice(["confirmed", "rejected"]), expected_version=base)
                value = None
            latency = time.perf_counter() - began
            attempts.append((item, base, True, latency, entry.id, time.time(), value,
                             getattr(lib.conn, "round_trips", 0) - trips if pg else 0))
            versions[item] = base + 1
        except ReviewerError as exc:
            if exc.code != "item_changed_by_other":
                # not acknowledged (e.g. SQLite's write lock not had within its 5 s busy timeout):
                # the reviewer sees the message; nothing was saved, so nothing can be lost
                failures.append(exc.code)
                continue
            attempts.append((item, base, False, time.perf_counter() - began, None, None, None, 0))
            versions[item] = lib.item_version("figure", item)  # the reload after 已被 … 修改
    done.wait(timeout=600)  # keep listening until every process has made its edits
    time.sleep(1.5)  # let the last notifications arrive
    stop.set()
    listener.join()
    feed.close()
    lib.close()
    out.put((user, attempts, seen, failures, floors))


def run(targets: dict[str, str], doc: str, edits: int, label: str, floor: bool = True) -> dict:
    """Start one process per reviewer (user -> library target), all at once; collect and check."""
    ctx = mp.get_context("fork")
    start, done, out = ctx.Event(), ctx.Barrier(len(targets)), ctx.Queue()
    procs = [ctx.Process(target=worker, args=(target, user, doc, edits, i + 1, start, done, out, floor))
             for i, (user, target) in enumerate(targets.items())]
    for p in procs:
        p.start()
    time.sleep(2.0)  # every process connected and loaded
    began = time.perf_counter()
    start.set()
    results = []
    while len(results) < len(procs):
        try:
            results.append(out.get(timeout=5))
        except queue.Empty:
            if not any(p.is_alive() for p in procs):
                raise SystemExit(f"[{label}] a worker died; see its traceback above") from None
    wall = time.perf_counter() - began
    for p in procs:
        p.join()
    return check(next(iter(targets.values())), doc, results, wall, label)


def check(target: str, doc: str, results: list, wall: float, label: str) -> dict:
    attempts = [(user, *a) for user, rows, *_ in results for a in rows]
    failures = [code for _, _, _, codes, _ in results for code in codes]
    floors = [sorted(f * 1000 for *_, values in results for kind, f in values if kind == k) for k in (1, 0)]
    ok = [a for a in attempts if a[3]]
    refused = [a for a in attempts if not a[3]]
    by_base: dict[tuple[str, int], list] = {}
    for a in ok:
        by_base.setdefault((a[1], a[2]), []).append(a)
    duplicates = sum(len(v) - 1 for v in by_base.values())
    with Library(target, reviewer="checker") as lib:
        review = lib.load_review(doc)
        final = {f.review.uuid: (f.review.version, f.figure.value) for f in review.figures}
    accepted_per_item: dict[str, int] = {}
    last_value: dict[str, tuple[int, object]] = {}
    for a in ok:
        accepted_per_item[a[1]] = accepted_per_item.get(a[1], 0) + 1
        if a[7] is not None and (a[1] not in last_value or a[2] > last_value[a[1]][0]):
            last_value[a[1]] = (a[2], a[7])
    version_mismatch = sum(1 for item, (version, _) in final.items() if version != accepted_per_item.get(item, 0))
    wrong_values = sum(1 for item, (_, value) in last_value.items() if final[item][1] != value)
    happened = sum(1 for a in refused if (a[1], a[2]) in by_base) + duplicates
    false_alarms = sum(1 for a in refused if (a[1], a[2]) not in by_base)
    latencies = sorted(a[4] * 1000 for a in ok)
    committed = {a[5]: a[6] for a in ok}
    delays = sorted(max(0.0, received - committed[hid]) for _, _, seen, *_ in results for hid, received in seen
                    if hid in committed)
    expected_deliveries = len(ok) * (len(results) - 1)

    def p99(values: list[float]) -> float:
        return values[min(len(values) - 1, int(len(values) * 0.99))] if values else float("nan")

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"\n[{label}] {len(results)} processes x {(len(attempts) + len(failures)) // len(results)} edits on one"
          f" report ({len(final)} figures), {wall:.1f} s wall, {os.cpu_count()} CPUs, load average {load:.1f}")
    print(f"  accepted {len(ok)}, refused as conflicts {len(refused)}, not saved for other reasons"
          f" {len(failures)} {sorted(set(failures))}")
    print(f"  lost updates: {duplicates + version_mismatch + wrong_values}"
          f" (same base accepted twice {duplicates}, version != accepted edits {version_mismatch},"
          f" final value not the last accepted {wrong_values})")
    print(f"  conflicts detected {len(refused)} = conflicts that happened {happened}"
          f" ({'equal' if len(refused) == happened else 'NOT EQUAL'}; refused without a competing edit: {false_alarms})")
    print(f"  commit latency: median {statistics.median(latencies):.2f} ms, p99 {p99(latencies):.2f} ms"
          f" (target p99 <= 20 ms)")
    trips = [a[8] for a in ok if a[8]]
    if trips:
        by_action = {"status": [a[8] for a in ok if a[8] and a[7] is None],
                     "correct": [a[8] for a in ok if a[8] and a[7] is not None]}
        print("  round trips per accepted edit: " + ", ".join(
            f"{k} {statistics.mean(v):.1f}" for k, v in by_action.items() if v))
    for values, what in zip(floors, ("a bare SELECT 1 round trip", "a one-row durable commit (UPDATE, fsync)")):
        if values:
            print(f"  floor, {what} under the same load: median {statistics.median(values):.2f} ms,"
                  f" p99 {p99(values):.2f} ms")
    print(f"  notify latency: {len(delays)}/{expected_deliveries} changes seen by the other processes,"
          f" median {statistics.median(delays) * 1000 if delays else float('nan'):.1f} ms,"
          f" p99 {p99(delays) * 1000:.1f} ms (target p99 <= 1000 ms)")
    return {"lost": duplicates + version_mismatch + wrong_values, "detected": len(refused), "happened": happened}


def fault_run(cluster, url: str, doc: str) -> None:
    """Stop the server in the middle of a stream of edits, start it again, check what survived."""
    lib = Library(url)
    figures = [f.review.uuid for f in lib.load_review(doc).figures]
    acknowledged, messages = [], []
    stopper = threading.Thread(target=lambda: (time.sleep(0.5), cluster.stop("fast"), time.sleep(1.0),
                                               cluster.start()))
    stopper.start()
    deadline = time.monotonic() + 6.0
    n = 0
    while time.monotonic() < deadline:
        item = figures[n % len(figures)]
        value = 900000 + n
        n += 1
        try:
            lib.correct("figure", item, "label", f"fault-{value}", expected_version=lib.item_version("figure", item))
            acknowledged.append((item, f"fault-{value}"))
        except ReviewerError as exc:
            messages.append(exc.code)
            time.sleep(0.1)
    stopper.join()
    lib.close()
    with Library(url) as check:
        labels = {}
        for entry in check.history(doc_uuid=doc):
            if entry.action == "correct" and entry.field == "label":
                labels.setdefault(entry.item_uuid, set()).add(entry.new)
        missing = [a for a in acknowledged if a[1] not in labels.get(a[0], set())]
    codes = sorted(set(messages))
    print(f"\n[postgresql faults] server stopped 0.5 s into a stream of edits for 1 s:"
          f" {len(acknowledged)} edits acknowledged, {len(messages)} refused with messages {codes};"
          f" acknowledged edits missing after restart: {len(missing)}")
    from reviewer.messages import render

    if codes:
        print("  the message shown: " + render(codes[0], url="postgresql://…", reason="…"))


def login_faults(cluster, name: str, doc: str) -> None:
    """A wrong password, a missing database, a read-only role editing: a message, nothing changed."""
    from reviewer.messages import render

    with Library(cluster.url(name, "setup", PASSWORD)) as lib:
        before = len(lib.history())
        figure = lib.load_review(doc).figures[0].review.uuid
    cases = [("wrong password", lambda: Library(cluster.url(name, "setup", "wrong"))),
             ("missing database", lambda: Library(cluster.url("no_such_db", "setup", PASSWORD)))]

    def supervisor_edits() -> None:
        with Library(cluster.url(name, "supervisor", PASSWORD)) as sup:
            sup.set_status("figure", figure, "confirmed")

    cases.append(("read-only role editing", supervisor_edits))
    print()
    for label, attempt in cases:
        try:
            attempt()
            outcome = "NOT REFUSED"
        except ReviewerError as exc:
            outcome = f"{exc.code}: {render(exc.code, 'zh', **{**exc.params, 'url': 'postgresql://…'})}"
        print(f"[postgresql faults] {label}: {outcome}")
    with Library(cluster.url(name, "setup", PASSWORD)) as lib:
        print(f"[postgresql faults] history entries before {before}, after {len(lib.history())} (nothing changed)")


def setup_pg(users: list[str], settings: list[str] = ()):
    from reviewer.library.team_admin import init_team
    from tests.pg_cluster import Cluster

    cluster = Cluster(fsync=True)
    for setting in settings:  # server tuning to try (what the office's DBA would set)
        key, _, value = setting.partition("=")
        cluster.admin_sql(f"ALTER SYSTEM SET {key} = '{value}'")
    if settings:
        cluster.admin_sql("SELECT pg_reload_conf()")
        print("  server settings: " + ", ".join(settings))
    name = cluster.new_database()
    init_team(cluster.url(name), reviewers={u: PASSWORD for u in users}, supervisors={"supervisor": PASSWORD})
    for statement in ("CREATE TABLE bench_floor (id integer PRIMARY KEY, n integer NOT NULL DEFAULT 0)",
                      "INSERT INTO bench_floor (id) SELECT generate_series(0, 200)",
                      "GRANT SELECT, UPDATE ON bench_floor TO PUBLIC"):  # the durable-commit floor's rows
        cluster.admin_sql(statement, name)
    return cluster, name


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--procs", type=int, default=10)
    parser.add_argument("--edits", type=int, default=500)
    parser.add_argument("--backend", choices=["both", "sqlite", "postgresql"], default="both")
    parser.add_argument("--no-floor", action="store_true", help="do not time a bare SELECT 1 after each edit")
    parser.add_argument("--no-faults", action="store_true", help="skip the login and server-restart checks")
    parser.add_argument("--server-setting", action="append", default=[], metavar="NAME=VALUE",
                        help="a postgresql.conf setting for the throw-away cluster, e.g. commit_delay=100")
    args = parser.parse_args()
    users = [f"reviewer{i:02d}" for i in range(args.procs)]
    analysis = make_analysis(report_text(sections=2, paragraphs=3, sentences=4, seed=7))
    summary = {}
    if args.backend in ("both", "sqlite"):
        with tempfile.TemporaryDirectory() as tmp:
            path = str(Path(tmp) / "team.db")
            with Library(path, reviewer="setup") as lib:
                doc = lib.import_analysis(analysis).doc_uuid
            summary["sqlite"] = run({u: path for u in users}, doc, args.edits, "sqlite")
    if args.backend in ("both", "postgresql"):
        from tests.pg_cluster import SKIP_REASON, find_bin

        if find_bin() is None:
            print(f"\n[postgresql] skipped: {SKIP_REASON}")
        else:
            cluster, name = setup_pg(users + ["setup"], args.server_setting)
            try:
                url = cluster.url(name, "setup", PASSWORD)
                with Library(url) as lib:
                    doc = lib.import_analysis(analysis).doc_uuid
                urls = {u: cluster.url(name, u, PASSWORD) for u in users}
                summary["postgresql"] = run(urls, doc, args.edits, "postgresql", not args.no_floor)
                if not args.no_faults:
                    login_faults(cluster, name, doc)
                    fault_run(cluster, url, doc)
            finally:
                cluster.destroy()
    bad = [k for k, v in summary.items() if v["lost"] or v["detected"] != v["happened"]]
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
