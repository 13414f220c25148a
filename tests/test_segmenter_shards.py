"""The dictionary loaded by first character segments and tags exactly as jieba does with its
whole dictionary, and the tagger without jieba.posseg gives jieba.posseg's tags.

The windows are cut from the bundled sample and the fixture reports at every figure-like spot,
with the odd characters jieba's splitting treats apart (Latin letters, digits, spaces, dots)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from reviewer.analysis import dictionary_shards, pos_tokens, segmenter

ROOT = Path(__file__).resolve().parents[1]
TEXTS = [ROOT / "resources" / "samples" / "sample_fazhi_2023.txt",
         *sorted((ROOT / "tests" / "fixtures").rglob("*.txt"))[:12]]
EXTRA = ["2023年G20峰会在杭州举行,共计3.5万人次参加。", "全年办理ABC123类案件 12 件\r\n其中.5%为",
         "法治政府建设示范创建 依法行政", "一次性告知率100%,疏导点3个", "x  y\t\u3000z", ""]


def windows() -> list[str]:
    pieces = list(EXTRA)
    for path in TEXTS:
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        for m in re.finditer(r"\d", text):
            pieces.append(text[max(0, m.start() - 28):m.start()])
            pieces.append(text[m.end():m.end() + 20])
            if len(pieces) > 1500:
                return pieces
    return pieces


def test_the_tagger_gives_jieba_posseg_tags():
    jieba_posseg = pytest.importorskip("jieba.posseg")
    whole = segmenter.tokenizer()
    reference = jieba_posseg.POSTokenizer(whole)
    for piece in windows():
        pos_tokens._tag.cache_clear()
        assert pos_tokens._tag(piece) == tuple((p.word, p.flag) for p in reference.cut(piece, HMM=False)), piece


def test_segment_is_jiebas_cut_with_and_without_hmm():
    whole = segmenter.tokenizer()
    jieba = segmenter.import_jieba()
    for piece in windows() + ["ABC123类案件-5%\r\n测试", "鬵鬵鬵曦曦龘龘", "a b\tc", "3.5万人次"]:
        for hmm in (True, False):
            theirs = jieba.Tokenizer.lcut(whole, piece, HMM=hmm)
            assert segmenter.segment(piece, hmm) == theirs, (piece, hmm)
            assert list(segmenter.with_spans(theirs)) == list(jieba.Tokenizer.tokenize(whole, piece, HMM=hmm))


def test_shards_round_trip_a_dictionary():
    freq = {"法": 10, "法治": 5, "法治政": 0, "法治政府": 7, "a": 1, "": 0}
    tags = {"法": "n", "法治": "n", "法治政府": "nt"}
    data = dictionary_shards.build(freq, 23, tags, ["法治政府"])
    loaded_freq: dict = {}
    loaded_tags: dict = {}
    shards = dictionary_shards.Shards(data, loaded_freq, loaded_tags)
    assert (shards.total, shards.force_split) == (23, ["法治政府"])
    assert loaded_freq == {"": 0}
    shards.ensure("治法")
    assert loaded_freq == {"": 0, "法": 10, "法治": 5, "法治政": 0, "法治政府": 7}
    assert loaded_tags == tags
    shards.ensure_all()
    assert loaded_freq == freq


def test_a_fresh_process_reading_the_shards_segments_as_the_whole_dictionary(tmp_path):
    """Two processes over one empty cache directory: the first loads the whole dictionary and
    writes the shards, the second reads them; both print the same segmentation and tags."""
    script = (
        "import sys, json\n"
        "from reviewer.analysis import pos_tokens, segmenter\n"
        "pieces = json.loads(sys.stdin.read())\n"
        "out = [[segmenter.cut(p), segmenter.cut_with_spans(p), pos_tokens._tag(p),\n"
        "        pos_tokens.words(p, 0, len(p), hmm=False)] for p in pieces]\n"
        "print(json.dumps([segmenter._shards is not None, out], ensure_ascii=False))\n")
    import json
    import os

    env = dict(os.environ, REVIEWER_CACHE_DIR=str(tmp_path))
    pieces = json.dumps(windows()[:600], ensure_ascii=False)
    runs = [json.loads(subprocess.run([sys.executable, "-c", script], input=pieces, env=env, cwd=ROOT,
                                      capture_output=True, text=True, check=True).stdout) for _ in range(2)]
    assert [sharded for sharded, _ in runs] == [False, True]
    assert runs[0][1] == runs[1][1]


def test_the_one_pass_route_is_jiebas():
    jieba = segmenter.import_jieba()
    tok = segmenter.tokenizer()
    for piece in windows():
        for block in re.findall(r"[\u4E00-\u9FD5a-zA-Z0-9+#&\._%]+", piece):
            theirs: dict = {}
            jieba.Tokenizer.calc(tok, block, jieba.Tokenizer.get_DAG(tok, block), theirs)
            assert tok.best_ends(block) == [theirs[x][1] + 1 for x in range(len(block))], block


def test_a_damaged_shard_file_is_refused():
    data = dictionary_shards.build({"法": 1, "法治": 2}, 3, {"法治": "n"}, [])
    for damaged in (data[:-3], b"", b"\x00" * 8, b"garbage" * 10):
        with pytest.raises(ValueError):
            dictionary_shards.Shards(damaged, {}, {})


def test_a_damaged_shard_file_in_the_cache_is_built_again(tmp_path):
    import os

    env = dict(os.environ, REVIEWER_CACHE_DIR=str(tmp_path))
    script = ("from reviewer.analysis import segmenter\n"
              "print(segmenter.cut('依法行政工作取得新成效'), segmenter._shards is not None)\n")
    first = subprocess.run([sys.executable, "-c", script], env=env, cwd=ROOT, capture_output=True, text=True,
                           check=True).stdout
    (shard_file,) = tmp_path.glob("jieba_shards_*.bin")
    shard_file.write_bytes(shard_file.read_bytes()[:1000])
    second = subprocess.run([sys.executable, "-c", script], env=env, cwd=ROOT, capture_output=True, text=True,
                            check=True).stdout
    third = subprocess.run([sys.executable, "-c", script], env=env, cwd=ROOT, capture_output=True, text=True,
                           check=True).stdout
    assert first.endswith("False\n") and second.endswith("False\n") and third.endswith("True\n")
    assert first.rsplit(" ", 1)[0] == second.rsplit(" ", 1)[0] == third.rsplit(" ", 1)[0]
