"""The window on a team library (issue 15): a colleague's change shows without reload, and an
edit over it is refused with 已被 … 修改 and the colleague's value shown."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from reviewer.library.store import Library  # noqa: E402
from tests.conftest import team_url  # noqa: E402
from tests.test_gui import errors, make_window  # noqa: E402,F401
from tests.test_store_support import SMALL_TEXT, make_analysis  # noqa: E402


def test_the_window_follows_a_colleague_and_refuses_an_edit_over_his_change(team_db, make_window, errors, qtbot):  # noqa: F811
    from ui.commands import CorrectCommand

    with Library(team_url(team_db, "王律师")) as wang:
        doc = wang.import_analysis(make_analysis(SMALL_TEXT)).doc_uuid
        figure = wang.load_review(doc).figures[0].review.uuid
        window = make_window(team_url(team_db, "alice"))
        workspace = window.workspace
        assert workspace.library.reviewer == "alice"
        workspace.open_document(doc)
        wang.correct("figure", figure, "value", 4242)
        qtbot.waitUntil(lambda: workspace.review.figures[0].figure.value == 4242, timeout=1500)  # live
        workspace._watch_timer.stop()  # from here the window does not hear of his next change
        wang.correct("figure", figure, "value", 5151)
        assert not workspace.run(CorrectCommand(workspace, doc, "figure", figure, "value", 1))
        assert errors and errors[-1].startswith("已被 王律师 于 ")
        assert workspace.review.figures[0].figure.value == 5151  # reloaded: his value, not lost
        assert workspace.run(CorrectCommand(workspace, doc, "figure", figure, "value", 2))
        assert workspace.review.figures[0].figure.value == 2
