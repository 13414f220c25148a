"""Carrying a reviewer's work across a re-analysis of a changed report.

When a report at a known path comes back with different text, the new analysis' items are
matched to the old ones so each keeps its uuid, and with it the corrections, tags, comments and
status a reviewer gave it.  What cannot be matched but carries review work is kept, marked
orphaned, never dropped.
"""

from __future__ import annotations

from reviewer.library.anchoring import Placement, PositionMap, make_anchor, place

# Where an item's words are (for carrying it across a re-analysis) and what must agree for two
# items to be the same one.
SPAN = {"sections": ("heading_start", "heading_end"), "figures": ("start", "end"),
         "citations": ("start", "end")}
KEYS = {"sections": ("level", "number", "title"), "figures": ("kind", "text"), "citations": ("kind", "text"),
         "checks": ("kind", "message", "advisory")}
NEAR = 200  # characters: how far from its expected place an item with the same words may be
KIND = {"sections": "level", "figures": "kind", "citations": "kind"}
_REVIEW_FIELDS = ("status", "user_added", "reviewer", "changed_at")


def carry_items(table: str, old_rows: list[dict], new_rows: list[dict], old_text: str, new_text: str,
                mapping: PositionMap, reviewed: set[str],
                sections: list[dict] | None = None) -> tuple[list[dict], int, int]:
    """Match the new analysis' items to the old ones so each keeps its uuid (and with it the
    reviewer's corrections, tags and comments): first by what they say (nearest to where the old
    one should now be), then by re-anchoring the old item's words and taking the new item of the
    same kind over them.  Old items with a reviewer's work that match nothing are kept, marked
    orphaned; user-added items are re-anchored.  Returns (rows to store, kept, orphaned)."""
    span = SPAN.get(table)
    keys = KEYS[table]
    by_key: dict[tuple, list[dict]] = {}
    for row in new_rows:
        by_key.setdefault(tuple(row[k] for k in keys), []).append(row)
    taken: set[int] = set()
    kept = orphaned = 0
    extra: list[dict] = []  # user-added and orphaned rows kept beside the new analysis
    unmatched: list[dict] = []

    def adopt(match: dict, old: dict) -> None:
        taken.add(id(match))
        match["uuid"] = old["uuid"]
        for name in _REVIEW_FIELDS:
            match[name] = old[name]

    for old in old_rows:
        if old["deleted"]:
            continue
        if old["user_added"] and span:
            # The reviewer's own item: re-anchor its words rather than look for a match.
            start, end = old[span[0]], old[span[1]]
            placed = (Placement(None, None, "orphan") if old["orphaned"]
                      else place(make_anchor(old_text, start, end), new_text, mapping(start)))
            row = dict(old)
            if placed.state == "orphan":
                row["orphaned"] = 1
                orphaned += 1
            else:
                shift = placed.start - start
                for name in ("start", "end", "heading_start", "heading_end", "label_start", "label_end"):
                    if row.get(name) is not None:
                        row[name] = min(max(row[name] + shift, 0), len(new_text))
                row[span[0]], row[span[1]] = placed.start, placed.end
                kept += 1
            extra.append(row)
            continue
        candidates = [r for r in by_key.get(tuple(old[k] for k in keys), []) if id(r) not in taken]
        if span and old[span[0]] is not None:
            # The same words far from where the item should be are more likely other words
            # that read alike; re-anchoring (below) finds a paragraph that really moved.
            expected = mapping(old[span[0]])
            candidates = [r for r in candidates if abs((r[span[0]] or 0) - expected) <= NEAR]
        if not candidates:
            unmatched.append(old)
        elif span and old[span[0]] is not None:
            adopt(min(candidates, key=lambda r: abs((r[span[0]] or 0) - expected)), old)
            kept += 1
        else:
            adopt(candidates[0], old)
            kept += 1
    kind = KIND.get(table)
    for old in unmatched:
        match = None
        if span and kind and old[span[0]] is not None and not old["orphaned"]:
            placed = place(make_anchor(old_text, old[span[0]], old[span[1]]), new_text, mapping(old[span[0]]))
            if placed.state != "orphan":
                overlapping = [r for r in new_rows if id(r) not in taken and r[kind] == old[kind]
                               and min(r[span[1]], placed.end) > max(r[span[0]], placed.start)]
                if overlapping:
                    match = max(overlapping, key=lambda r: min(r[span[1]], placed.end) - max(r[span[0]], placed.start))
        if match is not None:
            adopt(match, old)
            kept += 1
        elif old["uuid"] in reviewed:
            extra.append(dict(old, orphaned=1))
            orphaned += 1
    # Kept rows get local ids after the new analysis' ones, so ids stay unique within the report.
    next_id = max((r["local_id"] for r in new_rows), default=0) + 1
    next_ordinal = max((r["ordinal"] for r in new_rows), default=-1) + 1
    for offset, row in enumerate(extra):
        row["local_id"], row["ordinal"] = next_id + offset, next_ordinal + offset
        if "parent_id" in row:
            row["parent_id"] = _parent_for(row, new_rows)
        if "section_id" in row:
            row["section_id"] = _section_for(row["start"], sections or [])
    return list(new_rows) + extra, kept, orphaned


def _section_for(position: int | None, sections: list[dict]) -> int | None:
    """The innermost live section holding ``position``."""
    if position is None:
        return None
    holding = [s for s in sections if not s["orphaned"] and not s["deleted"] and s["start"] is not None
               and s["start"] <= position < (s["end"] or 0)]
    return max(holding, key=lambda s: s["level"])["local_id"] if holding else None


def _parent_for(row: dict, sections: list[dict]) -> int | None:
    """The nearest earlier section of a higher level: the parent of a user-added heading."""
    parent = None
    for s in sorted(sections, key=lambda s: s["heading_start"] or 0):
        if row["heading_start"] is not None and (s["heading_start"] or 0) < row["heading_start"] \
                and s["level"] < row["level"]:
            parent = s["local_id"]
    return parent


def counterpart(table: str, row: dict, candidates: list[dict], old_text: str, new_text: str,
                mapping: PositionMap, taken: set[str]) -> dict | None:
    """The item among ``candidates`` (analysed over ``new_text``) that is ``row`` (analysed over
    ``old_text``): the same words nearest to where ``row`` should now be, else the item of the
    same kind over ``row``'s re-anchored words.  ``taken`` holds uuids already matched."""
    span, keys, kind = SPAN.get(table), KEYS[table], KIND.get(table)
    free = [c for c in candidates if c["uuid"] not in taken and not c["user_added"]]
    same = [c for c in free if all(c[k] == row[k] for k in keys)]
    if same and (not span or row[span[0]] is None):
        return same[0]
    if same:
        expected = mapping(row[span[0]])
        near = [c for c in same if abs((c[span[0]] or 0) - expected) <= NEAR]
        if near:
            return min(near, key=lambda c: abs((c[span[0]] or 0) - expected))
    if not span or not kind or row[span[0]] is None:
        return None
    placed = place(make_anchor(old_text, row[span[0]], row[span[1]]), new_text, mapping(row[span[0]]))
    if placed.state == "orphan":
        return None
    overlapping = [c for c in free if c[kind] == row[kind] and c[span[0]] is not None
                   and min(c[span[1]], placed.end) > max(c[span[0]], placed.start)]
    if not overlapping:
        return None
    return max(overlapping, key=lambda c: min(c[span[1]], placed.end) - max(c[span[0]], placed.start))


def moved(table: str, row: dict, old_text: str, new_text: str, mapping: PositionMap) -> dict:
    """``row`` (a reviewer's own item) with its positions carried into ``new_text``, or marked
    orphaned where its words are gone."""
    span = SPAN.get(table)
    row = dict(row)
    if not span or row[span[0]] is None or row["orphaned"]:
        return dict(row, orphaned=1)
    start, end = row[span[0]], row[span[1]]
    placed = place(make_anchor(old_text, start, end), new_text, mapping(start))
    if placed.state == "orphan":
        return dict(row, orphaned=1)
    shift = placed.start - start
    for name in ("start", "end", "heading_start", "heading_end", "label_start", "label_end"):
        if row.get(name) is not None:
            row[name] = min(max(row[name] + shift, 0), len(new_text))
    row[span[0]], row[span[1]] = placed.start, placed.end
    return row
