"""Word boundaries with jieba; the only module importing it.

jieba segments each run of word characters (its ``re_han_default``: CJK ideographs,
ASCII letters and digits, ``+#&._%-``) on its own and splits everything else into single
characters. So the boundaries of a long text are known run by run, and
:class:`WordBounds` segments only the runs a caller asks about: a comparison asks about
the few runs around its variants, not the whole document.

The dictionary is jieba's own, looked up through an on-disk index in the user cache
(:mod:`variantdiff.cache`) rather than loaded whole into memory, which costs jieba about
0.6 s at every start (a long job reads it whole, from a snapshot of the index). The index
holds exactly jieba's word frequencies and total, so the segmentation is the same; without
a usable cache directory jieba loads its dictionary as usual. The tokenizer is
variantdiff's own, with jieba's default dictionary: words added to jieba's global one
(``jieba.add_word``, ``jieba.load_userdict``) do not change readings.
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import os
import sqlite3
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from .cache import cached_file, forget

if TYPE_CHECKING:
    import re

    import jieba


class WordBounds:
    """Offsets in ``text`` where a jieba word starts or ends (0 and ``len(text)``
    included), for ``k in bounds`` tests. With ``fine``, jieba's search mode is used, so a
    compound (积极探索) also yields the edges of its parts (积极|探索).

    >>> [k for k in range(5) if k in WordBounds("积极探索")]
    [0, 4]
    >>> [k for k in range(5) if k in WordBounds("积极探索", fine=True)]
    [0, 2, 4]
    >>> [k for k in range(7) if k in WordBounds("《探索》一下")]
    [0, 1, 3, 4, 6]
    """

    __slots__ = ("_ends", "_fine", "_starts", "_text")

    def __init__(self, text: str, fine: bool = False) -> None:
        self._text = text
        self._fine = fine
        runs = [m.span() for m in _runs().finditer(text)]
        self._starts = [s for s, _ in runs]
        self._ends = [e for _, e in runs]

    def __contains__(self, k: object) -> bool:
        return isinstance(k, int) and 0 <= k <= len(self._text) and self.next_from(k) == k

    def next_from(self, k: int) -> int:
        """The first boundary at or after offset ``k`` (``len(text)`` at most).

        >>> WordBounds("积极探索").next_from(1), WordBounds("积极探索", fine=True).next_from(1)
        (4, 2)
        """
        if k <= 0:
            return 0
        if k >= len(self._text):
            return len(self._text)
        n = bisect_right(self._starts, k) - 1
        if n >= 0 and self._starts[n] < k < self._ends[n]:
            start = self._starts[n]
            bounds = _run_bounds(self._text[start:self._ends[n]], self._fine)
            return start + bounds[bisect_left(bounds, k - start)]
        # outside a run jieba yields every character alone, "\r\n" excepted
        return k + 1 if self._text[k - 1:k + 1] == "\r\n" else k


@lru_cache(maxsize=8192)
def _run_bounds(run: str, fine: bool) -> tuple[int, ...]:
    """Sorted word boundaries of one run of word characters (0 and its length included).

    ``fine`` adds the boundaries of the shorter words each word is made of, where they
    make it up whole (批发市场: 批发|市场; not 发市, a word of the dictionary too that jieba's
    search mode yields across them), else of all the shorter words it holds.

    >>> _run_bounds("在批发市场里", True), _run_bounds("中华人民共和国", True)
    ((0, 1, 3, 5, 6), (0, 2, 4, 7))
    """
    spans = [(start, end) for _, start, end in _tokenizer().tokenize(
        run, mode="search" if fine else "default", HMM=False)]
    # (search mode yields each word and the shorter words inside it: the words are the
    # spans no other holds)
    words, reach = [], 0
    for start, end in sorted(spans, key=lambda span: (span[0], -span[1])):
        if end > reach:
            words.append((start, end))
            reach = end
    bounds = {0, len(run)} | {k for span in words for k in span}
    if fine:
        inner: dict[int, list[int]] = {}
        for start, end in spans:
            inner.setdefault(start, []).append(end)
        for start, end in words:
            # (a word no shorter words make up whole keeps every one of their boundaries:
            # 未成年人, 未成年|人 and 成年|人)
            bounds.update(_tiled(start, end, inner) or {
                k for lo in range(start, end) for hi in inner.get(lo, ()) if hi <= end
                for k in (lo, hi)})
    return tuple(sorted(bounds))


def _tiled(start: int, end: int, inner: dict[int, list[int]]) -> set[int]:
    """The offsets between ``start`` and ``end`` where shorter words (``inner``: the ends
    of the words that start at each offset) that make up the whole stretch meet."""
    reach = {start}
    for k in range(start, end):
        if k in reach:
            reach.update(e for e in inner.get(k, ()) if e <= end and (k, e) != (start, end))
    if end not in reach:
        return set()
    back = {end}
    for k in range(end - 1, start - 1, -1):
        if k in reach and any(e in back for e in inner.get(k, ())
                              if e <= end and (k, e) != (start, end)):
            back.add(k)
    return back


def prepare_dictionary(whole: bool = False) -> None:
    """Make jieba's dictionary ready now rather than at the first lookup (for timings);
    with ``whole``, read all of it into memory, as a long job does after many lookups
    (before starting processes that will share it)."""
    freq = _tokenizer().FREQ
    if whole and isinstance(freq, _Index):
        freq.read_whole()


def clear_memo() -> None:
    """Forget the memoised segmentations (the dictionary stays loaded)."""
    _run_bounds.cache_clear()


@lru_cache(maxsize=1)
def _runs() -> re.Pattern[str]:
    import jieba

    pattern: re.Pattern[str] = jieba.re_han_default
    return pattern


@lru_cache(maxsize=1)
def _tokenizer() -> jieba.Tokenizer:
    """jieba's tokenizer with its default dictionary, served from the on-disk index."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    dictionary = Path(jieba.__file__).with_name("dict.txt")
    try:
        stat = dictionary.stat()
    except OSError:
        return _initialized(tokenizer)
    name = f"jieba-{jieba.__version__}-{stat.st_size}-{int(stat.st_mtime)}.sqlite3"
    path = cached_file(name, lambda out: _write_index(out, tokenizer))
    if path is not None:
        try:
            index = _Index(path, tokenizer)
        except sqlite3.Error:
            forget(path)
            return _initialized(tokenizer)
        tokenizer.FREQ, tokenizer.total = index, index.total
        tokenizer.initialized = True
    return _initialized(tokenizer)


def _initialized(tokenizer: jieba.Tokenizer) -> jieba.Tokenizer:
    """``tokenizer`` with its dictionary loaded (now, not at its first use), jieba's own
    messages held back meanwhile: a cache of its own it cannot write (/tmp/jieba.cache
    another user's) would print a traceback on every run."""
    if not tokenizer.initialized:
        with _jieba_quiet():
            tokenizer.initialize()
    return tokenizer


@contextmanager
def _jieba_quiet() -> Iterator[None]:
    """jieba's logger silenced for a while (its level as it was afterwards)."""
    import jieba

    logger = jieba.default_logger
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


def _write_index(path: Path, tokenizer: jieba.Tokenizer) -> None:
    with _jieba_quiet():
        tokenizer.initialize()
    try:
        with sqlite3.connect(path) as db:
            db.execute("CREATE TABLE freq (word TEXT PRIMARY KEY, n INTEGER NOT NULL) "
                       "WITHOUT ROWID")
            db.executemany("INSERT INTO freq VALUES (?, ?)", tokenizer.FREQ.items())
            db.execute("CREATE TABLE meta (total INTEGER NOT NULL)")
            db.execute("INSERT INTO meta VALUES (?)", (tokenizer.total,))
        db.close()
    except sqlite3.Error as err:
        raise OSError(f"cannot write the word index {path}: {err}") from err


#: distinct words looked up one by one before the whole index is read into memory (about
#: 0.2 s from its snapshot, the cost of some 15,000 single lookups; jieba then looks words
#: up in a plain dict, several times faster than through the index's methods)
_READ_ALL_AFTER = 15_000


#: the first bytes of a snapshot of the index, before the digest of what follows
_SNAPSHOT_MAGIC = b"variantdiff word index snapshot 1\n"


def _sealed(payload: bytes) -> bytes:
    """``payload`` behind a mark and its digest, so that a damaged copy is known as such
    before it is read."""
    return _SNAPSHOT_MAGIC + hashlib.blake2b(payload, digest_size=16).digest() + payload


def _unsealed(data: bytes) -> bytes | None:
    """The payload of :func:`_sealed` data, or None when it is not whole and as written."""
    head = len(_SNAPSHOT_MAGIC) + 16
    payload = data[head:]
    if data[:len(_SNAPSHOT_MAGIC)] != _SNAPSHOT_MAGIC \
            or data[len(_SNAPSHOT_MAGIC):head] != hashlib.blake2b(payload, digest_size=16).digest():
        return None
    return payload


class _Index:
    """jieba's prefix dictionary (word or word prefix → frequency, 0 for a bare prefix)
    read from the index on demand; the mapping methods jieba's tokenizer uses."""

    def __init__(self, path: Path, tokenizer: jieba.Tokenizer) -> None:
        self._path = path
        self._tokenizer = tokenizer
        self._memo: dict[str, int | None] = {}
        self._complete = False
        self._connect()
        row = self._db.execute("SELECT total FROM meta").fetchone()
        if row is None or self._db.execute("SELECT n FROM freq LIMIT 1").fetchone() is None:
            raise sqlite3.DatabaseError(f"{path}: an incomplete word index")
        self.total: int = row[0]

    def _connect(self) -> None:
        self._pid = os.getpid()
        self._db = sqlite3.connect(self._path.resolve().as_uri() + "?mode=ro", uri=True,
                                   check_same_thread=False)

    def get(self, word: str, default: int | None = None) -> int | None:
        try:
            n = self._memo[word]
        except KeyError:
            if self._complete:
                return default
            try:
                n = self._lookup(word)
            except sqlite3.Error:
                self._use_jieba()
                n = self._memo.get(word)
            else:
                if not self._complete:
                    self._memo[word] = n
        return default if n is None else n

    def _here(self) -> sqlite3.Connection:
        """The connection, a new one in a forked worker (one is never shared across a
        fork)."""
        if self._pid != os.getpid():
            self._connect()
        return self._db

    def _lookup(self, word: str) -> int | None:
        if len(self._memo) >= _READ_ALL_AFTER:
            # a long job: one read of the whole table beats a query per word
            self.read_whole()
            return self._memo.get(word)
        row = self._here().execute("SELECT n FROM freq WHERE word = ?", (word,)).fetchone()
        return row[0] if row else None

    def read_whole(self) -> None:
        """Read the whole index into memory; jieba then looks words up in a plain dict."""
        if self._complete:
            return
        whole = self._snapshot()
        if whole is None:
            try:
                whole = self._table()
            except sqlite3.Error:
                self._use_jieba()
                return
        self._memo = whole
        self._complete = True
        self._tokenizer.FREQ = self._memo

    def _table(self) -> dict[str, int | None]:
        return dict(self._here().execute("SELECT word, n FROM freq"))

    def _snapshot(self) -> dict[str, int | None] | None:
        """The whole index from a snapshot of it in the cache (``marshal``: read several
        times faster than the table), written from the table the first time (and the
        table then serves); None when there is none to be had. A snapshot that is not
        whole and as written is not trusted: it is forgotten, and the next run writes it
        again."""
        built: list[dict[str, int | None]] = []

        def build(path: Path) -> None:
            try:
                built.append(self._table())
            except sqlite3.Error as err:
                raise OSError(f"cannot read the word index {self._path}: {err}") from err
            path.write_bytes(_sealed(marshal.dumps((self.total, built[0]))))

        path = cached_file(self._path.stem + ".marshal", build)
        if built:
            return built[0]
        if path is None:
            return None
        try:
            payload = _unsealed(path.read_bytes())
            total, whole = marshal.loads(payload) if payload is not None else (None, None)
        except (OSError, EOFError, ValueError, TypeError, MemoryError):
            total = whole = None
        if total != self.total or not isinstance(whole, dict):
            forget(path)
            return None
        return whole

    def _use_jieba(self) -> None:
        """The index broke in the middle of a run: drop it (the next run builds it again)
        and finish with jieba's own dictionary, the same words."""
        forget(self._path)
        self._tokenizer.initialized = False
        self._tokenizer.initialize()  # jieba's dictionary in place of this index
        self._memo = self._tokenizer.FREQ
        self._complete = True

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.get(word) is not None

    def __getitem__(self, word: str) -> int:
        n = self.get(word)
        if n is None:
            raise KeyError(word)
        return n
