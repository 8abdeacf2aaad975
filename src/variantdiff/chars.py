"""Character classes shared by the stages (pure functions; the tables of match keys are
filled in as they are first needed)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from functools import lru_cache

#: sentence-final punctuation (a line or paragraph ending in one is complete)
SENTENCE_END = frozenset("。！？!?…．；;：:")
#: closing quotes and brackets that may follow the sentence-final mark
CLOSERS = frozenset("”’」』）)》〉】\"'")


@lru_cache(maxsize=4096)
def is_wide(char: str) -> bool:
    """True for characters set in a full-width cell: CJK, kana, full-width forms, CJK punctuation.

    >>> is_wide("中"), is_wide("a"), is_wide("“"), is_wide("é")
    (True, False, True, False)
    """
    width = unicodedata.east_asian_width(char)
    if width in ("W", "F"):
        return True
    return width == "A" and not char.isalnum()


def display_width(text: str) -> int:
    """Cells a terminal or a newspaper column gives ``text``.

    >>> display_width("中文 ab")
    7
    """
    return sum(2 if is_wide(c) else 1 for c in text)


def is_space(char: str) -> bool:
    """Any white space, including the ideographic space U+3000."""
    return char.isspace() or char == "\u200b"


class _Table(dict[int, "int | None"]):
    """A str.translate table whose entry for a code point (what it becomes, None to take
    it out) ``rule`` works out from the character the first time a text holds it."""

    def __init__(self, rule: Callable[[str], int | None]) -> None:
        super().__init__()
        self._rule = rule

    def __missing__(self, code: int) -> int | None:
        value = self._rule(chr(code))
        self[code] = value
        return value


_SPACELESS = _Table(lambda char: None if is_space(char) else ord(char))


def without_spaces(text: str) -> str:
    r"""``text`` with its white space (:func:`is_space`) taken out.

    >>> without_spaces("１２ 多\u3000亿\n只\u200b")
    '１２多亿只'
    """
    return text.translate(_SPACELESS)


@lru_cache(maxsize=8192)
def is_punct(char: str) -> bool:
    """Punctuation or symbol (Unicode P* or S*), CJK and Latin alike.

    >>> is_punct("，"), is_punct("、"), is_punct("中"), is_punct("1")
    (True, True, False, False)
    """
    return unicodedata.category(char)[0] in "PS"


#: full-width ASCII forms and the ideographic space to their ASCII forms
_WIDTH_TABLE = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def fold_width(text: str) -> str:
    """Fold full-width ASCII forms (U+FF01–U+FF5E) and U+3000 to their ASCII forms.

    The CJK comma ，is the full-width comma, so it folds to ",". Use for matching and for
    the ``width`` variant kind, never for display.

    >>> fold_width("１２ＡＢ（")
    '12AB('
    """
    return text.translate(_WIDTH_TABLE)


def abbreviate(text: str, limit: int) -> str:
    """``text`` on one line (⏎ for line breaks), cut to ``limit`` characters with …

    >>> abbreviate("第一段\\n第二段很长很长", 6)
    '第一段⏎第二…'
    """
    text = text.replace("\n", "⏎")
    return text if len(text) <= limit else text[:limit] + "…"


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends with sentence-final punctuation (closing quotes allowed).

    >>> ends_sentence("我们深表同情。”"), ends_sentence("维护中国人民历经")
    (True, False)
    """
    end = len(text)
    while end and (text[end - 1] in CLOSERS or is_space(text[end - 1])):
        end -= 1
    return bool(end) and text[end - 1] in SENTENCE_END


def _key_char(char: str) -> int | None:
    """What a character is in a match key: none for spaces and punctuation, full-width
    ASCII folded."""
    folded = fold_width(char)
    return None if is_space(folded) or is_punct(folded) else ord(folded)


_KEY_TABLE = _Table(_key_char)
#: the characters a match key changes rather than keeps or leaves out: full-width letters
#: and digits (folded to ASCII), and those beyond the Basic Multilingual Plane (which
#: :func:`_left_out` does not cover)
_FOLDED_OR_ASTRAL = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\U00010000-\U0010ffff]")


@lru_cache(maxsize=1)
def _left_out() -> re.Pattern[str]:
    """Runs of the characters of the Basic Multilingual Plane a match key leaves out (white
    space, punctuation, symbols), as one character class: taking them out with it is
    several times faster than ``str.translate`` character by character. Built from
    :mod:`unicodedata` the first time it is needed (some 20 ms)."""
    category = unicodedata.category
    codes = [code for code, char in enumerate(map(chr, range(0x10000)))
             if is_space(char) or category(char)[0] in "PS"]
    ranges: list[list[int]] = []
    for code in codes:
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    body = "".join(re.escape(chr(lo)) if lo == hi else f"{re.escape(chr(lo))}-{re.escape(chr(hi))}"
                   for lo, hi in ranges)
    return re.compile(f"[{body}]+")


def match_key(text: str) -> str:
    """The text as compared for matching: no spaces or punctuation, width folded.

    >>> match_key("口罩 一项，就向美方出口了 １２０ 多亿只。")
    '口罩一项就向美方出口了120多亿只'
    """
    if _FOLDED_OR_ASTRAL.search(text):
        return text.translate(_KEY_TABLE)
    return _left_out().sub("", text)


def match_keys(texts: Sequence[str]) -> list[str]:
    """:func:`match_key` of each text, worked out for all of them at once (one pass over
    their characters, not one a text).

    >>> match_keys(["口罩 一项，", "", "１２０ 多亿只。"])
    ['口罩一项', '', '120多亿只']
    """
    joined = "\0".join(texts)  # (NUL is kept in a key, so it parts them again)
    if joined.count("\0") != len(texts) - 1 or _FOLDED_OR_ASTRAL.search(joined):
        return [match_key(text) for text in texts]
    return _left_out().sub("", joined).split("\0")
