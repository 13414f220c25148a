"""Interface language: our catalogue (resources/translations/report_reviewer_<lang>.qm) plus Qt's
own ``qtbase_<lang>.qm`` so standard dialogs and buttons speak the same language.

Source strings in the code are English; Chinese (zh_CN) is the default for a Chinese system and
for any system whose language we do not translate to — the users are Chinese legal staff.
"""

from __future__ import annotations

from reviewer import messages, paths
from ui.qt import QCoreApplication, QLibraryInfo, QLocale, QTranslator

LANGUAGES = ("zh_CN", "en")
_installed: list[QTranslator] = []
_current = "zh_CN"


def system_language() -> str:
    name = QLocale.system().name()  # e.g. "zh_CN", "en_US", "zh_TW"
    return "en" if name.startswith("en") else "zh_CN"


def resolve(setting: str) -> str:
    """The language to use for a setting value ("" follows the system)."""
    return setting if setting in LANGUAGES else system_language()


def catalogue_path(language: str):
    return paths.resource("translations", f"report_reviewer_{language}.qm")


def install(language: str) -> str:
    """Load the translators for ``language`` into the running application; returns the code."""
    global _current
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    language = language if language in LANGUAGES else "zh_CN"
    ours = QTranslator(app)
    if ours.load(str(catalogue_path(language))):
        app.installTranslator(ours)
        _installed.append(ours)
    if language != "en":
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qtbase = QTranslator(app)
        if qtbase.load(QLocale(language), "qtbase", "_", qt_dir):
            app.installTranslator(qtbase)
            _installed.append(qtbase)
    _current = language
    QLocale.setDefault(QLocale(language))
    messages.set_language("en" if language == "en" else "zh")
    return language


def current() -> str:
    return _current


def core_language() -> str:
    """The code ``ReviewerError.message`` expects ("zh" or "en")."""
    return "en" if _current == "en" else "zh"
