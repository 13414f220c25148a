"""Searching a library: report text (either script), figure labels, comments, annotation notes.
"""

from __future__ import annotations

from dataclasses import dataclass

from reviewer.messages import ReviewerError


@dataclass
class SearchHit:
    doc_uuid: str
    item_type: str  # "document" (report text), "figure" (label), "comment", "annotation" (note)
    item_uuid: str
    snippet: str
    start: int | None = None  # span in the report text, for text hits
    end: int | None = None
    title: str | None = None  # the report's effective title
    path: str = ""


MAX_QUERY_CHARS = 1_000


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")




class SearchMixin:
    """Search across the library (part of ``store.Library``)."""

    def search(self, query: str, limit: int = 200) -> list[SearchHit]:
        """Find ``query`` in report texts (Simplified and Traditional alike), figure labels and
        comments, each hit with a short snippet."""
        from reviewer.load.script import to_simplified

        query = query.strip()
        if not query:
            return []
        if len(query) > MAX_QUERY_CHARS:  # SQLite refuses LIKE patterns past 50,000 characters
            raise ReviewerError("search_too_long", length=f"{len(query):,}", limit=f"{MAX_QUERY_CHARS:,}")
        hits: list[SearchHit] = []
        needle = to_simplified(query)
        titles = {d.doc_uuid: (d.title, d.path) for d in self.list_documents()}
        for r in self._rows("SELECT uuid, text, analysis_text FROM documents"
                            " WHERE instr(analysis_text, ?) > 0 OR instr(text, ?) > 0", (needle, query)):
            text, simplified = r["text"], r["analysis_text"]
            start = simplified.find(needle)
            key = simplified if start >= 0 else text
            if start < 0:
                start = text.find(query)
            while start >= 0 and len(hits) < limit:
                end = start + len(query)
                snippet = text[max(0, start - 20):end + 20].replace("\n", " ")
                title, path = titles.get(r["uuid"], (None, ""))
                hits.append(SearchHit(r["uuid"], "document", r["uuid"], snippet, start, end, title, path))
                start = key.find(needle if key is simplified else query, end)
            if len(hits) >= limit:
                return hits
        pattern = f"%{_like_escape(query)}%"
        for r in self._rows("SELECT uuid, doc_uuid, label, text, start, \"end\" FROM figures"
                            " WHERE deleted = 0 AND label LIKE ? ESCAPE '\\' LIMIT ?", (pattern, limit)):
            title, path = titles.get(r["doc_uuid"], (None, ""))
            hits.append(SearchHit(r["doc_uuid"], "figure", r["uuid"], f"{r['label']}: {r['text']}",
                                  r["start"], r["end"], title, path))
        for r in self._rows("SELECT uuid, doc_uuid, body FROM comments WHERE deleted = 0 AND body LIKE ?"
                            " ESCAPE '\\' LIMIT ?", (pattern, limit)):
            title, path = titles.get(r["doc_uuid"], (None, ""))
            hits.append(SearchHit(r["doc_uuid"], "comment", r["uuid"], r["body"][:80], None, None, title, path))
        for r in self._rows("SELECT uuid, doc_uuid, note, start, \"end\" FROM annotations WHERE deleted = 0"
                            " AND (note LIKE ? ESCAPE '\\' OR uuid IN (SELECT item_uuid FROM corrections WHERE item_type ="
                            " 'annotation' AND undone = 0 AND new_value LIKE ? ESCAPE '\\')) LIMIT ?",
                            (pattern, pattern, limit)):
            title, path = titles.get(r["doc_uuid"], (None, ""))
            hits.append(SearchHit(r["doc_uuid"], "annotation", r["uuid"], r["note"][:80], r["start"], r["end"],
                                  title, path))
        return hits[:limit]
