"""The vectorised MinHash equals datasketch's, and the banding finds what it should."""

from __future__ import annotations

from importlib.metadata import version
from pathlib import Path

import numpy as np
import pytest
from datasketch import MinHash, MinHashLSH
from hypothesis import given, settings
from hypothesis import strategies as st

from variantdiff.fingerprint import (
    band_buckets,
    candidates,
    fingerprint_keys,
    lsh_params,
    permutations,
    shingle_batch,
    shingle_hashes,
)

KEYS = ["中美关系日益紧张", "您是否担心中美关系进一步恶化", "", "甲", "中美关系日益紧张", "ab"]


def reference(key: str) -> np.ndarray:
    """datasketch's MinHash, updated shingle by shingle (the slow reference)."""
    m = MinHash(num_perm=128, seed=1, hashfunc=int)
    for h in shingle_hashes(key, 3).tolist():
        m.update(h)
    return np.asarray(m.hashvalues)


def test_signatures_equal_datasketch() -> None:
    prints = fingerprint_keys(KEYS, 3, 128, 1)
    for i, key in enumerate(KEYS):
        assert np.array_equal(prints.signatures[i], reference(key)), key
        assert np.array_equal(prints.shingles[i], np.unique(shingle_hashes(key, 3)))


def test_candidates_equal_datasketch_lsh() -> None:
    """The banded candidates are exactly the pairs datasketch's MinHashLSH returns."""
    left_keys = ["中美关系日益紧张您是否担心", "今天天气很好我们去公园", "", "甲乙"]
    right_keys = ["中美关系日益紧张您是否担忧", "今天天气不好我们去公园吗", "甲乙", "丙丁戊己"]
    left, right = fingerprint_keys(left_keys, 3, 128, 1), fingerprint_keys(right_keys, 3, 128, 1)
    lsh = MinHashLSH(num_perm=128, params=lsh_params(0.15, 128))
    for j in range(len(right_keys)):
        lsh.insert(j, MinHash(seed=1, hashvalues=right.signatures[j], scheme="affine32"))
    expected = sorted((i, j) for i, key in enumerate(left_keys) if key for j in lsh.query(
        MinHash(seed=1, hashvalues=left.signatures[i], scheme="affine32")))
    assert candidates(left, right, 0.15, 128) == expected
    assert (0, 0) in expected and (3, 2) in expected


def test_permutations_come_from_datasketch_with_or_without_cache(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = [p.astype(np.uint32) for p in MinHash(num_perm=16, seed=7).permutations]
    for directory in (tmp_path / "cache", tmp_path / "file-not-dir"):
        if directory.name == "file-not-dir":
            directory.write_text("a file where the cache directory should be")
        monkeypatch.setenv("VARIANTDIFF_CACHE_DIR", str(directory))
        for _ in range(2):  # the second time from the cache, when there is one
            permutations.cache_clear()
            got = permutations(16, 7)
            assert all(np.array_equal(g, e) for g, e in zip(got, expected, strict=True))
    assert [p.name for p in (tmp_path / "cache").iterdir()] == [
        f"minhash-{version('datasketch')}-16-7.npy"]
    permutations.cache_clear()


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(alphabet="中美关系甲乙丙丁ab1", max_size=30), max_size=8))
def test_batch_equals_key_by_key(keys: list[str]) -> None:
    hashes, owners = shingle_batch(keys, 3)
    for i, key in enumerate(keys):
        assert sorted(hashes[owners == i].tolist()) == sorted(shingle_hashes(key, 3).tolist())


def test_candidates_and_buckets_find_near_copies() -> None:
    left = fingerprint_keys(["中美关系日益紧张您是否担心"], 3, 128, 1)
    right = fingerprint_keys(["今天天气很好我们去公园", "中美关系日益紧张您是否担忧"], 3, 128, 1)
    assert candidates(left, right, 0.15, 128) == [(0, 1)]
    both = fingerprint_keys(["中美关系日益紧张您是否担心", "今天天气很好我们去公园",
                             "中美关系日益紧张您是否担忧", ""], 3, 128, 1)
    groups = {tuple(sorted(g.tolist())) for g in band_buckets(both.signatures, 64, 2)}
    assert (0, 2) in groups and all(3 not in g for g in groups)


def test_damaged_permutations_are_rebuilt(tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VARIANTDIFF_CACHE_DIR", str(tmp_path))
    expected = [p.astype(np.uint32) for p in MinHash(num_perm=16, seed=3).permutations]
    permutations.cache_clear()
    permutations(16, 3)
    (stored,) = tmp_path.glob("minhash-*.npy")
    stored.write_bytes(b"\x93NUMPY cut short")
    for _ in range(2):  # from datasketch (the bad file removed), then from a new file
        permutations.cache_clear()
        got = permutations(16, 3)
        assert all(np.array_equal(g, e) for g, e in zip(got, expected, strict=True))
    assert stored.exists() and np.load(stored).shape == (2, 16)
    permutations.cache_clear()
