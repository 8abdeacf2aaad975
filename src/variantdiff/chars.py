"""Character classes shared by the stages (pure functions; :func:`match_keys` fills in its
tables as it first meets a character)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from functools import lru_cache

import numpy as np

#: sentence-final punctuation (a line or paragraph ending in one is complete)
SENTENCE_END = frozenset("。！？!?…．；;：:")
#: closing quotes and brackets that may follow the sentence-final mark
CLOSERS = frozenset("”’」』）)》〉】\"'")
#: the number of an article, a chapter, a section or a part of a law (第十三条, 第三章)
ARTICLE_NUMBER = re.compile(r"第[一二三四五六七八九十百千零〇两\d]{1,6}[条章节编]")


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


#: variation selectors: a character's glyph asked for (葛 + U+E0100), no character of their own
SELECTORS = re.compile("[\ufe00-\ufe0f\U000e0100-\U000e01ef]")


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


#: signs that stand for a character (a lacuna, □ or ○, a name kept back, ×), not
#: punctuation, though Unicode counts them symbols
PLACEHOLDERS = frozenset("□○×")


@lru_cache(maxsize=8192)
def is_punct(char: str) -> bool:
    """Punctuation or symbol (Unicode P* or S*), CJK and Latin alike; not a sign that
    stands for a character (:data:`PLACEHOLDERS`).

    >>> is_punct("，"), is_punct("、"), is_punct("中"), is_punct("1"), is_punct("□")
    (True, True, False, False, False)
    """
    return unicodedata.category(char)[0] in "PS" and char not in PLACEHOLDERS


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


def match_key(text: str) -> str:
    """The text as compared for matching: no spaces or punctuation, width folded.

    >>> match_key("口罩 一项，就向美方出口了 １２０ 多亿只。")
    '口罩一项就向美方出口了120多亿只'
    """
    return text.translate(_KEY_TABLE)


#: :func:`match_keys` works through fewer characters one text at a time
_KEYS_AT_ONCE = 400
#: :func:`match_keys`' tables over the Basic Multilingual Plane, filled in as code points
#: are first met: whether each is known, kept, and what it folds to
_KNOWN = np.zeros(0x10000, dtype=bool)
_KEPT = np.zeros(0x10000, dtype=bool)
_FOLDED = np.zeros(0x10000, dtype=np.uint32)


def match_keys(texts: Sequence[str]) -> list[str]:
    """:func:`match_key` of each text, worked out for all of them at once (numpy over their
    code points: a document's sentences cost one pass, not one each).

    >>> match_keys(["口罩 一项，", "", "１２０ 多亿只。"])
    ['口罩一项', '', '120多亿只']
    """
    joined = "\0".join(texts)  # (NUL is kept in a key, so it parts them again)
    if len(joined) < _KEYS_AT_ONCE or joined.count("\0") != len(texts) - 1:
        # (a few hundred characters go sooner one text at a time)
        return [match_key(text) for text in texts]
    points = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    if len(points) and int(points.max()) > 0xFFFF:
        return [match_key(text) for text in texts]
    new = points[~_KNOWN[points]]
    for code in np.unique(new).tolist() if len(new) else ():
        value = _KEY_TABLE[code]
        _KEPT[code] = value is not None
        _FOLDED[code] = value or 0
        _KNOWN[code] = True
    kept = _FOLDED[points[_KEPT[points]]]
    return kept.tobytes().decode("utf-32-le", "surrogatepass").split("\0")


#: the Chinese numerals for the digits, and the figures they stand for
NUMERAL_DIGITS = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"零": "0", "两": "2"}
_DIGIT_TABLE = str.maketrans(NUMERAL_DIGITS)
_UNITS = {"十": 10, "百": 100, "千": 1000}
_LARGE_UNITS = {"万": 10_000, "亿": 100_000_000}
#: a run of Chinese numerals (digits and the units 十百千), with its decimals (一点二; not
#: a time's minutes, 十点零五分)
_NUMERAL_RUN = re.compile(f"[{''.join(NUMERAL_DIGITS)}十百千]+"
                          f"(?:[万亿][{''.join(NUMERAL_DIGITS)}][{''.join(NUMERAL_DIGITS)}十百千]*)*"
                          f"(?:点[{''.join(NUMERAL_DIGITS)}]+"
                          f"(?![{''.join(NUMERAL_DIGITS)}十百千分刻]))?")
#: 点 between figures, as a decimal point (not a time's: 10点05分)
_POINT = re.compile(r"(\d)点(\d+)(?![\d分刻])")
#: a share in words (百分之五点五, 千分之三): the number is read with its sign after it
_SHARE = re.compile("(百分之|千分之)(" + _NUMERAL_RUN.pattern + ")")


def to_arabic(text: str) -> str:
    """Chinese numerals as Arabic digits, for comparison (二〇二〇→2020, 二十一→21).

    >>> to_arabic("二〇二〇年"), to_arabic("二十一"), to_arabic("十"), to_arabic("１２")
    ('2020年', '21', '10', '12')
    >>> to_arabic("百分之五点五"), to_arabic("加快一点二"), to_arabic("好一点")
    ('5.5%', '加快1.2', '好1点')
    >>> to_arabic("三点五十分"), to_arabic("十点零五分")  # (times: no decimals)
    ('3点50分', '10点05分')
    """
    text = _SHARE.sub(lambda m: _in_digits(m, 2) + ("%" if m.group(1) == "百分之" else "‰"),
                      fold_width(text))
    # (a decimal point in words set between figures reads as the decimal does: 10点05)
    return _POINT.sub(r"\1.\2", _NUMERAL_RUN.sub(_in_digits, text))


def _in_digits(found: re.Match[str], group: int = 0) -> str:
    """A run of Chinese numerals in Arabic digits (二十一→21, 二〇二〇→2020, 五点五→5.5)."""
    run, point, decimals = found.group(group).partition("点")
    if point:
        return numeral_value(run) + "." + decimals.translate(_DIGIT_TABLE)
    return numeral_value(run)


def numeral_value(run: str) -> str:
    """A run of Chinese numerals with no decimals in figures; 万 and 亿 inside it (三万五千)
    count its ten thousands and hundred millions.

    >>> numeral_value("二〇二〇"), numeral_value("三万五千"), numeral_value("一亿二千万零五")
    ('2020', '35000', '120000005')
    """
    if not any(c in "十百千万亿" for c in run):
        return run.translate(_DIGIT_TABLE)
    total = section = number = 0
    for c in run:
        if c in NUMERAL_DIGITS:
            number = int(NUMERAL_DIGITS[c])
        elif c in _UNITS:
            section += (number or 1) * _UNITS[c]
            number = 0
        else:  # (万, 亿: what came before counts them)
            total += (section + number) * _LARGE_UNITS[c]
            section = number = 0
    return str(total + section + number)


def numbers_apart(a: str, b: str, a_figures: str | None = None,
                  b_figures: str | None = None) -> bool:
    """One of ``a`` and ``b`` sets numbers in figures and the other in words: they may
    be one text with its numbers written two ways (2024年3月15日 / 二〇二四年三月十五日),
    not two texts whose words hold 十, 百 or 千 (十分重视 / 千方百计). ``a_figures`` and
    ``b_figures`` may pass in their :func:`to_arabic` forms when the caller has them.

    >>> numbers_apart("2024年3月15日", "二〇二四年三月十五日"), numbers_apart("十分重视", "千方百计")
    (True, False)
    """
    figures = [any(c.isdigit() for c in text) for text in (a, b)]
    words = [(to_arabic(text) if form is None else form) != fold_width(text)
             for text, form in ((a, a_figures), (b, b_figures))]
    return (figures[0] and words[1]) or (figures[1] and words[0])
