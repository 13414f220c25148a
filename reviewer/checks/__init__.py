"""Checks: figures that do not agree with one another, and outline numbering that skips.

``sums`` (parts that do not add up to their total), ``rates`` (a rate or share that is not the
quotient of its figures), ``changes`` (an increase, decrease or growth rate that is not the
change between its two figures), ``shares`` (shares and rates whose base is stated sentences
earlier or over a table as text), ``spanning`` (lists over several sentences; a sub-category
larger than its category), ``table_sums`` (a table's rows against its 合计 and the sentence
quoting it), ``repeats`` (one indicator stated twice with different values),
``outline_checks`` (numbering gaps; required parts of a report type, as advisories).  Every
message shows its arithmetic; where the structure is ambiguous a check says nothing.

May import: ``reviewer.analysis``, ``reviewer.load``, ``reviewer.model``, ``reviewer.messages``,
``reviewer.paths``.
Exports: ``figure_checks.find_figure_checks``, ``outline_checks.find_outline_checks``.
"""
