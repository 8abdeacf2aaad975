"""Word boundaries with jieba; the only module importing it."""

from __future__ import annotations

import logging
from functools import lru_cache

import jieba

jieba.setLogLevel(logging.WARNING)


@lru_cache(maxsize=512)
def word_boundaries(text: str, fine: bool = False) -> frozenset[int]:
    """Offsets in ``text`` where a jieba word starts or ends (0 and len included).

    With ``fine``, jieba's search mode is used, so a compound (积极探索) also yields
    the edges of its parts (积极|探索).

    >>> sorted(word_boundaries("积极探索")), sorted(word_boundaries("积极探索", fine=True))
    ([0, 4], [0, 2, 4])
    """
    bounds = {0, len(text)}
    mode = "search" if fine else "default"
    for _, start, end in jieba.tokenize(text, mode=mode, HMM=False):
        bounds.add(start)
        bounds.add(end)
    return frozenset(bounds)
