"""Word boundaries with jieba; the only module importing it."""

from __future__ import annotations

import logging
from functools import lru_cache

import jieba

jieba.setLogLevel(logging.WARNING)


@lru_cache(maxsize=256)
def word_boundaries(text: str) -> frozenset[int]:
    """Offsets in ``text`` where a jieba word starts or ends (0 and len included).

    >>> sorted(word_boundaries("积极回报"))
    [0, 2, 4]
    """
    bounds = {0, len(text)}
    for _, start, end in jieba.tokenize(text, HMM=False):
        bounds.add(start)
        bounds.add(end)
    return frozenset(bounds)
