"""``analyze`` pauses the cyclic garbage collector while it runs and leaves it as it found it."""

from __future__ import annotations

import gc

import pytest

from reviewer.load.dispatch import document_from_text
from reviewer.pipeline import analyze

_TEXT = "关于2023年度工作情况的报告\n一、主要工作\n全年共受理案件120件,同比增长5.2%,办结115件。\n"


@pytest.mark.parametrize("enabled", [True, False])
def test_analyze_restores_the_collector(enabled: bool) -> None:
    seen: list[bool] = []
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        analyze(document_from_text(_TEXT), step=lambda name, partial: seen.append(gc.isenabled()))
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
    assert seen and not any(seen)  # paused while the finders run


def test_analyze_restores_the_collector_after_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from reviewer.analysis import outline

    def fail(document):
        raise RuntimeError("boom")

    monkeypatch.setattr(outline, "find_sections", fail)
    assert gc.isenabled()
    with pytest.raises(RuntimeError):
        analyze(document_from_text(_TEXT))
    assert gc.isenabled()
