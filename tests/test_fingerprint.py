"""The vectorised MinHash equals datasketch's, and the banding finds what it should."""

from __future__ import annotations

import numpy as np
from datasketch import MinHash
from hypothesis import given, settings
from hypothesis import strategies as st

from variantdiff.fingerprint import (
    band_buckets,
    candidates,
    fingerprint_keys,
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
        assert np.array_equal(prints.minhash(i).hashvalues, reference(key))


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
