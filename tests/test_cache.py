"""The user cache: where it goes, and that a cache that cannot be used never breaks a run."""

from __future__ import annotations

import os
from pathlib import Path

import jieba
import numpy as np
import pytest

from variantdiff import cache, words
from variantdiff.words import WordBounds


def test_cache_dir_needs_an_absolute_place(monkeypatch: pytest.MonkeyPatch,
                                           tmp_path: Path) -> None:
    monkeypatch.delenv("VARIANTDIFF_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.cache_dir() == tmp_path / "xdg" / "variantdiff"
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", "relative")  # ignored, as the XDG spec says
    monkeypatch.setattr(os.path, "expanduser", lambda path: path)  # no home directory
    assert cache.cache_dir() is None
    assert not (tmp_path / "relative").exists() and not (tmp_path / "~").exists()


def test_entries_are_readable_by_all(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("VARIANTDIFF_CACHE_DIR", str(tmp_path))
    path = cache.cached_file("entry", lambda out: out.write_text("data"))
    assert path is not None and path.read_text() == "data"
    assert path.stat().st_mode & 0o777 == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["entry"]  # no temporary left


def test_a_failed_build_leaves_nothing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("VARIANTDIFF_CACHE_DIR", str(tmp_path))

    def broken(out: Path) -> None:
        raise OSError("disk full")

    assert cache.cached_file("entry", broken) is None
    assert list(tmp_path.iterdir()) == []


def fresh_words() -> None:
    words.clear_memo()
    words._tokenizer.cache_clear()


def test_an_index_under_a_path_with_uri_characters(monkeypatch: pytest.MonkeyPatch,
                                                    tmp_path: Path) -> None:
    monkeypatch.setenv("VARIANTDIFF_CACHE_DIR", str(tmp_path / "a#b?c%20d"))
    fresh_words()
    try:
        assert [k for k in range(5) if k in WordBounds("积极探索", fine=True)] == [0, 2, 4]
        assert not isinstance(words._tokenizer().FREQ, dict)
        assert len(list((tmp_path / "a#b?c%20d").glob("jieba-*.sqlite3"))) == 1
    finally:
        fresh_words()


def test_an_index_damaged_during_a_run(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Pages that break after the index was opened: the run finishes on jieba's own
    dictionary, the same words, and the index is dropped to be built again."""
    monkeypatch.setenv("VARIANTDIFF_CACHE_DIR", str(tmp_path))
    fresh_words()
    try:
        assert 2 in WordBounds("积极探索", fine=True)
        (index,) = tmp_path.glob("jieba-*.sqlite3")
        size = index.stat().st_size
        with index.open("r+b") as handle:  # every page but the first
            handle.seek(4096)
            handle.write(b"\xab" * (size - 4096))
        text = "中国政府为美方提供了口罩，一位海外侨胞积极回报祖国"
        expected = {0, len(text)} | {k for _, s, e in jieba.tokenize(text, HMM=False)
                                     for k in (s, e)}
        assert {k for k in range(len(text) + 1) if k in WordBounds(text)} == expected
        assert isinstance(words._tokenizer().FREQ, dict)  # jieba's own words now
        assert not index.exists()
    finally:
        fresh_words()


def test_an_array_entry_is_built_once_and_dropped_when_not_valid(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("VARIANTDIFF_CACHE_DIR", str(tmp_path))
    built = []

    def build() -> np.ndarray:
        built.append(1)
        return np.arange(4, dtype=np.uint16)

    def four(array: np.ndarray) -> bool:
        return array.shape == (4,)

    for _ in range(2):  # the second time read back, not built
        stored = cache.cached_array("entry.npy", build, four)
        assert stored is not None and stored.tolist() == [0, 1, 2, 3]
    assert built == [1]
    assert cache.cached_array("entry.npy", build, lambda array: False) is None
    assert list(tmp_path.iterdir()) == []  # (dropped: the next run builds it again)
    (tmp_path / "entry.npy").write_bytes(b"\x93NUMPY truncated")
    assert cache.cached_array("entry.npy", build, four) is None
    assert list(tmp_path.iterdir()) == []

    def refused() -> np.ndarray:
        raise OSError("not to keep")

    assert cache.cached_array("other.npy", refused, four) is None
    assert list(tmp_path.iterdir()) == []
