"""Undo/redo against a plain-Python model (issue 11): random sequences of every undoable command
of the window, undo, redo and reopening the library.  After each step the store holds exactly
what the model holds — the same UUIDs, tags, comments, statuses, reasons and active history.

The model applies each command forward in plain Python and keeps, like ``QUndoStack``, the state
before and after every command, so undo must give back the state before and redo the state after.
Items and tags are drawn in the order they were made (never by their random UUIDs), so an
example replays the same way.

The same machine runs on a PostgreSQL team library (``PgUndoRedoMachine``), each example on a
fresh database copied from a template (``CREATE DATABASE … TEMPLATE``), with fewer examples there:
a server round trip per statement makes each step slower than on a file.
"""

from __future__ import annotations

import copy
import shutil
import tempfile
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from hypothesis import HealthCheck, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule  # noqa: E402

from reviewer.library.store import Library  # noqa: E402
from tests.test_store_support import SMALL_TEXT, make_analysis  # noqa: E402
from ui import commands  # noqa: E402
from ui.qt import QApplication  # noqa: E402
from ui.workers import SyncPool  # noqa: E402
from ui.workspace import Workspace  # noqa: E402

_TEMPLATE: dict[str, Path] = {}
BODIES = st.sampled_from(["请核实", "数字有误", "表述不规范", "已联系起草单位"])
STATUSES = st.sampled_from(["confirmed", "rejected", "pending", "unreviewed"])


def _template() -> tuple[Path, str]:
    """One imported library copied for every example (importing each time would be slow)."""
    if "path" not in _TEMPLATE:
        folder = Path(tempfile.mkdtemp(prefix="undo-machine-"))
        with Library(folder / "template.db", reviewer="甲") as lib:
            _TEMPLATE["doc"] = lib.import_analysis(make_analysis(SMALL_TEXT)).doc_uuid
        _TEMPLATE["path"] = folder / "template.db"
    return _TEMPLATE["path"], _TEMPLATE["doc"]


def store_state(lib: Library, doc: str) -> dict:
    """What the reviewer's work looks like in the store, as plain Python."""
    review = lib.load_review(doc)
    items = {}
    figures = [rf for rf in review.figures if rf.figure.id <= 3 or rf.review.user_added]
    sections = [rs for rs in review.sections if rs.review.user_added]
    for kind, entries in (("figure", figures), ("section", sections), ("check", review.checks),
                          ("annotation", review.annotations)):
        for entry in entries:
            r = entry.review
            value = entry.figure.value if kind == "figure" else None
            note = entry.note if kind == "annotation" else None
            items[r.uuid] = {"type": kind, "status": r.status, "reason": r.reason, "value": value, "note": note,
                             "tags": sorted(t.uuid for t in r.tags),
                             "comments": {c.uuid: c.body for c in r.comments}}
    active = sorted(e.id for e in lib.history(doc_uuid=doc) if not e.undone and e.action not in ("undo", "redo"))
    return {"items": items, "tags": {t.uuid: t.name for t in lib.tags()}, "history": active}


class UndoRedoMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        QApplication.instance() or QApplication([])
        self.folder = Path(tempfile.mkdtemp(prefix="undo-example-"))
        self.path = self._fresh_library()
        self.errors: list[str] = []
        self.workspace = Workspace(reviewer="甲", pool=SyncPool())
        self.workspace.error.connect(self.errors.append)
        self._open()
        self.model = store_state(self.workspace.library, self.doc)
        self.steps: list[tuple[dict, dict]] = []  # (before, after) per command on the stack
        self.index = 0
        self.serial = 0

    def _fresh_library(self) -> Path | str:
        """A copy of the template library with its one imported report, for this example."""
        template, self.doc = _template()
        path = self.folder / "library.db"
        shutil.copy(template, path)
        return path

    def _open(self) -> None:
        self.workspace.open_library(self.path)
        self.workspace.open_document(self.doc)

    def teardown(self) -> None:
        self.workspace.close_library()
        self.workspace.deleteLater()
        shutil.rmtree(self.folder, ignore_errors=True)

    # ------------------------------------------------------------------ the model's bookkeeping
    def _run(self, command, change) -> None:
        """Run one command on the window's stack and apply ``change`` to the model."""
        before = copy.deepcopy(self.model)
        assert self.workspace.run(command), self.errors
        change(command)
        self._pushed(before)

    def _pushed(self, before: dict) -> None:
        self.model["history"] = store_state(self.workspace.library, self.doc)["history"]  # ids are the store's
        del self.steps[self.index:]
        self.steps.append((before, copy.deepcopy(self.model)))
        self.index += 1

    def _items(self, kind: str) -> list[str]:
        return [u for u, item in self.model["items"].items() if item["type"] == kind]

    def _any_items(self) -> list[tuple[str, str]]:
        return [(item["type"], u) for u, item in self.model["items"].items() if item["type"] != "check"]

    def _new_annotation(self, uuid: str, note: str, tags: list[str]) -> None:
        self.model["items"][uuid] = {"type": "annotation", "status": "unreviewed", "reason": "", "value": None,
                                     "note": note, "tags": sorted(tags), "comments": {}}

    # ------------------------------------------------------------------ rules: every undoable command
    @rule(data=st.data(), note=st.sampled_from(["", "批注一", "批注二"]))
    def annotate(self, data, note) -> None:
        start = data.draw(st.integers(0, 200))
        command = commands.AddAnnotationCommand(self.workspace, self.doc, start, start + 4, note)
        self._run(command, lambda c: self._new_annotation(c.item_uuid, note, []))

    @rule(data=st.data())
    def tag_selection(self, data) -> None:
        """The window's "tag selection": annotation + tag as one macro (one undo step)."""
        start = data.draw(st.integers(0, 200))
        tag = data.draw(st.sampled_from(list(self.model["tags"])))
        before = copy.deepcopy(self.model)
        stack = self.workspace.undo_stack
        stack.beginMacro("tag selection")
        annotate = commands.AddAnnotationCommand(self.workspace, self.doc, start, start + 3)
        assert self.workspace.run(annotate)
        assert self.workspace.run(commands.TagCommand(self.workspace, self.doc, "annotation", annotate.item_uuid,
                                                      tag))
        stack.endMacro()
        self._new_annotation(annotate.item_uuid, "", [tag])
        self._pushed(before)

    @precondition(lambda self: self._any_items())
    @rule(data=st.data())
    def tag(self, data) -> None:
        kind, uuid = data.draw(st.sampled_from(self._any_items()))
        tag = data.draw(st.sampled_from(list(self.model["tags"])))
        item = self.model["items"][uuid]
        add = tag not in item["tags"]

        def change(_c) -> None:
            item["tags"] = sorted(set(item["tags"]) | {tag}) if add else [t for t in item["tags"] if t != tag]
        self._run(commands.TagCommand(self.workspace, self.doc, kind, uuid, tag, add=add), change)

    @precondition(lambda self: self._any_items())
    @rule(data=st.data(), body=BODIES)
    def comment(self, data, body) -> None:
        kind, uuid = data.draw(st.sampled_from(self._any_items()))
        command = commands.AddCommentCommand(self.workspace, self.doc, kind, uuid, body)
        self._run(command, lambda c: self.model["items"][uuid]["comments"].__setitem__(c.comment_uuid, body))

    def _comments(self) -> list[tuple[str, str, str]]:
        return [(item["type"], u, c) for u, item in self.model["items"].items() for c in item["comments"]]

    @precondition(lambda self: self._comments())
    @rule(data=st.data(), body=BODIES)
    def edit_comment(self, data, body) -> None:
        kind, uuid, comment = data.draw(st.sampled_from(self._comments()))
        command = commands.EditCommentCommand(self.workspace, self.doc, kind, uuid, comment, body + "(改)")
        self._run(command, lambda c: self.model["items"][uuid]["comments"].__setitem__(comment, body + "(改)"))

    @precondition(lambda self: self._comments())
    @rule(data=st.data())
    def delete_comment(self, data) -> None:
        kind, uuid, comment = data.draw(st.sampled_from(self._comments()))
        command = commands.DeleteCommentCommand(self.workspace, self.doc, kind, uuid, comment)
        self._run(command, lambda c: self.model["items"][uuid]["comments"].pop(comment))

    @precondition(lambda self: self._any_items())
    @rule(data=st.data(), status=STATUSES)
    def set_status(self, data, status) -> None:
        kind, uuid = data.draw(st.sampled_from(self._any_items()))
        command = commands.StatusCommand(self.workspace, self.doc, kind, uuid, status)
        self._run(command, lambda c: self.model["items"][uuid].__setitem__("status", status))

    @rule(data=st.data(), value=st.integers(1, 9999))
    def correct_figure(self, data, value) -> None:
        uuid = data.draw(st.sampled_from(self._items("figure")))
        item = self.model["items"][uuid]

        def change(_c) -> None:
            item["value"] = value
            if item["status"] != "rejected":
                item["status"] = "corrected"
        self._run(commands.CorrectCommand(self.workspace, self.doc, "figure", uuid, "value", value), change)

    @rule(data=st.data(), verdict=STATUSES, reason=st.sampled_from(["", "合计口径不同", "确有错误"]))
    def verdict(self, data, verdict, reason) -> None:
        uuid = data.draw(st.sampled_from(self._items("check")))
        item = self.model["items"][uuid]

        def change(_c) -> None:
            item["status"], item["reason"] = verdict, reason
        self._run(commands.VerdictCommand(self.workspace, self.doc, uuid, verdict, reason), change)

    @rule(data=st.data(), value=st.integers(1, 999))
    def add_figure(self, data, value) -> None:
        start = data.draw(st.integers(0, 200))
        command = commands.AddFigureCommand(self.workspace, self.doc, start, start + 3, value, "件", "count", "补充")

        def change(c) -> None:
            self.model["items"][c.item_uuid] = {"type": "figure", "status": "confirmed", "reason": "",
                                                "value": value, "note": None, "tags": [], "comments": {}}
        self._run(command, change)

    @rule(data=st.data(), level=st.integers(1, 3))
    def add_section(self, data, level) -> None:
        start = data.draw(st.integers(0, 200))
        command = commands.AddSectionCommand(self.workspace, self.doc, level, "", "补充标题", start, start + 4)

        def change(c) -> None:
            self.model["items"][c.item_uuid] = {"type": "section", "status": "confirmed", "reason": "",
                                                "value": None, "note": None, "tags": [], "comments": {}}
        self._run(command, change)

    @rule(data=st.data(), name=st.sampled_from(["改名甲", "改名乙", "改名丙"]))
    def rename_tag(self, data, name) -> None:
        tag = data.draw(st.sampled_from(list(self.model["tags"])))
        if name in self.model["tags"].values():
            return
        command = commands.UpdateTagCommand(self.workspace, tag, name=name)
        self._run(command, lambda c: self.model["tags"].__setitem__(tag, name))

    @rule(name=st.sampled_from(["新标签甲", "新标签乙"]))
    def create_tag(self, name) -> None:
        if name in self.model["tags"].values():
            return
        command = commands.CreateTagCommand(self.workspace, name, "#336699", None)
        self._run(command, lambda c: self.model["tags"].__setitem__(c.tag_uuid, name))

    # ------------------------------------------------------------------ undo, redo, reopen
    @precondition(lambda self: self.index > 0)
    @rule()
    def undo(self) -> None:
        self.workspace.undo_stack.undo()
        self.index -= 1
        self.model = copy.deepcopy(self.steps[self.index][0])

    @precondition(lambda self: self.index < len(self.steps))
    @rule()
    def redo(self) -> None:
        self.workspace.undo_stack.redo()
        self.model = copy.deepcopy(self.steps[self.index][1])
        self.index += 1

    @rule()
    def reopen(self) -> None:
        """Close the library and open it again: the work is there, the undo stack starts afresh."""
        self.workspace.close_library()
        self._open()
        self.steps, self.index = [], 0

    @invariant()
    def store_equals_model(self) -> None:
        assert not self.errors
        assert store_state(self.workspace.library, self.doc) == self.model
        shown = self.workspace.review
        assert shown is not None and {a.uuid for a in shown.annotations} == set(self._items("annotation"))


UndoRedoMachine.TestCase.settings = settings(max_examples=80, stateful_step_count=20, deadline=None, derandomize=True,
                                             suppress_health_check=list(HealthCheck))
test_undo_redo_against_a_model = UndoRedoMachine.TestCase


class PgUndoRedoMachine(UndoRedoMachine):
    """The same machine on a team library: the reviewer is the login role ``alice``."""

    cluster = None  # set by the test from the session's throw-away cluster
    _template_db: dict[str, str] = {}

    def _fresh_library(self) -> str:
        from tests.conftest import TEAM_PASSWORDS

        cluster = self.cluster
        if "name" not in self._template_db:
            from reviewer.library.team_admin import init_team

            name = cluster.new_database()
            init_team(cluster.url(name), reviewers={"alice": TEAM_PASSWORDS["alice"]})
            with Library(cluster.url(name, "alice", TEAM_PASSWORDS["alice"])) as lib:
                self._template_db["doc"] = lib.import_analysis(make_analysis(SMALL_TEXT)).doc_uuid
            self._template_db["name"] = name
        self.doc = self._template_db["doc"]
        copy = cluster.new_database()
        cluster.admin_sql(f'DROP DATABASE "{copy}"')
        cluster.admin_sql(f'CREATE DATABASE "{copy}" TEMPLATE "{self._template_db["name"]}"')
        return cluster.url(copy, "alice", TEAM_PASSWORDS["alice"])


def test_undo_redo_against_a_model_on_a_team_library(pg_cluster):
    from hypothesis.stateful import run_state_machine_as_test

    PgUndoRedoMachine.cluster = pg_cluster
    run_state_machine_as_test(PgUndoRedoMachine, settings=settings(
        max_examples=12, stateful_step_count=15, deadline=None, derandomize=True,
        suppress_health_check=list(HealthCheck)))
