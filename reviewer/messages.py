"""User-facing messages of the core in Chinese (default) and English.

The core raises ``ReviewerError`` with a message code; the command line and the GUI show it in
the user's language.  ``REVIEWER_LANG=en`` (or ``set_language``) switches the default.
"""

from __future__ import annotations

import os

#: The spellings of a language that the window and the command line both accept.
LANGUAGE_CODES = ("zh", "zh_CN", "en")


def normalise_language(code: str | None) -> str:
    """"zh" or "en" for any spelling: "en…" is English, anything else (zh, zh_CN, "") Chinese,
    the users' language."""
    return "en" if (code or "").strip().lower().startswith("en") else "zh"


_language = normalise_language(os.environ.get("REVIEWER_LANG"))

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
    "redo_superseded": ("修改记录 {id} 之后这一字段又改过,不能再重做", "The field was changed again after change {id}; "
                        "it cannot be redone"),
    "not_undone": ("修改记录 {id} 没有撤销,无需重做", "Change {id} has not been undone, so it cannot be redone"),
    "cannot_undo": ("这类操作(“{action}”)不能撤销", "This kind of change ('{action}') cannot be undone"),
    "folder_missing": ("找不到文件夹:{path}", "Folder not found: {path}"),
    "merge_same_library": ("不能把审阅库合并到它自己:{path}", "A library cannot be merged into itself: {path}"),
    "export_unavailable": ("Excel 导出功能尚不可用({reason})", "Excel export is not available yet ({reason})"),
    "nothing_to_import": ("没有找到可导入的报告文件(支持 txt、docx、pdf、html):{path}",
                          "No report files to import (txt, docx, pdf, html): {path}"),
    # issue 14: command line
    "cli_db_not_applicable": ("“{command}”不使用审阅库,--db 在这里无效", "'{command}' does not use a review library; --db does not apply"),
    "cli_import_interrupted": ("已中断:已导入 {done} 份,其余未导入", "Interrupted: {done} imported, the rest not imported"),
    "cli_skipped": ("跳过:{reason}", "Skipped: {reason}"),
    "cli_imported": ("已导入", "imported"),
    "cli_reimported": ("文字有变,已重新分析;标注 精确 {exact}、模糊 {fuzzy}、未能定位 {orphaned};"
                       "条目 保留 {kept}、失去位置 {lost}",
                       "text changed, re-analysed; annotations exact {exact}, fuzzy {fuzzy}, orphaned "
                       "{orphaned}; items kept {kept}, orphaned {lost}"),
    "cli_already_imported": ("已在库中,未重复导入", "already in the library"),
    "cli_library_missing": ("找不到审阅库:{path}。请检查 --db 的路径;导入报告(import)或合并(merge)时会新建审阅库。",
                            "No review library at {path}. Check the --db path; import and merge create a new library."),
    "cli_library_created": ("新建审阅库:{path}", "New review library: {path}"),
    # the screens of analyze --format text, list and show (reviewer/cli/display.py)
    "cli_title": ("标题", "Title"),
    "cli_issuer": ("发布单位", "Issuer"),
    "cli_published": ("发布日期", "Published"),
    "cli_year": ("年度", "Year"),
    "cli_doc_number": ("文号", "Doc no."),
    "cli_reviewed": ("已审阅", "Reviewed"),
    "cli_citations": ("引用 {count}:", "Citations {count}:"),
    "cli_was": ("原:", "was: "),
    "cli_conflict": ("冲突:", "conflict: "),
    "cli_words_not_found": ("(改版后未找到原文)", "(words not found after re-import)"),
    "cli_orphaned": ("未能定位", "orphaned"),
    "cli_script_simplified": ("简体", "Simplified"),
    "cli_script_traditional": ("繁体", "Traditional"),
    "cli_anchor_exact": ("精确", "exact"),
    "cli_anchor_fuzzy": ("模糊", "fuzzy"),
    "cli_anchor_orphan": ("无法定位", "orphan"),
    "cli_figure_kind_count": ("数量", "count"),
    "cli_figure_kind_money": ("金额", "money"),
    "cli_figure_kind_percent": ("百分比", "percent"),
    "cli_figure_kind_duration": ("时长", "duration"),
    "cli_figure_kind_measure": ("计量", "measure"),
    "cli_figure_kind_ratio": ("比例", "ratio"),
    "cli_figure_kind_age": ("年龄", "age"),
    "cli_figure_kind_date": ("日期", "date"),
    "cli_check_kind_sum_mismatch": ("合计不符", "sum mismatch"),
    "cli_check_kind_rate_mismatch": ("比率不符", "rate mismatch"),
    "cli_check_kind_conflicting_repeat": ("前后不一致", "conflicting repeat"),
    "cli_check_kind_numbering_gap": ("编号缺漏", "numbering gap"),
    "cli_check_kind_missing_part": ("缺少必备部分", "missing part"),
    "cli_check_kind_orphan_level": ("层级缺失", "level without parent"),
    "cli_error": ("出错了:", "Error: "),
    "cli_reanalysed": ("已重新分析;条目 保留 {kept}、失去位置 {lost}", "re-analysed; items kept {kept}, orphaned {lost}"),
    "cli_library_empty": ("库中还没有报告。用 `python -m reviewer import 文件或文件夹` 导入。",
                          "The library has no reports yet. Import some with `python -m reviewer import PATH`."),
    "cli_list_header": ("序号 编号      年度  已审阅  待查  名称  文件", " #  id        year  reviewed checks name  file"),
    "cli_file": ("文件", "File"),
    "cli_exported": ("已导出:{path}", "Exported: {path}"),
    # --help (reviewer/cli/arguments.py and each command's register())
    "cli_usage": ("用法:", "usage: "),
    "cli_positionals": ("位置参数", "positional arguments"),
    "cli_options": ("选项", "options"),
    "cli_commands": ("命令", "commands"),
    "cli_help_help": ("显示本帮助并退出", "show this help message and exit"),
    "cli_help_version": ("显示版本号并退出", "show the version and exit"),
    "cli_help_description": ("报告审阅:分析中国政府工作报告,管理审阅库。",
                             "Report Reviewer: analyse Chinese government reports and manage review libraries."),
    "cli_help_lang": ("界面语言:zh(或 zh_CN)中文,en 英文;默认 zh,也可设 REVIEWER_LANG",
                      "language: zh (or zh_CN) Chinese, en English; default zh, or set REVIEWER_LANG"),
    "cli_help_global_db": ("审阅库文件(用于使用审阅库的命令)", "review library file, for the commands that use one"),
    "cli_help_self_test": ("逐步检查本程序的安装情况后退出", "check this installation step by step and exit"),
    "cli_help_db": ("审阅库文件,或团队审阅库 postgresql://用户@主机/库(默认:{path})",
                    "review library file, or a team library postgresql://user@host/db (default: {path})"),
    "cli_help_reviewer": ("你的姓名,记入每一处修改(默认:$REVIEWER_NAME 或登录名)",
                          "your name, recorded with every change (default: $REVIEWER_NAME or the login name)"),
    "cli_help_analyze": ("分析报告文件并输出结果", "analyse report files and print the result"),
    "cli_desc_analyze": ("分析报告文件;JSON 写到标准输出,提示信息写到标准错误。",
                         "Analyse report files; JSON goes to stdout, messages to stderr."),
    "cli_help_format": ("输出格式", "output format"),
    "cli_help_import": ("把报告文件或文件夹导入审阅库", "import report files or folders into a review library"),
    "cli_desc_import": ("把报告(txt、docx、pdf、html;文件夹会逐层查找)导入审阅库。已在库中的文件不会重复导入;"
                        "同一路径下内容有变的文件会重新分析,审阅内容重新定位。",
                        "Import reports (txt, docx, pdf, html; folders are searched) into the library. A file "
                        "already there is not duplicated; a changed file at a known path is re-analysed and the "
                        "review work re-anchored."),
    "cli_help_reanalyse": ("重新分析库中的报告,保留审阅内容", "analyse stored reports again, keeping the review work"),
    "cli_desc_reanalyse": ("用本版本的分析重新处理库中的报告(全部,或指定的几份)。更正、标签、意见和批注都会保留。",
                           "Run this version's analysis again over reports already in the library (all, or those "
                           "given). Corrections, tags, comments and annotations are kept."),
    "cli_help_docs": ("`list` 中的序号、报告编号的开头或文件路径(默认:全部)",
                      "number from `list`, id prefix or path (default: all)"),
    "cli_help_list": ("列出审阅库中的报告", "list the reports in a review library"),
    "cli_desc_list": ("列出库中的报告及其审阅进度。", "List the reports in the library with their review progress."),
    "cli_help_show": ("显示一份报告的目录、数据和审阅状态", "show one report's outline, figures and review state"),
    "cli_desc_show": ("显示报告的目录及其中的数据、核查问题、批注和审阅状态。DOC 是 `list` 中的序号、报告编号的开头或文件路径。",
                      "Show a report's outline with figures, checks, annotations and review state. DOC is the "
                      "number from `list`, the start of the report id, or its path."),
    "cli_help_export": ("导出报告及其审阅:Excel 工作簿、审核意见书、带批注的 Word 报告",
                        "export reports and their review: Excel workbook, review memo, annotated Word copy"),
    "cli_desc_export": ("把报告(全部,或用 --doc 指定的)及审阅结果导出为 Excel 工作簿、审核意见书或带批注的 Word 报告。",
                        "Write the reports (all, or those given with --doc) and their review as an Excel workbook, "
                        "a review memo or the report with Word comments."),
    "cli_help_xlsx": ("要写入的工作簿", "workbook to write"),
    "cli_help_doc": ("要导出的报告(`list` 中的序号、报告编号的开头或路径);可重复",
                     "a report to export (number from `list`, id prefix or path); repeatable"),
    "cli_help_merge": ("把另一位审阅人的审阅库合并进来", "merge another reviewer's library into this one"),
    "cli_desc_merge": ("把另一个审阅库中的报告和审阅内容并入本库。互相冲突的更正并列保留并逐条列出;另一个文件不会被改动。",
                       "Bring another library's reports and review work into this one. Conflicting corrections "
                       "are kept side by side and listed; the other file is not changed."),
    "cli_argparse_error": ("{prog}:错误:{message}", "{prog}: error: {message}"),
    "cli_help_paths": ("报告文件或文件夹", "report files or folders"),
    "cli_help_report_paths": ("报告文件", "report files"),
    "cli_help_doc_key": ("`list` 中的序号、报告编号的开头或文件路径", "number from `list`, id prefix or path"),
    "cli_help_other": ("另一个审阅库文件(不会被改动)", "the other library file (not changed)"),
    # issue 9: hostile input
    "merge_bad_row": ("无法合并:{path} 的 {table} 表中有无效的一行({row}:{reason})。整个合并已取消,本库未被改动。",
                      "Cannot merge: {path} has an invalid row in table {table} ({row}: {reason}). "
                      "The whole merge was cancelled; this library was not changed."),
    "merge_missing_tables": ("无法合并:{path} 缺少审阅库的表或列({tables}:{reason}),它不是完整的审阅库。本库未被改动。",
                             "Cannot merge: {path} lacks tables or columns of a review library ({tables}: {reason}). "
                             "This library was not changed."),
    "merge_row_conflict": ("无法合并:对方库中的 {table} 条目 {row} 与本库中已有的条目冲突(例如被移到了另一份报告)。"
                           "整个合并已取消,本库未被改动。",
                           "Cannot merge: item {row} of table {table} in the other library clashes with one in this "
                           "library (it may have been moved to another report). The whole merge was cancelled; "
                           "this library was not changed."),
    "not_regular_file": ("这不是普通文件(可能是管道、设备或套接字),不会读取:{path}",
                         "This is not a regular file (a pipe, device or socket); it will not be read: {path}"),
    "docx_bomb": ("Word 文档解压后过大或压缩比异常({reason}),可能是恶意文件,已拒绝:{path}",
                  "The Word document would inflate to too much data ({reason}); it may be hostile and was refused: {path}"),
    "mht_too_deep": ("网页存档(.mht)嵌套层数过多(超过 {limit} 层),无法读取:{path}",
                     "The web archive (.mht) is nested too deeply (more than {limit} levels) to read: {path}"),
    "pdf_too_many_pages": ("PDF 有 {pages} 页,超过上限 {limit} 页,不像是一份报告:{path}",
                           "The PDF has {pages} pages, more than the limit of {limit}; it is not a report: {path}"),
    "library_disk_full": ("磁盘已满,无法写入审阅库:{path}。这次修改没有保存;审阅库本身完好,请腾出磁盘空间后重试,"
                          "不要用备份覆盖它。",
                          "The disk is full; the review library cannot be written: {path}. This change was not saved; "
                          "the library itself is intact. Free some disk space and try again (do not restore a backup "
                          "over it)."),
    "library_io_error": ("读写审阅库时出错:{path}({reason})。这不一定表示文件损坏;请检查磁盘或网络共享后重试。",
                         "Input/output error on the review library: {path} ({reason}). This does not necessarily mean "
                         "the file is damaged; check the disk or network share and try again."),
    "bad_text": ("文字中含有无法保存的字符(孤立的代理码位),{what}未保存。",
                 "The text holds a character that cannot be stored (a lone surrogate); the {what} was not saved."),
    "search_too_long": ("搜索内容太长({length} 字,上限 {limit} 字)。", "The search is too long ({length} characters, limit {limit})."),
    "library_bad_version": ("这个 SQLite 数据库的版本记录({version})不是本程序写的,它不是本程序的审阅库:{path}。文件未被改动。",
                            "This SQLite database records a version ({version}) this program never wrote; it is not a "
                            "Report Reviewer library: {path}. The file was not changed."),
    "library_missing_tables": ("审阅库缺少必需的表或列({tables}),无法使用:{path}。文件未被改动;请用备份文件(*.bak-*.db)恢复。",
                               "The review library lacks required tables or columns ({tables}): {path}. The file was not "
                               "changed; restore it from a backup (*.bak-*.db)."),
    "library_bad_value": ("审阅库中有一项数据无法读取({value}),该库可能被其他程序改动过。请用备份文件(*.bak-*.db)恢复或联系管理员。",
                          "A value in the review library cannot be read ({value}); another program may have changed "
                          "the library. Restore it from a backup (*.bak-*.db) or ask your administrator."),
    "export_too_many_figures": ("要导出的数字共 {count} 条,Excel 一张表最多 {limit} 行,无法放下(“{title}”一份报告就有 {one} 条)。"
                                "请只导出其他报告,或先删除多余的数字。",
                                "The export holds {count} figures, more than the {limit} rows of an Excel sheet "
                                "(the report '{title}' alone has {one}). Export other reports, or remove surplus figures first."),
    # issue 12: memo and annotated report
    "export_no_output": ("请指定要导出的文件:--xlsx、--memo 或 --annotated",
                         "Say what to export: --xlsx, --memo or --annotated"),
    "annotated_needs_one_doc": ("批注版报告一次只能导出一份报告,请用 --doc 指定一份",
                                "The annotated copy is made for one report: name it with one --doc"),
    "exported_memo": ("已导出审核意见书:{path}", "Review memo exported: {path}"),
    "exported_annotated": ("已导出批注版报告:{path}(共 {count} 条批注)",
                           "Annotated report exported: {path} ({count} comments)"),
    "annotated_from_text": ("原文件不是 Word 文档、已移动或已改动,批注已加在按清理后正文生成的新 Word 文档中。",
                            "The source is not a Word file, or it was moved or changed: the comments are in a "
                            "new Word document of the cleaned text."),
    "annotated_unplaced": ("有 {count} 条批注在原文中找不到对应文字({quotes}),已加在第一段并注明。",
                           "{count} comments could not be placed on their words ({quotes}); they are on the "
                           "first paragraph, marked as such."),
    "ui_export_memo": ("导出审核意见书(Word)…", "Export the review &memo (Word)…"),
    "ui_export_annotated": ("导出批注版报告(Word)…", "Export the report with &comments (Word)…"),
    "ui_memo_file": ("{name}-审核意见.docx", "{name} - review memo.docx"),
    "ui_annotated_file": ("{name}-批注版.docx", "{name} - with comments.docx"),
    "ui_memo_name": ("审核意见", "review memo"),
    "ui_check_figures_corrected": ("注意:本核查涉及的数值已更正({figures}),上面的算式按原文计算,请按更正后的数值复核。",
                                   "Note: figures of this check were corrected since ({figures}); the "
                                   "arithmetic above uses the original text: check it again with the corrected values."),
    "ui_import_created": ("已导入 {count} 份新报告。", "Imported {count} new report(s). "),
    "ui_import_updated": ("{count} 份是已有报告的新版本,已重新分析,审阅记录已保留。",
                          "{count} are new versions of known reports: analysed again, their review kept. "),
    "ui_import_unchanged": ("{count} 份已在文库中,未重复导入。", "{count} were in the library already (not imported twice)."),
    "ui_memo_open_checks": ("尚有 {count} 处核查未判定。审核意见书只写入判定为“属实”的问题,仍要导出吗?",
                            "{count} checks have no verdict yet. The memo lists only the problems confirmed "
                            "as real. Export it anyway?"),
    "ui_word_filter": ("Word 文档 (*.docx)", "Word documents (*.docx)"),
    "ui_exporting_word": ("正在生成 Word 文档…", "Writing the Word document…"),
    "ui_word_saved": ("Word 文档已保存:\n{path}", "The Word document was saved:\n{path}"),
    "ui_select_one_report": ("请先打开或选择报告(批注版一次一份)。",
                             "Open or select a report first (one at a time for the annotated copy)."),
    "cli_help_memo": ("审核意见书(Word),每份报告一部分", "the review memo (审核意见书) in Word, one part per report"),
    "cli_help_annotated": ("带审阅批注的报告(Word,需一个 --doc)", "the report (one --doc) with the review as Word comments"),

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

    # round 2: leftovers
    "html_too_many_elements": ("网页的元素超过 {limit} 个,不像是一份报告,已停止读取:{path}",
                               "The web page has more than {limit} elements; it is not a report and was not read further: {path}"),
    "selftest_no_qt": ("未安装 PySide6:只检查核心部分,跳过窗口部分的检查。",
                       "PySide6 is not installed: the core steps run, the window steps are left out."),
    "ui_import_skipped": ("有 {count} 个文件未导入:", "{count} file(s) were not imported:"),
    "ui_skipped_more": ("……另有 {count} 个", "… and {count} more"),
    # the team commands' help, in the user's language like every other --help
    "cli_team_help": ("团队审阅库(PostgreSQL):init、add-user、login、status、push、pull", "a team library on PostgreSQL: init, add-user, login, status, push, pull"),
    "cli_team_help_db": ("postgresql://用户@主机:端口/数据库(不含密码)", "postgresql://user@host:port/database (no password)"),
    "cli_team_help_init": ("在空数据库上建立表结构、角色和权限", "create the schema, the roles and the grants on an empty database"),
    "cli_team_help_reviewer": ("要建立的审阅人登录名", "a reviewer login to create"),
    "cli_team_help_supervisor": ("要建立的只读登录名(督导)", "a read-only login to create"),
    "cli_team_help_add_user": ("添加登录角色(审阅人;加 --supervisor 为只读)", "add a login role (reviewer, or read-only with --supervisor)"),
    "cli_team_help_login": ("验证密码并保存到系统密钥环或 pgpass 文件", "check your password and keep it in the keyring or a pgpass file"),
    "cli_team_help_status": ("显示你在团队审阅库中的身份和权限", "who you are on the team library and what you may do"),
    "cli_team_help_push": ("把本机审阅库并入团队审阅库(按合并规则)", "bring a workstation library into the team library (merge rules)"),
    "cli_team_help_pull": ("把团队审阅库复制到本机审阅库,供离线审阅", "copy the team library into a workstation library for offline work"),

    # window polish: the open-check count counts the advisories the Checks tab lists, and says so
    "ui_open_advisories": ("(其中提示 {count} 处)", " (advisories: {count})"),
    "ui_checks_tab_tip": ("待核查:{count} 处尚未判定(其中提示 {advisories} 处)",
                          "Open: {count} without a verdict ({advisories} of them advisories)"),
    # hints in empty lists: why empty, and what fills them
    "ui_hint_no_checks": ("没有列出核查:数据之间未发现不一致,或筛选条件隐藏了全部核查。",
                          "No checks listed: no figures disagree, or the filter hides them all."),
    "ui_hint_history": ("选中一个标题、数据、核查或引用,这里列出它的修改记录;还没有改动过的条目没有记录。",
                        "Select a heading, figure, check or citation to see its changes here; an item "
                        "nobody has changed has none."),
    "ui_hint_review_pane": ("这份报告还没有批注、标签、更正或判定(或不符合上面的筛选条件)。"
                            "在正文中选中文字后右键,可以加标签或批注。",
                            "No comments, tags, corrections or verdicts on this report yet (or none match "
                            "the filters above). Select text and right-click to tag or comment it."),
    "ui_hint_library_work": ("文库中还没有审阅记录(或不符合上面的筛选条件)。",
                             "No review work in this library yet (or none matches the filters above)."),
    # Batch import: files analysed by several worker processes
    "cli_help_jobs": ("同时分析报告的进程数(默认:每个处理器核心一个;1 表示逐份分析)",
                      "processes that analyse reports at the same time (default: one per core; 1: one by one)"),
    "cli_bad_jobs": ("进程数应为不小于 1 的整数,而不是 {value}", "the number of processes must be a whole number of at least 1, not {value}"),
}


def set_language(language: str) -> None:
    global _language
    _language = normalise_language(language)


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
