"""Align two unit texts: sentences first (with moves), then characters; uses rapidfuzz.

The result is a list of :class:`Edit` in unit-text coordinates. Sentence-level gaps
become ``omit``/``add`` blocks (or a ``move`` when the same sentence stands elsewhere);
inside aligned sentences, characters are aligned with Levenshtein opcodes, or with Indel
opcodes where those match many more characters (a clause dropped and another added).
"""

from __future__ import annotations

import itertools
import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.distance import Indel, Levenshtein, Opcode
from rapidfuzz.process import cdist

from .chars import CLOSERS, fold_width, numbers_apart, to_arabic
from .fingerprint import GOLDEN

_SENTENCE_END = frozenset("。！？!?…．")
_LABEL_END = frozenset("：:")
#: where :func:`sentences` may cut: a line break, a label's colon, a run of sentence ends
#: with the closing quotes after them
_ENDS = re.escape("".join(sorted(_SENTENCE_END)))
_BREAKS = re.compile(f"\n|[：:]|[{_ENDS}][{_ENDS}{re.escape(''.join(sorted(CLOSERS)))}]*")
_VISIBLE = re.compile("[^\\s\u200b]")
#: a full-width point between two digits: a decimal point
_DECIMAL = re.compile(r"\d．\d")
#: punctuation that cannot stand inside a label (brackets and book-title marks can)
_CLAUSE_PUNCT = re.compile("[，。、；：！？,.;:!?]")
#: a colon this close to the start of a paragraph ends a speaker or question label
_LABEL_MAX = 16
#: largest number of sentences on one side of a many-to-one sentence match
_MAX_GROUP = 3
#: two unmatched runs between the same anchors this similar are aligned by character
_GAP_SIMILARITY = 0.35
#: a group of sentences is only tried when one of its sentence pairs is this similar
_GROUP_HINT = 0.25
#: the many-to-one groups (A sentences, B sentences) the sentence alignment tries
_GROUP_SHAPES = tuple((di, dj) for di, dj in ((1, 2), (2, 1), (1, 3), (3, 1), (2, 2))
                      if max(di, dj) <= _MAX_GROUP)
#: units with more sentence pairs than this are first cut at unchanged anchor sentences
_ANCHOR_ABOVE = 10_000
#: … and a stretch between anchors of more sentence pairs than this is cut at the
#: sentences both copies hold unchanged (its programme's tables would take gigabytes)
_SPAN_CELLS = 250_000
#: a block of near_pairs with more comparisons than this squared runs on every core
_THREADS_ABOVE = 200
#: all-against-all similarity of more texts than this goes by blocks of similar length
_BLOCKS_ABOVE = 48
#: :func:`near_pairs` scores all pairs of this many texts at once (in C, sooner done than
#: finding the plausible pairs)
_ALL_AT_ONCE = 32
#: characters each side of a line break that the other text must hold run on for the
#: break to be no sentence break (:func:`_spans`)
_RUN_ON = 3
#: cost of an unmatched character against the gain of a matched one
_UNMATCHED_COST = 0.3


@dataclass(frozen=True)
class Edit:
    """A difference: ``a_text[a_start:a_end]`` stands where B has ``b_text[b_start:b_end]``.

    ``tag`` is ``replace``, ``insert`` or ``delete`` (character level), ``omit`` (a block
    only in A), ``add`` (a block only in B) or ``move`` (a block in both, elsewhere).
    """

    tag: str
    a_start: int
    a_end: int
    b_start: int
    b_end: int


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of ``text``: cut after 。！？ (and closing quotes) and at line breaks.

    A speaker's label at the start of a paragraph is a segment of its own. Every character
    outside the spans is white space (the line breaks, and runs of nothing but white
    space, which are no sentence), so the match keys of the spans, joined, are the key of
    the text (:func:`~variantdiff.boilerplate.segments_and_keys` counts on it).

    >>> t = "他说：“好。”我们走吧！\\n王毅：明天见"
    >>> [t[s:e] for s, e in sentences(t)]
    ['他说：', '“好。”', '我们走吧！', '王毅：', '明天见']
    """
    spans = []
    start = paragraph = 0
    for m in _BREAKS.finditer(text):
        i = m.start()
        c = text[i]
        if c == "\n":
            if i > start:
                spans.append((start, i))
            start = paragraph = i + 1
        elif c in _LABEL_END:
            if start == paragraph and i - start <= _LABEL_MAX \
                    and not _CLAUSE_PUNCT.search(text, start, i):
                spans.append((start, i + 1))
                start = i + 1
        elif not (c == "．" and _DECIMAL.match(text, i - 1)):  # (６．５: no sentence end)
            spans.append((start, m.end()))
            start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return [(s, e) for s, e in spans if _VISIBLE.search(text, s, e)]


def _spans(text: str, other: str, own: Sequence[tuple[int, int]] | None = None,
           theirs: Sequence[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """The :func:`sentences` of ``text`` that alignment matches against ``other``: a line
    break that cuts a sentence where ``other`` runs on (a transcriber's line, a column
    break kept as a paragraph, list items set one to a line) joins its two parts again,
    so that the break does not unmatch the sentence. A paragraph with no end mark (a
    title inside a turn) stays apart where ``other`` does not run on from it. ``own`` and
    ``theirs``: the sentences of the two, where the caller has them already.

    >>> t = "如今工作人员通\\n过大屏幕了解情况。\\n王毅：好。"
    >>> [t[s:e] for s, e in _spans(t, "如今工作人员通过大屏幕了解情况。王毅：好。")]
    ['如今工作人员通\\n过大屏幕了解情况。', '王毅：', '好。']
    >>> [t[s:e] for s, e in _spans(t, "如今工作人员通")]
    ['如今工作人员通', '过大屏幕了解情况。', '王毅：', '好。']
    """
    out: list[tuple[int, int]] = []
    for start, end in sentences(text) if own is None else own:
        if out and text[out[-1][1]:start] == "\n" \
                and not _ends_full_stop(text[out[-1][0]:out[-1][1]]) \
                and text[max(out[-1][0], out[-1][1] - _RUN_ON):out[-1][1]] \
                + text[start:min(end, start + _RUN_ON)] in other:
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return _headlines_apart(text, out, other, theirs)


#: a headline of no punctuation that ``other`` sets on a line of its own is parted from
#: the sentence ``text`` runs it into from this many characters (where as many characters
#: after it open a paragraph of ``other`` too) …
_HEADLINE_MIN = 6
#: … where the opening of the sentence is this alike to it (a word changed or swapped)
_HEADLINE_ALIKE = 0.8
#: … and as long, give or take this many characters
_HEADLINE_SLACK = 2


def _headlines_apart(text: str, spans: list[tuple[int, int]], other: str,
                     found: Sequence[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """``spans`` (sentences of ``text``), each one that opens with a headline ``other``
    sets apart (a paragraph of no punctuation, or one after a label: a subheading inside
    a turn) cut after that headline: one copy ran the headline into the
    paragraph after it where a column break fell, the other did not.

    >>> t = "王毅：多国媒体称美国政策关税影响负面美国消费者可能面临价格上涨。"
    >>> o = "王毅：多国媒体称美国关税政策影响负面\\n路透社称，关税将制造壁垒。\\n美国消费者可能面临价格上涨。"
    >>> [t[s:e] for s, e in _headlines_apart(t, [(0, 3), (3, len(t))], o)]
    ['王毅：', '多国媒体称美国政策关税影响负面', '美国消费者可能面临价格上涨。']
    """
    if "\n" not in other:
        return spans  # (no line of its own there)
    if found is None:
        found = sentences(other)
    heads = [(s, e) for k, (s, e) in enumerate(found)
             if e - s >= _HEADLINE_MIN and other[e:e + 1] == "\n"
             and not _CLAUSE_PUNCT.search(other, s, e)
             and (not s or other[s - 1] == "\n" or (
                 k and found[k - 1][1] == s and other[s - 1] in _LABEL_END))]
    if not heads:
        return spans
    out: list[tuple[int, int]] = []
    for start, end in spans:
        best: tuple[float, int] = (0.0, 0)
        for s, e in heads:
            for size in range(e - s - _HEADLINE_SLACK, e - s + _HEADLINE_SLACK + 1):
                cut = start + size
                if size < _HEADLINE_MIN or cut >= end or not _VISIBLE.search(text, cut, end) \
                        or _CLAUSE_PUNCT.search(text, start, cut):
                    continue
                # (what follows opens a paragraph of ``other`` too, but not the one right
                # after the headline: there ``other`` only breaks a line inside one
                # sentence, which :func:`_spans` joins, or cut a sentence short)
                rest = "\n" + text[cut:cut + _HEADLINE_MIN]
                if rest not in other or other.startswith(rest, e):
                    continue
                score = _ratio(text[start:cut], other[s:e])
                if score >= _HEADLINE_ALIKE and score > best[0]:
                    best = (score, cut)
        if best[1]:
            out += [(start, best[1]), (best[1], end)]
        else:
            out.append((start, end))
    return out


def _ends_full_stop(text: str) -> bool:
    """``text`` ends in 。！？ (closing quotes aside), or a label's colon: a sentence that
    stands alone; a clause ending in ；or ，does not."""
    end = text.rstrip("".join(CLOSERS) + " ")
    return end[-1:] in _SENTENCE_END or end[-1:] in _LABEL_END


def _ratio(a: str, b: str) -> float:
    return ratio(a, b) / 100.0


def near_pairs(texts: Sequence[str], threshold: float) -> list[tuple[int, int]]:
    """Index pairs (i < j) of ``texts`` at least ``threshold`` alike, all against all.

    Only the pairs that can be that alike are scored (:func:`_plausible_pairs`); when
    there are very many, all pairs are scored by blocks of similar length.

    >>> near_pairs(["我们将一如既往坚持", "完全不同的一句话", "我们将一如继往坚持"], 0.85)
    [(0, 2)]
    """
    if len(texts) < 2:
        return []
    if len(texts) <= _ALL_AT_ONCE:
        return _near_pairs_by_blocks(texts, threshold)
    plausible = _plausible_pairs(texts, threshold)
    if plausible is None:
        return _near_pairs_by_blocks(texts, threshold)
    cutoff = threshold * 100
    found = []
    for x, y in zip(*(side.tolist() for side in plausible), strict=True):
        if ratio(texts[x], texts[y], cutoff):
            found.append((x, y) if x < y else (y, x))
    return sorted(found)


#: the number of bits set in each byte value (for the masks of :func:`_plausible_pairs`)
_POPCOUNT = np.array([bin(i).count("1") for i in range(256)], dtype=np.uint8)
#: :func:`near_pairs` scores the plausible pairs one by one up to this many, and falls
#: back to scoring all pairs (by blocks, on every core) above it …
_PLAUSIBLE_MAX = 100_000
#: … or when the pairs of similar length are more than this
_WINDOW_MAX = 4_000_000
#: pairs whose masks are compared at once
_MASK_CHUNK = 1 << 18


def _plausible_pairs(texts: Sequence[str], threshold: float,
                     ) -> tuple[np.ndarray, np.ndarray] | None:
    """The pairs (two index arrays) of ``texts`` that may be ``threshold`` alike, or None
    when there are too many to score one by one (or a text is empty).

    Two texts ``threshold`` alike (Indel) are at most (1 - threshold)(la + lb) insertions
    and deletions apart. So their lengths are within a factor of (2 - threshold) /
    threshold, and the characters one holds and the other lacks are no more than that:
    a 64-bit mask of the characters of each text (a bit a character) counts them from
    below, since every bit set in one mask only stands for characters the other text
    lacks.
    """
    n = len(texts)
    lengths = np.fromiter((len(t) for t in texts), dtype=np.int64, count=n)
    if threshold <= 0 or not lengths.all():
        return None
    order = np.lexsort((np.arange(n), lengths))
    ordered = lengths[order]
    spread = (2 - threshold) / threshold
    ends = np.searchsorted(ordered, ordered * spread * (1 + 1e-12), side="right")
    counts = ends - np.arange(n) - 1
    total = int(counts.sum())
    if total > _WINDOW_MAX:
        return None
    first = np.repeat(np.arange(n), counts)
    second = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts) + first + 1
    points = np.frombuffer("".join(texts).encode("utf-32-le"), dtype=np.uint32)
    with np.errstate(over="ignore"):
        bits = (points.astype(np.uint64) * GOLDEN) >> np.uint64(58)
    masks = np.bitwise_or.reduceat(np.left_shift(np.uint64(1), bits),
                                   np.cumsum(lengths) - lengths)[order]
    kept: list[np.ndarray] = []
    found = 0
    for lo in range(0, total, _MASK_CHUNK):  # (in chunks: a bounded memory)
        a, b = first[lo:lo + _MASK_CHUNK], second[lo:lo + _MASK_CHUNK]
        differ = _POPCOUNT[(masks[a] ^ masks[b]).view(np.uint8).reshape(-1, 8)].sum(
            axis=1, dtype=np.int64)
        kept.append(lo + np.flatnonzero(
            differ <= (1 - threshold) * (ordered[a] + ordered[b]) + 1e-9))
        found += len(kept[-1])
        if found > _PLAUSIBLE_MAX:
            return None
    keep = np.concatenate(kept) if kept else np.zeros(0, dtype=np.int64)
    return order[first[keep]], order[second[keep]]


def _near_pairs_by_blocks(texts: Sequence[str], threshold: float) -> list[tuple[int, int]]:
    """:func:`near_pairs` by scoring every pair: a short list all at once, a long one
    sorted by length and compared block by block, each block with itself and the next
    (lengths further apart than (2 - threshold) / threshold cannot be that alike)."""
    cutoff = threshold * 100
    if len(texts) <= _BLOCKS_ABOVE:
        scores = ratios(texts, texts, cutoff)
        rows, cols = (scores >= cutoff).nonzero()
        return [(int(i), int(j)) for i, j in zip(rows, cols, strict=True) if i < j]
    order = sorted(range(len(texts)), key=lambda i: (len(texts[i]), i))
    lengths = [len(texts[i]) for i in order]
    spread = (2 - threshold) / threshold if threshold > 0 else float("inf")
    starts = [0]
    while starts[-1] < len(order):
        starts.append(bisect_right(lengths, lengths[starts[-1]] * spread, lo=starts[-1] + 1))
    found = []
    for k in range(len(starts) - 1):
        lo, mid = starts[k], starts[k + 1]
        hi = starts[k + 2] if k + 2 < len(starts) else len(order)
        block = [texts[i] for i in order[lo:hi]]
        workers = -1 if (mid - lo) * (hi - lo) > _THREADS_ABOVE ** 2 else 1
        scores = ratios(block[:mid - lo], block, cutoff, workers)
        rows, cols = (scores >= cutoff).nonzero()
        for r, c in zip(rows.tolist(), cols.tolist(), strict=True):
            if r < c:
                a, b = order[lo + r], order[lo + c]
                found.append((a, b) if a < b else (b, a))
    return sorted(found)


def cross_pairs(left: Sequence[str], right: Sequence[str],
                threshold: float) -> list[tuple[float, int, int]]:
    """(similarity, i, j) for every ``left[i]``, ``right[j]`` at least ``threshold`` alike.

    >>> cross_pairs(["我是你得学生"], ["我是你的学生", "今天天气很好"], 0.75)
    [(0.8333, 0, 0)]
    """
    if not left or not right:
        return []
    scores = ratios(left, right, threshold * 100)
    rows, cols = (scores >= threshold * 100).nonzero()
    return [(round(float(scores[i, j]) / 100, 4), int(i), int(j))
            for i, j in zip(rows, cols, strict=True)]


#: two texts whose lengths multiply to more than this are aligned piece by piece, between
#: the stretches both hold once each (:func:`opcodes`): rapidfuzz's alignment of two
#: texts keeps a table of a bit for each pair of characters (80,000 characters each side:
#: 800 MB, 5 s), which this keeps to 64 MB a piece
_WHOLE_CELLS = 1 << 29
#: the length of the stretches those pieces are cut at, and the least tried; and how
#: many times a piece is cut again (each time a pass over it: an input that yields one
#: anchor a pass would take as many passes as it has characters)
_ANCHOR_CHARS = 12
_ANCHOR_LEAST = 3
_ANCHOR_DEPTH = 4


def opcodes(metric: Callable[[str, str], Iterable[Opcode]], a: str, b: str,
            k: int = _ANCHOR_CHARS, depth: int = 0) -> list[Opcode]:
    """``metric(a, b)`` (``Indel.opcodes`` or ``Levenshtein.opcodes``) as a list; for two
    long texts (:data:`_WHOLE_CELLS`), the same made piece by piece: the texts are cut at
    stretches of ``k`` characters that each holds once and in the same order as the
    other (the most of them: a longest increasing run), which are equal, and what lies
    between is aligned so, cut again where still too long (:data:`_ANCHOR_DEPTH` times
    at most). Where two long stretches share no such anchor, shorter ones are looked
    for; where none of 3 characters either, or the cuts go no deeper, the two are cut
    into as many pieces each, in proportion, and piece is aligned with piece. The
    fewest edits between the anchors, not always over the whole: the price of tables
    that fit in memory, on texts with no punctuation (the sentences of a text are
    aligned one by one).

    >>> [op.tag for op in opcodes(Indel.opcodes, "甲乙丙丁", "乙丙戊丁")]
    ['delete', 'equal', 'insert', 'equal']
    """
    if len(a) * len(b) <= _WHOLE_CELLS or not a or not b:
        return list(metric(a, b))
    anchors = _held_alike(a, b, k) if depth < _ANCHOR_DEPTH else []
    if not anchors and k > _ANCHOR_LEAST and depth < _ANCHOR_DEPTH:
        return opcodes(metric, a, b, max(k // 2, _ANCHOR_LEAST), depth)
    out: list[Opcode] = []
    if not anchors:
        pieces = math.ceil(math.sqrt(len(a) * len(b) / _WHOLE_CELLS))
        for n in range(pieces):
            a0, a1 = len(a) * n // pieces, len(a) * (n + 1) // pieces
            b0, b1 = len(b) * n // pieces, len(b) * (n + 1) // pieces
            out += _shifted(list(metric(a[a0:a1], b[b0:b1])), a0, b0)
        return _merged(out)
    ai = bi = 0
    for a_at, b_at in anchors:
        out += _shifted(opcodes(metric, a[ai:a_at], b[bi:b_at], depth=depth + 1), ai, bi)
        out.append(Opcode("equal", a_at, a_at + k, b_at, b_at + k))
        ai, bi = a_at + k, b_at + k
    out += _shifted(opcodes(metric, a[ai:], b[bi:], depth=depth + 1), ai, bi)
    return _merged(out)


def _held_alike(a: str, b: str, k: int) -> list[tuple[int, int]]:
    """(a start, b start) of stretches of ``k`` characters that ``a`` and ``b`` each hold
    once, starting at a multiple of ``k`` in ``a``: the longest run of them in the same
    order in both, each after the last ends."""
    in_a, in_b = _held_once(a, k), _held_once(b, k)
    # (those that start a's stretches of k, one after another: enough anchors, and k
    # times fewer to sort and chain)
    pairs = sorted((i, in_b[gram]) for gram, i in in_a.items() if not i % k and gram in in_b)
    out: list[tuple[int, int]] = []
    for i, j in _increasing(pairs):
        if not out or (i >= out[-1][0] + k and j >= out[-1][1] + k):
            out.append((i, j))
    return out


def _held_once(text: str, k: int) -> dict[str, int]:
    """The stretches of ``k`` characters that ``text`` holds once, and where."""
    first: dict[str, int] = {}
    again: set[str] = set()
    for i in range(len(text) - k + 1):
        gram = text[i:i + k]
        if gram in first:
            again.add(gram)
        else:
            first[gram] = i
    for gram in again:
        del first[gram]
    return first


def _shifted(ops: list[Opcode], ai: int, bi: int) -> list[Opcode]:
    return [Opcode(op.tag, op.src_start + ai, op.src_end + ai, op.dest_start + bi,
                   op.dest_end + bi) for op in ops]


def _merged(ops: list[Opcode]) -> list[Opcode]:
    """Opcodes with each run of ones of the same kind next to each other made one (two
    pieces' alignments meet where one ends in an insertion and the next opens with one)."""
    out: list[Opcode] = []
    for op in ops:
        if out and op.tag == out[-1].tag:
            last = out[-1]
            out[-1] = Opcode(op.tag, last.src_start, op.src_end, last.dest_start, op.dest_end)
        else:
            out.append(op)
    return out


def ratio(a: str, b: str, cutoff: float = 0.0) -> float:
    """``fuzz.ratio(a, b, score_cutoff=cutoff)``: how alike the two are, 0 to 100 (0 below
    ``cutoff``); for two long texts (:data:`_WHOLE_CELLS`), from :func:`indel_distance`,
    which aligns them piece by piece.

    >>> ratio("我是你得学生", "我是你的学生")
    83.33333333333334
    """
    if len(a) * len(b) <= _WHOLE_CELLS:
        return float(fuzz.ratio(a, b, score_cutoff=cutoff))
    if a == b:
        return 100.0
    # (the most two texts of these lengths can share, as rapidfuzz bounds it)
    if 100.0 * 2 * min(len(a), len(b)) / (len(a) + len(b)) < cutoff:
        return 0.0
    score = 100.0 * (1 - indel_distance(a, b) / (len(a) + len(b)))
    return score if score >= cutoff else 0.0


def ratios(left: Sequence[str], right: Sequence[str], cutoff: float = 0.0,
           workers: int = 1) -> np.ndarray:
    """:func:`ratio` of every text of ``left`` with every one of ``right``, as rapidfuzz's
    ``cdist`` gives them (in ``workers`` threads); a pair of long texts is scored by
    :func:`ratio` (the texts longer than the square root of :data:`_WHOLE_CELLS` are
    left out of the ``cdist`` and their pairs scored one by one)."""
    most = math.isqrt(_WHOLE_CELLS)
    long_left = [i for i, text in enumerate(left) if len(text) > most]
    long_right = [j for j, text in enumerate(right) if len(text) > most]
    if not long_left and not long_right:
        scores: np.ndarray = cdist(left, right, scorer=fuzz.ratio, score_cutoff=cutoff,
                                   dtype=None, workers=workers)
        return scores
    scores = cdist([t if len(t) <= most else "" for t in left],
                   [t if len(t) <= most else "" for t in right], scorer=fuzz.ratio,
                   score_cutoff=cutoff, dtype=None, workers=workers)
    for i, j in _long_pairs(left, right, long_left, long_right):
        scores[i, j] = ratio(left[i], right[j], cutoff)
        if left is right:
            scores[j, i] = scores[i, j]
    return scores


def _long_pairs(left: Sequence[str], right: Sequence[str], long_left: list[int],
                long_right: list[int]) -> list[tuple[int, int]]:
    """The pairs (i, j) of ``left`` and ``right`` that hold a long text (of ``long_left``,
    ``long_right``), each once; where the two are one list, with i <= j (the scores are
    the same both ways)."""
    pairs = {(i, j) for i in long_left for j in range(len(right))}
    pairs |= {(i, j) for j in long_right for i in range(len(left))}
    if left is right:
        pairs = {(min(i, j), max(i, j)) for i, j in pairs}
    return sorted(pairs)


def equal_blocks(a: str, b: str) -> list[tuple[int, int, int]]:
    """(a start, a end, b start) of the stretches an alignment of ``a`` and ``b`` (the
    fewest characters added and dropped) finds the same in both, in order.

    >>> equal_blocks("甲乙丙丁", "乙丙戊丁")
    [(1, 3, 0), (3, 4, 3)]
    """
    return [(op.src_start, op.src_end, op.dest_start) for op in opcodes(Indel.opcodes, a, b)
            if op.tag == "equal"]


def distance_sums(texts: Sequence[str], others: Sequence[str]) -> list[int]:
    """For each text, the characters to add and drop to turn it into each of ``others``,
    summed (Indel distance).

    >>> distance_sums(["绿色低碳", "低碳绿色", "绿色低碳"], ["绿色低碳", "低碳绿色"])
    [4, 4, 4]
    """
    if not texts or not others:
        return [0] * len(texts)
    if max(map(len, texts)) * max(map(len, others)) > _WHOLE_CELLS:
        # (long texts: their distances from a piecewise alignment, :func:`indel_distance`)
        return [sum(indel_distance(text, other) for other in others) for text in texts]
    return [int(x) for x in cdist(texts, others, scorer=Indel.distance, dtype=np.int64)
            .sum(axis=1).tolist()]


def similar(a: str, b: str, threshold: float) -> bool:
    """True when ``a`` and ``b`` are at least ``threshold`` alike (normalised Indel).

    >>> similar("我们将一如既往坚持", "我们将一如继往坚持", 0.85)
    True
    """
    return ratio(a, b, threshold * 100) >= threshold * 100


def indel_distance(a: str, b: str) -> int:
    """Characters to delete and insert to turn ``a`` into ``b``.

    >>> indel_distance("大型纪录片今晚播出", "纪录片今晚播出")
    2
    """
    if len(a) * len(b) <= _WHOLE_CELLS:
        return int(Indel.distance(a, b))
    if a == b:
        return 0
    if (len(a), a) > (len(b), b):  # (one order for a pair: the same distance both ways)
        a, b = b, a
    return sum(op.src_end - op.src_start + op.dest_end - op.dest_start
               for op in opcodes(Indel.opcodes, a, b) if op.tag != "equal")


def unmatched(a: str, b: str) -> tuple[str, str]:
    """The characters of ``a`` that ``b`` does not hold in order, and those of ``b`` that
    ``a`` does not, each one after another (what one longest common run leaves of each).

    >>> unmatched("甲乙庚丙丁", "甲乙戊丙丁己")
    ('庚', '戊己')
    """
    ops = opcodes(Indel.opcodes, a, b)
    return ("".join(a[op.src_start:op.src_end] for op in ops if op.tag == "delete"),
            "".join(b[op.dest_start:op.dest_end] for op in ops if op.tag == "insert"))


def held_in(piece: str, text: str) -> float:
    """How much of ``piece`` ``text`` holds as one passage: the similarity of ``piece`` to
    the stretch of ``text`` most like it (0 when ``text`` is the shorter).

    >>> held_in("春节期间快递员坚守岗位", "这个春节。春节期间快递员坚守岗位。春节假期")
    1.0
    """
    return float(fuzz.partial_ratio(piece, text)) / 100.0 if len(piece) <= len(text) else 0.0


def _gain(similarity: float, length: int) -> float:
    """Score of aligning text of total ``length`` at ``similarity``: matched characters,
    less a share of the unmatched ones (so an unrelated sentence is not pulled in)."""
    matched = similarity * length / 2
    return matched - _UNMATCHED_COST * (length - 2 * matched)


def _anchors(a_str: Sequence[str], b_str: Sequence[str]) -> list[tuple[int, int]]:
    """Sentences that occur exactly once in A and once in B, in an order both agree on
    (the longest increasing run of their positions in B)."""
    count_a: dict[str, int] = {}
    count_b: dict[str, int] = {}
    for s in a_str:
        count_a[s] = count_a.get(s, 0) + 1
    where_b: dict[str, int] = {}
    for j, s in enumerate(b_str):
        count_b[s] = count_b.get(s, 0) + 1
        where_b[s] = j
    pairs = [(i, where_b[s]) for i, s in enumerate(a_str)
             if count_a[s] == 1 and count_b.get(s) == 1]
    return _increasing(pairs)


def _increasing(pairs: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest run of ``pairs`` (in order of their first members) whose second members
    increase too (patience sorting: the smallest last member of a run of each length, and
    a link back from each pair to the one before it in its run).

    >>> _increasing([(0, 3), (1, 1), (2, 2), (3, 0), (4, 5)])
    [(1, 1), (2, 2), (4, 5)]
    """
    tails: list[int] = []
    tail_at: list[int] = []
    back: list[int] = [-1] * len(pairs)
    for k, (_, j) in enumerate(pairs):
        at = bisect_left(tails, j)
        back[k] = tail_at[at - 1] if at else -1
        if at == len(tails):
            tails.append(j)
            tail_at.append(k)
        else:
            tails[at] = j
            tail_at[at] = k
    chain: list[tuple[int, int]] = []
    k = tail_at[-1] if tail_at else -1
    while k >= 0:
        chain.append(pairs[k])
        k = back[k]
    return chain[::-1]


def _align_sentences(a_text: str, b_text: str, sa: Sequence[tuple[int, int]],
                     sb: Sequence[tuple[int, int]], threshold: float,
                     ) -> list[tuple[int, int, int, int]]:
    """Monotone many-to-one sentence alignment maximising the matched characters.

    Returns matched groups (i0, i1, j0, j1): A sentences i0..i1-1 with B's j0..j1-1.
    Long units are first cut at anchors (sentences found once, unchanged, on both sides)
    so the quadratic alignment only runs between them.
    """
    if len(sa) * len(sb) > _ANCHOR_ABOVE:
        a_str = [a_text[s:e] for s, e in sa]
        b_str = [b_text[s:e] for s, e in sb]
        groups: list[tuple[int, int, int, int]] = []
        pi = pj = 0
        for i, j in [*_anchors(a_str, b_str), (len(sa), len(sb))]:
            groups += _align_between(a_text, b_text, sa, sb, (pi, i, pj, j), threshold,
                                     a_str, b_str)
            if i < len(sa):
                groups.append((i, i + 1, j, j + 1))
            pi, pj = i + 1, j + 1
        return groups
    return _align_span(a_text, b_text, sa, sb, threshold)


def _align_between(a_text: str, b_text: str, sa: Sequence[tuple[int, int]],
                   sb: Sequence[tuple[int, int]], stretch: tuple[int, int, int, int],
                   threshold: float, a_str: Sequence[str], b_str: Sequence[str],
                   ) -> list[tuple[int, int, int, int]]:
    """:func:`_align_span` over A's sentences ``i0..i1-1`` and B's ``j0..j1-1``
    (``stretch``). A stretch too large for the quadratic programme (a text that repeats
    itself, so that few sentences are found once) is first cut at the sentences both
    hold unchanged in one order (their longest common run, repeats included); what is
    still too large between two of those is aligned in pieces along its diagonal."""
    i0, i1, j0, j1 = stretch

    def span(a0: int, a1: int, b0: int, b1: int) -> list[tuple[int, int, int, int]]:
        # (a stretch still too large, with no sentence unchanged: aligned in pieces along
        # its diagonal, each small enough)
        pieces = max(1, math.isqrt((a1 - a0) * (b1 - b0) // _SPAN_CELLS) + 1) \
            if (a1 - a0) * (b1 - b0) > _SPAN_CELLS else 1
        out = []
        for k in range(pieces):
            x0, x1 = a0 + (a1 - a0) * k // pieces, a0 + (a1 - a0) * (k + 1) // pieces
            y0, y1 = b0 + (b1 - b0) * k // pieces, b0 + (b1 - b0) * (k + 1) // pieces
            out += [(p0 + x0, p1 + x0, q0 + y0, q1 + y0) for p0, p1, q0, q1 in
                    _align_span(a_text, b_text, sa[x0:x1], sb[y0:y1], threshold)]
        return out

    if (i1 - i0) * (j1 - j0) <= _SPAN_CELLS:
        return span(i0, i1, j0, j1)
    out: list[tuple[int, int, int, int]] = []
    qi, qj = i0, j0
    for op in Indel.opcodes(a_str[i0:i1], b_str[j0:j1]):
        if op.tag != "equal":
            continue
        for k in range(op.src_end - op.src_start):
            i, j = i0 + op.src_start + k, j0 + op.dest_start + k
            out += span(qi, i, qj, j)
            out.append((i, i + 1, j, j + 1))
            qi, qj = i + 1, j + 1
    return out + span(qi, i1, qj, j1)


def _align_span(a_text: str, b_text: str, sa: Sequence[tuple[int, int]],
                sb: Sequence[tuple[int, int]], threshold: float,
                ) -> list[tuple[int, int, int, int]]:
    """The dynamic programme of :func:`_align_sentences` over one stretch."""
    n, m = len(sa), len(sb)
    if not n or not m:
        return []
    a_str = [a_text[s:e] for s, e in sa]
    b_str = [b_text[s:e] for s, e in sb]
    scores = ratios(a_str, b_str) / 100.0
    single = scores.tolist()
    # hints[(di, dj)][i - di][j - dj]: some sentence pair of the group ending at (i, j) is
    # alike enough to try the group; active[i][j]: some diagonal move is worth trying there
    hints: dict[tuple[int, int], list[list[bool]]] = {}
    active = np.zeros((n + 1, m + 1), dtype=bool)
    active[1:, 1:] = scores >= threshold
    for di, dj in _GROUP_SHAPES:
        if di > n or dj > m:
            continue
        window = np.zeros((n - di + 1, m - dj + 1))
        for r in range(di):
            for c in range(dj):
                np.maximum(window, scores[r:n - di + 1 + r, c:m - dj + 1 + c], out=window)
        hint = window >= _GROUP_HINT
        active[di:, dj:] |= hint
        hints[(di, dj)] = hint.tolist()
    live = active.tolist()
    neg = -1.0
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int, bool]]] = [[(0, 0, False)] * (m + 1) for _ in range(n + 1)]
    for i in range(n + 1):
        for j in range(m + 1):
            if i == 0 and j == 0:
                continue
            top, move = neg, (0, 0, False)
            if i and best[i - 1][j] > top:
                top, move = best[i - 1][j], (1, 0, False)
            if j and best[i][j - 1] > top:
                top, move = best[i][j - 1], (0, 1, False)
            if live[i][j]:
                sim = single[i - 1][j - 1]
                if sim >= threshold:
                    gain = _gain(sim, len(a_str[i - 1]) + len(b_str[j - 1]))
                    if best[i - 1][j - 1] + gain > top:
                        top, move = best[i - 1][j - 1] + gain, (1, 1, True)
                for di, dj in _GROUP_SHAPES:
                    if di > i or dj > j or not hints[(di, dj)][i - di][j - dj]:
                        continue
                    left = a_text[sa[i - di][0]:sa[i - 1][1]]
                    right = b_text[sb[j - dj][0]:sb[j - 1][1]]
                    if 2 * min(len(left), len(right)) < threshold * (len(left) + len(right)):
                        continue
                    sim = _ratio(left, right)
                    if sim >= threshold:
                        gain = _gain(sim, len(left) + len(right))
                        if best[i - di][j - dj] + gain > top + 1e-9:
                            top, move = best[i - di][j - dj] + gain, (di, dj, True)
            best[i][j] = top
            back[i][j] = move
    groups = []
    i, j = n, m
    while i or j:
        di, dj, matched = back[i][j]
        if matched:
            groups.append((i - di, i, j - dj, j))
        i, j = i - di, j - dj
    groups.reverse()
    return groups


def _char_edits(a_text: str, b_text: str, a0: int, a1: int, b0: int, b1: int,
                equal: list[Edit] | None = None) -> list[Edit]:
    """The character edits between two aligned stretches; their equal runs go to
    ``equal`` when it is given."""
    edits = []
    a, b = a_text[a0:a1], b_text[b0:b1]
    found = opcodes(Levenshtein.opcodes, a, b)
    # (where replacing character for character would leave a long run of the two texts
    # unmatched, 长期执政的…政党、怎样建设…课题 / 长建设…课题，提出…: the most characters matched;
    # not for words matched by chance inside a rewritten clause, 社会主义)
    matched = sum(op.src_end - op.src_start for op in found if op.tag == "equal")
    if len(a) + len(b) - 2 * matched > _REMATCH_MIN:
        most = opcodes(Indel.opcodes, a, b)
        if sum(op.src_end - op.src_start for op in most if op.tag == "equal") \
                >= matched + _REMATCH_MIN and _new_run(found, most) >= _REMATCH_MIN:
            found = most
    ops = [Edit(op.tag, a0 + op.src_start, a0 + op.src_end, b0 + op.dest_start,
                b0 + op.dest_end) for op in found]
    for edit in _one_block(ops, a_text, b_text):
        if edit.tag != "equal":
            edits.append(edit)
        elif equal is not None:
            equal.append(edit)
    return edits


def char_edits(a_text: str, b_text: str) -> list[Edit]:
    """The character edits between two short texts read as one stretch (two labels'
    names), with no sentence of either left unaligned.

    >>> char_edits("中央广播电视总台央视记者", "记者")
    [Edit(tag='delete', a_start=0, a_end=10, b_start=0, b_end=0)]
    """
    return _char_edits(a_text, b_text, 0, len(a_text), 0, len(b_text))


def _new_run(first: Sequence[Opcode], second: Sequence[Opcode]) -> int:
    """The longest run of characters that ``second`` matches and ``first`` does not match
    so (the same character of B)."""
    pairs = {op.src_start + k: op.dest_start + k for op in first if op.tag == "equal"
             for k in range(op.src_end - op.src_start)}
    longest = 0
    for op in second:
        if op.tag != "equal":
            continue
        run = 0
        for k in range(op.src_end - op.src_start):
            run = 0 if pairs.get(op.src_start + k) == op.dest_start + k else run + 1
            longest = max(longest, run)
    return longest


#: characters matched by the alignment that matches the most (:class:`Indel`) and not by
#: the one that replaces character for character (:class:`Levenshtein`) for the first to
#: be taken; and the length of the longest run it matches
_REMATCH_MIN = 8
#: a run of at most this many equal characters between two deletions (or insertions) …
_STRAY_EQUAL = 2
#: … that are this long together is a character matched by chance inside the block
_STRAY_BLOCK = 10


def _one_block(ops: list[Edit], a_text: str, b_text: str) -> list[Edit]:
    """Opcodes with a character or two matched by chance inside a block left out (or
    added) taken into it: a paragraph dropped whose 12项 shares its 2 with the 2024 that
    follows is one deletion, not two with the 2 between them.

    >>> a, b = "行为。甲乙丙丁12项戊己庚辛。2024年", "行为。2024年"
    >>> [(e.tag, a[e.a_start:e.a_end]) for e in _one_block(
    ...     [Edit("equal", 0, 3, 0, 3), Edit("delete", 3, 8, 3, 3), Edit("equal", 8, 9, 3, 4),
    ...      Edit("delete", 9, 16, 4, 4), Edit("equal", 16, 21, 4, 9)], a, b)]
    [('equal', '行为。'), ('delete', '甲乙丙丁12项戊己庚辛。'), ('equal', '2'), ('equal', '024年')]
    """
    out = list(ops)
    k = 1
    while k + 1 < len(out):
        left, mid, right = out[k - 1], out[k], out[k + 1]
        if mid.tag == "equal" and mid.a_end - mid.a_start <= _STRAY_EQUAL \
                and left.tag == right.tag and left.tag in ("delete", "insert") \
                and max(left.a_end - left.a_start + right.a_end - right.a_start,
                        left.b_end - left.b_start + right.b_end - right.b_start) >= _STRAY_BLOCK:
            kept = b_text[mid.b_start:mid.b_end] if left.tag == "delete" \
                else a_text[mid.a_start:mid.a_end]
            n = len(kept)
            if left.tag == "delete" and a_text[left.a_start:right.a_end].endswith(kept):
                block = [Edit("delete", left.a_start, right.a_end - n, left.b_start, left.b_start),
                         Edit("equal", right.a_end - n, right.a_end, left.b_start, mid.b_end)]
            elif left.tag == "insert" and b_text[left.b_start:right.b_end].endswith(kept):
                block = [Edit("insert", left.a_start, left.a_start, left.b_start, right.b_end - n),
                         Edit("equal", left.a_start, mid.a_end, right.b_end - n, right.b_end)]
            else:
                k += 1
                continue
            out[k - 1:k + 2] = block
            continue
        k += 1
    return out


def align(a_text: str, b_text: str, sentence_threshold: float = 0.5,
          move_threshold: float = 0.8, equal: list[Edit] | None = None) -> list[Edit]:
    """Edits turning ``a_text`` into ``b_text``, ordered by position in A then B; the runs
    of equal characters within the aligned stretches go to ``equal`` when it is given.

    >>> align("积极回援，向美方捐赠。", "积极回报，向美方捐赠。")
    [Edit(tag='replace', a_start=3, a_end=4, b_start=3, b_end=4)]
    >>> [e.tag for e in align("甲乙丙丁戊己庚。子丑寅卯辰巳。", "甲乙丙丁戊己庚。")]
    ['omit']
    """
    if a_text == b_text:
        if equal is not None:
            equal.append(Edit("equal", 0, len(a_text), 0, len(b_text)))
        return []
    # sentences are matched on their width-folded forms (a line set in full-width digits
    # and letters matches its half-width copy, as one width reading), one character for
    # one, so that offsets stay those of the texts
    a_key, b_key = fold_width(a_text), fold_width(b_text)
    found = sentences(a_text), sentences(b_text)
    sa, sb = _spans(a_text, b_text, *found), _spans(b_text, a_text, *found[::-1])
    groups = _with_held(_align_sentences(a_key, b_key, sa, sb, sentence_threshold),
                        a_key, b_key, sa, sb)
    edits: list[Edit] = []
    gaps: list[tuple[list[int], list[int], int, int]] = []  # (A idx, B idx, a_pos, b_pos)
    pi = pj = 0
    for i0, i1, j0, j1 in [*groups, (len(sa), len(sa), len(sb), len(sb))]:
        ga, gb = list(range(pi, i0)), list(range(pj, j0))
        a_pos = sa[i0][0] if i0 < len(sa) else len(a_text)
        b_pos = sb[j0][0] if j0 < len(sb) else len(b_text)
        if ga and gb:
            left = a_key[sa[ga[0]][0]:sa[ga[-1]][1]]
            right = b_key[sb[gb[0]][0]:sb[gb[-1]][1]]
            # (as alike as the two read with their numbers in figures: a date in words)
            if _ratio(left, right) >= _GAP_SIMILARITY or (
                    numbers_apart(left, right, *(folded := (to_arabic(left), to_arabic(right))))
                    and _ratio(*folded) >= _GAP_SIMILARITY):
                edits.extend(_char_edits(a_text, b_text, sa[ga[0]][0], sa[ga[-1]][1],
                                         sb[gb[0]][0], sb[gb[-1]][1], equal))
                ga, gb = [], []
        # (a sentence that one side holds inside a much longer one: aligned with it, the
        # others of the stretch left over)
        for i, j in _held_pairs(a_key, b_key, sa, sb, ga, gb):
            before_a, before_b = [x for x in ga if x < i], [y for y in gb if y < j]
            if before_a or before_b:
                gaps.append((before_a, before_b, sa[i][0], sb[j][0]))
            edits.extend(_char_edits(a_text, b_text, *sa[i], *sb[j], equal))
            ga, gb = [x for x in ga if x > i], [y for y in gb if y > j]
        if gb and not ga and gb[0] == pj:
            a_pos = _run_on_place(a_text, sa, pi - 1, a_pos, b_text, sb, gb)
        elif ga and not gb and ga[0] == pi:
            b_pos = _run_on_place(b_text, sb, pj - 1, b_pos, a_text, sa, ga)
        if ga or gb:
            gaps.append((ga, gb, a_pos, b_pos))
        if i0 < i1:
            edits.extend(_char_edits(a_text, b_text, sa[i0][0], sa[i1 - 1][1],
                                     sb[j0][0], sb[j1 - 1][1], equal))
        pi, pj = i1, j1
    edits.extend(_blocks((a_text, a_key), (b_text, b_key), sa, sb, gaps, move_threshold,
                         equal))
    edits.extend(_breaks(a_text, b_text, sa, sb, groups))
    edits.sort(key=lambda e: (e.a_start, e.b_start, e.a_end, e.b_end))
    return edits


def _breaks(a_text: str, b_text: str, sa: Sequence[tuple[int, int]],
            sb: Sequence[tuple[int, int]], groups: list[tuple[int, int, int, int]],
            ) -> list[Edit]:
    """The white space between two aligned sentence groups that follow each other on both
    sides, where the copies set it differently: a paragraph break one copy makes and the
    other does not (a ``whitespace`` reading).

    >>> a, b = "甲。乙。", "甲。\\n乙。"
    >>> _breaks(a, b, [(0, 2), (2, 4)], [(0, 2), (3, 5)], [(0, 1, 0, 1), (1, 2, 1, 2)])
    [Edit(tag='insert', a_start=2, a_end=2, b_start=2, b_end=3)]
    """
    out = []
    for (_, i1, _, j1), (i0, _, j0, _) in itertools.pairwise(groups):
        if i0 != i1 or j0 != j1:
            continue
        a0, a1, b0, b1 = sa[i1 - 1][1], sa[i0][0], sb[j1 - 1][1], sb[j0][0]
        if a_text[a0:a1] != b_text[b0:b1]:
            tag = "replace" if a1 > a0 and b1 > b0 else "insert" if b1 > b0 else "delete"
            out.append(Edit(tag, a0, a1, b0, b1))
    return out


def _run_on_place(text: str, spans: Sequence[tuple[int, int]], last: int, pos: int,
                  other: str, other_spans: Sequence[tuple[int, int]], run: list[int]) -> int:
    """Where in ``text`` the sentences ``run`` of ``other`` go, which ``text`` leaves out
    after its sentence ``last``: at ``pos`` (the start of its next sentence), but for
    sentences ``other`` runs on from the one before and ends a paragraph with, where
    ``text`` ends a paragraph after ``last``: they close that paragraph, at its end.

    >>> a, b = "作用。\\n动力。", "作用。比如。\\n动力。"
    >>> _run_on_place(a, [(0, 3), (4, 7)], 0, 4, b, [(0, 3), (3, 6), (7, 10)], [1])
    3
    >>> b = "作用。\\n比如。动力。"
    >>> _run_on_place(a, [(0, 3), (4, 7)], 0, 4, b, [(0, 3), (4, 7), (7, 10)], [1])
    4
    """
    if last < 0 or not run[0]:
        return pos
    end = spans[last][1]
    after = other_spans[run[-1] + 1][0] if run[-1] + 1 < len(other_spans) else len(other)
    if "\n" in text[end:pos] and "\n" not in other[other_spans[run[0] - 1][1]:
                                                     other_spans[run[0]][0]] \
            and "\n" in other[other_spans[run[-1]][1]:after]:
        return end
    return pos


def _with_held(groups: list[tuple[int, int, int, int]], a_key: str, b_key: str,
               sa: Sequence[tuple[int, int]], sb: Sequence[tuple[int, int]],
               ) -> list[tuple[int, int, int, int]]:
    """Sentence ``groups`` (i0, i1, j0, j1) each widened by the unmatched sentences right
    before or after it that the other side's text of the group holds (at its start or
    its end: :data:`_HELD_SHARE` of the sentence, ``_HELD_MIN`` characters at least, no
    full stop at its end), where the other side has no unmatched sentence there. A copy
    that runs headings and paragraphs into one long line holds a heading of the other
    copy in a sentence the sentence match took with only the paragraphs after it (at
    most ``_MAX_GROUP`` sentences)."""
    out = [list(g) for g in groups]
    for n, g in enumerate(out):
        for side, (own, other) in enumerate(((sa, sb), (sb, sa))):
            lo, hi = (0, 1) if side == 0 else (2, 3)
            olo, ohi = (2, 3) if side == 0 else (0, 1)
            key, other_key = (a_key, b_key) if side == 0 else (b_key, a_key)
            text = other_key[other[g[olo]][0]:other[g[ohi] - 1][1]]
            # (before the group, down to the group before; the other side's gap empty)
            floor = out[n - 1][hi] if n else 0
            other_floor = out[n - 1][ohi] if n else 0
            while g[lo] > floor and g[olo] == other_floor and (_held_at(
                    key[own[g[lo] - 1][0]:own[g[lo] - 1][1]], text, start=True)
                    or _nearer(key[own[g[lo] - 1][0]:own[g[hi] - 1][1]],
                               key[own[g[lo]][0]:own[g[hi] - 1][1]], text)):
                g[lo] -= 1
            ceil = out[n + 1][lo] if n + 1 < len(out) else len(own)
            other_ceil = out[n + 1][olo] if n + 1 < len(out) else len(other)
            while g[hi] < ceil and g[ohi] == other_ceil and (_held_at(
                    key[own[g[hi]][0]:own[g[hi]][1]], text, start=False)
                    or _nearer(key[own[g[lo]][0]:own[g[hi]][1]],
                               key[own[g[lo]][0]:own[g[hi] - 1][1]], text)):
                g[hi] += 1
    return [(g[0], g[1], g[2], g[3]) for g in out]


def _nearer(wider: str, group: str, text: str) -> bool:
    """A group's sentences with the next one unmatched beside them (``wider``) read much
    nearer the other side's ``text`` than without it (``group``): the other side runs
    that sentence on in one of its own, its end mark another (白日依山尽。…更上一层楼。 /
    白日依山尽，…，更上一层楼。), so that the sentence is not read as left out and put
    back.

    >>> _nearer("欲穷千里目。更上一层楼。", "欲穷千里目。", "欲穷千里目，更上一层楼。")
    True
    >>> _nearer("欲穷千里目。更上一层楼。", "欲穷千里目。", "欲穷千里目。")
    False
    """
    return _ratio(wider, text) >= _ratio(group, text) + _NEARER


def _held_at(sentence: str, text: str, start: bool) -> bool:
    """``sentence`` stands nearly whole in ``text``, in its first half (``start``) or its
    last.

    >>> _held_at("教育部部署清理整治12项", "教育部部署清理整治12项行动今年活动周的主题是", True)
    True
    """
    if len(sentence) < _HELD_MIN or len(sentence) >= len(text) or len(text) > _HELD_LONG \
            or sentence.rstrip()[-1:] in _SENTENCE_END:
        return False  # (a heading, no sentence a copy repeats: it ends with no full stop)
    found = fuzz.partial_ratio_alignment(sentence, text, score_cutoff=_HELD_SHARE * 100)
    if found is None:
        return False
    middle = (found.dest_start + found.dest_end) / 2
    return middle < len(text) / 2 if start else middle >= len(text) / 2


def _held_pairs(a_key: str, b_key: str, sa: Sequence[tuple[int, int]],
                sb: Sequence[tuple[int, int]], ga: Sequence[int], gb: Sequence[int],
                ) -> list[tuple[int, int]]:
    """Pairs (A sentence, B sentence) of two unmatched runs, in order, where the shorter
    sentence (``_HELD_MIN`` characters at least) stands nearly whole inside the longer
    (``_HELD_SHARE`` of it, by :func:`rapidfuzz.fuzz.partial_ratio`), which it is too
    short a part of for the sentence match: a clause a new edition made part of a longer
    article. The best held first.

    >>> a, b = "（五）没有采取措施防止货物脱落的。", "经营者招揽货物或者没有采取措施防止货物脱落的，处罚款。"
    >>> _held_pairs(a, b, [(0, len(a))], [(0, len(b))], [0], [0])
    [(0, 0)]
    """
    if not ga or not gb or len(ga) * len(gb) > _HELD_CELLS:
        return []
    scored = []
    for i in ga:
        a = a_key[sa[i][0]:sa[i][1]]
        for j in gb:
            b = b_key[sb[j][0]:sb[j][1]]
            short, long = (a, b) if len(a) <= len(b) else (b, a)
            if len(short) >= _HELD_MIN and len(long) <= _HELD_LONG:
                score = fuzz.partial_ratio(short, long) / 100.0
                if score >= _HELD_SHARE:
                    scored.append((-score, i, j))
    out: list[tuple[int, int]] = []
    for _, i, j in sorted(scored):
        if all((i < x) == (j < y) and i != x and j != y for x, y in out):
            out.append((i, j))
    return sorted(out)


#: a sentence held inside a longer one is at least this long …
_HELD_MIN = 8
#: a group of sentences takes in the unmatched one beside it where that makes it this
#: much nearer the other side (:func:`_nearer`)
_NEARER = 0.1
#: … and this much of it is in the longer one
_HELD_SHARE = 0.75
#: unmatched runs of more sentence pairs than this are not searched for one held so
_HELD_CELLS = 400
#: nor sentences (texts) longer than this (the search grows with the square of the length)
_HELD_LONG = 500


def _runs(indices: list[int]) -> list[list[int]]:
    runs: list[list[int]] = []
    for k in indices:
        if runs and runs[-1][-1] == k - 1:
            runs[-1].append(k)
        else:
            runs.append([k])
    return runs


def _blocks(a: tuple[str, str], b: tuple[str, str], sa: Sequence[tuple[int, int]],
            sb: Sequence[tuple[int, int]], gaps: list[tuple[list[int], list[int], int, int]],
            move_threshold: float, equal: list[Edit] | None = None) -> list[Edit]:
    """Omitted and added sentence runs; a run found on both sides (compared in the
    width-folded forms, ``a`` and ``b`` each a text and that form) is a move."""
    (a_text, a_key), (b_text, b_key) = a, b
    omitted = [(run, b_pos) for ga, _, _, b_pos in gaps for run in _runs(ga)]
    added = [(run, a_pos) for _, gb, a_pos, _ in gaps for run in _runs(gb)]
    edits = []
    taken: set[int] = set()
    for run, b_pos in omitted:
        a0, a1 = sa[run[0]][0], sa[run[-1]][1]
        partner = None
        for k, (brun, _) in enumerate(added):
            if k in taken:
                continue
            b0, b1 = sb[brun[0]][0], sb[brun[-1]][1]
            if _ratio(a_key[a0:a1], b_key[b0:b1]) >= move_threshold:
                partner = k
                break
        if partner is None:
            edits.append(Edit("omit", a0, a1, b_pos, b_pos))
        else:
            taken.add(partner)
            brun = added[partner][0]
            b0, b1 = sb[brun[0]][0], sb[brun[-1]][1]
            edits.append(Edit("move", a0, a1, b0, b1))
            edits.extend(_char_edits(a_text, b_text, a0, a1, b0, b1, equal))
    for k, (brun, a_pos) in enumerate(added):
        if k not in taken:
            edits.append(Edit("add", a_pos, a_pos, sb[brun[0]][0], sb[brun[-1]][1]))
    return edits
