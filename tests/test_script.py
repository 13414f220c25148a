"""Traditional-script reports: a Simplified copy of the same length, and a robust verdict."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reviewer.load.script import analysis_form, detect_script, to_simplified

TRADITIONAL = "2020年靜海區堅持依法行政，發布單位：天津市靜海區人民政府。區政府每年第一季度向區人大常委會報告。"
SIMPLIFIED = "2020年，我区坚持依法行政，发布单位：某区人民政府。区政府每年第一季度向区人大常委会报告。"


def test_traditional_text_is_converted_char_for_char():
    simplified = to_simplified(TRADITIONAL)
    assert len(simplified) == len(TRADITIONAL)
    assert "静海区" in simplified and "发布单位" in simplified


def test_offsets_found_in_the_simplified_copy_point_at_the_same_words():
    simplified = to_simplified(TRADITIONAL)
    start = simplified.index("人民政府")
    assert TRADITIONAL[start:start + 4] == "人民政府"
    start = simplified.index("发布单位")
    assert TRADITIONAL[start:start + 4] == "發布單位"


def test_phrase_conversions_that_change_length_fall_back_to_characters():
    # OpenCC converts some phrases to a different number of characters; the length must hold.
    for text in ("乾隆年間的文獻", "著作權法與於是", "瞭解後，他們裡外", "\U00020000字"):
        assert len(to_simplified(text)) == len(text)


def test_detects_traditional_and_simplified_reports():
    assert detect_script(TRADITIONAL) == "traditional"
    assert detect_script(SIMPLIFIED) == "simplified"


def test_short_texts():
    assert detect_script("") == "simplified"
    assert detect_script("2020") == "simplified"
    assert detect_script("報告") == "traditional"
    assert detect_script("报告") == "simplified"
    assert detect_script("法治") == "simplified"  # the same in both scripts: default


def test_mixed_text_follows_the_majority():
    quote = "《國務院關於印發》"
    assert detect_script(SIMPLIFIED * 3 + quote) == "simplified"
    assert detect_script(TRADITIONAL * 3 + "发展") == "traditional"


def test_ambiguous_characters_do_not_flip_a_traditional_text():
    # 台, 里, 干 have Traditional variants under s2t but are also written in Traditional text.
    assert detect_script("臺灣與台中的鄉里幹部發展") == "traditional"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(exclude_categories=()), max_size=200))
def test_to_simplified_keeps_length_for_any_text(text):
    assert len(to_simplified(text)) == len(text)
    assert detect_script(text) in ("simplified", "traditional")


def test_analysis_form_folds_full_width_forms_and_keeps_length():
    text = "\uff08一\uff09發布日期\uff1a\uff12\uff10\uff12\uff11年\uff0c共\uff11\uff12件\uff05。"
    folded = analysis_form(text)
    assert folded == "(一)发布日期:2021年,共12件%。"
    assert len(folded) == len(text)


def test_full_width_punctuation_does_not_make_a_text_traditional():
    text = "\uff08一\uff09发布日期\uff1a2021年\uff0c共12件\uff1b" * 3
    assert detect_script(text, analysis_form(text)) == "simplified"


def test_lone_surrogates_do_not_break_conversion():
    assert to_simplified("發\ud800展") == "发\ud800展"
    assert detect_script("發\ud800展報告") == "traditional"


def test_circle_typed_for_zero_reads_as_the_chinese_zero():
    text = "二\u25cb二一年\u25cb\u25cb要点 \u25cb 备注"
    folded = analysis_form(text)
    assert folded.startswith("二〇二一年") and len(folded) == len(text)
    assert folded.endswith("\u25cb 备注")  # a lone circle used as a bullet stays


_HAN_SAMPLE = st.text(alphabet=st.sampled_from(TRADITIONAL + SIMPLIFIED + "台臺后後乾干發发里裡著着云雲"), max_size=60)


@settings(max_examples=300, deadline=None)
@given(_HAN_SAMPLE)
def test_the_batch_verdict_by_character_class_is_the_verdict_character_by_character(text):
    """After its first texts a process judges by one character class per conversion: the same
    verdict as looking each character up."""
    from reviewer.load import script

    assert script._count_changed("t2s", text) is not None
    by_class = script._count_changed("t2s", text), script._count_changed("s2t", text)
    looked_up = script._detect_by_look_up(text)
    traditional, simple = by_class
    assert ("traditional" if traditional > simple else "simplified") == looked_up
    for _ in range(script._LOOK_UP_FIRST + 1):
        verdict = detect_script(text)
    assert script._detected > script._LOOK_UP_FIRST and verdict == looked_up
