"""Traditional/simplified forms with OpenCC; the only module importing it."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import opencc


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """The simplified form of ``text`` (OpenCC t2s); simplified text is unchanged.

    >>> to_simplified("敲詐個")
    '敲诈个'
    """
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
