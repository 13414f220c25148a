"""Library: the review stored in SQLite — reports, their analysis and every reviewer's work.

``store.Library`` is the facade the command line and the window use; behind it the schema and
its migrations (``schema``), documents, edits, tags and comments, history with undo and redo,
search, the review work across the library as one list (``work``),
re-anchoring annotations when a report's text changes (``anchoring``, ``reimport``) and merging
another reviewer's library (``merge``).  Callers get the dataclasses of ``review``, never rows.

May import: ``reviewer.pipeline`` and everything below it.
Exports: ``store.Library``, the dataclasses in ``review``.
"""
