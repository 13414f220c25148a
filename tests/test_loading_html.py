"""Saved web pages: the article text, without scripts, navigation, headers, footers or the site's
furniture lines, with entities decoded and the page's declared encoding honoured."""

from __future__ import annotations

from reviewer.load.dispatch import load_document
from reviewer.load.html_text import html_to_text

C, P, COLON = "\uff0c", "\u3002", "\uff1a"
LP, RP = "\uff08", "\uff09"

PAGE = f"""<!DOCTYPE html>
<html><head><meta charset="gb2312"><title>某区人民政府门户网站</title>
<style>.nav {{ color: red }}</style>
<script>var tip = "<p>脚本里的文字</p>"; document.write(tip);</script></head>
<body>
<header><div class="logo">某区人民政府</div></header>
<nav><ul><li><a href="/">首页</a></li><li><a href="/gk">政务公开</a></li></ul></nav>
<div class="crumb">当前位置{COLON}<a>首页</a> &gt; <a>法治政府</a></div>
<div class="article">
<h1>某区卫生健康委2022年法治政府建设情况报告</h1>
<div class="info">来源{COLON}某区卫生健康委&nbsp;&nbsp;发布日期{COLON}2023-03-01&nbsp;&nbsp;【字体{COLON}<a>大</a> <a>中</a> <a>小</a>】</div>
<p>&emsp;&emsp;2022年{C}我委坚持依法行政{C}
全年办理行政许可&ldquo;一网通办&rdquo;事项1,286件{P}</p>
<p>一、主要举措和成效</p>
<p>{LP}一{RP}健全依法决策机制</p>
<table><tr><th>项目</th><th>件数</th></tr><tr><td>行政处罚</td><td>43件</td></tr></table>
<p>联系电话{COLON}12345<br>邮编{COLON}300000</p>
</div>
<div class="tools">【打印本页】 【关闭窗口】</div>
<footer>版权所有{COLON}某区人民政府 &copy; 2023<br>网站标识码1200000001 津ICP备00000000号</footer>
</body></html>
"""


def test_page_text_without_scripts_navigation_and_footer(tmp_path):
    path = tmp_path / "page.html"
    path.write_bytes(PAGE.encode("gb18030"))
    doc = load_document(path)
    lines = doc.text.split("\n")
    assert doc.format == "html" and doc.encoding == "gb18030"
    assert lines[0] == "某区卫生健康委2022年法治政府建设情况报告"
    assert lines[1] == f"来源{COLON}某区卫生健康委 发布日期{COLON}2023-03-01"
    assert f"2022年{C}我委坚持依法行政{C}全年办理行政许可\u201c一网通办\u201d事项1,286件{P}" in lines
    assert "一、主要举措和成效" in lines
    assert f"{LP}一{RP}健全依法决策机制" in lines
    assert "项目\uff5c件数" in lines and "行政处罚\uff5c43件" in lines
    for junk in ("脚本", "首页", "政务公开", "当前位置", "打印本页", "版权所有", "ICP", "某区人民政府"):
        assert junk not in doc.text, junk


def test_line_breaks_inside_a_paragraph_tag_are_not_paragraphs():
    text = html_to_text("<p>全年共受理\n投诉举报\n  326件。</p><p>下一段</p>")
    assert "全年共受理 投诉举报 326件。" in text
    assert text.count("\n") >= 2


def test_br_separates_lines_and_entities_are_decoded():
    text = html_to_text("<div>甲&amp;乙<br/>丙&#x4E01;&nbsp;戊</div>")
    assert "甲&乙\n丙丁\u00a0戊" in text


def test_unclosed_header_does_not_swallow_the_page():
    text = html_to_text("<html><body><header><h1>某县司法局2021年度报告</h1>"
                        "<p>一、工作情况</p><p>全年办理法律援助案件215件。</p></body></html>")
    assert "全年办理法律援助案件215件。" in text


def test_htm_extension_and_utf8_without_declaration(tmp_path):
    path = tmp_path / "page.htm"
    path.write_bytes("<html><body><p>一、工作情况</p><p>办理案件12件。</p></body></html>".encode())
    assert load_document(path).text == "一、工作情况\n办理案件12件。"


def test_html_saved_as_txt_is_read_as_html(tmp_path):
    path = tmp_path / "page.txt"
    path.write_bytes(b"<!DOCTYPE html>\n<html><body><p>\xe4\xb8\x80\xe3\x80\x81\xe6\x83\x85\xe5\x86\xb5</p></body></html>")
    doc = load_document(path)
    assert doc.format == "html" and doc.text == "一、情况"


def test_lists_of_links_are_dropped_but_a_paragraph_with_a_link_is_kept():
    markup = (
        "<body><div class='side'><h3>相关文章</h3><ul>"
        "<li><a>关于印发《某市普法规划》的通知</a> 2023-02-10</li>"
        "<li><a>某区召开法治政府建设推进会</a> 2023-01-05</li>"
        "<li><a>2022年度普法责任清单</a></li></ul></div>"
        "<div class='content'><p>一、工作情况</p>"
        "<p>按照<a href='/x'>《某省法治政府建设实施方案》</a>要求，全年办理案件12件。</p></div></body>")
    text = html_to_text(markup)
    assert "普法规划" not in text and "推进会" not in text and "2023-01-05" not in text
    assert "按照《某省法治政府建设实施方案》要求，全年办理案件12件。" in text


def test_hidden_elements_and_share_boxes_are_skipped():
    markup = ("<body><p>一、工作情况</p><div style='display: none'>隐藏的统计代码</div>"
              "<div class='bdsharebuttonbox'>分享到微信</div><p hidden>草稿</p><p>正文。</p></body>")
    text = html_to_text(markup)
    assert "隐藏" not in text and "分享" not in text and "草稿" not in text
    assert "正文。" in text


def test_article_in_a_layout_table_keeps_its_paragraph_lines():
    markup = ("<table><tr><td><p>一、工作情况</p><p>全年办理案件12件。</p></td></tr>"
              "<tr><td>项目</td><td>件数</td></tr></table>")
    lines = [line for line in html_to_text(markup).split("\n") if line.strip()]
    assert lines == ["一、工作情况", "全年办理案件12件。", "项目\uff5c件数"]


def test_deeply_nested_unclosed_tags_do_not_overflow():
    markup = "<body>" + "<font>" * 5000 + "<p>一、工作情况</p><p>正文内容。</p></body>"
    text = html_to_text(markup)
    assert "一、工作情况" in text and "正文内容。" in text


def test_unclosed_paragraphs_and_list_items():
    markup = "<body><p>第一段。<p>第二段。<ul><li>甲项<li>乙项</ul></body>"
    lines = [line.strip() for line in html_to_text(markup).split("\n") if line.strip()]
    assert lines == ["第一段。", "第二段。", "甲项", "乙项"]


def test_wrapper_with_a_big_menu_and_the_article_keeps_the_article_only():
    menu = "<ul>" + "".join(f"<li><a>栏目{n}的名称较长一些</a></li>" for n in range(40)) + "</ul>"
    article = "<div><p>一、工作情况</p><p>" + "全年办理行政许可事项1256件，按时办结率100%。" * 10 + "</p></div>"
    text = html_to_text(f"<body><div class='wrap'>{menu}{article}</div></body>")
    assert "栏目" not in text and "一、工作情况" in text


def test_single_file_web_page_mht(tmp_path):
    html = "<html><body><p>一、工作情况</p><p>全年办理案件12件。</p></body></html>".encode("gb18030")
    import quopri

    body = quopri.encodestring(html).decode("ascii")
    mht = ("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"B\"\r\n\r\n--B\r\n"
           "Content-Type: text/html; charset=\"gb2312\"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
           f"{body}\r\n--B--\r\n")
    path = tmp_path / "page.mht"
    path.write_bytes(mht.encode("ascii"))
    doc = load_document(path)
    assert doc.format == "html" and doc.text == "一、工作情况\n全年办理案件12件。"


def test_html_fragment_saved_as_txt_is_read_as_html(tmp_path):
    fragment = ("<p>一、工作情况</p><p>全年办理案件12件。</p><p>二、存在问题</p>"
                "<p>人员不足。<br>装备不足。</p><div>三、下一步打算</div>")
    path = tmp_path / "fragment.txt"
    path.write_bytes(fragment.encode("utf-8"))
    assert load_document(path).text.split("\n") == ["一、工作情况", "全年办理案件12件。", "二、存在问题",
                                                      "人员不足。", "装备不足。", "三、下一步打算"]


def test_text_with_angle_brackets_is_not_html(tmp_path):
    path = tmp_path / "report.txt"
    path.write_bytes("落实《方案<2021-2025年>》要求。\n一、工作情况".encode())
    assert load_document(path).format == "txt"
