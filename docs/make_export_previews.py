"""Render the first pages of what the office sends on — workbook, memo, annotated report — to PNG.

    .venv/bin/python docs/make_export_previews.py [--out docs]

Imports the bundled sample report as a Word file (made here from the sample's text, with Word
headings), reviews it (a verdict of each kind, a correction, comments, a note), exports the three
outputs, converts them with LibreOffice headless to PDF and the first pages with pdftoppm to PNG.
Needs ``soffice``, ``pdftoppm`` and CJK fonts (apt-get install libreoffice-writer libreoffice-calc
poppler-utils fonts-noto-cjk).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import docx  # noqa: E402

from reviewer.export.annotated_docx import export_annotated  # noqa: E402
from reviewer.export.memo import export_memo  # noqa: E402
from reviewer.export.workbook import export_workbook  # noqa: E402
from reviewer.library.store import Library  # noqa: E402

SAMPLE = ROOT / "resources" / "samples" / "sample_fazhi_2023.txt"

# Where the official fonts are not installed (a Linux build machine), show them as the nearest
# Noto CJK face, as a Windows office machine with the fonts would: Song/Fang Song/Kai styles as
# the serif, 黑体 as the sans, 小标宋 as the bold serif.
FONTCONFIG = """<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include>
{aliases}
<match target="pattern"><test name="family"><string>方正小标宋简体</string></test>
<edit name="family" mode="assign" binding="strong"><string>Noto Serif CJK SC</string></edit>
<edit name="weight" mode="assign" binding="strong"><const>bold</const></edit></match>
</fontconfig>"""
SERIF = ("仿宋_GB2312", "仿宋", "FangSong", "楷体_GB2312", "楷体", "KaiTi", "宋体", "SimSun")
SANS = ("黑体", "SimHei")


def fontconfig(folder: Path) -> Path:
    aliases = "".join(
        f'<alias binding="same"><family>{name}</family><prefer><family>{face}</family></prefer></alias>'
        for names, face in ((SERIF, "Noto Serif CJK SC"), (SANS, "Noto Sans CJK SC")) for name in names)
    path = folder / "fonts.conf"
    path.write_text(FONTCONFIG.format(aliases=aliases), encoding="utf-8")
    return path


def word_sample(folder: Path) -> Path:
    """The sample report as a department's Word file: title, headings in Word styles, body text."""
    document = docx.Document()
    lines = [line.strip() for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]
    document.add_paragraph(lines[0], style="Title")
    for line in lines[1:]:
        if re.match(r"^[一二三四五六七八九十]+、", line):
            document.add_paragraph(line, style="Heading 1")
        elif re.match(r"^[((][一二三四五六七八九十]+[))]", line):
            document.add_paragraph(line, style="Heading 2")
        else:
            document.add_paragraph(line)
    path = folder / "某某区市场监督管理局2023年法治政府建设情况报告.docx"
    document.save(str(path))
    return path


def review(lib: Library, doc: str) -> None:
    r = lib.load_review(doc)
    verdicts = {"sum_mismatch": ("confirmed", "分项合计与总数不符,经与统计报表核对,总数应为4806件"),
                "rate_mismatch": ("pending", "待向法规科核实结案率的口径")}
    for check in r.checks + r.advisories:
        verdict, reason = verdicts.get(check.check.kind, ("rejected", "层级编号为原文格式,不是错误"))
        lib.set_verdict(check.review.uuid, verdict, reason)
    figure = next(f for f in r.figures if f.figure.text == "12836户")
    lib.correct("figure", figure.review.uuid, "value", 12863)
    lib.add_comment("figure", figure.review.uuid, "与市场主体登记系统年报数核对后更正")
    text = r.document.text
    start = text.index("节约企业开办成本")
    lib.add_annotation(doc, start, start + 8, note="请说明测算方法")


def convert(path: Path, out: Path, stem: str, pages: int = 1) -> list[Path]:
    work = path.parent
    # Word comments: in the margin where LibreOffice can (7.6+), else as note marks on their anchors.
    target = "pdf" if path.suffix != ".docx" else 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean",' \
        '"value":"true"},"ExportNotesInMargin":{"type":"boolean","value":"true"}}'
    subprocess.run(["soffice", "--headless", "--convert-to", target, "--outdir", str(work), str(path)],
                   check=True, capture_output=True, timeout=300,
                   env={"HOME": str(work), "PATH": "/usr/bin:/bin", "FONTCONFIG_FILE": str(fontconfig(work))})
    pdf = path.with_suffix(".pdf")
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", str(pages), str(pdf), str(work / stem)],
                   check=True)
    made = []
    for png in sorted(work.glob(f"{stem}-*.png")):
        target = out / f"{stem}-{png.stem.rsplit('-', 1)[1].lstrip('0') or '1'}.png"
        shutil.copy(png, target)
        made.append(target)
    return made


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="previews-"))
    with Library(folder / "library.db", reviewer="王审阅") as lib:
        doc = lib.import_file(word_sample(folder)).doc_uuid
        review(lib, doc)
        outputs = [(export_workbook(lib, folder / "workbook.xlsx", [doc]), "export-workbook", 2),
                   (export_memo(lib, folder / "memo.docx", [doc], today=date(2024, 3, 8)), "export-memo", 1),
                   (export_annotated(lib, doc, folder / "annotated.docx").path, "export-annotated", 1)]
    for path, stem, pages in outputs:
        for png in convert(Path(path), args.out, stem, pages):
            print(png)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
