"""Text layer of a PDF report, with the page furniture and hard line wraps of print undone.

A PDF stores lines, not paragraphs: every printed line ends in a break, each page repeats a
running header or footer and a page number ("- 3 -").  Here the page numbers and repeated
headers/footers are dropped and lines that fill the text width are re-joined with the next
line, unless that line starts a heading.  Radical code points that some fonts emit (U+2EC4 for
西) and the space PDF producers put between digits and Chinese ("2023 年") are handled by
``cleaning`` for every source.  A PDF with no text layer is a scan: it gets its own message.
"""

from __future__ import annotations

import io
import logging
import re
import unicodedata
from collections import Counter

from reviewer.load.characters import normalise_characters
from reviewer.load.line_breaks import _PRINT_FINAL, ParagraphBuilder, continues_printed_line, display_width
from reviewer.load.script import detect_script, to_simplified
from reviewer.messages import ReviewerError

# Fewer visible characters than this per page on average: the PDF is a scan (or only images).
_MIN_CHARS_PER_PAGE = 20

_PAGE_NUMBER = re.compile(
    r"[-\u2010-\u2015\u2212\uff0d\s]*\d{1,4}[-\u2010-\u2015\u2212\uff0d\s]*"
    r"|第\s*\d{1,4}\s*页(?:\s*[,\uff0c/]?\s*共\s*\d{1,4}\s*页)?"
    r"|共\s*\d{1,4}\s*页\s*[,\uff0c]?\s*第\s*\d{1,4}\s*页"
    r"|\d{1,4}\s*/\s*\d{1,4}"
    r"|(?:Page|page|PAGE)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?"
)
# Layers of furniture peeled off the top and the bottom of each page (header, page number).
_EDGE = 2


# A long annual report has a few hundred pages; past this a file is no report (and pypdf would
# spend minutes on it).
MAX_PAGES = 3_000


def pdf_text(data: bytes, path: str = "", max_chars: int | None = None) -> tuple[str, list[str]]:
    """(text, warnings): the report's text from the PDF's text layer (not yet normalised), and
    a warning naming the pages that have no text (scanned pages inside a text PDF).  Extraction
    stops as soon as ``max_chars`` is passed (too_large)."""
    pages = _extract_pages(data, path, max_chars)
    visible = [len("".join(page.split())) for page in pages]
    if sum(visible) < _MIN_CHARS_PER_PAGE * max(1, len(pages)) / 4 or sum(visible) < 10:
        raise ReviewerError("scanned_pdf", path=path)
    empty = [str(number) for number, count in enumerate(visible, start=1) if count < _MIN_CHARS_PER_PAGE]
    warnings = [f"pages without a text layer (scanned?): {', '.join(empty)}"] if empty else []
    return pages_to_text(pages), warnings


def _extract_pages(data: bytes, path: str, max_chars: int | None = None) -> list[str]:
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.ERROR)  # pypdf warns about every small syntax slip of producers
    try:
        from pypdf import PdfReader

        try:
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted:
                try:
                    if not reader.decrypt(""):
                        raise ReviewerError("encrypted_pdf", path=path)
                except ReviewerError:
                    raise
                except Exception:  # pypdf needs an extra package for AES; the password is unknown
                    raise ReviewerError("encrypted_pdf", path=path) from None
            count = max(_declared_pages(reader), 0)
            if count <= MAX_PAGES:
                count = len(reader.pages)  # flattens the page tree: only once the count is sane
            if count > MAX_PAGES:
                raise ReviewerError("pdf_too_many_pages", path=path, pages=f"{count:,}", limit=f"{MAX_PAGES:,}")
            pages = []
            total = 0
            for page in reader.pages:
                try:
                    pages.append(page.extract_text() or "")
                except Exception:  # one broken page does not hide the others
                    pages.append("")
                total += len(pages[-1])
                if max_chars is not None and total > max_chars:
                    raise ReviewerError("too_large", path=path, size=f"> {max_chars // (1024 * 1024)}",
                                        limit=max_chars // (1024 * 1024))
        except ReviewerError:
            raise
        except Exception:
            raise ReviewerError("bad_pdf", path=path) from None
        if not reader.pages:
            raise ReviewerError("bad_pdf", path=path)
        return pages
    finally:
        logger.setLevel(level)


def _declared_pages(reader) -> int:
    """The page count the document catalogue declares, read without walking the page tree
    (which for 90,000 pages costs seconds and hundreds of MB); 0 when it cannot be read."""
    try:
        count = reader.trailer["/Root"]["/Pages"]["/Count"]
        return int(count) if isinstance(count, int) else 0
    except Exception:
        return 0


def pages_to_text(pages: list[str]) -> str:
    """Join extracted pages into paragraphs: furniture out, wrapped lines re-joined."""
    # Radicals and stray code points first: the heading test below must see "（一）", not "（⼀）".
    pages = _kangxi_in_script(pages)
    page_lines = [[line.strip() for line in normalise_characters(page).split("\n") if line.strip()]
                  for page in pages]
    page_lines = _drop_furniture(page_lines)
    for previous, current in zip(page_lines, page_lines[1:]):
        if previous and current and previous[-1] == current[0]:
            del current[0]  # a line split by the page boundary, printed on both pages
    lines = [line for page in page_lines for line in page]
    width = _body_width(lines)
    builder = ParagraphBuilder()
    previous = ""
    for line in lines:
        builder.add(line, bool(previous) and continues_printed_line(previous, line, width))
        previous = line  # the width test looks at the printed line, not the paragraph so far
    return "\n".join(builder.lines())


_KANGXI = re.compile("[\u2f00-\u2fdf]")


def _kangxi_in_script(pages: list[str]) -> list[str]:
    """Kangxi radical code points as the characters of the document's own script.

    A CJK font draws 户 and the radical ⼾ with one glyph, and the PDF's text layer names the
    radical; its Unicode decomposition is the Traditional 戶.  In a Simplified report the
    Simplified form is what was typed.
    """
    if not any(_KANGXI.search(page) for page in pages):
        return pages
    sample = _KANGXI.sub("", "".join(pages)[:20_000])
    simplified = detect_script(sample) == "simplified"

    def replace(match: re.Match[str]) -> str:
        char = unicodedata.normalize("NFKC", match.group())
        return to_simplified(char) if simplified and len(char) == 1 else char

    return [_KANGXI.sub(replace, page) for page in pages]


def _shape(line: str) -> str:
    """A running header or footer line with its page number blanked out."""
    return re.sub(r"\d+", "#", "".join(line.split()))


def _drop_furniture(pages: list[list[str]]) -> list[list[str]]:
    """Peel page numbers and running headers/footers off the top and bottom of each page.

    A line counts as running furniture when the same line (page numbers blanked) stands at the
    same edge of at least half of the pages (and of three), is short and ends no sentence.
    """
    pages = [list(lines) for lines in pages]
    threshold = max(3, (len(pages) + 1) // 2)
    for _ in range(_EDGE):
        tops = Counter(_shape(lines[0]) for lines in pages if lines)
        bottoms = Counter(_shape(lines[-1]) for lines in pages if lines)
        for lines in pages:
            if lines and _is_furniture(lines[0], tops, threshold):
                lines.pop(0)
            if lines and _is_furniture(lines[-1], bottoms, threshold):
                lines.pop()
    return pages


def _is_furniture(line: str, counts: Counter[str], threshold: int) -> bool:
    if _PAGE_NUMBER.fullmatch(line):
        return True
    return counts[_shape(line)] >= threshold and len(line) <= 40 and line[-1] not in _PRINT_FINAL


def _body_width(lines: list[str]) -> float:
    """The width of a full line of body text: a high percentile of the line widths."""
    widths = sorted(display_width(line) for line in lines if display_width(line) >= 8)
    if len(widths) < 3:
        return float("inf")  # too little text to tell wrapped lines from short paragraphs
    return widths[int(len(widths) * 0.8)]


