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


def test_no_collector_pass_while_a_dense_report_is_analysed() -> None:
    """The 1 MB -> 5 MB per-character growth was the collector's full passes over the figures
    found so far (6 at 1 MB, 33 at 5 MB): none runs during an analysis now."""
    from pathlib import Path

    sample = Path(__file__).resolve().parents[1] / "resources" / "samples" / "sample_fazhi_2023.txt"
    document = document_from_text("\n".join([sample.read_text(encoding="utf-8")] * 4))
    passes: list[int] = []

    def count(phase: str, info: dict) -> None:
        if phase == "start":
            passes.append(info["generation"])

    gc.callbacks.append(count)
    try:
        analyze(document)
    finally:
        gc.callbacks.remove(count)
    assert passes == []
