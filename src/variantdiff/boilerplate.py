"""Boilerplate: sentences and paragraphs repeated within a document or across documents.

A *segment* is a sentence of a unit (or a leading label such as 央视网消息（新闻联播）：).
Segments that are the same, exactly or nearly, form a group. A group is boilerplate when

* one document carries it twice or more (at least ``boilerplate_min_chars`` long), or
* it stands in units of at least ``boilerplate_min_docs`` documents that are not copies of
  one another (units in the same pair or cluster count once; at least
  ``boilerplate_cross_min_chars`` long).

Consecutive boilerplate sentences that always occur together are reported as one passage.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from .align import near_pairs, sentences, similar
from .chars import match_key, match_keys, to_arabic
from .config import Config
from .fingerprint import band_buckets, lsh_params, signatures
from .model import Boilerplate, Occurrence
from .segment import CONTENT_KINDS, Document

#: kinds whose text can be boilerplate (captions and datelines repeat across pages too)
_KINDS = CONTENT_KINDS | {"furniture"}
#: a unit keeps at least this many characters of its own once boilerplate is taken out,
#: or it is matched on its whole text
_MIN_REST = 8
#: up to this many long sentences are compared all against all (in C); more go through LSH
_ALL_PAIRS = 2000


class Segment(NamedTuple):
    """One sentence of one unit: ``documents[doc].units[unit].text[start:end]`` (a named
    tuple: a document has hundreds, and it is made fastest)."""

    doc: int
    unit: int
    start: int
    end: int
    key: str


@dataclass(frozen=True)
class Passage:
    """A boilerplate group: its segments, in document order, and the text shown for it."""

    text: str
    occurrences: tuple[tuple[Segment, ...], ...]


def _segments(documents: Sequence[Document], min_chars: int) -> list[Segment]:
    return [seg for d, doc in enumerate(documents)
            for seg in _document_segments(doc, d, min_chars)[0]]


def _document_segments(doc: Document, d: int, min_chars: int) -> tuple[list[Segment], list[str]]:
    """The segments of document ``d`` whose keys have ``min_chars`` or more, and the match
    key of each of its units (the keys of its sentences joined, which is the key of its
    text: a character no sentence holds is white space; "" for a unit of a kind
    boilerplate is not looked for in)."""
    found, texts = [], []
    for u, unit in enumerate(doc.units):
        if unit.kind not in _KINDS:
            continue
        labelled = unit.kind in ("qa", "speech")
        for start, end in sentences(unit.text):
            found.append((u, start, end, labelled and _is_label(unit.text, start, end)))
            texts.append(unit.text[start:end])
    keys = match_keys(texts)
    unit_keys: list[list[str]] = [[] for _ in doc.units]
    for (u, _, _, _), key in zip(found, keys, strict=True):
        unit_keys[u].append(key)
    return ([Segment(d, u, start, end, key)
             for (u, start, end, label), key in zip(found, keys, strict=True)
             if not label and len(key) >= min_chars],
            ["".join(own) for own in unit_keys])


def _is_label(text: str, start: int, end: int) -> bool:
    """A question or speaker label (新华社记者：) opening a paragraph of a turn."""
    return (start == 0 or text[start - 1] == "\n") and text[start:end].rstrip()[-1:] in "：:"


class UnionFind:
    """Disjoint sets over 0..n-1; the smallest member names each set."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, x: int, y: int) -> None:
        rx, ry = self.find(x), self.find(y)
        if rx != ry:
            self.join_roots(rx, ry)

    def join_roots(self, rx: int, ry: int) -> int:
        """Join the sets named ``rx`` and ``ry`` (two roots, as :meth:`find` gives them);
        the name of the joined set."""
        root = min(rx, ry)
        self.parent[max(rx, ry)] = root
        return root


#: a number, in figures or in words
_NUMBER = re.compile("[0-9]+|[〇零一二三四五六七八九十百千万两]+")


def _same_numbers(a: str, b: str) -> bool:
    """Two keys name the same numbers, in order (one may name more: a caption with its
    date, 5月24日，…, and without): passages alike but for their numbers (致使三人以上… /
    致使十人以上…, the parallel provisions of a law) are no repeats.

    >>> _same_numbers("致使三人以上轻伤的", "致使十人以上轻伤的"), _same_numbers("共3人", "共三人")
    (False, True)
    >>> _same_numbers("5月24日，王毅答记者问。", "王毅答记者问。")
    True
    """
    x, y = sorted(([to_arabic(n) for n in _NUMBER.findall(k)] for k in (a, b)), key=len)
    rest = iter(y)
    return all(n in rest for n in x)  # (x a subsequence of y)


def _key_groups(keys: list[str], config: Config) -> list[list[int]]:
    """Groups of key indices that are the same text, exactly or nearly (with the same
    numbers)."""
    uf = UnionFind(len(keys))
    if config.boilerplate_similarity < 1.0 and len(keys) > 1:
        long_keys = [i for i, k in enumerate(keys) if len(k) >= config.boilerplate_min_chars]
        if 1 < len(long_keys) <= _ALL_PAIRS:
            for x, y in near_pairs([keys[i] for i in long_keys], config.boilerplate_similarity):
                if _same_numbers(keys[long_keys[x]], keys[long_keys[y]]):
                    uf.union(long_keys[x], long_keys[y])
        elif len(long_keys) > 1:
            sigs = signatures([keys[i] for i in long_keys], config.shingle_size,
                              config.num_perm, config.seed)
            bands, rows = lsh_params(0.5, config.num_perm)
            for bucket in band_buckets(sigs, bands, rows):
                first = long_keys[int(bucket[0])]
                for other in bucket[1:]:
                    j = long_keys[int(other)]
                    if uf.find(first) != uf.find(j) and \
                            similar(keys[first], keys[j], config.boilerplate_similarity) \
                            and _same_numbers(keys[first], keys[j]):
                        uf.union(first, j)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(keys)):
        groups[uf.find(i)].append(i)
    return [g for g in groups.values()]


def segments_of(documents: Sequence[Document], config: Config) -> list[Segment]:
    """The sentences boilerplate is looked for among (long enough, labels left out)."""
    return _segments(documents, _min_chars(config))


def _min_chars(config: Config) -> int:
    return min(config.boilerplate_min_chars, config.boilerplate_cross_min_chars)


def segments_and_keys(doc: Document, config: Config) -> tuple[list[Segment], list[str]]:
    """:func:`segments_of` one document, and the match key of each of its units (as
    :func:`~variantdiff.chars.match_key` gives it; "" for headings and other units
    boilerplate is not looked for in), worked out from the keys of their sentences."""
    return _document_segments(doc, 0, _min_chars(config))


def find_passages(documents: Sequence[Document], config: Config,
                  classes: Mapping[tuple[int, int], int] | None = None,
                  segments: Sequence[Segment] | None = None) -> list[Passage]:
    """Boilerplate passages of ``documents``.

    ``classes`` maps (document, unit index) to a class id: units of one class are copies
    of the same passage (a pair, a cluster) and count as one place. Without it every unit
    is its own class. ``segments`` may pass in :func:`segments_of` already computed.
    """
    if segments is None:
        segments = segments_of(documents, config)
    by_key: dict[str, list[Segment]] = defaultdict(list)
    for seg in segments:
        by_key[seg.key].append(seg)
    keys = sorted(by_key)
    found: list[list[Segment]] = []
    for group in _key_groups(keys, config):
        if len(group) == 1 and len(by_key[keys[group[0]]]) == 1:
            continue  # one sentence, said once: no boilerplate
        occ = sorted((s for i in group for s in by_key[keys[i]]),
                     key=lambda s: (s.doc, s.unit, s.start))
        longest = max(len(keys[i]) for i in group)
        if _is_boilerplate(occ, longest, config, classes):
            found.append(occ)
    return _merge(documents, found)


def _is_boilerplate(occ: list[Segment], length: int, config: Config,
                    classes: Mapping[tuple[int, int], int] | None) -> bool:
    if len(occ) < 2:
        return False
    # (a sentence nearly alike another of its own paragraph is a parallel clause, 市…负责
    # 本市… / 区、县（市）…负责本行政区域…, not a passage said twice; the same sentence
    # twice is: a paragraph counts the sentence it holds most often, that many times)
    in_unit: dict[tuple[int, int], Counter[str]] = defaultdict(Counter)
    for s in occ:
        in_unit[(s.doc, s.unit)][s.key] += 1
    per_doc: dict[int, int] = defaultdict(int)
    for (doc, _), counts in in_unit.items():
        per_doc[doc] += max(counts.values())
    if length >= config.boilerplate_min_chars and max(per_doc.values()) >= 2:
        return True
    if length < config.boilerplate_cross_min_chars:
        return False
    places = {classes.get((s.doc, s.unit), (s.doc, s.unit)) if classes else (s.doc, s.unit)
              for s in occ}
    distinct = len(places)
    return len(per_doc) >= config.boilerplate_min_docs and \
        distinct >= config.boilerplate_min_docs


def _merge(documents: Sequence[Document], found: list[list[Segment]]) -> list[Passage]:
    """Join groups whose occurrences always follow one another into one passage."""
    follows: dict[tuple[int, int, int], int] = {}
    for g, occ in enumerate(found):
        for s in occ:
            follows[(s.doc, s.unit, s.start)] = g
    merged: list[list[list[Segment]]] = [[[s] for s in occ] for occ in found]
    alive = [True] * len(found)
    changed = True
    while changed:
        changed = False
        for g in range(len(found)):
            if not alive[g]:
                continue
            nxt = {follows.get(_next_start(documents, runs[-1])) for runs in merged[g]}
            if len(nxt) != 1:
                continue
            h = nxt.pop()
            if h is None or h == g or not alive[h] or len(merged[h]) != len(merged[g]):
                continue
            starts = {(r[0].doc, r[0].unit, r[0].start) for r in merged[h]}
            if all(_next_start(documents, r[-1]) in starts for r in merged[g]):
                tails = {(r[0].doc, r[0].unit, r[0].start): r for r in merged[h]}
                merged[g] = [r + tails[_next_start(documents, r[-1])]
                             for r in merged[g]]
                for s in (s for r in merged[g] for s in r):
                    follows[(s.doc, s.unit, s.start)] = g
                alive[h] = False
                changed = True
    passages = []
    for g in range(len(found)):
        if alive[g]:
            runs = tuple(tuple(r) for r in merged[g])
            first = runs[0]
            unit = documents[first[0].doc].units[first[0].unit]
            passages.append(Passage(unit.text[first[0].start:first[-1].end], runs))
    passages.sort(key=lambda p: (p.occurrences[0][0].doc, p.occurrences[0][0].unit,
                                 p.occurrences[0][0].start))
    return passages


def _next_start(documents: Sequence[Document], seg: Segment) -> tuple[int, int, int]:
    """(doc, unit, start) of the sentence right after ``seg`` in its unit."""
    text = documents[seg.doc].units[seg.unit].text
    pos = seg.end
    while pos < len(text) and text[pos] in " \n":
        pos += 1
    return (seg.doc, seg.unit, pos)


def report(documents: Sequence[Document], passages: Sequence[Passage],
           ) -> tuple[Boilerplate, ...]:
    """Passages as :class:`Boilerplate` with original line numbers."""
    out = []
    for passage in passages:
        occ = []
        for run in passage.occurrences:
            doc = documents[run[0].doc]
            unit = doc.units[run[0].unit]
            first = doc.normalised.position(unit.norm_index(run[0].start))[0]
            last = doc.normalised.position(unit.norm_index(run[-1].end - 1))[0]
            occ.append(Occurrence(run[0].doc, first, last))
        out.append(Boilerplate(passage.text, tuple(occ)))
    return tuple(out)


def boilerplate_spans(passages: Sequence[Passage]) -> dict[tuple[int, int], list[tuple[int, int]]]:
    """(doc, unit) → unit-text spans covered by boilerplate."""
    spans: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    for passage in passages:
        for run in passage.occurrences:
            spans[(run[0].doc, run[0].unit)].append((run[0].start, run[-1].end))
    return spans


def keys_without(texts: Sequence[str], spans: Sequence[Sequence[tuple[int, int]]],
                 fulls: Sequence[str] | None = None) -> list[str]:
    """:func:`key_without` of each text and its spans (the keys of all worked out at once;
    ``fulls`` may pass in the texts' match keys). A text that another of ``texts`` repeats
    word for word (a paragraph printed twice) keeps its whole key: what it repeats is
    itself, not a passage pasted into it.

    >>> one = "我们将携手构建人类命运共同体。我们将一如既往坚持党对外交工作的领导。"
    >>> keys_without([one, one], [[(15, 34)], [(15, 34)]])[0] == match_key(one)
    True
    """
    if fulls is None:
        fulls = match_keys(texts)
    twice = {key for key, n in Counter(fulls).items() if n > 1 and key}
    return [key_without(text, own, full) if own and full not in twice else full
            for text, own, full in zip(texts, spans, fulls, strict=True)]


def key_without(text: str, spans: Sequence[tuple[int, int]], full: str | None = None) -> str:
    """The match key of ``text`` with the boilerplate ``spans`` taken out; when nothing
    of substance is left (a unit that is all boilerplate), the whole text's key (``full``,
    when the caller has it)."""
    if full is None:
        full = match_key(text)
    if not spans:
        return full
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + "\n" + text[end:]
    rest = match_key(text)
    return rest if len(rest) >= _MIN_REST else full


def unit_classes(documents: Sequence[Document], config: Config,
                 ) -> dict[tuple[int, int], int]:
    """(document, unit) → class id, units of one class being copies of one passage: the
    groups ``cluster`` forms (LSH candidates, exact check, links best first with one unit
    of a document to a group, short units of copies). Units in no group are left out
    (each is then a place of its own)."""
    from .cluster import edges_local, prepare, unit_groups  # local: cluster builds on this

    prepared = [prepare(d, doc.normalised.source, config, doc=doc)
                for d, doc in enumerate(documents)]
    infos, edges = edges_local(prepared, config)
    texts = [text for p in prepared for text in p.texts]
    classes: dict[tuple[int, int], int] = {}
    for n, component in enumerate(unit_groups(infos, texts, edges, (), config)):
        for x in component:
            classes[(infos[x].doc, infos[x].unit)] = n
    return classes


def find_boilerplate(documents: Sequence[Document], config: Config | None = None,
                     ) -> tuple[Boilerplate, ...]:
    """Boilerplate of one or more documents; copies of the same passage in different
    documents (a reprinted answer) are not boilerplate."""
    config = config or Config()
    classes = unit_classes(documents, config) if len(documents) > 1 else None
    return report(documents, find_passages(documents, config, classes))
