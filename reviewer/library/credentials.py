"""Team-library passwords: kept by the OS keyring or in a pgpass file, never by the program.

A URL given to the program should carry no password; libpq then reads ``~/.pgpass`` (or
``PGPASSFILE``, ``%APPDATA%\\postgresql\\pgpass.conf`` on Windows) by itself.  ``remember`` stores
a password the user typed: in the OS keyring when the ``keyring`` package and a keyring are
available, else as one line of a pgpass file that only the user may read (mode 0600, which libpq
insists on).  Settings and history keep the URL without the password.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

SERVICE = "ReportReviewer"


def _host(url: str) -> str:
    """The host as libpq matches it in pgpass: a ``?host=`` socket folder counts too."""
    p = urlsplit(url)
    return p.hostname or (parse_qs(p.query).get("host") or ["localhost"])[0]


def account(url: str) -> str:
    """The keyring account of a URL: user@host:port/database."""
    p = urlsplit(url)
    return f"{p.username or ''}@{_host(url)}:{p.port or 5432}{p.path or '/'}"


def keyring_password(url: str) -> str | None:
    try:
        import keyring  # optional: not every workstation has a keyring service
    except ImportError:
        return None
    try:
        return keyring.get_password(SERVICE, account(url))
    except Exception:  # no usable backend: libpq's pgpass still works
        return None


def pgpass_path() -> Path:
    if os.environ.get("PGPASSFILE"):
        return Path(os.environ["PGPASSFILE"])
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA", Path.home())) / "postgresql" / "pgpass.conf"
    return Path.home() / ".pgpass"


def _escape(field: str) -> str:
    return field.replace("\\", "\\\\").replace(":", "\\:")


def remember(url: str, password: str) -> str:
    """Store ``password`` for ``url``; returns where ("keyring" or the pgpass file's path)."""
    try:
        import keyring

        keyring.set_password(SERVICE, account(url), password)
        return "keyring"
    except Exception:
        pass
    p = urlsplit(url)
    host = _host(url)
    fields = [host, str(p.port or 5432), (p.path or "/").lstrip("/") or "*", p.username or "*"]
    prefix = ":".join(_escape(f) for f in fields) + ":"
    target = pgpass_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    lines = target.read_text(encoding="utf-8").splitlines() if target.exists() else []
    lines = [line for line in lines if not line.startswith(prefix)] + [prefix + _escape(password)]
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    os.chmod(target, 0o600)
    return str(target)
