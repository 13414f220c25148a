"""Text of a saved web page: what a reader sees in the page body, one block per line.

Reports are often saved straight from a government site.  Scripts, styles, hidden elements,
navigation bars, page headers and footers, and lists of links (menus, "related articles") are
skipped; block elements become line breaks; table cells of a row share a line; entities are
decoded.  Only the standard library's ``html.parser`` is used; a small tree is built so that a
block can be judged as a whole (how much of its text is links).  Furniture that sits in ordinary
blocks ("打印本页", "相关链接" …) is left to ``cleaning``, which removes it as line patterns.
"""

from __future__ import annotations

import gc
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from reviewer.load.encodings import decode_text
from reviewer.messages import ReviewerError

# Never text: their content is code, or not shown.
_ALWAYS_SKIPPED = {"script", "style", "noscript", "template", "head", "svg", "math", "object",
                   "iframe", "select", "textarea", "canvas", "audio", "video", "map", "title"}
# Page furniture in well-formed pages.  Skipped unless doing so leaves almost nothing (a page
# that wraps its whole content in <header> or never closes a <nav>).
_FURNITURE = {"nav", "header", "footer", "aside", "menu", "button", "form"}
_FURNITURE_CLASS = re.compile(r"(?:^|[\s_-])(?:bdshare\w*|share|sharebox|breadcrumbs?|crumbs?|copyright)"
                              r"(?:$|[\s_-])", re.I)
# Deeper nesting (thousands of unclosed <font> tags in old pages) is flattened into its parent.
_MAX_DEPTH = 256
# Elements a page may have.  A long report saved from the web has a few thousand, a page holding
# a 300,000-cell table about 330,000; a flood of tags (6 million cells in 30 MB once took over
# two minutes and 2.6 GB) is refused as soon as it passes this, before the rest is parsed.
MAX_ELEMENTS = 500_000
_BLOCKS = {"address", "article", "blockquote", "body", "br", "caption", "center", "dd", "details",
           "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "h1", "h2", "h3", "h4",
           "h5", "h6", "hr", "html", "legend", "li", "main", "ol", "p", "pre", "section",
           "summary", "table", "tbody", "tfoot", "thead", "tr", "ul", "td", "th"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
         "source", "track", "wbr"}
# A block that closes an open <p> when it starts (HTML's implied end tags, simplified).
_CLOSES_P = _BLOCKS - {"br", "td", "th", "tr", "tbody", "thead", "tfoot", "caption"}
# Containers judged as lists of links.
_LINK_LIST_CANDIDATES = {"ul", "ol", "dl", "div", "table", "tbody", "section", "td", "p"}

# Text outside links that a list of links never has: a container with this much prose is content.
_MAX_LINK_LIST_PROSE = 200

# Table cells of one row share a line, separated by a full-width bar (U+FF5C): no spaces are
# needed around it in Chinese text, and it cannot be mistaken for a digit group or a heading.
CELL_SEPARATOR = "\uff5c"

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_WHITESPACE = re.compile(r"[ \t\r\n\f]+")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


_NO_ATTRS: dict[str, str] = {}  # shared by the many elements without attributes; never changed


@dataclass(eq=False, slots=True)
class Node:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Node | str] = field(default_factory=list)
    _sizes: tuple[int, int, int] | None = None  # visible chars, chars inside links, links

    def sizes(self) -> tuple[int, int, int]:
        if self._sizes is None:
            text = links_text = links = 0
            for child in self.children:
                if isinstance(child, str):
                    text += len("".join(child.split()))
                elif child.tag not in _ALWAYS_SKIPPED and not child.hidden():
                    t, lt, n = child.sizes()
                    text += t
                    if child.tag == "a":
                        links_text += t
                        links += 1
                    else:
                        links_text += lt
                        links += n
            self._sizes = (text, links_text, links)
        return self._sizes

    def hidden(self) -> bool:
        return "hidden" in self.attrs or bool(_HIDDEN_STYLE.search(self.attrs.get("style") or ""))

    def is_link_list(self) -> bool:
        """A menu or a list of related articles: three or more links holding half its text or more
        (news lists add a date to every link)."""
        if self.tag not in _LINK_LIST_CANDIDATES:
            return False
        text, links_text, links = self.sizes()
        if links < 3 or text == 0 or text - links_text >= _MAX_LINK_LIST_PROSE:
            return False  # a container that also holds real prose is judged by its parts
        return links_text >= 0.5 * text

    def is_furniture(self) -> bool:
        if self.tag in _FURNITURE:
            return True
        names = f"{self.attrs.get('class') or ''} {self.attrs.get('id') or ''}"
        return bool(_FURNITURE_CLASS.search(names)) or self.is_link_list()


class _TooBig(Exception):
    def __init__(self, what: str) -> None:
        super().__init__(what)
        self.what = what


class _TreeBuilder(HTMLParser):
    """A forgiving tree: unknown end tags are ignored, unclosed elements closed by their parent.

    Parsing stops at once (``_TooBig``) when the page passes ``max_elements`` elements or its
    text passes ``max_chars`` characters."""

    def __init__(self, max_chars: int | None = None, max_elements: int | None = None) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root")
        self.stack = [self.root]
        self.elements_left = MAX_ELEMENTS if max_elements is None else max_elements
        self.chars_left = max_chars

    def _element(self, tag: str, attrs) -> Node:
        self.elements_left -= 1
        if self.elements_left < 0:
            raise _TooBig("elements")
        return Node(tag, {k: v or "" for k, v in attrs} if attrs else _NO_ATTRS)

    def handle_starttag(self, tag: str, attrs) -> None:
        node = self._element(tag, attrs)
        if tag in _VOID:
            self.stack[-1].children.append(node)
            return
        if tag in _CLOSES_P and self.stack[-1].tag == "p":
            self.stack.pop()
        if tag == "li":
            self._close_sibling("li", ("ul", "ol"))
        elif tag == "tr":
            self._close_sibling("tr", ("table",))
        elif tag in ("td", "th"):
            self._close_sibling(("td", "th"), ("tr", "table"))
        self.stack[-1].children.append(node)
        if len(self.stack) < _MAX_DEPTH:
            self.stack.append(node)

    def _close_sibling(self, tags, boundaries) -> None:
        tags = (tags,) if isinstance(tags, str) else tags
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag in boundaries:
                return
            if self.stack[i].tag in tags:
                del self.stack[i:]
                return

    def handle_startendtag(self, tag: str, attrs) -> None:
        self.stack[-1].children.append(self._element(tag, attrs))

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        if self.chars_left is not None:
            self.chars_left -= len(data)
            if self.chars_left < 0:
                raise _TooBig("chars")
        self.stack[-1].children.append(data)


def _render(node: Node, out: list[str], skip_furniture: bool, pre: bool = False) -> None:
    for child in node.children:
        if isinstance(child, str):
            out.append(child if pre else _WHITESPACE.sub(" ", child))
            continue
        tag = child.tag
        if tag in _ALWAYS_SKIPPED or child.hidden():
            continue
        if skip_furniture and child.is_furniture():
            continue
        if tag in ("br", "hr"):
            out.append("\n")
        elif tag == "tr":
            out.append("\n" + _row_text(child, skip_furniture) + "\n")
        elif tag in _BLOCKS:
            out.append("\n")
            _render(child, out, skip_furniture, pre or tag == "pre")
            out.append("\n")
        else:
            _render(child, out, skip_furniture, pre)


def _row_text(row: Node, skip_furniture: bool) -> str:
    """One table row: the cells on one line when several hold text (a data table), the single
    cell's own lines when only one does (a layout table holding the article)."""
    cells = []
    for child in row.children:
        if isinstance(child, Node) and child.tag in ("td", "th") and not child.hidden():
            if skip_furniture and child.is_furniture():
                continue
            parts: list[str] = []
            _render(child, parts, skip_furniture)
            cells.append("".join(parts))
    filled = [cell for cell in cells if cell.strip()]
    if len(filled) <= 1:
        return filled[0] if filled else ""
    while cells and not cells[-1].strip():
        cells.pop()
    return CELL_SEPARATOR.join(" ".join(cell.split()) for cell in cells)


def parse_html(markup: str, path: str = "", max_chars: int | None = None) -> Node:
    """The page's tree; a page past ``MAX_ELEMENTS`` elements or ``max_chars`` characters of text
    is refused (too_large / html_too_many_elements) as soon as the parser gets there."""
    builder = _TreeBuilder(max_chars)
    try:
        builder.feed(markup)
        builder.close()
    except _TooBig as exc:
        if exc.what == "chars":
            limit = (max_chars or 0) // (1024 * 1024)
            raise ReviewerError("too_large", path=path, size=f"> {limit}", limit=limit) from None
        raise ReviewerError("html_too_many_elements", path=path, limit=f"{MAX_ELEMENTS:,}") from None
    return builder.root


def html_to_text(markup: str, path: str = "", max_chars: int | None = None) -> str:
    """Visible text of an HTML document, one block element per line (not yet normalised).

    The tree is many small objects that hold no reference cycles: the cyclic garbage collector
    is paused while it is built and read (its passes over a growing heap cost more than the
    parse)."""
    paused = gc.isenabled()
    gc.disable()
    try:
        return _html_to_text(markup, path, max_chars)
    finally:
        if paused:
            gc.enable()


def _html_to_text(markup: str, path: str, max_chars: int | None) -> str:
    root = parse_html(markup, path, max_chars)
    parts: list[str] = []
    _render(root, parts, skip_furniture=True)
    text = "".join(parts)
    kept = len("".join(text.split()))
    if kept < 0.2 * root.sizes()[0]:
        # Skipping furniture swallowed the page (content inside <header>, a page of links).
        parts = []
        _render(root, parts, skip_furniture=False)
        text = "".join(parts)
    return text


def html_text(data: bytes, path: str = "", max_chars: int | None = None) -> tuple[str, str, list[str]]:
    """(text, encoding, warnings) of an HTML file's bytes; the page's declared charset is a hint.
    Extraction stops as soon as the text passes ``max_chars`` (too_large)."""
    declared = _META_CHARSET.search(data[:4096])
    hint = declared.group(1).decode("ascii", "replace") if declared else None
    decoded = decode_text(data, path, hint=hint)
    return html_to_text(decoded.text, path, max_chars), decoded.encoding, decoded.warnings


def mht_text(data: bytes, path: str = "", max_chars: int | None = None) -> tuple[str, str, list[str]]:
    """A single-file web page (.mht, "MIME HTML", saved by Word or a browser): its HTML part."""
    import email
    from email import policy

    if len(_BOUNDARY.findall(data)) > MAX_MHT_PARTS_DEPTH:
        raise ReviewerError("mht_too_deep", path=path, limit=MAX_MHT_PARTS_DEPTH)
    try:
        message = email.message_from_bytes(data, policy=policy.compat32)
        for part in message.walk():
            if part.get_content_type() == "text/html":
                payload = part.get_payload(decode=True) or b""
                charset = part.get_content_charset()
                decoded = decode_text(payload, path, hint=charset)
                return html_to_text(decoded.text, path, max_chars), decoded.encoding, decoded.warnings
    except ReviewerError:
        raise
    except RecursionError:
        raise ReviewerError("mht_too_deep", path=path, limit=MAX_MHT_PARTS_DEPTH) from None
    except Exception:  # a damaged MIME structure
        pass
    raise ReviewerError("unsupported_format", path=path, ext=".mht")


# A saved web page has a handful of multipart containers; thousands nested overflow the parser.
MAX_MHT_PARTS_DEPTH = 64
_BOUNDARY = re.compile(rb"boundary\s*=", re.I)
