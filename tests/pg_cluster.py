"""A throw-away PostgreSQL cluster for tests and benchmarks: initdb + pg_ctl in a temp dir.

It listens on a Unix socket in its own folder only (no TCP port to collide with).  The bootstrap
superuser ``postgres`` logs in over that socket without a password (``trust``); every other role
must give its password (``scram-sha-256``), so wrong-password tests are real.  As root, the server
runs as ``nobody`` (PostgreSQL refuses to run as root).  ``find_bin`` is None where no PostgreSQL
is installed: the tests that need one are skipped with that reason.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

SKIP_REASON = "no PostgreSQL server binaries (initdb/pg_ctl) on this machine; CI installs them"


def find_bin() -> Path | None:
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]), reverse=True):
        if os.access(os.path.join(folder, "initdb"), os.X_OK):
            return Path(folder)
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


class Cluster:
    def __init__(self, fsync: bool = True) -> None:
        bindir = find_bin()
        if bindir is None:
            raise RuntimeError(SKIP_REASON)
        self.bindir = bindir
        self.root = Path(tempfile.mkdtemp(prefix="reviewer-pg-"))
        self.data = self.root / "data"
        self.user = None
        if os.geteuid() == 0:
            self.user = "nobody"
            nobody = pwd.getpwnam("nobody")
            os.chown(self.root, nobody.pw_uid, nobody.pw_gid)
        self.root.chmod(0o755)
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth-local=trust", "--auth-host=scram-sha-256",
                  "-E", "UTF8", "--locale=C", "--no-instructions")
        hba = self.data / "pg_hba.conf"
        hba.write_text("local all postgres trust\nlocal all all scram-sha-256\n", encoding="utf-8")
        conf = [f"unix_socket_directories = '{self.root}'", "listen_addresses = ''", "max_connections = 60",
                "fsync = " + ("on" if fsync else "off"), "synchronous_commit = " + ("on" if fsync else "off"),
                "full_page_writes = " + ("on" if fsync else "off")]
        with open(self.data / "postgresql.conf", "a", encoding="utf-8") as fh:
            fh.write("\n".join(conf) + "\n")
        self.start()

    def _run(self, tool: str, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run([str(self.bindir / tool), *args], check=True, capture_output=True, text=True,
                              user=self.user, cwd=self.root, timeout=120)

    def start(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.root / "log"), "-w", "-t", "60", "start")

    def stop(self, mode: str = "fast") -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "-t", "60", "stop")

    def url(self, database: str = "postgres", user: str = "postgres", password: str | None = None) -> str:
        auth = quote(user, safe="") + (":" + quote(password, safe="") if password is not None else "")
        return f"postgresql://{auth}@/{database}?host={quote(str(self.root), safe='')}"

    def admin_sql(self, statement: str, database: str = "postgres") -> None:
        import psycopg

        with psycopg.connect(self.url(database), autocommit=True) as conn:
            conn.execute(statement)

    _count = 0

    def new_database(self) -> str:
        Cluster._count += 1
        name = f"lib_{os.getpid()}_{Cluster._count}_{int(time.time() * 1000) % 100000}"
        self.admin_sql(f'CREATE DATABASE "{name}"')
        return name

    def destroy(self) -> None:
        try:
            self.stop("immediate")
        except (subprocess.SubprocessError, OSError):
            pass
        shutil.rmtree(self.root, ignore_errors=True)
