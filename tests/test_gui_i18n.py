"""The interface speaks Chinese by default and English on request, through Qt's translation
system; the checked-in catalogues are current with the code."""

from __future__ import annotations

import importlib.util
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
spec = importlib.util.spec_from_file_location("update_translations", TRANSLATIONS / "update_translations.py")
update = importlib.util.module_from_spec(spec)
spec.loader.exec_module(update)


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    tree = ET.parse(ts)
    return {(ctx.findtext("name"), m.findtext("source")): m.find("translation")
            for ctx in tree.iter("context") for m in ctx.iter("message")}


def _tool_or_skip(name: str) -> None:
    try:
        update.tool(name)
    except SystemExit:
        pytest.skip(f"{name} is not installed")


@pytest.mark.parametrize("language", update.LANGUAGES)
def test_ts_sources_are_current_with_the_code(tmp_path, language):
    _tool_or_skip("pyside6-lupdate")
    checked_in = update.ts_path(language)
    fresh = tmp_path / checked_in.name
    shutil.copy(checked_in, fresh)
    update.lupdate(fresh, language)
    assert set(_messages(fresh)) == set(_messages(checked_in)), \
        "run: python resources/translations/update_translations.py"


@pytest.mark.parametrize("language", update.LANGUAGES)
def test_qm_files_are_compiled_from_the_current_ts(tmp_path, language):
    _tool_or_skip("pyside6-lrelease")
    ts = update.ts_path(language)
    fresh = tmp_path / "fresh.qm"
    update.lrelease(ts, fresh)
    assert fresh.read_bytes() == ts.with_suffix(".qm").read_bytes(), \
        "run: python resources/translations/update_translations.py"


def test_every_string_has_a_chinese_translation_with_the_same_placeholders():
    import re

    for (context, source), translation in _messages(update.ts_path("zh_CN")).items():
        assert translation is not None and translation.get("type") != "unfinished" and translation.text, \
            (context, source)
        placeholders = sorted(re.findall(r"\{\d[^}]*\}|%p%", source))
        assert sorted(re.findall(r"\{\d[^}]*\}|%p%", translation.text)) == placeholders, (context, source)


def test_window_is_chinese_by_default_and_english_on_request(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("REVIEWER_SETTINGS_DIR", str(tmp_path / "settings"))
    from ui import i18n
    from ui.main_window import MainWindow
    from ui.qt import QCoreApplication, QDialogButtonBox
    from ui.settings import Settings
    from ui.workers import SyncPool

    assert i18n.install("zh_CN") == "zh_CN"
    window = MainWindow(Settings(), pool=SyncPool(), library_path=str(tmp_path / "lib.db"))
    qtbot.addWidget(window)
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["文件(&F)", "编辑(&E)", "视图(&V)", "帮助(&H)"]
    assert window.windowTitle() == "报告审阅"
    # strings of the window's parts (navigation.py, editing.py …) are found through its classes
    assert window.tr("Nothing left to review here.") == "这里已没有待审阅的项目。"
    assert window.tr("Select a heading first.") == "请先选择一个标题。"
    assert window.tr("Importing reports…") == "正在导入报告…"
    # Qt's own catalogue: standard buttons are Chinese too
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() in ("取消", "取消(&C)")
    # the core's messages follow
    from reviewer.messages import ReviewerError
    assert "找不到文件" in str(ReviewerError("file_missing", path="x"))
    window.close()

    i18n.install("en")
    english = MainWindow(Settings(), pool=SyncPool(), library_path=str(tmp_path / "lib.db"))
    qtbot.addWidget(english)
    assert [a.text() for a in english.menuBar().actions()] == ["&File", "&Edit", "&View", "&Help"]
    assert QCoreApplication.translate("Labels", "Confirmed") == "Confirmed"
    english.close()
    i18n.install("zh_CN")


def test_system_language_decides_when_the_setting_is_empty(monkeypatch):
    from ui import i18n
    from ui.qt import QLocale

    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("en_US")))
    assert i18n.resolve("") == "en"
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("zh_TW")))
    assert i18n.resolve("") == "zh_CN"
    assert i18n.resolve("en") == "en"


def test_switching_language_in_settings_rebuilds_the_window_in_place(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("REVIEWER_SETTINGS_DIR", str(tmp_path / "settings"))
    from ui import i18n
    from ui.main_window import MainWindow
    from ui.settings import Settings
    from ui.workers import SyncPool

    i18n.install("zh_CN")
    settings = Settings()
    window = MainWindow(settings, pool=SyncPool(), library_path=str(tmp_path / "lib.db"))
    qtbot.addWidget(window)
    window.import_paths([str(ROOT / "resources" / "samples" / "sample_fazhi_2023.txt")])
    doc_uuid = window.workspace.doc_uuid
    settings.language = "en"
    window.apply_settings({"language": "en"})
    english = window.replaced_by
    qtbot.addWidget(english)
    try:
        assert english.menuBar().actions()[0].text() == "&File"
        assert english.workspace.doc_uuid == doc_uuid
        assert not window.isVisible()
    finally:
        english.close()
        i18n.install("zh_CN")
