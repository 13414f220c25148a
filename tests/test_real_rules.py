"""Rules for what real published reports do (../shared/real): shares of a total stated earlier,
category lists over several sentences, change arithmetic, tables as text.  Each rule is pinned
on an invented sentence."""

from __future__ import annotations

from reviewer.load.dispatch import document_from_text
from reviewer.pipeline import analyze


def checks(text: str, kind: str | None = None):
    analysis = analyze(document_from_text(text))
    texts = {f.id: f.text for f in analysis.figures}
    return [(c.kind, [texts.get(x, x) for x in c.figures]) for c in analysis.checks
            if kind is None or c.kind == kind]


def test_a_breakdown_in_brackets_opens_no_list_outside_them():
    assert checks("共取消审批事项15项(其中2项为子项),新增17项、扩大权限37项、移交1项。") == []


def test_a_growth_rate_after_both_years_figures_earlier_year_first():
    assert checks("2022年需办理申请80件,2023年需办理申请100件,同比增长25%。") == []
    assert checks("2022年需办理申请80件,2023年需办理申请100件,同比增长30%。") == [
        ("change_mismatch", ["80件", "100件", "30%"])]
    assert checks("2022年受理申请80件,2023年办结申请100件,同比增长30%。") == []


def test_a_truncated_growth_rate_is_a_warning():
    analysis = analyze(document_from_text("2022年需办理申请66件,2023年需办理申请151件,同比增长128.78%。"))
    assert [(c.kind, c.severity) for c in analysis.checks] == [("change_mismatch", "warning")]
    assert "128.7879%" in analysis.checks[0].message


def test_a_stated_increase_must_be_new_minus_old():
    assert checks("全年受理申请807件,较2022年411件增加了396件,同比增长96.4%。") == []
    assert checks("全年受理申请807件,较上年的411件增加了386件,同比增长93.9%。") == [
        ("change_mismatch", ["807件", "411件", "386件"])]
    assert checks("全年受理申请300件,较上年400件减少了100件,同比下降25%。") == []
    assert checks("全年受理申请300件,较上年400件减少了100件,同比下降20%。") == [
        ("change_mismatch", ["400件", "300件", "20%"])]
