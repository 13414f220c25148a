"""报告审阅 Report Reviewer — the core library (loading, analysis, store, export, command line).

It never imports Qt: the GUI in ``ui/`` is a thin layer on top of it.
"""

__version__ = "0.1.0"
