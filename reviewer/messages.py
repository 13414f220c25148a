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
    # Excel export (reviewer/export_xlsx.py)
    "export_folder_missing": ("导出失败:文件夹不存在:{path}", "Export failed: the folder does not exist: {path}"),
    "export_folder_unwritable": ("导出失败:没有权限写入文件夹:{path}",
                                 "Export failed: no permission to write in the folder: {path}"),
    "export_locked": ("文件被其他程序(如 Excel)占用,请关闭后重试:{path}",
                      "The file is in use by another program (such as Excel) or read-only; close it and try again: {path}"),
    "export_failed": ("导出失败:{path}({reason}),原有文件未改动。",
                      "Export failed: {path} ({reason}); the existing file was not changed."),
    "export_cancelled": ("导出已取消,原有文件未改动。", "Export cancelled; the existing file was not changed."),
    "export_nothing": ("没有可导出的报告。", "There are no reports to export."),
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
