"""Traditional/simplified forms with OpenCC; the only module importing it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from hashlib import blake2b
from pathlib import Path

import numpy as np
import opencc

from .cache import cached_array


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
#: the conversions between the Taiwan and Hong Kong standards and OpenCC's traditional
#: forms (the Japanese ones are left out: 芸 is 藝 there, another character here)
_REGIONAL_TABLES = ("t2tw", "tw2t", "t2hk", "hk2t")


@lru_cache(maxsize=4096)
def regional_forms(x: str, y: str) -> bool:
    """Two different characters are one character as the Taiwan and Hong Kong standards
    write it: a regional table takes one to the other (峯/峰, 羣/群, 污/汙, 臺/台), though
    one of them is also the simplified form of the other. Not so 雲/云, 穀/谷, 裏/里,
    which every standard of traditional characters writes apart.

    >>> regional_forms("峯", "峰"), regional_forms("臺", "台"), regional_forms("雲", "云")
    (True, True, False)
    >>> regional_forms("裏", "里"), regional_forms("峰", "峰")
    (False, False)
    """
    return x != y and any(str(_regional(c).convert(x)) == y or str(_regional(c).convert(y)) == x
                          for c in _REGIONAL_TABLES)


def to_simplified(text: str) -> str:
    """The simplified form of ``text`` (OpenCC t2s); simplified text is unchanged.

    >>> to_simplified("敲詐個")
    '敲诈个'
    """
    if len(text) <= _MEMO_UP_TO:
        return _short_simplified(text)
    if _kept(text):
        return text
    return str(_t2s().convert(text))


def set_in_traditional(text: str, simplified: str | None = None) -> bool:
    """Most of the characters of ``text`` that have two forms are in their traditional
    form: a copy set in traditional characters, not a simplified one with a stray
    traditional character or two (``simplified`` may pass in its simplified form).

    >>> set_in_traditional("關注着這個問題"), set_in_traditional("关注着这个问题，因為")
    (True, False)
    """
    folded = to_simplified(text) if simplified is None else simplified
    if folded == text:
        return False
    if len(folded) != len(text):  # (a phrase t2s rewrites to another length)
        return True
    traditional = sum(t != f for t, f in zip(text, folded, strict=True))
    # (the simplified characters left as they are that have a traditional form)
    spelled = str(_regional("s2t").convert(folded))
    if len(spelled) != len(folded):
        return True
    simplified_kept = sum(t == f != s for t, f, s in zip(text, folded, spelled, strict=True))
    return traditional > simplified_kept


def _kept(text: str) -> bool:
    """t2s gives ``text`` back as it is, for certain: no character of it is one t2s
    changes alone, and no phrase t2s changes that holds none of those
    (:data:`_PHRASES_ONLY`). False whenever that cannot be known (:func:`_changing`).
    A search for two classes of characters is about twice as fast as OpenCC's reading,
    and most texts are simplified already.

    >>> _kept("敲詐"), _kept("深沈"), _kept("𠀀")
    (False, False, False)
    >>> checked = opencc.__version__ in _CHECKED  # (else every text goes to OpenCC)
    >>> (_kept("中华人民共和国"), _kept("覆盖")) if checked else (True, True)
    (True, True)
    """
    classes = _changing()
    if classes is None:
        return False
    alone, in_phrase = classes
    if alone.search(text):
        return False
    return in_phrase.search(text) is None or _phrases_only().search(text) is None


#: the phrases that t2s changes though it keeps each of their characters alone (深沈 →
#: 深沉, 答覆 → 答复, 英哩 → 英里, 捏坏 → 捏坯, 衹得 → 只得), read off OpenCC's phrase table
#: (TSPhrases of OpenCC 1.4.1 and 1.4.2, :data:`_CHECKED`; a longer phrase that holds one
#: of these is left out: 深沈不露)
_PHRASES_ONLY = tuple("""
一坏 凌藉 函覆 反覆 回覆 土坏 坏土 坏子 坏布 墨沈沈 意志消沈 打坏 批覆 折戟沈沙 折戟沈河
拉坏 拜覆 捏坏 明瞭 明覆 昏沈 暗沈沈 毛坏 沈下 沈冤 沈厚 沈吟 沈寂 沈思 沈浮 沈浸 沈湎
沈溺 沈甸甸 沈痛 沈痼 沈睡 沈砂池 沈筒 沈船 沈落 沈迷 沈醉 沈重 沈降 沈陷 沈香 沈默 浮沈
海哩 深沈 滑藉 狐藉虎威 甦生 甦醒 申覆 瞭如 瞭然 瞭若指掌 瞭解 破釜沈舟 示覆 答覆 素藉
耳沈 英哩 茵藉 藉代 藉以 藉助 藉卉 藉口 藉喻 藉寇兵 藉手 藉故 藉方 藉槁 藉此 藉甚 藉由
藉着 藉端 衹得 覆信 覆呈 覆命 覆墓 覆按 覆文 覆校 重覆 陶坏 黑沈沈
""".split())


#: the versions of OpenCC whose phrase table :data:`_PHRASES_ONLY` was checked against (of
#: older ones, 1.3.2 and 1.4.0 change 覆上 → 复上, though they keep 覆 alone)
_CHECKED = ("1.4.1", "1.4.2")


@lru_cache(maxsize=1)
def _phrases_only() -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, _PHRASES_ONLY)))


@lru_cache(maxsize=1)
def _changing() -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """Two classes of characters: those t2s changes alone (as the installed OpenCC has
    them, :func:`_changed_alone`), with NUL, the surrogates and every character outside
    the Basic Multilingual Plane, left to OpenCC (some versions stop at a NUL; all refuse
    surrogates); and, of the characters of :data:`_PHRASES_ONLY`, those the phrases
    change (沈 in 深沈, not 深). None when OpenCC is not a version :data:`_CHECKED`, or reads
    another t2s than its own (a ``t2s.json`` in the working directory)."""
    files = _own_files()
    if opencc.__version__ not in _CHECKED or files is None:
        return None
    alone = set(_changed_alone(files).tolist())
    changed = str(_t2s().convert("\n".join(_PHRASES_ONLY))).split("\n")
    if len(changed) != len(_PHRASES_ONLY):
        return None
    in_phrase = {ord(char) for phrase, into in zip(_PHRASES_ONLY, changed, strict=True)
                 for k, char in enumerate(phrase)
                 if len(into) != len(phrase) or into[k] != char}
    return (re.compile(_class(alone, "\\x00\\ud800-\\udfff\\U00010000-\\U0010ffff")),
            re.compile(_class(in_phrase - alone)))


def _own_files() -> list[Path] | None:
    """The t2s configuration OpenCC reads and the dictionaries it names, when they are
    those installed with it; None otherwise."""
    config = Path(str(getattr(_t2s(), "config", ""))).absolute()
    share = Path(opencc.__file__).parent / "clib" / "share" / "opencc"
    if config.parent != share.absolute() or not config.is_file():
        return None
    try:
        names = re.findall(r'"file"\s*:\s*"([^"]+)"', config.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return None
    files = [config, *(share / name for name in names)]
    return files if names and all(f.is_file() for f in files) else None


def _class(codes: set[int], more: str = "") -> str:
    """A regular expression's class of the characters ``codes`` (of the Basic
    Multilingual Plane), as runs, and ``more``; one that matches nothing when both are
    empty.

    >>> _class({0x4E00, 0x4E01, 0x4E02, 0x4E05})
    '[\\\\u4e00-\\\\u4e02\\\\u4e05]'
    """
    runs: list[list[int]] = []
    for code in sorted(codes):
        if runs and runs[-1][1] == code - 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    body = "".join(f"\\u{lo:04x}" if lo == hi else f"\\u{lo:04x}-\\u{hi:04x}" for lo, hi in runs)
    return f"[{body}{more}]" if body or more else "(?!)"


def _changed_alone(files: Sequence[Path]) -> np.ndarray:
    """The code points of the Basic Multilingual Plane that t2s changes when each stands
    alone (read from the user cache when these very ``files`` of OpenCC, its t2s and
    dictionaries, have given them before: the entry's name carries their sizes and
    times)."""
    stamps = [(f.name, (stat := f.stat()).st_size, stat.st_mtime_ns) for f in files]
    stamp = blake2b(repr(stamps).encode(), digest_size=8).hexdigest()
    # (詐 → 诈 is in every t2s there is)
    stored = cached_array(f"opencc-{opencc.__version__}-t2s-{stamp}.npy", _changed_to_keep,
                          lambda array: array.dtype == np.uint16 and array.ndim == 1
                          and ord("詐") in array)
    return stored if stored is not None else _probe_changed()[0]


@lru_cache(maxsize=1)
def _probe_changed() -> tuple[np.ndarray, bool]:
    """The code points that t2s changes when each stands alone, all of them converted in
    one call, one to a line (no OpenCC phrase spans a line break), and whether the lines
    came back one for one. When they did not (an OpenCC that stops at a character, or
    joins two), every code point. NUL is left out (OpenCC 1.1 and 1.2 stop at it)."""
    codes = [c for c in range(1, 0x10000) if c != 0x0A and not 0xD800 <= c < 0xE000]
    probes = [chr(c) for c in codes]
    out = str(_t2s().convert("\n".join(probes))).split("\n")
    if len(out) != len(probes):
        return np.array(codes, dtype=np.uint16), False
    return np.array([c for c, p, o in zip(codes, probes, out, strict=True) if o != p],
                    dtype=np.uint16), True


def _changed_to_keep() -> np.ndarray:
    changed, whole = _probe_changed()
    if not whole:  # (not kept: the next run probes again)
        raise OSError("OpenCC did not give the probes back one for one")
    return changed


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
    if _kept(joined):
        return list(keys)
    return str(_t2s().convert(joined)).split("\n")  # (checked once, not again)
