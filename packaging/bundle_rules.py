"""What ``report-reviewer.spec`` decides, as plain functions it imports and the tests check:
the version numbers for the Windows version resource, and which collected files the bundle keeps.

The trimming drops only what the program never loads; a file wrongly dropped shows up as a
failing step of the frozen ``--self-test`` (``REVIEWER_UNTRIMMED=1`` builds without it).
"""

from __future__ import annotations

import re
from pathlib import Path

PACKAGING = Path(__file__).resolve().parent
ROOT = PACKAGING.parent
PUBLISHER = "Report Reviewer team"
PRODUCT = "报告审阅 Report Reviewer"

# Qt's own catalogues: Chinese and English only (``qt_`` is a meta-catalogue naming ``qtbase_``).
QT_TRANSLATIONS_KEPT = re.compile(r"^qt(base)?_(zh_CN|en)\.qm$")
# Qt plugins the program never loads: screens it never runs on, input methods, networking
# (``generic``'s TUIO plugin would pull in QtNetwork), SQL drivers, rare image formats.
QT_PLUGINS_DROPPED = re.compile(
    r"/plugins/("
    r"platforms/[^/]*(eglfs|linuxfb|vnc|minimal|direct2d|vkkhrdisplay|wayland)[^/]*"
    r"|platformthemes|generic|xcbglintegrations|egldeviceintegrations|platforminputcontexts"
    r"|networkinformation|tls|qmltooling|sqldrivers|designer|printsupport|virtualkeyboard"
    r"|position|multimedia|wayland-[^/]*"
    r"|imageformats/[^/]*(tiff|webp|tga|wbmp|icns|pdf)[^/]*"
    r")(/|$)")
# Qt libraries that only the dropped plugins (or modules the program never imports) link to.
QT_LIBRARIES_DROPPED = re.compile(
    r"^(lib)?Qt6(Network|EglFSDeviceIntegration|EglFsKmsSupport|WaylandClient|WaylandEglClientHwIntegration"
    r"|WlShellIntegration|Qml\w*|Quick\w*|Pdf|VirtualKeyboard)\.(so[.\d]*|dll)$")
SHARED_LIBRARY = re.compile(r"\.(so[.\d]*|pyd|dll|dylib)$")

# Python modules the program never imports (``excludes`` of the Analysis).
EXCLUDED_MODULES = [
    "tkinter", "_tkinter", "turtle", "turtledemo", "idlelib",
    "PySide6.QtNetwork", "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtQuickWidgets",
    "PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets", "PySide6.QtWebChannel",
    "PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets", "PySide6.QtDBus", "PySide6.QtSql",
    "PySide6.QtTest", "PySide6.QtDesigner", "PySide6.QtUiTools", "PySide6.QtXml",
    "PySide6.QtConcurrent", "PySide6.QtHelp", "PySide6.QtPdf",
    # jieba's deep-learning mode (lac_small needs paddle), never enabled
    "jieba.lac_small", "paddle",
    # jieba reads its dictionary through pkg_resources when present, else as a plain file;
    # pkg_resources is slow to import and warns
    "pkg_resources", "setuptools",
    # the venv's test and build tools
    "pytest", "_pytest", "hypothesis", "pytestqt", "PyInstaller",
]


def project_version(root: Path = ROOT) -> str:
    """``reviewer.__version__``, read from the source (the spec must not import the package)."""
    text = (root / "reviewer" / "__init__.py").read_text(encoding="utf-8")
    return re.search(r'^__version__\s*=\s*["\']([^"\']+)["\']', text, re.M).group(1)


def version_numbers(version: str) -> tuple[int, int, int, int]:
    """The four numbers of a Windows version resource: ``0.1.0`` → (0, 1, 0, 0); a suffix such
    as ``.dev1`` or ``rc2`` is not a number there and is left out."""
    numbers = [int(n) for n in re.match(r"\d+(?:\.\d+)*", version).group(0).split(".")][:4]
    return tuple(numbers + [0] * (4 - len(numbers)))


def render_version_info(name: str, description: str, version: str) -> str:
    """The version resource of ``<name>.exe`` in PyInstaller's VSVersionInfo text format."""
    return (PACKAGING / "version_info.txt.in").read_text(encoding="utf-8").format(
        filevers=version_numbers(version), version=version, publisher=PUBLISHER,
        description=description, internal_name=name, original_filename=name + ".exe",
        product=PRODUCT, copyright=f"© {PUBLISHER}")


def keep(dest: str) -> bool:
    """Whether a collected data file or binary, by its destination in the bundle, is kept."""
    d = dest.replace("\\", "/")
    if d.startswith("jieba/lac_small/") or (d.startswith("jieba/") and d.endswith(".p")):
        return False  # paddle's model; the pickles are Jython's (CPython imports prob_*.py)
    if d.startswith("opencc/clib/") and not d.startswith("opencc/clib/share/") and not SHARED_LIBRARY.search(d):
        return False  # OpenCC's headers, CMake files and command-line tools
    if d.startswith("PySide6/Qt/translations/") or d.startswith("PySide6/translations/"):
        return bool(QT_TRANSLATIONS_KEPT.match(d.rsplit("/", 1)[-1]))
    if d.startswith("PySide6/") and QT_PLUGINS_DROPPED.search("/" + d):
        return False
    if QT_LIBRARIES_DROPPED.match(d.rsplit("/", 1)[-1]):
        return False  # in PySide6/ and as its symlink at the top of the bundle
    return True
