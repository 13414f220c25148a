"""PDF reports: text layer with Chinese, page furniture dropped, wrapped lines re-joined, radicals
mapped, scanned and damaged files refused with a clear message.

The PDFs are written by hand below (a Type0 font with a ToUnicode map, no embedded glyphs):
pypdf reads the text exactly as it reads a PDF printed from Word or WPS.
"""

from __future__ import annotations

import pytest

from reviewer.load.dispatch import load_document
from reviewer.load.pdf_text import pages_to_text
from reviewer.messages import ReviewerError


def _pdf(objects: list[bytes]) -> bytes:
    """Serialise numbered objects (1-based) with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def text_pdf(pages: list[list[str]], code_points: dict[str, int] | None = None) -> bytes:
    """A PDF whose pages show ``pages`` (lists of lines).  ``code_points`` lets a character be
    mapped to another code point in the ToUnicode table, as some producers do (西 → U+2EC4)."""
    chars = sorted({ch for page in pages for line in page for ch in line})
    cid = {ch: i + 1 for i, ch in enumerate(chars)}
    code_points = code_points or {}
    entries = [b"<%04X> <%04X>" % (cid[ch], code_points.get(ch, ord(ch))) for ch in chars]
    blocks = b""
    for start in range(0, len(entries), 100):
        chunk = entries[start:start + 100]
        blocks += b"%d beginbfchar\n" % len(chunk) + b"\n".join(chunk) + b"\nendbfchar\n"
    cmap = (b"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
            b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            b"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
            b"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n" + blocks +
            b"endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend")
    n_pages = len(pages)
    # 1 catalog, 2 pages, 3 font, 4 descendant, 5 tounicode, then (page, content) pairs.
    kids = b" ".join(b"%d 0 R" % (6 + 2 * i) for i in range(n_pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, n_pages),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /Identity-H "
        b"/DescendantFonts [4 0 R] /ToUnicode 5 0 R >>",
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /DW 1000 >>",
        _stream(cmap),
    ]
    for i, lines in enumerate(pages):
        ops = [b"BT", b"/F1 12 Tf", b"14 TL", b"60 780 Td"]
        for line in lines:
            ops.append(b"<" + b"".join(b"%04X" % cid[ch] for ch in line) + b"> Tj T*")
        ops.append(b"ET")
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                       b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (7 + 2 * i))
        objects.append(_stream(b"\n".join(ops)))
    return _pdf(objects)


def image_only_pdf() -> bytes:
    """One page that paints a 1×1 grey image and has no text: what a scanner produces."""
    return _pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>",
        _stream(b"q 595 0 0 842 0 0 cm /Im1 Do Q"),
        _stream(b"\x80", b"/Type /XObject /Subtype /Image /Width 1 /Height 1 "
                         b"/ColorSpace /DeviceGray /BitsPerComponent 8"),
    ])


FC = "\uff0c"  # ，
FP = "\u3002"  # 。
COLON = "\uff1a"  # ：
PAGE_1 = [
    "西城区司法局2022年法治政府建设情况报告",
    f"2022年{FC}我局坚持以法治思维统领各项工作{FC}全年办理行政复议案件",
    f"36件{FC}纠正违法或不当行政行为4件{FP}",
    "一、主要举措和成效",
    f"（一）深化行政执法改革{FC}全面推行行政执法三项制度{FC}执法公示",
    f"率达到100%{FP}",
    "- 1 -",
]
PAGE_2 = [
    "西城区司法局",
    f"二、存在的不足{FP}",
    f"基层执法力量仍然不足{FP}",
    "- 2 -",
]


def test_text_layer_is_read_with_page_numbers_dropped_and_wrapped_lines_joined(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(text_pdf([PAGE_1, PAGE_2]))
    doc = load_document(path)
    lines = doc.text.split("\n")
    assert doc.format == "pdf"
    assert lines[0] == "西城区司法局2022年法治政府建设情况报告"
    assert f"2022年{FC}我局坚持以法治思维统领各项工作{FC}全年办理行政复议案件36件{FC}纠正违法或不当行政行为4件{FP}" in lines
    assert "一、主要举措和成效" in lines  # a heading is never glued to the line before it
    assert "- 1 -" not in doc.text and "- 2 -" not in doc.text
    assert f"二、存在的不足{FP}" in lines


def test_cjk_radical_code_points_from_the_font_become_ordinary_characters(tmp_path):
    path = tmp_path / "radical.pdf"
    path.write_bytes(text_pdf([PAGE_1], code_points={"西": 0x2EC4}))
    doc = load_document(path)
    assert "\u2ec4" not in doc.text
    assert doc.text.startswith("西城区司法局")


def test_running_header_repeated_on_every_page_is_dropped():
    pages = [f"某市市场监督管理局文件\n第{n}段正文内容{FP}\n第 {n} 页 共 3 页" for n in (1, 2, 3)]
    text = pages_to_text(pages)
    assert "某市市场监督管理局文件" not in text
    assert "共 3 页" not in text
    assert text.split("\n") == [f"第{n}段正文内容{FP}" for n in (1, 2, 3)]


def test_full_width_line_before_a_heading_stays_separate():
    body = "我局持续推进依法行政工作各项任务全面落实到位" * 1
    pages = ["\n".join([body, body, body, "（二）完善制度体系", body + FP])]
    lines = pages_to_text(pages).split("\n")
    assert "（二）完善制度体系" in lines


def test_digit_and_chinese_split_by_the_producer_are_joined_again(tmp_path):
    path = tmp_path / "spaced.pdf"
    path.write_bytes(text_pdf([[f"截至 2023 年底{FC}共受理 12 件{FP}", "一、工作情况"]]))
    assert load_document(path).text.split("\n")[0] == f"截至2023年底{FC}共受理12件{FP}"


def test_pdf_without_text_layer_is_reported_as_scanned(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(image_only_pdf())
    with pytest.raises(ReviewerError) as excinfo:
        load_document(path)
    assert excinfo.value.code == "scanned_pdf"


@pytest.mark.parametrize("data", [b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog", b"%PDF-1.7\n" + b"\x00\xff" * 50,
                                  b"not a pdf at all"])
def test_damaged_pdf_is_reported_clearly(tmp_path, data):
    path = tmp_path / "broken.pdf"
    path.write_bytes(data)
    with pytest.raises(ReviewerError) as excinfo:
        load_document(path)
    assert excinfo.value.code in ("bad_pdf", "scanned_pdf")


def test_truncated_text_pdf_is_reported_clearly(tmp_path):
    data = text_pdf([PAGE_1])
    path = tmp_path / "truncated.pdf"
    path.write_bytes(data[: len(data) // 3])
    with pytest.raises(ReviewerError) as excinfo:
        load_document(path)
    assert excinfo.value.code in ("bad_pdf", "scanned_pdf")


BODY = "我局持续推进依法行政工作各项任务全面落实到位切实"  # 24 full-width cells


def test_number_split_by_a_line_wrap_is_joined_without_a_space():
    pages = ["\n".join([BODY, BODY, BODY + "44", "71件" + FP, BODY + FP])]
    first, second = pages_to_text(pages).split("\n")
    assert first == BODY * 3 + "4471件" + FP  # the wrapped lines are one paragraph again
    assert second == BODY + FP


def test_line_ending_in_a_closing_quote_without_a_full_stop_continues():
    quoted = "我局持续推进依法行政工作各项任务落实\u201c学习强国\u201d"
    pages = ["\n".join([BODY, BODY, quoted, "等平台" + FP])]
    assert pages_to_text(pages) == BODY * 2 + quoted + "等平台" + FP


def test_full_line_ending_a_sentence_is_kept_as_a_paragraph_end():
    pages = ["\n".join([BODY, BODY, BODY[:-1] + FP, "下一段内容" + FP])]
    assert pages_to_text(pages).split("\n")[-1] == "下一段内容" + FP


def test_heading_written_with_kangxi_radicals_is_still_a_heading():
    heading = "\uff08\u2f00\uff09\u575a\u6301\u4f9d\u6cd5\u884c\u653f"  # （⼀）坚持依法行政, ⼀ = U+2F00
    pages = ["\n".join([BODY, BODY, BODY, heading, BODY + FP])]
    lines = pages_to_text(pages).split("\n")
    assert "（一）坚持依法行政" in lines


def test_wide_title_and_metadata_lines_are_not_glued_to_the_next_line():
    title = "关于印发某市市场监督管理局年度行政执法工作报告的通知"
    pages = ["\n".join([title, f"来源{COLON}某市市场监督管理局", BODY, BODY, BODY + FP])]
    lines = pages_to_text(pages).split("\n")
    assert lines[:2] == [title, f"来源{COLON}某市市场监督管理局"]


def test_line_printed_at_the_bottom_and_top_of_two_pages_appears_once():
    pages = ["\n".join([BODY, BODY, "跨页重复的一行文字"]), "\n".join(["跨页重复的一行文字", BODY + FP])]
    assert pages_to_text(pages).count("跨页重复的一行文字") == 1


def _encrypted(user_password: str) -> bytes:
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(text_pdf([PAGE_1]))))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_pdf_that_needs_a_password_is_reported(tmp_path):
    path = tmp_path / "locked.pdf"
    path.write_bytes(_encrypted("secret"))
    with pytest.raises(ReviewerError) as excinfo:
        load_document(path)
    assert excinfo.value.code == "encrypted_pdf"


def test_pdf_with_only_an_owner_password_opens(tmp_path):
    path = tmp_path / "restricted.pdf"
    path.write_bytes(_encrypted(""))
    assert load_document(path).text.startswith("西城区司法局")


def test_scanned_page_inside_a_text_pdf_is_named_in_a_warning(tmp_path):
    path = tmp_path / "mixed.pdf"
    path.write_bytes(text_pdf([PAGE_1, ["- 2 -"], PAGE_2]))
    doc = load_document(path)
    assert "二、存在的不足" in doc.text
    assert any("2" in warning and "scanned" in warning for warning in doc.warnings)


def test_kangxi_radicals_follow_the_script_of_the_report():
    # ⼾ (U+2F3E) decomposes to the Traditional 戶; in a Simplified report it was 户.
    simplified = "\n".join(["个体工商\u2f3e转企12\u2f3e" + FP, "我局坚持依法行政，推进法治政府建设" + FP])
    traditional = "\n".join(["個體工商\u2f3e轉企12\u2f3e" + FP, "本縣堅持依法行政，推進法治政府建設" + FP])
    assert "个体工商户转企12户" in pages_to_text([simplified])
    assert "個體工商戶轉企12戶" in pages_to_text([traditional])
