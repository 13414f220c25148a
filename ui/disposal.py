"""Freeing what a view let go of a slice at a time, in later turns of the event loop.

A 5 MB report's preview is replaced twice while it streams in (outline, figures, then the
stored review).  Dropping the last reference to 70,000 figure rows frees 200,000 Python
objects in one go: 30–75 ms of the GUI thread, measured, and with the work around it that was
the event loop's longest stall.  ``dispose`` keeps the objects alive in a queue of its own and
drops them a few thousand at a time, each slice in its own turn of the event loop.

It never changes what it is given: it copies the references of the big lists and dicts (a copy
of 70,000 references takes well under a millisecond), so whoever still reads the original sees
it whole, and an object survives as long as anyone else holds it.
"""

from __future__ import annotations

import dataclasses
from collections import deque

from ui.qt import QTimer

#: objects dropped per turn of the event loop (each turn then frees for a few milliseconds)
SLICE = 4000
#: containers shorter than this are left to the caller: freeing them costs less than queuing them
SMALL = 2000

_queue: deque[list] = deque()
_scheduled = False


def dispose(*objects: object) -> None:
    """Take over the references to the elements of ``objects``' big containers, to free them in
    slices: a list, tuple or dict itself, or the list, tuple and dict fields of an object (a
    ``DocumentReview``, a ``SpanIndex``, an ``OutlineTree``), one level down."""
    for obj in objects:
        for container in _containers(obj):
            elements = list(container.values()) if isinstance(container, dict) else list(container)
            if len(elements) >= SMALL:
                _queue.append(elements)
    _schedule()


def pending() -> int:
    """Objects still waiting to be dropped (for tests and the benchmark)."""
    return sum(len(elements) for elements in _queue)


def drain() -> None:
    """Drop everything now (tests)."""
    while _queue:
        _queue.pop().clear()


def _containers(obj: object) -> list:
    if isinstance(obj, (list, tuple, dict)):
        return [obj]
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        fields = [getattr(obj, f.name, None) for f in dataclasses.fields(obj)]
    else:
        fields = list(getattr(obj, "__dict__", {}).values())
    return [value for value in fields if isinstance(value, (list, tuple, dict))]


def _schedule() -> None:
    global _scheduled
    if _queue and not _scheduled:
        _scheduled = True
        QTimer.singleShot(0, _free_slice)


def _free_slice() -> None:
    """One turn's share: up to ``SLICE`` references dropped, the oldest list first (each from
    its end: deleting a list's tail moves nothing)."""
    global _scheduled
    _scheduled = False
    budget = SLICE
    while _queue and budget > 0:
        elements = _queue[0]
        n = min(budget, len(elements))
        del elements[len(elements) - n:]
        budget -= n
        if not elements:
            _queue.popleft()
    _schedule()
