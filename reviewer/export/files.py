"""Writing an output file — workbook, memo, annotated copy — one way: into a temporary file beside the target,
then ``os.replace``, so a failure leaves the previous file as it was; with the permissions the
user's umask gives a new file (``mkstemp`` alone makes it private, ``-rw-------``).
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from reviewer.messages import ReviewerError

# os.replace is retried this often on PermissionError before the target is called locked.
REPLACE_ATTEMPTS = 3
REPLACE_DELAY_S = 0.2


def current_umask() -> int:
    """The process's umask, read without changing it where the system allows."""
    if sys.platform.startswith("linux"):
        try:
            with open("/proc/self/status", encoding="ascii") as handle:
                for line in handle:
                    if line.startswith("Umask:"):
                        return int(line.split()[1], 8)
        except (OSError, ValueError):
            pass
    mask = os.umask(0o022)  # elsewhere: read it by setting it, and put it back at once
    os.umask(mask)
    return mask


def apply_umask(path: str | os.PathLike[str]) -> None:
    """Give a file made by ``mkstemp`` the mode an ordinary new file would have (0666 & ~umask)."""
    if os.name != "posix":
        return  # Windows: the folder's ACL decides, mkstemp's mode bits mean nothing there
    os.chmod(path, (stat.S_IRUSR | stat.S_IWUSR | stat.S_IRGRP | stat.S_IWGRP | stat.S_IROTH | stat.S_IWOTH)
             & ~current_umask())


def check_target(target: Path) -> Path:
    """The folder to write in, after the checks that should fail before any work is done."""
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ReviewerError("export_folder_missing", path=str(folder))
    if target.is_dir():
        raise ReviewerError("is_directory", path=str(target))
    if target.exists():
        try:
            with open(target, "r+b"):
                pass
        except PermissionError as exc:  # open in Word or Excel, or read-only
            raise ReviewerError("export_locked", path=str(target)) from exc
    return folder


def write_atomically(out_path: str | os.PathLike[str], suffix: str, write: Callable[[Path], None]) -> Path:
    """Call ``write(temporary path)`` and move the result onto ``out_path``; on any failure the
    temporary file is removed and the old file stays."""
    target = Path(out_path)
    folder = check_target(target)
    try:
        handle, temp_name = tempfile.mkstemp(prefix=".~" + target.stem[:40] + "-", suffix=suffix + ".tmp",
                                             dir=folder)
    except PermissionError as exc:
        raise ReviewerError("export_folder_unwritable", path=str(folder)) from exc
    except OSError as exc:
        raise ReviewerError("export_failed", path=str(target), reason=exc.strerror or str(exc)) from exc
    os.close(handle)
    temp = Path(temp_name)
    try:
        try:
            write(temp)
        except OSError as exc:  # disk full, folder gone, network share dropped ...
            raise ReviewerError("export_failed", path=str(target), reason=exc.strerror or str(exc)) from exc
        apply_umask(temp)
        replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return target


def replace(temp: Path, target: Path) -> None:
    """Move the finished file into place, retrying briefly: on Windows a virus scanner or the
    search indexer may hold the new file for a moment; Word or Excel holding the target does not."""
    for attempt in range(REPLACE_ATTEMPTS):
        try:
            os.replace(temp, target)
            return
        except PermissionError as exc:
            if attempt + 1 == REPLACE_ATTEMPTS:
                raise ReviewerError("export_locked", path=str(target)) from exc
            time.sleep(REPLACE_DELAY_S)
        except OSError as exc:
            raise ReviewerError("export_failed", path=str(target), reason=exc.strerror or str(exc)) from exc
