"""The library's reports as a table: title, issuer, year, review progress, open checks."""

from __future__ import annotations

from reviewer.library.review import DocumentSummary
from reviewer.messages import render
from ui import i18n
from ui.models import AttentionRole, ItemRole, ItemTypeRole, ObjectRole, SortRole
from ui.models.columns import ColumnTableModel
from ui.qt import QBrush, QColor, QCoreApplication, QModelIndex, Qt


class LibraryModel(ColumnTableModel):
    columns = ("title", "file", "issuer", "year", "progress", "checks", "imported")

    def set_documents(self, documents: list[DocumentSummary]) -> None:
        if [d.doc_uuid for d in documents] == [d.doc_uuid for d in self.rows] and documents:
            self.rows = documents
            self.dataChanged.emit(self.index(0, 0), self.index(len(documents) - 1, len(self.columns) - 1))
            return
        self.beginResetModel()
        self.rows = list(documents)
        self.endResetModel()

    def row_for_uuid(self, doc_uuid: str) -> int:
        return next((i for i, d in enumerate(self.rows) if d.doc_uuid == doc_uuid), -1)

    def header(self, key: str) -> str:
        return {
            "title": QCoreApplication.translate("LibraryModel", "Report"),
            "file": QCoreApplication.translate("LibraryModel", "File"),
            "issuer": QCoreApplication.translate("LibraryModel", "Issuer"),
            "year": QCoreApplication.translate("LibraryModel", "Year"),
            "progress": QCoreApplication.translate("LibraryModel", "Reviewed"),
            "checks": QCoreApplication.translate("LibraryModel", "Open checks"),
            "imported": QCoreApplication.translate("LibraryModel", "Imported"),
        }[key]

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        doc = self.rows[index.row()]
        key = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "title":
                return doc.display_name  # the core's one naming rule
            if key == "file":
                return doc.file_name
            if key == "issuer":
                return doc.issuer or ""
            if key == "year":
                return str(doc.report_year) if doc.report_year else ""
            if key == "progress":
                return f"{doc.reviewed_share:.0%}  ({doc.items_reviewed}/{doc.items_total})"
            if key == "checks":  # as the status bar and the Checks tab count: advisories included
                return str(doc.open_checks + doc.open_advisories)
            if key == "imported":
                return doc.imported_at.replace("T", " ")[:16]
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "checks" and doc.open_advisories:
                return render("ui_checks_tab_tip", i18n.core_language(),
                              count=doc.open_checks + doc.open_advisories, advisories=doc.open_advisories)
            return doc.path
        if role == Qt.ItemDataRole.ForegroundRole and key == "title" and not doc.title:
            return QBrush(QColor("#8a8f98"))
        if role == Qt.ItemDataRole.ForegroundRole and key == "checks" and doc.open_checks + doc.open_advisories:
            return QBrush(QColor("#b3261e"))
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("year", "progress", "checks"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == SortRole:
            return {"title": doc.display_name, "file": doc.file_name, "issuer": doc.issuer or "",
                    "year": doc.report_year or 0, "progress": doc.reviewed_share,
                    "checks": doc.open_checks + doc.open_advisories, "imported": doc.imported_at}[key]
        if role == ItemRole:
            return doc.doc_uuid
        if role == ItemTypeRole:
            return "document"
        if role == AttentionRole:
            return doc.open_checks + doc.open_advisories > 0 or doc.items_reviewed < doc.items_total
        if role == ObjectRole:
            return doc
        return None
