"""Typesetting Word documents the way Chinese official documents are set (GB/T 9704-2012):
A4 with the standard margins, fonts set for East Asian text (``w:eastAsia``, which Word uses for
Chinese characters; ``w:ascii`` alone changes only Latin text), and each font declared in the
font table with the font to use where it is missing (``w:altName``): 小标宋 → 黑体, 仿宋_GB2312 →
仿宋.  The fonts and sizes are in resources/templates/review_documents.json.
"""

from __future__ import annotations

from typing import Any

from docx.enum.text import WD_LINE_SPACING
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from reviewer.export.findings import template

FONT_TABLE_RELTYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def fonts() -> dict[str, Any]:
    return template()["fonts"]


def set_font(run: Any, role: str, bold: bool | None = None) -> None:
    """Give ``run`` the font of ``role`` (title, body, heading1 …) for Chinese and Latin text."""
    spec = fonts()[role]
    run.font.size = Pt(spec["size"])
    run.font.name = spec["latin"]
    rpr = run._element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    rfonts.set(qn("w:eastAsia"), spec["name"])
    rfonts.set(qn("w:ascii"), spec["latin"])
    rfonts.set(qn("w:hAnsi"), spec["latin"])
    if bold is not None:
        run.font.bold = bold


def set_style_font(style: Any, role: str) -> None:
    """The same for a paragraph style, so text typed later in Word gets it too."""
    spec = fonts()[role]
    style.font.size = Pt(spec["size"])
    style.font.name = spec["latin"]
    rpr = style.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(attribute), None)
    rfonts.set(qn("w:eastAsia"), spec["name"])
    rfonts.set(qn("w:ascii"), spec["latin"])
    rfonts.set(qn("w:hAnsi"), spec["latin"])


def official_page(section: Any) -> None:
    """A4 portrait with GB/T 9704-2012's margins (天头 37 mm, 订口 28 mm: a 156 × 225 mm 版心)."""
    margins = fonts()["margins_mm"]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(margins["top"]), Mm(margins["bottom"])
    section.left_margin, section.right_margin = Mm(margins["left"]), Mm(margins["right"])
    section.header_distance = section.footer_distance = Mm(15)


def exact_spacing(paragraph: Any, indent_chars: int = 0) -> None:
    """Fixed line spacing (22 lines to the page) and an indent of whole characters of body size."""
    fmt = paragraph.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(fonts()["line_spacing"])
    fmt.space_before = fmt.space_after = Pt(0)
    if indent_chars:
        fmt.first_line_indent = Pt(fonts()["body"]["size"] * indent_chars)


def declare_fonts(document: Any) -> None:
    """Each font the document uses, in its font table with the font to use where it is missing."""
    part = next((rel.target_part for rel in document.part.rels.values() if rel.reltype == FONT_TABLE_RELTYPE),
                None)
    if part is None:
        return
    element = getattr(part, "element", None)
    root = element if element is not None else parse_xml(part.blob)
    present = {f.get(qn("w:name")) for f in root.findall(qn("w:font"))}
    for role, spec in fonts().items():
        if not isinstance(spec, dict) or "name" not in spec or spec["name"] in present:
            continue
        font = OxmlElement("w:font")
        font.set(qn("w:name"), spec["name"])
        alt = OxmlElement("w:altName")
        alt.set(qn("w:val"), spec["alt"])
        font.append(alt)
        charset = OxmlElement("w:charset")
        charset.set(qn("w:val"), "86")  # GB2312
        font.append(charset)
        family = OxmlElement("w:family")
        family.set(qn("w:val"), "modern" if role.startswith("heading1") else "roman")
        font.append(family)
        root.append(font)
        present.add(spec["name"])
    if element is None:
        from lxml import etree

        part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def page_number_footer(section: Any) -> None:
    """"— 1 —" centred at the foot of every page, as official documents number their pages."""
    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = 1  # centre
    for text in ("— ", None, " —"):
        if text is not None:
            set_font(paragraph.add_run(text), "page_number")
            continue
        field = OxmlElement("w:fldSimple")
        field.set(qn("w:instr"), "PAGE")
        run = OxmlElement("w:r")
        t = OxmlElement("w:t")
        t.text = "1"
        run.append(t)
        field.append(run)
        paragraph._p.append(field)


def stamp_properties(document: Any, title: str, author: str, new: bool = True) -> None:
    """File properties a reader sees in Word: ours, not python-docx's template (author
    "python-docx", dated 2013).  A reviewed copy of someone's Word file keeps its author and
    creation date (``new`` False) and only records who changed it, and when."""
    from datetime import datetime, timezone

    props = document.core_properties
    now = datetime.now(timezone.utc).replace(microsecond=0, tzinfo=None)
    props.last_modified_by = author
    props.modified = now
    if new:
        props.title, props.author, props.created = title, author, now
        props.comments = props.subject = props.keywords = ""
        props.revision = 1
