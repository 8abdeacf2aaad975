"""Turn alignment edits into variants: group them into readings, show whole words, name the kind.

Kinds (the ``kind`` field of the JSON contract)::

    reading level   substitution insertion deletion transposition punctuation
                    script width numeral whitespace
    block level     omission addition move furniture
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Container, Sequence
from dataclasses import dataclass, replace

from .align import Edit, align, char_edits
from .chars import (
    ARTICLE_NUMBER,
    NUMERAL_DIGITS,
    SELECTORS,
    abbreviate,
    ends_sentence,
    fold_width,
    is_punct,
    is_space,
    numeral_value,
    to_arabic,
    without_spaces,
)
from .script import merged, regional_forms, same_text, set_in_traditional, to_simplified
from .words import WordBounds

READING_KINDS = ("substitution", "insertion", "deletion", "transposition", "punctuation",
                 "script", "width", "numeral", "whitespace")
BLOCK_KINDS = ("omission", "addition", "move", "furniture")
KINDS = READING_KINDS + BLOCK_KINDS

_BLOCK_TAGS = {"omit": "omission", "add": "addition", "move": "move"}
#: never widen a reading by more than this many characters on one side to reach a word edge
_MAX_WIDEN = 4
_CONTEXT = 8
#: an inserted and a deleted word this close (shared characters between) are a swap
MAX_SWAP_GAP = 4
#: the words that join two items of a list (重点行业和重点企业), as a mark does
_CONJUNCTIONS = frozenset("和与與及或")


@dataclass(frozen=True)
class Reading:
    """A classified variant in unit-text coordinates (end offsets exclusive)."""

    kind: str
    a_start: int
    a_end: int
    b_start: int
    b_end: int
    a_text: str
    b_text: str
    context: str


def kind_of(a: str, b: str) -> str:
    """The kind of a reading-level variant ``a`` → ``b``.

    >>> [kind_of(*p) for p in [("回援", "回报"), ("", "会"), ("，", "；"), ("敲詐", "敲诈")]]
    ['substitution', 'insertion', 'punctuation', 'script']
    >>> [kind_of(*p) for p in [("１２", "12"), ("二〇二〇", "2020"), ("军舰军机", "军机军舰")]]
    ['width', 'numeral', 'transposition']
    >>> kind_of("第四十六条", "第六十四条"), kind_of("46", "64")
    ('substitution', 'substitution')
    >>> kind_of("15.6%", "百分之十五點六"), kind_of("１５.６％", "百分之十五点六")
    ('numeral', 'numeral')
    """
    a_core, b_core = without_spaces(a), without_spaces(b)
    if a_core == b_core:
        return "whitespace"
    if a_core and b_core and SELECTORS.sub("", a_core) == SELECTORS.sub("", b_core):
        return "script"  # (a glyph a variation selector asks for: 葛󠄀/葛)
    if a_core and b_core and fold_width(a_core) == fold_width(b_core):
        return "width"
    if all(is_punct(c) for c in a_core + b_core):
        return "punctuation"
    if not a_core:
        return "insertion"
    if not b_core:
        return "deletion"
    a_form, b_form = fold_width(a_core), fold_width(b_core)
    one_form = to_simplified(a_form) == to_simplified(b_form)
    if one_form and not merged(a_form, b_form):
        return "script"  # (not two characters simplification merges: 鍾/鐘 is a reading)
    a_simple, b_simple = to_simplified(a_form), to_simplified(b_form)
    if a_simple != b_simple and (_in_figures(a_simple) == _in_figures(b_simple)
                                 or a_simple.replace("○", "〇") == b_simple.replace("○", "〇")):
        return "numeral"  # (in a traditional copy too: 百分之十五點六/15.6%; 二○/二〇)
    if len(a_core) > 1 and not one_form \
            and sorted(to_simplified(a_core)) == sorted(to_simplified(b_core)) \
            and not (_NUMBER_ONLY.fullmatch(a_form) and _NUMBER_ONLY.fullmatch(b_form)):
        return "transposition"  # (a traditional copy's swap too: 主权和尊严/尊嚴和主權)
    return "substitution"  # (a number's digits in another order too: 第四十六条/第六十四条)


def _unmarked(text: str) -> str:
    """``text`` without its punctuation."""
    return "".join(c for c in text if not is_punct(c))


def _marks(text: str) -> str:
    """The punctuation of ``text``."""
    return "".join(c for c in text if is_punct(c))


#: a number alone, an ordinal or a count of articles (第四十六条, 46, 四十六)
_NUMBER_ONLY = re.compile(r"第?[0-9.〇零一二三四五六七八九十百千万亿两]+[条章节款项]?")


#: a number in figures counted in ten thousands or hundred millions (2万, 3.5亿)
_TEN_THOUSANDS = re.compile(r"(\d+(?:\.\d+)?)([万亿])")
#: the zeros of each count
_ZEROS = {"万": 4, "亿": 8}
#: a number in words that ends in ten thousands or hundred millions (三亿五千万, 两万)
_NUMERALS = "".join(NUMERAL_DIGITS) + "十百千万亿"
_LARGE_WORDS = re.compile(f"(?<![{_NUMERALS}])[{_NUMERALS}]*[{''.join(NUMERAL_DIGITS)}十百千]"
                          f"[万亿]+(?![{_NUMERALS}])")
#: the ring a print or an OCR sets for the zero of a number in words (二○二四)
_RING_ZERO = re.compile(f"(?<=[{''.join(NUMERAL_DIGITS)}])○|○(?=[{''.join(NUMERAL_DIGITS)}])")


#: a fraction in words once its numbers are in figures (3分之1, from 三分之一): 1/3
_FRACTION = re.compile(r"(?<![0-9])([0-9]+)分之([0-9]+(?:\.[0-9]+)?)")
#: decimals of nothing but zeros before a percent sign or a count (8.0%, 3.0万): the
#: number is the whole one, as 百分之八 and 三万 set it
_ZERO_DECIMALS = re.compile(r"(?<=[0-9])\.0+(?=[%万亿])")
#: two digits in a row that no number in words holds (三五万 is thirty to fifty
#: thousand), or a count said twice (千千万万, 十万亿)
_ILL_FORMED = re.compile("[一二三四五六七八九两][一二三四五六七八九两]|([十百千万亿])\\1|万亿")


def _well_formed(run: str) -> bool:
    """``run`` reads as one number in words that :func:`numeral_value` counts out.

    >>> _well_formed("三亿五千万"), _well_formed("三五万"), _well_formed("十万亿")
    (True, False, False)
    """
    return not _ILL_FORMED.search(run)


def _in_figures(text: str) -> str:
    """``text`` with its numbers in figures (:func:`to_arabic`), ten thousands and
    hundred millions counted out (两万 and 20000 are one number, 3.5万 and 35000,
    三亿五千万 and 3.5亿 too), a ring for a zero (二○二四) a zero.

    >>> _in_figures("两万人"), _in_figures("3.5万"), _in_figures("万一")
    ('20000人', '35000', '万1')
    >>> _in_figures("三亿五千万人次"), _in_figures("3.5亿人次"), _in_figures("二○二四年")
    ('350000000人次', '350000000人次', '2024年')
    >>> _in_figures("三万五千"), _in_figures("两万"), _in_figures("8.0%"), _in_figures("3.0万")
    ('35000', '20000', '8%', '30000')
    >>> _in_figures("三分之一"), _in_figures("十分之三点五")
    ('1/3', '3.5/10')
    """
    def counted(found: re.Match[str]) -> str:
        whole, _, decimals = found.group(1).partition(".")
        zeros = _ZEROS[found.group(2)]
        return str(int(whole + decimals.ljust(zeros, "0")[:zeros])) if len(decimals) <= zeros \
            else found.group(0)

    if "○" in text:
        text = _RING_ZERO.sub("〇", text)
    if "万" in text or "亿" in text:
        text = _LARGE_WORDS.sub(lambda found: numeral_value(found.group(0))
                                if _well_formed(found.group(0)) else found.group(0), text)
    text = to_arabic(text)
    if "分之" in text:
        text = _FRACTION.sub(r"\2/\1", text)
    if "." in text:
        text = _ZERO_DECIMALS.sub("", text)
    return _TEN_THOUSANDS.sub(counted, text) if "万" in text or "亿" in text else text


#: characters on each side of a reading that a regional form is read with
_PHRASE = 2


def kind_in(a_text: str, b_text: str, a0: int, a1: int, b0: int, b1: int,
            regional: bool = False) -> str:
    """:func:`kind_of` of ``a_text[a0:a1]`` → ``b_text[b0:b1]``. With ``regional`` (a copy
    set in traditional characters), a Hong Kong or Taiwan form that OpenCC's t2s keeps
    (衞生, 意味著) is a ``script`` reading too, read in its phrase: 著名 is no 着名, and
    between two simplified copies 显著/显着 stays a substitution.

    >>> kind_in("这不意味着没有", "这不意味著没有", 4, 5, 4, 5, regional=True)
    'script'
    >>> kind_in("，著名作家", "，着名作家", 1, 2, 1, 2, regional=True)
    'substitution'
    >>> kind_in("成效显著", "成效显着", 3, 4, 3, 4)
    'substitution'
    >>> kind_in("进一步指明了方向", "進一步指明瞭方向", 5, 6, 5, 6, regional=True)
    'script'
    """
    a, b = a_text[a0:a1], b_text[b0:b1]
    kind = kind_of(a, b)
    # (the phrase decides: OpenCC reads 指明瞭 as 指明了, though 瞭 alone stays 瞭)
    if regional and kind in ("substitution", "transposition") \
            and same_text(fold_width(a_text[max(0, a0 - _PHRASE):a1 + _PHRASE]),
                          fold_width(b_text[max(0, b0 - _PHRASE):b1 + _PHRASE])):
        return "script"
    return kind


def _abbr(text: str, limit: int = 12) -> str:
    return abbreviate(text, limit)


def context_of(a_text: str, start: int, end: int, a: str, b: str) -> str:
    """A's text around ``[start, end)`` with the reading marked ``[a/b]``."""
    before = a_text[max(0, start - _CONTEXT):start].replace("\n", "⏎")
    after = a_text[end:end + _CONTEXT].replace("\n", "⏎")
    return f"{before}[{_abbr(a)}/{_abbr(b)}]{after}"


def _swap(first: Edit, second: Edit) -> bool:
    """An insertion and a deletion of the same text around a short shared stretch: two
    words that changed places (一位海外 / 海外一位)."""
    tags = {first.tag, second.tag}
    if tags != {"insert", "delete"}:
        return False
    ins, dele = (first, second) if first.tag == "insert" else (second, first)
    return (ins.b_end - ins.b_start) == (dele.a_end - dele.a_start) > 0 and \
        first.a_end <= second.a_start and first.b_end <= second.b_start


#: two items of a list that change places are read as one transposition when the one
#: that stays between them is at most this long
_ITEM_SWAP_GAP = 16
#: what stands between the items of a list
_ITEM_MARKS = "、，,；;和与及"


def _items_swapped(first: Edit, second: Edit, a_text: str, b_text: str) -> bool:
    """An insertion and a deletion of the same item, marks between items aside, around an
    item that stays, within one sentence: two items of a list that changed places
    (中央政治局常委、全国政协 / 全国政协、中央政治局常委).

    >>> _items_swapped(Edit("insert", 0, 0, 0, 3), Edit("delete", 2, 5, 5, 5),
    ...                "甲乙、丙丁", "戊己、甲乙")
    False
    >>> _items_swapped(Edit("insert", 0, 0, 0, 5), Edit("delete", 7, 12, 12, 12),
    ...                "中央政治局常委、全国政协", "全国政协、中央政治局常委")
    True
    """
    if {first.tag, second.tag} != {"insert", "delete"} or first.a_end > second.a_start:
        return False
    texts = [a_text[e.a_start:e.a_end] + b_text[e.b_start:e.b_end] for e in (first, second)]
    items = {text.strip(_ITEM_MARKS) for text in texts}
    between = a_text[first.a_end:second.a_start]
    return len(items) == 1 and len(items.pop()) >= 2 \
        and 0 < len(between) <= _ITEM_SWAP_GAP and not any(ends_sentence(c) for c in between)


def _spacing(edit: Edit, a_text: str, b_text: str) -> bool:
    """``edit`` changes white space only (a space against a line break)."""
    return all(is_space(c) for c in a_text[edit.a_start:edit.a_end]
               + b_text[edit.b_start:edit.b_end])


def _joined(edits: Sequence[Edit], a_text: str, b_text: str) -> list[Edit]:
    """Character edits that touch (no equal character between them, on either side) as
    one, but a change of white space only: an insertion beside a replacement (援 added, 报
    for ，) is one replacement (报 → 援，), whatever pairing of characters the alignment
    chose."""
    out: list[Edit] = []
    for edit in edits:
        prev = out[-1] if out else None
        if prev is not None and edit.a_start == prev.a_end and edit.b_start == prev.b_end \
                and _spacing(edit, a_text, b_text) == _spacing(prev, a_text, b_text):
            out[-1] = _edit(prev.a_start, edit.a_end, prev.b_start, edit.b_end)
            continue
        out.append(edit)
    return out


#: white space within a line
_SPACES = " \t\u3000\xa0"
_LATIN = re.compile("[A-Za-z]")


def _spaces_apart(edit: Edit, a_text: str, b_text: str) -> list[Edit]:
    r"""``edit``, a replacement that ends (or starts) in white space on one side, as the
    replacement and the change of white space apart: ， → 。\n (a mark changed where one
    copy breaks the paragraph) is ， → 。 and a paragraph break added.

    >>> [(e.tag, e.a_start, e.a_end, e.b_start, e.b_end)
    ...  for e in _spaces_apart(Edit("replace", 0, 1, 0, 2), "，", "。\n")]
    [('replace', 0, 1, 0, 1), ('insert', 1, 1, 1, 2)]

    Words replaced by nothing but white space are words dropped (or added) and the white
    space apart: 举行 → \n, where one copy breaks the paragraph after the words it dropped.

    >>> [(e.tag, e.a_start, e.a_end, e.b_start, e.b_end)
    ...  for e in _spaces_apart(Edit("replace", 0, 2, 0, 1), "举行", "\n")]
    [('delete', 0, 2, 0, 0), ('insert', 2, 2, 0, 1)]

    Words added (or dropped) with spaces at an end (not a line break: a paragraph it
    ends) are the words and the spaces apart:

    >>> [(e.tag, e.a_start, e.a_end, e.b_start, e.b_end)
    ...  for e in _spaces_apart(Edit("insert", 3, 3, 5, 8), "2022", "2 0 2 0 2")]
    [('insert', 3, 3, 5, 6), ('insert', 3, 3, 6, 7), ('insert', 3, 3, 7, 8)]
    """
    a0, a1, b0, b1 = edit.a_start, edit.a_end, edit.b_start, edit.b_end
    if edit.tag == "replace":
        a_blank = all(is_space(c) for c in a_text[a0:a1])
        b_blank = all(is_space(c) for c in b_text[b0:b1])
        # (the words first, right after the text before them, then the white space)
        if b_blank and not a_blank:
            return [Edit("delete", a0, a1, b0, b0), Edit("insert", a1, a1, b0, b1)]
        if a_blank and not b_blank:
            return [Edit("insert", a0, a0, b0, b1), Edit("delete", a0, a1, b1, b1)]
    elif edit.tag in ("insert", "delete"):
        # (a figure added among figures set apart, 2 0 2 2 / 2 0 2 0 2: the figure, and the
        # space beside it apart)
        text, lo, hi = (b_text, b0, b1) if edit.tag == "insert" else (a_text, a0, a1)
        core = text[lo:hi].strip(_SPACES)
        # (a word of Latin letters keeps the space that parts it from the next one)
        if core and core != text[lo:hi] and not _LATIN.search(core):
            start = text.find(core, lo, hi)
            spans = [(lo, start), (start, start + len(core)), (start + len(core), hi)]
            return [Edit(edit.tag, a0, a0, s, e) if edit.tag == "insert"
                    else Edit(edit.tag, s, e, b0, b0) for s, e in spans if s < e]
    return _ends_apart(edit, a_text, b_text, lambda text, i: is_space(text[i]))


def _peeled(edit: Edit, a_text: str, b_text: str) -> list[Edit]:
    """``edit``, a replacement of words that ends (or starts) in punctuation marks
    (:func:`_mark`) on one side or both, as the replacement of the words and the marks
    apart: 报 → 援， is 报 → 援 and
    ， added, 回援， → 回报； is 回援 → 回报 and ， → ；. A number's mark (：, .) is
    one of them where no figure stands beside it: 】目 → ：当 is 】 → ： and 目 → 当.

    >>> [(e.tag, e.a_start, e.a_end, e.b_start, e.b_end)
    ...  for e in _peeled(Edit("replace", 0, 1, 0, 2), "报", "援，")]
    [('replace', 0, 1, 0, 1), ('insert', 1, 1, 1, 2)]
    >>> [(e.tag, e.a_start, e.a_end, e.b_start, e.b_end)
    ...  for e in _peeled(Edit("replace", 3, 5, 3, 5), "雷正龙】目前", "雷正龙：当前")]
    [('replace', 3, 4, 3, 4), ('replace', 4, 5, 4, 5)]
    >>> [(e.tag, e.a_start, e.a_end, e.b_start, e.b_end)
    ...  for e in _peeled(Edit("replace", 2, 4, 2, 4), "10点30", "10：40")]
    [('replace', 2, 4, 2, 4)]
    >>> [(e.tag, e.a_start, e.a_end, e.b_start, e.b_end)
    ...  for e in _peeled(Edit("replace", 2, 5, 2, 6), "10……这说", "10...那说")]
    [('replace', 2, 4, 2, 5), ('replace', 4, 5, 5, 6)]

    A bracket whose partner the words hold stays with them: 《经济日报》记者 → 问 is one
    replacement, not 《 dropped and 经济日报》记者 → 问.

    >>> [(e.a_start, e.a_end, e.b_start, e.b_end)
    ...  for e in _peeled(Edit("replace", 0, 8, 0, 1), "《经济日报》记者：", "问：")]
    [(0, 8, 0, 1)]
    """
    if a_text is b_text:  # (one string: the side a character is on cannot be told)
        return _ends_apart(edit, a_text, b_text, _mark_at)

    def apart(text: str, i: int) -> bool:
        lo, hi = (edit.a_start, edit.a_end) if text is a_text else (edit.b_start, edit.b_end)
        c = text[i]
        # (not a bracket whose partner the stretch holds: it goes with the words)
        return _mark_at(text, i) and not any(
            (c == pair[0] and pair[1] in text[i + 1:hi])
            or (c == pair[1] and pair[0] in text[lo:i]) for pair in _PAIRS)

    return _ends_apart(edit, a_text, b_text, apart)


#: brackets and quotes, each opening mark with its closing one
_PAIRS = ("《》", "〈〉", "（）", "()", "【】", "[]", "「」", "『』", "“”", "‘’")


def _ends_apart(edit: Edit, a_text: str, b_text: str, apart: Callable[[str, int], bool],
                ) -> list[Edit]:
    """``edit``, a replacement, with the characters ``apart`` picks at its start and its
    end (on one side or both) as edits of their own, where the replacement keeps some
    other characters on both sides."""
    a0, a1, b0, b1 = edit.a_start, edit.a_end, edit.b_start, edit.b_end
    if edit.tag != "replace":
        return [edit]

    def picked(text: str, lo: int, hi: int, step: int) -> int:
        # how many such characters the stretch has at its end (step -1) or start (+1)
        n = 0
        while n < hi - lo and apart(text, hi - 1 - n if step < 0 else lo + n):
            n += 1
        return n

    ta, tb = picked(a_text, a0, a1, -1), picked(b_text, b0, b1, -1)
    ha, hb = picked(a_text, a0, a1 - ta, 1), picked(b_text, b0, b1 - tb, 1)
    if (not (ta or tb) and not (ha or hb)) or a1 - ta - ha <= a0 or b1 - tb - hb <= b0:
        return [edit]  # (none at either end, or nothing else on one side)
    out = []
    if ha or hb:
        out.append(_edit(a0, a0 + ha, b0, b0 + hb))
    out.append(Edit("replace", a0 + ha, a1 - ta, b0 + hb, b1 - tb))
    if ta or tb:
        out.append(_edit(a1 - ta, a1, b1 - tb, b1))
    return out


def _edit(a0: int, a1: int, b0: int, b1: int) -> Edit:
    """The edit of ``a_text[a0:a1]`` into ``b_text[b0:b1]``, tagged by which is empty."""
    return Edit("replace" if a1 > a0 and b1 > b0 else "insert" if b1 > b0 else "delete",
                a0, a1, b0, b1)


#: marks that end a clause or a sentence: one both copies hold between two changes parts
#: them into two readings (not 、 between the items of a list, 美国、日本/日本、美国, nor
#: the . or : inside a number, 3.5/4.6, 10:30/11:45)
_PARTING = frozenset("，。；：！？,;!?")
#: marks that belong to a number (3.5%, 10:30, 1,000): never read apart from it
_NUMBER_MARKS = frozenset(".,:%％‰．：/-")
#: … of them, those that follow a figure (5%)
_AFTER_FIGURES = frozenset("%％‰")


#: the marks between the clauses of a sentence: a passage holding one is a clause or more,
#: read with the mark at one of its ends where it may as well stand there
_CLAUSE_MARKS = frozenset("，、；：")


def _mark(c: str) -> bool:
    """``c`` is a punctuation mark that is read apart from the words beside it: a clause
    mark, a quotation mark or bracket, a book title's mark (not one of a number's)."""
    return is_punct(c) and c not in _NUMBER_MARKS


def _mark_at(text: str, i: int) -> bool:
    """``text[i]`` is a mark read apart from the words beside it (:func:`_mark`), or a
    number's mark with no figure beside it (the colon after a label)."""
    c = text[i]
    if c in _NUMBER_MARKS:
        # (a sign after a figure, 5%, or a mark between two, 3.5, 10:30, 1,000)
        before, after = (0 <= k < len(text) and text[k].isdigit() for k in (i - 1, i + 1))
        return is_punct(c) and not (before and (after or c in _AFTER_FIGURES))
    return _mark(c)


def _punctuation(edit: Edit, a_text: str, b_text: str) -> bool:
    """``edit`` changes such marks only (:func:`_mark_at`)."""
    changed = a_text[edit.a_start:edit.a_end] + b_text[edit.b_start:edit.b_end]
    return bool(changed.strip()) and all(
        _mark_at(text, i) or is_space(text[i])
        for text, lo, hi in ((a_text, edit.a_start, edit.a_end), (b_text, edit.b_start, edit.b_end))
        for i in range(lo, hi))


def _words_apart(group: Sequence[Edit], edit: Edit, a_bounds: WordBounds, a_text: str,
                 b_text: str) -> bool:
    """``group`` ends a word and ``edit`` changes the next one, one equal character
    between, each a replacement (积极回援/及时回报: 积极/及时 and 回援/回报), or one a
    replacement of a word and the other a word added or dropped beside a character that
    is a word of its own (创造了/六世了积极: 创造/六世 and 积极 added), unless the two are
    one change read together (军舰军机/军机军舰, a transposition)."""
    prev = group[-1]
    tags = {prev.tag, edit.tag}
    if edit.a_start - prev.a_end != 1 or prev.a_end not in a_bounds \
            or not "\u3400" <= a_text[prev.a_end] <= "\u9fff":
        return False
    if tags != {"replace"} and not (
            "replace" in tags and len(tags) == 2 and prev.a_end + 1 in a_bounds
            and all(e.a_end - e.a_start >= 2 and e.b_end - e.b_start >= 2
                    for e in (prev, edit) if e.tag == "replace")):
        # (a word dropped beside a character, 一个中国/一中, or a number, 3.5/4.6, is one
        # reading)
        return False
    a0, b0 = group[0].a_start, group[0].b_start
    return kind_of(a_text[a0:edit.a_end], b_text[b0:edit.b_end]) == "substitution"


#: brackets and quotation marks, opening and closing
_BRACKETS = frozenset("【】[]（）()“”‘’「」『』《》〈〉〔〕")


def _bracketed(group: Sequence[Edit], edit: Edit, a_text: str, b_text: str) -> bool:
    """``group``, marks changed only, and ``edit`` change a bracket, one of them, around
    the words between them (【问】/问：): two changes of marks, not one of the words."""
    changed = [a_text[e.a_start:e.a_end] + b_text[e.b_start:e.b_end] for e in (*group, edit)]
    return all(_punctuation(e, a_text, b_text) for e in group) \
        and any(c in _BRACKETS for text in changed for c in text)


def _group(edits: Sequence[Edit], a_bounds: WordBounds, a_text: str,
           b_text: str) -> list[list[Edit]]:
    """Group character edits that belong to one reading: at most one equal character
    between them (not a punctuation mark), or an equal stretch inside a single word; a
    change of white space only, or of punctuation only beside a change of words, is a
    reading of its own (8502 / 8562⏎ is 0/6 and a line break)."""
    groups: list[list[Edit]] = []
    for edit in edits:
        if groups and _spacing(edit, a_text, b_text) == _spacing(groups[-1][-1], a_text, b_text):
            prev = groups[-1][-1]
            gap = edit.a_start - prev.a_end
            # (two edits of one alignment have the same stretch between them on both
            # sides; an edit inside a moved sentence and one beside it do not)
            one_run = gap == edit.b_start - prev.b_end
            inside_word = a_bounds.next_from(prev.a_end) > edit.a_start
            swapped = one_run and len(groups[-1]) == 1 and (
                (gap <= MAX_SWAP_GAP and _swap(prev, edit))
                or _items_swapped(prev, edit, a_text, b_text))
            # (an equal punctuation mark between them parts two readings, and so does a
            # change of punctuation only beside a change of words: 回援，/回报 is 回援/回报
            # and a comma dropped)
            # (and so do brackets changed around an equal word, 问：/【问】)
            marks = _punctuation(prev, a_text, b_text), _punctuation(edit, a_text, b_text)
            parted = (gap == 1 and a_text[prev.a_end] in _PARTING) or marks[0] != marks[1] \
                or (all(marks) and gap > 0 and _bracketed(groups[-1], edit, a_text, b_text)) \
                or _words_apart(groups[-1], edit, a_bounds, a_text, b_text)
            if (one_run and (gap <= 1 or inside_word) and not parted) or swapped:
                groups[-1].append(edit)
                continue
            if one_run and gap <= MAX_SWAP_GAP and _swap(prev, edit) \
                    and _moved(prev, a_text, b_text) == _moved(edit, a_text, b_text):
                # the words swapped beside another change, which took the first of them
                # (基式绿色低碳/方式低碳绿色: 基/方 and a transposition)
                groups[-1].pop()
                groups.append([prev, edit])
                continue
        groups.append([edit])
    return groups


def _moved(edit: Edit, a_text: str, b_text: str) -> str:
    """The text an insertion or deletion adds or drops."""
    return a_text[edit.a_start:edit.a_end] + b_text[edit.b_start:edit.b_end]


def _widen(a_text: str, b_text: str, a0: int, a1: int, b0: int, b1: int,
           a_bounds: Container[int], b_bounds: Container[int],
           a_floor: int, a_ceil: int) -> tuple[int, int, int, int]:
    """Widen both sides equally over shared text until each side starts and ends on a word
    boundary (within ``_MAX_WIDEN`` characters and the equal stretch around the reading)."""
    left = 0
    for k in range(0, _MAX_WIDEN + 1):
        if a0 - k < a_floor or b0 - k < 0:
            break
        if k and a_text[a0 - k] != b_text[b0 - k]:
            break
        left = k
        if (a0 - k) in a_bounds and (b0 - k) in b_bounds:
            break
    else:
        left = 0
    if not ((a0 - left) in a_bounds and (b0 - left) in b_bounds):
        left = 0
    right = 0
    for k in range(0, _MAX_WIDEN + 1):
        if a1 + k > a_ceil or b1 + k > len(b_text):
            break
        if k and a_text[a1 + k - 1] != b_text[b1 + k - 1]:
            break
        right = k
        if (a1 + k) in a_bounds and (b1 + k) in b_bounds:
            break
    if not ((a1 + right) in a_bounds and (b1 + right) in b_bounds):
        right = 0
    return a0 - left, a1 + right, b0 - left, b1 + right


def _slid(a_text: str, b_text: str, span: tuple[int, int, int, int],
          fine: tuple[Container[int], Container[int]], floor: int, ceil: int,
          ) -> tuple[int, int, int, int]:
    """An insertion or a deletion in a run that repeats (中共中央 → 中央: 中共 or 共中 dropped
    alike) moved along the run to where it stands on word edges, the nearest such place
    (itself when it does, or when none does), within ``floor``..``ceil`` of A; a passage
    of clauses, to where a clause mark stands at one of its ends if it can (…制度，并将其
    纳入…控制 / 制度。 is read ，并将其纳入…控制制度).

    >>> from variantdiff.words import WordBounds
    >>> a, b = "中共中央政治局委员", "中央政治局委员"
    >>> _slid(a, b, (1, 3, 1, 1), (WordBounds(a, True), WordBounds(b, True)), 0, len(a))
    (0, 2, 0, 0)
    """
    a0, a1, b0, b1 = span
    deleted = a0 < a1
    text, lo, hi, bounds = (a_text, a0, a1, fine[0]) if deleted else (b_text, b0, b1, fine[1])

    def marked(k: int) -> bool:  # (a clause is read with the mark at one of its ends)
        return _mark(text[lo + k]) or _mark(text[hi + k - 1])

    if lo in bounds and hi in bounds and (marked(0) or not _CLAUSE_MARKS & set(text[lo:hi])):
        return span
    places = [0]
    k = 0  # (leftwards: the character before the run equals its last one)
    while lo + k - 1 >= 0 and text[lo + k - 1] == text[hi + k - 1] \
            and a0 + k - 1 >= floor and b0 + k - 1 >= 0:
        k -= 1
        places.append(k)
    k = 0
    while hi + k < len(text) and text[lo + k] == text[hi + k] and a1 + k + 1 <= ceil \
            and b1 + k + 1 <= len(b_text):
        k += 1
        places.append(k)
    edged = [k for k in sorted(places, key=lambda k: (abs(k), k))
             if lo + k in bounds and hi + k in bounds]
    k = next((k for k in edged if marked(k)), edged[0] if edged else 0)
    return a0 + k, a1 + k, b0 + k, b1 + k


def _trim(a_text: str, b_text: str, a0: int, a1: int, b0: int, b1: int,
          bounds: tuple[Container[int], Container[int], Container[int], Container[int]],
          ) -> tuple[int, int, int, int]:
    """Drop a shared leading or trailing word from a widened reading: a compound on one
    side (积极探索) against two words on the other (积极 探讨) gives 探索/探讨."""
    a_acc, b_acc, a_fine, b_fine = bounds

    def cut_ok(ka: int, kb: int) -> bool:
        return ka in a_fine and kb in b_fine and (ka in a_acc or kb in b_acc)

    shared = 0
    while shared < min(a1 - a0, b1 - b0) - 1 and a_text[a0 + shared] == b_text[b0 + shared]:
        shared += 1
    for k in range(shared, 0, -1):
        if cut_ok(a0 + k, b0 + k):
            a0, b0 = a0 + k, b0 + k
            break
    shared = 0
    while shared < min(a1 - a0, b1 - b0) - 1 and \
            a_text[a1 - 1 - shared] == b_text[b1 - 1 - shared]:
        shared += 1
    for k in range(shared, 0, -1):
        if cut_ok(a1 - k, b1 - k):
            a1, b1 = a1 - k, b1 - k
            break
    return a0, a1, b0, b1


#: signs set inside a number (221.8, 1,000, 12:30, 3/4)
_IN_NUMBER = frozenset(".,:/-%+")
#: brackets set in another width are one reading with the words they hold, up to this
#: many characters of them, no punctuation among them (（一）/(一), （试行）/(试行),
#: （以下简称土地权利人）/(以下简称土地权利人))
_BRACKETED_MAX = 24


#: the character edit a block of marks alone is
_MARKS_ONLY = {"add": "insert", "omit": "delete"}


def _at_a_paragraph_start(e: Edit, edits: Sequence[Edit], a_text: str, b_text: str) -> Edit:
    """A passage ``e`` only one copy has, moved to the place of the same reading (the
    text around it repeats what it holds) where it opens a paragraph, the last such: a
    paragraph a copy prints twice is its second print, not the end of the first and the
    start of the second. ``e`` as it is where it opens a paragraph already, or can open
    none.

    >>> e = _at_a_paragraph_start(Edit("add", 4, 4, 4, 7), [], "问：甲乙\\n丙丁",
    ...                           "问：甲乙\\n甲乙\\n丙丁")
    >>> (e.b_start, e.b_end)
    (5, 8)
    """
    if e.tag not in _MARKS_ONLY or (e.a_start < e.a_end) == (e.b_start < e.b_end):
        return e
    added = e.b_start < e.b_end
    text, lo, hi = (b_text, e.b_start, e.b_end) if added else (a_text, e.a_start, e.a_end)
    if not lo or text[lo - 1] == "\n":
        return e
    point = e.a_start if added else e.b_start
    other = [x for x in edits if x is not e]
    # (the shared text on either side, up to the next reading on both sides)
    room_left = min(lo - max((x.b_end if added else x.a_end for x in other
                              if (x.b_end if added else x.a_end) <= lo), default=0),
                    point - max((x.a_end if added else x.b_end for x in other
                                 if (x.a_end if added else x.b_end) <= point), default=0))
    room_right = min(min((x.b_start if added else x.a_start for x in other
                          if (x.b_start if added else x.a_start) >= hi), default=len(text)) - hi,
                     min((x.a_start if added else x.b_start for x in other
                          if (x.a_start if added else x.b_start) >= point),
                         default=len(a_text if added else b_text)) - point)
    shifts = [k for k in range(-room_left, room_right + 1) if k and text[lo + k - 1] == "\n"
              and text[min(lo, lo + k):max(lo, lo + k)] == text[min(hi, hi + k):max(hi, hi + k)]]
    if not shifts:
        return e
    k = max(shifts)
    return Edit(e.tag, e.a_start + k, e.a_end + k, e.b_start + k, e.b_end + k)


def _second_prints(edits: Sequence[Edit], a_text: str, b_text: str,
                   ) -> tuple[list[Edit], list[tuple[bool, int, int, int]]]:
    """``edits`` with a passage only one copy has, where that copy prints the same words
    twice in a row, read as the second print, opening its paragraph, where readings
    inside the rest of the two prints keep it from :func:`_at_a_paragraph_start`: those
    readings are read in the first print, which the other copy's one print pairs with
    (an alignment may take any stretch of the two prints as the added one). Also the
    stretches so read in the first print: (the copy's side is B's, from, to, by how many
    characters they move back), for what else the alignment matched there
    (:func:`_shifted`).

    >>> a, b = "问：\\n甲乙丙\\n", "问：\\n甲乙丁\\n甲乙丁\\n"
    >>> edits, moved = _second_prints([Edit("add", 4, 4, 4, 8), Edit("replace", 5, 6, 9, 10)],
    ...                               a, b)
    >>> [(e.tag, e.a_start, e.b_start, e.b_end) for e in edits], moved
    ([('add', 7, 7, 11), ('replace', 5, 5, 6)], [(True, 8, 11, 4)])
    """
    out = list(edits)
    moved: list[tuple[bool, int, int, int]] = []
    for n, e in enumerate(edits):
        if e.tag not in ("add", "omit"):
            continue
        added = e.tag == "add"
        text, lo, hi = (b_text, e.b_start, e.b_end) if added else (a_text, e.a_start, e.a_end)
        size = hi - lo
        # (the stretch after the passage that repeats it, character for character)
        run = 0
        while hi + run < len(text) and text[hi + run] == text[lo + run]:
            run += 1
        others = [x for k, x in enumerate(edits) if k != n]
        spans = [(x.b_start, x.b_end) if added else (x.a_start, x.a_end) for x in others]
        shifts = [k for k in range(run, 0, -1) if text[lo + k - 1] == "\n"
                  and not any(s0 < hi + k < s1 or s0 < hi < s1 for s0, s1 in spans)]
        inside = [x for x, (s0, s1) in zip(others, spans, strict=True)
                  if shifts and hi <= s0 and s1 <= hi + shifts[0]]
        if not size or not shifts or not inside:
            continue
        k = shifts[0]
        # (the other copy's point: as far on as the shared text and the readings passed over)
        point = (e.a_start if added else e.b_start) + k + sum(
            (x.a_end - x.a_start) - (x.b_end - x.b_start) for x in inside) * (1 if added else -1)
        for m, x in enumerate(edits):
            if x in inside:
                out[m] = Edit(x.tag, x.a_start, x.a_end, x.b_start - size, x.b_end - size) \
                    if added else Edit(x.tag, x.a_start - size, x.a_end - size, x.b_start, x.b_end)
        out[n] = Edit(e.tag, point, point, lo + k, hi + k) if added \
            else Edit(e.tag, lo + k, hi + k, point, point)
        moved.append((added, hi, hi + k, size))
    return out, moved


def _shifted(runs: Sequence[Edit], moved: Sequence[tuple[bool, int, int, int]]) -> list[Edit]:
    """``runs`` (stretches an alignment matched, as long on both sides) with their parts in
    the stretches :func:`_second_prints` read in the first print moved there too.

    >>> _shifted([Edit("equal", 0, 6, 4, 10)], [(True, 8, 11, 4)])
    [Edit(tag='equal', a_start=0, a_end=4, b_start=4, b_end=8), \
Edit(tag='equal', a_start=4, a_end=6, b_start=4, b_end=6)]
    """
    out = list(runs)
    for added, lo, hi, size in moved:
        parts = []
        for e in out:
            offset = e.b_start - e.a_start
            start, end = (e.b_start, e.b_end) if added else (e.a_start, e.a_end)
            cuts = sorted({start, end, *(c for c in (lo, hi) if start < c < end)})
            for x, y in itertools.pairwise(cuts):
                back = size if lo <= x and y <= hi else 0
                if added:
                    parts.append(Edit(e.tag, x - offset, y - offset, x - back, y - back))
                else:
                    parts.append(Edit(e.tag, x - back, y - back, x + offset, y + offset))
        out = parts
    return out


def classify(a_text: str, b_text: str, edits: Sequence[Edit],
             regional: bool = False) -> list[Reading]:
    """Readings and blocks for the edits of one aligned pair, in A order; ``regional``:
    one copy is set in traditional characters (:func:`kind_in`)."""
    # (a "sentence" one copy has alone that is marks and spaces only, a stray 。, is a
    # mark added or dropped, not a passage)
    edits = [Edit(_MARKS_ONLY[e.tag], e.a_start, e.a_end, e.b_start, e.b_end)
             if e.tag in _MARKS_ONLY and not any(
                 c.isalnum() for c in a_text[e.a_start:e.a_end] + b_text[e.b_start:e.b_end])
             else e for e in edits]
    chars = [part for e in _joined([e for e in edits if e.tag not in _BLOCK_TAGS],
                                   a_text, b_text)
             for spaced in _spaces_apart(e, a_text, b_text)
             for part in _peeled(spaced, a_text, b_text)]
    blocks = [_at_a_paragraph_start(e, edits, a_text, b_text) for e in edits
              if e.tag in _BLOCK_TAGS]
    out: list[Reading] = []
    if chars:
        a_bounds, b_bounds = WordBounds(a_text), WordBounds(b_text)
        fine = WordBounds(a_text, fine=True), WordBounds(b_text, fine=True)
        spans: list[list[int]] = []
        groups = _group(chars, a_bounds, a_text, b_text)
        for n, group in enumerate(groups):
            a0, a1 = group[0].a_start, group[-1].a_end
            b0, b1 = group[0].b_start, group[-1].b_end
            if a0 < a1 and b0 < b1 and kind_of(a_text[a0:a1], b_text[b0:b1]) in (
                    "substitution", "transposition", "script"):
                floor = groups[n - 1][-1].a_end if n else 0
                ceil = groups[n + 1][0].a_start if n + 1 < len(groups) else len(a_text)
                a0, a1, b0, b1 = _widen(a_text, b_text, a0, a1, b0, b1,
                                        a_bounds, b_bounds, floor, ceil)
                a0, a1, b0, b1 = _trim(a_text, b_text, a0, a1, b0, b1, (
                    a_bounds, b_bounds, *fine))
            elif (a0 == a1) != (b0 == b1) and a0 and b0 \
                    and a0 > (groups[n - 1][-1].a_end if n else 0) \
                    and a_text[a0 - 1] == b_text[b0 - 1] \
                    and not SELECTORS.sub("", a_text[a0:a1] + b_text[b0:b1]):
                # (a variation selector added or dropped: its character's glyph)
                a0, b0 = a0 - 1, b0 - 1
            elif (a0 == a1) != (b0 == b1):
                floor = groups[n - 1][-1].a_end if n else 0
                ceil = groups[n + 1][0].a_start if n + 1 < len(groups) else len(a_text)
                a0, a1, b0, b1 = _slid(a_text, b_text, (a0, a1, b0, b1), fine, floor, ceil)
            spans.append([a0, a1, b0, b1])
        for a0, a1, b0, b1 in _swaps_found(_rewritten(_swaps_joined(
                _whole_numbers(spans, a_text, b_text), a_text, b_text), a_text, b_text),
                a_text, b_text):
            a, b = a_text[a0:a1], b_text[b0:b1]
            out.append(Reading(kind_in(a_text, b_text, a0, a1, b0, b1, regional),
                               a0, a1, b0, b1, a, b, context_of(a_text, a0, a1, a, b)))
    out = _numbers_parted(out, a_text, b_text, regional)
    for e in blocks:
        a, b = a_text[e.a_start:e.a_end], b_text[e.b_start:e.b_end]
        out.append(Reading(_BLOCK_TAGS[e.tag], e.a_start, e.a_end, e.b_start, e.b_end, a, b,
                           context_of(a_text, e.a_start, e.a_end, a, b)))
    out.sort(key=lambda r: (r.a_start, r.b_start, r.a_end, r.b_end))
    return _label_styled(_labels_restyled(out, a_text, b_text, regional), a_text, b_text)


def _numbers_parted(readings: list[Reading], a_text: str, b_text: str,
                    regional: bool) -> list[Reading]:
    """``readings``, one that opens with an article's number renumbered and goes on into
    the words after it (第十五条依法属于…的单位应当 / 第十二条被审计单位应当加强…) parted into
    the number's reading and the readings of the rest, read again on their own,
    character by character (a stretch of a sentence: no sentence of it a passage)."""
    out = []
    for r in readings:
        ma, mb = ARTICLE_NUMBER.match(r.a_text), ARTICLE_NUMBER.match(r.b_text)
        # (not where one side cites the other's number after its own: 第二十二条 /
        # 第二十一条、第二十二条和第二十五条 is a list of articles that grew)
        if r.kind not in _WORDING or ma is None or mb is None or ma.group() == mb.group() \
                or (ma.end() == len(r.a_text) and mb.end() == len(r.b_text)) \
                or ma.group() in r.b_text[mb.end():] or mb.group() in r.a_text[ma.end():]:
            out.append(r)
            continue
        a_mid, b_mid = r.a_start + ma.end(), r.b_start + mb.end()
        out.append(Reading(kind_of(ma.group(), mb.group()), r.a_start, a_mid, r.b_start, b_mid,
                           ma.group(), mb.group(),
                           context_of(a_text, r.a_start, a_mid, ma.group(), mb.group())))
        a_rest, b_rest = a_text[a_mid:r.a_end], b_text[b_mid:r.b_end]
        for rest in classify(a_rest, b_rest, char_edits(a_rest, b_rest), regional):
            a0, a1 = a_mid + rest.a_start, a_mid + rest.a_end
            out.append(Reading(rest.kind, a0, a1, b_mid + rest.b_start, b_mid + rest.b_end,
                               rest.a_text, rest.b_text,
                               context_of(a_text, a0, a1, rest.a_text, rest.b_text)))
    return out


#: a label opening a paragraph, in one of its house styles: 问： / 问: / 【问】 / [问]
#: (a speaker's title may be long: 国家卫生健康委医政司副司长李大川)
_LABEL = re.compile(r"(?:^|(?<=\n))([【\[])?([^\s，。！？；：:、,.!?;【】\[\]（）()“”\"]{1,30}?)"
                    r"(?(1)[】\]]|[：:])")


#: the marks of a label (:data:`_LABEL`)
_LABEL_MARKS = frozenset("【】[]：:")


@dataclass(frozen=True)
class _Label:
    start: int  # (its opening bracket, or its name)
    end: int  # (after its closing bracket or colon)
    name: str
    marks: frozenset[int]  # where its marks stand

    def holds(self, start: int, end: int) -> bool:
        """``text[start:end]`` is marks of the label only, or, empty, stands where one
        goes: before it, at its closing mark, after it."""
        if start == end:
            return start in (self.start, self.end - 1, self.end)
        return self.start <= start and end <= self.end \
            and all(k in self.marks for k in range(start, end))


def _labels(text: str) -> list[_Label]:
    """The labels opening the paragraphs of ``text``."""
    return [_Label(m.start(), m.end(), to_simplified(m.group(2)),
                   frozenset({m.end() - 1} | ({m.start()} if m.group(1) else set())))
            for m in _LABEL.finditer(text)]


def _same_name(a: str, b: str) -> bool:
    """Two labels' names are one, or one with a character or so misread (束珏婷/束玉婷)."""
    return a == b or (len(a) == len(b) and 3 * sum(x != y for x, y in zip(a, b, strict=True))
                      <= len(a))


def _labels_restyled(readings: list[Reading], a_text: str, b_text: str,
                     regional: bool = False) -> list[Reading]:
    """``readings``, those inside two labels read again where the labels are set in two
    house styles (【记者】 / 路透社记者：) or were read as a label dropped and another
    added: the marks as ``whitespace`` (:func:`_label_styled`) or as what they are, the
    names compared on their own (路透社 dropped, 美联社记者 / 问), not the bracket
    against the words beside it. Labels a reading runs past are left as they are read.

    >>> [(r.kind, r.a_text, r.b_text) for r in classify(
    ...     "路透社记者：有分析认为", "【记者】有分析认为",
    ...     [Edit("replace", 0, 3, 0, 1), Edit("replace", 5, 6, 3, 4)])]
    [('whitespace', '', '【'), ('deletion', '路透社', ''), ('whitespace', '：', '】')]
    >>> [(r.kind, r.a_text, r.b_text) for r in classify(
    ...     "美联社记者：外国企业", "问：外国企业", [Edit("replace", 0, 5, 0, 1)])]
    [('substitution', '美联社记者', '问')]
    """
    # (only readings of a label's marks, or of a passage, may stand in labels read apart:
    # most pairs have none, and their paragraphs are not searched for labels)
    if not any(r.kind in _BLOCK_TAGS.values() or _LABEL_MARKS.intersection(r.a_text + r.b_text)
               for r in readings):
        return readings
    a_labels, b_labels = _labels(a_text), _labels(b_text)
    if not a_labels or not b_labels:
        return readings
    out = readings
    for la in a_labels:
        for lb in b_labels:
            bracketed = la.start in la.marks, lb.start in lb.marks
            inside = [r for r in out if la.start <= r.a_start and r.a_end <= la.end
                      and lb.start <= r.b_start and r.b_end <= lb.end]
            restyled = bracketed[0] != bracketed[1]
            # (a label one copy adds whole before another both give, 【现场】王毅： /
            # 王毅：, stands beside the other's label, not in its place)
            if all(not r.a_text for r in inside) or all(not r.b_text for r in inside):
                continue
            if not (restyled or any(r.kind in _BLOCK_TAGS.values() for r in inside)) \
                    or not inside or any(r not in inside and (_overlaps(r.a_start, r.a_end, la)
                                                      or _overlaps(r.b_start, r.b_end, lb))
                                 for r in out):
                continue
            a0, b0 = la.start + bracketed[0], lb.start + bracketed[1]
            a1, b1 = la.end - 1, lb.end - 1
            names = [Reading(r.kind, r.a_start + a0, r.a_end + a0, r.b_start + b0, r.b_end + b0,
                             r.a_text, r.b_text,
                             context_of(a_text, r.a_start + a0, r.a_end + a0, r.a_text, r.b_text))
                     for r in classify(a_text[a0:a1], b_text[b0:b1],
                                       char_edits(a_text[a0:a1], b_text[b0:b1]), regional)]
            marks = [Reading("whitespace" if restyled else kind_of(x, y), *span, x, y,
                             context_of(a_text, span[0], span[1], x, y))
                     for span in ((la.start, a0, lb.start, b0), (a1, la.end, b1, lb.end))
                     for x, y in [(a_text[span[0]:span[1]], b_text[span[2]:span[3]])] if x != y]
            out = sorted([r for r in out if r not in inside] + marks + names,
                         key=lambda r: (r.a_start, r.b_start, r.a_end, r.b_end))
    return out


def _overlaps(start: int, end: int, label: _Label) -> bool:
    """``text[start:end]`` overlaps ``label``, or, empty, stands inside it."""
    if start == end:
        return label.start < start < label.end
    return max(start, label.start) < min(end, label.end)


def _label_styled(readings: list[Reading], a_text: str, b_text: str) -> list[Reading]:
    """``readings``, those that only restyle a label both copies give (【问】 / 问：, the
    marks around its name, the width of its colon) as ``whitespace``: the label's marks are its typography, as
    bold is, and hidden with the spacing (a name changed in it is a reading still; a
    colon dropped where one copy has no label, 王毅：我想… / 王毅我想…：, is one too).

    >>> [(r.kind, r.a_text, r.b_text) for r in classify(
    ...     "【问】今年如何？", "问：今年如何？",
    ...     [Edit("delete", 0, 1, 0, 0), Edit("replace", 2, 3, 1, 2)])]
    [('whitespace', '【', ''), ('whitespace', '】', '：')]
    >>> [(r.kind, r.a_text, r.b_text) for r in classify(
    ...     "王毅：我想强调的是：中方", "王毅我想强调的是：中方", [Edit("delete", 2, 3, 2, 2)])]
    [('punctuation', '：', '')]
    >>> [(r.kind, r.a_text, r.b_text) for r in classify(
    ...     "记者：近期", "记者:近期", [Edit("replace", 2, 3, 2, 3)])]
    [('whitespace', '：', ':')]
    """
    if not any(r.kind in _MARK_KINDS for r in readings):
        return readings
    a_labels, b_labels = _labels(a_text), _labels(b_text)

    def restyled(r: Reading) -> bool:
        # (a colon's width only where words follow it on its line: a sentence that ends in
        # a colon before a list, 代表享有下列权利： / 代表享有下列权利:, opens no label)
        if r.kind == "width" and (a_text[r.a_end:r.a_end + 1] in ("", "\n")
                                  or b_text[r.b_end:r.b_end + 1] in ("", "\n")):
            return False
        return any(a.holds(r.a_start, r.a_end) and b.holds(r.b_start, r.b_end)
                   and _same_name(a.name, b.name)
                   and (r.kind != "width" or _NAMED_LABEL.fullmatch(a.name) is not None)
                   for a in a_labels for b in b_labels)

    return [Reading("whitespace", r.a_start, r.a_end, r.b_start, r.b_end, r.a_text,
                    r.b_text, r.context)
            if r.kind in _MARK_KINDS and restyled(r) else r for r in readings]


#: the kinds of a label's marks read apart: another mark (【问】 / 问：) or the colon's
#: width (记者： / 记者:)
_MARK_KINDS = frozenset({"punctuation", "width"})
#: … whose colon's width is the label's typography only where it names one who speaks
#: or asks (a name, 刘文博; a reporter, a question, an answer, a host, a spokesman): not
#: a lead-in that ends in a colon, 北京市教委今天宣布：
_NAMED_LABEL = re.compile(r"[\u3400-\u9fff·]{1,4}|.*(?:记者|问|答|主持人|发言人)")


#: a number in words with what it numbers (第十三条, 第二章, 第三十七款, 二〇二〇年), or a
#: number in digits with its decimals (5.5), set letter by letter or not (3 0)
_NUMBERED = re.compile(r"第?[〇零一二三四五六七八九十百千两]+[条章节款年]?"
                       r"|[0-9０-９]+(?:(?:[.．]| (?=[0-9０-９]))[0-9０-９]+)*")
#: a number in words that reads as one: it counts (第), it numbers (条, 年), or it has tens
_A_NUMBER = re.compile(r"第.*|.*[条章节款年]|.*[十百千〇零].*|[0-9０-９].*")


def _whole_numbers(spans: Sequence[Sequence[int]], a_text: str,
                   b_text: str) -> list[Sequence[int]]:
    """Reading spans (a0, a1, b0, b1), one inside a number on both sides widened to the
    whole of it and what it numbers (第十[/三]条 is 第十条/第十三条, 5.[5/6] is 5.5/5.6),
    where the two numbers stand in the same place of the text."""
    out: list[Sequence[int]] = []
    for span in spans:
        a0, a1, b0, b1 = span
        a_num, b_num = _number_around(a_text, a0, a1), _number_around(b_text, b0, b1)
        # (the spaces of a line set letter by letter aside: 35 / 3 0)
        if a_num and b_num \
                and len(without_spaces(a_text[a_num[0]:a0])) \
                == len(without_spaces(b_text[b_num[0]:b0])) \
                and without_spaces(a_text[a1:a_num[1]]) == without_spaces(b_text[b1:b_num[1]]) \
                and max(a_num[1] - a_num[0], b_num[1] - b_num[0]) > 1:
            span = (a_num[0], a_num[1], b_num[0], b_num[1])
        # (an item's number, its brackets or its mark, is read whole: （[/]五[/]） is one
        # reading （五）/3.)
        a_item, b_item = _item_around(a_text, *span[:2]), _item_around(b_text, *span[2:])
        # (only where the number changes: 1./1、 stays a change of mark, punctuation)
        if a_item and b_item and _ITEM_BRACKETS.sub("", a_text[a_item[0]:a_item[1]]) \
                == _ITEM_BRACKETS.sub("", b_text[b_item[0]:b_item[1]]):
            a_item = b_item = None
        if a_item or b_item:
            span = _item_widened(span, a_item, b_item, a_text, b_text)
        # (spans a widening made overlap are one; a reading inside a moved passage
        # stands elsewhere in B, beside no other; a point where the span before starts is
        # no overlap: an insertion there from another stretch of the alignment, a moved
        # sentence's, stands before it in A and after it in B)
        if out and ((span[0] < out[-1][1] and (span[0] > out[-1][0] or span[1] > span[0]))
                    or out[-1][2] <= span[2] < out[-1][3]):
            out[-1] = (min(out[-1][0], span[0]), max(out[-1][1], span[1]),
                       min(out[-1][2], span[2]), max(out[-1][3], span[3]))
            # (a number widened back over the spans before it takes them in too:
            # 第[三/四]百[三/一]十[八/七]条 is one reading)
            while len(out) > 1 and out[-1][0] < out[-2][1]:
                last = out.pop()
                out[-1] = (min(out[-1][0], last[0]), max(out[-1][1], last[1]),
                           min(out[-1][2], last[2]), max(out[-1][3], last[3]))
            continue
        out.append(span)
    return [_unspaced(span, a_text, b_text) for span in out]


def _unspaced(span: Sequence[int], a_text: str, b_text: str) -> Sequence[int]:
    """A number's span without the spaces at its ends (增发5% / 增发 1 5 %: 5/1 5, not
    5/1 5 and the space after it)."""
    a0, a1, b0, b1 = span
    if not any(c.isdigit() for c in a_text[a0:a1] + b_text[b0:b1]):
        return span
    while a0 < a1 and a_text[a1 - 1] == " ":
        a1 -= 1
    while a0 < a1 and a_text[a0] == " ":
        a0 += 1
    while b0 < b1 and b_text[b1 - 1] == " ":
        b1 -= 1
    while b0 < b1 and b_text[b0] == " ":
        b0 += 1
    return span if a0 == a1 and b0 == b1 else (a0, a1, b0, b1)


def _item_widened(span: Sequence[int], a_item: tuple[int, int] | None,
                  b_item: tuple[int, int] | None, a_text: str,
                  b_text: str) -> tuple[int, int, int, int]:
    """Reading span (a0, a1, b0, b1) widened to the list item's number each side holds
    (``a_item``, ``b_item``). Characters both texts share beside the reading are taken on
    both sides or on neither: where both sides hold a number, on both (3./（二）, one
    reading); where one side alone does, on neither, so a number dropped before a mark
    the other copy keeps is the number alone (二、/、 is 二 dropped, not 二、 dropped with
    B's 、 in no reading)."""
    a0, a1, b0, b1 = span
    a_lo, a_hi = a_item or (a0, a1)
    b_lo, b_hi = b_item or (b0, b1)
    left = max(a0 - a_lo, b0 - b_lo, 0)
    if left <= min(a0, b0) and a_text[a0 - left:a0] == b_text[b0 - left:b0]:
        a_lo, b_lo = (a0 - left, b0 - left) if a_item and b_item else (a0, b0)
    right = max(a_hi - a1, b_hi - b1, 0)
    if a_text[a1:a1 + right] == b_text[b1:b1 + right]:
        a_hi, b_hi = (a1 + right, b1 + right) if a_item and b_item else (a1, b1)
    return min(a0, a_lo), max(a1, a_hi), min(b0, b_lo), max(b1, b_hi)


#: the number of a list item: （五）, (3), 3., 一、
_ITEM = re.compile(r"[（(][〇零一二三四五六七八九十百两0-9０-９]{1,4}[）)]"
                   r"|(?<![0-9０-９.．])[〇零一二三四五六七八九十百两0-9０-９]{1,4}[、.．](?![0-9０-９])")


#: the brackets and marks of a list item's number
_ITEM_BRACKETS = re.compile(r"[（()）、.．]")


def _item_around(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The number of a list item (:data:`_ITEM`) that the reading ``text[start:end]``
    overlaps (or, an insertion, falls inside), if any.

    >>> _item_around("（五）没有", 1, 2), _item_around("（五）没有", 3, 4), _item_around("3.没有", 0, 0)
    ((0, 3), None, None)
    """
    for m in _ITEM.finditer(text, max(0, start - 6), min(len(text), end + 6)):
        opens = not m.start() or text[m.start() - 1] in _ITEM_AFTER or text[m.start()] in "（("
        if opens and ((m.start() < end and start < m.end()) or m.start() < start == end < m.end()):
            return m.start(), m.end()
    return None


#: what a list item's bare number (一、, 3.) stands after: the start of a line or a clause
#: (三、四月份 inside a sentence is no item)
_ITEM_AFTER = frozenset("\n。；：;:！？!?")


#: the characters a number is made of (a search for one starts where they start)
_NUMBER_CHARS = set("第〇零一二三四五六七八九十百千两.．")
#: a counter that begins a word (条件, 章程, 节日, 款项, 年度) is no counter
_WORD_GOES_ON = re.compile(r"条件|条例|章程|节日|节约|节目|款项|年度|年代|年龄|年轻|年级")


def _number_around(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The number in words (:data:`_NUMBERED`) that holds ``text[start:end]`` (or the point
    ``start``, for an insertion: the number on either side of it), if any."""
    lo = max(0, start - 8)
    while lo and (text[lo - 1] in _NUMBER_CHARS or text[lo - 1].isdigit()):
        lo -= 1  # (from the start of the number, not the middle of it)
    for m in _NUMBERED.finditer(text, lo, min(len(text), end + 8)):
        first, last = m.start(), m.end()
        if text[last - 1] in "条章节款年" and _WORD_GOES_ON.match(text, last - 1):
            last -= 1  # (a counter that begins a word is no part of the number)
        number = text[first:last]
        if first <= start and end <= last and (start < end or first < start or start < last) \
                and any(c in NUMERAL_DIGITS or c in "十百千" or c.isdigit() for c in number) \
                and _A_NUMBER.fullmatch(number):
            return first, last
    return None


#: the kinds of readings that change the wording
_WORDING = frozenset({"substitution", "insertion", "deletion", "transposition", "punctuation"})
#: readings this close (shared characters between) run together into a rewritten stretch ...
_REWRITE_GAP = 2
#: ... when there are at least this many (changes of punctuation only not counted) ...
_REWRITE_READINGS = 3
#: ... and the shared characters are at most this share of the two stretches
_REWRITE_SHARED = 0.5


def _rewritten(spans: Sequence[Sequence[int]], a_text: str,
               b_text: str) -> list[Sequence[int]]:
    """Reading spans (a0, a1, b0, b1), a run of readings with a character or two in
    common between them read as one: a clause rewritten, not a string of one-word
    changes aligned on the odd character the two wordings share (经股东同意转让的股权，
    / 股东向股东以外的人转让股权的，…). A line break or a sentence end between readings
    parts them, and so does a reading of form alone (script, width, numeral, spacing)."""
    out: list[Sequence[int]] = []
    run: list[Sequence[int]] = []
    words = 0  # (the readings of the run that change more than punctuation)

    def flush() -> None:
        # (misreadings, a character or two for a character or two, are not a rewording)
        reworded = sum(max(a1 - a0, b1 - b0) > 2 for a0, a1, b0, b1 in run)
        if words >= _REWRITE_READINGS and 2 * reworded >= len(run):
            shared = sum(nxt[0] - prev[1] for prev, nxt in itertools.pairwise(run))
            if 2 * shared <= _REWRITE_SHARED * (run[-1][1] - run[0][0] + run[-1][3] - run[0][2]):
                out.append((run[0][0], run[-1][1], run[0][2], run[-1][3]))
                run.clear()
                return
        out.extend(run)
        run.clear()

    for span in spans:
        kind = kind_of(a_text[span[0]:span[1]], b_text[span[2]:span[3]])
        if _renumbered(span, a_text, b_text):
            kind = "renumbering"  # (an item or an article numbered anew is no wording)
        if kind not in _WORDING or (run and not (
                0 <= span[0] - run[-1][1] <= _REWRITE_GAP
                and span[2] - run[-1][3] == span[0] - run[-1][1]
                and not any(c == "\n" or c in "。！？；" for c in a_text[run[-1][1]:span[0]]))):
            flush()
            words = 0
        if kind not in _WORDING:
            out.append(span)
            continue
        run.append(span)
        words += kind != "punctuation"
    flush()
    return out


#: a character a number holds, in figures or in words
_NUMBER_CHAR = re.compile("[0-9０-９〇零一二三四五六七八九十百千两]")


def _renumbered(span: Sequence[int], a_text: str, b_text: str) -> bool:
    """The reading ``span`` (a0, a1, b0, b1) is the number of a list item or of an article,
    a chapter, a section, whole on both sides: （四）/（五）, 第七条/第八条.

    >>> _renumbered((0, 3, 0, 3), "（四）区人大", "（五）区人民代表大会")
    True
    >>> _renumbered((0, 3, 0, 3), "第七条下列", "第八条下列")
    True
    >>> _renumbered((2, 3, 2, 3), "致使三人", "致使十人")
    False
    """
    a0, a1, b0, b1 = span
    if a0 == a1 or b0 == b1 or not _NUMBER_CHAR.search(a_text, a0, a1):
        return False
    if _item_around(a_text, a0, a1) == (a0, a1) and _item_around(b_text, b0, b1) == (b0, b1):
        return True
    return all(_number_around(text, lo, hi) == (lo, hi) and text[lo] == "第"
               and text[hi - 1] in "条章节款"
               for text, lo, hi in ((a_text, a0, a1), (b_text, b0, b1)))


def _swaps_joined(spans: Sequence[Sequence[int]], a_text: str,
                  b_text: str) -> list[Sequence[int]]:
    """Reading spans (a0, a1, b0, b1), two that replace each other's words across a short
    shared stretch joined into one (老建筑、老厂区 / 老厂区、老建筑: a transposition, not
    建筑/厂区 and 厂区/建筑), taking in the characters the two words share: those after the
    mark or the conjunction between them (、，和与及或) stand before the first word too
    (老), those before it after the second (城市建设、农村建设: 建设).

    >>> a, b = "保护老建筑、老厂区等", "保护老厂区、老建筑等"
    >>> [(a[a0:a1], b[b0:b1]) for a0, a1, b0, b1 in _swaps_joined([(3, 5, 3, 5), (7, 9, 7, 9)], a, b)]
    [('老建筑、老厂区', '老厂区、老建筑')]
    """
    out: list[Sequence[int]] = []
    for span in spans:
        if out:
            a0, a1, b0, b1 = out[-1]
            c0, c1, d0, d1 = span
            if 0 < c0 - a1 == d0 - b1 <= MAX_SWAP_GAP and a0 < a1 and c0 < c1 \
                    and a_text[a0:a1] == b_text[d0:d1] != a_text[c0:c1] == b_text[b0:b1]:
                gap = a_text[a1:c0]
                marks = [k for k, c in enumerate(gap) if is_punct(c) or c in _CONJUNCTIONS]
                if marks:
                    head, tail = len(gap[:marks[0]]), len(gap[marks[-1] + 1:])
                    if tail and a0 >= tail and b0 >= tail \
                            and a_text[a0 - tail:a0] == b_text[b0 - tail:b0] == gap[-tail:]:
                        a0, b0 = a0 - tail, b0 - tail
                    if head and a_text[c1:c1 + head] == b_text[d1:d1 + head] == gap[:head]:
                        c1, d1 = c1 + head, d1 + head
                out[-1] = (a0, c1, b0, d1)
                continue
        out.append(span)
    return out


#: readings in a stretch of at most this many characters that the other copy holds with
#: the same characters, some words changed places, are read as those swaps
_SWAPS_WINDOW = 24


def _swaps_found(spans: Sequence[Sequence[int]], a_text: str,
                 b_text: str) -> list[Sequence[int]]:
    """Reading spans (a0, a1, b0, b1), a run of them (or one) that words changing places
    explain better read as those swaps (本国国情的发展道路 / 国情本国的道路发展: 本国国情/国情本国
    and 发展道路/道路发展, not 国情 added, 国情的/的道路 and 道路 dropped), the rest of the
    run's stretch read as replaced where it differs (:func:`_swaps_of`). The stretch
    holds no sentence end."""
    out: list[Sequence[int]] = []
    i = 0
    while i < len(spans):
        a0, _, b0, _ = spans[i]
        best: tuple[int, list[tuple[int, int]]] | None = None
        shown: set[tuple[int, ...]] = set()
        for j in range(i, len(spans)):
            a1, b1 = spans[j][1], spans[j][3]
            if a1 - a0 > _SWAPS_WINDOW or b1 - b0 > _SWAPS_WINDOW:
                break
            parts = _swaps_of(a_text[a0:a1], b_text[b0:b1])
            shown.add(tuple(spans[j]))
            # (a swap the readings did not show, and no more readings unless all are swaps)
            if parts is not None and len(parts) > (j == i) \
                    and (len(parts) <= j - i + 1 or all(p[2] for p in parts)) \
                    and any(swap and (a0 + lo, a0 + hi, b0 + lo, b0 + hi) not in shown
                            for lo, hi, swap in parts):
                best = j, [(lo, hi) for lo, hi, _ in parts]
        if best is None:
            out.append(spans[i])
            i += 1
            continue
        j, stretches = best
        out.extend((a0 + lo, a0 + hi, b0 + lo, b0 + hi) for lo, hi in stretches)
        i = j + 1
    return out


def _swaps_of(a: str, b: str) -> list[tuple[int, int, bool]] | None:
    """The stretches ``(lo, hi, swap)`` in which ``a`` and ``b``, of one length, differ,
    read as words that change places (``swap``: ``a[lo:hi]`` is xy where ``b`` has yx) and,
    between them, words replaced (punctuation marks apart), as few replaced characters as
    can be and then as few stretches; None unless some words change places and they are
    at least as many characters as those replaced.

    >>> _swaps_of("本国国情的发展道路", "国情本国的道路发展")
    [(0, 4, True), (5, 9, True)]
    >>> _swaps_of("本国国情的发展道路", "国情本国的路线发展")
    [(0, 4, True), (5, 9, False)]
    >>> _swaps_of("本国国情的发展", "本国国情的进展") is None
    True
    """
    n = len(a)
    if n != len(b) or any(ends_sentence(c) or c == "\n" for c in a + b):
        return None
    differ = [p for p in range(n) if a[p] != b[p]]
    if len(set(a[p] for p in differ) & set(b[p] for p in differ)) < 2:
        return None  # (no two words can have changed places)
    # for a[:k]: (replaced characters, stretches, swapped characters), where the last
    # stretch starts (-1: a[k - 1] == b[k - 1]) and whether it is a swap
    best: list[tuple[tuple[int, int, int], int, bool] | None] = [((0, 0, 0), -1, False)]
    best += [None] * n

    def offer(hi: int, cost: tuple[int, int, int], lo: int, swap: bool) -> None:
        here = best[hi]
        if here is None or cost[:2] < here[0][:2]:
            best[hi] = (cost, lo, swap)

    for lo in range(n):
        here = best[lo]
        if here is None:
            continue
        (changed, stretches, swapped), _, _ = here
        # (words that change places may open alike, 互尊互信、互学互鉴 / 互学互鉴、互尊互信)
        replaced = a[lo] != b[lo]  # (a[lo:hi] and b[lo:hi] differ at every place, in words)
        if not replaced:
            offer(lo + 1, (changed, stretches, swapped), -1, False)
        for hi in range(lo + 1, n + 1):
            replaced = replaced and a[hi - 1] != b[hi - 1] and _worded(a[hi - 1]) \
                and _worded(b[hi - 1])
            if replaced:
                offer(hi, (changed + hi - lo, stretches + 1, swapped), lo, False)
            if hi - lo >= 2 and a[lo:hi] != b[lo:hi] and _swapped(a[lo:hi], b[lo:hi]):
                offer(hi, (changed, stretches + 1, swapped + hi - lo), lo, True)
    end = best[n]
    if end is None or not 0 < end[0][2] >= end[0][0]:
        return None
    parts, k = [], n
    while k:
        _, lo, swap = best[k]  # type: ignore[misc]
        if lo < 0:
            k -= 1
            continue
        parts.append((lo, k, swap))
        k = lo
    return parts[::-1]


def _swapped(a: str, b: str) -> bool:
    """``a`` is two words xy, or two items x、y with a mark between them, and ``b`` holds
    them the other way round (yx, y、x).

    >>> _swapped("军机军舰", "军舰军机"), _swapped("互尊互信、互学互鉴", "互学互鉴、互尊互信")
    (True, True)
    >>> _swapped("互尊互信，互学互鉴", "互学互鉴、互尊互信")
    False
    """
    n = len(a)
    for k in range(1, n):
        x = a[:k]
        if not b.endswith(x) or not _worded(x):
            continue
        if a[k:] == b[:n - k] and x != a[k:] and _worded(a[k:]) \
                and (1 < k < n - 1 or n <= _ONE_CHAR_SWAP):
            return True
        # (x, a mark, y; y, the mark, x)
        if a[k] in _ITEM_MARKS and b[n - k - 1] == a[k] and a[k + 1:] == b[:n - k - 1] \
                and x != a[k + 1:] and k > 1 and n - k - 1 > 1 and _worded(a[k + 1:]):
            return True
    return False


#: a single character that changes places with a passage of more than this many
#: characters less one is one dropped and one added (的 dropped here, another added twenty
#: characters on), not two words that changed places
_ONE_CHAR_SWAP = 5


def _worded(text: str) -> bool:
    """``text`` holds more than punctuation and white space (a mark that moves past a word
    is a mark dropped and one added, not two words that changed places)."""
    return not all(is_punct(c) or is_space(c) for c in text)


#: full-width digits and Latin letters and the signs set with them (９０００, ＧＤＰ,
#: ６．５％, ０１０－): aligned as their ASCII forms read, wherever they stand, so that a
#: word changed beside them is a reading of its own
_FULL_ALNUM = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff0e\uff05\uff0b\uff0d\uff0f]+")


#: punctuation set in ASCII where Chinese text sets it full width (，；：？！（）): where
#: either copy has some (a web copy: 一道,还继续), both are aligned with it full width, so
#: that a word added or moved beside a comma is a reading of its own and the comma's
#: width another
_HALF_PUNCT = frozenset("!(),:;?")
_TO_FULL = str.maketrans({c: chr(ord(c) + 0xFEE0) for c in _HALF_PUNCT})


def _half(m: re.Match[str]) -> str:
    return fold_width(m.group())


def _folded(text: str, punct: bool) -> str:
    """``text`` as aligned: full-width digits and letters in their ASCII forms (and,
    with ``punct``, ASCII punctuation in its full-width form), traditional characters in
    simplified ones."""
    text = _FULL_ALNUM.sub(_half, text)
    return to_simplified(text.translate(_TO_FULL) if punct else text)


def read_pair(a_text: str, b_text: str, sentence_threshold: float = 0.5,
              move_threshold: float = 0.8, regional: bool = False,
              traditional: bool | None = None) -> list[Reading]:
    """The readings of two unit texts: :func:`~variantdiff.align.align` then
    :func:`classify`. Where a text is written in traditional characters (a copy set in
    them throughout, or in part), the two are aligned as their simplified forms read, so
    that a character dropped or a word moved among characters of the other script is
    read as what it is (的 dropped, 作出重要/重要作出), and the characters that differ in
    script alone are script readings of their own; so too with full-width digits and
    letters (了 dropped before ２２１.８, the width a reading of its own). ``regional``: a
    copy is set in
    traditional characters elsewhere (a unit of it may hold none that t2s changes, yet
    its 衞 is a Hong Kong form, :func:`kind_in`). ``traditional``: both copies are
    (:func:`set_in_traditional`; worked out from the two texts when not given), where a
    character one writes in its simplified form is a reading (云/雲).

    >>> [(r.kind, r.a_text, r.b_text) for r in read_pair("建立生态保护的长效机制", "建立生態保護長效機制")]
    [('script', '生态保护', '生態保護'), ('deletion', '的', ''), ('script', '长效机制', '長效機制')]
    """
    punct = not _HALF_PUNCT.isdisjoint(a_text) or not _HALF_PUNCT.isdisjoint(b_text)
    a_fold, b_fold = _folded(a_text, punct), _folded(b_text, punct)
    if (a_fold == a_text and b_fold == b_text) or len(a_fold) != len(a_text) \
            or len(b_fold) != len(b_text):
        edits, _ = _second_prints(align(a_text, b_text, sentence_threshold, move_threshold),
                                  a_text, b_text)
        return _finished(classify(a_text, b_text, edits, regional), a_text, b_text, regional,
                         traditional)
    found: list[Edit] = []
    edits, moved = _second_prints(align(a_fold, b_fold, sentence_threshold, move_threshold,
                                        found), a_fold, b_fold)
    equal = _shifted(found, moved)
    out = []
    for r in classify(a_fold, b_fold, edits):
        a, b = a_text[r.a_start:r.a_end], b_text[r.b_start:r.b_end]
        # (a label's marks restyled stay hidden: :func:`_label_styled`)
        kind = r.kind if r.kind in _BLOCK_TAGS.values() or r.kind == "whitespace" else \
            kind_in(a_text, b_text, r.a_start, r.a_end, r.b_start, r.b_end, regional=True)
        out.append(Reading(kind, r.a_start, r.a_end, r.b_start, r.b_end, a, b,
                           context_of(a_text, r.a_start, r.a_end, a, b)))
    # the characters the simplified forms share (in the stretches the alignment matched)
    # but the texts write in another script
    taken = bytearray(len(a_text) + 1)
    for r in out:
        taken[r.a_start:r.a_end] = b"\x01" * (r.a_end - r.a_start)
    script = [Edit("replace", i, i + 1, j, j + 1)
              for op in sorted(equal, key=lambda e: (e.a_start, e.b_start))
              for i, j in zip(range(op.a_start, op.a_end), range(op.b_start, op.b_end),
                              strict=True)
              if a_text[i] != b_text[j] and not taken[i]]
    # (a run of characters set full width on one side alone is one width reading, as
    # the characters stand: not widened to the words of the other form)
    wide = [e for e in script if fold_width(a_text[e.a_start]) == fold_width(b_text[e.b_start])]
    script = [e for e in script if e not in wide]
    runs: list[list[int]] = []
    for e in wide:
        gap = e.a_start - runs[-1][1] if runs else -1
        # (a sign both set alike inside a number, ２２１.８, does not part it; nor do the
        # words between brackets, （一）/(一))
        # (and only where the words between are the same: （以下简称收养法）/(以下简称民法典)
        # is a substitution between two width readings)
        between = a_text[runs[-1][1]:e.a_start] if runs else ""
        if runs and gap >= 0 and e.b_start - runs[-1][3] == gap \
                and fold_width(between) == fold_width(b_text[runs[-1][3]:e.b_start]) and (
                (gap <= 2 and all(c in _IN_NUMBER for c in between))
                or (0 < gap <= _BRACKETED_MAX and fold_width(a_text[runs[-1][1] - 1]) == "("
                    and fold_width(a_text[e.a_start]) == ")"
                    and not any(is_punct(c) for c in between))):
            runs[-1][1], runs[-1][3] = e.a_end, e.b_end
        else:
            runs.append([e.a_start, e.a_end, e.b_start, e.b_end])
    for a0, a1, b0, b1 in runs:
        a, b = a_text[a0:a1], b_text[b0:b1]
        out.append(Reading("width", a0, a1, b0, b1, a, b, context_of(a_text, a0, a1, a, b)))
        # (a script reading widened to its words does not take in the width between:
        # 区）黄河 / 區)黃河 is 区/區, ）/) and 黄/黃)
        taken[a0:a1] = b"\x01" * (a1 - a0)
    # (the readings of characters the alignment matched as one in simplified form)
    of_script: set[tuple[int, int]] = set()
    for r in classify(a_text, b_text, script, regional=True):
        if not any(taken[r.a_start:r.a_end]):
            out.append(r)
            of_script.add((r.a_start, r.b_start))
            continue
        # (a word that holds a reading of the alignment too, 以讹传讹 / 以訛；訛: its other
        # characters in another script are readings of their own, as they stand)
        for e in script:
            if r.a_start <= e.a_start < r.a_end:
                a, b = a_text[e.a_start:e.a_end], b_text[e.b_start:e.b_end]
                out.append(Reading(kind_in(a_text, b_text, e.a_start, e.a_end, e.b_start,
                                           e.b_end, regional=True),
                                   e.a_start, e.a_end, e.b_start, e.b_end, a, b,
                                   context_of(a_text, e.a_start, e.a_end, a, b)))
                of_script.add((e.a_start, e.b_start))
    out.sort(key=lambda r: (r.a_start, r.b_start, r.a_end, r.b_end))
    # (a character whose simplified form the other's shares, yet another character, 盪/蕩,
    # beside a changed one, 胷/胸: one reading, 盪胷/蕩胸; two words the alignment read
    # apart stay apart, 专家 / 专冢 and 代表 / 代衣)
    joined: list[Reading] = []
    for r in out:
        last = joined[-1] if joined else None
        if last is not None and r.kind == last.kind == "substitution" \
                and (r.a_start, r.b_start) == (last.a_end, last.b_end) \
                and ((r.a_start, r.b_start) in of_script
                     or (last.a_start, last.b_start) in of_script):
            a, b = a_text[last.a_start:r.a_end], b_text[last.b_start:r.b_end]
            joined[-1] = Reading("substitution", last.a_start, r.a_end, last.b_start, r.b_end,
                                 a, b, context_of(a_text, last.a_start, r.a_end, a, b))
        else:
            joined.append(r)
    # (a label's colon set in another width, 记者： / 记者:, is its typography)
    return _finished(_label_styled(joined, a_text, b_text), a_text, b_text, regional,
                     traditional)


def _finished(readings: list[Reading], a_text: str, b_text: str, regional: bool,
              traditional: bool | None) -> list[Reading]:
    """:func:`read_pair`'s readings, a line break taken off a reading it opens or ends on
    one side only (a reading of its own, ``whitespace``: ⏎蕙 / 惠 is the break and 蕙 / 惠),
    and read as between two copies set in traditional characters where they are
    (``traditional``; worked out from the texts when None)."""
    out: list[Reading] = []
    for r in readings:
        out.extend(x for part in _break_apart(r, a_text, b_text, regional)
                   for x in _marks_apart(part, a_text, b_text, regional))
    if traditional is None:
        traditional = set_in_traditional(a_text) and set_in_traditional(b_text)
    if traditional:
        # (between two copies set in traditional characters, a character one writes as
        # the other's simplified form is another character: 云/雲, 谷/穀, 里/裏 are words of
        # their own in a traditional text, a reading, not a form)
        out = [replace(r, kind="substitution") if r.kind == "script" and one_simplified(
            r.a_text, r.b_text) else r for r in out]
    return out


def _break_apart(r: Reading, a_text: str, b_text: str, regional: bool) -> list[Reading]:
    """Reading ``r``, or the line breaks at its start or end that one side holds and the
    other not, each a ``whitespace`` reading, and the rest of it read again.

    >>> r = Reading("substitution", 8, 10, 8, 9, "\\n蕙", "惠", "")
    >>> [(x.kind, x.a_text, x.b_text)
    ...  for x in _break_apart(r, "燕语莺啼声断续。\\n蕙风", "燕语莺啼声断续，惠风", False)]
    [('whitespace', '\\n', ''), ('substitution', '蕙', '惠')]
    """
    if r.kind in ("whitespace", "move") or r.kind in _BLOCK_TAGS.values():
        return [r]
    lead_a, lead_b = (len(t) - len(t.lstrip("\n")) for t in (r.a_text, r.b_text))
    tail_a, tail_b = (len(t) - len(t.rstrip("\n")) for t in (r.a_text, r.b_text))
    a0, a1, b0, b1 = r.a_start + lead_a, r.a_end - tail_a, r.b_start + lead_b, r.b_end - tail_b
    # (a side that holds nothing but the line breaks keeps them: ⏎ / ∅ is the reading;
    # an insertion's empty side has none to take)
    if (lead_a == lead_b and tail_a == tail_b) or (a0 >= a1 and r.a_start < r.a_end) \
            or (b0 >= b1 and r.b_start < r.b_end):
        return [r]
    out = []
    if lead_a or lead_b:
        out.append(_reading("whitespace", a_text, b_text, r.a_start, a0, r.b_start, b0))
    out.append(_reading(kind_in(a_text, b_text, a0, a1, b0, b1, regional), a_text, b_text,
                        a0, a1, b0, b1))
    if tail_a or tail_b:
        out.append(_reading("whitespace", a_text, b_text, a1, r.a_end, b1, r.b_end))
    return out


def _marks_apart(r: Reading, a_text: str, b_text: str, regional: bool) -> list[Reading]:
    """A substitution or a transposition that opens with a mark on both sides, another on
    each (，明月 / 。月明), or closes so where the rest is no rewording (遠近。/ 近遠，): the
    marks a punctuation reading of their own, and the rest read again (明月 / 月明, a
    transposition); a substitution of the same words with marks set otherwise (噫 / 。噫！),
    or a transposition of nothing but a mark among the same words (江，南 / ，江南), is
    punctuation.

    >>> r = Reading("substitution", 5, 8, 5, 8, "，明月", "。月明", "")
    >>> [(x.kind, x.a_text, x.b_text)
    ...  for x in _marks_apart(r, "鸳枕映屏山，明月三五夜", "鸳枕映屏山。月明三五夜", False)]
    [('punctuation', '，', '。'), ('transposition', '明月', '月明')]
    """
    if r.kind not in ("substitution", "transposition"):
        return [r]
    if r.kind == "substitution" and _unmarked(without_spaces(r.a_text)) == _unmarked(
            without_spaces(r.b_text)):
        return [replace(r, kind="punctuation")]  # (the same words, marks set round: 噫 / 。噫！)
    if r.kind == "transposition" and _unmarked(r.a_text) == _unmarked(r.b_text) \
            and _marks(r.a_text) == _marks(r.b_text):
        return [replace(r, kind="punctuation")]  # (a mark moved among the same words)
    lead_a, lead_b = (len(t) - len(t.lstrip(_MARKS)) for t in (r.a_text, r.b_text))
    trail_a, trail_b = (len(t) - len(t.rstrip(_MARKS)) for t in (r.a_text, r.b_text))
    lead = bool(lead_a and lead_b) and r.a_text[:lead_a] != r.b_text[:lead_b] \
        and lead_a < len(r.a_text) and lead_b < len(r.b_text)
    # (and one that closes with a mark on both sides, another on each: 路之遠近。/ 路之近遠，)
    trail = bool(trail_a and trail_b) and r.a_text[-trail_a:] != r.b_text[-trail_b:] \
        and lead_a * lead + trail_a < len(r.a_text) and lead_b * lead + trail_b < len(r.b_text)
    if not (lead or trail):
        return [r]
    a0, b0 = (r.a_start + lead_a, r.b_start + lead_b) if lead else (r.a_start, r.b_start)
    if trail and kind_in(a_text, b_text, a0, r.a_end - trail_a, b0, r.b_end - trail_b,
                         regional) == "substitution":
        # (a clause rewritten, its closing mark with it, stays one reading)
        trail = False
        if not lead:
            return [r]
    a1, b1 = (r.a_end - trail_a, r.b_end - trail_b) if trail else (r.a_end, r.b_end)
    out = [_reading("punctuation", a_text, b_text, r.a_start, a0, r.b_start, b0)] if lead else []
    out.append(_reading(kind_in(a_text, b_text, a0, a1, b0, b1, regional), a_text, b_text,
                        a0, a1, b0, b1))
    if trail:
        out.append(_reading("punctuation", a_text, b_text, a1, r.a_end, b1, r.b_end))
    return out


#: the marks :func:`_marks_apart` takes off a reading
_MARKS = "，。、；：！？,.;:!?"


def _reading(kind: str, a_text: str, b_text: str, a0: int, a1: int, b0: int, b1: int,
             ) -> Reading:
    a, b = a_text[a0:a1], b_text[b0:b1]
    return Reading(kind, a0, a1, b0, b1, a, b, context_of(a_text, a0, a1, a, b))


def one_simplified(a: str, b: str) -> bool:
    """Of two readings as long as each other, one writes a character of the other in its
    simplified form (云 for 雲), which is not also the form a Taiwan or Hong Kong standard
    writes it in (峰 for 峯, 台 for 臺: :func:`~variantdiff.script.regional_forms`).

    >>> one_simplified("白雲", "白云"), one_simplified("裏", "裡"), one_simplified("高峯", "高峰")
    (True, False, False)
    """
    return len(a) == len(b) and any(
        x != y and (to_simplified(x) == y or to_simplified(y) == x) and not regional_forms(x, y)
        for x, y in zip(a, b, strict=True))
