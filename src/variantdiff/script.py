"""Traditional/simplified forms with OpenCC; the only module importing it."""

from __future__ import annotations

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
