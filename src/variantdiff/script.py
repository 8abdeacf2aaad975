"""Traditional/simplified forms with OpenCC; the only module importing it."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import opencc


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@lru_cache(maxsize=16)
def _regional(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def same_text(a: str, b: str) -> bool:
    """``a`` and ``b`` are one text in two scripts: their simplified forms are the same
    (OpenCC t2s), or they are when read as Hong Kong or Taiwan forms (hk2s, tw2s), whose
    own character forms t2s keeps (衞生, 意味著), or their traditional forms are (s2t: a
    traditional copy's 想像 for 想象, which t2s keeps as it is).

    >>> same_text("敲詐", "敲诈"), same_text("衞生", "卫生"), same_text("意味著", "意味着")
    (True, True, True)
    >>> same_text("想象", "想像"), same_text("著名", "着名"), same_text("回援", "回报")
    (True, False, False)

    Two different traditional characters that simplification merges are no one text
    (:func:`merged`).

    >>> same_text("鐘聲", "钟声"), same_text("鐘聲", "鍾聲")
    (True, False)
    """
    if merged(a, b):
        return False
    if to_simplified(a) == to_simplified(b):
        return True
    return any(str(_regional(c).convert(a)) == str(_regional(c).convert(b))
               for c in ("hk2s", "tw2s", "s2t"))


def merged(a: str, b: str) -> bool:
    """``a`` and ``b`` (as long as each other) set, in one place, two different
    traditional characters that simplification makes one (鍾/鐘 → 钟, 復/複 → 复, 髮/發 →
    发): a reading, not a form. Two forms of one character that regional standards
    write apart (衆/眾, 爲/為, 裏/裡: OpenCC's Taiwan, Hong Kong or Japanese tables take
    one to the other, or its s2t writes one as the other: 麽/麼) are forms. (Variant
    forms no OpenCC table joins, 嘆/歎 or 鑑/鑒, read as two characters.)

    >>> merged("造化鍾神秀", "造化鐘神秀"), merged("皓髮", "皓發"), merged("鍾", "钟")
    (True, True, False)
    >>> merged("衆人", "眾人"), merged("爲何", "為何"), merged("什麼", "什麽")
    (False, False, False)
    """
    if len(a) != len(b) or a == b:
        return False
    return any(x != y and _merged_chars(x, y) for x, y in zip(a, b, strict=True))


@lru_cache(maxsize=4096)
def _merged_chars(x: str, y: str) -> bool:
    simple = to_simplified(x)
    if simple != to_simplified(y) or simple in (x, y):
        return False  # (not one simplified character, or one of them is it)
    return not any(str(_regional(c).convert(x)) == str(_regional(c).convert(y))
                   for c in _VARIANT_TABLES)


#: the OpenCC conversions between standards of traditional characters (and s2t, which
#: writes 麽 as 麼)
_VARIANT_TABLES = ("t2tw", "tw2t", "t2hk", "hk2t", "t2jp", "jp2t", "s2t")


def to_simplified(text: str) -> str:
    """The simplified form of ``text`` (OpenCC t2s); simplified text is unchanged.

    >>> to_simplified("敲詐個")
    '敲诈个'
    """
    if len(text) <= _MEMO_UP_TO:
        return _short_simplified(text)
    return str(_t2s().convert(text))


#: texts up to this long have their simplified forms memoised: the readings of variant
#: places, many times over in a collation (an OpenCC call costs several microseconds)
_MEMO_UP_TO = 16


@lru_cache(maxsize=1 << 16)
def _short_simplified(text: str) -> str:
    return str(_t2s().convert(text)) if text else text


def keys_to_simplified(keys: Sequence[str]) -> list[str]:
    """:func:`to_simplified` of many match keys in one OpenCC call: they are joined by line
    breaks, which no key holds and no OpenCC phrase spans, so each converts as alone.

    >>> keys_to_simplified(["敲詐", "", "個人"])
    ['敲诈', '', '个人']
    """
    if not keys:
        return []
    joined = "\n".join(keys)
    if joined.count("\n") != len(keys) - 1:  # a key holds a line break
        return [to_simplified(k) for k in keys]
    return to_simplified(joined).split("\n")
