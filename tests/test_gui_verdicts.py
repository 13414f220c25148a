"""Verdicts on checks in the window (issue 11): 属实 / 误报 / 待核实 with a typed reason, F9 over
open checks only, and Enter / Del / F8 acting within the list that has the focus (defect 3)."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from tests.test_gui import SAMPLE, errors, make_window  # noqa: E402,F401
from ui import prompts  # noqa: E402
from ui.models import ItemRole  # noqa: E402
from ui.qt import Qt  # noqa: E402


@pytest.fixture
def window(make_window):  # noqa: F811
    window = make_window()
    window.import_paths([str(SAMPLE)])
    window.document_view.setFocus()
    window.document_view.jump_to(0)
    window.workspace.set_current("", "")
    return window


def _checks(window):
    return [(rc.review.uuid, rc.review.status, rc.review.reason) for rc in window.workspace.review.checks]


def test_a_verdict_button_records_the_typed_reason_and_undo_reopens_the_check(window, qtbot, errors):  # noqa: F811
    qtbot.keyClick(window, Qt.Key.Key_F9)
    kind, uuid = window.workspace.current
    assert kind == "check"
    window.inspector.verdict_reason.setText("分项另含跨年案件,合计无误")
    qtbot.mouseClick(window.inspector.verdict_buttons["rejected"], Qt.MouseButton.LeftButton)
    review = window.workspace.item_review("check", uuid)
    assert (review.status, review.reason) == ("rejected", "分项另含跨年案件,合计无误")
    model = window.inspector.checks_model
    row = model.row_for_uuid(uuid)
    assert model.index(row, model.columns.index("status")).data() == "误报"
    assert model.index(row, model.columns.index("reason")).data() == "分项另含跨年案件,合计无误"
    assert "误报" in window.inspector.item_label.text()
    window.act_undo.trigger()
    review = window.workspace.item_review("check", uuid)
    assert (review.status, review.reason) == ("unreviewed", "")
    assert model.index(model.row_for_uuid(uuid), model.columns.index("status")).data() == "未判定"
    assert not errors


def test_f9_goes_through_every_open_check_and_never_skips_one(window, qtbot, monkeypatch, errors):  # noqa: F811
    """Both checks of the sample start at the same figure: a verdict on the first must not make
    F9 jump over the second."""
    monkeypatch.setattr(prompts, "ask_text", lambda *a, **k: "已与起草单位核实")
    seen = []
    for _ in range(2):
        qtbot.keyClick(window, Qt.Key.Key_F9)
        kind, uuid = window.workspace.current
        assert kind == "check" and uuid not in seen
        seen.append(uuid)
        qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)  # 属实
    assert sorted(seen) == sorted(u for u, _s, _r in _checks(window))
    assert {(s, r) for _u, s, r in _checks(window)} == {("confirmed", "已与起草单位核实")}
    before = window.workspace.current
    qtbot.keyClick(window, Qt.Key.Key_F9)  # no open check left
    assert window.workspace.current == before
    assert not errors


def test_enter_in_the_figures_table_confirms_figures_only_and_moves_down_the_table(window, qtbot, errors):  # noqa: F811
    view = window.inspector.figures_view
    window.inspector.setCurrentIndex(0)
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, 0))
    first = window.workspace.current
    assert first[0] == "figure"
    sections_before = {rs.review.uuid: rs.review.status for rs in window.workspace.review.sections}
    qtbot.keyClick(view, Qt.Key.Key_Return)
    second = window.workspace.current
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert second[0] == "figure" and window.workspace.current[0] == "figure"
    assert window.workspace.item_review(*first).status == "confirmed"
    assert window.workspace.item_review(*second).status == "confirmed"
    assert {rs.review.uuid: rs.review.status for rs in window.workspace.review.sections} == sections_before
    # the table's next row, not the document's next item
    assert view.currentIndex().row() == 2
    assert view.currentIndex().data(ItemRole) == window.workspace.current[1]
    assert not errors


def test_del_in_the_checks_table_rejects_the_check_and_f8_stays_in_the_table(window, qtbot, errors):  # noqa: F811
    window.inspector.setCurrentIndex(1)
    view = window.inspector.checks_view
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, 0))
    first = window.workspace.current
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert window.workspace.item_review(*first).status == "rejected"
    assert window.workspace.current[0] == "check" and window.workspace.current != first
    qtbot.keyClick(view, Qt.Key.Key_F8)
    assert window.workspace.current[0] == "check"
    assert not errors


def test_a_verdict_shows_at_once_on_a_big_report_before_its_reload(window):
    """Big reports reload on a worker; the verdict is patched into the shown review meanwhile."""
    from ui.commands import VerdictCommand

    uuid = window.workspace.review.checks[0].review.uuid
    command = VerdictCommand(window.workspace, window.workspace.doc_uuid, uuid, "pending", " 待起草单位答复 ")
    assert command.patch(window.workspace)
    review = window.workspace.item_review("check", uuid)
    assert (review.status, review.reason) == ("pending", "待起草单位答复")
    assert command.unpatch(window.workspace)
    assert (review.status, review.reason) == ("unreviewed", "")


def test_f9_from_the_heading_of_a_checks_section_goes_to_that_check(window, qtbot, errors):  # noqa: F811
    """A check stands where its first figure stands, as the text shows it — not at the heading of
    a section it names, which put a check of section 一 at heading 一 itself (before it, as
    "check" sorts before "section"), so F9 from that heading skipped it until the wrap."""
    review = window.workspace.review
    starts = {rf.figure.id: rf.figure.start for rf in review.figures}
    first = min((rc for rc in review.checks if rc.check.sections),
                key=lambda rc: min(starts[f] for f in rc.check.figures))
    heading = min((rs for rs in review.sections if rs.section.id in first.check.sections),
                  key=lambda rs: rs.section.heading_start)
    ws = window.workspace
    assert ws.item_start("check", first.review.uuid) == min(starts[f] for f in first.check.figures)
    order = [(kind, uuid) for _, kind, uuid, _ in ws.ordered_items()]
    assert order.index(("section", heading.review.uuid)) < order.index(("check", first.review.uuid))
    ws.set_current("section", heading.review.uuid)
    qtbot.keyClick(window, Qt.Key.Key_F9)
    assert ws.current == ("check", first.review.uuid)


def test_the_selected_check_reads_whole_and_says_when_its_figures_were_corrected(window, qtbot, errors):  # noqa: F811
    qtbot.keyClick(window, Qt.Key.Key_F9)
    kind, uuid = window.workspace.current
    assert kind == "check"
    check = window.workspace.find_item("check", uuid)
    label = window.inspector.check_message
    assert label.isVisibleTo(window.inspector) and label.text() == check.check.message
    figure = next(rf for rf in window.workspace.review.figures if rf.figure.id == check.check.figures[0])
    assert window.correct_item("figure", figure.review.uuid, "value", 9999)
    window.workspace.set_current("check", uuid)
    assert "已更正" in label.text() and f"{figure.figure.text}→9999" in label.text()
    window.workspace.set_current("figure", figure.review.uuid)
    assert not label.isVisibleTo(window.inspector)
