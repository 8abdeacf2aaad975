"""Word boundaries: segmenting only the runs asked about, through the on-disk dictionary
index, gives exactly what jieba gives for the whole text with its own dictionary."""

from __future__ import annotations

import logging
import marshal
from pathlib import Path

import jieba
import pytest

from variantdiff import words
from variantdiff.words import WordBounds

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

TEXTS = [
    "积极探索，积极探讨。",
    "中国政府为美方提供了 120 多亿只口罩\r\nCOVID-19 test 3.5%《人民日报》",
    "",
    "“我们深表同情。”他说：一位海外侨胞……",
    *(p.read_text(encoding="utf-8")[:3000] for p in sorted(SEEDS.glob("*.txt"))),
]


def whole_text_bounds(text: str, fine: bool) -> set[int]:
    """The reference: jieba's global tokenizer, its own dictionary, the whole text; with
    ``fine``, within each word the boundaries of the chains of shorter words (search mode)
    that run from its start to its end, or of all of them where none does."""
    jieba.setLogLevel(logging.WARNING)
    words = [(start, end) for _, start, end in jieba.tokenize(text, HMM=False)]
    bounds = {0, len(text)} | {k for word in words for k in word}
    if not fine:
        return bounds
    search = [(start, end) for _, start, end in jieba.tokenize(text, mode="search", HMM=False)]
    for start, end in words:
        parts = [(a, b) for a, b in search if start <= a and b <= end and (a, b) != (start, end)]
        ahead, behind = {start}, {end}
        for _ in parts:  # (a chain has no more links than there are parts)
            ahead |= {b for a, b in parts if a in ahead}
            behind |= {a for a, b in parts if b in behind}
        bounds |= (ahead & behind) if end in ahead else {k for part in parts for k in part}
    return bounds


def test_a_words_finer_bounds_are_those_of_the_parts_that_make_it_up() -> None:
    """批发市场 is 批发|市场 (not 发市, which jieba's search mode yields across them);
    未成年人, which no shorter words make up whole, keeps all its parts' bounds."""
    assert [k for k in range(7) if k in WordBounds("在批发市场里", fine=True)] == [0, 1, 3, 5, 6]
    assert 3 in WordBounds("未成年人", fine=True)


@pytest.mark.parametrize("fine", [False, True])
def test_bounds_equal_jieba_on_the_whole_text(fine: bool) -> None:
    for text in TEXTS:
        bounds = WordBounds(text, fine=fine)
        expected = whole_text_bounds(text, fine)
        got = {k for k in range(-2, len(text) + 3) if k in bounds}
        assert got == expected, text[:40]
        assert [bounds.next_from(k) for k in range(len(text) + 1)] == \
            [min(b for b in expected if b >= k) for k in range(len(text) + 1)]


def test_dictionary_is_served_from_the_index_in_the_cache() -> None:
    words.clear_memo()
    words._tokenizer.cache_clear()
    assert 2 in WordBounds("积极探索", fine=True)
    assert not isinstance(words._tokenizer().FREQ, dict)  # the index, not jieba's dict
    assert jieba.dt.FREQ.get("探索") == words._tokenizer().FREQ.get("探索")


def test_without_a_usable_cache_jieba_loads_its_own_dictionary(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "not-a-directory"
    blocked.write_text("")
    monkeypatch.setenv("VARIANTDIFF_CACHE_DIR", str(blocked))
    words.clear_memo()
    words._tokenizer.cache_clear()
    try:
        assert [k for k in range(5) if k in WordBounds("积极探索", fine=True)] == [0, 2, 4]
        assert isinstance(words._tokenizer().FREQ, dict)
    finally:
        words.clear_memo()
        words._tokenizer.cache_clear()


def test_a_long_job_reads_the_whole_index(monkeypatch: pytest.MonkeyPatch) -> None:
    """After many single lookups the index is read whole; the words stay the same."""
    monkeypatch.setattr(words, "_READ_ALL_AFTER", 10)
    words.clear_memo()
    words._tokenizer.cache_clear()
    try:
        text = TEXTS[-1]
        bounds = WordBounds(text, fine=True)
        assert {k for k in range(len(text) + 1) if k in bounds} == whole_text_bounds(text, True)
        assert isinstance(words._tokenizer().FREQ, dict)  # the whole index, as a dict
    finally:
        words.clear_memo()
        words._tokenizer.cache_clear()


def test_the_index_read_whole_on_demand() -> None:
    """Before starting processes, cluster reads the index whole once: the same words."""
    words.clear_memo()
    words._tokenizer.cache_clear()
    try:
        words.prepare_dictionary(whole=True)
        assert isinstance(words._tokenizer().FREQ, dict)
        text = TEXTS[-1]
        bounds = WordBounds(text, fine=True)
        assert {k for k in range(len(text) + 1) if k in bounds} == whole_text_bounds(text, True)
    finally:
        words.clear_memo()
        words._tokenizer.cache_clear()


@pytest.mark.parametrize("damage", [b"", b"SQLite format 3\x00 but cut short"])
def test_a_damaged_index_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                    damage: bytes) -> None:
    """A truncated or corrupted index is not trusted: jieba's own dictionary serves this
    run, the bad file is removed, and the next run builds a good one."""
    monkeypatch.setenv("VARIANTDIFF_CACHE_DIR", str(tmp_path))
    words.clear_memo()
    words._tokenizer.cache_clear()
    words._tokenizer()
    (index,) = tmp_path.glob("jieba-*.sqlite3")
    index.write_bytes(damage)
    try:
        words.clear_memo()
        words._tokenizer.cache_clear()
        assert [k for k in range(5) if k in WordBounds("积极探索", fine=True)] == [0, 2, 4]
        assert not index.exists()
        words.clear_memo()
        words._tokenizer.cache_clear()
        assert 2 in WordBounds("积极探索", fine=True)
        assert index.exists() and not isinstance(words._tokenizer().FREQ, dict)
    finally:
        words.clear_memo()
        words._tokenizer.cache_clear()


def test_a_long_job_reads_the_dictionary_from_a_snapshot(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Read whole, the index comes from a snapshot of it written the first time; a
    damaged snapshot is not trusted (the table serves, and the next run writes it again)."""
    monkeypatch.setenv("VARIANTDIFF_CACHE_DIR", str(tmp_path))
    text = TEXTS[-1]

    def read_whole() -> dict[str, int | None]:
        words.clear_memo()
        words._tokenizer.cache_clear()
        words.prepare_dictionary(whole=True)
        freq = words._tokenizer().FREQ
        assert isinstance(freq, dict)
        return freq

    try:
        words._tokenizer.cache_clear()
        index = words._tokenizer().FREQ
        assert isinstance(index, words._Index)
        table = index._table()
        assert read_whole() == table  # from the table, which writes the snapshot
        (snapshot,) = tmp_path.glob("jieba-*.marshal")
        with monkeypatch.context() as patched:
            def broken(self: object) -> None:
                raise AssertionError("the table was read")
            patched.setattr(words._Index, "_table", broken)
            assert read_whole() == table  # from the snapshot alone
            bounds = WordBounds(text, fine=True)
            assert {k for k in range(len(text) + 1) if k in bounds} == \
                whole_text_bounds(text, True)
        good = snapshot.read_bytes()
        flipped = bytearray(good)
        flipped[len(good) // 2] ^= 0x28
        for damage in (b"", b"\xe3 not a snapshot", good[:len(good) // 2], bytes(flipped),
                       words._sealed(marshal.dumps((1, {"积极": 1})))):
            snapshot.write_bytes(damage)
            assert read_whole() == table
            assert not snapshot.exists()  # forgotten …
            assert read_whole() == table
            assert snapshot.exists()  # … and written again
    finally:
        words.clear_memo()
        words._tokenizer.cache_clear()
