"""Writing one sheet of the workbook: cells streamed in write-only mode, safely.

A ``SheetWriter`` streams rows (with a fast path that writes row XML straight into openpyxl's
write-only stream), sets widths, frozen header and filter, and never lets report text become a
formula (``safety``).  ``sheets`` decides what goes in each sheet; ``workbook`` saves the file.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import tempfile
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from copy import copy
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet

from reviewer.export.safety import FORMULA_TRIGGERS, clean_text, needs_quote_prefix
from reviewer.export.safety import needs_cleaning as _needs_cleaning
from reviewer.messages import ReviewerError
from reviewer.paths import resource

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

# Excel's rows per sheet.
EXCEL_MAX_ROWS = 1_048_576
# How often (in rows) progress is reported and cancellation is checked.
PROGRESS_EVERY = 1000
# Rows sampled at the start of a sheet to size its columns.
WIDTH_SAMPLE = 300
# Write rows as SpreadsheetML text and splice them into the sheet openpyxl writes (see
# SheetWriter); False forces the portable path through openpyxl's cells.
FAST_ROWS = True
# Printed width of A4 landscape in Excel's column units (≈ 0.185 cm each at 100 %, 2 cm margins);
# wider sheets get their text columns narrowed (the text wraps) so the print scale stays ≥ 75 %.
PAGE_UNITS = 190
MIN_TEXT_WIDTH = 8
# Width of a column with nothing in it (its header wraps onto two lines).
EMPTY_WIDTH = 6
# Points per line of 11 pt CJK text (Excel's default 15, LibreOffice's CJK fonts need more).
ROW_POINTS = 17


FILLS = {
    "corrected_cell": "FFF2CC",  # light yellow: a value a reviewer changed
    "unreviewed": None,
    "confirmed": "C6EFCE",
    "corrected": "FFE699",
    "rejected": "FFC7CE",
    "pending": "F8CBAD",  # 待核实
    "differs": "FCE4D6",  # comparison: a report states the indicator with different values
    "header": "DDEBF7",
}


NUMBER_FORMATS = {"date": "yyyy-mm-dd", "datetime": "yyyy-mm-dd hh:mm", "share": "0.0%"}


def _escape(text: str, quote: bool = False) -> str:
    """XML text (or, with ``quote``, attribute) escaping; CR as a reference so it survives parsing."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if "\r" in text:
        text = text.replace("\r", "&#13;")
    if quote:
        text = text.replace('"', "&quot;").replace("\n", "&#10;").replace("\t", "&#9;")
    return text


class ExportCancelled(ReviewerError):
    """The user cancelled the export; the target file was not touched."""

    def __init__(self) -> None:
        super().__init__("export_cancelled")


@lru_cache(maxsize=1)
def _texts() -> dict[str, Any]:
    with open(resource("templates", "export_headers.json"), encoding="utf-8") as handle:
        return json.load(handle)


class Labels:
    """Sheet names, headers and value labels in one language (data in export_headers.json)."""

    def __init__(self, language: str = "zh") -> None:
        self.language = "en" if str(language).lower().startswith("en") else "zh"
        self.data = _texts()

    def sheet(self, key: str) -> str:
        return self.data["sheets"][key][self.language]

    def columns(self, sheet: str) -> list[tuple[str, str]]:
        return [(c["key"], c[self.language]) for c in self.data["columns"][sheet]]

    def value(self, group: str, key: str | None) -> str:
        if key is None:
            return ""
        entry = self.data.get(group, {}).get(key)
        return entry[self.language] if entry else str(key)

    def phrase(self, key: str, **params: object) -> str:
        return self.data["phrases"][key][self.language].format(**params)


def display_width(value: Any) -> int:
    """Width of a value in Excel's character units; CJK and full-width characters count double."""
    if value is None:
        return 0
    if isinstance(value, float):
        text = f"{value:,.2f}"
    elif isinstance(value, int):
        text = f"{value:,}"
    elif isinstance(value, datetime):
        text = "2024-01-01 00:00"
    elif isinstance(value, date):
        text = "2024-01-01"
    else:
        text = str(value).split("\n", 1)[0]
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


class C:
    """A value with how to show it: number format kind, fill, indent, internal link."""

    __slots__ = ("value", "fmt", "fill", "indent", "link")

    def __init__(self, value: Any, fmt: str | None = None, fill: str | None = None, indent: int = 0,
                 link: str | None = None) -> None:
        self.value = value
        self.fmt = fmt
        self.fill = fill
        self.indent = indent
        self.link = link


EXCEL_MAX_NUMBER = 9.99999999999999e307  # what a cell can hold
MAX_DECIMALS = 4


def number_format_for(value: Any) -> str:
    """Thousands separators; as many decimals as the report wrote (up to four).  The decimals
    are counted by rounding, never from repr (``1e-05`` has no "." to split on); inf, nan and
    anything Excel cannot hold as a number get "General" (they are written as text)."""
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        return "General"
    if not excel_number(value):
        return "General"
    if isinstance(value, int) or (isinstance(value, float) and value.is_integer()):
        return "#,##0"
    if isinstance(value, Decimal):
        exponent = value.normalize().as_tuple().exponent
        decimals = -exponent if isinstance(exponent, int) else 0
    else:  # a binary float: count the decimals it rounds to, 0.1 is not 0.1000000000000000055…
        decimals = next((d for d in range(1, MAX_DECIMALS) if abs(value - round(value, d)) <= abs(value) * 1e-12),
                        MAX_DECIMALS)
    if decimals <= 0:
        return "#,##0"
    return "#,##0." + "0" * min(decimals, MAX_DECIMALS)


# Integers below this are exact as an Excel number; a larger one goes through excel_number().
_EXACT_INT = 2 ** 53


def excel_number(value: int | float | Decimal) -> bool:
    """Whether ``value`` can be a number cell: finite and within Excel's range."""
    try:
        number = float(value)
    except (OverflowError, ValueError):
        return False
    return math.isfinite(number) and abs(number) <= EXCEL_MAX_NUMBER


class SheetWriter:
    """Streams rows into one write-only sheet: bold frozen header, widths, filter, safe text.

    Rows are turned into ready-to-write tuples ``(type, xml text, style id, link)``.  Where the
    installed openpyxl has the write-only internals this was written against (3.1), the rows are
    written as SpreadsheetML text to a file of their own and spliced into the sheet openpyxl
    writes around an empty ``sheetData`` (``FAST_ROWS``): openpyxl's per-cell objects and lxml's
    per-element writing cost 13 µs a cell, 20-35 s for 100,000 figure rows on a busy machine.
    Otherwise each tuple becomes a ``WriteOnlyCell`` and openpyxl writes it; a test checks that
    both paths give the same cells (only the fast path sets row heights for wrapped text:
    openpyxl's write-only sheets cannot).
    """

    def __init__(self, workbook: Workbook, title: str, columns: list[tuple[str, str]],
                 formats: dict[str, str], caps: dict[str, int] | None = None, page_title: str = "",
                 page_footer: str = "&A  &P / &N") -> None:
        self.ws = workbook.create_sheet(title)
        self.page_title = page_title
        self.page_footer = page_footer
        self.workbook = workbook
        self.title = title
        self.keys = [key for key, _ in columns]
        self.headers = [header for _, header in columns]
        self.formats = [formats.get(key) for key in self.keys]
        # Text wraps in every column unless the column has a format of its own.
        self.text_formats = ["wrap" if fmt is None else fmt for fmt in self.formats]
        self._int_styles: list[int | None] = [None] * len(columns)  # per column, the style of an int
        self._style_attrs: dict[int, str] = {}
        # Per column, the last plain text written and its cell: a repeated value is prepared once.
        self._last_text: list[tuple[str, tuple[str, str | None, int, str | None]] | None] = [None] * len(columns)
        self.caps = caps or {}
        self.rows_written = 0
        self._style_ids: dict[tuple, int] = {}
        self._style_arrays: dict[int, Any] = {}
        self._letters = [get_column_letter(i + 1) for i in range(len(self.headers))]
        self._epoch = workbook.epoch
        self._fast = False

    # -- styles -------------------------------------------------------------------------------
    def _style(self, fmt: str | None, fill: str | None, indent: int, quote: bool, link: bool) -> int:
        key = (fmt, fill, indent, quote, link)
        style_id = self._style_ids.get(key)
        if style_id is None:
            probe = WriteOnlyCell(self.ws)
            wrap = fmt == "wrap" or fmt == "header"
            if fmt == "header":
                probe.font = Font(bold=True)
                probe.alignment = Alignment(wrap_text=True, vertical="center")
            elif wrap or indent:
                probe.alignment = Alignment(wrap_text=wrap, vertical="top", indent=min(indent, 15))
            else:
                probe.alignment = Alignment(vertical="top")
            if fmt in NUMBER_FORMATS:
                probe.number_format = NUMBER_FORMATS[fmt]
            elif fmt and fmt not in ("wrap", "header"):
                probe.number_format = fmt  # an explicit Excel number format such as "#,##0.00"
            colour = FILLS.get(fill) if fill else None
            if colour:
                probe.fill = PatternFill("solid", start_color=colour, end_color=colour)
            if link:
                probe.font = Font(color="0563C1", underline="single")
            if quote:
                probe.quotePrefix = True
            style_id = self._style_ids[key] = probe.style_id
            self._style_arrays[style_id] = probe._style
        return style_id

    def cell(self, spec: Any, column: int) -> tuple[str, str | None, int, str | None] | None:
        """One value as ``(type, xml text, style id, link)``; None for an empty plain cell.

        Called for every cell of every row, so the common case (plain text) goes first and
        the style is a single dictionary look-up once its combination has been seen.
        """
        if spec.__class__ is str:  # plain report text: the most common cell by far
            last = self._last_text[column]
            if last is not None and last[0] is spec:  # the report's name, the sheet's name ... again
                return last[1]
            if not spec:
                return None
            value = clean_text(spec) if _needs_cleaning(spec) else spec
            if not value:
                return None
            key = (self.text_formats[column], None, 0, value.startswith(FORMULA_TRIGGERS), False)
            style_id = self._style_ids.get(key)
            if style_id is None:
                style_id = self._style(*key)
            out = self._last_text[column] = (spec, ("s", value, style_id, None))
            return out[1]
        if spec is None:
            return None
        if spec.__class__ is int and -_EXACT_INT < spec < _EXACT_INT:  # counts, row numbers, offsets
            style_id = self._int_styles[column]
            if style_id is None:
                fmt = self.formats[column]
                style_id = self._int_styles[column] = self._style(
                    number_format_for(spec) if fmt in (None, "wrap") else fmt, None, 0, False, False)
            return "n", str(spec), style_id, None
        if spec.__class__ is C:
            value, fmt, fill, indent, link = spec.value, spec.fmt, spec.fill, spec.indent, spec.link
        else:
            value, fmt, fill, indent, link = spec, None, None, 0, None
        if fmt is None:
            fmt = self.formats[column]
        quote = False
        kind = "n"
        if isinstance(value, str):
            kind = "s"
            value = clean_text(value)
            quote = needs_quote_prefix(value)
            if fmt is None:
                fmt = "wrap"
        elif isinstance(value, bool):
            kind, value = "s", str(value)
        elif isinstance(value, (int, float, Decimal)) and excel_number(value):
            if fmt in (None, "wrap"):
                fmt = number_format_for(value)
            value = f"{float(value):.16g}"
        elif isinstance(value, datetime):
            fmt = fmt if fmt in ("date", "datetime") else "datetime"
            value = f"{to_excel(value, self._epoch):.16g}"
        elif isinstance(value, date):
            fmt = "date"
            value = f"{to_excel(value, self._epoch):.16g}"
        elif value is not None:
            kind, value = "s", clean_text(str(value))
            quote = needs_quote_prefix(value)
        if value == "":
            value = None
        if value is None and not fill:
            return None
        return kind, value, self._style(fmt, fill, indent, quote, bool(link)), link

    # -- rows ---------------------------------------------------------------------------------
    def _start(self, sample: list[list[Any]]) -> None:
        widths: list[float] = []
        texts: list[bool] = []
        for index, header in enumerate(self.headers):
            widest = display_width(header) if len(header) <= 4 else 8  # long headers wrap
            text = filled = False
            for row in sample:
                if index < len(row):
                    spec = row[index]
                    value = spec.value if isinstance(spec, C) else spec
                    widest = max(widest, display_width(value))
                    text = text or isinstance(value, str)
                    filled = filled or value not in (None, "")
            if sample and not filled:
                widest = EMPTY_WIDTH - 2  # nothing to show: room for the header, wrapped
            cap = self.caps.get(self.keys[index], 50 if self.formats[index] == "wrap" else 40)
            widths.append(max(6, min(widest + 2, cap)))
            texts.append(text and self.formats[index] in (None, "wrap"))
        fitted = fit_page(widths, texts)
        for letter, width in zip(self._letters, fitted):
            self.ws.column_dimensions[letter].width = width
        # Where text wraps, rows get the height of their longest cell: LibreOffice does not size
        # rows itself when it opens a workbook, and the text would print cut to one line.
        self._room = [max(1, int(width) - 1) for width in fitted]
        # Per column, the most characters surely fitting on one line (wrapping columns only).
        self._one_line = [room // 2 if fmt in ("wrap", "header") else EXCEL_MAX_ROWS
                          for room, fmt in zip(self._room, self.text_formats)]
        self.ws.freeze_panes = "A2"
        self._page_setup()
        self._fast = FAST_ROWS and _has_write_only_internals(self.ws)
        if self._fast:
            handle, self._rows_path = tempfile.mkstemp(prefix="reviewer-rows-", suffix=".xml")
            self._rows_file = os.fdopen(handle, "w", encoding="utf-8", newline="")
            self._buffer: list[str] = []
            self.ws._reviewer_rows_path = self._rows_path  # for discard_workbook
            self.ws._reviewer_rows_file = self._rows_file
            self._links: list[str] = []
        self._append_header()

    def _page_setup(self) -> None:
        """Printed, as legal offices do: A4 landscape, one page wide, the header row on every
        page, the report's name at the top and the sheet with page x / y at the bottom."""
        ws = self.ws
        ws.print_title_rows = "1:1"
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.print_options.gridLines = True
        ws.page_margins.left = ws.page_margins.right = 0.6
        ws.page_margins.top = ws.page_margins.bottom = 0.8
        ws.page_margins.header = ws.page_margins.footer = 0.3
        if self.page_title:
            ws.HeaderFooter.oddHeader.center.text = clean_text(self.page_title).replace("&", "&&")[:200]
        ws.HeaderFooter.oddFooter.center.text = self.page_footer

    def _append_header(self) -> None:
        header = [self.cell(C(h, fmt="header", fill="header"), i) for i, h in enumerate(self.headers)]
        self._append(header)

    def _lines(self, text: str, column: int) -> int:
        """Lines ``text`` takes in ``column`` when wrapped (CJK characters count two units)."""
        room = self._room[column]
        needed = 0
        for part in text.split("\n"):
            width = (len(part.encode("utf-8", "surrogatepass")) + len(part)) // 2
            needed += max(1, -(-width // room))
        return needed

    def _append(self, row: list[Any]) -> None:
        if self._fast:
            self._buffer.append(self._row_xml(row, self.rows_written + 1))
            if len(self._buffer) >= 500:
                self._rows_file.write("".join(self._buffer))
                self._buffer.clear()
        else:
            self.ws.append([self._to_cell(out) for out in row])

    def _to_cell(self, out: tuple[str, str | None, int, str | None] | None) -> Any:
        """The openpyxl cell for one prepared value (the portable path)."""
        if out is None:
            return None
        kind, text, style_id, link = out
        cell = WriteOnlyCell(self.ws)
        if text is not None:
            if kind == "s":
                cell._value, cell.data_type = text, "s"  # never a formula or an error code
            else:
                cell._value, cell.data_type = float(text) if "." in text or "e" in text else int(text), "n"
        cell._style = copy(self._style_arrays[style_id])
        if link:
            cell.hyperlink = Hyperlink(ref="", location=link)
        return cell

    def _row_xml(self, row: list[Any], row_idx: int) -> str:
        """One row of prepared values as SpreadsheetML text (what openpyxl would write for it),
        as high as its longest wrapped text needs."""
        letters = self._letters
        links = self._links
        attrs = self._style_attrs
        one_line = self._one_line if row_idx > 1 else [room // 2 for room in self._room]  # headers wrap
        lines = 1
        parts = [""]
        append = parts.append
        number = str(row_idx)
        for column, out in enumerate(row):
            if out is None:
                continue
            kind, text, style_id, link = out
            style = attrs.get(style_id)
            if style is None:
                style = attrs[style_id] = f' s="{style_id}"' if style_id else ""
            ref = letters[column] + number
            if text is None:
                append(f'<c r="{ref}"{style}/>')
            elif kind == "s":
                if len(text) > one_line[column] or ("\n" in text and one_line[column] < EXCEL_MAX_ROWS):
                    lines = max(lines, self._lines(text, column))
                space = ' xml:space="preserve"' if text and (text[0].isspace() or text[-1].isspace()) else ""
                append(f'<c r="{ref}"{style} t="inlineStr"><is><t{space}>{_escape(text)}</t></is></c>')
            else:
                append(f'<c r="{ref}"{style} t="n"><v>{text}</v></c>')
            if link:
                links.append(f'<hyperlink ref="{ref}" location="{_escape(link, quote=True)}"/>')
        parts.append("</row>")
        parts[0] = f'<row r="{row_idx}" ht="{min(lines, 27) * ROW_POINTS}" customHeight="1">' if lines > 1 \
            else f'<row r="{row_idx}">'
        return "".join(parts)

    def write(self, rows: Iterable[list[Any]], tick: Callable[[int], None]) -> None:
        """Write every row; ``tick(n)`` is called with the number of rows since the last call."""
        iterator: Iterator[list[Any]] = iter(rows)
        sample: list[list[Any]] = []
        for row in iterator:
            sample.append(row)
            if len(sample) >= WIDTH_SAMPLE:
                break
        self._start(sample)
        pending = 0
        cell = self.cell
        for row in _chain(sample, iterator):
            self.rows_written += 1
            if self.rows_written >= EXCEL_MAX_ROWS:  # the header takes one row
                raise ReviewerError("export_too_many_rows", sheet=self.title, limit=f"{EXCEL_MAX_ROWS:,}")
            self._append([cell(spec, i) for i, spec in enumerate(row)])
            pending += 1
            if pending >= PROGRESS_EVERY:
                tick(pending)
                pending = 0
        if pending:
            tick(pending)
        last = get_column_letter(len(self.headers))
        self.ws.auto_filter.ref = f"A1:{last}{self.rows_written + 1}"
        if self._fast:
            self._finish_fast()

    def _finish_fast(self) -> None:
        """Let openpyxl write the sheet around an empty ``sheetData``, then splice our rows in."""
        self._rows_file.write("".join(self._buffer))
        self._buffer.clear()
        self._rows_file.close()
        self.ws.close()
        skeleton_path = self.ws._writer.out
        with open(skeleton_path, "rb") as handle:
            skeleton = handle.read()
        for marker in (b"<sheetData/>", b"<sheetData />", b"<sheetData></sheetData>"):
            if skeleton.count(marker) == 1:
                break
        else:  # pragma: no cover - only if openpyxl changes how it writes a sheet
            raise RuntimeError("openpyxl wrote an unexpected worksheet; set export_xlsx.FAST_ROWS = False")
        head, tail = skeleton.split(marker)
        if self._links:
            # Internal links need no relationships; <hyperlinks> goes before the print settings.
            links = ("<hyperlinks>" + "".join(self._links) + "</hyperlinks>").encode("utf-8")
            cut = min(i for i in (tail.find(b"<printOptions"), tail.find(b"<pageMargins"),
                                   tail.find(b"<pageSetup"), tail.find(b"</worksheet>")) if i >= 0)
            if b"<hyperlinks" in tail:  # pragma: no cover - we never give openpyxl a link here
                raise RuntimeError("openpyxl wrote hyperlinks of its own; set export_xlsx.FAST_ROWS = False")
            tail = tail[:cut] + links + tail[cut:]
        with open(skeleton_path, "wb") as out:  # the skeleton is in memory: rewrite it in place
            out.write(head)
            out.write(b"<sheetData>")
            with open(self._rows_path, "rb") as rows:
                shutil.copyfileobj(rows, out, 1 << 20)
            out.write(b"</sheetData>")
            out.write(tail)
        os.remove(self._rows_path)


def fit_page(widths: list[float], texts: list[bool]) -> list[float]:
    """Column widths narrowed, text columns only, until the sheet fits ``PAGE_UNITS`` or every
    text column is at ``MIN_TEXT_WIDTH``; numbers and dates keep their width (they do not wrap)."""
    widths = list(widths)
    for _ in range(8):
        excess = sum(widths) - PAGE_UNITS
        spare = [w - MIN_TEXT_WIDTH if t and w > MIN_TEXT_WIDTH else 0 for w, t in zip(widths, texts)]
        room = sum(spare)
        if excess <= 0 or room <= 0:
            break
        share = min(1.0, excess / room)
        widths = [round(w - s * share, 1) for w, s in zip(widths, spare)]
    return widths


def _has_write_only_internals(ws: Any) -> bool:
    """True where openpyxl's write-only sheet works as the fast row path expects (3.1): the
    stream is created now (so hyperlinks added later are kept) and closing an empty sheet writes
    an empty ``sheetData`` we can fill."""
    get_writer = getattr(ws, "_get_writer", None)
    if get_writer is None or not hasattr(ws, "close") or not hasattr(ws, "_hyperlinks"):
        return False
    get_writer()  # creates the stream (and resets the sheet's hyperlink list)
    writer = getattr(ws, "_writer", None)
    return writer is not None and isinstance(getattr(writer, "out", None), str)


def _chain(first: list[list[Any]], rest: Iterator[list[Any]]) -> Iterator[list[Any]]:
    yield from first
    yield from rest

def discard_workbook(workbook: Workbook) -> None:
    """Close a write-only workbook that will not be saved and delete its temporary sheet files."""
    for ws in workbook.worksheets:
        writer = getattr(ws, "_writer", None)
        if writer is None:
            continue
        if not ws.closed:
            try:
                ws.close()
            except Exception:
                for stream in (getattr(ws, "_rows", None), writer.xf):
                    try:
                        if stream is not None:
                            stream.close()
                    except Exception:
                        pass
        rows_file = getattr(ws, "_reviewer_rows_file", None)
        if rows_file is not None:
            rows_file.close()
        rows_path = getattr(ws, "_reviewer_rows_path", None)
        if rows_path and os.path.exists(rows_path):
            try:
                os.remove(rows_path)
            except OSError:
                pass
        if isinstance(writer.out, str) and os.path.exists(writer.out):
            try:
                writer.cleanup()
            except (OSError, ValueError):
                pass
