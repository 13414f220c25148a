"""Where a heading's title ends: on its own line, on the next line, or run into its body.

A heading that runs into its body with no punctuation (``规范权责清单全面梳理权责清单517项``) is
cut before the word that opens the body: a subject, a unit such as ``区城管执法局``, an adverb, a
preposition or a number opening its own clause; a space after a short heading phrase ends it.
"""

from __future__ import annotations

import functools
import re

from reviewer.analysis.heading_markers import (
    MARKERS,
    SENTENCE_END,
    SPACE,
    SPACE_CHARS,
    TITLE_SCAN,
    TITLE_STOP,
)

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
    while start < len(text) and text[start] in SPACE_CHARS:
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


_CLAUSE_STOP = re.compile("[,，:：]")


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
    comma = _CLAUSE_STOP.search(analysis[start:end])
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
    number_cut = number is not None and not one_clause and _number_opens_body(clause, number)
    if not number_cut and not _may_open_body(clause):
        return None  # (nothing that could open the body: no need to segment the clause)
    from reviewer.analysis import segmenter

    words = segmenter.cut_with_spans(clause)
    starts = {s: w for w, s, _ in words}
    ends = {e for _, _, e in words}
    cuts: list[tuple[int, str]] = []  # (where, kind): kind is "subject", "predicate" or "preposition"
    if number_cut:
        cuts.append((number.start(), "predicate"))
    opener = _first_opener(clause, starts)
    if opener is not None:
        cuts.append(opener)
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


_OPENER_KIND = {word: kind for kind, words in (("subject", SUBJECT_OPENERS), ("predicate", PREDICATE_OPENERS),
                                               ("preposition", PREPOSITIONS)) for word in words}
# Every place a clause opener starts (none is the start of another, so one word per place).
_OPENER_AT = re.compile("(?=(" + "|".join(map(re.escape, CLAUSE_OPENERS)) + "))")


def _first_opener(clause: str, starts: dict[int, str]) -> tuple[int, str] | None:
    """(where, kind) of the first opener from the fifth character on, with four characters from
    its start to the end, that starts a word (``《`` anywhere): the least cut the openers give,
    found in one scan rather than a search for each of the 48 words."""
    last = len(clause) - 4
    for m in _OPENER_AT.finditer(clause, 4):
        at = m.start()
        if at > last:
            break
        word = m.group(1)
        if word == "《" or at in starts:
            return at, _OPENER_KIND[word]
    return None


def _may_open_body(clause: str) -> bool:
    """Whether an opener or a unit's name stands where ``_first_opener`` and the search for an
    organisation look.  Without one no cut is possible, whatever the words: most heading
    clauses are passed over before jieba segments them."""
    opener = _OPENER_AT.search(clause, 4)
    if opener is not None and opener.start() <= len(clause) - 4:
        return True
    return ORGANISATION.search(clause, 4) is not None


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
    from reviewer.analysis import segmenter

    words = segmenter.cut(phrase)
    if not words or words[-1] not in _dictionary_words("verbs"):
        return False
    adverbs = _dictionary_words("adverbs")
    return all(w in adverbs or w in _dictionary_words("verbs") or w in PREDICATE_OPENERS
               for w in words[:-1])


def _verb_before_de(rest: str) -> bool:
    """True when the words after a preposition reach a verb before any ``的``: ``对违法建设实行…``
    is an adverbial and a predicate, ``对社会组织的监管`` a modifier inside the heading."""
    from reviewer.analysis import segmenter

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
    from reviewer import paths
    from reviewer.analysis import segmenter

    jieba = segmenter.import_jieba()
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
