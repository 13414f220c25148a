"""The library page (issue 11, defect 7) and Qt's file dialog in Chinese (defect 8)."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from tests.test_gui import SAMPLE, errors, make_window  # noqa: E402,F401
from ui import prompts  # noqa: E402


def test_status_bar_counts_the_listed_reports_and_files_have_a_column(make_window, tmp_path):  # noqa: F811
    untitled = tmp_path / "7f3a9c0e2b.txt"
    untitled.write_text("一些文字,没有标题。\n全年办理案件12件。\n", encoding="utf-8")
    window = make_window()
    window.import_paths([str(SAMPLE), str(untitled)])
    window.show_library()
    window.workspace.set_review(None)
    model = window.library_page.model
    assert model.rowCount() == 2
    assert "2" in window.stats_label.text()
    files = [model.index(r, model.columns.index("file")).data() for r in range(2)]
    assert sorted(files) == sorted([SAMPLE.name, untitled.name])
    titles = [model.index(r, model.columns.index("title")).data() for r in range(2)]
    assert "7f3a9c0e2b" not in titles


def test_an_empty_library_offers_the_sample_in_a_library_of_its_own(make_window, tmp_path):  # noqa: F811
    own = tmp_path / "own.db"
    window = make_window(own)
    page = window.library_page
    assert page.sample_button.isVisibleTo(window) and window.workspace.documents() == []
    page.sample_button.click()
    assert window.workspace.library.path != own
    assert len(window.workspace.documents()) == 1 and window.workspace.review is not None
    from reviewer.library.store import Library
    with Library(own) as library:
        assert library.list_documents() == []


def test_the_file_dialog_speaks_chinese(make_window, monkeypatch):  # noqa: F811
    from ui.qt import QFileDialog, QLabel

    window = make_window()
    seen = []

    def fake_exec(dialog):
        seen.extend(label.text() for label in dialog.findChildren(QLabel))
        return 0

    monkeypatch.setattr(QFileDialog, "exec", fake_exec)
    assert prompts.ask_open_files(window, "导入报告") == []
    import re

    words = [re.sub(r"\(&\w\)", "", text) for text in seen]
    assert seen and all(not re.search("[A-Za-z]", text) for text in words), seen


def test_a_folder_import_lists_the_files_it_skipped_with_the_reason(make_window, tmp_path, monkeypatch):  # noqa: F811
    from reviewer.messages import ReviewerError

    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0 an old Word file")
    (folder / "table.xlsx").write_bytes(b"PK\x03\x04 a workbook")
    (folder / "~$a.docx").write_bytes(b"lock")  # Office lock files are passed over without a word
    shown: list[str] = []
    monkeypatch.setattr(prompts, "show_info", lambda parent, text, title=None: shown.append(text))
    window = make_window()
    window.import_paths([str(folder)])
    assert len(window.workspace.documents()) == 1
    [text] = shown
    legacy = ReviewerError("legacy_office", path=str(folder / "old.doc")).message("zh")
    assert legacy in text and "另存为 .docx 后重试" in text  # the command line's reason and advice
    assert "table.xlsx" in text and "“.xlsx”" in text and "~$a.docx" not in text
    assert "2" in text.splitlines()[0]


def _second_report(tmp_path):
    path = tmp_path / "乙县报告.txt"
    path.write_text("乙县司法局2024年法治政府建设情况报告\n\n一、基本情况\n全年办理行政复议案件12件,其中维持8件、"
                    "撤销3件。\n", encoding="utf-8")
    return path


def _docx_text(path) -> str:
    import docx

    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def test_a_memo_from_the_library_page_covers_every_selected_report(make_window, tmp_path):  # noqa: F811
    """With the library on screen, the memo is of the reports selected there, not of the report
    that happened to be open last."""
    window = make_window()
    window.import_paths([str(SAMPLE), str(_second_report(tmp_path))])
    window.show_library()
    window.library_page.table.selectAll()
    names = {d.display_name for d in window.workspace.documents()}
    assert len(window.reports_meant()) == 2
    out = tmp_path / "两份.docx"
    window.export_word("memo", out_path=str(out))
    text = _docx_text(out)
    assert all(name in text for name in names), (names, text[:300])


def test_a_memo_with_checks_still_undecided_asks_before_it_is_written(make_window, tmp_path, monkeypatch):  # noqa: F811
    window = make_window()
    window.import_paths([str(SAMPLE)])
    assert window.workspace.review.checks, "the sample has checks to judge"
    asked, answer = [], {"yes": False}
    monkeypatch.setattr(prompts, "confirm", lambda parent, title, text, default_yes=False: asked.append(text)
                        or answer["yes"])
    out = tmp_path / "意见书.docx"
    monkeypatch.setattr(prompts, "ask_save_path", lambda parent, title, suggested, filters: str(out))
    assert window.export_word("memo") is None and not out.exists()
    assert len(asked) == 1 and "未判定" in asked[0]
    answer["yes"] = True
    window.export_word("memo")
    assert out.exists()


def test_an_untitled_report_is_exported_under_its_file_name_without_the_suffix(make_window, tmp_path,  # noqa: F811
                                                                               monkeypatch):
    untitled = tmp_path / "7f3a9c0e2b.txt"
    untitled.write_text("一些文字,没有标题。\n全年办理案件12件。\n", encoding="utf-8")
    window = make_window()
    window.import_paths([str(untitled)])
    suggested = []
    monkeypatch.setattr(prompts, "ask_save_path", lambda parent, title, path, filters: suggested.append(path))
    window.export([window.workspace.doc_uuid])
    monkeypatch.setattr(prompts, "confirm", lambda *args, **kwargs: True)
    window.export_word("memo")
    assert [Path(p).name for p in suggested] == ["7f3a9c0e2b.xlsx", "7f3a9c0e2b-审核意见.docx"]


def test_library_search_results_name_the_report_and_the_kind_of_hit_in_chinese(make_window, tmp_path):  # noqa: F811
    untitled = tmp_path / "folder" / "7f3a9c0e2b.txt"
    untitled.parent.mkdir()
    untitled.write_text("一些文字,没有标题。\n全年办理案件12件。\n", encoding="utf-8")
    window = make_window()
    window.import_paths([str(untitled)])
    figure = window.workspace.review.figures[0]
    window.workspace.library.add_comment("figure", figure.review.uuid, "办理数量需与台账核对")
    window.search_library("没有标题")
    lines = [window.library_page.results.item(i).text() for i in range(window.library_page.results.count())]
    assert lines and all("7f3a9c0e2b.txt" in line and str(untitled.parent) not in line for line in lines)
    window.search_library("台账")
    comment = window.library_page.results.item(0).text()
    assert comment.startswith("[批注]"), comment


def test_a_folder_imported_again_says_what_was_new_and_what_the_library_held(make_window, tmp_path):  # noqa: F811
    folder = tmp_path / "报告"
    folder.mkdir()
    (folder / "甲.txt").write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    _second_report(folder)
    window = make_window()
    window.import_paths([str(folder)])
    assert window.statusBar().currentMessage() == "已导入 2 份新报告。"
    (folder / "丙.txt").write_text("丙县2024年工作报告\n全年办理案件7件。\n", encoding="utf-8")
    window.import_paths([str(folder)])
    assert window.statusBar().currentMessage() == "已导入 1 份新报告。2 份已在文库中,未重复导入。"
