"""Refresh the translation sources from the code and compile them.

    python resources/translations/update_translations.py

``pyside6-lupdate`` collects every ``self.tr()`` / ``QCoreApplication.translate()`` string of
``ui/`` into ``report_reviewer_<lang>.ts`` (keeping existing translations, dropping obsolete
ones); translators edit the .ts (Qt Linguist: ``pyside6-linguist``); ``pyside6-lrelease`` builds
the ``.qm`` files the application loads.  ``tests/test_gui_i18n.py`` fails when the checked-in
files are behind the code.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
LANGUAGES = ("zh_CN", "en")


def tool(name: str) -> str:
    candidate = Path(sys.executable).with_name(name)
    found = str(candidate) if candidate.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found (it comes with PySide6)")
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))


def ts_path(language: str) -> Path:
    return HERE / f"report_reviewer_{language}.ts"


def lupdate(ts: Path, language: str) -> None:
    subprocess.run([tool("pyside6-lupdate"), *sources(), "-no-obsolete", "-source-language", "en",
                    "-target-language", language, "-ts", str(ts)], check=True, cwd=ROOT, capture_output=True)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True, cwd=ROOT)


def main() -> int:
    for language in LANGUAGES:
        ts = ts_path(language)
        lupdate(ts, language)
        lrelease(ts, ts.with_suffix(".qm"))
        print(ts.name, "->", ts.with_suffix(".qm").name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
