"""Load: a report file in any supported format becomes one normalised ``Document``.

Formats (``docx_text``, ``pdf_text``, ``html_text``), encodings, cleaning (web furniture, broken
and hard-wrapped lines) and script (a Simplified copy of a Traditional report, same length).
Every offset anywhere in the program points into the text made here.

May import: ``reviewer.model``, ``reviewer.messages``, ``reviewer.paths``; knows nothing of the
analysis, the checks or the library.
Exports: ``dispatch.load_document(path) -> Document`` and ``dispatch.SUPPORTED_SUFFIXES``.
"""
