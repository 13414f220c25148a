"""Text of a saved web page: what a reader sees in the page body, one block per line.

Reports are often saved straight from a government site.  Scripts, styles, navigation bars,
page headers and footers are skipped; block elements become line breaks; entities are decoded.
Only the standard library's ``html.parser`` is used.  Furniture that sits in ordinary blocks
(“打印本页”, “相关链接” …) is left to ``cleaning``, which removes it as line patterns.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from reviewer.encodings import decode_text

# Never text: their content is code, or not shown.
_ALWAYS_SKIPPED = {"script", "style", "noscript", "template", "head", "svg", "math", "object",
                   "iframe", "select", "textarea", "canvas", "audio", "video", "map"}
# Page furniture in well-formed pages.  Skipped unless doing so leaves almost nothing (a page
# that wraps its whole content in <header> or never closes a <nav>).
_FURNITURE = {"nav", "header", "footer", "aside", "menu", "button", "form"}
_BLOCKS = {"address", "article", "blockquote", "body", "br", "caption", "center", "dd", "details",
           "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "h1", "h2", "h3", "h4",
           "h5", "h6", "hr", "html", "legend", "li", "main", "ol", "p", "pre", "section",
           "summary", "table", "tbody", "tfoot", "thead", "tr", "ul"}
_CELLS = {"td", "th"}
# Table cells of one row share a line, separated by a full-width bar (U+FF5C): no spaces are
# needed around it in Chinese text, and it cannot be mistaken for a digit group or a heading.
CELL_SEPARATOR = "\uff5c"
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
         "source", "track", "wbr"}

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_WHITESPACE = re.compile(r"[ \t\r\n\f]+")


class _TextCollector(HTMLParser):
    def __init__(self, skip_furniture: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.skipped = _ALWAYS_SKIPPED | (_FURNITURE if skip_furniture else set())
        self.skip_stack: list[str] = []
        self.pre_depth = 0
        self.parts: list[str] = []
        self.cell_in_row = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _VOID:
            if tag in ("br", "hr") and not self.skip_stack:
                self.parts.append("\n")
            return
        if self.skip_stack or tag in self.skipped:
            self.skip_stack.append(tag)
            return
        if tag == "pre":
            self.pre_depth += 1
        if tag == "tr":
            self.cell_in_row = 0
        if tag in _CELLS:
            if self.cell_in_row:
                self.parts.append(CELL_SEPARATOR)
            self.cell_in_row += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag in ("br", "hr") and not self.skip_stack:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if self.skip_stack:
            if tag in self.skip_stack:
                # Close up to the matching tag; unclosed children are forgiven.
                while self.skip_stack and self.skip_stack.pop() != tag:
                    pass
            return
        if tag == "pre" and self.pre_depth:
            self.pre_depth -= 1
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.skip_stack:
            return
        if self.pre_depth:
            self.parts.append(data)
        else:
            self.parts.append(_WHITESPACE.sub(" ", data))

    def text(self) -> str:
        return "".join(self.parts)


def _extract(markup: str, skip_furniture: bool) -> str:
    parser = _TextCollector(skip_furniture)
    parser.feed(markup)
    parser.close()
    return parser.text()


def html_to_text(markup: str) -> str:
    """Visible text of an HTML document, one block element per line (not yet normalised)."""
    text = _extract(markup, skip_furniture=True)
    kept = len("".join(text.split()))
    everything = _extract(markup, skip_furniture=False)
    if kept < 0.2 * len("".join(everything.split())):
        # Skipping furniture swallowed the page (an unclosed <header>, content inside <nav>).
        return everything
    return text


def html_text(data: bytes, path: str = "") -> tuple[str, str, list[str]]:
    """(text, encoding, warnings) of an HTML file's bytes; the page's declared charset is a hint."""
    declared = _META_CHARSET.search(data[:4096])
    hint = declared.group(1).decode("ascii", "replace") if declared else None
    decoded = decode_text(data, path, hint=hint)
    return html_to_text(decoded.text), decoded.encoding, decoded.warnings
