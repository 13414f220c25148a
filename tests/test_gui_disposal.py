"""``ui.disposal``: what a view lets go of is freed in slices in later turns of the event loop,
never all in the turn that replaced it, and nothing anyone else still reads is changed."""

from __future__ import annotations

import gc
import weakref

import pytest

pytest.importorskip("PySide6")

from ui import disposal  # noqa: E402


class Item:
    """A weakly referenceable stand-in for a row."""

    def __init__(self, n: int) -> None:
        self.n = n


def alive(refs) -> int:
    return sum(r() is not None for r in refs)


def test_a_big_list_is_freed_over_several_turns_and_not_changed(qtbot):
    items = [Item(n) for n in range(3 * disposal.SLICE)]
    refs = [weakref.ref(i) for i in items]
    disposal.dispose(items)
    assert len(items) == 3 * disposal.SLICE, "the list given is left as it was"
    del items
    gc.collect()
    assert alive(refs) == 3 * disposal.SLICE, "nothing is freed in the turn that let go of it"
    disposal._free_slice()
    assert alive(refs) == 2 * disposal.SLICE, "one slice per turn"
    qtbot.waitUntil(lambda: disposal.pending() == 0, timeout=5000)
    assert alive(refs) == 0


def test_what_someone_else_holds_survives(qtbot):
    items = [Item(n) for n in range(disposal.SMALL * 2)]
    kept = items[::2]
    disposal.dispose(items)
    del items
    qtbot.waitUntil(lambda: disposal.pending() == 0, timeout=5000)
    assert [i.n for i in kept] == list(range(0, disposal.SMALL * 2, 2))


def test_the_big_fields_of_an_object_are_taken_small_ones_left(qtbot):
    from dataclasses import dataclass, field

    @dataclass
    class Holder:
        rows: list = field(default_factory=list)
        index: dict = field(default_factory=dict)
        few: list = field(default_factory=list)

    rows = [Item(n) for n in range(disposal.SMALL)]
    holder = Holder(rows=rows, index={n: Item(n) for n in range(disposal.SMALL)}, few=[Item(0)])
    before = disposal.pending()
    disposal.dispose(holder, None, "text")
    assert disposal.pending() - before == 2 * disposal.SMALL
    disposal.drain()
    assert len(holder.rows) == disposal.SMALL and len(holder.index) == disposal.SMALL


def test_replacing_a_tables_rows_frees_the_old_ones_later(qtbot):
    """The figures table of a 5 MB report let go of 70,000 rows in one turn (75 ms measured)."""
    from ui.models.tables import FiguresModel

    class Review:
        def __init__(self, uuid: str) -> None:
            self.uuid, self.status, self.tags = uuid, "unreviewed", []

    class Row:
        def __init__(self, n: int) -> None:
            self.review = Review(f"u{n}")

    model = FiguresModel()
    model.set_rows([Row(n) for n in range(disposal.SLICE * 2)])
    refs = [weakref.ref(r) for r in model.rows]
    model.set_rows([Row(n) for n in range(10)])
    gc.collect()
    assert alive(refs) == len(refs), "freed in the same turn"
    qtbot.waitUntil(lambda: alive(refs) == 0, timeout=5000)
