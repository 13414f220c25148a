"""User-facing messages of the core in Chinese (default) and English.

The core raises ``ReviewerError`` with a message code; the command line and the GUI show it in
the user's language.  ``REVIEWER_LANG=en`` (or ``set_language``) switches the default.
"""

from __future__ import annotations

import os

_language = "en" if os.environ.get("REVIEWER_LANG", "zh").lower().startswith("en") else "zh"

CATALOG: dict[str, tuple[str, str]] = {
    # code: (Chinese, English)
    "file_missing": ("找不到文件:{path}", "File not found: {path}"),
    "is_directory": ("这是一个文件夹,不是报告文件:{path}", "This is a folder, not a report file: {path}"),
    "unreadable": ("无法读取文件:{path}({reason})", "Cannot read the file: {path} ({reason})"),
    "empty_file": ("文件是空的,没有可审阅的文字:{path}", "The file is empty; there is no text to review: {path}"),
    "binary_file": ("这不是文本报告(看起来是二进制文件):{path}",
                    "This is not a text report (it looks like a binary file): {path}"),
    "undecodable": ("无法识别文件的文字编码:{path}。请另存为 UTF-8 或 GB18030 后重试。",
                    "Cannot tell the text encoding of {path}. Save it as UTF-8 or GB18030 and try again."),
    "too_large": ("文件太大({size} MB),超过上限 {limit} MB:{path}",
                  "The file is too large ({size} MB, limit {limit} MB): {path}"),
    "unsupported_format": ("不支持的文件类型“{ext}”:{path}。支持 txt、docx、pdf、html。",
                           "Unsupported file type '{ext}': {path}. Supported: txt, docx, pdf, html."),
    "bad_docx": ("Word 文档已损坏或不完整,无法打开:{path}", "The Word document is damaged or incomplete: {path}"),
    "bad_pdf": ("PDF 文件已损坏,无法打开:{path}", "The PDF file is damaged: {path}"),
    "scanned_pdf": ("这是扫描版 PDF,没有文字层,无法分析:{path}。请先进行文字识别(OCR)。",
                    "Scanned PDF, no text layer: {path}. Run text recognition (OCR) on it first."),
    "legacy_office": ("这是旧版 Office 文件(.doc/.wps 等),无法直接读取:{path}。请在 Word 或 WPS 中另存为 .docx 后重试。",
                      "This is an old Office file (.doc/.wps): {path}. Save it as .docx in Word or WPS and try again."),
    "encrypted_pdf": ("PDF 文件有密码保护,无法读取文字:{path}", "The PDF is password-protected; its text cannot be read: {path}"),
    "no_text": ("文件中没有可审阅的文字:{path}", "The file contains no text to review: {path}"),
    # Excel export (reviewer/export/workbook.py)
    "export_folder_missing": ("导出失败:文件夹不存在:{path}", "Export failed: the folder does not exist: {path}"),
    "export_folder_unwritable": ("导出失败:没有权限写入文件夹:{path}",
                                 "Export failed: no permission to write in the folder: {path}"),
    "export_locked": ("文件被其他程序(如 Excel)占用,请关闭后重试:{path}",
                      "The file is in use by another program (such as Excel) or read-only; close it and try again: {path}"),
    "export_failed": ("导出失败:{path}({reason}),原有文件未改动。",
                      "Export failed: {path} ({reason}); the existing file was not changed."),
    "export_cancelled": ("导出已取消,原有文件未改动。", "Export cancelled; the existing file was not changed."),
    "export_nothing": ("没有可导出的报告。", "There are no reports to export."),
    "export_too_many_rows": ("“{sheet}”表超过 Excel 的行数上限({limit} 行),请分批导出较少的报告。",
                             "Sheet '{sheet}' exceeds Excel's row limit ({limit} rows); export fewer reports at a time."),
    # the review library (store.py, merge.py, cli_library.py)
    "library_is_directory": ("这是一个文件夹,不是审阅库文件:{path}", "This is a folder, not a review library file: {path}"),
    "library_unreadable": ("无法读取审阅库:{path}({reason})", "Cannot read the review library: {path} ({reason})"),
    "library_not_sqlite": ("这不是审阅库(不是 SQLite 数据库文件):{path}。文件未被改动。",
                           "This is not a review library (not an SQLite database file): {path}. The file was not changed."),
    "library_not_reviewer": ("这是一个 SQLite 数据库,但不是本程序的审阅库:{path}。文件未被改动。",
                             "This SQLite database is not a Report Reviewer library: {path}. The file was not changed."),
    "library_damaged": ("审阅库已损坏,无法安全使用:{path}({reason})。请用备份文件(*.bak-*.db)恢复。",
                        "The review library is damaged and cannot be used safely: {path} ({reason}). Restore it from a backup (*.bak-*.db)."),
    "library_newer": ("审阅库由更新版本的程序创建(格式 {version},本程序支持到 {supported}):{path}。请升级程序;文件未被改动。",
                      "The review library was made by a newer version (schema {version}, this version supports up to {supported}): {path}. Please upgrade; the file was not changed."),
    "library_read_only": ("审阅库是只读的,不能保存修改:{path}", "The review library is read-only; changes cannot be saved: {path}"),
    "library_read_only_old": ("审阅库是只读的,且需要升级格式,无法打开:{path}",
                              "The review library is read-only and needs a format upgrade, so it cannot be opened: {path}"),
    "library_cannot_create": ("无法在此处创建审阅库(文件夹不可写):{path}",
                              "Cannot create a review library here (the folder is not writable): {path}"),
    "library_folder_missing": ("审阅库所在的文件夹不存在:{path}", "The folder of the review library does not exist: {path}"),
    "library_busy": ("审阅库正被另一个程序长时间占用,请稍后重试:{path}",
                     "The review library is busy in another program; try again shortly: {path}"),
    "library_write_failed": ("无法写入审阅库:{path}({reason})。这次修改没有保存,已有内容完好。",
                             "Cannot write to the review library: {path} ({reason}). This change was not saved; "
                             "the existing data is intact."),
    "library_closed": ("审阅库已关闭:{path}", "The review library is closed: {path}"),
    "document_missing": ("库中没有这份报告:{uuid}", "No such report in the library: {uuid}"),
    "document_ambiguous": ("“{key}”对应多份报告,请写出更完整的编号:{matches}",
                           "'{key}' matches several reports; give more of the id: {matches}"),
    "item_missing": ("找不到要修改的条目({item_type} {uuid})", "No such item ({item_type} {uuid})"),
    "bad_item_type": ("不支持的条目类型:{item_type}", "Unsupported item type: {item_type}"),
    "bad_field": ("{item_type} 没有可修改的字段“{field}”(可改:{allowed})",
                  "{item_type} has no editable field '{field}' (editable: {allowed})"),
    "bad_value": ("字段“{field}”的值无效:{value}", "Invalid value for '{field}': {value}"),
    "bad_status": ("无效的审阅状态“{status}”(可用:{allowed})", "Invalid review status '{status}' (allowed: {allowed})"),
    "bad_span": ("文字范围无效:{start}–{end}(全文 {length} 字)", "Invalid text span {start}–{end} (text length {length})"),
    "tag_missing": ("找不到标签:{uuid}", "No such tag: {uuid}"),
    "tag_exists": ("同一层级已有标签“{name}”", "A tag named '{name}' already exists at this level"),
    "bad_tag_parent": ("标签“{name}”不能放在它自己或其下级之下", "Tag '{name}' cannot be placed under itself or its own child"),
    "not_tagged": ("该条目没有标签“{name}”", "The item does not carry the tag '{name}'"),
    "empty_comment": ("批注内容不能为空", "A comment cannot be empty"),
    "comment_missing": ("找不到批注:{uuid}", "No such comment: {uuid}"),
    "history_missing": ("找不到修改记录 {id}", "No change record {id}"),
    "already_undone": ("修改记录 {id} 已经撤销过了", "Change {id} has already been undone"),
    "cannot_undo": ("这类操作(“{action}”)不能撤销", "This kind of change ('{action}') cannot be undone"),
    "folder_missing": ("找不到文件夹:{path}", "Folder not found: {path}"),
    "merge_same_library": ("不能把审阅库合并到它自己:{path}", "A library cannot be merged into itself: {path}"),
    "export_unavailable": ("Excel 导出功能尚不可用({reason})", "Excel export is not available yet ({reason})"),
    "nothing_to_import": ("没有找到可导入的报告文件(支持 txt、docx、pdf、html):{path}",
                          "No report files to import (txt, docx, pdf, html): {path}"),

    # issue 15: team library
    "item_changed_by_other": ("已被 {who} 于 {time} 修改,请重新载入后再改。这次修改没有保存。",
                              "Changed by {who} at {time}; reload and edit again. This change was not saved."),
    "undo_changed_by_other": ("已被 {who} 于 {time} 修改,不能撤销这一步;什么也没有改动。",
                              "Changed by {who} at {time} since; this step cannot be undone and nothing was changed."),
    "team_driver_missing": ("未安装 PostgreSQL 驱动(psycopg),无法打开团队审阅库。",
                            "The PostgreSQL driver (psycopg) is not installed; a team library cannot be opened."),
    "team_bad_login": ("无法登录团队审阅库 {url}:用户名或密码不对。请检查密码(钥匙串或 pgpass 文件)。",
                       "Cannot log in to the team library {url}: wrong user name or password. Check the password (keyring or pgpass file)."),
    "team_no_database": ("团队审阅库 {url} 的数据库不存在。请向管理员确认数据库名。",
                         "The database of the team library {url} does not exist. Ask the administrator for its name."),
    "team_unreachable": ("无法连接团队审阅库 {url}({reason})。最后一次保存之前的修改都已保存;服务器恢复后会自动重新连接。",
                         "Cannot reach the team library {url} ({reason}). Everything saved before is kept; the program reconnects when the server is back."),
    "team_commit_unknown": ("保存时与团队审阅库 {url} 的连接中断({reason}):这次修改可能没有保存,请在重新连接后查看历史。",
                            "The connection to the team library {url} broke while saving ({reason}): this change may not have been saved; check the history after reconnecting."),
    "team_permission_denied": ("服务器拒绝了这次操作(没有权限):{url}({reason})。什么也没有改动。",
                               "The server refused this (no permission): {url} ({reason}). Nothing was changed."),
    "team_read_only": ("{user} 对团队审阅库 {url} 只有查看权限,不能修改。",
                       "{user} may only read the team library {url}, not change it."),
    "team_not_initialised": ("数据库 {url} 还不是团队审阅库。请管理员先运行 reviewer team init。",
                             "The database {url} is not a team library yet. An administrator must run `reviewer team init` first."),
    "team_init_not_empty": ("数据库 {url} 不是空的,也不是团队审阅库({tables}),没有改动它。",
                            "The database {url} is neither empty nor a team library ({tables}); it was not changed."),
    "team_needs_url": ("请用 --db postgresql://… 指定团队审阅库。", "Name the team library with --db postgresql://…"),
    "team_bad_role_name": ("角色名不合适:{name}", "Not a usable role name: {name}"),
}


def set_language(language: str) -> None:
    global _language
    _language = "en" if language.lower().startswith("en") else "zh"


def language() -> str:
    return _language


def render(code: str, language_code: str | None = None, **params: object) -> str:
    zh, en = CATALOG.get(code, (code, code))
    template = en if (language_code or _language) == "en" else zh
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template


class ReviewerError(Exception):
    """An expected failure with a message for the user in their language (never a traceback)."""

    def __init__(self, code: str, **params: object) -> None:
        self.code = code
        self.params = params
        super().__init__(render(code, **params))

    def message(self, language_code: str | None = None) -> str:
        return render(self.code, language_code, **self.params)
