"""MinHash fingerprints of units over character shingles; the only module using datasketch.

Signatures are datasketch's ``MinHash`` with its ``affine32`` scheme and its permutations
for the seed, computed for many keys at once with numpy; candidates come from LSH banding
of those signatures. datasketch itself is imported only when its permutations for a
(num_perm, seed) are not yet in the user cache (see :mod:`variantdiff.cache`): importing
it pulls in SciPy, which would otherwise cost a short comparison most of its run time.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib.metadata import version

import numpy as np

from .cache import cached_array

_PRIME = np.uint64(0x100000001B3)
_MASK32 = np.uint64(0xFFFFFFFF)
#: an odd 64-bit constant (2^64 / the golden ratio): multiplying by it mixes a value's
#: bits upwards, one to one
GOLDEN = np.uint64(0x9E3779B97F4A7C15)


@dataclass(frozen=True, eq=False)
class Fingerprints:
    """MinHash signatures (for LSH candidates) and exact shingle sets (for verification)
    of many keys, row ``i`` for key ``i``."""

    signatures: np.ndarray
    #: every key's sorted unique shingle hashes, one after another: key ``i``'s are
    #: ``shingle_values[shingle_bounds[i]:shingle_bounds[i + 1]]``
    shingle_values: np.ndarray
    shingle_bounds: np.ndarray

    @cached_property
    def shingles(self) -> tuple[np.ndarray, ...]:
        """Each key's sorted unique shingle hashes."""
        return split(self.shingle_values, self.shingle_bounds)

    def __len__(self) -> int:
        return len(self.shingle_bounds) - 1


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
    return _finalise(h)


def fingerprint_keys(keys: Sequence[str], size: int, num_perm: int, seed: int,
                     ) -> Fingerprints:
    """Fingerprint many match keys (see :func:`variantdiff.chars.match_key`) at once."""
    hashes, owners = shingle_batch(keys, size)
    values, bounds = unique_per_owner(hashes, owners, len(keys))
    # the minimum over a key's distinct shingles is the minimum over all of them
    owners = np.repeat(np.arange(len(keys)), np.diff(bounds))
    return Fingerprints(signatures_of(values, owners, len(keys), num_perm, seed), values, bounds)


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


def candidates(left: Fingerprints, right: Fingerprints, threshold: float,
               num_perm: int) -> list[tuple[int, int]]:
    """Index pairs (i, j), sorted, whose signatures agree on a whole LSH band.

    The bands and rows are :func:`lsh_params`; a key without shingles joins no band.
    """
    bands, rows = lsh_params(threshold, num_perm)
    count = len(left)
    sigs = np.concatenate((left.signatures, right.signatures))
    found: set[tuple[int, int]] = set()
    empty = empty_rows(sigs)
    for band in range(bands):
        column = band_column(sigs, band, rows, empty).tolist()
        buckets: dict[int, list[int]] = {}
        for j, key in enumerate(column[count:]):
            if key:
                buckets.setdefault(key, []).append(j)
        for i, key in enumerate(column[:count]):
            for j in buckets.get(key, ()) if key else ():
                found.add((i, j))
    return sorted(found)


def overlap(a: np.ndarray, b: np.ndarray) -> int:
    """Number of shingles two sorted unique shingle arrays share.

    >>> overlap(np.array([1, 4, 9], dtype=np.uint32), np.array([4, 5, 9], dtype=np.uint32))
    2
    """
    both = np.concatenate((a, b))
    both.sort()
    return int(np.count_nonzero(both[1:] == both[:-1]))


# --- vectorised MinHash and LSH banding, for many keys at once --------------------------

_FMIX32 = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35),
           np.uint32(16))
_MAX32 = np.uint32(0xFFFFFFFF)


def _fmix32(h: np.ndarray) -> np.ndarray:
    s1, m1, s2, m2, s3 = _FMIX32
    h = h ^ (h >> s1)
    h = h * m1
    h = h ^ (h >> s2)
    h = h * m2
    return h ^ (h >> s3)  # type: ignore[no-any-return]


@lru_cache(maxsize=8)
def permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """The (a, b) affine permutations datasketch's MinHash uses for this seed (read from
    the user cache when datasketch has given them before)."""
    stored = cached_array(f"minhash-{version('datasketch')}-{num_perm}-{seed}.npy",
                          lambda: np.stack(_datasketch_permutations(num_perm, seed)),
                          lambda array: array.shape == (2, num_perm))
    if stored is not None:
        return stored[0].astype(np.uint32), stored[1].astype(np.uint32)
    return _datasketch_permutations(num_perm, seed)


def _datasketch_permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    from datasketch import MinHash

    a, b = MinHash(num_perm=num_perm, seed=seed).permutations
    return a.astype(np.uint32), b.astype(np.uint32)


def shingle_batch(keys: Sequence[str], size: int) -> tuple[np.ndarray, np.ndarray]:
    """Shingle hashes of many keys at once: (hashes, owner key index), in key order.

    The same values as :func:`shingle_hashes` key by key, computed in a few numpy passes
    over all keys together.
    """
    lengths = np.fromiter((len(k) for k in keys), dtype=np.int64, count=len(keys))
    if not len(keys) or not lengths.sum():
        return np.zeros(0, dtype=np.uint32), np.zeros(0, dtype=np.int64)
    points = np.frombuffer("".join(keys).encode("utf-32-le"), dtype=np.uint32)
    points = points.astype(np.uint64)
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    total = len(points)
    out_h: list[np.ndarray] = []
    out_o: list[np.ndarray] = []
    if total >= size:
        count = total - size + 1
        h = np.zeros(count, dtype=np.uint64)
        with np.errstate(over="ignore"):
            for j in range(size):
                h = h * _PRIME + points[j:j + count]
        owner = np.repeat(np.arange(len(keys)), lengths)[:count]
        offset = np.arange(count) - starts[owner]
        valid = offset <= lengths[owner] - size
        out_h.append(_finalise(h[valid]))
        out_o.append(owner[valid])
    short = np.flatnonzero((lengths > 0) & (lengths < size))
    for k in short.tolist():
        out_h.append(shingle_hashes(keys[k], size))
        out_o.append(np.array([k], dtype=np.int64))
    hashes = np.concatenate(out_h) if out_h else np.zeros(0, dtype=np.uint32)
    owners = np.concatenate(out_o) if out_o else np.zeros(0, dtype=np.int64)
    if not len(short):  # already in key order
        return hashes, owners
    order = np.argsort(owners, kind="stable")
    return hashes[order], owners[order]


def _finalise(h: np.ndarray) -> np.ndarray:
    with np.errstate(over="ignore"):
        h = h ^ (h >> np.uint64(33))
        h = h * np.uint64(0xFF51AFD7ED558CCD)
        h = h ^ (h >> np.uint64(33))
        h = h * np.uint64(0xC4CEB9FE1A85EC53)
        h = h ^ (h >> np.uint64(33))
    out: np.ndarray = (h & _MASK32).astype(np.uint32)
    return out


def signatures_of(hashes: np.ndarray, owners: np.ndarray, count: int, num_perm: int,
                  seed: int, chunk: int = 1 << 13) -> np.ndarray:
    """MinHash signatures (count, num_perm) from a shingle batch sorted by owner, ``chunk``
    shingles at a time (8,192 by 128 permutations: a 4 MB buffer, which stays in the
    processor's cache; a chunk four times as large takes nearly twice as long)."""
    a, b = permutations(num_perm, seed)
    out = np.full((count, num_perm), _MAX32, dtype=np.uint32)
    if not len(hashes):
        return out
    mixed = _fmix32(hashes)
    buffer = np.empty((num_perm, min(chunk, len(mixed))), dtype=np.uint32)
    for lo in range(0, len(mixed), chunk):
        part, idx = mixed[lo:lo + chunk], owners[lo:lo + chunk]
        # permutations by rows, shingles along each row: the minimum over each owner's
        # shingles then runs over contiguous memory (several times faster than by columns);
        # computed in place, in one buffer for all chunks
        permuted = buffer[:, :len(part)]
        np.multiply(a[:, None], part[None, :], out=permuted)
        permuted += b[:, None]
        starts = np.flatnonzero(np.r_[True, idx[1:] != idx[:-1]])
        mins = np.minimum.reduceat(permuted, starts, axis=1).T
        rows = idx[starts]
        out[rows] = np.minimum(out[rows], mins)
    return out


def signatures(keys: Sequence[str], size: int, num_perm: int, seed: int) -> np.ndarray:
    """MinHash signatures of many keys at once, shape (len(keys), num_perm), uint32.

    Row i equals the hash values of a datasketch ``MinHash(num_perm, seed)`` updated with
    key i's shingle hashes (the same premixing and permutations), computed with numpy.
    """
    hashes, owners = shingle_batch(keys, size)
    return signatures_of(hashes, owners, len(keys), num_perm, seed)


def sorted_unique(values: np.ndarray) -> np.ndarray:
    """The distinct values of a 1-D array, sorted: ``np.unique`` by a sort, which on large
    integer arrays is several times faster than numpy 2's hashing ``np.unique``.

    >>> sorted_unique(np.array([5, 1, 5, 3])).tolist()
    [1, 3, 5]
    """
    out = np.sort(values)
    if len(out) < 2:
        return out
    kept: np.ndarray = out[np.r_[True, out[1:] != out[:-1]]]
    return kept


def split(values: np.ndarray, bounds: np.ndarray) -> tuple[np.ndarray, ...]:
    """``values[bounds[k]:bounds[k + 1]]`` for every k (views, no copies)."""
    return tuple(values[lo:hi] for lo, hi in itertools.pairwise(bounds.tolist()))


def unique_per_owner(hashes: np.ndarray, owners: np.ndarray, count: int,
                     ) -> tuple[np.ndarray, np.ndarray]:
    """Sorted unique shingle hashes of each key, from a batch sorted by owner: (values,
    bounds), key ``k``'s being ``values[bounds[k]:bounds[k + 1]]``."""
    combined = sorted_unique((owners.astype(np.uint64) << np.uint64(32))
                             | hashes.astype(np.uint64))
    keys_of = (combined >> np.uint64(32)).astype(np.int64)
    values = (combined & _MASK32).astype(np.uint32)
    return values, np.searchsorted(keys_of, np.arange(count + 1))


def band_column(sigs: np.ndarray, band: int, rows: int,
                empty: np.ndarray | None = None) -> np.ndarray:
    """Hash of LSH band ``band`` for every row of ``sigs``; 0 for an empty key's row (all
    maximal values), which joins no bucket. ``empty`` may pass in :func:`empty_rows`
    when many bands of the same signatures are hashed."""
    cells = sigs[:, band * rows:(band + 1) * rows].astype(np.uint64)
    key = np.full(len(sigs), band + 1, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(rows):
            key = key * _PRIME + cells[:, j]
    key |= np.uint64(1)
    key[empty_rows(sigs) if empty is None else empty] = 0
    return key


def empty_rows(sigs: np.ndarray) -> np.ndarray:
    """Mask of the signatures of keys without shingles (every value maximal)."""
    out: np.ndarray = (sigs == _MAX32).all(axis=1)
    return out


def band_buckets(sigs: np.ndarray, bands: int, rows: int) -> list[np.ndarray]:
    """Groups (index arrays, at least two members) of rows sharing any LSH band; empty
    keys' rows are left out."""
    groups: list[np.ndarray] = []
    empty = empty_rows(sigs)
    for band in range(bands):
        key = band_column(sigs, band, rows, empty)
        order = np.argsort(key, kind="stable")
        sorted_keys = key[order]
        edges = np.flatnonzero(np.r_[True, sorted_keys[1:] != sorted_keys[:-1], True])
        for lo, hi in itertools.pairwise(edges.tolist()):
            if hi - lo > 1 and sorted_keys[lo]:
                groups.append(order[lo:hi])
    return groups
