"""The outline tree: a QAbstractItemModel over the report's sections.

As Anki's sidebar model does, each node caches its row in its parent, so ``parent()`` is O(1)
even for reports with thousands of headings.
"""

from __future__ import annotations

import weakref
from bisect import bisect_right

from reviewer.library.review import DocumentReview, ReviewedSection
from ui import disposal, icons, labels
from ui.models import AttentionRole, ItemRole, ItemTypeRole, ObjectRole, SortRole, StartRole, StatusRole
from ui.qt import QAbstractItemModel, QBrush, QColor, QCoreApplication, QFont, QModelIndex, Qt

LOW_CONFIDENCE = 0.6
_NO_FLAGS = Qt.ItemFlag.NoItemFlags
_SELECTABLE = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_EDITABLE = _SELECTABLE | Qt.ItemFlag.ItemIsEditable


class Node:
    """One heading; its parent is held weakly, so a replaced tree has no reference cycles and
    is freed at once (big trees are frozen out of the garbage collector, see ``ui.workers``)."""

    __slots__ = ("__weakref__", "_parent", "children", "item", "row")

    def __init__(self, item: ReviewedSection | None, parent: Node | None, row: int) -> None:
        self.item = item
        self._parent = weakref.ref(parent) if parent is not None else None
        self.row = row
        self.children: list[Node] = []

    @property
    def parent(self) -> Node | None:
        return self._parent() if self._parent is not None else None


class OutlineTree:
    """The nested nodes of an outline, built without Qt (a worker can build it)."""

    __slots__ = ("by_uuid", "flat", "ordered", "root", "sections", "starts")

    def __init__(self, sections: list[ReviewedSection]) -> None:
        self.sections = sections
        self.root = Node(None, None, 0)
        self.by_uuid: dict[str, Node] = {}
        # Nest by level in reading order, so a promoted or demoted heading moves at once
        # (the stored parent ids are the analysis's, before any correction).
        ordered = sorted(sections, key=lambda rs: (rs.section.heading_start, rs.section.level))
        stack: list[Node] = []
        for rs in ordered:
            level = rs.section.level
            while stack and stack[-1].item.section.level >= level:
                stack.pop()
            parent = stack[-1] if stack else self.root
            node = Node(rs, parent, len(parent.children))
            parent.children.append(node)
            self.by_uuid[rs.review.uuid] = node
            stack.append(node)
        self.ordered = [self.by_uuid[rs.review.uuid] for rs in sections]
        self.flat = [self.by_uuid[rs.review.uuid] for rs in ordered]
        self.starts = [n.item.section.heading_start for n in self.flat]


def build_outline_tree(sections: list[ReviewedSection]) -> OutlineTree:
    return OutlineTree(sections)


class OutlineModel(QAbstractItemModel):
    COLUMNS = 2  # heading (with its status icon), tags

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._text = ""
        self._root = Node(None, None, 0)
        self._by_uuid: dict[str, Node] = {}
        self._starts: list[int] = []
        self._ordered: list[Node] = []
        self._flat: list[Node] = []

    # -- building
    def set_review(self, review: DocumentReview | None, tree: OutlineTree | None = None) -> None:
        """Replace the sections; rows are updated in place when the tree's shape is unchanged (so
        expansion and selection survive a correction).  ``tree`` may come prepared by a worker."""
        sections = review.sections if review else []
        self._text = review.document.text if review else ""
        if self._same_shape(sections):
            for rs in sections:
                self._by_uuid[rs.review.uuid].item = rs
            self._emit_all_changed(self._root)
            return
        tree = tree if tree is not None and tree.sections is sections else build_outline_tree(sections)
        disposal.dispose(self._by_uuid, self._ordered, self._flat, self._starts)  # in slices, later
        self.beginResetModel()
        self._root, self._by_uuid, self._ordered = tree.root, tree.by_uuid, tree.ordered
        self._flat, self._starts = tree.flat, tree.starts
        self.endResetModel()

    def _same_shape(self, sections: list[ReviewedSection]) -> bool:
        if len(sections) != len(self._ordered) or not sections:
            return False
        for rs, node in zip(sections, self._ordered):
            old = node.item
            if rs.review.uuid != old.review.uuid or rs.section.level != old.section.level:
                return False
        return True

    def refresh_item(self, uuid: str) -> None:
        node = self._by_uuid.get(uuid)
        if node is not None:
            self.dataChanged.emit(self.createIndex(node.row, 0, node),
                                  self.createIndex(node.row, self.COLUMNS - 1, node))

    def top_level_count(self) -> int:
        return len(self._root.children)

    def _emit_all_changed(self, node: Node) -> None:
        if node.children:
            first = self.createIndex(0, 0, node.children[0])
            last = self.createIndex(len(node.children) - 1, self.COLUMNS - 1, node.children[-1])
            self.dataChanged.emit(first, last)
            for child in node.children:
                self._emit_all_changed(child)

    def heading_text(self, rs: ReviewedSection) -> str:
        """The heading as the report writes it ("(二)严格规范公正文明执法"), or number and title
        once the reviewer corrected them."""
        sec = rs.section
        written = self._text[sec.heading_start:sec.heading_end].strip()
        if written and not ({"title", "number"} & set(rs.review.original)) and written.endswith(sec.title) \
                and len(written) - len(sec.title) <= 8:
            return written
        return f"{sec.number} {sec.title}".strip() if sec.number else sec.title

    # -- lookups for views
    def index_for_uuid(self, uuid: str, column: int = 0) -> QModelIndex:
        node = self._by_uuid.get(uuid)
        if node is None:
            return QModelIndex()
        return self.createIndex(node.row, column, node)

    def section_at(self, position: int) -> ReviewedSection | None:
        """The innermost section whose heading starts at or before ``position`` (code points)."""
        i = bisect_right(self._starts, position) - 1
        return self._flat[i].item if i >= 0 else None

    def sections(self) -> list[ReviewedSection]:
        return [n.item for n in self._flat]

    # -- QAbstractItemModel
    def index(self, row: int, column: int, parent: QModelIndex = QModelIndex()) -> QModelIndex:
        node = parent.internalPointer() if parent.isValid() else self._root
        if 0 <= row < len(node.children) and 0 <= column < self.COLUMNS:
            return self.createIndex(row, column, node.children[row])
        return QModelIndex()

    def parent(self, index: QModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        node: Node = index.internalPointer()
        parent = node.parent
        if parent is None or parent is self._root:
            return QModelIndex()
        return self.createIndex(parent.row, 0, parent)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        if parent.isValid() and parent.column() != 0:
            return 0
        node = parent.internalPointer() if parent.isValid() else self._root
        return len(node.children)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return self.COLUMNS

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (QCoreApplication.translate("OutlineModel", "Heading"),
                    QCoreApplication.translate("OutlineModel", "Tags"))[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        rs: ReviewedSection = index.internalPointer().item
        sec, review = rs.section, rs.review
        column = index.column()
        low = sec.confidence < LOW_CONFIDENCE
        if role == Qt.ItemDataRole.EditRole:
            return sec.title if column == 0 else None
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                text = self.heading_text(rs)
                return f"{text} ?" if low else text
            return None
        if role == Qt.ItemDataRole.DecorationRole:
            if column == 0:
                return icons.status_icon(review.status)
            if column == 1 and review.tags:
                return icons.tag_dots(tuple(t.color for t in review.tags))
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [self.heading_text(rs), labels.status(review.status)]
            if low:
                lines.append(QCoreApplication.translate(
                    "OutlineModel", "Low confidence ({0:.0%}): please check this heading").format(sec.confidence))
            if review.tags:
                lines.append(", ".join(t.path or t.name for t in review.tags))
            return "\n".join(lines)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            if review.status == "rejected":
                font.setStrikeOut(True)
            if low:
                font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole:
            if review.status == "rejected":
                return QBrush(QColor("#8a8f98"))
            if low:
                return QBrush(QColor("#b26a00"))
            return None
        if role == ItemRole:
            return review.uuid
        if role == ItemTypeRole:
            return "section"
        if role == StatusRole:
            return review.status
        if role == StartRole:
            return sec.heading_start
        if role == SortRole:
            return sec.heading_start
        if role == AttentionRole:
            return review.status == "unreviewed" or low
        if role == ObjectRole:
            return rs
        return None

    def flags(self, index: QModelIndex):
        if not index.isValid():
            return _NO_FLAGS
        return _EDITABLE if index.column() == 0 else _SELECTABLE

    def setData(self, index: QModelIndex, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        """Renaming in place asks the editor callback (a QUndoCommand) to do the work."""
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() != 0:
            return False
        editor = getattr(self, "editor", None)
        rs: ReviewedSection = index.internalPointer().item
        new_title = str(value).strip()
        if sec_prefix := rs.section.number:
            if new_title.startswith(sec_prefix):
                new_title = new_title[len(sec_prefix):].strip()
        if not new_title or new_title == rs.section.title or editor is None:
            return False
        return bool(editor("section", rs.review.uuid, "title", new_title))
