"""Moving between a workstation library and the team library, by the existing merge rules.

``push``: a local SQLite library into the team library — ``merge_from`` on the team side, so
documents match by sha256 and everything else by UUID, nothing is overwritten silently, conflicts
are listed, and pushing the same file twice changes nothing the second time.  The pushed rows
keep their reviewers' names; the server stamps ``history.db_user`` with the role that pushed them.

``pull``: the team library into a local SQLite file for working offline — the same merge run the
other way round (the team connection reads like an SQLite one, ``pgsql.PgConnection``), into a
new or existing local library; pushing it back later brings only what was done offline.
"""

from __future__ import annotations

from pathlib import Path

from reviewer.library.incoming import Incoming
from reviewer.library.merge import MergeReport, _Merge
from reviewer.library.rows import dumps, new_uuid, now


def push(team, local_path: str | Path) -> MergeReport:
    """``team`` is an open ``TeamLibrary``; the local file is opened read-only and not changed."""
    return team.merge_from(local_path)


def pull(team, local) -> MergeReport:
    """Bring the team library ``team`` into the open workstation ``Library`` ``local``."""
    with local._tx():
        # our own server, read through our schema like any other library (not re-validated)
        merge = _Merge(local.conn, Incoming(team.conn, team.path), team.path)
        report = merge.run()
        if report.changed:
            local.conn.execute(
                "INSERT INTO merge_log (uuid, other_path, other_library, at, reviewer, report) VALUES (?, ?, ?, ?, ?, ?)",
                (new_uuid(), team.path, team.library_uuid, now(), local.reviewer,
                 dumps({k: v for k, v in report.to_json().items() if isinstance(v, int)})))
    touched = set(merge.doc_map.values())
    report.conflicts = [c for c in local.conflicts() if c.doc_uuid in touched]
    return report
