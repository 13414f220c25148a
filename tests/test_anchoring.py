"""Re-anchoring spans after the text changed: exact quote, fuzzy match, or a visible orphan."""

from __future__ import annotations

import random
import re

import pytest

from reviewer.library.anchoring import Anchor, PositionMap, make_anchor, place
from reviewer.library.store import Library
from reviewer.load.dispatch import load_document
from reviewer.paths import resource
from tests.test_store_support import make_analysis, report_text

TEXT = report_text(sections=3, paragraphs=3, sentences=4, seed=3)


def test_a_unique_quote_is_found_exactly_wherever_it_moved():
    start = TEXT.index("现将有关情况")
    anchor = make_anchor(TEXT, start, start + 6)
    new = "新增的一段文字。\n" * 5 + TEXT
    placed = place(anchor, new)
    assert (placed.state, new[placed.start:placed.end]) == ("exact", "现将有关情况")


def test_a_repeated_quote_goes_to_the_occurrence_with_matching_context():
    text = "甲方审结案件12件。乙方审结案件12件。丙方审结案件12件。"
    start = text.index("乙方") + 2
    anchor = make_anchor(text, start, start + 4, context=4)  # 审结案件, three times in the text
    new = "前言。" + text.replace("甲方", "甲单位")
    placed = place(anchor, new)
    assert placed.state == "exact"
    assert new[placed.start - 2:placed.start] == "乙方"


def test_a_slightly_edited_quote_is_placed_fuzzily():
    text = "一、工作情况\n全年共办理行政复议案件326件,同比增长12.5%,办结率达到98.2%。\n二、问题\n"
    start = text.index("全年")
    anchor = make_anchor(text, start, text.index("。") + 1)
    new = text.replace("326件", "328件").replace("全年共", "全年累计")
    placed = place(anchor, new)
    assert placed.state == "fuzzy" and 0.7 <= placed.score <= 1
    assert new[placed.start:placed.end].startswith("全年累计办理") and new[placed.end - 1] == "。"


def test_a_quote_whose_words_are_gone_becomes_an_orphan():
    text = "一、工作情况\n全年共办理行政复议案件326件。\n执法检查开展了1200次。\n二、问题\n"
    start = text.index("全年")
    anchor = make_anchor(text, start, start + 15)
    new = text.replace("全年共办理行政复议案件326件。\n", "")
    placed = place(anchor, new)
    assert (placed.state, placed.start, placed.end) == ("orphan", None, None)


def test_an_empty_quote_is_an_orphan():
    assert place(Anchor(0, 0, ""), "abc").state == "orphan"


def test_position_map_follows_inserted_and_deleted_lines():
    old = "第一行\n第二行\n第三行\n第四行\n"
    new = "新行\n第一行\n第三行\n第四行\n"
    mapping = PositionMap(old, new)
    assert mapping(old.index("第三行")) == new.index("第三行")
    assert mapping(old.index("第一行")) == new.index("第一行")


# --- a realistic edit of a whole report, with the truth tracked by invisible markers ---------

MARK_BASE = 0xE000  # private-use characters: one start and one end marker per annotation


def _strip(marked: str) -> tuple[str, dict[int, int]]:
    """Remove markers; return the clean text and marker code -> clean position."""
    out, where = [], {}
    for ch in marked:
        if MARK_BASE <= ord(ch) < MARK_BASE + 4000:
            where[ord(ch) - MARK_BASE] = len(out)
        else:
            out.append(ch)
    return "".join(out), where


def _annotation_spans(text: str, count: int, seed: int) -> list[tuple[int, int]]:
    """Spans inside one line each, 3 to 30 characters, not overlapping."""
    rng = random.Random(seed)
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]{40,}", text)]
    spans: list[tuple[int, int]] = []
    while len(spans) < count:
        a, b = rng.choice(lines)
        length = rng.randint(3, 30)
        start = rng.randint(a, b - length)
        if "。" in text[start:start + length]:
            continue  # within one sentence, so deleting a sentence deletes whole annotations
        if all(start >= e + 2 or start + length <= s - 2 for s, e in spans):
            spans.append((start, start + length))
    return sorted(spans)


def _realistic_edit(marked: str, seed: int) -> str:
    """Insert paragraphs, delete sentences, rewrite one, move a paragraph, retouch words and
    numbers: what a drafting office does between two versions of a report."""
    rng = random.Random(seed)
    lines = marked.split("\n")
    body = [i for i, line in enumerate(lines) if len(line) > 80]
    # move a paragraph from early on to near the end
    moved = lines.pop(body[min(1, len(body) - 1)])
    lines.insert(len(lines) - 3, moved)
    # insert two new paragraphs
    lines.insert(6, "(补充)本年度新增对外公开事项若干,群众满意度进一步提升。" * 2)
    lines.insert(len(lines) // 2, "此外,区政府还组织了专项督查,对发现的问题建立台账、限期整改。")
    # delete a sentence in three paragraphs, rewrite one sentence entirely
    long_paragraphs = ([i for i, line in enumerate(lines) if line.count("。") > 3]
                       or [i for i, line in enumerate(lines) if line.count("。") >= 2])
    step = max(1, len(long_paragraphs) // 4)
    for target in long_paragraphs[step::step][:3] or long_paragraphs[:1]:
        sentences = lines[target].split("。")
        del sentences[min(2, len(sentences) - 2)]
        lines[target] = "。".join(sentences)
    target = long_paragraphs[-1]
    sentences = lines[target].split("。")
    sentences[1] = "该项工作已按计划全部完成,具体数据另行报送"
    lines[target] = "。".join(sentences)
    text = "\n".join(lines)
    # retouch: change some numbers, add a word here and there, change wording
    numbers = list(re.finditer(r"\d{2,4}(?=[件次项家份户人])", text))
    for m in sorted(rng.sample(numbers, min(12, len(numbers))), key=lambda m: -m.start()):
        text = text[:m.start()] + str(int(m.group()) + 1) + text[m.end():]
    for word in ("全年", "本年度"):
        text = text.replace(word, word + "共", 3)
    return text.replace("同比增长", "较上年增长", 5)


def _re_anchor(text: str, annotations: int, tmp_path, seed: int = 5):
    """Annotate ``text``, edit it realistically, re-import it; return the anchoring report and
    (placed on the right words, placed wrongly, annotations whose words were deleted)."""
    spans = _annotation_spans(text, annotations, seed=seed)
    path = str(tmp_path / "甲区.txt")
    with Library(tmp_path / "lib.db", reviewer="alice") as lib:
        doc = lib.import_analysis(make_analysis(text, path=path)).doc_uuid
        notes = {lib.add_annotation(doc, s, e, f"n{i}").uuid: i for i, (s, e) in enumerate(spans)}
        marked = text
        for i, (s, e) in sorted(enumerate(spans), key=lambda x: -x[1][0]):
            marked = marked[:s] + chr(MARK_BASE + 2 * i) + marked[s:e] + chr(MARK_BASE + 2 * i + 1) + marked[e:]
        new_text, where = _strip(_realistic_edit(marked, seed=9))
        result = lib.import_analysis(make_analysis(new_text, path=path))
        review = lib.load_review(doc)
    assert not result.created and result.doc_uuid == doc and result.anchoring is not None
    assert len(review.annotations) == len(spans), "nothing may be dropped"
    correct = wrong = 0
    for a in review.annotations:
        i = notes[a.uuid]
        truth = (where.get(2 * i), where.get(2 * i + 1))
        if a.start is None:
            assert a.anchor_state == "orphan" and a.quote
            continue
        if None in truth or truth[1] <= truth[0]:
            wrong += 1
            continue
        overlap = min(a.end, truth[1]) - max(a.start, truth[0])
        union = max(a.end, truth[1]) - min(a.start, truth[0])
        if overlap / union >= 0.6:
            correct += 1
        else:
            wrong += 1
    gone = sum(1 for i in range(len(spans)) if where.get(2 * i) is None or where.get(2 * i + 1) is None)
    return result.anchoring, correct, wrong, gone


def test_a_realistically_edited_report_keeps_at_least_95_percent_of_annotations(tmp_path, capsys):
    text = report_text(sections=6, paragraphs=5, sentences=6, seed=11)
    report, correct, wrong, gone = _re_anchor(text, 100, tmp_path)
    with capsys.disabled():
        print(f"\nre-anchoring 100 annotations after a realistic edit: exact {report.exact}, fuzzy {report.fuzzy}, "
              f"orphaned {report.orphaned} (words deleted: {gone}); on the right words {correct}, wrongly {wrong}")
    assert report.total == 100
    assert report.orphaned >= gone > 0  # the words of these are gone: visible orphans, not guesses
    assert (report.exact + report.fuzzy) / (report.total - gone) >= 0.95
    assert report.placed_share >= 0.9
    assert wrong == 0
    assert report.exact > report.fuzzy > 0


@pytest.mark.parametrize("name", ["sample_fazhi_2023.txt", "sample_zhifa_2022_traditional.txt"])
def test_the_sample_reports_edited_realistically_keep_their_annotations(tmp_path, capsys, name):
    sample = resource("samples", name)
    if not sample.exists():
        pytest.skip(f"{name} is not in resources/samples")
    text = load_document(sample).text
    report, correct, wrong, gone = _re_anchor(text, 40, tmp_path, seed=len(name))
    with capsys.disabled():
        print(f"\nre-anchoring 40 annotations in {name} after a realistic edit: exact {report.exact}, "
              f"fuzzy {report.fuzzy}, orphaned {report.orphaned} (words deleted: {gone}); "
              f"on the right words {correct}, wrongly {wrong}")
    assert (report.exact + report.fuzzy) / (report.total - gone) >= 0.95
    assert wrong == 0


@pytest.mark.parametrize("seed", range(4))
def test_re_anchoring_never_places_a_highlight_on_the_wrong_words(seed):
    text = report_text(sections=4, paragraphs=4, sentences=5, seed=20 + seed)
    spans = _annotation_spans(text, 60, seed=seed)
    marked = text
    for i, (s, e) in sorted(enumerate(spans), key=lambda x: -x[1][0]):
        marked = marked[:s] + chr(MARK_BASE + 2 * i) + marked[s:e] + chr(MARK_BASE + 2 * i + 1) + marked[e:]
    new_text, where = _strip(_realistic_edit(marked, seed=seed))
    mapping = PositionMap(text, new_text)
    placed_count = 0
    for i, (s, e) in enumerate(spans):
        placed = place(make_anchor(text, s, e), new_text, mapping(s))
        truth = (where.get(2 * i), where.get(2 * i + 1))
        if placed.state == "orphan":
            continue
        placed_count += 1
        assert None not in truth, f"placed {text[s:e]!r} although its words were deleted"
        overlap = min(placed.end, truth[1]) - max(placed.start, truth[0])
        assert overlap > 0, f"{text[s:e]!r} placed on {new_text[placed.start:placed.end]!r}"
    assert placed_count >= 0.9 * len(spans)
