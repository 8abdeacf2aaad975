"""cluster's candidate stages: the shortcuts taken for speed change no group."""

from __future__ import annotations

import itertools
import random
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import variantdiff.cluster as cluster_module
from variantdiff.chars import match_key
from variantdiff.cluster import (
    _bucket_order,
    candidate_pairs,
    edges_local,
    link,
    low_bytes,
    plausible,
    prepare_all,
    stock_units,
    verify,
    verify_many,
)
from variantdiff.config import Config
from variantdiff.fingerprint import (
    GOLDEN,
    band_column,
    fingerprint_keys,
    lsh_params,
    sorted_unique,
)
from variantdiff.load import Source

ROOT = Path(__file__).parent.parent
SEED_TEXT = "".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))
HAN = [c for c in match_key(SEED_TEXT) if "\u4e00" <= c <= "\u9fff"]


def template_corpus(seed: int = 3) -> list[Source]:
    """Law-like documents: numbered clauses drawn from a small pool (so many documents
    share near-identical clauses, as statutes share their closing articles), each
    document with its own changed characters, and abridged copies of some clauses."""
    rng = random.Random(seed)
    pool = ["".join(rng.choice(HAN) for _ in range(rng.randrange(20, 120))) + "。"
            for _ in range(30)]
    sources = []
    for d in range(60):
        clauses = []
        for n in range(rng.randrange(3, 8)):
            text = list(rng.choice(pool))
            for _ in range(rng.randrange(0, 3)):
                text[rng.randrange(len(text) - 1)] = rng.choice(HAN)
            clause = "".join(text)
            if rng.random() < 0.2:  # an abridged copy: the clause's first part only
                clause = clause[:max(8, len(clause) // rng.choice((2, 3, 4)))] + "。"
            clauses.append(f"第{n + 1}条 {clause}")
        sources.append(Source(f"law{d}.txt", "\n\n".join(clauses) + "\n", "utf-8"))
    return sources


def test_every_candidate_is_verified() -> None:
    """edges_local's many-at-once verification gives the edges that verifying each
    candidate pair on its own gives, in pair order (the Spark engine verifies them one by
    one)."""
    config = Config()
    prepared = prepare_all(template_corpus(), config)
    infos, edges = edges_local(prepared, config)
    shingles = [s for p in prepared for s in p.shingles]
    sigs = np.concatenate([p.sigs for p in prepared if len(p.units)])
    sizes = np.array([len(s) for s in shingles], dtype=np.int64)
    docs = np.array([u.doc for u in infos], dtype=np.int64)
    every = []
    for i, j in candidate_pairs(sigs, sizes, docs, config).tolist():
        edge = verify(i, j, shingles[i], shingles[j], config)
        if edge is not None:
            every.append(edge)
    assert edges == every
    assert sum(e.contained for e in edges) > 10
    stock = stock_units(prepared, config)
    assert len(link(infos, edges, stock, config)) >= 20


def test_processes_find_the_same_edges() -> None:
    """Bands and verifications shared out among processes: the same edges, in the same
    order, as one process."""
    config = Config()
    prepared = prepare_all(template_corpus(), config)
    infos, edges = edges_local(prepared, config)
    assert edges_local(prepared, config, jobs=2) == (infos, edges)
    assert edges_local(prepared, config, jobs=3) == (infos, edges)
    assert sum(e.contained for e in edges) > 10


@pytest.mark.parametrize(("all_pairs", "batch"), [(32, 1 << 22), (3, 1), (1, 50)])
def test_candidates_are_the_band_buckets_pairs(all_pairs: int, batch: int,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """The candidates are, over all bands, the pairs of units of different documents in
    one bucket (every pair of a small bucket, a star around the first member of a large
    one) that the estimate keeps: worked out here bucket by bucket, against the bands'
    buckets taken a size at a time and estimated in batches."""
    monkeypatch.setattr(cluster_module, "_BUCKET_ALL_PAIRS", all_pairs)
    monkeypatch.setattr(cluster_module, "_BATCH_PAIRS", batch)
    config = Config()
    prepared = prepare_all(template_corpus(), config)
    sigs = np.concatenate([p.sigs for p in prepared if len(p.units)])
    sizes = np.array([len(s) for p in prepared for s in p.shingles], dtype=np.int64)
    docs = np.array([u.doc for p in prepared for u in p.units], dtype=np.int64)
    bands, rows = lsh_params(config.lsh_threshold, config.num_perm)
    found: set[tuple[int, int]] = set()
    bucket_sizes = set()
    for band in range(bands):
        buckets: dict[int, list[int]] = {}
        for row, key in enumerate(band_column(sigs, band, rows).tolist()):
            if key:
                buckets.setdefault(key, []).append(row)
        for members in buckets.values():
            bucket_sizes.add(len(members))
            pairs = itertools.combinations(members, 2) if len(members) <= all_pairs \
                else ((members[0], other) for other in members[1:])
            found.update((i, j) for i, j in pairs if docs[i] != docs[j])
    assert len(bucket_sizes) > 5  # (buckets of many sizes: taken one size at a time)
    expected = np.array(sorted(found), dtype=np.int64)
    expected = expected[plausible(low_bytes(sigs), sizes, expected, config)]
    assert candidate_pairs(sigs, sizes, docs, config).tolist() == expected.tolist()
    assert candidate_pairs(sigs, sizes, docs, config, jobs=2).tolist() == expected.tolist()


def test_contained_units_stay_candidates() -> None:
    """An abridged copy (an excerpt of a much larger unit, a few characters changed) that
    the pairing rule accepts by containment is kept by the MinHash estimate, down to the
    smallest size ratio the rule allows. (A fixed margin on the estimated containment,
    as before, dropped about 1 in 170 of these.)"""
    config = Config()
    rng = random.Random(5)
    kept = total = 0
    for _ in range(1000):
        large = "".join(rng.choice(HAN) for _ in range(rng.randrange(60, 400)))
        ratio = rng.uniform(config.containment_min_ratio + 0.02, 0.7)
        length = max(8, int(len(large) * ratio))
        start = rng.randrange(len(large) - length + 1)
        small = list(large[start:start + length])
        for _ in range(max(1, length // 25)):
            small[rng.randrange(length)] = rng.choice(HAN)
        prints = fingerprint_keys(["".join(small), large], config.shingle_size,
                                  config.num_perm, config.seed)
        edge = verify(0, 1, prints.shingles[0], prints.shingles[1], config)
        if edge is None or not edge.contained:
            continue  # not a pair by containment alone
        sizes = np.array([len(s) for s in prints.shingles], dtype=np.int64)
        pair = np.array([[0, 1]], dtype=np.int64)
        kept += int(plausible(low_bytes(prints.signatures), sizes, pair, config)[0])
        total += 1
    assert kept == total > 700


@pytest.mark.parametrize("width", [128, 64, 248, 36, 256])
def test_equal_bytes_counts_the_equal_places(width: int) -> None:
    """The estimate's count of equal low bytes, eight to a word, is numpy's count, up to
    every place equal (and for widths the words cannot take)."""
    rng = np.random.default_rng(width)
    low = rng.integers(0, 4, size=(50, width), dtype=np.uint8)  # (many equal bytes)
    low[7] = low[3]
    a = rng.integers(0, 50, size=400)
    b = rng.integers(0, 50, size=400)
    a[:2], b[:2] = (3, 7), (7, 3)
    expected = np.count_nonzero(low[a] == low[b], axis=1)
    assert cluster_module._equal_bytes(low, a, b).tolist() == expected.tolist()
    assert expected[0] == width


def test_estimates_drop_unrelated_pairs() -> None:
    config = Config()
    rng = random.Random(6)
    texts = ["".join(rng.choice(HAN) for _ in range(rng.randrange(30, 200))) for _ in range(40)]
    prints = fingerprint_keys(texts, config.shingle_size, config.num_perm, config.seed)
    sizes = np.array([len(s) for s in prints.shingles], dtype=np.int64)
    pairs = np.array([(i, j) for i in range(40) for j in range(i + 1, 40)], dtype=np.int64)
    assert plausible(low_bytes(prints.signatures), sizes, pairs, config).mean() < 0.05


@pytest.mark.parametrize("batch", [1 << 16, 64, 1])
def test_verify_many_is_verify_pair_by_pair(batch: int, monkeypatch: pytest.MonkeyPatch,
                                            ) -> None:
    """Counting many pairs' shared shingles at once gives the edges verify gives one by
    one, whether a batch holds them all, a few runs of one smaller unit, or one run."""
    monkeypatch.setattr(cluster_module, "_COUNT_BATCH", batch)
    config = Config()
    rng = random.Random(8)
    base = ["".join(rng.choice(HAN[:60]) for _ in range(rng.randrange(5, 150)))
            for _ in range(12)]
    keys = []
    for _ in range(80):
        text = rng.choice(base)
        start = rng.randrange(len(text))
        keys.append(text[start:start + rng.randrange(1, 150)] if rng.random() < 0.6 else text)
    keys += ["", "甲"]
    shingles = list(fingerprint_keys(keys, config.shingle_size, config.num_perm,
                                     config.seed).shingles)
    pairs = np.array([(i, j) for i in range(len(keys)) for j in range(i + 1, len(keys))
                      if rng.random() < 0.5], dtype=np.int64)
    expected = [verify(i, j, shingles[i], shingles[j], config) for i, j in pairs.tolist()]
    assert verify_many(pairs, shingles, config) == [e for e in expected if e is not None]
    assert sum(e is not None and e.contained for e in expected) > 20
    for odd in (replace(config, pair_threshold=0.0), replace(config, pair_threshold=1.0),
                replace(config, containment_threshold=0.0, containment_min_ratio=0.0),
                replace(config, containment_min_ratio=1.0)):
        expected = [verify(i, j, shingles[i], shingles[j], odd) for i, j in pairs.tolist()]
        assert verify_many(pairs, shingles, odd) == [e for e in expected if e is not None]


@given(st.lists(st.integers(min_value=0, max_value=2**40), max_size=60))
def test_sorted_unique_is_np_unique(values: list[int]) -> None:
    array = np.array(values, dtype=np.int64)
    assert sorted_unique(array).tolist() == np.unique(array).tolist()


@given(st.lists(st.integers(min_value=0, max_value=5), min_size=1, max_size=40),
       st.booleans())
def test_bucket_order_puts_equal_hashes_together_by_row(picks: list[int], close: bool) -> None:
    # ``close``: hashes whose mixed forms differ in their lowest bits only, which the
    # packed sort cannot tell apart (the order must then be found by key)
    inverse = pow(int(GOLDEN), -1, 2**64)
    hashes = [((1 << 50) + k if close else (k + 1) * 0x1234567 << 20) * inverse % 2**64
              for k in range(6)]
    column = np.array([hashes[p] for p in picks], dtype=np.uint64)
    order, ordered = _bucket_order(column)
    assert ordered.tolist() == column[order].tolist()
    runs = [list(group) for _, group in itertools.groupby(order.tolist(),
                                                            key=lambda r: picks[r])]
    assert len(runs) == len(set(picks))  # each hash's rows in one run …
    assert all(run == sorted(run) for run in runs)  # … by row
