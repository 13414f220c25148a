"""Export: what an office sends on, made from a library's reviews.

``workbook`` writes the annotated Excel workbook atomically, ``sheets`` decides what each sheet
holds, ``indicators`` lines up one indicator across reports, ``safety`` keeps text from a
report from ever becoming a formula.

May import: ``reviewer.library`` and everything below it.
Exports: ``workbook.export_workbook``.
"""
