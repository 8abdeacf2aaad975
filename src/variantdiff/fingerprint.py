"""MinHash fingerprints of units over character shingles; the only module using datasketch."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH

_PRIME = np.uint64(0x100000001B3)
_MASK32 = np.uint64(0xFFFFFFFF)


@dataclass(frozen=True, eq=False)
class Fingerprint:
    """Exact shingle set (for verification) and its MinHash (for LSH candidates)."""

    shingles: frozenset[int]
    minhash: MinHash

    @property
    def size(self) -> int:
        return len(self.shingles)


def shingle_hashes(key: str, size: int) -> np.ndarray:
    """Deterministic 32-bit hashes of the ``size``-character shingles of ``key``.

    A key shorter than ``size`` is one shingle. The hash is a polynomial over code
    points with a MurmurHash3-style finaliser, so it does not depend on Python's
    per-process string hashing.

    >>> shingle_hashes("中美关系", 3).tolist() == shingle_hashes("中美关系", 3).tolist()
    True
    >>> len(shingle_hashes("中美关系", 3)), len(shingle_hashes("中", 3))
    (2, 1)
    """
    if not key:
        return np.zeros(0, dtype=np.uint32)
    points = np.frombuffer(key.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    width = min(size, len(points))
    count = len(points) - width + 1
    h = np.zeros(count, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(width):
            h = h * _PRIME + points[j:j + count]
        h ^= h >> np.uint64(33)
        h *= np.uint64(0xFF51AFD7ED558CCD)
        h ^= h >> np.uint64(33)
        h *= np.uint64(0xC4CEB9FE1A85EC53)
        h ^= h >> np.uint64(33)
    return (h & _MASK32).astype(np.uint32)


def fingerprint(key: str, size: int, num_perm: int, seed: int) -> Fingerprint:
    """Fingerprint one match key (see :func:`variantdiff.chars.match_key`)."""
    hashes = shingle_hashes(key, size)
    minhash = MinHash(num_perm=num_perm, seed=seed, hashfunc=int)
    if len(hashes):
        minhash.update_batch(hashes.tolist())
    return Fingerprint(frozenset(hashes.tolist()), minhash)


def lsh_params(threshold: float, num_perm: int) -> tuple[int, int]:
    """Bands and rows whose S-curve crosses 1/2 near ``threshold``.

    Picked by a closed form, so datasketch need not integrate at run time.

    >>> lsh_params(0.15, 128)
    (64, 2)
    """
    best = (num_perm, 1)
    best_gap = 2.0
    for rows in range(1, num_perm + 1):
        bands = num_perm // rows
        if bands < 1:
            break
        midpoint = (1 / bands) ** (1 / rows)
        gap = abs(midpoint - threshold)
        if gap < best_gap - 1e-12:
            best, best_gap = (bands, rows), gap
    return best


def candidates(left: Sequence[Fingerprint], right: Sequence[Fingerprint],
               threshold: float, num_perm: int) -> list[tuple[int, int]]:
    """Index pairs (i, j) whose MinHashes collide in an LSH band, sorted."""
    lsh = MinHashLSH(num_perm=num_perm, params=lsh_params(threshold, num_perm))
    for j, fp in enumerate(right):
        if fp.size:
            lsh.insert(j, fp.minhash)
    found: set[tuple[int, int]] = set()
    for i, fp in enumerate(left):
        if fp.size:
            found.update((i, j) for j in lsh.query(fp.minhash))
    return sorted(found)


def overlap(a: Fingerprint, b: Fingerprint) -> int:
    """Number of shingles two fingerprints share exactly."""
    small, large = (a, b) if a.size <= b.size else (b, a)
    return sum(1 for s in small.shingles if s in large.shingles)


def fingerprints(keys: Iterable[str], size: int, num_perm: int,
                 seed: int) -> list[Fingerprint]:
    """Fingerprint many keys."""
    return [fingerprint(key, size, num_perm, seed) for key in keys]
