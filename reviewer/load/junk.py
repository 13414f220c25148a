"""Web-page furniture: the patterns of ``resources/cleaning/junk_lines.txt``.

The patterns are data so that an office can add the boilerplate of its own sites without
touching code; ``junk_rules()`` reads them once.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from reviewer.paths import resource

_SEPARATORS = "[\\s|/\\\\\\[\\]()\uff5c\uff0f\uff08\uff09\u3010\u3011\u00b7\u2022\u30fb\u3001,\uff0c]"


_SEPARATOR_RUN = re.compile(f"{_SEPARATORS}*")

# Furniture lines are short; a longer line is a paragraph and is not even tested.
_MAX_JUNK_LINE = 300


@dataclass(frozen=True)
class JunkRules:
    keep: re.Pattern[str] | None
    tokens: re.Pattern[str] | None
    line: re.Pattern[str] | None
    trailing: re.Pattern[str] | None
    prefix: re.Pattern[str] | None
    tail_block: re.Pattern[str] | None = None
    inline: re.Pattern[str] | None = None  # a furniture token in brackets inside a kept line

    def strip_inline(self, line: str) -> str:
        if self.inline is None or ("\u3010" not in line and "[" not in line):
            return line
        return self.inline.sub("", line)

    def strip_prefix(self, line: str) -> str:
        if self.prefix is None:
            return line
        return self.prefix.sub("", line, count=1).lstrip(" ")

    def is_junk(self, line: str) -> bool:
        if len(line) > _MAX_JUNK_LINE:
            return False
        junk = self.only_tokens(line) or (self.line is not None and self.line.fullmatch(line) is not None)
        return junk and not (self.keep is not None and self.keep.search(line))

    def only_tokens(self, line: str) -> bool:
        """Whether ``line`` is furniture tokens and separators only.  Scanned token by token
        (each match taken as found, no backtracking): a regex ``(sep* token)+`` backtracks
        exponentially on a long line of tokens that ends in something else."""
        if self.tokens is None:
            return False
        pos, end, found = 0, len(line), False
        while pos < end:
            pos = _SEPARATOR_RUN.match(line, pos).end()
            if pos == end:
                break
            match = self.tokens.match(line, pos)
            if match is None or match.end() == pos:
                return False
            pos, found = match.end(), True
        return found

    def is_trailing_junk(self, line: str) -> bool:
        return self.trailing is not None and self.trailing.fullmatch(line) is not None

    def tail_block_start(self, lines: list[str]) -> int | None:
        """Index of a "相关链接"-style header in the second half of ``lines`` after which every
        line is a short link title (no sentence end): that block is the page's link list."""
        if self.tail_block is None:
            return None
        short_from = len(lines)  # lines[short_from:] are all short link-like lines
        while short_from > 0 and _is_link_title(lines[short_from - 1]):
            short_from -= 1
        for i in range(max(len(lines) // 2, short_from - 1), len(lines)):
            if self.tail_block.fullmatch(lines[i]) and i + 1 >= short_from:
                return i
        return None


_SECTION = re.compile(r"\[(keep|token|line|trailing|prefix|tail_block)\]")


def parse_junk_rules(text: str) -> JunkRules:
    """Read the sectioned pattern file format described at the top of junk_lines.txt."""
    sections: dict[str, list[str]] = {}
    current = "line"
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        section = _SECTION.fullmatch(line)
        if section:
            current = section.group(1)
            continue
        re.compile(line)  # a bad pattern fails here, naming itself
        sections.setdefault(current, []).append(line)

    def alternation(name: str) -> str | None:
        patterns = sections.get(name)
        return "|".join(f"(?:{p})" for p in patterns) if patterns else None

    keep, tokens, line_p = alternation("keep"), alternation("token"), alternation("line")
    tail_block = alternation("tail_block")
    trailing, prefix = alternation("trailing"), alternation("prefix")
    return JunkRules(
        keep=re.compile(keep) if keep else None,
        tokens=re.compile(tokens) if tokens else None,
        line=re.compile(line_p) if line_p else None,
        trailing=re.compile(trailing) if trailing else None,
        prefix=re.compile(rf"^(?:{prefix})[ ]*") if prefix else None,
        inline=re.compile(rf"[\u3010\[](?:{tokens})[\u3011\]]") if tokens else None,
        tail_block=re.compile(rf"{_SEPARATORS}*(?:{tail_block}){_SEPARATORS}*[:\uff1a]?") if tail_block else None,
    )


@functools.lru_cache(maxsize=1)
def junk_rules() -> JunkRules:
    path = resource("cleaning", "junk_lines.txt")
    return parse_junk_rules(path.read_text(encoding="utf-8") if path.is_file() else "")


def _is_link_title(line: str) -> bool:
    return len(line) <= _MAX_LINK_TITLE and line[-1] not in "\u3002!?\uff01\uff1f;\uff1b"


_MAX_LINK_TITLE = 60
