"""Pair the units of two documents: LSH candidates, exact verification, one-to-one matching."""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from .align import cross_pairs, equal_blocks, indel_distance, sentences
from .chars import match_key, numbers_apart, to_arabic
from .config import Config
from .fingerprint import Fingerprints, candidates, fingerprint_keys, overlap
from .script import to_simplified
from .segment import CONTENT_KINDS, Unit, dated, is_page_mark

#: units shorter than this (match-key characters), from SHORT_MIN on, are also compared
#: character by character, since one changed character costs a short unit most of its
#: shingles
_SHORT_MAX = 40
SHORT_MIN = 4
#: two units that are the only ones left unpaired in one place are compared from this many
_LONE_MIN = 3
#: the character-level check runs when there are at most this many short-unit pairs
SHORT_PAIRS = 4_000_000

#: two Q&A turns asking the same question of at least this many characters pair even
#: when one copy abridged the answer below the shingle rule, ranked after every pair the
#: rule makes (their score weighted so)
_QUESTION_MIN = 8
_QUESTION_WEIGHT = 0.49

#: a candidate pair: (-rank score, rank gap, unit of A, unit of B, Jaccard, containment,
#: the similarity shown)
_Candidate = tuple[float, float, int, int, float, float, float]

#: two headings pair when their match keys differ in length by at most this many
#: characters and are ``short_threshold`` alike: a headline with a character or a word
#: changed (…举行公开听证 / …举行基础设施听证); of different lengths, only when they
#: open and close with the same :data:`HEADING_ENDS` characters. A reworded one stays
#: unpaired, and so does one line of a heading a copy sets on two (国务委员兼外交部长王毅
#: / 就中国外交政策…): the two lines pair together, and only between copies
HEADING_LENGTH_GAP = 3
HEADING_ENDS = 2
#: the number of a chapter, section or article (第十二章, 第3节), which headings are
#: matched without
_ORDINAL = re.compile(r"第[〇零一二三四五六七八九十百千万两0-9]+(?=[章节条编篇部款卷回])")

#: kinds that may pair with each other
FAMILY = {"qa": "qa", "speech": "prose", "text": "prose"}
#: the kinds of units that pair where both copies leave them unpaired in one place
_SLOT_KINDS = CONTENT_KINDS | {"heading"}
#: two turns a reporter of the same outlet opens, left unpaired in one place, pair from
#: this similarity (an answer a reprint cut by half, a question it added to) ...
_LABELLED_SLOT = 0.4
#: ... when the shorter, label aside, has this share of its characters in the longer
_LABELLED_HELD = 0.6


def _family(unit: Unit) -> str:
    return FAMILY.get(unit.kind, unit.kind)


def _same_asker(a: Unit, b: Unit, a_key: str, b_key: str) -> bool:
    """Two question-and-answer turns that a reporter of one outlet opens with one question:
    of the shorter question, and of the shorter turn, ``_LABELLED_HELD`` of the characters
    stand in the longer, in order (their match keys, ``a_key`` and ``b_key`` for the
    turns in simplified characters, the label taken off; a traditional copy's label is
    the same label).

    >>> def turn(text: str) -> Unit:
    ...     return Unit("u1", "qa", "路透社记者", "王毅", ((0, 1),), (False,), text, 1, 1)
    >>> a = "路透社记者：谈谈疫苗？" + chr(10) + "王毅：疫苗是公共产品。"
    >>> b = a.replace("疫苗？", "气候？")
    >>> c = a + "应当服务全世界。"
    >>> _same_asker(turn(a), turn(c), match_key(a), match_key(c))
    True
    >>> _same_asker(turn(a), turn(b), match_key(a), match_key(b))
    False
    """
    if not (a.kind == b.kind == "qa" and a.label is not None and b.label is not None
            and to_simplified(a.label) == to_simplified(b.label)):
        return False
    label = match_key(to_simplified(a.label))
    return _mostly_held(a_key.removeprefix(label), b_key.removeprefix(label)) \
        and _mostly_held(_asked_key(a.text.split("\n", 1)[0], a.label),
                         _asked_key(b.text.split("\n", 1)[0], b.label))


def _mostly_held(x: str, y: str) -> bool:
    """Of the shorter of ``x`` and ``y`` (neither empty), ``_LABELLED_HELD`` of the
    characters stand in the longer, in order."""
    common = (len(x) + len(y) - indel_distance(x, y)) // 2
    return min(len(x), len(y)) > 0 and common >= _LABELLED_HELD * min(len(x), len(y))


def _ask_alike(a: Unit, b: Unit) -> bool:
    """:func:`ask_alike` of two units."""
    return a.kind != "qa" or b.kind != "qa" or ask_alike(a.text, a.label, b.text, b.label)


def ask_alike(a_text: str, a_label: str | None, b_text: str, b_label: str | None) -> bool:
    """Two question-and-answer turns (texts and questions' labels) ask the same question:
    of the shorter question, its label aside, ``_LABELLED_HELD`` of the characters stand
    in the longer, in order (or a question is too short to tell). Two turns answered with
    the same stock sentences (中方在台湾问题上的立场是一贯的…) are alike as wholes, and
    may stand in one place of two transcripts, but a turn is the question it answers.

    >>> answer = chr(10) + "汪文斌：中方的立场是一贯的、明确的。"
    >>> a = "法新社记者：美国国会众议院近日通过所谓法案，中方如何回应？" + answer
    >>> b = "路透社记者：据报道，台湾地区领导人计划近期过境美国，有何评论？" + answer
    >>> c = "路透社记者：美国国会众议院通过所谓法案，中方如何回应？" + answer
    >>> ask_alike(a, "法新社记者", b, "路透社记者"), ask_alike(a, "法新社记者", c, "路透社记者")
    (False, True)
    """
    x, y = (_asked_key(text.split("\n", 1)[0], label)
            for text, label in ((a_text, a_label), (b_text, b_label)))
    # (a question too short to tell, 问：?, asks alike)
    return min(len(x), len(y)) < _QUESTION_MIN or _mostly_held(x, y)


@lru_cache(maxsize=4096)
def _asked_key(line: str, label: str | None) -> str:
    """The match key of a turn's first paragraph ``line``, in simplified characters, its
    ``label`` taken off (a turn is weighed against many in ``cluster``)."""
    return match_key(to_simplified(line)).removeprefix(match_key(to_simplified(label or "")))


def _share_a_sentence(a: Unit, b: Unit) -> bool:
    """Two paragraphs (not headings, not questions and answers) share a sentence of
    ``_SHARED_SENTENCE`` characters at least, word for word (their match keys in
    simplified characters): an article one edition rewrote in part, a sentence left out
    and another added, the only unit each copy leaves unpaired in one place
    (``_LABELLED_SLOT`` alike at least).

    >>> def unit(text: str) -> Unit:
    ...     return Unit("u1", "text", None, None, ((0, 1),), (False,), text, 1, 1)
    >>> _share_a_sentence(unit("第九条妇女享有平等的继承权。不得歧视妇女。"),
    ...                   unit("第九条妇女享有平等的继承权。另一句。"))
    True
    """
    if {a.kind, b.kind} & {"heading", "qa"}:
        return False  # (a question and its answer pair by who asks what: _same_asker)

    def keys(unit: Unit) -> set[str]:
        text = to_simplified(unit.text)
        return {key for s, e in sentences(text)
                if len(key := match_key(text[s:e])) >= _SHARED_SENTENCE}

    return bool(keys(a) & keys(b))


#: the fewest characters of a sentence two paragraphs share for :func:`_share_a_sentence`
_SHARED_SENTENCE = 8


def _dated_lines(a: Unit, b: Unit, a_key: str, b_key: str) -> bool:
    """``a`` and ``b`` are lines of an edition's history (dated, a heading or a paragraph
    of one line) and one is the other with a stretch added, at its end too (…会议通过 /
    …会议通过的《关于修改部分地方性法规的决定》修正): the same entry, whichever way
    each copy sets it."""
    if not {a.kind, b.kind} <= {"heading", "text"} or "\n" in a.text or "\n" in b.text \
            or not (dated(a_key) and dated(b_key)):
        return False
    short, long = sorted((a_key, b_key), key=len)
    return long.startswith(short) or _one_stretch_apart(short, long)


def _one_stretch_apart(a: str, b: str) -> bool:
    """The longer of ``a`` and ``b`` is the shorter with one stretch added inside (not at
    an end: what a line break cut off a heading set in two is at an end).

    >>> _one_stretch_apart("会议修订", "会议第一次修订"), _one_stretch_apart("答记者问", "回答记者提问")
    (True, False)
    >>> _one_stretch_apart("外交部长王毅就外交政策答问", "就外交政策答问")
    False
    """
    short, long = sorted((a, b), key=len)
    head = sum(1 for _ in itertools.takewhile(lambda xy: xy[0] == xy[1],
                                              zip(short, long, strict=False)))
    tail = sum(1 for _ in itertools.takewhile(lambda xy: xy[0] == xy[1],
                                              zip(short[head:][::-1], long[::-1], strict=False)))
    return len(short) < len(long) and head + tail >= len(short) and head > 0 and tail > 0


@dataclass(frozen=True)
class Match:
    """Unit ``a`` of the first document is the same passage as unit ``b`` of the second."""

    a: int
    b: int
    similarity: float
    jaccard: float
    containment: float


def judge(shared: int, size_a: int, size_b: int, config: Config,
          ) -> tuple[float, float, float, bool]:
    """The pairing rule on exact shingle counts: (score, jaccard, containment, contained).

    Two units pair when their Jaccard similarity reaches ``pair_threshold``, or when one is
    an abridged copy of the other: containment (shared shingles over the smaller set)
    reaches ``containment_threshold`` and the smaller is not a tiny fragment. ``score`` is
    0 when they do not pair; ``contained`` says the pair holds by containment alone.

    >>> judge(45, 50, 100, Config())
    (0.9, 0.4286, 0.9, True)
    """
    if not size_a or not size_b:
        return 0.0, 0.0, 0.0, False
    jaccard = shared / (size_a + size_b - shared)
    containment = shared / min(size_a, size_b)
    score, contained = rule(shared, size_a, size_b, config)
    return round(score, 4), round(jaccard, 4), round(containment, 4), contained


def rule(shared: int, size_a: int, size_b: int, config: Config) -> tuple[float, bool]:
    """:func:`judge`'s decision alone, unrounded: (score, contained), score 0 when the two
    sets (both non-empty) do not pair. The cluster engine runs it for every candidate."""
    small, large = (size_a, size_b) if size_a <= size_b else (size_b, size_a)
    jaccard = shared / (size_a + size_b - shared)
    containment = shared / small
    if jaccard >= config.pair_threshold:
        return max(jaccard, containment), False
    if small >= config.containment_min_ratio * large \
            and containment >= config.containment_threshold:
        return containment, True
    return 0.0, False


def is_short(key: str) -> bool:
    """A unit whose match key is short enough to be compared character by character too
    (one changed character costs it most of its shingles), and not too short for that.

    >>> is_short("床前明月光"), is_short("谢谢"), is_short("长" * 40)
    (True, False, False)
    """
    return SHORT_MIN <= len(key) < _SHORT_MAX


def similarity(a: np.ndarray, b: np.ndarray, config: Config) -> tuple[float, float, float]:
    """(score, jaccard, containment) of two exact shingle sets, by :func:`judge`."""
    score, jaccard, containment, _ = judge(overlap(a, b), len(a), len(b), config)
    return score, jaccard, containment


def unit_key(unit: Unit) -> str:
    """The text a unit is matched on: no punctuation or spaces, width and script folded."""
    return to_simplified(match_key(unit.text))


def pair_units(left: Sequence[Unit], right: Sequence[Unit], config: Config,
               keys: tuple[Sequence[str], Sequence[str]] | None = None,
               any_family: bool = False) -> tuple[Match, ...]:
    """One-to-one matches between the content units of two documents, in ``left`` order.

    Candidates come from MinHash LSH, every candidate is verified on the exact shingle
    sets, and the best-scoring verified pairs are taken greedily (ties go to the pair
    whose positions in the two documents are closest). ``keys`` overrides the text each
    unit is matched on (e.g. with boilerplate taken out). A Q&A pairs with a Q&A only,
    unless ``any_family``.
    """
    li = [i for i, u in enumerate(left) if u.kind in CONTENT_KINDS]
    ri = [j for j, u in enumerate(right) if u.kind in CONTENT_KINDS]
    lk = [keys[0][i] if keys else unit_key(left[i]) for i in li]
    rk = [keys[1][j] if keys else unit_key(right[j]) for j in ri]
    lf = fingerprint_keys(lk, config.shingle_size, config.num_perm, config.seed)
    rf = fingerprint_keys(rk, config.shingle_size, config.num_perm, config.seed)
    scored: list[_Candidate] = []
    for x, y in candidates(lf, rf, config.lsh_threshold, config.num_perm):
        a, b = left[li[x]], right[ri[y]]
        if FAMILY[a.kind] != FAMILY[b.kind] and not any_family:
            continue
        score, jaccard, containment = similarity(lf.shingles[x], rf.shingles[y], config)
        if score > 0:
            rank_gap = abs(x / max(len(li), 1) - y / max(len(ri), 1))
            scored.append((-score, rank_gap, li[x], ri[y], jaccard, containment, score))
    short_a = [x for x, key in enumerate(lk) if is_short(key)]
    short_b = [y for y, key in enumerate(rk) if is_short(key)]
    if short_a and short_b and len(short_a) * len(short_b) <= SHORT_PAIRS:
        seen = {(c[2], c[3]) for c in scored}
        for score, x, y in cross_pairs([lk[x] for x in short_a], [rk[y] for y in short_b],
                                       config.short_threshold):
            i, j = li[short_a[x]], ri[short_b[y]]
            if (i, j) not in seen and (any_family or FAMILY[left[i].kind] == FAMILY[right[j].kind]):
                rank_gap = abs(short_a[x] / max(len(li), 1) - short_b[y] / max(len(ri), 1))
                scored.append((-score, rank_gap, i, j, 0.0, 0.0, score))
    scored.extend(_same_questions(left, right, li, ri, lf, rf, scored, config))
    # (of two pairs that score alike, the one more alike whole goes first: a list item
    # contained in another scores as much as its identical copy)
    # (and of copies of one text a document sets twice, the first)
    again = _repeats(li, lk, 0) | _repeats(ri, rk, 1)
    scored.sort(key=lambda c: (c[0], -c[4], again.get(c[2], 0) + again.get(-1 - c[3], 0),
                               *c[1:4]))
    chosen = _one_to_one(scored)
    # (a pair weighs the characters it can share: a list item that pairs with the article
    # it quotes weighs no more than the item)
    size = {li[x]: len(key) for x, key in enumerate(lk)} | {-1 - ri[y]: len(key)
                                                            for y, key in enumerate(rk)}
    chain = heaviest_chain([(c[2], c[3]) for c in chosen],
                           [min(size[c[2]], size[-1 - c[3]]) for c in chosen])
    if len(chain) < len(chosen):
        # pairs out of the order of the others are chosen again, those that stand where
        # the pairs around them say first: a list item or an article that recurs, a
        # little changed, in another chapter pairs with its copy in its own place
        kept = sorted((chosen[k] for k in chain), key=lambda c: c[2])
        a_at, b_at = [c[2] for c in kept], [c[3] for c in kept]

        def in_place(c: _Candidate) -> bool:
            k = bisect_left(a_at, c[2])
            return (b_at[k - 1] if k else -1) < c[3] < (b_at[k] if k < len(b_at) else c[3] + 1)

        taken_a, taken_b = set(a_at), set(b_at)
        key_a = {li[x]: key for x, key in enumerate(lk)}
        key_b = {ri[y]: key for y, key in enumerate(rk)}

        def slot_holds_more(c: _Candidate) -> bool:
            # the units left unpaired where either unit of ``c`` stands by the pairs
            # around it hold more of its text, in runs, than the other unit of ``c``: an
            # article an edition breaks in two pairs there, not with a list item that
            # quotes a sentence of it
            i, j = c[2], c[3]
            held = _shared_runs(key_a[i], key_b[j])
            for at, other, mine, others, free in ((a_at, b_at, key_a[i], key_b, taken_b),
                                                  (b_at, a_at, key_b[j], key_a, taken_a)):
                k = bisect_left(at, i if at is a_at else j)
                lo, hi = other[k - 1] if k else -1, other[k] if k < len(other) else None
                slot = [key for n, key in others.items()
                        if n > lo and (hi is None or n < hi) and n not in free]
                # (a unit there, or two side by side: not a long stretch of other units,
                # which share runs of a few characters with anything by chance)
                if any(_shared_runs(mine, "".join(slot[k:k + 2])) > held
                       for k in range(len(slot))):
                    return True
            return False

        # (a copy word for word goes first wherever it stands)
        rest = sorted((c for c in scored if c[2] not in taken_a and c[3] not in taken_b
                       and (c[4] >= _MOVED_ALIKE or in_place(c) or not slot_holds_more(c))),
                      key=lambda c: (c[4] < 1.0, c[0] - _IN_PLACE_BONUS * in_place(c), -c[4],
                                     *c[1:4]))
        chosen = kept + _one_to_one(rest)
    return tuple(sorted((Match(i, j, round(shown, 4), round(jaccard, 4), round(containment, 4))
                         for _, _, i, j, jaccard, containment, shown in chosen),
                        key=lambda m: (m.a, m.b)))


#: a pair out of the order of the others this alike as a whole (Jaccard) is a passage
#: moved, wherever the copies leave other text unpaired
_MOVED_ALIKE = 0.5
#: characters in a row two texts share that count as held
_RUN = 4


def _shared_runs(a: str, b: str) -> int:
    """The characters ``a`` and ``b`` share in order, in runs of :data:`_RUN` or more.

    >>> _shared_runs("甲乙丙丁戊己", "甲乙丙丁庚己")
    4
    """
    return sum(end - start for start, end, _ in equal_blocks(a, b) if end - start >= _RUN)


def _repeats(numbers: Sequence[int], keys: Sequence[str], side: int) -> dict[int, int]:
    """For each unit (``numbers``, matched on ``keys``) whose text the document set
    before, how many times it did, keyed by its number (A) or ``-1 - number`` (B).

    >>> _repeats([0, 2, 5], ["甲", "乙", "甲"], 1)
    {-6: 1}
    """
    seen: Counter[str] = Counter()
    out = {}
    for n, key in zip(numbers, keys, strict=True):
        if key and seen[key]:
            out[-1 - n if side else n] = seen[key]
        seen[key] += 1
    return out


#: a pair that stands where the pairs around it say is preferred to a better-scoring one
#: out of order by up to this much of the score
_IN_PLACE_BONUS = 0.15


def _one_to_one(scored: Iterable[_Candidate]) -> list[_Candidate]:
    """The candidates taken greedily as they come, none sharing a unit with one before."""
    used_a: set[int] = set()
    used_b: set[int] = set()
    out = []
    for c in scored:
        if c[2] not in used_a and c[3] not in used_b:
            used_a.add(c[2])
            used_b.add(c[3])
            out.append(c)
    return out


def _question(unit: Unit) -> str:
    """The match key of a Q&A turn's question: its first paragraph after the label."""
    first = unit.text.split("\n", 1)[0]
    if unit.label and first.startswith(unit.label):
        first = first[len(unit.label):]
    return to_simplified(match_key(first))


def _same_questions(left: Sequence[Unit], right: Sequence[Unit], li: Sequence[int],
                    ri: Sequence[int], lf: Fingerprints, rf: Fingerprints,
                    scored: Sequence[_Candidate], config: Config) -> list[_Candidate]:
    """Candidates of Q&A turns that ask the same question (at least ``short_threshold``
    alike, character by character, and ``_QUESTION_MIN`` characters long) but whose
    answers one copy abridged below the shingle rule. They rank after every pair the
    rule makes (their score is weighted by ``_QUESTION_WEIGHT``)."""
    asked = [[(x, _question(units[k])) for x, k in enumerate(numbers) if units[k].kind == "qa"]
             for units, numbers in ((left, li), (right, ri))]
    qa_a, qa_b = ([(x, q) for x, q in found if len(q) >= _QUESTION_MIN] for found in asked)
    if not qa_a or not qa_b or len(qa_a) * len(qa_b) > SHORT_PAIRS:
        return []
    seen = {(c[2], c[3]) for c in scored}
    out = []
    for score, a, b in cross_pairs([q for _, q in qa_a], [q for _, q in qa_b],
                                   config.short_threshold):
        x, y = qa_a[a][0], qa_b[b][0]
        i, j = li[x], ri[y]
        if (i, j) in seen:
            continue
        _, jaccard, containment = similarity(lf.shingles[x], rf.shingles[y], config)
        rank_gap = abs(x / max(len(li), 1) - y / max(len(ri), 1))
        out.append((-score * _QUESTION_WEIGHT, rank_gap, i, j, jaccard, containment,
                    max(jaccard, containment)))
    return out


def match_exact(left: Sequence[Unit], right: Sequence[Unit], kinds: frozenset[str],
                anchors: Sequence[tuple[int, int]] = ()) -> tuple[tuple[int, int], ...]:
    """One-to-one matches of units of ``kinds`` whose texts are identical, in order.

    Of the copies of a text one document sets more than once, those that stand in the
    order of the others and of ``anchors`` (pairs found already) go first: a table of
    contents does not take a chapter heading from its place in the body. Copies out of
    that order pair after, first with first (a chapter heading an edition moved).

    Only identical texts: a heading or a piece of furniture that differs in any way
    (even punctuation) stays unpaired and is reported; page furniture is compared on its
    match key in simplified characters (央視網消息 is 央视网消息, ５月 is 5月, and a
    dateline in brackets is the same dateline: it is not read, only set aside).
    """
    def key(unit: Unit) -> tuple[str, str]:
        return unit.kind, _furniture_key(unit) if unit.kind == "furniture" else unit.text

    pool: dict[tuple[str, str], list[int]] = {}
    for j, unit in enumerate(right):
        if unit.kind in kinds:
            pool.setdefault(key(unit), []).append(j)
    mine = {i: key(unit) for i, unit in enumerate(left) if unit.kind in kinds}
    out: list[tuple[int, int]] = []
    if sum(len(pool.get(k, ())) for k in mine.values()) <= _EXACT_PLACES:
        places = [(i, j) for i, k in mine.items() for j in pool.get(k, ())]
        # (an anchor outweighs any number of copies)
        links = [*anchors, *places]
        chain = heaviest_chain(links, [len(places) + 1] * len(anchors) + [1] * len(places))
        kept = [links[k] for k in chain if k < len(anchors)]
        out = [links[k] for k in chain if k >= len(anchors)]
        theirs: dict[int, tuple[str, str]] = {j: k for k, js in pool.items() for j in js}
        own: dict[tuple[str, str], list[int]] = defaultdict(list)
        for i, k in mine.items():
            own[k].append(i)
        # (the nearest copies in B, then in A)
        out = _nearer(kept, out, lambda i: pool.get(mine[i], ()))
        out = [(i, j) for j, i in _nearer([(j, i) for i, j in kept], [(j, i) for i, j in out],
                                         lambda j: own.get(theirs[j], ()))]
        taken_b = {j for _, j in out}
        for copies in pool.values():
            copies[:] = [j for j in copies if j not in taken_b]
    taken_a = {i for i, _ in out}
    for i, k in mine.items():
        waiting = pool.get(k)
        if waiting and i not in taken_a:
            out.append((i, waiting.pop(0)))
    return tuple(sorted(out))


#: page furniture one copy sets as this many pieces in a row at most reads as one piece
#: of the other's (:func:`match_furniture_pieces`)
_FURNITURE_PIECES_MAX = 4


def _furniture_key(unit: Unit) -> str:
    """What page furniture is compared on (:func:`match_exact`)."""
    return to_simplified(match_key(unit.text)) or unit.text


def match_furniture_pieces(left: Sequence[Unit], right: Sequence[Unit],
                           taken: tuple[set[int], set[int]],
                           ) -> list[tuple[list[int], list[int]]]:
    """Page furniture one copy sets as one piece and the other as several in a row, the
    same characters (a dateline and its reporters that a column break set apart:
    本报杭州3月5日电 / （记者 陈晓燕）against 本报杭州3月5日电（记者陈晓燕）): runs (A's
    units, B's units), of units in neither ``taken`` set (A's, B's).

    >>> from variantdiff import document_from_text as read
    >>> a = read("本报杭州3月5日电（记者 陈晓燕）\\n\\n清晨六点，茶园里还笼着薄雾。\\n").units
    >>> b = read("本报杭州3月5日电\\n\\n（记者 陈晓燕）\\n\\n清晨六点，茶园里还笼着薄雾。\\n").units
    >>> match_furniture_pieces(a, b, ({1}, {2}))
    [([0], [0, 1])]
    """
    sides = (left, right)
    free = [[k for k, u in enumerate(units) if u.kind == "furniture" and k not in taken[d]]
            for d, units in enumerate(sides)]
    out: list[tuple[list[int], list[int]]] = []
    used: tuple[set[int], set[int]] = (set(), set())
    for d in (0, 1):
        wanted: dict[str, list[int]] = defaultdict(list)
        for k in free[d]:
            wanted[_furniture_key(sides[d][k])].append(k)
        other = sides[1 - d]
        for k in free[1 - d]:
            if k in used[1 - d]:
                continue
            key, run = "", []
            for x in range(k, min(k + _FURNITURE_PIECES_MAX, len(other))):
                if other[x].kind != "furniture" or x in taken[1 - d] or x in used[1 - d]:
                    break
                key += _furniture_key(other[x])
                run.append(x)
                one = next((y for y in wanted.get(key, ()) if y not in used[d]), None)
                if len(run) > 1 and one is not None:
                    used[d].add(one)
                    used[1 - d].update(run)
                    out.append(([one], run) if d == 0 else (run, [one]))
                    break
    return sorted(out)


def _nearer(anchors: Sequence[tuple[int, int]], pairs: Sequence[tuple[int, int]],
            copies: Callable[[int], Sequence[int]]) -> list[tuple[int, int]]:
    """``pairs`` (x, y), in order with each other and with ``anchors``, each with the copy
    of its partner (``copies(x)``: the y positions of the same text) that stands between
    the same two places of the chain nearest where the next place (or the one before, at
    the end) says: of two copies of a chapter heading before the first article, the one
    right before it, not the table of contents' one."""
    links = sorted([*anchors, *pairs])
    taken = {y for _, y in links}
    out = []
    for x, y in pairs:
        at = bisect_left(links, (x, y))
        px, py = links[at - 1] if at else (-1, -1)
        after = links[at + 1] if at + 1 < len(links) else None
        # (how far a copy at position c stands from where that place says)
        near, gap = (after, after[0] - x) if after else ((px, py), px - x)
        free = [c for c in copies(x) if c not in taken and py < c
                and (after is None or c < after[1])]
        best = min(free, key=lambda c: (abs(gap - (near[1] - c)), c), default=y)
        if abs(gap - (near[1] - best)) < abs(gap - (near[1] - y)):
            taken.discard(y)
            taken.add(best)
            y = best
        out.append((x, y))
    return out


#: identical units set more than this many times over in both documents together are
#: matched first with first, not by their order
_EXACT_PLACES = 50_000


def match_heading_as_text(left: Sequence[Unit], right: Sequence[Unit],
                          taken: tuple[set[int], set[int]]) -> tuple[tuple[int, int], ...]:
    """One-to-one matches, in order, of a heading of one document with a text unit of the
    other that reads the same (spaces and punctuation aside): a title or a headline that
    one copy sets as a heading and the other as a paragraph. Units in ``taken`` (A's, B's)
    are left out."""
    pool: dict[tuple[str, str], list[int]] = {}
    for j, unit in enumerate(right):
        if j not in taken[1] and unit.kind in ("heading", "text"):
            pool.setdefault((unit.kind, match_key(unit.text)), []).append(j)
    out = []
    for i, unit in enumerate(left):
        if i in taken[0] or unit.kind not in ("heading", "text"):
            continue
        key = match_key(unit.text)
        waiting = pool.get(("text" if unit.kind == "heading" else "heading", key))
        if key and waiting:
            out.append((i, waiting.pop(0)))
    return tuple(out)


def headline_lengths(a: str, b: str) -> bool:
    """Two headings' keys ``a`` and ``b`` are as long, or nearly and with the same ends
    (:data:`HEADING_LENGTH_GAP`), as a headline and itself with a word changed are.

    >>> headline_lengths("美参议院要求举行公开听证", "美参议决要求举行基础设施听证")
    True
    >>> headline_lengths("王毅就中国外交政策答记者问", "就中国外交政策答记者问")
    False

    One is the other with a character dropped at one end:

    >>> headline_lengths("长江经济带发展取得历史性成就", "长江经济带发展取得历史性成")
    True
    >>> headline_lengths("长江经济带发展取得历史性成就", "江经济带发展取得历史性成就")
    True
    """
    gap = abs(len(a) - len(b))
    short, long = sorted((a, b), key=len)
    return gap == 0 or (gap <= HEADING_LENGTH_GAP and a[:HEADING_ENDS] == b[:HEADING_ENDS]
                        and a[-HEADING_ENDS:] == b[-HEADING_ENDS:]) \
        or (gap == 1 and len(short) >= HEADING_ENDS and short in (long[1:], long[:-1]))


def cut_off_beside(key: str, other: str, before: str | None, after: str | None) -> bool:
    """Heading ``key`` is heading ``other`` with its last character (or its first) cut
    off, and that character is the unit after it (``after``, its key; or the one before
    it, ``before``): a column break cut the heading (…的解 / 释), and the two lines are
    read together, not as the heading with a character dropped.

    >>> cut_off_beside("中华人民共和国农产品质量安全", "中华人民共和国农产品质量安全法", None, "法")
    True
    >>> cut_off_beside("长江经济带发展取得历史性成", "长江经济带发展取得历史性成就", None, "就业形势")
    False
    """
    if len(other) != len(key) + 1:
        return False
    if other.startswith(key):
        return after == other[-1]
    return other.endswith(key) and before == other[0]


def _end_beside(units: Sequence[Unit], i: int, key: str, other: str) -> bool:
    """:func:`cut_off_beside` for heading ``units[i]``, page furniture passed over."""
    def beside(step: int) -> str | None:
        k = i + step
        while 0 <= k < len(units) and units[k].kind == "furniture":
            k += step
        return unit_key(units[k]) if 0 <= k < len(units) else None

    return len(other) == len(key) + 1 and cut_off_beside(key, other, beside(-1), beside(1))


def unframed(text: str) -> str:
    """Furniture without its white space, a bullet before it, the brackets around it and
    the 据 a paper credits another's story with: (据新华社北京5月24日电), 据新华社北京5月24日电
    and 新华社北京5月24日电 are one dateline, set three ways (:func:`frame`)."""
    bare = "".join(text.split())
    lo, hi = frame(bare)
    return bare[lo:hi]


#: bullets page furniture may open with, and the marks a photo's caption opens with
_BULLETS = "□■◎●◆▲△▼▽"


def frame(text: str, brackets: bool = True) -> tuple[int, int]:
    """Where furniture ``text`` starts and ends once what frames it is set aside: white
    space and a bullet before it, brackets that open it and close at its end (and not
    before: （新华社电）（记者王磊） is two bracketed stretches), the 据 after them; the
    brackets kept without ``brackets``.

    >>> frame("(据新华社北京6月15日电)"), frame("（新华社电）（记者王磊）"), frame(" ■据新华社电 ")
    ((2, 13), (0, 12), (3, 7))
    """
    lo, hi = 0, len(text)
    while lo < hi and (text[lo].isspace() or text[lo] in _BULLETS):
        lo += 1
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    if brackets and hi - lo > 2 and closed_at_end(text[lo:hi]):
        lo, hi = lo + 1, hi - 1
    if text[lo:lo + 1] == "据" and hi - lo > 1:
        lo += 1
    return lo, hi


def closed_at_end(text: str) -> bool:
    """``text`` opens with a bracket that closes at its end, not before.

    >>> closed_at_end("（新华社电（记者王磊））"), closed_at_end("（新华社电）（记者王磊）")
    (True, False)
    """
    depth = 0
    for k, char in enumerate(text):
        depth += (char in "（(【[") - (char in "）)】]")
        if depth <= 0:
            return depth == 0 and k == len(text) - 1 and k > 0
    return False


def match_furniture(left: Sequence[Unit], right: Sequence[Unit],
                    same: Iterable[tuple[int, int]], taken: tuple[set[int], set[int]],
                    threshold: float) -> tuple[Match, ...]:
    """Page furniture both copies set that differs in its characters, one-to-one (its
    variants are listed like a pair's: a dateline's date, 7月15日电/7月16日电; a reporter's
    name a transcription misread; the width of its brackets). Of the furniture paired as
    the same on its match key (``same``), that which is set otherwise than :func:`unframed`
    allows; then the furniture of neither ``taken`` set (A's, B's) at least ``threshold``
    alike character by character on its key, best first, ties to the closest in order
    (some of which may be the same, but for a 据 or brackets). Page jumps, running heads
    that name their page and page numbers are each copy's own: they pair only as the
    same.

    >>> from variantdiff import document_from_text as read
    >>> a = read("新华社文昌7月15日电（记者 王磊）\\n\\n天舟货运飞船发射成功。\\n").units
    >>> b = read("新华社文昌7月16日电（记者王磊）\\n\\n天舟货运飞船发射成功。\\n").units
    >>> [(m.a, m.b) for m in match_furniture(a, b, [], (set(), set()), 0.75)]
    [(0, 0)]
    """
    out = [Match(i, j, 1.0, 0.0, 0.0) for i, j in same if left[i].kind == "furniture"
           and unframed(left[i].text) != unframed(right[j].text)]
    li = [i for i, u in enumerate(left)
          if u.kind == "furniture" and i not in taken[0] and not is_page_mark(u.text)]
    ri = [j for j, u in enumerate(right)
          if u.kind == "furniture" and j not in taken[1] and not is_page_mark(u.text)]
    found = cross_pairs([_furniture_key(left[i]) for i in li],
                        [_furniture_key(right[j]) for j in ri], threshold)
    out += [Match(li[x], ri[y], score, 0.0, 0.0) for score, x, y in _best_first(found)]
    return tuple(sorted(out, key=lambda m: (m.a, m.b)))


def _best_first(found: Sequence[tuple[float, int, int]]) -> list[tuple[float, int, int]]:
    """One-to-one choice of (score, x, y) candidates: the best first, of as good the
    closest in order (x and y nearest), then the first."""
    used_a: set[int] = set()
    used_b: set[int] = set()
    out = []
    for score, x, y in sorted(found, key=lambda f: (-f[0], abs(f[1] - f[2]), f[1], f[2])):
        if x not in used_a and y not in used_b:
            used_a.add(x)
            used_b.add(y)
            out.append((score, x, y))
    return out


def match_headings(left: Sequence[Unit], right: Sequence[Unit],
                   taken: tuple[set[int], set[int]], threshold: float,
                   copies: bool = False) -> tuple[Match, ...]:
    """One-to-one matches of the headings left out of ``taken`` (A's, B's) of the same
    length that are at least ``threshold`` alike character by character (a headline with
    a character or a word changed; a reworded one, longer or shorter, stays unpaired),
    also with a paragraph of the other copy that sets the headline as text, best first,
    ties to the closest in order; their variants are listed like a pair's. Where the two
    documents are ``copies`` (they pair some text), a heading one sets on two lines pairs
    with the other's on one."""
    li = [i for i, u in enumerate(left) if u.kind in ("heading", "text") and i not in taken[0]]
    ri = [j for j, u in enumerate(right) if u.kind in ("heading", "text") and j not in taken[1]]
    # (a chapter renumbered is the same heading: 第十章公司解散和清算 / 第十二章…; and a
    # date in words is the date in digits: 7月二十七日 / 7月27日)
    lk = [to_arabic(_ORDINAL.sub("第#", unit_key(left[i]))) for i in li]
    rk = [to_arabic(_ORDINAL.sub("第#", unit_key(right[j]))) for j in ri]
    # (a headline one copy sets as a paragraph pairs too; two paragraphs are left to the
    # rules for text)
    found = [f for f in cross_pairs(lk, rk, threshold)
             if headline_lengths(lk[f[1]], rk[f[2]])
             and "heading" in (left[li[f[1]]].kind, right[ri[f[2]]].kind)
             and not _end_beside(left, li[f[1]], lk[f[1]], rk[f[2]])
             and not _end_beside(right, ri[f[2]], rk[f[2]], lk[f[1]])]
    chosen = _best_first(found)
    used_a = {x for _, x, _ in chosen}
    used_b = {y for _, _, y in chosen}
    out = [Match(li[x], ri[y], score, 0.0, 0.0) for score, x, y in chosen]
    # (a heading one copy sets on two lines, each a heading of its own, 中华人民共和国各级
    # 人民代表大会 / 常务委员会监督法: the first line pairs with the other copy's heading,
    # and the second joins it as a piece beside it)
    sides = ((left, li, lk, used_a), (right, ri, rk, used_b))
    for d, ((units, ids, keys, used), (others, other_ids, other_keys, other_used)) in enumerate(
            (sides, sides[::-1]) if copies else ()):
        whole = {key: z for z, key in enumerate(other_keys) if z not in other_used
                 and others[other_ids[z]].kind == "heading"}
        for x in range(len(ids) - 1):
            z = whole.get(keys[x] + keys[x + 1])
            if z is not None and ids[x + 1] == ids[x] + 1 and x not in used \
                    and x + 1 not in used and z not in other_used \
                    and units[ids[x]].kind == units[ids[x + 1]].kind == "heading" \
                    and min(len(keys[x]), len(keys[x + 1])) >= SHORT_MIN:
                used.update((x, x + 1))
                other_used.add(z)
                out.append(Match(ids[x], other_ids[z], 1.0, 0.0, 0.0) if d == 0
                           else Match(other_ids[z], ids[x], 1.0, 0.0, 0.0))
    return tuple(sorted(out, key=lambda m: (m.a, m.b)))


def match_slots(left: Sequence[Unit], right: Sequence[Unit],
                anchors: Sequence[tuple[Sequence[int], Sequence[int]]],
                keys: tuple[Sequence[str], Sequence[str]], taken: tuple[set[int], set[int]],
                config: Config) -> tuple[Match, ...]:
    """One-to-one matches of content units that both documents leave unpaired in the same
    place: between the same two ``anchors`` (runs of paired units, A's and B's) in both
    documents, at least ``slot_threshold`` alike character by character (two turns with
    the same reporter's label, ``_LABELLED_SLOT``; ``keys``: each unit's match key), best
    first and in order.

    A transcription misread so often that few of its shingles survive (干脱这样吧 for
    干脆这样吧) still stands where its original stands; two texts compared whole are one
    place. Two headings pair there too where one is the other with a stretch added
    inside (a dated line: …会议修订 / …会议第一次修订), or, the only heading each copy
    leaves there, where they are as alike and nearly as long with the same ends
    (:func:`headline_lengths`: a word changed, 法定计量单位的使用 / 法定开放的使用); a
    headline reworded stays unpaired.
    """
    out = []
    for (_, a0, _, b0), (a1, _, b1, _) in same_places(
            [(min(a), max(a), min(b), max(b)) for a, b in anchors], len(left), len(right)):
        li = [i for i in range(a0 + 1, a1) if i not in taken[0]
              and left[i].kind in _SLOT_KINDS and len(keys[0][i]) >= _LONE_MIN]
        ri = [j for j in range(b0 + 1, b1) if j not in taken[1]
              and right[j].kind in _SLOT_KINDS and len(keys[1][j]) >= _LONE_MIN]
        if len(li) > 1 or len(ri) > 1:
            # (a very short unit is weighed only where it stands alone on both sides)
            li = [i for i in li if len(keys[0][i]) >= SHORT_MIN]
            ri = [j for j in ri if len(keys[1][j]) >= SHORT_MIN]
        if not li or not ri or len(li) * len(ri) > SHORT_PAIRS:
            continue
        # (the only heading each copy leaves in the place)
        lone_headings = [left[i].kind for i in li].count("heading") == 1 \
            and [right[j].kind for j in ri].count("heading") == 1
        found = sorted((f for f in _slot_pairs([keys[0][i] for i in li],
                                               [keys[1][j] for j in ri],
                                               min(config.slot_threshold, _LABELLED_SLOT))
                        if _dated_lines(left[li[f[1]]], right[ri[f[2]]], keys[0][li[f[1]]],
                                        keys[1][ri[f[2]]])
                        or (_family(left[li[f[1]]]) == _family(right[ri[f[2]]])
                            and ((f[0] >= config.slot_threshold
                                 and _ask_alike(left[li[f[1]]], right[ri[f[2]]]))
                                 or _same_asker(left[li[f[1]]], right[ri[f[2]]],
                                                keys[0][li[f[1]]], keys[1][ri[f[2]]])
                                 or (len(li) == len(ri) == 1
                                     and _share_a_sentence(left[li[0]], right[ri[0]])))
                            and (left[li[f[1]]].kind != "heading"
                                 or _one_stretch_apart(keys[0][li[f[1]]],
                                                       keys[1][ri[f[2]]])
                                 or (f[0] >= config.slot_threshold and lone_headings
                                     and headline_lengths(keys[0][li[f[1]]],
                                                          keys[1][ri[f[2]]])
                                     and not _end_beside(left, li[f[1]], keys[0][li[f[1]]],
                                                         keys[1][ri[f[2]]])
                                     and not _end_beside(right, ri[f[2]], keys[1][ri[f[2]]],
                                                         keys[0][li[f[1]]]))))),
                       key=lambda f: (-f[0], abs(f[1] / len(li) - f[2] / len(ri)), f[1], f[2]))
        score_of = {(li[x], ri[y]): score for score, x, y in found}
        out += [Match(i, j, score_of[(i, j)], 0.0, 0.0)
                for i, j in in_order((li[x], ri[y]) for _, x, y in found)]
    return tuple(sorted(out, key=lambda m: (m.a, m.b)))


def _slot_pairs(left: Sequence[str], right: Sequence[str],
                threshold: float) -> list[tuple[float, int, int]]:
    """:func:`cross_pairs` of the keys of the units of one place, each pair as alike as
    its keys are or as they read with their numbers in figures, whichever is more: a
    notice's date in figures and its copy's in words (2024年3月15日 / 二〇二四年三月十五日)
    stand in one place.

    >>> _slot_pairs(["2024年3月15日"], ["二〇二四年三月十五日"], 0.6)
    [(1.0, 0, 0)]
    """
    found = {(x, y): score for score, x, y in cross_pairs(left, right, threshold)}
    figures = [to_arabic(key) for key in left], [to_arabic(key) for key in right]
    if figures != (list(left), list(right)):
        for score, x, y in cross_pairs(*figures, threshold):
            # (only where one sets its numbers in figures and the other in words: 十分 and
            # 千方百计 are no numbers)
            if score > found.get((x, y), 0.0) \
                    and numbers_apart(left[x], right[y], figures[0][x], figures[1][y]):
                found[(x, y)] = score
    return [(score, x, y) for (x, y), score in sorted(found.items())]


def in_order(pairs: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The pairs (i, j), taken as they come (best first), that share no member with one
    taken before nor cross it: a one-to-one matching in the order of both documents.

    >>> in_order([(2, 2), (1, 3), (1, 1), (3, 3)])
    [(2, 2), (1, 1), (3, 3)]
    """
    chosen: list[tuple[int, int]] = []
    for i, j in pairs:
        if not any(i == p or j == q or (i < p) != (j < q) for p, q in chosen):
            chosen.append((i, j))
    return chosen


def heaviest_chain(places: Sequence[tuple[int, int]], weights: Sequence[int]) -> set[int]:
    """The indices of ``places`` ((A position, B position)) that stand in the same order
    in both documents, none sharing a position: the chain of the greatest total weight
    (of chains as heavy, the one ending earliest in A), found in n log n.

    >>> sorted(heaviest_chain([(0, 1), (1, 2), (2, 0)], [5, 5, 3]))
    [0, 1]
    >>> sorted(heaviest_chain([(0, 1), (1, 0)], [2, 9]))
    [1]
    >>> sorted(heaviest_chain([(0, 0), (1, 1), (1, 2)], [1, 1, 1]))  # (one of two at 1)
    [0, 1]
    """
    # (of places at one A position, those further on in B first: at most one of them
    # joins a chain)
    order = sorted(range(len(places)), key=lambda k: (places[k][0], -places[k][1]))
    ranks = {b: r for r, b in enumerate(sorted(p[1] for p in places))}
    size = len(places)
    # a Fenwick tree over B's ranks of the best chain ending at or below each rank:
    # (total weight, -index of its last place), the index kept to follow the chain back
    tree: list[tuple[int, int]] = [(0, 1)] * (size + 1)
    back: dict[int, int] = {}
    best: tuple[int, int] = (0, 1)
    for k in order:
        rank = ranks[places[k][1]]
        before, r = (0, 1), rank
        while r > 0:
            before = max(before, tree[r])
            r -= r & -r
        if before[1] != 1:
            back[k] = -before[1]
        mine = (before[0] + weights[k], -k)
        best = max(best, mine)
        r = rank + 1
        while r <= size:
            tree[r] = max(tree[r], mine)
            r += r & -r
    chain = set()
    last: int | None = -best[1] if best[1] != 1 else None
    while last is not None:
        chain.add(last)
        last = back.get(last)
    return chain


Span4 = tuple[int, int, int, int]


def same_places(anchors: Sequence[Span4], count_a: int, count_b: int) -> list[tuple[Span4, Span4]]:
    """Pairs of anchors (A's first and last unit, B's) with the same place between them in
    both documents: consecutive anchors of the longest chain that comes in the same order
    in both (the starts and ends of the documents included). An anchor that a copy moved
    is left out of the chain, and the place around it is taken whole."""
    ends = [(-1, -1, -1, -1), *sorted(anchors), (count_a, count_a, count_b, count_b)]
    tails: list[int] = []  # B start of the last anchor of the best chain of each length
    last: list[int] = []  # that anchor
    before: list[int] = []
    for n, anchor in enumerate(ends):
        k = bisect_left(tails, anchor[2])
        if k == len(tails):
            tails.append(anchor[2])
            last.append(n)
        else:
            tails[k], last[k] = anchor[2], n
        before.append(last[k - 1] if k else -1)
    chain = []
    n = len(ends) - 1  # the end of both documents closes every chain
    while n >= 0:
        chain.append(ends[n])
        n = before[n]
    chain.reverse()
    return list(itertools.pairwise(chain))
