"""Export: what an office sends on, made from a library's reviews.

``workbook`` writes the annotated Excel workbook atomically, ``sheets`` decides what each sheet
holds, ``indicators`` lines up one indicator across reports, ``safety`` keeps text from a
report from ever becoming a formula.  ``memo`` writes the review memo (审核意见书) and
``annotated_docx`` the report with the review as Word comments; both tell what ``findings``
gathers (problems judged 属实, corrections, comments), name places as ``report_index`` does,
are typeset by ``docx_style`` and saved through ``files`` (atomic, with the user's umask).

May import: ``reviewer.library`` and everything below it.
Exports: ``workbook.export_workbook``, ``memo.export_memo``, ``annotated_docx.export_annotated``.
"""
