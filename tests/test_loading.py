"""Loading text reports: every common encoding, and every bad input a user can give, each with a
clear message and never a traceback."""

from __future__ import annotations

import codecs
import time
import zlib

import pytest

from reviewer.load import dispatch as loading
from reviewer.load.dispatch import load_document
from reviewer.messages import ReviewerError

C, P, COLON = "\uff0c", "\u3002", "\uff1a"
LP, RP = "\uff08", "\uff09"

REPORT = (
    "某市交通运输局2022年行政执法工作报告\n"
    f"来源{COLON}某市交通运输局 发布日期{COLON}2023-01-16\n"
    f"2022年{C}我局认真贯彻落实行政执法三项制度{C}全年共办理行政处罚案件218件{C}"
    f"罚没款86.5万元{C}办结率96.3%{P}\n"
    "一、行政执法基本情况\n"
    f"{LP}一{RP}执法机构和人员\n"
    f"全局共有执法人员142名{C}均持证上岗{P}\n"
    "二、存在的问题\n"
    f"执法力量不足{C}信息化水平有待提高{P}\n"
)
TRADITIONAL_REPORT = (
    "某縣政府2022年法治政府建設情況報告\n"
    f"2022年{C}本縣堅持依法行政{C}全年辦理行政覆議案件12件{P}\n"
    "一、主要舉措和成效\n"
)


def write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("encoding, expected", [
    ("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("utf-16", "utf-16"), ("utf-16-be", "utf-16-be"),
    ("gb18030", "gb18030"), ("gbk", "gb18030"),
])
def test_simplified_report_in_each_encoding(tmp_path, encoding, expected):
    data = REPORT.encode(encoding)
    if encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    doc = load_document(write(tmp_path, "report.txt", data))
    assert doc.text == REPORT.strip()
    assert doc.encoding.startswith(expected)
    assert doc.script == "simplified"


@pytest.mark.parametrize("encoding", ["big5", "utf-8", "utf-16", "gb18030"])
def test_traditional_report_in_each_encoding(tmp_path, encoding):
    doc = load_document(write(tmp_path, "report.txt", TRADITIONAL_REPORT.encode(encoding)))
    assert doc.text == TRADITIONAL_REPORT.strip()
    assert doc.script == "traditional"
    assert len(doc.analysis_text) == len(doc.text)
    assert "建设情况报告" in doc.analysis_text


def test_big5_is_recorded_as_big5(tmp_path):
    doc = load_document(write(tmp_path, "report.txt", TRADITIONAL_REPORT.encode("big5")))
    assert doc.encoding == "big5"


def test_utf16_without_bom_is_recognised(tmp_path):
    doc = load_document(write(tmp_path, "report.txt", REPORT.encode("utf-16-le")))
    assert doc.text == REPORT.strip()


def test_windows_line_ends_and_bom_are_normalised(tmp_path):
    data = codecs.BOM_UTF8 + REPORT.replace("\n", "\r\n").encode("utf-8")
    doc = load_document(write(tmp_path, "report.txt", data))
    assert "\r" not in doc.text and not doc.text.startswith("\ufeff")


def test_sha256_and_format_are_recorded(tmp_path):
    doc = load_document(write(tmp_path, "report.txt", REPORT.encode("utf-8")))
    assert doc.format == "txt" and len(doc.sha256) == 64


def test_unknown_extension_that_is_text_loads(tmp_path):
    doc = load_document(write(tmp_path, "report.dat", REPORT.encode("gb18030")))
    assert doc.text == REPORT.strip()


def test_a_few_stray_nul_bytes_are_dropped_with_a_warning(tmp_path):
    data = REPORT.encode("utf-8")
    data = data[:30] + b"\x00" + data[30:90] + b"\x00" + data[90:]
    doc = load_document(write(tmp_path, "report.txt", data))
    assert doc.text == REPORT.strip()
    assert any("NUL" in w for w in doc.warnings)


# --- bad input ------------------------------------------------------------------------------


def error_code(path) -> str:
    with pytest.raises(ReviewerError) as excinfo:
        load_document(path)
    assert str(excinfo.value)  # a message for the user, in both languages
    assert excinfo.value.message("en") and excinfo.value.message("zh")
    return excinfo.value.code


def test_missing_path(tmp_path):
    assert error_code(tmp_path / "nope.txt") == "file_missing"


def test_directory(tmp_path):
    assert error_code(tmp_path) == "is_directory"


@pytest.mark.parametrize("data", [b"", b"   \r\n\r\n  "])
def test_empty_file(tmp_path, data):
    assert error_code(write(tmp_path, "empty.txt", data)) == "empty_file"


def test_file_with_only_web_furniture_has_no_text(tmp_path):
    assert error_code(write(tmp_path, "junk.txt", "【我要纠错】\n打印本页\n".encode())) == "no_text"


def png_bytes() -> bytes:
    raw = b"\x00\xff\x00\x00"
    chunk = b"IDAT" + zlib.compress(raw)
    return (b"\x89PNG\r\n\x1a\n" + len(chunk[4:]).to_bytes(4, "big") + chunk + b"\x00\x00\x00\x00")


@pytest.mark.parametrize("name, data", [
    ("image.txt", png_bytes()),
    ("archive.txt", b"PK\x03\x04" + bytes(range(256)) * 4),
    ("mostly_nul.txt", b"\x00" * 500 + "法治".encode()),
    ("noise.txt", bytes(range(0, 32)) * 40),
    ("random.txt", bytes((i * 7919 + 13) % 251 for i in range(3000))),
])
def test_binary_file_given_as_text(tmp_path, name, data):
    assert error_code(write(tmp_path, name, data)) in ("binary_file", "unsupported_format")


def test_binary_file_with_unknown_extension_is_unsupported(tmp_path):
    assert error_code(write(tmp_path, "photo.jpg", b"\xff\xd8\xff\xe0" + bytes(range(256)) * 8)) in (
        "unsupported_format", "binary_file")


def test_old_word_document(tmp_path):
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600
    assert error_code(write(tmp_path, "report.doc", ole)) == "legacy_office"


def test_undecodable_bytes(tmp_path):
    # Random high bytes: not UTF-8, and neither GB18030 nor Big5 reads them as common text.
    data = bytes([0x81, 0x30, 0xFF, 0xFE, 0x80, 0xA0, 0xFF, 0x81, 0x7F, 0xFE] * 30)
    assert error_code(write(tmp_path, "garbled.txt", data)) in ("undecodable", "binary_file")


def test_huge_file_is_refused_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # a sparse 50 MB file: costs no disk space or time
        handle.truncate(50 * 1024 * 1024)
    assert error_code(path) == "too_large"


def test_five_megabyte_report_loads_fast(tmp_path):
    big = (REPORT * (5_000_000 // len(REPORT.encode("utf-8")) + 1)).encode("utf-8")
    path = write(tmp_path, "big.txt", big)
    started = time.perf_counter()
    doc = load_document(path)
    elapsed = time.perf_counter() - started
    assert len(doc.text) > 1_000_000
    assert elapsed < 10.0  # ≈ 1 s measured here; generous for a busy CI machine


def test_limits_are_documented_values():
    assert loading.MAX_TEXT_BYTES < 50 * 1024 * 1024 <= loading.MAX_CONTAINER_BYTES


# --- the shared real reports (skipped where ../shared is absent) ---------------------------

JUNK = ("【我要纠错】", "责任编辑", "相关词条", "相關詞條", "熱門詞條", "聯絡我們", "繁体中文", "基本介紹")


def test_shared_reports_load_without_furniture(shared_reports):
    for path in shared_reports:
        doc = load_document(path)
        lines = doc.text.split("\n")
        for junk in JUNK:
            assert not any(line.startswith(junk) for line in lines), (path.name, junk)
        assert all(line and line == line.strip() for line in lines)
        assert "\n\n" not in doc.text and "\r" not in doc.text
        assert not lines[-1].startswith("附件")
        assert len(doc.analysis_text) == len(doc.text)


def test_shared_reports_keep_their_publication_date_lines(shared_reports):
    for path in shared_reports:
        raw = path.read_text(encoding="utf-8")
        if "发布日期" in raw:
            text = load_document(path).text
            date_line = next(line for line in raw.split("\n") if "发布日期" in line)
            assert date_line.strip().split("发布日期")[1][:11] in text


def test_rtf_and_other_archives_are_unsupported_formats(tmp_path):
    assert error_code(write(tmp_path, "report.rtf", rb"{\rtf1\ansi \u27861?\u27835? }")) == "unsupported_format"
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("content.xml", "<office:document-content/>")
    assert error_code(write(tmp_path, "report.odt", buffer.getvalue())) == "unsupported_format"


def test_big5_info_box_bullets_are_removed(tmp_path):
    # Big5 has no U+2022 bullet: it round-trips as U+2027 (‧), which is a bullet glyph too.
    text = f"某縣政府2022年法治政府建設情況報告\n\u2022 發布單位{COLON}某縣人民政府\n一、主要舉措\n"
    doc = load_document(write(tmp_path, "report.txt", text.encode("big5")))
    assert f"發布單位{COLON}某縣人民政府" in doc.text.split("\n")


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_a_few_damaged_bytes_are_replaced_with_a_warning(tmp_path, encoding):
    data = (REPORT * 5).encode(encoding)
    data = data[:101] + b"\xff" + data[101:]
    doc = load_document(write(tmp_path, "damaged.txt", data))
    assert doc.encoding.startswith(encoding[:3])
    assert "罚没款86.5万元" in doc.text
    assert any("damaged" in w for w in doc.warnings)
