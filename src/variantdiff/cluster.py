"""``cluster``: group the units of many documents, and collate the variants in each group.

The work is split so that any engine can run it (see :mod:`variantdiff.spark` for Spark):

1. :func:`prepare` (per document, in parallel): normalise, segment, match keys with the
   document's own repeats taken out, exact shingle sets and LSH band hashes.
2. :func:`candidate_pairs` (per LSH band): units sharing a band hash.
3. :func:`verify` (per candidate): the exact similarity rule of ``compare``.
4. :func:`link` (driver): drop containment links that would chain unrelated units through
   a fragment, then join units by the best links first (union–find), never two units of
   one document but for the parts of a paragraph a reprint cut up; :func:`short_links`
   then matches the short units of documents that are copies of one another character by
   character.
5. :func:`collate` (per group): align every member with the group's base member and
   gather, for each place, the readings and the documents that have each.
"""

from __future__ import annotations

import gc
import itertools
import os
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Container, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, fields, replace
from functools import lru_cache
from hashlib import blake2b
from multiprocessing import get_context
from operator import attrgetter
from typing import Any, NamedTuple, TypeVar

import numpy as np

from .align import cross_pairs, distance_sums, equal_blocks, indel_distance
from .boilerplate import (
    Passage,
    Segment,
    UnionFind,
    boilerplate_spans,
    find_passages,
    keys_without,
    report,
    segments_and_keys,
)
from .chars import abbreviate, fold_width, match_key, to_arabic
from .classify import MAX_SWAP_GAP, kind_of, one_simplified, read_pair
from .classify import Reading as AlignedReading
from .compare import PASTED, locate, units_joined
from .config import DEFAULT_HIDDEN, Config
from .errors import UsageError, WorkerError
from .fingerprint import (
    GOLDEN,
    band_column,
    empty_rows,
    fingerprint_keys,
    lsh_params,
    overlap,
    shingle_hashes,
    sorted_unique,
    split,
)
from .inputs import Skipped
from .load import Source
from .model import Boilerplate, Location, Occurrence
from .normalise import normalise
from .pair import (
    FAMILY,
    SHORT_MIN,
    SHORT_PAIRS,
    ask_alike,
    cut_off_beside,
    headline_lengths,
    in_order,
    is_short,
    rule,
    same_places,
)
from .script import keys_to_simplified, merged, set_in_traditional, to_simplified
from .segment import CONTENT_KINDS, Document, Unit, segment
from .words import prepare_dictionary

#: reports progress: (stage, items just done, items in the stage); the stages, in order,
#: are those of :data:`STAGES`
Progress = Callable[[str, int, int], None]
#: the stages a cluster run reports progress in
STAGES = ("reading documents", "finding candidate pairs", "verifying pairs",
          "collating groups", "locating variants")

_T = TypeVar("_T")
_R = TypeVar("_R")
_S = TypeVar("_S")
_K = TypeVar("_K")

#: buckets larger than this are verified as a star around their first member
_BUCKET_ALL_PAIRS = 32
#: how far below a threshold a MinHash estimate may fall and still be checked exactly
_ESTIMATE_MARGIN = 0.2
#: partner shingles :func:`verify_many` looks up at once
_COUNT_BATCH = 1 << 16
#: documents from which cluster runs one process per core unless told otherwise
_PARALLEL_FROM = 200
#: chunks of work per process (at least; see _CHUNK_MAX)
_CHUNKS_PER_JOB = 16
#: items sent to a process at a time at most (a chunk's results are held until sent)
_CHUNK_MAX = 64
#: shares of the LSH bands (or of the pairs to verify) per process: a few, for progress
#: reports (each share's pairs are estimated together)
_SHARES_PER_JOB = 2
#: collisions gathered over consecutive bands before their estimates are taken
_BATCH_PAIRS = 1 << 22
#: a group standing in more documents than this is no sign that two of them are copies
#: of one another (a stock clause of many laws): :func:`short_links` does not count it
_COPY_GROUP_MAX = 64
#: a paragraph in no group beside a member joins its group as a piece of the member when
#: the two read together hold this share of its characters more of another member's text
#: (in order) than the member alone ...
_BESIDE_SHARE = 0.4
#: ... and this many characters at least, and this share of the other member's text
#: beyond the member's at that end (so that a paragraph matching a long text here and
#: there by chance does not join)
_BESIDE_MIN = 8
_BESIDE_REST = 0.5
#: a unit in no group, a turn too (or a group of them, each beside a member of its
#: document), is a piece of a member beside it when the other member's text right beyond
#: it holds this share of its characters, and this many: a copy that runs them on
_RUN_ON_SHARE = 0.9
_RUN_ON_MIN = 4
#: the kinds of units a copy runs on so
_RUN_ON_KINDS = ("text", "speech", "qa")
#: (the member's text stands in the other's where they share stretches this long)
_BESIDE_RUN = 4
#: headings and page furniture a paragraph beside a member may stand beyond
_BESIDE_PAST = 2
#: a paragraph in no group between two pieces of a member (``_BESIDE_MIN`` characters at
#: least) joins them when another member holds this share of its characters
_BETWEEN_SHARE = 0.8
#: units two copies leave in one place are weighed by the rule for all units on their exact
#: shingles where they make at most this many pairs (a turn abridged beside the whole: one
#: of each; the articles of two editions of a law, hundreds, are left to MinHash)
_HELD_PAIRS = 4
#: two documents are copies of one another when they share groups for at least this share
#: of the smaller one's units (and two groups at least)
_COPY_SHARE = 0.5
#: a unit at most this share of the length of a unit it is contained in is a piece of it
#: (:func:`link`)
_PIECE_SHARE = 0.8
#: standard errors of a MinHash estimate below a containment's Jaccard value still checked
_SPREAD = 4.0
#: chance that two different MinHash values share their lowest byte
_CHANCE = 1 / 256


# --- inputs ---------------------------------------------------------------------------

# --- 1. prepare -----------------------------------------------------------------------

class UnitInfo(NamedTuple):
    """What the driver keeps of a unit (a named tuple: the driver holds hundreds of
    thousands)."""

    doc: int
    unit: int
    id: str
    kind: str
    label: str | None
    start_line: int
    end_line: int
    #: characters of the unit's text
    length: int = 0


#: the fields of :class:`Prepared` that hold units (sent between processes as columns)
_UNIT_FIELDS = ("units", "heading_units", "furniture_units")


def _columns(units: Sequence[UnitInfo]) -> tuple[tuple[Any, ...], ...]:
    """The fields of ``units`` as columns, which are sent between processes several times
    faster than as many small objects."""
    return tuple(zip(*units, strict=True))


def _rows(columns: tuple[tuple[Any, ...], ...]) -> tuple[UnitInfo, ...]:
    return tuple(map(UnitInfo._make, zip(*columns, strict=True)))


def _field(items: Sequence[Any], name: str, dtype: type = np.int64) -> np.ndarray:
    """Field ``name`` of every one of ``items`` (named tuples) as a numpy array."""
    return np.fromiter(map(attrgetter(name), items), dtype=dtype, count=len(items))


@dataclass(frozen=True, eq=False)
class Prepared:
    """One document, ready for candidate generation."""

    doc: int
    path: str
    encoding: str
    units: tuple[UnitInfo, ...]
    #: the sorted unique shingle hashes (uint32) of every unit's key, one after another:
    #: unit k's are ``shingle_values[shingle_bounds[k]:shingle_bounds[k + 1]]`` (two arrays
    #: rather than one per unit, which are slow to send between processes)
    shingle_values: np.ndarray
    shingle_bounds: np.ndarray
    #: MinHash signatures, shape (len(units), num_perm), uint32
    sigs: np.ndarray
    #: the document's own repeats
    boilerplate: tuple[Boilerplate, ...]
    #: sentences that may be cross-document boilerplate: (hash, unit, start, end, line0,
    #: line1)
    sentences: np.ndarray
    #: the text of each unit (what collation aligns)
    texts: tuple[str, ...]
    #: the heading standing right before each unit ("" if none): another copy may read it
    #: as the opening of the unit (:func:`collate`)
    headings: tuple[str, ...]
    #: the document's headings (titles, subheadings, chapters) and their texts: they group
    #: only with the headings of copies, in the same place (:func:`heading_groups`)
    heading_units: tuple[UnitInfo, ...]
    heading_texts: tuple[str, ...]
    #: the document's page furniture (datelines, page jumps, captions, bylines) and its
    #: texts: compared with no other document's, reported as such (:attr:`Clustering.furniture`)
    furniture_units: tuple[UnitInfo, ...]
    furniture_texts: tuple[str, ...]
    #: where the texts of the units, then of the headings, stand in the normalised text:
    #: rows (k, start, end, joined) of their parts (:attr:`Unit.parts`,
    #: :attr:`Unit.joined`), k numbering them in that order (so that the places of the
    #: variants are found in the file with the document normalised again, not segmented:
    #: :meth:`unit`)
    parts: np.ndarray

    @property
    def shingles(self) -> tuple[np.ndarray, ...]:
        """Each unit's sorted unique shingle hashes."""
        return split(self.shingle_values, self.shingle_bounds)

    def __reduce__(self) -> tuple[Callable[[dict[str, Any]], Prepared], tuple[Any, ...]]:
        # the units as columns (see :func:`_columns`)
        state = {f.name: getattr(self, f.name) for f in fields(self)}
        state.update((name, _columns(state[name])) for name in _UNIT_FIELDS)
        return _prepared, (state,)

    def unit(self, u: int) -> Unit:
        """Unit ``u`` of the document, a content unit or a heading, as far as
        :func:`~variantdiff.compare.locate` reads it: its parts, their joins and its text
        (its kind, label and lines too; not its speaker)."""
        k = bisect_left(self.units, u, key=attrgetter("unit"))
        if k < len(self.units) and self.units[k].unit == u:
            info, text = self.units[k], self.texts[k]
        else:
            h = bisect_left(self.heading_units, u, key=attrgetter("unit"))
            if h == len(self.heading_units) or self.heading_units[h].unit != u:
                raise KeyError(f"{self.path}: unit {u} is no content unit nor heading")
            info, text = self.heading_units[h], self.heading_texts[h]
            k = len(self.units) + h
        lo, hi = np.searchsorted(self.parts[:, 0], (k, k + 1)).tolist()
        rows = self.parts[lo:hi].tolist()
        return Unit(info.id, info.kind, info.label, None, tuple((a, b) for _, a, b, _ in rows),
                    tuple(bool(j) for _, _, _, j in rows), text, info.start_line,
                    info.end_line)

    def without_fingerprints(self) -> Prepared:
        """The document without its shingles and signatures, which only candidate
        generation and verification use (their memory is let go)."""
        return replace(self, shingle_values=np.zeros(0, dtype=self.shingle_values.dtype),
                       shingle_bounds=np.zeros(1, dtype=self.shingle_bounds.dtype),
                       sigs=np.zeros((0, self.sigs.shape[1]), dtype=self.sigs.dtype))


def _prepared(state: dict[str, Any]) -> Prepared:
    """A :class:`Prepared` from what its ``__reduce__`` sends."""
    return Prepared(**{**state, **{name: _rows(state[name]) for name in _UNIT_FIELDS}})


def build_document(source: Source, config: Config, whole: bool = False) -> Document:
    """Normalise and segment; with ``whole`` the document is one text unit (and its page
    furniture, if any, after it)."""
    doc = segment(normalise(source), config)
    if not whole or not doc.units:  # (a text of nothing but white space has no unit)
        return doc
    content = [u for u in doc.units if u.kind != "furniture"] or list(doc.units)
    parts = tuple(p for u in content for p in u.parts)
    joined = tuple(j for u in content for j in u.joined)
    text = "\n".join(u.text for u in content)
    unit = Unit("u1", "text", None, None, parts, joined, text, content[0].start_line,
                content[-1].end_line)
    # (its page furniture after it, numbered on: reported, as any document's is)
    furniture = [u for u in doc.units if u.kind == "furniture"] \
        if len(content) < len(doc.units) else []
    return Document(doc.normalised, (unit, *(replace(u, id=f"u{n}")
                                             for n, u in enumerate(furniture, 2))))


def prepare(index: int, source: Source, config: Config, whole: bool = False,
            doc: Document | None = None) -> Prepared:
    """Stage 1 for one document (a pure function of its inputs: engines may run it
    anywhere). ``doc`` passes in the document when the caller has built it already."""
    return prepare_many([(index, source)], config, whole, None if doc is None else [doc])[0]


def prepare_many(items: Sequence[tuple[int, Source]], config: Config, whole: bool = False,
                 docs: Sequence[Document] | None = None) -> list[Prepared]:
    """:func:`prepare` for several (index, source) items: the same results, the keys of
    all of them fingerprinted in one batch (fewer, larger numpy passes than one document
    at a time). ``docs`` passes in their documents when the caller has built them."""
    parts = [_prepare_parts(index, source, config,
                            build_document(source, config, whole) if docs is None else docs[k])
             for k, (index, source) in enumerate(items)]
    keys = [key for _, own_keys, _ in parts for key in own_keys]
    prints = fingerprint_keys(keys, config.shingle_size, config.num_perm, config.seed)
    # (the parts of the units of all of them at once too)
    rows, row_bounds = _parts_of([units for _, _, units in parts])
    out, first = [], 0
    for n, (part, own_keys, _) in enumerate(parts):
        last = first + len(own_keys)
        lo, hi = int(prints.shingle_bounds[first]), int(prints.shingle_bounds[last])
        out.append(Prepared(**part, shingle_values=prints.shingle_values[lo:hi],
                            shingle_bounds=prints.shingle_bounds[first:last + 1] - lo,
                            sigs=prints.signatures[first:last],
                            parts=rows[row_bounds[n]:row_bounds[n + 1]]))
        first = last
    return out


def _prepare_parts(index: int, source: Source, config: Config, doc: Document,
                   ) -> tuple[dict[str, Any], list[str], list[Unit]]:
    """The fields of one document's :class:`Prepared` but for its fingerprints and its
    units' parts; the keys they are made of, and the units (content units, then
    headings)."""
    segs, unit_keys = segments_and_keys(doc, config)
    passages = find_passages([doc], config, segments=segs)
    spans = boilerplate_spans(passages)
    infos, texts, keys, headings, own_spans = [], [], [], [], []
    heading_units: list[UnitInfo] = []
    furniture_units: list[UnitInfo] = []
    heading_texts: list[str] = []
    furniture_texts: list[str] = []
    for u, unit in enumerate(doc.units):
        if unit.kind in ("heading", "furniture"):
            (heading_units if unit.kind == "heading" else furniture_units).append(
                UnitInfo(index, u, unit.id, unit.kind, None, unit.start_line, unit.end_line,
                         len(unit.text)))
            (heading_texts if unit.kind == "heading" else furniture_texts).append(unit.text)
        if unit.kind not in CONTENT_KINDS:
            continue
        infos.append(UnitInfo(index, u, unit.id, unit.kind, unit.label, unit.start_line,
                              unit.end_line, len(unit.text)))
        own_spans.append(spans.get((0, u), []))
        texts.append(unit.text)
        keys.append(unit_keys[u])
        headings.append(_heading_before(doc, u))
    # the keys of the sentences that may be cross-document boilerplate and of the units,
    # in simplified characters (one OpenCC call)
    long = [seg for seg in segs if len(seg.key) >= config.boilerplate_cross_min_chars]
    folded = keys_to_simplified([seg.key for seg in long] + keys_without(texts, own_spans, keys))
    state = {"doc": index, "path": source.path, "encoding": source.encoding,
             "units": tuple(infos), "boilerplate": tuple(_own_boilerplate(doc, index, passages)),
             "sentences": _sentence_hashes(doc, long, folded[:len(long)]),
             "texts": tuple(texts), "headings": tuple(headings),
             "heading_units": tuple(heading_units), "heading_texts": tuple(heading_texts),
             "furniture_units": tuple(furniture_units),
             "furniture_texts": tuple(furniture_texts)}
    return state, folded[len(long):], [doc.units[info.unit]
                                       for info in itertools.chain(infos, heading_units)]


def _parts_of(documents: Sequence[Sequence[Unit]]) -> tuple[np.ndarray, list[int]]:
    """The parts of the units of several documents as rows (k, start, end, joined), k the
    unit's number in its document (:attr:`Prepared.parts`), and the bounds of each
    document's rows."""
    units = [unit for document in documents for unit in document]
    parts = [unit.parts for unit in units]
    counts = np.fromiter(map(len, parts), dtype=np.int64, count=len(units))
    # (each unit's number in its document)
    firsts = np.cumsum([0, *map(len, documents)])
    numbers = np.arange(len(units)) - np.repeat(firsts[:-1], np.diff(firsts))
    rows = np.empty((int(counts.sum()), 4), dtype=np.int64)
    rows[:, 0] = np.repeat(numbers, counts)
    flat = itertools.chain.from_iterable
    rows[:, 1:3] = np.fromiter(flat(flat(parts)), dtype=np.int64,
                               count=2 * len(rows)).reshape(-1, 2)
    rows[:, 3] = np.fromiter(flat(unit.joined for unit in units), dtype=np.int64,
                             count=len(rows))
    unit_bounds = np.r_[0, np.cumsum(counts)]
    return rows, unit_bounds[firsts].tolist()


def _heading_before(doc: Document, u: int) -> str:
    """The text of the heading right before unit ``u`` (page furniture passed over), or ""."""
    k = u - 1
    while k >= 0 and doc.units[k].kind == "furniture":
        k -= 1
    return doc.units[k].text if k >= 0 and doc.units[k].kind == "heading" else ""


def _own_boilerplate(doc: Document, index: int, passages: list[Passage]) -> Iterator[Boilerplate]:
    for group in report([doc], passages):
        yield Boilerplate(group.text, tuple(replace(o, doc=index) for o in group.occurrences))


def _sentence_hashes(doc: Document, long: Sequence[Segment], keys: Sequence[str]) -> np.ndarray:
    """(hash, unit, start, end, first line, last line) of each sentence that may be
    cross-document boilerplate (``long``); the hash is of its script-folded match key
    (``keys``)."""
    if not long:
        return np.zeros((0, 6), dtype=np.int64)
    units = doc.units
    # the source lines of their first and last characters, looked up at once
    lines = doc.normalised.lines_of([units[seg.unit].norm_index(seg.start) for seg in long]
                                    + [units[seg.unit].norm_index(seg.end - 1) for seg in long])
    n = len(long)
    return np.array([(int.from_bytes(blake2b(key.encode("utf-8"), digest_size=8).digest(),
                                     "little") >> 2,
                      seg.unit, seg.start, seg.end, lines[k], lines[n + k])
                     for k, (key, seg) in enumerate(zip(keys, long, strict=True))],
                    dtype=np.int64)


# --- 2. candidates ----------------------------------------------------------------------

def bucket_pairs(members: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Candidate pairs of LSH buckets of one size, one bucket a row (members sorted):
    all pairs of a small bucket, a star around the first member of a large one.

    >>> [x.tolist() for x in bucket_pairs(np.array([[3, 5, 9]]))]
    [[3, 3, 5], [5, 9, 9]]
    """
    size = members.shape[1]
    if size <= _BUCKET_ALL_PAIRS:
        x, y = _all_pairs(size)
        return members[:, x].ravel(), members[:, y].ravel()
    return np.repeat(members[:, 0], size - 1), members[:, 1:].ravel()


@lru_cache(maxsize=_BUCKET_ALL_PAIRS + 1)
def _all_pairs(size: int) -> tuple[np.ndarray, np.ndarray]:
    """The (x, y) positions, x < y, of every pair among ``size`` members."""
    x, y = np.triu_indices(size, 1)
    return x, y


def candidate_pairs(sigs: np.ndarray, sizes: np.ndarray, docs: np.ndarray,
                    config: Config, jobs: int = 1,
                    progress: Progress | None = None) -> np.ndarray:
    """Pairs (i, j), i < j, of units in different documents that share an LSH band hash
    and whose MinHash estimate makes the exact rule plausible.

    The bands are shared out among ``jobs`` processes. Each estimates its bands' pairs in
    batches of about ``_BATCH_PAIRS`` as they come, so memory follows the plausible pairs,
    not every collision.
    """
    n = len(sigs)
    bands, _ = lsh_params(config.lsh_threshold, config.num_perm)
    state = (sigs, low_bytes(sigs), empty_rows(sigs), sizes, docs, config)
    # a pair that collides in several shares' bands is estimated in each: few shares
    parts = 1 if jobs <= 1 else min(bands, _SHARES_PER_JOB * jobs)
    shares = [range(k, bands, parts) for k in range(parts)]
    tick = _ticker(progress, STAGES[1], bands)
    unique = np.zeros(0, dtype=np.int64)
    for share, codes in zip(shares, _in_processes(_band_candidates, shares, state, jobs),
                            strict=True):
        # merged as they come, so that only the distinct pairs are held
        both = np.concatenate((unique, codes))
        both.sort(kind="stable")  # two sorted runs: a merge
        unique = both[np.r_[True, both[1:] != both[:-1]]] if len(both) else both
        if tick:
            tick(len(share))
    out: np.ndarray = np.stack([unique // n, unique % n], axis=1)
    return out


def _band_candidates(state: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray,
                                  Config], bands: range) -> np.ndarray:
    """The plausible candidate pairs of some LSH bands, as codes ``i * n + j``, sorted."""
    sigs, low, empty, sizes, docs, config = state
    n = len(sigs)
    _, rows = lsh_params(config.lsh_threshold, config.num_perm)
    kept: list[np.ndarray] = []
    batch: list[np.ndarray] = []
    pending = 0

    def check_batch() -> None:
        # a pair colliding in several bands of the batch is estimated once
        codes = sorted_unique(np.concatenate(batch))
        batch.clear()
        pairs = np.stack([codes // n, codes % n], axis=1)
        kept.append(codes[plausible(low, sizes, pairs, config)])

    for band in bands:
        order, ordered = _bucket_order(band_column(sigs, band, rows, empty))
        edges = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1], True])
        counts = np.diff(edges)
        starts = edges[:-1]
        live = (counts > 1) & (ordered[np.minimum(starts, n - 1)] != 0)
        # the buckets by size (each size's in order), one slice of them a size
        live_starts, live_counts = starts[live], counts[live]
        by_size = np.argsort(live_counts, kind="stable")
        ranked = live_counts[by_size]
        runs = np.flatnonzero(np.r_[True, ranked[1:] != ranked[:-1], True])
        for lo, hi in itertools.pairwise(runs.tolist() if len(ranked) else ()):
            size = int(ranked[lo])
            lows = live_starts[by_size[lo:hi]]
            first, second = bucket_pairs(order[lows[:, None] + np.arange(size)])
            codes = first * n + second
            batch.append(codes[docs[first] != docs[second]])
            pending += len(batch[-1])
        if pending >= _BATCH_PAIRS:
            check_batch()
            pending = 0
    if batch:
        check_batch()
    return sorted_unique(np.concatenate(kept)) if kept else np.zeros(0, dtype=np.int64)


def _bucket_order(column: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The rows of a band's hash column in an order that puts equal hashes together, each
    run of them by row (bucket members sorted), and the column in that order.

    Sorted as one array of hash and row packed together (the top bits of the hash, mixed
    by a multiplication that keeps hashes apart, above the row's), which numpy sorts
    faster than it sorts by key; where two hashes share those bits, their rows are then
    sorted by key and row.

    >>> [x.tolist() for x in _bucket_order(np.array([9, 4, 9, 4], dtype=np.uint64))]
    [[1, 3, 0, 2], [4, 4, 9, 9]]
    """
    n = len(column)
    bits = np.uint64(max((n - 1).bit_length(), 1))
    with np.errstate(over="ignore"):
        mixed = column * GOLDEN
    packed = (mixed >> bits << bits) | np.arange(n, dtype=np.uint64)
    packed.sort()
    order = (packed & ((np.uint64(1) << bits) - np.uint64(1))).astype(np.int64)
    ordered = column[order]
    tops = packed >> bits
    mixed_up = np.flatnonzero((tops[1:] == tops[:-1]) & (ordered[1:] != ordered[:-1]))
    if len(mixed_up):
        # the runs of rows sharing those bits that hold two hashes, each sorted by hash
        # and row in its place (few: rare below millions of rows)
        runs = np.flatnonzero(np.r_[True, tops[1:] != tops[:-1], True])
        for k in np.unique(np.searchsorted(runs, mixed_up, side="right") - 1).tolist():
            rows = order[runs[k]:runs[k + 1]]
            order[runs[k]:runs[k + 1]] = rows[np.lexsort((rows, column[rows]))]
        ordered = column[order]
    return order, ordered


def low_bytes(sigs: np.ndarray) -> np.ndarray:
    """The lowest byte of each MinHash value (a b-bit MinHash, b = 8): what
    :func:`plausible` compares, a quarter of the signatures' memory traffic."""
    out: np.ndarray = sigs.astype(np.uint8)
    return out


def plausible(low: np.ndarray, sizes: np.ndarray, pairs: np.ndarray, config: Config,
              chunk: int = 1 << 13) -> np.ndarray:
    """Mask of candidate pairs whose MinHash estimates leave the exact rule within reach.

    ``low`` is :func:`low_bytes` of the signatures: two values that differ share their
    low byte with chance 1/256, which the Jaccard estimate corrects for. A pair is kept
    when its estimate comes within ``_ESTIMATE_MARGIN`` (over four standard errors of a
    128-permutation estimate) of ``pair_threshold``, or, when the sizes allow a
    containment, within ``_SPREAD`` standard errors of the Jaccard value the two units
    would have with the smaller one contained at ``containment_threshold`` (that value
    is low when one unit is much larger, so a fixed margin would drop real pairs).

    The pairs are taken ``chunk`` at a time: the rows gathered for 8,192 pairs (2 MB)
    stay in the processor's cache.
    """
    keep = np.zeros(len(pairs), dtype=bool)
    margin = _ESTIMATE_MARGIN
    for lo in range(0, len(pairs), chunk):
        part = pairs[lo:lo + chunk]
        equal = _equal_bytes(low, part[:, 0], part[:, 1]) / low.shape[1]
        est = np.maximum(equal - _CHANCE, 0.0) / (1 - _CHANCE)
        sa = sizes[part[:, 0]].astype(np.float64)
        sb = sizes[part[:, 1]].astype(np.float64)
        small, large = np.minimum(sa, sb), np.maximum(sa, sb)
        # the Jaccard similarity two units have when the smaller one is contained at the
        # threshold: the estimate must come within reach of it
        shared = config.containment_threshold * small
        needed = shared / np.maximum(sa + sb - shared, 1)
        reach = _SPREAD * np.sqrt(needed * (1 - needed) / low.shape[1])
        keep[lo:lo + chunk] = (est >= config.pair_threshold - margin) | (
            (small >= config.containment_min_ratio * large) & (est >= needed - reach))
    return keep


#: a one in each byte of a 64-bit word
_BYTE_ONES = np.uint64(0x0101010101010101)


def _equal_bytes(low: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The number of places in which rows ``a`` and rows ``b`` of ``low`` hold the same
    byte. The rows are read as 64-bit words (fewer, larger items to gather), and the
    bytes of their comparison, each 0 or 1, are added up eight to a word: the words' sum
    holds in each byte the count of its lane, and a multiplication by 0x0101… adds the
    eight lanes up into the top byte (every count stays below 256)."""
    width = low.shape[1]
    if width % 8 or width > 255 or not low.flags.c_contiguous:
        slow: np.ndarray = np.count_nonzero(low[a] == low[b], axis=1)
        return slow
    words = low.view(np.uint64)
    same = (words[a].view(np.uint8) == words[b].view(np.uint8)).view(np.uint64)
    lanes = same.sum(axis=1, dtype=np.uint64)
    with np.errstate(over="ignore"):
        counts: np.ndarray = ((lanes * _BYTE_ONES) >> np.uint64(56)).astype(np.int64)
    return counts


# --- 3. verify --------------------------------------------------------------------------

class Edge(NamedTuple):
    """A verified link between units ``i`` and ``j`` (a named tuple: a corpus has hundreds
    of thousands)."""

    i: int
    j: int
    score: float
    #: the link holds only by containment (one unit is an abridged copy of the other)
    contained: bool
    #: the smaller of the two units
    small: int
    #: the Jaccard similarity of the two units (links are taken in its order); for a link
    #: of :func:`short_links`, their similarity character by character
    jaccard: float


def verify(i: int, j: int, a: np.ndarray, b: np.ndarray, config: Config) -> Edge | None:
    """The similarity rule of ``compare`` (:func:`variantdiff.pair.rule`) on exact
    shingle sets.

    >>> cells = np.arange(10, dtype=np.uint32)
    >>> verify(0, 1, cells, cells[:9], Config())
    Edge(i=0, j=1, score=1.0, contained=False, small=1, jaccard=0.9)
    """
    if not len(a) or not len(b):
        return None
    shared = overlap(a, b)
    score, contained = rule(shared, len(a), len(b), config)
    if not score:
        return None
    return Edge(i, j, round(score, 4), contained, i if len(a) <= len(b) else j,
                round(shared / (len(a) + len(b) - shared), 4))


# --- 4. link ----------------------------------------------------------------------------

def link(units: Sequence[UnitInfo], edges: Iterable[Edge], stock: Container[int],
         config: Config, repeats: Container[int] = ()) -> list[list[int]]:
    """Groups of ``units`` (lists of unit numbers, sorted; singletons left out), joined by
    ``edges``.

    Guards against chaining: a unit that is only *contained* in several others keeps just
    its best containment link (of equal ones, the link into a document its own shares
    most full links with, then to the unit nearest in length, so that the order of the
    documents does not decide), so one fragment cannot join
    unrelated passages; a ``stock`` unit (:func:`stock_units`) joins no group but between
    two copies of one another; and a group
    holds one unit of a document (:func:`_join_one_per_document`), so that parallel
    passages of one text (第九条 and 第十条 of a law, worded alike) are not chained into
    one group through their copies. Only the parts of a paragraph that a reprint cut in
    two or more (*pieces*: units at least ``containment_threshold`` contained in a unit at
    least ``1 / _PIECE_SHARE`` times as long) may share a group; a paragraph a document
    prints again (``repeats``: the second print and later ones) is no piece.
    """
    edges = list(edges)
    full, contained, across = [], defaultdict(list), []
    family = [FAMILY[u.kind] for u in units].__getitem__
    doc_of = [u.doc for u in units].__getitem__
    # (a stock unit links only between two copies: documents that share two links of
    # other units at least, one where one has a single other unit, and half the units of
    # the smaller one; two reprints of one press conference share its closing line,
    # unrelated stories do not)
    if any(e.i in stock or e.j in stock for e in edges):
        def pair_of(e: Edge) -> tuple[int, int]:
            return min(doc_of(e.i), doc_of(e.j)), max(doc_of(e.i), doc_of(e.j))

        sizes = Counter(u.doc for x, u in enumerate(units) if x not in stock)
        shared = Counter(pair_of(e) for e in edges if e.i not in stock and e.j not in stock
                         and family(e.i) == family(e.j))
        copies = {pair for pair, n in shared.items()
                  if n >= max(min(2, small := min(sizes[pair[0]], sizes[pair[1]])),
                              _COPY_SHARE * small)}
        edges = [e for e in edges if (e.i not in stock and e.j not in stock)
                 or pair_of(e) in copies]
    for e in edges:
        if family(e.i) != family(e.j):
            across.append(e)
        elif e.contained:
            contained[e.small].append(e)
        else:
            full.append(e)

    # (the full links between two documents: copies of one another have some)
    first = list(map(doc_of, map(attrgetter("i"), full)))
    second = list(map(doc_of, map(attrgetter("j"), full)))
    shares = Counter(zip(map(min, first, second), map(max, first, second), strict=True))

    def closest(e: Edge) -> tuple[float, int, float, int, int, int]:
        # the best link; of equal ones, to a document that is a copy of the fragment's
        # (a sentence a reprint cut off its paragraph, which another story quotes), then
        # to the unit nearest in length, then the first
        other = e.j if e.small == e.i else e.i
        docs = sorted((units[e.i].doc, units[e.j].doc))
        return (-e.score, -shares[(docs[0], docs[1])], -e.jaccard, units[other].length,
                e.i, e.j)

    kept = list(full)
    for small in sorted(contained):
        kept.append(min(contained[small], key=closest))
    uf = UnionFind(len(units))
    _join_one_per_document(uf, kept, units, config.containment_threshold, repeats)
    groups: dict[int, list[int]] = defaultdict(list)
    for x in sorted({x for e in kept for x in (e.i, e.j)}):  # (no other unit is in a group)
        groups[uf.find(x)].append(x)
    return _across_families(units, [g for g in groups.values() if len(g) > 1], across,
                            closest, stock)


def _across_families(units: Sequence[UnitInfo], groups: list[list[int]], edges: list[Edge],
                     closest: Callable[[Edge], tuple[float, int, float, int, int, int]],
                     stock: Container[int]) -> list[list[int]]:
    """``groups`` (sorted), with the links between units of two pairing families
    (``edges``: a question-and-answer turn and a paragraph, where one copy drops the
    labels) taken as ``compare`` takes them, after all others and only for units in no
    group: best first (of the links by which a unit is only contained, its best), two
    units in no group make one, and a unit in no group joins the group of the other when
    that has no unit of its document; two groups are never joined. Only between copies:
    two documents whose shared groups and links of this kind number two at least (one
    where one of them has a single unit) and half the units of the larger (a story that
    quotes an answer is no copy of the transcript)."""
    if not edges:
        return sorted(groups, key=lambda g: g[0])
    full = [e for e in edges if not e.contained]
    contained: dict[int, list[Edge]] = defaultdict(list)
    for e in edges:
        if e.contained:
            contained[e.small].append(e)
    full += [min(found, key=closest) for _, found in sorted(contained.items())]
    group_of = {x: n for n, g in enumerate(groups) for x in g}
    docs = [{units[x].doc for x in g} for g in groups]
    sizes = Counter(u.doc for x, u in enumerate(units) if x not in stock)
    together = _shared_groups(docs) + Counter(
        (min(units[e.i].doc, units[e.j].doc), max(units[e.i].doc, units[e.j].doc)) for e in full)

    def of_copies(a: int, b: int) -> bool:
        small, large = sorted((sizes[a], sizes[b]))
        return together[(min(a, b), max(a, b))] >= max(min(2, small), _COPY_SHARE * large)

    for e in sorted(full, key=lambda e: (-e.jaccard, -e.score, e.i, e.j)):
        gi, gj = group_of.get(e.i), group_of.get(e.j)
        if (gi is not None and gj is not None) or not of_copies(units[e.i].doc, units[e.j].doc):
            continue
        if gi is None and gj is None:
            group_of[e.i] = group_of[e.j] = len(groups)
            groups.append([e.i, e.j])
            docs.append({units[e.i].doc, units[e.j].doc})
            continue
        n, x = (gi, e.j) if gi is not None else (gj, e.i)
        if n is not None and units[x].doc not in docs[n]:  # (n is never None here)
            group_of[x] = n
            groups[n].append(x)
            docs[n].add(units[x].doc)
    return sorted((sorted(g) for g in groups), key=lambda g: g[0])


def _join_one_per_document(uf: UnionFind, edges: Sequence[Edge], units: Sequence[UnitInfo],
                           pieces_from: float, repeats: Container[int] = ()) -> None:
    """:func:`link`'s joining with a document's units kept apart, in two passes.

    First the links are taken from the most alike pair of units (Jaccard, then score) to
    the least, and one that would bring a second unit of a document into a group is left
    out: a copy goes with its copy before a fragment of it, a fragment before a merely
    similar passage. Then the links of pieces are taken again, best first, and may join
    two groups whose common documents are there with pieces only, as long as each such
    document's pieces together are no longer than the group's longest unit (a paragraph
    cut in three by one or by several reprints, beside the uncut one; not two abridged
    articles of one law beside the full text of one of them)."""
    def of_piece(e: Edge) -> bool:
        other = e.j if e.small == e.i else e.i
        return e.score >= pieces_from and e.small not in repeats \
            and units[e.small].length <= _PIECE_SHARE * units[other].length

    pieces = [k for k, e in enumerate(edges) if of_piece(e)]
    piece = [False] * len(units)
    for k in pieces:
        piece[edges[k].small] = True
    # each group's documents (of two units or more): the length of a document's pieces
    # there, or -1 where it is there with a unit that is not a piece; and the length of
    # the group's longest unit
    held: dict[int, dict[int, int]] = {}
    longest: dict[int, int] = {}

    def there(x: int) -> dict[int, int]:
        return {units[x].doc: units[x].length if piece[x] else -1}

    def join(e: Edge, ri: int, rj: int, pieces_too: bool) -> None:
        # (``ri`` and ``rj``: the two groups' roots, not one)
        di, dj = held.get(ri) or there(e.i), held.get(rj) or there(e.j)
        most = max(longest.get(ri, units[e.i].length), longest.get(rj, units[e.j].length))
        if len(di) < len(dj):
            di, dj = dj, di
        for d, length in dj.items():
            if d in di and (not pieces_too or length < 0 or di[d] < 0
                            or length + di[d] > most):
                return
        for d, length in dj.items():  # the smaller into the larger
            di[d] = di.get(d, 0) + length if length >= 0 and di.get(d, 0) >= 0 else -1
        for r in (ri, rj):
            held.pop(r, None)
            longest.pop(r, None)
        root = uf.join_roots(ri, rj)
        held[root] = di
        longest[root] = most

    find = uf.find
    i, j = _field(edges, "i"), _field(edges, "j")
    score, jaccard = _field(edges, "score", np.float64), _field(edges, "jaccard", np.float64)
    for k in np.lexsort((j, i, -score, -jaccard)).tolist():
        e = edges[k]
        ri, rj = find(e.i), find(e.j)
        if ri != rj:  # (most links of a large group join it no further)
            join(e, ri, rj, False)
    of = np.array(pieces, dtype=np.int64)
    for k in of[np.lexsort((j[of], i[of], -score[of]))].tolist():
        e = edges[k]
        ri, rj = find(e.i), find(e.j)
        if ri != rj:
            join(e, ri, rj, True)


def short_links(infos: Sequence[UnitInfo], texts: Sequence[str],
                components: Sequence[Sequence[int]], stock: Container[int],
                config: Config) -> list[Edge]:
    """Links between the short units (:func:`variantdiff.pair.is_short`) of two documents
    that are copies of one another, at least ``short_threshold`` alike character by
    character: the rule ``compare`` adds for short units, most of whose shingles one
    changed character takes away (床前明月光 / 床前看月光 share one of six).

    Only between copies, as ``compare`` applies it between the two documents it is given:
    across a corpus the rule alone would link the stock lines of unrelated stories
    (军乐团奏越中两国国歌 / 军乐团奏巴中两国国歌). Two documents are copies when the
    ``components`` they share (of at most ``_COPY_GROUP_MAX`` documents) number two at
    least and ``_COPY_SHARE`` of the smaller one's units. Their short units not yet in a
    group with the other document (at most ``SHORT_PAIRS`` pairs of them, as in
    ``compare``) are matched one to one on their whole texts' keys, best score first, then
    the closest positions. So are the units of any length that the two leave in one place
    (between the same two groups they share; see the loop below). The links are then
    taken best first, each only
    when it brings a unit that is in no group yet into a group (or two such units
    together) that holds no unit of its document. A link joins two groups only where
    every document of one is a copy of every document of the other (two copies that swap
    two words of a list item, and two that do not), or both are abridged copies of one
    whole text that one of the groups holds: else the stock lines of unrelated stories
    would chain them through documents that are copies of some of them.
    """
    group_of = {x: n for n, comp in enumerate(components) for x in comp}
    units_of = _units_of(infos, stock)
    comp_docs = [{infos[x].doc for x in comp} for comp in components]
    keys: dict[int, str] = {}

    def key(x: int) -> str:
        if x not in keys:
            keys[x] = to_simplified(match_key(texts[x]))
        return keys[x]

    def short(x: int) -> bool:
        return is_short(key(x))

    digits: dict[int, str] = {}

    def in_digits(x: int) -> str:
        # (compared with numbers in words as digits: 二〇一三年四月一日 / 2013年4月1日; a
        # unit of a document with many copies is compared with each)
        if x not in digits:
            digits[x] = to_arabic(key(x))
        return digits[x]

    prints: dict[int, np.ndarray] = {}

    def shingles(x: int) -> np.ndarray:
        if x not in prints:
            prints[x] = sorted_unique(shingle_hashes(key(x), config.shingle_size))
        return prints[x]

    def alike_kinds(x: int, y: int) -> bool:
        # (of one family; two turns, asking one question)
        return FAMILY[infos[x].kind] == FAMILY[infos[y].kind] and (
            infos[x].kind != "qa" or infos[y].kind != "qa"
            or ask_alike(texts[x], infos[x].label, texts[y], infos[y].label))

    found: list[tuple[float, int, int]] = []
    by_containment: set[tuple[int, int]] = set()
    shared_groups = _shared_groups(comp_docs)
    copies = _copies(units_of, comp_docs, shared_groups)
    pairs = set(copies)
    wholes = _abridged_of(units_of, shared_groups)

    def of_copies(dx: set[int], dy: set[int]) -> bool:
        # (every document of one group a copy of every one of the other, or both abridged
        # copies of one whole text that one of the groups holds: two reprints abridged
        # each its own way)
        both = dx | dy
        return not dx & dy and len(both) <= _COPY_GROUP_MAX and all(
            (min(p, q), max(p, q)) in pairs or wholes[p] & wholes[q] & both
            for p in dx for q in dy)

    def scored_pairs(xs: Sequence[int], ys: Sequence[int], threshold: float,
                     rank: Mapping[int, float]) -> list[tuple[float, float, int, int]]:
        if not xs or not ys or len(xs) * len(ys) > SHORT_PAIRS:
            return []
        out = []
        for score, p, q in cross_pairs([in_digits(x) for x in xs], [in_digits(y) for y in ys],
                                       threshold):
            x, y = xs[p], ys[q]
            if alike_kinds(x, y) and (
                    x not in group_of or y not in group_of  # (or it would join two groups
                    or of_copies(comp_docs[group_of[x]], comp_docs[group_of[y]])):  # …)
                out.append((-score, abs(rank[x] - rank[y]), x, y))
        return out

    def held_pairs(xs: Sequence[int], ys: Sequence[int], rank: Mapping[int, float],
                   ) -> list[tuple[float, float, int, int]]:
        if len(xs) * len(ys) > _HELD_PAIRS:
            return []
        out = []
        for x, y in itertools.product(xs, ys):
            if not alike_kinds(x, y) or (
                    x in group_of and y in group_of
                    and not of_copies(comp_docs[group_of[x]], comp_docs[group_of[y]])):
                continue
            score, contained = rule(overlap(shingles(x), shingles(y)), len(shingles(x)),
                                    len(shingles(y)), config)
            if score:
                # (ranked as the others are, by how alike the two are character by
                # character: a unit held whole in a longer one does not outrank one
                # that reads nearly as it does)
                a, b = in_digits(x), in_digits(y)
                alike = 1 - indel_distance(a, b) / max(1, len(a) + len(b))
                out.append((-round(alike, 4), abs(rank[x] - rank[y]), x, y))
                if contained:
                    by_containment.add((x, y))
        return out

    for a, b in copies:
        ua, ub = units_of[a], units_of[b]
        in_a = {group_of[x] for x in ua if x in group_of}
        in_b = {group_of[y] for y in ub if y in group_of}
        left = [x for x in ua if group_of.get(x, -1) not in in_b and short(x)]
        right = [y for y in ub if group_of.get(y, -1) not in in_a and short(y)]
        rank = {x: k / len(ua) for k, x in enumerate(ua)}
        rank.update((y, k / len(ub)) for k, y in enumerate(ub))
        scored = scored_pairs(left, right, config.short_threshold, rank)
        # units in no group that the two leave in one place, between the same two groups
        # they share: compare's rule for units so left (``slot_threshold``; a line of a
        # poem a collection reads 三朝識 and another 三边静). Where each of the two has
        # ``_COPY_SHARE`` of its units in groups the other has too (close copies), so are
        # units in groups the other has no unit in, and by the rule for all units on their
        # exact shingles too (an abridged turn too short beside the whole for the
        # candidates of MinHash, a paragraph of its answer left out)
        close = sum(1 for x in ua if group_of.get(x, -1) in in_b) >= _COPY_SHARE * len(ua) \
            and sum(1 for y in ub if group_of.get(y, -1) in in_a) >= _COPY_SHARE * len(ub)
        slots_b = _slots(ub, in_a, group_of, close)
        for place, xs in _slots(ua, in_b, group_of, close).items():
            xs = [x for x in xs if len(key(x)) >= SHORT_MIN]
            ys = [y for y in slots_b.get(place, ()) if len(key(y)) >= SHORT_MIN]
            scored += scored_pairs(xs, ys, config.slot_threshold, rank)
            if close:
                scored += held_pairs(xs, ys, rank)
        used: set[int] = set()
        for neg, _, x, y in sorted(scored):
            if x not in used and y not in used:
                used.update((x, y))
                found.append((neg, x, y))
    joined = _joined(len(infos), components)
    docs_of = {joined.find(comp[0]): docs for comp, docs in zip(components, comp_docs,
                                                                  strict=True)}
    kept = []
    for neg, x, y in sorted(found):
        rx, ry = joined.find(x), joined.find(y)
        dx = docs_of.get(rx, {infos[x].doc})
        dy = docs_of.get(ry, {infos[y].doc})
        alone = rx not in docs_of or ry not in docs_of
        if rx != ry and (alone or of_copies(dx, dy)) and not dx & dy:
            joined.union(rx, ry)
            docs_of[joined.find(rx)] = dx | dy
            kept.append(Edge(x, y, -neg, (x, y) in by_containment,
                             x if len(keys[x]) <= len(keys[y]) else y, -neg))
    return sorted(kept, key=lambda e: (e.i, e.j))


def _slots(units: Sequence[int], shared: Container[int], group_of: Mapping[int, int],
           grouped: bool = False) -> dict[tuple[int, int], list[int]]:
    """The units (of one document, in order) in no group (with ``grouped``, in none of the
    groups of ``shared``: those the other document has a unit in), by their place: the
    groups of ``shared`` that the nearest units before and after them are in (-1:
    none)."""
    out: dict[tuple[int, int], list[int]] = {}
    before, waiting = -1, list[int]()
    for x in units:
        group = group_of.get(x, -1)
        if group in shared:
            if waiting:
                out.setdefault((before, group), []).extend(waiting)
            before, waiting = group, []
        elif grouped or group < 0:
            waiting.append(x)
    if waiting:
        out.setdefault((before, -1), []).extend(waiting)
    return out


def _units_of(infos: Sequence[UnitInfo], stock: Container[int]) -> dict[int, list[int]]:
    """Each document's units (numbered as ``infos``), stock units left out."""
    units_of: dict[int, list[int]] = defaultdict(list)
    for x, info in enumerate(infos):
        if x not in stock:
            units_of[info.doc].append(x)
    return units_of


def _copies(units_of: Mapping[int, Sequence[int]], comp_docs: Sequence[set[int]],
            shared: Counter[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """The pairs of documents (a < b) that are copies of one another: the groups they share
    (of at most ``_COPY_GROUP_MAX`` documents; ``comp_docs`` holds each group's, and
    ``shared`` their count for each pair if the caller has it) number two at least (one
    where the smaller has but one unit) and ``_COPY_SHARE`` of the smaller one's units."""
    if shared is None:
        shared = _shared_groups(comp_docs)
    return sorted((a, b) for (a, b), count in shared.items()
                  if count >= max(min(2, len(units_of[a]), len(units_of[b])),
                                  _COPY_SHARE * min(len(units_of[a]), len(units_of[b]))))


def _shared_groups(comp_docs: Sequence[set[int]]) -> Counter[tuple[int, int]]:
    """For each pair of documents (a < b), the groups of at most ``_COPY_GROUP_MAX``
    documents they share."""
    return Counter(itertools.chain.from_iterable(
        itertools.combinations(sorted(docs), 2) for docs in comp_docs
        if len(docs) <= _COPY_GROUP_MAX))


def _abridged_of(units_of: Mapping[int, Sequence[int]], shared: Counter[tuple[int, int]],
                 ) -> dict[int, set[int]]:
    """For each document, those that hold it abridged: documents of as many units or more
    that share groups with it (``shared``: their count for each pair) for
    ``_COPY_SHARE`` of its own units and two groups at least."""
    out: dict[int, set[int]] = defaultdict(set)
    for (a, b), count in shared.items():
        for small, whole in ((a, b), (b, a)):
            if count >= max(2, _COPY_SHARE * len(units_of[small])) \
                    and len(units_of[whole]) >= len(units_of[small]):
                out[small].add(whole)
    return out


def heading_groups(prepared: Sequence[Prepared], infos: Sequence[UnitInfo],
                   components: Sequence[Sequence[int]], copies: Sequence[tuple[int, int]],
                   stock: Container[int], config: Config) -> list[list[UnitInfo]]:
    """Groups of headings: in two documents that are copies of one another (``copies``, as
    :func:`_copies` gives them for ``components``),
    the headings standing in the same place (between the same two groups, as
    :func:`variantdiff.pair.same_places` reads it) pair one to one and in order when they
    are at least ``short_threshold`` alike character by character and their lengths
    are those of a heading and itself with a word changed (:func:`headline_lengths`), as
    ``compare`` pairs headings; a paragraph in no group pairs with a heading
    so (a headline one copy sets as a paragraph). The pairs are joined best first, never
    two units of one document in a group. Across a corpus headings are left alone: 第一章
    总则 stands in thousands of laws."""
    if len(prepared) < 2 or not any(p.heading_units for p in prepared):
        return []
    units_of = _units_of(infos, stock)
    group_of = {x: n for n, comp in enumerate(components) for x in comp}
    wanted = {d for pair in copies for d in pair}
    # the headings of the documents that are copies of another, and their paragraphs in no
    # group (a headline one copy sets as a paragraph pairs with the other's heading), in
    # order: (unit, is a heading, text)
    heads: dict[int, list[tuple[UnitInfo, bool, str]]] = {}
    x = 0
    for p in prepared:
        if p.doc in wanted:
            heads[p.doc] = sorted(
                [*((info, False, text) for y, (info, text)
                   in enumerate(zip(p.units, p.texts, strict=True), x)
                   if y not in group_of and y not in stock),
                 *((h, True, text) for h, text in zip(p.heading_units, p.heading_texts,
                                                      strict=True))],
                key=lambda item: item[0].unit)
        x += len(p.units)
    keys: dict[tuple[int, int], str] = {}

    def key(d: int, k: int) -> str:
        if (d, k) not in keys:
            keys[(d, k)] = to_simplified(match_key(heads[d][k][2]))
        return keys[(d, k)]

    def cut_beside(d: int, k: int, other: str) -> bool:
        """Heading ``k`` of ``d`` is ``other`` cut by a column break, its last (or first)
        character the unit beside it (:func:`~variantdiff.pair.cut_off_beside`)."""
        if len(other) != len(key(d, k)) + 1:
            return False
        unit = heads[d][k][0].unit
        near = [key(d, n) if n in range(len(heads[d])) and abs(heads[d][n][0].unit - unit) <= 2
                else None for n in (k - 1, k + 1)]
        return cut_off_beside(key(d, k), other, *near)

    found: list[tuple[float, int, int, int, int]] = []
    for a, b in copies:
        if not any(h for _, h, _ in heads[a]) and not any(h for _, h, _ in heads[b]):
            continue  # (no heading on either side)
        where_b: dict[int, int] = {}
        for y in units_of[b]:
            if y in group_of:
                where_b.setdefault(group_of[y], infos[y].unit)
        anchors = [(infos[x].unit, infos[x].unit, where_b[group_of[x]], where_b[group_of[x]])
                   for x in units_of[a] if group_of.get(x, -1) in where_b]
        ha, hb = heads[a], heads[b]
        end_a = 1 + max([h.unit for h, _, _ in ha] + [t[1] for t in anchors])
        end_b = 1 + max([h.unit for h, _, _ in hb] + [t[3] for t in anchors])
        for (_, a0, _, b0), (a1, _, b1, _) in same_places(anchors, end_a, end_b):
            left = [k for k, (h, _, _) in enumerate(ha) if a0 < h.unit < a1]
            right = [k for k, (h, _, _) in enumerate(hb) if b0 < h.unit < b1]
            if not left or not right:
                continue
            # (two paragraphs are no headings: at least one of the two is a heading)
            scored = [(score, left[x], right[y]) for score, x, y in cross_pairs(
                [key(a, k) for k in left], [key(b, k) for k in right], config.short_threshold)
                if headline_lengths(key(a, left[x]), key(b, right[y]))
                and (ha[left[x]][1] or hb[right[y]][1])
                and not cut_beside(a, left[x], key(b, right[y]))
                and not cut_beside(b, right[y], key(a, left[x]))]
            scored.sort(key=lambda c: (-c[0], abs(c[1] - c[2]), c[1], c[2]))
            score_of = {(i, j): score for score, i, j in scored}
            found += [(-score_of[(i, j)], a, i, b, j)
                      for i, j in in_order((i, j) for _, i, j in scored)]
    number: dict[tuple[int, int], int] = {}
    for d in sorted(heads):
        for k in range(len(heads[d])):
            number[(d, k)] = len(number)
    joined = UnionFind(len(number))
    docs_of: dict[int, set[int]] = {}
    for _, a, i, b, j in sorted(found):
        rx, ry = joined.find(number[(a, i)]), joined.find(number[(b, j)])
        dx, dy = docs_of.get(rx, {a}), docs_of.get(ry, {b})
        if rx != ry and not dx & dy:
            joined.union(rx, ry)
            docs_of[joined.find(rx)] = dx | dy
    members: dict[int, list[UnitInfo]] = defaultdict(list)
    for (d, k), n in number.items():
        members[joined.find(n)].append(heads[d][k][0])
    return sorted((m for m in members.values()
                   if len(m) > 1 and any(u.kind == "heading" for u in m)),
                  key=lambda m: (m[0].doc, m[0].unit))


def headings_set_apart(prepared: Sequence[Prepared], infos: Sequence[UnitInfo],
                       texts: Sequence[str], components: Sequence[Sequence[int]],
                       copies: Sequence[tuple[int, int]], grouped: Container[tuple[int, int]],
                       ) -> dict[int, list[UnitInfo]]:
    """Headings that join a group of paragraphs (numbered as ``components``): a line one
    copy sets as a heading (# 专访：…) and others as a paragraph (its colon makes it one).
    A heading in no group (not in ``grouped``) joins the group one of whose paragraphs it
    reads as exactly (match keys, simplified; ``_SET_APART_MIN`` characters at least),
    when the group has no unit of its document and one of the group's documents is a copy
    of it (``copies``). A heading that two groups could take joins neither, nor do
    two headings of one document that one group could take."""
    comp_docs = [{infos[x].doc for x in comp} for comp in components]
    copy_of: dict[int, set[int]] = defaultdict(set)
    for a, b in copies:
        copy_of[a].add(b)
        copy_of[b].add(a)
    heads = [(h, key) for p in prepared if copy_of.get(p.doc)
             for h, text in zip(p.heading_units, p.heading_texts, strict=True)
             if (h.doc, h.unit) not in grouped and len(key := match_key(text)) >= _SET_APART_MIN]
    if not heads:
        return {}
    by_key: dict[str, set[int]] = defaultdict(set)
    for n, comp in enumerate(components):
        if any(copy_of.get(infos[x].doc) for x in comp):
            for x in comp:
                key = match_key(texts[x])
                if len(key) >= _SET_APART_MIN:
                    by_key[to_simplified(key)].add(n)
    taken: dict[int, list[UnitInfo]] = defaultdict(list)
    for h, key in heads:
        found = [n for n in by_key.get(to_simplified(key), ())
                 if h.doc not in comp_docs[n] and comp_docs[n] & copy_of[h.doc]]
        if len(found) == 1:
            taken[found[0]].append(h)
    return {n: joining for n, joining in taken.items()
            if len({h.doc for h in joining}) == len(joining)}


#: the fewest characters of a heading that joins a group of paragraphs it reads as
_SET_APART_MIN = 6
#: the most headings in a row before a paragraph that its copy opens with
_OPENING_HEADINGS = 3
#: the characters of a member's opening looked for in another copy's member
_OPENING_PROBE = 4


def headings_opening(prepared: Sequence[Prepared], infos: Sequence[UnitInfo],
                     texts: Sequence[str], components: Sequence[Sequence[int]],
                     grouped: Container[tuple[int, int]]) -> dict[int, list[UnitInfo]]:
    """Headings that join a group of paragraphs (numbered as ``components``) as pieces of
    their document's member: the headings in no group (not in ``grouped``) right before a
    document's first member (page furniture passed over), up to
    ``_OPENING_HEADINGS``, when the longest member of another document opens with their
    words, in their order, with little else among them (two characters, or a third), and
    then with the member's (a poem's title and author that one collection sets apart,
    another on the poem's first line: 秋夜寄远 / 林子山 / 寒灯… and 秋夜寄远林子山寒灯…, or
    【秋夜寄远】作者：林子山 / 寒灯…)."""
    heads = {(h.doc, h.unit): (h, to_simplified(match_key(text))) for p in prepared
             for h, text in zip(p.heading_units, p.heading_texts, strict=True)
             if (h.doc, h.unit) not in grouped}
    if not heads:
        return {}
    content = {(info.doc, info.unit) for info in infos}
    out: dict[int, list[UnitInfo]] = {}
    for n, comp in enumerate(components):
        firsts: dict[int, int] = {}
        for x in comp:
            if infos[x].doc not in firsts or infos[x].unit < infos[firsts[infos[x].doc]].unit:
                firsts[infos[x].doc] = x
        if len(firsts) < 2:
            continue
        longest = sorted(comp, key=lambda x: (-infos[x].length, x))
        for d, x in sorted(firsts.items()):
            before: list[tuple[UnitInfo, str]] = []
            u = infos[x].unit - 1
            while u >= 0 and (d, u) not in content and len(before) < _OPENING_HEADINGS:
                if (d, u) in heads:
                    before.insert(0, heads[(d, u)])
                elif (d, u) in grouped:
                    break  # (a heading of another group stands between)
                u -= 1
            if not before:
                continue
            other = to_simplified(match_key(texts[next(y for y in longest if infos[y].doc != d)]))
            own = to_simplified(match_key(texts[x]))
            words = "".join(key for _, key in before)
            # (where the member's first characters stand in the other, the first two if a
            # reading changes one of the first four: 床前明月光 / 床前看月光; all the
            # headings' words before them, in order, and little else: 作者：林子山 / 林子山)
            for probe in (own[:_OPENING_PROBE], own[:_OPENING_PROBE // 2]):
                start = other.find(probe) if probe else -1
                if start > 0 and start - len(words) <= max(2, start // 3) \
                        and (start + len(words) - indel_distance(words, other[:start])) // 2 \
                        == len(words):
                    out.setdefault(n, []).extend(h for h, _ in before)
                    break
    return out


def pieces_beside(components: Sequence[Sequence[int]], infos: Sequence[UnitInfo],
                  texts: Sequence[str], stock: Container[int]) -> list[list[int]]:
    """``components`` with the paragraphs (``text`` units) in no group that stand right
    before or after a document's member (or its pieces) taken in as pieces of it, as long
    as each holds at least ``_BESIDE_SHARE`` of its characters (``_BESIDE_MIN`` at least,
    and ``_BESIDE_REST`` of that text) in the text of the longest member of another
    document beyond the member's at that end: a copy that breaks a paragraph in two and
    adds a sentence to the second part, which then no longer reads as a piece of the
    paragraph on its own (compare's pairs take in the units beside them so,
    :mod:`variantdiff.regroup`).

    A paragraph in another group is taken in so too, with that whole group, when each of
    its members stands beside a member of this group on that side (two copies that set
    a poem a line to a paragraph, a third two lines to a paragraph: the first two copies'
    third lines group with each other, but both are pieces of the third copy's second
    paragraph).

    And a unit in no group, a turn too, beside a member whose other member's text right
    beyond it holds it nearly whole (``_RUN_ON_SHARE``) is a piece of it: a copy that
    runs its paragraphs and turns together on one line; so is a group of them, whole,
    each member beside a member of its document (two copies that keep the paragraphs,
    grouped with each other, beside the one that runs them on)."""
    grouped = {x for comp in components for x in comp}
    at = {(info.doc, info.unit): x for x, info in enumerate(infos)}
    group_of = {x: n for n, comp in enumerate(components) for x in comp}
    taken_in: dict[int, int] = {}  # group → the group that took it in
    # (the members a group keeps once others took some of its members: see below)
    left: dict[int, list[int]] = {}

    def members_of(n: int) -> Sequence[int]:
        return left.get(n, components[n])

    def beside(other: int, units_of: Mapping[int, list[int]], step: int,
               kinds: Container[str] = ("text",)) -> bool:
        # every member of group ``other`` a paragraph (a unit of ``kinds``) right beside a
        # member of its document on that side (``step`` -1 or 1), or between two of them
        # (0)
        def fits(unit: int, own: list[int]) -> bool:
            return unit == min(own) - 1 if step < 0 else (
                unit == max(own) + 1 if step > 0 else min(own) < unit < max(own))

        return other not in taken_in and other not in taken_in.values() and all(
            infos[y].kind in kinds and y not in stock and infos[y].doc in units_of
            and fits(infos[y].unit, units_of[infos[y].doc]) for y in members_of(other))
    keys: dict[int, str] = {}

    def key(x: int) -> str:
        if x not in keys:
            keys[x] = to_simplified(match_key(texts[x]))
        return keys[x]

    def held(text: str, other: str) -> int:  # (characters in common, in order)
        return (len(text) + len(other) - indel_distance(text, other)) // 2

    out: dict[int, list[int]] = {}
    for n in range(len(components)):
        if n in taken_in:
            continue
        members = list(members_of(n))
        units_of: dict[int, list[int]] = defaultdict(list)
        for x in members:
            units_of[infos[x].doc].append(infos[x].unit)
        longest = sorted(members, key=lambda x: (-infos[x].length, x))
        for d in sorted(units_of) if len(units_of) > 1 else ():
            other = key(next(x for x in longest if infos[x].doc != d))
            units = units_of[d]
            units.sort()
            for step in (-1, 1):
                while True:
                    # (past a heading or page furniture set in between: a subheading a copy
                    # sets inside an answer)
                    x = next((y for k in range(1, _BESIDE_PAST + 2) if (y := at.get(
                        (d, units[0] - k if step < 0 else units[-1] + k), -1)) >= 0), -1)
                    # (a group of paragraphs beside this one; of turns too, where the
                    # other member runs them on: below)
                    other_group = x >= 0 and x in grouped and group_of.get(x, n) != n
                    whole = other_group and beside(group_of[x], units_of, step, _RUN_ON_KINDS)
                    if x < 0 or (x in grouped and not whole) or x in stock or not key(x) \
                            or infos[x].kind not in _RUN_ON_KINDS:
                        break
                    # (a paragraph, or a speaker's turn after a turn: a copy that prints
                    # the answer's first paragraph twice, the label too; a question is no
                    # piece of another but where it reads whole right where the other
                    # member goes on, below)
                    usual = (infos[x].kind == "text" and (
                        not whole or beside(group_of[x], units_of, step))) or (
                        infos[x].kind == "speech" and not whole and step > 0 and any(
                            infos[at[(d, u)]].kind in ("qa", "speech") for u in units))
                    # (the text of the other member beyond the member's at that end, by
                    # stretches of some length: not by a character matched here and there)
                    blocks = [b for b in equal_blocks("".join(key(at[(d, u)]) for u in units),
                                                      other) if b[1] - b[0] >= _BESIDE_RUN]
                    if not blocks:
                        break
                    rest = other[:blocks[0][2]] if step < 0 else \
                        other[blocks[-1][2] + blocks[-1][1] - blocks[-1][0]:]
                    # (or a unit in no group, a turn too, that reads nearly whole right
                    # where the other member goes on: a copy that runs its turns together
                    # on one line, its every turn a piece)
                    size = len(key(x))
                    reach = size + size // 4 + min(size, _BESIDE_MIN)
                    near = rest[:reach] if step > 0 else rest[-reach:]
                    if not (usual and held(key(x), rest) >= max(
                            _BESIDE_MIN, _BESIDE_SHARE * size, _BESIDE_REST * len(rest))
                            ) and held(key(x), near) < max(_RUN_ON_MIN, _RUN_ON_SHARE * size):
                        break
                    # (a group looked at before brings the paragraphs it took in)
                    for y in (out.pop(group_of[x], []) or members_of(group_of[x])) \
                            if whole else (x,):
                        units_of[infos[y].doc].append(infos[y].unit)
                        units_of[infos[y].doc].sort()
                        members.append(y)
                        grouped.add(y)
                    if whole:
                        taken_in[group_of[x]] = n
            # (a paragraph in no group between two of the document's pieces, which the
            # other member holds nearly whole: a couplet a poem's copy sets on a line of
            # its own between two that joined; or a group of such paragraphs, each
            # between two pieces of its document: two copies that set the couplet so, a
            # third the whole poem in one paragraph; or those members of such a group
            # whose other members' documents carry none of this group: a sentence the
            # papers set as a paragraph between two pieces, which another story ends
            # with, is a piece of the paragraph the web copy runs on, not of that story)
            for u in range(units[0] + 1, units[-1]):
                x = at.get((d, u), -1)
                if x < 0 or x in stock or infos[x].kind != "text" \
                        or len(key(x)) < _BESIDE_MIN \
                        or held(key(x), other) < _BETWEEN_SHARE * len(key(x)):
                    continue
                if x not in grouped:
                    taken = [x]
                elif group_of.get(x, n) != n and beside(group_of[x], units_of, 0):
                    taken = out.pop(group_of[x], []) or list(members_of(group_of[x]))
                    taken_in[group_of[x]] = n
                elif group_of.get(x, n) != n and group_of[x] not in taken_in \
                        and group_of[x] not in taken_in.values():
                    g = group_of[x]
                    theirs = out.get(g) or list(members_of(g))
                    taken = [y for y in theirs if infos[y].kind == "text" and y not in stock
                             and infos[y].doc in units_of
                             and min(units_of[infos[y].doc]) < infos[y].unit
                             < max(units_of[infos[y].doc])]
                    staying = [y for y in theirs if y not in taken]
                    if x not in taken or any(infos[y].doc in units_of for y in staying):
                        continue
                    left[g] = staying
                    if g in out:
                        out[g] = staying
                    for y in taken:
                        group_of[y] = n
                else:
                    continue
                for y in taken:
                    units_of[infos[y].doc].append(infos[y].unit)
                    members.append(y)
                    grouped.add(y)
            for own in units_of.values():
                own.sort()
        out[n] = sorted(members)
    # (a group left with one unit, the others taken into another, is none)
    return [out[n] for n in sorted(out) if len(out[n]) > 1]


def _joined(n: int, components: Sequence[Sequence[int]]) -> UnionFind:
    """A union–find over ``n`` units with each of ``components`` joined."""
    joined = UnionFind(n)
    for comp in components:
        for x in comp[1:]:
            joined.union(comp[0], x)
    return joined


def unit_groups(infos: Sequence[UnitInfo], texts: Sequence[str], edges: Sequence[Edge],
                stock: Container[int], config: Config) -> list[list[int]]:
    """The groups of units (numbered as ``infos``; ``texts`` their texts): :func:`link` of
    the verified ``edges``, joined by :func:`short_links`. Two question-and-answer
    turns that ask different questions are never linked, however alike their answers
    (:func:`~variantdiff.pair.ask_alike`: a spokesman's stock answer to two questions)."""
    with _collector_paused():
        edges = _templates_apart(infos, texts, _same_questions(infos, texts, edges), stock)
        components = link(infos, edges, stock, config, _repeats(infos, texts))
        extra = short_links(infos, texts, components, stock, config)
    if not extra:
        return components
    # the short links never join two groups nor bring a second unit of a document into
    # one: they are added to the groups as they are (a link of two units in no group
    # makes a group of its own)
    node = {x: n for n, comp in enumerate(components) for x in comp}
    nodes = len(components)
    for e in extra:
        for x in (e.i, e.j):
            if x not in node:
                node[x] = nodes
                nodes += 1
    joined = UnionFind(nodes)
    for e in extra:
        joined.union(node[e.i], node[e.j])
    groups: dict[int, list[int]] = defaultdict(list)
    for x in sorted(node):
        groups[joined.find(node[x])].append(x)
    return sorted(groups.values(), key=lambda g: g[0])


def _templates_apart(infos: Sequence[UnitInfo], texts: Sequence[str], edges: Sequence[Edge],
                     stock: Container[int]) -> Sequence[Edge]:
    """``edges`` but those between two documents that share nothing but a form or two
    filled in with other figures: the opening and closing lines of two press conferences
    of one spokesman (十三届…五次会议…7日下午 / 十四届…一次会议…6日下午, 记者会历时1小时30分钟 /
    1小时20分钟), one document at least carrying more besides (a paragraph alone that
    fills the form in with its own figures is one more use of it, no copy). Copies share
    more, or some of what they share keeps its figures or is a piece of the other's
    paragraph; turns are left to :func:`_same_questions`."""
    if not edges:
        return edges
    between: dict[tuple[int, int], list[int]] = defaultdict(list)
    for k, e in enumerate(edges):
        a, b = infos[e.i].doc, infos[e.j].doc
        between[(min(a, b), max(a, b))].append(k)
    sizes = Counter(u.doc for x, u in enumerate(infos) if x not in stock)
    figures: dict[int, list[str]] = {}

    def figures_of(x: int) -> list[str]:
        if x not in figures:
            figures[x] = sorted(_FIGURES.findall(to_arabic(match_key(texts[x]))))
        return figures[x]

    apart: set[int] = set()
    for (a, b), found in between.items():
        if len(found) > _TEMPLATES_MAX or max(sizes[a], sizes[b]) <= len(found):
            continue
        links = [edges[k] for k in found]
        if all(not e.contained and infos[e.i].kind != "qa" and infos[e.j].kind != "qa"
               and figures_of(e.i) != figures_of(e.j) for e in links):
            apart.update(found)
    return [e for k, e in enumerate(edges) if k not in apart] if apart else edges


#: the most links two documents that share nothing but forms filled in with other
#: figures may have (:func:`_templates_apart`): an opening and a closing line
_TEMPLATES_MAX = 2
#: a number in figures
_FIGURES = re.compile(r"\d+(?:\.\d+)?")


def _repeats(infos: Sequence[UnitInfo], texts: Sequence[str]) -> set[int]:
    """The units whose text their document printed before, word for word (a paragraph a
    copy prints two or three times: its second print and later ones)."""
    seen: set[tuple[int, str]] = set()
    out = set()
    for x, (info, text) in enumerate(zip(infos, texts, strict=True)):
        if (info.doc, text) in seen:
            out.add(x)
        else:
            seen.add((info.doc, text))
    return out


def _same_questions(infos: Sequence[UnitInfo], texts: Sequence[str],
                    edges: Sequence[Edge]) -> Sequence[Edge]:
    """``edges`` but those between two question-and-answer turns that ask different
    questions."""
    if not edges:
        return edges
    turn = np.fromiter((u.kind == "qa" for u in infos), dtype=bool, count=len(infos))
    both = np.flatnonzero(turn[_field(edges, "i")] & turn[_field(edges, "j")]).tolist()
    apart = {k for k in both
             if not ask_alike(texts[edges[k].i], infos[edges[k].i].label,
                              texts[edges[k].j], infos[edges[k].j].label)}
    return [e for k, e in enumerate(edges) if k not in apart] if apart else edges


# --- 5. collate -------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Reading:
    text: str
    docs: tuple[int, ...]
    majority: bool
    singular: bool
    #: where the documents write the reading in more than one script (层 and 層, one
    #: reading of the place): each form and the documents that write it, so that no
    #: document is quoted in a form it does not have
    forms: tuple[tuple[str, tuple[int, ...]], ...] = ()

    def form_of(self, doc: int) -> str:
        """The reading as document ``doc`` writes it."""
        return next((text for text, docs in self.forms if doc in docs), self.text)

    def own_form(self, doc: int) -> str:
        """The form document ``doc`` writes the reading in where it is another than
        :attr:`text`, else ""."""
        form = self.form_of(doc)
        return form if form != self.text else ""


@dataclass(frozen=True, slots=True)
class Place:
    """A place where members differ, located in the base member's document and in each
    member's (``locations``: (document, location), in document order)."""

    kind: str
    base: Location
    readings: tuple[Reading, ...]
    locations: tuple[tuple[int, Location], ...] = ()


@dataclass(frozen=True)
class Group:
    id: str
    members: tuple[UnitInfo, ...]
    base: UnitInfo
    places: tuple[Place, ...]
    #: the opening words of the base's text
    opening: str = ""

    @property
    def docs(self) -> tuple[int, ...]:
        return tuple(sorted({m.doc for m in self.members}))


#: the kinds of a passage a copy leaves out or adds (as against a reading inside one)
_BLOCKS = frozenset({"omission", "addition"})


def _inside(lo: int, hi: int, blocks: Sequence[tuple[int, int]]) -> bool:
    """Base span [lo, hi) lies inside one of ``blocks`` (an insertion point strictly)."""
    return any(s < e and (s < lo < e if lo == hi else s <= lo and hi <= e)
               for s, e in blocks)


#: a deletion or an insertion this long at least, across a sentence's end or a line, is a
#: passage a copy leaves out or adds (:func:`_passage_kind`)
_PASSAGE_MIN = 8
_PASSAGE_ENDS = frozenset("。！？!?\n")


def _passage_kind(r: AlignedReading) -> str:
    """The kind of reading ``r`` in a collation: a deletion or an insertion of a passage
    (:data:`_PASSAGE_MIN` characters, across a sentence's end or a line: a verse and a
    half a copy lacks) is an omission or an addition, a place of its own, inside which
    the copies that have it read their own words (秋天 / 秋帆 stays a place)."""
    text = r.a_text if r.kind == "deletion" else r.b_text if r.kind == "insertion" else ""
    if len(text) >= _PASSAGE_MIN and not _PASSAGE_ENDS.isdisjoint(text.rstrip("\n")):
        return "omission" if r.kind == "deletion" else "addition"
    return r.kind


def _additions_together(found: Mapping[_K, Sequence[tuple[int, int, str, str]]],
                        base_text: str) -> dict[_K, list[tuple[int, int, str, str]]]:
    r"""Each copy's variants (start, end, its text, kind) against the base, a passage it
    adds beside one it leaves out (in its stead: it may stand at either end of it) moved
    to the other end where another copy adds the same passage there and none at this
    end, so that the copies that add it stand in one place.

    >>> found = {"a": [(0, 2, "", "omission"), (3, 3, "丙", "addition")],
    ...          "b": [(0, 0, "丙", "addition")]}
    >>> _additions_together(found, "甲乙\n")["a"]
    [(0, 0, '丙', 'addition'), (0, 2, '', 'omission')]
    """
    added: dict[tuple[int, str], int] = defaultdict(int)
    for variants in found.values():
        for s, _, text, kind in variants:
            if kind == "addition":
                added[(s, text)] += 1
    out = {}
    for owner, variants in found.items():
        mine = list(variants)
        for n, (s, _, text, kind) in enumerate(mine):
            if kind != "addition":
                continue
            for s0, e0, _, k0 in mine:
                if k0 != "omission":
                    continue
                other = s0 if s >= e0 and not base_text[e0:s].strip() else \
                    e0 if s <= s0 and not base_text[s:s0].strip() else None
                if other is not None and added[(other, text)] and added[(s, text)] == 1:
                    mine[n] = (other, other, text, kind)
                    break
        out[owner] = sorted(mine, key=lambda v: (v[0], v[1]))
    return out


def _merge_places(spans: Iterable[tuple[int, int, bool, int]],
                  ) -> list[tuple[int, int, frozenset[int]]]:
    """Union of overlapping base spans (start, end, a passage left out or added, key) into
    places (start, end, their keys), so that each place is read the same way in every
    member: an empty span, an insertion point, joins a span it touches or lies in; but
    two passages join only where they overlap or are the same (one copy's passage left
    out beside another's added is two places).

    >>> [p[:2] for p in _merge_places([(0, 5, True, 0), (5, 5, True, 1), (6, 9, True, 2),
    ...                                  (7, 8, False, 3), (9, 9, False, 4)])]
    [(0, 5), (5, 5), (6, 9)]
    """
    merged: list[tuple[int, int, set[int], bool]] = []  # (and: made of passages alone)
    for start, end, passage, key in sorted(spans):
        if merged:
            lo, hi, keys, passages = merged[-1]
            if passage and passages:
                join = (start, end) == (lo, hi) or (start < hi and start < end and lo < hi)
            else:
                point = start == end or lo == hi
                join = start < hi or start == lo or (point and start <= hi)
            if join:
                keys.add(key)
                merged[-1] = (lo, max(hi, end), keys, passages and passage)
                continue
        merged.append((start, end, {key}, passage))
    return [(lo, hi, frozenset(keys)) for lo, hi, keys, _ in merged]


#: a group's base is a member at least this share of the longest one's length ...
_BASE_LENGTH = 0.9
#: ... the nearest the others, or an even sample of this many of them
_BASE_SAMPLE = 16
#: characters no reading shows: a paragraph break one copy sets where another runs on, a
#: space between two Latin words that one copy wraps
_BLANKS = frozenset("\n ")


def base_of(members: Sequence[UnitInfo], texts: Mapping[tuple[int, int], str]) -> UnitInfo:
    """The member a group is collated against: of those about as long as the longest
    (:data:`_BASE_LENGTH`), the one nearest the others as their simplified forms read (or
    an even sample of them in a large group), then one in the script most of them are set
    in, then the longest, then the first. Near counts the characters to add to
    read as another twice and those to drop once, so that a word or passage some copies
    leave out is in the base and reads as left out. The base is then the text most
    copies read, and each copy's own change is a place of its own rather than a part of
    the base's (a copy that changed a word beside two that another copy swapped would
    read the swap as a word dropped here and one added there)."""
    longest = max(m.length for m in members)
    candidates = [m for m in members if m.length >= _BASE_LENGTH * longest]
    step = -(-len(members) // _BASE_SAMPLE)
    sample = members[::step]
    # (near as the simplified forms read: a copy set in traditional characters is as near
    # the copies it reads as as they are to each other, and takes no part in the choice)
    folded: dict[tuple[int, int], str] = {}
    for m in (*candidates, *sample):
        if (m.doc, m.unit) not in folded:
            folded[(m.doc, m.unit)] = to_simplified(texts[(m.doc, m.unit)])
    sums = distance_sums([folded[(m.doc, m.unit)] for m in candidates],
                         [folded[(m.doc, m.unit)] for m in sample])

    script = {key: set_in_traditional(texts[key], form) for key, form in folded.items()}

    def traditional(m: UnitInfo) -> bool:
        return script[(m.doc, m.unit)]

    # (of as near, one in the script most copies are set in: the places are told in it)
    most = 2 * sum(traditional(m) for m in sample) > len(sample)
    # (to add: (distance + other's length - own length) / 2; to drop: (distance - ...) / 2)
    return min(zip(sums, candidates, strict=True),
               key=lambda sm: (3 * sm[0] - len(sample) * sm[1].length,
                               traditional(sm[1]) != most, -sm[1].length,
                               sm[1].doc, sm[1].unit))[1]


@dataclass(frozen=True)
class _Collated:
    """A group's places before they are located: (start, end) in the base text."""

    base: UnitInfo
    spans: tuple[tuple[int, int], ...]
    kinds: tuple[str, ...]
    readings: tuple[tuple[Reading, ...], ...]
    #: for each place, (doc, unit, start, end) in each other member's text
    elsewhere: tuple[tuple[tuple[int, int, int, int], ...], ...] = ()


def collate(members: Sequence[UnitInfo], texts: Mapping[tuple[int, int], str],
            config: Config, headings: Mapping[tuple[int, int], str] | None = None,
            pasted: Mapping[int, frozenset[str]] | None = None) -> _Collated:
    """Align every member with the base (:func:`base_of`) and gather the readings.

    Overlapping variants of different members form one place; each document's reading of
    it is the base text with that document's own variants applied. (A ``move`` changes
    no reading in place and is not collated.) ``texts`` holds each member's text;
    ``headings`` the heading right before it, if any: where one copy reads that heading
    as the opening of the paragraph, the two differ in paragraph breaks, not in text.
    A document with several members (the pieces of a paragraph it breaks in two) is
    collated as one copy, their texts joined in document order (:func:`pieces_of`); its
    member is then the first piece, with the length of them all.
    A passage a document pastes again and again (``pasted``: the match keys of those of
    each document, :data:`~variantdiff.compare.PASTED` times or more) is boilerplate,
    not text the copies without it leave out.
    """
    members, texts = _pieces_joined(members, texts)
    base = base_of(members, texts)
    base_text = texts[(base.doc, base.unit)]
    heads = headings or {}
    found: dict[UnitInfo, list[tuple[int, int, str, str]]] = {}
    shifts: dict[UnitInfo, list[AlignedReading]] = {}
    blocks: dict[UnitInfo, list[tuple[int, int, int]]] = {}
    moved: dict[UnitInfo, list[AlignedReading]] = {}
    for m in members:
        text = texts[(m.doc, m.unit)]
        if m is base or text == base_text:
            continue
        # (forms are script places of their own here, whatever the copies' scripts: the
        # readings of two traditional copies that differ in form are its places too)
        readings = _read_past_heading(base_text, text, heads.get((m.doc, m.unit), ""),
                                      heads.get((base.doc, base.unit), ""), config)
        # (readings of hidden kinds too: they shift the member's text all the same)
        # (a script reading a character at a time: a place inside a traditional copy's
        # run of forms is located at its own characters, not the run's)
        shifts[m] = [piece for r in readings if r.kind != "move" for piece in (
            [replace(r, a_start=i, a_end=i + 1, b_start=j, b_end=j + 1, a_text=base_text[i],
                     b_text=text[j])
             for i, j in zip(range(r.a_start, r.a_end), range(r.b_start, r.b_end), strict=True)
             if base_text[i] != text[j]]
            if r.kind == "script" and r.a_end - r.a_start == r.b_end - r.b_start else [r])]
        if any(r.kind == "move" for r in readings):
            moved[m] = [r for r in readings if r.kind == "move"]
            blocks[m] = _blocks_with_moves(base_text, text, moved[m], shifts[m])
        readings = [replace(r, kind=_passage_kind(r)) for r in _without_run_in_heading(
            readings, base_text, heads.get((m.doc, m.unit), ""), heads.get((base.doc, base.unit), ""))]
        # (and the readings inside a passage it moved, where it sets it: a copy in
        # another script, or one that changed a word of the passage, does not read it
        # as the base does)
        # (those the alignment read there already aside)
        inner = [replace(x, kind=_passage_kind(x), a_start=x.a_start + r.a_start,
                         a_end=x.a_end + r.a_start, b_start=x.b_start + r.b_start,
                         b_end=x.b_end + r.b_start)
                 for r in moved.get(m, ()) for x in read_pair(
                     base_text[r.a_start:r.a_end], text[r.b_start:r.b_end],
                     config.sentence_threshold, config.move_threshold, traditional=False)
                 if x.kind != "move"]
        readings += [x for x in inner if not any(
            r.kind != "move" and ((r.a_start < x.a_end and x.a_start < r.a_end)
                                  or r.a_start == r.a_end == x.a_start == x.a_end)
            for r in readings)]
        found[m] = [(r.a_start, r.a_end, r.b_text, r.kind) for r in readings
                    if (r.kind not in config.hidden_kinds or r.kind == "script") and r.kind != "move"
                    and not (r.kind in _BLOCKS and _made_of(
                        r.b_text or r.a_text, (pasted or {}).get(
                            m.doc if r.kind == "addition" else base.doc, frozenset())))]

    # a passage some copies leave out (or add) is a place of its own, and so is each
    # reading inside it of the copies that have it: those that leave it out have none
    found = _additions_together(found, base_text)
    items = [(m, v) for m in members for v in found.get(m, [])]
    left_out = {m: [(v[0], v[1]) for v in vs if v[3] in _BLOCKS] for m, vs in found.items()}
    passages = [span for spans in left_out.values() for span in spans]
    nested = [v[3] not in _BLOCKS and _inside(v[0], v[1], passages) for _, v in items]
    # (a copy's script readings are places of their own, apart from the others' readings:
    # a traditional copy's run of forms would make one place of all the changes in it)
    script = [v[3] == "script" for _, v in items]
    # (and so are paragraph breaks and spaces: a break one copy makes beside another's
    # changed mark is two places, not one substitution)
    spaced = [v[3] == "whitespace" for _, v in items]
    # each copy's script readings a character at a time (where they are of one length),
    # and its figures and letters set in another width
    own_forms: dict[UnitInfo, list[tuple[int, int, str, str]]] = defaultdict(list)
    for k, (m, v) in enumerate(items):
        if (script[k] or v[3] == "width") and v[1] - v[0] == len(v[2]):
            own_forms[m] += [(i, i + 1, c, v[3]) for i, c in enumerate(v[2], v[0])
                                if base_text[i] != c]
    outer = _merge_places([(v[0], v[1], v[3] in _BLOCKS, k) for k, (_, v) in enumerate(items)
                           if not nested[k] and not script[k] and not spaced[k]])
    # (an insertion where one place ends and the next starts belongs to the first, as
    # _merge_places joins it)
    ends = {hi for lo, hi, _ in outer if lo < hi}

    def table_of(lo: int, hi: int, keys: frozenset[int], inner: bool,
                 ) -> tuple[dict[str, set[int]], set[str]]:
        """Each document's reading of base[lo:hi] (reading -> documents) with the variants
        ``keys`` (numbers in ``items``) applied, and their kinds; ``inner``: a place
        inside a passage some copies leave out (read in the copies that have it)."""
        own: dict[UnitInfo, list[tuple[int, int, str, str]]] = defaultdict(list)
        for k in sorted(keys):
            own[items[k][0]].append(items[k][1])
        forms_only = all(script[k] for k in keys)
        extras: set[tuple[int, int, str, str]] = set()
        if not forms_only:
            # (the forms a copy writes inside a place of other readings are its reading's
            # too: the script and width places beside it show them apart)
            for m, forms in own_forms.items():
                taken = own.get(m, [])
                extra = [v for v in forms if lo <= v[0] and v[1] <= hi
                         and not any(s < v[1] and v[0] < e for s, e, _, _ in taken)]
                if extra:
                    own[m] = sorted([*taken, *extra], key=lambda v: (v[0], v[1]))
                    extras.update(extra)
        table: dict[str, set[int]] = defaultdict(set)
        kinds = set()
        for m in members:
            if inner and _inside(lo, hi, left_out.get(m, ())):
                continue  # (a copy without the passage has no reading inside it)
            if forms_only and any(kind != "script" and ((s < hi and lo < e) or lo < s == e < hi)
                                  for s, e, _, kind in found.get(m, ())):
                continue  # (a copy that changes the words there reads at that place)
            reading, cursor = [], lo
            for s, e, text, kind in own.get(m, []):
                reading.append(base_text[cursor:s] + text)
                cursor = e
                if (kind != "script" or forms_only) and (s, e, text, kind) not in extras:
                    kinds.add(kind)
            reading.append(base_text[cursor:hi])
            table["".join(reading)].add(m.doc)
        table[base_text[lo:hi]].add(base.doc)
        return table, kinds

    def swaps_joined(merged: list[tuple[int, int, frozenset[int]]], inner: bool,
                     ) -> list[tuple[int, int, dict[str, set[int]], set[str]]]:
        # two places close together that a copy reads as two words changing places are
        # one (the base's own change beside the words broke the swap in two); the copy
        # reads in both (a swap in one place and another copy's change in the next are
        # two places)
        places = [(lo, hi, *table_of(lo, hi, keys, inner)) for lo, hi, keys in merged]
        n = 0
        while n + 1 < len(places):
            lo, hi = places[n][0], places[n + 1][1]
            if places[n + 1][0] - places[n][1] <= MAX_SWAP_GAP:
                table = table_of(lo, hi, merged[n][2] | merged[n + 1][2], inner)[0]
                common = _commonest(table)
                both = {items[k][0].doc for k in merged[n][2]} \
                    & {items[k][0].doc for k in merged[n + 1][2]}
                if any(kind_of(common, text) == "transposition" and docs & both
                       for text, docs in table.items()):
                    places[n:n + 2] = [(lo, hi, table, {"transposition"})]
                    merged[n:n + 2] = [(lo, hi, merged[n][2] | merged[n + 1][2])]
                    continue
            n += 1
        return places

    places = sorted([*swaps_joined(outer, False), *swaps_joined(_merge_places(
        [(v[0], v[1], False, k) for k, (_, v) in enumerate(items)
         if nested[k] and not script[k] and not spaced[k]]), True), *(
        (lo, hi, *table_of(lo, hi, keys, inner)) for inner in (False, True) for apart in (script, spaced)
        for lo, hi, keys in _merge_places([(v[0], v[1], False, k) for k, (_, v)
                                           in enumerate(items) if apart[k] and nested[k] == inner]))],
        key=lambda place: (place[0], place[1]))
    if "move" not in config.hidden_kinds:
        places = sorted([*places, *_move_places(moved, found, members, base, base_text)],
                        key=lambda place: (place[0], place[1]))
    # (insertion points that are places of their own: text added there is theirs)
    points = {lo for lo, hi, _, _ in places if lo == hi}
    spans, kinds_of, tables = [], [], []
    elsewhere: list[tuple[tuple[int, int, int, int], ...]] = []

    def add(lo: int, hi: int, table: Mapping[str, set[int]], kind: str,
            written: Mapping[str, Mapping[str, set[int]]] | None = None) -> None:
        top = max(len(d) for d in table.values())
        # (a reading is singular where three copies or more read the place: of two, one
        # reading against the other is no more the odd one than the other)
        readers = sum(len(d) for d in table.values())
        tables.append(tuple(Reading(text, tuple(sorted(docs)), len(docs) == top,
                                    len(docs) == 1 and readers > 2,
                                    tuple(sorted(((form, tuple(sorted(held))) for form, held
                                                  in (written or {}).get(text, {}).items()),
                                                 key=lambda f: f[1])))
                            # (the commonest first, of as common the base's: the
                            # reading the place's kind is read from)
                            for text, docs in sorted(table.items(), key=lambda kv: (
                                -len(kv[1]), base.doc not in kv[1], min(kv[1])))))
        kinds_of.append(kind)
        spans.append((lo, hi))
        read = set().union(*table.values())
        elsewhere.append(tuple(
            (m.doc, m.unit, *((_moved_to(moved.get(m, ()), lo, hi, blocks.get(m)) or _spanned(
                shifts.get(m, ()), blocks.get(m), lo, hi, (base_text, texts[(m.doc, m.unit)]),
                lo < hi and (lo in ends or lo in points), lo < hi and hi in points,
                config.hidden_kinds)) if m.doc in read else (0, 0)))
            # (a member the place shows no reading of is not located: nothing to show)
            for m in members if m is not base))

    scripts: dict[int, bool] = {}

    def in_traditional(doc: int) -> bool:
        # (a document's member, its pieces joined, set in traditional characters)
        if doc not in scripts:
            m = next(m for m in members if m.doc == doc)
            scripts[doc] = set_in_traditional(texts[(m.doc, m.unit)])
        return scripts[doc]

    for lo, hi, table, kinds in places:
        if kinds == {"move"}:
            add(lo, hi, table, "move")
            continue
        # readings that differ in script alone are one reading of the place (written in
        # the form most of them have, the base's of as many), and their forms a script
        # place of their own: a traditional copy that reads as the others do is counted
        # with them (the forms inside a place of other readings are the script places
        # beside it, made of the script readings alone)
        forms: dict[str, dict[str, set[int]]] = defaultdict(dict)
        for text, docs in table.items():
            forms[to_simplified(text)][text] = docs
        apart = False
        for key, same in list(forms.items()):
            # (two traditional characters simplification merges are readings: 鍾/鐘; and
            # so are a character and its simplified form where every copy that reads
            # either is set in traditional characters, as compare reads them: 霑/沾, not
            # two traditional forms, 裡/裏)
            traditional = len(same) > 1 and any(
                one_simplified(x, y) for x, y in itertools.combinations(same, 2)) and all(
                in_traditional(d) for docs in same.values() for d in docs)
            if traditional or any(merged(x, y) for x, y in itertools.combinations(same, 2)):
                del forms[key]
                forms.update({text: {text: docs} for text, docs in same.items()})
                apart = apart or traditional
        # (and so do readings of figures or letters that differ in width alone, beside
        # another reading of the place: a copy that sets 28.7 in full-width figures reads
        # as those with 28.7, not as a reading of its own beside 28.9; alone, width is a
        # place of its own; a mark's forms stay readings of a punctuation place)
        wide: dict[str, dict[str, set[int]]] = defaultdict(dict)
        for key, same in forms.items():
            folded = fold_width(key)
            wide[folded if any(c.isalnum() for c in folded) else key].update(same)
        if 1 < len(wide) < len(forms):
            forms = wide
        of_forms = "script" in kinds
        written = {}
        if len(forms) < len(table):
            written = {_commonest(same, base.doc): same for same in forms.values()}
            table = {text: set().union(*same.values()) for text, same in written.items()}
            written = {text: same for text, same in written.items() if len(same) > 1}
            kinds = kinds - {"script"}
        if len(table) > 1:
            kind = _place_kind(table, kinds, base.doc)
            add(lo, hi, table, "substitution" if apart and kind == "script" else kind, written)
        # (hidden, a copy's forms are still its reading's: no document is quoted in a
        # form it does not write)
        for same in forms.values():
            if len(same) < 2:
                continue
            form = "script" if len({fold_width(text) for text in same}) > 1 else "width"
            if form not in config.hidden_kinds and (form in kinds or of_forms):
                add(lo, hi, same, form)
    return _Collated(base, tuple(spans), tuple(kinds_of), tuple(tables), tuple(elsewhere))


def _move_places(moved: Mapping[UnitInfo, Sequence[AlignedReading]],
                 found: Mapping[UnitInfo, Sequence[tuple[int, int, str, str]]],
                 members: Sequence[UnitInfo], base: UnitInfo, base_text: str,
                 ) -> list[tuple[int, int, dict[str, set[int]], set[str]]]:
    """A passage of the base that copies set elsewhere in their text (a sentence moved
    inside the paragraph) is a place of its own: its reading the passage, read by the
    copies that hold it there, and nothing (\"\") read by those that moved it, which are
    located where they hold it. Each passage moved is a place (a copy that moved a longer
    or a shorter one reads neither there); a copy that leaves part of the passage out
    reads none of it."""
    spans = sorted({(r.a_start, r.a_end) for rs in moved.values() for r in rs
                    if r.a_end > r.a_start})
    out = []
    for lo, hi in spans:
        movers = {m.doc for m, rs in moved.items()
                  if any((r.a_start, r.a_end) == (lo, hi) for r in rs)}
        # (a copy that moved a passage that overlaps this one otherwise reads neither)
        elsewhere = {m.doc for m, rs in moved.items()
                     if any(r.a_start < hi and lo < r.a_end for r in rs)}
        holders = {m.doc for m in members if m.doc not in elsewhere and not any(
            kind in _BLOCKS and s < hi and lo < e for s, e, _, kind in found.get(m, ()))}
        holders.add(base.doc)
        out.append((lo, hi, {base_text[lo:hi]: holders, "": movers}, {"move"}))
    return out


def _made_of(text: str, passages: frozenset[str]) -> bool:
    r"""``text`` is nothing but copies of ``passages`` (match keys), marks and spaces aside.

    >>> _made_of("甲乙。\n甲乙，", frozenset({"甲乙"})), _made_of("甲乙丙", frozenset({"甲乙"}))
    (True, False)
    """
    if not passages:
        return False
    key = match_key(text)
    for passage in sorted(passages, key=len, reverse=True):
        key = key.replace(passage, "")
    return not key


def pieces_of(members: Sequence[UnitInfo]) -> dict[int, tuple[int, ...]]:
    """The units of each document that has several members in a group, in order: the
    pieces of a paragraph it breaks in two, collated as one copy."""
    units: dict[int, list[int]] = defaultdict(list)
    for m in members:
        units[m.doc].append(m.unit)
    return {d: tuple(sorted(us)) for d, us in units.items() if len(us) > 1}


def _pieces_joined(members: Sequence[UnitInfo], texts: Mapping[tuple[int, int], str],
                   ) -> tuple[list[UnitInfo], Mapping[tuple[int, int], str]]:
    """``members`` with each document's pieces (:func:`pieces_of`) as one member, the first
    piece's with the length of them all, and ``texts`` with its text: theirs joined by
    line breaks."""
    pieces = pieces_of(members)
    if not pieces:
        return list(members), texts
    joined = dict(texts)
    ends = {(m.doc, m.unit): m.end_line for m in members if m.doc in pieces}
    out = []
    for m in members:
        run = pieces.get(m.doc)
        if run is None:
            out.append(m)
        elif m.unit == run[0]:
            text = "\n".join(texts[(m.doc, u)] for u in run)
            joined[(m.doc, m.unit)] = text
            out.append(m._replace(length=len(text), end_line=ends[(m.doc, run[-1])]))
    return out, joined


def _commonest(table: Mapping[str, set[int]], base: int = -1) -> str:
    """The reading of ``table`` (reading → documents) most documents have; of readings as
    common, the base's (document ``base``), then the first document's."""
    return max(table, key=lambda text: (len(table[text]), base in table[text],
                                        -min(table[text])))


def _place_kind(table: Mapping[str, set[int]], kinds: set[str], base: int) -> str:
    """The kind of a place, read from its commonest reading (of readings as common, the
    base's) to the others (a copy that adds a word inserts it, whichever copy is the
    base), where they all read as one kind; else the kind of its variants from the base,
    if one, or a substitution. (A passage added or left out is an ``addition`` or
    ``omission``, as the base's variants say.)"""
    if kinds == {"script"}:
        return "script"  # (as the copies' alignment read it: a Hong Kong form, 衞生, too)
    common = _commonest(table, base)
    seen = set()
    for text in table:
        if text != common:
            kind = kind_of(common, text)
            if kinds & {"omission", "addition"} and kind in ("insertion", "deletion"):
                kind = "addition" if kind == "insertion" else "omission"
            seen.add(kind)
    if len(seen) == 1:
        return seen.pop()
    # (one reading a mark or a numeral changed, another its width alone: ：/】/: is a
    # punctuation place, 5/五/５ a numeral one)
    for kind in ("punctuation", "numeral"):
        if kind in seen and seen <= {kind, "width"}:
            return kind
    return next(iter(kinds)) if len(kinds) == 1 else "substitution"


def _moved_to(moves: Sequence[AlignedReading], lo: int, hi: int,
              blocks: Sequence[tuple[int, int, int]] | None = None) -> tuple[int, int] | None:
    """Where a member sets ``base[lo:hi]``, if that lies in a passage it moved, by the
    stretches the passage and the member's text there hold the same (``blocks``,
    :func:`_blocks_with_moves`; character for character without them): a word it
    changed in the passage shifts what follows."""
    for r in moves:
        if r.a_start <= lo < hi <= r.a_end:
            if blocks is None:
                return r.b_start + lo - r.a_start, min(r.b_end, r.b_start + hi - r.a_start)
            inner = [b for b in blocks if r.a_start <= b[0] and b[1] <= r.a_end
                     and r.b_start <= b[2] and b[2] + b[1] - b[0] <= r.b_end]
            start = _through_blocks(inner, lo, False, r.b_end)
            end = _through_blocks(inner, hi, True, r.b_end)
            return max(start, r.b_start), max(min(end, r.b_end), max(start, r.b_start))
    return None


def _alike_forms(a: str, b: str) -> tuple[str, str]:
    """``a`` and ``b`` in simplified characters where that keeps their lengths (so that
    a copy in traditional characters lines up with the others), else as they are."""
    fa, fb = to_simplified(a), to_simplified(b)
    return (fa, fb) if len(fa) == len(a) and len(fb) == len(b) else (a, b)


def _spanned(readings: Sequence[AlignedReading], blocks: Sequence[tuple[int, int, int]] | None,
             lo: int, hi: int, texts: tuple[str, str], after_place: bool = False,
             before_place: bool = False, hidden: Container[str] = ()) -> tuple[int, int]:
    """The span of another member's text that stands for ``base[lo:hi]`` (``texts``: the
    base's and the member's), by the readings of the two (base → member) that the place
    shows: a reading that starts or ends there says where; text after a reading is the
    same in both up to the next, but for paragraph breaks and spaces (which no reading
    shows); a reading that straddles an end is taken whole. Where the
    member sets a passage elsewhere (a move, which no reading shows), by the stretches
    the two hold the same (``blocks``: :func:`~variantdiff.align.equal_blocks`).
    ``after_place``: another place ends (or an insertion place stands) at ``lo``, and
    text added there is that place's; ``before_place``: the same of an insertion place
    at ``hi``. Readings of ``hidden`` kinds (no place shows them) only count where the
    member's text stands after them."""
    length = len(texts[1])

    def at(point: int, end: bool) -> int:
        before = None  # (the last reading before the point: counted from there, a
        # paragraph break that one copy sets and the other runs on over does not tell)
        there = []  # (the readings that start or end at the point, or straddle it)
        for r in readings:
            if r.kind in hidden and r.a_end > point:
                continue  # (a hidden reading spans no place, and none after it yet)
            if r.kind in hidden and not end and r.a_start == r.a_end == point:
                before = r  # (marks a copy adds where the place starts, 【 of 【问】, are
                continue  # before it: the place starts after them)
            added_before = not end and after_place and r.a_start == r.a_end == point
            if end and before_place and r.a_start == r.a_end == point:
                continue  # (text added after the place: the next place's)
            if not added_before and ((r.a_end if end else r.a_start) == point
                                     or r.a_start < point < r.a_end):
                there.append(r.b_end if end else r.b_start)
            elif (r.a_end < point or (r.a_end == point and (r.a_start < point or added_before))) \
                    and (before is None or r.a_end >= before.a_end):
                before = r
        if there:
            return max(there) if end else min(there)
        if blocks is not None:
            return _through_blocks(blocks, point, end, length)
        if before is None:
            return _walk(texts, 0, 0, point, end)
        return _walk(texts, before.a_end, before.b_end, point, end)

    # (and the member's text of every reading inside: two readings at one place, a
    # sentence left out and another put in its stead, may stand in either order)
    inside = [r for r in readings if r.kind not in hidden and (
        (r.a_start < hi and r.a_end > lo) or (
            r.a_start == r.a_end and lo <= r.a_start <= hi
            and not (after_place and r.a_start == lo) and not (before_place and r.a_start == hi)))]
    start = min([at(lo, False), *(r.b_start for r in inside)])
    return start, min(length, max([start, at(hi, True), *(r.b_end for r in inside)]))


def _walk(texts: tuple[str, str], a: int, b: int, point: int, end: bool) -> int:
    r"""Where ``point`` of the first text falls in the second, from ``a`` and ``b`` on,
    where the two read the same but for paragraph breaks and spaces: the place after the
    character before it (``end``), or of the character at it.

    >>> _walk(("甲\n乙丙", "甲乙丙"), 0, 0, 2, False), _walk(("甲乙 丙", "甲\n乙丙"), 0, 0, 2, True)
    (1, 3)
    """
    first, second = texts
    if first[a:point] == second[b:b + point - a]:
        a, b = point, b + point - a  # (the same characters: nothing to walk)
    while a < point:
        if first[a] in _BLANKS and (b >= len(second) or second[b] != first[a]):
            a += 1
        elif b < len(second) and second[b] in _BLANKS and second[b] != first[a]:
            b += 1
        else:
            a += 1
            b += 1
    while not end and b < len(second) and second[b] in _BLANKS \
            and (point >= len(first) or first[point] != second[b]):
        b += 1
    return min(b, len(second))


def _blocks_with_moves(base_text: str, text: str, moves: Sequence[AlignedReading],
                       others: Sequence[AlignedReading] = ()) -> list[tuple[int, int, int]]:
    """The stretches (a start, a end, b start) the base's text and a member's hold the
    same, the member setting the passages of ``moves`` (base → member) elsewhere: each
    moved passage against itself where the member sets it, and the rest of the two in
    order, the moved passages and the text of the member's ``others`` readings left out
    (an alignment of the whole texts in order finds one of two paragraphs a copy swapped
    and leaves the other out, and pairs text the readings say one copy lacks: the places
    beside them were located by stretches the readings do not read), sorted by the base's
    offsets.

    >>> from variantdiff.classify import Reading
    >>> move = Reading("move", 0, 3, 4, 7, "甲乙丙", "甲乙丙", "")
    >>> _blocks_with_moves("甲乙丙。丁戊己", "丁戊己。甲乙丙", [move])
    [(0, 3, 4), (4, 7, 0)]
    """
    base_text, text = _alike_forms(base_text, text)

    def kept(length: int, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        out, at = [], 0
        for lo, hi in sorted(spans):
            if lo > at:
                out.append((at, lo))
            at = max(at, hi)
        return [*out, (at, length)] if at < length else out

    a_kept = kept(len(base_text), [(r.a_start, r.a_end) for r in (*moves, *others)])
    b_kept = kept(len(text), [(r.b_start, r.b_end) for r in (*moves, *others)])

    def starts(spans: list[tuple[int, int]]) -> list[int]:  # (of each span in the joined text)
        return list(itertools.accumulate((hi - lo for lo, hi in spans), initial=0))

    a_at, b_at = starts(a_kept), starts(b_kept)
    out = []
    for s0, s1, d0 in equal_blocks("".join(base_text[lo:hi] for lo, hi in a_kept),
                                   "".join(text[lo:hi] for lo, hi in b_kept)):
        k = s0
        while k < s1:  # (cut where either side leaves a moved passage out)
            i, j = bisect_right(a_at, k) - 1, bisect_right(b_at, d0 + k - s0) - 1
            stop = min(s1, a_at[i + 1], s0 + b_at[j + 1] - d0)
            out.append((a_kept[i][0] + k - a_at[i], a_kept[i][0] + stop - a_at[i],
                        b_kept[j][0] + d0 + k - s0 - b_at[j]))
            k = stop
    for r in moves:
        out += [(r.a_start + x0, r.a_start + x1, r.b_start + y0) for x0, x1, y0 in equal_blocks(
            base_text[r.a_start:r.a_end], text[r.b_start:r.b_end])]
    return sorted(out)


def _through_blocks(blocks: Sequence[tuple[int, int, int]], point: int, end: bool,
                    length: int) -> int:
    """Where ``point`` of one text falls in the other, by the stretches the two hold the
    same ((a start, a end, b start)); a point between stretches is the end of the other's
    text before it (a start) or the start of the stretch after it (an end)."""
    gap = 0
    for a0, a1, b0 in blocks:
        if (a0 < point <= a1) if end else (a0 <= point < a1):
            return b0 + point - a0
        if point < a0 or (end and point == a0):
            return b0 if end else gap
        gap = b0 + a1 - a0
    return length if end else gap


def _read_past_heading(base_text: str, text: str, member_heading: str, base_heading: str,
                       config: Config) -> list[AlignedReading]:
    """The readings of a member against the base (:func:`read_pair`), the heading one of
    the two runs into the paragraph and the other sets before it left out of the
    alignment: a paragraph that opens by saying its headline again (2025年全国征兵…启动 /
    2025年全国征兵…工作今天启动) would otherwise align the heading with those words and
    read the rest as a passage left out in the middle."""
    # (only where the copy that runs it in has no such heading before it, and the other
    # does not open with the heading too: a paragraph both open with their headline's
    # words, one of them with the headline set before it as well)
    same = match_key(member_heading) == match_key(base_heading)
    a_cut = 0 if same or _opening(text, member_heading) else _opening(base_text, member_heading)
    b_cut = 0 if same or _opening(base_text, base_heading) else _opening(text, base_heading)
    readings = read_pair(base_text[a_cut:], text[b_cut:], config.sentence_threshold,
                         config.move_threshold, traditional=False)
    if not a_cut and not b_cut:
        return readings
    # (the heading left out is a reading all the same, at the opening: it shifts the
    # member's text against the base's, and :func:`_without_run_in_heading` drops it)
    cut = [AlignedReading(kind_of(base_text[:a_cut], text[:b_cut]), 0, a_cut, 0, b_cut,
                          base_text[:a_cut], text[:b_cut], "")]
    return cut + [replace(r, a_start=r.a_start + a_cut, a_end=r.a_end + a_cut,
                          b_start=r.b_start + b_cut, b_end=r.b_end + b_cut) for r in readings]


def _opening(text: str, heading: str) -> int:
    """Where ``text`` goes on after opening with ``heading`` (match keys alike), the
    brackets that close it and the white space after it, or 0.

    >>> _opening("2025年征兵启动 2025年征兵工作今天启动", "2025年征兵启动"), _opening("今天启动", "征兵")
    (10, 0)
    >>> _opening("【开好局】“中国人过年”", "【开好局】")
    5
    """
    want = match_key(heading)
    if not want or not match_key(text[:len(heading) + 8]).startswith(want):
        return 0
    for k in range(len(want), len(text) + 1):
        if match_key(text[:k]) == want:
            while k < len(text) and (text[k].isspace() or text[k] in _CLOSING):
                k += 1
            return k if k < len(text) else 0
    return 0


#: the marks that close a heading set in brackets (【…】, 《…》)
_CLOSING = frozenset("】]）)》」』〕")


def _without_run_in_heading(readings: Sequence[AlignedReading], base_text: str,
                            member_heading: str, base_heading: str) -> list[AlignedReading]:
    """``readings`` (base → member) less a heading that one of the two reads as the
    opening of the paragraph while the other has it standing before: text the base opens
    with and the member lacks that is the member's heading, or text the member opens with
    and the base lacks that is the base's heading (in one reading or several)."""
    out = list(readings)
    if member_heading:
        want, cursor = match_key(member_heading), 0
        for n, r in enumerate(out):
            if r.a_start != cursor or r.a_end == cursor:
                break
            if r.b_text:
                # (the heading and the change of a word after it read as one, or a word
                # after it taken in: 座谈会中共 / 中共)
                cut = next((k for k in range(r.a_start + 1, r.a_end + 1)
                            if match_key(base_text[:k]) == want), 0)
                if not cut:
                    break
                rest = base_text[cut:r.a_end]
                if rest == r.b_text:
                    return out[n + 1:]
                return [replace(r, kind=kind_of(rest, r.b_text), a_start=cut, a_text=rest),
                        *out[n + 1:]]
            cursor = r.a_end
            if match_key(base_text[:cursor]) == want:
                return out[n + 1:]
    if base_heading:
        want, opening = match_key(base_heading), ""
        for n, r in enumerate(out):
            if r.a_start or not r.b_text:
                break
            if r.a_end:
                # (the heading and the change of a word after it read as one)
                cut = next((k for k in range(1, len(r.b_text) + 1)
                            if match_key(opening + r.b_text[:k]) == want), 0)
                rest = r.b_text[cut:]
                if not cut or not match_key(rest):
                    break
                kind = kind_of(r.a_text, rest)
                return [replace(r, kind=kind, b_start=r.b_start + cut, b_text=rest),
                        *out[n + 1:]]
            opening += r.b_text
            if match_key(opening) == want:
                return out[n + 1:]
    return out


# --- the local engine -------------------------------------------------------------------

@dataclass(frozen=True, eq=False)
class Clustering:
    documents: tuple[tuple[str, str], ...]  # (path, encoding)
    groups: tuple[Group, ...]
    boilerplate: tuple[Boilerplate, ...]
    skipped: tuple[Skipped, ...]
    units: int  # (content units and headings)
    #: the units (headings too) in no group, each with its text, in document order: the
    #: text no other document carries
    ungrouped: tuple[tuple[UnitInfo, str], ...] = ()
    #: the kinds of variants left out of the places by ``--ignore`` (white space is always)
    hidden: tuple[str, ...] = ()
    #: the page furniture of every document (datelines, page jumps, captions, bylines),
    #: each with its text, in document order: compared with no other document's
    furniture: tuple[tuple[UnitInfo, str], ...] = ()


def _prepare_range(state: tuple[Sequence[Source], Config, bool], share: range,
                   ) -> list[Prepared]:
    """:func:`prepare_many` of the documents numbered ``share`` (a worker inherits the
    sources when it starts rather than receiving them)."""
    sources, config, whole = state
    # (the objects of a chunk's documents form no cycles: the collector's passes over
    # them would cost a worker some of its time for nothing)
    with _collector_paused():
        return _Chunk(prepare_many([(d, sources[d]) for d in share], config, whole))


class _Chunk(list[Prepared]):
    """Prepared documents that a worker sends back as a few large objects: each array
    field of all of them as one array, each tuple field as one tuple (sent several times
    faster than a small object per field of each document). A plain list arrives, its
    documents' arrays views of the large ones."""

    def __reduce__(self) -> tuple[Callable[..., list[Prepared]], tuple[Any, ...]]:
        columns: dict[str, Any] = {}
        for f in fields(Prepared):
            values = [getattr(p, f.name) for p in self]
            if f.name in _UNIT_FIELDS:
                columns[f.name] = (_columns([u for v in values for u in v]),
                                   [len(v) for v in values])
            elif isinstance(values[0], np.ndarray):
                columns[f.name] = (np.concatenate(values), [len(v) for v in values])
            elif isinstance(values[0], tuple):
                columns[f.name] = (tuple(itertools.chain.from_iterable(values)),
                                   [len(v) for v in values])
            else:
                columns[f.name] = (values, None)
        return _unchunked, (len(self), columns)


def _unchunked(count: int, columns: dict[str, Any]) -> list[Prepared]:
    """The documents of a :class:`_Chunk`."""
    per_doc: dict[str, list[Any]] = {}
    for name, (values, sizes) in columns.items():
        if sizes is None:
            per_doc[name] = values
            continue
        if name in _UNIT_FIELDS:
            values = _rows(values) if values else ()
        bounds = itertools.pairwise(itertools.accumulate(sizes, initial=0))
        per_doc[name] = [values[lo:hi] for lo, hi in bounds]
    return [Prepared(**{name: per_doc[name][k] for name in per_doc}) for k in range(count)]


def _mapped(function: Callable[[_T], _R], items: Sequence[_T], jobs: int,
            cost: Callable[[_T], int],
            done: Callable[[int], None] | None = None) -> Iterator[_R]:
    """``map(function, items)`` in ``jobs`` processes (forked on POSIX), results in order;
    ``done(n)`` is called as ``n`` more items are done.

    ``cost`` is a rough measure of each item's work: consecutive items are sent in chunks
    of about equal cost (and at most ``_CHUNK_MAX`` items), the costliest first, so that
    one large item does not leave the other processes idle at the end; the results are
    then yielded once all are in.
    """
    tick = done or (lambda n: None)
    if jobs <= 1 or len(items) < 2:
        for item in items:
            result = function(item)
            tick(1)
            yield result
        return
    with _pool(min(jobs, len(items))) as pool:
        chunks = _by_cost([cost(item) for item in items], jobs)
        results: dict[int, list[_R]] = {}
        # sent in this order: the costliest first
        futures = [pool.submit(_apply_chunk, lo, function, items[lo:hi]) for lo, hi in chunks]
        for future in as_completed(futures):
            lo, part = future.result()
            results[lo] = part
            tick(len(part))
        for lo in sorted(results):
            yield from results[lo]


def _apply_chunk(lo: int, function: Callable[[_T], _R], items: Sequence[_T],
                 ) -> tuple[int, list[_R]]:
    return lo, [function(item) for item in items]


def _by_cost(costs: Sequence[int], jobs: int) -> list[tuple[int, int]]:
    """Runs (lo, hi) of consecutive items, of about equal cost (``costs``, one for each
    item; ``_CHUNKS_PER_JOB`` runs for each of ``jobs`` processes) and at most
    ``_CHUNK_MAX`` items each, the costliest first: sent in that order, no large run is
    left for the end while other processes wait.

    >>> _by_cost([1] * 8 + [40, 40], 1)
    [(8, 9), (9, 10), (0, 5), (5, 8)]
    """
    target = sum(costs) / (max(jobs, 1) * _CHUNKS_PER_JOB)
    bounds, total = [0], 0
    for k, c in enumerate(costs):
        if k > bounds[-1] and (total + c > target or k - bounds[-1] >= _CHUNK_MAX):
            bounds.append(k)
            total = 0
        total += c
    bounds.append(len(costs))
    return sorted(itertools.pairwise(bounds), key=lambda b: -sum(costs[b[0]:b[1]]))


#: what :func:`_in_processes` hands its workers (set in each worker as it starts)
_shared: object = None


def _in_processes(function: Callable[[_S, _T], _R], shares: Sequence[_T], state: _S,
                  jobs: int) -> Iterator[_R]:
    """``function(state, share)`` for each share, in ``jobs`` processes, the results in
    share order as they come in. ``state`` (large arrays) reaches each process once, as it
    starts: forked processes inherit it without copying."""
    if jobs <= 1 or len(shares) < 2:
        yield from (function(state, share) for share in shares)
        return
    with _pool(min(jobs, len(shares)), state) as pool:
        yield from pool.map(_with_shared, [(function, share) for share in shares])


@contextmanager
def _pool(jobs: int, state: object = None) -> Iterator[ProcessPoolExecutor]:
    """``jobs`` worker processes (forked on POSIX), each holding ``state``. A worker that
    dies (killed, out of memory) ends the run with :class:`WorkerError` rather than
    leaving it waiting; work not yet started is dropped when the caller stops early."""
    pool = ProcessPoolExecutor(jobs, get_context("fork" if os.name == "posix" else "spawn"),
                               initializer=_start_worker, initargs=(state,))
    try:
        yield pool
    except BrokenProcessPool:
        raise WorkerError("a worker process stopped before its work was done (killed, or "
                          "out of memory?); try fewer --jobs, or --groups-only") from None
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _start_worker(state: object) -> None:
    """Set up a worker: keep ``state``; collect garbage as usual (the parent may have
    paused it), leaving alone the objects inherited from the parent, whose memory a
    collection pass would otherwise copy into the worker."""
    global _shared
    _shared = state
    gc.enable()
    gc.freeze()


def _with_shared(args: tuple[Callable[[Any, _T], _R], _T]) -> _R:
    function, share = args
    return function(_shared, share)


def prepare_all(sources: Sequence[Source], config: Config, jobs: int = 1, whole: bool = False,
                progress: Progress | None = None) -> list[Prepared]:
    """Stage 1 over all documents, in ``jobs`` processes, by chunks of consecutive
    documents of about equal length (:func:`prepare_many`, :func:`_by_cost`)."""
    shares = [range(lo, hi) for lo, hi in _by_cost([len(s.text) for s in sources], jobs)]
    tick = _ticker(progress, STAGES[0], len(sources))
    parts: dict[int, list[Prepared]] = {}
    with _collector_paused():
        for share, part in zip(shares, _in_processes(_prepare_range, shares,
                                                     (sources, config, whole), jobs),
                               strict=True):
            parts[share.start] = part
            if tick:
                tick(len(part))
        return [p for start in sorted(parts) for p in parts[start]]


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector held off while many objects that form no cycles
    (prepared documents: arrays, tuples, strings; edges; groups) pile up: its passes over
    the growing heap would cost the process receiving them about a quarter of its time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _ticker(progress: Progress | None, stage: str, total: int) -> Callable[[int], None] | None:
    """``done(n)`` for one stage of ``progress``."""
    if progress is None:
        return None
    report = progress
    return lambda n: report(stage, n, total)


def edges_local(prepared: Sequence[Prepared], config: Config, *, jobs: int = 1,
                progress: Progress | None = None) -> tuple[list[UnitInfo], list[Edge]]:
    """Stages 2 and 3 on this machine, in ``jobs`` processes: every candidate pair of
    units verified (:func:`verify_many`), as the Spark engine does (a link between a turn
    and a paragraph is weighed by :func:`link` after the others)."""
    infos = list(itertools.chain.from_iterable(p.units for p in prepared))
    shingles = list(itertools.chain.from_iterable(p.shingles for p in prepared))
    if not infos:
        return infos, []
    sigs = np.concatenate([p.sigs for p in prepared if len(p.units)])
    docs = _field(infos, "doc")
    sizes = np.fromiter(map(len, shingles), dtype=np.int64, count=len(shingles))
    pairs = candidate_pairs(sigs, sizes, docs, config, jobs, progress)
    tick = _ticker(progress, STAGES[2], len(pairs))
    return infos, verify_many(pairs, shingles, config, jobs, tick, sizes)


def verify_many(pairs: np.ndarray, shingles: Sequence[np.ndarray], config: Config,
                jobs: int = 1, done: Callable[[int], None] | None = None,
                lengths: np.ndarray | None = None) -> list[Edge]:
    """:func:`verify` for many pairs (i, j): the shingles they share counted by runs of
    one larger unit (:func:`_count_shared`), in ``jobs`` processes, and the rule applied
    to all of them at once. The same edges, in pair order. ``done(n)`` is called as ``n``
    more pairs are counted; ``lengths`` may pass in the sizes of the shingle sets."""
    if not len(pairs):
        return []
    first, second = pairs[:, 0], pairs[:, 1]
    if lengths is None:
        lengths = np.fromiter(map(len, shingles), dtype=np.int64, count=len(shingles))
    size_a, size_b = lengths[first], lengths[second]
    # the smaller unit's shingles are looked up among the larger's (on the 87 MB corpus,
    # 52.7 million lookups instead of the 104.4 million the other way round)
    large = np.where(size_a <= size_b, second, first)
    small = np.where(size_a <= size_b, first, second)
    order = np.argsort(large, kind="stable")
    ordered = large[order]
    bounds = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1], True])
    # shares of whole runs of one larger unit, about as many pairs each
    parts = 1 if jobs <= 1 else _SHARES_PER_JOB * jobs
    cuts = sorted_unique(np.searchsorted(bounds, np.linspace(0, len(pairs), parts + 1)))
    shares = [(ordered[bounds[lo]:bounds[hi]], small[order[bounds[lo]:bounds[hi]]],
               bounds[lo:hi + 1] - bounds[lo]) for lo, hi in itertools.pairwise(cuts.tolist())]
    counted = []
    for share in _in_processes(_count_shared, shares, (shingles, lengths), jobs):
        counted.append(share)
        if done:
            done(len(share))
    shared = np.zeros(len(pairs), dtype=np.int64)
    shared[order] = np.concatenate(counted)
    a, b = size_a.astype(np.float64), size_b.astype(np.float64)
    low, high = np.minimum(a, b), np.maximum(a, b)
    with np.errstate(divide="ignore", invalid="ignore"):
        jaccard = shared / (a + b - shared)
        containment = shared / low
    full = jaccard >= config.pair_threshold
    contained = ~full & (low >= config.containment_min_ratio * high) & (
        containment >= config.containment_threshold) & (low > 0)
    score = np.where(full, np.maximum(jaccard, containment), containment)
    keep = np.flatnonzero((full | contained) & (shared > 0))  # verify: no score, no edge
    with _collector_paused():
        return [Edge(i, j, round(sc, 4), ct, i if sa <= sb else j, round(jc, 4))
                for i, j, sc, ct, sa, sb, jc in zip(
                    first[keep].tolist(), second[keep].tolist(), score[keep].tolist(),
                    contained[keep].tolist(), size_a[keep].tolist(), size_b[keep].tolist(),
                    jaccard[keep].tolist(), strict=True)]


def _count_shared(units: tuple[Sequence[np.ndarray], np.ndarray],
                  share: tuple[np.ndarray, np.ndarray, np.ndarray]) -> np.ndarray:
    """Shingles shared by each pair (owner, partner) of ``share``: the pairs sorted by
    owner, and the bounds of each owner's run. ``units``: every unit's shingles and their
    numbers. (The count is the same either way round; the fewer shingles the partners
    have, the sooner it is done.)

    Counted by batches of pairs of about ``_COUNT_BATCH`` partner shingles: the batch's
    owners' shingles, each tagged with its run (above the 32 bits of the hash), make one
    sorted array in which every partner's shingles, tagged with their run, are looked up
    at once (a batch small enough to stay in the processor's cache).

    >>> sets = [np.array([1, 4, 9], dtype=np.uint32), np.array([4, 5, 9], dtype=np.uint32),
    ...         np.array([1, 2, 3, 4], dtype=np.uint32)]
    >>> _count_shared((sets, np.array([3, 3, 4])),
    ...               (np.array([0, 0, 1]), np.array([1, 2, 2]), np.array([0, 2, 3])))
    array([2, 2, 1])
    """
    shingles, sizes = units
    owner, partner, bounds = share
    shared = np.zeros(len(owner), dtype=np.int64)
    if not len(owner):
        return shared
    run_of = np.repeat(np.arange(len(bounds) - 1), np.diff(bounds))
    partner_sizes = sizes[partner]
    taken = np.cumsum(partner_sizes)
    lo = 0
    while lo < len(owner):
        hi = max(int(np.searchsorted(taken, taken[lo] - partner_sizes[lo] + _COUNT_BATCH,
                                     side="right")), lo + 1)
        runs = np.arange(int(run_of[lo]), int(run_of[hi - 1]) + 1)
        owners = owner[bounds[runs]]
        own = _tagged(runs - runs[0], sizes[owners], [shingles[x] for x in owners.tolist()])
        if not len(own):  # (units without shingles share none)
            lo = hi
            continue
        found = _tagged(run_of[lo:hi] - runs[0], partner_sizes[lo:hi],
                        [shingles[x] for x in partner[lo:hi].tolist()])
        where = np.minimum(np.searchsorted(own, found), len(own) - 1)
        hits = np.r_[0, np.cumsum(own[where] == found)]
        ends = taken[lo:hi] - (taken[lo] - partner_sizes[lo])
        shared[lo:hi] = hits[ends] - hits[ends - partner_sizes[lo:hi]]
        lo = hi
    return shared


def _tagged(tags: np.ndarray, sizes: np.ndarray, arrays: list[np.ndarray]) -> np.ndarray:
    """``arrays`` joined into one, each value (32 bits) with its array's tag above it."""
    values = np.concatenate(arrays).astype(np.uint64)
    values |= np.repeat(tags.astype(np.uint64), sizes) << np.uint64(32)
    return values


def cross_boilerplate(prepared: Sequence[Prepared], unit_group: dict[tuple[int, int], int],
                      config: Config, copies: Sequence[tuple[int, int]] = (),
                      ) -> list[list[tuple[int, int, int, int, int, int]]]:
    """Sentences standing in at least ``boilerplate_min_docs`` documents, in as many places
    that are not copies of one another: [(doc, unit, start, end, line0, line1), ...]. A
    unit in a group is the group's place, but where every document of the group holds a
    place counted already or is a copy (``copies``: pairs of documents) of one that does
    (a paragraph that reprints of a story repeat, each its own number of times); one in
    no group (page furniture: a dateline and its reporters) is a place of its own but in
    a document that holds one or is a copy of one, as the story's own dateline in each
    reprint of it. (Copies of one another one by one: two stories that a digest of both
    copies are no copies of each other.)"""
    copied: dict[int, set[int]] = defaultdict(set)  # (each document's copies)
    for a, b in copies:
        copied[a].add(b)
        copied[b].add(a)
    rows = [np.c_[np.full(len(p.sentences), p.doc), p.sentences] for p in prepared
            if len(p.sentences)]
    if not rows:
        return []
    table = np.concatenate(rows)  # doc, hash, unit, start, end, line0, line1
    order = np.lexsort((table[:, 2], table[:, 0], table[:, 1]))
    table = table[order]
    hashes = table[:, 1]
    edges = np.flatnonzero(np.r_[True, hashes[1:] != hashes[:-1], True])
    out = []
    for lo, hi in itertools.pairwise(edges.tolist()):
        if hi - lo < config.boilerplate_min_docs:
            continue
        block = table[lo:hi]
        if len(set(block[:, 0].tolist())) < config.boilerplate_min_docs:
            continue
        group_docs: dict[int, set[int]] = defaultdict(set)
        loose = []  # (the documents of the places in no group)
        for d, u in block[:, [0, 2]].tolist():
            group = unit_group.get((d, u))
            if group is None:
                loose.append(d)
            else:
                group_docs[group].add(d)
        if _places(group_docs, loose, copied) < config.boilerplate_min_docs:
            continue
        out.append([(d, u, s, e, a, b) for d, _, u, s, e, a, b in block.tolist()])
    return out


def _places(group_docs: Mapping[int, set[int]], loose: Sequence[int],
            copied: Mapping[int, set[int]]) -> int:
    """The number of places of a sentence that are not copies of one another, for
    :func:`cross_boilerplate`: ``group_docs``, the documents of each group it stands in;
    ``loose``, the documents where it stands in no group; ``copied``, each document's
    copies."""
    counted: set[int] = set()  # (the documents of the places counted)

    def known(d: int) -> bool:
        return d in counted or bool(d in copied and copied[d] & counted)

    places = 0
    # (a group's documents that are copies of one another are one place, and not one
    # again where one of them holds a place counted or is a copy of one that does: a
    # paragraph that copies of a story repeat; documents of a group none of which is a
    # copy of another, a note that unrelated stories each end with, are a place each)
    for group in sorted(group_docs, key=lambda g: (min(group_docs[g]), g)):
        for copies in _copy_classes(group_docs[group], copied):
            if not any(map(known, copies)):
                places += 1
                counted |= copies
    for d in loose:
        if not known(d):
            places += 1
            counted.add(d)
    return places


def _copy_classes(docs: set[int], copied: Mapping[int, set[int]]) -> list[set[int]]:
    """``docs`` in classes of copies of one another (linked through their copies among
    ``docs``), in the order of their first documents."""
    classes: list[set[int]] = []
    left = set(docs)
    for d in sorted(docs):
        if d not in left:
            continue
        found, todo = {d}, [d]
        while todo:
            for other in copied.get(todo.pop(), set()) & left:
                if other not in found:
                    found.add(other)
                    todo.append(other)
        left -= found
        classes.append(found)
    return classes


def stock_units(prepared: Sequence[Prepared], config: Config) -> set[int]:
    """Units (numbered as in ``edges``) that are nothing but one sentence standing in more
    than ``boilerplate_unit_docs`` documents — a fixed opening or a stock clause on a line
    of its own. They are boilerplate, and are kept out of groups so that they cannot join
    unrelated documents."""
    per_document = [len(p.sentences) for p in prepared]
    if not any(per_document):
        return set()
    table = np.c_[  # place in ``prepared``, doc, hash, unit, start, end
        np.repeat(np.arange(len(prepared)), per_document),
        np.repeat(np.array([p.doc for p in prepared], dtype=np.int64), per_document),
        np.concatenate([p.sentences[:, :4] for p in prepared if len(p.sentences)])]
    # every unit's place in ``prepared``, index in its document and length: its row number
    # is its number
    if not any(p.units for p in prepared):
        return set()
    infos = list(itertools.chain.from_iterable(p.units for p in prepared))
    units = np.c_[np.repeat(np.arange(len(prepared)), [len(p.units) for p in prepared]),
                  _field(infos, "unit"), _field(infos, "length")]
    span = int(max(units[:, 1].max(), table[:, 3].max())) + 1
    unit_keys = units[:, 0] * span + units[:, 1]  # (ascending: in ``prepared``'s order)
    # a unit whose only sentence is the whole of it (but a character at either end)
    keys, first, counts = np.unique(table[:, 0] * span + table[:, 3], return_index=True,
                                    return_counts=True)
    numbers = np.minimum(np.searchsorted(unit_keys, keys), len(unit_keys) - 1)
    lone = table[first]
    whole = (unit_keys[numbers] == keys) & (counts == 1) & (lone[:, 4] <= 1) \
        & (lone[:, 5] >= units[numbers, 2] - 1)
    if not whole.any():
        return set()
    whole_units, whole_hashes = numbers[whole], lone[whole, 2]
    # the documents each sentence stands in
    hash_doc = table[:, [2, 1]]
    hash_doc = hash_doc[np.lexsort((hash_doc[:, 1], hash_doc[:, 0]))]
    hash_doc = hash_doc[np.r_[True, (hash_doc[1:] != hash_doc[:-1]).any(axis=1)]]
    bounds = np.flatnonzero(np.r_[True, hash_doc[1:, 0] != hash_doc[:-1, 0], True])
    hashes, docs = hash_doc[bounds[:-1], 0], np.diff(bounds)
    where = np.searchsorted(hashes, whole_hashes)
    frequent = docs[np.minimum(where, len(docs) - 1)] > config.boilerplate_unit_docs
    return set(whole_units[frequent].tolist())


def _unit_texts(args: tuple[Source, Config, bool, tuple[int, ...]]) -> list[str]:
    """The texts of some units of one document, built again from its source."""
    source, config, whole, wanted = args
    units = build_document(source, config, whole).units
    return [units[u].text for u in wanted]


def _source_cost(item: tuple[Any, ...]) -> int:
    """The cost of an item of work on one document (its source first): its length."""
    source: Source = item[0]
    return len(source.text)


def _group_cost(item: tuple[list[UnitInfo], object, Config, object, object]) -> int:
    return sum(m.length for m in item[0])


def _collate_star(args: tuple[list[UnitInfo], Mapping[tuple[int, int], str], Config,
                              Mapping[tuple[int, int], str], Mapping[int, frozenset[str]]],
                  ) -> _Collated:
    return collate(*args)


#: a stretch of a document's text: its parts in the normalised text, flat (start, end,
#: joined, start, end, joined, …), and the text (:func:`_stretch`)
_Stretch = tuple[tuple[int, ...], str]


def _locate_all(args: tuple[Source, tuple[tuple[_Stretch, tuple[tuple[int, int], ...]], ...]],
                ) -> list[tuple[Location, ...]]:
    """Original-file locations of base-text spans of one document: for each (stretch,
    spans), the spans in the stretch's text (the units of a group's member joined,
    :func:`_stretch`). The document is normalised again; the stretches say where they
    stand in it."""
    source, places = args
    doc = Document(normalise(source), ())
    out = []
    for (flat, text), spans in places:
        # (a unit of those parts and that text: what ``locate`` reads of it)
        unit = Unit("", "", None, None, tuple(zip(flat[::3], flat[1::3], strict=True)),
                    tuple(map(bool, flat[2::3])), text, 0, 0)
        out.append(tuple(locate(doc, unit, lo, hi) for lo, hi in spans))
    return out


def _stretch(prepared: Prepared, run: Sequence[int]) -> _Stretch:
    """Units ``run`` of a prepared document joined as one (the pieces of a group's
    member, :func:`pieces_of`), as :func:`_locate_all` is sent them: flat, since a large
    corpus has many."""
    units = [prepared.unit(u) for u in run]
    unit = units[0] if len(units) == 1 else units_joined(units, units[0])
    return tuple(x for (a, b), j in zip(unit.parts, unit.joined, strict=True)
                 for x in (a, b, int(j))), unit.text


def assemble(sources: Sequence[Source], prepared: Sequence[Prepared], infos: Sequence[UnitInfo],
             edges: Sequence[Edge], skipped: Sequence[Skipped], config: Config,
             whole: bool = False, variants: bool = True, *,
             stock: set[int] | None = None, jobs: int = 1,
             progress: Progress | None = None) -> Clustering:
    """Stages 4 and 5, and boilerplate: the same for every engine. With ``variants``
    False the groups are listed without collating their readings (much faster on a
    large corpus; each group's base is then its first member). ``stock``:
    :func:`stock_units`, when the caller has them already. Groups are collated, and the
    documents of their places normalised again to find them in the files (a document's
    units say where they stand in it), in ``jobs`` processes."""
    with _collector_paused():  # (the groups and their places: many objects, no cycles)
        return _assembled(sources, prepared, infos, edges, skipped, config, whole, variants,
                          stock, jobs, progress)


def _assembled(sources: Sequence[Source], prepared: Sequence[Prepared],
               infos: Sequence[UnitInfo], edges: Sequence[Edge], skipped: Sequence[Skipped],
               config: Config, whole: bool, variants: bool, stock: set[int] | None, jobs: int,
               progress: Progress | None) -> Clustering:
    if stock is None:
        stock = stock_units(prepared, config)
    texts = [text for p in prepared for text in p.texts]
    components = pieces_beside(unit_groups(infos, texts, edges, stock, config), infos, texts,
                               stock)
    unit_group = {}
    for n, comp in enumerate(components):
        for x in comp:
            unit_group[(infos[x].doc, infos[x].unit)] = n
    # (the documents that are copies of one another, found once for the boilerplate and
    # the groups of headings)
    copies = _copies(_units_of(infos, stock),
                     [{infos[x].doc for x in comp} for comp in components])
    cross = cross_boilerplate(prepared, unit_group, config, copies)
    # The texts of the units come with the prepared documents (numbered as ``infos``); a
    # document is built again for a boilerplate sentence in a unit they leave out
    # (furniture), and normalised again for the places of the groups' readings in it.
    by_doc = {p.doc: p for p in prepared}
    sentence_texts: dict[tuple[int, int], str] = {}
    wanted: dict[int, set[int]] = defaultdict(set)
    for occ in cross:
        d, u = occ[0][0], occ[0][1]
        units = [k for k, info in enumerate(by_doc[d].units) if info.unit == u]
        if units:
            sentence_texts[(d, u)] = by_doc[d].texts[units[0]]
        else:
            wanted[d].add(u)
    order = sorted(wanted)
    work = [(sources[d], config, whole, tuple(sorted(wanted[d]))) for d in order]
    for d, item, found in zip(order, work, _mapped(_unit_texts, work, jobs, _source_cost),
                              strict=True):
        sentence_texts.update(zip(((d, u) for u in item[3]), found, strict=True))
    # the groups of units and of headings, in the order of their first members
    of_headings = heading_groups(prepared, infos, components, copies, stock, config)
    set_apart = headings_set_apart(prepared, infos, texts, components, copies,
                                   {(h.doc, h.unit) for m in of_headings for h in m})
    # (and those that open a copy's paragraph, a heading joining one group at most)
    for n, before in headings_opening(prepared, infos, texts, components, {
            (h.doc, h.unit) for m in [*of_headings, *set_apart.values()] for h in m}).items():
        set_apart.setdefault(n, []).extend(before)
    member_lists = sorted([sorted([infos[x] for x in comp] + set_apart.get(n, []),
                                  key=lambda u: (u.doc, u.unit))
                           for n, comp in enumerate(components)] + of_headings,
                          key=lambda m: (m[0].doc, m[0].unit))
    text_of = {(info.doc, info.unit): text for info, text in zip(infos, texts, strict=True)}
    text_of.update(((h.doc, h.unit), text) for p in prepared
                   for h, text in zip(p.heading_units, p.heading_texts, strict=True))
    grouped = {id(m) for members in member_lists for m in members}
    ungrouped = tuple(sorted(
        ((u, text_of[(u.doc, u.unit)])
         for u in itertools.chain(infos, (h for p in prepared for h in p.heading_units))
         if id(u) not in grouped), key=lambda ut: (ut[0].doc, ut[0].unit)))
    if variants:
        if jobs > 1 and member_lists:
            prepare_dictionary(whole=True)  # read once here, not in every process
        head_of = {(info.doc, info.unit): h for info, h in zip(
            infos, (h for p in prepared for h in p.headings), strict=True) if h}
        # (the passages each document pastes again and again)
        pasted = {p.doc: keys for p in prepared if (keys := frozenset(
            match_key(b.text) for b in p.boilerplate if len(b.occurrences) >= PASTED))}
        collated = list(_mapped(_collate_star, [
            (members, {(m.doc, m.unit): text_of[(m.doc, m.unit)] for m in members}, config,
             {(m.doc, m.unit): head_of[(m.doc, m.unit)] for m in members
              if (m.doc, m.unit) in head_of},
             {m.doc: pasted[m.doc] for m in members if m.doc in pasted})
            for members in member_lists], jobs, _group_cost,
            _ticker(progress, STAGES[3], len(member_lists))))
        # each group's places in the base's document and in every other member's:
        # (group, member: -1 for the base) -> (unit, spans), by document
        based: dict[int, list[tuple[tuple[int, int], tuple[int, ...],
                                    tuple[tuple[int, int], ...]]]] = defaultdict(list)
        for n, c in enumerate(collated):
            if c.spans:
                pieces = pieces_of(member_lists[n])
                based[c.base.doc].append(((n, -1), pieces.get(c.base.doc, (c.base.unit,)),
                                          c.spans))
                for k, (d, u, _, _) in enumerate(c.elsewhere[0]):
                    based[d].append(((n, k), pieces.get(d, (u,)),
                                     tuple((e[k][2], e[k][3]) for e in c.elsewhere)))
        order = sorted(based)
        located: dict[tuple[int, int], tuple[Location, ...]] = {}
        places = [(sources[d], tuple((_stretch(by_doc[d], units), spans)
                                     for _, units, spans in based[d])) for d in order]
        for d, where in zip(order, _mapped(_locate_all, places, jobs, _source_cost,
                                           _ticker(progress, STAGES[4], len(places))),
                            strict=True):
            located.update(zip((key for key, _, _ in based[d]), where, strict=True))
        del places, based

        def place_of(n: int, c: _Collated, p: int) -> Place:
            # (the documents of its readings: a script place has those of one reading)
            read = {d for r in c.readings[p] for d in r.docs}
            base = located[(n, -1)][p]
            where = [(c.base.doc, base)]
            where += [(e[0], located[(n, k)][p]) for k, e in enumerate(c.elsewhere[p])]
            return Place(c.kinds[p], base, c.readings[p], tuple(sorted(
                ((d, w) for d, w in where if d in read),
                key=lambda w: (w[0], w[1].start_line, w[1].start_column))))

        groups = tuple(
            Group(f"g{n + 1}", tuple(members), c.base,
                  tuple(place_of(n, c, p) for p in range(len(c.spans))),
                  opening(text_of[(c.base.doc, c.base.unit)]))
            for n, (members, c) in enumerate(zip(member_lists, collated, strict=True)))
    else:
        groups = tuple(Group(f"g{n}", tuple(members), members[0], (),
                             opening(text_of[(members[0].doc, members[0].unit)]))
                       for n, members in enumerate(member_lists, 1))
    across = []
    for occ in cross:
        d, u, s, e, _, _ = occ[0]
        text = sentence_texts[(d, u)][s:e]
        across.append(Boilerplate(text, tuple(Occurrence(d, a, b) for d, _, _, _, a, b in occ)))
    # (a sentence a document repeats that other documents hold too is listed once, across
    # documents, with all its places)
    listed = {(match_key(b.text), o) for b in across for o in b.occurrences}
    boiler = [b for p in prepared for b in p.boilerplate
              if not all((match_key(b.text), o) in listed for o in b.occurrences)]
    boiler += across
    boiler.sort(key=lambda b: (b.occurrences[0].doc, b.occurrences[0].start_line, b.text))
    return Clustering(tuple((p.path, p.encoding) for p in prepared), groups, tuple(boiler),
                      tuple(skipped), len(infos) + sum(len(p.heading_units) for p in prepared),
                      ungrouped, tuple(sorted(config.hidden_kinds - DEFAULT_HIDDEN)),
                      tuple((u, text) for p in prepared for u, text in zip(
                          p.furniture_units, p.furniture_texts, strict=True)))


#: characters of a unit's text that name it in a report
_OPENING = 16


def opening(text: str) -> str:
    """The opening words of a unit's text, on one line."""
    return abbreviate(text, _OPENING)


def default_jobs(documents: int) -> int:
    """Processes the ``cluster`` command uses when none are asked for: one per available
    core from ``_PARALLEL_FROM`` documents on; below that, starting them costs more than
    it saves."""
    if documents < _PARALLEL_FROM:
        return 1
    return _cores()


def _cores() -> int:
    cores = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else None
    return len(cores) if cores else os.cpu_count() or 1


#: at most this many processes per core, however many are asked for (more only cost
#: memory and start-up time)
_JOBS_PER_CORE = 4


def cluster_sources(sources: Sequence[Source], config: Config | None = None, jobs: int = 1,
                    skipped: Sequence[Skipped] = (), whole: bool = False,
                    progress: Progress | None = None,
                    variants: bool = True) -> Clustering:
    """Cluster decoded documents with the local engine, in ``jobs`` processes (forked on
    POSIX; at most one a document and ``_JOBS_PER_CORE`` a core; :func:`default_jobs` is
    what the command line uses)."""
    config = config or Config()
    if not sources:
        raise UsageError("no document could be read; see the messages above")
    jobs = max(1, min(jobs, len(sources), _JOBS_PER_CORE * _cores()))
    prepared = prepare_all(sources, config, jobs, whole, progress)
    stock = stock_units(prepared, config)
    infos, edges = edges_local(prepared, config, jobs=jobs, progress=progress)
    prepared = [p.without_fingerprints() for p in prepared]
    return assemble(sources, prepared, infos, edges, skipped, config, whole, variants,
                    stock=stock, jobs=jobs, progress=progress)
