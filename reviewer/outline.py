"""Section outline by the heading layers of GB/T 9704-2012 §7.3.3.

Layers: ``一、`` (level 1), ``(一)`` (level 2), ``1.`` / ``1、`` / ``⒈`` (level 3), ``(1)`` / ``⑴``
(level 4); ``第一章`` / ``第一节`` / ``第一部分`` sit above them when a report uses them.

A heading is a numbering marker at the start of a line, or one glued by a bad copy right after
the end of a sentence.  Markers are accepted by sequence: the first item of a level (一, 1) or
the continuation of that level's numbering.  That rejects most false positives (a ``(2)`` inside
a sentence, a list after a colon) without a list of exceptions.  Line-start markers that skip or
repeat a number are still kept (with a lower confidence) so the outline checks can report them.

A few more general rules, each pinned by a test: a marker glued with no punctuation at all is
taken only when it fills a gap before its next sibling; a first child glued to its parent
heading's line (``三、…校园（一）加强…``) is a heading when its next sibling heads a line, and so
are siblings glued one after another behind a line's own heading (``(一)…。(二)…。(三)…``); a
heading that runs into its body with no punctuation, or is set off from it only by a space, is
cut at the heading phrase; a heading broken across lines is joined; a numbered
list introduced by a colon that restarts a level's numbering is body text; numbered lines after
the signing date (related links, footers) are not part of the outline.

Detection reads ``document.analysis_text`` (Simplified); titles and spans come from
``document.text``, which has the same length.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from reviewer.model import Document, Section

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
             "七": 7, "八": 8, "九": 9}
CN_NUM = "一二三四五六七八九十百零〇"
FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")

# Horizontal white space as it appears in web copies (nbsp, en space, ideographic space …).
SPACE = "[ \t\u00a0\u2002\u2003\u2009\u3000\u200b]"
SENTENCE_END = "。!?！？;；"
TITLE_STOP = re.compile(f"[{SENTENCE_END}]")

# (pattern, level, style).  Each pattern matches at the marker's position; group "n" is the
# numeral.  Chapters/parts (-1) and 节 (0) are placed above the GB/T layers later.
MARKERS: list[tuple[re.Pattern[str], int, str]] = [
    (re.compile(f"第(?P<n>[{CN_NUM}]{{1,4}}|[0-9]{{1,2}})(?P<kind>章|部分){SPACE}*[、.．:：]?"), -1, "第一章"),
    (re.compile(f"第(?P<n>[{CN_NUM}]{{1,4}}|[0-9]{{1,2}})节{SPACE}*[、.．:：]?"), 0, "第一节"),
    (re.compile(f"(?P<n>[{CN_NUM}]{{1,4}}){SPACE}*(?:、|[.．](?![0-9]))"), 1, "一、"),
    (re.compile(f"[(（]{SPACE}*(?P<n>[{CN_NUM}]{{1,4}}){SPACE}*[)）]{SPACE}*[、.．]?"), 2, "(一)"),
    (re.compile(f"(?P<n>[0-9０-９]{{1,3}}){SPACE}*[.．、](?![0-9０-９])"), 3, "1."),
    # Word list numbering copied as the numeral and a tab or spaces (``一 主要工作``, ``1 健全制度``):
    # only alone at a line start before a short title (see _spaced_title).
    (re.compile(f"(?P<n>[{CN_NUM}]{{1,4}})[ \t\u3000]{{1,3}}(?=[\u4e00-\u9fff“《])"), 1, "一 "),
    (re.compile("(?P<n>[0-9]{1,2})[ \t\u3000]{1,3}(?=[\u4e00-\u9fff“《])"), 3, "1 "),
    # A comma typed for 、 (``二，存在问题``), on the same terms.
    (re.compile(f"(?P<n>[{CN_NUM}]{{1,4}})[,，](?=[\u4e00-\u9fff“《])"), 1, "一，"),
    (re.compile("(?P<n>[\u2488-\u249b])"), 3, "⒈"),
    (re.compile(f"[(（]{SPACE}*(?P<n>[0-9０-９]{{1,3}}){SPACE}*[)）]{SPACE}*[、.．]?"), 4, "(1)"),
    (re.compile("(?P<n>[\u2474-\u2487])"), 4, "⑴"),
    # 1) and 1） are not GB/T layers, but Word lists and some reports use them at line start
    # where (1) would stand.
    (re.compile(f"(?P<n>[0-9０-９]{{1,2}}){SPACE}*[)）](?![0-9０-９])"), 4, "1)"),
]

# A marker followed by more numerals of a list (``1、2月份``, ``一、二季度``) opens a sentence.
ENUMERATED_NUMERALS = re.compile(
    f"{SPACE}*(?:[0-9]+|[{CN_NUM}]+)(?:{SPACE}*[、,，和及至-]{SPACE}*(?:[0-9]+|[{CN_NUM}]+))*"
    f"{SPACE}*(?:月|季度|日|号|类|级|批|等奖|个月|期)")

# Words that open a new clause of body text; a heading that runs into its body with no
# punctuation (``规范权责清单全面梳理权责清单517项``) is cut before one of them.  Subjects and time
# words open a clause of their own; adverbs, prepositions and a counted number open a predicate
# whose subject is the heading's unwritten one (a verb-object heading) -- or, when the paragraph
# itself opens with a subject (``全县…事项共计63项``), the subject of its first sentence.
SUBJECT_OPENERS = ("我局", "我市", "我区", "我县", "我镇", "本局", "今年", "本年", "全年", "全市", "全县",
                   "全区", "全局", "全镇", "全省", "一是")
PREDICATE_OPENERS = ("全面", "积极", "认真", "严格", "深入", "进一步", "不断", "切实", "大力", "扎实",
                     "持续", "着力", "努力", "及时", "先后", "累计", "共计", "严厉", "坚决", "广泛", "主动",
                     "《")
# Prepositions that open an adverbial of the body (``推进政务公开通过专栏公开信息``).
PREPOSITIONS = ("通过", "按照", "依托", "围绕", "针对", "根据", "依据", "结合", "借助", "对")
CLAUSE_OPENERS = SUBJECT_OPENERS + PREDICATE_OPENERS + PREPOSITIONS
RUN_ON_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?(?:年|月|日|项|件|个|家|户|人|名|次|余|多|万|%|成|所|条|场|期)")
# A body that opens with the body doing it: a unit of a county, district or town (``区城管执法局``,
# ``镇便民服务中心``).  The region character must be a word of its own.
ORGANISATION = re.compile("[省市区县镇乡][\u4e00-\u9fff]{1,12}?(?:局|中心|大队|中队|支队|政府|委员会|办公室|法院|检察院|院|所|站|馆)")


def cn_to_int(numeral: str) -> int | None:
    """Value of a Chinese numeral up to 999 (``十一`` → 11, ``二十`` → 20)."""
    if not numeral:
        return None
    if all(ch in CN_DIGITS for ch in numeral):
        value = 0
        for ch in numeral:
            value = value * 10 + CN_DIGITS[ch]
        return value
    total, current = 0, 0
    for ch in numeral:
        if ch in CN_DIGITS:
            current = CN_DIGITS[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    return total + current


def numeral_value(raw: str) -> tuple[str, int | None]:
    """(bare numeral as a reader writes it, its value) for any marker numeral."""
    if len(raw) == 1 and "\u2474" <= raw <= "\u2487":
        value = ord(raw) - 0x2474 + 1
        return str(value), value
    if len(raw) == 1 and "\u2488" <= raw <= "\u249b":
        value = ord(raw) - 0x2488 + 1
        return str(value), value
    ascii_digits = raw.translate(FULLWIDTH_DIGITS)
    if ascii_digits.isdigit():
        return str(int(ascii_digits)), int(ascii_digits)
    return raw, cn_to_int(raw)


@dataclass
class Candidate:
    """A numbering marker that may open a heading."""

    start: int  # marker start
    body: int  # first character after the marker
    level: int  # GB/T layer, or -1/0 for chapter/节
    style: str
    number: str
    value: int
    at_line_start: bool
    loose: bool = False  # neither at a line start nor after a sentence end: only fills a gap


# Bounds that keep every step linear on pathological input (a 5 MB text on one line): a marker
# looks back at most LOOKBACK characters for its line start, a title runs at most TITLE_SCAN.
LOOKBACK = 300
TITLE_SCAN = 600


def _line_start(text: str, pos: int) -> int:
    floor = max(0, pos - LOOKBACK)
    newline = text.rfind("\n", floor, pos)
    return newline + 1 if newline != -1 or floor == 0 else floor


def _is_line_start(text: str, pos: int) -> bool:
    start = _line_start(text, pos)
    if start > 0 and text[start - 1] != "\n":
        return False  # no line start within reach
    return re.fullmatch(f"{SPACE}*", text[start:pos]) is not None


def _after_sentence_end(text: str, pos: int) -> bool:
    """True when ``pos`` follows a sentence end on the same line (a heading glued by a bad copy)."""
    back = pos
    while back > 0 and re.match(SPACE, text[back - 1]):
        back -= 1
    if back > 0 and text[back - 1] in "”’\"":
        back -= 1
    return back > 0 and text[back - 1] in "。!?！？"


def _candidates(text: str, shown: str) -> list[Candidate]:
    """Markers found in ``text`` (the analysis form); ``shown`` gives the style as written."""
    found: list[Candidate] = []
    for pattern, level, style in MARKERS:
        for match in pattern.finditer(text):
            pos = match.start()
            if pos > 0 and (text[pos - 1].isdigit() or text[pos - 1] in CN_NUM + "第"):
                continue
            at_start = _is_line_start(text, pos)
            if style in ("一 ", "1 ", "一，") and not (at_start and _spaced_title(text, match.end())):
                continue
            loose = not at_start and not _after_sentence_end(text, pos)
            if loose and (level not in (1, 2, 4) or style == "1)" or _inside_quote(text, pos)):
                continue
            if not at_start and _enumerated_before(pattern, text, pos):
                continue  # "措施:1、建台账。2、定期通报": an enumeration inside the paragraph
            number, value = numeral_value(match.group("n"))
            if value is None or value == 0:
                continue
            body = match.end()
            if style == "1)" and not at_start:
                continue
            if not text[body:body + 2].strip() or text[body] == "\n":
                body = _title_on_next_line(text, body) if at_start else -1
                if body < 0:
                    continue  # a marker with nothing after it is not a heading
            if ENUMERATED_NUMERALS.match(text, body):
                continue  # "1、2月份", "一、二季度": numerals listed in a sentence
            written = _written_style(shown, match, style)
            found.append(Candidate(pos, body, level, written, number, value, at_start, loose))
    found.sort(key=lambda c: (c.start, -(c.body - c.start)))
    unique: list[Candidate] = []
    for cand in found:
        if unique and cand.start < unique[-1].body:
            continue
        unique.append(cand)
    return unique


def _spaced_title(text: str, body: int) -> bool:
    """A numeral followed by spaces heads a section only before a short title line: no digits
    (a table row: ``1 行政许可 45件``) and no sentence end before its last character."""
    end = text.find("\n", body)
    line = text[body:len(text) if end == -1 else end].strip()
    return 0 < len(line) <= 30 and not re.search(r"[0-9０-９]", line) and not TITLE_STOP.search(line[:-1])


def _written_style(shown: str, match: re.Match[str], style: str) -> str:
    """The marker as written (from the shown text) with its numeral made the first one:
    ``（三）`` → ``（一）``, ``12、`` → ``1、``, ``第二部分`` → ``第一部分``."""
    raw = shown[match.start("n"):match.end("n")]
    if raw[0] in CN_NUM:
        first = "一"
    elif raw[0] in "0123456789":
        first = "1"
    elif raw[0] in "０１２３４５６７８９":
        first = "１"
    else:
        return style  # ⑴, ⒈: the style name is the character itself
    marker = shown[match.start():match.end()]
    start, end = match.start("n") - match.start(), match.end("n") - match.start()
    return re.sub(SPACE, "", marker[:start] + first + marker[end:]) or style


LIST_GAP = 300  # at most this far from one list item to the next


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos, pos + TITLE_SCAN)
    return pos + TITLE_SCAN if end == -1 else end


def _after_colon_line(text: str, pos: int) -> bool:
    """True when the previous non-empty line is body text ending with a colon (a list intro)."""
    start = _line_start(text, pos)
    back = start - 1
    while back > 0 and text[back - 1] in "\n \t\u00a0\u2002\u2003\u3000" and start - back < 20:
        back -= 1
    if back <= 0 or text[back - 1] not in ":：":
        return False
    line = text[_line_start(text, back):back]
    return not _starts_with_marker(line.lstrip(), 0)  # a heading ending in a colon is no intro


def _enumerated_before(pattern: re.Pattern[str], text: str, pos: int) -> bool:
    """True when the same kind of marker already occurs inside this paragraph before ``pos``
    (not counting the paragraph's own heading marker at the line start).

    Siblings glued one after another behind the line's own heading, each after a sentence end
    and each the next number (``(一)…。(二)…。(三)…``), are headings copied onto one line, not
    an enumeration."""
    start = _line_start(text, pos)
    matches = list(pattern.finditer(text, start, pos))
    if all(_is_line_start(text, m.start()) for m in matches):
        return False
    if not _is_line_start(text, matches[0].start()):
        return True
    values = [numeral_value(m.group("n"))[1] for m in matches]
    chained = values[0] is not None and values == list(range(values[0], values[0] + len(values)))
    return not (chained and all(_after_sentence_end(text, m.start()) for m in matches[1:]))


def _inside_quote(text: str, pos: int) -> bool:
    """True inside 《》 or “” on the marker's line (a cited title, a quoted phrase)."""
    before = text[_line_start(text, pos):pos]
    return before.count("《") > before.count("》") or before.count("“") > before.count("”")


def _fills_gap(cand: Candidate, line_heads: dict[int, tuple[list[int], list[Candidate]]]) -> bool:
    """True when the next line-start heading of the marker's level or above is its own next
    sibling (``…公开(六)依法…`` before ``(七)``): what a marker glued without punctuation, or a
    first child glued to its parent's line, needs to be a heading."""
    starts, heads = line_heads.get(cand.level, ([], []))
    at = bisect.bisect_right(starts, cand.start)
    if at == len(heads):
        return False
    later = heads[at]
    return later.level == cand.level and later.value == cand.value + 1


def _line_heads(candidates: list[Candidate]) -> dict[int, tuple[list[int], list[Candidate]]]:
    """For each level, the line-start candidates at that level or above, in order."""
    out: dict[int, tuple[list[int], list[Candidate]]] = {}
    for level in {c.level for c in candidates if not c.at_line_start}:
        heads = [c for c in candidates if c.at_line_start and c.level <= level]
        out[level] = ([c.start for c in heads], heads)
    return out


def _title_on_next_line(text: str, pos: int) -> int:
    """Where the title starts when a marker stands alone on its line (``一、`` then the title
    below it, as some Word exports write it), or -1."""
    line_end = text.find("\n", pos)
    if line_end == -1 or text[pos:line_end].strip():
        return -1
    nxt = line_end + 1
    while nxt < len(text) and text[nxt] in " \t\u00a0\u2002\u2003\u3000\n" and nxt - line_end < 4:
        nxt += 1
    end = text.find("\n", nxt)
    end = len(text) if end == -1 else end
    line = text[nxt:end].strip()
    if (not line or len(line) > 30 or _starts_with_marker(text, nxt)
            or TITLE_STOP.search(line[:-1]) or len(re.findall("[,，]", line)) > 1):
        return -1  # a body paragraph, not a title
    return nxt


def _title_span(text: str, analysis: str, body: int) -> tuple[int, int, str]:
    """(title start, title end, joined title) for a heading whose marker ends at ``body``.

    The title runs to the first sentence end or the end of the line; a line that stops inside
    an open quotation mark or bracket, or on a comma, goes on in the next line.
    """
    start = body
    while start < len(text) and re.match(SPACE, text[start]):
        start += 1
    pos = start
    end = start
    limit = min(len(analysis), start + TITLE_SCAN)
    for _ in range(3):  # a heading broken across at most a few lines
        stop = TITLE_STOP.search(analysis, pos, limit)
        newline = analysis.find("\n", pos, limit)
        if newline == -1:
            newline = limit
        if stop and stop.start() < newline:
            end = stop.start()
            break
        end = newline
        piece = analysis[start:end].rstrip()
        if not piece or not (_continues(piece) or _title_tail(analysis, newline, limit)):
            break
        nxt = newline
        while nxt < len(analysis) and analysis[nxt] in "\n \t\u00a0\u2002\u2003\u3000":
            nxt += 1
        if nxt >= limit or nxt - newline > 4 or _starts_with_marker(analysis, nxt):
            break
        rest = TITLE_STOP.search(analysis, nxt, limit)
        rest_end = analysis.find("\n", nxt, limit)
        rest_end = limit if rest_end == -1 else rest_end
        if min(rest.start() if rest else rest_end, rest_end) - nxt > 40:
            break  # the next line is body text, not the rest of a broken heading
        pos = nxt
    end = _heading_space(analysis, start, end)
    end = _trimmed_end(text, start, end)
    joined = re.sub(r"\s+", "", text[start:end]) if "\n" in text[start:end] else text[start:end]
    return start, end, joined


HEADING_SPACE = re.compile(f"[^\\s{SENTENCE_END},，、:：]{{4,20}}?(?<=[\u4e00-\u9fff”’》)）])({SPACE}+)(?=\\S)")


def _heading_space(analysis: str, start: int, end: int) -> int:
    """Where a heading set off from its body by a space ends (``深化“721”工作法　7成问题用…``):
    a short phrase, a space, and a body that runs on (a comma, a number, many words, or a subject
    or preposition opening a clause).  ``坚持党的领导　强化组织保障`` is one heading."""
    match = HEADING_SPACE.match(analysis, start, end)
    if match is None or "\n" in analysis[start:end]:
        return end
    rest = analysis[match.end():end]
    if re.search("[,，、0-9]", rest) or len(rest) > 15 or rest.startswith(SUBJECT_OPENERS + PREPOSITIONS):
        return match.start(1)
    return end


def _trimmed_end(text: str, start: int, end: int) -> int:
    """``end`` moved back over trailing spaces and punctuation that do not end a title."""
    while end > start and (text[end - 1].isspace() or text[end - 1] in ":：,，、\u200b"):
        end -= 1
    return end


def _title_tail(analysis: str, newline: int, limit: int) -> bool:
    """True when the line after a heading line is the heading's broken-off end: a few words with
    no punctuation at all (``2．法律援助和人民调解`` / ``工作监督``), followed by a paragraph
    (not by a signing date: ``某局`` / ``2021年1月8日`` is a signature)."""
    nxt = newline + 1
    if nxt >= limit or analysis[newline:nxt] != "\n":
        return False
    end = analysis.find("\n", nxt, limit)
    if end == -1:
        return False
    line = analysis[nxt:end].strip()
    if not line or len(line) > 10 or re.search(r"[\W0-9_]", line) or _starts_with_marker(line, 0):
        return False
    after = analysis.find("\n", end + 1, limit)
    after = limit if after == -1 else after
    body = analysis[end + 1:after].strip()
    if _starts_with_marker(body, 0):
        return False  # ``一、主要成效`` / ``依法行政`` / ``（一）加强领导，…``: a label line, then a heading
    return len(body) > 2 * len(line) and re.search("[。，,;；]", body) is not None


def _continues(piece: str) -> bool:
    """A heading line that visibly stops mid-phrase: an open quote or bracket, a comma."""
    if piece[-1] in ",，、“(（《":
        return True
    pairs = (("“", "”"), ("(", ")"), ("（", "）"), ("《", "》"))
    return any(piece.count(a) > piece.count(b) for a, b in pairs)


def _starts_with_marker(text: str, pos: int) -> bool:
    return any(pattern.match(text, pos) for pattern, _, _ in MARKERS)


def _run_on_cut(analysis: str, start: int, end: int) -> int | None:
    """Where a heading that runs into its body with no punctuation ends, or None.

    Only the first clause is examined.  When the heading line goes on as a paragraph, the cut
    falls before the first word that opens the body -- a subject or time word, a unit doing the
    work, an adverb, a preposition, a number that opens a clause -- at least four characters in.
    A heading of one clause is cut only after a verb-object phrase, before a subject or before a
    preposition that opens a clause with its own verb (``强化重点领域整治对违法建设实行…``).
    What is cut off must be a whole phrase (not ``大力推进``), and a paragraph that opens with
    its subject (``全县…事项共计63项``) is a sentence: only a new subject cuts it.
    """
    clause_end = end
    comma = re.search("[,，:：]", analysis[start:end])
    if comma:
        clause_end = start + comma.start()
    clause = analysis[start:clause_end]
    if len(clause) < 10:
        return None
    one_clause = clause_end >= end
    # A counted number (``517项``, ``2019年``) never belongs to a heading phrase: it marks the body
    # even when nothing follows on the line; a clause-opening word alone needs the line to go on.
    number = RUN_ON_NUMBER.search(clause, 4)
    line_end = analysis.find("\n", start, end + 2)
    line_end = min(len(analysis), end + 2) if line_end == -1 else line_end
    if not one_clause and number is None and line_end - end < 2 \
            and not RUN_ON_NUMBER.search(analysis, clause_end, end):
        return None  # (counted numbers in a later clause show the sentence is body text)
    from reviewer import segmenter

    words = segmenter.cut_with_spans(clause)
    starts = {s: w for w, s, _ in words}
    ends = {e for _, _, e in words}
    cuts: list[tuple[int, str]] = []  # (where, kind): kind is "subject", "predicate" or "preposition"
    if number and not one_clause and _number_opens_body(clause, number):
        cuts.append((number.start(), "predicate"))
    for kind, openers in (("subject", SUBJECT_OPENERS), ("predicate", PREDICATE_OPENERS),
                          ("preposition", PREPOSITIONS)):
        for word in openers:
            at = clause.find(word, 4)
            while at != -1 and len(clause) - at >= 4:
                if word == "《" or at in starts:
                    cuts.append((at, kind))
                    break
                at = clause.find(word, at + 1)
    for match in ORGANISATION.finditer(clause, 4):
        if _organisation_at(clause, match, starts, ends):
            cuts.append((match.start(), "subject"))
            break
    if not cuts:
        return None
    best, kind = min(cuts)
    prefix = clause[:best]
    if best < 4 or _incomplete(prefix):
        return None
    if one_clause:
        verbs = _dictionary_words("verbs")
        if kind == "predicate" or not any(len(w) > 1 and w in verbs for w in segmenter.cut(prefix)):
            return None  # (``基层单位对…认识不足``: a subject, not a verb-object heading, before 对)
        if kind == "preposition" and not _verb_before_de(clause[best:]):
            return None
    if kind != "subject" and _opens_with_subject(prefix, starts, ends):
        return None
    return start + best


def _number_opens_body(clause: str, number: re.Match[str]) -> bool:
    """A year or date opens the body (``落实三项制度2019年,全省…``), and so does a number that
    starts a clause of its own (``深化“721”工作法7成问题用服务手段解决``); a count that closes
    the clause counts the object before it (``公开政府信息642条,``): a sentence, not a heading."""
    if number.group(0)[-1] in "年月日":
        return True
    return len(re.sub(r"[^\u4e00-\u9fff]", "", clause[number.end():])) >= 3


def _organisation_at(clause: str, match: re.Match[str], starts: dict[int, str], ends: set[int]) -> bool:
    """True when ``match`` is a unit's name made of whole words, its region character a word of
    its own (``区 城管 执法局``, not ``市场`` or ``区域``)."""
    return starts.get(match.start()) == clause[match.start()] and match.end() in ends


def _opens_with_subject(prefix: str, starts: dict[int, str], ends: set[int]) -> bool:
    """True when a paragraph opens with its subject: ``全县``, ``我局``, ``县…大队``."""
    if starts.get(0) in SUBJECT_OPENERS:
        return True
    match = ORGANISATION.match(prefix)
    return match is not None and _organisation_at(prefix, match, starts, ends)


def _incomplete(phrase: str) -> bool:
    """A phrase of adverbs ending in a verb (``大力推进``) still lacks its object: not a whole
    heading.  ``社区矫正执法`` (a noun before the verb) is whole."""
    from reviewer import segmenter

    words = segmenter.cut(phrase)
    if not words or words[-1] not in _dictionary_words("verbs"):
        return False
    adverbs = _dictionary_words("adverbs")
    return all(w in adverbs or w in _dictionary_words("verbs") or w in PREDICATE_OPENERS
               for w in words[:-1])


def _verb_before_de(rest: str) -> bool:
    """True when the words after a preposition reach a verb before any ``的``: ``对违法建设实行…``
    is an adverbial and a predicate, ``对社会组织的监管`` a modifier inside the heading."""
    from reviewer import segmenter

    verbs = _dictionary_words("verbs")
    words = segmenter.cut(rest)[1:] + [""]
    for word, following in zip(words, words[1:]):
        if word == "的":
            return False
        if word in verbs and following != "的":  # (``社会组织的``: a verb used as a noun)
            return True
    return False


# Adverbs jieba's dictionary tags as nouns or adjectives, common before a heading's verb.
EXTRA_ADVERBS = ("大力", "全面", "依法", "全力", "有序", "着力", "扎实", "深入", "加快", "稳步", "及时")


@functools.lru_cache(maxsize=2)
def _dictionary_words(kind: str) -> frozenset[str]:
    """Words jieba's dictionary tags as verbs (not verbal nouns) or as adverbs.  Parsing the
    dictionary takes ~0.4 s, so the sets are kept in the cache directory after the first time."""
    import jieba

    from reviewer import paths, segmenter

    cache = paths.cache_dir() / f"jieba_{kind}_{getattr(jieba, '__version__', 'x')}.txt"
    try:
        return frozenset(cache.read_text(encoding="utf-8").split())
    except OSError:
        pass
    wanted = {"verbs": lambda tag: tag.startswith("v") and tag != "vn",
              "adverbs": lambda tag: tag in ("d", "ad", "vd", "dg")}[kind]
    found = set(EXTRA_ADVERBS) if kind == "adverbs" else set()
    with segmenter.tokenizer().get_dict_file() as dictionary:
        for raw in dictionary:
            parts = (raw.decode("utf-8") if isinstance(raw, bytes) else raw).split()
            if len(parts) == 3 and wanted(parts[2]):
                found.add(parts[0])
    try:
        tmp = cache.with_suffix(".tmp")
        tmp.write_text("\n".join(sorted(found)), encoding="utf-8")
        tmp.replace(cache)
    except OSError:
        pass  # a read-only cache directory only costs the parse next time
    return frozenset(found)


SIGNING_DATE = re.compile(
    f"{SPACE}*(?:(?:19|20)[0-9]{{2}}|[〇零一二三四五六七八九]{{4}}){SPACE}*年{SPACE}*[0-9一二三四五六七八九十]{{1,3}}"
    f"{SPACE}*月{SPACE}*[0-9一二三四五六七八九十]{{1,3}}{SPACE}*日{SPACE}*")


def _after_signature_dropped(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """Numbered lines after the report's signing date (related links, page footers) are not
    its outline, unless a new document starts there with its own ``一、``."""
    line_starts = [c for c in candidates if c.at_line_start]
    if not line_starts:
        return candidates
    restarts = [c.start for c in line_starts if c.level <= 1 and c.value == 1]
    dropped: list[tuple[int, int]] = []  # [from, to) ranges whose candidates are dropped
    resume = line_starts[0].start
    for match in re.finditer("(?m)^.*$", text):
        if match.start() < resume or not SIGNING_DATE.fullmatch(match.group(0)):
            continue
        at = bisect.bisect_left(restarts, match.end())
        until = restarts[at] if at < len(restarts) else len(text) + 1
        dropped.append((match.end(), until))
        resume = until
    if not dropped:
        return candidates
    froms = [a for a, _ in dropped]

    def kept(cand: Candidate) -> bool:
        at = bisect.bisect_right(froms, cand.start) - 1
        return at < 0 or cand.start >= dropped[at][1]

    return [c for c in candidates if kept(c)]


ANNEX_LINE = re.compile(f"(?m)^{SPACE}*附\\s*件{SPACE}*[:：]?{SPACE}*$")


def _annex_list_dropped(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """A numbered list under a line that only says ``附件：`` names the attachments, not sections:
    its lines are dropped up to the first line that is not one of its items."""
    annexes = [m.end() for m in ANNEX_LINE.finditer(text)]
    if not annexes:
        return candidates
    dropped: set[int] = set()
    for at in annexes:
        expected = 1
        for cand in candidates:
            if cand.start < at:
                continue
            between = text[at:cand.start]
            if not cand.at_line_start or cand.value != expected or between.strip():
                break  # the list ends at the first line that is not its next item
            dropped.add(cand.start)
            expected += 1
            line_end = text.find("\n", cand.start)
            at = len(text) if line_end == -1 else line_end
    return [c for c in candidates if c.start not in dropped]


def find_sections(document: Document) -> list[Section]:
    """The heading hierarchy in document order (see the module docstring for the rules)."""
    text, analysis = document.text, document.analysis_text
    if len(analysis) != len(text):
        analysis = text
    candidates = _annex_list_dropped(analysis, _after_signature_dropped(analysis, _candidates(analysis, text)))
    has_chapter = any(c.level == -1 for c in candidates if c.at_line_start and c.value == 1)
    has_jie = any(c.level == 0 for c in candidates if c.at_line_start and c.value == 1)

    last: dict[int, int] = {}  # level → last accepted number in the current run
    higher_since: dict[int, bool] = {}  # level → a higher heading came after its last one
    accepted: list[tuple[Candidate, float]] = []
    line_heads = _line_heads(candidates)
    listed: tuple[int, int, int] | None = None  # a numbered list: (level, last value, its end)
    for cand in candidates:
        level = cand.level
        if level <= 0 and not cand.at_line_start:
            continue
        if cand.loose and not _fills_gap(cand, line_heads):
            continue
        if level == -1 and not has_chapter or level == 0 and not has_jie:
            continue
        previous = last.get(level)
        if listed and cand.at_line_start and level == listed[0] and cand.value == listed[1] + 1 \
                and cand.start - listed[2] <= LIST_GAP:
            listed = (level, cand.value, _line_end(analysis, cand.start))
            continue
        listed = None
        if cand.at_line_start and cand.value == 1 and level >= 3 and previous is not None \
                and not higher_since.get(level) and _after_colon_line(analysis, cand.start):
            # "主要做法:" then 1. 2. 3. restarting a number already used under this parent:
            # a list in the body, not headings (and no false "repeated number" check).
            listed = (level, 1, _line_end(analysis, cand.start))
            continue
        if not cand.at_line_start:
            # Glued to a sentence end: only the next number of a sibling under the same parent,
            # or the first child glued to its parent heading's line (``三、…（一）加强…``) when
            # its next sibling heads a line of its own.
            parent = accepted[-1][0] if accepted else None
            first_child = cand.value == 1 and parent is not None and parent.level == level - 1 \
                and "\n" not in analysis[parent.start:cand.start] and _fills_gap(cand, line_heads)
            if not first_child and (previous is None or cand.value != previous + 1
                                    or higher_since.get(level)):
                continue
            confidence = 0.4 if cand.loose else 0.6
        elif cand.value == 1 or previous is not None and cand.value == previous + 1:
            confidence = 0.95
        elif previous is not None and previous <= cand.value <= previous + 3:
            confidence = 0.5  # a skipped or repeated number: kept so the checks can report it
        elif previous is not None and cand.value < previous and higher_since.get(level) \
                and cand.value <= 3:
            confidence = 0.5  # a new run under a new parent whose first heading was lost
        else:
            continue
        last[level] = cand.value
        higher_since[level] = False
        # A run of level L restarts under a new heading two or more levels up; level-3
        # numbering running on across level-2 sections is normal.
        for other in list(last):
            if other > level:
                higher_since[other] = True
            if other > level + 1:
                del last[other]
        accepted.append((cand, confidence))

    offset = (1 if has_chapter else 0) + (1 if has_jie else 0)
    if offset and not any(c.level == 1 for c, _ in accepted):
        offset -= 1  # ``第一部分`` then ``(一)``: the part stands where ``一、`` would
    sections: list[Section] = []
    for index, (cand, confidence) in enumerate(accepted):
        if cand.level == -1:
            level = 1
        elif cand.level == 0:
            level = 2 if has_chapter else 1
        else:
            level = cand.level + offset
        t_start, t_end, title = _title_span(text, analysis, cand.body)
        if index + 1 < len(accepted) and t_start < accepted[index + 1][0].start < t_end:
            # the next heading glued into this one's line ends its title
            t_end = _trimmed_end(text, t_start, accepted[index + 1][0].start)
            title = re.sub(r"\s+", "", text[t_start:t_end])
        cut = _run_on_cut(analysis, t_start, t_end)
        if cut is not None:
            t_end = cut
            title = re.sub(r"\s+", "", text[t_start:t_end])
            confidence = min(confidence, 0.6)
        if not title:
            continue
        sections.append(Section(id=0, parent=None, level=level, number=cand.number, title=title,
                                start=cand.start, end=len(text), heading_start=cand.start,
                                heading_end=t_end, confidence=confidence, style=cand.style))
    _link(sections, len(text))
    return sections


def _link(sections: list[Section], text_length: int) -> None:
    """Ids, parents and body ends, from document order and levels."""
    stack: list[Section] = []
    for number, section in enumerate(sections, start=1):
        section.id = number
        while stack and stack[-1].level >= section.level:
            stack.pop()
        section.parent = stack[-1].id if stack else None
        stack.append(section)
    open_sections: list[Section] = []
    for section in sections:
        while open_sections and open_sections[-1].level >= section.level:
            open_sections.pop().end = section.start
        open_sections.append(section)
    for section in open_sections:
        section.end = text_length
